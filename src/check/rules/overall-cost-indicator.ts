/**
 * The overall performance form's cost indicators (产出 › 成本) state the department's
 * budget for the year: their 年度 values add up to 本年收入合计 (basic expenditure plus
 * projects), and they carry a unit.
 */
import { bi } from "../../base/diagnostics.js";
import { sum } from "../../base/money.js";
import { costsAgree, costValue, differenceText, isCostIndicator, plainYuan, wanText, yuanText, type CostValue } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "overall-cost-indicator",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const overall = ctx.budget.overall;
    if (!overall) return;
    const values: CostValue[] = [];
    for (const ind of overall.indicators) {
      if (!isCostIndicator(ind)) continue;
      const v = costValue(ind, ind.annual);
      if (v) values.push(v);
    }
    if (!values.length) return;
    const t = ctx.model.totals.direction;
    const expected = ctx.model.totals.current.total;
    const fens = values.map((v) => v.fen);
    const agree = costsAgree(fens, expected);
    const unitless = values.find((v) => v.unitless);
    if (agree && !unitless) return;
    const first = agree ? unitless! : values[0]!;
    const total = sum(fens);
    const written = values.map((v) => `「${v.indicator.name.value}」写作 ${v.value.text}`).join("、");
    const writtenEn = values.map((v) => `${v.indicator.name.value}: ${v.value.text}`).join(", ");
    const message = agree
      ? bi(`整体支出绩效目标申报表的成本指标「${first.indicator.name.value}」写作 ${first.value.text}，没有单位`, `the overall form's cost indicator ${first.indicator.name.value} is written ${first.value.text}, without a unit`)
      : bi(
          `整体支出绩效目标申报表的成本指标${written}${unitless ? `（未写单位，按元读作 ${yuanText(total)}）` : values.length > 1 ? `，合计 ${yuanText(total)}` : values[0]!.value.unit !== "元" ? `，即 ${yuanText(total)}` : ""}，但本年预算为 ${wanText(expected)}即 ${yuanText(expected)}（相差 ${differenceText(total, expected, "元")}）`,
          `the overall form's cost indicator${values.length > 1 ? "s" : ""} (${writtenEn}) state${values.length > 1 ? "" : "s"} ${yuanText(total)}${unitless ? " (no unit; read as 元)" : ""} but this year's budget is ${wanText(expected)}, that is ${yuanText(expected)} (difference ${differenceText(total, expected, "元")})`,
        );
    ctx.report(first.value.span, message, {
        related: values.filter((v) => v !== first).map((v) => ({ span: v.value.span, message: bi(`成本指标「${v.indicator.name.value}」${v.value.text}`, `cost indicator ${v.indicator.name.value}: ${v.value.text}`) })),
        hint: agree
          ? bi(`写上单位：${yuanText(first.fen)}`, `write the unit: ${yuanText(first.fen)}`)
          : bi(
              `本年预算 = 基本支出 ${wanText(t.basic)} + 项目支出 ${wanText(t.project)}；写 ${yuanText(expected)}`,
              `this year's budget = basic ${wanText(t.basic)} + projects ${wanText(t.project)}; write ${yuanText(expected)}`,
            ),
        data: { stated: plainYuan(total), budget: plainYuan(expected), unit: unitless ? "" : "元" },
      });
  },
};
