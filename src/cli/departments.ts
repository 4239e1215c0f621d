/**
 * The work done per department of a roll-up, the same in the main thread and in a
 * worker (worker.ts): check each department budget on its own, keep the clean ones, and
 * later emit their publications. A runner holds its departments' checked budgets
 * between the two steps, so that a build parses each file once. Rendering is imported
 * only when emitting: checking never loads templates or charts.
 */
import { hasErrors, type Diagnostic } from "../base/diagnostics.js";
import { checkBudget, type CheckResult } from "../check/check.js";
import type { Catalogue } from "../check/catalogue/types.js";
import { departmentTotals, type DepartmentTotals } from "../check/rollup.js";
import type { Located } from "../syntax/ast.js";
import { loadBudget } from "../syntax/load.js";
import { withParser } from "../syntax/parse.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import type { EmitRequest, Emitted } from "./emit.js";

/** A department budget of a roll-up: its file and the 引用 that names it. */
export interface DepartmentRef {
  readonly path: string;
  readonly include: Located<string>;
}

export interface DepartmentChecked {
  readonly diagnostics: Diagnostic[];
  readonly totals: DepartmentTotals;
}

export class DepartmentRunner {
  private readonly kept = new Map<string, CheckResult>();

  constructor(
    private readonly io: Io,
    private readonly custom?: Catalogue,
  ) {}

  /** Checks each department; with `keep`, holds the clean ones for `emit`. */
  async check(departments: readonly DepartmentRef[], keep: boolean): Promise<DepartmentChecked[]> {
    const host = fsHost(this.io);
    return withParser(() =>
      departments.map((d) => {
        const loaded = loadBudget(d.path, host);
        const checked = checkBudget(loaded, this.custom);
        if (keep && !hasErrors(checked.diagnostics)) this.kept.set(d.path, checked);
        return { diagnostics: checked.diagnostics, totals: departmentTotals(d.path, d.include, loaded.budget) };
      }),
    );
  }

  /** Derives, renders and writes the publications of departments checked with `keep`. */
  async emit(departments: readonly DepartmentRef[], request: EmitRequest): Promise<Emitted[]> {
    const { Emitter } = await import("./emit.js");
    const emitter = Emitter.for(request);
    return departments.map((d) => {
      const checked = this.kept.get(d.path);
      if (!checked) throw new Error(`internal: ${d.path} was not checked clean before emitting`);
      return emitter.emit(this.io, checked, d.path);
    });
  }
}
