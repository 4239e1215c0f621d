/**
 * What the checker's rules share besides the derived figures (which they read from the
 * model, ctx.model): money formatted as the document prints it, the related spans that
 * describe the lines behind a figure, guesses for forms filed under a name that is no
 * project, indicator levels without their 指标 suffix, the value of a cost indicator,
 * name similarity for "did you mean" hints, and the texts of a budget. Nothing here
 * reports; rules decide what is wrong.
 */
import { groupThousands, sum, toFen, wanGrouped, yuanGrouped, type Fen } from "../base/money.js";
import type { Attachment } from "../model/attach.js";
import { amountOf } from "../model/totals.js";
import type { Span } from "../base/source.js";
import { bi, type Bilingual, type Related } from "../base/diagnostics.js";
import type * as A from "../syntax/ast.js";
import { UNIT_FUND_SOURCES } from "../syntax/ast.js";
import type { RuleContext } from "./rule.js";
import { INDICATOR_LEVELS, indicatorLevel, type Enumeration } from "../syntax/enumerations.js";

/** At most this many lines are related to a derived figure; the message gives the full count. */
export const MAX_RELATED = 3;

/* ------------------------------------------------------------------------------------ */
/* Money as the document prints it                                                        */
/* ------------------------------------------------------------------------------------ */

/** 万元 with two decimals and thousands separators, with the unit: 6,389.17万元. */
export function wanText(fen: Fen): string {
  return `${wanGrouped(fen)}万元`;
}

/** 元 with thousands separators, with the unit, as the forms print it: 63,891,700元. */
export function yuanText(fen: Fen): string {
  return `${yuanGrouped(fen)}元`;
}

/** An amount in the unit it was written in: tables in 万元, forms in 元. */
export function moneyText(m: A.Money): string {
  return m.unit === "万元" ? wanText(m.fen) : yuanText(m.fen);
}

/**
 * k when `a` is exactly 10^k times `b`, for k from 1 to 4 either way (10, 100, 1,000 and
 * 10,000 times, or as many times less): the slips of a unit (万元 for 元, 10^4) and of
 * the digits. Undefined otherwise, and for zero.
 */
export function powerOfTen(a: Fen, b: Fen): number | undefined {
  if (a === 0 || b === 0) return undefined;
  for (let k = 1; k <= 4; k++) {
    const f = 10 ** k;
    if (a === b * f) return k;
    if (b === a * f) return -k;
  }
  return undefined;
}

/** "10,000 倍" or "1/10,000", for a power of ten from powerOfTen. */
export function timesText(k: number): Bilingual {
  const f = groupThousands(String(10 ** Math.abs(k)));
  return k > 0 ? bi(`${f} 倍`, `${f} times`) : bi(`${f} 分之一`, `1/${f}`);
}

/** An amount in the unit it was written in, but for another value: 3.00万元, 30,000元. */
export function inUnitOf(m: A.Money, fen: Fen): string {
  return m.unit === "万元" ? wanText(fen) : yuanText(fen);
}

/** The absolute difference of two amounts, in the given unit. */
export function differenceText(a: Fen, b: Fen, unit: "万元" | "元"): string {
  const d = Math.abs(a - b);
  return unit === "万元" ? wanText(d) : yuanText(d);
}

/** A plain decimal (no separators, no unit) for a diagnostic's data: "6389.17". */
export function plainWan(fen: Fen): string {
  return wanGrouped(fen).replace(/,/g, "");
}

/** A plain decimal of 元 for a diagnostic's data: "63891700". */
export function plainYuan(fen: Fen): string {
  return yuanGrouped(fen).replace(/,/g, "");
}

/**
 * Related spans for the lines that make up a derived figure: the count of the lines
 * `counts` accepts, and the first MAX_RELATED of them described (labels are formatted
 * only for those, so that a budget of many lines costs one pass of comparisons).
 */
export function relatedLines<T>(items: Iterable<T>, counts: (x: T) => boolean, describe: (x: T) => { span: Span; message: Bilingual }): { related: Related[]; count: number } {
  const related: Related[] = [];
  let count = 0;
  for (const x of items) {
    if (!counts(x)) continue;
    count++;
    if (related.length < MAX_RELATED) related.push(describe(x));
  }
  return { related, count };
}

/**
 * The lines of the current year that draw on a source: projects first (they carry most of
 * the money), then basic lines. 单位资金 is every kind of a unit's own funds, as its
 * column sums them (model/sources.ts).
 */
