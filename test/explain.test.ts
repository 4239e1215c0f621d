/**
 * `yusuan explain` prints one language's half of an explanation. The explanations are
 * written as pairs, each Chinese paragraph followed by its English one; this holds the
 * selection to every explanation in docs/diagnostics: each run of paragraphs between
 * headings and examples splits into Chinese-then-English pairs, and each half keeps
 * every heading, the severity line and every example.
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { docBlocks, explanationIn } from "../src/cli/explain.js";

const DOCS = "docs/diagnostics";
const docs = fs.readdirSync(DOCS).filter((f) => f.endsWith(".md") && f !== "README.md").sort();

describe("every explanation", () => {
  for (const f of docs) {
    it(`${f} splits into Chinese and English halves`, () => {
      const text = fs.readFileSync(`${DOCS}/${f}`, "utf8");
      const blocks = docBlocks(text);
      // Between shared blocks, the paragraphs alternate: Chinese, then its English.
      const runs = blocks.map((b) => (b.lang === "both" ? "|" : b.lang === "zh" ? "z" : "e")).join("").split("|");
      for (const run of runs) expect(run, f).toMatch(/^(ze)*$/);
      expect(blocks.filter((b) => b.lang === "zh").length).toBeGreaterThanOrEqual(3);
      const zh = explanationIn(text, "zh");
      const en = explanationIn(text, "en");
      for (const b of blocks) {
        if (b.lang !== "en") expect(zh).toContain(b.text);
        if (b.lang !== "zh") expect(en).toContain(b.text);
      }
      expect(zh).not.toMatch(/^(A|An|The) /m);
    });
  }
  it("a lone paragraph goes by its own letters", () => {
    expect(docBlocks("# x\n\nOnly English here.\n").map((b) => b.lang)).toEqual(["both", "en"]);
    expect(docBlocks("# x\n\n只有中文。\n").map((b) => b.lang)).toEqual(["both", "zh"]);
  });
});
