/**
 * The publication model: every table, figure, chart and form of a department budget
 * disclosure, derived from the AST by derive.ts. It holds derived figures only; what the
 * author also declared (a 总额, a control total, the overall form's 年度预算) stays in the
 * AST for the checker to compare against this model.
 *
 * The schemas are zod 4 schemas whose *output* is the model and whose *input* is the
 * machine-readable JSON: amounts are `Fen` (integers of 分) in the model and exact
 * decimal strings in the JSON, converted by the codecs below. So one schema defines the
 * TS types (`z.infer`), validates the JSON and fixes the order of its keys.
 *
 * Conventions the renderer relies on:
 * - A table cell of 0 is printed blank, as the reference prints empty cells.
 * - A share is a percent string with two decimals, rounded half-up ("83.93"); it is
 *   absent when the whole it is a share of is zero.
 * - Labels that belong to the disclosure format (row labels, titles) are in the model;
 *   number formatting (thousands separators, 万元 suffixes) is the renderer's.
 */
import { z } from "zod";
import { FEN_PER_WAN, FEN_PER_YUAN, fenFixed, toFen, type Fen } from "../base/money.js";

/* ------------------------------------------------------------------------------------ */
/* Amount codecs                                                                          */
/* ------------------------------------------------------------------------------------ */

/**
 * The exact 万元 decimal of an amount in 分: two decimals at least, more only when the
 * amount is finer than 0.01 万元, so "7612.17" for every table figure of the reference
 * and still exact for any amount.
 */
export function wanExact(fen: Fen): string {
  const s = fenFixed(fen, FEN_PER_WAN, 6);
  return s.endsWith("0000") ? s.slice(0, -4) : s.replace(/(\.\d\d\d*?)0+$/, "$1");
}

/** The exact 元 decimal of an amount in 分: whole 元 without decimals, otherwise two. */
export function yuanExact(fen: Fen): string {
  return fenFixed(fen, FEN_PER_YUAN, fen % 100 === 0 ? 0 : 2);
}

/** Decodes an exact decimal string to 分, reporting (never throwing) one that does not fit. */
function fenFrom(text: string, unit: "万元" | "元", payload: z.core.ParsePayload<string>): Fen {
  const r = toFen(text, unit);
  if (r.ok) return r.fen;
  payload.issues.push({ code: "custom", message: `not an exact amount in ${unit}: ${text}`, input: text });
  return 0;
}

/** An amount in 分 in the model, an exact 万元 decimal string in the JSON ("7612.17"). */
export const Wan = z.codec(z.string().regex(/^-?\d+\.\d{2,6}$/), z.number().int(), {
  decode: (s, payload) => fenFrom(s, "万元", payload),
  encode: (fen) => wanExact(fen),
});

/** An amount in 分 in the model, an exact 元 decimal string in the JSON ("52000000"). */
export const Yuan = z.codec(z.string().regex(/^-?\d+(\.\d{2})?$/), z.number().int(), {
  decode: (s, payload) => fenFrom(s, "元", payload),
  encode: (fen) => yuanExact(fen),
});

/** A percent with two decimals, half-up: "83.93". */
export const Share = z.string().regex(/^-?\d+\.\d{2}$/);

/* ------------------------------------------------------------------------------------ */
/* Sources and common cells                                                               */
/* ------------------------------------------------------------------------------------ */

export const SourceName = z.enum(["一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金"]);
export type SourceName = z.infer<typeof SourceName>;

export { FISCAL_KEYS, SOURCE_KEYS, type FiscalKey, type SourceKey } from "./keys.js";

/** An amount per source: 一般公共预算, 政府性基金预算, 国有资本经营预算, 财政专户管理资金, 单位资金. */
export const BySource = z.object({
  general: Wan,
  fund: Wan,
  capital: Wan,
  specialAccount: Wan,
  unitFunds: Wan,
});
export type BySource = z.infer<typeof BySource>;

/** 合计 and the five sources. */
export const TotalBySource = z.object({ total: Wan, ...BySource.shape });
export type TotalBySource = z.infer<typeof TotalBySource>;

/** 合计 (or 小计) and the three 财政拨款 sources. */
export const TotalByFiscal = z.object({ total: Wan, general: Wan, fund: Wan, capital: Wan });
export type TotalByFiscal = z.infer<typeof TotalByFiscal>;

/** 合计 / 基本支出 / 项目支出. */
export const BasicProject = z.object({ total: Wan, basic: Wan, project: Wan });
export type BasicProject = z.infer<typeof BasicProject>;

/** 合计 / 当年预算安排 / 上年结转安排. */
export const CurrentCarryover = z.object({ total: Wan, current: Wan, carryover: Wan });
export type CurrentCarryover = z.infer<typeof CurrentCarryover>;

