/**
 * Importing a catalogue from the tables a budget office has: CSV files and workbook
 * sheets (sheet.ts), in the layouts these lists come in:
 *
 * - flat: a code column and a name column (编码, 名称), one subject a row; a code may be
 *   written in its segments, `201 05 07`;
 * - tree: the same columns with the names indented by level, as the 财政部 book prints
 *   them; a row's code may then be its own segment only (`05` under 201);
 * - columns: 类, 款 and 项 in columns of their own (as Shanghai's tables print them), a
 *   blank 类 or 款 cell taking the one above;
 * - mapping: a 部门 economic code column and a 政府 one, with a column of the kinds of unit
 *   a row is for (行政单位、参公事业单位) or one 政府 column per kind of unit.
 *
 * The layout is read from the header row (编码/代码, 名称, 类/款/项, 部门…/政府…, 单位类型,
 * the kinds of unit) or, without one, from the cells. Which list a subject belongs to
 * follows from its code: 2xx the 支出功能分类, 3xx the 部门 economic classification, 5xx the
 * 政府 one. The structure is checked (every 项 under its 款 and every 款 under its 类 in
 * the same import, code lengths, one name per code, names unique under a parent) and each
 * problem is reported at its cell. The result is catalogue file data (docs/catalogue.md).
 * Pure: the sheets are read by the caller.
 */
import { bi, hasErrors, type Diagnostic, type Related } from "../base/diagnostics.js";
import type { Span } from "../base/source.js";
import { CATALOGUE_CODES as C } from "./codes.js";
import { cellSpan, sheetSpan, type Sheet, type SheetCell } from "./sheet.js";
import type { CatalogueFileData, EconomicEntryData, FunctionalEntryData, LeiEntryData, MappingEntryData, SubjectList, UnitKindKey } from "./types.js";
import { builtinFile, builtinYearFor, fillIn, UNIT_KINDS } from "./catalogue.js";

export type Layout = "flat" | "tree" | "columns" | "mapping";

export interface ImportOptions {
  /** The year, when stated outside the sheets (--year; 年度 in a budget's 分类目录 block). */
  readonly year?: number;
  /** The year to take when no other is stated (a budget's own, for a catalogue it names). */
  readonly fallbackYear?: number;
  readonly complete?: boolean;
  readonly title?: string;
  /** How to state the year where the sheets do not (the command-line option, if any). */
  readonly yearHint?: { readonly zh: string; readonly en: string };
}

/** What was read from one sheet. */
export interface SheetSummary {
  readonly file: string;
  readonly sheet?: string;
  /** Undefined for a sheet without codes (a sheet of notes), which is skipped. */
  readonly layout?: Layout;
  readonly functional: number;
  readonly department: number;
  readonly government: number;
  readonly mapping: number;
}

export interface ImportResult {
  /** The catalogue file data; undefined when an error was found. */
  readonly file?: CatalogueFileData;
  readonly diagnostics: Diagnostic[];
  readonly sheets: readonly SheetSummary[];
}

// ---------------------------------------------------------------------------------------
// Reading rows.
// ---------------------------------------------------------------------------------------

/** One subject read from a row, with where its code and name stand. */
interface Row {
  readonly list: SubjectList;
  readonly code: string;
  readonly name: string;
  readonly codeAt: Span;
  readonly nameAt: Span;
}

interface MappingRow {
  readonly dept: string;
  readonly gov: string;
  readonly kinds: UnitKindKey[];
  readonly deptAt: Span;
  readonly govAt: Span;
  readonly kindAt: Span;
}

interface Roles {
  code?: number;
  name?: number;
  lei?: number;
  kuan?: number;
  xiang?: number;
  dept?: number;
  gov?: number;
  kind?: number;
  /** One 政府 code column per kind of unit. */
  kindColumns: Map<number, UnitKindKey[]>;
}

const SPACE = /[\s\u3000]+/g;
const CODE_LIKE = /^\d{3}(?:[\s\u3000]*\d{2}){0,2}$|^\d{2}$/;

