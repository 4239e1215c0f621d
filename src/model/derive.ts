/**
 * Derivation: the publication model (types.ts) computed from the AST, once. Every
 * amount-bearing fact of the budget (a basic line, one source of a project, one source
 * of a carry-over) is first flattened into an `Item`; one pass over the items then feeds
 * every table's accumulators, which are keyed by Maps, so the work is linear in the size
 * of the budget (plus sorting the distinct subject codes of the tree tables).
 *
 * The model holds derived figures only: `declared*` values of the AST are never read
 * here; the checker compares them with what is derived. Nothing here throws on a
 * well-typed AST with parts missing: a missing part yields an empty table or an absent
 * figure.
 *
 * The small helpers exported below (resolveUnits, budgetItems, sumBySource, subjectTree,
 * compare, groupIndicators …) are the same functions the checker uses to recompute a
 * figure, so the two can never disagree about how a figure is made.
 */
import { add, Dec, percent, sub, sum, type Fen } from "../base/money.js";
import type { Catalogue, UnitKindKey } from "../catalogue/types.js";
import type * as A from "../syntax/ast.js";
import { FISCAL_KEYS, SOURCE_KEY, SOURCE_KEYS } from "./keys.js";
import type {
  AssetsModel,
  CategoryCount,
  Change,
  Chart,
  Compared,
  EconomicGroup,
  EconomicLine,
  LedgerItem,
  FiscalKey,
  FundingLevelsModel,
  IncomeLine,
  IndicatorLevel1,
  IndicatorLevel2,
  LeiPart,
  OverallFormModel,
  ProjectForm,
  ProjectLine,
  ProjectTable,
  Prose,
  Publication,
  SourceKey,
  SourcePart,
  Tables,
  ThreePublicKey,
  TotalByFiscal,
  TotalBySource,
  UnattachedForm,
  UnitModel,
} from "./types.js";

/* ------------------------------------------------------------------------------------ */
/* Constants of the format                                                                */
/* ------------------------------------------------------------------------------------ */

const SOURCE_OF_KEY: Readonly<Record<SourceKey, A.Source>> = {
  general: "一般公共预算",
  fund: "政府性基金预算",
  capital: "国有资本经营预算",
  specialAccount: "财政专户管理资金",
  unitFunds: "单位资金",
};

const FISCAL: ReadonlySet<SourceKey> = new Set<SourceKey>(FISCAL_KEYS);

/** The titles of the 13 tables, by number, for a fiscal year. */
export function tableTitle(n: number, year: number): string {
  const titles = [
    "预算收支总表",
    "预算收入总表",
    "预算支出总表",
    "财政拨款收支总表",
    "一般公共预算支出预算表（不含上年结转）",
    "一般公共预算安排基本支出分经济科目表（不含上年结转）",
    "政府性基金预算收入表（不含上年结转）",
    "政府性基金预算支出表（不含上年结转）",
    "国有资本经营预算收支预算表（不含上年结转）",
    "财政拨款安排“三公”经费支出预算表",
    "财政拨款安排机关运行经费预算表",
    "项目支出预算表（本年预算）",
    "项目支出预算表（上年结转）",
  ];
  return `${year}年${titles[n - 1] ?? ""}`;
}

/** A positive integer in Chinese numerals, as ordinals print: 1 → 一, 15 → 十五, 30 → 三十. */
export function chineseNumber(n: number): string {
  const d = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n < 10) return d[n]!;
  if (n < 20) return "十" + (n % 10 ? d[n % 10] : "");
  if (n < 100) return d[Math.floor(n / 10)] + "十" + (n % 10 ? d[n % 10] : "");
  return String(n);
}

/** 表一 / 表四's income labels. */
const INCOME_LABEL: Readonly<Record<SourceKey, string>> = {
  general: "一、一般公共预算",
  fund: "二、政府性基金预算",
  capital: "三、国有资本经营预算",
  specialAccount: "四、财政专户管理资金",
  unitFunds: "五、单位资金",
};

/** The prose's names of the income sources (第三部分 二). */
const PROSE_INCOME_LABEL: Readonly<Record<SourceKey, string>> = {
  general: "一般公共预算拨款收入",
  fund: "政府性基金预算拨款收入",
  capital: "国有资本经营预算拨款收入",
  specialAccount: "财政专户管理资金收入",
  unitFunds: "单位资金",
};

const THREE_PUBLIC_KEY: Readonly<Record<A.ThreePublicItem, "overseas" | "reception" | "vehiclePurchase" | "vehicleOperation">> = {
  因公出国: "overseas",
  公务接待: "reception",
  公务用车购置: "vehiclePurchase",
  公务用车运行维护: "vehicleOperation",
};

const THREE_PUBLIC_ROWS: readonly { key: ThreePublicKey; label: string }[] = [
  { key: "overseas", label: "因公出国（境）费" },
  { key: "reception", label: "公务接待费" },
  { key: "vehicles", label: "公务用车购置及运行费" },
  { key: "vehiclePurchase", label: "①公务用车购置费" },
  { key: "vehicleOperation", label: "②公务用车运行维护费" },
  { key: "total", label: "合计" },
];