/** 合计 / 人员经费 / 公用经费. */
export const PersonnelPublic = z.object({ total: Wan, personnel: Wan, public: Wan });
export type PersonnelPublic = z.infer<typeof PersonnelPublic>;

/** Table 二's cells: 本年收入 合计 and five sources, then 上年结转. */
export const IncomeCells = z.object({ total: Wan, ...BySource.shape, carryover: Wan });
export type IncomeCells = z.infer<typeof IncomeCells>;

/* ------------------------------------------------------------------------------------ */
/* Header, overview, units                                                                */
/* ------------------------------------------------------------------------------------ */

export const UnitKind = z.enum(["行政单位", "参公事业单位", "事业单位"]);

export const Header = z.object({
  /** 部门编码: "609". */
  code: z.string(),
  /** 部门名称. */
  name: z.string(),
  /** The fiscal year (the department's, else the catalogue's). */
  year: z.number().int(),
  /** 地区: the government the department belongs to, when the budget names it. */
  region: z.string().optional(),
  /**
   * The budget's 金额单位 (万元 unless it states 元): the unit of the tables whose profile
   * leaves the unit to the budget. The model's amounts are exact either way.
   */
  moneyUnit: z.enum(["万元", "元"]),
  /** 级次 (区级 …), 简称 and 名称后缀, when the budget states them. */
  level: z.string().optional(),
  shortName: z.string().optional(),
  nameSuffix: z.string().optional(),
  /** The department's kind as declared (行政单位 …), when it is one of the three. */
  kind: UnitKind.optional(),
  /** How the document speaks of its author: 本部门 for a department's document. */
  self: z.enum(["本部门", "本单位"]),
});
export type Header = z.infer<typeof Header>;

/** 第一部分 概况. */
export const Overview = z.object({
  /** 本部门职责. */
  duties: z.string().optional(),
  /** 机构设置情况. */
  organisation: z.string().optional(),
  /** 内设机构, by name. */
  sections: z.array(z.string()),
});
export type Overview = z.infer<typeof Overview>;

/** A budget unit (预算单位) as resolved: declared, implied by a `单位` reference, or the department itself. */
export const UnitModel = z.object({
  name: z.string(),
  kind: UnitKind.optional(),
  /** True for the unit that bears the department's own name. */
  isDepartment: z.boolean(),
  /** True when a 单位 block declares it; false when only named by lines or projects. */
  declared: z.boolean(),
  /** 备注, printed after the unit in the list of units. */
  note: z.string().optional(),
});
export type UnitModel = z.infer<typeof UnitModel>;

/* ------------------------------------------------------------------------------------ */
/* Tables                                                                                 */
/* ------------------------------------------------------------------------------------ */

/** What every table has: its number, ordinal (表一), exact title, and whether it has data. */
const tableBase = {
  number: z.number().int(),
  /** "表一" … "表十三". */
  ordinal: z.string(),
  /** The exact title, with the year: "2024年预算收支总表". */
  title: z.string(),
  /** True when the table has no data: the renderer prints "注：本表无数据". */
  empty: z.boolean(),
};

/** The level of a row of a functional-subject table. */
export const SubjectLevel = z.enum(["类", "款", "项"]);

/** One row of a subject tree (类 › 款 › 项). A 款 with no 项 below it (21907) is a leaf. */
function subjectRow<C extends z.ZodType>(cells: C) {
  return z.object({
    code: z.string(),
    /** The catalogue's name; else the name the author wrote beside the code; else "". */
    name: z.string(),
    level: SubjectLevel,
    /** True when the row has no rows below it. */
    leaf: z.boolean(),
    /** True when the catalogue knows the code. */
    known: z.boolean(),
    cells,
  });
}

/** A subject tree table: the 合计 row (printed first) and the rows in code order, depth first. */
function subjectTable<C extends z.ZodType>(cells: C) {
  return z.object({ ...tableBase, total: cells, rows: z.array(subjectRow(cells)) });
}

export const IncomeSubjectRow = subjectRow(IncomeCells);
export type IncomeSubjectRow = z.infer<typeof IncomeSubjectRow>;
export const BasicProjectSubjectRow = subjectRow(BasicProject);
export type BasicProjectSubjectRow = z.infer<typeof BasicProjectSubjectRow>;

/** A row of 表一 / 表四's expenditure side: one 类 of the catalogue, empty or not. */
function leiRow<C extends z.ZodType>(cells: C) {
  return z.object({
    code: z.string(),
    name: z.string(),
    /** The printed label with its ordinal: "一、一般公共服务支出". */
    label: z.string(),
    cells,
  });
}

/** A row of 表一 / 表四's income side. */
export const IncomeLine = z.object({
  source: SourceName,
  /** "一、一般公共预算". */
  label: z.string(),
  amount: Wan,
});
export type IncomeLine = z.infer<typeof IncomeLine>;

