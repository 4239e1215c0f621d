/**
 * The tables as an Excel workbook: one sheet per table of the profile, named as the
 * table, as a finance bureau files and passes tables around. Each sheet has the caption,
 * the title, the 部门名称 and 单位 line, the header rows with the printed merged cells,
 * and the body with amounts as numbers in the table's unit, formatted to the decimals the
 * table prints (#,##0.00, #,##0, or as many as each amount has), blank where the
 * publication prints blank. Columns are as wide as their text (a
 * Chinese character counts twice), headers wrap onto at most two lines, and each sheet
 * prints on A4, landscape when wide, fitted to the page width, its header rows repeated
 * on every page.
 *
 * It is written from the grids of the view model alone, so every profile's tables come
 * out without code of their own. The bytes are deterministic: the document dates are the
 * injected date, and the zip package is rewritten with fixed entry dates (zip.ts).
 */
import ExcelJS from "exceljs";
import { exactDecimal } from "./csv.js";
import { indentLevel, labelCells, placeCells, type GridView } from "./grid.js";
import { fixCoreDates, normaliseZip } from "./zip.js";
import { fullTitle, type TableView } from "./tables.js";

export interface XlsxOptions {
  /** The document's date (creation and modification): the budget year's 1 January. */
  readonly date: Date;
  /** The workbook's title property: the publication's title. */
  readonly title: string;
  /** The workbook's author property. */
  readonly author: string;
}

/**
 * The Excel number format of an amount as the table prints it: its decimals (#,##0.00,
 * #,##0), or with "trim" the decimals this amount has (25, 21.5, 21.56).
 */
function numberFormat(decimals: 0 | 2 | "trim", exact: string): string {
  // "trim" prints at most two decimals (render/data-tables.ts amountText), as here.
  const places = decimals === "trim" ? Math.min(2, exact.split(".")[1]?.replace(/0+$/, "").length ?? 0) : decimals;
  return places === 0 ? "#,##0" : `#,##0.${"0".repeat(places)}`;
}

/** The width of a text in Excel's column units: a wide (CJK) character counts two, any other one. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    // East Asian wide and fullwidth ranges: CJK, kana, hangul, fullwidth forms and punctuation.
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

/** Body rows a table may have and still be shrunk onto one printed page. */
const ONE_PAGE_ROWS = 45;

/** Widths are clamped: a long name wraps rather than widening its column past this. */
const MAX_WIDTH = 44;
const MIN_WIDTH = 6;
/** The widest a header may be on one line before it wraps onto two. */
const ONE_LINE_HEADER = 16;
/** Each indent level of a row label, in width units (Excel indents by about three). */
const INDENT = 3;

/** The width a header needs: one line when short, two lines when long. */
const headerNeed = (text: string) => {
  const w = textWidth(text);
  return w <= ONE_LINE_HEADER ? w + 2 : Math.ceil(w / 2) + 2;
};

/**
 * Column widths from the cells' texts: a body column fits its longest text with its
 * indent (up to MAX_WIDTH, beyond which the text wraps); a header fits on one line when
 * short and on two when long; a header over several columns widens them evenly when
 * they are too narrow together.
 */
export function columnWidths(g: GridView): number[] {
  const widths = new Array<number>(g.cols).fill(MIN_WIDTH);
  const placed = placeCells(g);
  const labels = labelCells(g);
  for (const p of placed) {
    if (p.colspan !== 1 || p.rowCls === "colno") continue;
    const indent = labels.has(p) ? indentLevel(p.rowCls) * INDENT : 0;
    const need = p.head ? headerNeed(p.cell.text) : Math.min(textWidth(p.cell.text) + 2 + indent, MAX_WIDTH);
    widths[p.col] = Math.max(widths[p.col]!, need);
  }
  for (const p of placed) {
    if (p.colspan === 1 || !p.head) continue;
    const need = headerNeed(p.cell.text);
    const have = widths.slice(p.col, p.col + p.colspan).reduce((a, b) => a + b, 0);
    if (have >= need) continue;
    const more = Math.ceil((need - have) / p.colspan);
    for (let c = p.col; c < p.col + p.colspan; c++) widths[c]! += more;
  }
  return widths;
}

/** The height of a row in points: enough lines for its most wrapped cell (10 pt text). */
export function rowHeights(g: GridView, widths: readonly number[]): number[] {
  const lines = new Array<number>(g.head.length + g.body.length).fill(1);
  const labels = labelCells(g);
  for (const p of placeCells(g)) {
    if (p.rowspan !== 1 || p.cell.text === "") continue;
    const width = widths.slice(p.col, p.col + p.colspan).reduce((a, b) => a + b, 0) - 1 - (labels.has(p) ? indentLevel(p.rowCls) * INDENT : 0);
    const n = p.cell.text.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / Math.max(1, width))), 0);
    lines[p.row] = Math.max(lines[p.row]!, n);
  }
  return lines.map((n) => n * 13.5 + 3);
}

