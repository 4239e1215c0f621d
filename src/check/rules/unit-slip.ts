/**
 * No figure is a slip of its unit or its digits where the budget itself shows it: a
 * figure of the tables is not so small that they print it as 0.00 (5.00元 on a line in
 * 万元), a project's amount and its form's 年度资金 are not 10, 100, 1,000 or 10,000
 * times apart, and no line is such a multiple off the amount that would make the
 * budget meet a total its author declares (a control total, the overall form's 年度预算
 * or cost indicator). The diagnostic is at the slipped figure, with the figure meant.
 *
 * (That the figures disagree at all is project-funding-total's, control-total-mismatch's
 * and overall-budget-mismatch's to report; this rule says which figure slipped, and by
 * how much.)
 */
import { bi, type Bilingual, type Related } from "../../base/diagnostics.js";
import { fenToDec, type Fen } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { SOURCE_KEY } from "../../model/keys.js";
import { costValue, inUnitOf, tablePrecision, isCostIndicator, levelSum, powerOfTen, projectsWithForms, timesText, wanText, yuanText, type CostValue } from "../facts.js";
import type { Rule, RuleContext } from "../rule.js";

/** Half a hundredth of a 万元, in 分: a smaller amount prints as 0.00 in the tables. */
const HALF_HUNDREDTH_WAN = 5_000;

export const rule: Rule = {
  code: "unit-slip",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    printedAsZero(ctx);
    projectAndForm(ctx);
    declaredTotals(ctx);
  },
};

/** Every figure an author writes that a table or the prose prints, with what it is. */
function* printedFigures(b: A.Budget): Generator<{ money: A.Money; what: Bilingual }> {
  for (const l of b.basic) yield { money: l.money, what: bi(`基本支出「${l.subject.value} ${l.economic.value}」`, `the basic line ${l.subject.value} ${l.economic.value}`) };
  for (const p of b.projects) for (const a of p.amounts) yield { money: a.money, what: bi(`项目「${p.name.value}」的${a.source}`, `the ${a.source} of the project ${p.name.value}`) };
  for (const c of b.carryovers) for (const a of c.amounts) yield { money: a.money, what: bi(`结转「${c.name.value}」的${a.source}`, `the ${a.source} of the carry-over ${c.name.value}`) };
  const ly = b.lastYear;
  if (ly && !ly.source) {
    if (ly.incomeTotal) yield { money: ly.incomeTotal, what: bi("上年收入总计", "last year's 收入总计") };
    if (ly.generalSpending) yield { money: ly.generalSpending, what: bi("上年一般公共预算当年支出", "last year's 一般公共预算当年支出") };
    if (ly.runningCosts) yield { money: ly.runningCosts, what: bi("上年机关运行经费", "last year's 机关运行经费") };
    for (const [item, m] of ly.threePublic?.items ?? []) yield { money: m, what: bi(`上年${item}费`, `last year's ${item}`) };
  }
  const pr = b.procurement;
  if (pr) {
    const parts: [A.Money | undefined, string, string][] = [
      [pr.goods, "货物", "goods"],
      [pr.works, "工程", "works"],
      [pr.services, "服务", "services"],
      [pr.declaredTotal, "合计", "total"],
    ];
    for (const [m, zh, en] of parts) if (m) yield { money: m, what: bi(`政府采购${zh}`, `the procurement of ${en}`) };
  }
}

/**
 * A figure the tables print in 万元 to two decimals that is too small to show. (Tables in
 * 元 show every amount the precision rule admits: amount-precision reports the finer ones.)
 */
function printedAsZero(ctx: RuleContext): void {
  const unit = ctx.model.moneyUnit;
  if (unit !== "万元" || !tablePrecision(ctx).endsWith("万元")) return;
  for (const { money: m, what } of printedFigures(ctx.budget)) {
    if (m.fen === 0 || Math.abs(m.fen) >= HALF_HUNDREDTH_WAN) continue;
    const meant = m.unit === "元" ? `${m.text.slice(0, m.text.length - 1)}万元` : undefined;
    const exact = `${fenToDec(m.fen, unit).toFixed()}${unit}`;
    ctx.report(m.span,
      bi(
        `${what.zh}写作 ${m.text}，即 ${exact}，不到 0.01${unit}：公开文件的表格以${unit}为单位、保留两位小数，会印作 0.00`,
        `${what.en} is written ${m.text}, that is ${exact}, less than 0.01${unit}: the tables print ${unit} to two decimals, so it would print as 0.00`,
      ),
      {
        hint: meant
          ? bi(`是否把万元写成了元？应为 ${meant}`, `is it 万元 written as 元? It would be ${meant}`)
          : bi(`核对金额的位数：表中最小的金额是 0.01${unit}`, `check the digits: the smallest amount the tables print is 0.01${unit}`),
        data: { value: m.text, ...(meant ? { meant } : {}) },
      });
  }
}

