/**
 * The tables of 第二部分, one builder per table kind: each lays a table of the publication
 * model out as a grid, row for row and column for column as the reference prints it
 * (header rows with their spans, the 合计 row first in the subject trees, all 类 in the
 * two summary tables, blank cells for zero amounts). A profile picks the kinds, orders
 * them and titles them; the column and row labels of a kind can be overridden by key.
 */
import { invariant } from "../base/invariant.js";
import type { Fen } from "../base/money.js";
import type { BasicProject, IncomeCells, Publication, TotalByFiscal, TotalBySource } from "../model/types.js";
import { amt, blank, grid, h, t, type Cell, type GridView, type Row } from "./grid.js";
import type { ProfileTable, TableKind } from "./profile.js";

/** A table as the templates read it. */
export interface TableView {
  /** The anchor: "t1". */
  readonly id: string;
  /** The table kind, for styling: "summary", "income", …. */
  readonly kind: string;
  readonly ordinal: string;
  /** "预算公开表1", or "". */
  readonly caption: string;
  readonly title: string;
  /** "部门名称：…". */
  readonly nameLine: string;
  /** "单位：万元". */
  readonly unitLine: string;
  readonly grid: GridView;
  readonly empty: boolean;
  /** "注：本表无数据". */
  readonly emptyNote: string;
  /** The partial that prints it: "table-t1" when the profile has one, else "table". */
  readonly partial: string;
}

/** The default labels of each kind, by key; `{year}` is replaced by the year. */
export const KIND_LABELS: Readonly<Record<TableKind, Readonly<Record<string, string>>>> = {
  summary: {
    income: "收入",
    expenditure: "支出",
    item: "项目",
    incomeYear: "{year}年",
    total: "{year}年合计",
    current: "当年预算安排",
    carryover: "上年结转安排",
    incomeSubtotal: "本年收入合计",
    expenditureSubtotal: "本年支出合计",
    carryoverIn: "上年结转",
    yearEnd: "年终结转",
    incomeTotal: "收入总计",
    expenditureTotal: "支出总计",
  },
  income: {
    item: "项目",
    current: "本年收入",
    carryover: "上年结转",
    code: "科目编码",
    name: "科目名称",
    total: "合计",
    general: "一般公共预算",
    fund: "政府性基金",
    capital: "国有资本经营预算",
    specialAccount: "财政专户管理资金",
    unitFunds: "单位资金",
  },
  expenditure: { item: "项目", budget: "{year}年预算数", code: "科目编码", name: "科目名称", total: "合计", basic: "基本支出", project: "项目支出" },
  "general-expenditure": { item: "项目", budget: "{year}年预算数", code: "科目编码", name: "科目名称", total: "合计", basic: "基本支出", project: "项目支出" },
  "fund-expenditure": { code: "科目编码", name: "科目名称", total: "合计", basic: "基本支出", project: "项目支出" },
  "capital-expenditure": { code: "科目编码", name: "科目名称", total: "合计", basic: "基本支出", project: "项目支出" },
  "fiscal-summary": {
    income: "收入",
    expenditure: "支出",
    item: "项目",
    amount: "金额",
    subtotal: "小计",
    general: "一般公共预算",
    fund: "政府性基金预算",
    capital: "国有资本经营预算",
    incomeSubtotal: "本年收入合计",
    expenditureSubtotal: "本年支出合计",
    carryoverIn: "上年财政拨款结转",
    yearEnd: "年终结转",
    incomeTotal: "收入总计",
    expenditureTotal: "支出总计",
  },
  "basic-economic": {
    department: "部门预算支出经济科目名称",
    government: "政府预算支出经济科目名称",
    budget: "{year}年预算数",
    total: "合计",
    personnel: "人员经费",
    public: "公用经费",
  },
  "fund-income": { item: "项目", budget: "政府性基金收入预算", code: "收入科目编码", name: "科目名称", total: "合计" },
  capital: {
    income: "国有资本经营预算收入",
    expenditure: "国有资本经营预算支出",
    item: "项目",
    budget: "国有资本经营收入预算",
    incomeCode: "收入科目编码",
    code: "科目编码",
    name: "科目名称",
    total: "合计",
    basic: "基本支出",
    project: "项目支出",
  },
  "three-public": { item: "项目", budget: "{year}年预算数", total: "合计", general: "一般公共预算", fund: "政府性基金预算", capital: "国有资本经营预算" },
  "admin-running": {
    unit: "单位名称",
    budget: "{year}年预算数",
    total: "合计",
    general: "一般公共预算",
    fund: "政府性基金预算",
    capital: "国有资本经营预算",
    departmentTotal: "部门合计",
  },
  "projects-current": {
    name: "项目名称",
    total: "合计",
    fiscal: "{year}年财政拨款",
    general: "一般公共预算",
    fund: "政府性基金预算",
    capital: "国有资本经营预算",
    specialAccount: "财政专户管理资金",
    unitFunds: "单位资金",
  },
  "projects-carryover": {
    name: "项目名称",
    total: "合计",
    fiscal: "{year}年财政拨款",
    general: "一般公共预算",
    fund: "政府性基金预算",
    capital: "国有资本经营预算",
  },
};

