/**
 * The work done per department of a roll-up, the same in the main thread and in a
 * worker (worker.ts): `check` a department budget on its own (yusuan check), or `build`
 * it: check it and, when it has no error, derive, render and write its publication
 * straight away, from the same checked budget. A department is loaded, checked and
 * derived once per build, and a thread holds one department at a time, so that a
 * build's memory does not grow with the province.
 *
 * With a build cache (cache.ts), a department whose recorded inputs are unchanged is
 * served from it (its files copied into the staging folder, its diagnostics and totals
 * read from the entry); a department built now records what it read, for the main thread
 * to store once the build has written everything.
 *
 * Rendering and the cache are imported only when building: checking never loads
 * templates or charts.
 */
import { hasErrors, type Diagnostic } from "../base/diagnostics.js";
import { checkBudget } from "../check/check.js";
import type { Catalogue } from "../catalogue/types.js";
import { checkDepartment } from "../check/entry.js";
import type { CheckedDepartment } from "../check/rollup.js";
import { departmentTotals } from "../model/department.js";
import type { Located } from "../syntax/ast.js";
import { loadBudget, type SourceHost } from "../syntax/load.js";
import { withParser } from "../syntax/parse.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import type { EmitRequest, Emitted } from "./emit.js";
import type { ProfileSource } from "../model/spec.js";
import { profileNamesOnly } from "./profile-names.js";
import type { ProfileChoice, Profiles } from "./profiles.js";
import type { BuildCache, CacheSettings, DepsRecord } from "./cache.js";

/** A department budget of a roll-up: its file and the 引用 that names it. */
export interface DepartmentRef {
  readonly path: string;
  readonly include: Located<string>;
}

/** How a department is built: where its publication goes, and what else is asked. */
export interface BuildRequest extends EmitRequest {
  /** Check only, write nothing: an earlier department had an error and the build will write nothing. */
  readonly checkOnly?: boolean;
  /** The build cache, when the build keeps one. */
  readonly cache?: CacheSettings;
}

/** A department built: its check, and what was written of it. */
export interface DepartmentBuilt extends CheckedDepartment {
  /** The publication written below the request's folder: absent for a department with an error. */
  readonly emitted?: Emitted;
  /** True when the files and the result came from the build cache. */
  readonly cached?: boolean;
  /** What a department built now read, and its key, for storing it in the cache. */
  readonly deps?: DepsRecord;
}

/** What a runner is asked to do with one department. */
export type Job = { readonly kind: "check"; readonly department: DepartmentRef } | { readonly kind: "build"; readonly department: DepartmentRef; readonly request: BuildRequest };

export class DepartmentRunner {
  private readonly checking: ProfileSource;
  private publishing?: Profiles;
  private cache?: BuildCache;
  private readonly profileDigests = new Map<string, string>();

  constructor(
    private readonly io: Io,
    private readonly custom?: Catalogue,
    /** The roll-up's own catalogue, for the departments that name none. */
    private readonly inherited?: Catalogue,
    private readonly choice: ProfileChoice = {},
  ) {
    // Checking needs the profiles' names; building, each department's profile (read on first use).
    this.checking = profileNamesOnly(io, choice.override);
  }

  run(job: Job): Promise<CheckedDepartment | DepartmentBuilt> {
    return job.kind === "check" ? this.check(job.department) : this.build(job.department, job.request);
  }

  /**
   * Checks a department. One that needs the full parser is the only one run twice. Each
   * department reads through a host of its own, dropped with it: a thread holds one
   * department's texts at a time, never the province's.
   */
  check(d: DepartmentRef): Promise<CheckedDepartment> {
    const host = fsHost(this.io);
    return withParser(() => checkDepartment(d, host, this.custom, this.inherited, { profiles: this.checking }));
  }

  /** Checks a department and, when it has no error, writes its publication below `request.out`. */
  async build(d: DepartmentRef, request: BuildRequest): Promise<DepartmentBuilt> {
    const [{ emitPublication, outputBase }, { Profiles }, cacheModule] = await Promise.all([import("./emit.js"), import("./profiles.js"), request.cache ? import("./cache.js") : undefined]);
    const publishing = (this.publishing ??= new Profiles(this.io, this.choice.override, this.choice.templates));
    const base = outputBase(request.root, d.path);
    let cache: BuildCache | undefined;
    if (cacheModule && request.cache) {
      if (this.cache?.settings !== request.cache) this.cache = new cacheModule.BuildCache(this.io, request.cache);
      cache = this.cache;
      const hit = request.checkOnly ? undefined : cache.lookup(d.path, base, (name) => this.profileDigest(name, cacheModule));
      if (hit) {
        const files = cache.restore(hit, request.out);
        const { diagnostics, totals } = hit.manifest.result;
        return { diagnostics, totals: { ...totals, include: d.include }, emitted: { files, base }, cached: true };
      }
    }
    // Built now: with a cache, every file the loader asks about is recorded.
    const recording = cache ? cacheModule!.recordingIo(this.io) : undefined;
    const host: SourceHost = fsHost(recording ? recording.io : this.io);
    // Parsing (which may load the full parser and run again) comes before any write.
    const checked = await withParser(() => checkBudget(loadBudget(d.path, host), this.custom, this.inherited, { profiles: publishing }));
    const result = { diagnostics: checked.diagnostics, totals: departmentTotals(d.path, d.include, checked.derivation) };
    if (request.checkOnly || hasErrors(checked.diagnostics)) return result;
    const read = publishing.forBudget(checked.profile);
    if ("problem" in read) throw new Error(`${d.path}: ${read.problem}`);
    const emitted = await emitPublication(this.io, request, checked, d.path, read.profile);
    if (!recording || !cache) return { ...result, emitted };
    const reads = recording.reads();
    // A diagnostic located in a file the department did not read (its 引用 in the roll-up
    // file) may move when that file changes: such a department is not stored.
    const read_ = new Set(reads.map((r) => r.path));
    if (!checked.diagnostics.every((x) => locatedIn(x, read_))) return { ...result, emitted };
    const key = cache.keyOf(d.path, base, reads, this.profileDigest(checked.profile, cacheModule!));
    return { ...result, emitted, deps: { reads, profile: checked.profile, key } };
  }

  /** The digest of a profile as this build reads it: every layer's profile.json and templates, --templates included. */
  private profileDigest(name: string, cacheModule: typeof import("./cache.js")): string {
    let v = this.profileDigests.get(name);
    if (v === undefined) {
      v = cacheModule.profileDigest(this.io, name, this.choice.templates);
      this.profileDigests.set(name, v);
    }
    return v;
  }
}

/** True when the diagnostic and everything related to it are located in the given files. */
function locatedIn(d: Diagnostic, files: ReadonlySet<string>): boolean {
  return files.has(d.span.file) && d.related.every((r) => files.has(r.span.file));
}
