/**
 * `yusuan init`: the starter repository (the profile's commented starter budget, the git
 * settings and launcher, the pre-commit hook, the CI workflow), its refusal to overwrite,
 * and the starter itself: canonical, and its check lists every gap with what to write
 * there; filled in as its own instructions say, it checks clean. In process, on a
 * temporary folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_CATALOGUE_YEARS } from "../src/catalogue/catalogue.js";
import { main } from "../src/cli/main.js";
import { nodeIo, type Io } from "../src/cli/io.js";

function capture(cwd: string): Io & { stdout: string; stderr: string } {
  const io = { ...nodeIo(), cwd, stdout: "", stderr: "" };
  io.out = (t: string) => void (io.stdout += t);
  io.err = (t: string) => void (io.stderr += t);
  return io;
}

/** The starter is for the year of the newest built-in catalogue. */
const YEAR = Math.max(...BUILTIN_CATALOGUE_YEARS);
const FILES = [".gitattributes", ".githooks/pre-commit", ".github/workflows/budget.yml", ".yusuan/gitconfig", ".yusuan/yusuan", "README.md", `budgets/${YEAR}.budget`];

function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: "utf8" }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

/** The starter filled in as its instructions say: each gap replaced by its example, or by its instruction. */
function fillIn(text: string): string {
  // The project's example amount is written in; the control total's stays a comment.
  const at = text.indexOf('\n项目 "');
  const withAmount = text.slice(0, at) + text.slice(at).replace(/ {2}# 例：(一般公共预算 [\d,.]+(?:万元|元))/, "  $1");
  return withAmount
    .replace("部门 000", "部门 609")
    .replace(/"待填写：[^"]*?如 ([^"]*)"/g, '"$1"')
    .replace(/"待填写：([^"]*)"/g, '"$1"')
    .replaceAll("待填写：", "")
    .replace(/(\S+) 待填写 # ([^、 ]+)/g, "$1 $2 #")
    .replace("  # 例：科目", "  科目");
}

describe("yusuan init", () => {
  it("writes the starter, the git settings, the hook and the CI workflow", async () => {
    const cwd = fs.mkdtempSync("/tmp/yusuan-init-");
    const io = capture(cwd);
    expect(await main(["init", "repo"], io)).toBe(0);
    const dir = path.join(cwd, "repo");
    expect(tree(dir)).toEqual(FILES);
    for (const f of [".githooks/pre-commit", ".yusuan/yusuan"]) expect(fs.statSync(path.join(dir, f)).mode & 0o111, f).not.toBe(0);
    expect(fs.readFileSync(path.join(dir, ".gitattributes"), "utf8")).toContain("*.budget diff=yusuan");
    expect(fs.readFileSync(path.join(dir, ".yusuan/gitconfig"), "utf8")).toContain('[diff "yusuan"]\n\tcommand = sh .yusuan/yusuan diff');
    const budget = fs.readFileSync(path.join(dir, `budgets/${YEAR}.budget`), "utf8");
    expect(budget).not.toContain("{{");
    expect(budget).toContain(`年度 ${YEAR}`);
    expect(io.stdout).toContain("git config --local include.path ../.yusuan/gitconfig");
    expect(io.stdout).toContain(`yusuan check budgets/${YEAR}.budget`);
  });

  it("refuses to overwrite, and then writes nothing", async () => {
    const cwd = fs.mkdtempSync("/tmp/yusuan-init-");
    fs.writeFileSync(path.join(cwd, "README.md"), "mine\n");
    const io = capture(cwd);
    expect(await main(["init"], io)).toBe(1);
    expect(io.stderr).toContain("README.md");
    expect(io.stderr).toContain("未写出任何文件");
    expect(tree(cwd)).toEqual(["README.md"]);
    expect(fs.readFileSync(path.join(cwd, "README.md"), "utf8")).toBe("mine\n");
  });

  it("names the profiles when asked for one that does not exist", async () => {
    const io = capture(fs.mkdtempSync("/tmp/yusuan-init-"));
    expect(await main(["init", "--profile", "nowhere-7"], io)).toBe(2);
    expect(io.stderr).toMatch(/mof-9(, |、)shanghai(, |、)shanxi-13/);
  });

  it("starts a profile without a starter of its own from the one it extends, and the starter states its profile", async () => {
    const cwd = fs.mkdtempSync("/tmp/yusuan-init-");
    expect(await main(["init", "--profile", "mof-9"], capture(cwd))).toBe(0);
    const text = fs.readFileSync(path.join(cwd, `budgets/${YEAR}.budget`), "utf8");
    expect(text).toContain("（公开格式 mof-9）");
    expect(text).toMatch(/^ {2}公开格式 mof-9$/m);
  });

  // Each profile with a starter of its own: filled in as its instructions say, it checks
  // clean and builds in that profile (the JSON names it).
  for (const profile of ["shanxi-13", "shanghai", "mof-9"]) {
    it(`gives a ${profile} starter that builds in the ${profile} format once filled in`, async () => {
      const cwd = fs.mkdtempSync("/tmp/yusuan-init-");
      expect(await main(["init", "--profile", profile], capture(cwd))).toBe(0);
      const file = path.join(cwd, `budgets/${YEAR}.budget`);
      fs.writeFileSync(file, fillIn(fs.readFileSync(file, "utf8")));
      const check = capture(cwd);
      expect(await main(["check", file], check)).toBe(0);
      expect(check.stdout).toBe("");
      expect(await main(["build", file, "--out", path.join(cwd, "out"), "--format", "json,md"], capture(cwd))).toBe(0);
      const json = JSON.parse(fs.readFileSync(path.join(cwd, `out/${YEAR}.json`), "utf8")) as { profile: string };
      expect(json.profile).toBe(profile);
      const md = fs.readFileSync(path.join(cwd, `out/${YEAR}.md`), "utf8");
      if (profile === "shanghai") expect(md).toContain(`## ${YEAR}年部门财务收支预算总表`);
      else expect(md).not.toContain("部门财务收支预算总表");
    });
  }

  it("gives a starter whose check says what to write in every gap", async () => {
    const cwd = fs.mkdtempSync("/tmp/yusuan-init-");
    expect(await main(["init"], capture(cwd))).toBe(0);
    const file = path.join(cwd, `budgets/${YEAR}.budget`);
    const text = fs.readFileSync(file, "utf8");
    const fmt = capture(cwd);
    expect(await main(["fmt", "--check", file], fmt)).toBe(0);
    const io = capture(cwd);
    expect(await main(["check", "--format", "json", file], io)).toBe(1);
    const ds = (JSON.parse(io.stdout) as { diagnostics: { code: string; line: number; hint: string | null; data?: Record<string, string> }[] }).diagnostics;
    expect([...new Set(ds.map((d) => d.code))].sort()).toEqual(["category-unknown", "missing-fact", "placeholder-text", "value-outside-set"]);
    for (const d of ds) expect(d.hint, `${d.code} at line ${d.line}`).toBeTruthy();
    // Every 待填写 of the file is reported on its line, and each instruction comes back as the hint.
    const gaps = text.split("\n").flatMap((l, i) => (l.includes("待填写") && !l.trimStart().startsWith("#") ? [i + 1] : []));
    expect(gaps.length).toBeGreaterThan(15);
    const reported = new Set(ds.filter((d) => d.code === "placeholder-text").map((d) => d.line));
    for (const g of gaps) expect(reported.has(g) || reported.has(g - 1), `line ${g}`).toBe(true);
    const withInstruction = ds.filter((d) => d.data?.["instruction"]);
    const code = text.split("\n").filter((l) => !l.trimStart().startsWith("#")).join("\n");
    expect(withInstruction.length).toBe((code.match(/待填写：/g) ?? []).length);
    for (const d of withInstruction) expect(d.hint).toContain(d.data!["instruction"]);
    expect(ds.find((d) => d.data?.["placeholder"] === "000")?.hint).toBe("写上财政部门给本部门的编码，如 609");
    expect(ds.find((d) => d.code === "missing-fact")?.hint).toContain("项目要写 科目");
  });

  it("gives a starter that checks clean once filled in as its instructions say", async () => {
    const cwd = fs.mkdtempSync("/tmp/yusuan-init-");
    expect(await main(["init"], capture(cwd))).toBe(0);
    const file = path.join(cwd, `budgets/${YEAR}.budget`);
    fs.writeFileSync(file, fillIn(fs.readFileSync(file, "utf8")));
    const io = capture(cwd);
    const code = await main(["check", file], io);
    expect(io.stdout).toBe("");
    expect(code).toBe(0);
  });
});
