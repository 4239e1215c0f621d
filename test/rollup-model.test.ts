/**
 * The pieces of a roll-up build that are plain functions: the order departments are dealt
 * to the threads in, where each department's publication is written, and the index's figures.
 */
import { describe, expect, it } from "vitest";
import type { DepartmentTotals } from "../src/model/department.js";
import { outputBase } from "../src/cli/emit.js";
import { jobsFor, largestFirst } from "../src/cli/pool.js";
import { rollupIndex, rollupJson, RollupIndex } from "../src/model/rollup.js";
import { relativeHref } from "../src/render/view.js";
import type { Rollup } from "../src/syntax/ast.js";
import { BUDGET_LIMIT_FEN } from "../src/base/money.js";
import { checkRollup } from "../src/check/rollup.js";

const span = { file: "p.budget", start: 0, end: 0 };

describe("largestFirst", () => {
  it("deals the largest department first, equal sizes in roll-up order, each once", () => {
    expect(largestFirst([10, 300, 20, 300, 5])).toEqual([1, 3, 2, 0, 4]);
    expect(largestFirst([])).toEqual([]);
    for (let n = 0; n < 40; n++) {
      const sizes = [...Array(n).keys()].map((i) => (i * 7919) % 13);
      const order = largestFirst(sizes);
      expect([...order].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      for (let k = 1; k < n; k++) expect(sizes[order[k - 1]!]!).toBeGreaterThanOrEqual(sizes[order[k]!]!);
    }
  });
});

describe("jobsFor", () => {
  it("never uses more jobs than departments, and one for a few departments", () => {
    expect(jobsFor(1, 8)).toBe(1);
    expect(jobsFor(3)).toBe(1);
    expect(jobsFor(0)).toBe(1);
  });
});

describe("outputBase", () => {
  it("writes a department at its path below the roll-up, without the extension", () => {
    expect(outputBase("prov", "prov/d0001/budget.budget")).toBe("d0001/budget");
    expect(outputBase("prov", "prov/财政局.budget")).toBe("财政局");
    // A department outside the roll-up's folder stays inside the output folder.
    expect(outputBase("prov", "other/x/budget.budget")).toBe("other/x/budget");
    expect(outputBase("a/b", "c.budget")).toBe("c");
  });
});

describe("rollupIndex", () => {
  const totals = (code: string, general: number, fund: number, income: number): DepartmentTotals => ({
    path: `p/${code}.budget`,
    include: { value: `${code}.budget`, span },
    code: { value: code, span },
    name: `部门${code}`,
    incomeTotal: income,
    bySource: { general, fund, capital: 0, specialAccount: 0, unitFunds: 0 },
    incomeBySource: { 一般公共预算: general, 政府性基金预算: fund, 国有资本经营预算: 0, 财政专户管理资金: 0, 单位资金: 0, 事业收入: 0, 事业单位经营收入: 0, 上级补助收入: 0, 附属单位上缴收入: 0, 其他收入: 0 },
    carryover: income - general - fund,
  });
  const rollup: Rollup = { name: { value: "某市", span }, year: { value: 2024, span }, span };

  it("sums the departments in 分, 上年结转 among them", () => {
    const index = rollupIndex(rollup, [
      { totals: totals("101", 123_456_789, 0, 150_000_000), link: "101" },
      { totals: totals("102", 1, 99, 100), link: "102" },
    ]);
    expect(index.departments.map((d) => d.carryover)).toEqual([26_543_211, 0]);
    expect(index.totals).toEqual({
      incomeTotal: 150_000_100,
      bySource: { general: 123_456_790, fund: 99, capital: 0, specialAccount: 0, unitFunds: 0 },
      carryover: 26_543_211,
    });
    const json = JSON.parse(rollupJson(index)) as { totals: { incomeTotal: string }; departments: { bySource: { general: string } }[] };
    expect(json.totals.incomeTotal).toBe("150.0001");
    expect(json.departments[0]!.bySource.general).toBe("123.456789");
    expect(RollupIndex.decode(json as never)).toEqual(index);
  });

  it("gives each department its state; one with errors has no figures or link, and the totals leave it out", () => {
    const diag = (severity: "error" | "warning", code: string, start: number) => ({ code, severity, message: { zh: `${code} 的说明`, en: `${code} said` }, span: { file: "p/x.budget", start, end: start + 1 }, related: [] });
    const index = rollupIndex(rollup, [
      { totals: totals("101", 100, 0, 100), link: "101", diagnostics: [] },
      { totals: totals("102", 200, 0, 200), link: "102", diagnostics: [diag("warning", "copied-text", 9), diag("warning", "pending-content", 3)] },
      { totals: totals("103", 400, 0, 400), diagnostics: [diag("warning", "copied-text", 1), diag("error", "money-precision", 50), diag("error", "money-unit", 20)] },
    ]);
    expect(index.departments.map((d) => [d.state, d.errors, d.warnings, d.first?.code, d.link])).toEqual([
      ["clean", 0, 0, undefined, "101"],
      ["warnings", 0, 2, "pending-content", "102"],
      ["errors", 2, 1, "money-unit", undefined],
    ]);
    expect(index.departments[2]!.incomeTotal).toBeUndefined();
    expect(index.totals.incomeTotal).toBe(300);
    expect(RollupIndex.decode(JSON.parse(rollupJson(index)) as never)).toEqual(index);
  });
});

describe("checkRollup", () => {
  const dept = (code: string, income: number): DepartmentTotals => ({
    path: `p/${code}.budget`,
    include: { value: `${code}.budget`, span: { file: "p.budget", start: Number(code), end: Number(code) + 1 } },
    code: { value: code, span },
    name: `部门${code}`,
    incomeTotal: income,
    bySource: { general: income, fund: 0, capital: 0, specialAccount: 0, unitFunds: 0 },
    carryover: 0,
  });
  const control = { incomeTotal: { text: "1万元", number: "1", unit: "万元" as const, fen: 1_000_000, span }, bySource: [], span };
  const rollup: Rollup = { name: { value: "某市", span }, year: { value: 2024, span }, span };
  const r = { rollup: { ...rollup, control }, file: { path: "p.budget", text: "", stmts: [], comments: [] }, departments: [], diagnostics: [] };

  it("reports the department that takes the roll-up past the exact range, at its include, and compares nothing", () => {
    // Nine departments at the limit of one budget: the ninth passes 8 × 10^15 分.
    const departments = [...Array(9).keys()].map((i) => dept(String(101 + i), BUDGET_LIMIT_FEN));
    const ds = checkRollup(r, departments);
    expect(ds.map((d) => [d.code, d.span.start])).toEqual([["money-range", 109]]);
  });
  it("stays quiet within the range", () => {
    const departments = [...Array(8).keys()].map((i) => dept(String(101 + i), BUDGET_LIMIT_FEN));
    expect(checkRollup(r, departments).map((d) => d.code)).toEqual(["rollup-total-mismatch"]);
  });
});

describe("relativeHref", () => {
  it("keeps a department's link below the index whatever its folder is called", () => {
    expect(relativeHref("d0001/budget.html")).toBe("./d0001/budget.html");
    expect(relativeHref("财政局/budget.md")).toBe("./%E8%B4%A2%E6%94%BF%E5%B1%80/budget.md");
    expect(relativeHref("javascript:alert(1)/budget.html")).toBe("./javascript%3Aalert%281%29/budget.html");
    expect(relativeHref("d#1/q?x/a b/budget.html")).toBe("./d%231/q%3Fx/a%20b/budget.html");
  });
});
