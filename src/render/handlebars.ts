/**
 * The template engine: an isolated Handlebars instance per render (`Handlebars.create()`,
 * so no helper or partial leaks between profiles or formats), compiled with
 * `strict: true` (a name the view model lacks is an error, not a silent blank) and
 * HTML escaping on. Triple braces are only for fragments our own code produced and
 * escaped (the chart SVGs, a grid's cell attributes and Markdown table lines, grid.ts).
 *
 * Markdown has its own escaping: every value in a .md template goes through the `md`
 * helper (a grid's lines are escaped by the same function when the view is built), which backslash-escapes the characters Markdown would read as syntax (pipes
 * that would split a table cell, asterisks and underscores, brackets, backticks, a
 * leading # or list marker, …) and writes < > & as entities, so that a project named
 * `<script>…` is text in every Markdown renderer too. Newlines become <br>, which keeps
 * a multi-line value inside its table cell or paragraph.
 */
import Handlebars from "handlebars";
import { invariant } from "../base/invariant.js";

/** Characters Markdown (CommonMark and GFM) reads as syntax anywhere in a line. */
const MD_INLINE = /[\\`*_[\]|~]/g;

/** Text that escapeMarkdown would change: a special character, a line break, or a line start it rewrites. */
const NEEDS_MD_ESCAPE = /[\\`*_[\]|~&<>\r\n]|^[ \t]|^[#+\-=]|^\d{1,9}[.)](?=\s|$)/;

/**
 * Escapes plain text for Markdown. The result shows the same characters, as text, in a
 * paragraph, a list item or a table cell.
 */
export function escapeMarkdown(text: string): string {
  // Most values (figures, names) need nothing: return them as they are.
  if (!NEEDS_MD_ESCAPE.test(text)) return text;
  let s = text
    .replace(/\r\n?/g, "\n")
    .replace(MD_INLINE, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  // At the start of the value (which may be the start of a line): headings, block quotes
  // (already an entity), list markers, thematic breaks, setext underlines, and an
  // ordered-list number followed by a space.
  s = s
    .split("\n")
    .map((line) => {
      const trimmed = line.replace(/^[ \t]+/, "");
      return trimmed.replace(/^([#+\-=])/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
    })
    .join("<br>");
  return s;
}

/** The helpers every template may use. */
function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper("md", (value: unknown) => {
    invariant(typeof value === "string" || typeof value === "number", `md: expected text, got ${typeof value}`);
    return new hb.SafeString(escapeMarkdown(String(value)));
  });
  // An ordinal from a zero-based @index: {{inc @index}} prints 1 for the first.
  hb.registerHelper("inc", (value: unknown) => {
    invariant(typeof value === "number", `inc: expected a number, got ${typeof value}`);
    return value + 1;
  });
}

export interface Engine {
  /** Renders the template `name` (a file name without ".<format>.hbs") with the view. */
  render(name: string, view: unknown): string;
  has(name: string): boolean;
}

/**
 * An engine for one output format: the templates named `*.<format>.hbs` become partials
 * under their short names ("table.html.hbs" → "table"), so any of them may be
 * overridden alone.
 */
export function createEngine(templates: Readonly<Record<string, string>>, format: "html" | "md"): Engine {
  const hb = Handlebars.create();
  registerHelpers(hb);
  const suffix = `.${format}.hbs`;
  const sources = new Map<string, string>();
  for (const file of Object.keys(templates).sort()) {
    if (file.endsWith(suffix)) sources.set(file.slice(0, -suffix.length), templates[file]!);
  }
  const options = { strict: true, noEscape: false, preventIndent: true, knownHelpers: { md: true, inc: true }, knownHelpersOnly: false } as const;
  for (const [name, text] of sources) hb.registerPartial(name, hb.compile(text, options));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  return {
    has: (name) => sources.has(name),
    render(name, view) {
      let template = compiled.get(name);
      if (!template) {
        const text = sources.get(name);
        invariant(text !== undefined, `no template ${name}${suffix}`);
        compiled.set(name, (template = hb.compile(text, options)));
      }
      return template(view);
    },
  };
}
