/**
 * The tables of 第二部分, one builder per table kind: each lays a table of the publication
 * model out as a grid, row for row and column for column as the reference prints it
 * (header rows with their spans, the 合计 row first in the subject trees, all 类 in the
 * two summary tables, blank cells for zero amounts). A profile picks the kinds, orders
 * them and titles them; the column and row labels of a kind can be overridden by key.
 */
import { invariant } from "../base/invariant.js";
import type { Fen } from "../base/money.js";
import { SOURCE_KEY } from "../model/keys.js";
import type {
  BasicProject,
  CurrentCarryover,
  EconomicLine,
  IncomeCells,
  IncomeLine,
  PersonnelPublic,
  Publication,
  TotalByFiscal,
  TotalBySource,
} from "../model/types.js";
import { amt, blank, grid, h, t, type Cell, type Dims, type GridView, type Row } from "./grid.js";
import { buildDataTable, DATA_LABELS, numberStyle, restyle } from "./data-tables.js";
import { isDataTable, type ProfileTable, type TableKind } from "./profile.js";

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
  /** The unit of the table's amounts: the profile's, else the budget's (万元). */
  readonly unit: "万元" | "元";
  /** Its decimals as printed (numberStyle): 2, 0, or "trim" (no trailing zeros). */
  readonly decimals: 0 | 2 | "trim";
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
/* Cell rows of the model's cell records, each amount with what it sums                   */
/* ------------------------------------------------------------------------------------ */

/** A row's identity: its code ("" when none), its label and the dimensions it fixes. */
interface RowRef {
  readonly code: string;
  readonly label: string;
  readonly dims: Dims;
}

/** The columns of a cell record in print order, each with the dimensions it fixes. */
type Columns<C> = readonly (readonly [keyof C & string, Dims])[];

/** The amount cells of a record, each with its fact: the table's scope, the row's and the column's dimensions. */
function cellsOf<C>(c: C, cols: Columns<C>, row: RowRef, scope: Dims): Cell[] {
  return cols.map(([k, d]) => amt(c[k] as Fen, { fact: { code: row.code, label: row.label, dims: { ...scope, ...row.dims, ...d } }, ref: [c as object, k] }));
}

const BP: Columns<BasicProject> = [
  ["total", {}],
  ["basic", { direction: "basic" }],
  ["project", { direction: "project" }],
];
const FISCAL: Columns<TotalByFiscal> = [
  ["total", { source: "fiscal" }],
  ["general", { source: "general" }],
  ["fund", { source: "fund" }],
  ["capital", { source: "capital" }],
];
const INCOME: Columns<IncomeCells> = [
  ["total", { phase: "current" }],
  ["general", { phase: "current", source: "general" }],
  ["fund", { phase: "current", source: "fund" }],
  ["capital", { phase: "current", source: "capital" }],
  ["specialAccount", { phase: "current", source: "specialAccount" }],
  ["unitFunds", { phase: "current", source: "unitFunds" }],
  ["carryover", { phase: "carryover" }],
];
const SOURCES5: Columns<TotalBySource> = [
  ["total", {}],
  ["general", { source: "general" }],
  ["fund", { source: "fund" }],
  ["capital", { source: "capital" }],
  ["specialAccount", { source: "specialAccount" }],
  ["unitFunds", { source: "unitFunds" }],
];
const SOURCES3: Columns<TotalBySource> = SOURCES5.slice(0, 4);
const CC: Columns<CurrentCarryover> = [
  ["total", {}],
  ["current", { phase: "current" }],
  ["carryover", { phase: "carryover" }],
];
const PP: Columns<PersonnelPublic> = [
  ["total", {}],
  ["personnel", { costType: "personnel" }],
  ["public", { costType: "public" }],
];

/** A single amount, the figure `holder[key]`, with its fact. */
function one<K extends string>(holder: { readonly [P in K]: Fen }, key: K, row: RowRef, scope: Dims): Cell {
  return amt(holder[key], { fact: { code: row.code, label: row.label, dims: { ...scope, ...row.dims } }, ref: [holder, key] });
}

/** The rows of a subject tree: 合计 first, then every 类, 款 and 项 with its code. */
function subjectRows<C>(
  total: C,
  rows: readonly { code: string; name: string; level: string; cells: C }[],
  cols: Columns<C>,
  totalLabel: string,
  scope: Dims,
): Row[] {
  return [
    { cls: "total", cells: [t(totalLabel), blank(), ...cellsOf(total, cols, { code: "", label: totalLabel, dims: {} }, scope)] },
    ...rows.map((r) => ({
      cls: LEVEL_CLASS[r.level] ?? "",
      cells: [t(r.code), t(r.name), ...cellsOf(r.cells, cols, { code: r.code, label: r.name, dims: { subject: r.code } }, scope)],
    })),
  ];
}