/** 表一 预算收支总表. */
export const Table1 = z.object({
  ...tableBase,
  /** The five sources, current year. */
  income: z.array(IncomeLine),
  /** All 类 of the catalogue, in order; 合计 = 当年预算安排 + 上年结转安排. */
  expenditure: z.array(leiRow(CurrentCarryover)),
  /** 本年收入合计. */
  incomeSubtotal: Wan,
  /** 上年结转. */
  carryover: Wan,
  /** 收入总计. */
  incomeTotal: Wan,
  /** 本年支出合计. */
  expenditureSubtotal: CurrentCarryover,
  /** 年终结转: nothing is planned to carry over at year end. */
  yearEndCarryover: Wan,
  /** 支出总计. */
  expenditureTotal: CurrentCarryover,
});
export type Table1 = z.infer<typeof Table1>;

/** 表二 预算收入总表: 本年收入 by source and 上年结转, by subject. */
export const Table2 = subjectTable(IncomeCells);
export type Table2 = z.infer<typeof Table2>;

/** 表三 预算支出总表: 基本 / 项目 (carry-overs count as 项目支出), by subject. */
export const Table3 = subjectTable(BasicProject);
export type Table3 = z.infer<typeof Table3>;

/** 表四 财政拨款收支总表. */
export const Table4 = z.object({
  ...tableBase,
  /** The three 财政拨款 sources, current year. */
  income: z.array(IncomeLine),
  /** All 类, with carry-overs, split by fiscal source; `total` is the 小计 column. */
  expenditure: z.array(leiRow(TotalByFiscal)),
  /** 本年收入合计 (财政拨款, current year). */
  incomeSubtotal: Wan,
  /** 上年财政拨款结转, total and by source. */
  carryover: TotalByFiscal,
  /** 收入总计. */
  incomeTotal: Wan,
  /** 本年支出合计 (includes carry-overs). */
  expenditureSubtotal: TotalByFiscal,
  yearEndCarryover: Wan,
  /** 支出总计. */
  expenditureTotal: TotalByFiscal,
});
export type Table4 = z.infer<typeof Table4>;

/** 表五 一般公共预算支出预算表（不含上年结转）. */
export const Table5 = subjectTable(BasicProject);
export type Table5 = z.infer<typeof Table5>;

/** A line of 表六: one 部门预算支出经济分类 款 with the 政府预算支出经济分类 subject it maps to. */
export const EconomicLine = z.object({
  /** 部门经济科目 code: "30201". */
  code: z.string(),
  /** 部门预算支出经济科目名称: "办公费". */
  name: z.string(),
  /** 政府经济科目 code, when the catalogue maps it. */
  governmentCode: z.string().optional(),
  /** 政府预算支出经济科目名称: "商品和服务支出"; "" when unmapped. */
  governmentName: z.string(),
  /** "人员经费" or "公用经费"; absent when the catalogue does not say. */
  kind: z.enum(["人员经费", "公用经费"]).optional(),
  /**
   * The kinds of the units whose lines it sums: the mapping to the 政府 subject follows
   * the unit's kind, so one 部门 subject can print once per kind.
   */
  unitKinds: z.array(UnitKind),
  cells: PersonnelPublic,
});
export type EconomicLine = z.infer<typeof EconomicLine>;

/** An economic 类 of 表六 (商品和服务支出) and its lines in the order the source gives them. */
export const EconomicGroup = z.object({
  code: z.string(),
  name: z.string(),
  cells: PersonnelPublic,
  lines: z.array(EconomicLine),
});
export type EconomicGroup = z.infer<typeof EconomicGroup>;

/** 表六 一般公共预算安排基本支出分经济科目表（不含上年结转）. */
export const Table6 = z.object({
  ...tableBase,
  total: PersonnelPublic,
  /** Groups in code order. */
  groups: z.array(EconomicGroup),
});
export type Table6 = z.infer<typeof Table6>;

/**
 * 表七 政府性基金预算收入表. The AST does not record income subjects, so only the total
 * is derived (Σ items funded by 政府性基金预算, current year); rows stay empty.
 */
export const Table7 = z.object({
  ...tableBase,
  total: Wan,
  rows: z.array(z.object({ code: z.string(), name: z.string(), amount: Wan })),
});
export type Table7 = z.infer<typeof Table7>;

/** 表八 政府性基金预算支出表: items funded by 政府性基金预算, current year, by subject. */
export const Table8 = subjectTable(BasicProject);
export type Table8 = z.infer<typeof Table8>;

