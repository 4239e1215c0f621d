/**
 * Reading the found tables into observations: each amount cell of the workbook with what
 * it sums, in the dimensions the grids give their amount cells (grid.ts): functional or
 * economic subject, source, phase, basic or project, unit, project. A row is read one of
 * two ways:
 *
 * - a row the profile always prints (表一's income lines and 类, 表十's six rows, a 合计
 *   row) is matched by its labels to the same row of the probe, whose cells carry their
 *   dimensions;
 * - any other row takes its column's dimensions from the probe's total row, and its own
 *   from its labels: a functional subject code, or what the kind's label rows name
 *   (LABEL_ROWS): an economic subject by name, a unit, a project.
 *
 * So the only knowledge of a table kind here is that one line of LABEL_ROWS; everything
 * else comes from the profile's grids.
 */
import type { Fen } from "../base/money.js";
import type { Catalogue } from "../catalogue/types.js";
import { placeCells, type Dims } from "../render/grid.js";
import type { TableKind } from "../render/profile.js";
import { norm, type BodyRow, type FoundTable } from "./recognise.js";
import { cellAmount, type SheetCell } from "./workbook.js";

/** What the label of a row without a subject code names, by table kind. */
export const LABEL_ROWS: Partial<Record<TableKind, "economic" | "project" | "unit">> = {
  "basic-economic": "economic",
  "projects-current": "project",
  "projects-carryover": "project",
  "admin-running": "unit",
};

/** One amount cell read from the workbook. */
export interface Observation {
  readonly table: string;
  readonly sheet: string;
  readonly cell: SheetCell | undefined;
  /** Where it is: "表二!C7" (the cell's address even when it is blank). */
  readonly at: string;
  readonly fen: Fen;
  readonly dims: Dims;
  /** The row's identity for comparing with the rebuilt table: its labels, and which occurrence. */
  readonly rowKey: string;
  /** The table column (0-based). */
  readonly col: number;
  /** The kinds of unit a repeated 表六 name is labelled for ("基本工资（行政单位）"). */
  readonly kinds?: readonly string[];
  /** The 政府 economic subject's name printed beside a 表六 line. */
  readonly government?: string;
}

/** Text in a cell that should hold an amount, with where it is. */
export interface Unreadable {
  readonly at: string;
  readonly text: string;
}

/** Keys of the dimensions a row sets; the others are its column's. */
const ROW_KEYS = ["subject", "economic", "government", "project", "unit", "threePublic"] as const;

const SUBJECT_CODE = /^\d{3}(\d{2}){0,2}$/;

/** Looks economic subjects up by name, in a catalogue that has no list: every 类 and 款 code is tried once. */
export function economicNames(catalogue: Catalogue): { byName(name: string, group?: string): string | undefined } {
  const classes = new Map<string, string>();
  const items = new Map<string, string[]>();
  for (let c = 301; c <= 399; c++) {
    const cls = String(c);
    const e = catalogue.economic(cls);
    if (e) classes.set(e.name, cls);
    for (let k = 1; k <= 99; k++) {
      const code = `${cls}${String(k).padStart(2, "0")}`;
      const it = catalogue.economic(code);
      if (it) items.set(it.name, [...(items.get(it.name) ?? []), code]);
    }
  }
  return {
    byName(name, group) {
      const list = items.get(name);
      const inGroup = group ? list?.filter((c) => c.startsWith(group)) : list;
      if (inGroup?.length) return inGroup[0];
      return classes.get(name) ?? list?.[0];
    },
  };
}

/**
 * The 类 a label names, as the summary tables print their expenditure side
 * ("一、一般公共服务支出"): the catalogue's 类 by name, an ordinal before it allowed.
 */
export function leiNames(catalogue: Catalogue): (label: string) => string | undefined {
  const byName = new Map(catalogue.lei.map((l) => [norm(l.name), l.code] as const));
  return (label) => byName.get(norm(label.replace(/^[一二三四五六七八九十]+、/, "")));
}

/** The label texts of a row's cells in the given columns, as compared. */
const labelsOf = (cells: readonly (SheetCell | undefined)[], cols: readonly number[]) => cols.map((c) => norm(cells[c]?.text ?? ""));

