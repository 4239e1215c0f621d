/**
 * Tokens and the lexer. Keywords are ordered longest first and fall back to Word when
 * a longer word matches (实施期 vs 实施期目标 vs 实施期资金). Positions are tracked as
 * offsets only; line and column are computed when a diagnostic is shown.
 *
 * Every character starts some token: a run of characters that no other token can start
 * is one Unknown token, kept apart from the parser's input and reported as unexpected
 * characters. Chevrotain's own recovery from a lexing error retries every pattern at
 * every following character (about a hundred regular expressions per character, 30
 * seconds for 10 MB of junk); one Unknown token reads the same run in one match.
 *
 * No token's pattern repeats a group of alternatives: V8's regular expressions keep one
 * backtracking entry per repetition of a group, and `"(?:[^"\\]|\\.)*"` over a string of
 * 8 MB that never closes exhausts the stack. Strings and unknown runs are therefore read
 * by small scanning functions (Chevrotain's custom patterns); every other pattern
 * repeats only a character class or a fixed-width group, which V8 runs without
 * backtracking entries.
 */
import { createToken, Lexer, type IToken, type TokenType } from "chevrotain";
import { KEYWORDS, KEYWORD_TRY_ORDER } from "./keywords.js";

const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";

/**
 * Every token that can stand where a statement should start but does not belong there
 * (a stray value, a keyword of another block) is in this category, so that the parser
 * can skip it with one clear diagnostic and go on.
 */
