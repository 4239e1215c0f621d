/**
 * The command line, in-process with files in memory: exit codes, the JSON shape of
 * diagnostics, fmt --check and --write, explain, usage errors. One smoke test runs
 * bin/yusuan.js as a real process on garbage and on a truncated budget.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { memoryIo, nodeIo } from "../src/cli/io.js";

const OK = `部门 609 "示例部门" {\n  年度 2024\n}\n`;
const MESSY = `部门   609 "示例部门" {   年度 2024 }\n`;
const BAD = `部门 609 "示例部门" {\n  年度 2024\n}\n项目 "甲" {\n  科目 2010402\n  类别 其他运转类\n  一般公共预算 0.60\n}\n`;

describe("yusuan check", () => {
  it("exits 1 on errors and prints located JSON diagnostics", async () => {
    const io = memoryIo({ "b.budget": BAD });
    expect(await main(["check", "--format", "json", "b.budget"], io)).toBe(1);
    const j = JSON.parse(io.stdout) as { diagnostics: Record<string, unknown>[] };
    const d = j.diagnostics.find((x) => x["code"] === "money-unit")!;
    expect(d).toMatchObject({ severity: "error", file: "b.budget", line: 7, column: 10, endLine: 7, endColumn: 14 });
    expect(Object.keys(d).slice(0, 10)).toEqual(["code", "severity", "message", "file", "line", "column", "endLine", "endColumn", "related", "hint"]);
  });
  it("speaks English with --lang en", async () => {
    const io = memoryIo({ "b.budget": BAD });
    await main(["check", "--lang", "en", "b.budget"], io);
    expect(io.stdout).toContain("needs the unit 万元 or 元");
    expect(io.stdout).toContain("error[money-unit]");
  });
  it("shows a code frame", async () => {
    const io = memoryIo({ "b.budget": BAD });
    await main(["check", "b.budget"], io);
    expect(io.stdout).toMatch(/> 7 \|   一般公共预算 0\.60\n\s+\|\s+\^\^\^\^/);
  });
  it("exits 2 on usage errors", async () => {
    const io = memoryIo({});
    expect(await main(["check"], io)).toBe(2);
    expect(await main(["frobnicate"], io)).toBe(2);
    expect(await main(["check", "--jobs", "0", "b.budget"], io)).toBe(2);
    expect(await main(["build", "--jobs", "1.5", "--out", "o", "b.budget"], io)).toBe(2);
    expect(io.stderr).toContain("--jobs 取 1 到 64 之间的整数");
    expect(io.stderr).toContain("yusuan --help");
  });
  it("prints at most 50 diagnostics per file, errors first, and counts the rest; JSON lists them all", async () => {
    const text = `部门 609 "示例部门" {\n  年度 2024\n}\n` + "@\n".repeat(60);
    for (const lang of ["zh", "en"] as const) {
      const io = memoryIo({ "g.budget": text });
      expect(await main(["check", "--lang", lang, "g.budget"], io)).toBe(1);
      expect(io.stdout.match(/\[unexpected-character\]/g)).toHaveLength(50);
      expect(io.stdout).toContain(lang === "zh" ? "g.budget 另有 10 条诊断未显示" : "and 10 more in g.budget");
      expect(io.stdout).toContain(lang === "zh" ? "60 个错误" : "60 error(s)");
    }
    const io = memoryIo({ "g.budget": text });
    await main(["check", "--format", "json", "g.budget"], io);
    expect((JSON.parse(io.stdout) as { diagnostics: unknown[] }).diagnostics).toHaveLength(60);
    // Warnings never hide an error: with 50 warnings before it, the error is the one shown.
    const { diagnosticsText } = await import("../src/cli/report.js");
    const warn = (i: number) => ({ code: "w", severity: "warning" as const, message: { zh: `w${i}`, en: `w${i}` }, span: { file: "f", start: i, end: i }, related: [] });
    const err = { code: "e", severity: "error" as const, message: { zh: "e", en: "e" }, span: { file: "f", start: 99, end: 99 }, related: [] };
    const out = diagnosticsText([...Array.from({ length: 55 }, (_, i) => warn(i)), err], { get: () => undefined }, "en", false);
    expect(out).toContain("error[e]");
    expect(out).toContain("warning[w]: w48");
    expect(out).not.toContain("warning[w]: w49");
    expect(out).toContain("and 6 more in f");
  });
  it("frames a region over many lines by its first line, however long the file", async () => {
    // A text block that never closes, where no statement takes it: one region to the end of the file.
    const io = memoryIo({ "t.budget": `部门 609 "示例部门" {\n  年度 2024\n}\n"""开始\n` + "一行\n".repeat(100_000) });
    expect(await main(["check", "t.budget"], io)).toBe(1);
    expect(io.stdout).toContain("错误[unexpected-token]");
    expect(io.stdout).toMatch(/> 4 \| """开始\n\s+\| \^\^\^\^\^\^\^\n  5 \| 一行\n  =/);
    expect(io.stdout.length).toBeLessThan(2000);
  });
  it("reports a missing file as a diagnostic", async () => {
    const io = memoryIo({});
    expect(await main(["check", "--format", "json", "nope.budget"], io)).toBe(1);
    expect(io.stdout).toContain("include-not-found");
  });
});

describe("yusuan fmt", () => {
  it("prints the canonical form", async () => {
    const io = memoryIo({ "a.budget": MESSY });
    expect(await main(["fmt", "a.budget"], io)).toBe(0);
    expect(io.stdout).toBe(OK);
  });
  it("--check names files that are not canonical and exits 1", async () => {
    const io = memoryIo({ "a.budget": MESSY, "b.budget": OK });
    expect(await main(["fmt", "--check", "a.budget", "b.budget"], io)).toBe(1);
    expect(io.stdout).toBe("a.budget\n");
  });
  it("--write rewrites in place", async () => {
    const io = memoryIo({ "a.budget": MESSY });
    expect(await main(["fmt", "--write", "a.budget"], io)).toBe(0);
    expect(io.files["a.budget"]).toBe(OK);
  });
  it("refuses files with syntax errors", async () => {
    const io = memoryIo({ "a.budget": "部门 {" });
    expect(await main(["fmt", "--write", "a.budget"], io)).toBe(1);
    expect(io.files["a.budget"]).toBe("部门 {");
  });
});

describe("yusuan explain", () => {
  it("explains a known code", async () => {
    const io = memoryIo({});
    const real = (await import("../src/cli/io.js")).nodeIo();
    const mixed = { ...io, readFile: real.readFile, listDir: real.listDir };
    expect(await main(["explain", "money-unit"], mixed)).toBe(0);
    expect(io.stdout).toContain("# money-unit");
  });
  it("exits 2 on an unknown code", async () => {
    const io = memoryIo({});
    expect(await main(["explain", "no-such-code"], io)).toBe(2);
  });
});

describe("files are admitted before they are read", () => {
  const HEAD = `部门 609 "示例部门" {\n  年度 2024\n}\n`;
  /** Checks, in-process on the real file system, and returns the exit code and output. */
  async function checkReal(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const real = nodeIo();
    let out = "";
    let err = "";
    const io = { ...real, isTTY: false, out: (t: string) => void (out += t), err: (t: string) => void (err += t) };
    const code = await main(["check", "--lang", "en", ...args], io);
    return { code, out, err };
  }
  it("refuses an include that links outside the root, and never shows its content", async () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-files-");
    fs.writeFileSync(`${dir}/b.budget`, `${HEAD}引用 "link.budget"\n`);
    fs.symlinkSync("/etc/passwd", `${dir}/link.budget`);
    const r = await checkReal(`${dir}/b.budget`);
    expect(r.code).toBe(1);
    expect(r.out).toContain("error[include-outside-root]");
    expect(r.out).toContain(`${dir}/b.budget:4:4`);
    expect(r.out).not.toMatch(/root:/);
    fs.rmSync(dir, { recursive: true });
  });
  it("refuses a named pipe and a device unread, at once", async () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-files-");
    spawnSync("mkfifo", [`${dir}/pipe.budget`]);
    fs.writeFileSync(`${dir}/b.budget`, `${HEAD}引用 "pipe.budget"\n上年 {\n  源文件 "../../../../../../dev/zero"\n}\n`);
    const r = await checkReal(`${dir}/b.budget`);
    expect(r.code).toBe(1);
    expect(r.out).toContain("error[file-not-regular]: the included file pipe.budget is a named pipe");
    expect(r.out).toContain(`${dir}/b.budget:4:4`);
    expect(r.out).toContain("error[include-outside-root]: last year's budget ../../../../../../dev/zero");
    const z = await checkReal("/dev/zero", `${dir}/pipe.budget`);
    expect(z.code).toBe(1);
    expect(z.out).toContain("error[file-not-regular]: /dev/zero is a device");
    expect(z.out).toContain(`error[file-not-regular]: ${dir}/pipe.budget is a named pipe`);
    fs.rmSync(dir, { recursive: true });
  });
  it("refuses a file above 16 MiB unread", async () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-files-");
    fs.writeFileSync(`${dir}/big.budget`, "");
    fs.truncateSync(`${dir}/big.budget`, 16 * 1024 * 1024 + 1);
    const r = await checkReal(`${dir}/big.budget`);
    expect(r.code).toBe(1);
    expect(r.out).toContain("error[file-too-large]");
    // Neither read nor framed: no line of it is shown.
    expect(r.out).not.toContain("unexpected-character");
    expect(r.out).not.toMatch(/^\s*1 \|/m);
    expect(r.out).not.toContain("\u0000");
    fs.rmSync(dir, { recursive: true });
  });
});

