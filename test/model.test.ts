/**
 * Tests of the publication model: each derivation on a small hand-built AST (subject
 * trees, sources, carry-overs, economic lines, 三公, 机关运行经费, units, forms,
 * comparisons, shares), the JSON (deterministic, validated and decoded by the schema),
 * a size test for linearity, and the reference budget's figures against the published
 * disclosure.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinCatalogue } from "../src/catalogue/catalogue.js";
import type { Catalogue } from "../src/catalogue/types.js";
import {
  attachForms,
  attributeLabel,
  canonicalLevel,
  change,
  chineseNumber,
  compare,
  derive,
  groupIndicators,
  resolveUnits,
  subjectTree,
  sumBySource,
  tableTitle,
} from "../src/model/derive.js";
import { fromJson, toJson } from "../src/model/json.js";
import { Publication, wanExact, yuanExact } from "../src/model/types.js";
import { loadBudget } from "../src/syntax/load.js";
import * as B from "./helpers/ast-builder.js";

function cat(): Catalogue {
  const c = builtinCatalogue(2024);
  if (c === undefined) throw new Error("no built-in 2024 catalogue");
  return c;
}

/** 万元 to 分, for expectations: "3.50" → 3_500_000. */
function fen(wan: string): number {
  return B.money(wan).fen;
}

const DEPT = "测试部门";

describe("an empty budget", () => {
  const p = derive(B.budget(), cat());

  it("derives without throwing, every table empty", () => {
    for (const [k, t] of Object.entries(p.tables)) expect(t.empty, k).toBe(true);
    expect(p.projectForms).toEqual([]);
    expect(p.overallForm).toBeUndefined();
    expect(p.assets).toBeUndefined();
  });
  it("still lists all 30 类 in 表一 and 表四, blank", () => {
    expect(p.tables.t1.expenditure).toHaveLength(30);
    expect(p.tables.t4.expenditure).toHaveLength(30);
    expect(p.tables.t1.expenditure.every((r) => r.cells.total === 0)).toBe(true);
    expect(p.tables.t1.expenditure[14]!.label).toBe("十五、资源勘探工业信息等支出");
  });
  it("takes the year from the catalogue and leaves shares undefined", () => {
    expect(p.header.year).toBe(2024);
    expect(p.tables.t1.title).toBe("2024年预算收支总表");
    expect(p.prose.s2.sources[0]!.share).toBeUndefined();
    expect(p.prose.s10.coverage).toBeUndefined();
    expect(p.prose.s8.none).toBe(true);
    expect(p.prose.s9.stated).toBe(false);
  });
  it("writes JSON the schema accepts", () => {
    const back = fromJson(toJson(p));
    expect(back.problems).toEqual([]);
    expect(back.value).toEqual(p);
  });
});

describe("table titles", () => {
  it("are exactly the reference's", () => {
    const titles = Array.from({ length: 13 }, (_, i) => tableTitle(i + 1, 2024));
    expect(titles).toEqual([
      "2024年预算收支总表",
      "2024年预算收入总表",
      "2024年预算支出总表",
      "2024年财政拨款收支总表",
      "2024年一般公共预算支出预算表（不含上年结转）",
      "2024年一般公共预算安排基本支出分经济科目表（不含上年结转）",
      "2024年政府性基金预算收入表（不含上年结转）",
      "2024年政府性基金预算支出表（不含上年结转）",
      "2024年国有资本经营预算收支预算表（不含上年结转）",
      "2024年财政拨款安排“三公”经费支出预算表",
      "2024年财政拨款安排机关运行经费预算表",
      "2024年项目支出预算表（本年预算）",
      "2024年项目支出预算表（上年结转）",
    ]);
  });
  it("carry ordinals 表一 … 表十三", () => {
    const p = derive(B.budget(), cat());
    expect(Object.values(p.tables).map((t) => t.ordinal)).toEqual(
      ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"].map((n) => `表${n}`),
    );
    expect([1, 10, 11, 20, 21, 30].map(chineseNumber)).toEqual(["一", "十", "十一", "二十", "二十一", "三十"]);
  });
});

/** The worked example of DOMAIN.md, small: a basic line, projects, a 款 leaf, a carry-over. */
function small() {
  return B.budget({
    department: B.department({ name: DEPT, year: 2024, kind: "事业单位" }),
    basic: [B.line("2010401", "30201", "3.50"), B.line("2010401", "30231", "4.50")],
    projects: [
      B.project("甲", { subject: "2010402", category: "其他运转类", general: "3.00" }),
      B.project("乙", { subject: "21907", category: "其他运转类", general: "100.00" }),
      B.project("丙", { subject: "2150805", category: "特定目标类", general: "5200.00" }),
      B.project("丁", { subject: "2010402", category: "其他运转类", amounts: { 单位资金: "1.00" } }),
    ],
    carryovers: [B.carryover("结转甲", { subject: "2150517", general: "1220.00" }), B.carryover("结转乙", { subject: "2150517", general: "3.00" })],
  });
}

