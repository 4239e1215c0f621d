/**
 * Rendering: a publication, a profile and a format in, one document out. The view
 * model (view.ts) formats every figure; the profile's templates place the strings. Pure:
 * the templates arrive as strings (the CLI reads them), nothing is read or written here,
 * and the same input gives the same bytes.
 */
import type { RollupIndex } from "../model/rollup.js";
import type { Publication } from "../model/types.js";
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

/** Renders the whole disclosure in HTML (one self-contained file) or Markdown. */
export function renderDocument(pub: Publication, profile: LoadedProfile, format: Format): string {
  const engine = engineFor(profile, format);
  const view = buildView(pub, profile, format, (name) => engine.has(name));
  const out = engine.render("document", view);
  return format === "md" ? tidyMarkdown(out) : out;
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
