/**
 * Checking an entry file of either kind: a department budget, or a roll-up whose
 * department budgets are each loaded and checked on their own, then the roll-up's own
 * invariants. Returns every diagnostic, sorted.
 */
import { sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { loadBudget, loadEntry, type SourceHost } from "../syntax/load.js";
import { checkBudget, type CheckOptions } from "./check.js";
import type { Catalogue } from "../catalogue/types.js";
import { catalogueForRollup } from "../catalogue/named.js";
import { departmentTotals } from "../model/department.js";
import { rollupDiagnostics, type CheckedDepartment } from "./rollup.js";
import type { Located } from "../syntax/ast.js";

export interface EntryCheck {
  readonly diagnostics: Diagnostic[];
  /** The department budgets checked (one for a budget, each department for a roll-up). */
  readonly departments: number;
}

/**
 * Checks an entry in one thread. Loading goes through syntax/parse.ts: call it inside
 * `withParser`, or with the full parser loaded (import syntax/parser.js), so that text
 * the fast parser rejects gets its diagnostics. The CLI checks roll-ups through its pool.
 */
export function checkEntry(entry: string, host: SourceHost, custom?: Catalogue, options: CheckOptions = {}): EntryCheck {
  const e = loadEntry(entry, host);
  if (e.kind === "budget") return { diagnostics: checkBudget(e.loaded, custom, undefined, options).diagnostics, departments: 1 };
  // The roll-up's own catalogue, for the departments that name none.
  const named = custom ? { diagnostics: [] } : catalogueForRollup(e.rollup);
  const departments = e.rollup.departments.map((d) => checkDepartment(d, host, custom, named.catalogue, options));
  return { diagnostics: sortDiagnostics([...named.diagnostics, ...rollupDiagnostics(e.rollup, departments)]), departments: departments.length };
}

/** Loads and checks one department budget of a roll-up on its own. */
export function checkDepartment(d: { readonly path: string; readonly include: Located<string> }, host: SourceHost, custom?: Catalogue, inherited?: Catalogue, options: CheckOptions = {}): CheckedDepartment {
  const checked = checkBudget(loadBudget(d.path, host), custom, inherited, options);
  return { diagnostics: checked.diagnostics, totals: departmentTotals(d.path, d.include, checked.derivation) };
}
