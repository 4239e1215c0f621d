/**
 * The roll-up index: what a province's (or city's) build publishes beside each
 * department's disclosure. One row per department in the roll-up's order, with its
 * 收入总计 and its current-year income by source, and the totals over all departments.
 * Figures are the departments' totals (department.ts), summed in integer 分.
 */
import { z } from "zod";
import { sum, type Fen } from "../base/money.js";
import type { DepartmentTotals } from "./department.js";
import type { Rollup } from "../syntax/ast.js";
import { SOURCE_KEYS, type SourceKey } from "./keys.js";
import { BySource, Wan } from "./types.js";

export const RollupDepartment = z.object({
  code: z.string(),
  name: z.string(),
  /** The department's publication, relative to the index, without extension: "d0001/budget". */
  link: z.string(),
  /** 收入总计: 本年收入 (by source) + 上年结转. */
  incomeTotal: Wan,
  bySource: BySource,
  carryover: Wan,
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

export function rollupIndex(rollup: Rollup, departments: readonly { totals: DepartmentTotals; link: string }[]): RollupIndex {
  const rows: RollupDepartment[] = departments.map(({ totals, link }) => {
    return { code: totals.code?.value ?? "", name: totals.name ?? "", link, incomeTotal: totals.incomeTotal, bySource: { ...totals.bySource }, carryover: totals.carryover };
  });
  const bySource = zero();
  for (const k of SOURCE_KEYS) bySource[k] = sum(rows.map((r) => r.bySource[k]));
  return {
    format: "yusuan-rollup",
    version: 1,
    name: rollup.name.value,
    ...(rollup.year ? { year: rollup.year.value } : {}),
    departments: rows,
    totals: { incomeTotal: sum(rows.map((r) => r.incomeTotal)), bySource, carryover: sum(rows.map((r) => r.carryover)) },
  };
}

/** The index as JSON text: decimals as strings, keys in schema order, trailing newline. */
export function rollupJson(index: RollupIndex): string {
  return JSON.stringify(z.encode(RollupIndex, index), null, 2) + "\n";
}