export function linesOfSource(budget: A.Budget, source: A.Source): { related: Related[]; count: number } {
  const of = (s: A.Source): boolean => s === source || (source === "单位资金" && UNIT_FUND_SOURCES.includes(s));
  const fromSource = (p: A.Project): Fen => sum(p.amounts.filter((x) => of(x.source)).map((x) => x.money.fen));
  const projects = relatedLines(budget.projects, (p) => p.amounts.some((x) => of(x.source)), (p) => projectLine(p, fromSource(p)));
  const basic = relatedLines(budget.basic, (l) => of(l.source.value), basicLine);
  return { related: [...projects.related, ...basic.related].slice(0, MAX_RELATED), count: projects.count + basic.count };
}

/** The related span of one project, labelled with its name and amount. */
export function projectLine(p: A.Project, fen: Fen = amountOf(p)): { span: Span; message: Bilingual } {
  return { span: p.name.span, message: bi(`项目「${p.name.value}」${wanText(fen)}`, `project ${p.name.value}: ${wanText(fen)}`) };
}

/** The related span of one basic-expenditure line, labelled with its subjects and amount. */
export function basicLine(l: A.BasicLine): { span: Span; message: Bilingual } {
  return {
    span: l.money.span,
    message: bi(`基本支出 ${l.subject.value} ${l.economic.value} ${wanText(l.money.fen)}`, `basic line ${l.subject.value} ${l.economic.value}: ${wanText(l.money.fen)}`),
  };
}

/* ------------------------------------------------------------------------------------ */
/* Performance forms and their projects                                                   */
/* ------------------------------------------------------------------------------------ */

/**
 * Forms written on their own that name no project, each with the formless project it
 * most likely belongs to (a near name), and the projects so claimed: a form filed under a
 * misspelt name is reported once, with its project, not also as a project without a form.
 */
export interface OrphanGuesses {
  readonly unresolved: readonly { readonly form: A.PerformanceForm; readonly guess?: number }[];
  readonly claimed: ReadonlySet<number>;
}

const guessCache = new WeakMap<Attachment, OrphanGuesses>();

/** Above this many formless projects, no "did you mean" is attempted (it would be quadratic). */
const MAX_GUESS_CANDIDATES = 2000;
/** Above this many name comparisons in all, forms that name no project are not matched to projects. */
const MAX_GUESS_WORK = 100_000;

/** Guesses the project of each form that names none, among the projects without a form. */
export function guessOrphanOwners(budget: A.Budget, a: Attachment): OrphanGuesses {
  const cached = guessCache.get(a);
  if (cached) return cached;
  const claimed = new Set<number>();
  const unresolved: { form: A.PerformanceForm; guess?: number }[] = [];
  const formless: number[] = [];
  if (a.orphans.length) {
    for (const [, i] of a.projectByName) if (a.formsOf[i]!.length === 0) formless.push(i);
  }
  for (const form of a.orphans) {
    let guess: number | undefined;
    if (formless.length <= MAX_GUESS_CANDIDATES && formless.length * a.orphans.length <= MAX_GUESS_WORK) {
      let best = 0;
      for (const i of formless) {
        if (claimed.has(i)) continue;
        const s = similarity(form.project?.value ?? "", budget.projects[i]!.name.value);
        if (s > best) {
          best = s;
          guess = i;
        }
      }
      if (best < SIMILAR) guess = undefined;
    }
    if (guess !== undefined) claimed.add(guess);
    unresolved.push({ form, ...(guess !== undefined ? { guess } : {}) });
  }
  const g = { unresolved, claimed };
  guessCache.set(a, g);
  return g;
}

/** Each project with the form the publication prints for it, in project order. */
export function* projectsWithForms(budget: A.Budget, a: Attachment): Generator<{ project: A.Project; form: A.PerformanceForm; index: number }> {
  for (const [index, form] of a.published) yield { project: budget.projects[index]!, form, index };
}

/** Which form an indicator list is in: a project's own, one written on its own, or the overall form. */
export type FormKind = "project" | "form" | "overall";

/** The name of the form an indicator list is in, for messages. */
export function formName(kind: FormKind, owner: A.Project | A.PerformanceForm | A.OverallForm): Bilingual {
  if (kind === "project") {
    const name = (owner as A.Project).name.value;
    return bi(`项目「${name}」的绩效目标表`, `the performance form of ${name}`);
  }
  if (kind === "form") {
    const name = (owner as A.PerformanceForm).project?.value ?? "";
    return bi(`绩效目标表「${name}」`, `the performance form of ${name}`);
  }
  return bi("整体支出绩效目标申报表", "the overall performance form");
}

