#!/usr/bin/env node
/**
 * Hover latency of the language server's features on the reference budget, in process
 * (src/lsp/hover.ts over a Workspace reading the disk, from dist/): the time `hoverAt`
 * takes, without the JSON-RPC round trip, which does not depend on the budget. Two
 * rounds: after a cold check (the first in a fresh process) and after a warm one (the
 * same entry checked again, as after an edit: a new check starts with empty caches).
 * Each round hovers N positions where figures answer (amounts, subject codes, project
 * names, in a seeded random order) and N random offsets of the two files, and prints the
 * check's time, the first hover's (which pays for whatever is computed once per check)
 * and p50, p95 and max of the rest.
 *
 *   npm run build && node bench/hover.mjs [N]
 *
 * N defaults to 200.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = (p) => pathToFileURL(join(root, "dist", p)).href;
const { Workspace } = await import(dist("lsp/workspace.js"));
const { hoverAt } = await import(dist("lsp/hover.js"));
const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 200);

const budgets = join(root, "budgets");
const main = join(budgets, "jinzhong-econ-ops-2024.budget");
const projects = join(budgets, "jinzhong-econ-ops-2024", "projects.budget");
const fs = {
  read: (p) => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  },
  list: (d) => {
    try {
      return readdirSync(d);
    } catch {
      return [];
    }
  },
};

/** A seeded generator (mulberry32), so that every run hovers the same positions. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const files = [main, projects].map((path) => ({ path, text: readFileSync(path, "utf8") }));
const figurePositions = files.flatMap(({ path, text }) =>
  [...text.matchAll(/\d[\d,]*(?:\.\d+)?(?:万元|元)|(?<=(?:科目|支出) )\d{3,7}|(?<=项目 ")/g)].map((m) => ({ path, offset: m.index })),
);
const rnd = random(20240101);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const onFigures = Array.from({ length: n }, () => pick(figurePositions));
const anywhere = Array.from({ length: n }, () => {
  const f = pick(files);
  return { path: f.path, offset: Math.floor(rnd() * f.text.length) };
});

const quantile = (xs, q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x) => `${x.toFixed(2)} ms`;

function round(ws, label) {
  const t0 = performance.now();
  ws.check(main);
  const checkMs = performance.now() - t0;
  console.log(`\n${label}: check ${ms(checkMs)}`);
  for (const [what, positions] of [
    ["figures", onFigures],
    ["anywhere", anywhere],
  ]) {
    const times = [];
    let answered = 0;
    for (const p of positions) {
      const s = performance.now();
      const h = hoverAt(ws, p.path, p.offset, "zh", (span) => `${span.file}#${span.start}`);
      times.push(performance.now() - s);
      if (h) answered++;
    }
    const first = times[0];
    const rest = times.slice(1).sort((a, b) => a - b);
    console.log(`  ${what.padEnd(8)} ${positions.length} hovers (${answered} answered): first ${ms(first)} · p50 ${ms(quantile(rest, 0.5))} · p95 ${ms(quantile(rest, 0.95))} · max ${ms(rest[rest.length - 1])}`);
  }
}

const ws = new Workspace(fs, [budgets]);
ws.setDocument(main, files[0].text);
ws.setDocument(projects, files[1].text);
round(ws, "after a cold check");
round(ws, "after a warm check");
