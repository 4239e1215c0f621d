/**
 * Loading a classification catalogue: the JSON file format (documented in
 * docs/catalogue.md) is validated with zod and then with cross-reference checks, and a
 * valid file becomes a Catalogue whose lookups are Maps built once. The built-in
 * catalogues (one per fiscal year, generated from data/classification/<year>/) are
 * loaded lazily through the same path. This module is pure: it reads no files and
 * writes nothing; the caller reads a budget office's file and passes the parsed JSON.
 */
import { z } from "zod";
import type { ThreePublicItem } from "../../syntax/ast.js";
import { invariant } from "../../base/invariant.js";
import type { Catalogue, EconomicSubject, FunctionalSubject, UnitKindKey } from "./types.js";
import { BUILTIN_2024 } from "./builtin-2024.js";

/** The value of the `format` field of every catalogue file. */
export const CATALOGUE_FORMAT = "yusuan-catalogue";
/** The version of the file format this module reads. */
export const CATALOGUE_FORMAT_VERSION = 1;

const UNIT_KINDS = ["行政单位", "参公事业单位", "事业单位"] as const satisfies readonly UnitKindKey[];
const THREE_PUBLIC_ITEMS = ["因公出国", "公务接待", "公务用车购置", "公务用车运行维护"] as const satisfies readonly ThreePublicItem[];
const COST_TYPES = ["人员经费", "公用经费"] as const;

// These two declarations fail to compile if a unit kind or a 三公 item is added to the
// types without being added to the lists above.
const allUnitKinds: Exclude<UnitKindKey, (typeof UNIT_KINDS)[number]> extends never ? true : never = true;
const allThreePublicItems: Exclude<ThreePublicItem, (typeof THREE_PUBLIC_ITEMS)[number]> extends never ? true : never = true;
void allUnitKinds;
void allThreePublicItems;

// ---------------------------------------------------------------------------------------
// The file format, as a zod schema.
// ---------------------------------------------------------------------------------------

const Name = z
  .string()
  .min(1, "名称不能为空 (a name cannot be empty)")
  .refine((s) => s.trim() === s, "名称首尾不能有空白 (a name cannot start or end with white space)");

/** Provenance fields every entry may carry; the catalogue keeps them in the file only. */
const meta = {
  confidence: z.enum(["high", "medium", "low"]).optional(),
  source: z.string().optional(),
  note: z.string().optional(),
};

const code = (pattern: RegExp, zh: string, en: string) =>
  z.string().regex(pattern, `编码应为${zh} (the code must be ${en})`);

const LeiEntry = z.strictObject({
  code: code(/^\d{3}$/, "3位数字", "3 digits"),
  name: Name,
  label: Name,
  ...meta,
});

const FunctionalEntry = z.strictObject({
  code: code(/^(\d{5}|\d{7})$/, "5或7位数字", "5 or 7 digits"),
  name: Name,
  level: z.enum(["款", "项"]).optional(),
  parent: z.string().optional(),
  ...meta,
});

const EconomicEntry = z.strictObject({
  code: code(/^(\d{3}|\d{5})$/, "3或5位数字", "3 or 5 digits"),
  name: Name,
  level: z.enum(["类", "款"]).optional(),
  parent: z.string().optional(),
  ...meta,
});

const MappingEntry = z.strictObject({
  kinds: z.array(z.enum(UNIT_KINDS)).min(1, "至少列出一种单位类型 (list at least one kind of unit)"),
  dept: code(/^(\d{3}|\d{5})$/, "3或5位数字", "3 or 5 digits"),
  gov: code(/^\d{5}$/, "5位数字", "5 digits"),
  ...meta,
});

const CostTypeEntry = z.strictObject({
  dept: code(/^(\d{3}|\d{5})$/, "3或5位数字", "3 or 5 digits"),
  type: z.enum(COST_TYPES),
  ...meta,
});

const ThreePublicEntry = z.strictObject({
  dept: code(/^\d{5}$/, "5位数字", "5 digits"),
  item: z.enum(THREE_PUBLIC_ITEMS),
  ...meta,
});

const CatalogueFile = z.strictObject({
  format: z.literal(CATALOGUE_FORMAT),
  formatVersion: z.literal(CATALOGUE_FORMAT_VERSION),
  year: z.number().int().min(1990).max(2100),
  title: z.string().optional(),
  functional: z.strictObject({
    lei: z.array(LeiEntry).min(1, "至少要有一个类 (at least one 类 is required)"),
    subjects: z.array(FunctionalEntry),
  }),
  economic: z.strictObject({
    department: z.array(EconomicEntry),
    government: z.array(EconomicEntry),
  }),
  mapping: z.array(MappingEntry),
  costType: z.array(CostTypeEntry),
  threePublic: z.array(ThreePublicEntry),
});

type CatalogueFile = z.infer<typeof CatalogueFile>;

// ---------------------------------------------------------------------------------------
// Loading.
// ---------------------------------------------------------------------------------------

/**
 * Validates a parsed catalogue file and builds the catalogue. Every problem found is
 * returned (never thrown); the catalogue is returned only when there are none.
 * `description` names the catalogue in later messages, e.g. a file path.
 */
export function catalogueFromJson(json: unknown, description: string): { catalogue?: Catalogue; problems: string[] } {
  const parsed = CatalogueFile.safeParse(json);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map(describeIssue) };
  }
  const file = parsed.data;
  const problems = crossCheck(file);
  if (problems.length > 0) return { problems };
  return { catalogue: build(file, description), problems: [] };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  const missing = issue.code === "invalid_type" && issue.message.endsWith("received undefined");
  const zh = missing ? "缺少此字段" : (ISSUE_ZH[issue.code] ?? "格式不对");
  // A message written for this schema starts in Chinese and already carries both languages.
  const text = /^[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `${zh} (${issue.message})`;
  return `${where}：${text}`;
}

const ISSUE_ZH: Partial<Record<z.core.$ZodIssue["code"], string>> = {
  invalid_type: "类型不对",
  unrecognized_keys: "有不认识的字段",
  invalid_value: "取值不在允许范围内",
  invalid_format: "格式不对",
  too_small: "太少或太短",
  too_big: "太多或太大",
  invalid_union: "不符合任何一种允许的形式",
};

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(根)";
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** Checks that the schema cannot express: uniqueness, parents, and references. */
function crossCheck(file: CatalogueFile): string[] {
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
function build(file: CatalogueFile, description: string): Catalogue {
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

  const catalogue: Catalogue = {
    year: file.year,
    description,
    lei: Object.freeze(lei),
    functional: (c) => functional.get(c),
    economic: (c) => economic.get(c),
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
  const { catalogue, problems } = catalogueFromJson(json, `内置 ${year} 年目录（种子数据）`);
  invariant(catalogue !== undefined, `the built-in ${year} catalogue is invalid: ${problems.join("; ")}`);
  invariant(catalogue.year === year, `the built-in ${year} catalogue says it is for ${catalogue.year}`);
  builtinCache.set(year, catalogue);
  return catalogue;
}
