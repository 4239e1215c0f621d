/**
 * The performance forms: one 项目支出绩效目标表 per project that has a form, in 表十二's
 * order, and the department's 整体支出绩效目标申报表 with its 年度预算情况 derived from the
 * budget's totals.
 */
import { add, sum, type Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import { attributeLabel, groupIndicators } from "./indicators.js";
import type { Totals } from "./totals.js";
import type { Tracer } from "./trace.js";
import type { FundingLevelsModel, OverallFormModel, ProjectForm, ProjectLine, ProjectTable, UnitModel } from "./types.js";
import type { UnitResolution } from "./units.js";

const LEVEL_KEYS = ["central", "provincial", "local", "selfRaised", "other"] as const;

/** A funding split as the forms print it: the levels written (0 for unwritten ones but 其他), and their sum. */
export function fundingLevels(l: A.FundingLevels, tracer?: Tracer): FundingLevelsModel {
  const v = (m: A.Money | undefined): Fen => m?.fen ?? 0;
  const out: FundingLevelsModel = {
    total: sum([v(l.central), v(l.provincial), v(l.local), v(l.selfRaised), v(l.other)]),
    central: v(l.central),
    provincial: v(l.provincial),
    local: v(l.local),
    selfRaised: v(l.selfRaised),
    ...(l.other ? { other: l.other.fen } : {}),
  };
  if (tracer?.on) {
    for (const k of LEVEL_KEYS) {
      const m = l[k];
      if (!m) continue;
      tracer.add(out, k, m);
      tracer.add(out, "total", m);
    }
  }
  return out;
}

/** The entries of a record whose values are defined: optional fields stay absent. */
function defined<T extends Record<string, string | undefined>>(r: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const k in r) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

/** Project names in pinyin order, as the budget systems that sort forms by name print them. */
const PINYIN = new Intl.Collator("zh-Hans-u-co-pinyin");

/**
 * The project forms in 表十二's order (by unit in unit order, then source order), or, when
 * the profile says so, by project name in pinyin order (a stable sort: equal names keep
 * 表十二's order).
 */
export function buildProjectForms(
  budget: A.Budget,
  t12: ProjectTable,
  lines: readonly ProjectLine[],
  forms: ReadonlyMap<number, A.PerformanceForm>,
  deptCodeName: string,
  unitOf: UnitResolution["unitOf"],
  tracer: Tracer,
  order: "table" | "name" = "table",
): ProjectForm[] {
  const byUnit = new Map<string, number[]>();
  budget.projects.forEach((p, i) => {
    const u = unitOf(p.unit);
    let list = byUnit.get(u);
    if (!list) byUnit.set(u, (list = []));
    list.push(i);
  });
  const out: ProjectForm[] = [];
  for (const u of t12.units) {
    for (const i of byUnit.get(u.name) ?? []) {
      const f = forms.get(i);
      if (f) out.push(projectForm(budget.projects[i]!, lines[i]!, f, deptCodeName, u.name, tracer));
    }
  }
  return order === "name" ? out.sort((a, b) => PINYIN.compare(a.project, b.project)) : out;
}

function projectForm(p: A.Project, line: ProjectLine, f: A.PerformanceForm, deptCodeName: string, unit: string, tracer: Tracer): ProjectForm {
  const amount = line.cells.total;
  let annualFunding: FundingLevelsModel;
  if (f.annualFunding) annualFunding = fundingLevels(f.annualFunding, tracer);
  else {
    annualFunding = { total: amount };
    if (tracer.on) tracer.from(annualFunding, "total", [[line.cells, "total"]]);
  }
  const indicators = groupIndicators(f.indicators);
  const text = (l: A.Located<string> | undefined) => l?.value;
  const fields = {
    summary: text(f.summary),
    basis: text(f.basis),
    necessity: text(f.necessity),
    measures: text(f.measures),
    plan: text(f.plan),
    periodGoal: text(f.periodGoal),
    annualGoal: text(f.annualGoal) ?? text(f.periodGoal),
  };
  const form: ProjectForm = {
    project: p.name.value,
    department: deptCodeName,
    unit,
    amount,
    ...(p.category ? { category: p.category.value } : {}),
    ...(f.attribute ? { attribute: attributeLabel(f.attribute.value) } : {}),
    ...(f.duration ? { duration: `${f.duration.number}${f.duration.unit || "年"}` } : {}),
    ...(f.periodFunding ? { periodFunding: fundingLevels(f.periodFunding, tracer) } : {}),
    annualFunding,
    ...defined(fields),
    indicators,
    indicatorRows: sum(indicators.map((g) => g.rows)),
    ...defined({ filed: text(f.filed), owner: text(f.owner), handler: text(f.handler), phone: text(f.phone) }),
    ...defined({ title: text(f.title), footer: text(f.footer), fundingLabel: text(f.fundingLabel) }),
  };
  if (tracer.on) tracer.from(form, "amount", [[line.cells, "total"]]);
  return form;
}

function headcount(q: A.Quantity | undefined) {
  return q ? { number: q.number, text: q.text } : undefined;
}

/** The overall form: the department's facts, its goals and indicators, and 年度预算情况 from the totals. */
export function buildOverall(budget: A.Budget, o: A.OverallForm, year: number, deptCodeName: string, units: readonly UnitModel[], totals: Totals, tracer: Tracer): OverallFormModel {
  const st = budget.department?.staffing;
  const staffing: OverallFormModel["staffing"] = {};
  for (const k of ["authorized", "actual", "established", "other"] as const) {
    const h = headcount(st?.[k]);
    if (h) staffing[k] = h;
  }
  const indicators = groupIndicators(o.indicators);
  const { current, direction } = totals;
  const bySource = {
    total: current.total,
    general: current.general,
    fund: current.fund,
    capital: current.capital,
    socialInsurance: 0,
    specialAccount: current.specialAccount,
    unitFunds: current.unitFunds,
  };
  const byDirection = { total: add(direction.basic, direction.project), basic: direction.basic, project: direction.project };
  if (tracer.on) {
    for (const k of ["total", "general", "fund", "capital", "specialAccount", "unitFunds"] as const) tracer.from(bySource, k, [[current, k]]);
    tracer.from(byDirection, "total", [[direction, "basic"], [direction, "project"]]);
    tracer.from(byDirection, "basic", [[direction, "basic"]]);
    tracer.from(byDirection, "project", [[direction, "project"]]);
  }
  return {
    year,
    department: deptCodeName,
    sections: budget.department?.sections.length ?? 0,
    units: units.filter((u) => !u.isDepartment).length,
    staffing,
    ...defined({
      duties: budget.department?.duties?.value,
      strategy: o.strategy?.value,
      coreFunctions: o.coreFunctions?.value,
      keyTasks: o.keyTasks?.value,
      annualGoal: o.annualGoal?.value,
    }),
    budget: { bySource, byDirection },
    indicators,
    indicatorRows: sum(indicators.map((g) => g.rows)),
    ...(o.filed ? { filed: o.filed.value } : {}),
  };
}
