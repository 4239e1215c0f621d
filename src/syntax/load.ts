/**
 * Loading: parse the entry file, follow its includes (引用) depth first, and lower
 * everything into one AST. Reading files is the host's job (src/cli gives it the file
 * system, tests give it a map, `diff --rev` gives it git), so this stays pure.
 *
 * An include path is relative to the including file; it must stay inside the budget's
 * root (the entry file's folder), must exist, must not include itself through a cycle,
 * and a file is read once only.
 *
 * The catalogue file a 部门 or 汇总 block names (分类目录 "PATH") is found and read the same
 * way; its text is handed on as it is, for src/catalogue to read.
 *
 * A roll-up file (one with a 汇总 statement) is different: each of its includes is a
 * whole department budget, loaded on its own with its own root.
 */
import { LOADING_CODES, LOWERING_CODES } from "./codes.js";
import { posix } from "node:path";
import { bi, type Diagnostic } from "../base/diagnostics.js";
import type { SourceText, Span } from "../base/source.js";
import type { Budget, Located, Rollup } from "./ast.js";
import type { ParsedFile, Stmt } from "./cst.js";
import { Lowerer } from "./lower.js";
import { encodingDiagnostic, type SourceEncoding } from "./encoding.js";
import { parse, type ParseOutput } from "./parse.js";
import { unquote } from "./values.js";

export interface SourceHost {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /**
   * The encoding a file was decoded from, for a host that reads bytes (encoding.ts);
   * a file that was not UTF-8 gets one `file-encoding` diagnostic. Hosts that hold
   * text omit it.
   */
  encoding?(path: string): SourceEncoding | undefined;
}

/**
 * The catalogue file a budget or roll-up names (分类目录 "PATH"), read like an include:
 * relative to the file that names it, inside the root. src/catalogue reads its text.
 */
export interface CatalogueSource {
  /** The path as written, where it is written. */
  readonly written: Located<string>;
  /** The file, relative to the host's base. */
  readonly path: string;
  readonly text: string;
}

export interface Loaded {
  readonly budget: Budget;
  /** The catalogue file the 部门 block names, when it could be read. */
  readonly catalogueSource?: CatalogueSource;
  /** Last year's budget, when the 上年 block names its 源文件 and it could be read. */
  readonly lastYear?: Loaded;
  /**
   * Every file read, entry first, with its text (for code frames). Only the text is
   * kept: the statement trees are dropped once lowered, so that checking a large budget
   * does not hold them.
   */
  readonly files: readonly SourceText[];
  readonly diagnostics: Diagnostic[];
}

export interface LoadedRollup {
  readonly rollup: Rollup;
  /** The roll-up file itself. */
  readonly file: ParsedFile;
  /** The department budgets, in the order they are included. */
  readonly departments: readonly { readonly include: Located<string>; readonly path: string }[];
  /** The catalogue file the 汇总 block names, for the departments that name none. */
  readonly catalogueSource?: CatalogueSource;
  readonly diagnostics: Diagnostic[];
}

export type Entry = { readonly kind: "budget"; readonly loaded: Loaded } | { readonly kind: "rollup"; readonly rollup: LoadedRollup };

/** Paths use forward slashes and are normalised, relative to the host's base. */
export function normalisePath(p: string): string {
  return posix.normalize(p.replace(/\\/g, "/"));
}

/** Where an include statement leads, or the diagnostic that says why it cannot be read. */
export function resolveInclude(
  from: string,
  s: Stmt,
  root: string,
  host: SourceHost,
  seen: (target: string) => "cycle" | "duplicate" | undefined,
  cycleText: (target: string) => string,
): { target: string; text: string; path: Located<string> } | { problem: Diagnostic } | undefined {
  const a = s.args.find((x) => x.slot === "path");
  if (!a) return undefined;
  const span: Span = { file: from, start: a.start, end: a.end };
  const rel = unquote(a.image);
  const target = normalisePath(posix.join(posix.dirname(from), rel));
  const inside = root === "." ? !target.startsWith("../") && target !== ".." && !posix.isAbsolute(target) : target.startsWith(root + "/");
  if (posix.isAbsolute(rel) || !inside)
    return {
      problem: LOADING_CODES.diag("include-outside-root", span, bi(`引用的文件 ${rel} 不在预算根目录 ${root} 之内`, `the included file ${rel} is outside the budget's root folder ${root}`), {
        hint: bi("只能引用入口文件所在目录及其子目录中的文件，路径写成相对路径", "include only files in the entry file's folder or below it, by relative path"),
      }),
    };
  const s2 = seen(target);
  if (s2 === "cycle")
    return {
      problem: LOADING_CODES.diag("include-cycle", span, bi(`循环引用：${cycleText(target)}`, `include cycle: ${cycleText(target)}`), {
        hint: bi("文件不能直接或间接引用自己", "a file cannot include itself, directly or through others"),
      }),
    };
  if (s2 === "duplicate")
    return {
      problem: LOADING_CODES.diag("include-duplicate", span, bi(`文件 ${rel} 已被引用过，再次引用会重复计算其中的数字`, `${rel} is already included; including it again would count its figures twice`)),
    };
  const text = host.read(target);
  if (text === undefined) return { problem: LOADING_CODES.diag("include-not-found", span, bi(`找不到引用的文件 ${rel}`, `cannot read the included file ${rel}`)) };
  return { target, text, path: { value: rel, span } };
}

