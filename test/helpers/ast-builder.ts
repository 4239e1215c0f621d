/**
 * A tiny builder of typed ASTs for unit tests of the stages after lowering: each helper
 * makes one node from the few values a test cares about, with dummy spans. Amounts are
 * written as in source ("3.00" means 3.00 万元) and converted exactly with toFen.
 */
import { toFen } from "../../src/base/money.js";
import type { Span } from "../../src/base/source.js";
import type * as A from "../../src/syntax/ast.js";

let offset = 0;

/** A fresh dummy span: distinct offsets keep spans apart when a test compares them. */
export function span(): Span {
  offset += 1;
  return { file: "test.budget", start: offset, end: offset };
}

export function loc<T>(value: T): A.Located<T> {
  return { value, span: span() };
}

/** An amount in 万元 ("3.00") or, with unit 元, in 元 ("30000"). */
export function money(number: string, unit: "万元" | "元" = "万元"): A.Money {
  const r = toFen(number, unit);
  if (!r.ok) throw new Error(`bad amount in a test: ${number}`);
  return { text: `${number}${unit}`, number: number.replace(/,/g, ""), unit, fen: r.fen, span: span() };
}

export function quantity(number: string, unit = ""): A.Quantity {
  return { text: `${number}${unit}`, number, unit, span: span() };
}

export type AmountsSpec = Partial<Record<A.Source, string>>;

/** Amounts per source, in the order the sources print. */
export function amounts(spec: AmountsSpec): A.Amount[] {
  return (Object.keys(spec) as A.Source[]).map((source) => ({ source, money: money(spec[source]!), span: span() }));
}

export interface DepartmentSpec {
  code?: string;
  name?: string;
  year?: number;
  kind?: string;
  duties?: string;
  organisation?: string;
  sections?: string[];
  staffing?: { authorized?: string; actual?: string; established?: string; other?: string };
}

export function department(d: DepartmentSpec = {}): A.Department {
  const staff = d.staffing;
  return {
    code: loc(d.code ?? "609"),
    name: loc(d.name ?? "测试部门"),
    ...(d.year !== undefined ? { year: loc(d.year) } : {}),
    moneyUnit: loc("万元"),
    ...(d.kind !== undefined ? { kind: loc(d.kind) } : {}),
    ...(d.duties !== undefined ? { duties: loc(d.duties) } : {}),
    ...(d.organisation !== undefined ? { organisation: loc(d.organisation) } : {}),
    sections: (d.sections ?? []).map((s) => loc(s)),
    ...(staff
      ? {
          staffing: {
            ...(staff.authorized ? { authorized: quantity(staff.authorized, "人") } : {}),
            ...(staff.actual ? { actual: quantity(staff.actual, "人") } : {}),
            ...(staff.established ? { established: quantity(staff.established, "人") } : {}),
            ...(staff.other ? { other: quantity(staff.other, "人") } : {}),
            span: span(),
          },
        }
      : {}),
    span: span(),
  };
}

export function unit(name: string, kind?: string): A.Unit {
  return { name: loc(name), ...(kind ? { kind: loc(kind) } : {}), span: span() };
}

/** A basic-expenditure line: subject, economic subject, 万元, source (一般公共预算 by default). */
export function line(subject: string, economic: string, amount: string, opts: { source?: A.Source; unit?: string } = {}): A.BasicLine {
  return {
    ...(opts.unit ? { unit: loc(opts.unit) } : {}),
    subject: loc(subject),
    economic: loc(economic),
    money: money(amount),
    source: loc(opts.source ?? "一般公共预算"),
    span: span(),
  };
}

export interface ProjectSpec {
  subject?: string;
  subjectName?: string;
  category?: string;
  unit?: string;
  /** Amounts per source; `general` is a shorthand for 一般公共预算. */
  amounts?: AmountsSpec;
  general?: string;
  performance?: A.PerformanceForm;
}

export function project(name: string, p: ProjectSpec = {}): A.Project {
  const spec: AmountsSpec = { ...(p.general !== undefined ? { 一般公共预算: p.general } : {}), ...(p.amounts ?? {}) };
  return {
    name: loc(name),
    ...(p.unit ? { unit: loc(p.unit) } : {}),
    ...(p.subject ? { subject: loc(p.subject) } : {}),
    ...(p.subjectName ? { subjectName: loc(p.subjectName) } : {}),
    ...(p.category ? { category: loc(p.category) } : {}),
    amounts: amounts(spec),
    economic: [],
    ...(p.performance ? { performance: p.performance } : {}),
    span: span(),
  };
}