/** What a builder needs besides the model: its labels. */
interface Ctx {
  readonly pub: Publication;
  /** The label of `key` for this table: the profile's override, else the kind's default. */
  readonly l: (key: string) => string;
}

const LEVEL_CLASS: Readonly<Record<string, string>> = { 类: "lvl-1", 款: "lvl-2", 项: "lvl-3" };

/* ------------------------------------------------------------------------------------ */
/* Cell rows of the model's cell records                                                  */
/* ------------------------------------------------------------------------------------ */

const bp = (c: BasicProject): Cell[] => [amt(c, "total"), amt(c, "basic"), amt(c, "project")];
const fiscal = (c: TotalByFiscal): Cell[] => [amt(c, "total"), amt(c, "general"), amt(c, "fund"), amt(c, "capital")];
const income = (c: IncomeCells): Cell[] => [
  amt(c, "total"),
  amt(c, "general"),
  amt(c, "fund"),
  amt(c, "capital"),
  amt(c, "specialAccount"),
  amt(c, "unitFunds"),
  amt(c, "carryover"),
];
const sources5 = (c: TotalBySource): Cell[] => [amt(c, "total"), amt(c, "general"), amt(c, "fund"), amt(c, "capital"), amt(c, "specialAccount"), amt(c, "unitFunds")];
const sources3 = (c: TotalBySource): Cell[] => [amt(c, "total"), amt(c, "general"), amt(c, "fund"), amt(c, "capital")];

/** The rows of a subject tree: 合计 first, then every 类, 款 and 项 with its code. */
function subjectRows<C>(
  total: C,
  rows: readonly { code: string; name: string; level: string; cells: C }[],
  cells: (c: C) => Cell[],
  totalLabel: string,
): Row[] {
  return [
    { cls: "total", cells: [t(totalLabel), blank(), ...cells(total)] },
    ...rows.map((r) => ({ cls: LEVEL_CLASS[r.level] ?? "", cells: [t(r.code), t(r.name), ...cells(r.cells)] })),
  ];
}

/* ------------------------------------------------------------------------------------ */
/* One builder per kind                                                                   */
/* ------------------------------------------------------------------------------------ */

type Built = { grid: GridView; empty: boolean };

/**
 * The body of 表一 and 表四: income lines on the left beside the 类 rows of expenditure
 * on the right, the shorter side padded with blank cells.
 */
function sideBySide<C>(income: readonly { label: string; amount: Fen }[], expenditure: readonly { label: string; cells: C }[], cells: (c: C) => Cell[]): Row[] {
  const width = expenditure[0] ? cells(expenditure[0].cells).length : 0;
  const rows: Row[] = [];
  for (let i = 0; i < Math.max(income.length, expenditure.length); i++) {
    const inc = income[i];
    const exp = expenditure[i];
    rows.push({
      cells: [
        ...(inc ? [t(inc.label), amt(inc, "amount")] : [blank(), blank()]),
        ...(exp ? [t(exp.label), ...cells(exp.cells)] : Array.from({ length: width + 1 }, () => blank())),
      ],
    });
  }
  return rows;
}

