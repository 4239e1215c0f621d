/**
 * The subject tree's two ways in: `add` (a delta per amount, every node at once) and
 * `addTo` (one or two keys; untraced, gathered by code and brought into the nodes when
 * the tree is first read). Both must give the same rows and totals for any amounts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinCatalogue } from "../src/catalogue/catalogue.js";
import { SubjectTreeBuilder } from "../src/model/subjects.js";
import { Recorder } from "../src/model/trace.js";

const catalogue = builtinCatalogue(2024)!;
const KEYS = ["total", "basic", "project"] as const;
const code = fc.constantFrom(undefined, "201", "2010401", "2010402", "20104", "21907", "2190701", "2080501", "208");
const entry = fc.tuple(code, fc.constantFrom("basic", "project", undefined), fc.integer({ min: -1_000_000, max: 1_000_000_000 }));

describe("SubjectTreeBuilder.addTo", () => {
  it("gives the rows and totals of add, untraced and traced, read before and after more amounts", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.nat(30), (entries, readAt) => {
        const byAdd = new SubjectTreeBuilder(KEYS);
        const byAddTo = new SubjectTreeBuilder(KEYS);
        const traced = new SubjectTreeBuilder(KEYS, new Recorder());
        entries.forEach(([c, k2, fen], i) => {
          if (i === readAt) byAddTo.rows(catalogue);
          byAdd.add(c, k2 ? { total: fen, [k2]: fen } : { total: fen });
          byAddTo.addTo(c, "total", k2, fen);
          traced.addTo(c, "total", k2, fen);
        });
        expect(byAddTo.rows(catalogue)).toEqual(byAdd.rows(catalogue));
        expect(traced.rows(catalogue)).toEqual(byAdd.rows(catalogue));
        expect(byAddTo.total).toEqual(byAdd.total);
        for (const c of ["201", "20104", "2010401", "219", "21907", "2190701"]) expect(byAddTo.at(c)).toEqual(byAdd.at(c));
      }),
      { numRuns: 500 },
    );
  });
});
