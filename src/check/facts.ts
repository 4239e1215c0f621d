/**
 * Facts the checker's rules share, computed from the AST in one linear pass each and
 * cached per budget: the current year's totals (by source, basic and project), which
 * performance form belongs to which project, indicator levels without their 指标 suffix,
 * the value of a cost indicator, name similarity for "did you mean" hints, and money
 * formatted as the document prints it. Nothing here reports; rules decide what is wrong.
 */
import { add, FEN_PER_WAN, sum, toFen, wanGrouped, yuanGrouped, type Fen } from "../base/money.js";
import type { Span } from "../base/source.js";
import { bi, type Bilingual, type Related } from "../base/diagnostics.js";
import type * as A from "../syntax/ast.js";
import { SOURCES } from "../syntax/ast.js";

/** At most this many lines are related to a derived figure; the message gives the full count. */
export const MAX_RELATED = 5;

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

/** True when an amount is a whole number of 万元 cents, so that it prints exactly in 万元. */
export function printsInWan(fen: Fen): boolean {
  return fen % (FEN_PER_WAN / 100) === 0;
}

/* ------------------------------------------------------------------------------------ */
/* Current-year totals                                                                    */
/* ------------------------------------------------------------------------------------ */

export interface Totals {
  /** Σ basic lines, every source. */
  readonly basic: Fen;
  /** Σ projects, every source (表十二 合计). */
  readonly project: Fen;
  /** 本年收入合计 = basic + project. */
  readonly current: Fen;
  /** 上年结转 = Σ carry-overs. */
  readonly carryover: Fen;
  /** 收入总计 = current + carryover. */
  readonly incomeTotal: Fen;
  /** The current year by source (basic lines and projects; carry-overs excluded). */
  readonly bySource: ReadonlyMap<A.Source, Fen>;
}

const totalsCache = new WeakMap<A.Budget, Totals>();

/** The current year's totals, computed once per budget. */
export function totals(budget: A.Budget): Totals {
  const cached = totalsCache.get(budget);
  if (cached) return cached;
  const bySource = new Map<A.Source, Fen>(SOURCES.map((s) => [s, 0]));
  let basic = 0;
  let project = 0;
  let carryover = 0;
  for (const l of budget.basic) {
    basic = add(basic, l.money.fen);
    bySource.set(l.source.value, add(bySource.get(l.source.value)!, l.money.fen));
  }
  for (const p of budget.projects) {
    for (const a of p.amounts) {
      project = add(project, a.money.fen);
      bySource.set(a.source, add(bySource.get(a.source)!, a.money.fen));
    }
  }
  for (const c of budget.carryovers) for (const a of c.amounts) carryover = add(carryover, a.money.fen);
  const current = add(basic, project);
  const t: Totals = { basic, project, current, carryover, incomeTotal: add(current, carryover), bySource };
  totalsCache.set(budget, t);
  return t;
}

/** A project's or carry-over's amount: Σ its amounts over every source. */
export function amountOf(item: { readonly amounts: readonly A.Amount[] }): Fen {
  return sum(item.amounts.map((a) => a.money.fen));
}

/**
 * Related spans for the lines that make up a derived figure, at most MAX_RELATED of
 * them, each labelled with its name and amount.
 */
