/**
 * `yusuan diff`: the semantic diff of two budgets.
 *   yusuan diff OLD NEW               two entry files (with their includes)
 *   yusuan diff --rev REV [FILE…]     the working tree against a git revision; the old
 *                                     side's files (includes too) are read through git
 *   yusuan diff PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE
 *                                     as git's external diff driver (GIT_EXTERNAL_DIFF
 *                                     or diff.<driver>.command); always exits 0, as git
 *                                     requires
 * `--exit-code`: 0 no semantic change, 1 changes, 2 trouble (a side cannot be read).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { checkBudget } from "../check/check.js";
import { formatJson, formatMarkdown, formatText } from "../diff/format.js";
import { hasChanges, semanticDiff, type Side } from "../diff/semantic.js";
import { decodeSource } from "../syntax/encoding.js";
import { loadBudget, type SourceHost } from "../syntax/load.js";
// Either side may be any text, even mid-edit: the full parser is loaded up front, and the
// schema of a catalogue JSON file a budget names.
import "../syntax/parser.js";
import "../catalogue/file.js";
import type { Io } from "./io.js";
import type { Lang } from "./report.js";

export interface DiffOptions {
  files: string[];
  rev?: string;
  format: "text" | "md" | "json";
  verbose: boolean;
  exitCode: boolean;
  lang: Lang;
}

function side(entry: string, host: SourceHost): Side | undefined {
  if (host.read(entry) === undefined) return undefined;
  const loaded = loadBudget(entry, host);
  const checked = checkBudget(loaded);
  return { budget: loaded.budget, publication: checked.derivation.publication(), diagnostics: checked.diagnostics };
}

const EMPTY: SourceHost = { read: (p) => (p === "/dev/null" ? "" : undefined) };

/** A file's text, decoded as sources are (syntax/encoding.ts): a GBK budget diffs as what it says. */
function readSource(io: Io, p: string): string | undefined {
  const bytes = io.readBytes(p);
  return bytes === undefined ? undefined : decodeSource(bytes).text;
}

function diskHost(io: Io): SourceHost {
  return { read: (p) => readSource(io, p) };
}

/** Reads files as they are at a git revision, relative to the current directory. */
function gitHost(io: Io, rev: string): SourceHost {
  const cache = new Map<string, string | undefined>();
  return {
    read: (p) => {
      if (!cache.has(p)) {
        let text: string | undefined;
        try {
          text = decodeSource(execFileSync("git", ["show", `${rev}:./${p.replace(/^\.\//, "")}`], { cwd: io.cwd, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 30 })).text;
        } catch {
          text = undefined;
        }
        cache.set(p, text);
      }
      return cache.get(p);
    },
  };
}

/** A host whose entry file's text comes from elsewhere (a temporary file git made). */
function withEntry(entry: string, text: string, rest: SourceHost): SourceHost {
  return { read: (p) => (p === entry ? text : rest.read(p)) };
}

const isHex = (s: string | undefined): boolean => s !== undefined && (/^[0-9a-f]{7,64}$/.test(s) || s === ".");

export function diffCommand(io: Io, o: DiffOptions): number {
  const render = (before: string, after: string, a: Side, b: Side): boolean => {
    const d = semanticDiff(a, b);
    const fo = { verbose: o.verbose, colour: io.isTTY && o.format === "text", lang: o.lang, before, after };
    io.out(o.format === "json" ? formatJson(d, fo) : o.format === "md" ? formatMarkdown(d, fo) : formatText(d, fo));
    return hasChanges(d);
  };
  const trouble = (msg: string): number => {
    io.err(`yusuan: ${msg}\n`);
    return 2;
  };

  // git's external diff driver: seven arguments.
  if (!o.rev && o.files.length === 7 && isHex(o.files[2]) && isHex(o.files[5])) {
    const [p, oldFile, , , newFile] = o.files as [string, string, string, string, string];
    const fsHost = diskHost(io);
    const indexHost = gitHost(io, "");
    const oldText = oldFile === "/dev/null" ? "" : readSource(io, oldFile) ?? "";
    const newText = newFile === "/dev/null" ? "" : readSource(io, newFile) ?? "";
    // Includes of the old side come from the index (what `git diff` compares against),
    // else the working tree; includes of the new side from the working tree.
    const oldIncludes: SourceHost = { read: (q) => indexHost.read(q) ?? fsHost.read(q) };
    const a = side(p, withEntry(p, oldText, oldIncludes));
    const b = side(p, withEntry(p, newText, fsHost));
    if (a && b) {
      io.out(`yusuan diff a/${p} b/${p}\n`);
      render(`a/${p}`, `b/${p}`, a, b);
    }
    return 0;
  }

  if (o.rev) {
    const files = o.files.length ? o.files : io.listDir("budgets").filter((f) => f.endsWith(".budget")).map((f) => path.posix.join("budgets", f));
    if (!files.length) return trouble("no budget files to compare (name them, or run in a project with budgets/)");
    try {
      execFileSync("git", ["rev-parse", "--verify", `${o.rev}^{commit}`], { cwd: io.cwd, stdio: "ignore" });
    } catch {
      return trouble(`'${o.rev}' is not a git revision here`);
    }
    let changed = false;
    for (const f of files) {
      const before = side(f, gitHost(io, o.rev)) ?? side(f, withEntry(f, "", EMPTY));
      const after = side(f, diskHost(io)) ?? side(f, withEntry(f, "", EMPTY));
      if (!before || !after) return trouble(`cannot read ${f}`);
      changed = render(`${f}@${o.rev}`, f, before, after) || changed;
    }
    return o.exitCode ? (changed ? 1 : 0) : 0;
  }

  if (o.files.length !== 2) return trouble("diff takes two budget files (OLD NEW), or --rev REV [FILE…]");
  const [oldPath, newPath] = o.files as [string, string];
  const a = side(oldPath, diskHost(io));
  if (!a) return trouble(`cannot read ${oldPath}`);
  const b = side(newPath, diskHost(io));
  if (!b) return trouble(`cannot read ${newPath}`);
  const changed = render(oldPath, newPath, a, b);
  return o.exitCode ? (changed ? 1 : 0) : 0;
}