function kindsOf(text: string): UnitKindKey[] | undefined {
  const out: UnitKindKey[] = [];
  for (const part of text.split(/[、,，/;；\s]+/).filter(Boolean)) {
    const k = part === "参公单位" || part === "参公" || part === "参照公务员法管理事业单位" ? "参公事业单位" : part === "行政" ? "行政单位" : part === "事业" ? "事业单位" : part;
    if (!(UNIT_KINDS as readonly string[]).includes(k)) return undefined;
    if (!out.includes(k as UnitKindKey)) out.push(k as UnitKindKey);
  }
  return out.length > 0 ? out : undefined;
}

/** The roles of a header row's cells; undefined when it is no header. */
function headerRoles(cells: readonly (SheetCell | undefined)[]): Roles | undefined {
  const roles: Roles = { kindColumns: new Map() };
  let found = 0;
  cells.forEach((c, i) => {
    if (!c) return;
    const t = c.value.replace(SPACE, "");
    const lower = t.toLowerCase();
    const kinds = kindsOf(t);
    if (t === "类" || t === "类级") roles.lei ??= i;
    else if (t === "款" || t === "款级") roles.kuan ??= i;
    else if (t === "项" || t === "项级") roles.xiang ??= i;
    else if (/编码|代码/.test(t) || lower === "code") {
      if (t.includes("政府")) roles.gov ??= i;
      else if (t.includes("部门")) roles.dept ??= i;
      else roles.code ??= i;
    } else if (/名称/.test(t) || lower === "name") {
      // The names beside a mapping's codes are not the list's names.
      if (!t.includes("政府") && !t.includes("部门")) roles.name ??= i;
    } else if (/单位类型|单位性质|适用单位|单位类别/.test(t) || lower === "kind" || lower === "kinds") roles.kind ??= i;
    else if (kinds) roles.kindColumns.set(i, kinds);
    else return;
    found++;
  });
  return found > 0 ? roles : undefined;
}

function mergeRoles(a: Roles, b: Roles): Roles {
  const out: Roles = { ...a, kindColumns: new Map([...a.kindColumns, ...b.kindColumns]) };
  for (const k of ["code", "name", "lei", "kuan", "xiang", "dept", "gov", "kind"] as const) if (out[k] === undefined && b[k] !== undefined) out[k] = b[k];
  return out;
}

function isCodeLike(c: SheetCell | undefined): boolean {
  return c !== undefined && CODE_LIKE.test(c.value);
}

function nonEmpty(row: readonly (SheetCell | undefined)[]): SheetCell[] {
  return row.filter((c): c is SheetCell => c !== undefined);
}

/** A year stated in a title row or a file name: 2025年…, 科目2025.csv. */
function yearIn(text: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:年|[^\d]|$)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** A code cell's digits: `201 05 07` → 2010507; undefined when it is not a code. */
function digitsOf(value: string): string | undefined {
  if (/^\d+$/.test(value)) return value;
  const parts = value.split(SPACE).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => /^\d+$/.test(p)) && parts[0]!.length === 3 && parts.slice(1).every((p) => p.length === 2)) return parts.join("");
  return undefined;
}

function listOf(code: string): SubjectList | undefined {
  return code.startsWith("2") ? "functional" : code.startsWith("3") ? "department" : code.startsWith("5") ? "government" : undefined;
}

const LIST_ZH: Record<SubjectList, string> = { functional: "支出功能分类", department: "部门预算支出经济分类", government: "政府预算支出经济分类" };
const LIST_EN: Record<SubjectList, string> = { functional: "functional classification", department: "部门 economic classification", government: "政府 economic classification" };

function levelOf(list: SubjectList, code: string): string | undefined {
  if (list === "functional") return code.length === 3 ? "类" : code.length === 5 ? "款" : code.length === 7 ? "项" : undefined;
  return code.length === 3 ? "类" : code.length === 5 ? "款" : undefined;
}

/** Reads the subjects and mapping rules of one sheet. */
class SheetReader {
  readonly rows: Row[] = [];
  readonly mapping: MappingRow[] = [];
  readonly titles: string[] = [];
  layout: Layout | undefined;

