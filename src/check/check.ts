/**
 * The checker: runs after loading, on the typed AST. It picks the classification
 * catalogue (the budget office's own, or the built-in one for the budget's year), runs
 * every rule of rules/index.ts in order, and returns the diagnostics of loading and
 * checking together, sorted. It never throws on bad input.
 */
import { bi, diagnosticOf, hasErrors, sortDiagnostics, type Diagnostic, type Result } from "../base/diagnostics.js";
import { CHECKING_CODES } from "./codes.js";
import type { Budget } from "../syntax/ast.js";
import type { Loaded } from "../syntax/load.js";
import { Derivation } from "../model/derivation.js";
import { lastYearFigures, withLastYear, type LastYearFigures } from "../model/last-year.js";
import { builtinCatalogue } from "../catalogue/catalogue.js";
import type { Catalogue } from "../catalogue/types.js";
import { ruleSpec, type RuleContext } from "./rule.js";
import { RULES } from "./rules/index.js";

/** The year of the built-in catalogue used when a budget's own year has none. */
export const DEFAULT_CATALOGUE_YEAR = 2024;

/** The catalogue a budget is checked against: the office's own, else the built-in one for its year. */
export function catalogueFor(budget: Loaded["budget"], custom?: Catalogue): Catalogue {
  if (custom) return custom;
  const year = budget.department?.year?.value;
  return (year !== undefined ? builtinCatalogue(year) : undefined) ?? builtinCatalogue(DEFAULT_CATALOGUE_YEAR)!;
}

export interface CheckResult extends Result<Loaded> {
  readonly catalogue: Catalogue;
  /**
   * The budget to derive the publication from: the AST, with last year's figures taken
   * from last year's budget when it is named (stated figures are only compared).
   */
  readonly effective: Budget;
  /**
   * The derivation of `effective`, which the rules read their figures from; a build
   * derives the publication from it, so nothing is derived twice.
   */
  readonly derivation: Derivation;
}

export function checkBudget(loaded: Loaded, custom?: Catalogue): CheckResult {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const budget = loaded.budget;
  const year = budget.department?.year?.value;
  const catalogue = catalogueFor(budget, custom);
  if (!custom) {
    if (year !== undefined && catalogue.year !== year && budget.department?.year) {
      diagnostics.push(
        CHECKING_CODES.diag("catalogue-year", budget.department.year.span,
          bi(`没有 ${year} 年的内置分类目录，改用 ${catalogue.description}`, `there is no built-in catalogue for ${year}; using ${catalogue.description}`),
          { hint: bi("用 --catalogue 指定本年度的分类目录文件", "name this year's catalogue file with --catalogue") },
        ),
      );
    }
  }
  let lastYear: LastYearFigures | undefined;
  const source = budget.lastYear?.source;
  if (loaded.lastYear && source) {
    const prev = checkBudget(loaded.lastYear, custom);
    const errors = prev.diagnostics.filter((d) => d.severity === "error").length;
    if (errors) {
      diagnostics.push(
        CHECKING_CODES.diag("last-year-budget", source.span, bi(`上年预算 ${source.value} 有 ${errors} 个错误，不能用来比较`, `last year's budget ${source.value} has ${errors} error(s) and cannot be compared with`), {
          hint: bi(`先运行 yusuan check ${loaded.lastYear.files[0]?.path ?? source.value}`, `run yusuan check ${loaded.lastYear.files[0]?.path ?? source.value} first`),
        }),
      );
    } else {
      lastYear = lastYearFigures(prev.derivation);
    }
  }
  const effective = lastYear ? withLastYear(budget, lastYear) : budget;
  const model = new Derivation(effective, catalogue);
  const figuresRead = !hasErrors(loaded.diagnostics);
  for (const rule of RULES) {
    if (rule.needsAllFigures && !figuresRead) continue;
    const spec = ruleSpec(rule);
    const ctx: RuleContext = {
      budget,
      model,
      catalogue,
      catalogueIsBuiltin: !custom,
      ...(lastYear ? { lastYear } : {}),
      report: (span, message, extra) => diagnostics.push(diagnosticOf(spec, span, message, extra)),
    };
    rule.run(ctx);
  }
  return { value: loaded, diagnostics: sortDiagnostics(diagnostics), catalogue, effective, derivation: model };
}