/**
 * A project's amount, its form's 年度资金 and its cost indicator state one figure; when
 * two of them agree and the third is a power of ten off, the third slipped. With only
 * the amount and the 年度资金, the one written in the other table's unit slipped (an
 * amount in 元, a form's funding in 万元), else the form's.
 */
function projectAndForm(ctx: RuleContext): void {
  for (const { project: p, form, index } of projectsWithForms(ctx.budget, ctx.model.attachment)) {
    if (p.amounts.length === 0 || !form.annualFunding) continue;
    const block = form.annualFunding;
    const levels = levelSum(block);
    const annualMoney = block.declaredTotal ?? levels?.first;
    const annual = block.declaredTotal?.fen ?? levels?.fen;
    if (annual === undefined || !annualMoney) continue;
    const amount = ctx.model.projectLines[index]!.cells.total;
    const k = powerOfTen(amount, annual);
    if (k === undefined) continue;
    const costs: CostValue[] = [];
    for (const ind of form.indicators) {
      if (!isCostIndicator(ind)) continue;
      const v = costValue(ind, ind.annual);
      if (v) costs.push(v);
    }
    const cost = costs.length === 1 ? costs[0]!.fen : undefined;
    // Three figures disagreeing each with the others: no one of them is the slip.
    if (cost !== undefined && cost !== amount && cost !== annual) continue;
    const amountMoney = p.amounts[0]!.money;
    const amountSlipped = cost !== undefined ? cost === annual : amountMoney.unit === "元" && annualMoney.unit === "元";
    const related: Related[] = cost !== undefined ? [{ span: costs[0]!.value.span, message: bi(`成本指标「${costs[0]!.indicator.name.value}」${costs[0]!.value.text}`, `the cost indicator ${costs[0]!.indicator.name.value}: ${costs[0]!.value.text}`) }] : [];
    if (amountSlipped) {
      // A project of several sources: which of them slipped cannot be told.
      if (p.amounts.length !== 1) continue;
      ctx.report(amountMoney.span,
        bi(
          `项目「${p.name.value}」的金额 ${amountMoney.text} 是其绩效目标表年度资金 ${yuanText(annual)} 的 ${timesText(k).zh}`,
          `the amount of ${p.name.value}, ${amountMoney.text}, is ${timesText(k).en} its form's 年度资金 ${yuanText(annual)}`,
        ),
        {
          related: [{ span: annualMoney.span, message: bi(`年度资金 ${annualMoney.text}`, `年度资金 ${annualMoney.text}`) }, ...related],
          hint: bi(`项目金额（表十二，万元）与年度资金（绩效目标表，元）是同一笔钱：是否应为 ${wanText(annual)}？`, `the amount (表十二, in 万元) and the 年度资金 (the form, in 元) are the same money: is it ${wanText(annual)}?`),
          data: { project: p.name.value, written: amountMoney.text, meant: wanText(annual) },
        });
    } else {
      ctx.report(annualMoney.span,
        bi(
          `项目「${p.name.value}」的绩效目标表年度资金 ${yuanText(annual)} 是项目金额 ${wanText(amount)} 的 ${timesText(-k).zh}`,
          `the 年度资金 on the form of ${p.name.value}, ${yuanText(annual)}, is ${timesText(-k).en} the project's amount ${wanText(amount)}`,
        ),
        {
          related: [...p.amounts.map((a) => ({ span: a.money.span, message: bi(`项目金额 ${a.source} ${a.money.text}`, `the project's amount: ${a.source} ${a.money.text}`) })), ...related],
          hint: bi(`年度资金（元）= 项目金额（万元）× 10000：是否应为 ${yuanText(amount)}？`, `年度资金 (元) = the amount (万元) × 10,000: is it ${yuanText(amount)}?`),
          data: { project: p.name.value, written: annualMoney.text, meant: yuanText(amount) },
        });
    }
  }
}

/**
 * A total the author declares (a control total, the overall form's 年度预算 or its cost
 * indicator) that the budget misses by exactly what one line would contribute were it
 * 10, 100, 1,000 or 10,000 times larger or smaller: that line slipped.
 */