  constructor(
    private readonly sheet: Sheet,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private at(row: number, col: number): Span {
    return cellSpan(this.sheet, row, col);
  }

  read(): void {
    const rows = this.sheet.rows;
    // Titles and header rows come first; the data starts at the first row with a code.
    let roles: Roles | undefined;
    let start = rows.length;
    let headerRow = -1;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!;
      const filled = nonEmpty(cells);
      if (filled.length === 0) continue;
      const h = headerRoles(cells);
      if (h && !cells.some(isCodeLike)) {
        roles = roles ? mergeRoles(roles, h) : h;
        headerRow = r;
        continue;
      }
      if (filled.length === 1 && !isCodeLike(filled[0]) && roles === undefined) {
        this.titles.push(filled[0]!.value);
        continue;
      }
      start = r;
      break;
    }
    if (start === rows.length && roles === undefined) return; // no codes at all: a sheet of notes
    roles ??= this.guessRoles(rows[start] ?? []);
    if (!roles) {
      this.diagnostics.push(
        C.diag("catalogue-layout", this.at(start, 0), bi("看不出这张表的编码列和名称列", "cannot tell this sheet's code column and name column"), {
          hint: bi("第一行写表头，如“编码,名称”或“类,款,项,名称”，或把编码写在第一列、名称写在第二列", "give a header row, like 编码,名称 or 类,款,项,名称, or put the codes in the first column and the names in the second"),
        }),
      );
      return;
    }
    const r0 = headerRow >= 0 ? headerRow : start;
    if ((roles.dept !== undefined || roles.code !== undefined) && (roles.gov !== undefined || roles.kindColumns.size > 0)) {
      this.layout = "mapping";
      this.readMapping(roles, start);
      return;
    }
    if (roles.lei !== undefined && roles.kuan !== undefined) {
      if (roles.name === undefined) return this.missing(r0, roles.xiang ?? roles.kuan, "名称", "name");
      this.layout = "columns";
      this.readColumns(roles, start);
      return;
    }
    if (roles.code === undefined) return this.missing(r0, 0, "编码", "code");
    if (roles.name === undefined) return this.missing(r0, roles.code + 1, "名称", "name");
    const tree = rows.slice(start).some((cells) => {
      const code = cells[roles!.code!];
      const name = cells[roles!.name!];
      return (code !== undefined && /^\d{2}$/.test(code.value)) || (name !== undefined && name.indent > 0);
    });
    this.layout = tree ? "tree" : "flat";
    this.readCodeName(roles.code, roles.name, start, tree);
  }

  private missing(row: number, col: number, zh: string, en: string): void {
    this.diagnostics.push(
      C.diag("catalogue-layout", this.at(row, Math.max(0, col)), bi(`表头中没有${zh}列`, `the header has no ${en} column`), {
        hint: bi(`加一列，表头写“${zh}”`, `add a column headed ${zh}`),
      }),
    );
  }

  /** Without a header: the codes in the first column and the names in the next, or 类/款/项 columns. */
  private guessRoles(first: readonly (SheetCell | undefined)[]): Roles | undefined {
    const text = (i: number) => first[i] !== undefined && !isCodeLike(first[i]);
    if (isCodeLike(first[0]) && text(1)) return { code: 0, name: 1, kindColumns: new Map() };
    if (isCodeLike(first[0]) && /^\d{3}$/.test(first[0]!.value)) {
      // 类, 款, 项 columns: the name is the first text cell after them.
      const nameAt = first.findIndex((c, i) => i > 0 && c !== undefined && !isCodeLike(c));
      if (nameAt === 3) return { lei: 0, kuan: 1, xiang: 2, name: 3, kindColumns: new Map() };
      if (nameAt === 2) return { lei: 0, kuan: 1, name: 2, kindColumns: new Map() };
    }
    return undefined;
  }

