/**
 * The yusuan command line. Each command is a function of its arguments and an Io;
 * exit codes: 0 clean, 1 errors (or, for fmt --check, files not canonical), 2 usage,
 * 70 an internal error (a bug: its message, never a stack trace).
 *
 * Every argument is validated before anything is read or written: yargs parses (its
 * command handlers only note which command was named), then this module rejects what
 * yargs lets through (unknown options and commands, with the nearest known one
 * suggested), expands the input files (inputs.ts), checks --out and the like, and only
 * then runs the command. Commands load only what they need: `check` never loads
 * templates or charts.
 *
 * Help and messages are in Chinese, or in English with --lang en or when the locale
 * (LC_ALL, else LC_MESSAGES, else LANG) starts with "en". The words of the help
 * (help.ts) are loaded only to show help or a usage error.
 */
import yargs, { type Argv } from "yargs";
import { bi, type Bilingual } from "../base/diagnostics.js";
import { expandInputs } from "./inputs.js";
import { nodeIo, type Io } from "./io.js";
import type { Lang } from "./report.js";
import { nearest } from "./suggest.js";
import { DEFAULT_PROFILE } from "../model/spec.js";
import { packageVersion } from "./package-version.js";
import { profileNames } from "./profile-names.js";
import { parseShard } from "./shard-spec.js";
import type { Words } from "./help.js";


/** An option as the parser needs it; its words are in help.ts. */
interface OptionDef {
  readonly name: string;
  readonly type: "string" | "boolean" | "number";
  readonly choices?: readonly string[];
  readonly default?: string | boolean | number;
  readonly required?: boolean;
}

interface CommandDef {
  readonly name: string;
  /** The yargs command string: the name and its positional arguments. */
  readonly usage: string;
  readonly positional?: { readonly name: string; readonly required: boolean };
  /** Further positional arguments, after the first (trace's row and column). */
  readonly more?: readonly { readonly name: string; readonly required: boolean }[];
  readonly options: readonly OptionDef[];
}

const CATALOGUE: OptionDef = { name: "catalogue", type: "string" };
/** The formats build writes. */
const BUILD_FORMATS: readonly string[] = ["html", "md", "json", "pdf", "csv", "xlsx", "docx", "fdp"];
const JOBS: OptionDef = { name: "jobs", type: "number" };
/** --profile: the profile to publish in, in place of each budget's 公开格式 (else shanxi-13). */
const PROFILE: OptionDef = { name: "profile", type: "string" };

const GLOBAL_OPTIONS: readonly OptionDef[] = [
  { name: "lang", type: "string", choices: ["zh", "en"] },
  { name: "version", type: "boolean" },
];

const COMMANDS: readonly CommandDef[] = [
  {
    name: "check",
    usage: "check <files..>",
    positional: { name: "files", required: true },
    options: [{ name: "format", type: "string", choices: ["text", "json"], default: "text" }, PROFILE, CATALOGUE, JOBS],
  },
  {
    name: "fmt",
    usage: "fmt <files..>",
    positional: { name: "files", required: true },
    options: [
      { name: "write", type: "boolean", default: false },
      { name: "check", type: "boolean", default: false },
    ],
  },
  {
    name: "build",
    usage: "build <inputs..>",
    positional: { name: "inputs", required: true },
    options: [
      { name: "out", type: "string", required: true },
      { name: "format", type: "string" },
      PROFILE,
      { name: "templates", type: "string" },
      { name: "provenance", type: "boolean", default: false },
      CATALOGUE,
      JOBS,
      { name: "keep-going", type: "boolean", default: false },
      { name: "shard", type: "string" },
      { name: "merge", type: "boolean", default: false },
      { name: "cache", type: "boolean", default: true },
      { name: "cache-dir", type: "string" },
      { name: "quiet", type: "boolean", default: false },
    ],
  },
  {
    name: "trace",
    usage: "trace <file> <table> [row] [column]",
    positional: { name: "file", required: true },
    more: [
      { name: "table", required: true },
      { name: "row", required: false },
      { name: "column", required: false },
    ],
    options: [{ name: "format", type: "string", choices: ["text", "json"], default: "text" }, PROFILE, CATALOGUE],
  },
  {
    name: "import",
    usage: "import <workbook>",
    positional: { name: "workbook", required: true },
    options: [{ name: "out", type: "string", required: true }, { name: "profile", type: "string" }, { name: "force", type: "boolean", default: false }],
  },
  {
    name: "diff",
    usage: "diff [files..]",
    positional: { name: "files", required: false },
    options: [
      { name: "rev", type: "string" },
      { name: "format", type: "string", choices: ["text", "md", "json"], default: "text" },
      { name: "verbose", type: "boolean", default: false },
      { name: "exit-code", type: "boolean", default: false },
      CATALOGUE,
    ],
  },
  {
    name: "explain",
    usage: "explain [code]",
    positional: { name: "code", required: false },
    options: [{ name: "list", type: "boolean", default: false }],
  },
  {
    name: "lsp",
    usage: "lsp",
    options: [{ name: "stdio", type: "boolean" }],
  },
  {
    name: "serve",
    usage: "serve [input]",
    positional: { name: "input", required: false },
    options: [{ name: "port", type: "number", default: 7420 } as OptionDef, PROFILE, { name: "templates", type: "string" }],
  },
  {
    name: "init",
    usage: "init [dir]",
    positional: { name: "dir", required: false },
    options: [{ name: "profile", type: "string", default: DEFAULT_PROFILE }],
  },
];

