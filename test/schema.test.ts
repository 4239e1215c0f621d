/**
 * The shipped JSON Schema equals the one generated from the zod schema.
 */
import * as fs from "node:fs";
import { expect, it } from "vitest";
import { publicationJsonSchema, rollupJsonSchema } from "../src/model/schema.js";

it("schema/publication.schema.json is up to date (npm run build && node scripts/gen-schema.mjs)", () => {
  expect(fs.readFileSync("schema/publication.schema.json", "utf8")).toBe(publicationJsonSchema());
});

it("schema/rollup.schema.json is up to date (npm run build && node scripts/gen-schema.mjs)", () => {
  expect(fs.readFileSync("schema/rollup.schema.json", "utf8")).toBe(rollupJsonSchema());
});