  /** A code column and a name column: flat, or a tree by indentation. */
  private readCodeName(codeCol: number, nameCol: number, start: number, tree: boolean): void {
    // For a tree: the rows above that may be parents, by their indentation.
    const stack: { indent: number; code: string }[] = [];
    for (let r = start; r < this.sheet.rows.length; r++) {
      const cells = this.sheet.rows[r]!;
      const codeCell = cells[codeCol];
      const nameCell = cells[nameCol];
      if (this.skipped(cells, codeCell, nameCell)) continue;
      if (!this.complete(r, codeCol, nameCol, codeCell, nameCell)) continue;
      let code = digitsOf(codeCell!.value);
      if (code === undefined) {
        this.badShape(r, codeCol, codeCell!.value, bi("编码应为数字，如 2070109 或 207 01 09", "a code is digits, like 2070109 or 207 01 09"));
        continue;
      }
      if (codeCell!.numeric && code.length === 1) code = `0${code}`;
      if (tree) {
        const indent = nameCell!.indent || codeCell!.indent;
        while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
        const parent = stack[stack.length - 1];
        if (code.length === 2) {
          if (!parent) {
            this.badShape(r, codeCol, code, bi(`两位编码 ${code} 之上没有缩进更少的上级行`, `the two-digit code ${code} has no less indented row above it to belong to`));
            continue;
          }
          code = parent.code + code;
        } else if (parent && code.slice(0, -2) !== parent.code) {
          this.badShape(
            r,
            codeCol,
            code,
            bi(`${code} 缩进在 ${parent.code} 之下，但按编码它的上级是 ${code.slice(0, -2) || "（无）"}`, `${code} is indented under ${parent.code}, but by its code its parent is ${code.slice(0, -2) || "(none)"}`),
          );
          continue;
        }
        stack.push({ indent, code });
      }
      this.subject(code, nameCell!.value, this.at(r, codeCol), this.at(r, nameCol));
    }
  }

  /** 类, 款 and 项 in columns of their own; a blank 类 or 款 takes the one above. */
  private readColumns(roles: Roles, start: number): void {
    let lei: string | undefined;
    let kuan: string | undefined;
    const seg = (c: SheetCell | undefined, len: number, prefix: string): string | undefined => {
      if (!c) return undefined;
      let v = c.value.replace(SPACE, "");
      if (c.numeric && v.length < len && /^\d+$/.test(v)) v = v.padStart(len, "0");
      // A column may also hold the whole code so far (20105 in the 款 column under 201).
      if (v.length === prefix.length + len && v.startsWith(prefix)) v = v.slice(prefix.length);
      return v;
    };
    for (let r = start; r < this.sheet.rows.length; r++) {
      const cells = this.sheet.rows[r]!;
      const L = cells[roles.lei!];
      const K = cells[roles.kuan!];
      const X = roles.xiang !== undefined ? cells[roles.xiang] : undefined;
      const nameCell = cells[roles.name!];
      const firstCode = L ?? K ?? X;
      if (this.skipped(cells, firstCode, nameCell)) continue;
      const codeCol = L ? roles.lei! : K ? roles.kuan! : roles.xiang ?? roles.kuan!;
      if (!this.complete(r, codeCol, roles.name!, firstCode, nameCell)) continue;
      const l = L ? seg(L, 3, "") : lei;
      if (l === undefined || !/^\d{3}$/.test(l)) {
        this.badShape(r, roles.lei!, L?.value ?? "", bi("类编码应为3位数字（空白则沿用上一行的类）", "a 类 code is 3 digits (a blank one takes the 类 above)"));
        continue;
      }
      if (L) {
        lei = l;
        kuan = undefined;
      }
      let k = K ? seg(K, 2, l) : X ? kuan : undefined;
      if (K) kuan = k;
      if (k !== undefined && !/^\d{2}$/.test(k)) {
        this.badShape(r, roles.kuan!, K?.value ?? "", bi("款编码应为2位数字，如 05", "a 款 code is 2 digits, like 05"));
        continue;
      }
      if (X && k === undefined) {
        this.badShape(r, roles.kuan!, "", bi("项之上没有款：款列为空，上面也没有款", "the 项 has no 款: the 款 cell is blank and no 款 is above"));
        continue;
      }
      const x = X ? seg(X, 2, l + (k ?? "")) : undefined;
      if (x !== undefined && !/^\d{2}$/.test(x)) {
        this.badShape(r, roles.xiang!, X!.value, bi("项编码应为2位数字，如 07", "a 项 code is 2 digits, like 07"));
        continue;
      }
      k ??= "";
      const code = l + k + (x ?? "");
      this.subject(code, nameCell!.value, this.at(r, X ? roles.xiang! : K ? roles.kuan! : roles.lei!), this.at(r, roles.name!));
    }
  }

