/**
 * Checking a roll-up (汇总): every department budget it includes is checked on its own;
 * then the roll-up's own invariants: no department is included twice (by its code, or by
 * its name when it has none, as some regions' departments do), and each control total the
 * roll-up declares equals the sum over its departments, which together stay within the
 * range computed exactly.
 */
import { bi, hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { ROLLUP_CODES } from "./codes.js";
import { ROLLUP_LIMIT_FEN, sub, sum, wanGrouped, type Fen } from "../base/money.js";
import { LOWERING_CODES } from "../syntax/codes.js";
import type { Span } from "../base/source.js";
import type { DepartmentTotals } from "../model/department.js";
import { SOURCE_KEY } from "../model/keys.js";
import type { LoadedRollup } from "../syntax/load.js";
import { nameKey } from "../base/names.js";

/** One department of a roll-up, checked on its own. */
export interface CheckedDepartment {
  readonly diagnostics: Diagnostic[];
  readonly totals: DepartmentTotals;
}

/**
 * `departmentsClean` is false when some department has an error: its figures may be
 * incomplete (an amount that did not read is left out), so the control totals are not
 * compared, rather than reporting the same mistake twice.
 */
export function checkRollup(r: LoadedRollup, departments: readonly DepartmentTotals[], departmentsClean = true): Diagnostic[] {
  const out: Diagnostic[] = [...r.diagnostics];
  // A department is known by its code; one without a code by its name. The two kinds of
  // key cannot collide: a code is digits, and a name key is prefixed.
  const byKey = new Map<string, DepartmentTotals>();
  for (const d of departments) {
    const key = d.code?.value ? d.code.value : d.name ? `name:${nameKey(d.name)}` : undefined;
    if (key === undefined) continue;
    const first = byKey.get(key);
    if (first) {
      const who = d.code?.value ? bi(`部门 ${d.code.value}（${d.name ?? ""}）`, `department ${d.code.value} (${d.name ?? ""})`) : bi(`部门「${d.name}」`, `department ${d.name}`);
      out.push(
        ROLLUP_CODES.diag("rollup-duplicate-department", d.include.span,
          bi(`${who.zh}已由 ${first.include.value} 汇总，不能再次汇总`, `${who.en} is already rolled up from ${first.include.value}`),
          { related: [{ span: first.include.span, message: bi("第一次汇总在这里", "first rolled up here") }], hint: bi("每个部门只汇总一次", "roll up each department once") },
        ),
      );
      continue;
    }
    byKey.set(key, d);
  }
  // The departments together stay within ROLLUP_LIMIT_FEN, so that their sums and the
  // control totals' differences from them are exact (a department alone is within
  // BUDGET_LIMIT_FEN, which lowering holds it to).
  let together = 0;
  let inRange = true;
  for (const d of departments) {
    together += d.incomeTotal;
    if (together <= ROLLUP_LIMIT_FEN) continue;
    out.push(
      LOWERING_CODES.diag("money-range", d.include.span,
        bi(`汇总到部门「${d.name ?? d.path}」时，各部门收入总计之和超过 8,000,000,000万元，超出可精确计算的范围`, `with the department ${d.name ?? d.path}, the departments' 收入总计 together pass 8,000,000,000万元, beyond what is computed exactly`),
        { hint: bi("检查该部门预算的金额单位：是否把元写成了万元？", "check the units of that department's amounts: is it 元 written as 万元?"), data: { limit: "8000000000万元" } },
      ),
    );
    inRange = false;
    break;
  }
  const control = r.rollup.control;
  if (control && departmentsClean && inRange) {
    const related = departments.slice(0, 8).map((d) => ({ span: d.include.span, message: bi(`${d.name ?? d.path}：${wanGrouped(d.incomeTotal)}万元`, `${d.name ?? d.path}: ${wanGrouped(d.incomeTotal)}`) }));
    const compare = (label: { zh: string; en: string }, declared: { fen: Fen; span: Span }, derived: Fen) => {
      if (declared.fen === derived) return;
      const diff = sub(declared.fen, derived);
      out.push(
        ROLLUP_CODES.diag("rollup-total-mismatch", declared.span,
          bi(
            `汇总控制数${label.zh}为 ${wanGrouped(declared.fen)}万元，各部门合计 ${wanGrouped(derived)}万元（相差 ${wanGrouped(Math.abs(diff))}）`,
            `the roll-up declares ${label.en} ${wanGrouped(declared.fen)} but its ${departments.length} departments sum to ${wanGrouped(derived)} (difference ${wanGrouped(Math.abs(diff))})`,
          ),
          { related, data: { declared: wanGrouped(declared.fen).replace(/,/g, ""), derived: wanGrouped(derived).replace(/,/g, "") } },
        ),
      );
    };
    if (control.incomeTotal) compare({ zh: "收入总计", en: "收入总计 (income total)" }, control.incomeTotal, sum(departments.map((d) => d.incomeTotal)));
    // 单位资金 is the column of every kind of a unit's own funds; any other source is its own.
    const income = (d: DepartmentTotals, source: (typeof control.bySource)[number]["source"]) => (source === "单位资金" ? d.bySource[SOURCE_KEY[source]] : d.incomeBySource[source]);
    for (const a of control.bySource) compare({ zh: a.source, en: a.source }, { fen: a.money.fen, span: a.money.span }, sum(departments.map((d) => income(d, a.source))));
  }
  return sortDiagnostics(out);
}

/**
 * Every diagnostic of a checked roll-up: its departments' own, then the roll-up's. The
 * control totals are compared only when no department has an error (see checkRollup).
 */
export function rollupDiagnostics(r: LoadedRollup, departments: readonly CheckedDepartment[]): Diagnostic[] {
  const own = departments.flatMap((d) => d.diagnostics);
  return [...own, ...checkRollup(r, departments.map((d) => d.totals), !hasErrors(own))];
}
