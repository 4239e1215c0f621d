/**
 * `yusuan build FILE|DIR|PATTERN… --out DIR`: check, derive and render each budget into
 * DIR/<name>.html, .md, .json (and .pdf when asked, or when Chromium is installed and
 * no format is named). A roll-up builds each of its departments and an index. When any
 * check finds an error nothing at all is written and the exit is 1; everything is
 * written into a staging folder and moved into place once all of it was written.
 */
import * as path from "node:path";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { checkBudget, type CheckResult } from "../check/check.js";
import { renderRollup, type LoadedProfile } from "../render/render.js";
import type { CheckedDepartment } from "../check/rollup.js";
import { EMIT_FORMATS, emitPublication, outputBase, type Emitted, type TextFormat } from "./emit.js";
import { DepartmentPool, jobsFor } from "./pool.js";
import { rollupDiagnostics } from "../check/rollup.js";
import { rollupIndex, rollupJson } from "../model/rollup.js";
import { loadEntry, normalisePath, type LoadedRollup } from "../syntax/load.js";
// Builds parse every file fully: the full parser (and the schema of catalogue JSON files)
// is loaded up front rather than on demand.
import "../syntax/parser.js";
import "../catalogue/file.js";
import { catalogueForRollup } from "../catalogue/named.js";
import { fsHost } from "./host.js";
import { Profiles } from "./profiles.js";
import { DEFAULT_PROFILE } from "../model/spec.js";
import type { Io } from "./io.js";
import { findBrowser, NO_BROWSER, printEach } from "./pdf.js";
import { diagnosticsText, type Lang } from "./report.js";
import { loadCatalogueOption } from "./catalogue.js";

/** Every format a build writes: those emitted from the model, and pdf printed from the html. */
const FORMATS: readonly string[] = [...EMIT_FORMATS, "pdf"];

const PDF_SKIPPED = { zh: "未生成 PDF：", en: "PDF skipped: " };

export interface BuildOptions {
  /** The entry files, expanded from the arguments (inputs.ts). */
  inputs: string[];
  out: string;
  formats?: string[];
  /** The profile to publish every budget in, in place of each budget's 公开格式. */
  profile?: string;
  templates?: string;
  /** A budget office's own classification catalogue (a JSON file) to check against. */
  catalogue?: string;
  lang: Lang;
  /** Threads for the departments of a roll-up; by default pool.ts's jobsFor decides. */
  jobs?: number;
  /** Each figure's sources in the JSON and the HTML (opt-in: it costs a second, recording derivation). */
  provenance?: boolean;
}

