/**
 * The work done per department of a roll-up, the same in the main thread and in a
 * worker (worker.ts): check each department budget on its own, and later emit the
 * publications. A runner reads each file once and holds the texts, not the checked
 * budgets: emitting loads and checks a department again from the same text (a few
 * milliseconds against the tens that rendering takes), so that a build's memory does
 * not grow with the province and what is emitted is exactly what was checked.
 * Rendering is imported only when emitting: checking never loads templates or charts.
 */
import { hasErrors } from "../base/diagnostics.js";
import { checkBudget } from "../check/check.js";
import type { Catalogue } from "../catalogue/types.js";
import { checkDepartment } from "../check/entry.js";
import type { CheckedDepartment } from "../check/rollup.js";
import type { Located } from "../syntax/ast.js";
import { loadBudget, type SourceHost } from "../syntax/load.js";
import { withParser } from "../syntax/parse.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import type { EmitRequest, Emitted } from "./emit.js";
import type { ProfileSource } from "../model/spec.js";
import { profileNamesOnly } from "./profile-names.js";
import type { ProfileChoice, Profiles } from "./profiles.js";

/** A department budget of a roll-up: its file and the 引用 that names it. */
export interface DepartmentRef {
  readonly path: string;
  readonly include: Located<string>;
}

/** What a runner is asked to do with its slice of departments. */
export type Job = { readonly kind: "check"; readonly departments: DepartmentRef[] } | { readonly kind: "emit"; readonly departments: DepartmentRef[]; readonly request: EmitRequest };

export class DepartmentRunner {
  private readonly host: SourceHost;
  private readonly checking: ProfileSource;
  private publishing?: Profiles;

  constructor(
    private readonly io: Io,
    private readonly custom?: Catalogue,
    /** The roll-up's own catalogue, for the departments that name none. */
    private readonly inherited?: Catalogue,
    private readonly choice: ProfileChoice = {},
  ) {
    this.host = fsHost(io);
    // Checking needs the profiles' names; emitting, each department's profile (read on first use).
    this.checking = profileNamesOnly(io, choice.override);
  }

  run(job: Job): Promise<CheckedDepartment[] | Emitted[]> {
    return job.kind === "check" ? this.check(job.departments) : this.emit(job.departments, job.request);
  }

  /** Checks each department. */
  async check(departments: readonly DepartmentRef[]): Promise<CheckedDepartment[]> {
    const out: CheckedDepartment[] = [];
    // One department at a time: one that needs the full parser is the only one run twice.
    for (const d of departments) {
      out.push(await withParser(() => checkDepartment(d, this.host, this.custom, this.inherited, { profiles: this.checking })));
    }
    return out;
  }

  /** Derives, renders and writes the publications of departments this runner checked clean. */
  async emit(departments: readonly DepartmentRef[], request: EmitRequest): Promise<Emitted[]> {
    const { emitPublication } = await import("./emit.js");
    const { Profiles } = await import("./profiles.js");
    const publishing = (this.publishing ??= new Profiles(this.io, this.choice.override, this.choice.templates));
    const out: Emitted[] = [];
    for (const d of departments) {
      // Parsing (which may load the full parser and run again) comes before any write.
      const checked = await withParser(() => checkBudget(loadBudget(d.path, this.host), this.custom, this.inherited, { profiles: publishing }));
      if (hasErrors(checked.diagnostics)) throw new Error(`${d.path} has errors at emit time`);
      const read = publishing.forBudget(checked.profile);
      if ("problem" in read) throw new Error(`${d.path}: ${read.problem}`);
      out.push(await emitPublication(this.io, request, checked, d.path, read.profile));
    }
    return out;
  }
}
