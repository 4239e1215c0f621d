/**
 * Loading a budget: parse the entry file, follow its includes (引用) depth first, and
 * lower everything into one AST. Reading files is the host's job (src/cli gives it
 * the file system, tests give it a map, `diff --rev` gives it git), so this stays pure.
 *
 * An include path is relative to the including file; it must stay inside the budget's
 * root (the entry file's folder), must exist, must not include itself through a cycle,
 * and a file is read once only.
 */
import { posix } from "node:path";
import { bi, diag, type Diagnostic } from "../base/diagnostics.js";
import type { Budget } from "./ast.js";
import type { ParsedFile, Stmt } from "./cst.js";
import { Lowerer } from "./lower.js";
import { parse } from "./parser.js";
import { unquote } from "./values.js";

export interface SourceHost {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
}

export interface Loaded {
  readonly budget: Budget;
  /** Last year's budget, when the 上年 block names its 源文件 and it could be read. */
  readonly lastYear?: Loaded;
  /** Every file read, entry first, with its text (for code frames). */
  readonly files: readonly ParsedFile[];
  readonly diagnostics: Diagnostic[];
}

/** Paths use forward slashes and are normalised, relative to the host's base. */
export function normalisePath(p: string): string {
  return posix.normalize(p.replace(/\\/g, "/"));
}

export function loadBudget(entry: string, host: SourceHost): Loaded {
  const loaded = loadOne(entry, host);
  const source = loaded.budget.lastYear?.source;
  if (!source) return loaded;
  // Last year's budget is another budget: its path may lead outside this one's root.
  // Its own 源文件 is not followed: one year back is what the comparisons need.
  const target = normalisePath(posix.join(posix.dirname(source.span.file), source.value));
  if (target === normalisePath(entry)) {
    loaded.diagnostics.push(diag("include-cycle", "error", source.span, bi("上年预算的源文件不能是本预算自己", "last year's budget cannot be this budget itself")));
    return loaded;
  }
  if (host.read(target) === undefined) {
    loaded.diagnostics.push(
      diag("include-not-found", "error", source.span, bi(`找不到上年预算 ${source.value}`, `cannot read last year's budget ${source.value}`), {
        hint: bi("路径相对于写它的文件", "the path is relative to the file that names it"),
      }),
    );
    return loaded;
  }
  return { ...loaded, lastYear: loadOne(target, host) };
}

function loadOne(entry: string, host: SourceHost): Loaded {
  const entryPath = normalisePath(entry);
  const root = posix.dirname(entryPath);
  const diagnostics: Diagnostic[] = [];
  const files: ParsedFile[] = [];
  const lowerer = new Lowerer();
  const read = new Set<string>();

  const visit = (path: string, text: string, stack: string[]): void => {
    read.add(path);
    const { file, diagnostics: ds } = parse(path, text);
    files.push(file);
    diagnostics.push(...ds);
    // Lower this file's own items, then its includes in place, depth first, so the
    // reading order is the order the author wrote.
    const own: Stmt[] = [];
    const flush = (): void => {
      if (own.length) lowerer.lowerFile(path, own.splice(0));
    };
    for (const s of file.stmts) {
      if (!s) continue;
      if (s.kw !== "Include") {
        own.push(s);
        continue;
      }
      flush();
      const a = s.args.find((x) => x.slot === "path");
      if (!a) continue;
      const span = { file: path, start: a.start, end: a.end };
      const rel = unquote(a.image);
      const target = normalisePath(posix.join(posix.dirname(path), rel));
      const inside = root === "." ? !target.startsWith("../") && !posix.isAbsolute(target) : target.startsWith(root + "/");
      if (posix.isAbsolute(rel) || !inside) {
        diagnostics.push(
          diag("include-outside-root", "error", span, bi(`引用的文件 ${rel} 不在预算根目录 ${root} 之内`, `the included file ${rel} is outside the budget's root folder ${root}`), {
            hint: bi("只能引用入口文件所在目录及其子目录中的文件，路径写成相对路径", "include only files in the entry file's folder or below it, by relative path"),
          }),
        );
        continue;
      }
      if (stack.includes(target) || target === path) {
        diagnostics.push(
          diag("include-cycle", "error", span, bi(`循环引用：${[...stack, path, target].join(" → ")}`, `include cycle: ${[...stack, path, target].join(" → ")}`), {
            hint: bi("文件不能直接或间接引用自己", "a file cannot include itself, directly or through others"),
          }),
        );
        continue;
      }
      if (read.has(target)) {
        diagnostics.push(
          diag("include-duplicate", "error", span, bi(`文件 ${rel} 已被引用过，再次引用会重复计算其中的数字`, `${rel} is already included; including it again would count its figures twice`)),
        );
        continue;
      }
      const included = host.read(target);
      if (included === undefined) {
        diagnostics.push(diag("include-not-found", "error", span, bi(`找不到引用的文件 ${rel}`, `cannot read the included file ${rel}`)));
        continue;
      }
      visit(target, included, [...stack, path]);
    }
    flush();
  };

  const entryText = host.read(entryPath);
  if (entryText === undefined) {
    diagnostics.push(
      diag("include-not-found", "error", { file: entryPath, start: 0, end: 0 }, bi(`找不到文件 ${entryPath}`, `cannot read ${entryPath}`)),
    );
  } else {
    visit(entryPath, entryText, []);
  }
  diagnostics.push(...lowerer.diagnostics);
  return { budget: lowerer.budget(files.map((f) => f.path)), files, diagnostics };
}
