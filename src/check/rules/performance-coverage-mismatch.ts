/**
 * The stated coverage of performance targets (绩效目标设置) fits the budget: its money is
 * at most this year's project spending, and when the budget has project performance
 * forms, its counts and money are the ones those forms cover (projects with a form,
 * their budget units, their amounts).
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import type { Span } from "../../base/source.js";
import { differenceText, moneyText, plainWan, wanText } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "performance-coverage-mismatch",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const c = ctx.budget.coverage;
    if (!c) return;
    const projectSpending = ctx.model.totals.direction.project;
    const amount = c.amount;
    if (amount && amount.fen > projectSpending) {
      ctx.report(amount.span,
        bi(`绩效目标设置的资金 ${moneyText(amount)} 超过本年项目支出 ${wanText(projectSpending)}（多 ${differenceText(amount.fen, projectSpending, "万元")}）`, `the performance coverage's money, ${moneyText(amount)}, exceeds this year's project spending, ${wanText(projectSpending)} (by ${differenceText(amount.fen, projectSpending, "万元")})`),
        {
          hint: bi("设置了绩效目标的项目资金是项目支出的一部分：核对资金或项目", "the money of projects with performance targets is part of project spending: check the figure or the projects"),
          data: { figure: "资金", stated: plainWan(amount.fen), limit: plainWan(projectSpending) },
        });
      return;
    }
    if (ctx.model.attachment.published.size === 0) return;
    const d = ctx.model.coverage;
    const report = (span: Span, what: Bilingual, stated: string, derived: string, key: string) =>
      ctx.report(span,
        bi(`绩效目标设置写${what.zh} ${stated}，但预算中有绩效目标表的项目为 ${derived}`, `the performance coverage states ${stated} as its ${what.en}, but the projects with performance forms in the budget give ${derived}`),
        {
          hint: bi(`预算列出了项目绩效目标表时，绩效目标设置由它们推导，可以不写；写了就应为 ${derived}`, `when the budget has the projects' performance forms, the coverage derives from them and can be left out; written, it is ${derived}`),
          data: { figure: key, stated, derived },
        });
    const n = (q: { number: string }): number | undefined => (/^\d+$/.test(q.number) ? Number(q.number) : undefined);
    if (c.projects && n(c.projects) !== d.projects) report(c.projects.span, bi("项目数", "project count"), c.projects.text, `${d.projects}个`, "项目数");
    if (c.units && n(c.units) !== d.units) report(c.units.span, bi("单位数", "unit count"), c.units.text, `${d.units}个`, "单位数");
    if (amount && amount.fen !== d.amount) report(amount.span, bi("资金", "money"), moneyText(amount), wanText(d.amount), "资金");
  },
};
