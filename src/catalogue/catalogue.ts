/**
 * Building a classification catalogue from catalogue file data: the lists a file does not
 * give (or, for a partial catalogue, the entries it does not list) are filled in from the
 * built-in catalogue of its year; cross-reference checks the schema cannot express; then
 * lookups as Maps built once. The built-in catalogues (one per fiscal year, generated
 * from data/classification/<year>/) are built lazily here; a budget office's JSON file is
 * first validated by file.ts, a CSV or XLSX list is read by tabular.ts. This module is
 * pure: it reads no files and writes nothing.
 */
import { invariant } from "../base/invariant.js";
import type {
  Catalogue,
  CatalogueFileData,
  CostTypeEntryData,
  EconomicEntryData,
  EconomicSubject,
  FunctionalEntryData,
  FunctionalSubject,
  LeiEntryData,
  MappingEntryData,
  SubjectList,
  ThreePublicEntryData,
  UnitKindKey,
} from "./types.js";
import { BUILTIN_2024 } from "./builtin-2024.js";
import { BUILTIN_2025 } from "./builtin-2025.js";
import type { ThreePublicItem } from "../syntax/ast.js";

export const UNIT_KINDS = ["行政单位", "参公事业单位", "事业单位"] as const satisfies readonly UnitKindKey[];
export const THREE_PUBLIC_ITEMS = ["因公出国", "公务接待", "公务用车购置", "公务用车运行维护"] as const satisfies readonly ThreePublicItem[];
export const COST_TYPES = ["人员经费", "公用经费"] as const;

// These two declarations fail to compile if a unit kind or a 三公 item is added to the
// types without being added to the lists above.
const allUnitKinds: Exclude<UnitKindKey, (typeof UNIT_KINDS)[number]> extends never ? true : never = true;
const allThreePublicItems: Exclude<ThreePublicItem, (typeof THREE_PUBLIC_ITEMS)[number]> extends never ? true : never = true;
void allUnitKinds;
void allThreePublicItems;

/** Catalogue data with every list present: what a catalogue is built from. */
export interface FullCatalogue {
  readonly year: number;
  readonly lei: readonly LeiEntryData[];
  readonly subjects: readonly FunctionalEntryData[];
  readonly department: readonly EconomicEntryData[];
  readonly government: readonly EconomicEntryData[];
  readonly mapping: readonly MappingEntryData[];
  readonly costType: readonly CostTypeEntryData[];
  readonly threePublic: readonly ThreePublicEntryData[];
  /** The lists that are complete (see Catalogue.isComplete). */
  readonly complete: ReadonlySet<SubjectList>;
}

// ---------------------------------------------------------------------------------------
// Filling in from a base catalogue.
// ---------------------------------------------------------------------------------------

/**
 * The catalogue a file describes, every list present. A list the file does not give is
 * the base's. A list it gives replaces the base's when the file is complete; when it is
 * partial (the default), its entries are laid over the base's, code by code (for the
 * mapping, kind of unit and code by kind and code), so that an office's list of its own
 * subjects adds to the built-in one and corrects its names without hiding the rest.
 */