export async function buildCommand(io: Io, o: BuildOptions): Promise<number> {
  const entries = o.inputs;
  if (!entries.length) {
    io.err(o.lang === "zh" ? "yusuan: 没有要生成的 .budget 文件\n" : "yusuan: no .budget files to build\n");
    return 2;
  }
  const custom = await loadCatalogueOption(io, o.catalogue, o.lang);
  if (custom === "usage") return 2;
  // The default formats; pdf among them only where a browser can print it, and said so
  // in one line where it cannot. A format asked for that cannot be made is an error.
  const formats = o.formats ?? ["html", "md", "json", ...(findBrowser() ? ["pdf"] : [])];
  if (!o.formats && !formats.includes("pdf")) io.err(`yusuan: ${PDF_SKIPPED[o.lang]}${NO_BROWSER[o.lang]}\n`);
  const bad = formats.filter((f) => !FORMATS.includes(f));
  if (bad.length) {
    io.err(`yusuan: unknown format ${bad.join(", ")} (${FORMATS.join(", ")})\n`);
    return 2;
  }
  const browser = formats.includes("pdf") ? findBrowser() : undefined;
  if (formats.includes("pdf") && !browser) {
    io.err(`yusuan: ${NO_BROWSER[o.lang]}\n`);
    return 1;
  }
  if (formats.includes("docx") && !(await import("./raster.js")).findRasteriser()) {
    io.err(`yusuan: ${(await import("./raster.js")).NO_RASTERISER[o.lang]}\n`);
    return 1;
  }
  // The profiles are read as the budgets name them, each once. The one --profile names (or
  // the default, which roll-up indexes use) must load before anything is checked.
  const profiles = new Profiles(io, o.profile, o.templates);
  const first = profiles.load(o.profile ?? DEFAULT_PROFILE);
  if ("problem" in first) {
    io.err(`yusuan: ${first.problem}\n`);
    return 2;
  }

  const host = fsHost(io);
  const all: Diagnostic[] = [];
  const budgets: { entry: string; checked: CheckResult }[] = [];
  const rollups: CheckedRollup[] = [];
  try {
    for (const entry of entries) {
      const e = loadEntry(entry, host);
      if (e.kind === "rollup") {
        // The roll-up's own catalogue, for the departments that name none.
        const named = catalogueForRollup(e.rollup);
        all.push(...named.diagnostics);
        // Each department is checked in the pool's threads, which keep the texts for emitting.
        const pool = DepartmentPool.open(io, jobsFor(e.rollup.departments.length, o.jobs), custom, named.data, profiles.choice);
        const r: CheckedRollup = { entry, rollup: e.rollup, pool, checked: [] };
        rollups.push(r);
        r.checked = await pool.check(e.rollup.departments);
        for (const d of rollupDiagnostics(e.rollup, r.checked)) all.push(d);
        continue;
      }
      const checked = checkBudget(e.loaded, custom?.catalogue, undefined, { profiles });
      for (const d of checked.diagnostics) all.push(d);
      budgets.push({ entry, checked });
    }
    const ds = sortDiagnostics(all);
    if (ds.length) io.err(diagnosticsText(ds, host, o.lang, io.isTTY));
    if (hasErrors(ds)) {
      io.err(o.lang === "zh" ? "检查发现错误，未写出任何文件。\n" : "the check found errors; nothing was written.\n");
      return 1;
    }
    // Each budget's profile, read before anything is written: a profile with problems stops the build.
    for (const b of budgets) {
      const r = profiles.load(b.checked.profile);
      if ("problem" in r) {
        io.err(`yusuan: ${b.entry}: ${r.problem}\n`);
        return 2;
      }
    }

    // Every output path once: two inputs must not write the same files.
    const claimed = new Map<string, string>();
    const claims = [
      ...budgets.map((b) => ({ from: b.entry, bases: [outputBase(rootOf(b.entry), b.entry)] })),
      ...rollups.map((r) => ({ from: r.entry, bases: [path.basename(r.entry, ".budget"), ...r.rollup.departments.map((d) => outputBase(rootOf(r.entry), d.path))] })),
    ];
    for (const { from, bases } of claims) {
      for (const base of bases) {
        const other = claimed.get(base);
        if (other !== undefined && other !== from) {
          io.err(`yusuan: ${other} and ${from} would both write ${path.join(o.out, base)}.*; build them into different folders\n`);
          return 2;
        }
        claimed.set(base, from);
      }
    }

    // Everything is written into a staging folder first and moved into place only when
    // all of it was written: a failure part-way (a full disk, the browser) leaves no
    // partial publication behind.
    const stage = path.join(o.out, `.yusuan-build-${process.pid}`);
    try {
      let staged: string[];
      try {
        staged = await stageOutputs(io, stage, budgets, rollups, { profiles, provenance: o.provenance ?? false }, formats, browser);
      } catch (e) {
        io.err(`yusuan: ${(e as Error).message}; nothing was written\n`);
        return 1;
      }
      const moved: string[] = [];
      try {
        for (const rel of staged) {
          io.move(path.join(stage, rel), path.join(o.out, rel));
          moved.push(rel);
        }
      } catch (e) {
        io.err(`yusuan: ${(e as Error).message}; ${moved.length} of ${staged.length} files were put in place\n`);
        return 1;
      }
      for (const rel of staged) io.out(`${path.join(o.out, rel)}\n`);
      return 0;
    } finally {
      io.removeTree(stage);
    }
  } finally {
    await Promise.all(rollups.map((r) => r.pool.close()));
  }
}

