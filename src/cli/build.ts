/**
 * `yusuan build FILE|DIR… --out DIR`: check, derive and render each budget into
 * DIR/<name>.html, .md, .json (and .pdf when asked, or when Chromium is installed and
 * no format is named). When any check finds an error nothing at all is written and the
 * exit is 1; every output is rendered in memory first and written atomically.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { checkBudget } from "../check/check.js";
import { derive } from "../model/derive.js";
import { toJson } from "../model/json.js";
import { loadProfile, profileExtends } from "../render/profile.js";
import { renderDocument, renderRollup, type LoadedProfile } from "../render/render.js";
import type { DepartmentChecked } from "./departments.js";
import { outputBase, type TextFormat } from "./emit.js";
import { DepartmentPool, jobsFor } from "./pool.js";
import { checkRollup } from "../check/rollup.js";
import { rollupIndex, rollupJson } from "../model/rollup.js";
import { loadEntry, normalisePath, type LoadedRollup } from "../syntax/load.js";
// Builds parse every file fully: the full parser is loaded up front rather than on demand.
import "../syntax/parser.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import { findBrowser, htmlToPdf, NO_BROWSER, printEach } from "./pdf.js";
import { diagnosticsText, type Lang } from "./report.js";

const TEMPLATES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../templates");

export interface BuildOptions {
  inputs: string[];
  out: string;
  formats?: string[];
  profile: string;
  templates?: string;
  lang: Lang;
  /** Threads for the departments of a roll-up; by default one per core. */
  jobs?: number;
}

function layer(io: Io, dir: string) {
  const templates: Record<string, string> = {};
  for (const f of io.listDir(dir)) if (f.endsWith(".hbs")) templates[f] = io.readFile(path.join(dir, f)) ?? "";
  const pj = io.readFile(path.join(dir, "profile.json"));
  return { origin: dir, templates, ...(pj !== undefined ? { profileJson: pj } : {}) };
}

function profileLayers(io: Io, name: string, seen = new Set<string>()): ReturnType<typeof layer>[] | string {
  if (seen.has(name)) return `profile ${name} extends itself`;
  seen.add(name);
  const dir = path.join(TEMPLATES, name);
  if (!io.exists(path.join(dir, "profile.json"))) return `no profile '${name}' (profiles: ${io.listDir(TEMPLATES).join(", ")})`;
  const l = layer(io, dir);
  const base = l.profileJson ? profileExtends(l.profileJson) : undefined;
  if (!base) return [l];
  const b = profileLayers(io, base, seen);
  return typeof b === "string" ? b : [...b, l];
}

