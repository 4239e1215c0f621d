#!/usr/bin/env node
/**
 * Compares the two parsers of dist/syntax/: the Chevrotain parser (parseSlow) and the
 * fast path for well-formed input (fastParse, which parse() tries first). Two budgets
 * are measured: 100,000 minimal projects after a department block (the shape of a
 * province's CI run), and the 10,000 reference-shaped projects of bench/generate.mjs.
 * Each parser runs once to warm up, then five times; the median is reported in MB/s of
 * UTF-8 source and in projects per second. Before timing, the two trees are checked to
 * be deep-equal, which is the invariant of the fast path.
 *
 *   npm run build && node --expose-gc bench/parse-fast.mjs [--minimal N] [--reference N]
 *
 * Run node with --expose-gc to collect garbage between runs, which steadies the figures.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { defaultPath, writeBudget } from "./generate.mjs";

const RUNS = 5;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const count = (flag, fallback) => {
  const at = args.indexOf(flag);
  return at >= 0 ? Number(String(args[at + 1]).replace(/[_,]/g, "")) : fallback;
};
const minimalN = count("--minimal", 100_000);
const referenceN = count("--reference", 10_000);

const parserJs = join(root, "dist", "syntax", "parser.js");
const fastJs = join(root, "dist", "syntax", "fast.js");
if (!existsSync(parserJs) || !existsSync(fastJs)) {
  console.error("dist/syntax/parser.js or fast.js is missing: run `npm run build` first.");
  process.exit(2);
}
const { parseSlow } = await import(pathToFileURL(parserJs).href);
const { fastParse } = await import(pathToFileURL(fastJs).href);

/** A department block and n projects with one line of each kind, as a province's budgets have. */
function minimalBudget(n) {
  const parts = ['部门 609 "基准测试部门" {\n  年度 2024\n  金额单位 万元\n  类型 事业单位\n}\n'];
  for (let i = 0; i < n; i++) parts.push(`项目 "项目${i + 1}" {\n  科目 2010402\n  类别 其他运转类\n  一般公共预算 12.50万元\n}\n`);
  return parts.join("");
}

function referenceBudget(n) {
  const file = defaultPath(n);
  if (!existsSync(file)) writeBudget(n, file);
  return readFileSync(file, "utf8");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => globalThis.gc?.();

/** Median time of RUNS calls after one warm-up call (timed too: a CI run parses once), and the last result. */
function time(fn) {
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  const times = [];
  let out;
  for (let run = 0; run < RUNS; run++) {
    // The tree of the previous run is released first: a CI run holds one tree, not two.
    out = undefined;
    gc();
    const t0 = performance.now();
    out = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), times, first, out };
}

function measure(label, text, n) {
  const bytes = Buffer.byteLength(text, "utf8");
  const mb = bytes / 1e6;
  const slowOnce = parseSlow("bench.budget", text);
  if (slowOnce.diagnostics.length) throw new Error(`${label}: ${slowOnce.diagnostics.length} diagnostics; first: ${JSON.stringify(slowOnce.diagnostics[0])}`);
  const fastOnce = fastParse("bench.budget", text);
  if (!fastOnce) throw new Error(`${label}: the fast path rejected the budget`);
  if (!isDeepStrictEqual(fastOnce, slowOnce.file)) throw new Error(`${label}: the fast path built a different tree`);
  const projects = fastOnce.stmts.filter((s) => s.kw === "Project").length;
  if (projects !== n) throw new Error(`${label}: expected ${n} projects, parsed ${projects}`);

  const slow = time(() => parseSlow("bench.budget", text));
  const fast = time(() => fastParse("bench.budget", text));
  const row = (name, r) =>
    `  ${name.padEnd(11)} median ${r.ms.toFixed(1).padStart(7)} ms [${r.times.map((x) => x.toFixed(0)).join(", ")}]  ` +
    `${(mb / (r.ms / 1000)).toFixed(2).padStart(6)} MB/s  ${Math.round(n / (r.ms / 1000)).toLocaleString("en-US").padStart(10)} projects/s  (first call ${r.first.toFixed(0)} ms)`;
  console.log(`${label}: ${n.toLocaleString("en-US")} projects, ${mb.toFixed(2)} MB of UTF-8 (${text.length.toLocaleString("en-US")} UTF-16 code units)`);
  console.log(row("parseSlow", slow));
  console.log(row("fastParse", fast));
  console.log(`  speed-up    ${(slow.ms / fast.ms).toFixed(1)}×`);
}

console.log(`node ${process.version}${globalThis.gc ? ", --expose-gc" : ""}; median of ${RUNS} runs after one warm-up`);
measure("minimal", minimalBudget(minimalN), minimalN);
measure("reference-shaped", referenceBudget(referenceN), referenceN);
