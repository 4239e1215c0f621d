/**
 * A key project's 年度预算安排 sums to the project: its parts (其中) add up to the
 * project's amount, and so do the lines of its disbursement plan (用款计划), each list on
 * its own.
 */
import { bi } from "../../base/diagnostics.js";
import { sum, type Fen } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { differenceText, plainWan, wanText, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

const KINDS = [
  { kind: "part", zh: "其中", en: "parts (其中)", what: bi("年度预算安排的各部分", "the parts of its 年度预算安排") },
  { kind: "plan", zh: "用款计划", en: "disbursement plan (用款计划)", what: bi("用款计划", "its disbursement plan") },
] as const;

export const rule: Rule = {
  code: "funding-parts-total",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    ctx.budget.projects.forEach((p, index) => {
      const parts = p.note?.parts;
      if (!parts?.length || p.amounts.length === 0) return;
      const amount = ctx.model.projectLines[index]!.cells.total;
      for (const k of KINDS) {
        const mine = parts.filter((x) => x.kind === k.kind);
        if (!mine.length) continue;
        const total = sum(mine.map((x) => x.money.fen));
        if (total === amount) continue;
        const unit = mine[0]!.money.unit;
        const show = (fen: Fen) => (unit === "元" ? yuanText(fen) : wanText(fen));
        const list = mine.map((x) => `${x.label.value} ${show(x.money.fen)}`).join(" + ");
        ctx.report(mine[0]!.label.span,
          bi(
            `项目「${p.name.value}」的${k.what.zh}合计 ${show(total)}（${list}），但项目金额为 ${show(amount)}（相差 ${differenceText(total, amount, unit)}）`,
            `the ${k.en} of ${p.name.value} sum to ${show(total)} (${list}) but the project's amount is ${show(amount)} (difference ${differenceText(total, amount, unit)})`,
          ),
          {
            related: [
              ...mine.slice(1, 4).map((x) => ({ span: x.money.span, message: bi(`${k.zh}「${x.label.value}」${x.money.text}`, `${k.en}: ${x.label.value} ${x.money.text}`) })),
              ...p.amounts.map((a: A.Amount) => ({ span: a.money.span, message: bi(`项目金额 ${a.source} ${a.money.text}`, `the project's amount: ${a.source} ${a.money.text}`) })),
            ],
            hint: bi(`${k.zh}各项之和应等于项目金额 ${show(amount)}：改正其中一项，或改正项目金额`, `the ${k.en} add up to the project's amount, ${show(amount)}: correct a line, or the project's amount`),
            data: { project: p.name.value, kind: k.kind, stated: plainWan(total), amount: plainWan(amount), difference: plainWan(Math.abs(total - amount)) },
          });
      }
    });
  },
};