/** The language: --lang, else the locale, else Chinese. */
export function chooseLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") break;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (v === "en" || v === "zh") return v;
  }
  const locale = env["LC_ALL"] || env["LC_MESSAGES"] || env["LANG"] || "";
  return locale.toLowerCase().startsWith("en") ? "en" : "zh";
}

/** What parsing the arguments comes to: output to print (help), a usage error, or a command to run. */
type Parsed = { readonly kind: "output"; readonly text: string } | { readonly kind: "usage"; readonly message: Bilingual; readonly command?: string } | { readonly kind: "run"; readonly run: () => Promise<number> };

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  const lang = chooseLang(argv, io.env);
  // The catalogue commands are a group of their own (catalogue-args.ts), with their own checks.
  if (argv[0] === "catalogue") {
    const { catalogueMain } = await import("./catalogue-args.js");
    return catalogueMain(argv, io, lang);
  }
  try {
    const p = await parse(argv, io, lang);
    if (p.kind === "output") {
      io.out(p.text.endsWith("\n") ? p.text : `${p.text}\n`);
      return 0;
    }
    if (p.kind === "usage") {
      const def = COMMANDS.find((c) => c.name === p.command);
      const line = def ? `yusuan ${def.usage} [${lang === "zh" ? "选项" : "options"}]` : `yusuan <${lang === "zh" ? "命令" : "command"}> [${lang === "zh" ? "选项" : "options"}]`;
      const cmd = def ? `${def.name} ` : "";
      io.err(lang === "zh" ? `yusuan: ${p.message.zh}\n用法：${line}\n运行 yusuan ${cmd}--help 查看全部选项和示例。\n` : `yusuan: ${p.message.en}\nUsage: ${line}\nRun 'yusuan ${cmd}--help' for every option and examples.\n`);
      return 2;
    }
    return await p.run();
  } catch (e) {
    // A bug: said plainly, without a stack trace.
    io.err(`yusuan: internal error: ${(e as Error).message}\n`);
    return 70;
  }
}

function addOptions(y: Argv, options: readonly OptionDef[], described: (name: string) => string): Argv {
  for (const o of options) {
    y = y.option(o.name, {
      type: o.type,
      describe: described(o.name),
      ...(o.choices ? { choices: o.choices as string[] } : {}),
      ...(o.default !== undefined ? { default: o.default } : {}),
      ...(o.required ? { demandOption: true } : {}),
    });
  }
  return y;
}

/** The option names a command accepts, as they may be written (with their negations). */
function knownOptions(cmd: CommandDef | undefined): string[] {
  const all = [...GLOBAL_OPTIONS, ...(cmd?.options ?? [])];
  return [...all.map((o) => o.name), ...all.filter((o) => o.type === "boolean").map((o) => `no-${o.name}`), "help", "h"];
}