/**
 * Calls `visit` with every indicator list of the budget (project forms, forms written on
 * their own, the overall form), which kind of form it is in, and the project or form
 * (for formName, called only when reporting).
 */
export function forEachIndicatorList(budget: A.Budget, visit: (indicators: readonly A.Indicator[], kind: FormKind, owner: A.Project | A.PerformanceForm | A.OverallForm) => void): void {
  for (const p of budget.projects) if (p.performance) visit(p.performance.indicators, "project", p);
  for (const f of budget.forms) visit(f.indicators, "form", f);
  if (budget.overall) visit(budget.overall.indicators, "overall", budget.overall);
}

/**
 * True for the form of a one-year project: 项目期 1年, or, when no 项目期 is written,
 * 项目属性 一次性项目 (which the form prints as “一次性项目（1年结束）”).
 */
export function isOneYear(form: A.PerformanceForm): boolean {
  const d = form.duration;
  if (d) return d.number === "1" && (d.unit === "年" || d.unit === "");
  return form.attribute?.value === "一次性项目";
}

/**
 * Last year's 收入总计 when this year's carry-overs (上年结转, last year's money left
 * unspent) add up to more than it, and this year's own income does not make last year's
 * figure itself implausible (under 100 times it); undefined otherwise.
 */
export function carryoversExceedLastYear(ctx: RuleContext): Fen | undefined {
  const last = ctx.lastYear?.incomeTotal ?? ctx.budget.lastYear?.incomeTotal?.fen;
  const t = ctx.model.totals;
  return last !== undefined && last > 0 && t.carried.total > last && t.current.total < last * 100 ? last : undefined;
}

/** The funding levels of a form, in print order, with their names. */
const LEVELS: readonly [keyof A.FundingLevels, string, string][] = [
  ["central", "中央", "central"],
  ["provincial", "省级", "provincial"],
  ["local", "市县", "local"],
  ["selfRaised", "自筹", "self-raised"],
  ["other", "其他", "other"],
];

/** The levels written in a funding block, and their sum (undefined when none is written). */
export function levelSum(l: A.FundingLevels): { fen: Fen; first: A.Money; parts: [string, string, A.Money][] } | undefined {
  const parts: [string, string, A.Money][] = [];
  for (const [k, zh, en] of LEVELS) {
    const m = l[k] as A.Money | undefined;
    if (m) parts.push([zh, en, m]);
  }
  if (!parts.length) return undefined;
  return { fen: sum(parts.map((p) => p[2].fen)), first: parts[0]![2], parts };
}

/* ------------------------------------------------------------------------------------ */
/* Indicators                                                                             */
/* ------------------------------------------------------------------------------------ */

const levelCache = new Map<string, string>();

/** An indicator level without its 指标 suffix: 数量指标 → 数量 (memoised: there are few distinct levels). */
export function level(name: string): string {
  let l = levelCache.get(name);
  if (l === undefined) {
    l = indicatorLevel(name);
    // The cache holds the levels of the framework and the few misspellings of a budget.
    if (levelCache.size < 10_000) levelCache.set(name, l);
  }
  return l;
}

/** The valid 二级 of each 一级 (without the 指标 suffix): the framework of syntax/enumerations.ts. */
export const LEVEL_PAIRS: ReadonlyMap<string, readonly string[]> = INDICATOR_LEVELS;

/** A cost indicator: 产出 › 成本, or any 二级 under the 一级 成本. */
export function isCostIndicator(ind: A.Indicator): boolean {
  const l1 = level(ind.level1.value);
  return (l1 === "产出" && level(ind.level2.value) === "成本") || l1 === "成本";
}

export interface CostValue {
  readonly indicator: A.Indicator;
  readonly value: A.IndicatorValue;
  readonly fen: Fen;
  /** The value was a bare number: it is read as 元, the unit the forms print. */
  readonly unitless: boolean;
}

/** A numeral alone, with or without thousands separators: 63891700, 63,891,700, 0.6. */
const BARE_NUMERAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** A cost per unit of something: 500元/人, 30万元/年, 每人500元. */
const UNIT_COST = /(?:元|万元|亿元|万|亿)\s*(?:\/|每)|每\S*?\d/;

/**
 * What a cost indicator's value says: an exact amount (money in any unit, or a bare
 * number, read as 元, with no comparison or with =); a bound (≤ 5万元, 5万元以内) or a
 * cost per unit (500元/人) or a rate (节约率 ≥5%), which state no amount to compare; or nothing the checker can
 * read as money (three 万元 in words, a count, a sentence).
 */
