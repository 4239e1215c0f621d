/**
 * The coverage of performance targets (绩效目标设置), as the budget's own projects give it:
 * how many projects have a performance form in the publication, how much money they hold
 * (their amounts in 表十二), and how many budget units those projects belong to. A budget
 * that lists every project with its form derives it; one that lists only key projects
 * states it (`绩效目标设置 { … }`), and the checker compares what it can.
 */
import { add, type Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import type { Attachment } from "./attach.js";
import type { Tracer } from "./trace.js";
import type { ProjectLine } from "./types.js";
import type { UnitResolution } from "./units.js";

export interface Coverage {
  /** Budget units with at least one project that has a form. */
  readonly units: number;
  /** Projects with a form in the publication. */
  readonly projects: number;
  /** Their amounts, every source, this year. */
  readonly amount: Fen;
}

export function derivedCoverage(budget: A.Budget, attachment: Attachment, lines: readonly ProjectLine[], units: UnitResolution, tracer: Tracer): Coverage {
  const unitNames = new Set<string>();
  let amount = 0;
  const indices = [...attachment.published.keys()].sort((a, b) => a - b);
  for (const i of indices) {
    unitNames.add(units.unitOf(budget.projects[i]!.unit));
    amount = add(amount, lines[i]!.cells.total);
  }
  const c: Coverage = { units: unitNames.size, projects: indices.length, amount };
  if (tracer.on) tracer.from(c, "amount", indices.map((i) => [lines[i]!.cells, "total"] as const));
  return c;
}
