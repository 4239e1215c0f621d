/**
 * The tables as one tidy CSV file: one line per amount cell of every table of the
 * profile, with the table, the row (its code, label and level), the column (the header
 * texts above it) and the amount as an exact decimal string in the table's unit. It is
 * read from the grids, so it holds exactly what the tables print, for any profile.
 *
 * UTF-8 with a byte-order mark, and CRLF line ends as RFC 4180 has them: Excel and WPS
 * open it as UTF-8 only with the mark.
 */
import { FEN_PER_WAN, FEN_PER_YUAN, fenFixed, type Fen } from "../base/money.js";
import { columnLabels, placeCells } from "./grid.js";
import { fullTitle, type TableView } from "./tables.js";

/** The columns of the file, in order. */
export const CSV_COLUMNS = ["table", "title", "row", "code", "label", "level", "column", "unit", "amount"] as const;

/**
 * An amount as an exact decimal of its unit: two decimals at least, more only where the
 * amount is finer (万元 to six places), never rounded: "6389.17", "0.000001", "63891700.00".
 */
export function exactDecimal(fen: Fen, unit: "万元" | "元"): string {
  const s = unit === "万元" ? fenFixed(fen, FEN_PER_WAN, 6) : fenFixed(fen, FEN_PER_YUAN, 2);
  return s.replace(/(\.\d\d\d*?)0+$/, "$1");
}

/** A field quoted when it must be: a comma, a quote or a line break inside. */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The level of a body row from its class: "total", "1", "2", "3", or "". */
function level(cls: string): string {
  if (cls === "total") return "total";
  const m = /^lvl-(\d)$/.exec(cls);
  return m ? m[1]! : "";
}

/** One record per amount cell of the tables, in print order. */
export interface TidyRecord {
  readonly table: string;
  readonly title: string;
  /** The body row, 1-based. */
  readonly row: number;
  readonly code: string;
  readonly label: string;
  readonly level: string;
  readonly column: string;
  readonly unit: "万元" | "元";
  readonly fen: Fen;
  /** The grid cell, for writers that want its dimensions. */
  readonly cell: ReturnType<typeof placeCells>[number];
}

/** The amount cells of the tables that carry a meaning, with their row and column. */
export function tidyRecords(tables: readonly TableView[]): TidyRecord[] {
  const out: TidyRecord[] = [];
  for (const t of tables) {
    const columns = columnLabels(t.grid);
    const headRows = t.grid.head.length;
    for (const p of placeCells(t.grid)) {
      const f = p.cell.fact;
      if (p.head || !f || p.cell.fen === undefined) continue;
      out.push({
        table: t.id,
        title: fullTitle(t),
        row: p.row - headRows + 1,
        code: f.code,
        label: f.label,
        level: level(p.rowCls),
        column: columns[p.col]!,
        unit: t.unit,
        fen: p.cell.fen,
        cell: p,
      });
    }
  }
  return out;
}

/** The tidy CSV of the tables, with its byte-order mark. */
export function renderCsv(tables: readonly TableView[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of tidyRecords(tables)) {
    lines.push([r.table, r.title, String(r.row), r.code, r.label, r.level, r.column, r.unit, exactDecimal(r.fen, r.unit)].map(field).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
