/**
 * The checker: runs after loading, on the typed AST. It picks the classification
 * catalogue (catalogue/named.ts: the one given on the command line, the one the budget or
 * its roll-up names, or the built-in one for the budget's year), runs every rule of
 * rules/index.ts in order, and returns the diagnostics of loading and checking together,
 * sorted. It never throws on bad input.
 */
import { bi, diagnosticOf, hasErrors, sortDiagnostics, type Diagnostic, type Result } from "../base/diagnostics.js";
import { CHECKING_CODES } from "./codes.js";
import type { Budget } from "../syntax/ast.js";
import type { Loaded } from "../syntax/load.js";
import { Derivation } from "../model/derivation.js";
import { lastYearFigures, withLastYear, type LastYearFigures } from "../model/last-year.js";
import { builtinCatalogue } from "../catalogue/catalogue.js";
import { catalogueForBudget } from "../catalogue/named.js";
import type { Catalogue } from "../catalogue/types.js";
import { profileNameOf, type ProfileSource } from "../model/spec.js";
import { ruleSpec, type RuleContext } from "./rule.js";
import { RULES } from "./rules/index.js";

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
  /** The profile the budget is published in (the derivation has what the model needs of it). */
  readonly profile: string;
}

/** What a check may be given besides the budget. */
export interface CheckOptions {
  /**
   * The profiles there are: the budget's is checked to be one of them, and the derivation
   * gets its tables. Without it the standard tables are derived and the name is not checked.
   */
  readonly profiles?: ProfileSource;
}

/**
 * Checks a loaded budget. `custom` is a catalogue from the command line, which takes the
 * place of any the budget names; `inherited` is the one a roll-up names for its
 * departments. A budget that names a JSON catalogue needs its schema: call this inside
 * `withParser` (syntax/parse.ts), or with catalogue/file.js loaded.
 */
export function checkBudget(loaded: Loaded, custom?: Catalogue, inherited?: Catalogue, options: CheckOptions = {}): CheckResult {
  const budget = loaded.budget;
  const year = budget.department?.year?.value;
  const chosen = catalogueForBudget(loaded, { ...(custom ? { override: custom } : {}), ...(inherited ? { inherited } : {}) });
  const catalogue = chosen.catalogue;
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...chosen.diagnostics];
  let lastYear: LastYearFigures | undefined;
  // The catalogue of the year before, for subjects renamed or dropped since: last year's
  // budget's, else the built-in one of that year when this budget uses the built-in one.
  let previousCatalogue: Catalogue | undefined = chosen.builtin && year !== undefined && catalogue.year === year ? builtinCatalogue(year - 1) : undefined;
  const source = budget.lastYear?.source;
  if (loaded.lastYear && source) {
    // Last year's budget is checked against the catalogue it names; if it names none,
    // against the one given or named for this budget (as a roll-up's serves its
    // departments), else against the built-in catalogue of its own year.
    const prev = checkBudget(loaded.lastYear, undefined, chosen.builtin ? undefined : catalogue, options);
    previousCatalogue = prev.catalogue;
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
  const profile = profileNameOf(budget, options.profiles);
  // The format as it is in the budget's year (the derivation's year: Derivation.year).
  const modelSpec = options.profiles?.spec(profile, year ?? catalogue.year);
  const facts = options.profiles?.facts?.(profile);
  const model = new Derivation(effective, catalogue, modelSpec ? { spec: modelSpec } : {});
  const figuresRead = !hasErrors(loaded.diagnostics);
  for (const rule of RULES) {
    if (rule.needsAllFigures && !figuresRead) continue;
    const spec = ruleSpec(rule);
    const ctx: RuleContext = {
      budget,
      model,
      catalogue,
      catalogueIsBuiltin: chosen.builtin,
      ...(options.profiles ? { profiles: options.profiles.names } : {}),
      ...(facts ? { profileFacts: facts } : {}),
      ...(previousCatalogue && previousCatalogue.year !== catalogue.year ? { previousCatalogue } : {}),
      ...(lastYear ? { lastYear } : {}),
      report: (span, message, extra) => diagnostics.push(diagnosticOf(spec, span, message, extra)),
    };
    rule.run(ctx);
  }
  return { value: loaded, diagnostics: sortDiagnostics(diagnostics), catalogue, effective, derivation: model, profile };
}