/** The kinds of official vehicles, in the order the asset section prints them. */
export const VEHICLE_KINDS = ["领导用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "事业单位业务用车", "其他公务用车"] as const;

/** The two project categories the prose counts, in print order. */
export const PROJECT_CATEGORIES = ["其他运转类", "特定目标类"] as const;

/** 项目属性 and the suffix the forms print after it. */
const ATTRIBUTE_SUFFIX: Readonly<Record<string, string>> = {
  一次性项目: "（1年结束）",
  经常性项目: "（长期开展）",
  延续性项目: "（阶段开展）",
};

/** The kinds of unit, in the order the catalogue and the tables name them. */
const UNIT_KIND_ORDER: readonly UnitKindKey[] = ["行政单位", "参公事业单位", "事业单位"];
const UNIT_KINDS: ReadonlySet<string> = new Set(UNIT_KIND_ORDER);
/** Unit kinds whose 公用经费 is 机关运行经费. */
const ADMINISTRATIVE: ReadonlySet<string> = new Set(["行政单位", "参公事业单位"]);
/** The kind assumed for a unit when neither it nor the department declares one. */
export const DEFAULT_UNIT_KIND: UnitKindKey = "行政单位";

/* ------------------------------------------------------------------------------------ */
/* Cells: fixed-key records of amounts                                                    */
/* ------------------------------------------------------------------------------------ */

export type Cells<K extends string> = Record<K, Fen>;

/** A record with every key at 0. */
export function zeroCells<K extends string>(keys: readonly K[]): Cells<K> {
  const c = {} as Cells<K>;
  for (const k of keys) c[k] = 0;
  return c;
}

/** Adds `delta` into `into`, key by key (exactly; see base/money.ts). */
export function addCells<K extends string>(into: Cells<K>, delta: Partial<Cells<K>>): void {
  for (const k in delta) {
    const v = delta[k];
    if (v) into[k] = add(into[k] ?? 0, v);
  }
}

function allZero(delta: Partial<Record<string, Fen>>): boolean {
  for (const k in delta) if (delta[k]) return false;
  return true;
}

const TOTAL_BY_SOURCE_KEYS = ["total", ...SOURCE_KEYS] as const;
const TOTAL_BY_FISCAL_KEYS = ["total", ...FISCAL_KEYS] as const;
const INCOME_KEYS = ["total", ...SOURCE_KEYS, "carryover"] as const;
const BASIC_PROJECT_KEYS = ["total", "basic", "project"] as const;
const CURRENT_CARRYOVER_KEYS = ["total", "current", "carryover"] as const;
const PERSONNEL_PUBLIC_KEYS = ["total", "personnel", "public"] as const;

/**
 * 合计 and the amount per source of a list of amounts (a project's, a carry-over's, a
 * control total's). A source written twice counts twice: the checker reports that.
 */
export function sumBySource(amounts: readonly A.Amount[]): TotalBySource {
  const c = zeroCells(TOTAL_BY_SOURCE_KEYS);
  for (const a of amounts) addCells(c, { total: a.money.fen, [SOURCE_KEY[a.source]]: a.money.fen });
  return c;
}

/** Restricts 合计-and-sources cells to the three 财政拨款 sources, with their own 小计. */
export function fiscalOnly(c: TotalBySource): TotalByFiscal {
  return { total: sum([c.general, c.fund, c.capital]), general: c.general, fund: c.fund, capital: c.capital };
}

/* ------------------------------------------------------------------------------------ */
/* Units                                                                                  */
/* ------------------------------------------------------------------------------------ */

export interface UnitResolution {
  /** Declared units in order, then units only named by items, in order of first mention. */
  readonly units: UnitModel[];
  /**
   * The unit an item belongs to: the one it names; else the only declared unit; else
   * (none or several declared) the department itself.
   */
  unitOf(ref: A.Located<string> | undefined): string;
  /** A unit's kind: its own, else the department's, else DEFAULT_UNIT_KIND. */
  kindOf(unit: string): UnitKindKey;
}

/** Resolves the budget's units. Units named only by items are added as they are first asked for. */
export function resolveUnits(budget: A.Budget): UnitResolution {
  const deptName = budget.department?.name.value ?? "";
  const deptKind = validKind(budget.department?.kind?.value);
  const units: UnitModel[] = [];
  const byName = new Map<string, UnitModel>();
  for (const u of budget.units) {
    const name = u.name.value;
    if (byName.has(name)) continue;
    const kind = validKind(u.kind?.value) ?? deptKind;
    const m: UnitModel = { name, ...(kind ? { kind } : {}), isDepartment: name === deptName, declared: true };
    units.push(m);
    byName.set(name, m);
  }
  const fallback = budget.units.length === 1 ? budget.units[0]!.name.value : deptName;
  const ensure = (name: string): string => {
    if (!byName.has(name)) {
      const m: UnitModel = { name, ...(deptKind ? { kind: deptKind } : {}), isDepartment: name === deptName, declared: false };
      units.push(m);
      byName.set(name, m);
    }
    return name;
  };
  return {
    units,
    unitOf: (ref) => ensure(ref?.value ?? fallback),
    kindOf: (unit) => byName.get(unit)?.kind ?? deptKind ?? DEFAULT_UNIT_KIND,
  };
}

function validKind(k: string | undefined): UnitKindKey | undefined {
  return k !== undefined && UNIT_KINDS.has(k) ? (k as UnitKindKey) : undefined;
}

/* ------------------------------------------------------------------------------------ */
/* Items                                                                                  */
/* ------------------------------------------------------------------------------------ */

/** One amount of the budget, flattened: what every table sums. */
export interface Item {
  readonly kind: "basic" | "project" | "carryover";
  /** The resolved unit. */
  readonly unit: string;
  /** The functional subject code, when written. */
  readonly subject?: string;
  readonly source: A.Source;
  readonly fen: Fen;
  /** The economic subject (basic lines only). */
  readonly economic?: string;
  /** The index of the line, project or carry-over in its list of the budget. */
  readonly index: number;
}

/** Flattens the budget's amounts, in source order: basic lines, projects, carry-overs. */
export function budgetItems(budget: A.Budget, units: UnitResolution): Item[] {
  const out: Item[] = [];
  budget.basic.forEach((l, index) => {
    out.push({ kind: "basic", unit: units.unitOf(l.unit), subject: l.subject.value, source: l.source.value, fen: l.money.fen, economic: l.economic.value, index });
  });
  budget.projects.forEach((p, index) => {
    const unit = units.unitOf(p.unit);
    for (const a of p.amounts) out.push({ kind: "project", unit, ...(p.subject ? { subject: p.subject.value } : {}), source: a.source, fen: a.money.fen, index });
  });
  budget.carryovers.forEach((c, index) => {
    const unit = units.unitOf(c.unit);
    for (const a of c.amounts) out.push({ kind: "carryover", unit, ...(c.subject ? { subject: c.subject.value } : {}), source: a.source, fen: a.money.fen, index });
  });
  return out;
}

/* ------------------------------------------------------------------------------------ */
/* Subject trees                                                                          */
/* ------------------------------------------------------------------------------------ */

/** The 类 of a functional code: its first three digits. */
export function leiOf(code: string): string {
  return code.slice(0, 3);
}

/** The 款 of a functional code of five digits or more: its first five digits. */
export function kuanOf(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, 5) : undefined;
}

interface TreeNode<K extends string> {
  readonly code: string;
  readonly level: "类" | "款" | "项";
  readonly cells: Cells<K>;
  readonly children: Map<string, TreeNode<K>>;
}