/**
 * Parses a file the host read. A file that was not UTF-8 gets one diagnostic: when it
 * was decoded (GB18030, UTF-16) it is parsed all the same, so that its real errors are
 * found; when nothing could decode it, its mojibake is not parsed at all.
 */
function parseRead(path: string, text: string, host: SourceHost): ParseOutput {
  const encoding = host.encoding?.(path);
  if (encoding === undefined || encoding === "utf-8") return parse(path, text);
  const d = encodingDiagnostic(path, encoding);
  if (encoding === "unknown") return { file: { path, text, stmts: [], comments: [] }, diagnostics: [d] };
  const p = parse(path, text);
  return { file: p.file, diagnostics: [d, ...p.diagnostics] };
}

/** Loads an entry file: a department budget, or a roll-up of department budgets. */
export function loadEntry(entry: string, host: SourceHost): Entry {
  const entryPath = normalisePath(entry);
  const text = host.read(entryPath);
  if (text === undefined) return { kind: "budget", loaded: loadBudget(entryPath, host) };
  const parsed = parseRead(entryPath, text, host);
  const rollupStmt = parsed.file.stmts.find((s) => s?.kw === "Rollup");
  if (!rollupStmt) return { kind: "budget", loaded: loadBudget(entryPath, host, parsed) };

  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const root = posix.dirname(entryPath);
  const lowerer = new Lowerer();
  const rollup = lowerer.lowerRollup(entryPath, rollupStmt);
  const departments: { include: Located<string>; path: string }[] = [];
  const read = new Set<string>();
  const catalogueSource = readCatalogue(entryPath, rollupStmt, root, host, diagnostics);
  for (const s of parsed.file.stmts) {
    if (!s || s === rollupStmt) continue;
    if (s.kw === "Rollup") {
      diagnostics.push(LOWERING_CODES.diag("duplicate-statement", { file: entryPath, start: s.start, end: s.start + s.kwImage.length }, bi("「汇总」重复出现", "'汇总' (rollup) is written twice")));
      continue;
    }
    if (s.kw !== "Include") {
      diagnostics.push(
        LOADING_CODES.diag("rollup-content", { file: entryPath, start: s.start, end: s.start + s.kwImage.length }, bi("汇总文件只能写「汇总」和「引用」各部门预算", "a roll-up file holds only 汇总 and the 引用 of department budgets"), {
          hint: bi("把这条语句移到某个部门的预算文件中", "move this statement into a department's budget file"),
        }),
      );
      continue;
    }
    const r = resolveInclude(entryPath, s, root, host, (t) => (t === entryPath ? "cycle" : read.has(t) ? "duplicate" : undefined), (t) => `${entryPath} → ${t}`);
    if (!r) continue;
    if ("problem" in r) {
      diagnostics.push(r.problem);
      continue;
    }
    read.add(r.target);
    departments.push({ include: r.path, path: r.target });
  }
  diagnostics.push(...lowerer.diagnostics);
  return { kind: "rollup", rollup: { rollup, file: parsed.file, departments, ...(catalogueSource ? { catalogueSource } : {}), diagnostics } };
}

