/**
 * The catalogue a loaded budget is checked against, chosen in one place for every
 * command (check, build, diff, and whatever checks a budget next, through checkBudget):
 *
 *   1. a catalogue given on the command line (--catalogue), which overrides the rest;
 *   2. the catalogue file the budget's 部门 block names (分类目录 "PATH");
 *   3. the one its roll-up's 汇总 block names, for a department that names none;
 *   4. the built-in catalogue of the budget's year.
 *
 * A named file is JSON in the documented format, or a CSV list imported on the fly
 * (tabular.ts); a workbook is imported once with `yusuan catalogue import`, so that what
 * a budget names is text a reviewer can read in a diff. A file's lists are filled in from
 * the built-in catalogue of its year (catalogue.ts). A catalogue of another year than the
 * budget's is a warning. Reading the file is the loader's job (syntax/load.ts); this
 * module only reads its text.
 *
 * The JSON schema (zod, file.ts) is loaded only for a budget that names a JSON file:
 * before it is loaded, reading one raises ModuleNeeded, which `withParser` catches.
 */
import { bi, type Bilingual, type Diagnostic, type DiagnosticExtra } from "../base/diagnostics.js";
import { ModuleNeeded } from "../base/lazy.js";
import type { Span } from "../base/source.js";
import type { CatalogueRef } from "../syntax/ast.js";
import type { CatalogueSource, Loaded, LoadedRollup } from "../syntax/load.js";
import { builtinCatalogue, builtinYearFor, BUILTIN_CATALOGUE_YEARS, resolveCatalogue } from "./catalogue.js";
import { CATALOGUE_CODES } from "./codes.js";
import { parseCsv } from "./sheet.js";
import { importSheets } from "./tabular.js";
import type { Catalogue, CatalogueFileData } from "./types.js";

type SchemaReader = (json: unknown) => { file?: CatalogueFileData; problems: string[] };
let schemaReader: SchemaReader | undefined;

/** Called by file.ts when it is loaded. */
export function registerCatalogueSchema(fn: SchemaReader): void {
  schemaReader = fn;
}

/** Loads the catalogue file schema (idempotent). */
export async function loadCatalogueSchema(): Promise<void> {
  if (!schemaReader) await import("./file.js");
}

class CatalogueSchemaNeeded extends ModuleNeeded {
  constructor() {
    super("reading a catalogue JSON file needs its schema, which is not loaded", loadCatalogueSchema);
  }
}

/** A catalogue as data, for passing to other threads: they build the same catalogue from it. */
export interface CatalogueData {
  readonly file: CatalogueFileData;
  /** How messages name it: its path. */
  readonly description: string;
  /** 完整 是 in the budget that names it. */
  readonly complete: boolean;
}

/** The catalogue of catalogue data, filled in from the built-in one of its year. */
export function catalogueOfData(d: CatalogueData): { catalogue?: Catalogue; problems: string[] } {
  return resolveCatalogue(d.file, d.description, { withBuiltin: true, complete: d.complete });
}

export interface CatalogueChoice {
  /** From the command line: takes the place of any catalogue a budget names. */
  readonly override?: Catalogue;
  /** The catalogue a roll-up names, for its departments that name none. */
  readonly inherited?: Catalogue;
}

export interface ChosenCatalogue {
  readonly catalogue: Catalogue;
  /** True when no catalogue was given or named: the built-in one is used. */
  readonly builtin: boolean;
  readonly diagnostics: Diagnostic[];
}

