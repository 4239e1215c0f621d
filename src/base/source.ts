/**
 * Source text and positions. Every node and diagnostic stores byte offsets into a
 * source file's text; line and column are computed only when something is shown to a
 * person or written as JSON, through a line index that is built lazily once per file.
 */

/** A half-open range [start, end) of UTF-16 offsets in one file. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  /**
   * For a place in a table (a CSV file, or a sheet of a workbook): the cell, which is
   * what a person looks for there. The offsets are then into the CSV text, or into the
   * text of the sheet that `sheetKey` names (one line per row), for the code frame.
   */
  readonly cell?: Cell;
}

/** A cell of a table: 1-based row and column, and the sheet of a workbook. */
export interface Cell {
  readonly sheet?: string;
  readonly row: number;
  readonly column: number;
}

/** The spreadsheet name of a cell: column letters and row number, B7. */
export function cellRef(c: Cell): string {
  let n = c.column;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${c.row}`;
}

/** Where a span's text is found: its file, or for a sheet of a workbook, that sheet's text. */
export function sourceKey(span: Span): string {
  return span.cell?.sheet !== undefined ? sheetKey(span.file, span.cell.sheet) : span.file;
}

/** The key of a workbook sheet's text among the sources of a report. */
export function sheetKey(file: string, sheet: string): string {
  return `${file}#${sheet}`;
}

/** One loaded source file: its path as the user named it (relative to the cwd) and its text. */
export interface SourceText {
  readonly path: string;
  readonly text: string;
}

export interface LineCol {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in Unicode code points so that CJK text lines up. */
  readonly column: number;
}

const lineStartsCache = new WeakMap<SourceText, number[]>();

function lineStarts(src: SourceText): number[] {
  let starts = lineStartsCache.get(src);
  if (starts) return starts;
  starts = [0];
  const t = src.text;
  for (let i = t.indexOf("\n"); i !== -1; i = t.indexOf("\n", i + 1)) starts.push(i + 1);
  lineStartsCache.set(src, starts);
  return starts;
}

/** The 1-based line and column of an offset; offsets past the end clamp to the end. */
export function lineCol(src: SourceText, offset: number): LineCol {
  const starts = lineStarts(src);
  const off = Math.max(0, Math.min(offset, src.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= off) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = starts[lo]!;
  let column = 1;
  for (let i = lineStart; i < off; i++) {
    const c = src.text.charCodeAt(i);
    // A surrogate pair is one code point: count only its high half.
    if (c < 0xdc00 || c > 0xdfff) column++;
  }
  return { line: lo + 1, column };
}

/** The text of a 1-based line, without its line break. */
export function lineText(src: SourceText, line: number): string {
  const starts = lineStarts(src);
  const s = starts[line - 1];
  if (s === undefined) return "";
  const e = line < starts.length ? starts[line]! - 1 : src.text.length;
  return src.text.slice(s, e).replace(/\r$/, "");
}

export function lineCount(src: SourceText): number {
  return lineStarts(src).length;
}

/** Display width in a terminal: CJK and full-width characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

