/**
 * The statements other regions' disclosures need, read into the AST: each statement's
 * facts land in their field with the value written (Chinese and English spellings
 * alike), keywords that begin other keywords do not swallow them (其他 / 其他收入, 绩效 /
 * 绩效目标 / 绩效目标设置), and a value that is no fact is reported, not kept.
 */
import { describe, expect, it } from "vitest";
import type * as A from "../src/syntax/ast.js";
import { KEYWORDS } from "../src/syntax/keywords.js";
import { lexer } from "../src/syntax/lexer.js";
import { loadBudget } from "../src/syntax/load.js";
import "../src/syntax/parser.js";

function load(src: string): { budget: A.Budget; codes: string[] } {
  const r = loadBudget("t.budget", { read: (p) => (p === "t.budget" ? src : undefined) });
  return { budget: r.budget, codes: r.diagnostics.map((d) => d.code) };
}

describe("keywords that begin other keywords", () => {
  const pairs = KEYWORDS.flatMap((a) => KEYWORDS.filter((b) => b !== a && b.zh.startsWith(a.zh)).map((b) => [a, b] as const));
  it("exist (the property below is not vacuous)", () => {
    expect(pairs.map(([a, b]) => `${a.zh}<${b.zh}`)).toEqual(expect.arrayContaining(["其他<其他收入", "绩效<绩效目标", "绩效目标<绩效目标设置", "单位<单位数", "项目<项目数", "其中<其中在编", "公务用车购置<公务用车购置及运行"]));
  });
  it("never take the longer keyword's place: each lexes as itself", () => {
    for (const [a, b] of pairs) {
      for (const k of [a, b]) {
        const tokens = lexer.tokenize(`${k.zh} "x"`).tokens;
        expect(tokens[0]?.tokenType.name, `${k.zh} (beside ${a === k ? b.zh : a.zh})`).toBe(k.name);
        expect(tokens[0]?.image).toBe(k.zh);
      }
    }
  });
});

describe("income by each kind of a unit's own funds", () => {
  const sources = ["事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"] as const;
  it("is read wherever amounts by source are", () => {
    const lines = sources.map((s, i) => `  ${s} ${i + 1}.00万元`).join("\n");
    const { budget, codes } = load(`部门 "甲" {
  年度 2024
  控制数 {
${lines}
  }
}
基本支出 { 支出 2010401 30201 1.00万元 其他收入 }
项目 "乙" { 科目 2010402 类别 其他运转类
${lines}
}
结转 "丙" { 科目 2010402
${lines}
}
上年 {
${lines}
}
整体绩效 { 年度预算 {
${lines}
} }
`);
    expect(codes).toEqual([]);
    const want = sources.map((s, i) => [s, `${i + 1}.00万元`]);
    const of = (as: readonly A.Amount[]) => as.map((a) => [a.source, a.money.text]);
    expect(of(budget.department!.control!.bySource)).toEqual(want);
    expect(of(budget.projects[0]!.amounts)).toEqual(want);
    expect(of(budget.carryovers[0]!.amounts)).toEqual(want);
    expect(of(budget.lastYear!.bySource)).toEqual(want);
    expect(of(budget.overall!.declaredBudget!.bySource)).toEqual(want);
    expect(budget.basic[0]!.source.value).toBe("其他收入");
  });
  it("keeps 其他收入 apart from the keyword 其他, and its English alias", () => {
    const { budget, codes } = load(`项目 "乙" { other-income 3元 }\n其他说明 { 其他 "其他收入不列" }\n`);
    expect(codes).toEqual([]);
    expect(budget.projects[0]!.amounts.map((a) => a.source)).toEqual(["其他收入"]);
    expect(budget.notes?.other?.value).toBe("其他收入不列");
  });
});

describe("the department", () => {
  it("may have no code; its profile, level, short name and suffix are read", () => {
    const { budget, codes } = load(`部门 "上海市普陀区人民政府万里街道办事处" {
  公开格式 shanghai
  级次 区级
  简称 "万里街道"
  名称后缀 "（部门）"
}
单位 "上海市普陀区中小企业服务中心" { 类型 事业单位  备注 "不单列预算" }
`);
    expect(codes).toEqual([]);
    const d = budget.department!;
    expect(d.code).toBeUndefined();
    expect([d.name.value, d.profile?.value, d.level?.value, d.shortName?.value, d.nameSuffix?.value]).toEqual(["上海市普陀区人民政府万里街道办事处", "shanghai", "区级", "万里街道", "（部门）"]);
    expect(budget.units[0]!.note?.value).toBe("不单列预算");
  });
  it("keeps a code when written", () => {
    expect(load(`部门 609 "甲" { }`).budget.department!.code?.value).toBe("609");
  });
  it("names a profile with a hyphen and digits as a bare word", () => {
    for (const p of ["shanxi-13", "mof-9"]) expect(load(`部门 "甲" { profile ${p} }`).budget.department!.profile?.value).toBe(p);
  });
  it("reads the levels that are keywords elsewhere (省级, 中央, 市县) by their Chinese spelling", () => {
    for (const [written, read] of [["省级", "省级"], ["provincial", "省级"], ["中央", "中央"], ["市县", "市县"], ["县级", "县级"]]) {
      const { budget, codes } = load(`部门 "甲" { 级次 ${written} }`);
      expect(codes).toEqual([]);
      expect(budget.department!.level?.value).toBe(read);
    }
  });
});

