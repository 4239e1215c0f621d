/**
 * A table as the importer reads it: rows of cells, each with its text, its indentation
 * and where it stands in a text that code frames can show. A CSV file is its own text;
 * a workbook sheet (read by the CLI) is rendered to a text of one line per row, cells
 * separated by " | ", so that a diagnostic about a cell has a frame like any other.
 *
 * Also here: decoding CSV bytes (UTF-8, else GB18030, the encoding Excel writes CSV in on
 * Chinese Windows) and parsing CSV (RFC 4180: quoted cells, doubled quotes, line breaks
 * in quotes; a comma, tab or semicolon separator, whichever the first line uses).
 */
import type { Span } from "../base/source.js";

export interface SheetCell {
  /** The text, without its leading indentation and trailing white space. */
  readonly value: string;
  /** Indentation: leading spaces (a full-width space counts two, a tab four), or a workbook cell's indent level × 2. */
  readonly indent: number;
  /** True when a workbook cell held a number rather than text (its leading zeros are lost). */
  readonly numeric?: boolean;
  /** Offsets of the cell in the sheet's text. */
  readonly start: number;
  readonly end: number;
}

export interface Sheet {
  /** The file, as the user named it. */
  readonly file: string;
  /** The sheet's name in a workbook; none for a CSV file. */
  readonly name?: string;
  /** The text the offsets point into: the CSV, or the rendering of the sheet. */
  readonly text: string;
  /** Rows, top to bottom; a missing cell is undefined. */
  readonly rows: readonly (readonly (SheetCell | undefined)[])[];
  /** Where every cell starts in the text, empty ones too, for a diagnostic about a blank cell. */
  readonly starts: readonly (readonly number[])[];
}

/** The span of a cell (0-based row and column), or of a whole row when the column is past its cells. */
export function cellSpan(sheet: Sheet, row: number, column: number): Span {
  const r = sheet.rows[row] ?? [];
  const c = r[column];
  const rowStarts = sheet.starts[row] ?? [];
  const start = c?.start ?? rowStarts[column] ?? rowStarts[rowStarts.length - 1] ?? r.find((x) => x !== undefined)?.start ?? 0;
  const end = c ? c.end : start;
  return { file: sheet.file, start, end, cell: { ...(sheet.name !== undefined ? { sheet: sheet.name } : {}), row: row + 1, column: column + 1 } };
}

/** The span of a whole sheet (its first cell), for a problem with its layout. */
export function sheetSpan(sheet: Sheet): Span {
  return cellSpan(sheet, 0, 0);
}

/** Indentation of raw cell text, and the text without it. */
function indentOf(raw: string): { indent: number; value: string } {
  let indent = 0;
  let i = 0;
  for (; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === " " || ch === "\u00a0") indent += 1;
    else if (ch === "\u3000") indent += 2;
    else if (ch === "\t") indent += 4;
    else break;
  }
  return { indent, value: raw.slice(i).trimEnd() };
}

/** A workbook sheet from its cells' texts, rendered to a text for code frames. */
export function sheetFromCells(file: string, name: string, rows: readonly (readonly ({ readonly text: string; readonly indent?: number; readonly numeric?: boolean } | undefined)[])[]): Sheet {
  const SEP = " | ";
  let text = "";
  const out: (SheetCell | undefined)[][] = [];
  const starts: number[][] = [];
  rows.forEach((row, ri) => {
    if (ri > 0) text += "\n";
    const cells: (SheetCell | undefined)[] = [];
    const at: number[] = [];
    starts.push(at);
    row.forEach((c, ci) => {
      if (ci > 0) text += SEP;
      const shown = (c?.text ?? "").replace(/\r?\n/g, " ");
      const { indent, value } = indentOf(shown);
      const start = text.length;
      at.push(start);
      text += shown;
      cells.push(c === undefined || value === "" ? undefined : { value, indent: indent + (c.indent ?? 0) * 2, ...(c.numeric ? { numeric: true } : {}), start: start + (shown.length - shown.trimStart().length), end: start + shown.trimEnd().length });
    });
    out.push(cells);
  });
  return { file, name, text, rows: out, starts };
}

// ---------------------------------------------------------------------------------------
// CSV.
// ---------------------------------------------------------------------------------------

/** Text of CSV bytes: UTF-8 (with or without a byte-order mark), else GB18030. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: "UTF-8" | "GB18030" } {
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "UTF-8" };
  } catch {
    // GB18030 decodes every byte sequence (it is a superset of GBK and GB2312).
    return { text: new TextDecoder("gb18030").decode(body), encoding: "GB18030" };
  }
}

/** Parses CSV text; an unterminated quoted cell is reported by its offset. */
export function parseCsv(file: string, source: string): { sheet: Sheet; unterminatedAt?: number } {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const firstLine = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  const counts: [string, number][] = [",", "\t", ";"].map((c) => [c, firstLine.split(c).length - 1]);
  const sep = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[1] > 0 ? counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0] : ",";
  const rows: (SheetCell | undefined)[][] = [];
  const starts: number[][] = [];
  let row: (SheetCell | undefined)[] = [];
  let at: number[] = [];
  let i = 0;
  let unterminatedAt: number | undefined;
  const push = (raw: string, start: number, end: number) => {
    at.push(start);
    const { indent, value } = indentOf(raw);
    if (value === "") row.push(undefined);
    else {
      // The span covers the text of the value, not its quotes or indentation.
      const lead = raw.length - raw.trimStart().length;
      row.push({ value, indent, start: start + lead, end: Math.min(end, start + lead + value.length) });
    }
  };
  while (i <= text.length) {
    if (i === text.length) {
      if (row.length > 0) {
        rows.push(row);
        starts.push(at);
      }
      break;
    }
    let ch = text[i];
    if (ch === '"') {
      // A quoted cell: "" stands for one quote; line breaks are part of the cell.
      const start = i + 1;
      let value = "";
      i++;
      let closed = false;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          closed = true;
          break;
        }
        value += text[i];
        i++;
      }
      if (!closed) {
        unterminatedAt ??= start - 1;
        push(value, start, text.length);
        rows.push(row);
        starts.push(at);
        break;
      }
      push(value, start, i);
      i++; // the closing quote
      // Anything up to the separator or the line's end is ignored, as spreadsheets do.
      while (i < text.length && text[i] !== sep && text[i] !== "\n" && text[i] !== "\r") i++;
    } else {
      const start = i;
      while (i < text.length && text[i] !== sep && text[i] !== "\n" && text[i] !== "\r") i++;
      push(text.slice(start, i), start, i);
    }
    ch = text[i];
    if (ch === sep) {
      i++;
      if (i === text.length || text[i] === "\n" || text[i] === "\r") {
        row.push(undefined);
        at.push(i);
      }
      continue;
    }
    if (ch === "\r") i++;
    if (text[i] === "\n") i++;
    rows.push(row);
    starts.push(at);
    row = [];
    at = [];
  }
  // Offsets were taken in the text without a byte-order mark; shift them to the source.
  const shift = text === source ? 0 : 1;
  const shifted = shift === 0 ? rows : rows.map((r) => r.map((c) => (c ? { ...c, start: c.start + shift, end: c.end + shift } : c)));
  const shiftedStarts = shift === 0 ? starts : starts.map((r) => r.map((x) => x + shift));
  return { sheet: { file, text: source, rows: shifted, starts: shiftedStarts }, ...(unterminatedAt !== undefined ? { unterminatedAt: unterminatedAt + shift } : {}) };
}