/** 表九 国有资本经营预算收支预算表: income total (no income subjects in the AST) and expenditure by subject. */
export const Table9 = z.object({
  ...tableBase,
  incomeTotal: Wan,
  incomeRows: z.array(z.object({ code: z.string(), name: z.string(), amount: Wan })),
  total: BasicProject,
  rows: z.array(BasicProjectSubjectRow),
});
export type Table9 = z.infer<typeof Table9>;

export const ThreePublicKey = z.enum(["overseas", "reception", "vehicles", "vehiclePurchase", "vehicleOperation", "total"]);
export type ThreePublicKey = z.infer<typeof ThreePublicKey>;

/** A row of 表十. */
export const ThreePublicRow = z.object({
  key: ThreePublicKey,
  /** "因公出国（境）费", "公务接待费", "公务用车购置及运行费", "①公务用车购置费", "②公务用车运行维护费", "合计". */
  label: z.string(),
  cells: TotalByFiscal,
});
export type ThreePublicRow = z.infer<typeof ThreePublicRow>;

/** 表十 财政拨款安排“三公”经费支出预算表: six rows in print order. */
export const Table10 = z.object({
  ...tableBase,
  rows: z.array(ThreePublicRow),
});
export type Table10 = z.infer<typeof Table10>;

/** 表十一 财政拨款安排机关运行经费预算表: 部门合计, then each administrative unit with any. */
export const Table11 = z.object({
  ...tableBase,
  /** 部门合计. */
  total: TotalByFiscal,
  units: z.array(z.object({ name: z.string(), cells: TotalByFiscal })),
});
export type Table11 = z.infer<typeof Table11>;

/** A project line of 表十二 / 表十三. */
export const ProjectLine = z.object({
  name: z.string(),
  /** "其他运转类" / "特定目标类" as written; absent when not written. */
  category: z.string().optional(),
  /** The functional subject code, when written. */
  subject: z.string().optional(),
  cells: TotalBySource,
});
export type ProjectLine = z.infer<typeof ProjectLine>;

/**
 * 表十二 / 表十三: the department row, then per unit its row and its projects in source
 * order. Cells carry all five sources; 表十三 prints the three 财政拨款 ones.
 */
export const ProjectTable = z.object({
  ...tableBase,
  department: z.object({ name: z.string(), cells: TotalBySource }),
  units: z.array(z.object({ name: z.string(), cells: TotalBySource, projects: z.array(ProjectLine) })),
});
export type ProjectTable = z.infer<typeof ProjectTable>;

/* ------------------------------------------------------------------------------------ */
/* Tables a profile defines as data (model/spec.ts)                                       */
/* ------------------------------------------------------------------------------------ */

/** A row of a table a profile defines: a subject (code, name, level) or, in one-row tables, none. */
export const GenericRow = z.object({
  code: z.string().optional(),
  name: z.string(),
  level: SubjectLevel.optional(),
  /** Amounts by the table's column keys. */
  cells: z.record(z.string(), Wan),
});
export type GenericRow = z.infer<typeof GenericRow>;

/**
 * A table a profile defines (profile.json): its columns and what they sum are the
 * profile's data; rows are subjects with an amount (by functional or economic subject), or
 * the 类 beside income lines (source-summary), or one row.
 */
export const GenericTable = z.object({
  id: z.string(),
  kind: z.enum(["subject-tree", "economic-tree", "source-summary", "single-row"]),
  /** The title with the year filled in. */
  title: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), group: z.string().optional() })),
  /** source-summary: the income lines, each with its amount (level 1: printed under the line before). */
  income: z.array(z.object({ label: z.string(), level: z.number().int(), amount: Wan })).optional(),
  /** source-summary: 收入总计, the sum of the income lines of level 0. */
  incomeTotal: Wan.optional(),
  rows: z.array(GenericRow),
  /** The 合计 of each column. */
  total: z.record(z.string(), Wan),
  empty: z.boolean(),
});
export type GenericTable = z.infer<typeof GenericTable>;

export const Tables = z.object({
  t1: Table1,
  t2: Table2,
  t3: Table3,
  t4: Table4,
  t5: Table5,
  t6: Table6,
  t7: Table7,
  t8: Table8,
  t9: Table9,
  t10: Table10,
  t11: Table11,
  t12: ProjectTable,
  t13: ProjectTable,
});
export type Tables = z.infer<typeof Tables>;

/* ------------------------------------------------------------------------------------ */
/* 第三部分: the prose figures                                                             */
/* ------------------------------------------------------------------------------------ */

/** A change against last year. */
export const Change = z.object({
  /** The absolute difference. */
  amount: Wan,
  /** 增加 / 减少 from the sign; 持平 when equal. */
  direction: z.enum(["增加", "减少", "持平"]),
  /** 增长 / 下降 / 持平, the word the prose uses before the percentage. */
  trend: z.enum(["增长", "下降", "持平"]),
  /** |change| / last year, in percent; absent when last year is zero. */
  percent: Share.optional(),
});
export type Change = z.infer<typeof Change>;

