/**
 * The yusuan command line. Each command is a function of its arguments and an Io;
 * exit codes: 0 clean, 1 errors (or, for fmt --check, files not canonical), 2 usage.
 * Commands load only what they need: `check` never loads templates or charts.
 */
import yargs from "yargs";
import { nodeIo, type Io } from "./io.js";
import type { Lang } from "./report.js";
import { catalogueCommands } from "./catalogue-args.js";

/** --jobs, for the commands that take a roll-up. */
const JOBS_OPTION = {
  type: "number",
  describe: "threads for the departments of a roll-up (default: one per core from four cores up, else one)",
} as const;

function jobsValid(a: { jobs?: unknown }): true | string {
  const v = a.jobs;
  return v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 64) ? true : "--jobs takes one whole number from 1 to 64";
}

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  let code = 0;
  let usageError: string | undefined;
  let failure: Error | undefined;
  const lang = (v: unknown): Lang => (v === "en" ? "en" : "zh");
  const parser = yargs(argv)
    .scriptName("yusuan")
    .usage("yusuan <command> [options]\n\n预算即代码：把部门预算写成源代码，检查并生成预算公开文件。")
    .option("lang", { choices: ["zh", "en"] as const, default: "zh", describe: "language of messages" })
    .command(
      "check <files..>",
      "check budgets: syntax, classifications and every invariant",
      (y) =>
        y
          .positional("files", { type: "string", array: true, demandOption: true })
          .option("format", { choices: ["text", "json"] as const, default: "text" })
          .option("catalogue", { type: "string", describe: "a classification catalogue file (JSON) to check against" })
          .option("jobs", JOBS_OPTION)
          .check(jobsValid),
      async (a) => {
        const { checkCommand } = await import("./check.js");
        code = await checkCommand(io, {
          files: a.files as string[],
          format: a.format as "text" | "json",
          lang: lang(a.lang),
          ...(a.catalogue ? { catalogue: a.catalogue } : {}),
          ...(a.jobs !== undefined ? { jobs: a.jobs } : {}),
        });
      },
    )
    .command(
      "fmt <files..>",
      "print budgets in canonical form",
      (y) =>
        y
          .positional("files", { type: "string", array: true, demandOption: true })
          .option("write", { type: "boolean", default: false, describe: "rewrite the files in place" })
          .option("check", { type: "boolean", default: false, describe: "exit 1 and name the files that are not canonical" }),
      async (a) => {
        if (a.write && a.check) {
          usageError = "--write and --check cannot be used together";
          return;
        }
        const { fmtCommand } = await import("./fmt.js");
        code = await fmtCommand(io, { files: a.files as string[], write: a.write, check: a.check, lang: lang(a.lang) });
      },
    )
    .command(
      "build <inputs..>",
      "build the publication of each budget (a .budget file, or every .budget in a folder)",
      (y) =>
        y
          .positional("inputs", { type: "string", array: true, demandOption: true })
          .option("out", { type: "string", demandOption: true, describe: "output folder" })
          .option("format", { type: "string", describe: "comma-separated: html,md,json,pdf,csv,xlsx,docx,fdp (default html,md,json, and pdf where Chromium is installed)" })
          .option("profile", { type: "string", default: "shanxi-13", describe: "table set and templates: shanxi-13 or mof-9" })
          .option("templates", { type: "string", describe: "a folder of templates overriding the profile's" })
          .option("provenance", { type: "boolean", default: false, describe: "record each figure's source lines: a provenance map in the JSON, tooltips in the HTML" })
          .option("jobs", JOBS_OPTION)
          .check(jobsValid),
      async (a) => {
        const { buildCommand } = await import("./build.js");
        code = await buildCommand(io, {
          inputs: a.inputs as string[],
          out: a.out,
          ...(a.format ? { formats: a.format.split(",").map((x) => x.trim()).filter(Boolean) } : {}),
          profile: a.profile,
          ...(a.templates ? { templates: a.templates } : {}),
          ...(a.jobs !== undefined ? { jobs: a.jobs } : {}),
          ...(a.provenance ? { provenance: true } : {}),
          lang: lang(a.lang),
        });
      },
    )
    .command(
      "trace <file> <table> [row] [column]",
      "where a published figure comes from: its value, the arithmetic and each source line",
      (y) =>
        y
          .positional("file", { type: "string", demandOption: true })
          .positional("table", { type: "string", demandOption: true, describe: "a table (表五, 5, or its title) or a JSON pointer of the publication (/prose/s4/general)" })
          .positional("row", { type: "string", describe: "the row: a subject code, a label (合计, 收入总计) or a project's name" })
          .positional("column", { type: "string", describe: "the column by its header (基本支出); default: the row's first amount" })
          .option("format", { choices: ["text", "json"] as const, default: "text" })
          .option("profile", { type: "string", default: "shanxi-13", describe: "the profile whose tables name the figure" }),
      async (a) => {
        const { traceCommand } = await import("./trace.js");
        code = await traceCommand(io, {
          file: String(a.file),
          table: String(a.table),
          ...(a.row !== undefined ? { row: String(a.row) } : {}),
          ...(a.column !== undefined ? { column: String(a.column) } : {}),
          format: a.format as "text" | "json",
          profile: a.profile,
          lang: lang(a.lang),
        });
      },
    )
    .command(
      "import <workbook>",
      "turn a workbook of the publication's tables (.xlsx) back into budget source",
      (y) =>
        y
          .positional("workbook", { type: "string", demandOption: true })
          .option("out", { type: "string", demandOption: true, describe: "the .budget file to write" })
          .option("profile", { type: "string", default: "shanxi-13", describe: "the table set to recognise: shanxi-13 or mof-9" })
          .option("force", { type: "boolean", default: false, describe: "replace the output file if it exists" }),
      async (a) => {
        const { importCommand } = await import("./import.js");
        code = await importCommand(io, { workbook: String(a.workbook), out: a.out, profile: a.profile, force: a.force, lang: lang(a.lang) });
      },
    )
    .command(
      "diff [files..]",
      "semantic diff of two budgets, or of the working tree against a git revision",
      (y) =>
        y
          .positional("files", { type: "string", array: true, default: [] })
          .option("rev", { type: "string", describe: "compare the working tree with this git revision" })
          .option("format", { choices: ["text", "md", "json"] as const, default: "text" })
          .option("verbose", { type: "boolean", default: false, describe: "every figure, not only what changed" })
          .option("exit-code", { type: "boolean", default: false, describe: "exit 0 for no semantic change, 1 for changes, 2 for trouble" }),
      async (a) => {
        const { diffCommand } = await import("./diff.js");
        code = diffCommand(io, {
          files: (a.files as string[]) ?? [],
          ...(a.rev ? { rev: a.rev } : {}),
          format: a.format as "text" | "md" | "json",
          verbose: a.verbose,
          exitCode: a["exit-code"] as boolean,
          lang: lang(a.lang),
        });
      },
    )
    .command(
      "explain <code>",
      "explain a diagnostic code",
      (y) => y.positional("code", { type: "string", demandOption: true }),
      async (a) => {
        const { explainCommand } = await import("./explain.js");
        code = explainCommand(io, String(a.code));
      },
    )
    .command(
      "lsp",
      "run the language server for editors, over stdin and stdout",
      (y) => y.option("stdio", { type: "boolean", describe: "talk over stdin and stdout (the only transport; accepted for editors that pass it)" }),
      async (a) => {
        const { lspCommand } = await import("./lsp.js");
        code = await lspCommand(io, { lang: lang(a.lang) });
      },
    )
    .command(
      "serve [input]",
      "preview the publication of a budget (a .budget file, or the folder of them) in the browser, reloading on save",
      (y) =>
        y
          .positional("input", { type: "string", describe: "a .budget file or a folder (default: the current folder)" })
          .option("port", { type: "number", default: 7420, describe: "the port on 127.0.0.1" })
          .option("profile", { type: "string", default: "shanxi-13", describe: "table set and templates: shanxi-13 or mof-9" })
          .option("templates", { type: "string", describe: "a folder of templates overriding the profile's" }),
      async (a) => {
        const { serveCommand } = await import("./serve.js");
        code = await serveCommand(io, { ...(a.input ? { input: a.input } : {}), port: a.port, profile: a.profile, ...(a.templates ? { templates: a.templates } : {}), lang: lang(a.lang) });
      },
    )
    .command(
      "init [dir]",
      "start a budget repository: a commented starter budget, git settings, a pre-commit hook and a CI workflow",
      (y) =>
        y
          .positional("dir", { type: "string", describe: "the folder to write into (default: the current folder)" })
          .option("profile", { type: "string", default: "shanxi-13", describe: "the disclosure format the starter is for" }),
      async (a) => {
        const { initCommand } = await import("./init.js");
        code = initCommand(io, { ...(a.dir ? { dir: a.dir } : {}), profile: a.profile, lang: lang(a.lang) });
      },
    )
    // The catalogue command group: its arguments live in catalogue-args.ts.
    .command("catalogue", "classification catalogues: import a budget office's lists, find, show and compare subjects", (y) =>
      catalogueCommands(y, io, lang, (c) => (code = c)),
    )
    .demandCommand(1, "name a command: check, fmt, build, import, diff, trace, explain, catalogue, lsp, serve, init")
    .strict()
    .help()
    .version(false)
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs reports both: a message for bad arguments, an error thrown by a command.
      if (!msg && err) failure = err;
      else usageError = msg || err?.message || "usage error";
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (usageError === undefined) failure ??= e as Error;
  }
  if (failure !== undefined) {
    io.err(`yusuan: internal error: ${failure.message}\n`);
    return 70;
  }
  if (usageError !== undefined) {
    io.err(`yusuan: ${usageError}\n\nRun 'yusuan --help' for usage.\n`);
    return 2;
  }
  return code;
}
