/**
 * The index of every diagnostic code: each stage's table and each checker rule, in
 * pipeline order. A code is declared once, where it is raised; this only gathers the
 * declarations, for `yusuan explain --list` and for the generated table of codes
 * (docs/diagnostics/README.md, kept true by test/meta.test.ts).
 */
import type { CodeSpec } from "../base/diagnostics.js";
import { CATALOGUE_CODES } from "../catalogue/codes.js";
import { CHECKING_CODES, ROLLUP_CODES } from "../check/codes.js";
import { ruleSpec } from "../check/rule.js";
import { RULES } from "../check/rules/index.js";
import { IMPORT_CODES } from "../import/codes.js";
import { LOADING_CODES, LOWERING_CODES, SYNTAX_CODES } from "../syntax/codes.js";

export const CODES: readonly CodeSpec[] = [
  ...SYNTAX_CODES.specs,
  ...LOWERING_CODES.specs,
  ...LOADING_CODES.specs,
  ...CATALOGUE_CODES.specs,
  ...CHECKING_CODES.specs,
  ...RULES.map(ruleSpec),
  ...ROLLUP_CODES.specs,
  ...IMPORT_CODES.specs,
];

export const CODE_BY_NAME: ReadonlyMap<string, CodeSpec> = new Map(CODES.map((c) => [c.code, c]));
