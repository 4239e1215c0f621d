/**
 * Grids: a table as rows of cells with row and column spans, already formatted. Every
 * table and performance form of the document is built as a grid by the view model; the
 * HTML templates print the spans as they are, and the Markdown templates print the
 * expanded matrix (a spanned cell's text in its first position, blanks in the rest),
 * because a Markdown table has no spans. So one description serves both formats.
 *
 * Invariant: every row of a grid covers exactly `cols` columns once spans are counted;
 * `grid()` checks it, since a template cannot.
 */
import { invariant } from "../base/invariant.js";
import { wan, type Fen } from "../base/money.js";
import type { FigureRef } from "../model/trace.js";

/** A cell as the builders write it. */
export interface Cell {
  readonly text: string;
  readonly colspan?: number;
  readonly rowspan?: number;
  /** An amount: right-aligned, tabular figures. */
  readonly num?: boolean;
  /** A header cell (th): column headers, and row labels of the forms. */
  readonly th?: boolean;
  /** Long text (the forms' 概况, 立项依据 …): left-aligned, wrapping. */
  readonly long?: boolean;
  /** For an amount: the figure of the model it prints, to find its sources. */
  readonly ref?: FigureRef;
}

/** A cell as the templates read it: spans of 1 are 0 so that `{{#if colspan}}` prints nothing. */
export interface CellView {
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
  readonly th: boolean;
  /** The CSS class: "num", "long" or "". */
  readonly cls: string;
  /** For an amount: the figure of the model it prints. */
  readonly ref?: FigureRef;
  /**
   * The amount's source lines, as a tooltip (HTML title), when the document is rendered
   * with provenance; "" otherwise, and the templates print nothing for it.
   */
  src: string;
}

export interface RowView {
  /** The CSS class of the row: "total", "lvl-类", "lvl-款", "lvl-项" or "". */
  readonly cls: string;
  readonly cells: readonly CellView[];
}

export interface MarkdownGrid {
  /** The first row of the expanded matrix: a Markdown table needs a header row. */
  readonly header: readonly string[];
  /** The delimiter row, e.g. "|---|---:|", produced here from the column alignments. */
  readonly separator: string;
  readonly rows: readonly (readonly string[])[];
}

export interface GridView {
  readonly cols: number;
  readonly head: readonly RowView[];
  readonly body: readonly RowView[];
  readonly md: MarkdownGrid;
}

export interface Row {
  readonly cls?: string;
  readonly cells: readonly Cell[];
}

/** A text cell. */
export function t(text: string, opts: Omit<Cell, "text"> = {}): Cell {
  return { text, ...opts };
}

/** A header cell. */
export function h(text: string, opts: Omit<Cell, "text" | "th"> = {}): Cell {
  return { text, th: true, ...opts };
}

/**
 * An amount cell of the figure `holder[key]`, in 万元 with two decimals, blank when zero,
 * as the reference prints empty cells.
 */
export function amt<K extends string>(holder: { readonly [P in K]: Fen }, key: K, opts: Omit<Cell, "text" | "num" | "ref"> = {}): Cell {
  const fen = holder[key];
  return { text: fen === 0 ? "" : wan(fen), num: true, ref: [holder, key], ...opts };
}

/** An amount cell that prints zero as 0.00 (the overall form does). */
export function amt0<K extends string>(holder: { readonly [P in K]: Fen }, key: K, opts: Omit<Cell, "text" | "num" | "ref"> = {}): Cell {
  return { text: wan(holder[key]), num: true, ref: [holder, key], ...opts };
}

/** A blank cell. */
export function blank(colspan = 1): Cell {
  return { text: "", colspan };
}

function view(c: Cell): CellView {
  const colspan = c.colspan ?? 1;
  const rowspan = c.rowspan ?? 1;
  return {
    text: c.text,
    colspan: colspan > 1 ? colspan : 0,
    rowspan: rowspan > 1 ? rowspan : 0,
    th: c.th ?? false,
    cls: c.num ? "num" : c.long ? "long" : "",
    ...(c.ref ? { ref: c.ref } : {}),
    src: "",
  };
}

/**
 * Lays the rows out on a matrix of `cols` columns, honouring the spans of earlier rows,
 * and returns the expanded text matrix and, per column, whether it holds amounts.
 * The first `headRows` rows are header rows.
 */
function expand(rows: readonly Row[], cols: number, headRows: number): { matrix: string[][]; numeric: boolean[] } {
  const matrix: (string | undefined)[][] = [];
  // Per column, amounts against other non-empty text below the header: a column is
  // right-aligned in Markdown when amounts are the most of what it holds.
  const nums = new Array<number>(cols).fill(0);
  const texts = new Array<number>(cols).fill(0);
  rows.forEach((row, r) => {
    matrix[r] ??= new Array<string | undefined>(cols).fill(undefined);
    let col = 0;
    for (const cell of row.cells) {
      while (col < cols && matrix[r]![col] !== undefined) col++;
      const cs = cell.colspan ?? 1;
      const rs = cell.rowspan ?? 1;
      invariant(col + cs <= cols, `a grid row is wider than ${cols} columns (row ${r + 1})`);
      for (let dr = 0; dr < rs; dr++) {
        matrix[r + dr] ??= new Array<string | undefined>(cols).fill(undefined);
        for (let dc = 0; dc < cs; dc++) {
          invariant(matrix[r + dr]![col + dc] === undefined, `grid cells overlap (row ${r + dr + 1}, column ${col + dc + 1})`);
          matrix[r + dr]![col + dc] = dr === 0 && dc === 0 ? cell.text : "";
        }
      }
      if (r >= headRows && cell.num) nums[col]!++;
      else if (r >= headRows && cell.text !== "") texts[col]!++;
      col += cs;
    }
  });
  invariant(matrix.length === rows.length, "a row span reaches below the last row of a grid");
  matrix.forEach((m, r) => invariant(m.every((x) => x !== undefined), `grid row ${r + 1} does not fill ${cols} columns`));
  return { matrix: matrix as string[][], numeric: nums.map((n, i) => n > 0 && n >= texts[i]!) };
}

/** Builds a grid of `cols` columns from header rows and body rows. */
export function grid(cols: number, head: readonly Row[], body: readonly Row[]): GridView {
  const { matrix, numeric } = expand([...head, ...body], cols, head.length);
  const separator = "|" + numeric.map((n) => (n ? "---:" : "---")).join("|") + "|";
  const rowView = (r: Row): RowView => ({ cls: r.cls ?? "", cells: r.cells.map(view) });
  return {
    cols,
    head: head.map(rowView),
    body: body.map(rowView),
    md: { header: matrix[0] ?? [], separator, rows: matrix.slice(1) },
  };
}
