/**
 * Rendering: a publication, a profile and a format in, one document out. The view
 * model (view.ts) formats every figure; the profile's templates place the strings. Pure:
 * the templates arrive as strings (the CLI reads them), nothing is read or written here,
 * and the same input gives the same bytes.
 */
import { SOURCE_KEY } from "../model/keys.js";
import type { RollupIndex } from "../model/rollup.js";
import { SOURCES } from "../syntax/ast.js";
import type { Publication } from "../model/types.js";
import { createEngine, type Engine } from "./handlebars.js";
import type { LoadedProfile } from "./profile.js";
import { buildView, money, type Format } from "./view.js";

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

/** The view of a roll-up index: every figure formatted, every link with its extension. */
export interface RollupView {
  readonly title: string;
  readonly profile: string;
  readonly name: string;
  readonly count: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly code: string; readonly name: string; readonly href: string; readonly cells: readonly string[] }[];
  readonly total: readonly string[];
}

/** The five sources in print order, each with its key in the model. */
const ROLLUP_SOURCES = SOURCES.map((s) => [SOURCE_KEY[s], s] as const);

/**
 * A link to a file below the index, safe in an HTML attribute and a Markdown link: each
 * path segment percent-encoded (parentheses too, which end a Markdown link), after "./"
 * so that no segment reads as a URL scheme ("javascript:").
 */
export function relativeHref(path: string): string {
  return "./" + path.split("/").map((s) => encodeURIComponent(s).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}

/** `links` is the extension the department links point to: the format's own, or pdf for the index printed to PDF. */
export function rollupView(index: RollupIndex, profile: LoadedProfile, format: Format, links: string = format): RollupView {
  const cells = (r: { incomeTotal: number; bySource: Readonly<Record<(typeof ROLLUP_SOURCES)[number][0], number>>; carryover: number }) => [
    money(r.incomeTotal),
    ...ROLLUP_SOURCES.map(([k]) => money(r.bySource[k])),
    money(r.carryover),
  ];
  const year = index.year !== undefined ? `${index.year}年` : "";
  return {
    title: `${index.name}${year}部门预算公开`,
    profile: profile.name,
    name: index.name,
    count: String(index.departments.length),
    header: ["部门编码", "部门名称", "收入总计", ...ROLLUP_SOURCES.map(([, zh]) => zh), "上年结转"],
    rows: index.departments.map((d) => ({ code: d.code, name: d.name, href: relativeHref(`${d.link}.${links}`), cells: cells(d) })),
    total: cells(index.totals),
  };
}

/** Renders a roll-up's index page (template `rollup`) in HTML or Markdown. */
export function renderRollup(index: RollupIndex, profile: LoadedProfile, format: Format, links: string = format): string {
  const out = engineFor(profile, format).render("rollup", rollupView(index, profile, format, links));
  return format === "md" ? tidyMarkdown(out) : out;
}
