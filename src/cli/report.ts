/**
 * Diagnostics for people and for tools. For people: an Elm-style report with a title,
 * the location, the source with the region marked (a code frame from @babel/code-frame),
 * related places and a hint (control and invisible characters shown as U+FFFD, so that
 * none can reorder or hide what is shown). For tools: JSON with 1-based lines and columns.
 *
 * A place in a table (a catalogue's CSV file or workbook sheet) is a cell: it is shown as
 * `FILE!B7` or `FILE:SHEET!B7`, and in JSON its row and column are the line and column,
 * with `cell` (and `sheet` for a workbook) beside them.
 */
import { codeFrameColumns } from "@babel/code-frame";
import type { Diagnostic } from "../base/diagnostics.js";
import { cellRef, displayWidth, lineCol, sourceKey, type SourceText, type Span } from "../base/source.js";
import { showInvisible } from "../syntax/chars.js";

export type Lang = "zh" | "en";

export interface Sources {
  get(path: string): SourceText | undefined;
}

export interface JsonPosition {
  file: string;
  /** The sheet of a workbook, for a place in one. */
  sheet?: string;
  /** The cell, for a place in a table: B7. */
  cell?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function position(sources: Sources, span: Span): JsonPosition {
  const c = span.cell;
  if (c) return { file: span.file, ...(c.sheet !== undefined ? { sheet: c.sheet } : {}), cell: cellRef(c), line: c.row, column: c.column, endLine: c.row, endColumn: c.column };
  const src = sources.get(span.file);
  if (!src) return { file: span.file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const a = lineCol(src, span.start);
  const b = lineCol(src, span.end);
  return { file: span.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

export function diagnosticsJson(ds: readonly Diagnostic[], sources: Sources, lang: Lang): string {
  const out = ds.map((d) => {
    const p = position(sources, d.span);
    return {
      code: d.code,
      severity: d.severity,
      message: d.message[lang],
      file: p.file,
      ...(p.sheet !== undefined ? { sheet: p.sheet } : {}),
      ...(p.cell !== undefined ? { cell: p.cell } : {}),
      line: p.line,
      column: p.column,
      endLine: p.endLine,
      endColumn: p.endColumn,
      related: d.related.map((r) => ({ message: r.message[lang], ...position(sources, r.span) })),
      hint: d.hint ? d.hint[lang] : null,
      ...(d.data ? { data: d.data } : {}),
    };
  });
  return JSON.stringify({ diagnostics: out }, null, 2) + "\n";
}

const LABEL: Record<Lang, Record<Diagnostic["severity"], string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

function colour(on: boolean, code: string, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}

const shownTexts = new WeakMap<SourceText, string>();

/** A source's text as code frames show it: invisible and control characters made visible. */
function shown(src: SourceText): string {
  let t = shownTexts.get(src);
  if (t === undefined) {
    t = showInvisible(src.text);
    shownTexts.set(src, t);
  }
  return t;
}

/** Code frames on very long lines are cut to a window around the marked region. */
export function frame(src: SourceText, span: { start: number; end: number }, colours: boolean): string {
  const a = lineCol(src, span.start);
  const b = lineCol(src, Math.max(span.start, span.end));
  const text = shown(src);
  const lines = text.split("\n");
  const longest = Math.max(...lines.slice(Math.max(0, a.line - 3), b.line + 2).map((l) => l.length));
  if (longest > 400) {
    const line = lines[a.line - 1] ?? "";
    const from = Math.max(0, a.column - 60);
    const snippet = [...line].slice(from, from + 120).join("");
    const caretLen = Math.max(1, Math.min(b.line === a.line ? b.column - a.column : 1, 120 - (a.column - 1 - from)));
    return `${String(a.line).padStart(4)} | ${from > 0 ? "…" : ""}${snippet}…\n     | ${" ".repeat(a.column - 1 - from + (from > 0 ? 1 : 0))}${"^".repeat(caretLen)}`;
  }
  const end = b.line === a.line && b.column === a.column ? { line: a.line, column: a.column + 1 } : b;
  const raw = codeFrameColumns(text, { start: a, end }, { highlightCode: colours, linesAbove: 1, linesBelow: 1 });
  return alignMarkers(raw, lines, a, end);
}

/**
 * @babel/code-frame places its carets by character count; CJK text is two cells wide
 * on a terminal, so the carets are moved to sit under the marked characters.
 */
function alignMarkers(raw: string, lines: string[], a: { line: number; column: number }, b: { line: number; column: number }): string {
  const plain = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, "");
  const out = raw.split("\n");
  for (let i = 1; i < out.length; i++) {
    const prev = plain(out[i - 1]!);
    const m = /^>\s*(\d+) \|/.exec(prev);
    const marker = /^(\s*\|)\s*\^/.exec(plain(out[i]!));
    if (!m || !marker) continue;
    const lineNo = Number(m[1]);
    const text = [...(lines[lineNo - 1] ?? "")];
    const startCol = lineNo === a.line ? a.column : 1;
    const endCol = lineNo === b.line ? b.column : text.length + 1;
    const pad = displayWidth(text.slice(0, startCol - 1).join(""));
    const width = Math.max(1, displayWidth(text.slice(startCol - 1, endCol - 1).join("")));
    out[i] = `${marker[1]} ${" ".repeat(pad)}${"^".repeat(width)}`;
  }
  return out.join("\n");
}

/** A place as a person reads it: FILE:LINE:COLUMN, or FILE!B7 and FILE:SHEET!B7 for a cell. */
function where(p: JsonPosition): string {
  if (p.cell !== undefined) return p.sheet !== undefined ? `${p.file}:${p.sheet}!${p.cell}` : `${p.file}!${p.cell}`;
  return `${p.file}:${p.line}:${p.column}`;
}

export function diagnosticsText(ds: readonly Diagnostic[], sources: Sources, lang: Lang, colours: boolean): string {
  const parts: string[] = [];
  for (const d of ds) {
    const src = sources.get(sourceKey(d.span));
    const p = position(sources, d.span);
    const sev = LABEL[lang][d.severity];
    const sevColour = d.severity === "error" ? "31;1" : d.severity === "warning" ? "33;1" : "36;1";
    // A place in a workbook an import read is its sheet and cell (data), not a line and column.
    const sheet = d.data?.["sheet"];
    const cell = d.data?.["cell"];
    const at = !src && sheet !== undefined && !d.span.cell ? `${p.file}${sheet ? ` ${sheet}${cell ? `!${cell}` : ""}` : ""}` : where(p);
    let s = `${colour(colours, sevColour, `${sev}[${d.code}]`)}: ${colour(colours, "1", d.message[lang])}\n  --> ${at}\n`;
    if (src) s += frame(src, d.span, colours) + "\n";
    for (const r of d.related) {
      const rp = position(sources, r.span);
      const rs = sources.get(sourceKey(r.span));
      s += `  ${lang === "zh" ? "相关" : "related"}: ${r.message[lang]} (${where(rp)})\n`;
      if (rs) s += frame(rs, r.span, colours).replace(/^/gm, "    ") + "\n";
    }
    if (d.hint) s += `  = ${lang === "zh" ? "提示" : "hint"}: ${d.hint[lang]}\n`;
    parts.push(s);
  }
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.filter((d) => d.severity === "warning").length;
  if (ds.length) parts.push(lang === "zh" ? `${errors} 个错误，${warnings} 个警告\n` : `${errors} error(s), ${warnings} warning(s)\n`);
  return parts.join("\n");
}
