/**
 * The JSON Schema of the publication JSON, generated from the zod schema (types.ts), so
 * that the schema shipped in schema/publication.schema.json cannot disagree with what
 * `yusuan build --format json` writes.
 */
import { z } from "zod";
import { RollupIndex } from "./rollup.js";
import { Publication } from "./types.js";

export function publicationJsonSchema(): string {
  const schema = z.toJSONSchema(Publication, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const withMeta = {
    $schema: schema["$schema"],
    title: "yusuan publication",
    description: "A department budget disclosure (部门预算公开) as data: every table, prose figure, chart and form, derived from the budget source. Amounts are exact decimal strings: 万元 with two decimals (more only when finer), or whole 元 in performance forms.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
  return JSON.stringify(withMeta, null, 2) + "\n";
}

/** The JSON Schema of a roll-up build's index (`OUT/<roll-up name>.json`). */
export function rollupJsonSchema(): string {
  const schema = z.toJSONSchema(RollupIndex, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const withMeta = {
    $schema: schema["$schema"],
    title: "yusuan roll-up index",
    description: "The index of a province's or city's build: each department's 收入总计, current-year income by source and 上年结转, their totals, and the path of each department's publication. Amounts are exact decimal strings in 万元.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
  return JSON.stringify(withMeta, null, 2) + "\n";
}
