/**
 * Every diagnostic code has fixtures: each bad-*.budget triggers its code where its
 * inline carets say (and its rendered report matches the golden bad-*.txt), each
 * ok-*.budget is a near miss that does not. Set UPDATE_GOLDEN=1 to rewrite goldens.
 * The import's codes point into a workbook: their fixture budget is built to one,
 * changed as its .patch.json says, and imported (helpers/import-fixture.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CODE_BY_NAME } from "../src/cli/codes.js";
import { diagnosticsText } from "../src/cli/report.js";
import { checkFile, expectations, fixtureDirs, FIXTURES, positioned } from "./helpers/fixtures.js";
import { importFixture } from "./helpers/import-fixture.js";

const UPDATE = process.env["UPDATE_GOLDEN"] === "1";

for (const code of fixtureDirs()) {
  const dir = path.join(FIXTURES, code);
  const files = fs.readdirSync(dir).sort();
  describe(code, () => {
    if (CODE_BY_NAME.get(code)?.stage === "import") {
      for (const f of files.filter((x) => /^bad-.*\.budget$/.test(x))) {
        it(`${f} reports ${code} when imported`, async () => {
          const p = path.join(dir, f);
          const diagnostics = await importFixture(p);
          expect(diagnostics.map((d) => d.code), p).toContain(code);
          const text = diagnosticsText(diagnostics, { get: () => undefined }, "zh", false);
          const golden = p.replace(/\.budget$/, ".txt");
          if (UPDATE || !fs.existsSync(golden)) {
            if (!UPDATE && process.env["CI"]) throw new Error(`missing golden ${golden}; run UPDATE_GOLDEN=1 npm test and review it`);
            fs.writeFileSync(golden, text);
          }
          expect(text).toBe(fs.readFileSync(golden, "utf8"));
        }, 60_000);
      }
      for (const f of files.filter((x) => /^ok-.*\.budget$/.test(x))) {
        it(`${f} does not report ${code} when imported`, async () => {
          const diagnostics = await importFixture(path.join(dir, f));
          expect(diagnostics.filter((d) => d.code === code).map((d) => d.message.en)).toEqual([]);
        }, 60_000);
      }
      return;
    }
    for (const f of files.filter((x) => /^bad-.*\.budget$/.test(x))) {
      it(`${f} reports ${code}`, () => {
        const p = path.join(dir, f);
        const { loaded, diagnostics } = checkFile(p);
        const mine = diagnostics.filter((d) => d.code === code);
        expect(mine.length, `no ${code} in ${p}: got ${diagnostics.map((d) => d.code).join(", ")}`).toBeGreaterThan(0);
        for (const e of expectations(loaded.files[0]?.text ?? "")) {
          const hit = diagnostics.some((d) => {
            if (d.code !== e.code) return false;
            if (e.line === undefined) return true;
            const pos = positioned(d, loaded);
            return pos.line === e.line && (e.column === undefined || pos.column === e.column);
          });
          expect(hit, `expected ${e.code} at ${e.line ?? "?"}:${e.column ?? "?"} in ${p}; got ${diagnostics.map((d) => `${d.code}@${positioned(d, loaded).line}:${positioned(d, loaded).column}`).join(", ")}`).toBe(true);
        }
        const sources = { get: (q: string) => loaded.files.find((x) => x.path === q) };
        const text = diagnosticsText(diagnostics, sources, "zh", false);
        const golden = p.replace(/\.budget$/, ".txt");
        if (UPDATE || !fs.existsSync(golden)) {
          if (!UPDATE && process.env["CI"]) throw new Error(`missing golden ${golden}; run UPDATE_GOLDEN=1 npm test and review it`);
          fs.writeFileSync(golden, text);
        }
        expect(text).toBe(fs.readFileSync(golden, "utf8"));
      });
    }
    for (const f of files.filter((x) => /^ok-.*\.budget$/.test(x))) {
      it(`${f} does not report ${code}`, () => {
        const p = path.join(dir, f);
        const { diagnostics } = checkFile(p);
        expect(diagnostics.filter((d) => d.code === code).map((d) => d.message.en)).toEqual([]);
      });
    }
  });
}
