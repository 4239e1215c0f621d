/**
 * The catalogue file format (documented in docs/catalogue.md) as a zod schema, and
 * `catalogueFromJson`, which validates a budget office's parsed file against it, then
 * runs the cross-reference checks and builds the catalogue (catalogue.ts). Only a
 * custom catalogue (`--catalogue FILE`) comes through here: the built-in catalogues are
 * validated by the tests, so checking a budget does not load zod.
 */
import { z } from "zod";
import type { Catalogue, CatalogueFileData } from "./types.js";
import { COST_TYPES, resolveCatalogue, THREE_PUBLIC_ITEMS, UNIT_KINDS, type ResolveOptions } from "./catalogue.js";
import { registerCatalogueSchema } from "./named.js";

/** The value of the `format` field of every catalogue file. */
export const CATALOGUE_FORMAT = "yusuan-catalogue";
/** The version of the file format this module reads. */
export const CATALOGUE_FORMAT_VERSION = 1;


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
  label: Name.optional(),
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

// Every list is optional: a list a file does not give comes from the built-in catalogue
// of its year (see catalogue.ts, `resolveCatalogue`).
const CatalogueFile = z.strictObject({
  format: z.literal(CATALOGUE_FORMAT),
  formatVersion: z.literal(CATALOGUE_FORMAT_VERSION),
  year: z.number().int().min(1990).max(2100),
  title: z.string().optional(),
  complete: z.boolean().optional(),
  functional: z
    .strictObject({
      lei: z.array(LeiEntry).optional(),
      subjects: z.array(FunctionalEntry).optional(),
    })
    .optional(),
  economic: z
    .strictObject({
      department: z.array(EconomicEntry).optional(),
      government: z.array(EconomicEntry).optional(),
    })
    .optional(),
  mapping: z.array(MappingEntry).optional(),
  costType: z.array(CostTypeEntry).optional(),
  threePublic: z.array(ThreePublicEntry).optional(),
});

/** A catalogue file that passed the schema. */
export type CatalogueFile = z.infer<typeof CatalogueFile>;

// The schema and the plain type of types.ts describe the same file: this fails to
// compile when they part.
const sameShape: [CatalogueFile] extends [CatalogueFileData] ? ([CatalogueFileData] extends [CatalogueFile] ? true : never) : never = true;
void sameShape;

// ---------------------------------------------------------------------------------------
// Loading.
// ---------------------------------------------------------------------------------------

/** Validates parsed JSON against the file format; every problem is returned, none thrown. */
export function parseCatalogueFile(json: unknown): { file?: CatalogueFile; problems: string[] } {
  const parsed = CatalogueFile.safeParse(json);
  if (!parsed.success) return { problems: parsed.error.issues.map(describeIssue) };
  return { file: parsed.data, problems: [] };
}

/**
 * Validates a parsed catalogue file and builds the catalogue. Every problem found is
 * returned (never thrown); the catalogue is returned only when there are none.
 * `description` names the catalogue in later messages, e.g. a file path. With
 * `withBuiltin`, the lists the file does not give (or, for a partial catalogue, the
 * entries it does not list) come from the built-in catalogue of its year, as a budget
 * sees it; without, the file stands alone.
 */
export function catalogueFromJson(json: unknown, description: string, opts: ResolveOptions = { withBuiltin: false }): { catalogue?: Catalogue; problems: string[] } {
  const { file, problems } = parseCatalogueFile(json);
  if (!file) return { problems };
  return resolveCatalogue(file, description, opts);
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

registerCatalogueSchema(parseCatalogueFile);