export async function buildCommand(io: Io, o: BuildOptions): Promise<number> {
  const entries: string[] = [];
  for (const i of o.inputs) {
    if (i.endsWith(".budget")) entries.push(i);
    else for (const f of io.listDir(i)) if (f.endsWith(".budget")) entries.push(path.posix.join(i, f));
  }
  if (!entries.length) {
    io.err("yusuan: no .budget files to build\n");
    return 2;
  }
  const formats = o.formats ?? ["html", "md", "json", ...(findBrowser() ? ["pdf"] : [])];
  const bad = formats.filter((f) => !["html", "md", "json", "pdf"].includes(f));
  if (bad.length) {
    io.err(`yusuan: unknown format ${bad.join(", ")} (html, md, json, pdf)\n`);
    return 2;
  }
  const browser = formats.includes("pdf") ? findBrowser() : undefined;
  if (formats.includes("pdf") && !browser) {
    io.err(`yusuan: ${NO_BROWSER[o.lang]}\n`);
    return 1;
  }
  const layers = profileLayers(io, o.profile);
  if (typeof layers === "string") {
    io.err(`yusuan: ${layers}\n`);
    return 2;
  }
  if (o.templates) layers.push(layer(io, o.templates));
  const { profile, problems } = loadProfile(layers);
  if (!profile) {
    io.err(`yusuan: the profile has problems:\n${problems.map((p) => `  - ${p}\n`).join("")}`);
    return 2;
  }

  const host = fsHost(io);
  const all: Diagnostic[] = [];
  const outputs: { file: string; content: string | Uint8Array; from: string }[] = [];
  const htmls: { name: string; html: string }[] = [];
  const rollups: { entry: string; rollup: LoadedRollup; pool: DepartmentPool; checked: DepartmentChecked[] }[] = [];
  try {
    for (const entry of entries) {
      const e = loadEntry(entry, host);
      if (e.kind === "rollup") {
        // Each department is checked in the pool's threads, which keep the texts for emitting.
        const pool = DepartmentPool.open(io, jobsFor(e.rollup.departments.length, o.jobs));
        rollups.push({ entry, rollup: e.rollup, pool, checked: [] });
        const checked = await pool.check(e.rollup.departments);
        rollups[rollups.length - 1]!.checked = checked;
        for (const c of checked) all.push(...c.diagnostics);
        all.push(...checkRollup(e.rollup, checked.map((c) => c.totals), !checked.some((c) => hasErrors(c.diagnostics))));
        continue;
      }
      const checked = checkBudget(e.loaded);
      all.push(...checked.diagnostics);
      if (hasErrors(checked.diagnostics)) continue;
      const pub = derive(checked.effective, checked.catalogue);
      const name = path.basename(entry, ".budget");
      const html = renderDocument(pub, profile, "html");
      if (formats.includes("html")) outputs.push({ file: path.join(o.out, `${name}.html`), content: html, from: entry });
      if (formats.includes("md")) outputs.push({ file: path.join(o.out, `${name}.md`), content: renderDocument(pub, profile, "md"), from: entry });
      if (formats.includes("json")) outputs.push({ file: path.join(o.out, `${name}.json`), content: toJson(pub), from: entry });
      if (browser) htmls.push({ name, html });
    }
    const ds = sortDiagnostics(all);
    if (ds.length) io.err(diagnosticsText(ds, host, o.lang, io.isTTY));
    if (hasErrors(ds)) {
      io.err(o.lang === "zh" ? "检查发现错误，未写出任何文件。\n" : "the check found errors; nothing was written.\n");
      return 1;
    }
    // Every output path once: two inputs must not write the same file.
    const planned = new Map<string, string>();
    const plan = (base: string, from: string): string | undefined => {
      const other = planned.get(base);
      if (other !== undefined) return other;
      planned.set(base, from);
      return undefined;
    };
    const clash = (other: string, from: string, base: string) => {
      io.err(`yusuan: ${other} and ${from} would both write ${path.join(o.out, base)}.*; build them into different folders\n`);
      return 2;
    };
    for (const x of outputs) {
      const base = path.relative(o.out, x.file).replace(/\.[a-z]+$/, "");
      const other = plan(base, x.from);
      if (other !== undefined && other !== x.from) return clash(other, x.from, base);
    }
    for (const r of rollups) {
      const root = path.posix.dirname(normalisePath(r.entry));
      for (const b of [path.basename(r.entry, ".budget"), ...r.rollup.departments.map((d) => outputBase(root, d.path))]) {
        const other = plan(b, r.entry);
        if (other !== undefined && other !== r.entry) return clash(other, r.entry, b);
      }
    }

    // Everything is written into a staging folder first and moved into place only when
    // all of it was written: a failure part-way (a full disk, the browser) leaves no
    // partial publication behind.
    const stage = path.join(o.out, `.yusuan-build-${process.pid}`);
    const staged: string[] = [];
    try {
      try {
        if (browser && htmls.length) {
          const pdfs = await htmlToPdf(htmls.map((h) => h.html), browser);
          for (let i = 0; i < pdfs.length; i++) {
            const r = pdfs[i]!;
            if (!r.ok) throw new Error(`printing ${htmls[i]!.name}.pdf failed: ${r.error}`);
            outputs.push({ file: path.join(o.out, `${htmls[i]!.name}.pdf`), content: r.pdf, from: htmls[i]!.name });
          }
        }
        for (const x of outputs) {
          const rel = path.relative(o.out, x.file);
          io.writeFile(path.join(stage, rel), x.content);
          staged.push(rel);
        }
        for (const r of rollups) staged.push(...(await emitRollup(io, stage, r, profile, formats, browser)));
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

/**
 * Writes a checked roll-up into `out` (the build's staging folder): each department's
 * publication at its path relative to the roll-up (written by the pool's threads), the
 * index page with the roll-up's totals at <roll-up name>.html|md|json, and pdf of every
 * page when asked. Returns the files written, relative to `out`; throws on a failure.
 */
async function emitRollup(
  io: Io,
  out: string,
  r: { entry: string; rollup: LoadedRollup; pool: DepartmentPool; checked: DepartmentChecked[] },
  profile: LoadedProfile,
  formats: readonly string[],
  browser: string | undefined,
): Promise<string[]> {
  const text = formats.filter((f): f is TextFormat => f === "html" || f === "md" || f === "json");
  // The html is needed to print pdf, whether or not it is kept.
  const emitFormats: TextFormat[] = browser && !text.includes("html") ? [...text, "html"] : text;
  const root = path.posix.dirname(normalisePath(r.entry));
  const emitted = await r.pool.emit(r.rollup.departments, { out, root, formats: emitFormats, profile });
  const index = rollupIndex(
    r.rollup.rollup,
    r.checked.map((c, i) => ({ totals: c.totals, link: emitted[i]!.base })),
  );
  const name = path.basename(r.entry, ".budget");
  const written = emitted.flatMap((e) => e.files.map((f) => path.relative(out, f)));
  const write = (rel: string, content: string | Uint8Array) => {
    io.writeFile(path.join(out, rel), content);
    written.push(rel);
  };
  if (text.includes("html")) write(`${name}.html`, renderRollup(index, profile, "html"));
  if (text.includes("md")) write(`${name}.md`, renderRollup(index, profile, "md"));
  if (text.includes("json")) write(`${name}.json`, rollupJson(index));
  if (browser) {
    // Each department's html as written; the index with its links pointing to the pdfs.
    const pages: { target: string; html: () => string }[] = [
      ...emitted.map((e) => ({
        target: `${e.base}.pdf`,
        html: () => {
          const html = io.readFile(path.join(out, `${e.base}.html`));
          if (html === undefined) throw new Error(`cannot read ${e.base}.html to print it`);
          return html;
        },
      })),
      { target: `${name}.pdf`, html: () => renderRollup(index, profile, "html", "pdf") },
    ];
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
  // html written only to print pdf is removed again.
  if (text.includes("html")) return written;
  for (const rel of written.filter((w) => w.endsWith(".html"))) io.remove(path.join(out, rel));
  return written.filter((w) => !w.endsWith(".html"));
}