describe("projects", () => {
  it("read 经济科目 lines with and without amounts, in order", () => {
    const { budget } = load(`项目 "甲" { 经济科目 31013  经济科目 30201 2.00万元  economic 30202 3元 }`);
    expect(budget.projects[0]!.economic.map((e) => [e.code.value, e.money?.text])).toEqual([["31013", undefined], ["30201", "2.00万元"], ["30202", "3元"]]);
  });
  it("leave out an 经济科目 line whose amount cannot be read, rather than give it the whole amount", () => {
    const { budget, codes } = load(`项目 "甲" { 经济科目 31013 2.00 }`);
    expect(codes).toEqual(["money-unit"]);
    expect(budget.projects[0]!.economic).toEqual([]);
  });
  it("read a funding note: its texts, and its parts and plans in the order written", () => {
    const { budget, codes } = load(`项目 "甲" {
  经费说明 {
    概况 "推动发展"
    立项依据 """
      1、《意见》。
    """
    实施主体 "上海市普陀区商务委员会"
    实施方案 "制定流程"
    实施周期 "2025.1.1-2025.12.31"
    其中 "支持企业规模化发展" 870.00万元
    用款计划 "第一季度用款计划" 158.05万元
    part "支持企业创新化发展" 70.00万元
    绩效目标 "详见单位的项目绩效目标表"
  }
}`);
    expect(codes).toEqual([]);
    const n = budget.projects[0]!.note!;
    expect([n.summary?.value, n.basis?.value, n.implementer?.value, n.scheme?.value, n.schedule?.value, n.goal?.value]).toEqual(["推动发展", "1、《意见》。", "上海市普陀区商务委员会", "制定流程", "2025.1.1-2025.12.31", "详见单位的项目绩效目标表"]);
    expect(n.parts.map((p) => [p.kind, p.label.value, p.money.text])).toEqual([
      ["part", "支持企业规模化发展", "870.00万元"],
      ["plan", "第一季度用款计划", "158.05万元"],
      ["part", "支持企业创新化发展", "70.00万元"],
    ]);
  });
  it("state a funding note once", () => {
    expect(load(`项目 "甲" { 经费说明 { } 经费说明 { } }`).codes).toEqual(["duplicate-statement"]);
  });
});

describe("purposes, coverage and last year", () => {
  it("read 用途 with and without an amount", () => {
    const { budget, codes } = load(`用途 2011301 "机关行政运行"\n用途 2010507 25.77万元 """\n  专项普查活动\n"""\n`);
    expect(codes).toEqual([]);
    expect(budget.purposes.map((p) => [p.code.value, p.money?.text, p.text.value])).toEqual([["2011301", undefined, "机关行政运行"], ["2010507", "25.77万元", "专项普查活动"]]);
  });
  it("read 绩效目标设置 once", () => {
    const { budget, codes } = load(`绩效目标设置 { 单位数 2个 项目数 50个 资金 5,634.81万元 }\n绩效目标设置 { }\n`);
    expect(codes).toEqual(["duplicate-statement"]);
    const c = budget.coverage!;
    expect([c.units?.text, c.projects?.text, c.amount?.fen]).toEqual(["2个", "50个", 5_634_810_000]);
  });
  it("read 财政拨款, 执行数 and reasons for subject codes and the vehicle subtotal", () => {
    const { budget, codes } = load(`上年 {
  财政拨款 16,497.86万元
  执行数 2010507 60.13万元
  执行数 2012902 45.41万元
  变动原因 财政拨款 "项目调整"
  变动原因 2010507 "项目调整"
  变动原因 公务用车购置及运行 "购置公务用车"
  变动原因 fiscal "x"
  变动原因 支出总计 "y"
}`);
    expect(codes).toEqual([]);
    const ly = budget.lastYear!;
    expect(ly.fiscal?.fen).toBe(16_497_860_000);
    expect(ly.executed.map((e) => [e.code.value, e.money.text])).toEqual([["2010507", "60.13万元"], ["2012902", "45.41万元"]]);
    expect(ly.reasons.map((r) => r.figure.value)).toEqual(["财政拨款", "2010507", "公务用车购置及运行", "财政拨款", "支出总计"]);
  });
  it("refuse a reason whose figure is a numeral with a unit", () => {
    const { budget, codes } = load(`上年 { 变动原因 2010507万元 "x" }`);
    expect(codes).toEqual(["invalid-value"]);
    expect(budget.lastYear!.reasons).toEqual([]);
  });
});

describe("procurement and assets", () => {
  it("read the 中小企业 reservation and the purchase plan", () => {
    const { budget, codes } = load(`政府采购 { 中小企业预留 664.98万元  小微企业预留 465.49万元 }
国有资产 { 车辆 其他用车 7辆  购置车辆 其他用车 1辆  购置车辆 执法执勤用车 2辆  设备 100万元 0台（套）  购置设备 100万元 1台（套） }`);
    expect(codes).toEqual([]);
    expect([budget.procurement?.smeReserved?.text, budget.procurement?.smallMicroReserved?.text]).toEqual(["664.98万元", "465.49万元"]);
    const a = budget.assets!;
    expect(a.vehicles.map((v) => [v.kind.value, v.count.text])).toEqual([["其他用车", "7辆"]]);
    expect(a.vehiclePurchases.map((v) => [v.kind.value, v.count.text])).toEqual([["其他用车", "1辆"], ["执法执勤用车", "2辆"]]);
    expect(a.equipment.map((e) => e.count.text)).toEqual(["0台（套）"]);
    expect(a.equipmentPurchases.map((e) => [e.threshold.text, e.count.text])).toEqual([["100万元", "1台（套）"]]);
  });
});
