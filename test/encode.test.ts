/**
 * The JSON a build writes is encoded by an encoder compiled from the publication's zod
 * schema (src/model/encode.ts), without validating the derivation's output again. It
 * must write exactly what zod's own encoding, which validates every node, writes: on
 * every budget of budgets/ (each in its own profile), with provenance, and on generated
 * reference-shaped departments.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkBudget } from "../src/check/check.js";
import { fsHost } from "../src/cli/host.js";
import { nodeIo } from "../src/cli/io.js";
import { Profiles } from "../src/cli/profiles.js";
import { Derivation } from "../src/model/derivation.js";
import { encoderOf } from "../src/model/encode.js";
import { toJson, toJsonValue } from "../src/model/json.js";
import { provenanceMap } from "../src/model/provenance.js";
import { Publication } from "../src/model/types.js";
import { loadBudget } from "../src/syntax/load.js";
import "../src/syntax/parser.js";
import "../src/catalogue/file.js";

const byZod = (p: Publication) => JSON.stringify(toJsonValue(p), null, 2) + "\n";

function checked(file: string) {
  const io = nodeIo();
  const c = checkBudget(loadBudget(file, fsHost(io)), undefined, undefined, { profiles: new Profiles(io) });
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return c;
}

describe("the compiled JSON encoder", () => {
  const budgets = fs.readdirSync("budgets").filter((f) => f.endsWith(".budget"));
  it("finds the budgets", () => expect(budgets.length).toBeGreaterThanOrEqual(3));
  for (const f of budgets) {
    it(`writes what zod writes for ${f}, with and without provenance`, () => {
      const c = checked(`budgets/${f}`);
      const pub = c.derivation.publication();
      expect(toJson(pub)).toBe(byZod(pub));
      const traced = new Derivation(c.effective, c.catalogue, { trace: true, ...(c.derivation.spec ? { spec: c.derivation.spec } : {}) });
      const texts = new Map(c.value.files.map((s) => [s.path, s] as const));
      const withSources = { ...traced.publication(), provenance: provenanceMap(traced.publication(), traced.tracer, (p) => texts.get(p)) };
      expect(Object.keys(withSources.provenance).length).toBeGreaterThan(100);
      expect(toJson(withSources)).toBe(byZod(withSources));
    });
  }

  it("writes what zod writes for generated reference-shaped departments", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-encode-");
    const r = spawnSync(process.execPath, ["bench/generate.js", "--departments", "3", "--projects", "20", "--out", dir, "--shape", "reference"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    for (const d of ["d0000", "d0001", "d0002"]) {
      const pub = checked(`${dir}/${d}/budget.budget`).derivation.publication();
      expect(toJson(pub)).toBe(byZod(pub));
    }
  });

  it("leaves out absent optional keys, keeps the schema's key order, and hands what it does not know to zod", () => {
    const Amount = z.codec(z.string(), z.number(), { decode: Number, encode: (n) => `#${n}` });
    const S = z.object({ b: z.string(), a: z.number().optional(), c: z.array(z.object({ y: Amount, x: z.boolean() })), d: z.record(z.string(), Amount) });
    const v = { a: undefined, d: { q: 1 }, c: [{ x: true, y: 2 }], b: "s", extra: 1 };
    expect(JSON.stringify(encoderOf(S)(v))).toBe(JSON.stringify(z.encode(S, v as never)));
    expect(JSON.stringify(encoderOf(S)(v))).toBe('{"b":"s","c":[{"y":"#2","x":true}],"d":{"q":"#1"}}');
  });
});