/** 表一 预算收支总表: income by source beside expenditure by 类, then the three total rows. */
function summary({ pub, l }: Ctx): Built {
  const t1 = pub.tables.t1;
  const body: Row[] = sideBySide(t1.income, t1.expenditure, (c) => [amt(c, "total"), amt(c, "current"), amt(c, "carryover")]);
  const cc = (c: { total: Fen; current: Fen; carryover: Fen }) => [amt(c, "total"), amt(c, "current"), amt(c, "carryover")];
  body.push(
    { cls: "total", cells: [t(l("incomeSubtotal")), amt(t1, "incomeSubtotal"), t(l("expenditureSubtotal")), ...cc(t1.expenditureSubtotal)] },
    { cells: [t(l("carryoverIn")), amt(t1, "carryover"), t(l("yearEnd")), amt(t1, "yearEndCarryover"), blank(), blank()] },
    { cls: "total", cells: [t(l("incomeTotal")), amt(t1, "incomeTotal"), t(l("expenditureTotal")), ...cc(t1.expenditureTotal)] },
  );
  const head: Row[] = [
    { cells: [h(l("income"), { colspan: 2 }), h(l("expenditure"), { colspan: 4 })] },
    { cells: [h(l("item")), h(l("incomeYear")), h(l("item")), h(l("total")), h(l("current")), h(l("carryover"))] },
  ];
  return { grid: grid(6, head, body), empty: t1.empty };
}

/** 表二 预算收入总表. */
function incomeTable({ pub, l }: Ctx): Built {
  const t2 = pub.tables.t2;
  const head: Row[] = [
    { cells: [h(l("item"), { colspan: 2 }), h(l("current"), { colspan: 6 }), h(l("carryover"), { rowspan: 2 })] },
    {
      cells: [
        h(l("code")),
        h(l("name")),
        h(l("total")),
        h(l("general")),
        h(l("fund")),
        h(l("capital")),
        h(l("specialAccount")),
        h(l("unitFunds")),
      ],
    },
  ];
  return { grid: grid(9, head, subjectRows(t2.total, t2.rows, income, l("total"))), empty: t2.empty };
}

/** 表三 / 表五: 合计 / 基本支出 / 项目支出 by subject, under a "{year}年预算数" band. */
function basicProjectTree(table: Publication["tables"]["t3"], { l }: Ctx): Built {
  const head: Row[] = [
    { cells: [h(l("item"), { colspan: 2 }), h(l("budget"), { colspan: 3 })] },
    { cells: [h(l("code")), h(l("name")), h(l("total")), h(l("basic")), h(l("project"))] },
  ];
  return { grid: grid(5, head, subjectRows(table.total, table.rows, bp, l("total"))), empty: table.empty };
}

/** 表八 (and mof-9's 国有资本经营预算支出表): one header row, as the reference prints 表八. */
function flatBasicProjectTree(total: BasicProject, rows: Publication["tables"]["t8"]["rows"], empty: boolean, { l }: Ctx): Built {
  const head: Row[] = [{ cells: [h(l("code")), h(l("name")), h(l("total")), h(l("basic")), h(l("project"))] }];
  return { grid: grid(5, head, subjectRows(total, rows, bp, l("total"))), empty };
}

/** 表四 财政拨款收支总表: like 表一 for the three 财政拨款 sources, with the carry-over by source. */
function fiscalSummary({ pub, l }: Ctx): Built {
  const t4 = pub.tables.t4;
  const body: Row[] = sideBySide(t4.income, t4.expenditure, fiscal);
  const nothing = [blank(), blank(), blank(), blank(), blank()];
  body.push(
    { cls: "total", cells: [t(l("incomeSubtotal")), amt(t4, "incomeSubtotal"), t(l("expenditureSubtotal")), ...fiscal(t4.expenditureSubtotal)] },
    { cells: [t(l("carryoverIn")), amt(t4.carryover, "total"), t(l("yearEnd")), amt(t4, "yearEndCarryover"), blank(), blank(), blank()] },
    // The carry-over by source, labelled as the income rows are.
    ...(["general", "fund", "capital"] as const).map((k, i) => ({
      cells: [t(t4.income[i]?.label ?? l(k)), amt(t4.carryover, k), ...nothing],
    })),
    { cls: "total", cells: [t(l("incomeTotal")), amt(t4, "incomeTotal"), t(l("expenditureTotal")), ...fiscal(t4.expenditureTotal)] },
  );
  const head: Row[] = [
    { cells: [h(l("income"), { colspan: 2 }), h(l("expenditure"), { colspan: 5 })] },
    { cells: [h(l("item"), { rowspan: 2 }), h(l("amount"), { rowspan: 2 }), h(l("item"), { rowspan: 2 }), h(l("amount"), { colspan: 4 })] },
    { cells: [h(l("subtotal")), h(l("general")), h(l("fund")), h(l("capital"))] },
  ];
  return { grid: grid(7, head, body), empty: t4.empty };
}

