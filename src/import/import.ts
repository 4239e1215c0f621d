/**
 * `yusuan import`: a workbook of the publication's tables back to budget source. The
 * tables are found by the profile's titles and headers (recognise.ts), their amounts read
 * with what each sums (read.ts), the budget's facts solved from those amounts (solve.ts)
 * and written as source (source.ts). Then the source is checked and built with the same
 * profile, and every amount read is compared with the amount the built table prints in
 * the same row and column: each disagreement is an `import-mismatch` at its sheet and
 * cell. So an import either gives back exactly the tables it read, or says where not.
 *
 * Pure: the workbook arrives as bytes and the source leaves as text; the CLI reads and
 * writes the files.
 */
import { bi, hasErrors, type Diagnostic } from "../base/diagnostics.js";
import type { Fen } from "../base/money.js";
import type { Span } from "../base/source.js";
import { checkBudget } from "../check/check.js";
import type { Catalogue } from "../catalogue/types.js";
import { derive } from "../model/derive.js";
import { placeCells } from "../render/grid.js";
import { forYear, modelSpecOf, type LoadedProfile } from "../render/profile.js";
import type { ProfileSource } from "../model/spec.js";
import { publicationView } from "../render/render.js";
import type { TableView } from "../render/tables.js";
import { loadBudget } from "../syntax/load.js";
import { parse } from "../syntax/parse.js";
// An import parses what it writes: the full parser, as a build does.
import "../syntax/parser.js";
import { print } from "../syntax/printer.js";
import { IMPORT_CODES } from "./codes.js";
import { economicNames, leiNames, readTable, type Observation } from "./read.js";
import { DEPARTMENT_LINE, findTables, findYear, norm, type FoundTable } from "./recognise.js";
import { solve } from "./solve.js";
import { budgetSource } from "./source.js";
import { readWorkbook } from "./workbook.js";
import { exactDecimal } from "../render/csv.js";

export interface ImportInput {
  /** The workbook's bytes and its path (for messages). */
  readonly bytes: Uint8Array;
  readonly workbook: string;
  /** The path the source will be written to (for the checks' messages). */
  readonly out: string;
  readonly profile: LoadedProfile;
  /**
   * The profiles for checking what was written (its 公开格式 names `profile`): the facts a
   * format prints and the tables it derives. Without it, the source is checked as the
   * default format's.
   */
  readonly profiles?: ProfileSource;
  /** The classification catalogue for a year (the built-in one). */
  readonly catalogueFor: (year: number) => Catalogue | undefined;
}

export interface ImportResult {
  /** The budget source, when the import succeeded (warnings allowed). */
  readonly text?: string;
  readonly diagnostics: Diagnostic[];
  /** How many tables were found, and how many amounts read. */
  readonly tables: number;
  readonly amounts: number;
}

/** The place of a diagnostic about the whole workbook: no sheet, no cell. */
const WHOLE = { sheet: "", cell: "" };

/** A memory host with one file. */
const oneFile = (path: string, text: string) => ({ read: (p: string) => (p === path ? text : undefined) });

/** The profile's tables for a publication without data: their titles, headers and total rows. */
function probeTables(profile: LoadedProfile, year: number, catalogue: Catalogue): readonly TableView[] {
  const path = "probe.budget";
  const { budget } = loadBudget(path, oneFile(path, `部门 "探针" {\n  年度 ${year}\n}\n`));
  return publicationView(derive(budget, catalogue, { spec: modelSpecOf(profile) }), profile).tables;
}

/** The amount cells of a built table by row key (its labels, and which occurrence) and column. */
function builtCells(t: TableView, amountCols: ReadonlySet<number>): Map<string, { fen: Fen; label: string }> {
  const rows = new Map<number, ReturnType<typeof placeCells>[number][]>();
  for (const p of placeCells(t.grid)) if (!p.head) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
  const out = new Map<string, { fen: Fen; label: string }>();
  const seen = new Map<string, number>();
  for (const cells of [...rows.entries()].sort(([a], [b]) => a - b).map(([, c]) => c)) {
    const labels: string[] = new Array<string>(t.grid.cols).fill("");
    for (const p of cells) if (!amountCols.has(p.col)) labels[p.col] = norm(p.cell.text);
    const base = labels.filter((_, c) => !amountCols.has(c)).join("|");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    for (const p of cells) if (amountCols.has(p.col) && p.cell.fen !== undefined) out.set(`${base}#${n}@${p.col}`, { fen: p.cell.fen, label: base.replace(/\|+/g, " ").trim() });
  }
  return out;
}

