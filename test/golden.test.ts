/**
 * Golden files of the publication: every budget in budgets/ builds (html, md, json) to
 * exactly the reviewed files under test/golden/<budget>/, and two builds are byte
 * identical. A missing golden fails in CI; UPDATE_GOLDEN=1 rewrites them for review.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { nodeIo } from "../src/cli/io.js";

const UPDATE = process.env["UPDATE_GOLDEN"] === "1";
const budgets = fs.readdirSync("budgets").filter((f) => f.endsWith(".budget")).sort();

async function build(out: string): Promise<void> {
  const io = { ...nodeIo(), out: () => {}, err: (t: string) => process.stderr.write(t) };
  expect(await main(["build", "budgets", "--out", out, "--format", "html,md,json"], io)).toBe(0);
}

describe("the publication", () => {
  it("is byte-identical across two builds and equal to the goldens", async () => {
    const a = fs.mkdtempSync("/tmp/yusuan-golden-a-");
    const b = fs.mkdtempSync("/tmp/yusuan-golden-b-");
    await build(a);
    await build(b);
    for (const name of budgets.map((f) => f.slice(0, -".budget".length))) {
      for (const ext of ["html", "md", "json"]) {
        const file = `${name}.${ext}`;
        const got = fs.readFileSync(path.join(a, file), "utf8");
        expect(fs.readFileSync(path.join(b, file), "utf8"), file).toBe(got);
        const golden = path.join("test/golden", name, file);
        if (UPDATE || !fs.existsSync(golden)) {
          if (!UPDATE && process.env["CI"]) throw new Error(`missing golden ${golden}; run UPDATE_GOLDEN=1 npm test and review it`);
          fs.mkdirSync(path.dirname(golden), { recursive: true });
          fs.writeFileSync(golden, got);
        }
        expect(got, `${golden} is stale: run UPDATE_GOLDEN=1 npm test and review the diff`).toBe(fs.readFileSync(golden, "utf8"));
      }
    }
  });
});