  /** 部门 → 政府 rules: a kind column, or one 政府 column per kind of unit. */
  private readMapping(roles: Roles, start: number): void {
    const deptCol = roles.dept ?? roles.code!;
    for (let r = start; r < this.sheet.rows.length; r++) {
      const cells = this.sheet.rows[r]!;
      const d = cells[deptCol];
      if (nonEmpty(cells).length === 0 || (d !== undefined && !isCodeLike(d) && nonEmpty(cells).length === 1)) continue;
      if (!d) {
        this.diagnostics.push(C.diag("catalogue-row-incomplete", this.at(r, deptCol), bi("这一行没有部门经济科目编码", "this row has no 部门 economic code"), { hint: bi("补上编码，或删去这一行", "fill in the code, or delete the row") }));
        continue;
      }
      const dept = digitsOf(d.value);
      if (dept === undefined || !/^3\d{2}(\d{2})?$/.test(dept)) {
        this.badShape(r, deptCol, d.value, bi("部门经济科目编码是以3开头的3位（类）或5位（款）数字，如 30201", "a 部门 economic code is 3 (类) or 5 (款) digits starting with 3, like 30201"));
        continue;
      }
      const targets: { col: number; kinds: UnitKindKey[]; kindAt: Span }[] = [];
      if (roles.gov !== undefined) {
        let kinds: UnitKindKey[] = [...UNIT_KINDS];
        let kindAt = this.at(r, roles.gov);
        if (roles.kind !== undefined) {
          const k = cells[roles.kind];
          kindAt = this.at(r, roles.kind);
          if (k) {
            const parsed = kindsOf(k.value);
            if (!parsed) {
              this.diagnostics.push(
                C.diag("catalogue-mapping", kindAt, bi(`不认识的单位类型“${k.value}”`, `unknown kind of unit ${k.value}`), {
                  hint: bi("写 行政单位、参公事业单位、事业单位 中的一个或几个，用顿号分开；空白表示三者都适用", "write one or more of 行政单位, 参公事业单位, 事业单位, separated by 、; blank means all three"),
                }),
              );
              continue;
            }
            kinds = parsed;
          }
        }
        targets.push({ col: roles.gov, kinds, kindAt });
      }
      for (const [col, kinds] of roles.kindColumns) targets.push({ col, kinds, kindAt: this.at(r, col) });
      for (const t of targets) {
        const g = cells[t.col];
        if (!g) continue;
        const gov = digitsOf(g.value);
        if (gov === undefined || !/^5\d{4}$/.test(gov)) {
          this.badShape(r, t.col, g.value, bi("政府经济科目编码是以5开头的5位数字，如 50201", "a 政府 economic code is 5 digits starting with 5, like 50201"));
          continue;
        }
        this.mapping.push({ dept, gov, kinds: t.kinds, deptAt: this.at(r, deptCol), govAt: this.at(r, t.col), kindAt: t.kindAt });
      }
    }
  }

  /** A note below or beside the list (注：…), or a blank row. */
  private skipped(cells: readonly (SheetCell | undefined)[], code: SheetCell | undefined, name: SheetCell | undefined): boolean {
    const filled = nonEmpty(cells);
    if (filled.length === 0) return true;
    if (code === undefined && name === undefined) return true;
    return filled.length === 1 && !isCodeLike(filled[0]) && filled[0] !== name;
  }

