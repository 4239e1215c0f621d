/**
 * The diagnostic codes of reading source text, declared once with their severity: the
 * character scan's, the lexer's and the parser's (syntax), lowering's (values that
 * cannot be read, statements written twice) and loading's (includes, last year's budget,
 * encodings, and what a file must be to be read). Checker rules declare their own codes
 * (check/rule.ts).
 */
import { codeTable } from "../base/diagnostics.js";

export const SYNTAX_CODES = codeTable("syntax", {
  "syntax-error": "error",
  "unexpected-character": "error",
  "unexpected-token": "error",
  "unterminated-string": "error",
  // A full-width character typed for a half-width one in the code: an error, or a
  // warning for the ideographic space, which the language reads as white space anyway.
  "full-width-character": ["error", "warning"],
  "control-character": "error",
  "too-many-errors": "error",
});

export const LOWERING_CODES = codeTable("lowering", {
  "invalid-value": "error",
  "money-unit": "error",
  "money-precision": "error",
  "money-range": "error",
  "money-negative": "error",
  "duplicate-statement": "error",
});

export const LOADING_CODES = codeTable("loading", {
  "include-outside-root": "error",
  "include-not-budget": "error",
  "file-not-regular": "error",
  "file-too-large": "error",
  "include-cycle": "error",
  "include-duplicate": "error",
  "include-not-found": "error",
  "rollup-content": "error",
  "file-encoding": "error",
});