/** The options written in the arguments, as names (`--out=x` is out, `-h` is h), up to `--`. */
function writtenOptions(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (a === "--") break;
    if (/^-\d/.test(a) || a === "-") continue;
    if (a.startsWith("--")) out.push(a.slice(2).split("=")[0]!);
    else if (a.startsWith("-")) out.push(...a.slice(1).split("=")[0]!.split(""));
  }
  return out;
}

/** What yargs made of the arguments: the command named (if its arguments passed), help text, or its complaint. */
interface YargsResult {
  readonly chosen?: { readonly name: string; readonly args: Record<string, unknown> };
  readonly failure?: string;
  readonly output: string;
  /** The first word that is not an option: the command as written. */
  readonly named?: string;
}

/**
 * Runs yargs over the arguments. Without words (help.ts) it only parses: descriptions
 * are empty and its complaints are in whichever language it last spoke; with them it
 * can show help and complain in the language asked for.
 */
async function runYargs(argv: string[], lang: Lang, words?: Words): Promise<YargsResult> {
  let chosen: YargsResult["chosen"];
  let failure: string | undefined;
  let output = "";
  let named: string | undefined;
  const say = (b: Bilingual | undefined): string => b?.[lang] ?? "";
  let y = yargs(argv).scriptName("yusuan").locale("en");
  // The types allow only strings; y18n also takes { one, other } for plural forms.
  if (words) y = y.updateStrings(words.yargs[lang] as Record<string, string>).usage(lang === "zh" ? `yusuan <命令> [选项]\n\n${words.banner.zh}` : `yusuan <command> [options]\n\n${words.banner.en}`);
  // yargs' own --version is off: it would look for package.json itself; ours is an option.
  y = y.wrap(100).version(false);
  y = addOptions(y, GLOBAL_OPTIONS, (n) => say(words?.global[n]));
  for (const c of COMMANDS) {
    const w = words?.commands[c.name];
    y = y.command(
      c.usage,
      say(w?.describe),
      (sub) => {
        let s = sub;
        if (c.positional) s = s.positional(c.positional.name, { type: "string", describe: say(w?.positional), ...(c.positional.required ? { demandOption: true } : {}) });
        for (const m of c.more ?? []) s = s.positional(m.name, { type: "string", describe: say(w?.more?.[m.name]), ...(m.required ? { demandOption: true } : {}) });
        s = addOptions(s, c.options, (n) => say(w?.options[n]));
        if (c.options.includes(JOBS)) s = s.check((a) => jobsValid(a as { jobs?: unknown }, lang));
        for (const [ex, what] of w?.examples ?? []) s = s.example(ex, say(what));
        return s;
      },
      // Handlers only note the command: it runs once every argument has been validated.
      (a) => {
        chosen = { name: c.name, args: a as Record<string, unknown> };
      },
    );
  }
  // The overall help shows each command's first example.
  for (const c of words ? COMMANDS : []) {
    const [ex, what] = words!.commands[c.name]!.examples[0]!;
    y = y.example(ex, say(what));
  }
  y = y
    .help()
    .alias("help", "h")
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs reports both: a message for bad arguments, an error thrown inside it.
      if (!msg && err) throw err;
      failure ??= msg || err?.message || "usage error";
    });
  await y.parseAsync(argv, {}, (_err, args, out) => {
    // yargs gives a list of positional arguments the default [], which says nothing:
    // the note goes, and the notes before it move right to keep their column.
    output = (out ?? "").replace(/( +)(\[.*) \[(?:默认|default): \[\]\]$/gm, (m: string, gap: string, notes: string) => `${gap}${" ".repeat(m.length - gap.length - notes.length)}${notes}`);
    const first = (args as { _?: unknown[] } | undefined)?._?.[0];
    if (first !== undefined) named = String(first);
  });
  return { ...(chosen ? { chosen } : {}), ...(failure !== undefined ? { failure } : {}), output, ...(named !== undefined ? { named } : {}) };
}

/** True when `--name` is written last, or followed by another option, or as `--name=`. */
function writtenWithoutValue(argv: readonly string[], name: string): boolean {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") return false;
    if (a === `--${name}=`) return true;
    if (a !== `--${name}`) continue;
    const next = argv[i + 1];
    if (next === undefined || next === "--" || (next.startsWith("-") && !/^-\d/.test(next))) return true;
  }
  return false;
}

