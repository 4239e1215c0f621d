/**
 * 第三部分's figures: the ten sections of the explanations, each computed from the tables
 * (never summed again) and last year's figures, with shares of their wholes.
 */
import { add, percent, sum, type Fen } from "../base/money.js";
import { nameKey } from "../base/names.js";
import type * as A from "../syntax/ast.js";
import { compareTraced, stated, type LastYearFigure } from "./compare.js";
import { SOURCE_KEY } from "./keys.js";
import { PROJECT_CATEGORIES, PROSE_INCOME_LABEL } from "./labels.js";
import type { FigureRef, Tracer } from "./trace.js";
import type { CategoryCount, LeiPart, ProjectForm, ProjectLine, Prose, SourcePart, Tables, ThreePublicKey } from "./types.js";

/**
 * `fields` with an amount and its share of a whole; the amount's sources are the figure
 * `ref`'s. (The object is made whole here: a figure is recorded on the object that holds it.)
 */
function part<T extends object>(fields: T, amount: Fen, whole: Fen, ref: FigureRef | undefined, tracer: Tracer): T & { amount: Fen; share?: string } {
  const share = percent(amount, whole);
  const p = { ...fields, amount, ...(share !== undefined ? { share } : {}) };
  if (tracer.on && ref) tracer.from(p, "amount", [ref]);
  return p;
}

function leiParts(rows: readonly { code: string; name: string; level: string; cells: { total: Fen } }[], whole: Fen, tracer: Tracer): LeiPart[] {
  return rows.filter((r) => r.level === "类" && r.cells.total !== 0).map((r) => part({ code: r.code, name: r.name }, r.cells.total, whole, [r.cells, "total"], tracer));
}

/** Counts and amounts of projects by category: the two standard categories always, others as written. */
export function countByCategory(projects: readonly { category?: string; amount: Fen; ref?: FigureRef }[], tracer?: Tracer): CategoryCount[] {
  const m = new Map<string, CategoryCount>(PROJECT_CATEGORIES.map((c) => [c, { category: c, count: 0, amount: 0 }]));
  for (const p of projects) {
    const c = p.category ?? "";
    let e = m.get(c);
    if (!e) m.set(c, (e = { category: c, count: 0, amount: 0 }));
    e.count++;
    e.amount = add(e.amount, p.amount);
    if (tracer?.on && p.ref) tracer.from(e, "amount", [p.ref]);
  }
  return [...m.values()];
}

/**
 * The names of some lines as the prose lists them: each once, in order (one economic
 * subject can be two lines of 表六, mapped for units of two kinds), none empty.
 */