/** A sheet name: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(t: TableView, used: Set<string>): string {
  const clean = (s: string) => s.replace(/[[\]:*?/\\]/g, "_").slice(0, 31).trim();
  let name = clean(fullTitle(t));
  if (used.has(name)) name = clean(t.ordinal);
  for (let i = 2; used.has(name); i++) name = clean(`${t.ordinal || t.id} (${i})`);
  used.add(name);
  return name;
}

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = "宋体";
const HEAD_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFEDF1F6" } };

/** Writes one table onto its sheet; returns nothing, the sheet is the workbook's. */
function writeSheet(ws: ExcelJS.Worksheet, t: TableView): void {
  const g = t.grid;
  const widths = columnWidths(g);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const last = g.cols;
  let r = 1;
  if (t.caption) {
    ws.getCell(r, 1).value = t.caption;
    ws.getCell(r, 1).font = { name: FONT, size: 10 };
    r++;
  }
  ws.mergeCells(r, 1, r, last);
  const title = ws.getCell(r, 1);
  title.value = fullTitle(t);
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(r).height = 28;
  r++;
  // The name on the left, the unit on the right over as many last columns as it needs.
  let unitFrom = last;
  while (unitFrom > 2 && widths.slice(unitFrom - 1).reduce((a, b) => a + b, 0) < textWidth(t.unitLine) + 2) unitFrom--;
  if (last >= 2) {
    if (unitFrom > 2) ws.mergeCells(r, 1, r, unitFrom - 1);
    if (unitFrom < last) ws.mergeCells(r, unitFrom, r, last);
    ws.getCell(r, 1).value = t.nameLine;
    ws.getCell(r, unitFrom).value = t.unitLine;
    ws.getCell(r, unitFrom).alignment = { horizontal: "right" };
  } else ws.getCell(r, 1).value = `${t.nameLine}　${t.unitLine}`;
  ws.getCell(r, 1).font = { name: FONT, size: 10 };
  ws.getCell(r, unitFrom).font = { name: FONT, size: 10 };
  r++;
  const top = r;
  const headRows = g.head.length;
  const labels = labelCells(g);
  rowHeights(g, widths).forEach((h, i) => (ws.getRow(top + i).height = h));
  for (const p of placeCells(g)) {
    const row = top + p.row;
    const col = p.col + 1;
    if (p.rowspan > 1 || p.colspan > 1) ws.mergeCells(row, col, row + p.rowspan - 1, col + p.colspan - 1);
    const cell = ws.getCell(row, col);
    const indent = labels.has(p) ? indentLevel(p.rowCls) : 0;
    if (p.cell.num && p.cell.fen !== undefined && p.cell.text !== "") {
      // A worksheet stores numbers as binary doubles: the nearest double to the exact
      // decimal, which every spreadsheet prints back as that decimal in this format.
      const exact = exactDecimal(p.cell.fen, t.unit);
      cell.value = Number(exact);
      cell.numFmt = numberFormat(t.decimals, exact);
      cell.alignment = { horizontal: "right", vertical: "middle" };
    } else if (p.cell.text !== "") {
      cell.value = p.cell.text;
      cell.alignment = p.head
        ? { horizontal: "center", vertical: "middle", wrapText: true }
        : { horizontal: p.cell.th ? "center" : "left", vertical: "middle", wrapText: true, ...(indent ? { indent } : {}) };
    }
    cell.font = { name: FONT, size: 10, bold: p.head || p.rowCls === "total" };
    if (p.head) cell.fill = HEAD_FILL;
    // Every cell a merge covers gets the border, so that the merged area is framed.
    for (let dr = 0; dr < p.rowspan; dr++) for (let dc = 0; dc < p.colspan; dc++) ws.getCell(row + dr, col + dc).border = BORDER;
  }
  r = top + headRows + g.body.length;
  if (t.empty) {
    ws.getCell(r, 1).value = t.emptyNote;
    ws.getCell(r, 1).font = { name: FONT, size: 10 };
  }
  // About 97 width units fit across A4 portrait within the margins; wider tables turn.
  const wide = widths.reduce((a, b) => a + b, 0) > 100;
  ws.pageSetup = {
    paperSize: 9,
    orientation: wide ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    // A table of a page's length prints on one page; a longer one on as many as it needs.
    fitToHeight: g.body.length <= ONE_PAGE_ROWS ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    ...(headRows > 0 ? { printTitlesRow: `${top}:${top + headRows - 1}` } : {}),
  };
  ws.headerFooter = { oddFooter: "&C第 &P 页，共 &N 页" };
  ws.views = [{ state: "frozen", ySplit: top + headRows - 1, xSplit: 0 }];
}

/** The workbook of the tables, as the bytes of an .xlsx file. */
export async function renderXlsx(tables: readonly TableView[], o: XlsxOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = o.author;
  wb.lastModifiedBy = o.author;
  wb.title = o.title;
  wb.created = o.date;
  wb.modified = o.date;
  const used = new Set<string>();
  for (const t of tables) writeSheet(wb.addWorksheet(sheetName(t, used)), t);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return normaliseZip(bytes, o.date, (name, text) => fixCoreDates(name, text, o.date));
}
