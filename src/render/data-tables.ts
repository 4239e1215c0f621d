/**
 * The tables a profile defines as data (profile.json tables of kind subject-tree,
 * economic-tree, source-summary and single-row): the model derives their amounts from the
 * profile's filters (model/generic.ts); this lays them out as grids, with the profile's
 * headers (each column under its groups), codes in one column or split into 类, 款 and 项,
 * the 合计 row first or last, and the amounts in the table's unit, decimals and zero
 * style. Every amount cell keeps its exact amount and what it sums, so the workbook, csv
 * and data-package writers serve these tables as they serve the fixed ones.
 */
import { invariant } from "../base/invariant.js";
import { Dec, FEN_PER_YUAN, fenToDec, fixed, groupThousands, type Fen } from "../base/money.js";
import { SOURCE_KEY } from "../model/keys.js";
import type { GenericTable, Publication } from "../model/types.js";
import type { Source } from "../syntax/ast.js";
import { amt, blank, h, t, type Cell, type Dims, type Row } from "./grid.js";
import type { DataTable, ProfileTable } from "./profile.js";

/** A table laid out: header and body rows over `cols` columns. */
export interface BuiltTable {
  readonly cols: number;
  readonly head: readonly Row[];
  readonly body: readonly Row[];
  readonly empty: boolean;
}

/** The default labels of the tables defined as data; a profile's `labels` override them by key. */
export const DATA_LABELS: Readonly<Record<string, string>> = {
  item: "项目",
  code: "科目编码",
  name: "科目名称",
  lei: "类",
  kuan: "款",
  xiang: "项",
  total: "合计",
  income: "收入",
  expenditure: "支出",
  amount: "预算数",
  incomeTotal: "收入总计",
  expenditureTotal: "支出总计",
};

/** How a table prints its amounts. */
export interface NumberStyle {
  readonly unit: "万元" | "元";
  readonly decimals: 0 | 2 | "trim";
  readonly zero: "blank" | "0";
}

export function numberStyle(table: ProfileTable, budgetUnit: "万元" | "元"): NumberStyle {
  const unit = table.unit ?? budgetUnit;
  return { unit, decimals: table.decimals ?? (unit === "元" ? 0 : 2), zero: table.zero ?? "blank" };
}

/**
 * An amount as a table prints it: in the table's unit, rounded half-up to its decimals,
 * with thousands separators; "trim" prints 万元 without trailing zeros (25, 21.56, 0).
 */
export function amountText(fen: Fen, style: NumberStyle): string {
  if (fen === 0 && style.zero === "blank") return "";
  const d = fenToDec(fen, style.unit);
  if (style.decimals === "trim") return groupThousands(d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed()).replace(/\.$/, "");
  return groupThousands(fixed(d, style.decimals));
}

/** Restyles the amount cells of rows built in 万元 with two decimals (the fixed kinds' default). */
export function restyle(rows: readonly Row[], style: NumberStyle): Row[] {
  return rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c.num && c.fen !== undefined ? { ...c, text: amountText(c.fen, style) } : c)) }));
}

/** Whether a table at this style prints exactly the amounts it holds: no amount finer than its precision. */
export function exactAt(fen: Fen, style: NumberStyle): boolean {
  const places = style.decimals === "trim" ? 2 : style.decimals;
  const step = (style.unit === "万元" ? 1_000_000 : FEN_PER_YUAN) / 10 ** places;
  return step < 1 || fen % step === 0;
}

/* ------------------------------------------------------------------------------------ */
/* Headers                                                                                */
/* ------------------------------------------------------------------------------------ */

/**
 * Header rows from the label paths of the columns, outermost first: a label spans the
 * consecutive columns that share it and everything above, and a column's last label
 * reaches down to the last header row.
 */
export function headerRows(paths: readonly (readonly string[])[]): Row[] {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const rows: Row[] = [];
  for (let r = 0; r < depth; r++) {
    const cells: Cell[] = [];
    for (let i = 0; i < paths.length; ) {
      const p = paths[i]!;
      if (p.length - 1 < r) {
        i++; // covered by the row span of this column's last label
        continue;
      }
      const last = r === p.length - 1;
      let span = 1;
      if (!last) {
        // Columns sharing this label and everything above it, and not ending at this row.
        while (i + span < paths.length && samePrefix(paths[i + span]!, p, r) && paths[i + span]!.length - 1 > r) span++;
      }
      cells.push(h(p[r]!, { ...(span > 1 ? { colspan: span } : {}), ...(last && depth - r > 1 ? { rowspan: depth - r } : {}) }));
      i += span;
    }
    rows.push({ cells });
  }
  return rows;
}

function samePrefix(a: readonly string[], b: readonly string[], upTo: number): boolean {
  for (let k = 0; k <= upTo; k++) if (a[k] !== b[k]) return false;
  return true;
}