describe("subject trees (表二, 表三, 表五)", () => {
  const p = derive(small(), cat());
  const codes = (rows: readonly { code: string }[]) => rows.map((r) => r.code);

  it("place each amount under its 项, 款 and 类, in code order", () => {
    expect(codes(p.tables.t3.rows)).toEqual(["201", "20104", "2010401", "2010402", "215", "21505", "2150517", "21508", "2150805", "219", "21907"]);
    const byCode = new Map(p.tables.t3.rows.map((r) => [r.code, r]));
    expect(byCode.get("20104")!.cells).toEqual({ total: fen("12.00"), basic: fen("8.00"), project: fen("4.00") });
    expect(byCode.get("215")!.cells).toEqual({ total: fen("6423.00"), basic: 0, project: fen("6423.00") });
  });
  it("make a 款 with no 项 below it a leaf", () => {
    const r = p.tables.t3.rows.find((x) => x.code === "21907")!;
    expect(r).toMatchObject({ level: "款", leaf: true, known: true, name: "交通运输" });
    expect(p.tables.t3.rows.find((x) => x.code === "20104")!.leaf).toBe(false);
  });
  it("count carry-overs as 项目支出 in 表三 and in the 上年结转 column of 表二", () => {
    expect(p.tables.t3.total).toEqual({ total: fen("6535.00"), basic: fen("8.00"), project: fen("6527.00") });
    expect(p.tables.t2.total).toMatchObject({ total: fen("5312.00"), general: fen("5311.00"), unitFunds: fen("1.00"), carryover: fen("1223.00") });
    const r = p.tables.t2.rows.find((x) => x.code === "2150517")!;
    expect(r.cells).toMatchObject({ total: 0, general: 0, carryover: fen("1223.00") });
  });
  it("keep 表五 to 一般公共预算, current year", () => {
    expect(p.tables.t5.total).toEqual({ total: fen("5311.00"), basic: fen("8.00"), project: fen("5303.00") });
    expect(codes(p.tables.t5.rows)).not.toContain("21505");
    expect(p.tables.t5.rows.find((x) => x.code === "2010402")!.cells.total).toBe(fen("3.00"));
  });
  it("make every row the sum of the rows directly below it", () => {
    for (const t of [p.tables.t2, p.tables.t3, p.tables.t5]) {
      const rows = t.rows as { code: string; level: string; cells: Record<string, number> }[];
      for (const r of rows) {
        const kids = rows.filter((k) => k.code !== r.code && k.code.startsWith(r.code) && (r.level === "类" ? k.level === "款" : k.level === "项"));
        if (kids.length === 0) continue;
        for (const col of Object.keys(r.cells)) expect(kids.reduce((s, k) => s + k.cells[col]!, 0), `${r.code} ${col}`).toBe(r.cells[col]);
      }
      const top = rows.filter((r) => r.level === "类");
      for (const col of Object.keys(t.total)) expect(top.reduce((s, k) => s + k.cells[col]!, 0)).toBe((t.total as Record<string, number>)[col]);
    }
  });
  it("subjectTree names unknown codes from what the author wrote", () => {
    const t = subjectTree([{ code: "2999901", cells: { total: 5 } }], ["total"] as const, cat(), new Map([["2999901", "自拟科目"]]));
    expect(t.rows.map((r) => [r.code, r.level, r.known, r.name])).toEqual([
      ["299", "类", false, ""],
      ["29999", "款", false, ""],
      ["2999901", "项", false, "自拟科目"],
    ]);
    expect(t.total.total).toBe(5);
  });
  it("count an amount without a subject in the total only", () => {
    const q = derive(B.budget({ projects: [B.project("无科目", { general: "1.00" })] }), cat());
    expect(q.tables.t3.total.total).toBe(fen("1.00"));
    expect(q.tables.t3.rows).toEqual([]);
  });
});

