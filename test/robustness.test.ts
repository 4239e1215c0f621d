/**
 * Bad input never crashes: the reference budget truncated at every line and at many
 * offsets, with any one line deleted or duplicated, still yields located, coded
 * diagnostics that render as JSON, and never an exception. And the slips budget officers
 * make with money (bench/mutate.mjs: every figure ×10ⁿ, ÷10⁴, negated, its unit swapped,
 * each digit changed to every other, dropped or doubled; amounts moved between projects;
 * codes changed; every line deleted or duplicated) never crash the check of either
 * reference budget, and none that slips a figure the budget states twice passes the
 * reference without an error. The as-published Shanghai transcriptions (万里街道 2024 and
 * 商务委 2025) are damaged and mutated too; the 万里 one reports exactly the contradictions
 * of its document that a source can state, each at its line (the 商务委 one's are asserted
 * in shanghai-commerce.test.ts).
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBudget } from "../src/check/check.js";
import { wan, yuanGrouped } from "../src/base/money.js";
import { figures } from "../src/model/provenance.js";
import { bucket, lineMutants, mutants } from "../bench/mutate.mjs";
import { diagnosticsJson } from "../src/cli/report.js";
import { loadBudget } from "../src/syntax/load.js";
import { Profiles } from "../src/cli/profiles.js";
import { nodeIo } from "../src/cli/io.js";

const ENTRY = "test/fixtures/as-published/jinzhong-econ-ops-2024.budget";
const SHANGHAI = "test/fixtures/as-published/shanghai-putuo-wanli-2024.budget";
const COMMERCE = "test/fixtures/as-published/shanghai-putuo-commerce-2025.budget";

function checkText(text: string, entry = ENTRY): void {
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

for (const entry of [ENTRY, SHANGHAI, COMMERCE]) {
  describe(`the as-published transcription ${entry}, damaged`, () => {
    const text = fs.readFileSync(entry, "utf8");
    const lines = text.split("\n");
    it("truncated at every line and every 61st offset", () => {
      let at = 0;
      for (const l of lines) {
        at += l.length + 1;
        checkText(text.slice(0, at), entry);
      }
      for (let i = 0; i < text.length; i += 61) checkText(text.slice(0, i), entry);
    });
    it("with any one line deleted", () => {
      for (let k = 0; k < lines.length; k++) checkText([...lines.slice(0, k), ...lines.slice(k + 1)].join("\n"), entry);
    });
    it("with any one line duplicated", () => {
      for (let k = 0; k < lines.length; k++) checkText([...lines.slice(0, k + 1), ...lines.slice(k)].join("\n"), entry);
    });
  });
}

describe("the as-published Shanghai transcription", () => {
  it("reports each contradiction of its document that the source states, at its line", () => {
    const loaded = loadBudget(SHANGHAI, { read: (p) => (fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined) });
    const ds = checkBudget(loaded, undefined, undefined, { profiles: new Profiles(nodeIo()) }).diagnostics;
    const text = loaded.files.find((f) => f.path === SHANGHAI)!.text;
    const at = (offset: number) => text.slice(0, offset).split("\n").length;
    expect(ds.map((d) => [d.code, d.severity, d.span.file, at(d.span.start), text.slice(d.span.start, d.span.end)])).toEqual([
      // Item 26 (L164–L166): 城管执法's purpose is 2120102's (城乡社区管理事务一般行政管理事务).
      ["copied-text", "warning", SHANGHAI, 330, '"城乡社区管理事务一般行政管理事务"'],
      // Item 31 (L181–L182): 350.35万元, and in the same sentence “2024年预算安排352.67万元”.
      ["duplicate-figure", "error", SHANGHAI, 336, "2210201"],
      ["purpose-amount-mismatch", "error", SHANGHAI, 336, "352.67万元"],
      // Item 4 (L95–L97): 减少2.98%, explained as 经费增加.
      ["reason-contradicts-change", "warning", SHANGHAI, 367, "增加"],
      // Item 15 (L129–L131): 职业年金's reason is 事业单位离退休's.
      ["copied-text", "warning", SHANGHAI, 389, '"事业单位离退休经费增加"'],
      // Item 26 (L164–L166): 城管执法's reason is 2120102's too.
      ["copied-text", "warning", SHANGHAI, 411, '"城乡社区管理事务一般行政管理事务经费减少"'],
    ]);
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
  for (const [entry, least] of [[ENTRY, 6000], [SHANGHAI, 5000], [COMMERCE, 3000]] as const) {
    it(`of the as-published transcription ${entry} never crash`, () => {
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
  }
});
