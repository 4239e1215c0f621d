/**
 * From observations to the facts of a budget: the units, the basic lines, the projects
 * and the carry-overs whose tables give exactly the amounts read. It works on the
 * dimensions of the amounts, not on tables: "the 项目支出 of subject 2010402" is the same
 * fact whichever table of whichever profile printed it.
 *
 * What the tables leave open is settled as the tables require and said so:
 * - each project's and carry-over's functional subject: the subjects' project amounts
 *   (by source, where a table gives them) are filled by a search over the projects,
 *   largest first; the assignment found is the one written, and where several fit a
 *   `待补充` says the subject was inferred;
 * - the basic lines' functional subjects: 表六 gives basic expenditure by economic
 *   subject and 表三/表五 by functional subject, not both; lines are split over the
 *   subjects in code order (exact when one subject has basic expenditure, as is common);
 * - the unit kind: from the 政府 economic subject 表六 prints beside each line.
 */
import { add, sub, type Fen } from "../base/money.js";
import type { Catalogue, UnitKindKey } from "../catalogue/types.js";
import { SOURCE_KEYS, type SourceKey } from "../model/keys.js";
import type { Dims } from "../render/grid.js";
import type { Observation } from "./read.js";

export type SourceAmounts = Partial<Record<SourceKey, Fen>>;

export interface DraftProject {
  readonly name: string;
  readonly unit: string;
  subject?: string;
  /** True when the tables allow more than one subject (or none fits exactly). */
  subjectInferred: boolean;
  /** True for a subject's project money no table lists by project. */
  residual?: boolean;
  readonly amounts: SourceAmounts;
  /** The one economic subject of the whole project, when a table says it (三公 paid from projects). */
  economic?: string;
  /** What the source must tell the author about this project (a 待补充). */
  note?: string;
}

export interface DraftLine {
  readonly subject: string;
  readonly economic: string;
  readonly fen: Fen;
  readonly source: SourceKey;
  readonly unit?: string;
  /** Why the line is not exactly what the tables say, when it is not. */
  readonly note?: string;
}

export interface Draft {
  readonly kind?: UnitKindKey;
  /** True when 表六 does not pin the kind down. */
  readonly kindInferred: boolean;
  readonly units: readonly { readonly name: string; readonly kind?: UnitKindKey; readonly note?: string }[];
  readonly basic: readonly DraftLine[];
  readonly projects: readonly DraftProject[];
  readonly carryovers: readonly DraftProject[];
  /** True when the basic lines had to be split over several subjects. */
  readonly basicSplit: boolean;
}

const UNIT_KINDS: readonly UnitKindKey[] = ["行政单位", "参公事业单位", "事业单位"];

/** A canonical key of dimensions: the same fact from any table has the same key. */
export function dimsKey(d: Dims): string {
  return Object.entries(d)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(";");
}

/** The steps the subject search may take before it settles for what it has. */
const SEARCH_LIMIT = 200_000;