/** A figure compared with last year: absent `lastYear` means the author gave none. */
export const Compared = z.object({
  amount: Wan,
  lastYear: Wan.optional(),
  change: Change.optional(),
  /** The reason the author gave for the change. */
  reason: z.string().optional(),
});
export type Compared = z.infer<typeof Compared>;

/** An amount with its share of a whole. */
export const Part = z.object({ amount: Wan, share: Share.optional() });
export type Part = z.infer<typeof Part>;

/** An amount by one source, with its prose label and share. */
export const SourcePart = z.object({
  source: SourceName,
  /** "一般公共预算拨款收入", … "单位资金". */
  label: z.string(),
  amount: Wan,
  share: Share.optional(),
});
export type SourcePart = z.infer<typeof SourcePart>;

/** A 类 with its amount and share. */
export const LeiPart = z.object({ code: z.string(), name: z.string(), amount: Wan, share: Share.optional() });
export type LeiPart = z.infer<typeof LeiPart>;

/** 一、部门预算收支数据变动情况及原因. */
export const Section1 = z.object({
  /** 收入总计 and its change against last year. */
  income: Compared,
  /** 本年收入. */
  currentIncome: Wan,
  /** 上年结转. */
  carryover: Wan,
  /** 支出总计 and its change (last year's 支出总计 = its 收入总计). */
  expenditure: Compared,
  /** 本年预算安排. */
  currentExpenditure: Wan,
  /** 上年结转 (spent). */
  carryoverExpenditure: Wan,
});

/** 二、收入预算情况说明: shares of 收入总计. */
export const Section2 = z.object({
  total: Wan,
  sources: z.array(SourcePart),
  carryover: Part,
});

/** 三、支出预算情况说明: shares of 支出总计. */
export const Section3 = z.object({ total: Wan, basic: Part, project: Part });

/** 四、财政拨款收支预算总体情况说明 (carry-overs included). */
export const Section4 = z.object({
  total: Wan,
  general: Wan,
  fund: Wan,
  capital: Wan,
  /** 当年拨款收入. */
  current: Wan,
  /** 上年结转收入 (财政拨款). */
  carryover: Wan,
  /** The 类 with spending, in catalogue order, from 表四's 小计 column. */
  byLei: z.array(LeiPart),
});

/** 五、一般公共预算支出情况说明 (current year). */
export const Section5 = z.object({
  /** 一般公共预算当年支出, compared with last year. */
  spending: Compared,
  /** By 类, with shares of the total, in code order. */
  byLei: z.array(LeiPart),
});

/** 六、一般公共预算基本支出情况说明. */
export const Section6 = z.object({
  total: Wan,
  /** 人员经费 and the names of its economic subjects (empty: the prose prints 无). */
  personnel: z.object({ amount: Wan, items: z.array(z.string()) }),
  public: z.object({ amount: Wan, items: z.array(z.string()) }),
});

export const ThreePublicItemKey = z.enum(["overseas", "reception", "vehicleOperation", "vehiclePurchase"]);

/** 七、“三公”经费增减变动原因说明. */
export const Section7 = z.object({
  total: Compared,
  /** 因公出国（境）费, 公务接待费, 公务用车运行维护费, 公务用车购置费, in the prose's order. */
  items: z.array(z.object({ key: ThreePublicItemKey, label: z.string(), figure: Compared })),
});

/** 八、机关运行经费增减变动原因说明. */
export const Section8 = z.object({
  /** True when there is none: the prose says "本部门无机关运行经费". */
  none: z.boolean(),
  total: Compared,
});

/** 九、政府采购情况: total = goods + works + services. */
export const Section9 = z.object({
  /** False when the budget has no 政府采购 block. */
  stated: z.boolean(),
  total: Wan,
  goods: Wan,
  works: Wan,
  services: Wan,
});

export const CategoryCount = z.object({ category: z.string(), count: z.number().int(), amount: Wan });
export type CategoryCount = z.infer<typeof CategoryCount>;

/** 十、绩效管理情况 (2、项目绩效目标). */
export const Section10 = z.object({
  /** 纳入绩效目标管理的二级项目: all current-year projects. */
  projects: z.object({ count: z.number().int(), amount: Wan, byCategory: z.array(CategoryCount) }),
  /** 公开项目绩效目标: projects with a performance form. */
  forms: z.object({ count: z.number().int(), amount: Wan, byCategory: z.array(CategoryCount) }),
  /** 占部门（单位）项目支出总额的比例: form amount / project amount. */
  coverage: Share.optional(),
});

export const Prose = z.object({
  s1: Section1,
  s2: Section2,
  s3: Section3,
  s4: Section4,
  s5: Section5,
  s6: Section6,
  s7: Section7,
  s8: Section8,
  s9: Section9,
  s10: Section10,
});
export type Prose = z.infer<typeof Prose>;

