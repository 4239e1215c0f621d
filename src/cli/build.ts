/**
 * `yusuan build FILE|DIR|PATTERN… --out DIR`: check, derive and render each budget into
 * DIR/<name>.html, .md, .json (and .pdf when asked, or when Chromium is installed and
 * no format is named). A roll-up builds each of its departments and an index.
 *
 * Everything is written into a staging folder and moved into place once all of it was
 * written: a failure part-way leaves no partial publication. When any check finds an
 * error nothing at all is written and the exit is 1; with --keep-going a budget or
 * department with an error gets no publication, every other is written, the roll-up's
 * index shows each department's state, and the exit is still 1.
 *
 * A roll-up's departments are dealt from a queue to the pool's threads (pool.ts), each
 * checked and, when clean, rendered at once into the staging folder (departments.ts);
 * once one has an error without --keep-going, the rest are only checked. A build cache
 * (cache.ts, by default OUT/.yusuan-cache) serves the departments whose inputs have not
 * changed. `--shard I/N` builds one share of the departments and records what it built;
 * `--merge` writes the index from the shards' records (shard.ts). On a terminal a
 * progress line is drawn on stderr (progress.ts).
 */
import * as path from "node:path";
import { setFlagsFromString } from "node:v8";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { checkBudget, type CheckResult } from "../check/check.js";
import { renderRollup, type LoadedProfile } from "../render/render.js";
import { EMIT_FORMATS, emitPublication, outputBase, type Emitted, type TextFormat } from "./emit.js";
import { DepartmentPool, jobsFor } from "./pool.js";
import { rollupDiagnostics } from "../check/rollup.js";
import { rollupIndex, rollupJson, type IndexedDepartment } from "../model/rollup.js";
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
import { packageVersion } from "./package-version.js";
import { findBrowser, NO_BROWSER, pdfConcurrency, printEach } from "./pdf.js";
import { diagnosticsText, type Lang } from "./report.js";
import { loadCatalogueOption } from "./catalogue.js";
import { BuildCache, compilerDigest, sha256, type CacheSettings } from "./cache.js";
import type { DepartmentBuilt, DepartmentRef } from "./departments.js";
import { Progress } from "./progress.js";
import { readShards, shardRecordPath, shareOf, type Shard, type ShardDepartment, type ShardRecord } from "./shard.js";

/** Every format a build writes: those emitted from the model, and pdf printed from the html. */
const FORMATS: readonly string[] = [...EMIT_FORMATS, "pdf"];

const PDF_SKIPPED = { zh: "未生成 PDF：", en: "PDF skipped: " };


/** The build cache's folder below the output folder, unless --cache-dir names another. */
export const CACHE_FOLDER = ".yusuan-cache";

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
  /** Write every budget and department without errors, even when others have some. */
  keepGoing?: boolean;
  /** Build one share of each roll-up's departments, and record it for --merge. */
  shard?: Shard;
  /** Write each roll-up's index from the shards' records in the output folder. */
  merge?: boolean;
  /** No progress line and no PDF timing line. */
  quiet?: boolean;
  /** The build cache's folder (default OUT/.yusuan-cache); false: no cache. */
  cache?: string | false;
  /** The compiler's version, part of the cache key; by default package.json's. */
  version?: string;
}

/**
 * How far V8 lets the heap grow past what a full collection left live, in percent. A build
 * allocates fast and keeps little (one department at a time), and by V8's own measure of
 * that it lets the heap grow up to fourfold: a province's build peaked at 275 MiB. Twice
 * what is live keeps the peak at about 197 MiB (below ledger-cli's 233 MiB on the same
 * province) for a few percent more time in the collector. Set once, for the process and
 * the worker threads it starts.
 */
const HEAP_GROWING_PERCENT = 100;

