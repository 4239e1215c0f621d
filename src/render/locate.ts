/**
 * Finding a figure as a reader names it: a table of the publication by its ordinal
 * (表五), number or title, a row by its code or label (2010402, 合计, a project's name),
 * and a column by its header (基本支出). The search runs over the tables as they are laid
 * out for print (the same grids the templates print), so a figure is named exactly as the
 * document shows it. Pure.
 */
import type { FigureRef } from "../model/trace.js";
import type { CellView, GridView } from "./grid.js";
import type { TableView } from "./tables.js";

/** A located amount cell: the figure it prints and how the document labels it. */
export interface Located {
  readonly table: TableView;
  readonly row: string;
  readonly column: string;
  readonly text: string;
  readonly ref: FigureRef;
}

/** Why a figure was not found: no such row, no amount in the row, or no such column in it. */
export type LocateProblem = "no-row" | "no-amount" | "no-column";

export type LocateResult = { readonly ok: true; readonly cell: Located } | { readonly ok: false; readonly problem: LocateProblem; readonly choices: readonly string[] };

/** The table a reader names: "表五", "5", "t5", or (a part of) its title. */
export function findTable(tables: readonly TableView[], name: string): TableView | undefined {
  const n = name.trim();
  return (
    tables.find((t) => t.ordinal === n || t.id === n || t.id === `t${n}` || t.caption === n) ??
    tables.find((t) => t.title === n) ??
    tables.find((t) => n.length >= 2 && t.title.includes(n))
  );
}

interface Slot {
  readonly cell: CellView;
  /** True in the first row and column the cell covers. */
  readonly origin: boolean;
}

/** The grid as a matrix of the cells covering each position (spans expanded). */
function matrix(rows: readonly { cells: readonly CellView[] }[], cols: number): Slot[][] {
  const m: (Slot | undefined)[][] = [];
  rows.forEach((row, r) => {
    m[r] ??= new Array<Slot | undefined>(cols).fill(undefined);
    let c = 0;
    for (const cell of row.cells) {
      while (c < cols && m[r]![c] !== undefined) c++;
      const cs = Math.max(1, cell.colspan);
      const rs = Math.max(1, cell.rowspan);
      for (let dr = 0; dr < rs; dr++) {
        m[r + dr] ??= new Array<Slot | undefined>(cols).fill(undefined);
        for (let dc = 0; dc < cs && c + dc < cols; dc++) m[r + dr]![c + dc] = { cell, origin: dr === 0 && dc === 0 };
      }
      c += cs;
    }
  });
  return m.map((r) => r.map((s) => s ?? { cell: { text: "", colspan: 0, rowspan: 0, th: false, cls: "", src: "", minWidth: "", num: false, tag: "td", attrs: "" }, origin: false }));
}

/** The header texts above each column, top to bottom (a spanning header counts once, for every column it covers). */
function columnHeaders(g: GridView): string[][] {
  const head = matrix(g.head, g.cols);
  return Array.from({ length: g.cols }, (_, c) => {
    const cells = [...new Set(head.map((r) => r[c]!.cell))];
    // The row of column numbers (1, 2, 3 …) some tables print under their headers names nothing.
    return cells.map((x) => x.text.trim()).filter((x) => x && !/^\d+$/.test(x));
  });
}

/**
 * The amount cell at a row and column of a table. The row is the first body row with a
 * label or code cell equal to `row`; without `column`, the first amount after that label.
 */
export function locate(table: TableView, row: string, column?: string): LocateResult {
  const g = table.grid;
  const body = matrix(g.body, g.cols);
  const want = row.trim();
  const heads = columnHeaders(g);
  for (const cells of body) {
    const at = cells.findIndex((s) => s.origin && !s.cell.ref && s.cell.text.trim() === want);
    if (at < 0) continue;
    const label = (i: number) => heads[i]!.join(" › ");
    if (column === undefined) {
      for (let c = at + 1; c < g.cols; c++) {
        const s = cells[c]!;
        if (s.origin && s.cell.ref) return { ok: true, cell: { table, row: want, column: label(c), text: s.cell.text, ref: s.cell.ref } };
      }
      return { ok: false, problem: "no-amount", choices: [] };
    }
    const col = column.trim();
    const candidates: number[] = [];
    for (let c = 0; c < g.cols; c++) if (heads[c]!.includes(col) || label(c) === col) candidates.push(c);
    // On a row that is two tables side by side (表一), prefer the columns after the label.
    const pick = candidates.find((c) => c > at && cells[c]!.origin && cells[c]!.cell.ref) ?? candidates.find((c) => cells[c]!.origin && cells[c]!.cell.ref);
    if (pick === undefined) {
      const choices = [...new Set(heads.flatMap((h, c) => (cells[c]!.cell.ref ? [h.join(" › ")] : [])))];
      return { ok: false, problem: "no-column", choices };
    }
    const s = cells[pick]!;
    return { ok: true, cell: { table, row: want, column: label(pick), text: s.cell.text, ref: s.cell.ref! } };
  }
  const choices = body.flatMap((cells) => cells.filter((s) => s.origin && !s.cell.ref && s.cell.text.trim()).slice(0, 1).map((s) => s.cell.text.trim()));
  return { ok: false, problem: "no-row", choices };
}
