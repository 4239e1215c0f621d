/**
 * Building a classification catalogue from a valid catalogue file: cross-reference
 * checks the schema cannot express, then lookups as Maps built once. The built-in
 * catalogues (one per fiscal year, generated from data/classification/<year>/) are
 * built lazily here; a budget office's own file is first validated by file.ts. This
 * module is pure: it reads no files and writes nothing.
 */
import { invariant } from "../base/invariant.js";
import type { Catalogue, EconomicSubject, FunctionalSubject, UnitKindKey } from "./types.js";
import type { CatalogueFile } from "./file.js";
import { BUILTIN_2024 } from "./builtin-2024.js";
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

/** Checks that the schema cannot express: uniqueness, parents, and references. */
export function crossCheck(file: CatalogueFile): string[] {
  const problems: string[] = [];
  const report = (where: string, zh: string, en: string) => problems.push(`${where}：${zh} (${en})`);

  // Functional subjects: unique codes, a 款 under a listed 类, a 项 under a listed 款.
  const functionalSeen = new Map<string, string>();
  const noteDuplicate = (seen: Map<string, string>, key: string, where: string, what: [string, string] = ["编码", "code"]) => {
    const first = seen.get(key);
    if (first !== undefined) report(where, `${what[0]} ${key} 重复，首次出现在 ${first}`, `${what[1]} ${key} repeats ${first}`);
    else seen.set(key, where);
  };
  file.functional.lei.forEach((e, i) => {
    const where = `functional.lei[${i}]`;
    noteDuplicate(functionalSeen, e.code, where);
    if (!e.label.endsWith(e.name)) {
      report(where, `标签“${e.label}”应以名称“${e.name}”结尾`, `the label must end with the name`);
    }
  });
  file.functional.subjects.forEach((e, i) => noteDuplicate(functionalSeen, e.code, `functional.subjects[${i}]`));
  file.functional.subjects.forEach((e, i) => {
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
    if (!functionalSeen.has(parent)) {
      report(where, `${level} ${e.code} 的上级${parentLevel} ${parent} 不在目录中`, `the parent ${parentLevel} ${parent} of ${e.code} is not in the catalogue`);
    }
  });

  // Economic subjects, for both classifications.
  const economicCodes = (list: CatalogueFile["economic"]["department"], key: string): Set<string> => {
    const seen = new Map<string, string>();
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
        if (!seen.has(parent)) {
          report(where, `款 ${e.code} 的上级类 ${parent} 不在目录中`, `the parent 类 ${parent} of ${e.code} is not in the catalogue`);
        }
      } else if (e.parent !== undefined) {
        report(where, `类 ${e.code} 没有上级`, `the 类 ${e.code} has no parent`);
      }
    });
    return new Set(seen.keys());
  };
  const dept = economicCodes(file.economic.department, "department");
  const gov = economicCodes(file.economic.government, "government");

  // Rules refer to listed subjects and say one thing per key.
  const mappingSeen = new Map<string, string>();
  file.mapping.forEach((e, i) => {
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
  file.costType.forEach((e, i) => {
    const where = `costType[${i}]`;
    if (!dept.has(e.dept)) {
      report(where, `部门经济科目 ${e.dept} 不在目录中`, `department economic subject ${e.dept} is not in the catalogue`);
    }
    noteDuplicate(costSeen, e.dept, where, ["经费类型规则", "the cost-type rule for"]);
  });
  const threeSeen = new Map<string, string>();
  file.threePublic.forEach((e, i) => {
    const where = `threePublic[${i}]`;
    if (!dept.has(e.dept)) {
      report(where, `部门经济科目 ${e.dept} 不在目录中`, `department economic subject ${e.dept} is not in the catalogue`);
    }
    noteDuplicate(threeSeen, e.dept, where, ["三公规则", "the 三公 rule for"]);
  });
  return problems;
}

/** Builds the lookup Maps once; every lookup afterwards is a Map access or two. */
export function buildCatalogue(file: CatalogueFile, description: string): Catalogue {
  const functional = new Map<string, FunctionalSubject>();
  const lei = file.functional.lei.map((e) => {
    functional.set(e.code, Object.freeze({ code: e.code, name: e.name, level: "类" as const }));
    return Object.freeze({ code: e.code, name: e.name, label: e.label });
  });
  for (const e of file.functional.subjects) {
    const level = e.code.length === 5 ? ("款" as const) : ("项" as const);
    functional.set(e.code, Object.freeze({ code: e.code, name: e.name, level, parent: e.code.slice(0, e.code.length - 2) }));
  }
  const economicMap = (list: CatalogueFile["economic"]["department"]) => {
    const m = new Map<string, EconomicSubject>();
    for (const e of list) {
      m.set(
        e.code,
        Object.freeze(e.code.length === 3 ? { code: e.code, name: e.name, level: "类" as const } : { code: e.code, name: e.name, level: "款" as const, parent: e.code.slice(0, 3) }),
      );
    }
    return m;
  };
  const economic = economicMap(file.economic.department);
  const government = economicMap(file.economic.government);

  const mapping = new Map<UnitKindKey, Map<string, string>>(UNIT_KINDS.map((k) => [k, new Map()]));
  for (const e of file.mapping) {
    for (const kind of e.kinds) mapping.get(kind)?.set(e.dept, e.gov);
  }
  const costType = new Map<string, "人员经费" | "公用经费">(file.costType.map((e) => [e.dept, e.type]));
  const threePublic = new Map<string, ThreePublicItem>(file.threePublic.map((e) => [e.dept, e.item]));

  /** A rule for a 款 wins over the rule for its 类; the 类 rule covers every other 款. */
  const byItemThenClass = <T>(m: ReadonlyMap<string, T>, deptCode: string): T | undefined =>
    m.get(deptCode) ?? (deptCode.length === 5 ? m.get(deptCode.slice(0, 3)) : undefined);

  let functionalList: readonly FunctionalSubject[] | undefined;
  let economicList: readonly EconomicSubject[] | undefined;
  const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const catalogue: Catalogue = {
    year: file.year,
    description,
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

// ---------------------------------------------------------------------------------------
// Built-in catalogues.
// ---------------------------------------------------------------------------------------

const BUILTIN: ReadonlyMap<number, unknown> = new Map([[2024, BUILTIN_2024]]);

/** The fiscal years that have a built-in catalogue, in ascending order. */
export const BUILTIN_CATALOGUE_YEARS: readonly number[] = Object.freeze([...BUILTIN.keys()].sort((a, b) => a - b));

const builtinCache = new Map<number, Catalogue>();

/** The built-in catalogue for a fiscal year, or undefined when there is none. */
export function builtinCatalogue(year: number): Catalogue | undefined {
  const cached = builtinCache.get(year);
  if (cached !== undefined) return cached;
  const json = BUILTIN.get(year);
  if (json === undefined) return undefined;
  // The generated file passed the schema in the tests (test/catalogue.test.ts); the
  // cross-reference checks are cheap and run here too.
  const file = json as CatalogueFile;
  const problems = crossCheck(file);
  invariant(problems.length === 0, `the built-in ${year} catalogue is invalid: ${problems.join("; ")}`);
  const catalogue = buildCatalogue(file, `内置 ${year} 年目录（种子数据）`);
  invariant(catalogue.year === year, `the built-in ${year} catalogue says it is for ${catalogue.year}`);
  builtinCache.set(year, catalogue);
  return catalogue;
}
