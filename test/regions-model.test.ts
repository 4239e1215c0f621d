/**
 * The figures the checks of other regions' statements read: 财政拨款 spending by subject
 * at every level, "三公" paid from projects by their economic subject, income by each
 * source as written, the coverage the forms give, last year's 财政拨款 from last year's
 * budget; and how a reason's words are read as a direction.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { builtinCatalogue } from "../src/catalogue/catalogue.js";
import { checkBudget } from "../src/check/check.js";
import { figureChange } from "../src/check/changes.js";
import type { RuleContext } from "../src/check/rule.js";
import { statedDirection } from "../src/check/rules/reason-contradicts-change.js";
import { Derivation } from "../src/model/derivation.js";
import { lastYearFigures, withLastYear } from "../src/model/last-year.js";
import { economicPlacement } from "../src/model/project-economic.js";
import { sourceTotal } from "../src/model/totals.js";
import { loadBudget } from "../src/syntax/load.js";

const catalogue = builtinCatalogue(2024)!;

function derive(src: string, others: Record<string, string> = {}): Derivation {
  const loaded = loadBudget("t.budget", { read: (p) => (p === "t.budget" ? src : others[p]) });
  expect(loaded.diagnostics.map((d) => d.message.en)).toEqual([]);
  return new Derivation(loaded.budget, catalogue);
}

describe("财政拨款 spending by subject", () => {
  const d = derive(`基本支出 {
  支出 2120101 30101 100元
  支出 2120101 30201 7元 单位资金
  支出 2120102 30201 20元 政府性基金预算
}
项目 "甲" { 科目 2120101  一般公共预算 1,000元  事业收入 5元 }
结转 "乙" { 科目 2120101  一般公共预算 3,000元 }
`);
  const f = d.functional.fiscal;
  it("counts this year's three funds, at the 项, its 款 and its 类", () => {
    expect(f.at("2120101")).toEqual({ total: 110_000, general: 110_000, fund: 0, capital: 0 });
    expect(f.at("2120102")?.fund).toBe(2_000);
    expect(f.at("21201")?.total).toBe(112_000);
    expect(f.at("212")?.total).toBe(112_000);
  });
  it("leaves out a unit's own funds and carry-overs", () => {
    expect(f.total.total).toBe(112_000);
  });
  it("has nothing for a subject without spending, nor for a code of no level", () => {
    expect(f.at("2120103")).toBeUndefined();
    expect(f.at("2120")).toBeUndefined();
    expect(f.at("21202")).toBeUndefined();
  });
});

describe("三公 paid from projects", () => {
  const d = derive(`项目 "整车" { 科目 2120101  一般公共预算 25.00万元  经济科目 31013 }
项目 "分列" { 科目 2120101  政府性基金预算 10.00万元  经济科目 31013 6.00万元  经济科目 30201 4.00万元 }
项目 "两个来源" { 科目 2120101  一般公共预算 10.00万元  单位资金 1.00万元  经济科目 31013 11.00万元 }
项目 "自有资金" { 科目 2120101  单位资金 9.00万元  经济科目 31013 }
基本支出 { 支出 2010401 30231 1.00万元 }
`);
  const tp = d.economic.threePublic;
  it("counts a project's whole amount, or its line, by fund; never one of several sources, nor own funds", () => {
    expect(tp.get("vehiclePurchase")).toEqual({ total: 31_000_000, general: 25_000_000, fund: 6_000_000, capital: 0 });
    expect(tp.get("vehicles")?.total).toBe(32_000_000);
    expect(tp.get("total")?.total).toBe(32_000_000);
  });
  it("reads how each project places its money", () => {
    expect(d.budget.projects.map(economicPlacement)).toEqual(["whole", "lines", "several-sources", "whole"]);
  });
  it("places a project exactly when the figures count it (the check and the model agree)", () => {
    const line = fc.tuple(fc.constantFrom("31013", "30201"), fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }));
    const project = fc.tuple(fc.subarray(["一般公共预算", "单位资金", "事业收入"], { minLength: 0 }), fc.array(line, { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 4 }), (ps) => {
        const src = ps
          .map(([sources, lines], i) => `项目 "p${i}" { 科目 2010401\n${sources.map((s) => `  ${s} 5元\n`).join("")}${lines.map(([c, n]) => `  经济科目 ${c}${n ? ` ${n}元` : ""}\n`).join("")}}\n`)
          .join("");
        const x = derive(src);
        const counted = new Set(x.economicItems.filter((it) => it.kind === "project").map((it) => it.index));
        x.budget.projects.forEach((p, i) => {
          const how = economicPlacement(p);
          const places = p.amounts.length > 0 && (how === "whole" || how === "lines");
          expect(counted.has(i), `${p.name.value}: ${how}`).toBe(places);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("income by each source as written", () => {
  const d = derive(`基本支出 { 支出 2010401 30201 1元 单位资金 }
项目 "甲" { 科目 2010402  事业收入 2元  其他收入 4元  一般公共预算 8元 }
结转 "乙" { 科目 2010402  事业收入 100元 }
`);
  it("keeps each kind apart, carry-overs aside", () => {
    expect(d.totals.bySource["事业收入"]).toBe(200);
    expect(d.totals.bySource["其他收入"]).toBe(400);
    expect(d.totals.bySource["单位资金"]).toBe(100);
  });
  it("compares 单位资金 with the column of every kind, any other source with itself", () => {
    expect(sourceTotal(d.totals, "单位资金")).toBe(700);
    expect(sourceTotal(d.totals, "事业收入")).toBe(200);
    expect(sourceTotal(d.totals, "一般公共预算")).toBe(800);
  });
});

describe("the coverage the forms give", () => {
  it("counts the projects with a form, their units and amounts", () => {
    const d = derive(`单位 "甲单位"
单位 "乙单位"
项目 "一" { 单位 "甲单位"  科目 2010402  一般公共预算 10元  绩效 { 指标 产出 数量 "次" 1次 } }
项目 "二" { 单位 "甲单位"  科目 2010402  一般公共预算 20元  单位资金 1元 }
项目 "三" { 单位 "乙单位"  科目 2010402  一般公共预算 40元 }
绩效 "三" { 指标 产出 数量 "次" 1次 }
`);
    expect(d.coverage).toEqual({ units: 2, projects: 2, amount: 5_000 });
  });
});

describe("last year's 财政拨款 from last year's budget", () => {
  it("is this year's income from the three funds, by source as written", () => {
    const prev = derive(`项目 "甲" { 科目 2010402  一般公共预算 10元  政府性基金预算 5元  事业收入 3元 }\n结转 "乙" { 科目 2010402  一般公共预算 100元 }\n`);
    const f = lastYearFigures(prev);
    expect(f.fiscal).toBe(1_500);
    expect(f.bySource["事业收入"]).toBe(300);
    const now = derive(`上年 { 源文件 "x.budget"  财政拨款 1元 }\n`, { "x.budget": "部门 \"甲\" { 年度 2023 }\n" });
    const ly = withLastYear(now.budget, f).lastYear!;
    expect(ly.fiscal?.fen).toBe(1_500);
    expect(ly.bySource.map((a) => [a.source, a.money.fen])).toEqual([
      ["一般公共预算", 1_000],
      ["政府性基金预算", 500],
      ["国有资本经营预算", 0],
      ["事业收入", 300],
    ]);
  });
});

describe("the change a reason explains", () => {
  const loaded = loadBudget("t.budget", {
    read: () => `基本支出 {
  支出 2010401 30217 2.00万元
  支出 2010401 30231 3.00万元
}
项目 "车" { 科目 2010401  一般公共预算 25.00万元  经济科目 31013 }
上年 {
  收入总计 40.00万元
  财政拨款 20.00万元
  三公 { 公务接待 2.00万元  公务用车运行维护 4.00万元 }
  执行数 2010401 30.00万元
}
`,
  });
  const r = checkBudget(loaded);
  const ctx = { budget: r.effective, model: r.derivation, catalogue: r.catalogue } as unknown as RuleContext;
  const change = (figure: string) => {
    const c = figureChange(ctx, figure);
    return c && [c.now, c.last];
  };
  it("reads this year from the derivation and last year from the 上年 block", () => {
    expect(change("收入总计")).toEqual([30_000_000, 40_000_000]);
    expect(change("支出总计")).toEqual([30_000_000, 40_000_000]);
    expect(change("财政拨款")).toEqual([30_000_000, 20_000_000]);
    expect(change("三公")).toEqual([30_000_000, 6_000_000]);
    expect(change("公务接待")).toEqual([2_000_000, 2_000_000]);
    expect(change("公务用车购置")).toEqual([25_000_000, 0]);
    expect(change("公务用车购置及运行")).toEqual([28_000_000, 4_000_000]);
    expect(change("2010401")).toEqual([30_000_000, 30_000_000]);
  });
  it("is unknown where last year's value is", () => {
    expect(change("一般公共预算当年支出")).toBeUndefined();
    expect(change("机关运行经费")).toBeUndefined();
    expect(change("2010402")).toBeUndefined();
    expect(change("收入")).toBeUndefined();
  });
});

describe("the direction a reason's words state", () => {
  const cases: [string, string | undefined][] = [
    ["宣传事务一般行政管理事务经费增加", "up"],
    ["人员增长", "up"],
    ["标准提高", "up"],
    ["项目经费减少", "down"],
    ["物价下降", "down"],
    ["公用经费降低", "down"],
    ["公务接待费保持不变", "same"],
    ["与上年持平", "same"],
    ["标准不变", "same"],
    ["人员经费增加，公用经费减少", undefined],
    ["编制未增加", undefined],
    ["没有减少", undefined],
    ["项目调整", undefined],
    ["不断增加", "up"],
  ];
  for (const [text, want] of cases) {
    it(`${text} → ${want ?? "none"}`, () => expect(statedDirection(text)?.direction).toBe(want));
  }
});
