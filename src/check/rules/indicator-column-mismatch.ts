/**
 * A row of a performance form is one indicator in both columns: an indicator given for the
 * 实施期 only and another given for the 年度 only under the same 一级 and 二级 are one row
 * whose two columns name it differently.
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { forEachIndicatorList, formName, level } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "indicator-column-mismatch",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    forEachIndicatorList(ctx.budget, (indicators, kind, owner) => {
      // Per 一级 and 二级: the period-only indicators still waiting for their annual half.
      const waiting = new Map<string, A.Indicator[]>();
      for (const ind of indicators) {
        const key = `${level(ind.level1.value)}\u0000${level(ind.level2.value)}`;
        if (ind.period && !ind.annual) {
          let w = waiting.get(key);
          if (!w) waiting.set(key, (w = []));
          w.push(ind);
        }
      }
      for (const ind of indicators) {
        if (!ind.annual || ind.period) continue;
        const key = `${level(ind.level1.value)}\u0000${level(ind.level2.value)}`;
        const partner = waiting.get(key)?.shift();
        if (!partner) continue;
        const l2 = level(ind.level2.value);
        const where = formName(kind, owner);
        ctx.report(ind.name.span,
            bi(
              `${where.zh}的${l2}指标：实施期一栏写作「${partner.name.value}」，年度一栏写作「${ind.name.value}」，同一行的指标名称不一致`,
              `${where.en}, ${l2}: the 实施期 column names the indicator ${partner.name.value} and the 年度 column names it ${ind.name.value}; one row names one indicator`,
            ),
            {
              related: [{ span: partner.name.span, message: bi("实施期一栏的名称在这里", "the 实施期 column's name is here") }],
              hint: bi(
                `写成一个指标：指标 … "${partner.name.value}" 实施期 "${partner.period!.text}" 年度 "${ind.annual.text}"`,
                `write one indicator: 指标 … "${partner.name.value}" 实施期 "${partner.period!.text}" 年度 "${ind.annual.text}"`,
              ),
              data: { period: partner.name.value, annual: ind.name.value },
            });
      }
    });
  },
};
