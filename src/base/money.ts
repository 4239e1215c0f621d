/**
 * Exact money. Amounts are integers of 分 (0.01 元) held in a JS number with a
 * safe-integer guard: adding them is exact and fast. Division, shares and rounding go
 * through one configured decimal.js instance with an explicit rounding mode; nothing
 * here ever converts an amount through binary floating point.
 *
 * Invariant: every Fen is a safe integer.
 */
import { Decimal as DecimalCtor } from "decimal.js";

/** decimal.js configured once: 40 significant digits, half-up rounding. */
export const Dec = DecimalCtor.clone({ precision: 40, rounding: DecimalCtor.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** An amount in 分. */
export type Fen = number;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 1_000_000;

export class MoneyOverflow extends Error {
  override name = "MoneyOverflow";
}

export function add(a: Fen, b: Fen): Fen {
  const s = a + b;
  if (!Number.isSafeInteger(s)) throw new MoneyOverflow(`amount out of range: ${a} + ${b}`);
  return s;
}

export function sub(a: Fen, b: Fen): Fen {
  const s = a - b;
  if (!Number.isSafeInteger(s)) throw new MoneyOverflow(`amount out of range: ${a} - ${b}`);
  return s;
}

export function sum(xs: Iterable<Fen>): Fen {
  let s = 0;
  for (const x of xs) {
    s += x;
    if (!Number.isSafeInteger(s)) throw new MoneyOverflow("amount out of range in a sum");
  }
  return s;
}

export type MoneyUnit = "万元" | "元";

export interface ParsedNumber {
  /** Sign, digits and decimal point, without thousands separators: "-1234.5". */
  readonly decimal: string;
}

const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Parses a decimal numeral as written in source ("52,000,000", "0.6", "-3"). */
export function parseNumeral(text: string): ParsedNumber | undefined {
  const m = NUMBER_RE.exec(text);
  if (!m) return undefined;
  const int = m[2]!.replace(/,/g, "");
  const frac = m[3] ?? "";
  return { decimal: `${m[1] === "-" ? "-" : ""}${int}${frac ? "." + frac : ""}` };
}

export type ToFenResult = { ok: true; fen: Fen } | { ok: false; reason: "precision" | "range" | "syntax" };

/**
 * Converts a numeral in 万元 or 元 to 分, exactly, by moving the decimal point in the
 * digit string. A value finer than 1 分 or beyond the safe-integer range is refused.
 */
export function toFen(numeral: string, unit: MoneyUnit): ToFenResult {
  const p = parseNumeral(numeral);
  if (!p) return { ok: false, reason: "syntax" };
  const neg = p.decimal.startsWith("-");
  const body = neg ? p.decimal.slice(1) : p.decimal;
  const [intPart, fracPart = ""] = body.split(".") as [string, string?];
  const shift = unit === "万元" ? 6 : 2;
  const frac = fracPart.replace(/0+$/, "");
  if (frac.length > shift) return { ok: false, reason: "precision" };
  const digits = (intPart + frac.padEnd(shift, "0")).replace(/^0+(?=\d)/, "");
  if (digits.length > 16) return { ok: false, reason: "range" };
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return { ok: false, reason: "range" };
  return { ok: true, fen: neg && n !== 0 ? -n : n };
}

/** The amount as a decimal of the given unit, exact (no rounding). */
export function fenToDec(fen: Fen, unit: MoneyUnit = "万元"): Dec {
  return new Dec(fen).div(unit === "万元" ? FEN_PER_WAN : FEN_PER_YUAN);
}

/** Rounds half-up to `places` decimals and prints without thousands separators. */
export function fixed(d: Dec, places = 2): string {
  return d.toFixed(places, Dec.ROUND_HALF_UP);
}

/** Inserts thousands separators into a plain decimal string ("7612.17" → "7,612.17"). */
export function groupThousands(s: string): string {
  const neg = s.startsWith("-");
  const body = neg ? s.slice(1) : s;
  const [i, f] = body.split(".") as [string, string?];
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + grouped + (f !== undefined ? "." + f : "");
}

/** 万元 with two decimals, as the tables print them: 7612.17 */
export function wan(fen: Fen): string {
  return fixed(fenToDec(fen, "万元"), 2);
}

/** 万元 with two decimals and thousands separators, as the prose prints them: 7,612.17 */
export function wanGrouped(fen: Fen): string {
  return groupThousands(wan(fen));
}

/** Whole 元 with thousands separators, as the performance forms print them: 52,000,000 */
export function yuanGrouped(fen: Fen): string {
  return groupThousands(fixed(fenToDec(fen, "元"), fen % FEN_PER_YUAN === 0 ? 0 : 2));
}

/**
 * A share part/whole in percent, rounded half-up to two decimals ("83.93").
 * Undefined when the whole is zero.
 */
export function percent(part: Fen, whole: Fen, places = 2): string | undefined {
  if (whole === 0) return undefined;
  return fixed(new Dec(part).mul(100).div(whole), places);
}
