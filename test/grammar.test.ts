/**
 * The committed grammar (grammar/yusuan.ebnf) must be what the parser prints, and must
 * name every keyword in both spellings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printEbnf } from "../src/syntax/ebnf.js";
import { KEYWORDS } from "../src/syntax/keywords.js";
import { CONTEXTS } from "../src/syntax/schema.js";

const root = join(import.meta.dirname, "..");
const committed = readFileSync(join(root, "grammar", "yusuan.ebnf"), "utf8");
const printed = printEbnf();

describe("grammar/yusuan.ebnf", () => {
  it("is what the parser prints", () => {
    // The message names the fix, since a plain diff of two long texts does not.
    expect(committed === printed, "grammar/yusuan.ebnf is out of date: run `npm run build && node scripts/gen-grammar.mjs`").toBe(true);
  });

  it("gives every keyword in both spellings", () => {
    for (const k of KEYWORDS) {
      expect(committed, `keyword ${k.name}`).toContain(`"${k.zh}" | "${k.en}"`);
    }
  });

  it("has one production per statement and per body, and no recovery", () => {
    for (const [ctx, specs] of Object.entries(CONTEXTS)) {
      expect(committed).toMatch(new RegExp(`^${ctx}Body =`, "m"));
      for (const spec of specs) expect(committed).toMatch(new RegExp(`^${ctx}_${spec.kw} =`, "m"));
    }
    const syntax = printed.slice(printed.indexOf("Syntax."));
    expect(syntax).not.toMatch(/\bJunk\b/);
    expect(syntax).not.toMatch(/\bBad(?:String|Text)\b/);
  });

  it("writes each statement by its keyword and its slots", () => {
    expect(printed).toContain('project_Subject = "科目" Number [ String ] ;');
    expect(printed).toContain('department_Sections = "内设机构" String { String } ;');
    expect(printed).toContain('file_Unit = "单位" String [ "{" unitBody "}" ] ;');
  });
});
