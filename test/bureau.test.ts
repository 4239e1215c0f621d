/**
 * A finance bureau's builds: the build cache (a department is served from it only while
 * every input it depends on is unchanged, edited input by edited input, and never from an
 * entry an interrupted build left incomplete), the progress line (on a terminal only),
 * how shards share the departments, and through the real process (worker threads run
 * from the compiled bundle): three shards merged equal one full build byte for byte,
 * --keep-going with two failing departments, and PDF printed several pages at once.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCommand, type BuildOptions } from "../src/cli/build.js";
import { nodeIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { findBrowser } from "../src/cli/pdf.js";
import { Progress } from "../src/cli/progress.js";
import { shareOf } from "../src/cli/shard.js";
import { RollupIndex } from "../src/model/rollup.js";

const CSV = "编码,名称\n207,文化旅游体育与传媒支出\n20701,文化和旅游\n2070101,行政运行\n2070109,群众文化\n";

/** A culture bureau's 2025 budget: code, name, and the catalogue it names, if any. */
function budget(code: string, name: string, catalogue?: string, include?: string): string {
  return `部门 ${code} "${name}" {
  年度 2025
  金额单位 万元
  类型 行政单位
  职责 "负责全县文化和旅游工作。"
  机构设置 "内设办公室、艺术科。"
${catalogue ? `  分类目录 "${catalogue}"\n` : ""}}

基本支出 {
  支出 2070101 30201 12.00万元
  支出 2070101 30211 3.50万元
  支出 2070101 30101 80.00万元
}

项目 "群众文化活动经费" {
  科目 2070109
  类别 特定目标类
  一般公共预算 20.00万元
}
${include ? `引用 "${include}"\n` : ""}`;
}

const PROJECT = `项目 "非遗保护经费" {\n  科目 2070109\n  类别 其他运转类\n  一般公共预算 5.00万元\n}\n`;

/** A county of two departments: 甲 names its own catalogue and includes a file; 乙 takes the roll-up's. */
function county(): string {
  const root = fs.mkdtempSync("/tmp/yusuan-bureau-");
  const files: Record<string, string> = {
    "汇总.budget": `汇总 "某县" {\n  年度 2025\n  分类目录 "科目2025.csv"\n}\n引用 "甲/预算.budget"\n引用 "乙/预算.budget"\n`,
    "科目2025.csv": CSV,
    "甲/预算.budget": budget("712", "某县文化和旅游局", "自己.csv", "项目.budget"),
    "甲/项目.budget": PROJECT,
    "甲/自己.csv": CSV,
    "乙/预算.budget": budget("713", "某县体育局"),
    "tpl/style.html.hbs": fs.readFileSync("templates/shanxi-13/style.html.hbs", "utf8"),
    "catalogue.json": JSON.stringify({
      format: "yusuan-catalogue",
      formatVersion: 1,
      year: 2025,
      functional: { lei: [{ code: "207", name: "文化旅游体育与传媒支出" }], subjects: [{ code: "20701", name: "文化和旅游" }, { code: "2070101", name: "行政运行" }, { code: "2070109", name: "群众文化（目录）" }] },
    }),
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Runs build in process (one thread: the sources have no compiled worker), its stderr captured. */
async function build(root: string, out: string, extra: string[] = [], options: Partial<BuildOptions> = {}): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const io = { ...nodeIo(), out: () => {}, err: (t: string) => void (stderr += t), errTTY: false };
  const base = ["build", path.join(root, "汇总.budget"), "--out", out, "--templates", path.join(root, "tpl"), ...(extra.includes("--format") ? [] : ["--format", "html,md,json"]), ...extra];
  if (!Object.keys(options).length) return { code: await main(base, io), stderr };
  const code = await buildCommand(io, { inputs: [path.join(root, "汇总.budget")], out, templates: path.join(root, "tpl"), formats: ["html", "md", "json"], lang: "zh", ...options });
  return { code, stderr };
}

/** Every published file below `dir`, by path (hidden folders, the cache's, left out). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith(".")) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, "latin1");
    }
  };
  walk(dir);
  return out;
}

/**
 * Overwrites every file the cache holds with '#' of the same length: an output served
 * from the cache then shows it, and one built again does not.
 */
function poison(out: string): void {
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else fs.writeFileSync(p, Buffer.alloc(fs.statSync(p).size, "#"));
    }
  };
  for (const entry of fs.readdirSync(path.join(out, ".yusuan-cache", "entries"))) walk(path.join(out, ".yusuan-cache", "entries", entry, "files"));
}

