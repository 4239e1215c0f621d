/**
 * The department pool: the departments of a roll-up are independent, so they are dealt
 * one at a time from a shared queue to whichever thread is free, largest first (by the
 * size of the department's source file), so that one large department started last
 * cannot hold the rest up. The main thread takes departments from the queue like any
 * worker thread (worker.ts), each of which loads its own copy of the compiler. Results
 * come back in department order, so the output does not depend on the number of jobs
 * or on which thread did what.
 *
 * A worker costs a start-up (loading the compiler, tens of milliseconds), so a roll-up
 * of few departments runs in the main thread alone. Checking and rendering allocate
 * heavily, and V8's garbage collector already runs on other cores beside the main
 * thread: on two cores a second JavaScript thread made a 100-department check slower
 * (1.54 s against 1.32 s) and a 40-department build too (3.20 s against 2.93 s), so
 * threads are used by default only from four cores up. --jobs overrides.
 *
 * The queue is this module's own rather than a pool library's: the main thread must take
 * part (on two cores it is one of the two), and the tasks are whole departments of tens of
 * milliseconds and more, where a library's finer scheduling buys nothing.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { catalogueOfData, type CatalogueData } from "../catalogue/named.js";
import type { CheckedDepartment } from "../check/rollup.js";
import { DepartmentRunner, type BuildRequest, type DepartmentBuilt, type DepartmentRef, type Job } from "./departments.js";
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
/**
 * Departments a worker holds at once: while the main thread is busy with a department of
 * its own it cannot hand a worker its next one, so each worker has a second in hand.
 */
const IN_HAND = 2;

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

/**
 * The order departments are dealt in: largest first, ties in roll-up order. Dealing the
 * largest first is the classic longest-processing-time rule: the last departments to
 * start are the small ones, so the threads finish close together.
 */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
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

export class DepartmentPool {
  private constructor(
    private readonly io: Io,
    private readonly local: Executor,
    private readonly workers: Executor[],
  ) {}

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
    return new DepartmentPool(io, local, workers);
  }

  /** The size of each department's source file, by which the queue is ordered. */
  sizes(departments: readonly DepartmentRef[]): number[] {
    return departments.map((d) => this.io.stat(d.path)?.size ?? 0);
  }

  check(departments: readonly DepartmentRef[]): Promise<CheckedDepartment[]> {
    return this.queue(departments, (d) => ({ kind: "check", department: d }));
  }

  /**
   * Checks each department and, when it is clean (or only warned), writes its
   * publication. `request(i)` is asked as each department is dealt, so that a build can
   * stop writing once a department has an error; `done` is told of each as it finishes.
   */
  build(departments: readonly DepartmentRef[], request: (i: number) => BuildRequest, done?: (i: number, r: DepartmentBuilt) => void): Promise<DepartmentBuilt[]> {
    return this.queue(departments, (d, i) => ({ kind: "build", department: d, request: request(i) }), done);
  }

  close(): Promise<void[]> {
    return Promise.all([this.local, ...this.workers].map((e) => e.close()));
  }

  /** Deals the departments, largest first, to every thread as it comes free; results in department order. */
  private async queue<R>(departments: readonly DepartmentRef[], job: (d: DepartmentRef, i: number) => Job, done?: (i: number, r: R) => void): Promise<R[]> {
    const order = largestFirst(this.sizes(departments));
    const results: R[] = new Array(departments.length);
    let next = 0;
    let failed = false;
    const lane = async (e: Executor) => {
      while (!failed && next < order.length) {
        const i = order[next++]!;
        try {
          results[i] = await e.call<R>(job(departments[i]!, i));
        } catch (err) {
          failed = true;
          throw err;
        }
        done?.(i, results[i]!);
      }
    };
    // The workers' lanes start first: their requests go out before the main thread takes
    // its first department and holds the event loop.
    const lanes: Promise<void>[] = [];
    for (const w of this.workers) for (let k = 0; k < IN_HAND; k++) lanes.push(lane(w));
    lanes.push(lane(this.local));
    await Promise.all(lanes);
    return results;
  }
}