/* ------------------------------------------------------------------------------------ */
/* Charts                                                                                 */
/* ------------------------------------------------------------------------------------ */

export const Slice = z.object({ label: z.string(), amount: Wan, share: Share.optional() });
export type Slice = z.infer<typeof Slice>;

export const Chart = z.object({
  /** "收入预算图", "一般公共预算当年拨款结构图", "三公经费分布图". */
  title: z.string(),
  /** Every slice, zeros included, in print order; the renderer may skip zero slices. */
  slices: z.array(Slice),
});
export type Chart = z.infer<typeof Chart>;

export const Charts = z.object({ income: Chart, general: Chart, threePublic: Chart });
export type Charts = z.infer<typeof Charts>;

/* ------------------------------------------------------------------------------------ */
/* Performance forms                                                                      */
/* ------------------------------------------------------------------------------------ */

export const IndicatorRow = z.object({
  /** 三级指标. */
  name: z.string(),
  /** 实施期 指标值, as written. */
  period: z.string().optional(),
  /** 年度 指标值, as written. */
  annual: z.string().optional(),
});
export type IndicatorRow = z.infer<typeof IndicatorRow>;

/** Indicators under one 二级指标; `rows` is the row span. */
export const IndicatorLevel2 = z.object({ name: z.string(), rows: z.number().int(), indicators: z.array(IndicatorRow) });
export type IndicatorLevel2 = z.infer<typeof IndicatorLevel2>;

/**
 * Indicators under one 一级指标, names canonical (产出指标, 数量指标 …); `rows` is the
 * row span. Known levels come in the framework's order, unknown ones after, as written.
 */
export const IndicatorLevel1 = z.object({ name: z.string(), rows: z.number().int(), groups: z.array(IndicatorLevel2) });
export type IndicatorLevel1 = z.infer<typeof IndicatorLevel1>;

/** A funding split by level, in 元 as the forms print them. */
export const FundingLevelsModel = z.object({
  /** 资金总额: Σ of the levels (derived; a declared 总额 is the checker's). */
  total: Yuan,
  /**
   * 中央财政资金, 省级财政资金, 市县（区）财政资金, 单位自筹: 0 when the form gives a split
   * but not this level; absent (blank) when the form gives no split at all.
   */
  central: Yuan.optional(),
  provincial: Yuan.optional(),
  local: Yuan.optional(),
  selfRaised: Yuan.optional(),
  /** 其他资金: absent (printed blank) when not written. */
  other: Yuan.optional(),
});
export type FundingLevelsModel = z.infer<typeof FundingLevelsModel>;

/** 项目支出绩效目标表. */
export const ProjectForm = z.object({
  /** 项目名称. */
  project: z.string(),
  /** 主管部门及代码: "609-山西…监管部". */
  department: z.string(),
  /** 实施单位. */
  unit: z.string(),
  /** The project's current-year amount (万元 in the JSON). */
  amount: Wan,
  category: z.string().optional(),
  /** 项目属性 with its suffix: "延续性项目（阶段开展）". */
  attribute: z.string().optional(),
  /** 项目期: "5年". */
  duration: z.string().optional(),
  /** 实施期资金总额 and its split. */
  periodFunding: FundingLevelsModel.optional(),
  /**
   * 年度资金总额 and its split; when the form gives no split, the total is the
   * project's amount and the levels are absent.
   */
  annualFunding: FundingLevelsModel,
  summary: z.string().optional(),
  basis: z.string().optional(),
  necessity: z.string().optional(),
  measures: z.string().optional(),
  plan: z.string().optional(),
  periodGoal: z.string().optional(),
  /** Defaults to the 实施期 goal. */
  annualGoal: z.string().optional(),
  indicators: z.array(IndicatorLevel1),
  /** The number of indicator rows (for the 绩效指标 row span). */
  indicatorRows: z.number().int(),
  filed: z.string().optional(),
  /** 表题: the form's own title, where the budget gives one (else the profile's). */
  title: z.string().optional(),
  /** 落款: the footer's contact field (经办人 or 联系人), or 无 for no footer. */
  footer: z.string().optional(),
  /** 资金名称: the label of the whole-period funding, where the budget gives one. */
  fundingLabel: z.string().optional(),
  owner: z.string().optional(),
  handler: z.string().optional(),
  phone: z.string().optional(),
});
export type ProjectForm = z.infer<typeof ProjectForm>;

/** A standalone form that attaches to no project (the checker reports it). */
export const UnattachedForm = z.object({
  project: z.string(),
  reason: z.enum(["no-such-project", "duplicate"]),
});
export type UnattachedForm = z.infer<typeof UnattachedForm>;