export function fillIn(file: CatalogueFileData, base: FullCatalogue | undefined, completeOverride = false): FullCatalogue {
  const complete = file.complete === true || completeOverride;
  const pick = <T>(own: readonly T[] | undefined, from: readonly T[] | undefined, key: (e: T) => string): readonly T[] => {
    if (own === undefined) return from ?? [];
    if (complete || from === undefined) return own;
    const byKey = new Map<string, T>(from.map((e) => [key(e), e]));
    for (const e of own) byKey.set(key(e), e);
    return [...byKey.values()];
  };
  const byCode = (e: { code: string }) => e.code;
  const byDept = (e: { dept: string }) => e.dept;

  const functional = file.functional;
  const ownLei = functional ? (functional.lei ?? []).map((e) => withBaseLabel(e, base)) : undefined;
  let lei = pick(ownLei, base?.lei, byCode);
  // Merged 类 print in code order, as every official list does.
  if (functional && !complete && base) lei = [...lei].sort((a, b) => compareCodes(a.code, b.code));
  const subjects = pick(functional ? (functional.subjects ?? []) : undefined, base?.subjects, byCode);
  const department = pick(file.economic?.department, base?.department, byCode);
  const government = pick(file.economic?.government, base?.government, byCode);

  let mapping: readonly MappingEntryData[];
  if (file.mapping === undefined) mapping = base?.mapping ?? [];
  else if (complete || !base) mapping = file.mapping;
  else {
    // A rule is keyed by kind of unit and code: the office's rules take those keys over.
    const own = new Set(file.mapping.flatMap((e) => e.kinds.map((k) => `${k} ${e.dept}`)));
    const kept = base.mapping.flatMap((e) => {
      const kinds = e.kinds.filter((k) => !own.has(`${k} ${e.dept}`));
      return kinds.length === 0 ? [] : [kinds.length === e.kinds.length ? e : { ...e, kinds }];
    });
    mapping = [...kept, ...file.mapping];
  }
  const costType = pick(file.costType, base?.costType, byDept);
  const threePublic = pick(file.threePublic, base?.threePublic, byDept);

  const completeLists = new Set<SubjectList>();
  if (complete) {
    if (functional) completeLists.add("functional");
    if (file.economic?.department) completeLists.add("department");
    if (file.economic?.government) completeLists.add("government");
  }
  return { year: file.year, lei, subjects, department, government, mapping, costType, threePublic, complete: completeLists };
}