/* ------------------------------------------------------------------------------------ */
/* One builder per kind                                                                   */
/* ------------------------------------------------------------------------------------ */

/** A table laid out: its header and body rows over `cols` columns. */
interface Built {
  readonly cols: number;
  readonly head: readonly Row[];
  readonly body: readonly Row[];
  readonly empty: boolean;
}

/**
 * The body of 表一 and 表四: income lines on the left beside the 类 rows of expenditure
 * on the right, the shorter side padded with blank cells.
 */
function sideBySide<C>(
  income: readonly { label: string; source: IncomeLine["source"]; amount: Fen }[],
  expenditure: readonly { code: string; label: string; cells: C }[],
  cols: Columns<C>,
  scope: Dims,
): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < Math.max(income.length, expenditure.length); i++) {
    const inc = income[i];
    const exp = expenditure[i];
    rows.push({
      cells: [
        ...(inc ? [t(inc.label), one(inc, "amount", { code: "", label: inc.label, dims: { flow: "income", phase: "current", source: SOURCE_KEY[inc.source] } }, scope)] : [blank(), blank()]),
        ...(exp
          ? [t(exp.label), ...cellsOf(exp.cells, cols, { code: exp.code, label: exp.label, dims: { flow: "expenditure", subject: exp.code } }, scope)]
          : Array.from({ length: cols.length + 1 }, () => blank())),
      ],
    });
  }
  return rows;
}

/** A total row's reference: no code, its label, the flow it totals. */
const totalRef = (label: string, dims: Dims = {}): RowRef => ({ code: "", label, dims });

/** 表一 预算收支总表: income by source beside expenditure by 类, then the three total rows. */
function summary({ pub, l }: Ctx): Built {
  const t1 = pub.tables.t1;
  const body: Row[] = sideBySide(t1.income, t1.expenditure, CC, {});
  const inc = { flow: "income" } as const;
  const exp = { flow: "expenditure" } as const;
  body.push(
    {
      cls: "total",
      cells: [
        t(l("incomeSubtotal")),
        one(t1, "incomeSubtotal", totalRef(l("incomeSubtotal"), { ...inc, phase: "current" }), {}),
        t(l("expenditureSubtotal")),
        ...cellsOf(t1.expenditureSubtotal, CC, totalRef(l("expenditureSubtotal"), exp), {}),
      ],
    },
    {
      cells: [
        t(l("carryoverIn")),
        one(t1, "carryover", totalRef(l("carryoverIn"), { ...inc, phase: "carryover" }), {}),
        t(l("yearEnd")),
        // 年终结转: what is planned to carry over into next year, not an item of this budget.
        amt(t1.yearEndCarryover, { ref: [t1, "yearEndCarryover"] }),
        blank(),
        blank(),
      ],
    },
    {
      cls: "total",
      cells: [
        t(l("incomeTotal")),
        one(t1, "incomeTotal", totalRef(l("incomeTotal"), inc), {}),
        t(l("expenditureTotal")),
        ...cellsOf(t1.expenditureTotal, CC, totalRef(l("expenditureTotal"), exp), {}),
      ],
    },
  );
  const head: Row[] = [
    { cells: [h(l("income"), { colspan: 2 }), h(l("expenditure"), { colspan: 4 })] },
    { cells: [h(l("item")), h(l("incomeYear")), h(l("item")), h(l("total")), h(l("current")), h(l("carryover"))] },
  ];
  return { cols: 6, head, body, empty: t1.empty };
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
  return { cols: 9, head, body: subjectRows(t2.total, t2.rows, INCOME, l("total"), {}), empty: t2.empty };
}

/** 表三 / 表五: 合计 / 基本支出 / 项目支出 by subject, under a "{year}年预算数" band. */
function basicProjectTree(table: Publication["tables"]["t3"], scope: Dims, { l }: Ctx): Built {
  const head: Row[] = [
    { cells: [h(l("item"), { colspan: 2 }), h(l("budget"), { colspan: 3 })] },
    { cells: [h(l("code")), h(l("name")), h(l("total")), h(l("basic")), h(l("project"))] },
  ];
  return { cols: 5, head, body: subjectRows(table.total, table.rows, BP, l("total"), scope), empty: table.empty };
}