/** 表六 基本支出分经济科目表: the economic 类 (商品和服务支出), then its lines with the government subject. */
function basicEconomic({ pub, l }: Ctx): Built {
  const t6 = pub.tables.t6;
  const pp = (c: { total: Fen; personnel: Fen; public: Fen }) => [amt(c, "total"), amt(c, "personnel"), amt(c, "public")];
  const body: Row[] = [{ cls: "total", cells: [t(l("total")), blank(), ...pp(t6.total)] }];
  for (const g of t6.groups) {
    body.push({ cls: "lvl-1", cells: [t(g.name), blank(), ...pp(g.cells)] });
    for (const line of g.lines) body.push({ cls: "lvl-2", cells: [t(line.name), t(line.governmentName), ...pp(line.cells)] });
  }
  const head: Row[] = [
    { cells: [h(l("department"), { rowspan: 2 }), h(l("government"), { rowspan: 2 }), h(l("budget"), { colspan: 3 })] },
    { cells: [h(l("total")), h(l("personnel")), h(l("public"))] },
  ];
  return { grid: grid(5, head, body), empty: t6.empty };
}

/** 表七 政府性基金预算收入表. */
function fundIncome({ pub, l }: Ctx): Built {
  const t7 = pub.tables.t7;
  const head: Row[] = [
    { cells: [h(l("item"), { colspan: 2 }), h(l("budget"), { rowspan: 2 })] },
    { cells: [h(l("code")), h(l("name"))] },
  ];
  const body: Row[] = [
    { cls: "total", cells: [t(l("total")), blank(), amt(t7, "total")] },
    ...t7.rows.map((r) => ({ cells: [t(r.code), t(r.name), amt(r, "amount")] })),
  ];
  return { grid: grid(3, head, body), empty: t7.empty };
}

/** 表九 国有资本经营预算收支预算表: income by subject beside expenditure by subject. */
function capital({ pub, l }: Ctx): Built {
  const t9 = pub.tables.t9;
  const head: Row[] = [
    { cells: [h(l("income"), { colspan: 3 }), h(l("expenditure"), { colspan: 5 })] },
    {
      cells: [
        h(l("item"), { colspan: 2 }),
        h(l("budget"), { rowspan: 2 }),
        h(l("code"), { rowspan: 2 }),
        h(l("name"), { rowspan: 2 }),
        h(l("total"), { rowspan: 2 }),
        h(l("basic"), { rowspan: 2 }),
        h(l("project"), { rowspan: 2 }),
      ],
    },
    { cells: [h(l("incomeCode")), h(l("name"))] },
  ];
  const body: Row[] = [{ cls: "total", cells: [t(l("total")), blank(), amt(t9, "incomeTotal"), blank(), blank(), ...bp(t9.total)] }];
  const n = Math.max(t9.incomeRows.length, t9.rows.length);
  for (let i = 0; i < n; i++) {
    const inc = t9.incomeRows[i];
    const exp = t9.rows[i];
    body.push({
      cls: exp ? (LEVEL_CLASS[exp.level] ?? "") : "",
      cells: [
        ...(inc ? [t(inc.code), t(inc.name), amt(inc, "amount")] : [blank(), blank(), blank()]),
        ...(exp ? [t(exp.code), t(exp.name), ...bp(exp.cells)] : [blank(), blank(), blank(), blank(), blank()]),
      ],
    });
  }
  return { grid: grid(8, head, body), empty: t9.empty };
}

/** The two header rows of 表十 and 表十一: the row label, then 预算数 by 财政拨款 source. */
function budgetByFiscalHead(l: Ctx["l"], first: string): Row[] {
  return [
    { cells: [h(l(first), { rowspan: 2 }), h(l("budget"), { colspan: 4 })] },
    { cells: [h(l("total")), h(l("general")), h(l("fund")), h(l("capital"))] },
  ];
}

/** 表十 “三公”经费支出预算表: six rows in print order. */
function threePublic({ pub, l }: Ctx): Built {
  const t10 = pub.tables.t10;
  const head = budgetByFiscalHead(l, "item");
  const body = t10.rows.map((r) => ({ cls: r.key === "total" ? "total" : r.key === "vehiclePurchase" || r.key === "vehicleOperation" ? "lvl-2" : "", cells: [t(r.label), ...fiscal(r.cells)] }));
  return { grid: grid(5, head, body), empty: t10.empty };
}