describe("表一 and 表四", () => {
  const p = derive(small(), cat());

  it("balance: 收入总计 = 支出总计 = 本年 + 上年结转", () => {
    const t1 = p.tables.t1;
    expect(t1.incomeSubtotal).toBe(fen("5312.00"));
    expect(t1.carryover).toBe(fen("1223.00"));
    expect(t1.incomeTotal).toBe(fen("6535.00"));
    expect(t1.expenditureTotal).toEqual({ total: fen("6535.00"), current: fen("5312.00"), carryover: fen("1223.00") });
    expect(t1.income.map((l) => l.amount)).toEqual([fen("5311.00"), 0, 0, 0, fen("1.00")]);
    const r215 = t1.expenditure.find((r) => r.code === "215")!;
    expect(r215.cells).toEqual({ total: fen("6423.00"), current: fen("5200.00"), carryover: fen("1223.00") });
  });
  it("keep 表四 to 财政拨款, carry-overs split by source", () => {
    const t4 = p.tables.t4;
    expect(t4.income).toHaveLength(3);
    expect(t4.incomeSubtotal).toBe(fen("5311.00"));
    expect(t4.carryover).toEqual({ total: fen("1223.00"), general: fen("1223.00"), fund: 0, capital: 0 });
    expect(t4.incomeTotal).toBe(fen("6534.00"));
    expect(t4.expenditureTotal).toEqual({ total: fen("6534.00"), general: fen("6534.00"), fund: 0, capital: 0 });
    expect(t4.expenditure.find((r) => r.code === "201")!.cells.total).toBe(fen("11.00"));
  });
});

describe("表六 basic expenditure by economic subject", () => {
  it("groups lines by economic 类, keeps the source's order, maps by unit kind", () => {
    const b = B.budget({
      department: B.department({ kind: "行政单位" }),
      basic: [
        B.line("2010401", "30231", "4.50"),
        B.line("2010401", "30201", "3.50"),
        B.line("2010401", "30101", "10.00"),
        B.line("2010401", "30201", "0.50"),
        B.line("2010401", "30202", "9.00", { source: "单位资金" }),
      ],
    });
    const t6 = derive(b, cat()).tables.t6;
    expect(t6.groups.map((g) => g.code)).toEqual(["301", "302"]);
    expect(t6.groups[1]!.lines.map((l) => [l.code, l.name, l.governmentCode, l.cells.total])).toEqual([
      ["30231", "公务用车运行维护费", "50208", fen("4.50")],
      ["30201", "办公费", "50201", fen("4.00")],
    ]);
    expect(t6.groups[0]!.lines[0]).toMatchObject({ code: "30101", name: "基本工资", kind: "人员经费", governmentCode: "50101" });
    expect(t6.total).toEqual({ total: fen("18.50"), personnel: fen("10.00"), public: fen("8.50") });
  });
  it("maps a 事业单位's 302 lines to 商品和服务支出", () => {
    const t6 = derive(small(), cat()).tables.t6;
    expect(t6.groups[0]!.lines.map((l) => l.governmentName)).toEqual(["商品和服务支出", "公务用车运行维护费"]);
  });
  it("lists the economic names in 第三部分 六", () => {
    const s6 = derive(small(), cat()).prose.s6;
    expect(s6).toEqual({ total: fen("8.00"), personnel: { amount: 0, items: [] }, public: { amount: fen("8.00"), items: ["办公费", "公务用车运行维护费"] } });
  });
});

describe("表十 三公 and 表十一 机关运行经费", () => {
  const admin = (kind: string) =>
    B.budget({
      department: B.department({ name: DEPT, kind }),
      basic: [B.line("2010401", "30231", "4.50"), B.line("2010401", "30217", "1.00"), B.line("2010401", "30201", "2.00"), B.line("2010401", "30101", "9.00")],
      lastYear: B.lastYear({ threePublic: { 公务用车运行维护: "6.00" }, runningCosts: "7.50", reasons: { 三公: "重新核定" } }),
    });

  it("sums lines whose economic subject is a 三公 item, in print order", () => {
    const t10 = derive(admin("行政单位"), cat()).tables.t10;
    expect(t10.rows.map((r) => [r.label, r.cells.total])).toEqual([
      ["因公出国（境）费", 0],
      ["公务接待费", fen("1.00")],
      ["公务用车购置及运行费", fen("4.50")],
      ["①公务用车购置费", 0],
      ["②公务用车运行维护费", fen("4.50")],
      ["合计", fen("5.50")],
    ]);
  });
  it("compares 三公 with last year, item by item", () => {
    const s7 = derive(admin("行政单位"), cat()).prose.s7;
    expect(s7.total).toEqual({ amount: fen("5.50"), lastYear: fen("6.00"), change: { amount: fen("0.50"), direction: "减少", trend: "下降", percent: "8.33" }, reason: "重新核定" });
    expect(s7.items.map((i) => [i.label, i.figure.change?.direction])).toEqual([
      ["因公出国（境）费", "持平"],
      ["公务接待费", "增加"],
      ["公务用车运行维护费", "减少"],
      ["公务用车购置费", "持平"],
    ]);
  });
  it("takes 公用经费 of administrative units as 机关运行经费", () => {
    const p = derive(admin("行政单位"), cat());
    expect(p.tables.t11.total).toEqual({ total: fen("7.50"), general: fen("7.50"), fund: 0, capital: 0 });
    expect(p.tables.t11.units).toEqual([{ name: DEPT, cells: { total: fen("7.50"), general: fen("7.50"), fund: 0, capital: 0 } }]);
    expect(p.prose.s8).toEqual({ none: false, total: { amount: fen("7.50"), lastYear: fen("7.50"), change: { amount: 0, direction: "持平", trend: "持平", percent: "0.00" } } });
    expect(derive(admin("参公事业单位"), cat()).tables.t11.total.total).toBe(fen("7.50"));
  });
  it("has none for a 事业单位", () => {
    const p = derive(admin("事业单位"), cat());
    expect(p.tables.t11.empty).toBe(true);
    expect(p.prose.s8.none).toBe(true);
  });
});

