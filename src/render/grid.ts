/**
 * Grids: a table as rows of cells with row and column spans, already formatted. Every
 * table and performance form of the document is built as a grid by the view model; the
 * HTML templates print the spans as they are, and the Markdown templates print the
 * expanded matrix (a spanned cell's text in its first position, blanks in the rest),
 * because a Markdown table has no spans. So one description serves both formats.
 *
 * Amount cells also carry what they are, for the writers that are not text: the exact
 * amount in 分 (`fen`: a workbook stores a number, not the printed string) and its
 * `fact`: the row's code and label and the dimensions of the items the amount sums
 * (functional or economic subject, source, phase, basic or project, unit, project). The
 * csv and data-package writers print the dimensions; the importer reads a workbook back
 * through them. So any table a profile declares, of any kind, serves every format.
 *
 * Invariant: every row of a grid covers exactly `cols` columns once spans are counted;
 * `grid()` checks it, since a template cannot.
 */
import Handlebars from "handlebars";
import { invariant } from "../base/invariant.js";
import { wan, type Fen } from "../base/money.js";
import type { FigureRef } from "../model/trace.js";
import type { SourceKey, ThreePublicKey } from "../model/types.js";
import { escapeMarkdown } from "./handlebars.js";

const escapeHtml = Handlebars.Utils.escapeExpression;

/**
 * The dimensions of the items an amount sums. An absent dimension is not restricted:
 * the 合计 row of 表三 has no subject, its 合计 column no direction.
 */
export interface Dims {
  /** Income or expenditure: the income lines of 表一 and 表四, and 表七's and 表九's income side. */
  readonly flow?: "income" | "expenditure";
  /** A functional subject (类, 款 or 项 code): the amount sums the items below it. */
  readonly subject?: string;
  /** A 部门预算支出经济分类 code (类 or 款). */
  readonly economic?: string;
  /** The 政府预算支出经济分类 code the economic subject maps to. */
  readonly government?: string;
  /** One funding source, or the three 财政拨款 sources together. */
  readonly source?: SourceKey | "fiscal";
  /** This year's money or last year's carried over. */
  readonly phase?: "current" | "carryover";
  readonly direction?: "basic" | "project";
  readonly costType?: "personnel" | "public";
  /** A 三公 row; "total" is every item. */
  readonly threePublic?: ThreePublicKey;
  /** 机关运行经费: the basic 公用经费 of the administrative units (行政单位, 参公事业单位). */
  readonly running?: boolean;
  /** A budget unit (预算单位), by name. */
  readonly unit?: string;
  /** A project or carry-over, by name. */
  readonly project?: string;
}

/** What an amount cell is: its row's code ("" when none) and label, and its dimensions. */
export interface Fact {
  readonly code: string;
  readonly label: string;
  readonly dims: Dims;
}

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
  /** An amount cell's exact amount (also when it prints blank). */
  readonly fen?: Fen;
  /** An amount cell's meaning. */
  readonly fact?: Fact;
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
  /**
   * A column header's least width ("5em"): a short header stays on one line, a long one
   * on two (balanced by the style), never one character per line; "" for other cells.
   */
  readonly minWidth: string;
  /** The element: "th" for a header cell, else "td". */
  readonly tag: "th" | "td";
  /**
   * The cell's HTML attributes, escaped, each with its leading space (colspan, rowspan,
   * class, the header's least width as a style, the sources as a title), or "": what the
   * grid template prints, in one piece rather than a conditional per attribute, which a
   * table of a thousand rows would evaluate tens of thousands of times. Whoever sets
   * `src` after the view is built sets this again (withSources).
   */
  readonly attrs: string;
  /** For the writers of other formats: an amount cell, its exact amount and meaning. */
  readonly num: boolean;
  readonly fen?: Fen;
  readonly fact?: Fact;
}

export interface RowView {
  /** The CSS class of the row: "total", "lvl-类", "lvl-款", "lvl-项" or "". */
  readonly cls: string;
  /** The row's class attribute, escaped, with its leading space, or "". */
  readonly attrs: string;
  readonly cells: readonly CellView[];
}

export interface MarkdownGrid {
  /** The first row of the expanded matrix: a Markdown table needs a header row. */
  readonly header: readonly string[];
  /** The delimiter row, e.g. "|---|---:|", produced here from the column alignments. */
  readonly separator: string;
  readonly rows: readonly (readonly string[])[];
  /** The header row and the other rows as Markdown table lines, every cell escaped (escapeMarkdown). */
  readonly headerLine: string;
  readonly lines: readonly string[];
}