export function solve(observations: readonly Observation[], catalogue: Catalogue, deptName: string): Draft {
  const facts = new Map<string, Fen>();
  for (const o of observations) if (!facts.has(dimsKey(o.dims))) facts.set(dimsKey(o.dims), o.fen);
  // 表九 prints its expenditure side with a flow; 表八 and 表五 without: either reads.
  const get = (d: Dims): Fen | undefined => facts.get(dimsKey(d)) ?? facts.get(dimsKey({ ...d, flow: "expenditure" }));

  // Projects and carry-overs, in the order first read.
  const byName = (phase: "current" | "carryover") => {
    const list = new Map<string, DraftProject>();
    for (const o of observations) {
      const d = o.dims;
      if (d.project === undefined || d.phase !== phase) continue;
      const k = `${d.unit ?? ""}|${d.project}`;
      let p = list.get(k);
      if (!p) list.set(k, (p = { name: d.project, unit: d.unit ?? deptName, subjectInferred: false, amounts: {} }));
      if (d.source && d.source !== "fiscal" && o.fen !== 0) (p.amounts as Record<string, Fen>)[d.source] = o.fen;
    }
    return [...list.values()];
  };
  const projects = byName("current");
  const carryovers = byName("carryover");

  // The leaf subjects: those no other subject read lies below.
  // Subjects with money: 表一 prints every 类, most of them empty.
  const codes = [...new Set(observations.filter((o) => o.fen !== 0).map((o) => o.dims.subject).filter((s): s is string => s !== undefined && /^\d{3}(\d{2}){0,2}$/.test(s)))].sort();
  const leaves = codes.filter((c) => !codes.some((o) => o !== c && o.startsWith(c)));
  const v = (x: Fen | undefined) => x ?? 0;

  // Current-year project money per leaf: [total, general, fund, capital]; undefined where no table says.
  const projectTargets = leaves.map((s) => {
    const all = get({ subject: s, direction: "project" });
    const carried = get({ subject: s, phase: "carryover" });
    return [
      all !== undefined ? sub(all, v(carried)) : undefined,
      get({ subject: s, source: "general", phase: "current", direction: "project" }),
      get({ subject: s, source: "fund", phase: "current", direction: "project" }),
      get({ subject: s, source: "capital", phase: "current", direction: "project" }),
    ];
  });
  const vector = (p: DraftProject) => [
    SOURCE_KEYS.reduce((a, k) => add(a, v(p.amounts[k])), 0),
    v(p.amounts.general),
    v(p.amounts.fund),
    v(p.amounts.capital),
  ];
  assign(projects, vector, leaves, projectTargets);
  // Project money no listed project accounts for (a profile without project tables):
  // one project per subject holding it, to be split into the real projects.
  leaves.forEach((s, i) => {
    const t = projectTargets[i]!;
    const mine = projects.filter((p) => p.subject === s).map(vector);
    const rest = t.map((x, k) => (x === undefined ? undefined : x - mine.reduce((a, m) => a + m[k]!, 0)));
    if (v(rest[0]) <= 0) return;
    const [total, general, fund, capital] = rest.map(v) as [Fen, Fen, Fen, Fen];
    const known = rest[1] !== undefined || rest[2] !== undefined || rest[3] !== undefined;
    const amounts: SourceAmounts = known ? { general, fund, capital, unitFunds: total - general - fund - capital } : { general: total };
    for (const k of SOURCE_KEYS) if (amounts[k] === 0) delete (amounts as Record<string, Fen>)[k];
    projects.push({ name: `科目${s}项目支出`, unit: deptName, subject: s, subjectInferred: false, residual: true, amounts });
  });
  assign(
    carryovers,
    (p) => [SOURCE_KEYS.reduce((a, k) => add(a, v(p.amounts[k])), 0)],
    leaves,
    leaves.map((s) => [get({ subject: s, phase: "carryover" })]),
  );

  leaves.forEach((s) => {
    const carried = v(get({ subject: s, phase: "carryover" }));
    const mine = carryovers.filter((c) => c.subject === s).reduce((a, c) => add(a, SOURCE_KEYS.reduce((b, k) => add(b, v(c.amounts[k])), 0)), 0);
    if (carried > mine) carryovers.push({ name: `科目${s}上年结转`, unit: deptName, subject: s, subjectInferred: false, residual: true, amounts: { general: carried - mine } });
  });

  // The unit kind, from the 政府 subject beside each line of 表六.
  const econObs = observations.filter((o) => o.dims.economic !== undefined && o.dims.economic.length === 5 && o.dims.costType === undefined && o.dims.source === "general");
  let kinds = new Set<UnitKindKey>(UNIT_KINDS);
  for (const o of econObs) {
    if (o.kinds || o.government === undefined) continue;
    const fit = UNIT_KINDS.filter((k) => {
      const g = catalogue.mapToGovernment(o.dims.economic!, k);
      return (g !== undefined ? catalogue.government(g)?.name : "") === o.government;
    });
    if (fit.length) kinds = new Set([...kinds].filter((k) => fit.includes(k)));
  }
  // 机关运行经费 (表十一) lists administrative units only.
  const adminUnits = new Set(observations.filter((o) => o.dims.costType === "public" && o.dims.unit !== undefined && o.dims.project === undefined && o.dims.economic === undefined).map((o) => o.dims.unit!));
  if (adminUnits.has(deptName)) kinds = new Set([...kinds].filter((k) => k !== "事业单位"));
  const kindList = [...kinds];
  // 行政单位 before 参公事业单位 where the mapping cannot tell them apart (the usual case).
  const kind = kindList[0];

  // Basic lines of 一般公共预算 by economic subject, split over the subjects' basic money.
  const lines = new Map<string, { economic: string; fen: Fen; kinds?: readonly string[] }>();
  for (const o of econObs) {
    const k = `${o.dims.economic}|${(o.kinds ?? []).join("、")}`;
    if (!lines.has(k) && o.fen !== 0) lines.set(k, { economic: o.dims.economic!, fen: o.fen, ...(o.kinds ? { kinds: o.kinds } : {}) });
  }
  const basicGeneral = leaves.map((s) => [s, get({ subject: s, source: "general", phase: "current", direction: "basic" }) ?? get({ subject: s, direction: "basic" })] as const).filter(([, f]) => v(f) > 0);
  const basic: DraftLine[] = [];
  const remaining = basicGeneral.map(([s, f]) => ({ s, left: v(f) }));
  const units = new Map<string, UnitKindKey | undefined>([[deptName, kind]]);
  for (const line of lines.values()) {
    let left = line.fen;
    // A line labelled for other kinds of unit belongs to a unit of that kind.
    const unitKind = line.kinds?.find((k): k is UnitKindKey => (UNIT_KINDS as readonly string[]).includes(k));
    const unit = unitKind && unitKind !== kind ? `${deptName}（${unitKind}）` : undefined;
    if (unit) units.set(unit, unitKind);
    for (const r of remaining) {
      if (left === 0) break;
      const take = Math.min(left, r.left);
      if (take === 0) continue;
      basic.push({ subject: r.s, economic: line.economic, fen: take, source: "general", ...(unit ? { unit } : {}) });
      r.left -= take;
      left -= take;
    }
    if (left > 0) basic.push({ subject: remaining[remaining.length - 1]?.s ?? leaves[0] ?? "", economic: line.economic, fen: left, source: "general", note: "功能科目" });
  }
  // Basic money of other sources: the income by source less the projects put under the subject.
  for (const s of leaves) {
    for (const src of SOURCE_KEYS) {
      if (src === "general") continue;
      const income = get({ subject: s, source: src, phase: "current" });
      if (!income) continue;
      const proj = projects.filter((p) => p.subject === s).reduce((a, p) => add(a, v(p.amounts[src])), 0);
      const rest = sub(income, proj);
      if (rest > 0) basic.push({ subject: s, economic: "30299", fen: rest, source: src, note: "经济科目" });
    }
  }
  threePublicFromProjects(observations, basic, projects);
  const unitNotes = new Map<string, string>();
  const split = runningUnit(observations, basic, catalogue, deptName, kind);
  if (split) {
    units.set(split.unit, "事业单位");
    unitNotes.set(split.unit, split.note);
  }
  for (const p of [...projects, ...carryovers]) if (!units.has(p.unit)) units.set(p.unit, undefined);
  for (const u of adminUnits) if (!units.has(u)) units.set(u, undefined);
  return {
    ...(kind ? { kind } : {}),
    kindInferred: kindList.length !== 1,
    units: [...units].map(([name, k]) => ({ name, ...(k ? { kind: k } : {}), ...(unitNotes.has(name) ? { note: unitNotes.get(name)! } : {}) })),
    basic,
    projects,
    carryovers,
    basicSplit: basicGeneral.length > 1,
  };
}