export interface SubjectRowOf<K extends string> {
  code: string;
  name: string;
  level: "类" | "款" | "项";
  leaf: boolean;
  known: boolean;
  cells: Cells<K>;
}

/**
 * Accumulates amounts into the functional subject tree 类 › 款 › 项: an amount booked to
 * a 项 (7 digits) also counts for its 款 (first 5) and 类 (first 3); one booked to a 款
 * with no 项 (21907) makes that 款 a leaf. Placement is by the code's digits, so a row is
 * always the sum of the rows below it; whether the codes exist is the checker's concern.
 * An amount without a subject counts only in the total.
 */
export class SubjectTreeBuilder<K extends string> {
  readonly total: Cells<K>;
  private readonly roots = new Map<string, TreeNode<K>>();

  constructor(private readonly keys: readonly K[]) {
    this.total = zeroCells(keys);
  }

  add(code: string | undefined, delta: Partial<Cells<K>>): void {
    if (allZero(delta)) return;
    addCells(this.total, delta);
    if (!code) return;
    let node = this.child(this.roots, leiOf(code), "类");
    addCells(node.cells, delta);
    const kuan = kuanOf(code);
    if (kuan === undefined) return;
    node = this.child(node.children, kuan, "款");
    addCells(node.cells, delta);
    if (code.length <= 5) return;
    node = this.child(node.children, code, "项");
    addCells(node.cells, delta);
  }

  private child(map: Map<string, TreeNode<K>>, code: string, level: TreeNode<K>["level"]): TreeNode<K> {
    let n = map.get(code);
    if (!n) {
      n = { code, level, cells: zeroCells(this.keys), children: new Map() };
      map.set(code, n);
    }
    return n;
  }

  /** The 类 node of a code, if anything was booked under it. */
  lei(code: string): Cells<K> | undefined {
    return this.roots.get(code)?.cells;
  }

  /**
   * The rows depth first, codes ascending at each level. Names come from the catalogue,
   * else from `names` (what the author wrote beside a code), else "".
   */
  rows(catalogue: Catalogue, names: ReadonlyMap<string, string> = new Map()): SubjectRowOf<K>[] {
    const out: SubjectRowOf<K>[] = [];
    const walk = (map: Map<string, TreeNode<K>>): void => {
      for (const code of [...map.keys()].sort()) {
        const n = map.get(code)!;
        const known = catalogue.functional(code);
        out.push({ code, name: known?.name ?? names.get(code) ?? "", level: n.level, leaf: n.children.size === 0, known: known !== undefined, cells: n.cells });
        walk(n.children);
      }
    };
    walk(this.roots);
    return out;
  }
}

/**
 * Builds a subject tree from (code, cells) entries: the 合计 cells and the rows, as the
 * tree tables print them.
 */
export function subjectTree<K extends string>(
  entries: Iterable<{ readonly code: string | undefined; readonly cells: Partial<Cells<K>> }>,
  keys: readonly K[],
  catalogue: Catalogue,
  names?: ReadonlyMap<string, string>,
): { total: Cells<K>; rows: SubjectRowOf<K>[] } {
  const b = new SubjectTreeBuilder(keys);
  for (const e of entries) b.add(e.code, e.cells);
  return { total: b.total, rows: b.rows(catalogue, names) };
}

/* ------------------------------------------------------------------------------------ */
/* Comparisons with last year                                                             */
/* ------------------------------------------------------------------------------------ */

/** The change from last year to this year: absolute amount, direction from the sign, percent of last year. */
export function change(amount: Fen, lastYear: Fen): Change {
  const diff = sub(amount, lastYear);
  const abs = diff < 0 ? -diff : diff;
  const pct = lastYear === 0 ? undefined : percent(abs, lastYear < 0 ? -lastYear : lastYear);
  return {
    amount: abs,
    direction: diff > 0 ? "增加" : diff < 0 ? "减少" : "持平",
    trend: diff > 0 ? "增长" : diff < 0 ? "下降" : "持平",
    ...(pct !== undefined ? { percent: pct } : {}),
  };
}

