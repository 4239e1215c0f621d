/**
 * Tables a profile defines as data (spec.ts): each column sums the amounts its filter and
 * the table's admit, laid out by functional subject, by economic subject, as income lines
 * beside the expenditure by 类, or in one row. Every cell is a sum of amounts of the
 * source and records them as its sources, like every other figure of the model.
 */
import { add } from "../base/money.js";
import type { Catalogue } from "../catalogue/types.js";
import { addCells, zeroCells, type Cells } from "./cells.js";
import type { EconomicItem, Item } from "./items.js";
import type { ColumnSpec, DerivedTableSpec, ItemFilter } from "./spec.js";
import { SubjectTreeBuilder } from "./subjects.js";
import type { FigureRef, Tracer } from "./trace.js";
import type { GenericTable } from "./types.js";
import { ADMINISTRATIVE, type UnitResolution } from "./units.js";

export interface GenericInputs {
  readonly items: readonly Item[];
  readonly economicItems: readonly EconomicItem[];
  readonly catalogue: Catalogue;
  readonly units: UnitResolution;
  readonly names: ReadonlyMap<string, string>;
  readonly year: number;
  readonly tracer: Tracer;
}

/** Whether a filter asks about economic subjects (then only amounts that have one count). */
function economicFilter(f: ItemFilter | undefined): boolean {
  return f !== undefined && (f.economicClass !== undefined || f.threePublic !== undefined || f.running === true);
}

/** Whether an amount passes a filter. */
function admits(f: ItemFilter | undefined, it: Item, x: GenericInputs): boolean {
  if (!f) return true;
  if (f.sources && !f.sources.includes(it.source)) return false;
  if (f.kinds && !f.kinds.includes(it.kind)) return false;
  if (!economicFilter(f)) return true;
  const economic = it.economic;
  if (economic === undefined) return false;
  if (f.economicClass && x.catalogue.personnelOrPublic(economic) !== f.economicClass) return false;
  if (f.threePublic) {
    const tp = x.catalogue.threePublic(economic);
    if (tp === undefined || !f.threePublic.includes(tp)) return false;
  }
  if (f.running && !(it.kind === "basic" && x.catalogue.personnelOrPublic(economic) === "公用经费" && ADMINISTRATIVE.has(x.units.kindOf(it.unit)))) return false;
  return true;
}

/** The amounts a table counts, and for each the columns it lands in, as one delta. */
function deltas(spec: { filter?: ItemFilter; columns: readonly ColumnSpec[] }, x: GenericInputs): { item: Item; delta: Record<string, number> }[] {
  const economic = economicFilter(spec.filter) || spec.columns.some((c) => economicFilter(c.filter));
  const out: { item: Item; delta: Record<string, number> }[] = [];
  for (const it of economic ? x.economicItems : x.items) {
    if (!admits(spec.filter, it, x)) continue;
    let delta: Record<string, number> | undefined;
    for (const c of spec.columns) {
      if (!admits(c.filter, it, x)) continue;
      (delta ??= {})[c.key] = it.fen;
    }
    if (delta) out.push({ item: it, delta });
  }
  return out;
}

/** A profile's text with its {year} filled in, as the JSON states titles and column labels. */
function fillYear(text: string, year: number): string {
  return text.replaceAll("{year}", String(year));
}

function columnsOf(spec: { columns: readonly ColumnSpec[] }, year: number) {
  return spec.columns.map((c) => ({ key: c.key, label: fillYear(c.label, year), ...(c.group !== undefined ? { group: fillYear(c.group, year) } : {}) }));
}

/** One table a profile defines. */
export function genericTable(spec: DerivedTableSpec, x: GenericInputs): GenericTable {
  const keys = spec.columns.map((c) => c.key);
  const base = { id: spec.id, kind: spec.kind, title: fillYear(spec.title, x.year), columns: columnsOf(spec, x.year) };
  const tr = x.tracer;
  switch (spec.kind) {
    case "subject-tree":
    case "economic-tree": {
      const tree = new SubjectTreeBuilder(keys, tr);
      for (const { item, delta } of deltas(spec, x)) tree.add(spec.kind === "subject-tree" ? item.subject : item.economic, delta, item.money);
      const lookup = spec.kind === "subject-tree" ? (c: string) => x.catalogue.functional(c) : (c: string) => x.catalogue.economic(c);
      const rows = tree.rows(x.catalogue, x.names, lookup).map((r) => ({ code: r.code, name: r.name, level: r.level, cells: r.cells }));
      return { ...base, rows, total: tree.total, empty: rows.length === 0 };
    }
    case "source-summary": {
      // Expenditure by 类 in the columns; each income line sums the amounts it admits.
      const tree = new SubjectTreeBuilder(keys, tr);
      for (const { item, delta } of deltas(spec, x)) tree.add(item.subject, delta, item.money);
      const rows = tree
        .rows(x.catalogue, x.names)
        .filter((r) => r.level === "类")
        .map((r) => ({ code: r.code, name: r.name, level: r.level, cells: r.cells }));
      const income = spec.income.map((l) => {
        const line = { label: l.label, level: l.level ?? 0, amount: 0 };
        for (const it of x.items) {
          if (!admits(spec.filter, it, x) || !admits(l.filter, it, x)) continue;
          line.amount = add(line.amount, it.fen);
          if (tr.on) tr.add(line, "amount", it.money);
        }
        return line;
      });
      const top = income.filter((l) => l.level === 0);
      const table = { ...base, income, incomeTotal: top.reduce((a, l) => add(a, l.amount), 0), rows, total: tree.total, empty: rows.length === 0 && income.every((l) => l.amount === 0) };
      if (tr.on) tr.from(table, "incomeTotal", top.map((l): FigureRef => [l, "amount"]));
      return table;
    }
    case "single-row": {
      const cells: Cells<string> = zeroCells(keys);
      for (const { item, delta } of deltas(spec, x)) addCells(cells, delta, item.money, tr);
      return { ...base, rows: [{ name: "", cells }], total: cells, empty: keys.every((k) => cells[k] === 0) };
    }
  }
}
