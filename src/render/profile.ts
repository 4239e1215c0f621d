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

/** One table of a profile. `{year}` in the title and labels is replaced by the budget's year. */
export const ProfileTable = z.strictObject({
  /** The anchor of the table in the document and the name of its optional own partial: "t1". */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  kind: TableKind,
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
});
export type ProfileTable = z.infer<typeof ProfileTable>;

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

/** profile.json. Every key is optional in an override layer; the merged profile must name its tables. */
export const ProfileJson = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  /** The profile whose tables, headings and templates this one starts from. */
  extends: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
  description: z.string().optional(),
  tables: z.array(ProfileTable).optional(),
  headings: z.partialRecord(z.enum(HEADING_KEYS as [HeadingKey, ...HeadingKey[]]), z.string()).optional(),
});
export type ProfileJson = z.infer<typeof ProfileJson>;

/** A profile ready to render: merged tables and headings, and every template by file name. */
export interface LoadedProfile {
  readonly name: string;
  readonly tables: readonly ProfileTable[];
  readonly headings: Headings;
  /** Template texts by file name: "document.html.hbs", "table.md.hbs", … */
  readonly templates: Readonly<Record<string, string>>;
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
  }
  for (const f of ["html", "md"]) {
    if (templates[`document.${f}.hbs`] === undefined) problems.push(`no document.${f}.hbs template`);
  }
  if (problems.length > 0 || !tables) return { problems };
  return { profile: { name: name ?? "custom", tables, headings, templates }, problems };
}