export async function importWorkbook(input: ImportInput): Promise<ImportResult> {
  const at: Span = { file: input.workbook, start: 0, end: 0 };
  const fail = (d: Diagnostic): ImportResult => ({ diagnostics: [d], tables: 0, amounts: 0 });
  const read = await readWorkbook(input.bytes);
  if ("error" in read) {
    const why = read.error.split(" : ")[0]!;
    return fail(
      IMPORT_CODES.diag("import-unreadable", at, bi(`无法读取工作簿：${why}`, `the workbook cannot be read: ${why}`), {
        hint: bi("导入读取 Excel 2007 及以后的 .xlsx 文件；.xls 请先另存为 .xlsx", "import reads .xlsx files (Excel 2007 and later); save an .xls as .xlsx first"),
        data: WHOLE,
      }),
    );
  }
  const { sheets } = read;
  const profile = input.profile;
  const year = findYear(sheets, profile.tables);
  const catalogue = year !== undefined ? input.catalogueFor(year) : undefined;
  if (year === undefined || !catalogue) {
    return fail(
      IMPORT_CODES.diag(
        "import-table-missing",
        at,
        year === undefined
          ? bi(`工作簿中找不到 ${profile.name} 的任何一张表`, `the workbook holds none of the tables of ${profile.name}`)
          : bi(`没有 ${year} 年的分类目录，无法导入`, `there is no classification catalogue for ${year}`),
        {
          severity: "error",
          hint: bi(`表按标题识别，例如「${profile.tables[0]?.title.replace("{year}", "2024") ?? ""}」；用 --profile 选择表的格式`, `tables are found by their titles, e.g. “${profile.tables[0]?.title.replace("{year}", "2024") ?? ""}”; choose the table set with --profile`),
          data: { ...WHOLE, profile: profile.name },
        },
      ),
    );
  }
  // The format as it was that year (a title or a column may differ by year).
  const yearly = forYear(profile, year);
  const probes = probeTables(yearly, year, catalogue);
  const found = findTables(sheets, probes, yearly.tables);
  const diagnostics: Diagnostic[] = [];
  for (const p of probes) {
    if (found.some((f) => f.probe.id === p.id)) continue;
    diagnostics.push(
      IMPORT_CODES.diag("import-table-missing", at, bi(`工作簿中没有找到${p.ordinal}「${p.title}」`, `${p.ordinal} “${p.title}” is not in the workbook`), {
        hint: bi("它的金额就从其余的表推出；若表在工作簿中，请核对标题和表头是否与公开格式一致", "its amounts are derived from the other tables; if it is in the workbook, check that its title and header rows are as the format prints them"),
        data: { ...WHOLE, table: p.id },
      }),
    );
  }
  const deptName = departmentName(found);
  const economic = economicNames(catalogue);
  const lei = leiNames(catalogue);
  const observations: Observation[] = [];
  for (const f of found) {
    const r = readTable(f, economic, deptName, lei);
    observations.push(...r.observations);
    for (const u of r.unreadable) {
      const [sheet, cell] = splitAt(u.at);
      diagnostics.push(
        IMPORT_CODES.diag("import-unreadable", at, bi(`${u.at} 应是金额，却是「${u.text}」`, `${u.at} should hold an amount but holds “${u.text}”`), {
          hint: bi("金额写成数字，如 1088.47；空白表示零", "write amounts as numbers, like 1088.47; a blank cell is zero"),
          data: { sheet, cell },
        }),
      );
    }
  }
  // An amount that cannot be read leaves the tables incomplete: nothing more is inferred.
  if (hasErrors(diagnostics)) return { diagnostics, tables: found.length, amounts: observations.length };
  const draft = solve(observations, catalogue, deptName);
  const raw = budgetSource({ draft, year, department: deptName, workbook: input.workbook.split("/").pop() ?? input.workbook, profile: profile.name, unit: yearly.tables[0]?.unit ?? "万元" });
  const parsed = parse(input.out, raw);
  const text = parsed.diagnostics.length ? raw : print(parsed.file);

  // Build what was written, and compare every amount read with the table built.
  const checked = checkBudget(loadBudget(input.out, oneFile(input.out, text)), undefined, undefined, input.profiles ? { profiles: input.profiles } : {});
  diagnostics.push(...checked.diagnostics.filter((d) => d.severity === "error"));
  if (!hasErrors(checked.diagnostics)) {
    const built = new Map(publicationView(derive(checked.effective, checked.catalogue, { spec: modelSpecOf(yearly) }), yearly).tables.map((t) => [t.id, t] as const));
    for (const f of found) diagnostics.push(...compare(f, observations.filter((o) => o.table === f.probe.id), built.get(f.probe.id)!, input.workbook));
  }
  return { ...(hasErrors(diagnostics) ? {} : { text }), diagnostics, tables: found.length, amounts: observations.length };
}

