#!/usr/bin/env node
/**
 * The mutation study: how many of the slips budget officers make with money (see
 * bench/mutate.mjs) change a published money figure without an error diagnostic.
 *
 * Each mutant of the reference budget is loaded and checked in process; a mutant with an
 * error is caught. A mutant without one is derived, and its publication's money figures
 * (every amount field of the model, as printed: 万元 to two decimals, 元 whole) are
 * compared with the reference's. Those that changed a figure passed with a warning only,
 * or unnoticed; both are sorted into:
 * - undetectable: the budget is consistent after the slip (an amount moved between two
 *   projects together with their forms, a subject code changed to another valid one), or
 *   the slip is small (a digit, ×10) in a figure the budget states only once (a
 *   carry-over, last year's figures, procurement, a multi-year form's 实施期资金);
 * - plausibility only: a figure stated once, off by 10² or more (×100, ×1000, ×10⁴,
 *   ÷10⁴, 万元 ↔ 元), which only a plausibility rule can notice;
 * - missing check: a figure the budget states twice (a control total, a form, a cost
 *   indicator, the overall form), or a negative amount, which a check should have caught.
 *
 *   npm run build && node bench/mutants.mjs [--root DIR] [--budget FILE] [--list]
 *
 * --root runs the study against another checkout's dist/ (an older commit, to compare
 * before and after); --list prints every mutant that passed unnoticed, with its bucket.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bucket, mutants } from "./mutate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const root = resolve(opt("--root", join(here, "..")));
const entry = opt("--budget", "budgets/jinzhong-econ-ops-2024.budget");
const list = argv.includes("--list");
const dist = (p) => pathToFileURL(join(root, "dist", p)).href;
if (!existsSync(join(root, "dist", "check", "check.js"))) {
  console.error(`${join(root, "dist")} is missing: run \`npm run build\` there first.`);
  process.exit(2);
}
await import(dist("syntax/parser.js"));
const { loadBudget } = await import(dist("syntax/load.js"));
const { checkBudget } = await import(dist("check/check.js"));
const { figures } = await import(dist("model/provenance.js"));
const { wan, yuanGrouped } = await import(dist("base/money.js"));
const { builtinCatalogue } = await import(dist("catalogue/catalogue.js"));

const disk = (p) => (existsSync(p) ? readFileSync(p, "utf8") : undefined);

/** Loads and checks a budget whose files come from `files` (path → text), else from disk. */
function run(files) {
  const loaded = loadBudget(entry, { read: (p) => (files.has(p) ? files.get(p) : disk(p)) });
  const checked = checkBudget(loaded);
  return { loaded, checked, errors: checked.diagnostics.filter((d) => d.severity === "error") };
}

/** The money figures of a publication as printed, by JSON pointer. */
function printed(checked) {
  const out = new Map();
  for (const f of figures(checked.derivation.publication())) out.set(f.pointer, f.unit === "万元" ? wan(f.fen) : yuanGrouped(f.fen));
  return out;
}

function sameFigures(a, b) {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

const base = run(new Map());
if (base.errors.length) {
  console.error(`${entry} does not check clean: ${base.errors.map((d) => d.code).join(", ")}`);
  process.exit(1);
}
const files = new Map(base.loaded.files.map((f) => [f.path, f.text]));
const key = (d) => `${d.code}|${d.span.file}|${d.message.en}`;
const baseWarnings = new Set(base.checked.diagnostics.map(key));
const budget = base.loaded.budget;
const reference = printed(base.checked);

// Other valid codes for a code: its neighbours in the catalogue (same length, last digits ±1…±3).
const catalogue = builtinCatalogue(budget.department?.year?.value ?? 2024);
function validCodes(code, kind) {
  const out = [];
  for (const d of [1, 2, 3, -1, -2, -3]) {
    const c = String(Number(code) + d).padStart(code.length, "0");
    const s = kind === "functional" ? catalogue.functional(c) : catalogue.economic(c);
    if (s && s.code === c && (kind === "economic" ? s.level === "款" : true)) out.push(c);
    if (out.length === 2) break;
  }
  return out;
}

const rows = new Map();
const row = (op) => rows.get(op) ?? rows.set(op, { mutants: 0, caught: 0, unchanged: 0, crashed: 0, warned: 0, undetectable: 0, "plausibility only": 0, "missing check": 0 }).get(op);
// The mutants that pass without an error, warned or not, by bucket.
const noError = { undetectable: 0, "plausibility only": 0, "missing check": 0 };
const passed = [];
let total = 0;
const started = performance.now();
for (const m of mutants(files, budget, validCodes)) {
  // The role of a figure's owner decides the bucket of a form's 实施期资金.
  const r = row(m.operator);
  r.mutants++;
  total++;
  let result;
  try {
    result = run(m.files);
  } catch (e) {
    r.crashed++;
    passed.push({ m, bucket: `crashed: ${e?.message ?? e}` });
    continue;
  }
  if (result.errors.length) {
    r.caught++;
    continue;
  }
  let figs;
  try {
    figs = printed(result.checked);
  } catch (e) {
    r.crashed++;
    passed.push({ m, bucket: `crashed in derivation: ${e?.message ?? e}` });
    continue;
  }
  if (sameFigures(figs, reference)) {
    r.unchanged++;
    continue;
  }
  const b = bucket(m, budget);
  noError[b]++;
  // Warnings the reference itself has (a copied text, say) are not the mutant's.
  const warnings = result.checked.diagnostics.filter((d) => !baseWarnings.has(key(d))).map((d) => d.code);
  if (warnings.length) r.warned++;
  else r[b]++;
  passed.push({ m, bucket: warnings.length ? `warned (${b})` : b, warnings });
}
const seconds = (performance.now() - started) / 1000;

const cols = ["mutants", "caught", "unchanged", "crashed", "warned", "undetectable", "plausibility only", "missing check"];
const sumRow = Object.fromEntries(cols.map((c) => [c, [...rows.values()].reduce((s, r) => s + r[c], 0)]));
console.log(`# Mutation study of ${entry} (code: ${root})`);
console.log();
console.log(`${total} mutants in ${seconds.toFixed(1)} s. caught: an error diagnostic; unchanged: no published money figure changed;`);
console.log("warned: a published money figure changed, with a warning but no error; the last three columns changed one with no");
console.log("diagnostic at all, sorted as the header of bench/mutants.mjs says.");
console.log();
console.log(`| operator | ${cols.join(" | ")} |`);
console.log(`|---|${cols.map(() => "---:").join("|")}|`);
for (const [op, r] of rows) console.log(`| ${op} | ${cols.map((c) => r[c]).join(" | ")} |`);
console.log(`| **all** | ${cols.map((c) => `**${sumRow[c]}**`).join(" | ")} |`);
console.log();
console.log(`Changed a published money figure with no error (warned or not): ${Object.values(noError).reduce((a, b) => a + b, 0)}: ${Object.entries(noError).map(([k, v]) => `${k} ${v}`).join(", ")}.`);
if (list) {
  console.log();
  for (const { m, bucket: b, warnings } of passed) console.log(`${b}\t${m.id}${warnings?.length ? `\t(warnings: ${[...new Set(warnings)].join(", ")})` : ""}`);
}
