/**
 * `yusuan explain CODE`: the documented explanation of a diagnostic code, from
 * docs/diagnostics/CODE.md in the package, in the language asked for; `--list`: every
 * code with its severity and stage, from the index of codes (codes.ts).
 *
 * The explanations are written in pairs: each Chinese paragraph is followed by its
 * English one, while headings, the severity line and examples are shared. A language's
 * half is the shared blocks and, of each pair, its own paragraph; of two paragraphs the
 * Chinese one is the one whose letters are more often CJK characters, which holds even
 * where the English names Chinese terms (test/explain.test.ts checks every explanation).
 */
import { fileURLToPath } from "node:url";
import * as path from "node:path";
import { displayWidth } from "../base/source.js";
import { CODE_BY_NAME, CODES } from "./codes.js";
import type { Io } from "./io.js";
import type { Lang } from "./report.js";
import { nearest } from "./suggest.js";

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/diagnostics");

/** A block of an explanation: shared by both languages, or prose in one of them. */
export interface DocBlock {
  readonly text: string;
  readonly lang: Lang | "both";
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[A-Za-z]/g;

/** The share of a paragraph's letters that are CJK characters, code spans left out. */
function cjkShare(text: string): number {
  const prose = text.replace(/`[^`]*`/g, "");
  const cjk = prose.match(CJK)?.length ?? 0;
  const latin = prose.match(LATIN)?.length ?? 0;
  return cjk + latin === 0 ? 0 : cjk / (cjk + latin);
}

/**
 * The blocks of an explanation: blank-line separated, a fenced example whole, headings
 * and the severity line shared. Prose paragraphs between shared blocks are paired in
 * order, and in each pair the one with the higher CJK share is Chinese; a paragraph
 * left without a pair is Chinese when most of its letters are CJK.
 */
export function docBlocks(text: string): DocBlock[] {
  const raw: string[] = [];
  let cur: string[] = [];
  let fenced = false;
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (!fenced && line.trim() === "" && !line.startsWith("```")) {
      if (cur.length) raw.push(cur.join("\n"));
      cur = [];
    } else cur.push(line);
  }
  if (cur.length) raw.push(cur.join("\n"));
  const shared = (b: string): boolean => b.startsWith("#") || b.startsWith("```") || b.startsWith("**Severity:**");
  const out: DocBlock[] = [];
  let run: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < run.length; i += 2) {
      const a = run[i]!;
      const b = run[i + 1];
      if (b === undefined) {
        out.push({ text: a, lang: cjkShare(a) > 0.5 ? "zh" : "en" });
      } else {
        const aIsZh = cjkShare(a) >= cjkShare(b);
        out.push({ text: a, lang: aIsZh ? "zh" : "en" }, { text: b, lang: aIsZh ? "en" : "zh" });
      }
    }
    run = [];
  };
  for (const b of raw) {
    if (shared(b)) {
      flush();
      out.push({ text: b, lang: "both" });
    } else run.push(b);
  }
  flush();
  return out;
}

/** An explanation in one language: the shared blocks and that language's paragraphs. */
export function explanationIn(text: string, lang: Lang): string {
  return (
    docBlocks(text)
      .filter((b) => b.lang === "both" || b.lang === lang)
      .map((b) => b.text)
      .join("\n\n") + "\n"
  );
}

export function explainCommand(io: Io, code: string, lang: Lang): number {
  const spec = CODE_BY_NAME.get(code);
  const text = spec ? io.readFile(path.join(DOCS, `${code}.md`)) : undefined;
  if (!spec || text === undefined) {
    const guess = nearest(code, CODES.map((c) => c.code));
    const hint = guess ? (lang === "zh" ? `（是指 ${guess} 吗？）` : ` (did you mean ${guess}?)`) : "";
    io.err(lang === "zh" ? `yusuan: 没有诊断代码 '${code}'${hint}；yusuan explain --list 列出全部代码\n` : `yusuan: no diagnostic '${code}'${hint}; yusuan explain --list lists every code\n`);
    return 2;
  }
  io.out(explanationIn(text, lang));
  return 0;
}

const SEVERITY: Record<Lang, Record<string, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** Every code, in pipeline order, with its severity (and the others it may take) and its stage. */
export function explainList(io: Io, lang: Lang): number {
  const rows = CODES.map((c) => [c.code, [c.severity, ...(c.alsoAs ?? [])].map((s) => SEVERITY[lang][s]).join(" / "), c.stage] as const);
  const head = lang === "zh" ? (["代码", "严重性", "阶段"] as const) : (["code", "severity", "stage"] as const);
  // Columns are padded by display width: a CJK character takes two cells.
  const width = [0, 1].map((i) => Math.max(...[head, ...rows].map((r) => displayWidth(r[i]!))));
  const pad = (s: string, w: number): string => s + " ".repeat(w - displayWidth(s));
  const line = (r: readonly string[]): string => `${pad(r[0]!, width[0]!)}  ${pad(r[1]!, width[1]!)}  ${r[2]}`.trimEnd() + "\n";
  io.out(line(head) + rows.map(line).join(""));
  return 0;
}
