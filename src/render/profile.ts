/**
 * Profiles: the table set, headings and templates of one regional format of the
 * disclosure (shanxi-13, mof-9, …). A profile is a folder templates/<name>/ holding a
 * profile.json and Handlebars templates; a profile may extend another, and a
 * `--templates DIR` folder may override single templates (and, with its own
 * profile.json, the table list or headings) for a regional variant.
 *
 * This module holds the pure parts only: the profile.json schema and how layers merge.
 * Reading the folders is the CLI's job; it passes each layer as text, base first:
 * the profile an `extends` names, then the profile itself, then the override folder.
 */
import { z } from "zod";
import { DERIVED_KINDS, type DerivedTableSpec, type ModelSpec } from "../model/spec.js";
import { SOURCES } from "../syntax/ast.js";

/**
 * The kinds of table the renderer can build from the publication model. Each kind is one
 * layout; a profile picks kinds, orders them and titles them.
 */
export const TABLE_KINDS = [
  "summary",
  "income",
  "expenditure",
  "fiscal-summary",
  "general-expenditure",
  "basic-economic",
  "fund-income",
  "fund-expenditure",
  "capital",
  "capital-expenditure",
  "three-public",
  "admin-running",
  "projects-current",
  "projects-carryover",
] as const;
export const TableKind = z.enum(TABLE_KINDS);
export type TableKind = z.infer<typeof TableKind>;

/** Every kind a profile may name: a fixed layout of the model, or a table defined as data. */
export const AnyTableKind = z.enum([...TABLE_KINDS, ...DERIVED_KINDS]);
export type AnyTableKind = z.infer<typeof AnyTableKind>;

/** Which amounts a table or a column sums (model/spec.ts ItemFilter). */
export const ItemFilter = z.strictObject({
  /** Funding sources, as the language writes them: 一般公共预算, 事业收入 …. */
  sources: z.array(z.enum(SOURCES as [string, ...string[]])).optional(),
  /** basic (基本支出 lines), project (this year's projects), carryover (上年结转). */
  kinds: z.array(z.enum(["basic", "project", "carryover"])).optional(),
  economicClass: z.enum(["人员经费", "公用经费"]).optional(),
  threePublic: z.array(z.enum(["因公出国", "公务接待", "公务用车购置", "公务用车运行维护"])).optional(),
  /** 机关运行经费: the 公用经费 of the basic lines of 行政单位 and 参公事业单位. */
  running: z.boolean().optional(),
});

/** A column of a table defined as data: its key, its header and what it sums. */
export const ProfileColumn = z.strictObject({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
  label: z.string(),
  filter: ItemFilter.optional(),
  /**
   * The headers printed over this column, outermost first, each spanning the consecutive
   * columns that share it: ["{year}年“三公”经费预算数", "公务用车购置及运行费"].
   */
  groups: z.array(z.string()).optional(),
});

/** An income line of a source-summary table. */
export const ProfileIncomeLine = z.strictObject({
  label: z.string(),
  filter: ItemFilter.optional(),
  /** 1 for a line printed under the one before it. */
  level: z.number().int().min(0).max(1).optional(),
  /** Printed only when its amount is not zero (上年结转, which most budgets have none of). */
  omitZero: z.boolean().optional(),
});

