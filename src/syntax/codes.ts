/**
 * The diagnostic codes of reading source text, declared once with their severity: the
 * lexer and parser's (syntax), lowering's (values that cannot be read, statements written
 * twice) and loading's (includes, last year's budget, and what a file must be to be
 * read). Checker rules declare their own codes (check/rule.ts).
 */
import { codeTable } from "../base/diagnostics.js";

export const SYNTAX_CODES = codeTable("syntax", {
  "syntax-error": "error",
  "unexpected-character": "error",
  "unexpected-token": "error",
  "unterminated-string": "error",
  "too-many-errors": "error",
});

export const LOWERING_CODES = codeTable("lowering", {
  "invalid-value": "error",
  "money-unit": "error",
  "money-precision": "error",
  "money-range": "error",
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
});
