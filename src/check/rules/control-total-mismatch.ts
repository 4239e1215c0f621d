/**
 * The control totals (控制数) the finance bureau set equal the budget's: each source's
 * control equals this year's income from that source, and 收入总计 equals this year's
 * income plus 上年结转.
 */
import { bi, type Related } from "../../base/diagnostics.js";
import type { Fen } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { sourceTotal } from "../../model/totals.js";
import { differenceText, linesOfSource, plainWan, wanText, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "control-total-mismatch",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const b = ctx.budget;
    const control = b.department?.control;
    if (!control) return;
    const t = ctx.model.totals;
    const report = (m: A.Money, want: Fen, zh: string, en: string, related: Related[]) => {
      const show = (fen: Fen) => (m.unit === "元" ? yuanText(fen) : wanText(fen));
      ctx.report(m.span,
          bi(`控制数${zh}为 ${show(m.fen)}，但预算${zh === "收入总计" ? "的收入总计" : "安排"}为 ${show(want)}（相差 ${differenceText(m.fen, want, m.unit)}）`, `the control total for ${en} is ${show(m.fen)} but the budget gives ${show(want)} (difference ${differenceText(m.fen, want, m.unit)})`),
          {
            related,
            hint: bi("预算必须在财政部门下达的控制数内编足：调整支出，或核对控制数", "the budget must match the control totals the finance bureau set: adjust the spending, or check the control figure"),
            data: { figure: zh, control: plainWan(m.fen), derived: plainWan(want), difference: plainWan(Math.abs(m.fen - want)) },
          });
    };
    for (const a of control.bySource) {
      const want = sourceTotal(t, a.source);
      if (a.money.fen === want) continue;
      const { related } = linesOfSource(b, a.source);
      report(a.money, want, a.source, a.source, related);
    }
    const total = control.incomeTotal;
    if (total && total.fen !== t.incomeTotal) {
      report(total, t.incomeTotal, "收入总计", "收入总计 (total income)", []);
    }
  },
};