/** One table of a profile. `{year}` in the title and labels is replaced by the budget's year. */
export const ProfileTable = z.strictObject({
  /** The anchor of the table in the document and the name of its optional own partial: "t1". */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  kind: AnyTableKind,
  /** The ordinal printed before the title and in the table of contents: "表一". */
  ordinal: z.string(),
  /** A caption line printed above the title, as the reference's "预算公开表1"; optional. */
  caption: z.string().optional(),
  /** The exact title: "{year}年预算收支总表". */
  title: z.string().min(1),
  /** Overrides of the kind's column and row labels, by key (see render/tables.ts). */
  labels: z.record(z.string(), z.string()).optional(),
  /**
   * The unit the table prints its amounts in: 万元 with two decimals (the default, as
   * the budget's 金额单位), or whole 元 with thousands separators. Workbooks format
   * the numbers to match.
   */
  unit: z.enum(["万元", "元"]).optional(),
  /**
   * Decimals of the amounts: 2 in 万元 and 0 in 元 unless given (元 with 2 prints
   * 371,514,655.00); "trim" prints 万元 with up to two, without trailing zeros (25, 21.56).
   */
  decimals: z.union([z.literal(0), z.literal(2), z.literal("trim")]).optional(),
  /** A zero amount prints blank (the default) or as 0 in the table's number style. */
  zero: z.enum(["blank", "0"]).optional(),
  /** Subject codes in one column ("2010507", the default) or split into 类, 款 and 项 columns under one header. */
  codes: z.enum(["one", "split"]).optional(),
  /** The 合计 row first (the default) or last. */
  total: z.enum(["first", "last"]).optional(),
  /** The line under the title naming the department: "{kind}名称：{department}" by default. */
  nameLine: z.string().optional(),
  /** The line giving the unit: "单位：{unit}" by default. */
  unitLine: z.string().optional(),
  /** The note under an empty table: "注：本表无数据" by default. */
  emptyNote: z.string().optional(),
  /* Tables defined as data (the kinds of model/spec.ts): */
  /** The amounts the whole table counts. */
  filter: ItemFilter.optional(),
  columns: z.array(ProfileColumn).optional(),
  /** source-summary: the income lines, in order. */
  income: z.array(ProfileIncomeLine).optional(),
  /** source-summary: the 类 on the expenditure side numbered 一、二、… in print order. */
  numbered: z.boolean().optional(),
});
export type ProfileTable = z.infer<typeof ProfileTable>;

/** A profile's table of a fixed layout (tables.ts builds it from the standard model). */
export type FixedTable = ProfileTable & { kind: TableKind };
/** A profile's table defined as data (the model derives it from the profile's spec). */
export type DataTable = ProfileTable & { kind: (typeof DERIVED_KINDS)[number] };

export const isDataTable = (t: ProfileTable): t is DataTable => (DERIVED_KINDS as readonly string[]).includes(t.kind);

/**
 * The headings of the document. `{year}` is the budget's year; `{kind}` is 部门 for a
 * department's document and 单位 for a unit's; `{self}` is 本部门 or 本单位.
 */
export const DEFAULT_HEADINGS = {
  cover: "{year}年度{kind}预算公开",
  toc: "目 录",
  part1: "第一部分 概况",
  duties: "一、{self}职责",
  organisation: "二、机构设置情况",
  part2: "第二部分 {year}年{kind}预算报表",
  part3: "第三部分 {year}年度{kind}预算情况说明",
  s1: "一、{kind}预算收支数据变动情况及原因",
  s2: "二、收入预算情况说明",
  s3: "三、支出预算情况说明",
  s4: "四、财政拨款收支预算总体情况说明",
  s5: "五、一般公共预算支出情况说明",
  s6: "六、一般公共预算基本支出情况说明",
  s7: "七、“三公”经费增减变动原因说明",
  s8: "八、机关运行经费增减变动原因说明",
  s9: "九、政府采购情况",
  s10: "十、绩效管理情况",
  s11: "十一、国有资产占有使用情况",
  s12: "十二、其他说明",
  s12a: "（一）政府购买服务指导性目录",
  s12b: "（二）其他",
  part4: "第四部分 名词解释",
  /** The titles of the performance forms; {region} is the budget's 地区, or nothing. */
  formOverall: "县（区）级预算部门（单位）整体支出绩效目标申报表",
  formProject: "{region}县（区）级预算部门（单位）项目支出绩效目标表",
} as const;
export type HeadingKey = keyof typeof DEFAULT_HEADINGS;
export type Headings = Record<HeadingKey, string>;

const HEADING_KEYS = Object.keys(DEFAULT_HEADINGS) as HeadingKey[];

const Headings = z.partialRecord(z.enum(HEADING_KEYS as [HeadingKey, ...HeadingKey[]]), z.string());

/**
 * The profile's own wording, by key, for its templates: headings of sections the default
 * headings do not name, sentence parts, the glossary. `{year}`, `{kind}`, `{self}`,
 * `{region}` and `{department}` are filled in.
 */