export const Junk = createToken({ name: "Junk", pattern: Lexer.NA });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u3000\ufeff]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: "comments" });
export const LBrace = createToken({ name: "LBrace", pattern: /{/, label: "{", categories: [Junk] });
export const RBrace = createToken({ name: "RBrace", pattern: /}/, label: "}" });
/** A multi-line text block: """ … """. */
export const Text = createToken({ name: "Text", pattern: /"""[\s\S]*?"""/, line_breaks: true, label: '"""text"""', categories: [Junk] });
/** A text block that never closes: it runs to the end of the file and is reported. */
export const BadText = createToken({ name: "BadText", pattern: /"""[\s\S]*/, line_breaks: true, label: '"""text"""', categories: [Junk] });
/**
 * The end of a string that opens with the quote at `p`, as `"(?:[^"\\\n\r]|\\.)*"` reads it:
 * `closed` when its closing quote is on the same line; otherwise where it stops (at the
 * line break, or before a backslash that escapes nothing). A backslash escapes any
 * character but a line terminator (`.` matches none of \n, \r, U+2028, U+2029).
 */
function scanString(text: string, p: number): { end: number; closed: boolean } {
  const len = text.length;
  p++;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (c === 0x22) return { end: p + 1, closed: true };
    if (c === 0x5c) {
      if (p + 1 >= len) break;
      const d = text.charCodeAt(p + 1);
      if (d === 0x0a || d === 0x0d || d === 0x2028 || d === 0x2029) break;
      p += 2;
    } else if (c === 0x0a || c === 0x0d) {
      break;
    } else {
      p++;
    }
  }
  return { end: p, closed: false };
}

/**
 * What a String is, as a regular expression: the grammar (ebnf.ts) prints it, and a
 * property test holds the scanner to it. The lexer runs `scanString` instead.
 */
export const STRING_SPEC = /"(?:[^"\\\n\r]|\\.)*"/;
/** A string without its closing quote, as the lexer reads it: `STRING_SPEC` without the last quote. */
export const BAD_STRING_SPEC = /"(?:[^"\\\n\r]|\\.)*/;

export const Str = createToken({
  name: "String",
  pattern: {
    exec: (text, offset) => {
      if (text.charCodeAt(offset) !== 0x22) return null;
      const s = scanString(text, offset);
      return s.closed ? [text.slice(offset, s.end)] : null;
    },
  },
  start_chars_hint: ['"'],
  line_breaks: false,
  label: '"string"',
  categories: [Junk],
});
/** A string that ends at the end of its line without a closing quote; reported. */
export const BadStr = createToken({
  name: "BadString",
  pattern: {
    exec: (text, offset) => {
      if (text.charCodeAt(offset) !== 0x22) return null;
      // Tried only where String failed; read exactly as BAD_STRING_SPEC all the same.
      const s = scanString(text, offset);
      return [text.slice(offset, s.closed ? s.end - 1 : s.end)];
    },
  },
  start_chars_hint: ['"'],
  line_breaks: false,
  label: '"string"',
  categories: [Junk],
});
export const DateTok = createToken({ name: "Date", pattern: /\d{4}-\d{2}-\d{2}(?![\d])/, label: "date", categories: [Junk] });
/** A numeral with an optional unit: 6389.17万元, 52,000,000元, 95%, 50次, 2010401. */
export const Num = createToken({
  name: "Number",
  pattern: new RegExp(`[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:%|‰|[${CJK}（）]+)?`),
  label: "number",
  categories: [Junk],
});
export const Word = createToken({
  name: "Word",
  pattern: new RegExp(`[A-Za-z_${CJK}][A-Za-z0-9_\\-${CJK}]*`),
  label: "word",
  categories: [Junk],
});

/**
 * Whether a token starts at `i`: white space, #, a brace, a quote, a digit, a word
 * character, or a sign before a digit (which starts a Number).
 */
function startsToken(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x2b || c === 0x2d) {
    const d = text.charCodeAt(i + 1);
    return d >= 0x30 && d <= 0x39;
  }
  return c < 0x80 ? ASCII_STARTS[c] === 1 : c === 0x3000 || c === 0xfeff || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

const ASCII_STARTS = new Uint8Array(128);
for (const ch of ' \t\r\n#{}"0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') ASCII_STARTS[ch.charCodeAt(0)] = 1;

/**
 * Every UTF-16 code unit that may begin an Unknown run: all but those that always start
 * another token (a sign may begin one, when no digit follows it). Telling Chevrotain
 * lets it keep its first-character table, which picks the few patterns worth trying at
 * each position instead of trying them all.
 */
function unknownStarts(): number[] {
  const out: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (!startsToken(String.fromCharCode(c), 0)) out.push(c);
  return out;
}

/** A run of characters no other token starts. Its own group: the parser never sees it. */
export const Unknown = createToken({
  name: "Unknown",
  pattern: {
    exec: (text, offset) => {
      let p = offset;
      while (p < text.length && !startsToken(text, p)) p++;
      return p > offset ? [text.slice(offset, p)] : null;
    },
  },
  start_chars_hint: unknownStarts(),
  line_breaks: false,
  group: "unknown",
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

/** Keyword tokens by name. */
export const KEYWORD_TOKENS: ReadonlyMap<string, TokenType> = new Map(
  KEYWORDS.map((k) => [
    k.name,
    createToken({
      name: k.name,
      pattern: new RegExp(`${escapeRe(k.zh)}|${escapeRe(k.en)}(?![A-Za-z0-9_-])`),
      longer_alt: Word,
      label: k.zh,
      categories: [Junk],
    }),
  ]),
);

const keywordsLongestFirst = KEYWORD_TRY_ORDER.map((k) => KEYWORD_TOKENS.get(k.name)!);

export const ALL_TOKENS: TokenType[] = [
  Junk,
  WhiteSpace,
  Comment,
  LBrace,
  RBrace,
  Text,
  BadText,
  Str,
  BadStr,
  DateTok,
  Num,
  ...keywordsLongestFirst,
  Word,
  Unknown,
];

export const lexer = new Lexer(ALL_TOKENS, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});

/** What the lexer read: the parser's tokens, the comments, and the runs of unexpected characters. */
export interface Lexed {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly unexpected: readonly { readonly offset: number; readonly length: number }[];
}

export function tokenize(text: string): Lexed {
  const r = lexer.tokenize(text);
  // Chevrotain's own errors cannot arise (every character starts a token); they are kept as a guard.
  const unexpected = [...(r.groups["unknown"] ?? []).map((t) => ({ offset: t.startOffset, length: t.image.length })), ...r.errors.map((e) => ({ offset: e.offset, length: e.length }))];
  unexpected.sort((a, b) => a.offset - b.offset);
  return { tokens: r.tokens, comments: r.groups["comments"] ?? [], unexpected };
}