/** The sources 三公 and 机关运行经费 count: 财政拨款. */
const FISCAL: ReadonlySet<SourceKey> = new Set<SourceKey>(["general", "fund", "capital"]);

/** The economic subject of each 三公 item (部门预算支出经济分类). */
const THREE_PUBLIC_CODE = { overseas: "30211", reception: "30217", vehiclePurchase: "31013", vehicleOperation: "30231" } as const;
const THREE_PUBLIC_NAME = { overseas: "因公出国（境）费", reception: "公务接待费", vehiclePurchase: "公务用车购置费", vehicleOperation: "公务用车运行维护费" } as const;

/** A table's total of a 三公 item or of 机关运行经费 (财政拨款), when one is read. */
function fiscalTotal(observations: readonly Observation[], test: (d: Dims) => boolean): Fen | undefined {
  return observations.find((o) => test(o.dims) && (o.dims.source === "fiscal" || o.dims.source === undefined) && o.dims.unit === undefined && o.dims.project === undefined)?.fen;
}

/**
 * 三公 paid from projects: a 三公 item the 三公 table gives above what the basic lines of
 * its economic subject hold is project money (a vehicle bought with a project's funds).
 * That much of a project of 一般公共预算 is written as a project of its own, of the item's
 * economic subject, under the same functional subject, so every other table is unchanged;
 * which project it really is, only the department knows (a 待补充 says so).
 */
