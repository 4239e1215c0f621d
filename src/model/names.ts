/**
 * The names a budget writes for classification codes: beside a code (科目 2070109 "群众文化"
 * on a project or carry-over; 支出 2070109 "群众文化" 30201 "办公费" … on a basic line) and
 * in 科目名 statements (科目名 20701 "文化和旅游"). The tables take a row's name from the
 * catalogue, else from here; the checker compares the two where both exist.
 *
 * Codes of the three classifications never collide (functional codes start with 2, 部门
 * economic codes with 3, 政府 ones with 5), so one map keyed by code serves them all.
 */
import type { Budget, Located } from "../syntax/ast.js";

/** One name written for a code, where the code and the name are written. */
export interface WrittenName {
  readonly code: Located<string>;
  readonly name: Located<string>;
}

const cache = new WeakMap<Budget, readonly WrittenName[]>();

/** Every name the budget writes for a code, in reading order: 科目名 first, then the items. */
export function writtenNames(budget: Budget): readonly WrittenName[] {
  let out = cache.get(budget) as WrittenName[] | undefined;
  if (out) return out;
  out = [];
  for (const s of budget.subjectNames) out.push({ code: s.code, name: s.name });
  for (const l of budget.basic) {
    if (l.subjectName) out.push({ code: l.subject, name: l.subjectName });
    if (l.economicName) out.push({ code: l.economic, name: l.economicName });
  }
  for (const p of budget.projects) if (p.subject && p.subjectName) out.push({ code: p.subject, name: p.subjectName });
  for (const c of budget.carryovers) if (c.subject && c.subjectName) out.push({ code: c.subject, name: c.subjectName });
  cache.set(budget, out);
  return out;
}

/** The name the budget gives each code: the first written. */
export function sourceNames(budget: Budget): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const w of writtenNames(budget)) if (!names.has(w.code.value)) names.set(w.code.value, w.name.value);
  return names;
}
