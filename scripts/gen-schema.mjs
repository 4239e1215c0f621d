#!/usr/bin/env node
// Writes schema/publication.schema.json, the JSON Schema of `yusuan build --format json`
// output, generated from the zod schema in src/model/types.ts (run `npm run build` first).
// With --check, exits 1 when the committed file is stale instead of writing it.
import * as fs from "node:fs";
import { publicationJsonSchema } from "../dist/model/schema.js";

const file = new URL("../schema/publication.schema.json", import.meta.url);
const text = publicationJsonSchema();
if (process.argv.includes("--check")) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (old !== text) {
    console.error("schema/publication.schema.json is stale: run npm run build && node scripts/gen-schema.mjs");
    process.exit(1);
  }
} else {
  fs.writeFileSync(file, text);
}