/** A figure with its last-year value, change and reason, when the author gave them. */
export function compare(amount: Fen, lastYear: Fen | undefined, reason?: string): Compared {
  return {
    amount,
    ...(lastYear !== undefined ? { lastYear, change: change(amount, lastYear) } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}

/* ------------------------------------------------------------------------------------ */
/* Indicators                                                                             */
/* ------------------------------------------------------------------------------------ */

const LEVEL1_ORDER = ["产出指标", "成本指标", "效益指标", "满意度指标"];
const LEVEL2_ORDER = [
  "数量指标",
  "质量指标",
  "时效指标",
  "成本指标",
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "经济效益指标",
  "社会效益指标",
  "生态效益指标",
  "可持续影响指标",
  "服务对象满意度指标",
];

/** The printed name of an indicator level: 产出 → 产出指标, 数量 → 数量指标, 数量指标 unchanged. */
export function canonicalLevel(name: string): string {
  const t = name.trim();
  return t.endsWith("指标") ? t : `${t}指标`;
}

function orderIndex(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/**
 * Groups indicators by 一级 then 二级 (canonical names), with the row counts a table
 * needs for its row spans. Known levels come in the framework's order (产出, 成本, 效益,
 * 满意度; 数量, 质量, 时效, 成本 …), unknown ones after them in order of first
 * appearance; indicators keep their source order within a group.
 */
export function groupIndicators(indicators: readonly A.Indicator[]): IndicatorLevel1[] {
  const l1 = new Map<string, Map<string, IndicatorLevel2>>();
  for (const ind of indicators) {
    const n1 = canonicalLevel(ind.level1.value);
    const n2 = canonicalLevel(ind.level2.value);
    let g1 = l1.get(n1);
    if (!g1) l1.set(n1, (g1 = new Map()));
    let g2 = g1.get(n2);
    if (!g2) g1.set(n2, (g2 = { name: n2, rows: 0, indicators: [] }));
    g2.indicators.push({ name: ind.name.value, ...(ind.period ? { period: ind.period.text } : {}), ...(ind.annual ? { annual: ind.annual.text } : {}) });
    g2.rows++;
  }
  const out: IndicatorLevel1[] = [];
  for (const [name, g1] of l1) {
    const groups = [...g1.values()].sort((a, b) => orderIndex(LEVEL2_ORDER, a.name) - orderIndex(LEVEL2_ORDER, b.name));
    out.push({ name, rows: sum(groups.map((g) => g.rows)), groups });
  }
  // Array.prototype.sort is stable, so unknown names keep their order of appearance.
  return out.sort((a, b) => orderIndex(LEVEL1_ORDER, a.name) - orderIndex(LEVEL1_ORDER, b.name));
}

/** 项目属性 as the forms print it: 延续性项目 → 延续性项目（阶段开展）. Unknown values stay as written. */
export function attributeLabel(attribute: string): string {
  const base = attribute.trim().replace(/[（(].*[）)]$/, "");
  const key = base.endsWith("项目") ? base : `${base}项目`;
  const suffix = ATTRIBUTE_SUFFIX[key];
  return suffix ? key + suffix : attribute;
}

/* ------------------------------------------------------------------------------------ */
/* Forms                                                                                  */
/* ------------------------------------------------------------------------------------ */

/** A funding split as the forms print it: the levels written (0 for unwritten ones but 其他), and their sum. */
export function fundingLevels(l: A.FundingLevels): FundingLevelsModel {
  const v = (m: A.Money | undefined): Fen => m?.fen ?? 0;
  return {
    total: sum([v(l.central), v(l.provincial), v(l.local), v(l.selfRaised), v(l.other)]),
    central: v(l.central),
    provincial: v(l.provincial),
    local: v(l.local),
    selfRaised: v(l.selfRaised),
    ...(l.other ? { other: l.other.fen } : {}),
  };
}

interface Attachment {
  readonly forms: Map<number, A.PerformanceForm>;
  readonly unattached: UnattachedForm[];
}

/**
 * Attaches performance forms to projects: a project's own form first, then each form
 * written on its own to the first project of the name it gives. A form naming no
 * project, or a project that already has one, is kept aside.
 */
export function attachForms(budget: A.Budget): Attachment {
  const forms = new Map<number, A.PerformanceForm>();
  const byName = new Map<string, number>();
  budget.projects.forEach((p, i) => {
    if (!byName.has(p.name.value)) byName.set(p.name.value, i);
    if (p.performance) forms.set(i, p.performance);
  });
  const unattached: UnattachedForm[] = [];
  for (const f of budget.forms) {
    const name = f.project?.value ?? "";
    const i = byName.get(name);
    if (i === undefined) unattached.push({ project: name, reason: "no-such-project" });
    else if (forms.has(i)) unattached.push({ project: name, reason: "duplicate" });
    else forms.set(i, f);
  }
  return { forms, unattached };
}

/* ------------------------------------------------------------------------------------ */
/* derive                                                                                 */
/* ------------------------------------------------------------------------------------ */

/** The publication model of a budget, computed in one pass over its items. */
export function derive(budget: A.Budget, catalogue: Catalogue): Publication {
  const dept = budget.department;
  const year = dept?.year?.value ?? catalogue.year;
  const deptName = dept?.name.value ?? "";
  const deptCode = dept?.code.value ?? "";
  const deptKind = validKind(dept?.kind?.value);
  const units = resolveUnits(budget);
  const items = budgetItems(budget, units);

  // Names the author wrote beside subject codes: a fallback for codes the catalogue lacks.
  const subjectNames = new Map<string, string>();
  for (const p of [...budget.projects, ...budget.carryovers]) {
    if (p.subject && p.subjectName && !subjectNames.has(p.subject.value)) subjectNames.set(p.subject.value, p.subjectName.value);
  }

  // The accumulators every table and figure reads.
  const t2 = new SubjectTreeBuilder(INCOME_KEYS);
  const t3 = new SubjectTreeBuilder(BASIC_PROJECT_KEYS);
  const t5 = new SubjectTreeBuilder(BASIC_PROJECT_KEYS);
  const t8 = new SubjectTreeBuilder(BASIC_PROJECT_KEYS);
  const t9 = new SubjectTreeBuilder(BASIC_PROJECT_KEYS);
  const byLei = new SubjectTreeBuilder(CURRENT_CARRYOVER_KEYS);
  const fiscalByLei = new SubjectTreeBuilder(TOTAL_BY_FISCAL_KEYS);
  const current = zeroCells(TOTAL_BY_SOURCE_KEYS);
  const carried = zeroCells(TOTAL_BY_SOURCE_KEYS);
  const direction = zeroCells(["basic", "project"] as const);
  const econ = new Map<string, EconomicLine & { group: string }>();
  const econTotal = zeroCells(PERSONNEL_PUBLIC_KEYS);
  const threePublic = new Map<ThreePublicKey, TotalByFiscal>(THREE_PUBLIC_ROWS.map((r) => [r.key, zeroCells(TOTAL_BY_FISCAL_KEYS)]));
  const running = new Map<string, TotalByFiscal>();
  const runningTotal = zeroCells(TOTAL_BY_FISCAL_KEYS);

  for (const it of items) {
    const key = SOURCE_KEY[it.source];
    const fen = it.fen;
    const isFiscal = FISCAL.has(key);
    if (it.kind === "carryover") {
      addCells(carried, { total: fen, [key]: fen });
      t2.add(it.subject, { carryover: fen });
      t3.add(it.subject, { total: fen, project: fen });
      byLei.add(it.subject, { total: fen, carryover: fen });
      if (isFiscal) fiscalByLei.add(it.subject, { total: fen, [key]: fen });
      continue;
    }
    const dir = it.kind === "basic" ? "basic" : "project";
    addCells(current, { total: fen, [key]: fen });
    addCells(direction, { [dir]: fen });
    t2.add(it.subject, { total: fen, [key]: fen });
    t3.add(it.subject, { total: fen, [dir]: fen });
    byLei.add(it.subject, { total: fen, current: fen });
    if (isFiscal) fiscalByLei.add(it.subject, { total: fen, [key]: fen });
    if (key === "general") t5.add(it.subject, { total: fen, [dir]: fen });
    else if (key === "fund") t8.add(it.subject, { total: fen, [dir]: fen });
    else if (key === "capital") t9.add(it.subject, { total: fen, [dir]: fen });

    if (it.kind !== "basic" || it.economic === undefined) continue;
    const pp = catalogue.personnelOrPublic(it.economic);
    if (key === "general") {
      // 表六: 一般公共预算 basic lines by economic subject, in the order first written.
      const kind = units.kindOf(it.unit);
      const govCode = catalogue.mapToGovernment(it.economic, kind);
      const lineKey = `${it.economic}|${govCode ?? ""}`;
      let line = econ.get(lineKey);
      if (!line) {
        const e = catalogue.economic(it.economic);
        line = {
          group: e?.parent ?? it.economic.slice(0, 3),
          code: it.economic,
          name: e?.name ?? "",
          ...(govCode !== undefined ? { governmentCode: govCode } : {}),
          governmentName: (govCode !== undefined ? catalogue.government(govCode)?.name : undefined) ?? "",
          ...(pp ? { kind: pp } : {}),
          unitKinds: [],
          cells: zeroCells(PERSONNEL_PUBLIC_KEYS),
        };
        econ.set(lineKey, line);
      }
      if (!line.unitKinds.includes(kind)) {
        // In the catalogue's order of kinds, whatever order the lines come in.
        line.unitKinds.push(kind);
        line.unitKinds.sort((a, b) => UNIT_KIND_ORDER.indexOf(a) - UNIT_KIND_ORDER.indexOf(b));
      }
      const delta = { total: fen, ...(pp === "人员经费" ? { personnel: fen } : pp === "公用经费" ? { public: fen } : {}) };
      addCells(line.cells, delta);
      addCells(econTotal, delta);
    }
    if (!isFiscal) continue;
    const tp = catalogue.threePublic(it.economic);
    if (tp) {
      const k = THREE_PUBLIC_KEY[tp];
      const delta = { total: fen, [key]: fen };
      addCells(threePublic.get(k)!, delta);
      if (k === "vehiclePurchase" || k === "vehicleOperation") addCells(threePublic.get("vehicles")!, delta);
      addCells(threePublic.get("total")!, delta);
    }
    if (pp === "公用经费" && ADMINISTRATIVE.has(units.kindOf(it.unit))) {
      let r = running.get(it.unit);
      if (!r) running.set(it.unit, (r = zeroCells(TOTAL_BY_FISCAL_KEYS)));
      addCells(r, { total: fen, [key]: fen });
      addCells(runningTotal, { total: fen, [key]: fen });
    }
  }

  const tables = buildTables({
    year,
    catalogue,
    subjectNames,
    t2,
    t3,
    t5,
    t8,
    t9,
    byLei,
    fiscalByLei,
    current,
    carried,
    econ,
    econTotal,
    threePublic,
    running,
    runningTotal,
    unitOrder: units.units,
    budget,
    unitOf: units.unitOf,
    deptName,
  });

  const attachment = attachForms(budget);
  const projectForms = buildProjectForms(budget, tables.t12, attachment.forms, `${deptCode}-${deptName}`, units.unitOf);
  const prose = buildProse(budget, tables, projectForms);

  return {
    format: "yusuan-publication",
    version: 1,
    profile: "shanxi-13",
    header: {
      code: deptCode,
      name: deptName,
      year,
      ...(budget.department?.region ? { region: budget.department.region.value } : {}),
      moneyUnit: "万元",
      ...(deptKind ? { kind: deptKind } : {}),
      self: "本部门",
    },
    overview: {
      ...(dept?.duties ? { duties: dept.duties.value } : {}),
      ...(dept?.organisation ? { organisation: dept.organisation.value } : {}),
      sections: (dept?.sections ?? []).map((s) => s.value),
    },
    units: units.units,
    tables,
    prose,
    charts: buildCharts(prose, tables),
    ...(budget.overall ? { overallForm: buildOverall(budget, budget.overall, year, `${deptCode}-${deptName}`, units.units, current, direction) } : {}),
    projectForms,
    unattachedForms: attachment.unattached,
    ...(budget.assets ? { assets: buildAssets(budget.assets) } : {}),
    ...(budget.notes
      ? {
          notes: {
            ...(budget.notes.purchasedServices ? { purchasedServices: budget.notes.purchasedServices.value } : {}),
            ...(budget.notes.other ? { other: budget.notes.other.value } : {}),
          },
        }
      : {}),
    ledger: items.map((it): LedgerItem => {
      const name = it.kind === "project" ? budget.projects[it.index]?.name.value : it.kind === "carryover" ? budget.carryovers[it.index]?.name.value : undefined;
      const e = it.economic !== undefined ? catalogue.economic(it.economic) : undefined;
      const economicClass = it.economic !== undefined ? (e?.parent ?? it.economic.slice(0, 3)) : undefined;
      return {
        kind: it.kind,
        unit: it.unit,
        ...(name !== undefined ? { name } : {}),
        ...(it.subject !== undefined ? { subject: it.subject } : {}),
        subjectName: it.subject !== undefined ? (catalogue.functional(it.subject)?.name ?? subjectNames.get(it.subject) ?? "") : "",
        ...(it.economic !== undefined && economicClass !== undefined
          ? { economic: it.economic, economicName: e?.name ?? "", economicClass, economicClassName: catalogue.economic(economicClass)?.name ?? "" }
          : {}),
        source: it.source,
        amount: it.fen,
      };
    }),
  };
}

/* ------------------------------------------------------------------------------------ */
/* Tables                                                                                 */
/* ------------------------------------------------------------------------------------ */

interface TableInputs {
  readonly year: number;
  readonly catalogue: Catalogue;
  readonly subjectNames: ReadonlyMap<string, string>;
  readonly t2: SubjectTreeBuilder<(typeof INCOME_KEYS)[number]>;
  readonly t3: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  readonly t5: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  readonly t8: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  readonly t9: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  readonly byLei: SubjectTreeBuilder<(typeof CURRENT_CARRYOVER_KEYS)[number]>;
  readonly fiscalByLei: SubjectTreeBuilder<(typeof TOTAL_BY_FISCAL_KEYS)[number]>;
  readonly current: TotalBySource;
  readonly carried: TotalBySource;
  readonly econ: ReadonlyMap<string, EconomicLine & { group: string }>;
  readonly econTotal: Cells<(typeof PERSONNEL_PUBLIC_KEYS)[number]>;
  readonly threePublic: ReadonlyMap<ThreePublicKey, TotalByFiscal>;
  readonly running: ReadonlyMap<string, TotalByFiscal>;
  readonly runningTotal: TotalByFiscal;
  readonly unitOrder: readonly UnitModel[];
  readonly budget: A.Budget;
  readonly unitOf: UnitResolution["unitOf"];
  readonly deptName: string;
}

function base(n: number, year: number, empty: boolean) {
  return { number: n, ordinal: `表${chineseNumber(n)}`, title: tableTitle(n, year), empty };
}

/** The printed label of a 类 of 表一 / 表四: the catalogue's, or its ordinal and name. */
function leiLabel(lei: Catalogue["lei"][number], i: number): string {
  if (lei.label.includes(lei.name)) return lei.label;
  if (lei.label) return `${lei.label}、${lei.name}`;
  return `${chineseNumber(i + 1)}、${lei.name}`;
}

function buildTables(x: TableInputs): Tables {
  const { year, catalogue } = x;
  const names = x.subjectNames;

  // 表一.
  const t1Exp = catalogue.lei.map((lei, i) => ({
    code: lei.code,
    name: lei.name,
    label: leiLabel(lei, i),
    cells: { ...(x.byLei.lei(lei.code) ?? zeroCells(CURRENT_CARRYOVER_KEYS)) },
  }));
  const incomeTotal = add(x.current.total, x.carried.total);
  const expenditureTotal = { total: incomeTotal, current: x.current.total, carryover: x.carried.total };
  const t1 = {
    ...base(1, year, incomeTotal === 0),
    income: SOURCE_KEYS.map((k): IncomeLine => ({ source: SOURCE_OF_KEY[k], label: INCOME_LABEL[k], amount: x.current[k] })),
    expenditure: t1Exp,
    incomeSubtotal: x.current.total,
    carryover: x.carried.total,
    incomeTotal,
    expenditureSubtotal: expenditureTotal,
    yearEndCarryover: 0,
    expenditureTotal: { ...expenditureTotal },
  };

  // 表四.
  const fiscalCurrent = fiscalOnly(x.current);
  const fiscalCarried = fiscalOnly(x.carried);
  const fiscalAll = x.fiscalByLei.total;
  const t4 = {
    ...base(4, year, fiscalAll.total === 0),
    income: FISCAL_KEYS.map((k): IncomeLine => ({ source: SOURCE_OF_KEY[k], label: INCOME_LABEL[k], amount: x.current[k] })),
    expenditure: catalogue.lei.map((lei, i) => ({
      code: lei.code,
      name: lei.name,
      label: leiLabel(lei, i),
      cells: { ...(x.fiscalByLei.lei(lei.code) ?? zeroCells(TOTAL_BY_FISCAL_KEYS)) },
    })),
    incomeSubtotal: fiscalCurrent.total,
    carryover: fiscalCarried,
    incomeTotal: add(fiscalCurrent.total, fiscalCarried.total),
    expenditureSubtotal: { ...fiscalAll },
    yearEndCarryover: 0,
    expenditureTotal: { ...fiscalAll },
  };

  const tree = <K extends string>(n: number, b: SubjectTreeBuilder<K>) => {
    const rows = b.rows(catalogue, names);
    return { ...base(n, year, rows.length === 0 && allZero(b.total)), total: b.total, rows };
  };

  // 表六: groups in code order, lines in the order first written.
  const groups = new Map<string, EconomicGroup>();
  for (const { group, ...line } of x.econ.values()) {
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { code: group, name: catalogue.economic(group)?.name ?? "", cells: zeroCells(PERSONNEL_PUBLIC_KEYS), lines: [] }));
    addCells(g.cells, line.cells);
    g.lines.push(line);
  }
  const t6Groups = [...groups.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // 表九.
  const t9rows = x.t9.rows(catalogue, names);
  const t9 = {
    ...base(9, year, x.current.capital === 0 && t9rows.length === 0),
    incomeTotal: x.current.capital,
    incomeRows: [],
    total: x.t9.total,
    rows: t9rows,
  };

  // 表十.
  const tpTotal = x.threePublic.get("total")!;
  const t10 = {
    ...base(10, year, tpTotal.total === 0),
    rows: THREE_PUBLIC_ROWS.map((r) => ({ key: r.key, label: r.label, cells: x.threePublic.get(r.key)! })),
  };

  // 表十一: units in unit order.
  const t11Units = x.unitOrder.filter((u) => x.running.has(u.name)).map((u) => ({ name: u.name, cells: x.running.get(u.name)! }));
  const t11 = { ...base(11, year, t11Units.length === 0), total: x.runningTotal, units: t11Units };

  return {
    t1,
    t2: tree(2, x.t2),
    t3: tree(3, x.t3),
    t4,
    t5: tree(5, x.t5),
    t6: { ...base(6, year, t6Groups.length === 0), total: x.econTotal, groups: t6Groups },
    t7: { ...base(7, year, x.current.fund === 0), total: x.current.fund, rows: [] },
    t8: tree(8, x.t8),
    t9,
    t10,
    t11,
    t12: projectTable(12, year, x.deptName, x.unitOrder, x.budget.projects, x.unitOf),
    t13: projectTable(13, year, x.deptName, x.unitOrder, x.budget.carryovers, x.unitOf),
  };
}

/** 表十二 / 表十三: the department row, then each unit with projects, and its projects in source order. */
function projectTable(
  n: number,
  year: number,
  deptName: string,
  unitOrder: readonly UnitModel[],
  projects: readonly (A.Project | A.Carryover)[],
  unitOf: UnitResolution["unitOf"],
): ProjectTable {
  const byUnit = new Map<string, { cells: TotalBySource; projects: ProjectLine[] }>();
  const dept = zeroCells(TOTAL_BY_SOURCE_KEYS);
  for (const p of projects) {
    const unit = unitOf(p.unit);
    let u = byUnit.get(unit);
    if (!u) byUnit.set(unit, (u = { cells: zeroCells(TOTAL_BY_SOURCE_KEYS), projects: [] }));
    const cells = sumBySource(p.amounts);
    addCells(u.cells, cells);
    addCells(dept, cells);
    u.projects.push({
      name: p.name.value,
      ...(p.category ? { category: p.category.value } : {}),
      ...(p.subject ? { subject: p.subject.value } : {}),
      cells,
    });
  }
  const units = unitOrder.filter((u) => byUnit.has(u.name)).map((u) => ({ name: u.name, ...byUnit.get(u.name)! }));
  return { ...base(n, year, projects.length === 0), department: { name: deptName, cells: dept }, units };
}

/* ------------------------------------------------------------------------------------ */
/* Prose                                                                                  */
/* ------------------------------------------------------------------------------------ */

function part(amount: Fen, whole: Fen) {
  const share = percent(amount, whole);
  return { amount, ...(share !== undefined ? { share } : {}) };
}

function leiParts(rows: readonly { code: string; name: string; level: string; cells: { total: Fen } }[], whole: Fen): LeiPart[] {
  return rows.filter((r) => r.level === "类" && r.cells.total !== 0).map((r) => ({ code: r.code, name: r.name, ...part(r.cells.total, whole) }));
}

/** Counts and amounts of projects by category: the two standard categories always, others as written. */
export function countByCategory(projects: readonly { category?: string; amount: Fen }[]): CategoryCount[] {
  const m = new Map<string, CategoryCount>(PROJECT_CATEGORIES.map((c) => [c, { category: c, count: 0, amount: 0 }]));
  for (const p of projects) {
    const c = p.category ?? "";
    let e = m.get(c);
    if (!e) m.set(c, (e = { category: c, count: 0, amount: 0 }));
    e.count++;
    e.amount = add(e.amount, p.amount);
  }
  return [...m.values()];
}

function buildProse(budget: A.Budget, t: Tables, forms: readonly ProjectForm[]): Prose {
  const ly = budget.lastYear;
  const reasons = new Map<string, string>();
  for (const r of ly?.reasons ?? []) if (!reasons.has(r.figure.value)) reasons.set(r.figure.value, r.text.value);
  const t1 = t.t1;

  // 一: totals against last year's 收入总计 (= its 支出总计).
  const incomeReason = reasons.get("收入总计");
  const s1 = {
    income: compare(t1.incomeTotal, ly?.incomeTotal?.fen, incomeReason),
    currentIncome: t1.incomeSubtotal,
    carryover: t1.carryover,
    expenditure: compare(t1.expenditureTotal.total, ly?.incomeTotal?.fen, reasons.get("支出总计") ?? incomeReason),
    currentExpenditure: t1.expenditureTotal.current,
    carryoverExpenditure: t1.expenditureTotal.carryover,
  };

  // 二: shares of 收入总计.
  const s2 = {
    total: t1.incomeTotal,
    sources: t1.income.map((l): SourcePart => ({ source: l.source, label: PROSE_INCOME_LABEL[SOURCE_KEY[l.source]], ...part(l.amount, t1.incomeTotal) })),
    carryover: part(t1.carryover, t1.incomeTotal),
  };

  // 三: shares of 支出总计.
  const t3 = t.t3.total;
  const s3 = { total: t3.total, basic: part(t3.basic, t3.total), project: part(t3.project, t3.total) };

  // 四: 财政拨款, carry-overs included.
  const t4 = t.t4;
  const s4 = {
    total: t4.incomeTotal,
    general: add(t4.income[0]!.amount, t4.carryover.general),
    fund: add(t4.income[1]!.amount, t4.carryover.fund),
    capital: add(t4.income[2]!.amount, t4.carryover.capital),
    current: t4.incomeSubtotal,
    carryover: t4.carryover.total,
    byLei: t4.expenditure.filter((r) => r.cells.total !== 0).map((r) => ({ code: r.code, name: r.name, ...part(r.cells.total, t4.expenditureTotal.total) })),
  };

  // 五: 一般公共预算当年支出.
  const t5 = t.t5;
  const s5 = {
    spending: compare(t5.total.total, ly?.generalSpending?.fen, reasons.get("一般公共预算当年支出")),
    byLei: leiParts(t5.rows, t5.total.total),
  };

  // 六: 基本支出 人员 / 公用 with the names of their economic subjects.
  const lines = t.t6.groups.flatMap((g) => g.lines);
  const s6 = {
    total: t.t6.total.total,
    personnel: { amount: t.t6.total.personnel, items: lines.filter((l) => l.cells.personnel !== 0).map((l) => l.name) },
    public: { amount: t.t6.total.public, items: lines.filter((l) => l.cells.public !== 0).map((l) => l.name) },
  };

  // 七: 三公 against last year, item by item in the prose's order.
  const tpRow = (k: ThreePublicKey): Fen => t.t10.rows.find((r) => r.key === k)!.cells.total;
  const lyItems = ly?.threePublic?.items;
  const lyItem = (item: A.ThreePublicItem): Fen | undefined => (lyItems ? (lyItems.get(item)?.fen ?? 0) : undefined);
  const lyTotal = lyItems ? sum([...lyItems.values()].map((m) => m.fen)) : undefined;
  const s7Items: { key: "overseas" | "reception" | "vehicleOperation" | "vehiclePurchase"; label: string; item: A.ThreePublicItem }[] = [
    { key: "overseas", label: "因公出国（境）费", item: "因公出国" },
    { key: "reception", label: "公务接待费", item: "公务接待" },
    { key: "vehicleOperation", label: "公务用车运行维护费", item: "公务用车运行维护" },
    { key: "vehiclePurchase", label: "公务用车购置费", item: "公务用车购置" },
  ];
  const s7 = {
    total: compare(tpRow("total"), lyTotal, reasons.get("三公")),
    items: s7Items.map((i) => ({ key: i.key, label: i.label, figure: compare(tpRow(i.key), lyItem(i.item), reasons.get(i.item)) })),
  };

  // 八: 机关运行经费.
  const running = t.t11.total.total;
  const s8 = { none: running === 0, total: compare(running, ly?.runningCosts?.fen, reasons.get("机关运行经费")) };

  // 九: 政府采购 = goods + works + services.
  const pr = budget.procurement;
  const goods = pr?.goods?.fen ?? 0;
  const works = pr?.works?.fen ?? 0;
  const services = pr?.services?.fen ?? 0;
  const s9 = { stated: pr !== undefined, total: sum([goods, works, services]), goods, works, services };

  // 十: projects and their forms, by category.
  const all = budget.projects.map((p) => ({ ...(p.category ? { category: p.category.value } : {}), amount: sumBySource(p.amounts).total }));
  const projectAmount = sum(all.map((p) => p.amount));
  const formAmount = sum(forms.map((f) => f.amount));
  const coverage = percent(formAmount, projectAmount);
  const s10 = {
    projects: { count: all.length, amount: projectAmount, byCategory: countByCategory(all) },
    forms: {
      count: forms.length,
      amount: formAmount,
      byCategory: countByCategory(forms.map((f) => ({ ...(f.category !== undefined ? { category: f.category } : {}), amount: f.amount }))),
    },
    ...(coverage !== undefined ? { coverage } : {}),
  };
  return { s1, s2, s3, s4, s5, s6, s7, s8, s9, s10 };
}

/* ------------------------------------------------------------------------------------ */
/* Charts                                                                                 */
/* ------------------------------------------------------------------------------------ */

function buildCharts(prose: Prose, t: Tables): { income: Chart; general: Chart; threePublic: Chart } {
  const whole = prose.s2.total;
  const income: Chart = {
    title: "收入预算图",
    slices: [
      ...t.t1.income.map((l) => ({ label: l.source, ...part(l.amount, whole) })),
      { label: "上年结转", ...part(prose.s2.carryover.amount, whole) },
    ],
  };
  const general: Chart = {
    title: "一般公共预算当年拨款结构图",
    slices: prose.s5.byLei.map((l) => ({ label: l.name, amount: l.amount, ...(l.share !== undefined ? { share: l.share } : {}) })),
  };
  const row = (k: ThreePublicKey): Fen => t.t10.rows.find((r) => r.key === k)!.cells.total;
  const tpWhole = row("total");
  const threePublic: Chart = {
    title: "三公经费分布图",
    slices: [
      { label: "因公出国（境）费", ...part(row("overseas"), tpWhole) },
      { label: "公务接待费", ...part(row("reception"), tpWhole) },
      { label: "公务用车购置及运行费", ...part(row("vehicles"), tpWhole) },
    ],
  };
  return { income, general, threePublic };
}

/* ------------------------------------------------------------------------------------ */
/* Performance forms                                                                      */
/* ------------------------------------------------------------------------------------ */

function buildProjectForms(
  budget: A.Budget,
  t12: ProjectTable,
  forms: ReadonlyMap<number, A.PerformanceForm>,
  deptCodeName: string,
  unitOf: UnitResolution["unitOf"],
): ProjectForm[] {
  // 表十二 order: by unit in unit order, then source order. Index the projects by unit.
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
      if (f) out.push(projectForm(budget.projects[i]!, f, deptCodeName, u.name));
    }
  }
  return out;
}

