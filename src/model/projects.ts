/**
 * 表十二 and 表十三: projects (this year) and carry-overs, by unit, each with its amount
 * by source.
 */
import type * as A from "../syntax/ast.js";
import { addCells, sumBySource, TOTAL_BY_SOURCE_KEYS, zeroCells } from "./cells.js";
import { tableBase } from "./labels.js";
import type { Tracer } from "./trace.js";
import type { ProjectLine, ProjectTable, TotalBySource, UnitModel } from "./types.js";
import type { UnitResolution } from "./units.js";

/**
 * The department row, then each unit with projects, and its projects in source order;
 * `lines` are the project lines in source order, for the figures that count them.
 */
export function projectTable(
  n: number,
  year: number,
  deptName: string,
  unitOrder: readonly UnitModel[],
  projects: readonly (A.Project | A.Carryover)[],
  unitOf: UnitResolution["unitOf"],
  tracer: Tracer,
): { table: ProjectTable; lines: ProjectLine[] } {
  const byUnit = new Map<string, { cells: TotalBySource; projects: ProjectLine[] }>();
  const dept = zeroCells(TOTAL_BY_SOURCE_KEYS);
  const lines: ProjectLine[] = [];
  for (const p of projects) {
    const unit = unitOf(p.unit);
    let u = byUnit.get(unit);
    if (!u) byUnit.set(unit, (u = { cells: zeroCells(TOTAL_BY_SOURCE_KEYS), projects: [] }));
    const cells = sumBySource(p.amounts, tracer);
    addSums(u.cells, cells, tracer);
    addSums(dept, cells, tracer);
    const line: ProjectLine = {
      name: p.name.value,
      ...(p.category ? { category: p.category.value } : {}),
      ...(p.subject ? { subject: p.subject.value } : {}),
      cells,
    };
    u.projects.push(line);
    lines.push(line);
  }
  const units = unitOrder.filter((u) => byUnit.has(u.name)).map((u) => ({ name: u.name, ...byUnit.get(u.name)! }));
  return { table: { ...tableBase(n, year, projects.length === 0), department: { name: deptName, cells: dept }, units }, lines };
}

/** Adds one project's cells into a unit's or the department's, carrying its sources. */
function addSums(into: TotalBySource, cells: TotalBySource, tracer: Tracer): void {
  addCells(into, cells);
  if (tracer.on) for (const k of TOTAL_BY_SOURCE_KEYS) if (cells[k]) tracer.from(into, k, [[cells, k]]);
}
