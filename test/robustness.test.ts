/**
 * Bad input never crashes: the reference budget truncated at every line and at many
 * offsets, with any one line deleted or duplicated, still yields located, coded
 * diagnostics that render as JSON, and never an exception.
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBudget } from "../src/check/check.js";
import { diagnosticsJson } from "../src/cli/report.js";
import { loadBudget } from "../src/syntax/load.js";

const ENTRY = "test/fixtures/as-published/jinzhong-econ-ops-2024.budget";

function checkText(text: string): void {
  const loaded = loadBudget(ENTRY, { read: (p) => (p === ENTRY ? text : undefined) });
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

describe("the as-published reference, damaged", () => {
  const text = fs.readFileSync(ENTRY, "utf8");
  const lines = text.split("\n");
  it("truncated at every line and every 61st offset", () => {
    let at = 0;
    for (const l of lines) {
      at += l.length + 1;
      checkText(text.slice(0, at));
    }
    for (let i = 0; i < text.length; i += 61) checkText(text.slice(0, i));
  });
  it("with any one line deleted", () => {
    for (let k = 0; k < lines.length; k++) checkText([...lines.slice(0, k), ...lines.slice(k + 1)].join("\n"));
  });
  it("with any one line duplicated", () => {
    for (let k = 0; k < lines.length; k++) checkText([...lines.slice(0, k + 1), ...lines.slice(k)].join("\n"));
  });
});