/** A 类 without a label takes the base's label for the same 类 when the name agrees. */
function withBaseLabel(e: LeiEntryData, base: FullCatalogue | undefined): LeiEntryData {
  if (e.label !== undefined) return e;
  const b = base?.lei.find((x) => x.code === e.code);
  return b?.label !== undefined && b.label.endsWith(e.name) ? { ...e, label: b.label } : e;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a catalogue built from `file` takes anything from `base`. */
function takesFromBase(file: CatalogueFileData, base: FullCatalogue | undefined): boolean {
  if (!base) return false;
  if (file.complete !== true) return true;
  return !file.functional || !file.economic?.department || !file.economic?.government || !file.mapping || !file.costType || !file.threePublic;
}

// ---------------------------------------------------------------------------------------
// Cross-reference checks.
// ---------------------------------------------------------------------------------------

/**
 * Checks that the schema cannot express: uniqueness, parents, and references. The
 * entries checked are the file's own, located by their place in it; a parent or a
 * referenced code may be in `scope`, the catalogue the file fills in (by default the
 * file alone).
 */
export function crossCheck(file: CatalogueFileData, scope: FullCatalogue = fillIn(file, undefined)): string[] {
  const problems: string[] = [];
  const report = (where: string, zh: string, en: string) => problems.push(`${where}：${zh} (${en})`);
  const noteDuplicate = (seen: Map<string, string>, key: string, where: string, what: [string, string] = ["编码", "code"]) => {
    const first = seen.get(key);
    if (first !== undefined) report(where, `${what[0]} ${key} 重复，首次出现在 ${first}`, `${what[1]} ${key} repeats ${first}`);
    else seen.set(key, where);
  };

  // Functional subjects: unique codes, a 款 under a listed 类, a 项 under a listed 款.
  const functionalScope = new Set([...scope.lei.map((e) => e.code), ...scope.subjects.map((e) => e.code)]);
  const functionalSeen = new Map<string, string>();
  const lei = file.functional?.lei ?? [];
  const subjects = file.functional?.subjects ?? [];
  lei.forEach((e, i) => {
    const where = `functional.lei[${i}]`;
    noteDuplicate(functionalSeen, e.code, where);
    if (e.label !== undefined && !e.label.endsWith(e.name)) {
      report(where, `标签“${e.label}”应以名称“${e.name}”结尾`, `the label must end with the name`);
    }
  });
  subjects.forEach((e, i) => noteDuplicate(functionalSeen, e.code, `functional.subjects[${i}]`));
  subjects.forEach((e, i) => {
    const where = `functional.subjects[${i}]`;
    const level = e.code.length === 5 ? "款" : "项";
    const parent = e.code.slice(0, e.code.length - 2);
    const parentLevel = level === "款" ? "类" : "款";
    if (e.level !== undefined && e.level !== level) {
      report(where, `${e.code} 是${level}，不是${e.level}`, `${e.code} is a ${level}, not a ${e.level}`);
    }
    if (e.parent !== undefined && e.parent !== parent) {
      report(where, `${e.code} 的上级是 ${parent}，不是 ${e.parent}`, `the parent of ${e.code} is ${parent}, not ${e.parent}`);
    }
    if (!functionalScope.has(parent)) {
      report(where, `${level} ${e.code} 的上级${parentLevel} ${parent} 不在目录中`, `the parent ${parentLevel} ${parent} of ${e.code} is not in the catalogue`);
    }
  });

  // Economic subjects, for both classifications.
  const economic = (list: readonly EconomicEntryData[], inScope: readonly EconomicEntryData[], key: string): void => {
    const seen = new Map<string, string>();
    const codes = new Set(inScope.map((e) => e.code));
    list.forEach((e, i) => noteDuplicate(seen, e.code, `economic.${key}[${i}]`));
    list.forEach((e, i) => {
      const where = `economic.${key}[${i}]`;
      const level = e.code.length === 3 ? "类" : "款";
      if (e.level !== undefined && e.level !== level) {
        report(where, `${e.code} 是${level}，不是${e.level}`, `${e.code} is a ${level}, not a ${e.level}`);
      }
      if (level === "款") {
        const parent = e.code.slice(0, 3);
        if (e.parent !== undefined && e.parent !== parent) {
          report(where, `${e.code} 的上级是 ${parent}，不是 ${e.parent}`, `the parent of ${e.code} is ${parent}, not ${e.parent}`);
        }
        if (!codes.has(parent)) {
          report(where, `款 ${e.code} 的上级类 ${parent} 不在目录中`, `the parent 类 ${parent} of ${e.code} is not in the catalogue`);
        }
      } else if (e.parent !== undefined) {
        report(where, `类 ${e.code} 没有上级`, `the 类 ${e.code} has no parent`);
      }
    });
  };
  economic(file.economic?.department ?? [], scope.department, "department");
  economic(file.economic?.government ?? [], scope.government, "government");
  const dept = new Set(scope.department.map((e) => e.code));
  const gov = new Set(scope.government.map((e) => e.code));

  // Rules refer to listed subjects and say one thing per key.
  const mappingSeen = new Map<string, string>();
  (file.mapping ?? []).forEach((e, i) => {
    const where = `mapping[${i}]`;
    if (!dept.has(e.dept)) {
      report(where, `部门经济科目 ${e.dept} 不在目录中`, `department economic subject ${e.dept} is not in the catalogue`);
    }
    if (!gov.has(e.gov)) {
      report(where, `政府经济科目 ${e.gov} 不在目录中`, `government economic subject ${e.gov} is not in the catalogue`);
    }
    for (const kind of e.kinds) noteDuplicate(mappingSeen, `${kind} ${e.dept}`, where, ["对应规则", "the rule for"]);
  });
  const costSeen = new Map<string, string>();
  (file.costType ?? []).forEach((e, i) => {
    const where = `costType[${i}]`;
    if (!dept.has(e.dept)) {
      report(where, `部门经济科目 ${e.dept} 不在目录中`, `department economic subject ${e.dept} is not in the catalogue`);
    }
    noteDuplicate(costSeen, e.dept, where, ["经费类型规则", "the cost-type rule for"]);
  });
  const threeSeen = new Map<string, string>();
  (file.threePublic ?? []).forEach((e, i) => {
    const where = `threePublic[${i}]`;
    if (!dept.has(e.dept)) {
      report(where, `部门经济科目 ${e.dept} 不在目录中`, `department economic subject ${e.dept} is not in the catalogue`);
    }
    noteDuplicate(threeSeen, e.dept, where, ["三公规则", "the 三公 rule for"]);
  });
  return problems;
}

// ---------------------------------------------------------------------------------------
// Building.
// ---------------------------------------------------------------------------------------

/** Builds the lookup Maps once; every lookup afterwards is a Map access or two. */
export function buildCatalogue(full: FullCatalogue, description: string): Catalogue {
  const functional = new Map<string, FunctionalSubject>();
  const lei = full.lei.map((e) => {
    functional.set(e.code, Object.freeze({ code: e.code, name: e.name, level: "类" as const }));
    return Object.freeze({ code: e.code, name: e.name, label: e.label ?? "" });
  });
  for (const e of full.subjects) {
    const level = e.code.length === 5 ? ("款" as const) : ("项" as const);
    functional.set(e.code, Object.freeze({ code: e.code, name: e.name, level, parent: e.code.slice(0, e.code.length - 2) }));
  }
  const economicMap = (list: readonly EconomicEntryData[]) => {
    const m = new Map<string, EconomicSubject>();
    for (const e of list) {
      m.set(
        e.code,
        Object.freeze(e.code.length === 3 ? { code: e.code, name: e.name, level: "类" as const } : { code: e.code, name: e.name, level: "款" as const, parent: e.code.slice(0, 3) }),
      );
    }
    return m;
  };
  const economic = economicMap(full.department);
  const government = economicMap(full.government);

  const mapping = new Map<UnitKindKey, Map<string, string>>(UNIT_KINDS.map((k) => [k, new Map()]));
  for (const e of full.mapping) {
    for (const kind of e.kinds) mapping.get(kind)?.set(e.dept, e.gov);
  }
  const costType = new Map<string, "人员经费" | "公用经费">(full.costType.map((e) => [e.dept, e.type]));
  const threePublic = new Map<string, ThreePublicItem>(full.threePublic.map((e) => [e.dept, e.item]));

  /** A rule for a 款 wins over the rule for its 类; the 类 rule covers every other 款. */
  const byItemThenClass = <T>(m: ReadonlyMap<string, T>, deptCode: string): T | undefined =>
    m.get(deptCode) ?? (deptCode.length === 5 ? m.get(deptCode.slice(0, 3)) : undefined);

  let functionalList: readonly FunctionalSubject[] | undefined;
  let economicList: readonly EconomicSubject[] | undefined;
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const sorted = <T extends { code: string }>(m: ReadonlyMap<string, T>): readonly T[] => Object.freeze([...m.values()].sort((a, b) => compareCodes(a.code, b.code)));
  const lists: Record<SubjectList, () => readonly (FunctionalSubject | EconomicSubject)[]> = {
    functional: () => sorted(functional),
    department: () => sorted(economic),
    government: () => sorted(government),
  };
  const listCache = new Map<SubjectList, readonly (FunctionalSubject | EconomicSubject)[]>();

  const catalogue: Catalogue = {
    year: full.year,
    description,
    isComplete: (list) => full.complete.has(list),
    subjects: (list) => {
      let l = listCache.get(list);
      if (!l) listCache.set(list, (l = lists[list]()));
      return l;
    },
    lei: Object.freeze(lei),
    functional: (c) => functional.get(c),
    economic: (c) => economic.get(c),
    // The lists are for editors: built on first use, so that a check does not pay for them.
    get functionalSubjects() {
      return (functionalList ??= Object.freeze([...functional.values()].sort(byCode)));
    },
    get economicSubjects() {
      return (economicList ??= Object.freeze([...economic.values()].sort(byCode)));
    },
    government: (c) => government.get(c),
    mapToGovernment: (c, kind) => {
      const m = mapping.get(kind);
      return m === undefined ? undefined : byItemThenClass(m, c);
    },
    personnelOrPublic: (c) => byItemThenClass(costType, c),
    threePublic: (c) => threePublic.get(c),
  };
  return Object.freeze(catalogue);
}

export interface ResolveOptions {
  /** Fill in from the built-in catalogue of the file's year (as budgets see a catalogue). */
  readonly withBuiltin: boolean;
  /** Take the file as complete even if it does not say so (完整 是 in a budget). */
  readonly complete?: boolean;
}

/**
 * A catalogue from validated file data: filled in from the built-in catalogue of its year
 * when asked, cross-checked, built. Problems are returned, never thrown; the catalogue
 * only when there are none. A catalogue that takes from the built-in one says so in its
 * description, which every message about a code quotes.
 */
export function resolveCatalogue(file: CatalogueFileData, description: string, opts: ResolveOptions): { catalogue?: Catalogue; problems: string[] } {
  const baseYear = opts.withBuiltin ? builtinYearFor(file.year) : undefined;
  const base = baseYear === undefined ? undefined : builtinData(baseYear);
  const full = fillIn(file, base, opts.complete);
  const problems = crossCheck(file, full);
  if (problems.length > 0) return { problems };
  const takes = base !== undefined && baseYear !== undefined && takesFromBase(file, base);
  return { catalogue: buildCatalogue(full, takes ? `${description} + ${builtinDescription(baseYear)}` : description), problems: [] };
}

/**
 * A catalogue of exactly what a file lists, not filled in and not cross-checked: for
 * comparing two files (`catalogue diff`), where a list that refers to another the file
 * does not give is no obstacle.
 */
export function catalogueAsGiven(file: CatalogueFileData, description: string): Catalogue {
  return buildCatalogue(fillIn(file, undefined), description);
}

// ---------------------------------------------------------------------------------------
// Built-in catalogues.
// ---------------------------------------------------------------------------------------

const BUILTIN: ReadonlyMap<number, unknown> = new Map([
  [2024, BUILTIN_2024],
  [2025, BUILTIN_2025],
]);

/** The fiscal years that have a built-in catalogue, in ascending order. */
export const BUILTIN_CATALOGUE_YEARS: readonly number[] = Object.freeze([...BUILTIN.keys()].sort((a, b) => a - b));

/** How messages name a built-in catalogue. */
export function builtinDescription(year: number): string {
  return `内置 ${year} 年目录（种子数据）`;
}

/**
 * The built-in year to use for a fiscal year: its own, else the latest one before it,
 * else the earliest there is. Classifications change a little every year; a neighbouring
 * year's seed data is the closest guess, and callers say when it is not the year's own.
 */
export function builtinYearFor(year: number): number {
  if (BUILTIN.has(year)) return year;
  const before = BUILTIN_CATALOGUE_YEARS.filter((y) => y < year);
  return before.length > 0 ? before[before.length - 1]! : BUILTIN_CATALOGUE_YEARS[0]!;
}

const dataCache = new Map<number, FullCatalogue>();
const builtinCache = new Map<number, Catalogue>();

/** The built-in catalogue file of a year, as data (for filling in and comparing). */
export function builtinFile(year: number): CatalogueFileData | undefined {
  // The generated modules passed the schema in the tests (test/catalogue.test.ts).
  return BUILTIN.get(year) as CatalogueFileData | undefined;
}

function builtinData(year: number): FullCatalogue | undefined {
  const cached = dataCache.get(year);
  if (cached !== undefined) return cached;
  const file = builtinFile(year);
  if (file === undefined) return undefined;
  invariant(file.complete !== true, `the built-in ${year} catalogue must be labelled partial`);
  const full = fillIn(file, undefined);
  dataCache.set(year, full);
  return full;
}

/** The built-in catalogue for a fiscal year, or undefined when there is none. */
export function builtinCatalogue(year: number): Catalogue | undefined {
  const cached = builtinCache.get(year);
  if (cached !== undefined) return cached;
  const full = builtinData(year);
  if (full === undefined) return undefined;
  // The cross-reference checks are cheap and run here too.
  const problems = crossCheck(builtinFile(year)!, full);
  invariant(problems.length === 0, `the built-in ${year} catalogue is invalid: ${problems.join("; ")}`);
  const catalogue = buildCatalogue(full, builtinDescription(year));
  invariant(catalogue.year === year, `the built-in ${year} catalogue says it is for ${catalogue.year}`);
  builtinCache.set(year, catalogue);
  return catalogue;
}
