/**
 * The budget files a command's arguments name, the same for check, build and fmt: a
 * file stands for itself, a folder for every .budget file in it, and a pattern
 * (`budgets/*.budget`, `**\/*.budget`) for the files it matches. POSIX shells expand
 * patterns before yusuan sees them; cmd.exe and PowerShell pass them as written, so
 * yusuan expands what still holds a pattern itself, and the same on every platform.
 *
 * The matcher is our own, about sixty lines, rather than a package: it reads the file
 * system through the Io (so tests run it on files in memory) and needs only `*`, `?`,
 * `[…]` and `**`.
 */
import { bi, type Bilingual } from "../base/diagnostics.js";
import type { Io } from "./io.js";

export type Inputs = { readonly files: string[] } | { readonly usage: Bilingual };

/** True when an argument holds a pattern character. */
export function isPattern(arg: string): boolean {
  return /[*?[]/.test(arg);
}

/**
 * Expands the arguments into files, in the order given (a folder's and a pattern's files
 * sorted), each once. A folder without a .budget file, or a pattern that matches
 * nothing, is a usage error. A path that names nothing is passed on as it is: loading
 * reports it, located, like any file it cannot read.
 */
export function expandInputs(io: Io, args: readonly string[]): Inputs {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (f: string): void => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    const info = io.stat(arg);
    if (info?.kind === "directory") {
      const found = io.listDir(arg).filter((f) => f.endsWith(".budget") && io.stat(join(arg, f))?.kind === "file");
      if (!found.length) return { usage: noBudgetIn(io, arg) };
      for (const f of found) add(join(arg, f));
    } else if (!info && isPattern(arg)) {
      const found = glob(io, arg);
      if (!found.length) return { usage: bi(`没有文件与 ${arg} 匹配`, `no file matches ${arg}`) };
      for (const f of found) add(f);
    } else {
      add(arg);
    }
  }
  return { files };
}

/**
 * A folder without a .budget file; when folders right inside it hold some (a repository
 * made by `yusuan init` keeps them in budgets/), the message names them.
 */
function noBudgetIn(io: Io, dir: string): Bilingual {
  const holding = io
    .listDir(dir)
    .filter((d) => !d.startsWith(".") && io.stat(join(dir, d))?.kind === "directory")
    .map((d) => join(dir, d))
    .filter((d) => io.listDir(d).some((f) => f.endsWith(".budget") && io.stat(join(d, f))?.kind === "file"))
    .sort();
  if (!holding.length) return bi(`目录 ${dir} 中没有 .budget 文件`, `the folder ${dir} holds no .budget file`);
  const names = holding.slice(0, 3).join(", ");
  return bi(`目录 ${dir} 中没有 .budget 文件；其子目录 ${names} 中有，请指定该目录（如 ${holding[0]}）`, `the folder ${dir} holds no .budget file; ${names} ${holding.length > 1 ? "hold" : "holds"} some: name that folder (e.g. ${holding[0]})`);
}

function join(dir: string, name: string): string {
  return dir === "." ? name : `${dir.replace(/[/\\]+$/, "")}/${name}`;
}

/** One segment of a pattern as a regular expression: `*` and `?` stay within a name. */
function segmentRegExp(seg: string): RegExp {
  let re = "";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = seg.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        const body = seg.slice(i + 1, close);
        re += `[${body.startsWith("!") ? "^" + body.slice(1) : body}]`.replace(/\\/g, "\\\\");
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/**
 * The regular files a pattern matches, sorted. Names that start with a dot are matched
 * only by a segment that starts with one, and `**` does not enter such folders (.git),
 * as shells do; a folder reached twice through links is entered once.
 */
export function glob(io: Io, pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const segs = pattern.split(/[/\\]+/).filter((s) => s !== "");
  // The folder to start from: the segments before the first pattern.
  let k = 0;
  while (k < segs.length - 1 && !isPattern(segs[k]!)) k++;
  const base = (absolute ? "/" : "") + segs.slice(0, k).join("/");
  const out = new Set<string>();
  const entered = new Set<string>();
  const walk = (dir: string, i: number): void => {
    const here = dir === "" ? "." : dir;
    if (i === segs.length) {
      if (io.stat(here)?.kind === "file") out.add(dir);
      return;
    }
    const seg = segs[i]!;
    if (seg === "**") {
      walk(dir, i + 1);
      const real = io.stat(here)?.realPath ?? here;
      if (entered.has(real)) return;
      entered.add(real);
      for (const name of io.listDir(here)) {
        if (name.startsWith(".")) continue;
        const p = dir === "" ? name : join(dir, name);
        if (io.stat(p)?.kind === "directory") walk(p, i);
      }
      return;
    }
    if (!isPattern(seg)) {
      walk(dir === "" ? seg : join(dir, seg), i + 1);
      return;
    }
    const re = segmentRegExp(seg);
    for (const name of io.listDir(here)) {
      if (name.startsWith(".") && !seg.startsWith(".")) continue;
      if (re.test(name)) walk(dir === "" ? name : join(dir, name), i + 1);
    }
  };
  walk(base, k);
  return [...out].sort();
}
