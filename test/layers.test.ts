/**
 * The pipeline's direction: a module imports only from its own stage and the stages to
 * its left (base → syntax → catalogue → model → check → diff, render → import, lsp → cli). Static
 * imports, type-only imports, re-exports and dynamic imports all count, since each is a
 * dependency a later reader has to follow. A new folder under src/ must be placed here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

/** Each stage's rank; stages of one rank may not import each other. */
const RANK: Readonly<Record<string, number>> = {
  base: 0,
  syntax: 1,
  catalogue: 2,
  model: 3,
  check: 4,
  diff: 5,
  render: 5,
  import: 6,
  lsp: 6,
  cli: 7,
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const stageOf = (file: string): string => path.relative("src", file).split(path.sep)[0]!;

/** The relative module specifiers a file imports, re-exports or imports dynamically. */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*"(\.[^"]+)"/g)) out.push(m[1]!);
  for (const m of text.matchAll(/\bimport\(\s*"(\.[^"]+)"\s*\)/g)) out.push(m[1]!);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s*"(\.[^"]+)"/g)) out.push(m[1]!);
  return out;
}

describe("the pipeline", () => {
  const files = walk("src").filter((f) => f.split(path.sep).length > 2);

  it("places every folder of src/ in a stage", () => {
    const stages = [...new Set(files.map(stageOf))].sort();
    expect(stages.filter((s) => RANK[s] === undefined)).toEqual([]);
  });

  it("imports only leftwards", () => {
    const wrong: string[] = [];
    let count = 0;
    for (const f of files) {
      const from = stageOf(f);
      for (const spec of imports(f)) {
        const target = path.join(path.dirname(f), spec);
        const to = stageOf(target);
        count++;
        if (to === from) continue;
        if (RANK[to] === undefined || RANK[to]! >= RANK[from]!) wrong.push(`${f} → ${spec} (${from} → ${to})`);
      }
    }
    expect(count).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
