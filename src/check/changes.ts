/**
 * The change a 变动原因 explains: for each figure a reason can name, this year's value,
 * read from the derivation, and last year's, as the 上年 block states it or (when it
 * names last year's budget) as that budget derives it. A functional subject code names
 * its 财政拨款 spending this year against last year's 执行数 of it. Rules that judge a
 * reason against its change read the figures here, so they agree on what each one is.
 */
import { sum, type Fen } from "../base/money.js";
import type { Span } from "../base/source.js";
import { FISCAL_SOURCES, type ThreePublicItem } from "../syntax/ast.js";
import type { RuleContext } from "./rule.js";
import type { ThreePublicKey } from "../model/types.js";

export interface FigureChange {
  readonly now: Fen;
  readonly last: Fen;
  /** Where last year's value is written (or the 源文件 it derives from). */
  readonly lastSpan: Span;
}

const ITEM_KEY: Readonly<Record<ThreePublicItem, ThreePublicKey>> = {
  因公出国: "overseas",
  公务接待: "reception",
  公务用车购置: "vehiclePurchase",
  公务用车运行维护: "vehicleOperation",
};

const CODE = /^\d+$/;

/** The change of the figure a reason names, or undefined when last year's value is not known. */
export function figureChange(ctx: RuleContext, figure: string): FigureChange | undefined {
  const ly = ctx.budget.lastYear;
  if (!ly) return undefined;
  const m = ctx.model;
  const derived = ctx.lastYear;
  const from = derived && ly.source ? ly.source.span : undefined;
  const at = (now: Fen, last: Fen | undefined, span: Span | undefined): FigureChange | undefined => (last !== undefined && span ? { now, last, lastSpan: span } : undefined);
  const tp = m.economic.threePublic;
  const row = (k: ThreePublicKey): Fen => tp.get(k)?.total ?? 0;
  const items = ly.threePublic?.items;
  const statedItem = (i: ThreePublicItem): Fen | undefined => (items ? (items.get(i)?.fen ?? 0) : undefined);
  const itemsSpan = ly.threePublic?.span;
  if (CODE.test(figure)) {
    const e = ly.executed.find((x) => x.code.value === figure);
    return e ? { now: m.functional.fiscal.at(figure)?.total ?? 0, last: e.money.fen, lastSpan: e.money.span } : undefined;
  }
  switch (figure) {
    case "收入总计":
    case "支出总计":
      return from ? at(m.totals.incomeTotal, derived!.incomeTotal, from) : at(m.totals.incomeTotal, ly.incomeTotal?.fen, ly.incomeTotal?.span);
    case "一般公共预算当年支出":
      return from ? at(m.functional.t5.total.total, derived!.generalSpending, from) : at(m.functional.t5.total.total, ly.generalSpending?.fen, ly.generalSpending?.span);
    case "机关运行经费":
      return from ? at(m.economic.runningTotal.total, derived!.runningCosts, from) : at(m.economic.runningTotal.total, ly.runningCosts?.fen, ly.runningCosts?.span);
    case "财政拨款": {
      const now = sum(FISCAL_SOURCES.map((s) => m.totals.bySource[s]));
      if (from) return at(now, derived!.fiscal, from);
      if (ly.fiscal) return at(now, ly.fiscal.fen, ly.fiscal.span);
      const funds = ly.bySource.filter((a) => FISCAL_SOURCES.includes(a.source));
      return funds.length ? at(now, sum(funds.map((a) => a.money.fen)), funds[0]!.money.span) : undefined;
    }
    case "三公": {
      const now = row("total");
      if (from) return at(now, sum([...derived!.threePublic.values()]), from);
      return items ? at(now, sum([...items.values()].map((x) => x.fen)), itemsSpan) : undefined;
    }
    case "公务用车购置及运行": {
      const now = row("vehicles");
      if (from) return at(now, sum([derived!.threePublic.get("公务用车购置") ?? 0, derived!.threePublic.get("公务用车运行维护") ?? 0]), from);
      const a = statedItem("公务用车购置");
      const b = statedItem("公务用车运行维护");
      return a !== undefined && b !== undefined ? at(now, sum([a, b]), itemsSpan) : undefined;
    }
    case "因公出国":
    case "公务接待":
    case "公务用车购置":
    case "公务用车运行维护": {
      const now = row(ITEM_KEY[figure]);
      if (from) return at(now, derived!.threePublic.get(figure) ?? 0, from);
      return at(now, statedItem(figure), items?.get(figure)?.span ?? itemsSpan);
    }
    default:
      return undefined;
  }
}
