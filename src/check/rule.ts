/**
 * What a checker rule is. One rule checks one invariant, lives in its own file under
 * rules/ named after its diagnostic code, states the invariant in its doc comment, and is
 * registered in rules/index.ts. Rules are pure: they read the context and report.
 *
 * A rule declares its code and severity once, here in its definition; `report` fills
 * them into every diagnostic it makes.
 */
import type { ProfileFacts } from "../model/spec.js";
import type { Bilingual, CodeSpec, DiagnosticExtra, Severity } from "../base/diagnostics.js";
import type { Span } from "../base/source.js";
import type { Budget } from "../syntax/ast.js";
import type { Derivation } from "../model/derivation.js";
import type { LastYearFigures } from "../model/last-year.js";
import type { Catalogue } from "../catalogue/types.js";

export interface RuleContext {
  /** The budget as written. */
  readonly budget: Budget;
  /**
   * The budget's derivation: every derived figure a rule compares a declared one with
   * (totals, forms attached to projects, the economic figures, the tables) comes from it,
   * computed once and shared with the publication.
   */
  readonly model: Derivation;
  /** The catalogue in use: the budget office's own, or the built-in one for the year. */
  readonly catalogue: Catalogue;
  /** True when the catalogue was chosen by default (none given on the command line or named). */
  readonly catalogueIsBuiltin: boolean;
  /**
   * The catalogue of the year before, when known (last year's budget's, or the built-in
   * one): for the subjects this year's catalogue renamed or dropped.
   */
  readonly previousCatalogue?: Catalogue;
  /** The profiles a budget may name in 公开格式, when the command knows them. */
  readonly profiles?: readonly string[];
  /** What the budget's profile prints, derives or leaves out otherwise than the default. */
  readonly profileFacts?: ProfileFacts;
  /** Last year's figures, derived from last year's budget when the 上年 block names it. */
  readonly lastYear?: LastYearFigures;
  /** Reports a diagnostic of this rule's code, with its severity (or one it declares in `alsoAs`). */
  report(span: Span, message: Bilingual, extra?: DiagnosticExtra): void;
}

export interface Rule {
  /** The diagnostic code: kebab-case, equal to the rule's file name, never reused. */
  readonly code: string;
  readonly severity: Severity;
  /** Other severities the rule may report with (see DiagnosticExtra.severity). */
  readonly alsoAs?: readonly Severity[];
  /**
   * Rules over sums need every figure of the budget: when reading the source already
   * failed (a figure could not be read), they are skipped, so that one mistake does not
   * cascade into a dozen disagreeing totals.
   */
  readonly needsAllFigures: boolean;
  run(ctx: RuleContext): void;
}

/** A rule's declaration as a code of the index (cli/codes.ts). */
export function ruleSpec(r: Rule): CodeSpec {
  return { code: r.code, severity: r.severity, ...(r.alsoAs ? { alsoAs: r.alsoAs } : {}), stage: "checking" };
}