  /** Both a code and a name, else a diagnostic. */
  private complete(r: number, codeCol: number, nameCol: number, code: SheetCell | undefined, name: SheetCell | undefined): boolean {
    if (code && name) return true;
    const [col, zh, en] = code ? [nameCol, `编码 ${code.value} 没有名称`, `the code ${code.value} has no name`] : [codeCol, `“${name!.value}”没有编码`, `${name!.value} has no code`];
    this.diagnostics.push(C.diag("catalogue-row-incomplete", this.at(r, col), bi(zh, en), { hint: bi("每一行写一个科目：编码和名称都要有", "each row is one subject, with its code and its name") }));
    return false;
  }

  private badShape(r: number, col: number, value: string, why: { zh: string; en: string }): void {
    this.diagnostics.push(C.diag("catalogue-code-shape", this.at(r, col), bi(`编码 ${value || "（空）"} 不对：${why.zh}`, `the code ${value || "(blank)"} is wrong: ${why.en}`), { hint: why }));
  }

  private subject(code: string, name: string, codeAt: Span, nameAt: Span): void {
    const list = listOf(code);
    const level = list ? levelOf(list, code) : undefined;
    if (!list || !level) {
      const why = !list
        ? bi("支出功能分类编码以2开头，部门经济分类以3开头，政府经济分类以5开头", "functional codes start with 2, 部门 economic codes with 3, 政府 economic codes with 5")
        : list === "functional"
          ? bi("功能分类编码是3位（类）、5位（款）或7位（项）", "a functional code has 3 (类), 5 (款) or 7 (项) digits")
          : bi("经济分类编码是3位（类）或5位（款）", "an economic code has 3 (类) or 5 (款) digits");
      this.diagnostics.push(C.diag("catalogue-code-shape", codeAt, bi(`编码 ${code} 不对：${why.zh}`, `the code ${code} is wrong: ${why.en}`), { hint: why }));
      return;
    }
    this.rows.push({ list, code, name, codeAt, nameAt });
  }
}

// ---------------------------------------------------------------------------------------
// Checking the structure and assembling the file.
// ---------------------------------------------------------------------------------------

function normalName(s: string): string {
  return s.replace(SPACE, "").replace(/（/g, "(").replace(/）/g, ")");
}