function projectForm(p: A.Project, f: A.PerformanceForm, deptCodeName: string, unit: string): ProjectForm {
  const amount = sumBySource(p.amounts).total;
  const annualFunding: FundingLevelsModel = f.annualFunding ? fundingLevels(f.annualFunding) : { total: amount };
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
  return {
    project: p.name.value,
    department: deptCodeName,
    unit,
    amount,
    ...(p.category ? { category: p.category.value } : {}),
    ...(f.attribute ? { attribute: attributeLabel(f.attribute.value) } : {}),
    ...(f.duration ? { duration: `${f.duration.number}${f.duration.unit || "年"}` } : {}),
    ...(f.periodFunding ? { periodFunding: fundingLevels(f.periodFunding) } : {}),
    annualFunding,
    ...defined(fields),
    indicators,
    indicatorRows: sum(indicators.map((g) => g.rows)),
    ...defined({ filed: text(f.filed), owner: text(f.owner), handler: text(f.handler), phone: text(f.phone) }),
  };
}

/** The entries of a record whose values are defined: optional fields stay absent. */
function defined<T extends Record<string, string | undefined>>(r: T): { [K in keyof T]?: string } {
  const out: { [K in keyof T]?: string } = {};
  for (const k in r) if (r[k] !== undefined) out[k] = r[k];
  return out;
}

