/**
 * The semantic diff: figures that move, reformatting that does not, reordering that is
 * only a row-order change, and git integration in real temporary repositories.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { nodeIo } from "../src/cli/io.js";

const ROOT = process.cwd();
const BIN = path.join(ROOT, "bin/yusuan.js");

function copyBudgets(dir: string): void {
  fs.cpSync(path.join(ROOT, "budgets"), dir, { recursive: true });
}

function capture(): { io: ReturnType<typeof nodeIo>; out: () => string } {
  let out = "";
  const base = nodeIo();
  return { io: { ...base, isTTY: false, out: (t: string) => (out += t), err: (t: string) => (out += t) }, out: () => out };
}

const PROJECTS = "jinzhong-econ-ops-2024/projects.budget";
const ENTRY = "jinzhong-econ-ops-2024.budget";

/** Raises 节能审查相关工作经费 from 5.00 to 15.00, with its form's 成本指标 and funding. */
function raiseEnergyReview(dir: string): void {
  const p = path.join(dir, PROJECTS);
  const s = fs.readFileSync(p, "utf8");
  const i = s.indexOf('项目 "节能审查相关工作经费"');
  const j = s.indexOf("\n}\n", i);
  const block = s.slice(i, j).replace("一般公共预算 5.00万元", "一般公共预算 15.00万元").replaceAll("市县 50,000元", "市县 150,000元").replace('"经费" 5万元', '"经费" 15万元');
  fs.writeFileSync(p, s.slice(0, i) + block + s.slice(j));
  // The department's control total and the overall form's cost indicator move with it.
  const e = path.join(dir, ENTRY);
  fs.writeFileSync(e, fs.readFileSync(e, "utf8").replace("一般公共预算 6,389.17万元", "一般公共预算 6,399.17万元").replace("\"全年经费\" 63,891,700元", "\"全年经费\" 63,991,700元"));
}

describe("yusuan diff OLD NEW", () => {
  let a = "";
  let b = "";
  beforeAll(() => {
    a = fs.mkdtempSync("/tmp/yusuan-diff-a-");
    b = fs.mkdtempSync("/tmp/yusuan-diff-b-");
    copyBudgets(a);
  });
  const fresh = () => {
    fs.rmSync(b, { recursive: true, force: true });
    copyBudgets(b);
  };

  it("shows a project's amount and the totals it moves, in Markdown", async () => {
    fresh();
    raiseEnergyReview(b);
    const c = capture();
    expect(await main(["diff", "--exit-code", "--format", "md", path.join(a, ENTRY), path.join(b, ENTRY)], c.io)).toBe(1);
    const out = c.out();
    expect(out).toContain("| 变更 | 节能审查相关工作经费 | 5.00 | 15.00 | +10.00 |");
    expect(out).toContain("| 项目支出 | 6,365.00 | 6,375.00 | +10.00 |");
    expect(out).toContain("| 收入总计 | 7,612.17 | 7,622.17 | +10.00 |");
    expect(out).toContain("| 2010402 一般行政管理事务 | 26.40 | 36.40 | +10.00 |");
    expect(out).not.toMatch(/诊断|Diagnostics/);
  });

  it("reports a new inconsistency as an introduced diagnostic", async () => {
    fresh();
    const p = path.join(b, PROJECTS);
    fs.writeFileSync(p, fs.readFileSync(p, "utf8").replace("一般公共预算 5.00万元", "一般公共预算 15.00万元"));
    const c = capture();
    await main(["diff", "--format", "json", path.join(a, ENTRY), path.join(b, ENTRY)], c.io);
    const j = JSON.parse(c.out()) as { diagnostics: { introduced: { code: string }[] } };
    expect(j.diagnostics.introduced.length).toBeGreaterThan(0);
  });

  it("sees no semantic change in reformatting and comments", async () => {
    fresh();
    const p = path.join(b, ENTRY);
    fs.writeFileSync(p, fs.readFileSync(p, "utf8").replace("  年度 2024\n", "  年度    2024 # 年度\n").replace('结转 "2021年市级技改资金" {', '# 说明\n结转   "2021年市级技改资金"   {'));
    const c = capture();
    expect(await main(["diff", "--exit-code", path.join(a, ENTRY), path.join(b, ENTRY)], c.io)).toBe(0);
    expect(c.out()).toContain("无实质变更");
  });

  it("reports reordered projects as a row-order change and nothing else", async () => {
    fresh();
    const p = path.join(b, PROJECTS);
    const parts = fs.readFileSync(p, "utf8").split("\n项目 ");
    [parts[1], parts[2]] = [parts[2]!, parts[1]!];
    fs.writeFileSync(p, parts.join("\n项目 "));
    const c = capture();
    expect(await main(["diff", "--exit-code", "--format", "json", path.join(a, ENTRY), path.join(b, ENTRY)], c.io)).toBe(1);
    const j = JSON.parse(c.out()) as Record<string, unknown> & { projects: Record<string, unknown[] | boolean>; subjects: unknown[]; texts: unknown[] };
    expect(j.projects).toMatchObject({ added: [], removed: [], renamed: [], changed: [], reordered: true });
    expect(j.subjects).toEqual([]);
    expect((j["headline"] as { change: string }[]).every((h) => h.change === "0.00")).toBe(true);
  });

  it("finds a rename by content", async () => {
    fresh();
    const p = path.join(b, PROJECTS);
    fs.writeFileSync(p, fs.readFileSync(p, "utf8").replace('项目 "遗属补助"', '项目 "遗属生活补助"'));
    const c = capture();
    await main(["diff", "--format", "json", path.join(a, ENTRY), path.join(b, ENTRY)], c.io);
    const j = JSON.parse(c.out()) as { projects: { renamed: unknown[]; added: unknown[]; removed: unknown[] } };
    expect(j.projects.renamed).toEqual([{ from: "遗属补助", to: "遗属生活补助" }]);
    expect(j.projects.added).toEqual([]);
    expect(j.projects.removed).toEqual([]);
  });
});

