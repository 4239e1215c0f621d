/**
 * Figures are within plausible ratios of what suggests their size, where the budget
 * states nothing that pins them exactly: this year's 收入总计, 一般公共预算当年支出, 三公
 * and 机关运行经费 are less than 100 times last year's and more than a hundredth of them;
 * a project's 实施期资金 is less than 20 times its 年度资金 for each year of its 项目期 (at
 * most ten counted); and no line is 10,000 times the median line of the budget and ten
 * times all the others together. Beyond 1,000 times it is an error, below a warning. The
 * diagnostic is at the figure most likely slipped (the line that alone makes this year's
 * total implausible, or else last year's figure), with the figure it would be if the slip
 * were a power of ten.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { Dec, groupThousands, type Fen } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { THREE_PUBLIC_KEY } from "../../model/labels.js";
import { carryoversExceedLastYear, inUnitOf, isOneYear, levelSum, projectsWithForms, wanText, yuanText } from "../facts.js";
import type { Rule, RuleContext } from "../rule.js";

/** Beyond this ratio a figure is implausible (a warning); beyond the next, an error. */
const PLAUSIBLE = 100;
const ALARMING = 1_000;

export const rule: Rule = {
  code: "implausible-amount",
  severity: "warning",
  alsoAs: ["error"],
  needsAllFigures: true,
  run(ctx) {
    const blamed = new Set<A.Money>();
    againstLastYear(ctx, blamed);
    periodAgainstYear(ctx);
    againstNeighbours(ctx, blamed);
  },
};

/** "375 倍" or "375 分之一" for a ratio of two positive amounts. */
function ratioText(a: Fen, b: Fen): Bilingual {
  if (a >= b) {
    const r = groupThousands(new Dec(a).div(b).toFixed(0));
    return bi(`${r} 倍`, `${r} times`);
  }
  const r = groupThousands(new Dec(b).div(a).toFixed(0));
  return bi(`${r} 分之一`, `1/${r} of`);
}

/** The figure 10^k times a written one, k from −4 to 4, when exact in 分. */
function scaled(fen: Fen, k: number): Fen | undefined {
  if (k >= 0) return fen * 10 ** k;
  const f = 10 ** -k;
  return fen % f === 0 ? fen / f : undefined;
}

/**
 * This year's figures against last year's as the 上年 block states them (figures derived
 * from last year's budget are that budget's own, checked with it).
 */
function againstLastYear(ctx: RuleContext, blamed: Set<A.Money>): void {
  const ly = ctx.budget.lastYear;
  if (!ly || ly.source) return;
  const m = ctx.model;
  const pairs: { last: A.Money; now: Fen; what: Bilingual; items?: (it: (typeof m.items)[number]) => boolean }[] = [];
  // Carry-overs beyond last year's whole income are part-exceeds-whole's to report.
  if (ly.incomeTotal && !carryoversExceedLastYear(ctx)) pairs.push({ last: ly.incomeTotal, now: m.totals.incomeTotal, what: bi("收入总计", "收入总计"), items: () => true });
  // 一般公共预算当年支出 is 表五's total: this year's amounts from 一般公共预算 (totals.current).
  if (ly.generalSpending) pairs.push({ last: ly.generalSpending, now: m.totals.current.general, what: bi("一般公共预算当年支出", "一般公共预算当年支出"), items: (it) => it.kind !== "carryover" && it.source === "一般公共预算" });
  for (const [item, money] of ly.threePublic?.items ?? []) pairs.push({ last: money, now: m.economic.threePublic.get(THREE_PUBLIC_KEY[item])?.total ?? 0, what: bi(`${item}费`, item) });
  if (ly.runningCosts) pairs.push({ last: ly.runningCosts, now: m.economic.runningTotal.total, what: bi("机关运行经费", "机关运行经费") });

  for (const { last, now, what, items } of pairs) {
    const L = last.fen;
    if (L <= 0 || now <= 0 || (now < L * PLAUSIBLE && now * PLAUSIBLE > L)) continue;
    const severity = now >= L * ALARMING || now * ALARMING <= L ? "error" : "warning";
    const ratio = ratioText(now, L);
    // This year far above last year: one line that alone makes the difference is the slip
    // (tried as 10,000, 1,000 and 100 times too large, the unit slip first).
    // (Only when the rest of this year looks like last year: else last year's figure is the odd one.)
    if (now > L && items) {
      let top: (typeof m.items)[number] | undefined;
      for (const it of m.items) if (items(it) && (!top || it.fen > top.fen)) top = it;
      const rest = top ? now - top.fen : 0;
      if (top && !blamed.has(top.money) && rest * 10 >= L && rest <= L * 10) {
        for (const k of [4, 3, 2]) {
          const meant = scaled(top.fen, -k);
          if (meant === undefined) continue;
          const fixed = now - top.fen + meant;
          if (fixed * 10 < L || fixed > L * 10) continue;
          blamed.add(top.money);
          ctx.report(top.money.span,
            bi(
              `金额 ${top.money.text} 使本年${what.zh} ${wanText(now)} 成为上年 ${wanText(L)} 的 ${ratio.zh}`,
              `the amount ${top.money.text} makes this year's ${what.en}, ${wanText(now)}, ${ratio.en} last year's ${wanText(L)}`,
            ),
            {
              severity,
              related: [{ span: last.span, message: bi(`上年${what.zh} ${last.text}`, `last year's ${what.en}: ${last.text}`) }],
              hint: bi(`是否把元写成了万元，或多写了几位？若它是 ${inUnitOf(top.money, meant)}，本年${what.zh}为 ${wanText(fixed)}`, `is it 元 written as 万元, or extra digits? Were it ${inUnitOf(top.money, meant)}, this year's ${what.en} would be ${wanText(fixed)}`),
              data: { figure: what.zh, written: top.money.text, meant: inUnitOf(top.money, meant) },
            });
          break;
        }
        if (blamed.has(top.money)) continue;
      }
    }
    // Else last year's figure is the one to look at: the power of ten nearest the ratio.
    const k = Math.max(-4, Math.min(4, Math.round(Math.log10(now / L))));
    const meant = scaled(L, k);
    ctx.report(last.span,
      bi(
        `上年${what.zh}写作 ${last.text}，而本年为 ${wanText(now)}，是上年的 ${ratio.zh}`,
        `last year's ${what.en} is written ${last.text}, and this year's is ${wanText(now)}, ${ratio.en} it`,
      ),
      {
        severity,
        hint: meant !== undefined
          ? bi(`核对上年数的单位和位数：是否应为 ${wanText(meant)}？`, `check the unit and digits of last year's figure: is it ${wanText(meant)}?`)
          : bi("核对上年数和本年各项金额的单位和位数", "check the units and digits of last year's figure and this year's amounts"),
        data: { figure: what.zh, written: last.text, now: wanText(now), ...(meant !== undefined ? { meant: wanText(meant) } : {}) },
      });
  }
}