/* ------------------------------------------------------------------------------------ */
/* What an amount sums                                                                    */
/* ------------------------------------------------------------------------------------ */

type Filter = NonNullable<ProfileTable["filter"]>;

/** The dimensions a filter fixes, as far as one value of each can say. */
function dimsOf(f: Filter | undefined): Dims {
  if (!f) return {};
  const d: { -readonly [K in keyof Dims]: Dims[K] } = {};
  if (f.sources?.length === 1) d.source = SOURCE_KEY[f.sources[0] as Source];
  else if (f.sources && f.sources.length === 3 && ["一般公共预算", "政府性基金预算", "国有资本经营预算"].every((s) => f.sources!.includes(s as never))) d.source = "fiscal";
  // The kinds of spending, in the dimensions the standard tables use: 项目支出 without a
  // phase includes the projects carried over (表三's column), with "current" it does not.
  const kinds = new Set(f.kinds ?? []);
  const only = (...ks: string[]) => kinds.size === ks.length && ks.every((k) => kinds.has(k as never));
  if (only("basic")) d.direction = "basic";
  else if (only("project")) {
    d.direction = "project";
    d.phase = "current";
  } else if (only("carryover")) d.phase = "carryover";
  else if (only("project", "carryover")) d.direction = "project";
  else if (only("basic", "project")) d.phase = "current";
  if (f.economicClass) d.costType = f.economicClass === "人员经费" ? "personnel" : "public";
  // The 三公 items a column sums, as the standard 三公 table's rows name them.
  const tp = new Set(f.threePublic ?? []);
  const items = (...ks: string[]) => tp.size === ks.length && ks.every((k) => tp.has(k as never));
  if (items("因公出国", "公务接待", "公务用车购置", "公务用车运行维护")) d.threePublic = "total";
  else if (items("公务用车购置", "公务用车运行维护")) d.threePublic = "vehicles";
  else if (items("因公出国")) d.threePublic = "overseas";
  else if (items("公务接待")) d.threePublic = "reception";
  else if (items("公务用车购置")) d.threePublic = "vehiclePurchase";
  else if (items("公务用车运行维护")) d.threePublic = "vehicleOperation";
  if (f.running) d.running = true;
  return d;
}

/* ------------------------------------------------------------------------------------ */
/* Builders                                                                               */
/* ------------------------------------------------------------------------------------ */

interface Ctx {
  readonly table: DataTable;
  readonly data: GenericTable;
  readonly style: NumberStyle;
  readonly l: (key: string) => string;
  /** Fills a profile string's {year} and other placeholders. */
  readonly fill: (s: string) => string;
}

/** An amount cell of the table: its text in the table's style, its amount and what it sums. */
function amount(x: Ctx, holder: Record<string, Fen>, key: string, row: { code: string; label: string; dims: Dims }, col: Dims): Cell {
  const fen = holder[key] ?? 0;
  const c = amt(fen, { fact: { code: row.code, label: row.label, dims: { ...dimsOf(x.table.filter), ...row.dims, ...col } }, ref: [holder, key] });
  return { ...c, text: amountText(fen, x.style) };
}

/** The label path of each amount column: its groups, then its label, with {year} and the rest filled in. */
function columnPaths(x: Ctx, prefix: readonly string[] = []): string[][] {
  return (x.table.columns ?? []).map((c) => [...prefix, ...[...(c.groups ?? []), c.label].map(x.fill)]);
}

function columnDims(x: Ctx): Dims[] {
  return (x.table.columns ?? []).map((c) => dimsOf(c.filter));
}

/** subject-tree and economic-tree: a row per subject with an amount, 合计 first or last. */
function tree(x: Ctx): BuiltTable {
  const split = x.table.codes === "split";
  const economic = x.table.kind === "economic-tree";
  const levels = economic ? ["lei", "kuan"] : ["lei", "kuan", "xiang"];
  const item = x.table.labels?.["item"] !== undefined ? [x.l("item")] : [];
  const left: string[][] = split ? [...levels.map((k) => [...item, x.l("code"), x.l(k)]), [...item, x.l("name")]] : [[...item, x.l("code")], [...item, x.l("name")]];
  const keys = (x.table.columns ?? []).map((c) => c.key);
  const dims = columnDims(x);
  const head = headerRows([...left, ...columnPaths(x)]);
  const cols = left.length + keys.length;
  const amounts = (holder: Record<string, Fen>, row: { code: string; label: string; dims: Dims }) => keys.map((k, i) => amount(x, holder, k, row, dims[i]!));
  const totalLabel = x.l("total");
  const total: Row = { cls: "total", cells: [t(totalLabel, { colspan: left.length }), ...amounts(x.data.total, { code: "", label: totalLabel, dims: {} })] };
  const body: Row[] = x.data.rows.map((r) => {
    const code = r.code ?? "";
    const rowDims: Dims = economic ? { economic: code } : { subject: code };
    const ref = { code, label: r.name, dims: rowDims };
    const codeCells = split ? splitCode(code, levels.length) : [t(code)];
    return { cls: r.level ? (LEVEL_CLASS[r.level] ?? "") : "", cells: [...codeCells, t(r.name), ...amounts(r.cells, ref)] };
  });
  return { cols, head, body: x.table.total === "last" ? [...body, total] : [total, ...body], empty: x.data.empty };
}