/** The catalogue a loaded budget is checked against, and what there was to say about it. */
export function catalogueForBudget(loaded: Loaded, choice: CatalogueChoice = {}): ChosenCatalogue {
  const dept = loaded.budget.department;
  const year = dept?.year;
  const diagnostics: Diagnostic[] = [];
  let chosen: Catalogue | undefined = choice.override;
  if (!chosen && loaded.catalogueSource) {
    const r = readNamedCatalogue(loaded.catalogueSource, dept?.catalogue, year?.value);
    diagnostics.push(...r.diagnostics);
    chosen = r.data ? r.catalogue : undefined;
  }
  chosen ??= choice.inherited;
  if (chosen) {
    if (year && chosen.year !== year.value) {
      const at = !choice.override && loaded.catalogueSource ? loaded.catalogueSource.written.span : year.span;
      diagnostics.push(yearMismatch(at, chosen, year.value));
    }
    return { catalogue: chosen, builtin: false, diagnostics };
  }
  const builtinYear = builtinYearFor(year?.value ?? BUILTIN_CATALOGUE_YEARS[BUILTIN_CATALOGUE_YEARS.length - 1]!);
  const catalogue = builtinCatalogue(builtinYear)!;
  if (year && builtinYear !== year.value) {
    diagnostics.push(
      CATALOGUE_CODES_YEAR(year.span, bi(`没有 ${year.value} 年的内置分类目录，改用 ${catalogue.description}`, `there is no built-in catalogue for ${year.value}; using ${catalogue.description}`), {
        hint: bi("在「部门」块中用 分类目录 \"文件\" 指定本年度的分类目录", "name this year's catalogue file with 分类目录 \"FILE\" in the 部门 block"),
      }),
    );
  }
  return { catalogue, builtin: true, diagnostics };
}

const CATALOGUE_CODES_YEAR = (span: Span, message: Bilingual, extra: DiagnosticExtra): Diagnostic => CATALOGUE_CODES.diag("catalogue-year", span, message, extra);

function yearMismatch(at: Span, c: Catalogue, year: number): Diagnostic {
  return CATALOGUE_CODES_YEAR(at, bi(`分类目录（${c.description}）是 ${c.year} 年的，预算是 ${year} 年的`, `the catalogue (${c.description}) is for ${c.year}, the budget for ${year}`), {
    hint: bi(`指定 ${year} 年的分类目录；科目逐年调整，按别年的目录检查可能漏掉或误报`, `name the ${year} catalogue: subjects change every year, and another year's may miss or misreport codes`),
  });
}