describe("units", () => {
  it("resolve a line without 单位 to the only unit, or to the department", () => {
    const one = resolveUnits(B.budget({ department: B.department({ name: DEPT }), units: [B.unit("某中心", "事业单位")] }));
    expect(one.unitOf(undefined)).toBe("某中心");
    expect(one.kindOf("某中心")).toBe("事业单位");
    const none = resolveUnits(B.budget({ department: B.department({ name: DEPT }) }));
    expect(none.unitOf(undefined)).toBe(DEPT);
    expect(none.units).toEqual([{ name: DEPT, isDepartment: true, declared: false }]);
    expect(none.kindOf(DEPT)).toBe("行政单位");
  });
  it("group 表十二 by unit in unit order, projects in source order", () => {
    const b = B.budget({
      department: B.department({ name: DEPT }),
      units: [B.unit(DEPT, "行政单位"), B.unit("某中心", "事业单位")],
      projects: [
        B.project("p1", { unit: "某中心", general: "1.00" }),
        B.project("p2", { unit: DEPT, general: "2.00" }),
        B.project("p3", { unit: "某中心", amounts: { 一般公共预算: "3.00", 单位资金: "0.50" } }),
      ],
    });
    const p = derive(b, cat());
    const t12 = p.tables.t12;
    expect(t12.department).toEqual({ name: DEPT, cells: { total: fen("6.50"), general: fen("6.00"), fund: 0, capital: 0, specialAccount: 0, unitFunds: fen("0.50") } });
    expect(t12.units.map((u) => [u.name, u.cells.total, u.projects.map((x) => x.name)])).toEqual([
      [DEPT, fen("2.00"), ["p2"]],
      ["某中心", fen("4.50"), ["p1", "p3"]],
    ]);
    expect(p.tables.t13.empty).toBe(true);
  });
});

describe("generated lists", () => {
  it("never repeat a name: a unit named in another width or with a stray space is the declared one", () => {
    const b = B.budget({
      department: B.department({ name: DEPT }),
      units: [B.unit(DEPT, "行政单位"), B.unit("某中心A", "事业单位")],
      projects: [B.project("p1", { unit: "某中心Ａ", general: "1.00" }), B.project("p2", { unit: " 某中心A", general: "2.00" }), B.project("p3", { unit: DEPT, general: "3.00" })],
      basic: [B.line("2010401", "30201", "1.00", { unit: "某中心Ａ" })],
    });
    const p = derive(b, cat());
    expect(p.units.map((u) => u.name)).toEqual([DEPT, "某中心A"]);
    expect(p.tables.t12.units.map((u) => [u.name, u.projects.map((x) => x.name)])).toEqual([
      [DEPT, ["p3"]],
      ["某中心A", ["p1", "p2"]],
    ]);
  });
  it("never repeat an economic subject's name in the prose, though 表六 has a line per mapping", () => {
    // One economic subject in units of two kinds maps to two government subjects: two lines of 表六.
    const b = B.budget({
      department: B.department({ name: DEPT }),
      units: [B.unit(DEPT, "行政单位"), B.unit("某中心", "事业单位")],
      basic: [B.line("2010401", "30201", "1.00", { unit: DEPT }), B.line("2010401", "30201", "2.00", { unit: "某中心" }), B.line("2010401", "30202", "0.50", { unit: DEPT })],
    });
    const p = derive(b, cat());
    expect(p.tables.t6.groups.flatMap((g) => g.lines).filter((l) => l.code === "30201")).toHaveLength(2);
    expect(p.prose.s6.public.items).toEqual(["办公费", "印刷费"]);
  });
});

