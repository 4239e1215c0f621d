/**
 * The budget's totals: this year's amounts by source (basic lines and projects), the
 * carried-over amounts by source, and this year's basic and project spending. One pass
 * over the amounts, without building any table: the checker reads these, and the tables
 * (表一, 表四, the prose, the overall form) print them.
 */
import { add, type Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import { SOURCES } from "../syntax/ast.js";
import { addCells, TOTAL_BY_SOURCE_KEYS, zeroCells, type Cells } from "./cells.js";
import { SOURCE_KEY } from "./keys.js";
import type { Tracer } from "./trace.js";
import type { TotalBySource } from "./types.js";

export interface Totals {
  /** This year's amounts by source: basic lines and projects (本年收入). */
  readonly current: TotalBySource;
  /** Carried-over amounts by source (上年结转). */
  readonly carried: TotalBySource;
  /** This year's basic and project spending. */
  readonly direction: Cells<"basic" | "project">;
  /** 收入总计 = this year + carried over. */
  readonly incomeTotal: Fen;
  /** This year's amounts by each source as written (事业收入 apart from 其他收入 …), which `current` groups into its columns. */
  readonly bySource: Readonly<Record<A.Source, Fen>>;
}

export function accumulateTotals(budget: A.Budget, tracer: Tracer): Totals {
  const current = zeroCells(TOTAL_BY_SOURCE_KEYS);
  const carried = zeroCells(TOTAL_BY_SOURCE_KEYS);
  const direction = zeroCells(["basic", "project"] as const);
  const bySource = zeroCells(SOURCES);
  for (const l of budget.basic) {
    const fen = l.money.fen;
    addCells(current, { total: fen, [SOURCE_KEY[l.source.value]]: fen }, l.money, tracer);
    addCells(direction, { basic: fen }, l.money, tracer);
    addCells(bySource, { [l.source.value]: fen }, l.money, tracer);
  }
  for (const p of budget.projects) {
    for (const a of p.amounts) {
      const fen = a.money.fen;
      addCells(current, { total: fen, [SOURCE_KEY[a.source]]: fen }, a.money, tracer);
      addCells(direction, { project: fen }, a.money, tracer);
      addCells(bySource, { [a.source]: fen }, a.money, tracer);
    }
  }
  for (const c of budget.carryovers) {
    for (const a of c.amounts) addCells(carried, { total: a.money.fen, [SOURCE_KEY[a.source]]: a.money.fen }, a.money, tracer);
  }
  return { current, carried, direction, incomeTotal: add(current.total, carried.total), bySource };
}

/** A project's or carry-over's amount: Σ its amounts over every source (its 表十二 合计). */
export function amountOf(item: { readonly amounts: readonly A.Amount[] }): Fen {
  let s = 0;
  for (const a of item.amounts) s = add(s, a.money.fen);
  return s;
}

/**
 * This year's income from a source as a declared figure names it: 单位资金 is the column
 * of all a unit's own funds (it sums 事业收入, 其他收入 …); any other source is itself.
 */
export function sourceTotal(t: Totals, source: A.Source): Fen {
  return source === "单位资金" ? t.current.unitFunds : t.bySource[source];
}