export interface NamedCatalogue {
  readonly catalogue?: Catalogue;
  /** The catalogue as data (for threads), when it could be read. */
  readonly data?: CatalogueData;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads a catalogue file a budget or roll-up names: JSON in the documented format, or a
 * CSV list (imported as `yusuan catalogue import` would). `fallbackYear` is the year of
 * a CSV that states none (the budget's). Problems are diagnostics, at the path in the
 * budget or at the cell of the CSV.
 */
export function readNamedCatalogue(source: CatalogueSource, ref: CatalogueRef | undefined, fallbackYear: number | undefined): NamedCatalogue {
  const at = source.written.span;
  const path = source.path;
  const complete = ref?.complete?.value === true;
  const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  const fail = (zh: string, en: string, hint: { zh: string; en: string }, data?: Record<string, string>): NamedCatalogue => ({
    diagnostics: [CATALOGUE_CODES.diag("catalogue-file", at, bi(zh, en), { hint, ...(data ? { data } : {}) })],
  });
  let file: CatalogueFileData;
  const diagnostics: Diagnostic[] = [];
  if (ext === "json") {
    let json: unknown;
    try {
      json = JSON.parse(source.text);
    } catch (e) {
      const why = (e as Error).message;
      return fail(`分类目录文件 ${source.written.value} 不是有效的 JSON：${why}`, `the catalogue file ${source.written.value} is not valid JSON: ${why}`, bi("格式见 docs/catalogue.md", "the format is in docs/catalogue.md"));
    }
    if (!schemaReader) throw new CatalogueSchemaNeeded();
    const r = schemaReader(json);
    if (!r.file) return problemsOf(source, r.problems);
    file = r.file;
    if (ref?.year && ref.year.value !== file.year) {
      diagnostics.push(
        CATALOGUE_CODES_YEAR(ref.year.span, bi(`这里写的年度是 ${ref.year.value}，分类目录文件写的是 ${file.year}`, `the year written here is ${ref.year.value}, the catalogue file says ${file.year}`), {
          hint: bi("JSON 目录文件自己写明年度：删去这里的「年度」，或核对文件", "a JSON catalogue states its own year: remove 年度 here, or check the file"),
        }),
      );
    }
  } else if (ext === "csv" || ext === "txt") {
    const { sheet, unterminatedAt } = parseCsv(path, source.text);
    if (unterminatedAt !== undefined) {
      return {
        diagnostics: [
          CATALOGUE_CODES.diag("catalogue-file", { file: path, start: unterminatedAt, end: unterminatedAt + 1 }, bi("引号没有闭合：这一格一直读到了文件末尾", "an opening quote is never closed: the cell runs to the end of the file"), {
            hint: bi("补上引号，或去掉它", "close the quote, or remove it"),
          }),
        ],
      };
    }
    const year = ref?.year?.value;
    const r = importSheets([sheet], { ...(year !== undefined ? { year } : {}), ...(fallbackYear !== undefined ? { fallbackYear } : {}), complete });
    diagnostics.push(...r.diagnostics);
    if (!r.file) return { diagnostics };
    file = r.file;
  } else if (ext === "xlsx" || ext === "xls" || ext === "et") {
    const json = source.written.value.replace(/\.[^./]+$/, ".json");
    return fail(
      `分类目录 ${source.written.value} 是电子表格：预算中指定的目录须为 CSV 或 JSON`,
      `the catalogue ${source.written.value} is a workbook: a budget names a CSV or JSON catalogue`,
      bi(`先导入一次：yusuan catalogue import ${path} --out ${path.replace(/\.[^./]+$/, ".json")}，再写 分类目录 "${json}"`, `import it once: yusuan catalogue import ${path} --out ${path.replace(/\.[^./]+$/, ".json")}, then write 分类目录 "${json}"`),
    );
  } else {
    return fail(`不认识分类目录文件 ${source.written.value} 的类型`, `cannot tell what kind of file the catalogue ${source.written.value} is`, bi("分类目录是 .json 或 .csv 文件", "a catalogue is a .json or .csv file"));
  }
  const data: CatalogueData = { file, description: path, complete };
  const built = catalogueOfData(data);
  if (!built.catalogue) return { diagnostics: [...diagnostics, ...problemsOf(source, built.problems).diagnostics] };
  return { catalogue: built.catalogue, data, diagnostics };
}

/** Problems with a catalogue file's content, as one diagnostic at the path that names it. */
function problemsOf(source: CatalogueSource, problems: readonly string[]): NamedCatalogue {
  const shown = problems.slice(0, 5);
  const more = problems.length - shown.length;
  const list = shown.join("；") + (more > 0 ? `；另有 ${more} 处` : "");
  const listEn = shown.join("; ") + (more > 0 ? `; and ${more} more` : "");
  return {
    diagnostics: [
      CATALOGUE_CODES.diag("catalogue-file", source.written.span, bi(`分类目录文件 ${source.written.value} 有 ${problems.length} 处问题：${list}`, `the catalogue file ${source.written.value} has ${problems.length} problem(s): ${listEn}`), {
        hint: bi("格式见 docs/catalogue.md；改正后此目录才会被使用，在此之前使用内置目录", "the format is in docs/catalogue.md; the file is used once it is right, the built-in catalogue until then"),
        data: { problems: String(problems.length) },
      }),
    ],
  };
}

/** The catalogue a roll-up names for its departments, when it names one. */
export function catalogueForRollup(rollup: LoadedRollup): NamedCatalogue {
  const source = rollup.catalogueSource;
  if (!source) return { diagnostics: [] };
  return readNamedCatalogue(source, rollup.rollup.catalogue, rollup.rollup.year?.value);
}
