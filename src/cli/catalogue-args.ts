/**
 * The arguments of `yusuan catalogue …` (import, find, show, diff), as one yargs command
 * group that main.ts mounts; the commands themselves (catalogue-command.ts) are loaded
 * only when one runs.
 */
import type { Argv } from "yargs";
import type { Io } from "./io.js";
import type { Lang } from "./report.js";

const FORMAT = { choices: ["text", "json"] as const, default: "text" as const };
const LOOK_IN = {
  catalogue: { type: "string", describe: "a catalogue file (JSON, CSV or .xlsx), as a budget naming it sees it" },
  year: { type: "number", describe: "the built-in catalogue of this year (default: the latest)" },
} as const;

function yearValid(a: { year?: unknown }): true | string {
  const v = a.year;
  return v === undefined || (typeof v === "number" && Number.isInteger(v) && v >= 1990 && v <= 2100) ? true : "--year takes a year, like 2025";
}

export function catalogueCommands(y: Argv, io: Io, lang: (v: unknown) => Lang, done: (code: number) => void): Argv {
  return y
    .command(
      "import <files..>",
      "import a budget office's lists (CSV in UTF-8 or GB18030, .xlsx) into a catalogue file",
      (c) =>
        c
          .positional("files", { type: "string", array: true, demandOption: true })
          .option("out", { type: "string", demandOption: true, describe: "the catalogue file to write (JSON, docs/catalogue.md)" })
          .option("year", { type: "number", describe: "the catalogue's year, if the sheets' titles and file names do not state it" })
          .option("complete", { type: "boolean", default: false, describe: "the lists are complete: a code they lack is an error" })
          .option("title", { type: "string", describe: "a description kept in the file" })
          .option("format", FORMAT)
          .check(yearValid),
      async (a) => {
        const { catalogueImportCommand } = await import("./catalogue-command.js");
        done(
          await catalogueImportCommand(io, {
            files: a.files as string[],
            out: a.out,
            ...(a.year !== undefined ? { year: a.year } : {}),
            complete: a.complete,
            ...(a.title !== undefined ? { title: a.title } : {}),
            format: a.format as "text" | "json",
            lang: lang(a["lang"]),
          }),
        );
      },
    )
    .command(
      "find <text>",
      "find subjects by name (any part of it) or by code (its start)",
      (c) => c.positional("text", { type: "string", demandOption: true }).options(LOOK_IN).option("format", FORMAT).check(yearValid),
      async (a) => {
        const { catalogueFindCommand } = await import("./catalogue-command.js");
        done(await catalogueFindCommand(io, String(a.text), { ...look(a), format: a.format as "text" | "json", lang: lang(a["lang"]) }));
      },
    )
    .command(
      "show <code>",
      "show a subject: name, level, parents, children; cost type, 三公 item and 政府 subject of an economic one",
      (c) => c.positional("code", { type: "string", demandOption: true }).options(LOOK_IN).option("format", FORMAT).check(yearValid),
      async (a) => {
        const { catalogueShowCommand } = await import("./catalogue-command.js");
        done(await catalogueShowCommand(io, String(a.code), { ...look(a), format: a.format as "text" | "json", lang: lang(a["lang"]) }));
      },
    )
    .command(
      "diff <old> <new>",
      "codes added, removed, renamed and moved between two catalogues (files, or built-in years)",
      (c) => c.positional("old", { type: "string", demandOption: true }).positional("new", { type: "string", demandOption: true }).option("format", FORMAT),
      async (a) => {
        const { catalogueDiffCommand } = await import("./catalogue-command.js");
        done(await catalogueDiffCommand(io, String(a.old), String(a.new), { format: a.format as "text" | "json", lang: lang(a["lang"]) }));
      },
    )
    .demandCommand(1, "name a catalogue command: import, find, show, diff");
}

function look(a: { catalogue?: string | undefined; year?: number | undefined }): { catalogue?: string; year?: number } {
  return { ...(a.catalogue ? { catalogue: a.catalogue } : {}), ...(a.year !== undefined ? { year: a.year } : {}) };
}
