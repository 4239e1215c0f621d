/**
 * A funding block of a project's form (实施期资金, 年度资金) states its levels: the form
 * prints each level and their sum, so an empty block, or one with only a 总额, would
 * publish 0 beside a project that has an amount.
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { levelSum, projectsWithForms, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "funding-without-levels",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    for (const { project: p, form, index } of projectsWithForms(ctx.budget, ctx.model.attachment)) {
      if (p.amounts.length === 0) continue;
      const amount = ctx.model.projectLines[index]!.cells.total;
      const blocks: [A.FundingLevels | undefined, string, string][] = [
        [form.periodFunding, "实施期资金", "实施期资金 (the implementation period's funding)"],
        [form.annualFunding, "年度资金", "年度资金 (the year's funding)"],
      ];
      for (const [block, zh, en] of blocks) {
        if (!block || levelSum(block)) continue;
        const total = block.declaredTotal;
        const example = total?.fen ?? amount;
        ctx.report(total?.span ?? block.span,
          bi(
            `项目「${p.name.value}」的绩效目标表：「${zh}」${total ? `只写了总额 ${total.text}` : "是空块"}，没有写各级资金，表中将印出 0`,
            `the performance form of ${p.name.value}: ${en} ${total ? `states only its 总额 ${total.text}` : "is empty"} and no level, so the form would print 0`,
          ),
          {
            related: p.amounts.map((a) => ({ span: a.money.span, message: bi(`项目金额 ${a.source} ${a.money.text}`, `the project's amount: ${a.source} ${a.money.text}`) })),
            hint: bi(
              `写出各级资金，如 ${zh} { 市县 ${yuanText(example)} }；不需要这一栏就删去这个块`,
              `write the levels, such as ${zh} { 市县 ${yuanText(example)} }; remove the block if the form does not need it`,
            ),
            data: { project: p.name.value, block: zh },
          });
      }
    }
  },
};