export const Headcount = z.object({
  /** The number: "21". */
  number: z.string(),
  /** As written: "21人". */
  text: z.string(),
});

/** 县(区)级预算部门(单位)整体支出绩效目标申报表. */
export const OverallFormModel = z.object({
  year: z.number().int(),
  /** 部门名称: "609-山西…监管部". */
  department: z.string(),
  /** 内设职能部门数: the number of sections. */
  sections: z.number().int(),
  /** 所属预算单位数: units other than the department itself. */
  units: z.number().int(),
  staffing: z.object({
    authorized: Headcount.optional(),
    actual: Headcount.optional(),
    established: Headcount.optional(),
    other: Headcount.optional(),
  }),
  duties: z.string().optional(),
  strategy: z.string().optional(),
  coreFunctions: z.string().optional(),
  keyTasks: z.string().optional(),
  annualGoal: z.string().optional(),
  /** 年度预算情况, derived from the budget: current-year income and spending. */
  budget: z.object({
    bySource: z.object({
      total: Wan,
      general: Wan,
      fund: Wan,
      capital: Wan,
      /** 社会保险基金预算资金: no budget item has this source, so always 0. */
      socialInsurance: Wan,
      specialAccount: Wan,
      unitFunds: Wan,
    }),
    byDirection: z.object({ total: Wan, basic: Wan, project: Wan }),
  }),
  indicators: z.array(IndicatorLevel1),
  indicatorRows: z.number().int(),
  filed: z.string().optional(),
});
export type OverallFormModel = z.infer<typeof OverallFormModel>;

/* ------------------------------------------------------------------------------------ */
/* Assets and notes                                                                       */
/* ------------------------------------------------------------------------------------ */

export const AssetsModel = z.object({
  /** 截至 date as written (2024-03-21). */
  asOf: z.string().optional(),
  /** 公务用车编制. */
  vehicleQuota: z.string().optional(),
  /** 实有, Σ of the kinds. */
  vehicleTotal: z.string(),
  /** The seven kinds in print order with zeros, then any other kind written. */
  vehicles: z.array(z.object({ kind: z.string(), count: z.string() })),
  /** 办公用房建筑总面积: number and unit as written ("280", "平方米"). */
  officeArea: z.object({ number: z.string(), unit: z.string() }).optional(),
  /** 通用设备 by value threshold: "50万元" and count. */
  equipment: z.array(z.object({ threshold: z.string(), count: z.string() })),
  /** The year's purchases: vehicles by kind (the same kinds, zeros included) and equipment. */
  purchases: z.object({
    vehicleTotal: z.string(),
    vehicles: z.array(z.object({ kind: z.string(), count: z.string() })),
    equipment: z.array(z.object({ threshold: z.string(), count: z.string() })),
  }),
});
export type AssetsModel = z.infer<typeof AssetsModel>;

export const NotesModel = z.object({
  /** 政府购买服务指导性目录. */
  purchasedServices: z.string().optional(),
  /** 其他. */
  other: z.string().optional(),
});
export type NotesModel = z.infer<typeof NotesModel>;

/* ------------------------------------------------------------------------------------ */
/* The publication                                                                        */
/* ------------------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------------------ */
/* Explanations: figures any region's prose may print                                     */
/* ------------------------------------------------------------------------------------ */

/** Every source a budget can state, for income by source. */
export const AnySource = z.enum(["一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"]);

/** A subject by code and name. */
export const NamedCode = z.object({ code: z.string(), name: z.string() });

/**
 * One functional 项 with 财政拨款 spending this year, as an explanation lists it: its
 * place in the tree, this year's amount, what it is for, last year's execution and the
 * change against it, and the author's reason.
 */
export const SubjectItem = z.object({
  code: z.string(),
  lei: NamedCode,
  kuan: NamedCode.optional(),
  xiang: NamedCode.optional(),
  /** 财政拨款 (the three funds), this year. */
  amount: Wan,
  /** 用途 as written; absent when the budget states none (a profile may print a default). */
  purpose: z.string().optional(),
  /** Last year's 执行数, when stated. */
  executed: Wan.optional(),
  /** The change against last year's 执行数. */
  change: Change.optional(),
  /** 变动原因 given for this subject. */
  reason: z.string().optional(),
});
export type SubjectItem = z.infer<typeof SubjectItem>;

/** A key project's 项目经费情况说明. */
export const KeyProject = z.object({
  name: z.string(),
  unit: z.string(),
  subject: z.string().optional(),
  amount: Wan,
  summary: z.string().optional(),
  basis: z.string().optional(),
  /** 实施主体: as written, else the project's unit. */
  implementer: z.string(),
  scheme: z.string().optional(),
  schedule: z.string().optional(),
  /** 年度预算安排: its parts in order (part: 其中; plan: 用款计划). */
  parts: z.array(z.object({ kind: z.enum(["part", "plan"]), label: z.string(), amount: Wan })),
  goal: z.string().optional(),
});
export type KeyProject = z.infer<typeof KeyProject>;

