/**
 * A one-year project (项目属性 一次性项目, or 项目期 1年) has the same 实施期资金 as 年度资金:
 * its implementation period is the budget year. (For longer projects,
 * period-funding-below-annual holds the period's funding to at least the year's.)
 */
import { bi } from "../../base/diagnostics.js";
import type { Fen } from "../../base/money.js";
import type { Span } from "../../base/source.js";
import type * as A from "../../syntax/ast.js";
import { differenceText, isOneYear, levelSum, plainYuan, powerOfTen, projectsWithForms, timesText, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

/** A funding block's total: the declared 总额, else the sum of its levels. */
function blockTotal(l: A.FundingLevels | undefined): { fen: Fen; span: Span; money: A.Money } | undefined {
  if (!l) return undefined;
  if (l.declaredTotal) return { fen: l.declaredTotal.fen, span: l.declaredTotal.span, money: l.declaredTotal };
  const s = levelSum(l);
  return s ? { fen: s.fen, span: s.first.span, money: s.first } : undefined;
}

export const rule: Rule = {
  code: "one-year-funding",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    for (const { project: p, form, index } of projectsWithForms(ctx.budget, ctx.model.attachment)) {
      if (!isOneYear(form)) continue;
      const period = blockTotal(form.periodFunding);
      if (!period) continue;
      const declared = blockTotal(form.annualFunding);
      const annual = p.amounts.length ? ctx.model.projectLines[index]!.cells.total : declared?.fen;
      if (annual === undefined || period.fen === annual) continue;
      const why = form.duration ? bi(`项目期 ${form.duration.text}`, `项目期 ${form.duration.text}`) : bi("一次性项目", "a one-off project (一次性项目)");
      const k = powerOfTen(period.fen, annual);
      const slip = k !== undefined ? bi(`实施期资金是年度资金的 ${timesText(k).zh}，像是单位或位数写错了；`, `the period's funding is ${timesText(k).en} the year's, which looks like a slip of the unit or the digits; `) : bi("", "");
      ctx.report(period.span,
        bi(
          `项目「${p.name.value}」是一年期项目（${why.zh}），实施期资金总额 ${yuanText(period.fen)} 却不等于年度资金总额 ${yuanText(annual)}（相差 ${differenceText(period.fen, annual, "元")}）`,
          `${p.name.value} is a one-year project (${why.en}), yet its 实施期资金总额 ${yuanText(period.fen)} is not its 年度资金总额 ${yuanText(annual)} (difference ${differenceText(period.fen, annual, "元")})`,
        ),
        {
          related: [
            ...(declared ? [{ span: declared.span, message: bi(`年度资金 ${declared.money.text}`, `年度资金 ${declared.money.text}`) }] : []),
            ...p.amounts.map((a) => ({ span: a.money.span, message: bi(`项目金额 ${a.source} ${a.money.text}`, `the project's amount: ${a.source} ${a.money.text}`) })),
          ],
          hint: bi(`${slip.zh}一年期项目的实施期就是本年度：实施期资金写 ${yuanText(annual)}`, `${slip.en}a one-year project's period is the budget year: write ${yuanText(annual)} as its 实施期资金`),
          data: { project: p.name.value, period: plainYuan(period.fen), annual: plainYuan(annual) },
        });
    }
  },
};
