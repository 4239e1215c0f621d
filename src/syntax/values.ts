/**
 * Reading literal values: strings and text blocks, quantities with units, money, and
 * indicator values (the printed text, plus the comparison, number and unit read from it).
 * Pure functions of the source text; problems are returned, never thrown.
 */
import { MONEY_UNIT_SHIFT, toFen, toFenShifted, type Fen } from "../base/money.js";
import type { IndicatorValue } from "./ast.js";

/** The content of a "string": quotes removed, \" \\ \n \t unescaped. */
export function unquote(image: string): string {
  // An unterminated string (already reported) has no closing quote to remove.
  const closed = image.length >= 2 && image.endsWith('"') && !image.endsWith('\\"');
  const inner = image.slice(1, closed ? -1 : undefined);
  if (!inner.includes("\\")) return inner;
  return inner.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

/** A one-line "string" whose content is `text`: the inverse of `unquote`. */
export function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

/**
 * The content of a """text block""": the first line break after the opening quotes
 * and the indentation before the closing quotes are not part of the text, and the
 * indentation common to all non-blank lines is removed.
 */
export function textBlock(image: string): string {
  // An unterminated text block (already reported) runs to the end of the file.
  let body = image.length >= 6 && image.endsWith('"""') ? image.slice(3, -3) : image.slice(3);
  if (!body.includes("\n")) return body.trim();
  body = body.replace(/^[ \t]*\r?\n/, "").replace(/\r?\n[ \t\u3000]*$/, "");
  const lines = body.split(/\r?\n/);
  let indent = Infinity;
  for (const l of lines) {
    if (l.trim() === "") continue;
    const m = /^[ \t]*/.exec(l)![0].length;
    if (m < indent) indent = m;
  }
  if (!isFinite(indent)) indent = 0;
  return lines.map((l) => (l.trim() === "" ? "" : l.slice(indent).replace(/[ \t]+$/, ""))).join("\n");
}

export interface ParsedQuantity {
  readonly number: string;
  readonly unit: string;
}


/**
 * Splits a Number token ("6,389.17万元") into its numeral and unit: the numeral is
 * `[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?` as a regex would match it at the start, the
 * unit is the rest. A scan rather than the regex, as this runs for every amount;
 * test/money.test.ts holds the two to the same answers.
 */
export function splitQuantity(image: string): ParsedQuantity | undefined {
  const n = image.length;
  let i = 0;
  const c0 = image.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) i = 1;
  const digitsFrom = i;
  while (i < n && isDigitAt(image, i)) i++;
  const run = i - digitsFrom;
  if (run === 0) return undefined;
  let commas = false;
  // Grouped thousands: a run of 1 to 3 digits, then ",ddd" as often as it follows.
  if (run <= 3) {
    while (image.charCodeAt(i) === 0x2c && isDigitAt(image, i + 1) && isDigitAt(image, i + 2) && isDigitAt(image, i + 3)) {
      i += 4;
      commas = true;
    }
  }
  if (image.charCodeAt(i) === 0x2e && isDigitAt(image, i + 1)) {
    i += 2;
    while (i < n && isDigitAt(image, i)) i++;
  }
  const number = image.slice(0, i);
  return { number: commas ? number.replace(/,/g, "") : number, unit: image.slice(i) };
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

export type MoneyProblem = "unit" | "precision" | "range";

/** Money from a quantity: its unit must be 万元 or 元, and it must be exact to the 分. */
export function moneyOf(q: ParsedQuantity): { fen: Fen; unit: "万元" | "元" } | { problem: MoneyProblem } {
  if (q.unit !== "万元" && q.unit !== "元") return { problem: "unit" };
  const r = toFen(q.number, q.unit);
  if (!r.ok) return { problem: r.reason === "precision" ? "precision" : "range" };
  return { fen: r.fen, unit: q.unit };
}

const PREFIX_OPS: ReadonlyArray<readonly [string, IndicatorValue["op"]]> = [
  ["大于等于", "≥"],
  ["小于等于", "≤"],
  ["不低于", "≥"],
  ["不少于", "≥"],
  ["不小于", "≥"],
  ["不高于", "≤"],
  ["不超过", "≤"],
  ["不多于", "≤"],
  ["不大于", "≤"],
  ["至少", "≥"],
  ["大于", ">"],
  ["高于", ">"],
  ["超过", ">"],
  ["小于", "<"],
  ["低于", "<"],
  ["等于", "="],
  ["≥", "≥"],
  [">=", "≥"],
  ["≤", "≤"],
  ["<=", "≤"],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];
const SUFFIX_OPS: ReadonlyArray<readonly [string, IndicatorValue["op"]]> = [
  ["以上", "≥"],
  ["及以上", "≥"],
  ["以下", "≤"],
  ["以内", "≤"],
];

const VALUE_RE = /^(.*?)([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(%|‰|[\u3400-\u9fff（）()]{0,3}?)(及以上|以上|以下|以内)?$/s;

/**
 * Reads an indicator value's text. It keeps the text as printed and adds the
 * comparison, number and unit when the text is one number with a unit, optionally
 * preceded by a label or a comparison word and followed by 以上/以下:
 * "大于等于20人次" → ≥ 20 人次; "满意度≥95%" → ≥ 95 %; "50次以上" → ≥ 50 次.
 * Text with no number or several numbers ("2024年2月1日至…") stays text only. A value
 * in a unit of money (元, 万元, 亿元, 千元 …) is also read in 分, exactly.
 */
export function readIndicatorValue(text: string): Omit<IndicatorValue, "span"> {
  const digitsRuns = text.match(/\d+(?:[.,]\d+)*/g) ?? [];
  if (digitsRuns.length !== 1) return { text };
  const m = VALUE_RE.exec(text);
  if (!m) return { text };
  const before = m[1]!;
  const number = m[2]!.replace(/,/g, "");
  const unit = m[3]!;
  let op: IndicatorValue["op"];
  for (const [w, o] of PREFIX_OPS) if (before.endsWith(w)) { op = o; break; }
  if (m[4]) op = SUFFIX_OPS.find(([w]) => w === m[4])![1];
  const out: { -readonly [K in keyof Omit<IndicatorValue, "span">]: Omit<IndicatorValue, "span">[K] } = { text, number, unit };
  if (op) out.op = op;
  const shift = MONEY_UNIT_SHIFT.get(unit);
  if (shift !== undefined) {
    const r = toFenShifted(number, shift);
    if (r.ok) out.fen = r.fen;
    else if (r.reason === "range") out.moneyOutOfRange = true;
  }
  return out;
}
