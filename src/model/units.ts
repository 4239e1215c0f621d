/**
 * Budget units (预算单位): which unit each line, project and carry-over belongs to (names
 * compared by their key, so that no unit is listed twice), and
 * each unit's kind (行政单位 / 参公事业单位 / 事业单位), which decides whether its 公用经费
 * is 机关运行经费 and how its economic subjects map to the government classification.
 */
import { nameKey } from "../base/names.js";
import type { UnitKindKey } from "../catalogue/types.js";
import type * as A from "../syntax/ast.js";
import { UNIT_KIND } from "../syntax/enumerations.js";
import type { UnitModel } from "./types.js";

/** The unit kinds of the language, in the order the model lists them. */
export const UNIT_KINDS = UNIT_KIND.values as readonly UnitKindKey[];
const UNIT_KIND_SET: ReadonlySet<string> = new Set(UNIT_KINDS);
/** Unit kinds whose 公用经费 is 机关运行经费. */
export const ADMINISTRATIVE: ReadonlySet<string> = new Set(["行政单位", "参公事业单位"]);
/** The kind assumed for a unit when neither it nor the department declares one. */
export const DEFAULT_UNIT_KIND: UnitKindKey = "行政单位";

export interface UnitResolution {
  /** Declared units in order, then units only named by items, in order of first mention. */
  readonly units: UnitModel[];
  /**
   * The unit an item belongs to: the one it names; else the only declared unit; else
   * (none or several declared) the department itself.
   */
  unitOf(ref: A.Located<string> | undefined): string;
  /** A unit's kind: its own, else the department's, else DEFAULT_UNIT_KIND. */
  kindOf(unit: string): UnitKindKey;
}

/** A unit kind as written, when it is one of the language's; undefined otherwise. */
export function validKind(k: string | undefined): UnitKindKey | undefined {
  return k !== undefined && UNIT_KIND_SET.has(k) ? (k as UnitKindKey) : undefined;
}

/** Resolves the budget's units. Units named only by items are added as they are first asked for. */
export function resolveUnits(budget: A.Budget): UnitResolution {
  const deptName = budget.department?.name.value ?? "";
  const deptKind = validKind(budget.department?.kind?.value);
  const units: UnitModel[] = [];
  // Keyed by the name key (base/names.ts): a unit named in another width or with a stray
  // space is the same unit, listed once under the name it was declared with.
  const byKey = new Map<string, UnitModel>();
  const deptKey = nameKey(deptName);
  for (const u of budget.units) {
    const name = u.name.value;
    const key = nameKey(name);
    if (byKey.has(key)) continue;
    const kind = validKind(u.kind?.value) ?? deptKind;
    const m: UnitModel = { name, ...(kind ? { kind } : {}), isDepartment: key === deptKey, declared: true, ...(u.note ? { note: u.note.value } : {}) };
    units.push(m);
    byKey.set(key, m);
  }
  const fallback = budget.units.length === 1 ? budget.units[0]!.name.value : deptName;
  const ensure = (name: string): string => {
    const key = nameKey(name);
    let m = byKey.get(key);
    if (!m) {
      m = { name, ...(deptKind ? { kind: deptKind } : {}), isDepartment: key === deptKey, declared: false };
      units.push(m);
      byKey.set(key, m);
    }
    return m.name;
  };
  return {
    units,
    unitOf: (ref) => ensure(ref?.value ?? fallback),
    kindOf: (unit) => byKey.get(nameKey(unit))?.kind ?? deptKind ?? DEFAULT_UNIT_KIND,
  };
}
