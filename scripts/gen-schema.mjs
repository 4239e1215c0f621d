#!/usr/bin/env node
// Writes schema/publication.schema.json, the JSON Schema of `yusuan build --format json`
// output, and schema/rollup.schema.json, that of a roll-up build's index, generated from
// the zod schemas in src/model/ (run `npm run build` first). With --check, exits 1 when a
// committed file is stale instead of writing it.
import * as fs from "node:fs";
import { publicationJsonSchema, rollupJsonSchema } from "../dist/model/schema.js";

for (const [name, text] of [
  ["publication.schema.json", publicationJsonSchema()],
  ["rollup.schema.json", rollupJsonSchema()],
]) {
  const file = new URL(`../schema/${name}`, import.meta.url);
  if (process.argv.includes("--check")) {
    const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (old !== text) {
      console.error(`schema/${name} is stale: run npm run build && node scripts/gen-schema.mjs`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(file, text);
  }
}