function splitAt(at: string): [string, string] {
  const i = at.lastIndexOf("!");
  return [at.slice(0, i), at.slice(i + 1)];
}

/** The department's name: from a table's 部门名称 line, else from the project table's first row. */
function departmentName(found: readonly FoundTable[]): string {
  for (const f of found) {
    const m = f.nameLine ? DEPARTMENT_LINE.exec(f.nameLine) : null;
    if (m) return m[1]!.trim();
  }
  const projects = found.find((f) => f.probe.kind === "projects-current" || f.probe.kind === "projects-carryover");
  return projects?.body[0]?.cells[0]?.text.trim() ?? "";
}

/** The mismatches between the amounts read from one table and the table built from the import. */
function compare(f: FoundTable, observed: readonly Observation[], built: TableView, workbook: string): Diagnostic[] {
  const amountCols = new Set(observed.map((o) => o.col));
  for (const p of placeCells(f.probe.grid)) if (!p.head && p.cell.num && p.cell.fact) amountCols.add(p.col);
  const cells = builtCells(built, amountCols);
  const out: Diagnostic[] = [];
  const unit = built.unit;
  const show = (fen: Fen) => exactDecimal(fen, unit);
  const matched = new Set<string>();
  for (const o of observed) {
    const key = `${o.rowKey}@${o.col}`;
    matched.add(key);
    const b = cells.get(key);
    const want = b?.fen ?? 0;
    if (want === o.fen) continue;
    const [sheet, cell] = splitAt(o.at);
    const diff = show(Math.abs(want - o.fen));
    out.push(
      IMPORT_CODES.diag(
        "import-mismatch",
        { file: workbook, start: 0, end: 0 },
        b
          ? bi(`${o.at} 是 ${show(o.fen)}，导入的预算在这一格是 ${show(want)}（相差 ${diff}）`, `${o.at} reads ${show(o.fen)} but the imported budget gives ${show(want)} there (difference ${diff})`)
          : bi(`${o.at} 是 ${show(o.fen)}，导入的预算没有这一行`, `${o.at} reads ${show(o.fen)} but the imported budget has no such row`),
        {
          hint: bi(
            `工作簿中的表彼此不一致：核对${built.ordinal}这一格与其他表中同一笔金额，改正工作簿后再导入`,
            `the workbook's tables disagree with each other: check this cell of ${built.ordinal} against the same amount in the other tables, correct the workbook and import again`,
          ),
          data: { sheet, cell, read: show(o.fen), built: show(want) },
        },
      ),
    );
  }
  // Rows the built table has and the workbook does not.
  for (const [key, b] of cells) {
    if (matched.has(key) || b.fen === 0) continue;
    out.push(
      IMPORT_CODES.diag(
        "import-mismatch",
        { file: workbook, start: 0, end: 0 },
        bi(`${f.sheet.name}：导入的预算在${built.ordinal}「${b.label}」一行有 ${show(b.fen)}，工作簿中没有这一行`, `${f.sheet.name}: the imported budget has ${show(b.fen)} in the row “${b.label}” of ${built.ordinal}, which the workbook lacks`),
        {
          hint: bi("核对工作簿中这张表是否漏了行", "check whether the workbook's table lacks a row"),
          data: { sheet: f.sheet.name, cell: f.title.ref, built: show(b.fen) },
        },
      ),
    );
  }
  return out;
}