/** 表八 (and mof-9's 国有资本经营预算支出表): one header row, as the reference prints 表八. */
function flatBasicProjectTree(total: BasicProject, rows: Publication["tables"]["t8"]["rows"], empty: boolean, scope: Dims, { l }: Ctx): Built {
  const head: Row[] = [{ cells: [h(l("code")), h(l("name")), h(l("total")), h(l("basic")), h(l("project"))] }];
  return { cols: 5, head, body: subjectRows(total, rows, BP, l("total"), scope), empty };
}

/** 表四 财政拨款收支总表: like 表一 for the three 财政拨款 sources, with the carry-over by source. */
function fiscalSummary({ pub, l }: Ctx): Built {
  const t4 = pub.tables.t4;
  const scope: Dims = { source: "fiscal" };
  const body: Row[] = sideBySide(t4.income, t4.expenditure, FISCAL, scope);
  const nothing = [blank(), blank(), blank(), blank(), blank()];
  const inc = { flow: "income" } as const;
  const exp = { flow: "expenditure" } as const;
  body.push(
    {
      cls: "total",
      cells: [
        t(l("incomeSubtotal")),
        one(t4, "incomeSubtotal", totalRef(l("incomeSubtotal"), { ...inc, phase: "current" }), scope),
        t(l("expenditureSubtotal")),
        ...cellsOf(t4.expenditureSubtotal, FISCAL, totalRef(l("expenditureSubtotal"), exp), scope),
      ],
    },
    {
      cells: [
        t(l("carryoverIn")),
        one(t4.carryover, "total", totalRef(l("carryoverIn"), { ...inc, phase: "carryover" }), scope),
        t(l("yearEnd")),
        amt(t4.yearEndCarryover, { ref: [t4, "yearEndCarryover"] }),
        blank(),
        blank(),
        blank(),
      ],
    },
    // The carry-over by source, labelled as the income rows are.
    ...(["general", "fund", "capital"] as const).map((k, i) => {
      const label = t4.income[i]?.label ?? l(k);
      return { cells: [t(label), one(t4.carryover, k, totalRef(label, { ...inc, phase: "carryover", source: k }), scope), ...nothing] };
    }),
    {
      cls: "total",
      cells: [
        t(l("incomeTotal")),
        one(t4, "incomeTotal", totalRef(l("incomeTotal"), inc), scope),
        t(l("expenditureTotal")),
        ...cellsOf(t4.expenditureTotal, FISCAL, totalRef(l("expenditureTotal"), exp), scope),
      ],
    },
  );
  const head: Row[] = [
    { cells: [h(l("income"), { colspan: 2 }), h(l("expenditure"), { colspan: 5 })] },
    { cells: [h(l("item"), { rowspan: 2 }), h(l("amount"), { rowspan: 2 }), h(l("item"), { rowspan: 2 }), h(l("amount"), { colspan: 4 })] },
    { cells: [h(l("subtotal")), h(l("general")), h(l("fund")), h(l("capital"))] },
  ];
  return { cols: 7, head, body, empty: t4.empty };
}

/**
 * The label of each line of 表六. A 部门 economic subject maps to a different 政府
 * subject for each kind of unit (基本工资 of an administrative unit is 工资奖金津补贴, of
 * a 事业单位 工资福利支出), so a budget with both kinds prints the subject twice: a name
 * printed more than once says which kinds of unit each line is for.
 */
export function economicLineLabels(lines: readonly EconomicLine[]): string[] {
  const count = new Map<string, number>();
  for (const line of lines) count.set(line.name, (count.get(line.name) ?? 0) + 1);
  return lines.map((line) => (count.get(line.name)! > 1 && line.unitKinds.length > 0 ? `${line.name}（${line.unitKinds.join("、")}）` : line.name));
}

