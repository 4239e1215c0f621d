/**
 * The department pool: the departments of a roll-up are independent, so checking and
 * emitting them is split into contiguous slices, one per job. The first slice runs in
 * the main thread; each other slice runs in a worker thread (worker.ts) that loads its
 * own copy of the compiler. Results come back in department order, so the output does
 * not depend on the number of jobs.
 *
 * A worker costs a start-up (loading the compiler, tens of milliseconds), so a roll-up
 * of few departments runs in the main thread alone. Checking and rendering allocate
 * heavily, and V8's garbage collector already runs on other cores beside the main
 * thread: on two cores a second JavaScript thread made a 100-department check slower
 * (1.54 s against 1.32 s) and a 40-department build too (3.20 s against 2.93 s), so
 * threads are used by default only from four cores up. --jobs overrides.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { catalogueOfData, type CatalogueData } from "../catalogue/named.js";
import type { CheckedDepartment } from "../check/rollup.js";
import { DepartmentRunner, type DepartmentRef, type Job } from "./departments.js";
import type { EmitRequest, Emitted } from "./emit.js";
import type { Io } from "./io.js";
import type { CustomCatalogue } from "./catalogue.js";
import type { ProfileChoice } from "./profiles.js";

export interface WorkerInit {
  /** A --catalogue file as the main thread read and validated it. */
  readonly catalogue?: CatalogueData;
  /** The catalogue the roll-up names, as the main thread read it. */
  readonly inherited?: CatalogueData;
  /** --profile and --templates. */
  readonly profiles?: ProfileChoice;
}
export type WorkerRequest = Job & { readonly id: number };
export type WorkerReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: string };

/** Below this many departments a roll-up is checked in the main thread alone. */
export const MIN_DEPARTMENTS_PER_JOB = 8;
/** Fewer cores than this, and the default is one job (see above). */
export const MIN_CORES_FOR_THREADS = 4;

const WORKER = new URL("./worker.js", import.meta.url);

/** The number of jobs to use: --jobs if given, else one per core, never more than useful. */
export function jobsFor(departments: number, requested?: number): number {
  const available = availableParallelism();
  const cores = requested ?? (available >= MIN_CORES_FOR_THREADS ? Math.min(available, 8) : 1);
  const useful = Math.max(1, Math.floor(departments / MIN_DEPARTMENTS_PER_JOB));
  const jobs = Math.max(1, Math.min(cores, requested === undefined ? useful : departments));
  // Running from TypeScript sources (the tests), there is no compiled worker to start.
  return jobs > 1 && existsSync(fileURLToPath(WORKER)) ? jobs : 1;
}

interface Executor {
  call<T>(job: Job): Promise<T>;
  close(): Promise<void>;
}

class LocalExecutor implements Executor {
  constructor(private readonly runner: DepartmentRunner) {}
  call<T>(job: Job): Promise<T> {
    return this.runner.run(job) as Promise<T>;
  }
  async close(): Promise<void> {}
}

class WorkerExecutor implements Executor {
  private readonly worker: Worker;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor(init: WorkerInit) {
    this.worker = new Worker(WORKER, { workerData: init });
    this.worker.on("message", (r: WorkerReply) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.value);
      else p.reject(new Error(r.error));
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("messageerror", fail);
    // A worker that stops, for whatever reason, fails what is pending and all later calls.
    this.worker.on("exit", (code) => fail(this.failure ?? new Error(`a worker stopped with exit code ${code}`)));
  }

  call<T>(req: Job): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Splits items into n contiguous slices of near-equal size. */
export function slices<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  const size = Math.floor(items.length / n);
  let extra = items.length % n;
  let at = 0;
  for (let i = 0; i < n; i++) {
    const len = size + (extra-- > 0 ? 1 : 0);
    out.push(items.slice(at, at + len));
    at += len;
  }
  return out;
}

export class DepartmentPool {
  private constructor(private readonly executors: Executor[]) {}

  /**
   * Starts `jobs - 1` workers; the main thread is the first job. `custom` is a catalogue
   * from the command line, `inherited` the one the roll-up names; every thread builds the
   * same catalogue from the same data.
   */
  static open(io: Io, jobs: number, custom?: CustomCatalogue, inherited?: CatalogueData, profiles: ProfileChoice = {}): DepartmentPool {
    const local = new LocalExecutor(new DepartmentRunner(io, custom?.catalogue, inherited ? catalogueOfData(inherited).catalogue : undefined, profiles));
    const workers: WorkerExecutor[] = [];
    const init: WorkerInit = { ...(custom ? { catalogue: custom.data } : {}), ...(inherited ? { inherited } : {}), profiles };
    try {
      for (let i = 1; i < jobs; i++) workers.push(new WorkerExecutor(init));
    } catch (e) {
      for (const w of workers) void w.close();
      throw e;
    }
    return new DepartmentPool([local, ...workers]);
  }

  check(departments: readonly DepartmentRef[]): Promise<CheckedDepartment[]> {
    return this.spread(departments, (ds) => ({ kind: "check", departments: ds }));
  }

  emit(departments: readonly DepartmentRef[], request: EmitRequest): Promise<Emitted[]> {
    return this.spread(departments, (ds) => ({ kind: "emit", departments: ds, request }));
  }

  close(): Promise<void[]> {
    return Promise.all(this.executors.map((e) => e.close()));
  }

  private async spread<R>(departments: readonly DepartmentRef[], req: (ds: DepartmentRef[]) => Job): Promise<R[]> {
    const parts = slices(departments, this.executors.length);
    // The workers' requests go out first: the main thread's own slice then runs while they work.
    const results: Promise<R[]>[] = new Array(parts.length);
    for (let i = parts.length - 1; i >= 0; i--) results[i] = this.executors[i]!.call<R[]>(req(parts[i]!));
    return (await Promise.all(results)).flat();
  }
}
