/**
 * The command line validates every argument before it acts: each bad command line exits
 * 2 with a usage message and leaves every file as it was. Also: --catalogue on every
 * command that checks, --version, help in Chinese and English with every option
 * described, explain --list and --lang, inputs as folders and patterns, and a closed
 * pipe.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CODES } from "../src/cli/codes.js";
import { WORDS } from "../src/cli/help.js";
import { expandInputs, glob } from "../src/cli/inputs.js";
import { memoryIo, nodeIo } from "../src/cli/io.js";
import { chooseLang, main } from "../src/cli/main.js";

const OK = `部门 609 "示例部门" {\n  年度 2024\n  职责 "负责本部门的工作。"\n  机构设置 "内设办公室。"\n  类型 行政单位\n}\n`;
const MESSY = `部门   609 "示例部门" {   年度 2024 }\n`;
const BAD = `部门 609 "示例部门" {\n  年度 2024\n}\n项目 "甲" {\n  科目 2010402\n  类别 其他运转类\n  一般公共预算 0.60\n}\n`;
const CATALOGUE = fs.readFileSync("data/classification/2024/catalogue.json", "utf8");

/** Files in memory, and the package's own files (templates, explanations) from disk. */
function withPackage(io: ReturnType<typeof memoryIo>): ReturnType<typeof memoryIo> {
  const real = nodeIo();
  return Object.assign(io, {
    readFile: (p: string) => io.files[p] ?? (p.startsWith("/") ? real.readFile(p) : undefined),
    exists: (p: string) => p in io.files || (p.startsWith("/") && real.exists(p)),
    listDir: ((list) => (p: string) => (p.startsWith("/") ? real.listDir(p) : list(p)))(io.listDir),
  });
}

function files(): Record<string, string> {
  return { "b.budget": OK, "m.budget": MESSY, "bad.budget": BAD, "cat.json": CATALOGUE, "notes/readme.txt": "x", "out/keep.txt": "kept" };
}

describe("a bad command line exits 2, says why, and writes nothing", () => {
  const cases: [string, string[], RegExp][] = [
    ["build with --catalogue naming no file", ["build", "b.budget", "--out", "o", "--catalogue", "missing.json"], /missing\.json/],
    ["build with a misspelt option", ["build", "b.budget", "--out", "o", "--catalog", "cat.json"], /build 没有选项 --catalog（是指 --catalogue 吗？）/],
    ["fmt --write with an unknown option", ["fmt", "--write", "m.budget", "--frobnicate"], /fmt 没有选项 --frobnicate/],
    ["build without --out", ["build", "b.budget"], /缺少必需的选项：--out/],
    ["build with --out naming a file", ["build", "b.budget", "--out", "b.budget"], /--out b\.budget 是已有的文件/],
    ["build with an unknown format", ["build", "b.budget", "--out", "o", "--format", "html,docz"], /未知的格式 docz/],
    ["build with --templates naming no folder", ["build", "b.budget", "--out", "o", "--templates", "nowhere"], /--templates nowhere 不是目录/],
    ["explain without a code", ["explain"], /explain 需要一个诊断代码/],
    ["explain with a code and --list", ["explain", "money-unit", "--list"], /不能两者都写/],
    ["explain with two codes", ["explain", "money-unit", "money-range"], /多余的参数：money-range/],
    ["a misspelt command", ["chekc", "b.budget"], /没有命令 chekc（是指 check 吗？）/],
    ["no command", [], /请写出一个命令/],
    ["a misspelt option of check", ["check", "--fromat", "json", "b.budget"], /check 没有选项 --fromat（是指 --format 吗？）/],
    ["an unknown short option", ["check", "-x", "b.budget"], /check 没有选项 -x/],
    ["a value not among the choices", ["check", "--format", "xml", "b.budget"], /选项 --format 的值为 "xml"/],
    ["check without files", ["check"], /缺少参数/],
    ["a pattern that matches nothing", ["check", "nowhere/*.budget"], /没有文件与 nowhere\/\*\.budget 匹配/],
    ["a folder without budgets", ["check", "notes"], /目录 notes 中没有 \.budget 文件/],
    ["fmt with --write and --check", ["fmt", "--write", "--check", "m.budget"], /--write 和 --check 不能同时使用/],
    ["diff of one file", ["diff", "b.budget"], /diff 比较两个预算文件/],
    ["--jobs out of range", ["check", "--jobs", "0", "b.budget"], /--jobs 取 1 到 64 之间的整数/],
    ["--lang not zh or en", ["check", "--lang", "fr", "b.budget"], /选项 --lang 的值为 "fr"/],
    ["an option without its value", ["check", "b.budget", "--format"], /--format 缺少值/],
    ["--rev without its value", ["diff", "--rev"], /--rev 缺少值/],
    ["--jobs without a number", ["check", "b.budget", "--jobs"], /--jobs 缺少值/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const io = memoryIo(files());
      expect(await main(args, io), io.stderr).toBe(2);
      expect(io.stderr).toMatch(message);
      expect(io.stderr).toMatch(/用法：yusuan .*\n运行 yusuan .*--help/);
      expect(io.stdout).toBe("");
      expect(io.files).toEqual(files());
    });
  }
  it("says it in English with --lang en", async () => {
    const io = memoryIo(files());
    expect(await main(["build", "b.budget", "--lang", "en"], io)).toBe(2);
    expect(io.stderr).toBe("yusuan: Missing required option: --out\nUsage: yusuan build <inputs..> [options]\nRun 'yusuan build --help' for every option and examples.\n");
    const io2 = memoryIo(files());
    expect(await main(["check", "--fromat", "json", "b.budget", "--lang", "en"], io2)).toBe(2);
    expect(io2.stderr).toContain("check has no option --fromat (did you mean --format?)");
  });
  it("leaves the output folder alone as a real process", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-args-");
    fs.writeFileSync(`${dir}/b.budget`, OK);
    const r = spawnSync(process.execPath, ["bin/yusuan.js", "build", `${dir}/b.budget`, "--out", `${dir}/out`, "--frobnicate"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(fs.existsSync(`${dir}/out`)).toBe(false);
    fs.writeFileSync(`${dir}/file`, "x");
    const f = spawnSync(process.execPath, ["bin/yusuan.js", "build", `${dir}/b.budget`, "--out", `${dir}/file`], { encoding: "utf8" });
    expect(f.status).toBe(2);
    expect(f.stderr).not.toContain("internal error");
    expect(fs.readFileSync(`${dir}/file`, "utf8")).toBe("x");
    fs.rmSync(dir, { recursive: true });
  });
});

