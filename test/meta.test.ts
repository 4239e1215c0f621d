/**
 * Meta-tests: the catalogue of diagnostic codes is closed. Every code the source can
 * emit has a documented explanation (docs/diagnostics/CODE.md) and a fixture folder with
 * at least one failing and one passing fixture (the codes of reading a catalogue's sheets
 * too: their fixture budgets name a CSV catalogue, part-*.csv, in their folder, and the
 * same codes located in a workbook's sheets are tested by test/catalogue-import.test.ts); no fixture folder or explanation names
 * a code that does not exist; every rule file is named after its code and registered;
 * every source file opens with a header comment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES } from "../src/check/rules/index.js";
import { CODES } from "../src/cli/codes.js";
import { fixtureDirs, FIXTURES } from "./helpers/fixtures.js";

function walk(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const sources = walk("src").filter((f) => f.endsWith(".ts"));

/** Every declared code, from the index (cli/codes.ts). */
function emittedCodes(): Set<string> {
  return new Set(CODES.map((c) => c.code));
}

/** Where a code is raised: its rule's file, or the files that call `.diag("code"` of a table. */
function raisedIn(code: string): string[] {
  if (RULES.some((r) => r.code === code)) return [`src/check/rules/${code}.ts`];
  const re = new RegExp(`\\.diag\\(\\s*"${code}"`);
  return sources.filter((f) => re.test(fs.readFileSync(f, "utf8"))).map((f) => f.split(path.sep).join("/")).sort();
}

/** The generated table of every code: docs/diagnostics/README.md. */
function codeIndex(): string {
  const rows = CODES.map((c) => {
    const sev = [c.severity, ...(c.alsoAs ?? [])].join(" / ");
    const where = raisedIn(c.code).map((f) => `\`${f}\``).join(", ");
    return `| [${c.code}](${c.code}.md) | ${sev} | ${c.stage} | ${where} | \`test/fixtures/diagnostics/${c.code}/\` |`;
  });
  return [
    "# Diagnostic codes",
    "",
    "Every code yusuan reports, in pipeline order: its severity, the stage that raises it, the",
    "source file where it is raised, its fixtures and its explanation (`yusuan explain CODE`).",
    "A code is declared once, where it is raised (a stage's `codeTable`, or a checker rule);",
    "this table is generated from those declarations by `test/meta.test.ts`",
    "(`UPDATE_GOLDEN=1 npx vitest run test/meta.test.ts` rewrites it).",
    "",
    "| code | severity | stage | raised in | fixtures |",
    "|---|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

describe("diagnostic codes", () => {
  const codes = [...emittedCodes()].sort();
  const docs = fs.readdirSync("docs/diagnostics").filter((f) => f.endsWith(".md") && f !== "README.md").map((f) => f.slice(0, -3));
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
  it("are declared once each", () => {
    expect(CODES.length).toBe(new Set(CODES.map((c) => c.code)).size);
  });
  it("have explanations that state their declared severity and stage", () => {
    for (const c of CODES) {
      const doc = fs.readFileSync(`docs/diagnostics/${c.code}.md`, "utf8");
      const sev = [c.severity, ...(c.alsoAs ?? [])].join(" / ");
      expect(doc, c.code).toContain(`**Severity:** ${sev} · **Stage:** ${c.stage}`);
    }
  });
  it("are indexed in docs/diagnostics/README.md, generated from their declarations", () => {
    const want = codeIndex();
    if (process.env["UPDATE_GOLDEN"] === "1") fs.writeFileSync("docs/diagnostics/README.md", want);
    expect(fs.readFileSync("docs/diagnostics/README.md", "utf8")).toBe(want);
  });
  it("have no orphan explanations or fixtures", () => {
    expect(docs.filter((d) => !codes.includes(d))).toEqual([]);
    expect(dirs.filter((d) => !codes.includes(d))).toEqual([]);
  });
  it("fixture folders hold only bad-, ok- and part- files", () => {
    for (const d of dirs)
      for (const f of fs.readdirSync(path.join(FIXTURES, d))) {
        // part- folders hold whole budgets that roll-up fixtures include; an import
        // fixture's .patch.json says how to change the workbook built from its budget.
        if (fs.statSync(path.join(FIXTURES, d, f)).isDirectory()) expect(f, `${d}/${f}`).toMatch(/^part-[a-z0-9-]+$/);
        // part- files may also be the catalogue files (CSV, JSON) a fixture budget names, or an import fixture's patch.
        else expect(f, `${d}/${f}`).toMatch(/^(bad|ok|part)-[a-z0-9-]+\.(budget|txt|patch\.json)$|^part-[a-z0-9-]+\.(csv|json)$/);
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
