#!/usr/bin/env node
// Renders a budget with a profile for inspection during development, from the compiled
// sources in dist/ (run `npx tsc -p .` first):
//   node scripts/render-dev.mjs [BUDGET] [--profile NAME] [--templates DIR] [--out DIR]
// It writes OUT/x.html and OUT/x.md (default /tmp/out). It reads the profile the way
// the CLI should: templates/<name>/ after the profile it extends, then DIR's overrides.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtinCatalogue } from "../dist/catalogue/catalogue.js";
import { derive } from "../dist/model/derive.js";
import { loadProfile, profileExtends } from "../dist/render/profile.js";
import { renderDocument } from "../dist/render/render.js";
import { loadBudget } from "../dist/syntax/load.js";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const profileName = opt("--profile", "shanxi-13");
const overrides = opt("--templates", undefined);
const outDir = opt("--out", "/tmp/out");
const budgetPath = args[0] ?? "budgets/jinzhong-econ-ops-2024.budget";

/** One folder as a profile layer: its profile.json (if any) and its .hbs files. */
function layer(dir) {
  const templates = {};
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".hbs")) templates[f] = readFileSync(join(dir, f), "utf8");
  const pj = join(dir, "profile.json");
  return { origin: dir, templates, ...(existsSync(pj) ? { profileJson: readFileSync(pj, "utf8") } : {}) };
}

/** The layers of a named profile, base first, following `extends`. */
function profileLayers(name, seen = new Set()) {
  if (seen.has(name)) throw new Error(`profile ${name} extends itself`);
  seen.add(name);
  const l = layer(join("templates", name));
  const base = l.profileJson ? profileExtends(l.profileJson) : undefined;
  return [...(base ? profileLayers(base, seen) : []), l];
}

const layers = profileLayers(profileName);
if (overrides) layers.push(layer(overrides));
const { profile, problems } = loadProfile(layers);
if (!profile) {
  console.error(problems.join("\n"));
  process.exit(1);
}

const read = (p) => {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
};
const loaded = loadBudget(budgetPath, { read });
for (const d of loaded.diagnostics) console.error(`${d.severity} ${d.code}: ${d.message?.en ?? JSON.stringify(d.message)}`);
const pub = derive(loaded.budget, builtinCatalogue(loaded.budget.department?.year?.value ?? 2024));

mkdirSync(outDir, { recursive: true });
for (const format of ["html", "md"]) {
  const text = renderDocument(pub, profile, format);
  writeFileSync(join(outDir, `x.${format}`), text);
  console.log(`${join(outDir, `x.${format}`)}: ${text.length} characters`);
}
