#!/usr/bin/env node
/**
 * Times the built CLI (`node bin/yusuan.js`, as a whole process: start-up included)
 * against ledger-cli, hledger and Beancount on the same money, and against itself at
 * several sizes, and prints a Markdown table of medians (with min–max) of wall time and
 * peak RSS per child process. Not a test: it reports, and fails only when a yusuan
 * check that must pass does not.
 *
 *   npm run build && node bench/compare.mjs [--runs N] [--quick] [--keep]
 *
 *   1. 100 departments × 1,000 minimal projects (bench/generate.js): `yusuan check
 *      province.budget` and `yusuan build --format html,md,json --no-cache` vs `ledger -f
 *      journal.ledger bal`, `hledger -f journal.ledger bal` and `bean-check -C
 *      journal.beancount` (each when installed); ratios to ledger.
 *   2. Scaling: one department of 1k, 10k and 100k minimal projects, `yusuan check`;
 *      ratio of each size to the previous (target: 10× the input costs ≤ 11× the time).
 *   3. One real department: `yusuan check budgets/jinzhong-econ-ops-2024.budget` vs
 *      `node -e 0`; ratio (target ≤ 3).
 *   4. 1,000 reference-shaped departments of 13 projects: `yusuan check`, `yusuan build
 *      --format html,md,json` of the roll-up, and `node -e` reading and JSON.parse-ing
 *      every .json the build wrote (whole-process wall time; the in-process read+parse
 *      time is in the note); ratio check ÷ JSON parse. When the roll-up build fails, its
 *      row shows the first stderr line and the JSON parsed is a stand-in: one
 *      department's build (d0000's budget.json) copied once per department.
 *
 *   5. Rebuild of the province of (1) after editing one department (the cache serves the
 *      others) against the full build without the cache; ratio (target ≤ 0.1).
 *   6. PDF of 10 reference-shaped departments: wall time, and per department.
 *
 * Each measurement runs one warm-up round, then N rounds (default 5), the commands of a
 * measurement interleaved (A B A B …) so that load on the machine hits them alike. Wall
 * time is process.hrtime around the spawn; peak RSS comes from GNU time
 * (`/usr/bin/time -f '%e %M'`; `apt-get install -y time`), see bench/lib.mjs. Inputs are
 * generated under os.tmpdir()/yusuan-bench-*, reused within the run and deleted at the
 * end (--keep leaves them). --quick shrinks every size and runs once, as a smoke test.
 * Progress goes to stderr, the report to stdout.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  detectMeter,
  firstErrorLine,
  firstLine,
  fmtRatio,
  fmtSeconds,
  installed,
  markdownTable,
  measureInterleaved,
  median,
  removeScratch,
  rssCell,
  runOnce,
  wallCell,
} from "./lib.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const NODE = process.execPath;
const YUSUAN = join(root, "bin", "yusuan.js");
const GENERATE = join(root, "bench", "generate.js");
const REFERENCE = "budgets/jinzhong-econ-ops-2024.budget";

function options(argv) {
  const o = { runs: undefined, quick: false, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a.startsWith("--runs=")) o.runs = Number(a.slice(7));
    else if (a === "--quick") o.quick = true;
    else if (a === "--keep") o.keep = true;
    else if (a === "--help" || a === "-h") {
      console.log("node bench/compare.mjs [--runs N] [--quick] [--keep]");
      process.exit(0);
    } else {
      console.error(`unknown argument ${a} (node bench/compare.mjs [--runs N] [--quick] [--keep])`);
      process.exit(2);
    }
  }
  if (o.runs !== undefined && !(Number.isInteger(o.runs) && o.runs >= 1)) {
    console.error("--runs takes a whole number ≥ 1");
    process.exit(2);
  }
  o.runs ??= o.quick ? 1 : 5;
  o.sizes = o.quick
    ? { m1: { departments: 10, projects: 100 }, scaling: [1_000, 10_000], reference: 10 }
    : { m1: { departments: 100, projects: 1000 }, scaling: [1_000, 10_000, 100_000], reference: 1000 };
  return o;
}

const o = options(process.argv.slice(2));
const log = (s) => process.stderr.write(`${s}\n`);

if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.error("dist/cli/main.js is missing: run `npm run build` first.");
  process.exit(2);
}

const meter = detectMeter();
if (meter.kind !== "gnu-time") log(`note: GNU time not found (apt-get install -y time); peak RSS via ${meter.describe}`);

const tmp = mkdtempSync(join(tmpdir(), "yusuan-bench-"));
let cleaned = false;
function cleanup() {
  if (cleaned) return;
  cleaned = true;
  removeScratch();
  if (o.keep) log(`inputs kept in ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
process.on("exit", cleanup);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => (cleanup(), process.exit(130)));

/** Paths in the report: the temp dir as $T, the repository as ".". */
const show = (cmd, args) =>
  [cmd === NODE ? "node" : cmd, ...args]
    .map((a) => String(a).split(tmp).join("$T").replace(`${root}/`, ""))
    .map((a) => (/[\s;'"()]/.test(a) ? `'${a.length > 40 ? `${a.slice(0, 37)}…` : a}'` : a))
    .join(" ");

function generate(dir, { departments, projects, shape = "minimal" }) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(NODE, [GENERATE, "--departments", String(departments), "--projects", String(projects), "--shape", shape, "--out", dir], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench/generate.js failed: ${r.stderr}`);
  log(`  generated ${departments} × ${projects} ${shape} in ${fmtSeconds(Number(process.hrtime.bigint() - t0) / 1e9)}`);
}

function bytesUnder(dir, suffix) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) n += bytesUnder(p, suffix);
    else if (e.name.endsWith(suffix)) n += statSync(p).size;
  }
  return n;
}
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;

const rows = [];
const header = ["#", "measurement", "command", "wall: median (min–max)", "peak RSS: median (min–max)", "ratio", "note"];
const row = (id, what, c, res, ratio = "", note = "") => {
  const command = c.label ?? show(c.cmd, c.args);
  if (c.skip) return rows.push([id, what, command, c.skip, "–", "–", note]);
  if (res.failure) return rows.push([id, what, command, `failed (${res.failure})`, "–", "–", note]);
  rows.push([id, what, command, wallCell(res), rssCell(res), ratio, note]);
};

function machineFacts(loadStart) {
  const nproc = firstLine("nproc", []) ?? String(availableParallelism());
  const git = firstLine("git", ["-C", root, "describe", "--always", "--dirty"]);
  return [
    `- nproc: ${nproc}; CPU: ${cpus()[0]?.model ?? "?"}`,
    `- node: ${process.version}`,
    `- ledger: ${firstLine("ledger") ?? "not installed"}`,
    `- hledger: ${firstLine("hledger") ?? "not installed"}`,
    `- beancount: ${firstLine("bean-check") ?? "not installed"}`,
    `- yusuan: ${git ? `git ${git}` : "?"} (dist/ as built)`,
    `- meter: ${meter.describe}; wall time is process.hrtime around each spawn`,
    `- runs: 1 warm-up + ${o.runs} measured per command, interleaved${o.quick ? " (--quick sizes)" : ""}`,
    `- load average at start: ${loadStart.map((x) => x.toFixed(2)).join(" ")}`,
  ];
}

const yusuan = (...args) => ({ cmd: NODE, args: [YUSUAN, ...args], cwd: root });

function measure1() {
  const { departments, projects } = o.sizes.m1;
  log(`[1] ${departments} departments × ${projects} minimal projects vs ledger, hledger, beancount`);
  const dir = join(tmp, "m1");
  generate(dir, { departments, projects });
  const cases = [
    { key: "yusuan", ...yusuan("check", join(dir, "province.budget")), mustSucceed: true },
    // The whole build of the same province, without the cache: html, md and json of every department.
    { key: "build", ...yusuan("build", join(dir, "province.budget"), "--out", join(tmp, "m1-out"), "--format", "html,md,json", "--no-cache"), mustSucceed: true },
    { key: "ledger", cmd: "ledger", args: ["-f", join(dir, "journal.ledger"), "bal"] },
    { key: "hledger", cmd: "hledger", args: ["-f", join(dir, "journal.ledger"), "bal"] },
    // -C: Beancount 2 would otherwise write a pickle cache next to the journal and read that instead.
    { key: "beancount", cmd: "bean-check", args: ["-C", join(dir, "journal.beancount")] },
  ];
  for (const c of cases) if (c.key !== "yusuan" && !installed(c.cmd)) c.skip = "not installed";
  const res = measureInterleaved(meter, cases, o.runs, log);
  const ledger = res.get("ledger");
  const base = ledger.walls.length ? median(ledger.walls) : NaN;
  const baseRss = ledger.rsss.length ? median(ledger.rsss) : NaN;
  const sizes = {
    yusuan: `${mb(bytesUnder(dir, ".budget"))} of .budget`,
    build: `${mb(bytesUnder(dir, ".budget"))} of .budget; html, md, json written`,
    ledger: `${mb(statSync(join(dir, "journal.ledger")).size)} journal`,
    hledger: "same journal as ledger",
    beancount: `${mb(statSync(join(dir, "journal.beancount")).size)} journal`,
  };
  for (const c of cases) {
    const r = res.get(c.key);
    const wall = r.walls.length ? median(r.walls) : NaN;
    const rss = r.rsss.length ? median(r.rsss) : NaN;
    const ratio = c.key === "ledger" ? "1.00× (base)" : `${fmtRatio(wall / base)} ledger`;
    row("1", `${departments}×${projects} minimal: ${c.key === "yusuan" ? "yusuan check" : c.key === "build" ? "yusuan build" : c.key}`, c, r, ratio, c.key === "ledger" || !Number.isFinite(rss / baseRss) ? sizes[c.key] : `${sizes[c.key]}; RSS ${fmtRatio(rss / baseRss)} ledger's`);
  }
}

function measure2() {
  log(`[2] scaling: one department of ${o.sizes.scaling.join(", ")} minimal projects`);
  const cases = o.sizes.scaling.map((n) => {
    const dir = join(tmp, `s${n}`);
    generate(dir, { departments: 1, projects: n });
    return { key: `${n}`, ...yusuan("check", join(dir, "province.budget")), mustSucceed: true, n, mb: bytesUnder(dir, ".budget") };
  });
  const res = measureInterleaved(meter, cases, o.runs, log);
  let prev;
  for (const c of cases) {
    const r = res.get(c.key);
    const wall = median(r.walls);
    const ratio = prev ? wall / prev.wall : NaN;
    const target = prev ? Number(((1.1 * c.n) / prev.n).toFixed(2)) : NaN;
    const note = prev ? `${c.n / prev.n}× the projects; target ≤ ${target}×: ${ratio <= target ? "met" : "missed"}` : "";
    row("2", `scaling: 1 dept × ${c.n.toLocaleString("en")} projects`, c, r, prev ? `${fmtRatio(ratio)} prev` : "–", `${mb(c.mb)}; ${Math.round(c.n / wall).toLocaleString("en")} projects/s${note ? `; ${note}` : ""}`);
    prev = { wall, n: c.n };
  }
}

function measure3() {
  log(`[3] one department (${REFERENCE}) vs node -e 0`);
  const cases = [
    { key: "yusuan", ...yusuan("check", REFERENCE), mustSucceed: true },
    { key: "node", cmd: NODE, args: ["-e", "0"], cwd: root },
  ];
  const res = measureInterleaved(meter, cases, o.runs, log);
  const base = median(res.get("node").walls);
  const ratio = median(res.get("yusuan").walls) / base;
  row("3", "one department: yusuan check", cases[0], res.get("yusuan"), `${fmtRatio(ratio)} node -e 0`, `target ≤ 3×: ${ratio <= 3 ? "met" : "missed"}`);
  row("3", "one department: bare node", cases[1], res.get("node"), "1.00× (base)", "");
}

// Reads and parses every .json under BENCH_JSON_DIR; prints the count, bytes and in-process time.
const PARSE_JSON = [
  "const fs=require('fs'),path=require('path');const t0=process.hrtime.bigint();let files=0,bytes=0;",
  "const walk=(d)=>{for(const e of fs.readdirSync(d,{withFileTypes:true})){const p=path.join(d,e.name);",
  "if(e.isDirectory())walk(p);else if(e.name.endsWith('.json')){const s=fs.readFileSync(p,'utf8');bytes+=Buffer.byteLength(s);JSON.parse(s);files++}}};",
  "walk(process.env.BENCH_JSON_DIR);",
  "process.stdout.write(JSON.stringify({files,bytes,ms:Number(process.hrtime.bigint()-t0)/1e6}));",
].join("");

function measure4() {
  const departments = o.sizes.reference;
  log(`[4] ${departments} reference-shaped departments × 13 projects: check, build, JSON.parse of the build's JSON`);
  const dir = join(tmp, "ref");
  const out = join(tmp, "ref-out");
  generate(dir, { departments, projects: 13, shape: "reference" });
  const province = join(dir, "province.budget");
  const check = { key: "check", ...yusuan("check", province), mustSucceed: true };
  const build = { key: "build", ...yusuan("build", province, "--out", out, "--format", "html,md,json", "--no-cache") };

  log("  trial build of the roll-up");
  const trial = runOnce(meter, build.cmd, build.args, build);
  let jsonDir = out;
  let jsonNote = "the roll-up build's JSON";
  build.warmedUp = trial.code === 0; // the trial build was its warm-up
  if (trial.code !== 0) {
    build.skip = `failed (exit ${trial.code}: ${firstErrorLine(trial)})`;
    log(`  roll-up build failed: ${firstErrorLine(trial)}`);
    // Stand-in: one department built alone, its JSON copied once per department.
    const sample = join(tmp, "ref-sample");
    const one = runOnce(meter, NODE, [YUSUAN, "build", join(dir, "d0000", "budget.budget"), "--out", sample, "--format", "json"], { cwd: root });
    jsonDir = join(tmp, "ref-json-standin");
    if (one.code === 0) {
      mkdirSync(jsonDir, { recursive: true });
      for (let d = 0; d < departments; d++) copyFileSync(join(sample, "budget.json"), join(jsonDir, `d${String(d).padStart(4, "0")}.json`));
      jsonNote = `stand-in: d0000's budget.json (built alone) × ${departments}, as the roll-up build failed`;
    } else jsonNote = `no JSON: the department build failed too (${firstErrorLine(one)})`;
  }
  const parse = { key: "json", cmd: NODE, args: ["-e", PARSE_JSON], label: `node -e '<read and JSON.parse every .json under ${jsonDir.split(tmp).join("$T")}>'`, cwd: root, env: { ...process.env, BENCH_JSON_DIR: jsonDir } };
  if (!existsSync(jsonDir)) parse.skip = "no JSON to parse";

  const cases = [check, build, parse];
  const res = measureInterleaved(meter, cases, o.runs, log);
  const checkWall = median(res.get("check").walls);
  const p = res.get("json");
  const parseWall = p.walls.length ? median(p.walls) : NaN;
  const inner = p.stdouts.map((s) => JSON.parse(s));
  const bytes = bytesUnder(dir, ".budget");
  row("4", `reference ${departments}×13: yusuan check`, check, res.get("check"), parse.skip ? "–" : `${fmtRatio(checkWall / parseWall)} JSON parse`, `${mb(bytes)} of .budget`);
  const b = res.get("build");
  row("4", `reference ${departments}×13: yusuan build html,md,json`, build, b, b.walls.length ? `${fmtRatio(median(b.walls) / checkWall)} check` : "–", b.walls.length ? `wrote ${mb(bytesUnder(out, ""))}` : "");
  row(
    "4",
    `reference ${departments}×13: node -e read+JSON.parse`,
    parse,
    p,
    parse.skip ? "–" : "1.00× (base)",
    inner.length ? `${inner[0].files} files, ${mb(inner[0].bytes)} (${jsonNote}); in-process read+parse ${fmtSeconds(median(inner.map((x) => x.ms)) / 1000)}` : jsonNote,
  );
}

function measure5() {
  const { departments, projects } = o.sizes.m1;
  log(`[5] rebuild of ${departments} × ${projects} after editing one department, against the full build`);
  const dir = join(tmp, "m1");
  if (!existsSync(join(dir, "province.budget"))) generate(dir, { departments, projects });
  const out = join(tmp, "m5-out");
  const edited = join(dir, "d0001", "budget.budget");
  // Each run appends a different comment to one department (the shell's pid), so that
  // exactly one department's inputs change; the cache serves the others.
  const rebuild = {
    key: "rebuild",
    cmd: "sh",
    args: ["-c", `printf '\\n# edit %s\\n' "$$" >> '${edited}' && exec '${NODE}' '${YUSUAN}' build '${join(dir, "province.budget")}' --out '${out}' --format html,md,json`],
    label: "edit d0001, then yusuan build (cache)",
    cwd: root,
    mustSucceed: true,
  };
  const full = { key: "full", ...yusuan("build", join(dir, "province.budget"), "--out", join(tmp, "m5-full"), "--format", "html,md,json", "--no-cache"), mustSucceed: true };
  const res = measureInterleaved(meter, [rebuild, full], o.runs, log);
  const base = median(res.get("full").walls);
  const ratio = median(res.get("rebuild").walls) / base;
  row("5", `rebuild after editing 1 of ${departments}`, rebuild, res.get("rebuild"), `${fmtRatio(ratio)} full build`, `target ≤ 0.1×: ${ratio <= 0.1 ? "met" : "missed"}`);
  row("5", `full build of ${departments} (no cache)`, full, res.get("full"), "1.00× (base)", "");
}

function measure6() {
  const departments = o.quick ? 3 : 10;
  log(`[6] PDF of ${departments} reference-shaped departments`);
  const dir = join(tmp, "pdf");
  generate(dir, { departments, projects: 13, shape: "reference" });
  const c = { key: "pdf", ...yusuan("build", join(dir, "province.budget"), "--out", join(tmp, "pdf-out"), "--format", "pdf", "--no-cache"), mustSucceed: true };
  if (!installed("chromium") && !process.env.YUSUAN_CHROMIUM) c.skip = "chromium not installed";
  const res = measureInterleaved(meter, [c], o.runs, log);
  const r = res.get("pdf");
  const each = r.walls.length ? median(r.walls) / departments : NaN;
  row("6", `PDF of ${departments} departments and the index`, c, r, "–", r.walls.length ? `${fmtSeconds(each)} per department (wall ÷ ${departments})` : "");
}

const loadStart = loadavg();
const facts = machineFacts(loadStart);
let failure;
try {
  measure1();
  measure2();
  measure3();
  measure4();
  measure5();
  measure6();
} catch (e) {
  failure = e;
}
const loadEnd = loadavg();

console.log("## yusuan benchmark (bench/compare.mjs)\n");
console.log([...facts, `- load average at end: ${loadEnd.map((x) => x.toFixed(2)).join(" ")}`].join("\n"));
console.log(`\n$T is the temporary input directory; ratios are of median wall times.\n`);
console.log(markdownTable(header, rows));
if (failure) {
  console.log(`\n**FAILED:** ${failure.message}`);
  if (!failure.benchFailure) console.error(failure.stack);
  process.exitCode = 1;
}
cleanup();
