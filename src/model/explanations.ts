/**
 * Figures any region's explanations may print, beyond the Shanxi format's ten sections
 * (prose.ts): income by every source and 财政拨款 against last year, the list of 项 with
 * their 财政拨款 spending, purposes, last year's execution and reasons (Shanghai's 编制说明),
 * the units by kind, the 中小企业 reservation, performance-target coverage and the key
 * projects' 经费情况说明. Every figure comes from a part of the derivation; none is summed
 * again here except where a part has no such sum (the 项 of 财政拨款 spending).
 */
import { add, Dec, FEN_PER_WAN, sum, type Fen } from "../base/money.js";
import type { Catalogue } from "../catalogue/types.js";
import type * as A from "../syntax/ast.js";
import { FISCAL_SOURCES, SOURCES } from "../syntax/ast.js";
import { zeroCells } from "./cells.js";
import { change, compareTraced, stated, type LastYearFigure } from "./compare.js";
import type { Economic } from "./economic.js";
import type { Totals } from "./totals.js";
import type { FigureRef, Tracer } from "./trace.js";
import type { Change, Explanations, KeyProject, ProjectLine, SubjectItem, Tables, UnitModel } from "./types.js";
import type { Coverage } from "./coverage.js";
import type { Functional } from "./functional.js";
import type { UnitResolution } from "./units.js";

/** How a change in percent is computed: from the exact amounts, or (as some regions print it) from the amounts rounded to 0.01万元. */
export type PercentBase = "exact" | "wan-2";

export interface ExplanationInputs {
  readonly budget: A.Budget;
  readonly catalogue: Catalogue;
  readonly names: ReadonlyMap<string, string>;
  readonly totals: Totals;
  readonly economic: Economic;
  readonly tables: Tables;
  readonly units: UnitResolution;
  readonly unitModels: readonly UnitModel[];
  readonly projectLines: readonly ProjectLine[];
  /** 财政拨款 spending of this year by subject (functional.ts), the tree the 项 are listed from. */
  readonly fiscal: Functional["fiscal"];
  /** The coverage of the published project forms (coverage.ts), when the budget states none. */
  readonly coverage: Coverage;
  readonly percentBase: PercentBase;
  readonly tracer: Tracer;
}


/** An amount rounded half-up to 0.01万元, in 分. */
function roundedWan(fen: Fen): Fen {
  const step = FEN_PER_WAN / 100;
  return new Dec(fen).div(step).toDecimalPlaces(0, Dec.ROUND_HALF_UP).mul(step).toNumber();
}

/** A change, its percent computed from the amounts as the percent base says. */
export function changeOn(amount: Fen, lastYear: Fen, base: PercentBase): Change {
  if (base === "exact") return change(amount, lastYear);
  const c = change(amount, lastYear);
  const r = change(roundedWan(amount), roundedWan(lastYear));
  return { ...c, ...(r.percent !== undefined ? { percent: r.percent } : {}) };
}