export type CostReading = { readonly kind: "amount"; readonly fen: Fen; readonly unitless: boolean } | { readonly kind: "bound" | "per-unit" | "ratio" | "out-of-range" | "unreadable" };

export function readCost(value: A.IndicatorValue): CostReading {
  // An amount beyond the exact range is lowering's to report (money-range).
  if (value.moneyOutOfRange) return { kind: "out-of-range" };
  const bound = value.op !== undefined && value.op !== "=";
  if (UNIT_COST.test(value.text)) return { kind: "per-unit" };
  if (value.unit === "%" || value.unit === "‰") return { kind: "ratio" };
  if (value.fen !== undefined) return bound ? { kind: "bound" } : { kind: "amount", fen: value.fen, unitless: false };
  if (value.unit === "" && value.number !== undefined && (bound || BARE_NUMERAL.test(value.text.trim()))) {
    if (bound) return { kind: "bound" };
    const r = toFen(value.number, "元");
    if (r.ok) return { kind: "amount", fen: r.fen, unitless: true };
  }
  return { kind: "unreadable" };
}

/**
 * The exact amount a cost indicator's value states, when it states one (see readCost):
 * money in any unit with no comparison (or =), or a bare number, read as 元.
 */
export function costValue(indicator: A.Indicator, value: A.IndicatorValue | undefined): CostValue | undefined {
  if (!value) return undefined;
  const r = readCost(value);
  return r.kind === "amount" ? { indicator, value, fen: r.fen, unitless: r.unitless } : undefined;
}

/**
 * Cost figures agree with an amount when they add up to it, or when one of them is the
 * amount and the others add up to it (a 合计 written beside its parts).
 */
export function costsAgree(fens: readonly Fen[], expected: Fen): boolean {
  const s = sum(fens);
  if (s === expected) return true;
  if (fens.length < 2) return false;
  const max = Math.max(...fens);
  return max === expected && s - max === max;
}

/* ------------------------------------------------------------------------------------ */
/* Names                                                                                  */
/* ------------------------------------------------------------------------------------ */

/** Names at least this similar are offered as "did you mean". */
export const SIMILAR = 0.6;

/**
 * How alike two names are, from 0 to 1: the longest common subsequence of their
 * characters over the length of the longer. Names are short; longer ones are cut to
 * 64 characters so that the cost stays bounded.
 */
export function similarity(a: string, b: string): number {
  // Cut before splitting into characters: a name can be megabytes long in damaged input.
  const x = [...a.slice(0, 128)].slice(0, 64);
  const y = [...b.slice(0, 128)].slice(0, 64);
  if (!x.length || !y.length) return 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  let cur = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[y.length]! / Math.max(x.length, y.length);
}

/** The candidate most like `name`, when one is similar enough; candidates are tried in order. */
export function closest(name: string, candidates: Iterable<string>, limit = MAX_GUESS_CANDIDATES): string | undefined {
  let best: string | undefined;
  let score = 0;
  let n = 0;
  for (const c of candidates) {
    if (++n > limit) break;
    if (c === name) continue;
    const s = similarity(name, c);
    if (s > score) {
      score = s;
      best = c;
    }
  }
  return score >= SIMILAR ? best : undefined;
}

/**
 * The value of a closed set nearest to a word that is none of them: the most similar
 * (even when not similar enough for closest), the shorter difference in length first on
 * a tie; undefined when no value shares a character with it.
 */
export function nearestValue(word: string, values: readonly string[]): string | undefined {
  let best: string | undefined;
  let score = 0;
  for (const v of values) {
    const s = similarity(word, v);
    if (s > score || (s === score && s > 0 && best !== undefined && Math.abs(v.length - word.length) < Math.abs(best.length - word.length))) {
      score = s;
      best = v;
    }
  }
  return score > 0 ? best : undefined;
}

/**
 * The message parts of a word outside a closed set: the set's values listed, and the
 * nearest as a question; `values` narrows the set (the 二级 of one 一级).
 */
export function outsideSet(e: Enumeration, written: string, values: readonly string[] = e.values): { allowed: Bilingual; hint: Bilingual; suggestion?: string } {
  const near = nearestValue(written, values);
  const list = values.join("、");
  const listEn = values.join(", ");
  return {
    allowed: bi(`${e.zh}只能是 ${list}`, `a ${e.en} is one of ${listEn}`),
    hint: near ? bi(`是否应为“${near}”？`, `Did you mean ${near}?`) : bi(`改为其中之一。`, `Write one of them.`),
    ...(near ? { suggestion: near } : {}),
  };
}

