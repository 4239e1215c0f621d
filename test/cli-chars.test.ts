/**
 * The command line on files that are not plain UTF-8 or hold slips of the input method:
 * `check` reports a GBK, UTF-16 or unreadable file once; `build` writes nothing;
 * `fmt --check` reports and names it and writes nothing; `fmt --write` converts it to UTF-8, fixes full-width slips, and
 * writes nothing when an error remains that formatting cannot fix (a control character,
 * an undecodable file, a syntax error beside a slip); CRLF files are canonical with CRLF.
 * One test runs bin/yusuan.js on a GBK file as a real process.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { memoryIo, nodeIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

const OK = `部门 609 "示例部门" {\n  年度 2024\n}\n项目 "统计网络租用经费" {\n  科目 2010502\n  类别 其他运转类\n  一般公共预算 4,000.00万元\n}\n`;
/** 部门 609 "示例部门" { 年度 2024 } in GBK (Python's '….encode("gbk")'). */
const GBK = new Uint8Array(Buffer.from("b2bfc3c5203630392022cabec0fdb2bfc3c522207b0a2020c4eab6c820323032340a7d0a", "hex"));
const HEADER = '部门 609 "示例部门" {\n  年度 2024\n}\n';
const UNREADABLE = new Uint8Array([0xb2, 0xbf, 0xff, 0xff, 0x0a]);
const SLIPS = OK.replace("4,000.00万元", "4，000.00万元").replace('"统计网络租用经费"', "“统计网络租用经费”");

interface Json {
  diagnostics: { code: string; severity: string; line: number; column: number }[];
}

/** The files of an Io after a command, to compare with before: nothing written. */
function snapshot(files: Record<string, string | Uint8Array>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? `text:${v}` : `bytes:${Buffer.from(v).toString("hex")}`]));
}

describe("the GBK sample", () => {
  it("is the department header in GBK, not valid UTF-8", () => {
    expect(new TextDecoder("gbk").decode(GBK)).toBe(HEADER);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(GBK)).toThrow();
  });
});

describe("yusuan check of a file not in UTF-8", () => {
  it("reports a GBK file once, at its start, and nothing else", async () => {
    const io = memoryIo({ "g.budget": GBK });
    const before = snapshot(io.files);
    expect(await main(["check", "--format", "json", "g.budget"], io)).toBe(1);
    const j = JSON.parse(io.stdout) as Json;
    expect(j.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([["file-encoding", "error", 1, 1]]);
    expect(snapshot(io.files)).toEqual(before);
  });
  it("names the encoding and the command that converts it", async () => {
    const io = memoryIo({ "g.budget": GBK });
    await main(["check", "g.budget"], io);
    expect(io.stdout).toContain("GB18030（GBK）");
    expect(io.stdout).toContain("yusuan fmt --write g.budget");
  });
  it("reports a UTF-16 file once", async () => {
    const io = memoryIo({ "u.budget": new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OK, "utf16le")])) });
    const before = snapshot(io.files);
    expect(await main(["check", "--format", "json", "u.budget"], io)).toBe(1);
    expect((JSON.parse(io.stdout) as Json).diagnostics.map((d) => d.code)).toEqual(["file-encoding"]);
    expect(snapshot(io.files)).toEqual(before);
  });
  it("reports an undecodable file once, without its mojibake", async () => {
    const io = memoryIo({ "x.budget": UNREADABLE });
    const before = snapshot(io.files);
    expect(await main(["check", "--format", "json", "x.budget"], io)).toBe(1);
    expect(snapshot(io.files)).toEqual(before);
    const codes = (JSON.parse(io.stdout) as Json).diagnostics.map((d) => d.code);
    expect(codes[0]).toBe("file-encoding");
    expect(codes.filter((c) => c === "file-encoding" || c.startsWith("unexpected") || c === "syntax-error")).toEqual(["file-encoding"]);
  });
});

describe("yusuan build of a file not in UTF-8 or with a slip", () => {
  it("exits 1 and writes nothing", async () => {
    for (const content of [GBK, SLIPS]) {
      const dir = fs.mkdtempSync("/tmp/yusuan-chars-build-");
      fs.writeFileSync(`${dir}/g.budget`, content);
      const io = { ...nodeIo(), out: () => {}, err: () => {} };
      expect(await main(["build", "--format", "json", "--out", `${dir}/out`, `${dir}/g.budget`], io)).toBe(1);
      expect(fs.readdirSync(dir)).toEqual(["g.budget"]);
      expect(Buffer.from(fs.readFileSync(`${dir}/g.budget`)).equals(Buffer.from(content))).toBe(true);
    }
  });
});