export interface ReadResult {
  readonly observations: Observation[];
  readonly unreadable: Unreadable[];
}

/**
 * Reads one found table. `economic` resolves 表六's names; `deptName` marks the
 * department's own row in the project tables.
 */
export function readTable(f: FoundTable, economic: ReturnType<typeof economicNames>, deptName: string | undefined, lei?: ReturnType<typeof leiNames>): ReadResult {
  const probe = f.probe;
  const placed = placeCells(probe.grid);
  const bodyPlaced = placed.filter((p) => !p.head);
  const amountCols = [...new Set(bodyPlaced.filter((p) => p.cell.fact && p.cell.num).map((p) => p.col))].sort((a, b) => a - b);
  const isAmount = (c: number) => amountCols.includes(c);
  // The columns naming each amount column's row: the text columns just left of its run of amounts.
  const groupOf = new Map<number, number[]>();
  for (const c of amountCols) {
    let start = c;
    while (start > 0 && isAmount(start - 1)) start--;
    const labels: number[] = [];
    for (let k = start - 1; k >= 0 && !isAmount(k); k--) labels.unshift(k);
    groupOf.set(c, labels);
  }
  // Rows the profile prints whatever the data: matched by their labels.
  const fixed = new Map<string, Map<number, Dims>>();
  const probeRows = new Map<number, typeof bodyPlaced>();
  for (const p of bodyPlaced) probeRows.set(p.row, [...(probeRows.get(p.row) ?? []), p]);
  for (const cells of probeRows.values()) {
    const byCol = new Map<number, Dims>();
    const labels = new Map<number, string>();
    for (const p of cells) {
      if (p.cell.fact && p.cell.num) byCol.set(p.col, p.cell.fact.dims);
      else labels.set(p.col, norm(p.cell.text));
    }
    for (const [c, dims] of byCol) {
      const key = `${c}|${(groupOf.get(c) ?? []).map((k) => labels.get(k) ?? "").join("|")}`;
      if (!fixed.has(key)) fixed.set(key, new Map());
      fixed.get(key)!.set(c, dims);
    }
  }
  // A column's own dimensions: the probe's total row's, without the row's.
  const totalRow = bodyPlaced.find((p) => p.rowCls === "total")?.row;
  const colDims = new Map<number, Dims>();
  for (const p of bodyPlaced) {
    if (p.row !== totalRow || !p.cell.fact || !p.cell.num) continue;
    const d: Record<string, unknown> = { ...p.cell.fact.dims };
    for (const k of ROW_KEYS) delete d[k];
    colDims.set(p.col, d as Dims);
  }

  const kind = LABEL_ROWS[probe.kind as TableKind];
  const out: Observation[] = [];
  const unreadable: Unreadable[] = [];
  const seen = new Map<string, number>();
  const projectRows = kind === "project" ? projectStructure(f.body, amountCols[0] ?? 1, probe.unit, deptName) : undefined;
  let group: string | undefined;
  f.body.forEach((row, i) => {
    const rowLabels = labelsOf(row.cells, [...Array(probe.grid.cols).keys()].filter((c) => !isAmount(c)));
    const base = rowLabels.join("|");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    const rowKey = `${base}#${n}`;
    for (const c of amountCols) {
      const cell = row.cells[c];
      const at = `${f.sheet.name}!${cell?.ref ?? `${colRef(f.left + c)}${row.row}`}`;
      const fen = cellAmount(cell, probe.unit);
      if (fen === "not a number") {
        unreadable.push({ at, text: cell?.text ?? "" });
        continue;
      }
      const labelCols = groupOf.get(c) ?? [];
      const key = `${c}|${labelsOf(row.cells, labelCols).join("|")}`;
      let dims: Dims | undefined = fixed.get(key)?.get(c);
      let kinds: string[] | undefined;
      let government: string | undefined;
      if (!dims) {
        const texts = labelCols.map((k) => row.cells[k]?.text.trim() ?? "").filter((t) => t !== "");
        const code = subjectCode(texts);
        const label = texts.find((t) => !/^\d+$/.test(t)) ?? "";
        const col = colDims.get(c) ?? {};
        // A table of economic subjects (Shanghai's 经济分类预算表, 类 and 款 in columns of
        // their own) gives economic codes in the same shape as functional ones.
        if (code) dims = probe.kind === "economic-tree" ? { ...col, economic: code } : { ...col, subject: code };
        else if (kind === "economic") {
          // 基本工资（行政单位、参公事业单位）: the kinds a repeated name is for.
          const m = /^(.*?)（([^（）]*单位[^（）]*)）$/.exec(label);
          const name = m ? m[1]! : label;
          const code = economic.byName(name, group);
          if (code && code.length === 3) group = code;
          dims = code ? { ...col, economic: code } : undefined;
          if (code && m) kinds = m[2]!.split("、");
          government = texts.filter((t) => !SUBJECT_CODE.test(t))[1];
        } else if (kind === "unit") dims = { ...col, unit: label };
        else if (probe.kind === "source-summary" && lei) {
          // A summary table's expenditure side: a 类 by its name.
          const code = lei(label);
          dims = code ? { ...col, subject: code } : undefined;
        }
        else if (kind === "project" && projectRows) {
          const r = projectRows[i]!;
          dims = r.kind === "department" ? col : r.kind === "unit" ? { ...col, unit: label } : { ...col, unit: r.unit, project: label };
        }
      }
      if (!dims) continue;
      out.push({ table: probe.id, sheet: f.sheet.name, cell, at, fen: fen ?? 0, dims, rowKey, col: c, ...(kinds ? { kinds } : {}), ...(government ? { government } : {}) });
    }
  });
  return { observations: out, unreadable };
}