interface CheckedRollup {
  readonly entry: string;
  readonly rollup: LoadedRollup;
  readonly pool: DepartmentPool;
  checked: CheckedDepartment[];
}

/** The folder a budget's or roll-up's output paths are relative to: its own. */
function rootOf(entry: string): string {
  return path.posix.dirname(normalisePath(entry));
}

/**
 * Writes every publication of a clean build into `stage`: each budget's at <name>.*;
 * each roll-up's departments at their paths relative to the roll-up (written by the
 * pool's threads) and its index at <roll-up name>.*; then pdf of every page when asked,
 * printed from the html just written. Returns the files written, relative to `stage`;
 * throws on a failure.
 */
async function stageOutputs(
  io: Io,
  stage: string,
  budgets: readonly { entry: string; checked: CheckResult }[],
  rollups: readonly CheckedRollup[],
  { profiles, provenance }: { profiles: Profiles; provenance: boolean },
  formats: readonly string[],
  browser: string | undefined,
): Promise<string[]> {
  const text = formats.filter((f): f is TextFormat => (EMIT_FORMATS as readonly string[]).includes(f));
  // The html is needed to print pdf, whether or not it is kept.
  const emitFormats: TextFormat[] = browser && !text.includes("html") ? [...text, "html"] : text;
  const written: string[] = [];
  const pages: { target: string; html: () => string }[] = [];
  const emitted = (e: Emitted) => {
    written.push(...e.files.map((f) => path.relative(stage, f)));
    pages.push({
      target: `${e.base}.pdf`,
      html: () => {
        const html = io.readFile(path.join(stage, `${e.base}.html`));
        if (html === undefined) throw new Error(`cannot read ${e.base}.html to print it`);
        return html;
      },
    });
  };
  const write = (rel: string, content: string | Uint8Array) => {
    io.writeFile(path.join(stage, rel), content);
    written.push(rel);
  };

  const loaded = (name: string): LoadedProfile => {
    const r = profiles.load(name);
    if ("problem" in r) throw new Error(r.problem);
    return r.profile;
  };
  for (const b of budgets) emitted(await emitPublication(io, { out: stage, root: rootOf(b.entry), formats: emitFormats, provenance }, b.checked, b.entry, loaded(b.checked.profile)));
  // A roll-up's index is printed in the profile --profile names, else the default.
  const profile = loaded(profiles.override ?? DEFAULT_PROFILE);
  for (const r of rollups) {
    const departments = await r.pool.emit(r.rollup.departments, { out: stage, root: rootOf(r.entry), formats: emitFormats, provenance });
    departments.forEach(emitted);
    const index = rollupIndex(
      r.rollup.rollup,
      r.checked.map((c, i) => ({ totals: c.totals, link: departments[i]!.base })),
    );
    const name = path.basename(r.entry, ".budget");
    if (text.includes("html")) write(`${name}.html`, renderRollup(index, profile, "html"));
    if (text.includes("md")) write(`${name}.md`, renderRollup(index, profile, "md"));
    if (text.includes("json")) write(`${name}.json`, rollupJson(index));
    // The printed index links to the departments' pdf.
    pages.push({ target: `${name}.pdf`, html: () => renderRollup(index, profile, "html", "pdf") });
  }
  if (browser) {
    // One browser for every page, one document in memory at a time.
    await printEach(
      browser,
      pages.length,
      (i) => pages[i]!.html(),
      (i, res) => {
        if (!res.ok) throw new Error(`printing ${pages[i]!.target} failed: ${res.error}`);
        write(pages[i]!.target, res.pdf);
      },
    );
  }
  if (text.includes("html")) return written;
  // html written only to print pdf is removed again.
  for (const rel of written.filter((w) => w.endsWith(".html"))) io.remove(path.join(stage, rel));
  return written.filter((w) => !w.endsWith(".html"));
}
