/**
 * This year's income by each funding source as written. The tables of the 2024 formats
 * print five columns, and 单位资金 there sums every kind of a unit's own funds (事业收入,
 * 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入, and 单位资金 written as such); a
 * figure stated for one kind (a 控制数 of 事业收入) is compared with that kind alone, and
 * one stated for 单位资金 with the whole column.
 */
import { add, type Fen } from "../base/money.js";
import { SOURCES, type Source } from "../syntax/ast.js";
import type * as A from "../syntax/ast.js";
import type { Totals } from "./totals.js";
import type { Tracer } from "./trace.js";

/** This year's income (basic lines and projects, carry-overs aside) by each source as written. */
export type IncomeBySource = Readonly<Record<Source, Fen>>;

export function accumulateIncomeBySource(budget: A.Budget, tracer: Tracer): IncomeBySource {
  const by = {} as Record<Source, Fen>;
  for (const s of SOURCES) by[s] = 0;
  const take = (source: Source, m: A.Money): void => {
    by[source] = add(by[source], m.fen);
    if (tracer.on) tracer.add(by, source, m);
  };
  for (const l of budget.basic) take(l.source.value, l.money);
  for (const p of budget.projects) for (const a of p.amounts) take(a.source, a.money);
  return by;
}

/**
 * The income a figure stated for `source` is compared with: the 单位资金 column (every
 * kind of a unit's own funds) for 单位资金, the source's own income for any other.
 */
export function incomeOf(source: Source, totals: Totals, bySource: IncomeBySource): Fen {
  return source === "单位资金" ? totals.current.unitFunds : bySource[source];
}
