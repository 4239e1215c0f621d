/**
 * Loading: parse the entry file, follow its includes (引用) depth first, and lower
 * everything into one AST. Reading files is the host's job (src/cli gives it the file
 * system, tests give it a map, `diff --rev` gives it git), so this stays pure.
 *
 * An include path is relative to the including file; it must stay inside the budget's
 * root (the entry file's folder), must exist, must not include itself through a cycle,
 * and a file is read once only. Last year's budget (上年 { 源文件 … }) must stay inside
 * the folder that holds the budget's root, so that ../2023/x.budget is found beside it.
 *
 * Before a file is read, the host says what it is (`SourceHost.stat`): a path whose real
 * place (symbolic links resolved) leaves its root, anything but a regular file (a
 * folder, a named pipe, a device) and a file above MAX_SOURCE_BYTES are refused with a
 * located diagnostic, unread: no code frame can show what they hold, and nothing can
 * make loading wait on a pipe or read a device without end.
 *
 * A roll-up file (one with a 汇总 statement) is different: each of its includes is a
 * whole department budget, loaded on its own with its own root.
 */
import { LOADING_CODES, LOWERING_CODES } from "./codes.js";
import { posix } from "node:path";
import { bi, type Bilingual, type Diagnostic } from "../base/diagnostics.js";
import type { SourceText, Span } from "../base/source.js";
import type { Budget, Located, Rollup } from "./ast.js";
import type { ParsedFile, Stmt } from "./cst.js";
import { Lowerer } from "./lower.js";
import { encodingDiagnostic, type SourceEncoding } from "./encoding.js";
import { parse, type ParseOutput } from "./parse.js";
import { unquote } from "./values.js";

/** What a path is, as the host knows it before reading the file. */
export interface FileInfo {
  /** Only a regular file ("file") is read. */
  readonly kind: "file" | "directory" | "fifo" | "device" | "socket" | "other";
  /** Its size in bytes. */
  readonly size: number;
  /** Its absolute path with every symbolic link resolved, with forward slashes. */
  readonly realPath: string;
}