export const Explanations = z.object({
  /** This year's income by every source (all ten, in order), and its 财政拨款 part. */
  income: z.object({ total: Wan, fiscal: Wan, bySource: z.array(z.object({ source: AnySource, amount: Wan })) }),
  /** 财政拨款 (income = spending this year) against last year's. */
  fiscal: Compared,
  /** Each fund of 财政拨款 against last year's. */
  funds: z.array(z.object({ source: SourceName, figure: Compared })),
  /** The 项 with 财政拨款 spending, in code order. */
  subjects: z.array(SubjectItem),
  /** 公务用车购置及运行费 against last year's (购置 + 运行维护). */
  vehicles: Compared,
  /** The units: how many of each kind (kinds with none left out). */
  unitKinds: z.array(z.object({ kind: UnitKind, count: z.number().int() })),
  /** The units whose 公用经费 is 机关运行经费 and have some: 行政单位 and 参公事业单位 counts. */
  runningUnits: z.object({ administrative: z.number().int(), civilServiceManaged: z.number().int() }),
  /** 政府采购's reservation for small and medium enterprises, when stated. */
  procurement: z.object({ smeReserved: Wan.optional(), smallMicroReserved: Wan.optional() }),
  /** 绩效目标设置: stated, else derived from the project forms. */
  coverage: z.object({ stated: z.boolean(), units: z.string().optional(), projects: z.string().optional(), amount: Wan.optional() }),
  keyProjects: z.array(KeyProject),
});
export type Explanations = z.infer<typeof Explanations>;

/**
 * One amount of the budget as the author states it, with its classifications: a basic
 * line, or one source's amount of a project or carry-over. Every table sums these; the
 * data package (Fiscal Data Package) lists them, since no table crosses the functional
 * with the economic classification.
 */
export const LedgerItem = z.object({
  kind: z.enum(["basic", "project", "carryover"]),
  unit: z.string(),
  /** The project's or carry-over's name. */
  name: z.string().optional(),
  /** The functional subject code, when written, and its name ("" when unknown). */
  subject: z.string().optional(),
  subjectName: z.string(),
  /** The 部门 economic subject of a basic line (款) and its name, and its 类 and the 类's name. */
  economic: z.string().optional(),
  economicName: z.string().optional(),
  economicClass: z.string().optional(),
  economicClassName: z.string().optional(),
  source: AnySource,
  amount: Wan,
});
export type LedgerItem = z.infer<typeof LedgerItem>;

/** One source amount of a figure: file, 1-based line, the amount in the figure's unit, the line as written. */
export const FigureSourceModel = z.object({
  file: z.string(),
  line: z.number().int(),
  amount: z.string().regex(/^-?\d+(\.\d+)?$/),
  text: z.string(),
});

export const Publication = z.object({
  /** The format of this document, for readers of the JSON. */
  format: z.literal("yusuan-publication"),
  version: z.literal(1),
  /**
   * The profile the publication was derived for (shanxi-13, mof-9, shanghai …). `tables`
   * always holds the thirteen tables of the 2024 standard set (shanxi-13 prints them all,
   * mof-9 nine of them); a profile that defines tables of its own has them in
   * `profileTables`, in its order.
   */
  profile: z.string(),
  header: Header,
  overview: Overview,
  units: z.array(UnitModel),
  tables: Tables,
  /** The tables the profile defines as data, in its order; absent when it defines none. */
  profileTables: z.array(GenericTable).optional(),
  prose: Prose,
  /** Figures any region's explanations may print (Shanghai's 编制说明 and 其他相关情况说明 …). */
  explanations: Explanations,
  charts: Charts,
  /** Present when the budget has an 整体绩效 block. */
  overallForm: OverallFormModel.optional(),
  /** One per project with a form, in 表十二 order. */
  projectForms: z.array(ProjectForm),
  unattachedForms: z.array(UnattachedForm),
  assets: AssetsModel.optional(),
  notes: NotesModel.optional(),
  /** Every amount of the budget, in source order: basic lines, projects, carry-overs. */
  ledger: z.array(LedgerItem),
  /**
   * Present when built with `--provenance`: for each figure with sources, by its JSON
   * pointer in this document, the source amounts that make it. They sum exactly to the
   * figure's unrounded value (a difference subtracts last year's: its amounts are
   * negative).
   */
  provenance: z.record(z.string(), z.array(FigureSourceModel)).optional(),
});
export type Publication = z.infer<typeof Publication>;
/** The JSON shape (amounts as strings). */
export type PublicationJson = z.input<typeof Publication>;
