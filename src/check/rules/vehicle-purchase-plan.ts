/**
 * The year's vehicle purchase plan and its money agree: 购置车辆 lists vehicles exactly
 * when the budget has 公务用车购置费 (the "三公" item, from basic lines and from projects
 * by their economic subject). A plan without the money, or money with a plan of none, is
 * an error; a budget that states no plan is not judged.
 */
import { bi } from "../../base/diagnostics.js";
import { FISCAL_SOURCES, type Source } from "../../syntax/ast.js";
import { basicLine, plainWan, projectLine, relatedLines, wanText } from "../facts.js";
import type { Rule } from "../rule.js";

const FISCAL: ReadonlySet<Source> = new Set(FISCAL_SOURCES);
const count = (q: { number: string }): number => (/^\d+$/.test(q.number) ? Number(q.number) : 0);

export const rule: Rule = {
  code: "vehicle-purchase-plan",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const plan = ctx.budget.assets?.vehiclePurchases ?? [];
    if (!plan.length) return;
    const vehicles = plan.reduce((s, v) => s + count(v.count), 0);
    const money = ctx.model.economic.threePublic.get("vehiclePurchase")!.total;
    if ((vehicles > 0) === (money > 0)) return;
    if (vehicles > 0) {
      const first = plan.find((v) => count(v.count) > 0)!;
      ctx.report(first.count.span,
        bi(`购置计划列出 ${vehicles} 辆车，但预算没有公务用车购置费`, `the purchase plan lists ${vehicles} vehicle${vehicles === 1 ? "" : "s"}, but the budget has no 公务用车购置费`),
        {
          hint: bi("购车经费列在经济科目 31013 公务用车购置：基本支出写 支出 科目 31013 金额，项目写 经济科目 31013；或删除购置计划", "the money for a car is on the economic subject 31013 公务用车购置: a basic line 支出 科目 31013 金额, or 经济科目 31013 in the project; or remove the plan"),
          data: { vehicles: String(vehicles), money: "0" },
        });
      return;
    }
    const tp = (code: string) => ctx.catalogue.threePublic(code) === "公务用车购置";
    const projects = relatedLines(ctx.budget.projects, (p) => p.economic.some((e) => tp(e.code.value)) && p.amounts.some((a) => FISCAL.has(a.source)), (p) => projectLine(p));
    const basic = relatedLines(ctx.budget.basic, (l) => FISCAL.has(l.source.value) && tp(l.economic.value), basicLine);
    ctx.report(plan[0]!.count.span,
      bi(`预算安排了公务用车购置费 ${wanText(money)}，但购置计划一辆车也没有`, `the budget has ${wanText(money)} of 公务用车购置费, but the purchase plan lists no vehicle`),
      {
        related: [...projects.related, ...basic.related].slice(0, 3),
        hint: bi("在国有资产中写明购置的车辆，如 购置车辆 其他用车 1辆；或取消购置费", "state the vehicles bought in 国有资产, e.g. 购置车辆 其他用车 1辆; or remove the purchase money"),
        data: { vehicles: "0", money: plainWan(money) },
      });
  },
};
