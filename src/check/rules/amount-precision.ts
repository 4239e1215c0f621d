/**
 * Tables always add up: an amount that reaches the tables is written no finer than the
 * tables print it (0.01万元 in the shanxi-13 and mof-9 formats; the profile states its own,
 * `facts.precision`). A finer amount is rounded where it is printed, and three lines of
 * 1.005万元 would print 1.01 three times under a total of 3.02. (With 金额单位 元 the tables
 * print whole 元 unless the profile says otherwise: tablePrecision.) The rule chosen is that such
 * an amount is an error at the figure, rather than rounding rows so that totals agree
 * (尾差调整): a published row must be the budget's figure, not an adjusted one.
 */
import { bi } from "../../base/diagnostics.js";
import { Dec, FEN_PER_WAN, FEN_PER_YUAN, fixed, type Fen } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { tablePrecision } from "../facts.js";
import type { Rule } from "../rule.js";

/** The precision of the tables, in 分, from "0.01万元", "1元", "0.01元" …; 0.01万元 by default. */
export function precisionFen(text: string | undefined): { fen: Fen; text: string } {
  const m = /^(\d+(?:\.\d+)?)(万元|元)$/.exec(text ?? "");
  if (!m) return { fen: FEN_PER_WAN / 100, text: "0.01万元" };
  const fen = new Dec(m[1]!).mul(m[2] === "万元" ? FEN_PER_WAN : FEN_PER_YUAN).toNumber();
  return Number.isSafeInteger(fen) && fen >= 1 ? { fen, text: m[0] } : { fen: FEN_PER_WAN / 100, text: "0.01万元" };
}

export const rule: Rule = {
  code: "amount-precision",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const p = precisionFen(tablePrecision(ctx));
    if (p.fen <= 1) return;
    const check = (m: A.Money) => {
      if (m.fen % p.fen === 0) return;
      const down = m.fen - (((m.fen % p.fen) + p.fen) % p.fen);
      const [lo, hi] = [down, down + p.fen].map((f) => (m.unit === "万元" ? `${fixed(new Dec(f).div(FEN_PER_WAN), Math.max(2, places(p.fen, FEN_PER_WAN)))}万元` : `${fixed(new Dec(f).div(FEN_PER_YUAN), places(p.fen, FEN_PER_YUAN))}元`));
      ctx.report(
        m.span,
        bi(
          `金额 ${m.text} 比公开表格的精度（${p.text}）更细：表格按 ${p.text} 印出，各行四舍五入后可能与合计对不上`,
          `the amount ${m.text} is finer than the tables print (${p.text}): rounded in each row, the rows may no longer add up to their total`,
        ),
        { hint: bi(`写到 ${p.text}：${lo} 或 ${hi}`, `write it to ${p.text}: ${lo} or ${hi}`), data: { precision: p.text } },
      );
    };
    const b = ctx.budget;
    for (const l of b.basic) check(l.money);
    for (const x of [...b.projects, ...b.carryovers]) for (const a of x.amounts) check(a.money);
  },
};

/** Decimal places of a precision in a unit: 10000分 in 万元 → 2, 100分 in 元 → 0. */
function places(fen: Fen, perUnit: number): number {
  let n = 0;
  for (let f = fen; f < perUnit && n < 6; f *= 10) n++;
  return n;
}