describe("performance forms", () => {
  const inds = [
    B.indicator("满意度", "服务对象满意度", "满意度", "98%"),
    B.indicator("产出", "质量", "质量", "达标"),
    B.indicator("产出", "数量", "次数", "50次以上"),
    B.indicator("产出指标", "数量指标", "人数", "1人"),
    B.indicator("效益", "社会效益", "效果", "明显"),
    B.indicator("产出", "成本", "经费", "3万元", "1万元"),
  ];
  const b = B.budget({
    department: B.department({ code: "609", name: DEPT }),
    projects: [
      B.project("甲", { general: "3.00", category: "其他运转类", performance: B.form({ attribute: "延续性项目", duration: "5", periodFunding: { local: "70,000" }, annualFunding: { central: "0", local: "30000" }, periodGoal: "目标", indicators: inds }) }),
      B.project("乙", { general: "5200.00", category: "特定目标类" }),
      B.project("丙", { general: "1.00", category: "其他运转类" }),
    ],
    forms: [B.form({ project: "乙", attribute: "一次性" }), B.form({ project: "不存在" }), B.form({ project: "甲" })],
  });
  const p = derive(b, cat());

  it("attach inline and standalone forms; keep the rest aside", () => {
    expect(p.projectForms.map((f) => f.project)).toEqual(["甲", "乙"]);
    expect(p.unattachedForms).toEqual([
      { project: "不存在", reason: "no-such-project" },
      { project: "甲", reason: "duplicate" },
    ]);
    expect(attachForms(b).published.size).toBe(2);
  });
  it("print the header fields as the forms do", () => {
    const f = p.projectForms[0]!;
    expect(f).toMatchObject({ department: "609-测试部门", unit: DEPT, attribute: "延续性项目（阶段开展）", duration: "5年", periodGoal: "目标", annualGoal: "目标" });
    expect(f.periodFunding).toEqual({ total: 7_000_000, central: 0, provincial: 0, local: 7_000_000, selfRaised: 0 });
    expect(f.annualFunding).toEqual({ total: 3_000_000, central: 0, provincial: 0, local: 3_000_000, selfRaised: 0 });
    expect(p.projectForms[1]).toMatchObject({ attribute: "一次性项目（1年结束）", annualFunding: { total: fen("5200.00") } });
    expect(p.projectForms[1]!.annualFunding.local).toBeUndefined();
  });
  it("group indicators by canonical 一级 and 二级, with row counts", () => {
    const g = p.projectForms[0]!.indicators;
    expect(g.map((x) => [x.name, x.rows, x.groups.map((y) => [y.name, y.rows])])).toEqual([
      ["产出指标", 4, [["数量指标", 2], ["质量指标", 1], ["成本指标", 1]]],
      ["效益指标", 1, [["社会效益指标", 1]]],
      ["满意度指标", 1, [["服务对象满意度指标", 1]]],
    ]);
    expect(g[0]!.groups[0]!.indicators.map((i) => i.name)).toEqual(["次数", "人数"]);
    expect(g[0]!.groups[2]!.indicators[0]).toEqual({ name: "经费", period: "3万元", annual: "1万元" });
    expect(p.projectForms[0]!.indicatorRows).toBe(6);
  });
  it("count projects and forms by category in 第三部分 十", () => {
    expect(p.prose.s10.projects).toEqual({
      count: 3,
      amount: fen("5204.00"),
      byCategory: [
        { category: "其他运转类", count: 2, amount: fen("4.00") },
        { category: "特定目标类", count: 1, amount: fen("5200.00") },
      ],
    });
    expect(p.prose.s10.forms.count).toBe(2);
    expect(p.prose.s10.forms.amount).toBe(fen("5203.00"));
    expect(p.prose.s10.coverage).toBe("99.98");
  });
  it("name levels and attributes canonically", () => {
    expect(["产出", "数量指标", "服务对象满意度"].map(canonicalLevel)).toEqual(["产出指标", "数量指标", "服务对象满意度指标"]);
    expect(["经常性项目", "经常性", "延续性项目（阶段开展）", "其他"].map(attributeLabel)).toEqual(["经常性项目（长期开展）", "经常性项目（长期开展）", "延续性项目（阶段开展）", "其他"]);
    expect(groupIndicators([B.indicator("自定", "某", "x", "1"), B.indicator("产出", "数量", "y", "2")]).map((g) => g.name)).toEqual(["产出指标", "自定指标"]);
  });
});