/** Loads a department budget with its includes, and last year's budget if it names one. */
export function loadBudget(entry: string, host: SourceHost, parsedEntry?: ParseOutput): Loaded {
  const loaded = loadOne(entry, host, parsedEntry);
  const source = loaded.budget.lastYear?.source;
  if (!source) return loaded;
  // Last year's budget is another budget: its path may lead outside this one's root.
  // Its own 源文件 is not followed: one year back is what the comparisons need.
  const target = normalisePath(posix.join(posix.dirname(source.span.file), source.value));
  if (target === normalisePath(entry)) {
    loaded.diagnostics.push(LOADING_CODES.diag("include-cycle", source.span, bi("上年预算的源文件不能是本预算自己", "last year's budget cannot be this budget itself")));
    return loaded;
  }
  if (host.read(target) === undefined) {
    loaded.diagnostics.push(
      LOADING_CODES.diag("include-not-found", source.span, bi(`找不到上年预算 ${source.value}`, `cannot read last year's budget ${source.value}`), {
        hint: bi("路径相对于写它的文件", "the path is relative to the file that names it"),
      }),
    );
    return loaded;
  }
  return { ...loaded, lastYear: loadOne(target, host) };
}

function loadOne(entry: string, host: SourceHost, parsedEntry?: ParseOutput): Loaded {
  const entryPath = normalisePath(entry);
  const root = posix.dirname(entryPath);
  const diagnostics: Diagnostic[] = [];
  const files: SourceText[] = [];
  const lowerer = new Lowerer();
  const read = new Set<string>();
  let catalogueSource: CatalogueSource | undefined;
  let departmentSeen = false;

  const visit = (path: string, parsed: ParseOutput, stack: string[]): void => {
    read.add(path);
    const { file, diagnostics: ds } = parsed;
    files.push({ path: file.path, text: file.text });
    diagnostics.push(...ds);
    // Lower this file's own items, then its includes in place, depth first, so the
    // reading order is the order the author wrote.
    const own: Stmt[] = [];
    const flush = (): void => {
      if (own.length) lowerer.lowerFile(path, own.splice(0));
    };
    for (const s of file.stmts) {
      if (!s) continue;
      if (s.kw === "Rollup") {
        diagnostics.push(
          LOADING_CODES.diag("rollup-content", { file: path, start: s.start, end: s.start + s.kwImage.length }, bi("「汇总」只能写在汇总文件的顶层，不能在部门预算中", "汇总 belongs at the top of a roll-up file, not in a department budget"), {
            hint: bi("汇总文件只写「汇总」和各部门预算的「引用」", "a roll-up file holds only 汇总 and the 引用 of department budgets"),
          }),
        );
        continue;
      }
      if (s.kw !== "Include") {
        // The first 部门 block's catalogue (a second block is reported when lowered).
        if (s.kw === "Department" && !departmentSeen) {
          departmentSeen = true;
          catalogueSource = readCatalogue(path, s, root, host, diagnostics);
        }
        own.push(s);
        continue;
      }
      flush();
      const r = resolveInclude(
        path,
        s,
        root,
        host,
        (t) => (stack.includes(t) || t === path ? "cycle" : read.has(t) ? "duplicate" : undefined),
        (t) => [...stack, path, t].join(" → "),
      );
      if (!r) continue;
      if ("problem" in r) {
        diagnostics.push(r.problem);
        continue;
      }
      visit(r.target, parseRead(r.target, r.text, host), [...stack, path]);
    }
    flush();
  };

  const entryText = parsedEntry ? parsedEntry.file.text : host.read(entryPath);
  if (entryText === undefined) {
    diagnostics.push(LOADING_CODES.diag("include-not-found", { file: entryPath, start: 0, end: 0 }, bi(`找不到文件 ${entryPath}`, `cannot read ${entryPath}`)));
  } else {
    visit(entryPath, parsedEntry ?? parseRead(entryPath, entryText, host), []);
  }
  diagnostics.push(...lowerer.diagnostics);
  return { budget: lowerer.budget(files.map((f) => f.path)), ...(catalogueSource ? { catalogueSource } : {}), files, diagnostics };
}

/** Reads the file a block's 分类目录 statement names, as an include is read. */
function readCatalogue(from: string, block: Stmt, root: string, host: SourceHost, diagnostics: Diagnostic[]): CatalogueSource | undefined {
  const c = block.block?.stmts.find((x) => x?.kw === "Catalogue");
  if (!c) return undefined;
  const r = resolveInclude(from, c, root, host, () => undefined, () => "");
  if (!r) return undefined;
  if ("problem" in r) {
    diagnostics.push(r.problem);
    return undefined;
  }
  return { written: r.path, path: r.target, text: r.text };
}
