/**
 * Roll-ups through the real process: the departments are checked and built in worker
 * threads (src/cli/pool.ts), which run from the compiled bundle, so these tests spawn
 * bin/yusuan.js. Whatever the number of jobs, the diagnostics and every written byte
 * are the same; a department with an error stops the whole build before anything is
 * written; the index page's totals are the sums over the departments.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RollupIndex } from "../src/model/rollup.js";

const run = (args: string[]) => spawnSync(process.execPath, ["bin/yusuan.js", ...args], { encoding: "utf8" });

function generate(dir: string, departments: number, projects: number, shape: "minimal" | "reference"): void {
  const r = spawnSync(process.execPath, ["bench/generate.js", "--departments", String(departments), "--projects", String(projects), "--out", dir, "--shape", shape], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** Every published file below `dir`, by path: the build's own hidden folders (its cache) are not publications. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith(".")) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

describe("checking a roll-up", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync("/tmp/yusuan-rollup-");
    generate(dir, 20, 30, "minimal");
  });

  it("is clean, and the same with one job or several", () => {
    const one = run(["check", "--jobs", "1", "--format", "json", `${dir}/province.budget`]);
    const three = run(["check", "--jobs", "3", "--format", "json", `${dir}/province.budget`]);
    expect(one.stderr).toBe("");
    expect(one.status).toBe(0);
    expect(three.status).toBe(0);
    expect(three.stdout).toBe(one.stdout);
  });

  it("reports errors in departments, syntax errors included, the same with one job or several", () => {
    const bad = fs.mkdtempSync("/tmp/yusuan-rollup-bad-");
    fs.cpSync(dir, bad, { recursive: true });
    // A syntax error (the worker loads the full parser for it) and an amount finer than a 分.
    fs.appendFileSync(`${bad}/d0003/budget.budget`, "\n项目 {\n");
    const f = `${bad}/d0017/budget.budget`;
    fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/一般公共预算 (\d+)\.(\d+)万元/, "一般公共预算 $1.$21234567万元"));
    const one = run(["check", "--jobs", "1", "--format", "json", `${bad}/province.budget`]);
    const three = run(["check", "--jobs", "3", "--format", "json", `${bad}/province.budget`]);
    expect(one.status).toBe(1);
    expect(three.status).toBe(1);
    expect(three.stdout).toBe(one.stdout);
    const files = (JSON.parse(one.stdout) as { diagnostics: { code: string; file: string }[] }).diagnostics.map((d) => `${d.code} ${path.relative(bad, d.file)}`);
    expect(files).toContain("money-precision d0017/budget.budget");
    expect(files.some((x) => x.endsWith("d0003/budget.budget") && /syntax|unexpected/.test(x))).toBe(true);
    const out = fs.mkdtempSync("/tmp/yusuan-rollup-out-");
    const b = run(["build", "--jobs", "2", "--format", "html,md,json", "--out", out, `${bad}/province.budget`]);
    expect(b.status).toBe(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe("building a roll-up", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync("/tmp/yusuan-rollup-ref-");
    generate(dir, 10, 13, "reference");
  });

  it("writes one publication per department and an index, byte for byte the same with one job or several", () => {
    const out1 = fs.mkdtempSync("/tmp/yusuan-rollup-out1-");
    const out3 = fs.mkdtempSync("/tmp/yusuan-rollup-out3-");
    const a = run(["build", "--jobs", "1", "--format", "html,md,json", "--out", out1, `${dir}/province.budget`]);
    const b = run(["build", "--jobs", "3", "--format", "html,md,json", "--out", out3, `${dir}/province.budget`]);
    expect(a.stderr).toBe("");
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const t1 = tree(out1);
    expect(tree(out3)).toEqual(t1);
    expect(Object.keys(t1).filter((f) => f.endsWith("budget.html"))).toHaveLength(10);
    expect(Object.keys(t1)).toEqual(expect.arrayContaining(["province.html", "province.md", "province.json", "d0000/budget.json", "d0009/budget.md"]));

    // The index: valid against its schema, each link a written file, totals the sums.
    const index = RollupIndex.decode(JSON.parse(t1["province.json"]!));
    expect(index.departments).toHaveLength(10);
    for (const d of index.departments) {
      expect(t1[`${d.link}.html`]).toBeDefined();
      const pub = JSON.parse(t1[`${d.link}.json`]!) as { header: { code: string } };
      expect(pub.header.code).toBe(d.code);
    }
    expect(index.totals.incomeTotal).toBe(index.departments.reduce((s, d) => s + d.incomeTotal, 0));
    expect(index.totals.incomeTotal).toBe(index.totals.bySource.general + index.totals.bySource.fund + index.totals.bySource.capital + index.totals.bySource.specialAccount + index.totals.bySource.unitFunds + index.totals.carryover);
    expect(t1["province.html"]).toContain('<a href="./d0004/budget.html">');
    expect(t1["province.md"]).toContain("](./d0004/budget.md)");
  });
});

describe("a roll-up build that fails after the check", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync("/tmp/yusuan-rollup-fail-");
    generate(dir, 3, 13, "reference");
  });

  it("writes nothing when printing fails", () => {
    const out = fs.mkdtempSync("/tmp/yusuan-rollup-fail-out-");
    const r = spawnSync(process.execPath, ["bin/yusuan.js", "build", "--format", "md,pdf", "--out", out, `${dir}/province.budget`], {
      encoding: "utf8",
      env: { ...process.env, YUSUAN_CHROMIUM: "/bin/false" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("nothing was written");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("refuses two inputs that would write the same files", () => {
    const out = fs.mkdtempSync("/tmp/yusuan-rollup-fail-out-");
    const copy = fs.mkdtempSync("/tmp/yusuan-rollup-fail-copy-");
    fs.cpSync(dir, copy, { recursive: true });
    const r = run(["build", "--format", "json", "--out", out, `${dir}/province.budget`, `${copy}/province.budget`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("would both write");
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