export interface SourceHost {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /**
   * The encoding a file was decoded from, for a host that reads bytes (encoding.ts);
   * a file that was not UTF-8 gets one `file-encoding` diagnostic. Hosts that hold
   * text omit it.
   */
  encoding?(path: string): SourceEncoding | undefined;
  /**
   * What a path is, before it is read; undefined when nothing is there. A host without
   * a file system of its own (texts in memory, a git revision) leaves it out: its paths
   * are regular files where they are named, and the size of a text is checked once read.
   */
  stat?(path: string): FileInfo | undefined;
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

/**
 * The largest source file read: 16 MiB. A department budget of 100,000 projects, far
 * beyond any real one (the reference budget is 33 KB), is about 10 MB; above the limit
 * a file is not a budget, and the limit bounds what any input can cost a check (a few
 * seconds and about a gigabyte of memory for 16 MiB of the worst text).
 */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** The folder a path is in, and where a budget's root ends. */
export function rootOf(path: string): string {
  return posix.dirname(normalisePath(path));
}

/** True when a normalised path lies inside a normalised folder (both relative, or both absolute). */
export function isInside(target: string, root: string): boolean {
  if (posix.isAbsolute(target) !== posix.isAbsolute(root)) return false;
  // Relative paths climb first (..) and then descend: a root that climbs u folders and
  // names none holds every path that climbs no further; one that names folders holds
  // the paths that climb as far and then name the same ones.
  const parts = (p: string) => {
    const n = posix.normalize(p);
    return n === "." ? [] : n.split("/").filter(Boolean);
  };
  const t = parts(target);
  const r = parts(root);
  const up = (xs: string[]) => {
    let n = 0;
    while (xs[n] === "..") n++;
    return n;
  };
  const ut = up(t);
  const ur = up(r);
  if (ut > ur) return false;
  if (ur === r.length) return t.length > ut || ut < ur;
  if (ut !== ur) return false;
  return t.length > r.length && r.every((x, i) => t[i] === x);
}

/** The UTF-8 size of a text, for texts whose host cannot tell it before reading. */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is four bytes: two for each half.
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

const KIND_NAME: Record<Exclude<FileInfo["kind"], "file">, { zh: string; en: string }> = {
  directory: { zh: "目录", en: "a folder" },
  fifo: { zh: "命名管道", en: "a named pipe" },
  device: { zh: "设备", en: "a device" },
  socket: { zh: "套接字", en: "a socket" },
  other: { zh: "特殊文件", en: "a special file" },
};

/** A count of bytes with thousands separators: 16,777,217. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ",");

/** How a file is named in messages (an included file, last year's budget, the file itself), and a hint for when it is missing. */
interface Naming {
  readonly zh: string;
  readonly en: string;
  readonly notFoundHint?: Bilingual;
}

/**
 * Whether a file may be read, asked of the host before reading it: it exists, it is a
 * regular file of at most MAX_SOURCE_BYTES, and (when a root's real path is given) its
 * real path lies inside that root and names a .budget file. Returns what the host said
 * of it (nothing, for a host that cannot tell), or the diagnostic at `span`.
 */
function admit(host: SourceHost, target: string, span: Span, name: Naming, root?: Root, extensions: readonly string[] = [BUDGET_EXTENSION]): { info?: FileInfo } | { problem: Diagnostic } {
  if (!host.stat) return {};
  const info = host.stat(target);
  if (!info) return { problem: notFound(span, name) };
  if (root?.real !== undefined) {
    // An included file (or last year's budget) is where its real path is, links resolved;
    // it is named relative to the root, so that messages do not depend on the machine.
    const real = posix.relative(root.real, info.realPath);
    if (!isInside(info.realPath, root.real))
      return {
        problem: LOADING_CODES.diag("include-outside-root", span, bi(`${name.zh} 经由符号链接指向 ${root.name} 之外的 ${real}（相对于 ${root.name}）`, `${name.en} leads, through a symbolic link, to ${real} (relative to ${root.name}), outside ${root.name}`), {
          hint: bi("把文件本身（而不是指向它的符号链接）放到该目录之内", "put the file itself, not a symbolic link to it, inside that folder"),
        }),
      };
    const kind = (p: string) => extensions.some((e) => p.toLowerCase().endsWith(e));
    if (!kind(info.realPath)) return { problem: notBudget(span, name, kind(target) ? real : undefined, extensions) };
  }
  if (info.kind !== "file") {
    const k = KIND_NAME[info.kind];
    return {
      problem: LOADING_CODES.diag("file-not-regular", span, bi(`${name.zh} 是${k.zh}，不是普通文件，未读取`, `${name.en} is ${k.en}, not a regular file; it was not read`), {
        hint: bi("只能读取普通的 .budget 文件；检查路径是否写错", "only regular .budget files are read; check the path"),
      }),
    };
  }
  if (info.size > MAX_SOURCE_BYTES) return { problem: tooLarge(span, name, info.size) };
  return { info };
}

/** Reads a file that `admit` lets through; a host that cannot tell sizes before reading has its text measured. */
function readSafely(host: SourceHost, target: string, span: Span, name: Naming, root?: Root, extensions?: readonly string[]): { text: string } | { problem: Diagnostic } {
  const a = admit(host, target, span, name, root, extensions);
  if ("problem" in a) return a;
  const text = host.read(target);
  if (text === undefined) return { problem: notFound(span, name) };
  // A UTF-16 code unit is at most three bytes of UTF-8: most texts are counted by their length.
  if (!a.info && text.length * 3 > MAX_SOURCE_BYTES) {
    const bytes = utf8Bytes(text);
    if (bytes > MAX_SOURCE_BYTES) return { problem: tooLarge(span, name, bytes) };
  }
  return { text };
}

function notFound(span: Span, name: Naming): Diagnostic {
  return LOADING_CODES.diag("include-not-found", span, bi(`找不到${name.zh}`, `cannot read ${name.en}`), name.notFoundHint ? { hint: name.notFoundHint } : {});
}

/** Included files and last year's budget are budget sources: .budget files, by name and in fact. */
const BUDGET_EXTENSION = ".budget";

/**
 * A file of another kind than its statement reads: a .budget source (an include, last
 * year's budget) or a catalogue (`extensions`). `real`: where a symbolic link led, when
 * the name written was of the right kind.
 */
function notBudget(span: Span, name: Naming, real?: string, extensions: readonly string[] = [BUDGET_EXTENSION]): Diagnostic {
  const kinds = extensions.join("、");
  const kindsEn = extensions.join(", ");
  const zh = real !== undefined ? `${name.zh} 经由符号链接指向 ${real}，不是 ${kinds} 文件，未读取` : `${name.zh} 不是 ${kinds} 文件，未读取`;
  const en = real !== undefined ? `${name.en} leads, through a symbolic link, to ${real}, not a ${kindsEn} file; it was not read` : `${name.en} is not a ${kindsEn} file; it was not read`;
  const budget = extensions.length === 1 && extensions[0] === BUDGET_EXTENSION;
  return LOADING_CODES.diag("include-not-budget", span, bi(zh, en), {
    hint: budget
      ? bi("引用的文件和上年预算都必须是 .budget 预算源文件", "an included file and last year's budget are .budget sources")
      : bi(`分类目录须是 ${kinds} 文件；其他格式的表格先用 yusuan catalogue import 转换`, `a catalogue is a ${kindsEn} file; convert another sheet with yusuan catalogue import`),
  });
}

function tooLarge(span: Span, name: Naming, bytes: number): Diagnostic {
  const limit = `${MAX_SOURCE_BYTES / (1024 * 1024)} MiB`;
  return LOADING_CODES.diag("file-too-large", span, bi(`${name.zh} 有 ${grouped(bytes)} 字节，超过预算源文件的上限 ${limit}（${grouped(MAX_SOURCE_BYTES)} 字节），未读取`, `${name.en} is ${grouped(bytes)} bytes, above the limit of ${limit} (${grouped(MAX_SOURCE_BYTES)} bytes) for a budget source; it was not read`), {
    hint: bi("预算源文件不会这么大：检查路径是否指向了别的文件，或把预算拆成几个文件再用「引用」合并", "a budget source is never this large: check that the path names the right file, or split the budget into files joined with 引用"),
    data: { bytes: String(bytes), limit: String(MAX_SOURCE_BYTES) },
  });
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

/**
 * Where an include statement leads, or the diagnostic that says why it cannot be read:
 * checked by its path as written, before the host is asked anything about it.
 */
function resolveInclude(
  from: string,
  s: Stmt,
  root: string,
  seen: (target: string) => "cycle" | "duplicate" | undefined,
  cycleText: (target: string) => string,
): { target: string; path: Located<string>; name: Naming } | { problem: Diagnostic } | undefined {
  const a = s.args.find((x) => x.slot === "path");
  if (!a) return undefined;
  const span: Span = { file: from, start: a.start, end: a.end };
  const rel = unquote(a.image);
  const target = normalisePath(posix.join(posix.dirname(from), rel));
  if (posix.isAbsolute(rel) || !isInside(target, root))
    return {
      problem: LOADING_CODES.diag("include-outside-root", span, bi(`引用的文件 ${rel} 不在预算根目录 ${root} 之内`, `the included file ${rel} is outside the budget's root folder ${root}`), {
        hint: bi("只能引用入口文件所在目录及其子目录中的文件，路径写成相对路径", "include only files in the entry file's folder or below it, by relative path"),
      }),
    };
  const name = { zh: `引用的文件 ${rel}`, en: `the included file ${rel}` };
  if (!target.endsWith(BUDGET_EXTENSION)) return { problem: notBudget(span, name) };
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
  return { target, path: { value: rel, span }, name };
}

/** A root folder: as named (for messages), and its real path, inside which the real paths of the files read from it must lie. */
interface Root {
  readonly name: string;
  /** Undefined for a host that cannot tell real paths. */
  readonly real?: string;
}

/**
 * A root folder with its real path. When the host cannot find the folder, the folder as
 * named stands for it: no real (absolute) path lies inside a relative one, so nothing is
 * read from it.
 */
function rootWithReal(host: SourceHost, root: string): Root {
  if (!host.stat) return { name: root };
  return { name: root, real: host.stat(root)?.realPath ?? root };
}

/** The root of last year's budget: the folder that holds the budget's own root (so ../2023/ is beside it). */
export function lastYearRoot(entry: string): string {
  return normalisePath(posix.join(rootOf(entry), ".."));
}

/** Parses a file read through the host, with one diagnostic when it was not UTF-8 (and nothing more when nothing could be decoded). */
function parseRead(path: string, text: string, host: SourceHost): ParseOutput {
  const encoding = host.encoding?.(path);
  if (encoding === undefined || encoding === "utf-8") return parse(path, text);
  const d = encodingDiagnostic(path, encoding);
  if (encoding === "unknown") return { file: { path, text, stmts: [], comments: [] }, diagnostics: [d] };
  const p = parse(path, text);
  return { file: p.file, diagnostics: [d, ...p.diagnostics] };
}

/** The kinds of file a 分类目录 statement may name: a catalogue's JSON, or a list as CSV (a workbook is refused where it is read, with the command that imports it). */
const CATALOGUE_EXTENSIONS: readonly string[] = [".json", ".csv", ".xlsx"];

/** Reads the file a block's 分类目录 statement names, as an include is read: relative to the file, inside the root. */
function readCatalogue(from: string, block: Stmt, root: string, rootReal: Root, host: SourceHost, diagnostics: Diagnostic[]): CatalogueSource | undefined {
  const c = block.block?.stmts.find((x) => x?.kw === "Catalogue");
  const a = c?.args.find((x) => x.slot === "path");
  if (!a) return undefined;
  const span: Span = { file: from, start: a.start, end: a.end };
  const rel = unquote(a.image);
  const target = normalisePath(posix.join(posix.dirname(from), rel));
  if (posix.isAbsolute(rel) || !isInside(target, root)) {
    diagnostics.push(
      LOADING_CODES.diag("include-outside-root", span, bi(`分类目录文件 ${rel} 不在预算根目录 ${root} 之内`, `the catalogue file ${rel} is outside the budget's root folder ${root}`), {
        hint: bi("把分类目录文件放在预算所在目录或其子目录中，路径写成相对路径", "keep the catalogue file in the budget's folder or below it, by relative path"),
      }),
    );
    return undefined;
  }
  const got = readSafely(host, target, span, { zh: `分类目录文件 ${rel}`, en: `the catalogue file ${rel}` }, rootReal, CATALOGUE_EXTENSIONS);
  if ("problem" in got) {
    diagnostics.push(got.problem);
    return undefined;
  }
  return { written: { value: rel, span }, path: target, text: got.text };
}

/** Loads an entry file: a department budget, or a roll-up of department budgets. */
export function loadEntry(entry: string, host: SourceHost): Entry {
  const entryPath = normalisePath(entry);
  const r0 = readSafely(host, entryPath, { file: entryPath, start: 0, end: 0 }, entryNaming(entryPath));
  // A file that cannot be read is reported as a budget that cannot be.
  if ("problem" in r0) return { kind: "budget", loaded: loadBudget(entryPath, host) };
  const parsed = parseRead(entryPath, r0.text, host);
  const rollupStmt = parsed.file.stmts.find((s) => s?.kw === "Rollup");
  if (!rollupStmt) return { kind: "budget", loaded: loadBudget(entryPath, host, parsed) };

  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const root = rootOf(entryPath);
  const rootReal = rootWithReal(host, root);
  const lowerer = new Lowerer();
  const rollup = lowerer.lowerRollup(entryPath, rollupStmt);
  const catalogueSource = readCatalogue(entryPath, rollupStmt, root, rootReal, host, diagnostics);
  const departments: { include: Located<string>; path: string }[] = [];
  const read = new Set<string>();
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
    const r = resolveInclude(entryPath, s, root, (t) => (t === entryPath ? "cycle" : read.has(t) ? "duplicate" : undefined), (t) => `${entryPath} → ${t}`);
    if (!r) continue;
    if ("problem" in r) {
      diagnostics.push(r.problem);
      continue;
    }
    // Each department is read where it is checked; here it is only admitted (or, by a
    // host that cannot tell what a file is, read to see that it can be).
    const ok = host.stat ? admit(host, r.target, r.path.span, r.name, rootReal) : readSafely(host, r.target, r.path.span, r.name);
    if ("problem" in ok) {
      diagnostics.push(ok.problem);
      continue;
    }
    read.add(r.target);
    departments.push({ include: r.path, path: r.target });
  }
  for (const d of lowerer.diagnostics) diagnostics.push(d);
  return { kind: "rollup", rollup: { rollup, file: parsed.file, departments, ...(catalogueSource ? { catalogueSource } : {}), diagnostics } };
}

/** How the entry file is named in messages. */
function entryNaming(entryPath: string): Naming {
  return { zh: `文件 ${entryPath}`, en: entryPath };
}

/** Loads a department budget with its includes, and last year's budget if it names one. */
export function loadBudget(entry: string, host: SourceHost, parsedEntry?: ParseOutput): Loaded {
  const loaded = loadOne(entry, host, parsedEntry);
  const source = loaded.budget.lastYear?.source;
  if (!source) return loaded;
  // Last year's budget is another budget, in a folder beside this one's root (or in it):
  // it must lie inside the folder that holds the root. Its own 源文件 is not followed:
  // one year back is what the comparisons need.
  const target = normalisePath(posix.join(posix.dirname(source.span.file), source.value));
  const root = lastYearRoot(entry);
  if (posix.isAbsolute(source.value) || !isInside(target, root)) {
    loaded.diagnostics.push(
      LOADING_CODES.diag("include-outside-root", source.span, bi(`上年预算 ${source.value} 不在 ${root} 之内（本预算根目录的上一级目录）`, `last year's budget ${source.value} is outside ${root}, the folder that holds this budget's root`), {
        hint: bi("上年预算放在本预算目录或其同级目录中（如 ../2023/），路径写成相对路径", "keep last year's budget in this budget's folder or one beside it (such as ../2023/), by relative path"),
      }),
    );
    return loaded;
  }
  const name = { zh: `上年预算 ${source.value}`, en: `last year's budget ${source.value}`, notFoundHint: bi("路径相对于写它的文件", "the path is relative to the file that names it") };
  if (!target.endsWith(BUDGET_EXTENSION)) {
    loaded.diagnostics.push(notBudget(source.span, name));
    return loaded;
  }
  if (target === normalisePath(entry)) {
    loaded.diagnostics.push(LOADING_CODES.diag("include-cycle", source.span, bi("上年预算的源文件不能是本预算自己", "last year's budget cannot be this budget itself")));
    return loaded;
  }
  const r = readSafely(host, target, source.span, name, rootWithReal(host, root));
  if ("problem" in r) {
    loaded.diagnostics.push(r.problem);
    return loaded;
  }
  return { ...loaded, lastYear: loadOne(target, host, parseRead(target, r.text, host)) };
}

function loadOne(entry: string, host: SourceHost, parsedEntry?: ParseOutput): Loaded {
  const entryPath = normalisePath(entry);
  const root = rootOf(entryPath);
  const rootReal = rootWithReal(host, root);
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
    // A loop, not push(...ds): a damaged file can have more diagnostics than a call takes arguments.
    for (const d of ds) diagnostics.push(d);
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
          catalogueSource = readCatalogue(path, s, root, rootReal, host, diagnostics);
        }
        own.push(s);
        continue;
      }
      flush();
      const r = resolveInclude(
        path,
        s,
        root,
        (t) => (stack.includes(t) || t === path ? "cycle" : read.has(t) ? "duplicate" : undefined),
        (t) => [...stack, path, t].join(" → "),
      );
      if (!r) continue;
      if ("problem" in r) {
        diagnostics.push(r.problem);
        continue;
      }
      const got = readSafely(host, r.target, r.path.span, r.name, rootReal);
      if ("problem" in got) {
        diagnostics.push(got.problem);
        continue;
      }
      visit(r.target, parseRead(r.target, got.text, host), [...stack, path]);
    }
    flush();
  };

  if (parsedEntry) {
    visit(entryPath, parsedEntry, []);
  } else {
    const r = readSafely(host, entryPath, { file: entryPath, start: 0, end: 0 }, entryNaming(entryPath));
    if ("problem" in r) diagnostics.push(r.problem);
    else visit(entryPath, parseRead(entryPath, r.text, host), []);
  }
  for (const d of lowerer.diagnostics) diagnostics.push(d);
  return { budget: lowerer.budget(files.map((f) => f.path)), ...(catalogueSource ? { catalogueSource } : {}), files, diagnostics };
}
