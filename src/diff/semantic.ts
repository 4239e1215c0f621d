/**
 * The semantic diff of two budgets: what a reviewer at the finance bureau needs to know
 * about a change, computed from the two ASTs and their derived publications, never from
 * the source text. Reformatting and comments change nothing here; reordering projects
 * or lines is reported as a change of row order and nothing else; projects are matched
 * by name (their identity), and a project that only changed its name is a rename.
 */
import type { Diagnostic } from "../base/diagnostics.js";
import { sub, type Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import type { Publication, ProjectForm } from "../model/types.js";

/** One side of a comparison: a loaded, checked and derived budget. */
export interface Side {
  readonly budget: A.Budget;
  readonly publication: Publication;
  readonly diagnostics: readonly Diagnostic[];
}

export interface FigureChange {
  /** A stable key for tools: "incomeTotal", "source:一般公共预算", "subject:2010402". */
  readonly key: string;
  readonly label: string;
  readonly before: Fen;
  readonly after: Fen;
}

export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export interface ProjectSummary {
  readonly name: string;
  readonly amount: Fen;
  readonly subject?: string;
  readonly category?: string;
}

export interface ProjectChange {
  readonly name: string;
  readonly amount: { readonly before: Fen; readonly after: Fen };
  /** Amount per source, only the sources that changed. */
  readonly sources: readonly FigureChange[];
  /** Subject, category, unit and the form's fields (attribute, duration, texts, funding). */
  readonly fields: readonly FieldChange[];
  /** Indicator changes: added, removed or changed values, by 一级/二级/name. */
  readonly indicators: readonly FieldChange[];
}

export interface ItemsDiff {
  readonly added: readonly ProjectSummary[];
  readonly removed: readonly ProjectSummary[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  readonly changed: readonly ProjectChange[];
  /** True when the common items appear in another order (rows move, figures do not). */
  readonly reordered: boolean;
}

export interface DiagnosticSummary {
  readonly code: string;
  readonly severity: string;
  readonly message: { readonly zh: string; readonly en: string };
}

export interface SemanticDiff {
  /** The headline totals; all of them, changed or not (formatters choose). */
  readonly headline: readonly FigureChange[];
  /** Subjects (表三 合计 column) whose amounts changed, with their parents. */
  readonly subjects: readonly (FigureChange & { readonly level: string })[];
  /** Basic-expenditure lines by economic subject (表六) whose amounts changed. */
  readonly economic: readonly FigureChange[];
  readonly projects: ItemsDiff;
  readonly carryovers: ItemsDiff;
  /** Basic lines or economic rows that only moved. */
  readonly linesReordered: boolean;
  /** Prose, reasons and other text that changed. */
  readonly texts: readonly FieldChange[];
  /** Other facts (department, staffing, procurement, assets, last year's figures). */
  readonly facts: readonly FieldChange[];
  readonly diagnostics: { readonly introduced: readonly DiagnosticSummary[]; readonly resolved: readonly DiagnosticSummary[] };
}

/** True when the diff has anything to report. */
export function hasChanges(d: SemanticDiff): boolean {
  return (
    d.headline.some((h) => h.before !== h.after) ||
    d.subjects.length > 0 ||
    d.economic.length > 0 ||
    itemsChanged(d.projects) ||
    itemsChanged(d.carryovers) ||
    d.linesReordered ||
    d.texts.length > 0 ||
    d.facts.length > 0 ||
    d.diagnostics.introduced.length > 0 ||
    d.diagnostics.resolved.length > 0
  );
}

function itemsChanged(i: ItemsDiff): boolean {
  return i.added.length > 0 || i.removed.length > 0 || i.renamed.length > 0 || i.changed.length > 0 || i.reordered;
}

export function semanticDiff(before: Side, after: Side): SemanticDiff {
  return {
    headline: headline(before.publication, after.publication),
    subjects: subjects(before.publication, after.publication),
    economic: economic(before.publication, after.publication),
    projects: items(before.budget.projects, after.budget.projects, formsByProject(before.publication), formsByProject(after.publication)),
    carryovers: items(before.budget.carryovers, after.budget.carryovers, new Map(), new Map()),
    linesReordered: basicReordered(before.budget.basic, after.budget.basic),
    texts: texts(before, after),
    facts: facts(before.budget, after.budget),
    diagnostics: diagnostics(before.diagnostics, after.diagnostics),
  };
}

/* ------------------------------------------------------------------------------------ */

function headline(a: Publication, b: Publication): FigureChange[] {
  const pick = (p: Publication) => {
    const t1 = p.tables.t1;
    const t3 = p.tables.t3;
    const tp = p.tables.t10.rows.find((r) => r.key === "total")?.cells.total ?? 0;
    const rows: [string, string, Fen][] = [
      ["incomeTotal", "收入总计", t1.incomeTotal],
      ["currentIncome", "本年收入", t1.incomeSubtotal],
      ["carryover", "上年结转", t1.carryover],
      ["basic", "基本支出", t3.total.basic],
      ["project", "项目支出", p.tables.t12.department.cells.total],
      ["projectWithCarryover", "项目支出（含上年结转）", t3.total.project],
      ["threePublic", "“三公”经费", tp],
    ];
    for (const line of t1.income) rows.push([`source:${line.source}`, line.source, line.amount]);
    return rows;
  };
  const x = pick(a);
  const y = new Map(pick(b).map((r) => [r[0], r]));
  return x.map(([key, label, before]) => ({ key, label, before, after: y.get(key)?.[2] ?? 0 }));
}

function subjects(a: Publication, b: Publication): (FigureChange & { level: string })[] {
  const rows = (p: Publication) => new Map(p.tables.t3.rows.map((r) => [r.code, r]));
  const x = rows(a);
  const y = rows(b);
  const codes = [...new Set([...x.keys(), ...y.keys()])].sort();
  const out: (FigureChange & { level: string })[] = [];
  for (const code of codes) {
    const ra = x.get(code);
    const rb = y.get(code);
    const before = ra?.cells.total ?? 0;
    const after = rb?.cells.total ?? 0;
    if (before === after) continue;
    out.push({ key: `subject:${code}`, label: `${code} ${(rb ?? ra)!.name}`, level: (rb ?? ra)!.level, before, after });
  }
  return out;
}

function economic(a: Publication, b: Publication): FigureChange[] {
  const lines = (p: Publication) => new Map(p.tables.t6.groups.flatMap((g) => g.lines.map((l) => [l.code, l] as const)));
  const x = lines(a);
  const y = lines(b);
  const codes = [...new Set([...x.keys(), ...y.keys()])].sort();
  const out: FigureChange[] = [];
  for (const code of codes) {
    const before = x.get(code)?.cells.total ?? 0;
    const after = y.get(code)?.cells.total ?? 0;
    if (before !== after) out.push({ key: `economic:${code}`, label: `${code} ${(y.get(code) ?? x.get(code))!.name}`, before, after });
  }
  return out;
}

/* ------------------------------------------------------------------------------------ */

type Item = A.Project | A.Carryover;

const amountOf = (p: Item): Fen => p.amounts.reduce((s, a) => s + a.money.fen, 0);
const summary = (p: Item): ProjectSummary => ({
  name: p.name.value,
  amount: amountOf(p),
  ...(p.subject ? { subject: p.subject.value } : {}),
  ...(p.category ? { category: p.category.value } : {}),
});

function formsByProject(p: Publication): Map<string, ProjectForm> {
  return new Map(p.projectForms.map((f) => [f.project, f]));
}

/** What a project says, without its name: equal fingerprints mean a rename. */
function fingerprint(p: Item, form: ProjectForm | undefined): string {
  const { project: _n, ...rest } = form ?? ({ project: "" } as ProjectForm);
  return JSON.stringify([p.subject?.value, p.category?.value, p.unit?.value, p.amounts.map((a) => [a.source, a.money.fen]), form ? rest : null]);
}

function items(before: readonly Item[], after: readonly Item[], formsA: Map<string, ProjectForm>, formsB: Map<string, ProjectForm>): ItemsDiff {
  const a = new Map(before.map((p) => [p.name.value, p]));
  const b = new Map(after.map((p) => [p.name.value, p]));
  let removed = before.filter((p) => !b.has(p.name.value));
  let added = after.filter((p) => !a.has(p.name.value));
  // A removed and an added project that say the same thing under another name.
  const renamed: { from: string; to: string }[] = [];
  const addedByPrint = new Map<string, Item[]>();
  for (const p of added) {
    const k = fingerprint(p, formsB.get(p.name.value));
    addedByPrint.set(k, [...(addedByPrint.get(k) ?? []), p]);
  }
  const renamedFrom = new Set<string>();
  const renamedTo = new Set<string>();
  for (const p of removed) {
    const k = fingerprint(p, formsA.get(p.name.value));
    const cands = addedByPrint.get(k);
    if (cands && cands.length) {
      const q = cands.shift()!;
      renamed.push({ from: p.name.value, to: q.name.value });
      renamedFrom.add(p.name.value);
      renamedTo.add(q.name.value);
    }
  }
  removed = removed.filter((p) => !renamedFrom.has(p.name.value));
  added = added.filter((p) => !renamedTo.has(p.name.value));

  const changed: ProjectChange[] = [];
  for (const p of before) {
    const q = b.get(p.name.value);
    if (!q) continue;
    const c = itemChange(p, q, formsA.get(p.name.value), formsB.get(p.name.value));
    if (c) changed.push(c);
  }
  const commonA = before.map((p) => p.name.value).filter((n) => b.has(n));
  const commonB = after.map((p) => p.name.value).filter((n) => a.has(n));
  return {
    added: added.map(summary),
    removed: removed.map(summary),
    renamed,
    changed,
    reordered: commonA.join("\u0000") !== commonB.join("\u0000"),
  };
}

function itemChange(p: Item, q: Item, fa: ProjectForm | undefined, fb: ProjectForm | undefined): ProjectChange | undefined {
  const sources: FigureChange[] = [];
  const byA = new Map(p.amounts.map((x) => [x.source, x.money.fen]));
  const byB = new Map(q.amounts.map((x) => [x.source, x.money.fen]));
  for (const s of new Set([...byA.keys(), ...byB.keys()])) {
    const before = byA.get(s) ?? 0;
    const after = byB.get(s) ?? 0;
    if (before !== after) sources.push({ key: `source:${s}`, label: s, before, after });
  }
  const fields: FieldChange[] = [];
  const field = (name: string, x: string | undefined, y: string | undefined) => {
    if ((x ?? "") !== (y ?? "")) fields.push({ field: name, before: x ?? "", after: y ?? "" });
  };
  field("科目", p.subject?.value, q.subject?.value);
  field("类别", p.category?.value, q.category?.value);
  field("单位", p.unit?.value, q.unit?.value);
  const indicators: FieldChange[] = [];
  if (fa || fb) {
    field("项目属性", fa?.attribute, fb?.attribute);
    field("项目期", fa?.duration, fb?.duration);
    field("实施期资金总额", fa?.periodFunding ? String(fa.periodFunding.total) : undefined, fb?.periodFunding ? String(fb.periodFunding.total) : undefined);
    field("年度资金总额", fa ? String(fa.annualFunding.total) : undefined, fb ? String(fb.annualFunding.total) : undefined);
    for (const [label, k] of [
      ["项目概况", "summary"],
      ["立项依据", "basis"],
      ["项目设立必要性", "necessity"],
      ["保证项目实施的制度、措施", "measures"],
      ["项目实施计划", "plan"],
      ["实施期目标", "periodGoal"],
      ["年度目标", "annualGoal"],
    ] as const)
      field(label, fa?.[k], fb?.[k]);
    const flat = (f: ProjectForm | undefined) => {
      const m = new Map<string, string>();
      for (const l1 of f?.indicators ?? [])
        for (const l2 of l1.groups)
          for (const i of l2.indicators) {
            let k = `${l1.name}/${l2.name}/${i.name}`;
            for (let n = 2; m.has(k); n++) k = `${l1.name}/${l2.name}/${i.name}#${n}`;
            m.set(k, `${i.period ?? "—"} | ${i.annual ?? "—"}`);
          }
      return m;
    };
    const ia = flat(fa);
    const ib = flat(fb);
    for (const k of new Set([...ia.keys(), ...ib.keys()])) {
      const x = ia.get(k);
      const y = ib.get(k);
      if (x !== y) indicators.push({ field: k, before: x ?? "", after: y ?? "" });
    }
  }
  if (!sources.length && !fields.length && !indicators.length) return undefined;
  return { name: q.name.value, amount: { before: amountOf(p), after: amountOf(q) }, sources, fields, indicators };
}

function basicReordered(a: readonly A.BasicLine[], b: readonly A.BasicLine[]): boolean {
  const key = (l: A.BasicLine) => `${l.unit?.value ?? ""}/${l.subject.value}/${l.economic.value}/${l.source.value}`;
  const ka = a.map(key);
  const kb = b.map(key);
  const setB = new Set(kb);
  const setA = new Set(ka);
  return ka.filter((k) => setB.has(k)).join("\u0000") !== kb.filter((k) => setA.has(k)).join("\u0000");
}

/* ------------------------------------------------------------------------------------ */

function texts(a: Side, b: Side): FieldChange[] {
  const out: FieldChange[] = [];
  const t = (field: string, x: string | undefined, y: string | undefined) => {
    if ((x ?? "") !== (y ?? "")) out.push({ field, before: x ?? "", after: y ?? "" });
  };
  const da = a.budget.department;
  const db = b.budget.department;
  t("职责", da?.duties?.value, db?.duties?.value);
  t("机构设置", da?.organisation?.value, db?.organisation?.value);
  t("内设机构", da?.sections.map((s) => s.value).join("、"), db?.sections.map((s) => s.value).join("、"));
  const ra = new Map((a.budget.lastYear?.reasons ?? []).map((r) => [r.figure.value, r.text.value]));
  const rb = new Map((b.budget.lastYear?.reasons ?? []).map((r) => [r.figure.value, r.text.value]));
  for (const k of new Set([...ra.keys(), ...rb.keys()])) t(`变动原因（${k}）`, ra.get(k), rb.get(k));
  const oa = a.budget.overall;
  const ob = b.budget.overall;
  t("整体绩效 战略目标", oa?.strategy?.value, ob?.strategy?.value);
  t("整体绩效 核心职能", oa?.coreFunctions?.value, ob?.coreFunctions?.value);
  t("整体绩效 重点任务", oa?.keyTasks?.value, ob?.keyTasks?.value);
  t("整体绩效 年度目标", oa?.annualGoal?.value, ob?.annualGoal?.value);
  const ind = (o: A.OverallForm | undefined) => (o?.indicators ?? []).map((i) => `${i.level1.value}/${i.level2.value}/${i.name.value}: ${i.period?.text ?? ""} | ${i.annual?.text ?? ""}`).join("\n");
  t("整体绩效 指标", ind(oa), ind(ob));
  t("政府购买服务", a.budget.notes?.purchasedServices?.value, b.budget.notes?.purchasedServices?.value);
  t("其他说明", a.budget.notes?.other?.value, b.budget.notes?.other?.value);
  return out;
}

function facts(a: A.Budget, b: A.Budget): FieldChange[] {
  const out: FieldChange[] = [];
  const f = (field: string, x: string | undefined, y: string | undefined) => {
    if ((x ?? "") !== (y ?? "")) out.push({ field, before: x ?? "", after: y ?? "" });
  };
  f("部门编码", a.department?.code?.value, b.department?.code?.value);
  f("部门名称", a.department?.name.value, b.department?.name.value);
  f("年度", a.department?.year?.value.toString(), b.department?.year?.value.toString());
  f("类型", a.department?.kind?.value, b.department?.kind?.value);
  const st = (x: A.Budget) => x.department?.staffing;
  f("核定编制", st(a)?.authorized?.text, st(b)?.authorized?.text);
  f("实际在职", st(a)?.actual?.text, st(b)?.actual?.text);
  f("其中在编", st(a)?.established?.text, st(b)?.established?.text);
  f("其他人员", st(a)?.other?.text, st(b)?.other?.text);
  const m = (x: A.Money | undefined) => (x ? String(x.fen) : undefined);
  f("上年收入总计", m(a.lastYear?.incomeTotal), m(b.lastYear?.incomeTotal));
  f("上年一般公共预算当年支出", m(a.lastYear?.generalSpending), m(b.lastYear?.generalSpending));
  f("政府采购 货物", m(a.procurement?.goods), m(b.procurement?.goods));
  f("政府采购 工程", m(a.procurement?.works), m(b.procurement?.works));
  f("政府采购 服务", m(a.procurement?.services), m(b.procurement?.services));
  f("办公用房", a.assets?.officeArea?.text, b.assets?.officeArea?.text);
  f("车辆", a.assets?.vehicles.map((v) => `${v.kind.value}${v.count.text}`).join("、"), b.assets?.vehicles.map((v) => `${v.kind.value}${v.count.text}`).join("、"));
  return out;
}

function diagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): SemanticDiff["diagnostics"] {
  const key = (d: Diagnostic) => `${d.code}\u0000${d.message.en}`;
  const count = (ds: readonly Diagnostic[]) => {
    const m = new Map<string, { d: Diagnostic; n: number }>();
    for (const d of ds) {
      const k = key(d);
      const e = m.get(k);
      if (e) e.n++;
      else m.set(k, { d, n: 1 });
    }
    return m;
  };
  const ca = count(a);
  const cb = count(b);
  const s = (d: Diagnostic): DiagnosticSummary => ({ code: d.code, severity: d.severity, message: d.message });
  const introduced: DiagnosticSummary[] = [];
  const resolved: DiagnosticSummary[] = [];
  for (const [k, { d, n }] of cb) for (let i = (ca.get(k)?.n ?? 0); i < n; i++) introduced.push(s(d));
  for (const [k, { d, n }] of ca) for (let i = (cb.get(k)?.n ?? 0); i < n; i++) resolved.push(s(d));
  return { introduced, resolved };
}

export const delta = (c: { before: Fen; after: Fen }): Fen => sub(c.after, c.before);