/**
 * A row's functional subject code from its label texts: one cell ("2010507"), or the
 * 类, 款 and 项 in cells of their own ("201", "05", "07"), as some formats print them.
 */
export function subjectCode(texts: readonly string[]): string | undefined {
  const parts = texts.filter((t) => /^\d+$/.test(t));
  const joined = parts.join("");
  if (parts.length > 1 && /^\d{3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{2}$/.test(p)) && SUBJECT_CODE.test(joined)) return joined;
  return texts.find((t) => SUBJECT_CODE.test(t));
}

function colRef(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A unit row's name: the department's, or what reads like a unit (部, 局, 中心 …). */
const UNIT_LIKE = /(部|局|委|办|厅|院|所|站|队|中心|馆|室|处|会|社|校|园|团)$/;

/**
 * The rows of 表十二 / 表十三: the department's total first, then each unit's row and the
 * rows of its projects, which add up to it. Where no row reads as a unit, every row after
 * the first is a project of the department itself.
 */
export function projectStructure(
  body: readonly BodyRow[],
  totalCol: number,
  unit: "万元" | "元",
  deptName: string | undefined,
): { kind: "department" | "unit" | "project"; unit: string }[] {
  const total = (r: BodyRow) => {
    const v = cellAmount(r.cells[totalCol], unit);
    return typeof v === "number" ? v : 0;
  };
  const name = (r: BodyRow) => (r.cells[0]?.text ?? "").trim();
  const dept = deptName ?? (body[0] ? name(body[0]) : "");
  const out: { kind: "department" | "unit" | "project"; unit: string }[] = body.map(() => ({ kind: "project", unit: dept }));
  if (body.length === 0) return out;
  out[0] = { kind: "department", unit: dept };
  let i = 1;
  const blocks: { at: number; end: number }[] = [];
  while (i < body.length) {
    const head = body[i]!;
    if (!(name(head) === dept || UNIT_LIKE.test(name(head)))) break;
    let sum = 0;
    let j = i + 1;
    while (j < body.length && sum < total(head)) sum += total(body[j++]!);
    if (sum !== total(head)) break;
    blocks.push({ at: i, end: j });
    i = j;
  }
  if (i < body.length) return out;
  for (const b of blocks) {
    const u = name(body[b.at]!);
    out[b.at] = { kind: "unit", unit: u };
    for (let k = b.at + 1; k < b.end; k++) out[k] = { kind: "project", unit: u };
  }
  return out;
}
