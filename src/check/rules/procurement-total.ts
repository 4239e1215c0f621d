/**
 * A declared 政府采购 total equals goods + works + services.
 */
import { bi, type Related } from "../../base/diagnostics.js";
import { sum } from "../../base/money.js";
import { differenceText, moneyText, plainWan, wanText, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "procurement-total",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const p = ctx.budget.procurement;
    const total = p?.declaredTotal;
    if (!p || !total) return;
    const parts = [
      ["货物", "goods", p.goods],
      ["工程", "works", p.works],
      ["服务", "services", p.services],
    ] as const;
    if (!parts.some((x) => x[2])) return;
    const s = sum(parts.map((x) => x[2]?.fen ?? 0));
    if (s === total.fen) return;
    const show = (fen: number) => (total.unit === "元" ? yuanText(fen) : wanText(fen));
    const related: Related[] = [];
    for (const [zh, en, m] of parts) if (m) related.push({ span: m.span, message: bi(`${zh} ${moneyText(m)}`, `${en}: ${moneyText(m)}`) });
    ctx.report(total.span,
        bi(
          `政府采购预算总额写作 ${show(total.fen)}，但货物 ${show(p.goods?.fen ?? 0)} + 工程 ${show(p.works?.fen ?? 0)} + 服务 ${show(p.services?.fen ?? 0)} = ${show(s)}（相差 ${differenceText(total.fen, s, total.unit)}）`,
          `the 政府采购 total declares ${show(total.fen)} but goods ${show(p.goods?.fen ?? 0)} + works ${show(p.works?.fen ?? 0)} + services ${show(p.services?.fen ?? 0)} = ${show(s)} (difference ${differenceText(total.fen, s, total.unit)})`,
        ),
        {
          related,
          hint: bi("总额由三项推导，可以不写", "the total derives from the three parts and can be left out"),
          data: { declared: plainWan(total.fen), derived: plainWan(s) },
        });
  },
};
