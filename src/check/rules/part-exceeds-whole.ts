/**
 * A part is not larger than its whole: 政府采购 (goods, works, services, or their total)
 * is spending of the budget, so it is at most 支出总计; the carry-overs (上年结转) are
 * last year's money left over, so together they are at most last year's 收入总计. A part
 * larger than its whole is nearly always a unit slip (元 written as 万元), and the
 * hint gives the figure it would then be.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import type { Fen } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { carryoversExceedLastYear, inUnitOf, wanText } from "../facts.js";
import type { Rule, RuleContext } from "../rule.js";

/** The largest of some written amounts, with what it is. */
function largest(parts: readonly { money: A.Money; what: Bilingual }[]): { money: A.Money; what: Bilingual } | undefined {
  let best: { money: A.Money; what: Bilingual } | undefined;
  for (const p of parts) if (!best || p.money.fen > best.money.fen) best = p;
  return best;
}

/**
 * The figure a part would be were it written 10^k times too large, for the smallest
 * k from 4 down to 1 (the unit slip first) that brings the parts within the whole.
 */
function meantFigure(part: Fen, rest: Fen, whole: Fen): { fen: Fen; k: number } | undefined {
  for (const k of [4, 3, 2, 1]) {
    const f = 10 ** k;
    if (part % f === 0 && rest + part / f <= whole) return { fen: part / f, k };
  }
  return undefined;
}

function report(ctx: RuleContext, part: { money: A.Money; what: Bilingual }, sum: Fen, whole: Fen, wholeWhat: Bilingual, why: Bilingual): void {
  const m = part.money;
  const meant = meantFigure(m.fen, sum - m.fen, whole);
  const several = sum !== m.fen;
  ctx.report(m.span,
    bi(
      `${part.what.zh}写作 ${m.text}${several ? `，连同其他各项共 ${wanText(sum)}` : ""}，超过了${wholeWhat.zh} ${wanText(whole)}：${why.zh}`,
      `${part.what.en}, ${m.text}${several ? ` (with the others, ${wanText(sum)})` : ""}, is more than ${wholeWhat.en}, ${wanText(whole)}: ${why.en}`,
    ),
    {
      hint: meant
        ? bi(`是否把元写成了万元，或多写了几位？写作 ${inUnitOf(m, meant.fen)} 就不超过了`, `is it 元 written as 万元, or extra digits? Written ${inUnitOf(m, meant.fen)}, it would not exceed it`)
        : bi("核对金额的单位和位数", "check the unit and the digits of the amount"),
      data: { written: m.text, whole: wanText(whole), ...(meant ? { meant: inUnitOf(m, meant.fen) } : {}) },
    });
}

export const rule: Rule = {
  code: "part-exceeds-whole",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const b = ctx.budget;
    const t = ctx.model.totals;

    // A budget with no spending at all is incomplete (missing-fact), not a measure.
    const pr = b.procurement;
    if (pr && t.incomeTotal > 0) {
      const spending = t.incomeTotal;
      const why = bi("政府采购是本部门支出的一部分", "procurement is part of the department's spending");
      const whole = bi("本年支出总计", "this year's 支出总计");
      if (pr.declaredTotal && pr.declaredTotal.fen > spending) report(ctx, { money: pr.declaredTotal, what: bi("政府采购合计", "the procurement total") }, pr.declaredTotal.fen, spending, whole, why);
      else {
        const parts: { money: A.Money; what: Bilingual }[] = [];
        if (pr.goods) parts.push({ money: pr.goods, what: bi("政府采购货物", "the procurement of goods") });
        if (pr.works) parts.push({ money: pr.works, what: bi("政府采购工程", "the procurement of works") });
        if (pr.services) parts.push({ money: pr.services, what: bi("政府采购服务", "the procurement of services") });
        const sum = parts.reduce((s, p) => s + p.money.fen, 0);
        const top = largest(parts);
        if (top && sum > spending) report(ctx, top, sum, spending, whole, why);
      }
    }

    // Carry-overs against last year's 收入总计, as stated or from last year's budget. When
    // last year's figure is itself implausible beside this year's (implausible-amount
    // reports it), it is no measure of the carry-overs.
    const lastTotal = carryoversExceedLastYear(ctx);
    if (lastTotal !== undefined) {
      const parts: { money: A.Money; what: Bilingual }[] = [];
      for (const c of b.carryovers) for (const a of c.amounts) parts.push({ money: a.money, what: bi(`结转「${c.name.value}」`, `the carry-over ${c.name.value}`) });
      const top = largest(parts);
      if (top) report(ctx, top, t.carried.total, lastTotal, bi("上年收入总计", "last year's 收入总计"), bi("上年结转是上年未用完的钱，不会多于上年的全部收入", "a carry-over is last year's money left unspent, never more than last year's whole income"));
    }
  },
};