/** Full-width and half-width brackets and spaces compare equal in subject names. */
export function normaliseName(s: string): string {
  return s.replace(/（/g, "(").replace(/）/g, ")").replace(/[\s\u3000]+/g, "");
}

/* ------------------------------------------------------------------------------------ */
/* Text                                                                                   */
/* ------------------------------------------------------------------------------------ */

/**
 * The span of a part of a text, when it can be found: in a bare word every character of
 * the value is where it was written, and in a one-line "string" without escapes one place
 * after the opening quote. Text blocks lose their indentation in reading, so for them
 * (and for strings with escapes) the whole literal is returned.
 */
export function spanWithin(text: { value: string; span: Span }, index: number, length: number): Span {
  const { span, value } = text;
  const width = span.end - span.start;
  const offset = width === value.length ? 0 : width === value.length + 2 ? 1 : undefined;
  if (offset === undefined) return span;
  return { file: span.file, start: span.start + offset + index, end: span.start + offset + index + length };
}

/**
 * Calls `visit` with every text an author wrote in the budget and its span: names, free
 * text, words such as a category, indicator names and values, the reasons for changes.
 * Codes and figures are digits and are not visited. The fields are listed one by one
 * rather than found by walking every object, which keeps a budget of 100,000 projects to
 * one cheap pass.
 */
export function forEachText(budget: A.Budget, visit: (text: string, span: Span) => void): void {
  const one = (l: A.Located<string> | undefined): void => {
    if (l) visit(l.value, l.span);
  };
  const indicators = (list: readonly A.Indicator[]): void => {
    for (const ind of list) {
      one(ind.level1);
      one(ind.level2);
      one(ind.name);
      if (ind.period) visit(ind.period.text, ind.period.span);
      if (ind.annual && ind.annual !== ind.period) visit(ind.annual.text, ind.annual.span);
    }
  };
  const form = (f: A.PerformanceForm | undefined): void => {
    if (!f) return;
    for (const l of [f.project, f.attribute, f.summary, f.basis, f.necessity, f.measures, f.plan, f.periodGoal, f.annualGoal, f.filed, f.owner, f.handler, f.phone]) one(l);
    indicators(f.indicators);
  };
  const d = budget.department;
  if (d) {
    for (const l of [d.name, d.region, d.moneyUnit, d.kind, d.duties, d.organisation, d.profile, d.level, d.shortName, d.nameSuffix]) one(l);
    for (const l of d.sections) one(l);
  }
  for (const u of budget.units) {
    one(u.name);
    one(u.kind);
    one(u.note);
  }
  for (const l of budget.basic) one(l.unit);
  for (const p of budget.projects) {
    one(p.name);
    one(p.unit);
    one(p.subjectName);
    one(p.category);
    form(p.performance);
    const n = p.note;
    if (n) {
      for (const l of [n.summary, n.basis, n.implementer, n.scheme, n.schedule, n.goal]) one(l);
      for (const x of n.parts) one(x.label);
    }
  }
  for (const p of budget.purposes) one(p.text);
  for (const f of budget.forms) form(f);
  for (const c of budget.carryovers) {
    one(c.name);
    one(c.unit);
    one(c.subjectName);
    one(c.category);
  }
  const ly = budget.lastYear;
  if (ly) {
    one(ly.source);
    for (const r of ly.reasons) {
      one(r.figure);
      one(r.text);
    }
  }
  const a = budget.assets;
  if (a) {
    one(a.asOf);
    for (const v of a.vehicles) one(v.kind);
    for (const v of a.vehiclePurchases) one(v.kind);
  }
  one(budget.notes?.purchasedServices);
  one(budget.notes?.other);
  const o = budget.overall;
  if (o) {
    for (const l of [o.strategy, o.coreFunctions, o.keyTasks, o.annualGoal, o.filed]) one(l);
    indicators(o.indicators);
  }
}

/**
 * The step the tables print amounts in: the profile's `facts.precision`, else that of the
 * default number style in the budget's unit (render/data-tables.ts numberStyle: 万元 to
 * two decimals, whole 元).
 */
export function tablePrecision(ctx: RuleContext): string {
  return ctx.profileFacts?.precision ?? (ctx.model.moneyUnit === "元" ? "1元" : "0.01万元");
}
