#!/usr/bin/env node
/**
 * Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/bundle/ with esbuild:
 * one file for what every command needs (the argument parser and the dispatch), and
 * one for the worker threads of a roll-up (worker.js), and
 * one chunk per lazily imported part (each command, the full parser, the catalogue file
 * schema, rendering, charts). A start-up then reads a handful of files instead of
 * several hundred small modules, which is most of the time a one-budget `check` takes.
 * playwright-core stays outside: it is loaded only to print PDF, and it locates its own
 * files at run time.
 *
 * dist/bundle/ sits two levels below the project root, as dist/cli/ does, so the paths
 * the CLI resolves from its own location (templates/, docs/) are the same in both.
 */
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "bundle");
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: join(root, "dist", "cli", "main.js"), worker: join(root, "dist", "cli", "worker.js") },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // The office formats' libraries too: large, loaded only when asked for, and resvg is a native addon.
  external: ["playwright-core", "exceljs", "docx", "@resvg/resvg-js"],
  // CommonJS dependencies (handlebars) call require(); give the ESM bundle one.
  banner: { js: 'import { createRequire as __yusuanCreateRequire } from "node:module"; const require = __yusuanCreateRequire(import.meta.url);' },
  chunkNames: "[name]-[hash]",
  legalComments: "linked",
  logLevel: "warning",
  metafile: true,
});
// Which chunk imports which, statically or lazily: test/bundle.test.ts reads it to keep
// `check` free of the parser generator, the schemas, the templates and the charts.
writeFileSync(join(outdir, "meta.json"), JSON.stringify(result.metafile, null, 1));