const served = (out: string, dept: string) => /^#+$/.test(fs.readFileSync(path.join(out, dept, "预算.html"), "latin1"));

describe("the build cache", () => {
  it("refuses a --cache-dir that is a file, and builds in full when the cache cannot be written", async () => {
    const root = county();
    const file = path.join(root, "a-file");
    fs.writeFileSync(file, "");
    const refused = await build(root, path.join(root, "out1"), ["--cache-dir", file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("是已有的文件，不是目录");
    expect(fs.existsSync(path.join(root, "out1"))).toBe(false);
    // A folder below a file cannot be made: the publication is written all the same, with one warning.
    const out = path.join(root, "out2");
    const r = await build(root, out, ["--cache-dir", path.join(file, "cache")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^yusuan: 未能写入构建缓存（[^\n]*），下次构建将重新生成\n$/);
    expect(Object.keys(tree(out))).toEqual(expect.arrayContaining(["甲/预算.html", "乙/预算.json", "汇总.md"]));
  });

  it("serves every department whose inputs are unchanged, and builds the same bytes as without it", async () => {
    const root = county();
    const out = path.join(root, "out");
    expect(await build(root, out)).toEqual({ code: 0, stderr: "" });
    const first = tree(out);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["甲/预算.html", "乙/预算.json", "汇总.md"]));
    // From the cache, unpoisoned: the same bytes.
    expect((await build(root, out)).code).toBe(0);
    expect(tree(out)).toEqual(first);
    const plain = path.join(root, "plain");
    expect((await build(root, plain, ["--no-cache"])).code).toBe(0);
    expect(fs.existsSync(path.join(plain, ".yusuan-cache"))).toBe(false);
    expect(tree(plain)).toEqual(first);
    // Poisoned: both departments come from the cache; the index is written anew.
    poison(out);
    expect((await build(root, out)).code).toBe(0);
    expect([served(out, "甲"), served(out, "乙")]).toEqual([true, true]);
    expect(tree(out)["汇总.md"]).toBe(first["汇总.md"]);
  });

  // Each kind of input, edited: the departments that depend on it are built again (and
  // equal a build without the cache), the others are still served.
  const edits: { what: string; edit: (root: string) => void; extra?: string[]; options?: Partial<BuildOptions>; rebuilt: string[] }[] = [
    { what: "the department's own source", edit: (r) => replaceIn(r, "甲/预算.budget", "负责全县文化和旅游工作。", "负责全县文化、旅游和文物工作。"), rebuilt: ["甲"] },
    { what: "a file the department includes", edit: (r) => replaceIn(r, "甲/项目.budget", "非遗保护经费", "非物质文化遗产保护经费"), rebuilt: ["甲"] },
    { what: "the catalogue the department names", edit: (r) => replaceIn(r, "甲/自己.csv", "群众文化", "群众文化活动"), rebuilt: ["甲"] },
    { what: "the roll-up's catalogue", edit: (r) => replaceIn(r, "科目2025.csv", "群众文化", "群众文艺"), rebuilt: ["甲", "乙"] },
    { what: "a template of --templates", edit: (r) => fs.appendFileSync(path.join(r, "tpl/style.html.hbs"), "\n/* 区县样式 */\n"), rebuilt: ["甲", "乙"] },
    { what: "the catalogue of --catalogue", edit: () => {}, extra: ["--catalogue", "CATALOGUE"], rebuilt: ["甲", "乙"] },
    { what: "the formats asked for", edit: () => {}, extra: ["--format", "html,md"], rebuilt: ["甲", "乙"] },
    { what: "--provenance", edit: () => {}, extra: ["--provenance"], rebuilt: ["甲", "乙"] },
    { what: "yusuan's version", edit: () => {}, options: { version: "0.0.0-next" }, rebuilt: ["甲", "乙"] },
    { what: "nothing, but an interrupted build left 甲's entry without its manifest", edit: () => {}, rebuilt: ["甲"] },
  ];
  for (const e of edits) {
    it(`builds again what depends on ${e.what}`, async () => {
      const root = county();
      const out = path.join(root, "out");
      const extra = (e.extra ?? []).map((a) => (a === "CATALOGUE" ? path.join(root, "catalogue.json") : a));
      expect((await build(root, out)).code).toBe(0);
      poison(out);
      if (e.what.startsWith("nothing")) dropManifestOf(out, "甲/预算.html");
      e.edit(root);
      const r = await build(root, out, extra, e.options ?? {});
      expect(r).toEqual({ code: 0, stderr: "" });
      for (const dept of ["甲", "乙"]) expect(served(out, dept), dept).toBe(!e.rebuilt.includes(dept));
      const fresh = path.join(root, "fresh");
      expect((await build(root, fresh, [...extra, "--no-cache"], e.options ?? {})).code).toBe(0);
      const now = tree(out);
      for (const [rel, content] of Object.entries(tree(fresh))) if (e.rebuilt.some((d) => rel.startsWith(`${d}/`)) || !rel.includes("/")) expect(now[rel], rel).toBe(content);
    });
  }
});

function replaceIn(root: string, rel: string, from: string, to: string): void {
  const p = path.join(root, rel);
  const text = fs.readFileSync(p, "utf8");
  if (!text.includes(from)) throw new Error(`${rel} has no ${from}`);
  fs.writeFileSync(p, text.replace(from, to));
}

/** Removes the manifest of the cache entry that holds `rel`, as a build interrupted before writing it would leave it. */
function dropManifestOf(out: string, rel: string): void {
  const entries = path.join(out, ".yusuan-cache", "entries");
  const entry = fs.readdirSync(entries).find((k) => fs.existsSync(path.join(entries, k, "files", rel)));
  if (!entry) throw new Error(`no cache entry holds ${rel}`);
  fs.rmSync(path.join(entries, entry, "manifest.json"));
}

describe("the progress line", () => {
  it("is drawn on a terminal's stderr, redrawn in place, with the count, the time and an estimate weighed by size", () => {
    let t = 0;
    let err = "";
    const p = new Progress({ err: (s) => void (err += s), now: () => t }, "en");
    p.start("departments", [300, 100, 100]);
    t = 1500;
    p.tick(300);
    expect(err.split("\r\u001b[K").filter(Boolean)).toEqual(["yusuan: departments 0/3 · 0.0 s", "yusuan: departments 1/3 · 1.5 s · about 1 s left"]);
    // Faster than every 100 ms, a tick is not drawn, except the last.
    t = 1550;
    p.tick(100);
    expect(err.split("\r\u001b[K").filter(Boolean)).toHaveLength(2);
    t = 1560;
    p.tick(100);
    p.end();
    expect(err.endsWith("yusuan: departments 3/3 · 1.6 s\r\u001b[K")).toBe(true);
  });

  it("is not drawn when stderr is not a terminal, nor with --quiet", async () => {
    const root = county();
    for (const [tty, quiet, drawn] of [
      [true, false, true],
      [false, false, false],
      [true, true, false],
    ] as const) {
      let t = 0;
      let stderr = "";
      const io = { ...nodeIo(), errTTY: tty, now: () => (t += 50), out: () => {}, err: (s: string) => void (stderr += s) };
      const args = ["build", path.join(root, "汇总.budget"), "--out", path.join(root, `o-${tty}-${quiet}`), "--format", "md", "--lang", "en", ...(quiet ? ["--quiet"] : [])];
      expect(await main(args, io)).toBe(0);
      expect(stderr.includes("departments 2/2"), `tty ${tty}, quiet ${quiet}`).toBe(drawn);
      if (!drawn) expect(stderr).toBe("");
    }
  });
});

describe("shares", () => {
  it("give every department to one share, the same for the same sizes, and balance the sizes", () => {
    const sizes = [...Array(50).keys()].map((i) => 1000 + ((i * 7919) % 5000));
    for (const n of [1, 2, 3, 7]) {
      const share = shareOf(sizes, n);
      expect(shareOf(sizes, n)).toEqual(share);
      const load = new Array<number>(n).fill(0);
      share.forEach((s, i) => (load[s]! += sizes[i]!));
      expect(share.every((s) => s >= 0 && s < n)).toBe(true);
      // Largest first to the least loaded: no share exceeds another by more than the largest department.
      expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(Math.max(...sizes));
    }
    expect(shareOf([], 3)).toEqual([]);
  });
});

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, ["bin/yusuan.js", ...args], { encoding: "utf8", env: { ...process.env, ...env } });