const Words = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.string());

/** How the prose prints its figures. */
export const ProseStyle = z.strictObject({
  /** 万元 amounts with two decimals always (the default), or without trailing zeros ("25", "21.5"). */
  money: z.enum(["fixed", "trim"]).optional(),
  /** The 三公 amounts' style, when it differs from the rest of the prose. */
  threePublicMoney: z.enum(["fixed", "trim"]).optional(),
  /** Thousands separators in the prose's amounts (the default) or none ("15621.11"). */
  separators: z.boolean().optional(),
  /** A zero amount as "0" (the default) or "0.00". */
  zero: z.enum(["0", "0.00"]).optional(),
});
export type ProseStyle = z.infer<typeof ProseStyle>;

/** What a profile asks of the model (model/spec.ts). */
export const ProfileModel = z.strictObject({
  /** The vehicle kinds the assets section lists, in order. */
  vehicleKinds: z.array(z.string()).optional(),
  /** A change in percent from the exact amounts, or from the amounts rounded to 0.01万元. */
  percentBase: z.enum(["exact", "wan-2"]).optional(),
  /** The project forms in 表十二's order ("table", the default) or by project name in pinyin order ("name"). */
  formOrder: z.enum(["table", "name"]).optional(),
});

/**
 * A variant of the profile for some budget years: a region changes its format from one
 * year to the next. Tables are changed field by field, by id; headings, words and the
 * prose style key by key.
 */
export const YearVariant = z.strictObject({
  tables: z.record(z.string(), ProfileTable.partial().omit({ id: true, kind: true })).optional(),
  headings: Headings.optional(),
  words: Words.optional(),
  prose: ProseStyle.optional(),
});
export type YearVariant = z.infer<typeof YearVariant>;

/** A year ("2024"), up to a year ("-2024") or from a year ("2025-"). */
const YEARS = /^(-?\d{4}|\d{4}-)$/;

/** profile.json. Every key is optional in an override layer; the merged profile must name its tables. */
export const ProfileJson = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  /** The profile whose tables, headings and templates this one starts from. */
  extends: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  description: z.string().optional(),
  tables: z.array(ProfileTable).optional(),
  headings: Headings.optional(),
  words: Words.optional(),
  prose: ProseStyle.optional(),
  model: ProfileModel.optional(),
  /** Facts this profile prints, derives or leaves out otherwise than the default (model/spec.ts ProfileFacts). */
  facts: z
    .strictObject({
      printed: z.array(z.string()).optional(),
      derived: z.array(z.string()).optional(),
      unprinted: z.array(z.string()).optional(),
      /** The precision the tables print amounts in: "0.01万元" (the default), "1元", "0.01元". */
      precision: z.string().regex(/^\d+(\.\d+)?(万元|元)$/).optional(),
    })
    .optional(),
  /** Variants by budget year: "2024", "-2024" (up to 2024), "2025-" (from 2025). */
  years: z.record(z.string().regex(YEARS, "a year (2024), up to a year (-2024) or from a year (2025-)"), YearVariant).optional(),
});
export type ProfileJson = z.infer<typeof ProfileJson>;

/** A profile ready to render: merged tables and headings, and every template by file name. */
export interface LoadedProfile {
  readonly name: string;
  readonly tables: readonly ProfileTable[];
  readonly headings: Headings;
  readonly words: Readonly<Record<string, string>>;
  readonly prose: ProseStyle;
  readonly model: z.infer<typeof ProfileModel>;
  /** The year variants, in the order written; forYear applies the ones that match. */
  readonly years: readonly (readonly [string, YearVariant])[];
  /** Template texts by file name: "document.html.hbs", "table.md.hbs", … */
  readonly templates: Readonly<Record<string, string>>;
}

type Filter = z.infer<typeof ItemFilter>;
const KINDS = ["basic", "project", "carryover"] as const;
const KIND_WORDS: Readonly<Record<(typeof KINDS)[number], string>> = { basic: "基本支出", project: "项目", carryover: "上年结转" };