function threePublicFromProjects(observations: readonly Observation[], basic: readonly DraftLine[], projects: DraftProject[]): void {
  for (const [key, code] of Object.entries(THREE_PUBLIC_CODE) as [keyof typeof THREE_PUBLIC_CODE, string][]) {
    const stated = fiscalTotal(observations, (d) => d.threePublic === key);
    if (stated === undefined) continue;
    const inBasic = basic.filter((l) => l.economic === code && FISCAL.has(l.source)).reduce((a, l) => add(a, l.fen), 0);
    const more = stated - inBasic;
    if (more <= 0) continue;
    // The project it comes out of: a listed subject's residual money first, then the largest.
    const from = [...projects].filter((p) => (p.amounts.general ?? 0) >= more && p.economic === undefined).sort((a, b) => Number(b.residual ?? false) - Number(a.residual ?? false) || (b.amounts.general ?? 0) - (a.amounts.general ?? 0))[0];
    if (!from) continue;
    const left = sub(from.amounts.general!, more);
    if (left === 0) delete (from.amounts as Record<string, Fen>)["general"];
    else (from.amounts as Record<string, Fen>)["general"] = left;
    if (SOURCE_KEYS.every((k) => !from.amounts[k])) projects.splice(projects.indexOf(from), 1);
    projects.push({
      name: `${THREE_PUBLIC_NAME[key]}（项目支出）`,
      unit: from.unit,
      ...(from.subject !== undefined ? { subject: from.subject } : {}),
      subjectInferred: from.subjectInferred,
      amounts: { general: more },
      economic: code,
      note: `项目：“三公”经费表的${THREE_PUBLIC_NAME[key]}比基本支出中的多，多出的是项目支出；这里从「${from.name}」中分出为这个项目，请写明是哪个项目`,
    });
  }
}

/**
 * 机关运行经费 counts the basic 公用经费 of administrative units only. When a table gives it
 * below the 公用经费 of the basic lines (all written for the department), the difference
 * is 事业单位 money: that much of the 公用经费 lines, last lines first, moves to a 事业单位
 * of the department, whose name the tables do not give.
 */