/** A Markdown table line: `| a | b |`, each cell escaped. */
function markdownLine(cells: readonly string[]): string {
  let line = "|";
  for (const c of cells) line += ` ${escapeMarkdown(c)} |`;
  return line;
}

/** A cell view with its sources as a tooltip: `src` and the `attrs` that print it. */
export function withSources(cell: CellView, src: string): void {
  const c = cell as { src: string; attrs: string };
  c.src = src;
  c.attrs = cellAttrs(cell);
}

/** The HTML attributes of a cell view, as grid.html.hbs prints them. */
function cellAttrs(c: { readonly colspan: number; readonly rowspan: number; readonly cls: string; readonly minWidth: string; readonly src: string }): string {
  let a = "";
  if (c.colspan) a += ` colspan="${c.colspan}"`;
  if (c.rowspan) a += ` rowspan="${c.rowspan}"`;
  if (c.cls) a += ` class="${escapeHtml(c.cls)}"`;
  if (c.minWidth) a += ` style="min-width:${escapeHtml(c.minWidth)}"`;
  if (c.src) a += ` title="${escapeHtml(c.src)}"`;
  return a;
}

export interface GridView {
  readonly cols: number;
  readonly head: readonly RowView[];
  readonly body: readonly RowView[];
  /**
   * The body split in two, `lead` then `tail`: the tail is a table's closing total rows
   * with the two rows before them, which a printed page keeps together (a total is never
   * alone at the top of a page). Empty when the table does not close on totals.
   */
  readonly lead: readonly RowView[];
  readonly tail: readonly RowView[];
  readonly md: MarkdownGrid;
}

/**
 * Where the kept tail of a body starts: two rows before the first total row after which
 * no row of a subject level (lvl-…) follows; the body's length when there is none (the
 * 合计 row printed first, above the subjects, closes nothing).
 */
