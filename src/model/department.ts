/**
 * What a roll-up needs of one department: its code and name, and its totals read off its
 * derivation (收入总计, this year's income by source, 上年结转), so that the roll-up's
 * control totals and its index add up exactly the figures each department publishes.
 */
import type { Fen } from "../base/money.js";
import type { Source } from "../syntax/ast.js";
import type { Span } from "../base/source.js";
import type { Derivation } from "./derivation.js";
import type { BySource } from "./types.js";

export interface DepartmentTotals {
  readonly path: string;
  readonly include: { readonly value: string; readonly span: Span };
  readonly code?: { readonly value: string; readonly span: Span };
  readonly name?: string;
  /** 收入总计 (本年收入 + 上年结转). */
  readonly incomeTotal: Fen;
  /** 本年收入 by source. */
  readonly bySource: BySource;
  /** 本年收入 by each source as written (事业收入 apart from 其他收入). */
  readonly incomeBySource: Readonly<Record<Source, Fen>>;
  /** 上年结转. */
  readonly carryover: Fen;
}

export function departmentTotals(path: string, include: DepartmentTotals["include"], d: Derivation): DepartmentTotals {
  const dept = d.budget.department;
  const { current, carried, incomeTotal } = d.totals;
  return {
    path,
    include,
    ...(dept ? { code: dept.code, name: dept.name.value } : {}),
    incomeTotal,
    bySource: { general: current.general, fund: current.fund, capital: current.capital, specialAccount: current.specialAccount, unitFunds: current.unitFunds },
    incomeBySource: { ...d.totals.bySource },
    carryover: carried.total,
  };
}
