/**
 * Property tests of the syntax: on generated budgets and on every real budget and
 * fixture, fmt is idempotent, formatting does not change what the file says (the same
 * statement tree and the same AST), and every comment survives. Random mutations of the
 * real budgets, and several money slips at once in the reference budget (bench/mutate.mjs),
 * never throw and always yield located diagnostics.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES } from "../src/syntax/load.js";
import { hasErrors } from "../src/base/diagnostics.js";
import { checkBudget } from "../src/check/check.js";
import { loadBudget } from "../src/syntax/load.js";
import { parse } from "../src/syntax/parser.js";
import { print } from "../src/syntax/printer.js";
import { budgetSource } from "./helpers/gen.js";
import { applyEdits, figureEdits, moneyLiterals } from "../bench/mutate.mjs";
import { shape, stripSpans } from "./helpers/strip.js";

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Files above the size limit of a source (a generated fixture) are not budgets to parse.
const realFiles = [...walk("budgets"), ...walk("test/fixtures")].filter((f) => f.endsWith(".budget") && fs.statSync(f).size <= MAX_SOURCE_BYTES).sort();

function lowered(p: string, text: string): unknown {
  return stripSpans(loadBudget(p, { read: (q) => (q === p ? text : undefined) }).budget);
}

function roundTrip(p: string, text: string): void {
  const a = parse(p, text);
  if (hasErrors(a.diagnostics)) return;
  const once = print(a.file);
  const b = parse(p, once);
  expect(b.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(print(b.file)).toBe(once);
  expect(shape(b.file.stmts)).toEqual(shape(a.file.stmts));
  expect(lowered(p, once)).toEqual(lowered(p, text));
  expect(b.file.comments.map((c) => c.image.trimEnd()).sort()).toEqual(a.file.comments.map((c) => c.image.trimEnd()).sort());
}

describe("fmt on generated budgets", () => {
  it("is idempotent, keeps the AST and every comment", () => {
    fc.assert(
      fc.property(budgetSource, (src) => {
        const r = parse("gen.budget", src);
        expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message.en)).toEqual([]);
        roundTrip("gen.budget", src);
      }),
      { numRuns: 300 },
    );
  });
});

describe("fmt on every budget and fixture", () => {
  it("has files to test", () => {
    expect(realFiles.length).toBeGreaterThan(10);
  });
  for (const f of realFiles) {
    it(`round-trips ${f}`, () => roundTrip(f, fs.readFileSync(f, "utf8")));
  }
  for (const f of walk("budgets").filter((x) => x.endsWith(".budget"))) {
    it(`${f} is stored canonical`, () => {
      const text = fs.readFileSync(f, "utf8");
      expect(print(parse(f, text).file)).toBe(text);
    });
  }
});

const mutation = (text: string) =>
  fc.oneof(
    fc.nat({ max: text.length }).map((i) => text.slice(0, i)),
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 40 })).map(([i, n]) => text.slice(0, i) + text.slice(i + n)),
    fc.tuple(fc.nat({ max: text.length }), fc.string({ maxLength: 6 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
    fc.tuple(fc.nat({ max: text.length }), fc.uint8Array({ maxLength: 16 })).map(([i, b]) => text.slice(0, i) + String.fromCharCode(...b) + text.slice(i)),
    fc.nat({ max: 400 }).map((n) => {
      const lines = text.split("\n");
      const k = n % Math.max(1, lines.length);
      return [...lines.slice(0, k), lines[k] ?? "", ...lines.slice(k)].join("\n");
    }),
    fc.nat({ max: 400 }).map((n) => {
      const lines = text.split("\n");
      const k = n % Math.max(1, lines.length);
      return [...lines.slice(0, k), ...lines.slice(k + 1)].join("\n");
    }),
  );

describe("mutated budgets", () => {
  const sample = realFiles.filter((f) => f.startsWith("budgets") || f.includes("as-published"));
  for (const f of sample) {
    it(`never throw: ${f}`, () => {
      const text = fs.readFileSync(f, "utf8");
      fc.assert(
        fc.property(mutation(text), (mutated) => {
          const loaded = loadBudget(f, { read: (q) => (q === f ? mutated : fs.existsSync(q) ? fs.readFileSync(q, "utf8") : undefined) });
          const ds = checkBudget(loaded).diagnostics;
          for (const d of ds) {
            expect(d.code).toMatch(/^[a-z0-9-]+$/);
            expect(Number.isInteger(d.span.start) && d.span.start >= 0).toBe(true);
          }
          const p = parse(f, mutated);
          if (!hasErrors(p.diagnostics)) print(p.file);
        }),
        { numRuns: 1000 },
      );
    });
  }
});

describe("several money slips at once", () => {
  const entry = "budgets/jinzhong-econ-ops-2024.budget";
  const loaded = loadBudget(entry, { read: (q) => (fs.existsSync(q) ? fs.readFileSync(q, "utf8") : undefined) });
  const files = new Map(loaded.files.map((f) => [f.path, f.text]));
  // Every slip of every figure, by figure: two slips of one figure would overlap.
  const byFigure = moneyLiterals(loaded.budget).map((lit) => [...figureEdits(files, lit, "all")].map((e) => e.edit));
  const slips = fc.uniqueArray(fc.tuple(fc.nat({ max: byFigure.length - 1 }), fc.nat()), { minLength: 2, maxLength: 4, selector: ([f]) => f });
  it("never throw, and every diagnostic is located in its file", () => {
    expect(byFigure.length).toBeGreaterThan(50);
    fc.assert(
      fc.property(slips, (chosen) => {
        const mutated = applyEdits(files, chosen.map(([f, k]) => byFigure[f]![k % byFigure[f]!.length]!));
        const ds = checkBudget(loadBudget(entry, { read: (q) => mutated.get(q) })).diagnostics;
        for (const d of ds) {
          expect(d.code).toMatch(/^[a-z0-9-]+$/);
          expect(d.span.start >= 0 && d.span.end <= (mutated.get(d.span.file)?.length ?? -1)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
