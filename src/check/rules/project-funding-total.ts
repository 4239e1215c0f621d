/**
 * A project's performance form agrees with its amount: the 年度资金总额 equals the
 * project's amount (万元 × 10,000 = 元), and each funding block's levels (中央, 省级,
 * 市县, 自筹, 其他) add up to its 总额.
 */
import { bi, type Bilingual, type Related } from "../../base/diagnostics.js";
import type { Span } from "../../base/source.js";
import { differenceText, levelSum, plainYuan, projectsWithForms, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

interface Finding {
  readonly span: Span;
  readonly message: Bilingual;
  readonly key: string;
}

export const rule: Rule = {
  code: "project-funding-total",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    for (const { project: p, form, index } of projectsWithForms(ctx.budget, ctx.model.attachment)) {
      if (p.amounts.length === 0) continue;
      const amount = ctx.model.projectLines[index]!.cells.total;
      const findings: Finding[] = [];
      const annual = form.annualFunding;
      if (annual) {
        const total = annual.declaredTotal;
        if (total && total.fen !== amount) {
          findings.push({
            span: total.span,
            key: "annual-total",
            message: bi(
              `年度资金总额写作 ${yuanText(total.fen)}，但项目金额为 ${yuanText(amount)}（相差 ${differenceText(total.fen, amount, "元")}）`,
              `its 年度资金总额 is ${yuanText(total.fen)} but the project's amount is ${yuanText(amount)} (difference ${differenceText(total.fen, amount, "元")})`,
            ),
          });
        }
        const levels = levelSum(annual);
        const want = total?.fen ?? amount;
        if (levels && levels.fen !== want) {
          const parts = levels.parts.map((x) => `${x[0]} ${yuanText(x[2].fen)}`).join(" + ");
          const partsEn = levels.parts.map((x) => `${x[1]} ${yuanText(x[2].fen)}`).join(" + ");
          findings.push({
            span: levels.first.span,
            key: "annual-levels",
            message: total
              ? bi(
                  `年度资金各级 ${parts} = ${yuanText(levels.fen)}，不等于年度资金总额 ${yuanText(total.fen)}（相差 ${differenceText(levels.fen, want, "元")}）`,
                  `its annual levels ${partsEn} = ${yuanText(levels.fen)}, not the 年度资金总额 ${yuanText(total.fen)} (difference ${differenceText(levels.fen, want, "元")})`,
                )
              : bi(
                  `年度资金各级 ${parts} = ${yuanText(levels.fen)}，但项目金额为 ${yuanText(amount)}（相差 ${differenceText(levels.fen, amount, "元")}）`,
                  `its annual levels ${partsEn} = ${yuanText(levels.fen)} but the project's amount is ${yuanText(amount)} (difference ${differenceText(levels.fen, amount, "元")})`,
                ),
          });
        }
      }
      const period = form.periodFunding;
      const periodLevels = period ? levelSum(period) : undefined;
      if (period?.declaredTotal && periodLevels && periodLevels.fen !== period.declaredTotal.fen) {
        const parts = periodLevels.parts.map((x) => `${x[0]} ${yuanText(x[2].fen)}`).join(" + ");
        const partsEn = periodLevels.parts.map((x) => `${x[1]} ${yuanText(x[2].fen)}`).join(" + ");
        findings.push({
          span: periodLevels.first.span,
          key: "period-levels",
          message: bi(
            `实施期资金各级 ${parts} = ${yuanText(periodLevels.fen)}，不等于实施期资金总额 ${yuanText(period.declaredTotal.fen)}（相差 ${differenceText(periodLevels.fen, period.declaredTotal.fen, "元")}）`,
            `its period levels ${partsEn} = ${yuanText(periodLevels.fen)}, not the 实施期资金总额 ${yuanText(period.declaredTotal.fen)} (difference ${differenceText(periodLevels.fen, period.declaredTotal.fen, "元")})`,
          ),
        });
      }
      if (!findings.length) continue;
      // One diagnostic per project: the first disagreeing figure, the others related.
      const related: Related[] = findings.slice(1).map((f) => ({ span: f.span, message: f.message }));
      for (const a of p.amounts) related.push({ span: a.money.span, message: bi(`项目金额 ${a.source} ${a.money.text}`, `the project's amount: ${a.source} ${a.money.text}`) });
      ctx.report(findings[0]!.span,
          bi(`项目「${p.name.value}」的绩效目标表：${findings.map((f) => f.message.zh).join("；")}`, `the performance form of ${p.name.value}: ${findings.map((f) => f.message.en).join("; ")}`),
          {
            related,
            hint: bi("年度资金总额（元）= 项目金额（万元）× 10000，各级资金之和等于总额", "年度资金总额 (元) = the project's amount (万元) × 10,000, and the levels add up to the total"),
            data: { project: p.name.value, amount: plainYuan(amount), findings: findings.map((f) => f.key).join(",") },
          });
    }
  },
};