describe("--catalogue", () => {
  it("is taken by check, build and diff", async () => {
    for (const args of [
      ["check", "b.budget", "--catalogue", "cat.json"],
      ["build", "b.budget", "--out", "o", "--format", "json", "--catalogue", "cat.json"],
      ["diff", "b.budget", "m.budget", "--catalogue", "cat.json"],
    ]) {
      const io = withPackage(memoryIo(files()));
      expect(await main(args, io), `${args.join(" ")}: ${io.stderr}`).toBe(0);
    }
  });
  it("is the catalogue check and build check against", async () => {
    // An office's complete catalogue without the subject 2010502: the same budget now uses an unknown subject.
    const json = JSON.parse(CATALOGUE) as { complete?: boolean; functional: { subjects: { code: string }[] } };
    json.complete = true;
    json.functional.subjects = json.functional.subjects.filter((x) => x.code !== "2010502");
    const budget = `${OK}项目 "甲" {\n  科目 2010502\n  类别 其他运转类\n  一般公共预算 0.60万元\n}\n`;
    for (const args of [["check", "p.budget"], ["build", "p.budget", "--out", "o", "--format", "json"]]) {
      const plain = withPackage(memoryIo({ "p.budget": budget, "office.json": JSON.stringify(json) }));
      await main(args, plain);
      expect(plain.stdout + plain.stderr).not.toContain("unknown-subject");
      const office = withPackage(memoryIo({ "p.budget": budget, "office.json": JSON.stringify(json) }));
      await main([...args, "--catalogue", "office.json"], office);
      expect(office.stdout + office.stderr, args.join(" ")).toContain("unknown-subject");
    }
  });
  it("is read and checked before any budget is", async () => {
    const io = memoryIo({ ...files(), "cat.json": "{ not json" });
    expect(await main(["build", "b.budget", "--out", "o", "--catalogue", "cat.json"], io)).toBe(2);
    expect(Object.keys(io.files).filter((f) => f.startsWith("o/"))).toEqual([]);
  });
});

describe("--version", () => {
  it("prints the package's version", async () => {
    const io = { ...memoryIo({}), readFile: nodeIo().readFile };
    let out = "";
    expect(await main(["--version"], { ...io, out: (t: string) => void (out += t) })).toBe(0);
    expect(out).toBe(`${(JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string }).version}\n`);
  });
});

