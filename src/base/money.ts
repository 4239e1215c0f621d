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

/**
 * The most the figures of one budget may add up to, regardless of sign: 10^15 分, that
 * is 1,000,000,000万元 (10万亿元, several times a whole country's annual budget).
 * Lowering refuses a figure that would take a budget past it (money-range), so that
 * every figure derived from a budget's figures, and from last year's budget's, stays
 * exact: a derived figure is a signed sum of distinct written figures, at most 2 × 10^15
 * in size, far inside the safe-integer range (about 9 × 10^15).
 */
export const BUDGET_LIMIT_FEN = 1e15;

/**
 * The most the departments of a roll-up may add up to: 8 × 10^15 分. The roll-up's own
 * control totals (at most BUDGET_LIMIT_FEN) compared with it still differ by a safe integer.
 */
export const ROLLUP_LIMIT_FEN = 8e15;

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
  return toFenShifted(numeral, unit === "万元" ? 6 : 2);
}

/**
 * The units of money an indicator's value may be written in, by how many decimal places
 * separate one of them from 1 分: 元 2, 万元 6, 亿元 10 (and 万, 亿, 千元 …).
 */
export const MONEY_UNIT_SHIFT: ReadonlyMap<string, number> = new Map([
  ["元", 2],
  ["千元", 5],
  ["万", 6],
  ["万元", 6],
  ["十万元", 7],
  ["百万元", 8],
  ["千万元", 9],
  ["亿", 10],
  ["亿元", 10],
]);

/** toFen for a unit 10^shift 分 large (see MONEY_UNIT_SHIFT). */
export function toFenShifted(numeral: string, shift: number): ToFenResult {
  // One pass over the characters, without intermediate strings: this runs for every
  // amount of a budget. The accepted syntax is NUMBER_RE's: an optional sign, digits
  // either plain or grouped by commas in threes, and an optional fraction.
  const n = numeral.length;
  let i = 0;
  let neg = false;
  const c0 = numeral.charCodeAt(0);
  if (c0 === 0x2b || c0 === 0x2d) {
    neg = c0 === 0x2d;
    i = 1;
  }
  let value = 0;
  let significant = 0;
  // The integer part.
  let group = 0;
  let grouped = false;
  const intStart = i;
  for (; i < n; i++) {
    const c = numeral.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      group++;
      if (grouped && group > 3) return { ok: false, reason: "syntax" };
      if (significant > 0 || c !== 0x30) significant++;
      value = value * 10 + (c - 0x30);
    } else if (c === 0x2c) {
      // A comma closes a group: the first of 1 to 3 digits, the others of exactly 3.
      if (group === 0 || group > 3 || (grouped && group !== 3)) return { ok: false, reason: "syntax" };
      grouped = true;
      group = 0;
    } else break;
  }
  if (i === intStart || (grouped && group !== 3)) return { ok: false, reason: "syntax" };
  // The fraction: its digits up to the last non-zero one must fit in `shift` places.
  let places = 0;
  if (i < n) {
    if (numeral.charCodeAt(i) !== 0x2e || i + 1 === n) return { ok: false, reason: "syntax" };
    let lastNonZero = 0;
    for (let j = i + 1; j < n; j++) {
      const c = numeral.charCodeAt(j);
      if (c < 0x30 || c > 0x39) return { ok: false, reason: "syntax" };
      if (c !== 0x30) lastNonZero = j - i;
    }
    if (lastNonZero > shift) return { ok: false, reason: "precision" };
    for (let j = i + 1; j <= i + lastNonZero; j++) {
      const c = numeral.charCodeAt(j);
      if (significant > 0 || c !== 0x30) significant++;
      value = value * 10 + (c - 0x30);
    }
    places = lastNonZero;
  }
  for (; places < shift; places++) {
    if (significant > 0) significant++;
    value *= 10;
  }
  if (significant > 16 || !Number.isSafeInteger(value)) return { ok: false, reason: "range" };
  return { ok: true, fen: neg && value !== 0 ? -value : value };
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

/**
 * An amount in a unit of `unitFen` 分 (a power of ten: 100 for 元, 1,000,000 for 万元)
 * with `places` decimals (at most the unit's), rounded half-up (away from zero), as
 * `fixed(fenToDec(fen, unit), places)` prints it, "-0.00" for a small negative amount
 * included, but without decimal.js: this prints every amount of every publication. It is
 * exact: a Fen is a safe integer, and the remainder, the quotient of an exact division and
 * the product of a digit count with a power of ten below 10^6 are exact integers in a
 * double (test/money.test.ts holds it to decimal.js).
 */
export function fenFixed(fen: Fen, unitFen: number, places: number): string {
  const step = unitFen / 10 ** places;
  const a = Math.abs(fen);
  const r = a % step;
  let q = (a - r) / step;
  if (r * 2 >= step) q += 1;
  const sign = fen < 0 ? "-" : "";
  if (places === 0) return `${sign}${q}`;
  const scale = 10 ** places;
  const frac = q % scale;
  return `${sign}${(q - frac) / scale}.${String(frac).padStart(places, "0")}`;
}

/** 万元 with two decimals, as the tables print them: 7612.17 */
export function wan(fen: Fen): string {
  return fenFixed(fen, FEN_PER_WAN, 2);
}

/** 万元 with two decimals and thousands separators, as the prose prints them: 7,612.17 */
export function wanGrouped(fen: Fen): string {
  return groupThousands(wan(fen));
}

/** Whole 元 with thousands separators, as the performance forms print them: 52,000,000 */
export function yuanGrouped(fen: Fen): string {
  return groupThousands(fenFixed(fen, FEN_PER_YUAN, fen % FEN_PER_YUAN === 0 ? 0 : 2));
}

/**
 * A share part/whole in percent, rounded half-up to two decimals ("83.93").
 * Undefined when the whole is zero.
 */
export function percent(part: Fen, whole: Fen, places = 2): string | undefined {
  if (whole === 0) return undefined;
  return fixed(new Dec(part).mul(100).div(whole), places);
}