describe("yusuan fmt and encodings", () => {
  it("--check reports a GBK file, names it, exits 1 and writes nothing", async () => {
    const io = memoryIo({ "g.budget": GBK });
    const before = snapshot(io.files);
    expect(await main(["fmt", "--check", "g.budget"], io)).toBe(1);
    expect(io.stdout).toBe("g.budget\n");
    expect(io.stderr).toContain("[file-encoding]");
    expect(snapshot(io.files)).toEqual(before);
  });
  it("--write converts a GBK file to UTF-8, keeping its content", async () => {
    const io = memoryIo({ "g.budget": GBK });
    expect(await main(["fmt", "--write", "g.budget"], io)).toBe(0);
    expect(io.files["g.budget"]).toBe(HEADER);
    expect(await main(["fmt", "--check", "g.budget"], io)).toBe(0);
  });
  it("--write leaves an undecodable file alone and exits 1", async () => {
    const io = memoryIo({ "x.budget": UNREADABLE });
    const before = snapshot(io.files);
    expect(await main(["fmt", "--write", "x.budget"], io)).toBe(1);
    expect(io.stderr).toContain("[file-encoding]");
    expect(snapshot(io.files)).toEqual(before);
  });
});

describe("yusuan fmt and full-width slips", () => {
  it("check reports each slip where it stands", async () => {
    const io = memoryIo({ "s.budget": SLIPS });
    expect(await main(["check", "--format", "json", "s.budget"], io)).toBe(1);
    expect(io.files).toEqual({ "s.budget": SLIPS });
    expect((JSON.parse(io.stdout) as Json).diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["full-width-character", 4, 4],
      ["full-width-character", 7, 11],
    ]);
  });
  it("--check reports them, names the file, exits 1 and writes nothing", async () => {
    const io = memoryIo({ "s.budget": SLIPS });
    expect(await main(["fmt", "--check", "s.budget"], io)).toBe(1);
    expect(io.stdout).toBe("s.budget\n");
    expect(io.stderr).toContain("[full-width-character]");
    expect(io.files["s.budget"]).toBe(SLIPS);
  });
  it("--write fixes them, and the budget then checks as the one typed right", async () => {
    const io = memoryIo({ "s.budget": SLIPS, "ok.budget": OK });
    expect(await main(["fmt", "--write", "s.budget"], io)).toBe(0);
    expect(io.files["s.budget"]).toBe(OK);
    const a = memoryIo({ "s.budget": io.files["s.budget"]! });
    const b = memoryIo({ "s.budget": OK });
    expect(await main(["check", "--format", "json", "s.budget"], a)).toBe(await main(["check", "--format", "json", "s.budget"], b));
    expect(a.stdout).toBe(b.stdout);
  });
  it("--write writes nothing when a syntax error stands beside a slip", async () => {
    const bad = SLIPS.replace("年度 2024", "年度 2024 @");
    const io = memoryIo({ "s.budget": bad });
    expect(await main(["fmt", "--write", "s.budget"], io)).toBe(1);
    expect(io.stderr).toContain("[unexpected-character]");
    expect(io.files["s.budget"]).toBe(bad);
  });
  it("--write writes nothing for a control character", async () => {
    const bad = OK.replace("统计网络", "统计\u200b网络");
    const io = memoryIo({ "c.budget": bad });
    expect(await main(["fmt", "--write", "c.budget"], io)).toBe(1);
    expect(io.stderr).toContain("[control-character]");
    expect(io.files["c.budget"]).toBe(bad);
  });
});

describe("yusuan fmt and line endings", () => {
  const crlf = OK.replace(/\n/g, "\r\n");
  it("--check accepts a canonical file with CRLF line endings", async () => {
    const io = memoryIo({ "w.budget": crlf });
    expect(await main(["fmt", "--check", "w.budget"], io)).toBe(0);
    expect(io.stdout).toBe("");
    expect(io.files).toEqual({ "w.budget": crlf });
  });
  it("--write keeps CRLF line endings", async () => {
    const io = memoryIo({ "w.budget": crlf.replace("  年度", "      年度") });
    expect(await main(["fmt", "--write", "w.budget"], io)).toBe(0);
    expect(io.files["w.budget"]).toBe(crlf);
  });
  it("--check names a file of mixed line endings, and --write makes them the first one", async () => {
    const mixed = crlf.replace("年度 2024\r\n", "年度 2024\n");
    const io = memoryIo({ "w.budget": mixed });
    expect(await main(["fmt", "--check", "w.budget"], io)).toBe(1);
    expect(io.files["w.budget"]).toBe(mixed);
    expect(await main(["fmt", "--write", "w.budget"], io)).toBe(0);
    expect(io.files["w.budget"]).toBe(crlf);
  });
});

describe("the yusuan process on a GBK file", () => {
  const run = (args: string[]) => spawnSync(process.execPath, ["bin/yusuan.js", ...args], { encoding: "utf8" });
  it("check reports it once; fmt --check writes nothing; fmt --write converts it", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-chars-");
    const f = `${dir}/g.budget`;
    fs.writeFileSync(f, GBK);
    const c = run(["check", "--format", "json", f]);
    expect(c.status).toBe(1);
    expect((JSON.parse(c.stdout) as Json).diagnostics.map((d) => d.code)).toEqual(["file-encoding"]);
    const k = run(["fmt", "--check", f]);
    expect(k.status).toBe(1);
    expect(Buffer.from(fs.readFileSync(f)).equals(Buffer.from(GBK))).toBe(true);
    const w = run(["fmt", "--write", f]);
    expect(w.status).toBe(0);
    expect(fs.readFileSync(f, "utf8")).toBe(HEADER);
    expect(fs.readdirSync(dir)).toEqual(["g.budget"]);
  });
});
