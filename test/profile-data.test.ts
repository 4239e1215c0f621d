/**
 * Tables a profile defines as data: the profile is checked when it is loaded (each amount
 * a source-summary table counts is counted by exactly one income line), and a department
 * the published Shanghai documents do not resemble (two kinds of unit, 事业收入, a 政府性基金
 * project, a carry-over) comes out balanced in every table of the shanghai profile.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { nodeIo } from "../src/cli/io.js";
import { loadProfile } from "../src/render/profile.js";
import type { PublicationJson } from "../src/model/types.js";

const SHANGHAI = fs.readFileSync("templates/shanghai/profile.json", "utf8");

describe("a profile's tables defined as data", () => {
  const layer = (json: unknown) => ({ origin: "test", profileJson: JSON.stringify(json), templates: { "document.html.hbs": "", "document.md.hbs": "" } });
  it("load from the shanghai profile without a problem", () => {
    expect(loadProfile([layer(JSON.parse(SHANGHAI))]).problems).toEqual([]);
  });
  it("are refused when an income line of a summary is missing or counts twice", () => {
    const p = JSON.parse(SHANGHAI) as { tables: { id: string; income?: { label: string }[] }[] };
    const t1 = p.tables.find((t) => t.id === "t1")!;
    t1.income = t1.income!.filter((l) => l.label !== "二、事业收入");
    expect(loadProfile([layer(p)]).problems).toContain("table t1: no income lines of level 0 count the 基本支出 amounts of 事业收入: each amount the table counts is counted by exactly one");
    const q = JSON.parse(SHANGHAI) as typeof p;
    const q1 = q.tables.find((t) => t.id === "t1")!;
    q1.income!.push({ label: "六、重复", ...({ filter: { sources: ["事业收入"] } } as object) });
    expect(loadProfile([layer(q)]).problems.filter((x) => x.includes("2 income lines"))).toHaveLength(3);
  });
});

describe("a third Shanghai department, built", () => {
  let pub: PublicationJson;
  it("checks and builds in the profile it names", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "yusuan-third-"));
    let stderr = "";
    const io = { ...nodeIo(), out: () => {}, err: (t: string) => void (stderr += t) };
    expect(await main(["build", "test/fixtures/profiles/shanghai-third.budget", "--out", out, "--format", "json,md,html"], io), stderr).toBe(0);
    pub = JSON.parse(fs.readFileSync(path.join(out, "shanghai-third.json"), "utf8")) as PublicationJson;
    expect(pub.profile).toBe("shanghai");
    // It names no key project: neither format lists 项目经费情况说明 or links to it.
    for (const f of ["md", "html"]) {
      const text = fs.readFileSync(path.join(out, `shanghai-third.${f}`), "utf8");
      expect(text, f).not.toContain("项目经费情况说明");
      expect(text, f).not.toContain("key-projects");
    }
  });
  const table = (id: string) => pub.profileTables!.find((t) => t.id === id)!;
  // Amounts in the JSON are decimal strings of 万元 with two places: compared exactly, in hundredths.
  const n = (s: string | undefined) => BigInt((s ?? "0.00").replace(".", ""));
  it("balances 收入总计 against 支出总计, the carry-over on a line of its own", () => {
    for (const id of ["t1", "t4"]) expect(table(id).incomeTotal, id).toBe(table(id).total["total"] ?? table(id).total["amount"]);
    expect(table("t1").income!.map((l) => [l.label, l.amount])).toContainEqual(["五、上年结转", "4.00"]);
    expect(table("t1").incomeTotal).toBe("230.00");
  });
  it("has 合计 = 基本支出 + 项目支出 on every row of the spending tables", () => {
    for (const id of ["t3", "t5", "t6"]) {
      const t = table(id);
      for (const r of [...t.rows, { cells: t.total }]) expect(n(r.cells["total"]), id).toBe(n(r.cells["basic"]) + n(r.cells["project"]));
    }
    expect(table("t6").total["total"]).toBe("12.00");
  });
  it("counts 事业收入 in its own column of the income table", () => {
    expect(table("t2").total).toMatchObject({ total: "230.00", fiscal: "217.00", business: "13.00" });
  });
});
