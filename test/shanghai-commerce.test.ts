/**
 * The 上海市普陀区商务委员会 2025 budget (budgets/shanghai-putuo-commerce-2025.budget)
 * against the document it is written from
 * (reference/shanghai/shanghai_putuo_commerce_2025_dept_budget.txt): every amount of the
 * document's nine tables, transcribed here from the document (not from an output), equals
 * the figure the model derives, row by row and column by column; the prose figures the
 * author states (purposes with their amounts, last year's figures, 三公, procurement,
 * coverage, assets, the key projects' 年度预算安排) come out as printed; and the budget
 * checks with no error and only the two warnings its source explains. The as-published
 * transcription (test/fixtures/as-published/shanghai-putuo-commerce-2025.budget) reports
 * the document's contradiction at the lines that state it.
 *
 * Amounts are compared in 分, exactly, parsed from the printed text with toFen. A blank
 * cell of the document is 0. The model's tables are the standard ones (t1 … t13, whose
 * figures the Shanghai tables print in another layout), so each document table is
 * compared with the model table that holds its figures, named beside it.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toFen, wan, type Fen } from "../src/base/money.js";
import { checkBudget } from "../src/check/check.js";
import { Profiles } from "../src/cli/profiles.js";
import { nodeIo } from "../src/cli/io.js";
import { diagnosticsJson } from "../src/cli/report.js";
import { loadBudget } from "../src/syntax/load.js";

const ENTRY = "budgets/shanghai-putuo-commerce-2025.budget";
const host = { read: (p: string) => (existsSync(p) ? readFileSync(p, "utf8") : undefined) };
// The profiles as the command line reads them (the budget names shanghai).
const PROFILES = new Profiles(nodeIo());
const checked = checkBudget(loadBudget(ENTRY, host), undefined, undefined, { profiles: PROFILES });
const pub = checked.derivation.publication();

/** A printed amount in 元 ("21,601,733.00"; a blank cell is 0) in 分. */
function yuan(printed: string): Fen {
  if (printed === "") return 0;
  const r = toFen(printed, "元");
  if (!r.ok) throw new Error(`not an amount: ${printed}`);
  return r.fen;
}

/** A printed amount in 万元 ("37,151.47", "0") in 分. */
function wanYuan(printed: string): Fen {
  if (printed === "") return 0;
  const r = toFen(printed, "万元");
  if (!r.ok) throw new Error(`not an amount: ${printed}`);
  return r.fen;
}

/** A subject code as the tables print it, split into 类 款 项 ("201   13   01"), joined. */
const code = (printed: string) => printed.replace(/\s+/g, "");

/** The rows of a functional table the model prints (those with an amount), by code. */
function rowsByCode<C>(rows: readonly { code: string; name: string; cells: C & { total: Fen } }[]) {
  return new Map(rows.filter((r) => r.cells.total !== 0).map((r) => [r.code, r]));
}

describe("the budget", () => {
  it("checks clean in its profile (which prints 地区 on the cover and the 内设机构 in 机构设置)", () => {
    expect(checked.diagnostics.map((d) => `${d.severity} ${d.code} ${d.span.file}`)).toEqual([]);
  });
});

/* ------------------------------------------------------------------------------------ */
/* 1. 2025年部门财务收支预算总表 (document lines 147–163)                                  */
/* ------------------------------------------------------------------------------------ */

describe("表1 财务收支预算总表 (model: explanations.income, t1)", () => {
  // 本年收入, as printed (L152–L158, L163).
  const income = {
    fiscal: "371,514,655.00", // 一、财政拨款收入
    general: "371,514,655.00", // 1. 一般公共预算资金
    fund: "", // 2. 政府性基金
    capital: "", // 3. 国有资本经营预算
    business: "", // 二、事业收入
    operating: "", // 三、事业单位经营收入
    other: "", // 四、其他收入
    total: "371,514,655.00", // 收入总计
  };
  // 本年支出 by 类, as printed (L152–L158, L163).
  const spending: [string, string, string][] = [
    ["一、一般公共服务支出", "201", "21,601,733.00"],
    ["二、科学技术支出", "206", "17,200,000.00"],
    ["三、社会保障和就业支出", "208", "3,808,085.00"],
    ["四、卫生健康支出", "210", "881,803.00"],
    ["五、资源勘探工业信息等支出", "215", "293,810,000.00"],
    ["六、商业服务业等支出", "216", "31,364,000.00"],
    ["七、住房保障支出", "221", "2,849,034.00"],
  ];
  const spendingTotal = "371,514,655.00";

  it("income by source", () => {
    const e = pub.explanations!.income;
    const by = new Map(e.bySource.map((s) => [s.source, s.amount]));
    expect(e.fiscal).toBe(yuan(income.fiscal));
    expect(by.get("一般公共预算")).toBe(yuan(income.general));
    expect(by.get("政府性基金预算")).toBe(yuan(income.fund));
    expect(by.get("国有资本经营预算")).toBe(yuan(income.capital));
    expect(by.get("事业收入")).toBe(yuan(income.business));
    expect(by.get("事业单位经营收入")).toBe(yuan(income.operating));
    expect(by.get("其他收入")).toBe(yuan(income.other));
    expect(e.total).toBe(yuan(income.total));
    expect(pub.tables.t1.incomeTotal).toBe(yuan(income.total));
  });
  it("spending by 类, only the 类 with an amount, and 支出总计", () => {
    // The document numbers the printed 类 一 to 七; the numbering is the profile's, the codes are the model's.
    const printed = pub.tables.t1.expenditure.filter((r) => r.cells.total !== 0);
    expect(printed.map((r) => [r.code, r.cells.total])).toEqual(spending.map(([, c, a]) => [c, yuan(a)]));
    expect(printed.every((r) => r.cells.carryover === 0)).toBe(true);
    expect(pub.tables.t1.expenditureTotal.total).toBe(yuan(spendingTotal));
  });
});

