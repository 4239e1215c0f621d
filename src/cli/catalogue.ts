/**
 * Reading a catalogue file given on the command line: JSON in the documented format, a
 * CSV list (UTF-8 or GB18030) or a workbook (.xlsx), the last two imported on the fly
 * (catalogue/tabular.ts). Used by --catalogue, which overrides any catalogue a budget
 * names, and by the `catalogue` commands. Problems with the file are usage errors
 * (exit 2), told plainly; problems in a sheet are diagnostics at their cells. The file's
 * schema (zod) and the workbook reader (exceljs) are loaded only when needed.
 */
import { bi, type Diagnostic } from "../base/diagnostics.js";
import { sheetKey, type SourceText } from "../base/source.js";
import { catalogueOfData, type CatalogueData } from "../catalogue/named.js";
import { decodeCsv, parseCsv, type Sheet } from "../catalogue/sheet.js";
import { importSheets, type ImportOptions, type SheetSummary } from "../catalogue/tabular.js";
import type { Catalogue, CatalogueFileData } from "../catalogue/types.js";
import type { Io } from "./io.js";
import { diagnosticsText, type Lang, type Sources } from "./report.js";

/** A catalogue from the command line: the file, its data (for worker threads) and the catalogue. */
export interface CustomCatalogue {
  readonly path: string;
  readonly data: CatalogueData;
  readonly catalogue: Catalogue;
}

/** What reading one or more catalogue files gave. */
export interface CatalogueRead {
  /** The file data, when it could be read without errors. */
  readonly file?: CatalogueFileData;
  /** Import diagnostics (warnings only, when `file` is there). */
  readonly diagnostics: Diagnostic[];
  /** Problems that are not at a cell: the file cannot be read, invalid JSON or format. */
  readonly problems: string[];
  /** The texts diagnostics point into (CSV files, workbook sheets), for code frames. */
  readonly sources: Sources;
  readonly sheets: readonly SheetSummary[];
}

function kindOf(path: string): "json" | "csv" | "xlsx" | undefined {
  const ext = /\.([^./\\]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === "json" ? "json" : ext === "csv" || ext === "txt" ? "csv" : ext === "xlsx" || ext === "xlsm" ? "xlsx" : undefined;
}

/**
 * Reads catalogue files: one JSON file, or any number of CSV files and workbooks, whose
 * sheets are imported together into one catalogue.
 */
export async function readCatalogueFiles(io: Io, paths: readonly string[], opts: ImportOptions, lang: Lang): Promise<CatalogueRead> {
  const texts = new Map<string, SourceText>();
  const sources: Sources = { get: (p) => texts.get(p) };
  const fail = (problem: string): CatalogueRead => ({ diagnostics: [], problems: [problem], sources, sheets: [] });
  const zh = lang === "zh";
  if (paths.length === 1 && kindOf(paths[0]!) === "json") {
    const path = paths[0]!;
    const text = io.readFile(path);
    if (text === undefined) return fail(zh ? `无法读取分类目录文件 ${path}` : `cannot read the catalogue file ${path}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fail(zh ? `分类目录文件 ${path} 不是有效的 JSON：${(e as Error).message}` : `the catalogue file ${path} is not valid JSON: ${(e as Error).message}`);
    }
    const { parseCatalogueFile } = await import("../catalogue/file.js");
    const r = parseCatalogueFile(json);
    return { ...(r.file ? { file: r.file } : {}), diagnostics: [], problems: r.problems.map((p) => `${path}: ${p}`), sources, sheets: [] };
  }
  const sheets: Sheet[] = [];
  for (const path of paths) {
    const kind = kindOf(path);
    if (kind === "json") return fail(zh ? `JSON 目录文件 ${path} 只能单独给出` : `a JSON catalogue file (${path}) is given on its own`);
    if (kind === undefined) return fail(zh ? `不认识 ${path} 的类型：分类目录是 .json、.csv 或 .xlsx 文件` : `cannot tell what kind of file ${path} is: a catalogue is a .json, .csv or .xlsx file`);
    const bytes = io.readBytes(path);
    if (bytes === undefined) return fail(zh ? `无法读取 ${path}` : `cannot read ${path}`);
    if (kind === "csv") {
      const { text } = decodeCsv(bytes);
      const { sheet, unterminatedAt } = parseCsv(path, text);
      texts.set(path, { path, text });
      if (unterminatedAt !== undefined) return fail(zh ? `${path}：第 ${text.slice(0, unterminatedAt).split("\n").length} 行的引号没有闭合` : `${path}: the quote opened on line ${text.slice(0, unterminatedAt).split("\n").length} is never closed`);
      sheets.push(sheet);
    } else {
      const { readWorkbook } = await import("./xlsx.js");
      const wb = await readWorkbook(path, bytes);
      if ("error" in wb) return fail(zh ? `${path} 不是可读的 .xlsx 工作簿：${wb.error}（.xls 请另存为 .xlsx 或 CSV）` : `${path} is not a readable .xlsx workbook: ${wb.error} (save an .xls as .xlsx or CSV)`);
      for (const s of wb.sheets) {
        texts.set(sheetKey(path, s.name!), { path: sheetKey(path, s.name!), text: s.text });
        sheets.push(s);
      }
    }
  }
  const r = importSheets(sheets, opts);
  return { ...(r.file ? { file: r.file } : {}), diagnostics: r.diagnostics, problems: [], sources, sheets: r.sheets };
}

/** Prints what went wrong reading catalogue files; true when something did. */
export function reportRead(io: Io, r: CatalogueRead, lang: Lang, heading: string): boolean {
  if (r.diagnostics.length > 0) io.err(diagnosticsText(r.diagnostics, r.sources, lang, io.isTTY));
  if (r.problems.length > 0) io.err(`yusuan: ${heading}\n${r.problems.map((p) => `  - ${p}\n`).join("")}`);
  return !r.file;
}

/** The --catalogue option: the catalogue, filled in from the built-in one of its year. */
export async function loadCatalogueOption(io: Io, path: string | undefined, lang: Lang): Promise<CustomCatalogue | undefined | "usage"> {
  if (!path) return undefined;
  const heading = lang === "zh" ? `分类目录文件 ${path} 有误：` : `the catalogue file ${path} has problems:`;
  const r = await readCatalogueFiles(
    io,
    [path],
    { yearHint: bi("在表格第一行写标题如“2025年政府收支分类科目”，或在文件名中写年度如“科目2025.csv”", "give a title row like 2025年政府收支分类科目, or the year in the file name, like 科目2025.csv") },
    lang,
  );
  if (reportRead(io, r, lang, heading)) return "usage";
  const data: CatalogueData = { file: r.file!, description: path, complete: false };
  const built = catalogueOfData(data);
  if (!built.catalogue) {
    io.err(`yusuan: ${heading}\n${built.problems.map((p) => `  - ${p}\n`).join("")}`);
    return "usage";
  }
  return { path, data, catalogue: built.catalogue };
}