/** A multi-year project's 实施期资金 against its 年度资金 and its 项目期. */
function periodAgainstYear(ctx: RuleContext): void {
  for (const { project: p, form, index } of projectsWithForms(ctx.budget, ctx.model.attachment)) {
    if (isOneYear(form) || !form.periodFunding) continue;
    const levels = levelSum(form.periodFunding);
    const periodMoney = form.periodFunding.declaredTotal ?? levels?.first;
    const period = form.periodFunding.declaredTotal?.fen ?? levels?.fen;
    const annualBlock = form.annualFunding ? (form.annualFunding.declaredTotal?.fen ?? levelSum(form.annualFunding)?.fen) : undefined;
    const annual = p.amounts.length ? ctx.model.projectLines[index]!.cells.total : annualBlock;
    if (!periodMoney || period === undefined || !annual || annual <= 0) continue;
    const n = form.duration && /^\d+$/.test(form.duration.number) ? Number(form.duration.number) : 10;
    const years = Math.max(1, Math.min(n, 10));
    const cap = 20 * years;
    if (period <= annual * cap) continue;
    let meant: Fen | undefined;
    for (const k of [4, 3, 2]) {
      const m = scaled(period, -k);
      if (m !== undefined && m >= annual && m <= annual * cap) {
        meant = m;
        break;
      }
    }
    ctx.report(periodMoney.span,
      bi(
        `项目「${p.name.value}」的实施期资金总额 ${yuanText(period)} 是年度资金总额 ${yuanText(annual)} 的 ${ratioText(period, annual).zh}，按项目期 ${years} 年，每年平均是本年度的 ${groupThousands(new Dec(period).div(annual * years).toFixed(0))} 倍`,
        `the 实施期资金总额 of ${p.name.value}, ${yuanText(period)}, is ${ratioText(period, annual).en} its 年度资金总额 ${yuanText(annual)}: over ${years} year(s), ${groupThousands(new Dec(period).div(annual * years).toFixed(0))} times this year's on average`,
      ),
      {
        severity: period >= annual * years * ALARMING ? "error" : "warning",
        hint: meant !== undefined
          ? bi(`绩效目标表以元为单位：是否把元写成了万元，或多写了几位？是否应为 ${yuanText(meant)}？`, `the forms are in 元: is it 元 written as 万元, or extra digits? Is it ${yuanText(meant)}?`)
          : bi("核对实施期资金的单位和位数", "check the unit and digits of the period's funding"),
        data: { project: p.name.value, period: yuanText(period), annual: yuanText(annual), ...(meant !== undefined ? { meant: yuanText(meant) } : {}) },
      });
  }
}

/** The largest line of this year against the median line and all the others. */
function againstNeighbours(ctx: RuleContext, blamed: Set<A.Money>): void {
  const items = ctx.model.items.filter((it) => it.kind !== "carryover" && it.fen > 0);
  if (items.length < 3) return;
  const fens = items.map((it) => it.fen).sort((a, b) => a - b);
  const median = fens[Math.floor(fens.length / 2)]!;
  let top = items[0]!;
  for (const it of items) if (it.fen > top.fen) top = it;
  const rest = ctx.model.totals.current.total - top.fen;
  if (blamed.has(top.money) || rest <= 0 || top.fen < median * 10_000 || top.fen < rest * 10) return;
  const meant = scaled(top.fen, -4);
  ctx.report(top.money.span,
    bi(
      `金额 ${top.money.text} 是本年各笔金额中位数 ${wanText(median)} 的 ${ratioText(top.fen, median).zh}，也是其余各笔合计 ${wanText(rest)} 的 ${ratioText(top.fen, rest).zh}`,
      `the amount ${top.money.text} is ${ratioText(top.fen, median).en} the median amount of the year, ${wanText(median)}, and ${ratioText(top.fen, rest).en} all the others together, ${wanText(rest)}`,
    ),
    {
      hint: meant !== undefined
        ? bi(`核对单位和位数：是否把元写成了万元（即 ${inUnitOf(top.money, meant)}）？`, `check the unit and digits: is it 元 written as 万元 (that is ${inUnitOf(top.money, meant)})?`)
        : bi("核对单位和位数", "check the unit and the digits"),
      data: { written: top.money.text, median: wanText(median), rest: wanText(rest), ...(meant !== undefined ? { meant: inUnitOf(top.money, meant) } : {}) },
    });
}
