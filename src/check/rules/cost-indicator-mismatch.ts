/**
 * A project's cost indicators (产出 › 成本) state its amount: the 年度 values that name
 * an exact sum of money add up to the project's amount, and they carry a unit.
 */
import { bi } from "../../base/diagnostics.js";
import { sum } from "../../base/money.js";
import { costsAgree, costValue, differenceText, isCostIndicator, plainYuan, projectsWithForms, wanText, yuanText, type CostValue } from "../facts.js";
import type { Rule } from "../rule.js";
import { quote } from "../../syntax/values.js";

export const rule: Rule = {
  code: "cost-indicator-mismatch",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    for (const { project: p, form, index } of projectsWithForms(ctx.budget, ctx.model.attachment)) {
      if (p.amounts.length === 0) continue;
      // Most forms have one cost indicator: the list is only built when there is one.
      let values: CostValue[] | undefined;
      for (const ind of form.indicators) {
        if (!isCostIndicator(ind)) continue;
        const v = costValue(ind, ind.annual);
        if (v) (values ??= []).push(v);
      }
      if (!values) continue;
      const amount = ctx.model.projectLines[index]!.cells.total;
      const unitless = values.find((v) => v.unitless);
      const agree = values.length === 1 ? values[0]!.fen === amount : costsAgree(values.map((v) => v.fen), amount);
      if (agree && !unitless) continue;
      const first = agree ? unitless! : values[0]!;
      const stated = values.map((v) => `「${v.indicator.name.value}」写作 ${v.value.text}`).join("、");
      const statedEn = values.map((v) => `${v.indicator.name.value}: ${v.value.text}`).join(", ");
      const total = sum(values.map((v) => v.fen));
      const message = agree
        ? bi(
            `项目「${p.name.value}」的成本指标「${first.indicator.name.value}」写作 ${first.value.text}，没有单位`,
            `the cost indicator ${first.indicator.name.value} of ${p.name.value} is written ${first.value.text}, without a unit`,
          )
        : bi(
            `项目「${p.name.value}」的成本指标${stated}${values.length > 1 ? `，合计 ${yuanText(total)}` : `，即 ${yuanText(total)}`}${unitless ? "（未写单位，按元读）" : ""}，但项目金额为 ${wanText(amount)}即 ${yuanText(amount)}（相差 ${differenceText(total, amount, "元")}）`,
            `the cost indicator${values.length > 1 ? "s" : ""} of ${p.name.value} (${statedEn}) state${values.length > 1 ? "" : "s"} ${yuanText(total)}${unitless ? " (no unit; read as 元)" : ""} but the project's amount is ${wanText(amount)}, that is ${yuanText(amount)} (difference ${differenceText(total, amount, "元")})`,
          );
      // The value is replaced in the form it was written: a quantity, or a "string".
      const written = first.value.span.end - first.value.span.start === first.value.text.length + 2 ? quote : (t: string) => t;
      const replacement = yuanText(agree ? first.fen : amount);
      ctx.report(first.value.span, message, {
          related: [
            ...values.filter((v) => v !== first).map((v) => ({ span: v.value.span, message: bi(`成本指标「${v.indicator.name.value}」${v.value.text}`, `cost indicator ${v.indicator.name.value}: ${v.value.text}`) })),
            ...p.amounts.map((a) => ({ span: a.money.span, message: bi(`项目金额 ${a.source} ${a.money.text}`, `the project's amount: ${a.source} ${a.money.text}`) })),
          ],
          hint: agree
            ? bi(`写上单位：${yuanText(first.fen)}`, `write the unit: ${yuanText(first.fen)}`)
            : bi(`成本指标的年度值应等于项目金额：${yuanText(amount)}`, `the cost indicator's annual value is the project's amount: ${yuanText(amount)}`),
          data: { project: p.name.value, stated: plainYuan(total), amount: plainYuan(amount), unit: unitless ? "" : "元" },
          // With several cost indicators, which of them to change is the author's choice.
          ...(agree || values.length === 1 ? { fix: { title: bi(`改为 ${replacement}`, `write ${replacement}`), span: first.value.span, replacement: written(replacement) } } : {}),
        });
    }
  },
};
