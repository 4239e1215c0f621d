/**
 * Checking an entry file of either kind: a department budget, or a roll-up whose
 * department budgets are each loaded and checked on their own, then the roll-up's own
 * invariants. Returns every diagnostic, sorted.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { loadBudget, loadEntry, type SourceHost } from "../syntax/load.js";
import { checkBudget } from "./check.js";
import type { Catalogue } from "./catalogue/types.js";
import { checkRollup, departmentTotals } from "./rollup.js";

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
export function checkEntry(entry: string, host: SourceHost, custom?: Catalogue): EntryCheck {
  const e = loadEntry(entry, host);
  if (e.kind === "budget") return { diagnostics: checkBudget(e.loaded, custom).diagnostics, departments: 1 };
  const all: Diagnostic[] = [];
  const totals = e.rollup.departments.map((d) => {
    const loaded = loadBudget(d.path, host);
    all.push(...checkBudget(loaded, custom).diagnostics);
    return departmentTotals(d.path, d.include, loaded.budget);
  });
  all.push(...checkRollup(e.rollup, totals, !hasErrors(all)));
  return { diagnostics: sortDiagnostics(all), departments: totals.length };
}