function generate(dir: string, departments: number): void {
  const r = spawnSync(process.execPath, ["bench/generate.js", "--departments", String(departments), "--projects", "13", "--out", dir, "--shape", "reference"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}

describe("a roll-up built in shards", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync("/tmp/yusuan-shards-");
    generate(dir, 10);
  });

  it("merged, equals one full build byte for byte", () => {
    const full = fs.mkdtempSync("/tmp/yusuan-shards-full-");
    const merged = fs.mkdtempSync("/tmp/yusuan-shards-merged-");
    const province = `${dir}/province.budget`;
    const f = run(["build", province, "--out", full, "--format", "html,md,json", "--jobs", "2"]);
    expect(f.stderr).toBe("");
    expect(f.status).toBe(0);
    const shares: string[][] = [];
    for (const i of [1, 2, 3]) {
      const s = run(["build", province, "--out", merged, "--format", "html,md,json", "--shard", `${i}/3`, ...(i === 2 ? ["--jobs", "2"] : [])]);
      expect(s.stderr).toBe("");
      expect(s.status).toBe(0);
      shares.push(s.stdout.split("\n").filter((l) => l.endsWith("budget.json")));
    }
    // Each share is a third of the departments or so, and no department is in two.
    expect(shares.map((s) => s.length).sort()).toEqual([3, 3, 4]);
    expect(new Set(shares.flat()).size).toBe(10);
    expect(fs.existsSync(`${merged}/province.html`)).toBe(false);
    const m = run(["build", province, "--out", merged, "--format", "html,md,json", "--merge"]);
    expect(m.stderr).toBe("");
    expect(m.status).toBe(0);
    expect(tree(merged)).toEqual(tree(full));
  });

  it("merges only its own roll-up's records, not those of a roll-up whose name starts with its own", () => {
    const out = fs.mkdtempSync("/tmp/yusuan-shards-prefix-");
    fs.copyFileSync(`${dir}/province.budget`, `${dir}/province.old.budget`);
    expect(run(["build", `${dir}/province.old.budget`, "--out", out, "--format", "json", "--shard", "1/1"]).status).toBe(0);
    for (const i of [1, 2]) expect(run(["build", `${dir}/province.budget`, "--out", out, "--format", "json", "--shard", `${i}/2`]).status).toBe(0);
    const m = run(["build", `${dir}/province.budget`, "--out", out, "--format", "json", "--merge", "--lang", "en"]);
    expect(m.stderr).toBe("");
    expect(m.status).toBe(0);
    fs.rmSync(`${dir}/province.old.budget`);
  });

  it("refuses to merge when a shard is missing", () => {
    const out = fs.mkdtempSync("/tmp/yusuan-shards-missing-");
    expect(run(["build", `${dir}/province.budget`, "--out", out, "--format", "json", "--shard", "1/2"]).status).toBe(0);
    const m = run(["build", `${dir}/province.budget`, "--out", out, "--format", "json", "--merge", "--lang", "en"]);
    expect(m.status).toBe(1);
    expect(m.stderr).toContain("shard 2 of 2 is missing");
    expect(fs.existsSync(`${out}/province.json`)).toBe(false);
  });
});

