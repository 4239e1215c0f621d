/**
 * The VS Code extension is packaged as a .vsix (scripts/vsix.mjs, the same script
 * `npm run vsix` runs), and the package holds what an offline install needs: the
 * client, the bundled language server, the grammar of grammar/ and the diagnostics'
 * explanations. The bundled server is started as VS Code starts it, with plain Node,
 * and answers.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { LspClient, uriOf } from "./helpers/lsp-client.js";

/** The files of a zip archive, by name: its central directory, then each entry's data. */
function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe("the VS Code extension", () => {
  let files: Map<string, Buffer>;
  beforeAll(() => {
    const out = path.join(fs.mkdtempSync("/tmp/yusuan-vsix-"), "yusuan.vsix");
    const r = spawnSync(process.execPath, ["scripts/vsix.mjs", "--out", out], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    files = unzip(fs.readFileSync(out));
  });

  it("packages the client, the server, the grammar and the explanations", () => {
    for (const f of ["extension.vsixmanifest", "extension/package.json", "extension/dist/extension.js", "extension/dist/server.mjs", "extension/language-configuration.json"]) {
      expect(files.has(f), f).toBe(true);
    }
    expect(files.get("extension/syntaxes/yusuan.tmLanguage.json")!.toString("utf8")).toBe(fs.readFileSync("grammar/yusuan.tmLanguage.json", "utf8"));
    expect(files.get("extension/docs/diagnostics/money-unit.md")!.toString("utf8")).toBe(fs.readFileSync("docs/diagnostics/money-unit.md", "utf8"));
    const manifest = JSON.parse(files.get("extension/package.json")!.toString("utf8")) as { main: string; contributes: { languages: { extensions: string[] }[] } };
    expect(manifest.main).toBe("./dist/extension.js");
    expect(manifest.contributes.languages[0]!.extensions).toEqual([".budget"]);
    // No source, no dependency folder: everything runs from the two bundles.
    expect([...files.keys()].filter((f) => f.includes("node_modules") || f.endsWith(".ts"))).toEqual([]);
  });

  it("bundles a server that runs with plain Node and checks a budget", async () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-vsix-server-");
    const file = path.join(dir, "b.budget");
    const text = `部门 609 "示例部门" {\n  年度 2024\n}\n项目 "甲" {\n  科目 2010401\n  类别 其他运转类\n  一般公共预算 0.60\n}\n`;
    fs.writeFileSync(file, text);
    const client = new LspClient(["editors/vscode/dist/server.mjs", "--stdio"]);
    try {
      await client.initialize(dir, { lang: "en" });
      const next = client.reporting(uriOf(file), "money-unit");
      client.open(uriOf(file), text);
      const ds = await next;
      expect(ds.find((d) => d.code === "money-unit")!.message).toContain("needs the unit 万元 or 元");
      expect(ds.find((d) => d.code === "money-unit")).toMatchObject({ codeDescription: { href: expect.stringMatching(/editors\/vscode\/docs\/diagnostics\/money-unit\.md$/) } });
    } finally {
      await client.close();
    }
  });
});
