/**
 * Bad input never crashes: each as-published transcription (the Shanxi reference and the
 * Shanghai 商务委 2025) truncated at every line and at many offsets, with any one line
 * deleted or duplicated, still yields located, coded diagnostics that render as JSON, and
 * never an exception. And the slips budget officers make with money (bench/mutate.mjs:
 * every figure ×10ⁿ, ÷10⁴, negated, its unit swapped, each digit changed to every other,
 * dropped or doubled; amounts moved between projects; codes changed; every line deleted
 * or duplicated) never crash the check of the reference budget or of either transcription,
 * and none that slips a figure the budget states twice passes the reference without an
 * error.
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBudget } from "../src/check/check.js";
import { wan, yuanGrouped } from "../src/base/money.js";
import { figures } from "../src/model/provenance.js";
import { bucket, lineMutants, mutants } from "../bench/mutate.mjs";
import { diagnosticsJson } from "../src/cli/report.js";
import { loadBudget } from "../src/syntax/load.js";

const ENTRY = "test/fixtures/as-published/jinzhong-econ-ops-2024.budget";
/** The as-published transcriptions: each a single file that states the document's errors. */
const AS_PUBLISHED = [ENTRY, "test/fixtures/as-published/shanghai-putuo-commerce-2025.budget"];

function checkText(entry: string, text: string): void {
  const loaded = loadBudget(entry, { read: (p) => (p === entry ? text : undefined) });
  const ds = checkBudget(loaded).diagnostics;
  const json = JSON.parse(diagnosticsJson(ds, { get: (p) => loaded.files.find((f) => f.path === p) }, "zh")) as {
    diagnostics: { code: string; line: number; column: number }[];
  };
  for (const d of json.diagnostics) {
    expect(d.code).toMatch(/^[a-z0-9-]+$/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

describe.each(AS_PUBLISHED)("the as-published transcription %s, damaged", (entry) => {
  const text = fs.readFileSync(entry, "utf8");
  const lines = text.split("\n");
  it("truncated at every line and every 61st offset", () => {
    let at = 0;
    for (const l of lines) {
      at += l.length + 1;
      checkText(entry, text.slice(0, at));
    }
    for (let i = 0; i < text.length; i += 61) checkText(entry, text.slice(0, i));
  });
  it("with any one line deleted", () => {
    for (let k = 0; k < lines.length; k++) checkText(entry, [...lines.slice(0, k), ...lines.slice(k + 1)].join("\n"));
  });
  it("with any one line duplicated", () => {
    for (let k = 0; k < lines.length; k++) checkText(entry, [...lines.slice(0, k + 1), ...lines.slice(k)].join("\n"));
  });
});

/** The files of a budget as its check reads them, and its AST. */
function budgetFiles(entry: string) {
  const loaded = loadBudget(entry, { read: (p) => (fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined) });
  return { files: new Map(loaded.files.map((f) => [f.path, f.text])), budget: loaded.budget };
}

/**
 * Checks a mutant in process, never an exception; a diagnostic without a code or outside
 * its file is added to `bad` (one expect at the end: thousands of them would be slow).
 */
function checkMutant(entry: string, files: Map<string, string>, bad: string[]) {
  const loaded = loadBudget(entry, { read: (p) => files.get(p) });
  const checked = checkBudget(loaded);
  for (const d of checked.diagnostics) {
    const text = files.get(d.span.file);
    if (!CODE.test(d.code) || text === undefined || d.span.start < 0 || d.span.end > text.length) bad.push(`${d.code} at ${d.span.file}:${d.span.start}`);
  }
  return checked;
}

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The published money figures, as printed, by JSON pointer. */
function printed(checked: ReturnType<typeof checkBudget>): Map<string, string> {
  return new Map(figures(checked.derivation.publication()).map((f) => [f.pointer, f.unit === "万元" ? wan(f.fen) : yuanGrouped(f.fen)]));
}

describe("money slips", () => {
  it("of the reference budget never crash, and none of a figure it states twice passes without an error", () => {
    const entry = "budgets/jinzhong-econ-ops-2024.budget";
    const { files, budget } = budgetFiles(entry);
    const bad: string[] = [];
    const reference = printed(checkMutant(entry, files, bad));
    let n = 0;
    const missed: string[] = [];
    for (const m of mutants(files, budget, () => [], { digits: "all" })) {
      n++;
      const checked = checkMutant(entry, m.files, bad);
      if (checked.diagnostics.some((d) => d.severity === "error")) continue;
      const figs = printed(checked);
      const changed = figs.size !== reference.size || [...figs].some(([k, v]) => reference.get(k) !== v);
      if (changed && bucket(m, budget) === "missing check") missed.push(m.id);
    }
    for (const m of lineMutants(files)) {
      n++;
      checkMutant(entry, m.files, bad);
    }
    expect(bad).toEqual([]);
    expect(missed).toEqual([]);
    expect(n).toBeGreaterThan(5000);
  });
  // The count each transcription's figures give at least: the loop cannot pass by running zero times.
  it.each([
    [ENTRY, 6000],
    [AS_PUBLISHED[1]!, 3000],
  ])("of the as-published transcription %s never crash", (entry, least) => {
    const { files, budget } = budgetFiles(entry);
    const bad: string[] = [];
    let n = 0;
    for (const m of mutants(files, budget, () => [], { digits: "all" })) {
      n++;
      checkMutant(entry, m.files, bad);
    }
    expect(bad).toEqual([]);
    expect(n).toBeGreaterThan(least);
  });
});