describe("the overall form", () => {
  it("derives 年度预算情况 and the department's counts", () => {
    const b = B.budget({
      department: B.department({ code: "609", name: DEPT, sections: ["甲科", "乙科"], staffing: { authorized: "21", actual: "36" } }),
      units: [B.unit(DEPT), B.unit("下属单位")],
      basic: [B.line("2010401", "30201", "24.17", { unit: DEPT })],
      projects: [B.project("甲", { unit: DEPT, general: "6365.00" }), B.project("乙", { unit: DEPT, amounts: { 单位资金: "1.00" } })],
      carryovers: [B.carryover("结转", { unit: DEPT, general: "1223.00" })],
      overall: { indicators: [B.indicator("产出", "数量", "x", "2户")], span: B.span() },
    });
    const o = derive(b, cat()).overallForm!;
    expect(o).toMatchObject({ department: "609-测试部门", sections: 2, units: 1, staffing: { authorized: { number: "21", text: "21人" }, actual: { number: "36", text: "36人" } } });
    expect(o.budget.bySource).toEqual({ total: fen("6390.17"), general: fen("6389.17"), fund: 0, capital: 0, socialInsurance: 0, specialAccount: 0, unitFunds: fen("1.00") });
    expect(o.budget.byDirection).toEqual({ total: fen("6390.17"), basic: fen("24.17"), project: fen("6366.00") });
    expect(o.indicatorRows).toBe(1);
  });
});

describe("comparisons and shares", () => {
  it("take 增加/减少 from the sign and the percentage of last year", () => {
    expect(change(fen("7612.17"), fen("20281.50"))).toEqual({ amount: fen("12669.33"), direction: "减少", trend: "下降", percent: "62.47" });
    expect(change(fen("3.00"), fen("2.00"))).toEqual({ amount: fen("1.00"), direction: "增加", trend: "增长", percent: "50.00" });
    expect(change(fen("3.00"), 0)).toEqual({ amount: fen("3.00"), direction: "增加", trend: "增长" });
    expect(compare(5, undefined)).toEqual({ amount: 5 });
  });
  it("round shares half-up to two decimals", () => {
    const b = B.budget({ projects: [B.project("a", { subject: "2010402", general: "1.00" }), B.project("b", { subject: "2080801", general: "799.00" })] });
    const p = derive(b, cat());
    // 1 / 800 = 0.125%: half-up gives 0.13 where banker's rounding would give 0.12.
    expect(p.prose.s5.byLei.map((l) => l.share)).toEqual(["0.13", "99.88"]);
  });
  it("use the reason given for each figure", () => {
    const b = B.budget({
      projects: [B.project("a", { subject: "2010402", general: "10.00" })],
      lastYear: B.lastYear({ incomeTotal: "20.00", generalSpending: "5.00", reasons: { 收入总计: "原因甲", 一般公共预算当年支出: "原因乙" } }),
    });
    const p = derive(b, cat());
    expect(p.prose.s1.income).toMatchObject({ reason: "原因甲", change: { direction: "减少", percent: "50.00" } });
    expect(p.prose.s1.expenditure.reason).toBe("原因甲");
    expect(p.prose.s5.spending).toMatchObject({ reason: "原因乙", change: { direction: "增加", percent: "100.00" } });
  });
  it("sums amounts by source", () => {
    expect(sumBySource(B.amounts({ 一般公共预算: "1.00", 单位资金: "0.25" }))).toEqual({ total: fen("1.25"), general: fen("1.00"), fund: 0, capital: 0, specialAccount: 0, unitFunds: fen("0.25") });
  });
});

describe("procurement, assets, notes", () => {
  it("derive the procurement total and the seven vehicle kinds", () => {
    const b = B.budget({
      procurement: { goods: B.money("2.70"), services: B.money("9.10"), declaredTotal: B.money("99.00"), span: B.span() },
      assets: {
        asOf: B.loc("2024-03-21"),
        vehicleQuota: B.quantity("3", "辆"),
        vehicles: [{ kind: B.loc("其他公务用车"), count: B.quantity("3", "辆") }, { kind: B.loc("执法执勤"), count: B.quantity("1", "辆") }],
        officeArea: B.quantity("280", "平方米"),
        equipment: [{ threshold: B.quantity("50", "万元"), count: B.quantity("0", "台") }],
        span: B.span(),
      },
      notes: { purchasedServices: B.loc("无"), span: B.span() },
    });
    const p = derive(b, cat());
    expect(p.prose.s9).toEqual({ stated: true, total: fen("11.80"), goods: fen("2.70"), works: 0, services: fen("9.10") });
    expect(p.assets!.vehicles.map((v) => v.count)).toEqual(["0", "0", "0", "1", "0", "0", "3"]);
    expect(p.assets).toMatchObject({ vehicleTotal: "4", vehicleQuota: "3", officeArea: { number: "280", unit: "平方米" }, equipment: [{ threshold: "50万元", count: "0" }] });
    expect(p.notes).toEqual({ purchasedServices: "无" });
  });
});

