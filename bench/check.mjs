#!/usr/bin/env node
/**
 * Measures loading and checking (every rule of the checker, from dist/) on generated
 * budgets of 70, 700 and 7,000 projects, each with a full performance form (see
 * bench/generate.mjs): the median of five runs per size, in process, with the source
 * held in memory so that disk reads are not timed. It prints one row per size and the
 * ratio of each size's time to the previous one's: a linear checker stays near 10 for
 * each tenfold input.
 *
 *   npm run build && node --max-old-space-size=8192 --expose-gc bench/check.mjs [N…]
 *
 * The sizes default to 70 700 7000: a source file is refused above 16 MiB (file-too-large),
 * about 7,900 such projects, and a size refused is reported as such rather than timed.
 * --expose-gc lets the runs start from a collected heap, which steadies the figures.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateBudget } from "./generate.mjs";

const RUNS = 5;
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => pathToFileURL(join(root, "dist", p)).href;
if (!existsSync(join(root, "dist", "check", "check.js"))) {
  console.error("dist/check/check.js is missing: run `npm run build` first.");
  process.exit(2);
}
const { loadBudget } = await import(dist("syntax/load.js"));
const { checkBudget } = await import(dist("check/check.js"));
const { RULES } = await import(dist("check/rules/index.js"));

const sizes = process.argv.slice(2).filter((a) => /^\d[\d_,]*$/.test(a)).map((a) => Number(a.replace(/[_,]/g, "")));
if (!sizes.length) sizes.push(70, 700, 7_000);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const gc = () => globalThis.gc?.();
const ms = (x) => x.toFixed(0).padStart(8);

// A small budget first, so that module loading and the parser's first-call set-up are not timed.
{
  const warm = generateBudget(50);
  checkBudget(loadBudget("warm.budget", { read: (p) => (p === "warm.budget" ? warm : undefined) }));
}

console.log(`${RULES.length} rules; median of ${RUNS} runs each`);
console.log(`${"projects".padStart(9)} ${"MB".padStart(7)} ${"load ms".padStart(8)} ${"check ms".padStart(8)} ${"total ms".padStart(8)} ${"×prev".padStart(6)} ${"check×".padStart(7)} ${"diags".padStart(6)}`);
let prev;
let prevCheck;
for (const n of sizes) {
  const text = generateBudget(n);
  const file = `bench-${n}.budget`;
  const host = { read: (p) => (p === file ? text : undefined) };
  const loads = [];
  const checks = [];
  let diagnostics = 0;
  for (let run = 0; run < RUNS; run++) {
    gc();
    let t = performance.now();
    const loaded = loadBudget(file, host);
    loads.push(performance.now() - t);
    const refused = loaded.diagnostics.find((d) => d.code === "file-too-large");
    if (refused) {
      console.log(`${String(n).padStart(9)} ${(Buffer.byteLength(text, "utf8") / 1e6).toFixed(1).padStart(7)}  refused: ${refused.message.en}`);
      break;
    }
    t = performance.now();
    const checked = checkBudget(loaded);
    checks.push(performance.now() - t);
    diagnostics = checked.diagnostics.length;
  }
  if (loads.length < RUNS) continue;
  const load = median(loads);
  const check = median(checks);
  const total = median(loads.map((l, i) => l + checks[i]));
  // The ratio to the previous size: about 10 for each tenfold input when the time is linear.
  const ratio = prev ? (total / prev).toFixed(1) : "";
  const checkRatio = prevCheck ? (check / prevCheck).toFixed(1) : "";
  console.log(`${String(n).padStart(9)} ${(Buffer.byteLength(text, "utf8") / 1e6).toFixed(1).padStart(7)} ${ms(load)} ${ms(check)} ${ms(total)} ${ratio.padStart(6)} ${checkRatio.padStart(7)} ${String(diagnostics).padStart(6)}`);
  prev = total;
  prevCheck = check;
}