/** 表六 基本支出分经济科目表: the economic 类 (商品和服务支出), then its lines with the government subject. */
function basicEconomic({ pub, l }: Ctx): Built {
  const t6 = pub.tables.t6;
  const scope: Dims = { source: "general", phase: "current", direction: "basic" };
  const body: Row[] = [{ cls: "total", cells: [t(l("total")), blank(), ...cellsOf(t6.total, PP, totalRef(l("total")), scope)] }];
  const labels = economicLineLabels(t6.groups.flatMap((g) => g.lines));
  let i = 0;
  for (const g of t6.groups) {
    body.push({ cls: "lvl-1", cells: [t(g.name), blank(), ...cellsOf(g.cells, PP, { code: g.code, label: g.name, dims: { economic: g.code } }, scope)] });
    for (const line of g.lines) {
      const label = labels[i++]!;
      const dims: Dims = { economic: line.code, ...(line.governmentCode !== undefined ? { government: line.governmentCode } : {}) };
      body.push({ cls: "lvl-2", cells: [t(label), t(line.governmentName), ...cellsOf(line.cells, PP, { code: line.code, label, dims }, scope)] });
    }
  }
  const head: Row[] = [
    { cells: [h(l("department"), { rowspan: 2 }), h(l("government"), { rowspan: 2 }), h(l("budget"), { colspan: 3 })] },
    { cells: [h(l("total")), h(l("personnel")), h(l("public"))] },
  ];
  return { cols: 5, head, body, empty: t6.empty };
}

/** 表七 政府性基金预算收入表. */
function fundIncome({ pub, l }: Ctx): Built {
  const t7 = pub.tables.t7;
  const scope: Dims = { flow: "income", source: "fund", phase: "current" };
  const head: Row[] = [
    { cells: [h(l("item"), { colspan: 2 }), h(l("budget"), { rowspan: 2 })] },
    { cells: [h(l("code")), h(l("name"))] },
  ];
  const body: Row[] = [
    { cls: "total", cells: [t(l("total")), blank(), one(t7, "total", totalRef(l("total")), scope)] },
    ...t7.rows.map((r) => ({ cells: [t(r.code), t(r.name), one(r, "amount", { code: r.code, label: r.name, dims: {} }, scope)] })),
  ];
  return { cols: 3, head, body, empty: t7.empty };
}

/** 表九 国有资本经营预算收支预算表: income by subject beside expenditure by subject. */
function capital({ pub, l }: Ctx): Built {
  const t9 = pub.tables.t9;
  const scope: Dims = { source: "capital", phase: "current" };
  const incomeScope: Dims = { ...scope, flow: "income" };
  const expScope: Dims = { ...scope, flow: "expenditure" };
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
  const body: Row[] = [
    {
      cls: "total",
      cells: [t(l("total")), blank(), one(t9, "incomeTotal", totalRef(l("total")), incomeScope), blank(), blank(), ...cellsOf(t9.total, BP, totalRef(l("total")), expScope)],
    },
  ];
  const n = Math.max(t9.incomeRows.length, t9.rows.length);
  for (let i = 0; i < n; i++) {
    const inc = t9.incomeRows[i];
    const exp = t9.rows[i];
    body.push({
      cls: exp ? (LEVEL_CLASS[exp.level] ?? "") : "",
      cells: [
        ...(inc ? [t(inc.code), t(inc.name), one(inc, "amount", { code: inc.code, label: inc.name, dims: {} }, incomeScope)] : [blank(), blank(), blank()]),
        ...(exp
          ? [t(exp.code), t(exp.name), ...cellsOf(exp.cells, BP, { code: exp.code, label: exp.name, dims: { subject: exp.code } }, expScope)]
          : [blank(), blank(), blank(), blank(), blank()]),
      ],
    });
  }
  return { cols: 8, head, body, empty: t9.empty };
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
  // 三公 is counted on basic expenditure by economic subject (model/derive.ts).
  const scope: Dims = { phase: "current", direction: "basic" };
  const head = budgetByFiscalHead(l, "item");
  const body = t10.rows.map((r) => ({
    cls: r.key === "total" ? "total" : r.key === "vehiclePurchase" || r.key === "vehicleOperation" ? "lvl-2" : "",
    cells: [t(r.label), ...cellsOf(r.cells, FISCAL, { code: "", label: r.label, dims: { threePublic: r.key } }, scope)],
  }));
  return { cols: 5, head, body, empty: t10.empty };
}

/** 表十一 机关运行经费预算表: 部门合计, then each administrative unit. */
function adminRunning({ pub, l }: Ctx): Built {
  const t11 = pub.tables.t11;
  const scope: Dims = { phase: "current", direction: "basic", costType: "public" };
  const head = budgetByFiscalHead(l, "unit");
  const body: Row[] = [
    { cls: "total", cells: [t(l("departmentTotal")), ...cellsOf(t11.total, FISCAL, totalRef(l("departmentTotal")), scope)] },
    ...t11.units.map((u) => ({ cells: [t(u.name), ...cellsOf(u.cells, FISCAL, { code: "", label: u.name, dims: { unit: u.name } }, scope)] })),
  ];
  return { cols: 5, head, body, empty: t11.empty };
}