/** 表十一 机关运行经费预算表: 部门合计, then each administrative unit. */
function adminRunning({ pub, l }: Ctx): Built {
  const t11 = pub.tables.t11;
  const head = budgetByFiscalHead(l, "unit");
  const body: Row[] = [
    { cls: "total", cells: [t(l("departmentTotal")), ...fiscal(t11.total)] },
    ...t11.units.map((u) => ({ cells: [t(u.name), ...fiscal(u.cells)] })),
  ];
  return { grid: grid(5, head, body), empty: t11.empty };
}

/** 表十二 / 表十三: the department row, then per unit its row and its projects; a column-number row under the header. */
function projects(table: Publication["tables"]["t12"], all: boolean, { l }: Ctx): Built {
  const cells = all ? sources5 : sources3;
  const cols = all ? 7 : 5;
  const head: Row[] = [
    {
      cells: [
        h(l("name"), { rowspan: 2 }),
        h(l("total"), { rowspan: 2 }),
        h(l("fiscal"), { colspan: 3 }),
        ...(all ? [h(l("specialAccount"), { rowspan: 2 }), h(l("unitFunds"), { rowspan: 2 })] : []),
      ],
    },
    { cells: [h(l("general")), h(l("fund")), h(l("capital"))] },
    { cls: "colno", cells: Array.from({ length: cols }, (_, i) => h(String(i + 1))) },
  ];
  const body: Row[] = [{ cls: "total", cells: [t(table.department.name), ...cells(table.department.cells)] }];
  for (const u of table.units) {
    body.push({ cls: "lvl-1", cells: [t(u.name), ...cells(u.cells)] });
    for (const p of u.projects) body.push({ cls: "lvl-2", cells: [t(p.name), ...cells(p.cells)] });
  }
  return { grid: grid(cols, head, body), empty: table.empty };
}

function build(kind: TableKind, ctx: Ctx): Built {
  const tb = ctx.pub.tables;
  switch (kind) {
    case "summary":
      return summary(ctx);
    case "income":
      return incomeTable(ctx);
    case "expenditure":
      return basicProjectTree(tb.t3, ctx);
    case "general-expenditure":
      return basicProjectTree(tb.t5, ctx);
    case "fiscal-summary":
      return fiscalSummary(ctx);
    case "basic-economic":
      return basicEconomic(ctx);
    case "fund-income":
      return fundIncome(ctx);
    case "fund-expenditure":
      return flatBasicProjectTree(tb.t8.total, tb.t8.rows, tb.t8.empty, ctx);
    case "capital":
      return capital(ctx);
    case "capital-expenditure":
      return flatBasicProjectTree(tb.t9.total, tb.t9.rows, tb.t9.rows.length === 0, ctx);
    case "three-public":
      return threePublic(ctx);
    case "admin-running":
      return adminRunning(ctx);
    case "projects-current":
      return projects(tb.t12, true, ctx);
    case "projects-carryover":
      return projects(tb.t13, false, ctx);
  }
}

/** Replaces `{year}` (and any other `{key}` given) in a profile string. */
export function fill(s: string, vars: Readonly<Record<string, string>>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** The view of one table of the profile. */
export function tableView(
  pub: Publication,
  table: ProfileTable,
  vars: Readonly<Record<string, string>>,
  nameLine: string,
  hasPartial: (name: string) => boolean,
): TableView {
  const defaults = KIND_LABELS[table.kind];
  const l = (key: string): string => {
    const s = table.labels?.[key] ?? defaults[key];
    invariant(s !== undefined, `no label ${key} for a ${table.kind} table`);
    return fill(s, vars);
  };
  const built = build(table.kind, { pub, l });
  return {
    id: table.id,
    kind: table.kind,
    ordinal: table.ordinal,
    caption: table.caption ? fill(table.caption, vars) : "",
    title: fill(table.title, vars),
    nameLine,
    unitLine: `单位：${pub.header.moneyUnit}`,
    grid: built.grid,
    empty: built.empty,
    emptyNote: "注：本表无数据",
    partial: hasPartial(`table-${table.id}`) ? `table-${table.id}` : "table",
  };
}
