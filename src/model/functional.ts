/**
 * The functional classification: one pass over the items accumulates the subject trees
 * (表二, 表三, 表五, 表八, 表九) and the 类 totals of 表一 and 表四; `functionalTables` lays
 * them out, with the totals by source (totals.ts), as tables one to five and seven to nine.
 */
import { add } from "../base/money.js";
import type { Catalogue } from "../catalogue/types.js";
import {
  allZero,
  BASIC_PROJECT_KEYS,
  copyCells,
  CURRENT_CARRYOVER_KEYS,
  fiscalOnly,
  INCOME_KEYS,
  TOTAL_BY_FISCAL_KEYS,
  zeroCells,
  type Cells,
} from "./cells.js";
import type { Item } from "./items.js";
import { FISCAL_KEYS, SOURCE_KEY, SOURCE_KEYS, type FiscalKey, type SourceKey } from "./keys.js";
import { chineseNumber, INCOME_LABEL, SOURCE_OF_KEY, tableBase } from "./labels.js";
import { SubjectTreeBuilder } from "./subjects.js";
import type { Totals } from "./totals.js";
import type { Tracer } from "./trace.js";
import type { IncomeLine, Table1, Table2, Table3, Table4, Table5, Table7, Table8, Table9, TotalBySource } from "./types.js";

const FISCAL: ReadonlySet<SourceKey> = new Set<SourceKey>(FISCAL_KEYS);

/** The accumulated functional figures of a budget. */
export interface Functional {
  readonly t2: SubjectTreeBuilder<(typeof INCOME_KEYS)[number]>;
  readonly t3: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  readonly t5: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  readonly t8: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  readonly t9: SubjectTreeBuilder<(typeof BASIC_PROJECT_KEYS)[number]>;
  /** 表一's expenditure by 类: this year and carried over. */
  readonly byLei: SubjectTreeBuilder<(typeof CURRENT_CARRYOVER_KEYS)[number]>;
  /** 表四's expenditure by 类: 财政拨款 by fund, carry-overs included. */
  readonly fiscalByLei: SubjectTreeBuilder<(typeof TOTAL_BY_FISCAL_KEYS)[number]>;
  /**
   * 财政拨款 spending of this year by subject, at every level, by fund (carry-overs
   * excluded): the amount a format states for each 项 of 财政拨款 spending (Shanghai's
   * 编制说明), which a written 用途 amount and last year's 执行数 are compared with.
   */
  readonly fiscal: SubjectTreeBuilder<(typeof TOTAL_BY_FISCAL_KEYS)[number]>;
}

/** Accumulates the subject trees in one pass over the items. */
export function accumulateFunctional(items: readonly Item[], tracer: Tracer): Functional {
  const f: Functional = {
    t2: new SubjectTreeBuilder(INCOME_KEYS, tracer),
    t3: new SubjectTreeBuilder(BASIC_PROJECT_KEYS, tracer),
    t5: new SubjectTreeBuilder(BASIC_PROJECT_KEYS, tracer),
    t8: new SubjectTreeBuilder(BASIC_PROJECT_KEYS, tracer),
    t9: new SubjectTreeBuilder(BASIC_PROJECT_KEYS, tracer),
    byLei: new SubjectTreeBuilder(CURRENT_CARRYOVER_KEYS, tracer),
    fiscalByLei: new SubjectTreeBuilder(TOTAL_BY_FISCAL_KEYS, tracer),
    fiscal: new SubjectTreeBuilder(TOTAL_BY_FISCAL_KEYS, tracer),
  };
  for (const it of items) {
    const key = SOURCE_KEY[it.source];
    const fen = it.fen;
    const m = it.money;
    const code = it.subject;
    const isFiscal = FISCAL.has(key);
    if (it.kind === "carryover") {
      f.t2.addTo(code, "carryover", undefined, fen, m);
      f.t3.addTo(code, "total", "project", fen, m);
      f.byLei.addTo(code, "total", "carryover", fen, m);
      if (isFiscal) f.fiscalByLei.addTo(code, "total", key as FiscalKey, fen, m);
      continue;
    }
    const dir = it.kind === "basic" ? "basic" : "project";
    f.t2.addTo(code, "total", key, fen, m);
    f.t3.addTo(code, "total", dir, fen, m);
    f.byLei.addTo(code, "total", "current", fen, m);
    if (isFiscal) {
      f.fiscalByLei.addTo(code, "total", key as FiscalKey, fen, m);
      f.fiscal.addTo(code, "total", key as FiscalKey, fen, m);
    }
    if (key === "general") f.t5.addTo(code, "total", dir, fen, m);
    else if (key === "fund") f.t8.addTo(code, "total", dir, fen, m);
    else if (key === "capital") f.t9.addTo(code, "total", dir, fen, m);
  }
  return f;
}

/** The printed label of a 类 of 表一 / 表四: the catalogue's, or its ordinal and name. */
function leiLabel(lei: Catalogue["lei"][number], i: number): string {
  if (lei.label.includes(lei.name)) return lei.label;
  if (lei.label) return `${lei.label}、${lei.name}`;
  return `${chineseNumber(i + 1)}、${lei.name}`;
}