/** 表十二 / 表十三: the department row, then per unit its row and its projects; a column-number row under the header. */
function projects(table: Publication["tables"]["t12"], all: boolean, { l }: Ctx): Built {
  const cols = all ? SOURCES5 : SOURCES3;
  const scope: Dims = all ? { phase: "current", direction: "project" } : { phase: "carryover" };
  const width = cols.length + 1;
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
    { cls: "colno", cells: Array.from({ length: width }, (_, i) => h(String(i + 1))) },
  ];
  const dept = table.department;
  const body: Row[] = [{ cls: "total", cells: [t(dept.name), ...cellsOf(dept.cells, cols, totalRef(dept.name), scope)] }];
  for (const u of table.units) {
    body.push({ cls: "lvl-1", cells: [t(u.name), ...cellsOf(u.cells, cols, { code: "", label: u.name, dims: { unit: u.name } }, scope)] });
    for (const p of u.projects) {
      const dims: Dims = { unit: u.name, project: p.name, ...(p.subject !== undefined ? { subject: p.subject } : {}) };
      body.push({ cls: "lvl-2", cells: [t(p.name), ...cellsOf(p.cells, cols, { code: p.subject ?? "", label: p.name, dims }, scope)] });
    }
  }
  return { cols: width, head, body, empty: table.empty };
}

function build(kind: TableKind, ctx: Ctx): Built {
  const tb = ctx.pub.tables;
  switch (kind) {
    case "summary":
      return summary(ctx);
    case "income":
      return incomeTable(ctx);
    case "expenditure":
      return basicProjectTree(tb.t3, {}, ctx);
    case "general-expenditure":
      return basicProjectTree(tb.t5, { source: "general", phase: "current" }, ctx);
    case "fiscal-summary":
      return fiscalSummary(ctx);
    case "basic-economic":
      return basicEconomic(ctx);
    case "fund-income":
      return fundIncome(ctx);
    case "fund-expenditure":
      return flatBasicProjectTree(tb.t8.total, tb.t8.rows, tb.t8.empty, { source: "fund", phase: "current" }, ctx);
    case "capital":
      return capital(ctx);
    case "capital-expenditure":
      return flatBasicProjectTree(tb.t9.total, tb.t9.rows, tb.t9.rows.length === 0, { source: "capital", phase: "current" }, ctx);
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

/** A table's full title: its ordinal, when it has one, before its title ("表一 2024年预算收支总表"). */
export function fullTitle(t: { readonly ordinal: string; readonly title: string }): string {
  return t.ordinal ? `${t.ordinal} ${t.title}` : t.title;
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
  hasPartial: (name: string) => boolean,
): TableView {
  const style = numberStyle(table, pub.header.moneyUnit);
  const defaults: Readonly<Record<string, string>> = isDataTable(table) ? DATA_LABELS : KIND_LABELS[table.kind as TableKind];
  const l = (key: string): string => {
    const s = table.labels?.[key] ?? defaults[key];
    invariant(s !== undefined, `no label ${key} for a ${table.kind} table`);
    return fill(s, vars);
  };
  let built: Built;
  if (isDataTable(table)) built = buildDataTable(pub, table, style, l, (s) => fill(s, vars));
  else {
    const b = build(table.kind as TableKind, { pub, l });
    // The fixed kinds are built in 万元 with two decimals, blank for zero.
    built = style.unit === "万元" && style.decimals === 2 && style.zero === "blank" ? b : { ...b, body: restyle(b.body, style) };
  }
  const tableVars = { ...vars, unit: style.unit };
  return {
    id: table.id,
    kind: table.kind,
    ordinal: table.ordinal,
    caption: table.caption ? fill(table.caption, tableVars) : "",
    title: fill(table.title, tableVars),
    nameLine: fill(table.nameLine ?? "{kind}名称：{department}", tableVars),
    unit: style.unit,
    decimals: style.decimals,
    unitLine: fill(table.unitLine ?? "单位：{unit}", tableVars),
    grid: grid(built.cols, built.head, built.body),
    empty: built.empty,
    emptyNote: fill(table.emptyNote ?? "注：本表无数据", tableVars),
    partial: hasPartial(`table-${table.id}`) ? `table-${table.id}` : "table",
  };
}
