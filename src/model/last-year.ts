/**
 * Year over year: when a budget names last year's budget (上年 { 源文件 "…" }), last
 * year's figures are derived from it instead of being typed again. `lastYearFigures`
 * reads them off last year's derivation; `withLastYear` puts them into this year's
 * AST, in place of any figure stated by hand (the checker compares the stated ones).
 */
import { sum, type Fen } from "../base/money.js";
import type { Span } from "../base/source.js";
import type * as A from "../syntax/ast.js";
import { FISCAL_SOURCES, SOURCES } from "../syntax/ast.js";
import type { Derivation } from "./derivation.js";
import type { ThreePublicKey } from "./types.js";

export interface LastYearFigures {
  /** 收入总计 (= 支出总计). */
  readonly incomeTotal: Fen;
  /** 一般公共预算当年支出 (表五 合计). */
  readonly generalSpending: Fen;
  /** 三公 by item (表十). */
  readonly threePublic: ReadonlyMap<A.ThreePublicItem, Fen>;
  /** 机关运行经费 (表十一 合计). */
  readonly runningCosts: Fen;
  /** 财政拨款: this year's income from the three 财政拨款 sources, carry-overs aside. */
  readonly fiscal: Fen;
  /** This year's income by each source as written. */
  readonly bySource: Readonly<Record<A.Source, Fen>>;
  /** The year of last year's budget. */
  readonly year: number;
}

/** Last year's figures, read off the parts of last year's derivation that make them. */
export function lastYearFigures(d: Derivation): LastYearFigures {
  const tp = d.economic.threePublic;
  const row = (k: ThreePublicKey): Fen => tp.get(k)?.total ?? 0;
  return {
    incomeTotal: d.totals.incomeTotal,
    generalSpending: d.functional.t5.total.total,
    threePublic: new Map<A.ThreePublicItem, Fen>([
      ["因公出国", row("overseas")],
      ["公务接待", row("reception")],
      ["公务用车购置", row("vehiclePurchase")],
      ["公务用车运行维护", row("vehicleOperation")],
    ]),
    runningCosts: d.economic.runningTotal.total,
    fiscal: sum(FISCAL_SOURCES.map((k) => d.totals.bySource[k])),
    bySource: d.totals.bySource,
    year: d.year,
  };
}

function money(fen: Fen, span: Span): A.Money {
  return { text: "", number: "", unit: "元", fen, span };
}

/** This year's AST with last year's figures taken from last year's budget. */
export function withLastYear(budget: A.Budget, f: LastYearFigures): A.Budget {
  const ly = budget.lastYear;
  if (!ly?.source) return budget;
  const span = ly.source.span;
  const items = new Map<A.ThreePublicItem, A.Money>();
  for (const [k, v] of f.threePublic) items.set(k, money(v, span));
  return {
    ...budget,
    lastYear: {
      ...ly,
      incomeTotal: money(f.incomeTotal, span),
      generalSpending: money(f.generalSpending, span),
      threePublic: { items, span: ly.threePublic?.span ?? span },
      runningCosts: money(f.runningCosts, span),
      fiscal: money(f.fiscal, span),
      // The 财政拨款 sources always (a format compares each fund, 0 included), the others when they have income.
      bySource: SOURCES.filter((s) => FISCAL_SOURCES.includes(s) || f.bySource[s] !== 0).map((s) => ({ source: s, money: money(f.bySource[s], span), span })),
    },
  };
}