export function tailStart(body: readonly { readonly cls?: string }[]): number {
  let lastLevel = -1;
  body.forEach((r, i) => {
    if (r.cls?.startsWith("lvl-")) lastLevel = i;
  });
  const first = body.findIndex((r, i) => i > lastLevel && i > 0 && r.cls === "total");
  return first < 0 ? body.length : Math.max(0, first - 2);
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
 * An amount cell in 万元 with two decimals, blank when zero, as the reference prints empty
 * cells. `ref` names the figure of the model it prints (for its sources), `fact` what it
 * sums (for the tidy formats).
 */
export function amt(fen: Fen, opts: Omit<Cell, "text" | "num" | "fen"> = {}): Cell {
  return { text: fen === 0 ? "" : wan(fen), num: true, fen, ...opts };
}

/** An amount cell that prints zero as 0.00 (the overall form does). */
export function amt0(fen: Fen, opts: Omit<Cell, "text" | "num" | "fen"> = {}): Cell {
  return { text: wan(fen), num: true, fen, ...opts };
}

/** A blank cell. */
export function blank(colspan = 1): Cell {
  return { text: "", colspan };
}

/** Column headers of this many characters or more get a least width: shorter ones fit anyway. */
const MIN_WIDTH_FROM = 4;
/** Headers up to this many characters stay on one line; longer ones take two. */
const ONE_LINE = 4;

function view(c: Cell, head: boolean): CellView {
  const colspan = c.colspan ?? 1;
  const rowspan = c.rowspan ?? 1;
  const th = c.th ?? false;
  // One line up to ONE_LINE characters, else two balanced lines; 1.5em more for the padding.
  let minWidth = "";
  if (head && th && colspan === 1 && c.text.length >= MIN_WIDTH_FROM) {
    const chars = [...c.text].length;
    if (chars >= MIN_WIDTH_FROM) minWidth = `${(chars <= ONE_LINE ? chars : Math.ceil(chars / 2)) + 1.5}em`;
  }
  const v: Mutable<CellView> = {
    text: c.text,
    colspan: colspan > 1 ? colspan : 0,
    rowspan: rowspan > 1 ? rowspan : 0,
    th,
    cls: c.num ? "num" : c.long ? "long" : "",
    src: "",
    minWidth,
    num: c.num ?? false,
    tag: th ? "th" : "td",
    attrs: "",
  };
  if (c.ref) v.ref = c.ref;
  if (c.fen !== undefined) v.fen = c.fen;
  if (c.fact) v.fact = c.fact;
  v.attrs = cellAttrs(v);
  return v;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  const rowView = (r: Row, isHead = false): RowView => ({ cls: r.cls ?? "", attrs: r.cls ? ` class="${escapeHtml(r.cls)}"` : "", cells: r.cells.map((c) => view(c, isHead)) });
  const rows = body.map((r) => rowView(r));
  let keep = tailStart(body);
  // A row span may not cross from the lead into the tail: they are separate row groups.
  if (body.some((r, i) => i < keep && r.cells.some((c) => i + (c.rowspan ?? 1) > keep))) keep = body.length;
  return {
    cols,
    head: head.map((r) => rowView(r, true)),
    body: rows,
    lead: rows.slice(0, keep),
    tail: rows.slice(keep),
    md: { header: matrix[0] ?? [], separator, rows: matrix.slice(1), headerLine: markdownLine(matrix[0] ?? []), lines: matrix.slice(1).map(markdownLine) },
  };
}

/** A cell placed on the matrix of its grid: its first row and column (0-based) and its spans. */
export interface PlacedCell {
  readonly row: number;
  readonly col: number;
  readonly rowspan: number;
  readonly colspan: number;
  readonly head: boolean;
  /** The class of its row ("total", "lvl-1", …). */
  readonly rowCls: string;
  readonly cell: CellView;
}

/**
 * The cells of a grid with their positions, head rows first: what a writer that places
 * cells itself (a worksheet, a Word table) needs. Positions honour the spans of earlier
 * rows exactly as the Markdown matrix does.
 */
export function placeCells(g: GridView): readonly PlacedCell[] {
  const cached = placedCache.get(g);
  if (cached) return cached;
  const taken: boolean[][] = [];
  const out: PlacedCell[] = [];
  const rows = [...g.head.map((r) => ({ r, head: true })), ...g.body.map((r) => ({ r, head: false }))];
  rows.forEach(({ r, head }, ri) => {
    taken[ri] ??= [];
    let col = 0;
    for (const cell of r.cells) {
      while (col < g.cols && taken[ri]![col]) col++;
      const rowspan = Math.max(1, cell.rowspan);
      const colspan = Math.max(1, cell.colspan);
      for (let dr = 0; dr < rowspan; dr++) {
        taken[ri + dr] ??= [];
        for (let dc = 0; dc < colspan; dc++) taken[ri + dr]![col + dc] = true;
      }
      out.push({ row: ri, col, rowspan, colspan, head, rowCls: r.cls, cell });
      col += colspan;
    }
  });
  placedCache.set(g, out);
  return out;
}

// A grid's cells are placed once: writers ask for them several times and compare them by identity.
const placedCache = new WeakMap<GridView, readonly PlacedCell[]>();

/**
 * The label of each column: the distinct header texts above it, top to bottom, joined
 * with "/" ("本年收入/一般公共预算"); a column-number row ("1", "2", …) is left out.
 */
export function columnLabels(g: GridView): string[] {
  const labels: string[][] = Array.from({ length: g.cols }, () => []);
  for (const p of placeCells(g)) {
    if (!p.head || p.rowCls === "colno" || p.cell.text === "") continue;
    for (let c = p.col; c < p.col + p.colspan; c++) {
      const l = labels[c]!;
      if (l[l.length - 1] !== p.cell.text) l.push(p.cell.text);
    }
  }
  return labels.map((l) => l.join("/"));
}

/** The indent level of a row's label: 0 for 类 and total rows, 1 for 款, 2 for 项. */
export function indentLevel(rowCls: string): number {
  const m = /^lvl-(\d)$/.exec(rowCls);
  return m ? Number(m[1]) - 1 : 0;
}

/**
 * The label cells of a grid: in each body row, the text cell that names the row (its
 * amount cells' label: a subject's name, not its code; a line's name, not its 政府
 * subject). Only these are indented by level, as the HTML indents them.
 */
export function labelCells(g: GridView): Set<PlacedCell> {
  const placed = placeCells(g);
  const out = new Set<PlacedCell>();
  const byRow = new Map<number, PlacedCell[]>();
  for (const p of placed) if (!p.head) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  for (const cells of byRow.values()) {
    const labels = new Set(cells.map((p) => p.cell.fact?.label).filter((l): l is string => l !== undefined));
    // The first such cell: a 政府 subject may bear the same name as the line.
    const label = cells.find((p) => !p.cell.num && !p.cell.th && p.cell.text !== "" && labels.has(p.cell.text));
    if (label) out.add(label);
  }
  return out;
}

