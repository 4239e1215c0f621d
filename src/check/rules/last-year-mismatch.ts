/**
 * A figure of last year stated by hand in the 上年 block equals the figure derived from
 * last year's budget, when the block names that budget (源文件).
 */
import { bi } from "../../base/diagnostics.js";
import { sub, sum, wanGrouped, type Fen } from "../../base/money.js";
import { UNIT_FUND_SOURCES, type Money } from "../../syntax/ast.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "last-year-mismatch",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const ly = ctx.budget.lastYear;
    const derived = ctx.lastYear;
    if (!ly?.source || !derived) return;
    const source = ly.source;
    const compare = (label: string, stated: Money | undefined, want: Fen): void => {
      if (!stated || stated.fen === want) return;
      const d = sub(stated.fen, want);
      ctx.report(stated.span,
          bi(
            `上年${label}写为 ${wanGrouped(stated.fen)}万元，但上年预算（${derived.year}年）为 ${wanGrouped(want)}万元（相差 ${wanGrouped(Math.abs(d))}）`,
            `last year's ${label} is stated as ${wanGrouped(stated.fen)} but last year's budget (${derived.year}) gives ${wanGrouped(want)} (difference ${wanGrouped(Math.abs(d))})`,
          ),
          {
            related: [{ span: source.span, message: bi("上年预算在这里指定", "last year's budget is named here") }],
            hint: bi("删除手写的数字，由上年预算推导；或改正它", "remove the figure typed by hand and let it derive from last year's budget, or correct it"),
            data: { stated: wanGrouped(stated.fen).replace(/,/g, ""), derived: wanGrouped(want).replace(/,/g, "") },
          });
    };
    compare("收入总计", ly.incomeTotal, derived.incomeTotal);
    compare("一般公共预算当年支出", ly.generalSpending, derived.generalSpending);
    compare("机关运行经费", ly.runningCosts, derived.runningCosts);
    for (const [item, m] of ly.threePublic?.items ?? []) compare(`“三公”${item}`, m, derived.threePublic.get(item) ?? 0);
    compare("财政拨款", ly.fiscal, derived.fiscal);
    for (const a of ly.bySource) compare(a.source, a.money, a.source === "单位资金" ? sum(UNIT_FUND_SOURCES.map((k) => derived.bySource[k])) : derived.bySource[a.source]);
  },
};