function headcount(q: A.Quantity | undefined) {
  return q ? { number: q.number, text: q.text } : undefined;
}

function buildOverall(
  budget: A.Budget,
  o: A.OverallForm,
  year: number,
  deptCodeName: string,
  units: readonly UnitModel[],
  current: TotalBySource,
  direction: Cells<"basic" | "project">,
): OverallFormModel {
  const st = budget.department?.staffing;
  const staffing: OverallFormModel["staffing"] = {};
  for (const k of ["authorized", "actual", "established", "other"] as const) {
    const h = headcount(st?.[k]);
    if (h) staffing[k] = h;
  }
  const indicators = groupIndicators(o.indicators);
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
    budget: {
      bySource: {
        total: current.total,
        general: current.general,
        fund: current.fund,
        capital: current.capital,
        socialInsurance: 0,
        specialAccount: current.specialAccount,
        unitFunds: current.unitFunds,
      },
      byDirection: { total: add(direction.basic, direction.project), basic: direction.basic, project: direction.project },
    },
    indicators,
    indicatorRows: sum(indicators.map((g) => g.rows)),
    ...(o.filed ? { filed: o.filed.value } : {}),
  };
}

/* ------------------------------------------------------------------------------------ */
/* Assets                                                                                 */
/* ------------------------------------------------------------------------------------ */

function buildAssets(a: A.Assets): AssetsModel {
  const counts = new Map<string, Dec>();
  const order: string[] = [...VEHICLE_KINDS];
  for (const v of a.vehicles) {
    const written = v.kind.value;
    const kind = (VEHICLE_KINDS as readonly string[]).includes(written) ? written : (VEHICLE_KINDS as readonly string[]).includes(`${written}用车`) ? `${written}用车` : written;
    if (!order.includes(kind)) order.push(kind);
    counts.set(kind, (counts.get(kind) ?? new Dec(0)).add(new Dec(v.count.number)));
  }
  const vehicles = order.map((kind) => ({ kind, count: (counts.get(kind) ?? new Dec(0)).toString() }));
  let total = new Dec(0);
  for (const c of counts.values()) total = total.add(c);
  return {
    ...(a.asOf ? { asOf: a.asOf.value } : {}),
    ...(a.vehicleQuota ? { vehicleQuota: a.vehicleQuota.number } : {}),
    vehicleTotal: total.toString(),
    vehicles,
    ...(a.officeArea ? { officeArea: { number: a.officeArea.number, unit: a.officeArea.unit } } : {}),
    equipment: a.equipment.map((e) => ({ threshold: e.threshold.text, count: e.count.number })),
  };
}