/* ------------------------------------------------------------------------------------ */
/* 2. 2025年部门收入预算总表 (L164–L202)                                                  */
/* ------------------------------------------------------------------------------------ */

describe("表2 收入预算总表 (model: t2)", () => {
  // 类 款 项, 名称, 合计, 财政拨款收入; 事业收入, 事业单位经营收入 and 其他收入 are blank on every row.
  const rows: [string, string, string, string][] = [
    ["201", "一般公共服务支出", "21,601,733.00", "21,601,733.00"],
    ["201   13", "商贸事务", "21,601,733.00", "21,601,733.00"],
    ["201   13   01", "行政运行", "9,389,913.00", "9,389,913.00"],
    ["201   13   02", "一般行政管理事务", "4,545,000.00", "4,545,000.00"],
    ["201   13   50", "事业运行", "2,901,820.00", "2,901,820.00"],
    ["201   13   99", "其他商贸事务支出", "4,765,000.00", "4,765,000.00"],
    ["206", "科学技术支出", "17,200,000.00", "17,200,000.00"],
    ["206   05", "科技条件与服务", "17,200,000.00", "17,200,000.00"],
    ["206   05   03", "科技条件专项", "17,200,000.00", "17,200,000.00"],
    ["208", "社会保障和就业支出", "3,808,085.00", "3,808,085.00"],
    ["208   05", "行政事业单位养老支出", "3,808,085.00", "3,808,085.00"],
    ["208   05   01", "行政单位离退休", "1,661,216.00", "1,661,216.00"],
    ["208   05   02", "事业单位离退休", "17,280.00", "17,280.00"],
    ["208   05   05", "机关事业单位基本养老保险缴费支出", "1,410,886.00", "1,410,886.00"],
    ["208   05   06", "机关事业单位职业年金缴费支出", "705,443.00", "705,443.00"],
    ["208   05   99", "其他行政事业单位养老支出", "13,260.00", "13,260.00"],
    ["210", "卫生健康支出", "881,803.00", "881,803.00"],
    ["210   11", "行政事业单位医疗", "881,803.00", "881,803.00"],
    ["210   11   01", "行政单位医疗", "631,941.00", "631,941.00"],
    ["210   11   02", "事业单位医疗", "249,862.00", "249,862.00"],
    ["215", "资源勘探工业信息等支出", "293,810,000.00", "293,810,000.00"],
    ["215   08", "支持中小企业发展和管理支出", "293,810,000.00", "293,810,000.00"],
    ["215   08   99", "其他支持中小企业发展和管理支出", "293,810,000.00", "293,810,000.00"],
    ["216", "商业服务业等支出", "31,364,000.00", "31,364,000.00"],
    ["216   99", "其他商业服务业等支出", "31,364,000.00", "31,364,000.00"],
    ["216   99   99", "其他商业服务业等支出", "31,364,000.00", "31,364,000.00"],
    ["221", "住房保障支出", "2,849,034.00", "2,849,034.00"],
    ["221   02", "住房改革支出", "2,849,034.00", "2,849,034.00"],
    ["221   02   01", "住房公积金", "1,361,034.00", "1,361,034.00"],
    ["221   02   03", "购房补贴", "1,488,000.00", "1,488,000.00"],
  ];
  const total = { total: "371,514,655.00", fiscal: "371,514,655.00" };

  it("prints the document's rows, in its order, with its names and amounts", () => {
    const model = [...rowsByCode(pub.tables.t2.rows).values()];
    expect(model.map((r) => [r.code, r.name, r.cells.total, r.cells.general + r.cells.fund + r.cells.capital])).toEqual(
      rows.map(([c, name, t, f]) => [code(c), name, yuan(t), yuan(f)]),
    );
    // The blank 事业收入, 事业单位经营收入 and 其他收入 columns: no own funds on any row, nothing carried over.
    expect(model.every((r) => r.cells.unitFunds === 0 && r.cells.specialAccount === 0 && r.cells.carryover === 0)).toBe(true);
  });
  it("合计", () => {
    const t = pub.tables.t2.total;
    expect([t.total, t.general + t.fund + t.capital, t.unitFunds]).toEqual([yuan(total.total), yuan(total.fiscal), 0]);
  });
});