function declaredTotals(ctx: RuleContext): void {
  const b = ctx.budget;
  const t = ctx.model.totals;
  const reported = new Set<A.Money>();
  const check = (declared: { money: A.Money; fen: Fen }, derived: Fen, counts: (kind: string, source: A.Source) => boolean, what: Bilingual) => {
    const d = derived - declared.fen;
    if (d === 0) return;
    const found: { money: A.Money; meant: Fen; k: number }[] = [];
    for (const it of ctx.model.items) {
      if (!counts(it.kind, it.source) || it.fen === 0) continue;
      for (let k = 1; k <= 4; k++) {
        const f = 10 ** k;
        // Written f times too large: v − v/f = d. Written f times too small: v·f − v = −d.
        if (it.fen % f === 0 && it.fen * (f - 1) === d * f) found.push({ money: it.money, meant: it.fen / f, k });
        else if (it.fen * (f - 1) === -d) found.push({ money: it.money, meant: it.fen * f, k: -k });
      }
    }
    // One line explains the difference: it is the slip. Several (equal lines) would be a guess.
    if (found.length !== 1) return;
    const { money: m, meant, k } = found[0]!;
    if (reported.has(m)) return;
    reported.add(m);
    const more = d > 0;
    const stated = inUnitOf(declared.money, declared.fen);
    ctx.report(m.span,
      bi(
        `金额 ${m.text} 使预算比${what.zh} ${stated} ${more ? "多出" : "少了"} ${wanText(Math.abs(d))}；若它是 ${inUnitOf(m, meant)}（它的 ${timesText(-k).zh}），两者正好相等：像是单位或位数写错了`,
        `the amount ${m.text} puts the budget ${wanText(Math.abs(d))} ${more ? "above" : "below"} ${what.en}, ${stated}; were it ${inUnitOf(m, meant)} (${timesText(-k).en} it), the two would agree exactly: it looks like a slip of the unit or the digits`,
      ),
      {
        related: [{ span: declared.money.span, message: bi(`${what.zh} ${declared.money.text}`, `${what.en}: ${declared.money.text}`) }],
        hint: bi(`是否应为 ${inUnitOf(m, meant)}？`, `is it ${inUnitOf(m, meant)}?`),
        data: { written: m.text, meant: inUnitOf(m, meant) },
      });
  };
  const current = (kind: string) => kind !== "carryover";
  const control = b.department?.control;
  for (const a of control?.bySource ?? []) check({ money: a.money, fen: a.money.fen }, t.current[SOURCE_KEY[a.source]], (kind, source) => current(kind) && source === a.source, bi(`控制数${a.source}`, `the control total for ${a.source}`));
  if (control?.incomeTotal) check({ money: control.incomeTotal, fen: control.incomeTotal.fen }, t.incomeTotal, () => true, bi("控制数收入总计", "the control total for 收入总计"));
  const o = b.overall;
  const db = o?.declaredBudget;
  if (db) {
    if (db.sum) check({ money: db.sum, fen: db.sum.fen }, t.current.total, current, bi("整体绩效的年度预算合计", "the overall form's 年度预算 合计"));
    for (const a of db.bySource) check({ money: a.money, fen: a.money.fen }, t.current[SOURCE_KEY[a.source]], (kind, source) => current(kind) && source === a.source, bi(`整体绩效的年度预算${a.source}`, `the overall form's 年度预算 ${a.source}`));
    if (db.basic) check({ money: db.basic, fen: db.basic.fen }, t.direction.basic, (kind) => kind === "basic", bi("整体绩效的年度预算基本支出", "the overall form's 年度预算 基本支出"));
    if (db.project) check({ money: db.project, fen: db.project.fen }, t.direction.project, (kind) => kind === "project", bi("整体绩效的年度预算项目支出", "the overall form's 年度预算 项目支出"));
  }
  // The overall form's cost indicator, when it states the year's budget as one amount.
  const costs: CostValue[] = [];
  for (const ind of o?.indicators ?? []) {
    if (!isCostIndicator(ind)) continue;
    const v = costValue(ind, ind.annual);
    if (v) costs.push(v);
  }
  const c = costs.length === 1 ? costs[0]! : undefined;
  if (c) check({ money: { text: c.value.text, number: c.value.number ?? "", unit: "元", fen: c.fen, span: c.value.span }, fen: c.fen }, t.current.total, current, bi("整体绩效的成本指标", "the overall form's cost indicator"));
}

