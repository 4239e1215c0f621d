/**
 * A project's 实施期资金总额 is at least its 年度资金总额: the implementation period
 * includes the budget year. The year's funding is the project's amount (表十二); a
 * declared 年度资金总额 that disagrees with it is project-funding-total's to report, and
 * a one-year project, whose period equals its year, is one-year-funding's.
 */
import { bi } from "../../base/diagnostics.js";
import type { Fen } from "../../base/money.js";
import type { Span } from "../../base/source.js";
import type * as A from "../../syntax/ast.js";
import { differenceText, isOneYear, levelSum, plainYuan, projectsWithForms, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

/** A funding block's total: the declared 总额, else the sum of its levels. */
function blockTotal(l: A.FundingLevels | undefined): { fen: Fen; span: Span } | undefined {
  if (!l) return undefined;
  if (l.declaredTotal) return { fen: l.declaredTotal.fen, span: l.declaredTotal.span };
  const s = levelSum(l);
  return s ? { fen: s.fen, span: s.first.span } : undefined;
}

export const rule: Rule = {
  code: "period-funding-below-annual",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    for (const { project: p, form, index } of projectsWithForms(ctx.budget, ctx.model.attachment)) {
      if (isOneYear(form)) continue;
      const period = blockTotal(form.periodFunding);
      const declared = blockTotal(form.annualFunding);
      const annual = p.amounts.length ? { fen: ctx.model.projectLines[index]!.cells.total, span: declared?.span ?? p.amounts[0]!.money.span } : declared;
      if (!period || !annual || period.fen >= annual.fen) continue;
      ctx.report(period.span,
          bi(
            `项目「${p.name.value}」的实施期资金总额 ${yuanText(period.fen)} 小于年度资金总额 ${yuanText(annual.fen)}（相差 ${differenceText(period.fen, annual.fen, "元")}）`,
            `the 实施期资金总额 of ${p.name.value}, ${yuanText(period.fen)}, is less than its 年度资金总额 ${yuanText(annual.fen)} (difference ${differenceText(period.fen, annual.fen, "元")})`,
          ),
          {
            related: [{ span: annual.span, message: bi(`年度资金总额 ${yuanText(annual.fen)}`, `年度资金总额 ${yuanText(annual.fen)}`) }],
            hint: bi("实施期包含本年度，实施期资金总额不能小于年度资金总额；一年期项目两者相等", "the implementation period includes this year, so its total is at least the year's; for a one-year project they are equal"),
            data: { project: p.name.value, period: plainYuan(period.fen), annual: plainYuan(annual.fen) },
          });
    }
  },
};
