/**
 * Cells: fixed-key records of amounts, the unit every table of the model is built from
 * (a row's 合计 and its columns), and the key lists of each kind of row.
 */
import { add, sum, type Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import { FISCAL_KEYS, SOURCE_KEY, SOURCE_KEYS } from "./keys.js";
import { NO_TRACE, type Tracer } from "./trace.js";
import type { TotalByFiscal, TotalBySource } from "./types.js";

export type Cells<K extends string> = Record<K, Fen>;

/** A record with every key at 0. */
export function zeroCells<K extends string>(keys: readonly K[]): Cells<K> {
  const c = {} as Cells<K>;
  for (const k of keys) c[k] = 0;
  return c;
}

/**
 * Adds `delta` into `into`, key by key (exactly; see base/money.ts). When the amounts are
 * one source amount (`origin`), a tracing derivation records it as a source of each cell
 * it lands in.
 */
export function addCells<K extends string>(into: Cells<K>, delta: Partial<Cells<K>>, origin?: A.Money, tracer: Tracer = NO_TRACE): void {
  for (const k in delta) {
    const v = delta[k];
    if (v) {
      into[k] = add(into[k] ?? 0, v);
      if (tracer.on && origin) tracer.add(into, k, origin);
    }
  }
}

/** True when no key of the delta holds an amount. */
export function allZero(delta: Partial<Record<string, Fen>>): boolean {
  for (const k in delta) if (delta[k]) return false;
  return true;
}

export const TOTAL_BY_SOURCE_KEYS = ["total", ...SOURCE_KEYS] as const;
export const TOTAL_BY_FISCAL_KEYS = ["total", ...FISCAL_KEYS] as const;
export const INCOME_KEYS = ["total", ...SOURCE_KEYS, "carryover"] as const;
export const BASIC_PROJECT_KEYS = ["total", "basic", "project"] as const;
export const CURRENT_CARRYOVER_KEYS = ["total", "current", "carryover"] as const;
export const PERSONNEL_PUBLIC_KEYS = ["total", "personnel", "public"] as const;

/**
 * 合计 and the amount per source of a list of amounts (a project's, a carry-over's, a
 * control total's). A source written twice counts twice: the checker reports that.
 */
export function sumBySource(amounts: readonly A.Amount[], tracer: Tracer = NO_TRACE): TotalBySource {
  const c = zeroCells(TOTAL_BY_SOURCE_KEYS);
  for (const a of amounts) addCells(c, { total: a.money.fen, [SOURCE_KEY[a.source]]: a.money.fen }, a.money, tracer);
  return c;
}

/** Restricts 合计-and-sources cells to the three 财政拨款 sources, with their own 小计. */
export function fiscalOnly(c: TotalBySource, tracer: Tracer = NO_TRACE): TotalByFiscal {
  const f = { total: sum([c.general, c.fund, c.capital]), general: c.general, fund: c.fund, capital: c.capital };
  if (tracer.on) {
    tracer.from(f, "total", [[c, "general"], [c, "fund"], [c, "capital"]]);
    for (const k of FISCAL_KEYS) tracer.from(f, k, [[c, k]]);
  }
  return f;
}

/** A copy of cells; a tracing derivation carries each cell's sources over. */
export function copyCells<K extends string>(c: Cells<K>, tracer: Tracer = NO_TRACE): Cells<K> {
  const out = { ...c };
  if (tracer.on) for (const k in c) tracer.from(out, k, [[c, k]]);
  return out;
}