describe("JSON", () => {
  const p = derive(small(), cat());
  const json = toJson(p);

  it("is deterministic, 2-space indented, with a trailing newline", () => {
    expect(toJson(derive(small(), cat()))).toBe(json);
    expect(json.endsWith("}\n")).toBe(true);
    expect(json.split("\n")[1]).toBe('  "format": "yusuan-publication",');
  });
  it("writes table amounts as 万元 strings with two decimals", () => {
    const v = JSON.parse(json);
    expect(v.tables.t3.total).toEqual({ total: "6535.00", basic: "8.00", project: "6527.00" });
    expect(Object.keys(v)).toEqual(Object.keys(Publication.shape).filter((k) => k in v));
  });
  it("is validated and decoded back by the schema", () => {
    expect(Publication.safeParse(JSON.parse(json)).success).toBe(true);
    expect(fromJson(json).value).toEqual(p);
    const broken = JSON.parse(json);
    broken.tables.t1.incomeTotal = 7612.17;
    expect(fromJson(JSON.stringify(broken)).problems[0]).toMatch(/^tables\.t1\.incomeTotal/);
  });
  it("keeps amounts exact below 0.01 万元", () => {
    expect([wanExact(0), wanExact(7_612_170_000), wanExact(5_000), wanExact(-150)]).toEqual(["0.00", "7612.17", "0.005", "-0.00015"]);
    expect([yuanExact(5_200_000_000), yuanExact(150)]).toEqual(["52000000", "1.50"]);
  });
});

describe("size", () => {
  it("derives a budget of 40,000 items in linear time", () => {
    const make = (n: number) =>
      B.budget({
        department: B.department({ name: DEPT, kind: "行政单位" }),
        basic: Array.from({ length: n }, (_, i) => B.line(`20104${String(i % 90 + 10)}`, i % 2 ? "30201" : "30231", "1.00")),
        projects: Array.from({ length: n }, (_, i) => B.project(`p${i}`, { subject: `2010${String(i % 90 + 10)}02`.slice(0, 7), general: "0.01", performance: B.form({ indicators: [B.indicator("产出", "数量", "x", "1")] }) })),
      });
    const time = (n: number) => {
      const b = make(n);
      const t0 = performance.now();
      derive(b, cat());
      return performance.now() - t0;
    };
    time(2_000);
    const small = time(5_000);
    const big = time(20_000);
    // Quadratic work would take 16 times as long for 4 times the items; allow noise.
    expect(big / Math.max(small, 1)).toBeLessThan(10);
  });
});

/* ------------------------------------------------------------------------------------ */
/* The reference budget                                                                   */
/* ------------------------------------------------------------------------------------ */

const REFERENCE = "budgets/jinzhong-econ-ops-2024.budget";
const root = new URL("../", import.meta.url);