describe("git integration", () => {
  const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_PAGER: "cat", PAGER: "cat" } });
  let repo = "";
  beforeAll(() => {
    repo = fs.mkdtempSync("/tmp/yusuan-git-");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "config", "user.email", "test@example.invalid");
    git(repo, "config", "user.name", "test");
    fs.mkdirSync(path.join(repo, "budgets"));
    copyBudgets(path.join(repo, "budgets"));
    // As the README says: .gitattributes and one git config line.
    fs.writeFileSync(path.join(repo, ".gitattributes"), "*.budget diff=yusuan\n");
    git(repo, "config", "diff.yusuan.command", `node ${BIN} diff`);
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "budget");
    raiseEnergyReview(path.join(repo, "budgets"));
  });

  it("git diff prints the semantic diff of a .budget change", () => {
    const out = git(repo, "diff");
    expect(out).toContain("yusuan diff a/budgets/jinzhong-econ-ops-2024/projects.budget");
    expect(out).toMatch(/节能审查相关工作经费\s+5\.00 → 15\.00\s+\+10\.00/);
  });

  it("git log -p --ext-diff shows semantic diffs of history", () => {
    git(repo, "commit", "-qam", "raise 节能审查");
    const out = git(repo, "log", "-p", "--ext-diff", "-1");
    expect(out).toMatch(/节能审查相关工作经费\s+5\.00 → 15\.00/);
    git(repo, "reset", "-q", "--soft", "HEAD~1");
  });

  it("yusuan diff --rev compares the working tree with a revision, includes read through git", () => {
    const out = execFileSync(process.execPath, [BIN, "diff", "--rev", "HEAD", "--format", "md", "budgets/jinzhong-econ-ops-2024.budget"], { cwd: repo, encoding: "utf8" });
    expect(out).toContain("| 项目支出 | 6,365.00 | 6,375.00 | +10.00 |");
    expect(out).toContain("| 收入总计 | 7,612.17 | 7,622.17 | +10.00 |");
  });

  it("--rev --exit-code: 1 for changes, 0 once the working tree matches the revision", () => {
    const run = () => spawnSync(process.execPath, [BIN, "diff", "--rev", "HEAD", "--exit-code"], { cwd: repo, encoding: "utf8" });
    expect(run().status).toBe(1);
    git(repo, "checkout", "HEAD", "--", "budgets");
    const r = run();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("无实质变更");
  });
});