/** Imports the subjects and rules of every sheet into one catalogue file. */
export function importSheets(sheets: readonly Sheet[], opts: ImportOptions = {}): ImportResult {
  const diagnostics: Diagnostic[] = [];
  const readers = sheets.map((s) => {
    const r = new SheetReader(s, diagnostics);
    r.read();
    return r;
  });
  const summaries: SheetSummary[] = readers.map((r, i) => {
    const s = sheets[i]!;
    const count = (l: SubjectList) => r.rows.filter((x) => x.list === l).length;
    return {
      file: s.file,
      ...(s.name !== undefined ? { sheet: s.name } : {}),
      ...(r.layout ? { layout: r.layout } : {}),
      functional: count("functional"),
      department: count("department"),
      government: count("government"),
      mapping: r.mapping.length,
    };
  });

  // The year: stated, else in a title row, else in a file's name, else the fallback.
  const titles = readers.flatMap((r) => r.titles);
  const year = opts.year ?? titles.map(yearIn).find((y) => y !== undefined) ?? sheets.flatMap((s) => [s.name ?? "", s.file.split("/").pop() ?? ""]).map(yearIn).find((y) => y !== undefined) ?? opts.fallbackYear;
  if (year === undefined) {
    diagnostics.push(
      C.diag("catalogue-file", sheets[0] ? sheetSpan(sheets[0]) : { file: "", start: 0, end: 0 }, bi("不知道这份目录是哪一年的", "the catalogue's year is not stated"), {
        hint: opts.yearHint ?? bi("用 --year 指定年度，或在表格第一行写标题如“2025年政府收支分类科目”", "give the year with --year, or a title row like 2025年政府收支分类科目"),
      }),
    );
  }

  // One name per code; the first row of a code stands.
  const all = readers.flatMap((r) => r.rows);
  const byCode = new Map<string, Row>();
  const kept: Row[] = [];
  for (const row of all) {
    const first = byCode.get(`${row.list} ${row.code}`);
    if (!first) {
      byCode.set(`${row.list} ${row.code}`, row);
      kept.push(row);
      continue;
    }
    const related: Related[] = [{ span: first.codeAt, message: bi(`第一次列在这里：${first.name}`, `first listed here: ${first.name}`) }];
    if (first.name === row.name) {
      diagnostics.push(C.diag("catalogue-code-repeated", row.codeAt, bi(`编码 ${row.code} ${row.name} 重复列出`, `the code ${row.code} ${row.name} is listed twice`), { severity: "warning", related, hint: bi("删去重复的一行", "delete the repeated row") }));
    } else {
      diagnostics.push(
        C.diag("catalogue-code-repeated", row.nameAt, bi(`编码 ${row.code} 有两个名称：“${first.name}”和“${row.name}”`, `the code ${row.code} has two names: ${first.name} and ${row.name}`), {
          related,
          hint: bi("一个编码只能有一个名称：核对编码，或删去错误的一行", "a code has one name: check the codes, or delete the wrong row"),
          data: { code: row.code, first: first.name, second: row.name },
        }),
      );
    }
  }

  // Every 款 under a listed 类, every 项 under a listed 款 (in the same import).
  const base = year !== undefined ? builtinFile(builtinYearFor(year)) : undefined;
  const baseFull = base ? fillIn(base, undefined) : undefined;
  const baseName = (list: SubjectList, code: string): string | undefined => {
    if (!baseFull) return undefined;
    const l = list === "functional" ? [...baseFull.lei, ...baseFull.subjects] : list === "department" ? baseFull.department : baseFull.government;
    return l.find((e) => e.code === code)?.name;
  };
  for (const row of kept) {
    if (row.code.length === 3) continue;
    const parent = row.code.slice(0, -2);
    if (byCode.has(`${row.list} ${parent}`)) continue;
    const level = levelOf(row.list, row.code)!;
    const parentLevel = levelOf(row.list, parent)!;
    const known = baseName(row.list, parent);
    diagnostics.push(
      C.diag("catalogue-parent-missing", row.codeAt, bi(`${level} ${row.code} ${row.name} 的上级${parentLevel} ${parent} 没有列出`, `the parent ${parentLevel} ${parent} of the ${level} ${row.code} ${row.name} is not listed`), {
        hint: known
          ? bi(`加一行 ${parent} ${known}（内置目录中的名称），或核对编码`, `add a row ${parent} ${known} (its name in the built-in catalogue), or check the code`)
          : bi(`加一行写出${parentLevel} ${parent} 及其名称，或核对编码`, `add a row for the ${parentLevel} ${parent} with its name, or check the code`),
        data: { code: row.code, parent },
      }),
    );
  }

  // Names unique under one parent: 行政运行 repeats across 款, never within one.
  const byName = new Map<string, Row>();
  for (const row of kept) {
    const key = `${row.list} ${row.code.length} ${row.code.slice(0, -2)} ${normalName(row.name)}`;
    const first = byName.get(key);
    if (!first) {
      byName.set(key, row);
      continue;
    }
    const under = row.code.length === 3 ? bi("", "") : bi(`在 ${row.code.slice(0, -2)} 之下`, ` under ${row.code.slice(0, -2)}`);
    diagnostics.push(
      C.diag("catalogue-duplicate-name", row.nameAt, bi(`${under.zh}${under.zh ? "，" : ""}${row.code} 和 ${first.code} 同名“${row.name}”`, `${row.code} and ${first.code}${under.en} have the same name, ${row.name}`), {
        related: [{ span: first.nameAt, message: bi(`${first.code} ${first.name}`, `${first.code} ${first.name}`) }],
        hint: bi("同一上级下的科目名称不能相同：核对名称和编码", "subjects of one parent have different names: check the names and the codes"),
      }),
    );
  }

  // Mapping rules: known codes, one 政府 subject per kind of unit and code.
  const mappingRows = readers.flatMap((r) => r.mapping);
  const inList = (list: SubjectList, code: string) => byCode.has(`${list} ${code}`) || baseName(list, code) !== undefined;
  const ruleSeen = new Map<string, MappingRow>();
  const mapping: MappingEntryData[] = [];
  for (const m of mappingRows) {
    let ok = true;
    for (const [list, code, at] of [
      ["department", m.dept, m.deptAt],
      ["government", m.gov, m.govAt],
    ] as const) {
      if (inList(list, code)) continue;
      ok = false;
      diagnostics.push(
        C.diag("catalogue-mapping", at, bi(`${LIST_ZH[list]}中没有 ${code}`, `${code} is not in the ${LIST_EN[list]}`), {
          hint: bi("在导入的科目表中列出它，或核对编码", "list it in the imported subjects, or check the code"),
        }),
      );
    }
    for (const kind of m.kinds) {
      const prev = ruleSeen.get(`${kind} ${m.dept}`);
      if (!prev) {
        ruleSeen.set(`${kind} ${m.dept}`, m);
        continue;
      }
      if (prev.gov === m.gov) continue;
      ok = false;
      diagnostics.push(
        C.diag("catalogue-mapping", m.govAt, bi(`${kind}的 ${m.dept} 对应了两个政府经济科目：${prev.gov} 和 ${m.gov}`, `${m.dept} of a ${kind} maps to two 政府 subjects: ${prev.gov} and ${m.gov}`), {
          related: [{ span: prev.govAt, message: bi(`第一次对应到 ${prev.gov}`, `first mapped to ${prev.gov}`) }],
          hint: bi("每种单位类型下一个部门经济科目只对应一个政府经济科目", "for each kind of unit a 部门 subject maps to one 政府 subject"),
        }),
      );
    }
    if (ok && !mapping.some((x) => x.dept === m.dept && x.gov === m.gov && x.kinds.join() === m.kinds.join())) mapping.push({ kinds: m.kinds, dept: m.dept, gov: m.gov });
  }
  // Rules for the same code and 政府 subject are one rule for all their kinds.
  const merged: MappingEntryData[] = [];
  for (const m of mapping) {
    const same = merged.find((x) => x.dept === m.dept && x.gov === m.gov);
    if (same) for (const k of m.kinds) if (!same.kinds.includes(k)) same.kinds.push(k);
    if (!same) merged.push({ kinds: [...m.kinds], dept: m.dept, gov: m.gov });
  }
  for (const m of merged) m.kinds.sort((a, b) => UNIT_KINDS.indexOf(a) - UNIT_KINDS.indexOf(b));

  if (hasErrors(diagnostics) || year === undefined) return { diagnostics, sheets: summaries };

  const sorted = (list: SubjectList) => kept.filter((r) => r.list === list).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const functional = sorted("functional");
  const department = sorted("department");
  const government = sorted("government");
  const lei: LeiEntryData[] = functional.filter((r) => r.code.length === 3).map((r) => ({ code: r.code, name: r.name }));
  const subjects: FunctionalEntryData[] = functional.filter((r) => r.code.length > 3).map((r) => ({ code: r.code, name: r.name }));
  const economic = (rows: Row[]): EconomicEntryData[] => rows.map((r) => ({ code: r.code, name: r.name }));
  const title = opts.title ?? titles[0];
  const file: CatalogueFileData = {
    format: "yusuan-catalogue",
    formatVersion: 1,
    year,
    ...(title !== undefined ? { title } : {}),
    ...(opts.complete ? { complete: true } : {}),
    ...(functional.length > 0 ? { functional: { lei, subjects } } : {}),
    ...(department.length > 0 || government.length > 0
      ? { economic: { ...(department.length > 0 ? { department: economic(department) } : {}), ...(government.length > 0 ? { government: economic(government) } : {}) } }
      : {}),
    ...(merged.length > 0 ? { mapping: merged.sort((a, b) => (a.dept < b.dept ? -1 : a.dept > b.dept ? 1 : UNIT_KINDS.indexOf(a.kinds[0]!) - UNIT_KINDS.indexOf(b.kinds[0]!))) } : {}),
  };
  return { file, diagnostics, sheets: summaries };
}