describe("the yusuan process", () => {
  const run = (args: string[]) => spawnSync(process.execPath, ["bin/yusuan.js", ...args], { encoding: "utf8" });
  it("answers garbage with coded diagnostics and no stack trace", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-cli-");
    const garbage = `${dir}/g.budget`;
    fs.writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const r = run(["check", "--format", "json", garbage]);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics.length).toBeGreaterThan(0);
  });
  it("survives deep nesting, a 5 MB line, strings of megabytes that never close and 10 MB of one character", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-cli-");
    const files: Record<string, string> = {
      deep: "{".repeat(200_000) + "}".repeat(200_000),
      long: `部门 609 "${"长".repeat(5_000_000)}" {\n年度 2024\n}\n` + "x".repeat(5_000_000),
      string: '部门 609 "' + "a".repeat(12_000_000),
      block: '部门 609 "示例部门" {\n职责 """' + "a\n".repeat(4_000_000),
      braces: "{".repeat(10_000_000),
      junk: "@".repeat(10_000_000),
      strings: '"\n'.repeat(5_000_000),
    };
    for (const [f, text] of Object.entries(files)) {
      fs.writeFileSync(`${dir}/${f}.budget`, text);
      for (const format of ["json", "text"]) {
        const r = run(["check", "--format", format, `${dir}/${f}.budget`]);
        expect(r.status, `${f} ${format}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toBe("");
        if (format === "json") JSON.parse(r.stdout);
        else expect(r.stdout.length, f).toBeLessThan(100_000);
      }
    }
    fs.rmSync(dir, { recursive: true });
  }, 120_000);
});
