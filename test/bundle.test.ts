/**
 * The CLI runs from the esbuild bundle (scripts/bundle.mjs). These tests read the
 * bundle's metafile and hold `check`, the command run on every save, to what it needs:
 * its static import closure holds no parser generator (Chevrotain, only for text the fast
 * parser rejects), no zod (only for a catalogue JSON file), no workbook reader (exceljs,
 * only for a .xlsx catalogue), and no templates, charts, JSON model, browser code, roll-up
 * threads, or the language server, the preview and the starter. `npm test` builds the
 * bundle first.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Meta {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}
const meta = JSON.parse(readFileSync(new URL("../dist/bundle/meta.json", import.meta.url), "utf8")) as Meta;

function outputOf(entry: string): string {
  const found = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entry);
  if (!found) throw new Error(`no bundle output for ${entry}`);
  return found[0];
}

/** Every source module loaded, without any dynamic import, once `outputs` are loaded. */
function staticInputs(...outputs: string[]): Set<string> {
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (o: string) => {
    if (seen.has(o) || !meta.outputs[o]) return;
    seen.add(o);
    for (const i of Object.keys(meta.outputs[o]!.inputs)) inputs.add(i);
    for (const imp of meta.outputs[o]!.imports) if (imp.kind === "import-statement" && !imp.external) visit(imp.path);
  };
  outputs.forEach(visit);
  return inputs;
}

const FORBIDDEN_ON_CHECK = ["node_modules/exceljs/", "dist/cli/xlsx.js", "dist/cli/catalogue-command.js", "node_modules/chevrotain/", "node_modules/lodash-es/", "node_modules/zod/", "node_modules/handlebars/", "node_modules/echarts/", "node_modules/playwright-core/", "dist/render/", "dist/model/types.js", "dist/model/json.js", "dist/syntax/parser.js", "dist/cli/pool.js", "dist/cli/worker.js", "dist/cli/emit.js", "node_modules/vscode-languageserver", "node_modules/vscode-jsonrpc", "dist/lsp/", "dist/cli/lsp.js", "dist/cli/serve.js", "dist/cli/init.js"];

describe("the bundle", () => {
  const main = outputOf("dist/cli/main.js");
  const check = outputOf("dist/cli/check.js");
  const onCheck = [...staticInputs(main, check)];

  it("loads for `check` only what checking needs", () => {
    for (const f of FORBIDDEN_ON_CHECK) expect(onCheck.filter((i) => i.includes(f)), f).toEqual([]);
    // It does hold the fast parser, the loader and every rule.
    for (const f of ["dist/syntax/fast.js", "dist/syntax/load.js", "dist/check/rules/index.js"]) expect(onCheck).toContain(f);
  });

  it("loads the full parser and the catalogue schema lazily, as their own chunks", () => {
    const parser = outputOf("dist/syntax/parser.js");
    const file = outputOf("dist/catalogue/file.js");
    const lazily = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.kind === "dynamic-import").map((i) => i.path));
    expect(lazily).toContain(parser);
    expect(lazily).toContain(file);
    expect([...staticInputs(parser)].some((i) => i.includes("node_modules/chevrotain/"))).toBe(true);
  });
});