function names(lines: readonly { name: string }[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { name } of lines) {
    const key = nameKey(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** The figure `holder[key]` as a reference, for the tracer. */
const ref = (holder: object, key: string): FigureRef => [holder, key];

export function buildProse(budget: A.Budget, t: Tables, projectLines: readonly ProjectLine[], forms: readonly ProjectForm[], tracer: Tracer): Prose {
  const ly = budget.lastYear;
  const reasons = new Map<string, string>();
  for (const r of ly?.reasons ?? []) if (!reasons.has(r.figure.value)) reasons.set(r.figure.value, r.text.value);
  const t1 = t.t1;
  const tr = tracer;
  const traced = <T extends object>(o: T, key: string, parts: FigureRef[]): T => {
    if (tr.on) tr.from(o, key, parts);
    return o;
  };

  // 一: totals against last year's 收入总计 (= its 支出总计).
  const incomeReason = reasons.get("收入总计");
  const s1 = {
    income: compareTraced(t1.incomeTotal, ref(t1, "incomeTotal"), stated(ly?.incomeTotal), incomeReason, tr),
    currentIncome: t1.incomeSubtotal,
    carryover: t1.carryover,
    expenditure: compareTraced(t1.expenditureTotal.total, ref(t1.expenditureTotal, "total"), stated(ly?.incomeTotal), reasons.get("支出总计") ?? incomeReason, tr),
    currentExpenditure: t1.expenditureTotal.current,
    carryoverExpenditure: t1.expenditureTotal.carryover,
  };
  traced(s1, "currentIncome", [ref(t1, "incomeSubtotal")]);
  traced(s1, "carryover", [ref(t1, "carryover")]);
  traced(s1, "currentExpenditure", [ref(t1.expenditureTotal, "current")]);
  traced(s1, "carryoverExpenditure", [ref(t1.expenditureTotal, "carryover")]);

  // 二: shares of 收入总计.
  const s2 = {
    total: t1.incomeTotal,
    sources: t1.income.map((l): SourcePart => part({ source: l.source, label: PROSE_INCOME_LABEL[SOURCE_KEY[l.source]] }, l.amount, t1.incomeTotal, ref(l, "amount"), tr)),
    carryover: part({}, t1.carryover, t1.incomeTotal, ref(t1, "carryover"), tr),
  };
  traced(s2, "total", [ref(t1, "incomeTotal")]);

  // 三: shares of 支出总计.
  const t3 = t.t3.total;
  const s3 = { total: t3.total, basic: part({}, t3.basic, t3.total, ref(t3, "basic"), tr), project: part({}, t3.project, t3.total, ref(t3, "project"), tr) };
  traced(s3, "total", [ref(t3, "total")]);

  // 四: 财政拨款, carry-overs included.
  const t4 = t.t4;
  const s4 = {
    total: t4.incomeTotal,
    general: add(t4.income[0]!.amount, t4.carryover.general),
    fund: add(t4.income[1]!.amount, t4.carryover.fund),
    capital: add(t4.income[2]!.amount, t4.carryover.capital),
    current: t4.incomeSubtotal,
    carryover: t4.carryover.total,
    byLei: t4.expenditure.filter((r) => r.cells.total !== 0).map((r) => part({ code: r.code, name: r.name }, r.cells.total, t4.expenditureTotal.total, ref(r.cells, "total"), tr)),
  };
  traced(s4, "total", [ref(t4, "incomeTotal")]);
  traced(s4, "general", [ref(t4.income[0]!, "amount"), ref(t4.carryover, "general")]);
  traced(s4, "fund", [ref(t4.income[1]!, "amount"), ref(t4.carryover, "fund")]);
  traced(s4, "capital", [ref(t4.income[2]!, "amount"), ref(t4.carryover, "capital")]);
  traced(s4, "current", [ref(t4, "incomeSubtotal")]);
  traced(s4, "carryover", [ref(t4.carryover, "total")]);

  // 五: 一般公共预算当年支出.
  const t5 = t.t5;
  const s5 = {
    spending: compareTraced(t5.total.total, ref(t5.total, "total"), stated(ly?.generalSpending), reasons.get("一般公共预算当年支出"), tr),
    byLei: leiParts(t5.rows, t5.total.total, tr),
  };

  // 六: 基本支出 人员 / 公用 with the names of their economic subjects.
  const lines = t.t6.groups.flatMap((g) => g.lines);
  const t6 = t.t6.total;
  const s6 = {
    total: t6.total,
    personnel: traced({ amount: t6.personnel, items: names(lines.filter((l) => l.cells.personnel !== 0)) }, "amount", [ref(t6, "personnel")]),
    public: traced({ amount: t6.public, items: names(lines.filter((l) => l.cells.public !== 0)) }, "amount", [ref(t6, "public")]),
  };
  traced(s6, "total", [ref(t6, "total")]);

  // 七: 三公 against last year, item by item in the prose's order.
  const tpCells = (k: ThreePublicKey) => t.t10.rows.find((r) => r.key === k)!.cells;
  const lyItems = ly?.threePublic?.items;
  const lyTotal: LastYearFigure | undefined = lyItems ? { fen: sum([...lyItems.values()].map((m) => m.fen)), sources: [...lyItems.values()] } : undefined;
  const s7Items: { key: "overseas" | "reception" | "vehicleOperation" | "vehiclePurchase"; label: string; item: A.ThreePublicItem }[] = [
    { key: "overseas", label: "因公出国（境）费", item: "因公出国" },
    { key: "reception", label: "公务接待费", item: "公务接待" },
    { key: "vehicleOperation", label: "公务用车运行维护费", item: "公务用车运行维护" },
    { key: "vehiclePurchase", label: "公务用车购置费", item: "公务用车购置" },
  ];
  const lyItem = (item: A.ThreePublicItem): LastYearFigure | undefined => (lyItems ? (stated(lyItems.get(item)) ?? { fen: 0, sources: [] }) : undefined);
  const s7 = {
    total: compareTraced(tpCells("total").total, ref(tpCells("total"), "total"), lyTotal, reasons.get("三公"), tr),
    items: s7Items.map((i) => ({ key: i.key, label: i.label, figure: compareTraced(tpCells(i.key).total, ref(tpCells(i.key), "total"), lyItem(i.item), reasons.get(i.item), tr) })),
  };

  // 八: 机关运行经费.
  const running = t.t11.total;
  const s8 = { none: running.total === 0, total: compareTraced(running.total, ref(running, "total"), stated(ly?.runningCosts), reasons.get("机关运行经费"), tr) };

  // 九: 政府采购 = goods + works + services, as stated.
  const pr = budget.procurement;
  const goods = pr?.goods?.fen ?? 0;
  const works = pr?.works?.fen ?? 0;
  const services = pr?.services?.fen ?? 0;
  const s9 = { stated: pr !== undefined, total: sum([goods, works, services]), goods, works, services };
  if (tr.on && pr) {
    for (const [k, m] of [["goods", pr.goods], ["works", pr.works], ["services", pr.services]] as const) {
      if (!m) continue;
      tr.add(s9, k, m);
      tr.add(s9, "total", m);
    }
  }

  // 十: projects and their forms, by category.
  const t12 = t.t12;
  const projectAmount = t12.department.cells.total;
  const formAmount = sum(forms.map((f) => f.amount));
  const coverage = percent(formAmount, projectAmount);
  const s10 = {
    projects: {
      count: projectLines.length,
      amount: projectAmount,
      byCategory: countByCategory(projectLines.map((l) => ({ ...(l.category !== undefined ? { category: l.category } : {}), amount: l.cells.total, ref: ref(l.cells, "total") })), tr),
    },
    forms: {
      count: forms.length,
      amount: formAmount,
      byCategory: countByCategory(forms.map((f) => ({ ...(f.category !== undefined ? { category: f.category } : {}), amount: f.amount, ref: ref(f, "amount") })), tr),
    },
    ...(coverage !== undefined ? { coverage } : {}),
  };
  traced(s10.projects, "amount", [ref(t12.department.cells, "total")]);
  traced(s10.forms, "amount", forms.map((f) => ref(f, "amount")));
  return { s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 };
}