export interface FunctionalTables {
  t1: Table1;
  t2: Table2;
  t3: Table3;
  t4: Table4;
  t5: Table5;
  t7: Table7;
  t8: Table8;
  t9: Table9;
}

/** An income line of 表一 / 表四: a source's amount this year. */
function incomeLine(current: TotalBySource, k: SourceKey, tracer: Tracer): IncomeLine {
  const line: IncomeLine = { source: SOURCE_OF_KEY[k], label: INCOME_LABEL[k], amount: current[k] };
  if (tracer.on) tracer.from(line, "amount", [[current, k]]);
  return line;
}

/** `{ total, current, carryover }` of this year and carried over, with their sources. */
function expenditureTotal(current: TotalBySource, carried: TotalBySource, tracer: Tracer): Cells<(typeof CURRENT_CARRYOVER_KEYS)[number]> {
  const c = { total: add(current.total, carried.total), current: current.total, carryover: carried.total };
  if (tracer.on) {
    tracer.from(c, "total", [[current, "total"], [carried, "total"]]);
    tracer.from(c, "current", [[current, "total"]]);
    tracer.from(c, "carryover", [[carried, "total"]]);
  }
  return c;
}

/** Tables one to five and seven to nine. */
export function functionalTables(f: Functional, totals: Totals, year: number, catalogue: Catalogue, names: ReadonlyMap<string, string>, tracer: Tracer): FunctionalTables {
  const { current, carried } = totals;

  // 表一.
  const incomeTotal = add(current.total, carried.total);
  const t1: Table1 = {
    ...tableBase(1, year, incomeTotal === 0),
    income: SOURCE_KEYS.map((k) => incomeLine(current, k, tracer)),
    expenditure: catalogue.lei.map((lei, i) => ({
      code: lei.code,
      name: lei.name,
      label: leiLabel(lei, i),
      cells: copyCells(f.byLei.lei(lei.code) ?? zeroCells(CURRENT_CARRYOVER_KEYS), tracer),
    })),
    incomeSubtotal: current.total,
    carryover: carried.total,
    incomeTotal,
    expenditureSubtotal: expenditureTotal(current, carried, tracer),
    yearEndCarryover: 0,
    expenditureTotal: expenditureTotal(current, carried, tracer),
  };
  if (tracer.on) {
    tracer.from(t1, "incomeSubtotal", [[current, "total"]]);
    tracer.from(t1, "carryover", [[carried, "total"]]);
    tracer.from(t1, "incomeTotal", [[current, "total"], [carried, "total"]]);
  }

  // 表四.
  const fiscalCurrent = fiscalOnly(current, tracer);
  const fiscalCarried = fiscalOnly(carried, tracer);
  const fiscalAll = f.fiscalByLei.total;
  const t4: Table4 = {
    ...tableBase(4, year, fiscalAll.total === 0),
    income: FISCAL_KEYS.map((k) => incomeLine(current, k, tracer)),
    expenditure: catalogue.lei.map((lei, i) => ({
      code: lei.code,
      name: lei.name,
      label: leiLabel(lei, i),
      cells: copyCells(f.fiscalByLei.lei(lei.code) ?? zeroCells(TOTAL_BY_FISCAL_KEYS), tracer),
    })),
    incomeSubtotal: fiscalCurrent.total,
    carryover: fiscalCarried,
    incomeTotal: add(fiscalCurrent.total, fiscalCarried.total),
    expenditureSubtotal: copyCells(fiscalAll, tracer),
    yearEndCarryover: 0,
    expenditureTotal: copyCells(fiscalAll, tracer),
  };
  if (tracer.on) {
    tracer.from(t4, "incomeSubtotal", [[fiscalCurrent, "total"]]);
    tracer.from(t4, "incomeTotal", [[fiscalCurrent, "total"], [fiscalCarried, "total"]]);
  }

  const tree = <K extends string>(n: number, b: SubjectTreeBuilder<K>) => {
    const rows = b.rows(catalogue, names);
    return { ...tableBase(n, year, rows.length === 0 && allZero(b.total)), total: b.total, rows };
  };

  // 表七: the income total only (the AST records no income subjects).
  const t7: Table7 = { ...tableBase(7, year, current.fund === 0), total: current.fund, rows: [] };
  if (tracer.on) tracer.from(t7, "total", [[current, "fund"]]);

  // 表九.
  const t9rows = f.t9.rows(catalogue, names);
  const t9: Table9 = {
    ...tableBase(9, year, current.capital === 0 && t9rows.length === 0),
    incomeTotal: current.capital,
    incomeRows: [],
    total: f.t9.total,
    rows: t9rows,
  };
  if (tracer.on) tracer.from(t9, "incomeTotal", [[current, "capital"]]);

  return { t1, t2: tree(2, f.t2), t3: tree(3, f.t3), t4, t5: tree(5, f.t5), t7, t8: tree(8, f.t8), t9 };
}
