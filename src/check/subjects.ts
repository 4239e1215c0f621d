/**
 * Where the budget uses classification codes: the functional subject (科目) of each basic
 * line, project and carry-over, the subjects that purposes, 执行数 and reasons name, and
 * the economic subject of each basic line and project 经济科目, grouped by code in order
 * of first use, so that a code used a thousand times is reported once.
 */
import type { Located } from "../syntax/ast.js";
import type { Budget } from "../syntax/ast.js";
import type { Catalogue } from "../catalogue/types.js";
import { diffCatalogues, type CatalogueChange } from "../catalogue/diff.js";

export interface CodeUse {
  readonly code: string;
  /** Every place the code is written, in source order. */
  readonly uses: readonly Located<string>[];
}

const functionalCache = new WeakMap<Budget, CodeUse[]>();
const namedCache = new WeakMap<Budget, CodeUse[]>();
const economicCache = new WeakMap<Budget, CodeUse[]>();

function group(items: Iterable<Located<string> | undefined>): CodeUse[] {
  const by = new Map<string, Located<string>[]>();
  for (const l of items) {
    if (!l) continue;
    let list = by.get(l.value);
    if (!list) by.set(l.value, (list = []));
    list.push(l);
  }
  return [...by].map(([code, uses]) => ({ code, uses }));
}

/** The functional subject codes of the budget, each with where it is written. */
export function functionalCodes(budget: Budget): readonly CodeUse[] {
  let c = functionalCache.get(budget);
  if (!c) {
    c = group(
      (function* () {
        for (const l of budget.basic) yield l.subject;
        for (const p of budget.projects) yield p.subject;
        for (const x of budget.carryovers) yield x.subject;
      })(),
    );
    functionalCache.set(budget, c);
  }
  return c;
}

/**
 * Every functional subject code the budget writes: those of its amounts (as
 * functionalCodes), then those that purposes, 执行数 and reasons name, each with where it
 * is written.
 */
export function namedFunctionalCodes(budget: Budget): readonly CodeUse[] {
  let c = namedCache.get(budget);
  const ly = budget.lastYear;
  // Most budgets name no code outside their amounts: their grouping is functionalCodes'.
  if (!c && !budget.purposes.length && !ly?.executed.length && !ly?.reasons.some((r) => /^\d+$/.test(r.figure.value))) return functionalCodes(budget);
  if (!c) {
    c = group(
      (function* () {
        for (const u of functionalCodes(budget)) yield* u.uses;
        for (const p of budget.purposes) yield p.code;
        for (const e of budget.lastYear?.executed ?? []) yield e.code;
        for (const r of budget.lastYear?.reasons ?? []) if (/^\d+$/.test(r.figure.value)) yield r.figure;
      })(),
    );
    namedCache.set(budget, c);
  }
  return c;
}

/** The economic subject codes of the basic lines and of the projects' 经济科目, each with where it is written. */
export function economicCodes(budget: Budget): readonly CodeUse[] {
  let c = economicCache.get(budget);
  if (!c) {
    c = group(
      (function* () {
        for (const l of budget.basic) yield l.economic;
        for (const p of budget.projects) for (const e of p.economic) yield e.code;
      })(),
    );
    economicCache.set(budget, c);
  }
  return c;
}

/** True when a basic line uses the economic code (rather than only a project's 经济科目). */
export function usedByBasicLine(budget: Budget, use: CodeUse): boolean {
  const first = use.uses[0];
  return first !== undefined && budget.basic.some((l) => l.economic === first);
}

/** A functional code has the shape of a 类 (3 digits), 款 (5) or 项 (7). */
export const FUNCTIONAL_SHAPE = /^(\d{3}|\d{5}|\d{7})$/;
/** An economic code has the shape of a 类 (3 digits) or 款 (5). */
export const ECONOMIC_SHAPE = /^(\d{3}|\d{5})$/;

/**
 * The catalogue's name of a code of any of the three classifications, which never share
 * a code: functional codes start with 2, 部门 economic codes with 3, 政府 ones with 5.
 */
export function catalogueName(cat: Catalogue, code: string): string | undefined {
  if (code.startsWith("2")) return cat.functional(code)?.name;
  if (code.startsWith("3")) return cat.economic(code)?.name;
  if (code.startsWith("5")) return cat.government(code)?.name;
  return undefined;
}

const changesCache = new WeakMap<Catalogue, WeakMap<Catalogue, ReadonlyMap<string, CatalogueChange>>>();

/** The changes from one catalogue to the next, by old code; computed once per pair. */
export function changesBetween(before: Catalogue, after: Catalogue): ReadonlyMap<string, CatalogueChange> {
  let inner = changesCache.get(before);
  if (!inner) changesCache.set(before, (inner = new WeakMap()));
  let m = inner.get(after);
  if (!m) {
    m = new Map(diffCatalogues(before, after).filter((c) => c.kind !== "added").map((c) => [`${c.list} ${c.code}`, c]));
    inner.set(after, m);
  }
  return m;
}

/** True when subject-changed reports a code that this year's catalogue lacks (so unknown-* stays quiet). */
export function reportedAsChanged(prev: Catalogue | undefined, cat: Catalogue, list: "functional" | "department", code: string): boolean {
  if (!prev) return false;
  const c = changesBetween(prev, cat).get(`${list} ${code}`);
  return c !== undefined && c.kind !== "renamed";
}