const LEVEL_CLASS: Readonly<Record<string, string>> = { 类: "lvl-1", 款: "lvl-2", 项: "lvl-3" };

/** A code in its 类, 款 and 项 columns: "2010507" → 201 | 05 | 07; a 类 row leaves the rest blank. */
function splitCode(code: string, levels: number): Cell[] {
  const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].slice(0, levels);
  return parts.map((p) => t(p));
}

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 一、二、… 二十九、 for numbering the 类 in print order. */
export function chineseOrdinal(n: number): string {
  invariant(n >= 1 && n < 100, `no ordinal for ${n}`);
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : NUMERALS[tens - 1]!}十${ones ? NUMERALS[ones - 1]! : ""}`;
}

/** source-summary: the income lines beside the expenditure by 类, then the two totals. */
function sourceSummary(x: Ctx): BuiltTable {
  const keys = (x.table.columns ?? []).map((c) => c.key);
  const dims = columnDims(x);
  const income = x.data.income ?? [];
  const head = headerRows([
    [x.l("income"), x.l("item")],
    [x.l("income"), x.l("amount")],
    [x.l("expenditure"), x.l("item")],
    ...columnPaths(x, [x.l("expenditure")]),
  ]);
  const cols = 3 + keys.length;
  // A line that says it may be left out is, when its amount is zero; each keeps its spec.
  const incomeShown = income.map((l, i) => ({ l, f: x.table.income?.[i] })).filter(({ l, f }) => !(f?.omitZero && l.amount === 0));
  const body: Row[] = [];
  const n = Math.max(incomeShown.length, x.data.rows.length);
  for (let i = 0; i < n; i++) {
    const inc = incomeShown[i];
    const exp = x.data.rows[i];
    const cells: Cell[] = [];
    if (inc) {
      const label = inc.l.label;
      cells.push(t(label), amount(x, inc.l as unknown as Record<string, Fen>, "amount", { code: "", label, dims: { flow: "income", ...dimsOf(inc.f?.filter) } }, {}));
    } else cells.push(blank(), blank());
    if (exp) {
      const code = exp.code ?? "";
      const label = x.table.numbered ? `${chineseOrdinal(i + 1)}、${exp.name}` : exp.name;
      const ref = { code, label: exp.name, dims: { flow: "expenditure" as const, subject: code } };
      cells.push(t(label), ...keys.map((k, j) => amount(x, exp.cells, k, ref, dims[j]!)));
    } else cells.push(...Array.from({ length: 1 + keys.length }, () => blank()));
    body.push({ cells });
  }
  const incomeTotal = x.l("incomeTotal");
  const expenditureTotal = x.l("expenditureTotal");
  body.push({
    cls: "total",
    cells: [
      t(incomeTotal),
      amount(x, x.data as unknown as Record<string, Fen>, "incomeTotal", { code: "", label: incomeTotal, dims: { flow: "income" } }, {}),
      t(expenditureTotal),
      ...keys.map((k, j) => amount(x, x.data.total, k, { code: "", label: expenditureTotal, dims: { flow: "expenditure" } }, dims[j]!)),
    ],
  });
  return { cols, head, body, empty: x.data.empty };
}

/** single-row: the columns under their groups, one row of amounts. */
function singleRow(x: Ctx): BuiltTable {
  const keys = (x.table.columns ?? []).map((c) => c.key);
  const dims = columnDims(x);
  const head = headerRows(columnPaths(x));
  const row = x.data.rows[0]!;
  return { cols: keys.length, head, body: [{ cells: keys.map((k, i) => amount(x, row.cells, k, { code: "", label: x.l("total"), dims: {} }, dims[i]!)) }], empty: x.data.empty };
}

/** Lays out one table defined as data from the publication's derivation of it. */
export function buildDataTable(pub: Publication, table: DataTable, style: NumberStyle, l: (key: string) => string, fill: (s: string) => string): BuiltTable {
  const data = pub.profileTables?.find((g) => g.id === table.id);
  invariant(data !== undefined, `the publication has no table ${table.id}: it was derived without the profile that defines it`);
  const x: Ctx = { table, data, style, l, fill };
  switch (table.kind) {
    case "subject-tree":
    case "economic-tree":
      return tree(x);
    case "source-summary":
      return sourceSummary(x);
    case "single-row":
      return singleRow(x);
  }
}