function admitsPair(f: Filter | undefined, source: string, kind: (typeof KINDS)[number]): boolean {
  return (!f?.sources || f.sources.includes(source)) && (!f?.kinds || f.kinds.includes(kind));
}

/**
 * The income lines of level 0 of a source-summary table count every amount the table
 * counts exactly once, by source and kind: else 收入总计 would differ from 支出总计 for
 * some budget, and a figure would be printed twice or not at all. Checked when the
 * profile is loaded, for every budget at once.
 */
function incomePartition(t: ProfileTable): string[] {
  const problems: string[] = [];
  const top = (t.income ?? []).filter((l) => (l.level ?? 0) === 0);
  for (const source of SOURCES) {
    for (const kind of KINDS) {
      if (!admitsPair(t.filter, source, kind)) continue;
      const n = top.filter((l) => admitsPair(l.filter, source, kind)).length;
      if (n !== 1) problems.push(`table ${t.id}: ${n === 0 ? "no" : n} income line${n === 1 ? "" : "s"} of level 0 count${n === 1 ? "s" : ""} the ${KIND_WORDS[kind]} amounts of ${source}: each amount the table counts is counted by exactly one`);
    }
  }
  return problems;
}

/** Whether a year key ("2024", "-2024", "2025-") covers a year. */
export function yearMatches(key: string, year: number): boolean {
  if (key.startsWith("-")) return year <= Number(key.slice(1));
  if (key.endsWith("-")) return year >= Number(key.slice(0, -1));
  return year === Number(key);
}

/** The profile as it applies to a budget year: every matching variant laid over it, in order. */
export function forYear(p: LoadedProfile, year: number): LoadedProfile {
  const variants = p.years.filter(([k]) => yearMatches(k, year)).map(([, v]) => v);
  if (!variants.length) return p;
  let tables = p.tables;
  const headings: Headings = { ...p.headings };
  const words: Record<string, string> = { ...p.words };
  let prose: ProseStyle = p.prose;
  for (const v of variants) {
    if (v.tables) tables = tables.map((t) => (v.tables![t.id] ? ({ ...t, ...v.tables![t.id] } as ProfileTable) : t));
    for (const k of HEADING_KEYS) if (v.headings?.[k] !== undefined) headings[k] = v.headings[k]!;
    Object.assign(words, v.words ?? {});
    prose = { ...prose, ...(v.prose ?? {}) };
  }
  return { ...p, tables, headings, words, prose, years: [] };
}

/** What the model needs of a profile: its tables defined as data, and its lists. */
export function modelSpecOf(p: LoadedProfile): ModelSpec {
  const tables: DerivedTableSpec[] = p.tables.filter(isDataTable).map((t) => {
    const base = { id: t.id, title: t.title, ...(t.filter ? { filter: t.filter as DerivedTableSpec["filter"] & object } : {}) };
    const columns = (t.columns ?? []).map((c) => ({ key: c.key, label: c.label, ...(c.filter ? { filter: c.filter as never } : {}) }));
    if (t.kind === "source-summary") return { ...base, kind: t.kind, columns, income: (t.income ?? []).map((l) => ({ label: l.label, ...(l.filter ? { filter: l.filter as never } : {}), ...(l.level !== undefined ? { level: l.level } : {}) })) };
    return { ...base, kind: t.kind, columns };
  });
  return {
    name: p.name,
    tables,
    ...(p.model.vehicleKinds ? { vehicleKinds: p.model.vehicleKinds } : {}),
    ...(p.model.percentBase ? { percentBase: p.model.percentBase } : {}),
    ...(p.model.formOrder ? { formOrder: p.model.formOrder } : {}),
  };
}

/** One layer as the CLI read it: a folder's profile.json text (if any) and its templates. */
export interface ProfileLayer {
  /** Where the layer comes from, for messages: "templates/shanxi-13". */
  readonly origin: string;
  readonly profileJson?: string;
  /** Template texts by file name; only names ending in ".hbs" are kept. */
  readonly templates: Readonly<Record<string, string>>;
}

/** A template file name: flat, ending in .html.hbs or .md.hbs. */
export const TEMPLATE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*\.(html|md)\.hbs$/;

