/**
 * Rendering: a publication, a profile and a format in, one document out. The view
 * model (view.ts) formats every figure; the profile's templates place the strings. Pure:
 * the templates arrive as strings (the CLI reads them), nothing is read or written here,
 * and the same input gives the same bytes.
 */
import type { RollupIndex } from "../model/rollup.js";
import type { Publication } from "../model/types.js";
import type { FigureRef } from "../model/trace.js";
import { withSources, type CellView } from "./grid.js";
import { createEngine, type Engine } from "./handlebars.js";
import type { LoadedProfile } from "./profile.js";
import { buildView, rollupView, type DocumentView, type Format } from "./view.js";

export type { LoadedProfile } from "./profile.js";
export type { Format } from "./view.js";

/**
 * Tidies rendered Markdown: no trailing spaces, at most one blank line in a row (the
 * templates leave some where optional parts are absent), one final newline.
 */
export function tidyMarkdown(text: string): string {
  return (
    text
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .replace(/^\n+/, "")
      .replace(/\n*$/, "") + "\n"
  );
}

// Templates are compiled once per profile and format, however many documents use them.
const engines = new WeakMap<LoadedProfile, Partial<Record<Format, Engine>>>();
function engineFor(profile: LoadedProfile, format: Format): Engine {
  let byFormat = engines.get(profile);
  if (!byFormat) engines.set(profile, (byFormat = {}));
  return (byFormat[format] ??= createEngine(profile.templates, format));
}

/**
 * Renders the whole disclosure in HTML (one self-contained file) or Markdown. With
 * `sources`, each amount cell of the HTML carries the source lines of its figure as a
 * tooltip (the publication must be the one the sources were recorded for).
 */
export function renderDocument(pub: Publication, profile: LoadedProfile, format: Format, sources?: (ref: FigureRef) => string | undefined): string {
  const engine = engineFor(profile, format);
  const view = buildView(pub, profile, format, (name) => engine.has(name));
  if (sources) annotateSources(view, sources);
  const out = engine.render("document", view);
  return format === "md" ? tidyMarkdown(out) : out;
}

/**
 * Renders a publication in several formats, building the view once where it can: the
 * view of html and of md differ only in the charts' drawings (html's alone) and in the
 * partials each format's templates have, so when both engines have the same partials the
 * md view is the html view without the drawings. Gives exactly what `renderDocument` gives
 * for each format (test/render-once.test.ts). With `sources` each format is rendered apart,
 * since the sources are written into the html view's cells.
 */
export function renderDocuments(pub: Publication, profile: LoadedProfile, formats: readonly Format[], sources?: (ref: FigureRef) => string | undefined): Map<Format, string> {
  const out = new Map<Format, string>();
  if (sources || !(formats.includes("html") && formats.includes("md"))) {
    for (const f of formats) out.set(f, renderDocument(pub, profile, f, f === "html" ? sources : undefined));
    return out;
  }
  const html = engineFor(profile, "html");
  const md = engineFor(profile, "md");
  let same = true;
  const view = buildView(pub, profile, "html", (name) => {
    const has = html.has(name);
    if (md.has(name) !== has) same = false;
    return has;
  });
  out.set("html", html.render("document", view));
  const mdView: DocumentView = same
    ? { ...view, format: "md", charts: { income: { ...view.charts.income, svg: "" }, general: { ...view.charts.general, svg: "" }, threePublic: { ...view.charts.threePublic, svg: "" } } }
    : buildView(pub, profile, "md", (name) => md.has(name));
  out.set("md", tidyMarkdown(md.render("document", mdView)));
  return out;
}

/** Sets the `src` of every amount cell of the view's grids that has sources. */
function annotateSources(view: unknown, sources: (ref: FigureRef) => string | undefined): void {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== "object" || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    const cell = v as Partial<CellView>;
    if (cell.ref && typeof cell.src === "string") {
      withSources(cell as CellView, sources(cell.ref) ?? "");
      return;
    }
    for (const x of Object.values(v)) visit(x);
  };
  visit(view);
}

/** Renders a roll-up's index page (template `rollup`) in HTML or Markdown. */
export function renderRollup(index: RollupIndex, profile: LoadedProfile, format: Format, links: string = format): string {
  const out = engineFor(profile, format).render("rollup", rollupView(index, profile, format, links));
  return format === "md" ? tidyMarkdown(out) : out;
}

/**
 * The view of a publication for the writers that do not fill templates (the workbook,
 * the Word document, the csv, the data package): the HTML view, which carries the
 * charts' SVG drawings besides every table and form grid.
 */
export function publicationView(pub: Publication, profile: LoadedProfile): DocumentView {
  const engine = engineFor(profile, "html");
  return buildView(pub, profile, "html", (name) => engine.has(name));
}

/**
 * The date a document written for a budget carries (its creation and modification
 * dates, and its zip entries'): 1 January of the budget year, midnight UTC. A fixed date,
 * so that two builds give the same bytes, and a meaningful one.
 */
export function documentDate(pub: Publication): Date {
  return new Date(Date.UTC(pub.header.year, 0, 1));
}