export async function buildCommand(io: Io, o: BuildOptions): Promise<number> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
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
  const loaded = entries.map((entry) => ({ entry, e: loadEntry(entry, host) }));
  if ((o.merge || o.shard) && loaded.some((l) => l.e.kind !== "rollup")) {
    const which = loaded.find((l) => l.e.kind !== "rollup")!.entry;
    io.err(o.lang === "zh" ? `yusuan: ${which} 不是汇总文件：--shard 和 --merge 只用于汇总\n` : `yusuan: ${which} is not a roll-up: --shard and --merge are for roll-ups\n`);
    return 2;
  }
  // Every output path once: two inputs must not write the same files.
  const claimed = new Map<string, string>();
  for (const { entry, e } of loaded) {
    const bases = e.kind === "rollup" ? [path.basename(entry, ".budget"), ...e.rollup.departments.map((d) => outputBase(rootOf(entry), d.path))] : [outputBase(rootOf(entry), entry)];
    for (const base of bases) {
      const other = claimed.get(base);
      if (other !== undefined && other !== entry) {
        io.err(`yusuan: ${other} and ${entry} would both write ${path.join(o.out, base)}.*; build them into different folders\n`);
        return 2;
      }
      claimed.set(base, entry);
    }
  }

  const text = formats.filter((f): f is TextFormat => (EMIT_FORMATS as readonly string[]).includes(f));
  // The html is needed to print pdf, whether or not it is kept.
  const emitFormats: TextFormat[] = browser && !text.includes("html") ? [...text, "html"] : text;
  const progress = new Progress(!o.quiet && io.errTTY ? { err: (t) => io.err(t), now: () => (io.now ? io.now() : Date.now()) } : undefined, o.lang);
  const stage = path.join(o.out, `.yusuan-build-${process.pid}`);
  const all: Diagnostic[] = [];
  const budgets: { entry: string; checked: CheckResult }[] = [];
  const rollups: BuiltRollup[] = [];
  const keepGoing = o.keepGoing ?? false;
  const cacheDir = o.cache === false || o.merge ? undefined : (o.cache ?? path.join(o.out, CACHE_FOLDER));
  const caches = new Map<string, BuildCache>();
  try {
    for (const { entry, e } of loaded) {
      if (e.kind === "budget") {
        const checked = checkBudget(e.loaded, custom?.catalogue, undefined, { profiles });
        for (const d of checked.diagnostics) all.push(d);
        budgets.push({ entry, checked });
        continue;
      }
      // The roll-up's own catalogue, for the departments that name none.
      const named = catalogueForRollup(e.rollup);
      all.push(...named.diagnostics);
      const r: BuiltRollup = { entry, rollup: e.rollup, departments: e.rollup.departments, results: [] };
      rollups.push(r);
      if (o.merge) {
        const merged = mergeShards(io, r, o.out);
        if ("problem" in merged) {
          io.err(`yusuan: ${merged.problem}\n`);
          return 1;
        }
        for (const d of rollupDiagnostics(e.rollup, r.results)) all.push(d);
        r.formats = merged.formats;
        continue;
      }
      if (o.shard) {
        const sizes = e.rollup.departments.map((d) => io.stat(d.path)?.size ?? 0);
        const share = shareOf(sizes, o.shard.count);
        r.departments = e.rollup.departments.filter((_, i) => share[i] === o.shard!.index - 1);
      }
      let cache: CacheSettings | undefined;
      if (cacheDir !== undefined) {
        // Everything every department's outputs depend on besides its own files and profile.
        const salt = sha256(
          JSON.stringify({
            compiler: compilerDigest(io, o.version ?? packageVersion(io)),
            formats: [...formats].sort(),
            provenance: o.provenance ?? false,
            catalogue: custom ? sha256(JSON.stringify(custom.data)) : null,
            inherited: named.data ? sha256(JSON.stringify(named.data)) : null,
            profiles: profiles.choice,
            browser: browser ? { path: browser, file: io.stat(browser) ?? null } : null,
          }),
        );
        cache = { dir: cacheDir, salt };
        caches.set(entry, new BuildCache(io, cache));
      }
      const pool = DepartmentPool.open(io, jobsFor(r.departments.length, o.jobs), custom, named.data, profiles.choice);
      try {
        const sizes = pool.sizes(r.departments);
        progress.start("departments", sizes);
        let writing = true;
        r.results = await pool.build(
          r.departments,
          () => ({ out: stage, root: rootOf(entry), formats: emitFormats, provenance: o.provenance ?? false, ...(cache ? { cache } : {}), ...(writing ? {} : { checkOnly: true }) }),
          (i, built) => {
            // Without --keep-going one error means nothing is written: the rest are only checked.
            if (!keepGoing && hasErrors(built.diagnostics)) writing = false;
            progress.tick(sizes[i]!);
          },
        );
        progress.end();
      } finally {
        await pool.close();
      }
      // A shard sees only its share: the roll-up's own invariants are checked when merging.
      for (const d of o.shard ? [...e.rollup.diagnostics, ...r.results.flatMap((x) => x.diagnostics)] : rollupDiagnostics(e.rollup, r.results)) all.push(d);
    }
    const ds = sortDiagnostics(all);
    if (ds.length) io.err(diagnosticsText(ds, host, o.lang, io.isTTY));
    const failed = hasErrors(ds);
    if (failed && !keepGoing) {
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

    let staged: string[];
    try {
      staged = await stageOutputs(io, stage, budgets, rollups, { profiles, provenance: o.provenance ?? false, shard: o.shard, formats, quiet: o.quiet ?? false, lang: o.lang, progress }, text, emitFormats, browser);
    } catch (e) {
      progress.end();
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
    // The departments built now go into the cache, from where they were put.
    const written = new Set(staged);
    let cacheFailed = false;
    for (const r of rollups) {
      const cache = caches.get(r.entry);
      if (!cache) continue;
      r.results.forEach((b, i) => {
        if (!b.deps || !b.emitted) return;
        const files = departmentFiles(b.emitted, stage).filter((f) => written.has(f));
        const { include: _, ...totals } = b.totals;
        // The publication is in place: a cache that cannot be written (a full disk, no
        // permission) costs the next build its time, not this one its result.
        try {
          cache.store(r.departments[i]!.path, b.deps, o.out, files, { diagnostics: b.diagnostics, totals });
        } catch (e) {
          if (!cacheFailed) io.err(o.lang === "zh" ? `yusuan: 未能写入构建缓存（${(e as Error).message}），下次构建将重新生成\n` : `yusuan: the build cache could not be written (${(e as Error).message}); the next build builds again\n`);
          cacheFailed = true;
        }
      });
    }
    for (const rel of staged) io.out(`${path.join(o.out, rel)}\n`);
    return failed ? 1 : 0;
  } finally {
    progress.end();
    io.removeTree(stage);
  }
}

interface BuiltRollup {
  readonly entry: string;
  readonly rollup: LoadedRollup;
  /** The departments this build builds: all of them, or a shard's share. */
  departments: readonly DepartmentRef[];
  results: DepartmentBuilt[];
  /** For a merge: the formats the shards were built in. */
  formats?: readonly string[];
}

/** The folder a budget's or roll-up's output paths are relative to: its own. */
function rootOf(entry: string): string {
  return path.posix.dirname(normalisePath(entry));
}


/** A department's files relative to the staging folder, its pdf included (printed after it was emitted). */
function departmentFiles(e: Emitted, stage: string): string[] {
  return [...e.files.map((f) => path.relative(stage, f)), `${e.base}.pdf`];
}

/** Fills a merge's results from the shards' records: every department of the roll-up, as its shard built it. */
function mergeShards(io: Io, r: BuiltRollup, out: string): { formats: readonly string[] } | { problem: string } {
  const name = path.basename(r.entry, ".budget");
  const found = readShards(io, out, name, r.rollup.departments.map((d) => d.path));
  if ("problem" in found) return found;
  r.results = r.rollup.departments.map((d) => {
    const s = found.byPath.get(d.path)!;
    return { diagnostics: s.diagnostics, totals: { ...s.totals, include: d.include }, ...(s.link !== undefined ? { emitted: { files: [], base: s.link } } : {}) };
  });
  return { formats: found.formats };
}

interface StageContext {
  profiles: Profiles;
  provenance: boolean;
  shard: Shard | undefined;
  formats: readonly string[];
  quiet: boolean;
  lang: Lang;
  progress: Progress;
}

/**
 * Writes what the checks left to write into `stage`: each budget's publication at
 * <name>.* (unless it has errors); each roll-up's index at <roll-up name>.* (or, for a
 * shard, its record); then pdf of every page not taken from the cache, printed from the
 * html just written. The departments' publications are there already. Returns every file
 * in `stage`, relative to it; throws on a failure.
 */
async function stageOutputs(
  io: Io,
  stage: string,
  budgets: readonly { entry: string; checked: CheckResult }[],
  rollups: readonly BuiltRollup[],
  ctx: StageContext,
  text: readonly TextFormat[],
  emitFormats: readonly TextFormat[],
  browser: string | undefined,
): Promise<string[]> {
  const { profiles, provenance } = ctx;
  // Without html among the formats asked, the html emitted to print from is removed at the end.
  const written: string[] = [];
  const pages: { target: string; html: () => string }[] = [];
  const printable = (e: Emitted) =>
    pages.push({
      target: `${e.base}.pdf`,
      html: () => {
        const html = io.readFile(path.join(stage, `${e.base}.html`));
        if (html === undefined) throw new Error(`cannot read ${e.base}.html to print it`);
        return html;
      },
    });
  const write = (rel: string, content: string | Uint8Array) => {
    io.writeFile(path.join(stage, rel), content);
    written.push(rel);
  };
  const loaded = (name: string): LoadedProfile => {
    const r = profiles.load(name);
    if ("problem" in r) throw new Error(r.problem);
    return r.profile;
  };
  for (const b of budgets) {
    if (hasErrors(b.checked.diagnostics)) continue;
    const e = await emitPublication(io, { out: stage, root: rootOf(b.entry), formats: emitFormats, provenance }, b.checked, b.entry, loaded(b.checked.profile));
    written.push(...e.files.map((f) => path.relative(stage, f)));
    printable(e);
  }
  // A roll-up's index is printed in the profile --profile names, else the default.
  const profile = loaded(profiles.override ?? DEFAULT_PROFILE);
  for (const r of rollups) {
    for (const b of r.results) {
      if (!b.emitted || r.formats) continue;
      written.push(...b.emitted.files.map((f) => path.relative(stage, f)));
      // A department from the cache has its pdf already.
      if (!b.cached) printable(b.emitted);
    }
    const name = path.basename(r.entry, ".budget");
    if (ctx.shard) {
      const record: ShardRecord = {
        format: "yusuan-shard",
        version: 1,
        rollup: name,
        shard: ctx.shard,
        formats: ctx.formats,
        departments: r.results.map((b, i): ShardDepartment => {
          const { include: _, ...totals } = b.totals;
          return { path: r.departments[i]!.path, ...(b.emitted ? { link: b.emitted.base } : {}), diagnostics: b.diagnostics, totals };
        }),
      };
      write(path.relative(path.dirname(stage), shardRecordPath(path.dirname(stage), name, ctx.shard)), JSON.stringify(record));
      continue;
    }
    const index = rollupIndex(r.rollup.rollup, r.results.map((b): IndexedDepartment => ({ totals: b.totals, diagnostics: b.diagnostics, ...(b.emitted ? { link: b.emitted.base } : {}) })));
    const formats = r.formats ?? ctx.formats;
    if (formats.includes("html")) write(`${name}.html`, renderRollup(index, profile, "html"));
    if (formats.includes("md")) write(`${name}.md`, renderRollup(index, profile, "md"));
    if (formats.includes("json")) write(`${name}.json`, rollupJson(index));
    // The printed index links to the departments' pdf.
    if (formats.includes("pdf")) pages.push({ target: `${name}.pdf`, html: () => renderRollup(index, profile, "html", "pdf") });
  }
  if (browser && pages.length) {
    // One browser for every page, as many pages at once as the cores and memory allow.
    const concurrency = pdfConcurrency();
    ctx.progress.start("pdf", pages.map(() => 1));
    const started = Date.now();
    await printEach(
      browser,
      pages.length,
      (i) => pages[i]!.html(),
      (i, res) => {
        if (!res.ok) throw new Error(`printing ${pages[i]!.target} failed: ${res.error}`);
        write(pages[i]!.target, res.pdf);
        ctx.progress.tick(1);
      },
      concurrency,
    );
    ctx.progress.end();
    if (!ctx.quiet) {
      const secs = (Date.now() - started) / 1000;
      const each = (secs / pages.length).toFixed(2);
      io.err(
        ctx.lang === "zh"
          ? `yusuan: 打印 ${pages.length} 份 PDF 用时 ${secs.toFixed(1)} 秒（每份 ${each} 秒，同时 ${concurrency} 页）\n`
          : `yusuan: printed ${pages.length} PDF in ${secs.toFixed(1)} s (${each} s each, ${concurrency} at once)\n`,
      );
    }
  }
  if (text.includes("html")) return written;
  // html written only to print pdf is removed again.
  const printOnly = new Set(pages.map((p) => p.target.replace(/\.pdf$/, ".html")));
  for (const rel of written) if (printOnly.has(rel)) io.remove(path.join(stage, rel));
  return written.filter((w) => !printOnly.has(w));
}
