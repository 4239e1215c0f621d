/**
 * The build cache of a roll-up: each department's outputs, kept under a key that is a
 * hash of everything they depend on, so that a rebuild takes an unchanged department's
 * files from the cache instead of checking and rendering it again.
 *
 * What a department depends on is recorded, not guessed: while it is checked and
 * rendered, every file the loader asks about (`stat`) or reads (its source, its includes,
 * the catalogue it names, last year's budget) goes through a recording Io, which keeps
 * the answer's digest. The key is the hash of those digests together with the
 * department's path and output path, the digest of its profile (profile.json and the
 * templates of every layer, the --templates folder's included), and the build's salt:
 * the compiler's own code, the formats asked for, --provenance, --profile, the catalogue
 * data from the command line and from the roll-up, and the browser that prints PDF.
 *
 * Layout, under the cache folder:
 * - `deps/<hash of salt and path>.json`: the department's last recorded reads, its
 *   profile and its key. A lookup reads each recorded file again and compares digests;
 *   a key is then computed afresh from what is on disk now, never taken from the record.
 * - `entries/<key>/files/…` and `entries/<key>/manifest.json`: the outputs and what the
 *   build needs of the department without checking it (diagnostics, totals). The manifest
 *   is written last: an entry without one (an interrupted build) is never served.
 *
 * So a stale output cannot be served: any change to an input changes a digest and so the
 * key, and a key names one immutable set of files. A department with an error is never
 * stored, and neither is one with a diagnostic located outside the files it read (such
 * as its 引用 line in the roll-up file), whose position the roll-up file may change.
 */
import { createHash } from "node:crypto";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../base/diagnostics.js";
import type { DepartmentTotals } from "../model/department.js";
import type { Io } from "./io.js";
import { layer, profileLayers } from "./profiles.js";

/** One answer the loader got from the file system, as a digest. */
export interface RecordedRead {
  /** `bytes` and `text`: a file read as bytes or as text; `stat`: what a path is. */
  readonly kind: "bytes" | "text" | "stat";
  readonly path: string;
  readonly digest: string;
}

/** Where the cache is, and the part of every key that is the same for the whole build. */
export interface CacheSettings {
  readonly dir: string;
  readonly salt: string;
}

/** What a build needs of a department served from the cache. */
export interface StoredResult {
  readonly diagnostics: Diagnostic[];
  readonly totals: Omit<DepartmentTotals, "include">;
}

interface Manifest {
  readonly format: "yusuan-cache-entry";
  readonly version: 1;
  readonly key: string;
  /** The files, relative to the output folder, with their sizes. */
  readonly files: readonly { readonly rel: string; readonly size: number }[];
  readonly result: StoredResult;
}

interface Deps {
  readonly path: string;
  readonly reads: readonly RecordedRead[];
  readonly profile: string;
  readonly key: string;
}

/** The department's record of reads, to store with its outputs. */
export interface DepsRecord {
  readonly reads: readonly RecordedRead[];
  readonly profile: string;
  readonly key: string;
}

export function sha256(...parts: (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(p);
    // A separator that no part can contain, so that ("ab", "c") and ("a", "bc") differ.
    h.update("\u0000");
  }
  return h.digest("hex");
}

const statDigest = (info: unknown): string => sha256(JSON.stringify(info ?? null));
const readDigest = (bytes: Uint8Array | undefined): string => (bytes === undefined ? "absent" : sha256(bytes));
const textDigest = (text: string | undefined): string => (text === undefined ? "absent" : sha256(text));

/**
 * An Io that records the digest of every `stat` and every read, in the order first asked.
 * Everything else passes through.
 */
export function recordingIo(io: Io): { io: Io; reads: () => RecordedRead[] } {
  const seen = new Map<string, RecordedRead>();
  const note = (kind: RecordedRead["kind"], p: string, digest: string) => {
    const k = `${kind}\u0000${p}`;
    if (!seen.has(k)) seen.set(k, { kind, path: p, digest });
  };
  const wrapped: Io = Object.create(io) as Io;
  Object.assign(wrapped, {
    readBytes: (p: string) => {
      const b = io.readBytes(p);
      note("bytes", p, readDigest(b));
      return b;
    },
    readFile: (p: string) => {
      const t = io.readFile(p);
      note("text", p, textDigest(t));
      return t;
    },
    stat: (p: string) => {
      const s = io.stat(p);
      note("stat", p, statDigest(s));
      return s;
    },
  });
  return { io: wrapped, reads: () => [...seen.values()] };
}

/** The digest the same question gets now. */
function digestNow(io: Io, r: RecordedRead): string {
  if (r.kind === "stat") return statDigest(io.stat(r.path));
  return r.kind === "bytes" ? readDigest(io.readBytes(r.path)) : textDigest(io.readFile(r.path));
}