describe("--keep-going", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync("/tmp/yusuan-keep-going-");
    generate(dir, 6);
    // Two failing departments: a syntax error, and an amount finer than a 分.
    fs.appendFileSync(`${dir}/d0001/budget.budget`, "\n项目 {\n");
    const f = `${dir}/d0004/budget.budget`;
    fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/一般公共预算 (\d+)\.(\d+)万元/, "一般公共预算 $1.$21234567万元"));
  });

  it("writes the other departments, shows each department's state in the index, and exits 1", () => {
    const out = fs.mkdtempSync("/tmp/yusuan-keep-going-out-");
    const r = run(["build", `${dir}/province.budget`, "--out", out, "--format", "html,md,json", "--keep-going", "--jobs", "2"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("money-precision");
    expect(r.stderr).not.toContain("nothing was written");
    const files = Object.keys(tree(out));
    for (const d of ["d0000", "d0002", "d0003", "d0005"]) expect(files).toEqual(expect.arrayContaining([`${d}/budget.html`, `${d}/budget.md`, `${d}/budget.json`]));
    expect(files.filter((f) => f.startsWith("d0001/") || f.startsWith("d0004/"))).toEqual([]);
    const index = RollupIndex.decode(JSON.parse(fs.readFileSync(`${out}/province.json`, "utf8")));
    expect(index.departments.map((d) => d.state)).toEqual(["clean", "errors", "clean", "clean", "errors", "clean"]);
    const failed = index.departments.filter((d) => d.state === "errors");
    for (const d of failed) {
      expect(d.errors).toBeGreaterThan(0);
      expect(d.first?.zh.length).toBeGreaterThan(0);
      expect(d.link).toBeUndefined();
    }
    expect(failed[1]!.first!.code).toBe("money-precision");
    expect(index.totals.incomeTotal).toBe(index.departments.reduce((s, d) => s + (d.incomeTotal ?? 0), 0));
    const md = fs.readFileSync(`${out}/province.md`, "utf8");
    expect(md).toMatch(/\| 1004 \| 合成部门4 \|( {2}\|){12} 未公开，错误 1 条：\\\[money-precision\\\] /);
    expect(md).toContain("| [合成部门0](./d0000/budget.md) |");
  });

  it("without it, writes nothing", () => {
    const out = fs.mkdtempSync("/tmp/yusuan-keep-going-none-");
    const r = run(["build", `${dir}/province.budget`, "--out", out, "--format", "json", "--jobs", "2"]);
    expect(r.status).toBe(1);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe("PDF of a roll-up", () => {
  it("prints every department and the index, several pages at once, and says how long each took", () => {
    const browser = findBrowser();
    expect(browser, "Chromium is needed: apt-get install chromium").toBeDefined();
    const dir = fs.mkdtempSync("/tmp/yusuan-pdf-");
    generate(dir, 3);
    const out = fs.mkdtempSync("/tmp/yusuan-pdf-out-");
    const r = run(["build", `${dir}/province.budget`, "--out", out, "--format", "md,pdf", "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^yusuan: printed 4 PDF in [\d.]+ s \([\d.]+ s each, \d+ at once\)\n$/);
    const pdfs = Object.keys(tree(out)).filter((f) => f.endsWith(".pdf"));
    expect(pdfs.sort()).toEqual(["d0000/budget.pdf", "d0001/budget.pdf", "d0002/budget.pdf", "province.pdf"]);
    for (const f of pdfs) expect(fs.readFileSync(path.join(out, f)).subarray(0, 5).toString()).toBe("%PDF-");
    // html was written only to print from.
    expect(Object.keys(tree(out)).filter((f) => f.endsWith(".html"))).toEqual([]);
  }, 120_000);
});