describe("help", () => {
  async function help(args: string[], env: Record<string, string> = {}): Promise<string> {
    const io = memoryIo({}, { env });
    expect(await main(args, io)).toBe(0);
    return io.stdout;
  }
  it("is in Chinese by default and in English with --lang en or an English locale", async () => {
    expect(await help(["--help"])).toContain("命令：");
    expect(await help(["--help"], { LANG: "zh_CN.UTF-8" })).toContain("命令：");
    expect(await help(["--help", "--lang", "en"])).toContain("Commands:");
    expect(await help(["--help"], { LANG: "en_US.UTF-8" })).toContain("Commands:");
    expect(await help(["--help"], { LANG: "zh_CN.UTF-8", LC_ALL: "en_GB.UTF-8" })).toContain("Commands:");
    expect(await help(["--help", "--lang", "zh"], { LANG: "en_US.UTF-8" })).toContain("命令：");
  });
  it("describes every command, every option and examples, in both languages", async () => {
    for (const lang of ["zh", "en"] as const) {
      const top = await help(["--help", "--lang", lang]);
      for (const [name, w] of Object.entries(WORDS.commands)) {
        expect(top).toContain(`yusuan ${name}`);
        const page = (await help([name, "--help", "--lang", lang])).replace(/\s+/g, " ");
        const flat = (s: string) => s.replace(/\s+/g, " ");
        expect(page).toContain(flat(w.describe[lang]));
        if (w.positional) expect(page).toContain(flat(w.positional[lang]));
        for (const [opt, d] of Object.entries(w.options)) {
          expect(page).toContain(`--${opt}`);
          expect(page).toContain(flat(d[lang]));
        }
        for (const [ex, d] of w.examples) {
          expect(page).toContain(ex);
          expect(page).toContain(flat(d[lang]));
        }
        for (const d of Object.values(WORDS.global)) expect(page).toContain(flat(d[lang]));
      }
    }
  });
  it("chooses the language from --lang, then LC_ALL, LC_MESSAGES and LANG", () => {
    expect(chooseLang([], {})).toBe("zh");
    expect(chooseLang([], { LANG: "C.UTF-8" })).toBe("zh");
    expect(chooseLang([], { LANG: "en_US.UTF-8" })).toBe("en");
    expect(chooseLang([], { LC_MESSAGES: "en_US", LANG: "zh_CN" })).toBe("en");
    expect(chooseLang([], { LC_ALL: "zh_CN", LC_MESSAGES: "en_US" })).toBe("zh");
    expect(chooseLang(["--lang=en"], {})).toBe("en");
    expect(chooseLang(["--lang", "zh"], { LANG: "en" })).toBe("zh");
  });
});

describe("yusuan explain", () => {
  const withDocs = (io: ReturnType<typeof memoryIo>) => ({ ...io, readFile: nodeIo().readFile });
  it("--list lists every code with its severity and stage", async () => {
    const io = memoryIo({});
    expect(await main(["explain", "--list", "--lang", "en"], io)).toBe(0);
    const lines = io.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(CODES.length + 1);
    for (const c of CODES) expect(io.stdout).toMatch(new RegExp(`^${c.code} +${c.severity}.* +${c.stage}$`, "m"));
  });
  it("prints the half of the explanation in the language asked for", async () => {
    const zh = memoryIo({});
    expect(await main(["explain", "money-unit"], withDocs(zh))).toBe(0);
    expect(zh.stdout).toContain("金额没有写单位");
    expect(zh.stdout).not.toContain("An amount is written");
    const en = memoryIo({});
    expect(await main(["explain", "money-unit", "--lang", "en"], withDocs(en))).toBe(0);
    expect(en.stdout).toContain("An amount is written without the unit");
    expect(en.stdout).not.toContain("金额没有写单位");
    // Both keep the heading, the severity line and the example.
    for (const io of [zh, en]) for (const s of ["# money-unit", "**Severity:** error · **Stage:** lowering", "一般公共预算 0.60"]) expect(io.stdout).toContain(s);
  });
  it("suggests the nearest code for a misspelt one", async () => {
    const io = memoryIo({});
    expect(await main(["explain", "mony-unit", "--lang", "en"], withDocs(io))).toBe(2);
    expect(io.stderr).toContain("no diagnostic 'mony-unit' (did you mean money-unit?)");
  });
});

