/**
 * Every cost indicator (产出 › 成本, and the 一级 成本) can be read: its value is an amount
 * of money in any unit (3亿元, 0.6389亿元, 37.3万元, 35,000元, or a bare 63,891,700 read as
 * 元), a bound (≤5万元) or a cost per unit (500元/人) or a rate; a value that is none of
 * these cannot be compared with the budget and is reported rather than skipped.
 */
import { bi } from "../../base/diagnostics.js";
import { forEachIndicatorList, formName, isCostIndicator, readCost } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "cost-indicator-unreadable",
  severity: "warning",
  needsAllFigures: false,
  run(ctx) {
    forEachIndicatorList(ctx.budget, (indicators, kind, owner) => {
      for (const ind of indicators) {
        if (!isCostIndicator(ind)) continue;
        // One value written for both columns is one object: read it once.
        for (const v of ind.period === ind.annual ? [ind.period] : [ind.period, ind.annual]) {
          if (!v || readCost(v).kind !== "unreadable") continue;
          const where = formName(kind, owner);
          ctx.report(v.span,
            bi(
              `${where.zh}的成本指标「${ind.name.value}」写作 ${v.text}，读不出金额，无法与预算核对`,
              `the cost indicator ${ind.name.value} in ${where.en} is written ${v.text}: no amount of money can be read from it, so it cannot be checked against the budget`,
            ),
            {
              hint: bi(
                "成本指标写金额，带单位：如 3万元、35,000元、0.6389亿元；上限写 ≤5万元，单价写 500元/人",
                "write a cost indicator as an amount with its unit, such as 3万元, 35,000元 or 0.6389亿元; a bound as ≤5万元, a unit cost as 500元/人",
              ),
              data: { indicator: ind.name.value, value: v.text },
            });
        }
      }
    });
  },
};
