/**
 * Items: every amount-bearing fact of the budget (a basic line, one source of a project,
 * one source of a carry-over), flattened into one list. Every table and figure of the
 * model is a sum over items, and an item keeps the amount as written, so that a figure's
 * sources are the items that make it.
 */
import type { Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import type { UnitResolution } from "./units.js";

/** One amount of the budget, flattened: what every table sums. */
export interface Item {
  readonly kind: "basic" | "project" | "carryover";
  /** The resolved unit. */
  readonly unit: string;
  /** The functional subject code, when written. */
  readonly subject?: string;
  readonly source: A.Source;
  /** The amount as written (its span, text and value in 分). */
  readonly money: A.Money;
  readonly fen: Fen;
  /** The economic subject (basic lines only). */
  readonly economic?: string;
  /** The index of the line, project or carry-over in its list of the budget. */
  readonly index: number;
}

/** Flattens the budget's amounts, in source order: basic lines, projects, carry-overs. */
export function budgetItems(budget: A.Budget, units: UnitResolution): Item[] {
  const out: Item[] = [];
  budget.basic.forEach((l, index) => {
    out.push({ kind: "basic", unit: units.unitOf(l.unit), subject: l.subject.value, source: l.source.value, money: l.money, fen: l.money.fen, economic: l.economic.value, index });
  });
  budget.projects.forEach((p, index) => {
    const unit = units.unitOf(p.unit);
    for (const a of p.amounts) out.push({ kind: "project", unit, ...(p.subject ? { subject: p.subject.value } : {}), source: a.source, money: a.money, fen: a.money.fen, index });
  });
  budget.carryovers.forEach((c, index) => {
    const unit = units.unitOf(c.unit);
    for (const a of c.amounts) out.push({ kind: "carryover", unit, ...(c.subject ? { subject: c.subject.value } : {}), source: a.source, money: a.money, fen: a.money.fen, index });
  });
  return out;
}

/** An amount with an economic subject: a basic line, or a project's spending by economic subject. */
export interface EconomicItem extends Item {
  readonly economic: string;
}

/**
 * The amounts with an economic subject: every basic line, and the projects that state
 * theirs (经济科目): one code without an amount makes the whole project that subject, in
 * each of its sources; codes with amounts split the project, each in its one source. A
 * project whose economic lines do not fit either way (codes with amounts on a project of
 * several sources, or lines with and without amounts) is left out; the checker reports it.
 */
export function economicItems(budget: A.Budget, units: UnitResolution, items: readonly Item[]): EconomicItem[] {
  const out: EconomicItem[] = [];
  for (const it of items) if (it.kind === "basic" && it.economic !== undefined) out.push(it as EconomicItem);
  budget.projects.forEach((p, index) => {
    const lines = p.economic ?? [];
    if (!lines.length) return;
    const unit = units.unitOf(p.unit);
    const subject = p.subject ? { subject: p.subject.value } : {};
    if (lines.length === 1 && !lines[0]!.money) {
      for (const a of p.amounts) out.push({ kind: "project", unit, ...subject, source: a.source, money: a.money, fen: a.money.fen, economic: lines[0]!.code.value, index });
      return;
    }
    if (p.amounts.length !== 1 || lines.some((l) => !l.money)) return;
    const source = p.amounts[0]!.source;
    for (const l of lines) out.push({ kind: "project", unit, ...subject, source, money: l.money!, fen: l.money!.fen, economic: l.code.value, index });
  });
  return out;
}
