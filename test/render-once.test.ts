/**
 * A build renders html and md from one view (renderDocuments): it must give exactly what
 * rendering each format on its own gives, for every budget of budgets/ in its profile.
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { checkBudget } from "../src/check/check.js";
import { fsHost } from "../src/cli/host.js";
import { nodeIo } from "../src/cli/io.js";
import { Profiles } from "../src/cli/profiles.js";
import { renderDocument, renderDocuments } from "../src/render/render.js";
import { loadBudget } from "../src/syntax/load.js";
import "../src/syntax/parser.js";
import "../src/catalogue/file.js";

describe("html and md from one view", () => {
  const budgets = fs.readdirSync("budgets").filter((f) => f.endsWith(".budget"));
  it("finds the budgets", () => expect(budgets.length).toBeGreaterThanOrEqual(3));
  for (const f of budgets) {
    it(`are what each format rendered apart is, for ${f}`, () => {
      const io = nodeIo();
      const profiles = new Profiles(io);
      const c = checkBudget(loadBudget(`budgets/${f}`, fsHost(io)), undefined, undefined, { profiles });
      const loaded = profiles.forBudget(c.profile);
      if (!("profile" in loaded)) throw new Error(loaded.problem);
      const pub = c.derivation.publication();
      const both = renderDocuments(pub, loaded.profile, ["html", "md"]);
      expect([...both.keys()]).toEqual(["html", "md"]);
      expect(both.get("html")).toBe(renderDocument(pub, loaded.profile, "html"));
      expect(both.get("md")).toBe(renderDocument(pub, loaded.profile, "md"));
      expect(both.get("md")).not.toContain("<svg");
    });
  }
});