export function relatedLines<T>(items: Iterable<T>, describe: (x: T) => { span: Span; message: Bilingual } | undefined): { related: Related[]; count: number } {
  const related: Related[] = [];
  let count = 0;
  for (const x of items) {
    const r = describe(x);
    if (!r) continue;
    count++;
    if (related.length < MAX_RELATED) related.push(r);
  }
  return { related, count };
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

export interface FormAttachment {
  /** True when the budget has any project performance form at all. */
  readonly anyForms: boolean;
  /** The forms of each project, by the project's index: its own first, then forms naming it. */
  readonly formsOf: readonly (readonly A.PerformanceForm[])[];
  /** The index of the first project of each name. */
  readonly projectByName: ReadonlyMap<string, number>;
  /** Forms written on their own that name no project, each with the formless project it most likely belongs to. */
  readonly unresolved: readonly { readonly form: A.PerformanceForm; readonly guess?: number }[];
  /** Formless projects that an unresolved form most likely belongs to (reported once, with the form). */
  readonly claimed: ReadonlySet<number>;
}

const attachCache = new WeakMap<A.Budget, FormAttachment>();

/** Above this many formless projects, no "did you mean" is attempted (it would be quadratic). */
const MAX_GUESS_CANDIDATES = 2000;

/**
 * Attaches forms to projects: a project's own form, then each form written on its own
 * to the first project of the name it gives. A form that names no project is matched,
 * when the names are close, to a project that has no form.
 */
export function attachForms(budget: A.Budget): FormAttachment {
  const cached = attachCache.get(budget);
  if (cached) return cached;
  const formsOf: A.PerformanceForm[][] = budget.projects.map((p) => (p.performance ? [p.performance] : []));
  const projectByName = new Map<string, number>();
  budget.projects.forEach((p, i) => {
    if (!projectByName.has(p.name.value)) projectByName.set(p.name.value, i);
  });
  const loose: A.PerformanceForm[] = [];
  for (const f of budget.forms) {
    const i = projectByName.get(f.project?.value ?? "");
    if (i === undefined) loose.push(f);
    else formsOf[i]!.push(f);
  }
  const claimed = new Set<number>();
  const unresolved: { form: A.PerformanceForm; guess?: number }[] = [];
  const formless: number[] = [];
  if (loose.length) {
    for (const [, i] of projectByName) if (formsOf[i]!.length === 0) formless.push(i);
  }
  for (const form of loose) {
    let guess: number | undefined;
    if (formless.length <= MAX_GUESS_CANDIDATES) {
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
  const a: FormAttachment = { anyForms: budget.forms.length > 0 || budget.projects.some((p) => p.performance), formsOf, projectByName, unresolved, claimed };
  attachCache.set(budget, a);
  return a;
}

/** Each project with its one form (the first, when it has several), in project order. */
export function* projectsWithForms(budget: A.Budget): Generator<{ project: A.Project; form: A.PerformanceForm; index: number }> {
  const { formsOf, projectByName } = attachForms(budget);
  for (let i = 0; i < budget.projects.length; i++) {
    const p = budget.projects[i]!;
    // A later project of a repeated name gets only its own form (duplicate-name reports it).
    const forms = formsOf[i]!;
    if (projectByName.get(p.name.value) !== i && !p.performance) continue;
    if (forms.length) yield { project: p, form: forms[0]!, index: i };
  }
}

/** Every indicator list of the budget with the form it is in: project forms and the overall form. */
export function* indicatorLists(budget: A.Budget): Generator<{ indicators: readonly A.Indicator[]; where: Bilingual }> {
  for (const p of budget.projects) {
    if (p.performance) yield { indicators: p.performance.indicators, where: bi(`项目「${p.name.value}」的绩效目标表`, `the performance form of ${p.name.value}`) };
  }
  for (const f of budget.forms) {
    const name = f.project?.value ?? "";
    yield { indicators: f.indicators, where: bi(`绩效目标表「${name}」`, `the performance form of ${name}`) };
  }
  if (budget.overall) yield { indicators: budget.overall.indicators, where: bi("整体支出绩效目标申报表", "the overall performance form") };
}

/* ------------------------------------------------------------------------------------ */
/* Indicators                                                                             */
/* ------------------------------------------------------------------------------------ */

/** An indicator level without its 指标 suffix: 数量指标 → 数量. */
export function level(name: string): string {
  const t = name.trim();
  return t.endsWith("指标") && t.length > 2 ? t.slice(0, -2) : t;
}

/** The valid 二级 of each 一级 (without the 指标 suffix). */
export const LEVEL_PAIRS: ReadonlyMap<string, readonly string[]> = new Map([
  ["产出", ["数量", "质量", "时效", "成本"]],
  ["效益", ["经济效益", "社会效益", "生态效益", "可持续影响"]],
  ["满意度", ["服务对象满意度"]],
  // The 2021 framework also has 成本 as a 一级 of its own.
  ["成本", ["经济成本", "社会成本", "生态环境成本"]],
]);

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

/**
 * The exact amount a cost indicator's value states, when it states one: money in 元 or
 * 万元 with no comparison (or =), or a bare number, read as 元. A bound (≤ 5万元) or a
 * unit cost (500元/人) states no amount and is not compared.
 */
export function costValue(indicator: A.Indicator, value: A.IndicatorValue | undefined): CostValue | undefined {
  if (!value || (value.op !== undefined && value.op !== "=")) return undefined;
  if (value.fen !== undefined) return { indicator, value, fen: value.fen, unitless: false };
  if (value.unit === "" && value.number !== undefined && value.text.trim() === value.number) {
    const r = toFen(value.number, "元");
    if (r.ok) return { indicator, value, fen: r.fen, unitless: true };
  }
  return undefined;
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
  const x = [...a].slice(0, 64);
  const y = [...b].slice(0, 64);
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

/** Full-width and half-width brackets and spaces compare equal in subject names. */
export function normaliseName(s: string): string {
  return s.replace(/（/g, "(").replace(/）/g, ")").replace(/[\s\u3000]+/g, "");
}

/* ------------------------------------------------------------------------------------ */
/* Text                                                                                   */
/* ------------------------------------------------------------------------------------ */

/**
 * Every text an author wrote in the budget, with its span: names, free text, indicator
 * names and values. Walks the AST once, without recursion (budgets can be large).
 */
export function* texts(budget: A.Budget): Generator<{ text: string; span: Span }> {
  const stack: unknown[] = [budget];
  while (stack.length) {
    const x = stack.pop();
    if (x === null || typeof x !== "object") continue;
    if (x instanceof Map) {
      for (const v of x.values()) stack.push(v);
      continue;
    }
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
      continue;
    }
    const o = x as Record<string, unknown>;
    const span = o["span"] as Span | undefined;
    // A Located<string> has a value; an indicator value (and a quantity) has its text.
    if (span && typeof o["value"] === "string") yield { text: o["value"] as string, span };
    else if (span && typeof o["text"] === "string") yield { text: o["text"] as string, span };
    for (const k in o) {
      if (k === "span") continue;
      const v = o[k];
      if (v !== null && typeof v === "object") stack.push(v);
    }
  }
}