export function buildExplanations(x: ExplanationInputs): Explanations {
  const { budget, totals, tracer: tr } = x;
  const ly = budget.lastYear;
  const reasons = new Map<string, string>();
  for (const r of ly?.reasons ?? []) if (!reasons.has(r.figure.value)) reasons.set(r.figure.value, r.text.value);
  const lyBySource = new Map<A.Source, A.Money>();
  for (const a of ly?.bySource ?? []) if (!lyBySource.has(a.source)) lyBySource.set(a.source, a.money);

  // Income by every source; 财政拨款 = the three funds.
  const income = {
    total: totals.current.total,
    fiscal: sum(FISCAL_SOURCES.map((s) => totals.bySource[s])),
    bySource: SOURCES.map((source) => {
      const line = { source, amount: totals.bySource[source] };
      if (tr.on) tr.from(line, "amount", [[totals.bySource, source]]);
      return line;
    }),
  };
  if (tr.on) {
    tr.from(income, "total", [[totals.current, "total"]]);
    tr.from(income, "fiscal", FISCAL_SOURCES.map((s): FigureRef => [totals.bySource, s]));
  }

  // Last year's funds: as stated by source; 一般公共预算 also as 一般公共预算当年支出; a fund
  // the 上年 block leaves out is 0 once it states last year's 财政拨款 or any fund.
  const statesFunds = ly !== undefined && (ly.fiscal !== undefined || lyBySource.size > 0 || ly.generalSpending !== undefined);
  const lastFund = (s: A.Source): LastYearFigure | undefined =>
    stated(lyBySource.get(s) ?? (s === "一般公共预算" ? ly?.generalSpending : undefined)) ?? (statesFunds ? { fen: 0, sources: [] } : undefined);
  const lastFiscal: LastYearFigure | undefined = stated(ly?.fiscal) ?? (statesFunds ? sumOf(FISCAL_SOURCES.map(lastFund)) : undefined);
  const fiscal = compareTraced(income.fiscal, [income, "fiscal"], lastFiscal, reasons.get("财政拨款"), tr);
  const funds = FISCAL_SOURCES.map((s) => ({
    source: s as "一般公共预算" | "政府性基金预算" | "国有资本经营预算",
    figure: compareTraced(totals.bySource[s], [totals.bySource, s], lastFund(s), reasons.get(s), tr),
  }));

  // The 项 with 财政拨款 spending this year, in code order.
  const rows = x.fiscal.rows(x.catalogue, x.names);
  const purposes = new Map<string, string>();
  for (const p of budget.purposes ?? []) if (!purposes.has(p.code.value)) purposes.set(p.code.value, p.text.value);
  const executed = new Map<string, A.Money>();
  for (const e of ly?.executed ?? []) if (!executed.has(e.code.value)) executed.set(e.code.value, e.money);
  const named = new Map(rows.map((r) => [r.code, { code: r.code, name: r.name }]));
  const subjects: SubjectItem[] = rows
    .filter((r) => r.leaf && r.cells.total !== 0)
    .map((r) => {
      const last = executed.get(r.code);
      const item: SubjectItem = {
        code: r.code,
        lei: named.get(r.code.slice(0, 3))!,
        ...(r.code.length >= 5 ? { kuan: named.get(r.code.slice(0, 5))! } : {}),
        ...(r.code.length >= 7 ? { xiang: named.get(r.code)! } : {}),
        amount: r.cells.total,
        ...(purposes.has(r.code) ? { purpose: purposes.get(r.code)! } : {}),
        ...(last ? { executed: last.fen, change: changeOn(r.cells.total, last.fen, x.percentBase) } : {}),
        ...(reasons.has(r.code) ? { reason: reasons.get(r.code)! } : {}),
      };
      if (tr.on) {
        tr.from(item, "amount", [[r.cells, "total"]]);
        if (last && item.change) {
          tr.add(item, "executed", last);
          const grew = r.cells.total >= last.fen;
          tr.from(item.change, "amount", [[r.cells, "total", grew ? 1 : -1]]);
          tr.add(item.change, "amount", last, grew ? -1 : 1);
        }
      }
      return item;
    });

  // 公务用车购置及运行费 against last year's two items.
  const v = x.tables.t10.rows.find((row) => row.key === "vehicles")!.cells;
  const lyItems = ly?.threePublic?.items;
  const lastVehicles = lyItems ? sumOf([stated(lyItems.get("公务用车购置")), stated(lyItems.get("公务用车运行维护"))]) : undefined;
  const vehicles = compareTraced(v.total, [v, "total"], lastVehicles, reasons.get("公务用车购置及运行"), tr);

  // Units by kind, and those with 机关运行经费.
  const kinds = ["行政单位", "参公事业单位", "事业单位"] as const;
  const count = zeroCells(kinds);
  for (const u of x.unitModels) count[x.units.kindOf(u.name)]++;
  const unitKinds = kinds.filter((k) => count[k] > 0).map((kind) => ({ kind, count: count[kind] }));
  const runningUnits = { administrative: 0, civilServiceManaged: 0 };
  for (const [unit, cells] of x.economic.running) {
    if (cells.total === 0) continue;
    if (x.units.kindOf(unit) === "行政单位") runningUnits.administrative++;
    else runningUnits.civilServiceManaged++;
  }

  // 中小企业 reservation.
  const pr = budget.procurement;
  const procurement = {
    ...(pr?.smeReserved ? { smeReserved: pr.smeReserved.fen } : {}),
    ...(pr?.smallMicroReserved ? { smallMicroReserved: pr.smallMicroReserved.fen } : {}),
  };
  if (tr.on && pr) {
    if (pr.smeReserved) tr.add(procurement, "smeReserved", pr.smeReserved);
    if (pr.smallMicroReserved) tr.add(procurement, "smallMicroReserved", pr.smallMicroReserved);
  }

  // 绩效目标设置: as stated, else from the project forms.
  const cov = budget.coverage;
  let coverage: Explanations["coverage"];
  if (cov) {
    coverage = { stated: true, ...(cov.units ? { units: cov.units.number } : {}), ...(cov.projects ? { projects: cov.projects.number } : {}), ...(cov.amount ? { amount: cov.amount.fen } : {}) };
    if (tr.on && cov.amount) tr.add(coverage, "amount", cov.amount);
  } else {
    const c = x.coverage;
    coverage = { stated: false, units: String(c.units), projects: String(c.projects), amount: c.amount };
    if (tr.on) tr.from(coverage, "amount", [[c, "amount"]]);
  }

  // Key projects: those with a 经费说明.
  const keyProjects: KeyProject[] = [];
  budget.projects.forEach((p, i) => {
    const n = p.note;
    if (!n) return;
    const line = x.projectLines[i]!;
    const unit = x.units.unitOf(p.unit);
    const text = (l: A.Located<string> | undefined) => l?.value;
    const k: KeyProject = {
      name: p.name.value,
      unit,
      ...(p.subject ? { subject: p.subject.value } : {}),
      amount: line.cells.total,
      ...defined({ summary: text(n.summary), basis: text(n.basis) }),
      implementer: n.implementer?.value ?? unit,
      ...defined({ scheme: text(n.scheme), schedule: text(n.schedule) }),
      parts: n.parts.map((part) => {
        const q = { kind: part.kind, label: part.label.value, amount: part.money.fen };
        if (tr.on) tr.add(q, "amount", part.money);
        return q;
      }),
      ...defined({ goal: text(n.goal) }),
    };
    if (tr.on) tr.from(k, "amount", [[line.cells, "total"]]);
    keyProjects.push(k);
  });

  return { income, fiscal, funds, subjects, vehicles, unitKinds, runningUnits, procurement, coverage, keyProjects };
}

/** The sum of last year's figures (undefined parts count 0), with all their sources. */
function sumOf(parts: readonly (LastYearFigure | undefined)[]): LastYearFigure {
  let fen = 0;
  const sources: A.Money[] = [];
  for (const p of parts) {
    if (!p) continue;
    fen = add(fen, p.fen);
    sources.push(...p.sources);
  }
  return { fen, sources };
}

/** The entries of a record whose values are defined: optional fields stay absent. */
function defined<T extends Record<string, string | undefined>>(r: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const k in r) if (r[k] !== undefined) out[k] = r[k];
  return out;
}
