/**
 * Tokens and the lexer. Keywords are ordered longest first and fall back to Word when
 * a longer word matches (实施期 vs 实施期目标 vs 实施期资金). Positions are tracked as
 * offsets only; line and column are computed when a diagnostic is shown.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
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
export const Str = createToken({ name: "String", pattern: /"(?:[^"\\\n\r]|\\.)*"/, label: '"string"', categories: [Junk] });
/** A string that ends at the end of its line without a closing quote; reported. */
export const BadStr = createToken({ name: "BadString", pattern: /"(?:[^"\\\n\r]|\\.)*/, label: '"string"', categories: [Junk] });
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
];

export const lexer = new Lexer(ALL_TOKENS, {
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  skipValidations: true,
});
