/**
 * The roll-up index: what a province's (or city's) build publishes beside each
 * department's disclosure. One row per department in the roll-up's order, with its state
 * (clean, warnings or errors, the counts and the first message of the worst kind), its
 * 收入总计 and its current-year income by source, and the totals over the departments
 * published. Figures are the departments' totals (department.ts), summed in integer 分. A
 * department with errors is not published (build --keep-going): its row has its state and
 * no figures or link, since a figure that did not read is left out of its totals.
 */
import { z } from "zod";
import { sum, type Fen } from "../base/money.js";
import { sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import type { DepartmentTotals } from "./department.js";
import type { Rollup } from "../syntax/ast.js";
import { SOURCE_KEYS, type SourceKey } from "./keys.js";
import { BySource, Wan } from "./types.js";

/** A department's state: its check was clean, had warnings only, or had errors (and it is not published). */
export const DepartmentState = z.enum(["clean", "warnings", "errors"]);
export type DepartmentState = z.infer<typeof DepartmentState>;

export const RollupDepartment = z.object({
  code: z.string(),
  name: z.string(),
  /** The department's publication, relative to the index, without extension: "d0001/budget"; absent when not published. */
  link: z.string().optional(),
  state: DepartmentState,
  errors: z.number().int(),
  warnings: z.number().int(),
  /** The first diagnostic of the department's worst severity: its code and message. */
  first: z.object({ code: z.string(), zh: z.string(), en: z.string() }).optional(),
  /** 收入总计: 本年收入 (by source) + 上年结转; absent for a department with errors. */
  incomeTotal: Wan.optional(),
  bySource: BySource.optional(),
  carryover: Wan.optional(),
});
export type RollupDepartment = z.infer<typeof RollupDepartment>;

export const RollupIndex = z.object({
  format: z.literal("yusuan-rollup"),
  version: z.literal(1),
  name: z.string(),
  year: z.number().int().optional(),
  departments: z.array(RollupDepartment),
  totals: z.object({ incomeTotal: Wan, bySource: BySource, carryover: Wan }),
});
export type RollupIndex = z.infer<typeof RollupIndex>;

type BySourceFen = Record<SourceKey, Fen>;
const zero = (): BySourceFen => ({ general: 0, fund: 0, capital: 0, specialAccount: 0, unitFunds: 0 });

/** One department as the index needs it: its totals, its publication's path when written, its diagnostics. */
export interface IndexedDepartment {
  readonly totals: DepartmentTotals | Omit<DepartmentTotals, "include">;
  readonly link?: string;
  readonly diagnostics?: readonly Diagnostic[];
}

/** A department's state, counts and first message of the worst kind, from its diagnostics. */
export function departmentState(diagnostics: readonly Diagnostic[]): Pick<RollupDepartment, "state" | "errors" | "warnings" | "first"> {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const state: DepartmentState = errors ? "errors" : warnings ? "warnings" : "clean";
  const worst = state === "clean" ? undefined : sortDiagnostics(diagnostics.filter((d) => d.severity === (errors ? "error" : "warning")))[0];
  return { state, errors, warnings, ...(worst ? { first: { code: worst.code, zh: worst.message.zh, en: worst.message.en } } : {}) };
}

export function rollupIndex(rollup: Rollup, departments: readonly IndexedDepartment[]): RollupIndex {
  const rows: RollupDepartment[] = departments.map(({ totals, link, diagnostics = [] }) => {
    const state = departmentState(diagnostics);
    const figures = state.state === "errors" ? {} : { incomeTotal: totals.incomeTotal, bySource: { ...totals.bySource }, carryover: totals.carryover };
    return { code: totals.code?.value ?? "", name: totals.name ?? "", ...(link !== undefined && state.state !== "errors" ? { link } : {}), ...state, ...figures };
  });
  const published = rows.filter((r) => r.state !== "errors");
  const bySource = zero();
  for (const k of SOURCE_KEYS) bySource[k] = sum(published.map((r) => r.bySource?.[k] ?? 0));
  return {
    format: "yusuan-rollup",
    version: 1,
    name: rollup.name.value,
    ...(rollup.year ? { year: rollup.year.value } : {}),
    departments: rows,
    totals: { incomeTotal: sum(published.map((r) => r.incomeTotal ?? 0)), bySource, carryover: sum(published.map((r) => r.carryover ?? 0)) },
  };
}

/** The index as JSON text: decimals as strings, keys in schema order, trailing newline. */
export function rollupJson(index: RollupIndex): string {
  return JSON.stringify(z.encode(RollupIndex, index), null, 2) + "\n";
}