function runningUnit(observations: readonly Observation[], basic: DraftLine[], catalogue: Catalogue, deptName: string, kind: UnitKindKey | undefined): { unit: string; note: string } | undefined {
  const stated = fiscalTotal(observations, (d) => d.running === true);
  if (stated === undefined || kind === "事业单位") return undefined;
  const isPublic = (l: DraftLine) => l.unit === undefined && catalogue.personnelOrPublic(l.economic) === "公用经费" && FISCAL.has(l.source);
  const written = basic.filter(isPublic).reduce((a, l) => add(a, l.fen), 0);
  let move = written - stated;
  if (move <= 0) return undefined;
  const unit = `${deptName}（事业单位）`;
  for (let i = basic.length - 1; i >= 0 && move > 0; i--) {
    const l = basic[i]!;
    if (!isPublic(l)) continue;
    const take = Math.min(move, l.fen);
    if (take === l.fen) basic[i] = { ...l, unit };
    else {
      basic[i] = { ...l, fen: l.fen - take };
      basic.splice(i + 1, 0, { ...l, fen: take, unit });
    }
    move -= take;
  }
  return { unit, note: `单位：机关运行经费只计行政单位和参公事业单位的公用经费，其余的公用经费属于事业单位；请写明单位名称，并核对各行属于哪个单位` };
}

/**
 * Puts each item under a leaf subject so that every subject's amounts (each component
 * a table gives) are filled exactly: a depth-first search, largest items first. Where
 * it finds none within SEARCH_LIMIT steps, each item left goes where it fits best and
 * is marked inferred.
 */
function assign(
  items: DraftProject[],
  vectorOf: (p: DraftProject) => number[],
  leaves: readonly string[],
  targets: readonly (readonly (Fen | undefined)[])[],
): void {
  if (items.length === 0 || leaves.length === 0) return;
  const order = items.map((_, i) => i).sort((a, b) => vectorOf(items[b]!)[0]! - vectorOf(items[a]!)[0]! || a - b);
  const left = targets.map((t) => t.map((x) => x));
  const choice = new Array<number>(items.length).fill(-1);
  let steps = 0;
  let solutions = 0;
  let best: number[] | undefined;
  // A subject no table gives this money for takes nothing, unless no table gives any.
  const anyKnown = targets.some((t) => t.some((x) => x !== undefined));
  const fits = (vec: number[], t: readonly (Fen | undefined)[]) => (!anyKnown || t.some((x) => x !== undefined)) && vec.every((x, k) => t[k] === undefined || t[k]! >= x);
  const go = (n: number): void => {
    if (solutions > 1 || steps++ > SEARCH_LIMIT) return;
    if (n === order.length) {
      if (left.every((t) => t.every((x) => x === undefined || x === 0))) {
        solutions++;
        best ??= [...choice];
      }
      return;
    }
    const i = order[n]!;
    const vec = vectorOf(items[i]!);
    for (let s = 0; s < leaves.length; s++) {
      if (!fits(vec, left[s]!)) continue;
      // Only subjects with money of this kind: a zero target takes no item that has some.
      if (vec[0]! > 0 && left[s]![0] === 0) continue;
      choice[i] = s;
      left[s] = left[s]!.map((x, k) => (x === undefined ? undefined : x - vec[k]!));
      go(n + 1);
      left[s] = left[s]!.map((x, k) => (x === undefined ? undefined : x + vec[k]!));
      choice[i] = -1;
      if (solutions > 1) return;
    }
  };
  go(0);
  if (best) {
    items.forEach((p, i) => {
      p.subject = leaves[best![i]!];
      p.subjectInferred = solutions > 1;
    });
    return;
  }
  // No exact fit: each item where its total fits best, marked inferred.
  const room = targets.map((t) => t[0] ?? 0);
  for (const i of order) {
    const total = vectorOf(items[i]!)[0]!;
    let s = room.findIndex((r) => r >= total && r > 0);
    if (s < 0) s = room.indexOf(Math.max(...room));
    items[i]!.subject = leaves[s];
    items[i]!.subjectInferred = true;
    room[s] = room[s]! - total;
  }
}