export class BuildCache {
  constructor(
    private readonly io: Io,
    readonly settings: CacheSettings,
  ) {}

  private depsFile(file: string): string {
    return path.join(this.settings.dir, "deps", `${sha256(this.settings.salt, file).slice(0, 32)}.json`);
  }

  private entryDir(key: string): string {
    return path.join(this.settings.dir, "entries", key);
  }

  /** The key of a department's outputs, from its reads, its profile's digest and the build's salt. */
  keyOf(file: string, base: string, reads: readonly RecordedRead[], profileDigest: string): string {
    return sha256(this.settings.salt, file, base, profileDigest, ...reads.map((r) => `${r.kind} ${r.path} ${r.digest}`));
  }

  /**
   * The entry of a department whose recorded inputs are all unchanged; undefined when
   * anything differs, when there is no complete entry, or when the record cannot be read.
   */
  lookup(file: string, base: string, profileDigest: (name: string) => string): { key: string; manifest: Manifest; dir: string } | undefined {
    const deps = this.readJson<Deps>(this.depsFile(file));
    if (!deps || deps.path !== file || !Array.isArray(deps.reads)) return undefined;
    for (const r of deps.reads) if (digestNow(this.io, r) !== r.digest) return undefined;
    const key = this.keyOf(file, base, deps.reads, profileDigest(deps.profile));
    const dir = this.entryDir(key);
    const manifest = this.readJson<Manifest>(path.join(dir, "manifest.json"));
    if (!manifest || manifest.format !== "yusuan-cache-entry" || manifest.version !== 1 || manifest.key !== key) return undefined;
    // An entry's files are never written after its manifest; one removed by hand is a miss.
    for (const f of manifest.files) if (this.io.stat(path.join(dir, "files", f.rel))?.size !== f.size) return undefined;
    return { key, manifest, dir };
  }

  /** Copies an entry's files into `out` (the build's staging folder); returns them as written. */
  restore(entry: { manifest: Manifest; dir: string }, out: string): string[] {
    return entry.manifest.files.map((f) => {
      const target = path.join(out, f.rel);
      this.io.copy(path.join(entry.dir, "files", f.rel), target);
      return target;
    });
  }

  /**
   * Stores a department's outputs (paths relative to `from`, the staging folder) under
   * its key: the files, then the manifest, then the record of reads; the entry the
   * record named before, if another, is removed.
   */
  store(file: string, deps: DepsRecord, from: string, files: readonly string[], result: StoredResult): void {
    const dir = this.entryDir(deps.key);
    const listed: { rel: string; size: number }[] = [];
    for (const rel of files) {
      this.io.copy(path.join(from, rel), path.join(dir, "files", rel));
      listed.push({ rel, size: this.io.stat(path.join(dir, "files", rel))?.size ?? -1 });
    }
    const manifest: Manifest = { format: "yusuan-cache-entry", version: 1, key: deps.key, files: listed, result };
    this.io.writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest));
    const depsFile = this.depsFile(file);
    const before = this.readJson<Deps>(depsFile);
    this.io.writeFile(depsFile, JSON.stringify({ path: file, ...deps } satisfies Deps));
    if (before && typeof before.key === "string" && /^[0-9a-f]{64}$/.test(before.key) && before.key !== deps.key) this.io.removeTree(this.entryDir(before.key));
  }

  private readJson<T>(p: string): T | undefined {
    const text = this.io.readFile(p);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }
}

/**
 * A digest of the compiler itself, so that a new yusuan never serves what an old one
 * wrote: every file of the bundle it runs from (dist/bundle/), or, run from the compiled
 * modules or from sources, every module below dist/ or src/ (read once per process), and
 * its version.
 */
let codeDigest: string | undefined;
export function compilerDigest(io: Io, version: string): string {
  return sha256(version, (codeDigest ??= codeFilesDigest(io)));
}

function codeFilesDigest(io: Io): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const top = path.basename(here) === "bundle" ? here : path.dirname(here);
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const name of io.listDir(dir)) {
      const p = path.join(dir, name);
      const info = io.stat(p);
      if (info?.kind === "directory") {
        if (name !== "node_modules" && !name.startsWith(".")) walk(p);
      } else if (/\.(js|ts|mjs)$/.test(name)) parts.push(p.slice(top.length), sha256(io.readBytes(p) ?? new Uint8Array()));
    }
  };
  walk(top);
  return sha256(...parts);
}

/** The digest of a profile as a build reads it: every layer's profile.json and templates, a --templates folder's included. */
export function profileDigest(io: Io, name: string, templates: string | undefined): string {
  const layers = profileLayers(io, name);
  if (typeof layers === "string") return sha256("problem", layers);
  return sha256(JSON.stringify([...layers, ...(templates !== undefined ? [layer(io, templates)] : [])]));
}
