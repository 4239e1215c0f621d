/**
 * Money from source text: `toFen` scans a numeral in one pass. It must agree exactly
 * with the plain statement of the rule (the reference below: move the decimal point in
 * the digit string), on every numeral and on text that is not one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUDGET_LIMIT_FEN, Dec, fenFixed, toFen, wan, yuanGrouped, type MoneyUnit, type ToFenResult } from "../src/base/money.js";
import { wanExact, yuanExact } from "../src/model/types.js";
import { readIndicatorValue, splitQuantity } from "../src/syntax/values.js";
import { readCost } from "../src/check/facts.js";
import { exactDecimal } from "../src/render/csv.js";

const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
function reference(numeral: string, unit: MoneyUnit): ToFenResult {
  const m = NUMBER_RE.exec(numeral);
  if (!m) return { ok: false, reason: "syntax" };
  const neg = m[1] === "-";
  const intPart = m[2]!.replace(/,/g, "");
  const shift = unit === "万元" ? 6 : 2;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > shift) return { ok: false, reason: "precision" };
  const digits = (intPart + frac.padEnd(shift, "0")).replace(/^0+(?=\d)/, "");
  if (digits.length > 16) return { ok: false, reason: "range" };
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return { ok: false, reason: "range" };
  return { ok: true, fen: neg && n !== 0 ? -n : n };
}

describe("toFen", () => {
  it("reads amounts in 万元 and 元 exactly", () => {
    expect(toFen("6,389.17", "万元")).toEqual({ ok: true, fen: 6_389_170_000 });
    expect(toFen("0.000001", "万元")).toEqual({ ok: true, fen: 1 });
    expect(toFen("-3", "元")).toEqual({ ok: true, fen: -300 });
    expect(toFen("-0.00", "元")).toEqual({ ok: true, fen: 0 });
    expect(toFen("1.230", "元")).toEqual({ ok: true, fen: 123 });
    expect(toFen("0.001", "元")).toEqual({ ok: false, reason: "precision" });
    expect(toFen("90071992547409.92", "元")).toEqual({ ok: false, reason: "range" });
    expect(toFen("90071992547409.91", "元")).toEqual({ ok: true, fen: Number.MAX_SAFE_INTEGER });
    for (const bad of ["", "-", "1,00", "1,0000", ",100", "1.", ".5", "1..2", "1,000.", "1e3", " 1", "1,000,00"]) expect(toFen(bad, "元"), bad).toEqual({ ok: false, reason: "syntax" });
  });

  it("agrees with the reference on any numeral-like text", () => {
    const numeralish = fc.stringMatching(/^[+-]?[0-9,]{0,22}(\.[0-9]{0,9})?$/);
    fc.assert(
      fc.property(numeralish, fc.constantFrom<MoneyUnit>("万元", "元"), (s, unit) => {
        expect(toFen(s, unit)).toEqual(reference(s, unit));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees with the reference on well-formed numerals of every size", () => {
    const grouped = fc.bigInt({ min: 0n, max: 10n ** 20n }).map((b) => b.toLocaleString("en-US"));
    const plain = fc.bigInt({ min: 0n, max: 10n ** 20n }).map((b) => b.toString());
    const numeral = fc.tuple(fc.constantFrom("", "-", "+"), fc.oneof(grouped, plain), fc.option(fc.stringMatching(/^[0-9]{1,9}$/))).map(([s, i, f]) => `${s}${i}${f === null ? "" : "." + f}`);
    fc.assert(
      fc.property(numeral, fc.constantFrom<MoneyUnit>("万元", "元"), (s, unit) => {
        expect(toFen(s, unit)).toEqual(reference(s, unit));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("printing amounts without decimal.js", () => {
  // The plain statement: the amount divided exactly by decimal.js, rounded half-up.
  const byDecimal = (fen: number, unitFen: number, places: number) => new Dec(fen).div(unitFen).toFixed(places, Dec.ROUND_HALF_UP);
  const amounts = fc.oneof(
    fc.integer({ min: -2 * BUDGET_LIMIT_FEN, max: 2 * BUDGET_LIMIT_FEN }),
    fc.integer({ min: -20_000, max: 20_000 }),
    // Amounts one side or the other of a rounding boundary, large and small.
    fc.tuple(fc.integer({ min: -9_000_000_000, max: 9_000_000_000 }), fc.constantFrom(-5001, -5000, -4999, -1, 0, 1, 4999, 5000, 5001, 49, 50, 51)).map(([k, d]) => k * 10_000 + d),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, -0),
  );
  it("prints every amount as decimal.js does, in 万元 and 元, at every number of places", () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        for (const [unit, places] of [[1_000_000, 2], [1_000_000, 6], [1_000_000, 0], [100, 0], [100, 2], [10_000, 2]] as const) expect(fenFixed(fen, unit, places), `${fen} ${unit} ${places}`).toBe(byDecimal(fen, unit, places));
      }),
      { numRuns: 3000 },
    );
  });
  it("keeps the exact 万元 and 元 strings of the JSON as they were", () => {
    fc.assert(
      fc.property(amounts, (fen) => {
        expect(wanExact(fen)).toBe(new Dec(fen).div(1_000_000).toFixed(6).replace(/(\.\d\d\d*?)0+$/, "$1"));
        expect(yuanExact(fen)).toBe(new Dec(fen).div(100).toFixed(fen % 100 === 0 ? 0 : 2));
      }),
      { numRuns: 3000 },
    );
    expect([wan(-1), wan(-5000), wan(761_217_000_000), yuanGrouped(5_200_000_000), wanExact(1), wanExact(-1_500_000)]).toEqual(["-0.00", "-0.01", "761217.00", "52,000,000", "0.000001", "-1.50"]);
  });
});

describe("splitQuantity", () => {
  const QTY_RE = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/s;
  const reference = (image: string) => {
    const m = QTY_RE.exec(image);
    return m ? { number: m[1]!.replace(/,/g, ""), unit: m[2]! } : undefined;
  };
  it("splits a quantity into numeral and unit", () => {
    expect(splitQuantity("6,389.17万元")).toEqual({ number: "6389.17", unit: "万元" });
    expect(splitQuantity("-3人")).toEqual({ number: "-3", unit: "人" });
    expect(splitQuantity("万元")).toBeUndefined();
  });
  it("agrees with the regex it replaces on any quantity-like text", () => {
    const text = fc.stringMatching(/^[+-]?[0-9,.]{0,16}(万元|元|人|%|\.|,|[0-9]|\n){0,3}$/);
    fc.assert(
      fc.property(text, (s) => {
        expect(splitQuantity(s)).toEqual(reference(s));
      }),
      { numRuns: 30_000 },
    );
  });
});

describe("cost indicator values", () => {
  const read = (text: string) => readCost({ ...readIndicatorValue(text), span: { file: "", start: 0, end: 0 } });
  it("are amounts in any unit of money, exactly", () => {
    expect(read("3亿元")).toEqual({ kind: "amount", fen: 30_000_000_000, unitless: false });
    expect(read("0.6389亿元")).toEqual({ kind: "amount", fen: 6_389_000_000, unitless: false });
    expect(read("37.3万元")).toEqual({ kind: "amount", fen: 37_300_000, unitless: false });
    expect(read("35,000元")).toEqual({ kind: "amount", fen: 3_500_000, unitless: false });
    expect(read("5千元")).toEqual({ kind: "amount", fen: 500_000, unitless: false });
  });
  it("read a bare number, with or without separators, as 元", () => {
    expect(read("63,891,700")).toEqual({ kind: "amount", fen: 6_389_170_000, unitless: true });
    expect(read("177391700")).toEqual({ kind: "amount", fen: 17_739_170_000, unitless: true });
  });
  it("tell bounds, costs per unit and rates from amounts", () => {
    expect(read("≤5万元").kind).toBe("bound");
    expect(read("5万元以内").kind).toBe("bound");
    expect(read("500元/人").kind).toBe("per-unit");
    expect(read("≥5%").kind).toBe("ratio");
  });
  it("are unreadable when they state no amount of money", () => {
    for (const t of ["三万元", "按实际发生", "30次", "1万元和2万元"]) expect(read(t).kind, t).toBe("unreadable");
  });
});

describe("exactDecimal (csv, fdp, workbook and import amounts)", () => {
  it("is the amount exactly, in 万元 to six places at most and in 元 to two, trailing zeros after two places cut", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const wan = new Dec(fen).div(1_000_000);
        expect(new Dec(exactDecimal(fen, "万元")).eq(wan)).toBe(true);
        expect(exactDecimal(fen, "万元")).toMatch(/^-?\d+\.\d{2,6}$/);
        expect(exactDecimal(fen, "元")).toBe(new Dec(fen).div(100).toFixed(2));
      }),
      { numRuns: 2000 },
    );
  });
});
