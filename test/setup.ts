// The library's loader parses through src/syntax/parse.ts, which uses the full
// (Chevrotain) parser only once it is loaded; the CLI loads it on demand. Tests call the
// loader directly on every kind of input, so they load it up front.
import "../src/syntax/parser.js";
