/**
 * Quick fixes: a diagnostic whose hint states an exact edit carries it as `fix`, and
 * applying that edit to the fixture removes the diagnostic. Every bad fixture is tried;
 * the codes that offered a fix are listed, so that a fix dropped from a rule fails here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/base/diagnostics.js";
import { checkEntry } from "../src/check/entry.js";
import { fixtureDirs, FIXTURES } from "./helpers/fixtures.js";

function check(files: Record<string, string>, entry: string): Diagnostic[] {
  return checkEntry(entry, {
    read: (p) => files[p] ?? (fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined),
  }).diagnostics;
}

/** Where a diagnostic stands, to find it again after an edit elsewhere in the file moved the offsets. */
function sameKind(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message.en === b.message.en;
}

describe("quick fixes", () => {
  const fixed = new Set<string>();
  for (const code of fixtureDirs()) {
    const dir = path.join(FIXTURES, code);
    for (const f of fs.readdirSync(dir).filter((x) => /^bad-.*\.budget$/.test(x))) {
      const entry = path.join(dir, f);
      const before = check({}, entry);
      for (const d of before.filter((x) => x.fix)) {
        fixed.add(d.code);
        it(`${code}/${f}: ${d.fix!.title.en} removes the diagnostic`, () => {
          const fix = d.fix!;
          const text = fs.readFileSync(fix.span.file, "utf8");
          const edited = text.slice(0, fix.span.start) + fix.replacement + text.slice(fix.span.end);
          expect(edited).not.toBe(text);
          const after = check({ [fix.span.file]: edited }, entry);
          expect(after.filter((x) => sameKind(x, d))).toEqual([]);
          // The edit introduces no syntax error.
          expect(after.filter((x) => x.code === "syntax-error" || x.code === "unexpected-character").length).toBeLessThanOrEqual(before.filter((x) => x.code === "syntax-error" || x.code === "unexpected-character").length);
        });
      }
    }
  }
  it("are offered by the codes whose hints state their replacement", () => {
    expect([...fixed].sort()).toEqual([
      "category-unknown",
      "cost-indicator-mismatch",
      "full-width-character",
      "indicator-level-pair",
      "last-year-reason-missing",
      "reason-punctuation",
      "self-reference",
      "staffing-sum",
      "subject-name-mismatch",
      "unresolved-reference",
    ]);
  });
});