async function parse(argv: string[], io: Io, lang: Lang): Promise<Parsed> {
  const options = writtenOptions(argv);
  if (options.includes("version")) return { kind: "output", text: version(io) };
  let r = await runYargs(argv, lang);
  // Help and yargs' complaints need the words: parse again with them.
  if (r.failure !== undefined || r.output) r = await runYargs(argv, lang, (await import("./help.js")).WORDS);
  const { chosen, named } = r;
  const cmd = COMMANDS.find((c) => c.name === (chosen?.name ?? named));

  // An unknown option first: it is most often why yargs complained too (-x takes the file as its value).
  const known = knownOptions(cmd);
  const unknown = cmd ? options.filter((o) => !known.includes(o)) : [];
  if (cmd && unknown.length) {
    const u = unknown[0]!;
    const guess = nearest(u, known.filter((k) => k.length > 1));
    const dash = u.length === 1 ? "-" : "--";
    return {
      kind: "usage",
      command: cmd.name,
      message: bi(`${cmd.name} 没有选项 ${dash}${u}${guess ? `（是指 --${guess} 吗？）` : ""}`, `${cmd.name} has no option ${dash}${u}${guess ? ` (did you mean --${guess}?)` : ""}`),
    };
  }
  // An option that takes a value but was written without one (yargs would use its default, or nothing).
  const empty = cmd ? [...GLOBAL_OPTIONS, ...cmd.options].find((o) => o.type !== "boolean" && writtenWithoutValue(argv, o.name)) : undefined;
  if (cmd && empty) return { kind: "usage", command: cmd.name, message: bi(`--${empty.name} 缺少值`, `--${empty.name} needs a value`) };
  if (r.failure !== undefined) return { kind: "usage", message: { zh: r.failure, en: r.failure }, ...(cmd ? { command: cmd.name } : {}) };
  if (r.output) return { kind: "output", text: r.output };
  if (!chosen) {
    if (named === undefined) return { kind: "usage", message: bi(`请写出一个命令：${COMMANDS.map((c) => c.name).join("、")}`, `name a command: ${COMMANDS.map((c) => c.name).join(", ")}`) };
    const guess = nearest(named, COMMANDS.map((c) => c.name));
    return { kind: "usage", message: bi(`没有命令 ${named}${guess ? `（是指 ${guess} 吗？）` : ""}`, `no command ${named}${guess ? ` (did you mean ${guess}?)` : ""}`) };
  }
  const extra = (chosen.args["_"] as unknown[]).slice(1).map(String);
  if (extra.length) return { kind: "usage", command: chosen.name, message: bi(`多余的参数：${extra.join(" ")}`, `unexpected argument: ${extra.join(" ")}`) };
  return validate(chosen.name, chosen.args, io, lang);
}

function jobsValid(a: { jobs?: unknown }, lang: Lang): true | string {
  const v = a.jobs;
  if (v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 64)) return true;
  return lang === "zh" ? "--jobs 取 1 到 64 之间的整数" : "--jobs takes one whole number from 1 to 64";
}

function version(io: Io): string {
  return `${packageVersion(io)}\n`;
}

type Usage = { kind: "usage"; message: Bilingual; command: string };