describe.runIf(existsSync(new URL(REFERENCE, root)))("the reference budget", () => {
  const host = { read: (p: string) => (existsSync(new URL(p, root)) ? readFileSync(new URL(p, root), "utf8") : undefined) };
  const { budget } = loadBudget(REFERENCE, host);
  const p = derive(budget, cat());
  const v = JSON.parse(toJson(p));

  it("derives the tables' totals", () => {
    expect(v.tables.t1.incomeTotal).toBe("7612.17");
    expect(v.tables.t1.incomeSubtotal).toBe("6389.17");
    expect(v.tables.t1.carryover).toBe("1223.00");
    expect(v.tables.t3.total).toEqual({ total: "7612.17", basic: "24.17", project: "7588.00" });
    expect(v.tables.t5.total).toEqual({ total: "6389.17", basic: "24.17", project: "6365.00" });
    expect(v.tables.t2.total).toMatchObject({ total: "6389.17", general: "6389.17", carryover: "1223.00" });
    expect(v.tables.t4.expenditureTotal).toEqual({ total: "7612.17", general: "7612.17", fund: "0.00", capital: "0.00" });
    expect(v.tables.t6.total).toEqual({ total: "24.17", personnel: "0.00", public: "24.17" });
    expect(v.tables.t10.rows.map((r: { cells: { total: string } }) => r.cells.total)).toEqual(["0.00", "0.00", "4.50", "0.00", "4.50", "4.50"]);
    expect(v.tables.t11.empty).toBe(true);
    expect(v.tables.t12.department.cells.total).toBe("6365.00");
    expect(v.tables.t12.units[0].projects).toHaveLength(13);
    expect(v.tables.t13.department.cells.total).toBe("1223.00");
    for (const k of ["t7", "t8", "t9"]) expect(v.tables[k].empty).toBe(true);
  });
  it("derives 表一's rows as printed", () => {
    const nonEmpty = v.tables.t1.expenditure.filter((r: { cells: { total: string } }) => r.cells.total !== "0.00");
    expect(nonEmpty.map((r: { label: string; cells: object }) => [r.label, r.cells])).toEqual([
      ["一、一般公共服务支出", { total: "1088.47", current: "1088.47", carryover: "0.00" }],
      ["八、社会保障和就业支出", { total: "0.70", current: "0.70", carryover: "0.00" }],
      ["十五、资源勘探工业信息等支出", { total: "6423.00", current: "5200.00", carryover: "1223.00" }],
      ["十八、援助其他地区支出", { total: "100.00", current: "100.00", carryover: "0.00" }],
    ]);
  });
  it("derives 表五's rows as printed", () => {
    expect(v.tables.t5.rows.map((r: { code: string; name: string; cells: { total: string } }) => `${r.code} ${r.name} ${r.cells.total}`)).toEqual([
      "201 一般公共服务支出 1088.47",
      "20104 发展与改革事务 50.57",
      "2010401 行政运行 24.17",
      "2010402 一般行政管理事务 26.40",
      "20105 统计信息事务 37.90",
      "2010502 一般行政管理事务 0.60",
      "2010507 专项普查活动 37.30",
      "20113 商贸事务 1000.00",
      "2011399 其他商贸事务支出 1000.00",
      "208 社会保障和就业支出 0.70",
      "20808 抚恤 0.70",
      "2080801 死亡抚恤 0.70",
      "215 资源勘探工业信息等支出 5200.00",
      "21508 支持中小企业发展和管理支出 5200.00",
      "2150805 中小企业发展专项 5200.00",
      "219 援助其他地区支出 100.00",
      "21907 交通运输 100.00",
    ]);
  });
  it("derives the prose's shares and changes", () => {
    const s = v.prose;
    expect(s.s1.income).toMatchObject({ amount: "7612.17", change: { amount: "12669.33", direction: "减少", percent: "62.47" } });
    expect(s.s2.sources[0].share).toBe("83.93");
    expect(s.s2.carryover.share).toBe("16.07");
    expect([s.s3.basic.share, s.s3.project.share]).toEqual(["0.32", "99.68"]);
    expect(s.s5.spending).toMatchObject({ amount: "6389.17", change: { amount: "6342.33", direction: "减少", percent: "49.82" } });
    expect(s.s5.byLei.map((l: { share: string }) => l.share)).toEqual(["17.04", "0.01", "81.39", "1.57"]);
    expect(s.s7.total).toMatchObject({ amount: "4.50", change: { amount: "1.50", direction: "减少" } });
    expect(s.s8.none).toBe(true);
    expect(s.s9).toMatchObject({ total: "11.80", goods: "2.70", works: "0.00", services: "9.10" });
  });
  it("derives the project counts of 第三部分 十", () => {
    const s10 = v.prose.s10;
    expect(s10.projects).toEqual({
      count: 13,
      amount: "6365.00",
      byCategory: [
        { category: "其他运转类", count: 11, amount: "165.00" },
        { category: "特定目标类", count: 2, amount: "6200.00" },
      ],
    });
    expect(s10.forms.count).toBe(13);
    expect(s10.coverage).toBe("100.00");
  });
  it("derives the overall form's 年度预算情况 (the published form's is wrong)", () => {
    expect(v.overallForm.budget.byDirection).toEqual({ total: "6389.17", basic: "24.17", project: "6365.00" });
    expect(v.overallForm.budget.bySource.general).toBe("6389.17");
    expect(v.overallForm).toMatchObject({ sections: 4, units: 0 });
  });
  it("attaches one form to each of the 13 projects, in 表十二 order", () => {
    expect(p.projectForms.map((f) => f.project)).toEqual(p.tables.t12.units[0]!.projects.map((x) => x.name));
    expect(p.unattachedForms).toEqual([]);
    const f = p.projectForms.find((x) => x.project === "2024年创新能力建设项目")!;
    expect(f).toMatchObject({ attribute: "一次性项目（1年结束）", duration: "1年", annualFunding: { total: 5_200_000_000 } });
  });
  it("writes JSON the schema validates", () => {
    expect(fromJson(toJson(p)).value).toEqual(p);
  });
});