/* ------------------------------------------------------------------------------------ */
/* 3. 2025年部门支出预算总表 (L203–L240) and 5. 一般公共预算支出功能分类预算表 (L258–L299)   */
/* ------------------------------------------------------------------------------------ */

/** 类 款 项, 名称, 合计, 基本支出, 项目支出, as 表3 prints them. */
const TABLE_3: [string, string, string, string, string][] = [
  ["201", "一般公共服务支出", "21,601,733.00", "12,291,733.00", "9,310,000.00"],
  ["201   13", "商贸事务", "21,601,733.00", "12,291,733.00", "9,310,000.00"],
  ["201   13   01", "行政运行", "9,389,913.00", "9,389,913.00", ""],
  ["201   13   02", "一般行政管理事务", "4,545,000.00", "", "4,545,000.00"],
  ["201   13   50", "事业运行", "2,901,820.00", "2,901,820.00", ""],
  ["201   13   99", "其他商贸事务支出", "4,765,000.00", "", "4,765,000.00"],
  ["206", "科学技术支出", "17,200,000.00", "", "17,200,000.00"],
  ["206   05", "科技条件与服务", "17,200,000.00", "", "17,200,000.00"],
  ["206   05   03", "科技条件专项", "17,200,000.00", "", "17,200,000.00"],
  ["208", "社会保障和就业支出", "3,808,085.00", "3,808,085.00", ""],
  ["208   05", "行政事业单位养老支出", "3,808,085.00", "3,808,085.00", ""],
  ["208   05   01", "行政单位离退休", "1,661,216.00", "1,661,216.00", ""],
  ["208   05   02", "事业单位离退休", "17,280.00", "17,280.00", ""],
  ["208   05   05", "机关事业单位基本养老保险缴费支出", "1,410,886.00", "1,410,886.00", ""],
  ["208   05   06", "机关事业单位职业年金缴费支出", "705,443.00", "705,443.00", ""],
  ["208   05   99", "其他行政事业单位养老支出", "13,260.00", "13,260.00", ""],
  ["210", "卫生健康支出", "881,803.00", "881,803.00", ""],
  ["210   11", "行政事业单位医疗", "881,803.00", "881,803.00", ""],
  ["210   11   01", "行政单位医疗", "631,941.00", "631,941.00", ""],
  ["210   11   02", "事业单位医疗", "249,862.00", "249,862.00", ""],
  ["215", "资源勘探工业信息等支出", "293,810,000.00", "", "293,810,000.00"],
  ["215   08", "支持中小企业发展和管理支出", "293,810,000.00", "", "293,810,000.00"],
  ["215   08   99", "其他支持中小企业发展和管理支出", "293,810,000.00", "", "293,810,000.00"],
  ["216", "商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
  ["216   99", "其他商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
  ["216   99   99", "其他商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
  ["221", "住房保障支出", "2,849,034.00", "2,849,034.00", ""],
  ["221   02", "住房改革支出", "2,849,034.00", "2,849,034.00", ""],
  ["221   02   01", "住房公积金", "1,361,034.00", "1,361,034.00", ""],
  ["221   02   03", "购房补贴", "1,488,000.00", "1,488,000.00", ""],
];
const TABLE_3_TOTAL = ["371,514,655.00", "19,830,655.00", "351,684,000.00"] as const;

/** 表5, as printed over its two pages (L265–L279, L284–L299). */
const TABLE_5: [string, string, string, string, string][] = [
  ["201", "一般公共服务支出", "21,601,733.00", "12,291,733.00", "9,310,000.00"],
  ["201   13", "商贸事务", "21,601,733.00", "12,291,733.00", "9,310,000.00"],
  ["201   13   01", "行政运行", "9,389,913.00", "9,389,913.00", ""],
  ["201   13   02", "一般行政管理事务", "4,545,000.00", "", "4,545,000.00"],
  ["201   13   50", "事业运行", "2,901,820.00", "2,901,820.00", ""],
  ["201   13   99", "其他商贸事务支出", "4,765,000.00", "", "4,765,000.00"],
  ["206", "科学技术支出", "17,200,000.00", "", "17,200,000.00"],
  ["206   05", "科技条件与服务", "17,200,000.00", "", "17,200,000.00"],
  ["206   05   03", "科技条件专项", "17,200,000.00", "", "17,200,000.00"],
  ["208", "社会保障和就业支出", "3,808,085.00", "3,808,085.00", ""],
  ["208   05", "行政事业单位养老支出", "3,808,085.00", "3,808,085.00", ""],
  ["208   05   01", "行政单位离退休", "1,661,216.00", "1,661,216.00", ""],
  ["208   05   02", "事业单位离退休", "17,280.00", "17,280.00", ""],
  ["208   05   05", "机关事业单位基本养老保险缴费支出", "1,410,886.00", "1,410,886.00", ""],
  ["208   05   06", "机关事业单位职业年金缴费支出", "705,443.00", "705,443.00", ""],
  ["208   05   99", "其他行政事业单位养老支出", "13,260.00", "13,260.00", ""],
  ["210", "卫生健康支出", "881,803.00", "881,803.00", ""],
  ["210   11", "行政事业单位医疗", "881,803.00", "881,803.00", ""],
  ["210   11   01", "行政单位医疗", "631,941.00", "631,941.00", ""],
  ["210   11   02", "事业单位医疗", "249,862.00", "249,862.00", ""],
  ["215", "资源勘探工业信息等支出", "293,810,000.00", "", "293,810,000.00"],
  ["215   08", "支持中小企业发展和管理支出", "293,810,000.00", "", "293,810,000.00"],
  ["215   08   99", "其他支持中小企业发展和管理支出", "293,810,000.00", "", "293,810,000.00"],
  ["216", "商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
  ["216   99", "其他商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
  ["216   99   99", "其他商业服务业等支出", "31,364,000.00", "", "31,364,000.00"],
  ["221", "住房保障支出", "2,849,034.00", "2,849,034.00", ""],
  ["221   02", "住房改革支出", "2,849,034.00", "2,849,034.00", ""],
  ["221   02   01", "住房公积金", "1,361,034.00", "1,361,034.00", ""],
  ["221   02   03", "购房补贴", "1,488,000.00", "1,488,000.00", ""],
];
const TABLE_5_TOTAL = ["371,514,655.00", "19,830,655.00", "351,684,000.00"] as const;

describe("表3 支出预算总表 (model: t3) and 表5 一般公共预算支出功能分类预算表 (model: t5)", () => {
  const expected = (rows: typeof TABLE_3) => rows.map(([c, name, t, b, p]) => [code(c), name, yuan(t), yuan(b), yuan(p)]);
  it("表3: the document's rows with 合计, 基本支出 and 项目支出", () => {
    const model = [...rowsByCode(pub.tables.t3.rows).values()];
    expect(model.map((r) => [r.code, r.name, r.cells.total, r.cells.basic, r.cells.project])).toEqual(expected(TABLE_3));
    const t = pub.tables.t3.total;
    expect([t.total, t.basic, t.project]).toEqual(TABLE_3_TOTAL.map(yuan));
  });
  it("表5: the document's rows with 合计, 基本支出 and 项目支出", () => {
    const model = [...rowsByCode(pub.tables.t5.rows).values()];
    expect(model.map((r) => [r.code, r.name, r.cells.total, r.cells.basic, r.cells.project])).toEqual(expected(TABLE_5));
    const t = pub.tables.t5.total;
    expect([t.total, t.basic, t.project]).toEqual(TABLE_5_TOTAL.map(yuan));
  });
});

/* ------------------------------------------------------------------------------------ */
/* 4. 2025年部门财政拨款收支预算总表 (L241–L257)                                           */
/* ------------------------------------------------------------------------------------ */

describe("表4 财政拨款收支预算总表 (model: t4)", () => {
  // 财政拨款收入 (L246–L248): 一般公共预算资金, 政府性基金, 国有资本经营预算; 收入总计 (L257).
  const income = { general: "371,514,655.00", fund: "", capital: "", total: "371,514,655.00" };
  // 财政拨款支出 by 类: 合计, 一般公共预算, 政府性基金预算, 国有资本经营预算 (L246–L252).
  const spending: [string, string, string, string, string, string][] = [
    ["一、一般公共服务支出", "201", "21,601,733.00", "21,601,733.00", "", ""],
    ["二、科学技术支出", "206", "17,200,000.00", "17,200,000.00", "", ""],
    ["三、社会保障和就业支出", "208", "3,808,085.00", "3,808,085.00", "", ""],
    ["四、卫生健康支出", "210", "881,803.00", "881,803.00", "", ""],
    ["五、资源勘探工业信息等支出", "215", "293,810,000.00", "293,810,000.00", "", ""],
    ["六、商业服务业等支出", "216", "31,364,000.00", "31,364,000.00", "", ""],
    ["七、住房保障支出", "221", "2,849,034.00", "2,849,034.00", "", ""],
  ];
  const spendingTotal = ["371,514,655.00", "371,514,655.00", "", ""];

  it("income by fund and 收入总计", () => {
    const by = new Map(pub.tables.t4.income.map((s) => [s.source, s.amount]));
    expect([by.get("一般公共预算"), by.get("政府性基金预算"), by.get("国有资本经营预算")]).toEqual([income.general, income.fund, income.capital].map(yuan));
    expect(pub.tables.t4.incomeTotal).toBe(yuan(income.total));
  });
  it("spending by 类 and fund, and 支出总计", () => {
    const printed = pub.tables.t4.expenditure.filter((r) => r.cells.total !== 0);
    expect(printed.map((r) => [r.code, r.cells.total, r.cells.general, r.cells.fund, r.cells.capital])).toEqual(
      spending.map(([, c, ...cells]) => [c, ...cells.map(yuan)]),
    );
    const t = pub.tables.t4.expenditureTotal;
    expect([t.total, t.general, t.fund, t.capital]).toEqual(spendingTotal.map(yuan));
  });
});

/* ------------------------------------------------------------------------------------ */
/* 6. 政府性基金 (L300–L312) and 7. 国有资本经营 (L313–L325): empty tables                 */
/* ------------------------------------------------------------------------------------ */

describe("表6 and 表7, the empty tables (model: t7, t8, t9)", () => {
  it("have no rows and a 合计 of nothing", () => {
    // 注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。(L312)
    expect([pub.tables.t7.empty, pub.tables.t8.empty, pub.tables.t8.rows.length, pub.tables.t8.total.total]).toEqual([true, true, 0, 0]);
    // 注:本部门2025年无国有资本经营预算财政拨款安排的预算，故本表为空表。(L325)
    expect([pub.tables.t9.empty, pub.tables.t9.rows.length, pub.tables.t9.total.total]).toEqual([true, 0, 0]);
  });
});

/* ------------------------------------------------------------------------------------ */
/* 8. 一般公共预算基本支出部门预算经济分类预算表 (L326–L363)                                */
/* ------------------------------------------------------------------------------------ */

describe("表8 基本支出部门预算经济分类预算表 (model: t6)", () => {
  // 类 款, 名称, 合计, 人员经费, 公用经费, as printed.
  const rows: [string, string, string, string, string][] = [
    ["301", "工资福利支出", "16,671,057.00", "16,671,057.00", ""],
    ["301   01", "基本工资", "1,952,616.00", "1,952,616.00", ""],
    ["301   02", "津贴补贴", "7,533,376.00", "7,533,376.00", ""],
    ["301   07", "绩效工资", "1,852,114.00", "1,852,114.00", ""],
    ["301   08", "机关事业单位基本养老保险缴费", "1,410,886.00", "1,410,886.00", ""],
    ["301   09", "职业年金缴费", "705,443.00", "705,443.00", ""],
    ["301   10", "职工基本医疗保险缴费", "881,803.00", "881,803.00", ""],
    ["301   12", "其他社会保障缴费", "36,918.00", "36,918.00", ""],
    ["301   13", "住房公积金", "1,361,034.00", "1,361,034.00", ""],
    ["301   99", "其他工资福利支出", "936,867.00", "936,867.00", ""],
    ["302", "商品和服务支出", "1,632,062.00", "", "1,632,062.00"],
    ["302   01", "办公费", "273,900.00", "", "273,900.00"],
    ["302   02", "印刷费", "5,000.00", "", "5,000.00"],
    ["302   04", "手续费", "1,500.00", "", "1,500.00"],
    ["302   07", "邮电费", "15,000.00", "", "15,000.00"],
    ["302   11", "差旅费", "80,000.00", "", "80,000.00"],
    ["302   13", "维修（护）费", "10,000.00", "", "10,000.00"],
    ["302   16", "培训费", "5,000.00", "", "5,000.00"],
    ["302   17", "公务接待费", "10,000.00", "", "10,000.00"],
    ["302   26", "劳务费", "25,000.00", "", "25,000.00"],
    ["302   27", "委托业务费", "180,000.00", "", "180,000.00"],
    ["302   28", "工会经费", "194,962.00", "", "194,962.00"],
    ["302   29", "福利费", "423,360.00", "", "423,360.00"],
    ["302   39", "其他交通费用", "284,480.00", "", "284,480.00"],
    ["302   99", "其他商品和服务支出", "123,860.00", "", "123,860.00"],
    ["303", "对个人和家庭的补助", "1,449,536.00", "1,449,536.00", ""],
    ["303   01", "离休费", "251,936.00", "251,936.00", ""],
    ["303   02", "退休费", "1,197,600.00", "1,197,600.00", ""],
    ["310", "资本性支出", "78,000.00", "", "78,000.00"],
    ["310   02", "办公设备购置", "78,000.00", "", "78,000.00"],
  ];
  const total = ["19,830,655.00", "18,120,593.00", "1,710,062.00"];

  it("the document's 类 and 款 rows with 合计, 人员经费 and 公用经费", () => {
    // The standard 表六 orders a 类's lines by their 政府经济分类; the document, by code: compare by code.
    const model: [string, string, Fen, Fen, Fen][] = [];
    for (const g of pub.tables.t6.groups) {
      model.push([g.code, g.name, g.cells.total, g.cells.personnel, g.cells.public]);
      for (const l of g.lines) model.push([l.code, l.name, l.cells.total, l.cells.personnel, l.cells.public]);
    }
    model.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    // The document prints 维修（护）费 with full-width brackets, the catalogue 维修(护)费: one name.
    const name = (s: string) => s.normalize("NFKC");
    expect(model.map(([c, n, ...cells]) => [c, name(n), ...cells])).toEqual(rows.map(([c, n, ...cells]) => [code(c), name(n), ...cells.map(yuan)]));
    const t = pub.tables.t6.total;
    expect([t.total, t.personnel, t.public]).toEqual(total.map(yuan));
  });
});

/* ------------------------------------------------------------------------------------ */
/* 9. “三公”经费和机关运行经费预算表 (L364–L375), in 万元, and the 三公 prose (L378–L385)    */
/* ------------------------------------------------------------------------------------ */

describe("表9 “三公”经费和机关运行经费预算表 (model: t10, t11; prose s7, s8)", () => {
  // L375: 合计 1.00, 因公出国(境)费 blank, 公务接待费 1.00, 公务用车 小计/购置费/运行费 blank, 机关运行经费 171.01.
  const row = { total: "1.00", overseas: "", reception: "1.00", vehicles: "", purchase: "", operation: "", running: "171.01" };
  // L379–L383: every item 与2024年预算持平, so last year's figures are this year's.
  const lastYear = { total: "1.00", overseas: "0", reception: "1.00", purchase: "0", operation: "0", vehicles: "0" };

  const t10 = () => new Map(pub.tables.t10.rows.map((r) => [r.key, r.cells.total]));
  it("三公 by item, as the table prints it in 万元", () => {
    const r = t10();
    const keys = { total: "total", overseas: "overseas", reception: "reception", vehicles: "vehicles", purchase: "vehiclePurchase", operation: "vehicleOperation" } as const;
    for (const [k, key] of Object.entries(keys)) expect(r.get(key), k).toBe(wanYuan(row[k as keyof typeof row]));
    // All of it 一般公共预算.
    expect(pub.tables.t10.rows.every((x) => x.cells.total === x.cells.general)).toBe(true);
  });
  it("机关运行经费 171.01万元, the 公用经费 of the one 行政单位", () => {
    expect(wan(pub.tables.t11.total.total)).toBe(row.running);
    expect(pub.prose.s8.total?.amount).toBe(pub.tables.t11.total.total);
    expect(pub.explanations!.runningUnits).toEqual({ administrative: 1, civilServiceManaged: 0 });
  });
  it("三公 last year (2024 预算), item by item, and the reasons as printed", () => {
    const s7 = pub.prose.s7;
    expect(s7.total.lastYear).toBe(wanYuan(lastYear.total));
    const items = new Map(s7.items.map((i) => [i.key, i.figure]));
    expect(items.get("overseas")?.lastYear).toBe(wanYuan(lastYear.overseas));
    expect(items.get("reception")?.lastYear).toBe(wanYuan(lastYear.reception));
    expect(items.get("vehiclePurchase")?.lastYear).toBe(wanYuan(lastYear.purchase));
    expect(items.get("vehicleOperation")?.lastYear).toBe(wanYuan(lastYear.operation));
    expect(pub.explanations!.vehicles.lastYear).toBe(wanYuan(lastYear.vehicles));
    expect([...items.values(), s7.total, pub.explanations!.vehicles].map((f) => f.change?.direction)).toEqual(Array(6).fill("持平"));
    expect([items.get("overseas")?.reason, pub.explanations!.vehicles.reason, items.get("vehiclePurchase")?.reason, items.get("vehicleOperation")?.reason, items.get("reception")?.reason]).toEqual([
      "此部分预算由区外办统一安排",
      "无公务用车车辆",
      "无公务用车车辆",
      "无公务用车车辆",
      "根据本部门实际业务需求开展公务接待",
    ]);
  });
});

/* ------------------------------------------------------------------------------------ */
/* 部门预算编制说明 (L104–L146)                                                           */
/* ------------------------------------------------------------------------------------ */

describe("部门预算编制说明 (model: explanations)", () => {
  it("收入 and 支出 totals, and 财政拨款 against 2024年预算 (the base two of the three sentences use)", () => {
    const e = pub.explanations!;
    // L106: 收入预算37,151.47万元，其中：财政拨款收入37,151.47万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。
    expect(wan(e.income.total)).toBe("37151.47");
    expect(wan(e.income.fiscal)).toBe("37151.47");
    // L108: 财政拨款支出预算37,151.47万元，比2024年预算增加24,491.71万元 (also 一般公共预算, L108–L109).
    expect(wan(e.fiscal.amount)).toBe("37151.47");
    expect([wan(e.fiscal.change!.amount), e.fiscal.change!.direction]).toEqual(["24491.71", "增加"]);
    const general = e.funds.find((f) => f.source === "一般公共预算")!.figure;
    expect([wan(general.change!.amount), general.change!.direction]).toEqual(["24491.71", "增加"]);
    // L109–L110: 政府性基金 and 国有资本经营 0万元, 持平.
    expect(e.funds.filter((f) => f.source !== "一般公共预算").map((f) => [f.figure.amount, f.figure.change?.direction])).toEqual([
      [0, "持平"],
      [0, "持平"],
    ]);
    // L111.
    expect(e.fiscal.reason).toBe("政策资金项目预算增加，根据实际工作安排编制预算");
  });
  it("one item per 项 of 财政拨款 spending, with its amount in 万元 and purpose as printed", () => {
    // L114–L146 (the stray spaces before 。 on L114 and L118 dropped).
    const items: [string, string, string][] = [
      ["2011301", "938.99", "机关行政运行和机关人员经费支出"],
      ["2011302", "454.50", "商贸事务支出"],
      ["2011350", "290.18", "下属事业单位运行费和人员经费"],
      ["2011399", "476.50", "商贸事务管理"],
      ["2060503", "1,720.00", "政策扶持资金支出"],
      ["2080501", "166.12", "机关离退休人员补贴费、福利费和活动费"],
      ["2080502", "1.73", "事业单位离退休人员福利费"],
      ["2080505", "141.09", "人员社会保险费缴纳"],
      ["2080506", "70.54", "人员职业年金缴纳"],
      ["2080599", "1.33", "退休人员活动费"],
      ["2101101", "63.19", "行政单位医疗金缴纳"],
      ["2101102", "24.99", "事业单位医疗金缴纳"],
      ["2150899", "29,381.00", "支持中小企业发展和管理，产业扶持政策支出"],
      ["2169999", "3136.40", "标准化菜场及副食品行业管理"],
      ["2210201", "136.10", "在职人员公积金缴纳"],
      ["2210203", "148.80", "机关人员每月房贴支出"],
    ];
    expect(pub.explanations!.subjects.map((s) => [s.code, wan(s.amount), s.purpose])).toEqual(items.map(([c, a, p]) => [c, wan(wanYuan(a)), p]));
  });
});

/* ------------------------------------------------------------------------------------ */
/* 其他相关情况说明 (L386–L397) and 项目经费情况说明 (L398–L476)                            */
/* ------------------------------------------------------------------------------------ */

describe("其他相关情况说明 and the key projects", () => {
  it("政府采购 (L387), with no 中小企业 reservation stated", () => {
    const s9 = pub.prose.s9;
    expect([s9.total, s9.goods, s9.works, s9.services]).toEqual(["38.20", "7.80", "0", "30.40"].map(wanYuan));
    expect(pub.explanations!.procurement).toEqual({});
  });
  it("绩效目标设置 (L390): 25 projects, 11381.60万元", () => {
    expect(pub.explanations!.coverage).toEqual({ stated: true, projects: "25", amount: wanYuan("11381.60") });
  });
  it("国有资产 (L392–L397): no vehicle of any kind, none bought, no equipment", () => {
    const a = pub.assets!;
    expect(a.asOf).toBe("2024-08-31");
    expect([a.vehicleTotal, a.purchases?.vehicleTotal]).toEqual(["0", "0"]);
    const shanghaiKinds = ["部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "离退休干部用车", "其他用车"];
    for (const list of [a.vehicles, a.purchases!.vehicles]) {
      expect(shanghaiKinds.map((k) => list.find((v) => v.kind === k)?.count)).toEqual(Array(8).fill("0"));
    }
    expect([a.equipment, a.purchases!.equipment]).toEqual([[{ threshold: "100万元", count: "0" }], [{ threshold: "100万元", count: "0" }]]);
  });
  it("units by kind (L82): 行政单位1家，事业单位1家; the 中心 不单列预算 (L85)", () => {
    expect(pub.explanations!.unitKinds).toEqual([
      { kind: "行政单位", count: 1 },
      { kind: "事业单位", count: 1 },
    ]);
    expect(pub.units.map((u) => [u.name, u.kind, u.note])).toEqual([
      ["上海市普陀区商务委员会", "行政单位", undefined],
      ["上海市普陀区中小企业服务中心", "事业单位", "不单列预算"],
    ]);
  });
  it("the four key projects in the document's order, each 年度预算安排 with its parts (L413, L430–L431, L452–L453, L473–L474)", () => {
    const printed: [string, string, [string, string][]][] = [
      ["科技创新专项", "1720.00", [["各级企业技术中心及专精特新认定", "1720.00"]]],
      ["生命健康专项（政策资金）", "1170.00", [
        ["支持企业规模化发展", "870.00"],
        ["支持企业创新化发展", "70.00"],
        ["支持企业协同化发展", "180.00"],
        ["支持企业国际化发展", "50.00"],
      ]],
      ["商业创新专项（政策资金）", "1410.00", [
        ["支持引进品牌集聚", "340.00"],
        ["支持打造示范地标", "120.00"],
        ["支持促消费提质提升", "800.00"],
        ["支持商业数字化创新", "70.00"],
        ["支持商业综合服务能力提升", "80.00"],
      ]],
      ["贸易高质量发展专项（政策资金）", "2921.00", [
        ["支持外贸发展", "370.00"],
        ["支持商销稳增长", "30.00"],
        ["区级支持总部经济", "1106.00"],
        ["市级支持总部经济", "1262.00"],
        ["进博会推进专项", "153.00"],
      ]],
    ];
    const k = pub.explanations!.keyProjects;
    expect(k.map((p) => [p.name, p.amount, p.parts.map((x) => [x.label, x.amount])])).toEqual(
      printed.map(([n, a, parts]) => [n, wanYuan(a), parts.map(([l, x]) => [l, wanYuan(x)])]),
    );
    expect(k.map((p) => [p.implementer, p.schedule, p.goal])).toEqual(Array(4).fill(["上海市普陀区商务委员会", "2025.1.1-2025.12.31", "详见单位的项目绩效目标表"]));
  });
});

/* ------------------------------------------------------------------------------------ */
/* The as-published transcription                                                        */
/* ------------------------------------------------------------------------------------ */

describe("the as-published transcription", () => {
  const entry = "test/fixtures/as-published/shanghai-putuo-commerce-2025.budget";
  const loaded = loadBudget(entry, host);
  const json = JSON.parse(diagnosticsJson(checkBudget(loaded, undefined, undefined, { profiles: PROFILES }).diagnostics, { get: (p) => loaded.files.find((f) => f.path === p) }, "en")) as {
    diagnostics: { code: string; severity: string; file: string; line: number; related?: { line: number }[] }[];
  };
  const line = (text: string) => readFileSync(entry, "utf8").split("\n").findIndex((l) => l.startsWith(text)) + 1;

  it("reports the two last-year bases of 编制说明 (L106–L110) at the figures, and nothing else but the 内设机构 its written 机构设置 leaves unprinted", () => {
    expect(json.diagnostics.map((d) => [d.severity, d.code, d.file, d.line])).toEqual([
      ["warning", "unused-fact", entry, line("  内设机构 ")],
      // 财政拨款 12,593.29万元 (the 收入 sentence's 2024年预算执行数) is not 一般公共预算 12,659.76万元
      // (the 支出 sentences' 2024年预算) + 政府性基金 0 + 国有资本经营 0.
      ["error", "duplicate-figure", entry, line("  财政拨款 12,593.29万元")],
    ]);
    expect(json.diagnostics[1]!.related?.map((r) => r.line)).toEqual([line("  一般公共预算 12,659.76万元"), line("  政府性基金预算 0万元"), line("  国有资本经营预算 0万元")]);
    // The lines, as numbers, so that a moved statement is noticed here.
    expect(json.diagnostics.map((d) => d.line)).toEqual([48, 231]);
  });
});
