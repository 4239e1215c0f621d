/**
 * The budgets as an editor sees them: the documents it has open (their unsaved text
 * overrides the disk), the entry budgets those documents belong to, and the latest
 * check of each entry. Reading the disk is the injected `FileSystem`'s job, so this
 * stays pure.
 *
 * An entry is a file that is a budget or a roll-up of its own (it has a top-level 部门 or
 * 汇总 statement), or a file that nothing includes. A file without one, such as the
 * projects file a budget includes, belongs to the budgets that include it: they are
 * found among the .budget files of its folder and the folders above it (up to a
 * workspace folder), and re-checked when it changes. Every file a check reads is
 * recorded, so a change to an included file, or to last year's budget named by
 * 源文件, re-checks the budgets that read it.
 *
 * A roll-up checks every department of it, which is slow for a large one: it is
 * re-checked when the roll-up file itself changes, and when a file it read is saved.
 *
 * The publication of a check, and where each of its figures comes from, are made once per
 * check, on the first hover that needs them, from one derivation that records every
 * figure's sources.
 */
import { posix } from "node:path";
import { sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { checkBudget, type CheckResult } from "../check/check.js";
import { checkEntry } from "../check/entry.js";
import { Derivation } from "../model/derivation.js";
import type { Publication } from "../model/types.js";
import type { ParsedFile } from "../syntax/cst.js";
import type { SourceEncoding } from "../syntax/encoding.js";
import { loadEntry, normalisePath, type FileInfo, type SourceHost } from "../syntax/load.js";
import { parse } from "../syntax/parse.js";
import { tracedProvenance, type ProvenanceAt } from "./provenance.js";
import { LineIndex } from "./text.js";
import type { ProfileSource } from "../model/spec.js";

/** The disk, as the server reads it. */
export interface FileSystem {
  /** A file's text, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /** The names in a folder, or [] when it cannot be listed. */
  list(dir: string): string[];
  /** As SourceHost's: the encoding a file's last read was decoded from (a GBK file is reported). */
  encoding?(path: string): SourceEncoding | undefined;
  /** As SourceHost's: what a path is before it is read (links out of the root, size, kind). */
  stat?(path: string): FileInfo | undefined;
}

/** The latest check of one entry. */
export interface CheckedEntry {
  readonly entry: string;
  readonly kind: "budget" | "rollup";
  /** Every file the check read, the entry first. */
  readonly files: ReadonlySet<string>;
  /** The diagnostics of loading and checking, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The checked budget, for a budget entry. */
  readonly result?: CheckResult;
  /** How long the check took, in milliseconds (for the debounce). */
  readonly ms: number;
}

/** An entry's traced derivation and the index of its figures by position, each made once. */
interface Traced {
  readonly derivation: Derivation;
  provenance?: ProvenanceAt;
}

/** Folders above a file searched for the budgets that include it, when no workspace folder bounds the search. */
const LEVELS_WITHOUT_ROOT = 2;

export class Workspace {
  private readonly docs = new Map<string, string>();
  private readonly entries = new Map<string, CheckedEntry>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly lines = new Map<string, LineIndex>();
  private readonly traced = new WeakMap<CheckedEntry, Traced>();

  constructor(
    private readonly fs: FileSystem,
    /** Workspace folders, as normalised paths. */
    private readonly roots: readonly string[],
    private readonly now: () => number = () => 0,
    /** The profiles there are, for the 公开格式 a budget names (names only: the editor publishes nothing). */
    private readonly profiles?: ProfileSource,
  ) {}

  /* Documents --------------------------------------------------------------------------- */

  /** Sets the text of an open document (opened or edited). */
  setDocument(path: string, text: string): void {
    this.docs.set(normalisePath(path), text);
  }

  /** Closes a document: the disk is its text again. */
  closeDocument(path: string): void {
    this.docs.delete(normalisePath(path));
  }

  isOpen(path: string): boolean {
    return this.docs.has(normalisePath(path));
  }

  /** A file's text: the open document's, else the disk's. */
  text(path: string): string | undefined {
    const p = normalisePath(path);
    return this.docs.get(p) ?? this.fs.read(p);
  }

  /** The loader's view of the files: open documents over the disk, recording what is read. */
  host(read?: Set<string>): SourceHost {
    const fs = this.fs;
    const open = (p: string) => this.docs.get(normalisePath(p));
    const unsaved = (p: string): FileInfo | undefined => {
      const t = open(p);
      return t === undefined ? undefined : { kind: "file", size: new TextEncoder().encode(t).length, realPath: normalisePath(p) };
    };
    return {
      read: (p) => {
        const t = this.text(p);
        if (t !== undefined) read?.add(normalisePath(p));
        return t;
      },
      // The disk's answers, for the loader's checks; an open document is the editor's text
      // (UTF-8), a regular file even before it is saved.
      ...(fs.stat ? { stat: (p: string) => fs.stat!(p) ?? unsaved(p) } : {}),
      ...(fs.encoding ? { encoding: (p: string) => (open(p) !== undefined ? "utf-8" : fs.encoding!(p)) } : {}),
    };
  }

  /** A file's statement tree, parsed once per text. */
  parsedFile(path: string): ParsedFile | undefined {
    const p = normalisePath(path);
    const text = this.text(p);
    if (text === undefined) return undefined;
    const cached = this.parsed.get(p);
    if (cached && cached.text === text) return cached;
    const file = parse(p, text).file;
    this.parsed.set(p, file);
    return file;
  }

  /** A file's line index, built once per text. */
  lineIndex(path: string): LineIndex | undefined {
    const p = normalisePath(path);
    const text = this.text(p);
    if (text === undefined) return undefined;
    const cached = this.lines.get(p);
    if (cached && cached.text === text) return cached;
    const ix = new LineIndex(text);
    this.lines.set(p, ix);
    return ix;
  }

  /** Every .budget file below a folder (at most `limit` of them), for completing 引用 paths. */
  budgetFilesBelow(dir: string, limit = 200): string[] {
    const out: string[] = [];
    const visit = (d: string, depth: number): void => {
      for (const name of this.fs.list(d)) {
        if (out.length >= limit || name.startsWith(".") || name === "node_modules") continue;
        const p = posix.join(d, name);
        if (name.endsWith(".budget")) out.push(p);
        else if (depth < 3 && !name.includes(".")) visit(p, depth + 1);
      }
    };
    visit(normalisePath(dir), 0);
    return out;
  }

  /* Entries ----------------------------------------------------------------------------- */

  /** The latest check of every entry. */
  checked(): readonly CheckedEntry[] {
    return [...this.entries.values()];
  }

  /** The checked entries that read a file. */
  entriesReading(path: string): CheckedEntry[] {
    const p = normalisePath(path);
    return [...this.entries.values()].filter((e) => e.files.has(p));
  }

  /**
   * The entries a file belongs to: the file itself when it is a budget or a roll-up, and
   * the checked entries that read it; else the budgets found to include it; else the
   * file itself.
   */
  entriesOf(path: string): string[] {
    const p = normalisePath(path);
    const out = new Set<string>();
    if (this.isEntryFile(p)) out.add(p);
    for (const e of this.entriesReading(p)) out.add(e.entry);
    if (out.size) return [...out];
    const found: string[] = [];
    for (const dir of this.foldersAbove(p)) {
      for (const name of this.fs.list(dir)) {
        const candidate = posix.join(dir, name);
        if (!name.endsWith(".budget") || candidate === p) continue;
        const text = this.text(candidate);
        // Only a file that includes something can lead to this one.
        if (text === undefined || !(text.includes("引用") || text.includes("include"))) continue;
        const read = new Set<string>();
        const e = loadEntry(candidate, this.host(read));
        if (e.kind === "budget" && read.has(p)) found.push(candidate);
      }
      if (found.length) break;
    }
    return found.length ? found : [p];
  }

  /** True for a file with a top-level 部门 or 汇总: a budget or a roll-up of its own. */
  private isEntryFile(path: string): boolean {
    return this.parsedFile(path)?.stmts.some((s) => s && (s.kw === "Department" || s.kw === "Rollup")) ?? true;
  }

  private foldersAbove(path: string): string[] {
    const out: string[] = [];
    const root = this.roots.filter((r) => path.startsWith(r.endsWith("/") ? r : `${r}/`)).sort((a, b) => b.length - a.length)[0];
    let dir = posix.dirname(path);
    for (let level = 0; ; level++) {
      out.push(dir);
      const up = posix.dirname(dir);
      if (up === dir || (root !== undefined ? dir === root : level >= LEVELS_WITHOUT_ROOT)) break;
      dir = up;
    }
    return out;
  }

  /** Checks an entry with the open documents' text and keeps the result. */
  check(entry: string): CheckedEntry {
    const p = normalisePath(entry);
    const started = this.now();
    const read = new Set<string>([p]);
    const host = this.host(read);
    const loaded = loadEntry(p, host);
    let checked: CheckedEntry;
    if (loaded.kind === "budget") {
      const result = checkBudget(loaded.loaded, undefined, undefined, this.profiles ? { profiles: this.profiles } : {});
      checked = { entry: p, kind: "budget", files: read, diagnostics: result.diagnostics, result, ms: this.now() - started };
    } else {
      const diagnostics = checkEntry(p, host, undefined, this.profiles ? { profiles: this.profiles } : {}).diagnostics;
      checked = { entry: p, kind: "rollup", files: read, diagnostics: sortDiagnostics(diagnostics), ms: this.now() - started };
    }
    this.entries.set(p, checked);
    return checked;
  }

  /** An entry's latest check, checking it when it has none. */
  latest(entry: string): CheckedEntry {
    return this.entries.get(normalisePath(entry)) ?? this.check(entry);
  }

  /** Forgets an entry (its file was deleted, or became part of another budget). */
  forget(entry: string): void {
    this.entries.delete(normalisePath(entry));
  }

  /**
   * The publication of an entry's check, from its traced derivation (made once per check,
   * on first use); undefined for a roll-up.
   */
  publication(e: CheckedEntry): Publication | undefined {
    return this.tracedOf(e)?.derivation.publication();
  }

  /** Where the figures of an entry's publication come from, by position (provenance.ts); undefined for a roll-up. */
  provenance(e: CheckedEntry): ProvenanceAt | undefined {
    const t = this.tracedOf(e);
    if (t) t.provenance ??= tracedProvenance(t.derivation);
    return t?.provenance;
  }

  /**
   * The derivation that records every figure's sources, made once per check. The check's
   * own derivation records none (recording costs every re-check as the author types, and
   * only hovers read the sources), so the first hover after a check makes this one, with
   * the same budget, catalogue and profile; later hovers read it.
   */
  private tracedOf(e: CheckedEntry): Traced | undefined {
    if (!e.result) return undefined;
    let t = this.traced.get(e);
    if (!t) {
      const { effective, catalogue, derivation } = e.result;
      t = { derivation: new Derivation(effective, catalogue, { trace: true, ...(derivation.spec ? { spec: derivation.spec } : {}) }) };
      this.traced.set(e, t);
    }
    return t;
  }

  /** The budget entry a file belongs to, checked (the first, when several include it). */
  budgetOf(path: string): CheckedEntry | undefined {
    const p = normalisePath(path);
    const known = this.entriesReading(p).filter((e) => e.kind === "budget");
    if (known.length) return known.find((e) => e.entry === p) ?? known[0];
    for (const entry of this.entriesOf(p)) {
      const e = this.latest(entry);
      if (e.kind === "budget") return e;
    }
    return undefined;
  }

  /**
   * The diagnostics of a file from every entry that read it, without the duplicates two
   * entries give for a file they share.
   */
  diagnosticsOf(path: string): Diagnostic[] {
    const p = normalisePath(path);
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const e of this.entries.values()) {
      if (!e.files.has(p)) continue;
      for (const d of e.diagnostics) {
        if (d.span.file !== p) continue;
        const key = `${d.code}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message.en}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(d);
      }
    }
    return sortDiagnostics(out);
  }
}
