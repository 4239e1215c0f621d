/**
 * Builds split across machines: `build --shard I/N` builds the I-th of N shares of a
 * roll-up's departments and writes, beside their publications, a record of what it built
 * (`OUT/.yusuan-shard/<roll-up>.I-of-N.json`: each department's diagnostics and totals);
 * `build --merge`, run over the shards' outputs gathered in one folder, reads the records
 * and writes the roll-up's index and report exactly as one full build would.
 *
 * The shares are fixed by the departments' source sizes alone, largest first, each to the
 * share with the least so far (ties to the lower share): every machine computes the same
 * shares from the same checkout, and the shares take about the same time.
 */
import * as path from "node:path";
import type { Diagnostic } from "../base/diagnostics.js";
import type { DepartmentTotals } from "../model/department.js";
import { largestFirst } from "./pool.js";
import type { Io } from "./io.js";

export { parseShard, type Shard } from "./shard-spec.js";
import type { Shard } from "./shard-spec.js";

/** The share (0-based) each department falls in, from the departments' sizes. */
export function shareOf(sizes: readonly number[], count: number): number[] {
  const load = new Array<number>(count).fill(0);
  const share = new Array<number>(sizes.length).fill(0);
  for (const i of largestFirst(sizes)) {
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[best]!) best = s;
    share[i] = best;
    // A department of size 0 still counts, so that empty files are dealt out too.
    load[best]! += Math.max(sizes[i]!, 1);
  }
  return share;
}

/** One department as a shard built it. */
export interface ShardDepartment {
  readonly path: string;
  /** Its publication's path without extension, when written (no error, or warnings only). */
  readonly link?: string;
  readonly diagnostics: Diagnostic[];
  readonly totals: Omit<DepartmentTotals, "include">;
}

export interface ShardRecord {
  readonly format: "yusuan-shard";
  readonly version: 1;
  /** The roll-up file's name, without folder or extension: the index's name. */
  readonly rollup: string;
  readonly shard: Shard;
  /** The formats the shard wrote, which the merge must write the index in. */
  readonly formats: readonly string[];
  readonly departments: readonly ShardDepartment[];
}

export const SHARD_FOLDER = ".yusuan-shard";

export function shardRecordPath(out: string, rollup: string, shard: Shard): string {
  return path.join(out, SHARD_FOLDER, `${rollup}.${shard.index}-of-${shard.count}.json`);
}

/**
 * The records of a roll-up's shards found in `out`, or what is wrong with them: a share
 * missing or written twice, records of different counts, a department in no share.
 */
export function readShards(io: Io, out: string, rollup: string, departments: readonly string[]): { byPath: Map<string, ShardDepartment>; formats: readonly string[] } | { problem: string } {
  const dir = path.join(out, SHARD_FOLDER);
  const records: ShardRecord[] = [];
  for (const name of io.listDir(dir)) {
    // Only this roll-up's records: `province.budget.2-of-3.json`, not `province.budget.old.…`.
    if (!name.startsWith(`${rollup}.`) || !/^\d+-of-\d+\.json$/.test(name.slice(rollup.length + 1))) continue;
    const text = io.readFile(path.join(dir, name));
    let r: ShardRecord | undefined;
    try {
      r = text === undefined ? undefined : (JSON.parse(text) as ShardRecord);
    } catch {
      r = undefined;
    }
    if (!r || r.format !== "yusuan-shard" || r.version !== 1 || r.rollup !== rollup) return { problem: `${path.join(dir, name)} is not a shard record of ${rollup}` };
    records.push(r);
  }
  if (!records.length) return { problem: `no shard records of ${rollup} in ${dir}: build each share with --shard I/N --out ${out} first` };
  const count = records[0]!.shard.count;
  if (records.some((r) => r.shard.count !== count)) return { problem: `the shard records in ${dir} are of different counts (${[...new Set(records.map((r) => r.shard.count))].join(", ")})` };
  const have = new Set(records.map((r) => r.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !have.has(i));
  if (missing.length) return { problem: `shard ${missing.join(", ")} of ${count} is missing from ${dir}` };
  const formats = records[0]!.formats;
  if (records.some((r) => r.formats.join(",") !== formats.join(","))) return { problem: `the shards of ${rollup} were built in different formats` };
  const byPath = new Map<string, ShardDepartment>();
  for (const r of records)
    for (const d of r.departments) {
      if (byPath.has(d.path)) return { problem: `${d.path} is in two shard records of ${rollup} in ${dir}: were they built with different department lists?` };
      byPath.set(d.path, d);
    }
  const absent = departments.filter((p) => !byPath.has(p));
  if (absent.length) return { problem: `${absent.length} department(s) of ${rollup} are in no shard record (${absent.slice(0, 3).join(", ")}${absent.length > 3 ? ", …" : ""}): were the shards built from this checkout?` };
  return { byPath, formats };
}