export function carryover(name: string, p: Omit<ProjectSpec, "performance"> = {}): A.Carryover {
  const { performance: _, economic: __, ...rest } = project(name, p);
  void _;
  void __;
  return rest;
}

/** An indicator with one value for both columns, or separate 实施期 / 年度 values. */
export function indicator(level1: string, level2: string, name: string, period?: string, annual?: string): A.Indicator {
  const v = (text: string): A.IndicatorValue => ({ text, span: span() });
  const a = annual ?? period;
  return {
    level1: loc(level1),
    level2: loc(level2),
    name: loc(name),
    ...(period !== undefined ? { period: v(period) } : {}),
    ...(a !== undefined ? { annual: v(a) } : {}),
    span: span(),
  };
}

export interface LevelsSpec {
  total?: string;
  central?: string;
  provincial?: string;
  local?: string;
  selfRaised?: string;
  other?: string;
}

/** A funding split in 元. */
export function levels(l: LevelsSpec): A.FundingLevels {
  const m = (s: string | undefined) => (s === undefined ? undefined : money(s, "元"));
  const out: { -readonly [K in keyof A.FundingLevels]: A.FundingLevels[K] } = { span: span() };
  if (l.total !== undefined) out.declaredTotal = m(l.total)!;
  if (l.central !== undefined) out.central = m(l.central)!;
  if (l.provincial !== undefined) out.provincial = m(l.provincial)!;
  if (l.local !== undefined) out.local = m(l.local)!;
  if (l.selfRaised !== undefined) out.selfRaised = m(l.selfRaised)!;
  if (l.other !== undefined) out.other = m(l.other)!;
  return out;
}

export interface FormSpec {
  project?: string;
  attribute?: string;
  duration?: string;
  periodFunding?: LevelsSpec;
  annualFunding?: LevelsSpec;
  summary?: string;
  periodGoal?: string;
  annualGoal?: string;
  indicators?: A.Indicator[];
  filed?: string;
}

export function form(f: FormSpec = {}): A.PerformanceForm {
  return {
    ...(f.project !== undefined ? { project: loc(f.project) } : {}),
    ...(f.attribute !== undefined ? { attribute: loc(f.attribute) } : {}),
    ...(f.duration !== undefined ? { duration: quantity(f.duration, "年") } : {}),
    ...(f.periodFunding ? { periodFunding: levels(f.periodFunding) } : {}),
    ...(f.annualFunding ? { annualFunding: levels(f.annualFunding) } : {}),
    ...(f.summary !== undefined ? { summary: loc(f.summary) } : {}),
    ...(f.periodGoal !== undefined ? { periodGoal: loc(f.periodGoal) } : {}),
    ...(f.annualGoal !== undefined ? { annualGoal: loc(f.annualGoal) } : {}),
    indicators: f.indicators ?? [],
    ...(f.filed !== undefined ? { filed: loc(f.filed) } : {}),
    span: span(),
  };
}

export interface LastYearSpec {
  incomeTotal?: string;
  generalSpending?: string;
  threePublic?: Partial<Record<A.ThreePublicItem, string>>;
  runningCosts?: string;
  reasons?: Record<string, string>;
}

export function lastYear(l: LastYearSpec): A.LastYear {
  return {
    ...(l.incomeTotal !== undefined ? { incomeTotal: money(l.incomeTotal) } : {}),
    ...(l.generalSpending !== undefined ? { generalSpending: money(l.generalSpending) } : {}),
    ...(l.threePublic
      ? {
          threePublic: {
            items: new Map((Object.keys(l.threePublic) as A.ThreePublicItem[]).map((k) => [k, money(l.threePublic![k]!)])),
            span: span(),
          },
        }
      : {}),
    ...(l.runningCosts !== undefined ? { runningCosts: money(l.runningCosts) } : {}),
    bySource: [],
    executed: [],
    reasons: Object.entries(l.reasons ?? {}).map(([figure, text]) => ({ figure: loc(figure), text: loc(text) })),
    span: span(),
  };
}

/** A whole budget; every list defaults to empty. */
export function budget(b: Partial<A.Budget> = {}): A.Budget {
  return { files: ["test.budget"], units: [], basic: [], projects: [], carryovers: [], forms: [], purposes: [], subjectNames: [], ...b };
}
