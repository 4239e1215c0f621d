/**
 * Meta-tests: the catalogue of diagnostic codes is closed. Every code the source can
 * emit has a documented explanation (docs/diagnostics/CODE.md) and a fixture folder with
 * at least one failing and one passing fixture; no fixture folder or explanation names
 * a code that does not exist; every rule file is named after its code and registered;
 * every source file opens with a header comment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/check/rules/index.js";
import { fixtureDirs, FIXTURES } from "./helpers/fixtures.js";

function walk(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const sources = walk("src").filter((f) => f.endsWith(".ts"));

/** Codes emitted with diag("code", …) and codes declared by rules. */
function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const f of sources) {
    const t = fs.readFileSync(f, "utf8");
    for (const m of t.matchAll(/diag\(\s*"([a-z0-9-]+)"/g)) codes.add(m[1]!);
    for (const m of t.matchAll(/\bcode:\s*"([a-z0-9-]+)"/g)) if (f.includes(`${path.sep}rules${path.sep}`)) codes.add(m[1]!);
  }
  for (const r of RULES) codes.add(r.code);
  return codes;
}

describe("diagnostic codes", () => {
  const codes = [...emittedCodes()].sort();
  const docs = fs.readdirSync("docs/diagnostics").filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));
  const dirs = fixtureDirs();

  it("are kebab-case", () => {
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  it("each have an explanation", () => {
    expect(codes.filter((c) => !docs.includes(c))).toEqual([]);
  });
  it("each have a failing and a passing fixture", () => {
    const missing = codes.filter((c) => {
      if (!dirs.includes(c)) return true;
      const files = fs.readdirSync(path.join(FIXTURES, c));
      return !files.some((f) => /^bad-.*\.budget$/.test(f)) || !files.some((f) => /^ok-.*\.budget$/.test(f));
    });
    expect(missing).toEqual([]);
  });
  it("have no orphan explanations or fixtures", () => {
    expect(docs.filter((d) => !codes.includes(d))).toEqual([]);
    expect(dirs.filter((d) => !codes.includes(d))).toEqual([]);
  });
  it("fixture folders hold only bad-, ok- and part- files", () => {
    for (const d of dirs)
      for (const f of fs.readdirSync(path.join(FIXTURES, d))) {
        // part- folders hold whole budgets that roll-up fixtures include.
        if (fs.statSync(path.join(FIXTURES, d, f)).isDirectory()) expect(f, `${d}/${f}`).toMatch(/^part-[a-z0-9-]+$/);
        else expect(f, `${d}/${f}`).toMatch(/^(bad|ok|part)-[a-z0-9-]+\.(budget|txt)$/);
      }
  });
});

describe("rules", () => {
  it("are named after their file and registered once", () => {
    const files = fs.readdirSync("src/check/rules").filter((f) => f.endsWith(".ts") && f !== "index.ts").map((f) => f.slice(0, -3)).sort();
    expect(RULES.map((r) => r.code).sort()).toEqual(files);
    expect(new Set(RULES.map((r) => r.code)).size).toBe(RULES.length);
  });
  it("state their invariant in a doc comment", () => {
    for (const r of RULES) {
      const t = fs.readFileSync(`src/check/rules/${r.code}.ts`, "utf8");
      expect(t, r.code).toMatch(/^\/\*\*/);
    }
  });
});

describe("source files", () => {
  it("open with a header comment", () => {
    for (const f of sources) {
      const t = fs.readFileSync(f, "utf8");
      expect(t.trimStart().startsWith("/**") || t.trimStart().startsWith("//"), f).toBe(true);
    }
  });
});
