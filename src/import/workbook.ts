/**
 * A workbook read for import: each sheet as a grid of cells, each cell with its address
 * ("C7") and its value as text, and as an exact amount where it holds a number. Read with
 * exceljs from the file's bytes (the CLI reads the file); a merged area's value is in its
 * first cell only, as the grids of the publication have it.
 *
 * Amounts: a workbook stores numbers as binary doubles. A cell's number is read through
 * its shortest decimal form (what every spreadsheet prints, "6389.17") and rounded
 * half-up to the 分, never added up as a double; text amounts ("1,088.47") are read as
 * written.
 */
import ExcelJS from "exceljs";
import { Dec, toFen, type Fen } from "../base/money.js";

export interface SheetCell {
  /** 1-based row and column. */
  readonly row: number;
  readonly col: number;
  /** The cell's address: "C7". */
  readonly ref: string;
  /** The value as text, trimmed ("" for none). */
  readonly text: string;
  /** The value when it is a number (or a formula's numeric result). */
  readonly number?: number;
}

export interface Sheet {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /** The cell at a 1-based row and column, or undefined when empty. */
  cell(row: number, col: number): SheetCell | undefined;
}

/** A column letter from a 1-based column: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function valueOf(v: ExcelJS.CellValue): { text: string; number?: number } {
  if (v === null || v === undefined) return { text: "" };
  if (typeof v === "number") return { text: String(v), number: v };
  if (typeof v === "string") return { text: v.trim() };
  if (typeof v === "boolean") return { text: String(v) };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === "object") {
    if ("richText" in v) return { text: v.richText.map((r) => r.text).join("").trim() };
    if ("result" in v) {
      const r = v.result;
      if (typeof r === "number") return { text: String(r), number: r };
      if (typeof r === "string") return { text: r.trim() };
      return { text: "" };
    }
    if ("text" in v && typeof v.text === "string") return { text: v.text.trim() };
  }
  return { text: "" };
}

/** Reads a workbook's sheets; an unreadable file is an error message, not an exception. */
export async function readWorkbook(bytes: Uint8Array): Promise<{ sheets: Sheet[] } | { error: string }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0] ?? "unreadable" };
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const cells = new Map<string, SheetCell>();
    let rowCount = 0;
    let colCount = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged area's value belongs to its first cell.
        if (cell.isMerged && cell.master !== cell) return;
        const { text, number } = valueOf(cell.value);
        if (text === "") return;
        cells.set(`${r},${c}`, { row: r, col: c, ref: `${columnLetter(c)}${r}`, text, ...(number !== undefined ? { number } : {}) });
        rowCount = Math.max(rowCount, r);
        colCount = Math.max(colCount, c);
      });
    });
    sheets.push({ name: ws.name, rowCount, colCount, cell: (r, c) => cells.get(`${r},${c}`) });
  });
  return { sheets };
}

/**
 * The amount a cell holds, in 分, for a table in `unit`: a number or a numeral (with
 * thousands separators); undefined for an empty cell; "not a number" for other text.
 */
export function cellAmount(cell: SheetCell | undefined, unit: "万元" | "元"): Fen | undefined | "not a number" {
  if (!cell || cell.text === "") return undefined;
  const places = unit === "万元" ? 6 : 2;
  const numeral = cell.number !== undefined ? new Dec(String(cell.number)).toFixed(places, Dec.ROUND_HALF_UP) : cell.text.replace(/\s/g, "");
  const r = toFen(numeral, unit);
  return r.ok ? r.fen : "not a number";
}