/** Parses a profile.json text; problems are returned, never thrown. */
export function parseProfileJson(text: string, origin: string): { value?: ProfileJson; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problems: [`${origin}/profile.json: not JSON: ${(e as Error).message}`] };
  }
  const r = ProfileJson.safeParse(raw);
  if (r.success) return { value: r.data, problems: [] };
  return { problems: r.error.issues.map((i) => `${origin}/profile.json: ${i.path.join(".") || "(root)"}: ${i.message}`) };
}

/**
 * The profile a profile.json extends, so that the CLI knows which folder to read first;
 * undefined when it extends none or cannot be read (loadProfile reports why).
 */
export function profileExtends(profileJsonText: string): string | undefined {
  return parseProfileJson(profileJsonText, "").value?.extends;
}

/**
 * Merges layers, base first: later tables lists replace earlier ones whole (a table list
 * is one decision), headings and templates are overridden key by key. The profile's
 * name is the last layer's that names one. Problems (bad JSON, unknown keys, a template
 * name that is not flat, duplicate table ids, no document template) are returned.
 */
export function loadProfile(layers: readonly ProfileLayer[]): { profile?: LoadedProfile; problems: string[] } {
  const problems: string[] = [];
  let name: string | undefined;
  let tables: ProfileTable[] | undefined;
  const headings: Headings = { ...DEFAULT_HEADINGS };
  const words: Record<string, string> = {};
  let prose: ProseStyle = {};
  let model: LoadedProfile["model"] = {};
  const years: [string, YearVariant][] = [];
  const templates: Record<string, string> = {};
  for (const layer of layers) {
    if (layer.profileJson !== undefined) {
      const r = parseProfileJson(layer.profileJson, layer.origin);
      problems.push(...r.problems);
      const p = r.value;
      if (p) {
        if (p.name) name = p.name;
        if (p.tables) tables = p.tables;
        for (const k of HEADING_KEYS) {
          const h = p.headings?.[k];
          if (h !== undefined) headings[k] = h;
        }
        Object.assign(words, p.words ?? {});
        prose = { ...prose, ...(p.prose ?? {}) };
        model = { ...model, ...(p.model ?? {}) };
        years.push(...Object.entries(p.years ?? {}));
      }
    }
    for (const file of Object.keys(layer.templates).sort()) {
      if (!file.endsWith(".hbs")) continue;
      if (!TEMPLATE_NAME.test(file)) {
        problems.push(`${layer.origin}/${file}: a template name is flat and ends in .html.hbs or .md.hbs`);
        continue;
      }
      templates[file] = layer.templates[file]!;
    }
  }
  if (!tables) problems.push("no profile.json names the tables of the profile");
  const ids = new Set<string>();
  for (const t of tables ?? []) {
    if (ids.has(t.id)) problems.push(`table id ${t.id} is used twice`);
    ids.add(t.id);
    if (isDataTable(t)) {
      if (!t.columns?.length) problems.push(`table ${t.id}: a ${t.kind} table names its columns`);
      if (t.kind === "source-summary" && !t.income?.length) problems.push(`table ${t.id}: a source-summary table names its income lines`);
      if (t.kind === "source-summary") problems.push(...incomePartition(t));
      const keys = new Set<string>();
      for (const c of t.columns ?? []) {
        if (keys.has(c.key)) problems.push(`table ${t.id}: column key ${c.key} is used twice`);
        keys.add(c.key);
      }
    } else if (t.columns || t.income || t.filter) {
      problems.push(`table ${t.id}: columns, income and filter belong to the tables defined as data (${DERIVED_KINDS.join(", ")}); a ${t.kind} table has its own`);
    }
  }
  for (const [key, v] of years) {
    for (const id of Object.keys(v.tables ?? {})) if (!ids.has(id)) problems.push(`years.${key}.tables: no table ${id}`);
  }
  for (const f of ["html", "md"]) {
    if (templates[`document.${f}.hbs`] === undefined) problems.push(`no document.${f}.hbs template`);
  }
  if (problems.length > 0 || !tables) return { problems };
  return { profile: { name: name ?? "custom", tables, headings, words, prose, model, years, templates }, problems };
}