/** Checks what yargs cannot (files, folders, combinations) and returns the command to run, or the usage error. */
function validate(name: string, a: Record<string, unknown>, io: Io, lang: Lang): Parsed {
  const usage = (message: Bilingual): Usage => ({ kind: "usage", message, command: name });
  const str = (k: string): string | undefined => (typeof a[k] === "string" ? (a[k] as string) : undefined);
  const jobs = typeof a["jobs"] === "number" ? { jobs: a["jobs"] } : {};
  const catalogue = str("catalogue");
  if (catalogue !== undefined && io.stat(catalogue)?.kind !== "file") return usage(bi(`--catalogue 的分类目录文件 ${catalogue} 不存在或不是文件`, `the catalogue file ${catalogue} of --catalogue does not exist or is not a file`));
  // A profile named on the command line is one of templates/ (a budget's own 公开格式 is
  // checked, located, by the checker).
  const profile = str("profile");
  if (profile !== undefined) {
    const names = profileNames(io);
    if (!names.includes(profile)) {
      const guess = nearest(profile, names);
      return usage(bi(`没有名为 ${profile} 的公开格式（可用：${names.join("、")}）${guess ? `；是不是 ${guess}？` : ""}`, `no profile ${profile} (profiles: ${names.join(", ")})${guess ? `; did you mean ${guess}?` : ""}`));
    }
  }
  const profileOpt = profile !== undefined ? { profile } : {};
  const inputs = (k: string): { files: string[] } | Usage => {
    const r = expandInputs(io, (a[k] as string[] | undefined) ?? []);
    return "usage" in r ? usage(r.usage) : r;
  };
  switch (name) {
    case "check": {
      const r = inputs("files");
      if ("kind" in r) return r;
      return {
        kind: "run",
        run: async () => {
          const { checkCommand } = await import("./check.js");
          return checkCommand(io, { files: r.files, format: a["format"] as "text" | "json", lang, ...profileOpt, ...(catalogue ? { catalogue } : {}), ...jobs });
        },
      };
    }
    case "fmt": {
      if (a["write"] && a["check"]) return usage(bi("--write 和 --check 不能同时使用", "--write and --check cannot be used together"));
      const r = inputs("files");
      if ("kind" in r) return r;
      return {
        kind: "run",
        run: async () => {
          const { fmtCommand } = await import("./fmt.js");
          return fmtCommand(io, { files: r.files, write: Boolean(a["write"]), check: Boolean(a["check"]), lang });
        },
      };
    }
    case "build": {
      const out = str("out");
      if (!out) return usage(bi("build 需要 --out 输出目录", "build needs --out, the output folder"));
      const o = io.stat(out);
      if (o && o.kind !== "directory") return usage(bi(`--out ${out} 是已有的文件，不是目录`, `--out ${out} is an existing file, not a folder`));
      const formats = str("format")
        ?.split(",")
        .map((x) => x.trim())
        .filter(Boolean);
      const bad = formats?.filter((f) => !BUILD_FORMATS.includes(f)) ?? [];
      if (formats && (!formats.length || bad.length)) return usage(bi(`未知的格式 ${bad.join("、")}（可选 ${BUILD_FORMATS.join("、")}）`, `unknown format ${bad.join(", ")} (${BUILD_FORMATS.join(", ")})`));
      const templates = str("templates");
      if (templates !== undefined && io.stat(templates)?.kind !== "directory") return usage(bi(`--templates ${templates} 不是目录`, `--templates ${templates} is not a folder`));
      const shardText = str("shard");
      const shard = shardText !== undefined ? parseShard(shardText) : undefined;
      if (shardText !== undefined && !shard) return usage(bi(`--shard ${shardText} 应写作 I/N，如 2/3（1 ≤ I ≤ N ≤ 1000）`, `--shard ${shardText} is written I/N, such as 2/3 (1 ≤ I ≤ N ≤ 1000)`));
      if (shard && a["merge"]) return usage(bi("--shard 和 --merge 不能同时使用：先分片生成，再合并", "--shard and --merge cannot be used together: build the shards, then merge"));
      const cacheDir = str("cache-dir");
      if (cacheDir !== undefined && a["cache"] === false) return usage(bi("--cache-dir 和 --no-cache 不能同时使用", "--cache-dir and --no-cache cannot be used together"));
      if (cacheDir !== undefined && io.stat(cacheDir) && io.stat(cacheDir)?.kind !== "directory") return usage(bi(`--cache-dir ${cacheDir} 是已有的文件，不是目录`, `--cache-dir ${cacheDir} is an existing file, not a folder`));
      const r = inputs("inputs");
      if ("kind" in r) return r;
      return {
        kind: "run",
        run: async () => {
          const { buildCommand } = await import("./build.js");
          return buildCommand(io, {
            inputs: r.files,
            out,
            ...(formats ? { formats } : {}),
            ...profileOpt,
            ...(templates ? { templates } : {}),
            ...(catalogue ? { catalogue } : {}),
            ...(a["provenance"] ? { provenance: true } : {}),
            ...jobs,
            ...(a["keep-going"] ? { keepGoing: true } : {}),
            ...(shard ? { shard } : {}),
            ...(a["merge"] ? { merge: true } : {}),
            ...(a["quiet"] ? { quiet: true } : {}),
            ...(a["cache"] === false ? { cache: false as const } : cacheDir !== undefined ? { cache: cacheDir } : {}),
            lang,
          });
        },
      };
    }
    case "trace": {
      const file = str("file")!;
      return {
        kind: "run",
        run: async () => {
          const { traceCommand } = await import("./trace.js");
          return traceCommand(io, {
            file,
            table: str("table")!,
            ...(str("row") !== undefined ? { row: str("row")! } : {}),
            ...(str("column") !== undefined ? { column: str("column")! } : {}),
            format: a["format"] as "text" | "json",
            ...profileOpt,
            ...(catalogue ? { catalogue } : {}),
            lang,
          });
        },
      };
    }
    case "import": {
      const out = str("out");
      if (!out) return usage(bi("import 需要 --out 输出的 .budget 文件", "import needs --out, the .budget file to write"));
      const workbook = str("workbook")!;
      if (io.stat(workbook)?.kind !== "file") return usage(bi(`工作簿 ${workbook} 不存在或不是文件`, `the workbook ${workbook} does not exist or is not a file`));
      return {
        kind: "run",
        run: async () => {
          const { importCommand } = await import("./import.js");
          const profile = str("profile");
          return importCommand(io, { workbook, out, ...(profile !== undefined ? { profile } : {}), force: Boolean(a["force"]), lang });
        },
      };
    }
    case "lsp":
      return {
        kind: "run",
        run: async () => {
          const { lspCommand } = await import("./lsp.js");
          return lspCommand(io, { lang });
        },
      };
    case "serve": {
      const port = a["port"];
      if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535) return usage(bi("--port 取 0 到 65535 之间的整数", "--port takes a whole number from 0 to 65535"));
      const input = str("input");
      const templates = str("templates");
      return {
        kind: "run",
        run: async () => {
          const { serveCommand } = await import("./serve.js");
          return serveCommand(io, { ...(input ? { input } : {}), port, ...profileOpt, ...(templates ? { templates } : {}), lang });
        },
      };
    }
    case "init": {
      const dir = str("dir");
      return {
        kind: "run",
        run: async () => {
          const { initCommand } = await import("./init.js");
          return initCommand(io, { ...(dir ? { dir } : {}), profile: str("profile") ?? DEFAULT_PROFILE, lang });
        },
      };
    }
    case "diff": {
      const rev = str("rev");
      const files = ((a["files"] as string[] | undefined) ?? []).map(String);
      // Seven arguments are git's external diff driver (diff.ts).
      if (!rev && files.length !== 2 && files.length !== 7) return usage(bi("diff 比较两个预算文件（旧 新），或用 --rev 版本 [文件…]", "diff takes two budget files (OLD NEW), or --rev REV [FILE…]"));
      return {
        kind: "run",
        run: async () => {
          const { diffCommand } = await import("./diff.js");
          return diffCommand(io, { files, ...(rev ? { rev } : {}), format: a["format"] as "text" | "md" | "json", verbose: Boolean(a["verbose"]), exitCode: Boolean(a["exit-code"]), lang, ...(catalogue ? { catalogue } : {}) });
        },
      };
    }
    case "explain": {
      const code = str("code");
      if (a["list"] && code !== undefined) return usage(bi("写一个诊断代码，或用 --list，不能两者都写", "name a code or use --list, not both"));
      if (!a["list"] && code === undefined) return usage(bi("explain 需要一个诊断代码（如 yusuan explain money-unit），或用 --list 列出全部代码", "explain needs a diagnostic code (such as yusuan explain money-unit), or --list to list every code"));
      return {
        kind: "run",
        run: async () => {
          const { explainCommand, explainList } = await import("./explain.js");
          return code === undefined ? explainList(io, lang) : explainCommand(io, code, lang);
        },
      };
    }
  }
  return usage(bi(`没有命令 ${name}`, `no command ${name}`));
}
