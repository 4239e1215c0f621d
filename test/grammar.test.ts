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
import { ENUMERATIONS, UNIT_KIND } from "../src/syntax/enumerations.js";
import { stmtRule } from "../src/syntax/parser.js";
import { UNIT_KINDS } from "../src/catalogue/catalogue.js";

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

  it("lists each closed set under every statement that takes it", () => {
    for (const e of ENUMERATIONS) {
      for (const [ctx, kw] of e.slots) {
        const at = printed.search(new RegExp(`^${stmtRule(ctx, kw)} =`, "m"));
        const note = printed.slice(at, printed.indexOf("*)", at));
        for (const v of e.values) expect(note, `${v} under ${stmtRule(ctx, kw)}`).toContain(v);
      }
    }
  });

  it("takes the unit kinds the catalogue maps", () => {
    expect([...UNIT_KIND.values]).toEqual([...UNIT_KINDS]);
  });

  it("writes each statement by its keyword and its slots", () => {
    expect(printed).toContain('project_Subject = "科目" Number [ String ] ;');
    expect(printed).toContain('department_Sections = "内设机构" String { String } ;');
    expect(printed).toContain('file_Unit = "单位" String [ "{" unitBody "}" ] ;');
  });
});