describe("inputs", () => {
  const tree = {
    "budgets/a.budget": OK,
    "budgets/b.budget": BAD,
    "budgets/notes.txt": "x",
    "budgets/2023/a.budget": OK,
    "budgets/.hidden/x.budget": OK,
    "other/c.budget": OK,
  };
  it("check DIR checks every .budget in the folder, as build does", async () => {
    const io = memoryIo(tree);
    expect(await main(["check", "budgets", "--format", "json"], io)).toBe(1);
    const ds = (JSON.parse(io.stdout) as { diagnostics: { file: string }[] }).diagnostics;
    expect([...new Set(ds.map((d) => d.file))]).toEqual(["budgets/b.budget"]);
    expect(expandInputs(io, ["budgets"])).toEqual({ files: ["budgets/a.budget", "budgets/b.budget"] });
  });
  it("a folder without .budget files names the folders inside it that hold some (as yusuan init lays a repository out)", async () => {
    const io = memoryIo({ "repo/budgets/2025.budget": OK, "repo/.hidden/x.budget": OK, "repo/README.md": "x", "empty/notes.txt": "x" });
    expect(expandInputs(io, ["repo"])).toEqual({ usage: expect.objectContaining({ zh: expect.stringContaining("其子目录 repo/budgets 中有"), en: expect.stringContaining("repo/budgets holds some") }) });
    expect(await main(["check", "repo"], io)).toBe(2);
    expect(io.stderr).toContain("repo/budgets");
    expect(expandInputs(io, ["empty"])).toEqual({ usage: { zh: "目录 empty 中没有 .budget 文件", en: "the folder empty holds no .budget file" } });
  });
  it("expands patterns: *, ?, […] and **, skipping hidden folders", () => {
    const io = memoryIo(tree);
    expect(glob(io, "budgets/*.budget")).toEqual(["budgets/a.budget", "budgets/b.budget"]);
    expect(glob(io, "budgets/?.budget")).toEqual(["budgets/a.budget", "budgets/b.budget"]);
    expect(glob(io, "budgets/[!b].budget")).toEqual(["budgets/a.budget"]);
    expect(glob(io, "**/*.budget")).toEqual(["budgets/2023/a.budget", "budgets/a.budget", "budgets/b.budget", "other/c.budget"]);
    expect(glob(io, "budgets/**/a.budget")).toEqual(["budgets/2023/a.budget", "budgets/a.budget"]);
    expect(glob(io, "budgets\\*.budget")).toEqual(["budgets/a.budget", "budgets/b.budget"]);
    expect(glob(io, "*/c.budget")).toEqual(["other/c.budget"]);
  });
  it("keeps the order given, each file once, and leaves a missing file to loading", () => {
    const io = memoryIo(tree);
    expect(expandInputs(io, ["other/c.budget", "budgets/*.budget", "budgets/a.budget", "nope.budget"])).toEqual({ files: ["other/c.budget", "budgets/a.budget", "budgets/b.budget", "nope.budget"] });
  });
  it("are the same for check, fmt and build", async () => {
    const io = memoryIo({ "budgets/a.budget": MESSY, "budgets/b.budget": OK });
    expect(await main(["fmt", "--check", "budgets/*.budget"], io)).toBe(1);
    expect(io.stdout).toBe("budgets/a.budget\n");
    const b = withPackage(memoryIo({ "budgets/a.budget": OK }));
    expect(await main(["build", "budgets/*.budget", "--out", "o", "--format", "json"], b)).toBe(0);
    expect(Object.keys(b.files)).toContain("o/a.json");
  });
});

describe("a closed pipe", () => {
  it("ends the process quietly", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-pipe-");
    // Far more output than a pipe holds, so that writing goes on after the reader has gone.
    const projects = Array.from({ length: 4000 }, (_, i) => `项目 "项目${i}" {\n  科目 2010502\n  类别 其他运转类\n  一般公共预算 0.60万元\n}\n`).join("");
    fs.writeFileSync(`${dir}/big.budget`, OK + projects);
    const r = spawnSync("bash", ["-c", `node bin/yusuan.js fmt '${dir}/big.budget' 2>'${dir}/err' | head -1; echo "\${PIPESTATUS[0]}" > '${dir}/status'`], { encoding: "utf8" });
    expect(r.stdout).toBe('部门 609 "示例部门" {\n');
    expect(fs.readFileSync(`${dir}/err`, "utf8")).toBe("");
    expect(fs.readFileSync(`${dir}/status`, "utf8").trim()).toBe("0");
    fs.rmSync(dir, { recursive: true });
  });
});
