/**
 * The typed AST of a budget: what an author decides, one field per fact, each with the
 * span it was written at. Lowering (lower.ts) builds it from the statement tree; the
 * checker and the model read only this. Figures that can also be derived (a 总额, a
 * declared 年度预算) are kept as `declared*` fields, for the checker to compare.
 *
 * Amounts are exact: `Money.fen` is an integer of 分 (see base/money.ts).
 */
import type { Span } from "../base/source.js";
import type { Fen } from "../base/money.js";

export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/** A numeral with its unit, exactly as written, and its value without separators. */
export interface Quantity {
  /** The literal as written: "6,389.17万元", "50次", "95%". */
  readonly text: string;
  /** The number without separators: "6389.17". */
  readonly number: string;
  /** The unit as written after the number: "万元", "元", "%", "次", "" when none. */
  readonly unit: string;
  readonly span: Span;
}

/** An amount of money: a quantity in 万元 or 元, converted exactly to 分. */
export interface Money extends Quantity {
  readonly unit: "万元" | "元";
  readonly fen: Fen;
}

/**
 * The funding sources, in the order the tables print them. The first five are the
 * columns of the 2024 formats (Shanxi, mof-9); 单位资金 there is everything a unit brings
 * of its own, which a budget may also state by its kind (事业收入, 事业单位经营收入,
 * 上级补助收入, 附属单位上缴收入, 其他收入), as other formats print them (Shanghai). A
 * profile says which sources each of its columns sums (profile.json `sources`).
 */
export type Source =
  | "一般公共预算"
  | "政府性基金预算"
  | "国有资本经营预算"
  | "财政专户管理资金"
  | "单位资金"
  | "事业收入"
  | "事业单位经营收入"
  | "上级补助收入"
  | "附属单位上缴收入"
  | "其他收入";
export const SOURCES: readonly Source[] = ["一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"];

/** The sources that are a unit's own funds: the 单位资金 column of the 2024 formats sums them. */
export const UNIT_FUND_SOURCES: readonly Source[] = ["单位资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"];

/** The sources that count as 财政拨款 (tables 四, 十, 十一, 十三). */
export const FISCAL_SOURCES: readonly Source[] = ["一般公共预算", "政府性基金预算", "国有资本经营预算"];

export interface Amount {
  readonly source: Source;
  readonly money: Money;
  /** The keyword that named the source. */
  readonly span: Span;
}

export type UnitKind = "行政单位" | "参公事业单位" | "事业单位";

export interface Department {
  /** The department's code (609); optional, as some regions print none. */
  readonly code?: Located<string>;
  readonly name: Located<string>;
  /** 公开格式: the profile the budget is published in (shanxi-13, shanghai …); --profile overrides it. */
  readonly profile?: Located<string>;
  /** 级次: the level of government (区级, 市级 …) the cover and glossary name. */
  readonly level?: Located<string>;
  /** 简称: the short name some prose uses (万里街道). */
  readonly shortName?: Located<string>;
  /** 名称后缀: printed after the name in headings, as some documents do ("（部门）"). */
  readonly nameSuffix?: Located<string>;
  readonly year?: Located<number>;
  /** 地区: the government the department belongs to, as the forms' titles name it. */
  readonly region?: Located<string>;
  readonly moneyUnit?: Located<string>;
  readonly kind?: Located<string>;
  readonly duties?: Located<string>;
  readonly organisation?: Located<string>;
  /** 内设机构: the internal sections, by name. */
  readonly sections: readonly Located<string>[];
  readonly staffing?: Staffing;
  /** 控制数: totals the finance bureau set, asserted against the derived ones. */
  readonly control?: ControlTotals;
  /** 分类目录: the classification catalogue file the budget is checked against. */
  readonly catalogue?: CatalogueRef;
  readonly span: Span;
}

/**
 * 分类目录 "PATH" { 年度 … 完整 是 }: a budget office's classification catalogue, by path
 * relative to the file that names it (read by the loader, parsed by src/catalogue).
 */
export interface CatalogueRef {
  readonly path: Located<string>;
  /** The catalogue's year, for a file that does not state its own (a CSV). */
  readonly year?: Located<number>;
  /** 完整 是: the catalogue lists every subject of its year, so a code it lacks is wrong. */
  readonly complete?: Located<boolean>;
  readonly span: Span;
}

/** 科目名 CODE "NAME": the name of a classification code, for a catalogue that lacks it. */
export interface SubjectNameDecl {
  readonly code: Located<string>;
  readonly name: Located<string>;
  readonly span: Span;
}

export interface Staffing {
  /** 核定编制 */
  readonly authorized?: Quantity;
  /** 实际在职 */
  readonly actual?: Quantity;
  /** 其中在编 */
  readonly established?: Quantity;
  /** 其他人员 */
  readonly other?: Quantity;
  readonly span: Span;
}

export interface ControlTotals {
  readonly incomeTotal?: Money;
  readonly bySource: readonly Amount[];
  readonly span: Span;
}

export interface Unit {
  readonly name: Located<string>;
  readonly kind?: Located<string>;
  /** 备注: printed after the unit in the list of units ("不单列预算"). */
  readonly note?: Located<string>;
  readonly span: Span;
}

/** One basic-expenditure line: functional subject, economic subject, amount, source. */
export interface BasicLine {
  /** The budget unit, by name; undefined means the department's only unit. */
  readonly unit?: Located<string>;
  readonly subject: Located<string>;
  /** A name written after the functional code: 支出 2070109 "群众文化" … */
  readonly subjectName?: Located<string>;
  readonly economic: Located<string>;
  /** A name written after the economic code: … 30201 "办公费" 3.50万元. */
  readonly economicName?: Located<string>;
  readonly money: Money;
  readonly source: Located<Source>;
  readonly span: Span;
}

export interface FundingLevels {
  /** A declared 总额, checked against the sum of the levels. */
  readonly declaredTotal?: Money;
  readonly central?: Money;
  readonly provincial?: Money;
  readonly local?: Money;
  readonly selfRaised?: Money;
  readonly other?: Money;
  readonly span: Span;
}

/** An indicator value as written, and what could be read from it. */
export interface IndicatorValue {
  /** Exactly as printed: "大于等于20人次", "≥40000000元", "有所提高". */
  readonly text: string;
  /** ≥ ≤ > < = when the text states a comparison. */
  readonly op?: "≥" | "≤" | ">" | "<" | "=";
  /** The number, without separators, when the text has one. */
  readonly number?: string;
  /** The unit after the number: "人次", "元", "万元", "%". */
  readonly unit?: string;
  /** The amount in 分 when the unit is one of money (元, 万元, 亿元, 千元 …), exactly. */
  readonly fen?: Fen;
  /** The value is money, but beyond the range read exactly (lowering reports it, and drops `fen`). */
  readonly moneyOutOfRange?: boolean;
  readonly span: Span;
}

export interface Indicator {
  /** 一级 as written: 产出, 产出指标, 效益 … */
  readonly level1: Located<string>;
  /** 二级 as written: 数量, 数量指标, 服务对象满意度 … */
  readonly level2: Located<string>;
  readonly name: Located<string>;
  /** The 实施期 value; absent when the indicator is for the year only. */
  readonly period?: IndicatorValue;
  /** The 年度 value; absent when the indicator is for the 实施期 only. */
  readonly annual?: IndicatorValue;
  readonly span: Span;
}

/**
 * A project's performance form (项目支出绩效目标表). Written inside its project, or on
 * its own at the top level as `绩效 "项目名" { … }`, naming the project it belongs to.
 */
export interface PerformanceForm {
  /** For a form written on its own: the project it names. */
  readonly project?: Located<string>;
  /** 项目属性: 一次性项目, 经常性项目, 延续性项目. */
  readonly attribute?: Located<string>;
  /** 项目期, in years. */
  readonly duration?: Quantity;
  /** 实施期资金总额 by level, in 元 as the forms print them. */
  readonly periodFunding?: FundingLevels;
  /** 年度资金总额 by level. */
  readonly annualFunding?: FundingLevels;
  /** 项目概况 */
  readonly summary?: Located<string>;
  /** 立项依据 */
  readonly basis?: Located<string>;
  /** 项目设立必要性 */
  readonly necessity?: Located<string>;
  /** 保证项目实施的制度、措施 */
  readonly measures?: Located<string>;
  /** 项目实施计划 */
  readonly plan?: Located<string>;
  /** 总体目标, 实施期 */
  readonly periodGoal?: Located<string>;
  /** Absent means the same as the 实施期 goal. */
  readonly annualGoal?: Located<string>;
  readonly indicators: readonly Indicator[];
  readonly filed?: Located<string>;
  readonly owner?: Located<string>;
  readonly handler?: Located<string>;
  readonly phone?: Located<string>;
  /** 表题: this form's own title, where a document titles its forms differently. */
  readonly title?: Located<string>;
  /** 落款: the footer's contact field, 经办人 (the default) or 联系人, or 无 for no footer. */
  readonly footer?: Located<string>;
  /** 资金名称: the label of the whole-period funding, 实施期资金总额 by default (总预算资金总额). */
  readonly fundingLabel?: Located<string>;
  readonly span: Span;
}

/**
 * 经济科目 of project spending: the economic subject of the whole amount (one line without
 * an amount), or of parts of it (lines with amounts, summing to the project's amount). A
 * project's 公务用车购置 (31013) is 三公 as a basic line's is.
 */
export interface ProjectEconomic {
  readonly code: Located<string>;
  readonly money?: Money;
  readonly span: Span;
}

/** One part of a key project's 年度预算安排: `其中 "label" AMOUNT` or `用款计划 "label" AMOUNT`. */
export interface FundingPart {
  /** 其中: a part of the budget (printed "其中…，合计…"); 用款计划: a disbursement plan (printed as a list). */
  readonly kind: "part" | "plan";
  readonly label: Located<string>;
  readonly money: Money;
  readonly span: Span;
}

/** 经费说明: a key project's 项目经费情况说明, for the profiles that publish key projects. */
export interface FundingNote {
  /** 概况 */
  readonly summary?: Located<string>;
  /** 立项依据 */
  readonly basis?: Located<string>;
  /** 实施主体; the project's unit when absent. */
  readonly implementer?: Located<string>;
  /** 实施方案 */
  readonly scheme?: Located<string>;
  /** 实施周期 */
  readonly schedule?: Located<string>;
  /** 年度预算安排: its parts, in the order written; they sum to the project's amount. */
  readonly parts: readonly FundingPart[];
  /** 绩效目标 */
  readonly goal?: Located<string>;
  readonly span: Span;
}

export interface Project {
  readonly name: Located<string>;
  readonly unit?: Located<string>;
  readonly subject?: Located<string>;
  /** A subject name written beside the code, checked against the catalogue. */
  readonly subjectName?: Located<string>;
  readonly category?: Located<string>;
  readonly amounts: readonly Amount[];
  /** 经济科目 lines, in the order written (empty when none). */
  readonly economic: readonly ProjectEconomic[];
  /** The form written inside the project block, if any. */
  readonly performance?: PerformanceForm;
  /** 经费说明, when the project is a key project of a profile that publishes them. */
  readonly note?: FundingNote;
  readonly span: Span;
}

export interface Carryover {
  readonly name: Located<string>;
  readonly unit?: Located<string>;
  readonly subject?: Located<string>;
  readonly subjectName?: Located<string>;
  readonly category?: Located<string>;
  readonly amounts: readonly Amount[];
  readonly span: Span;
}

export type ThreePublicItem = "因公出国" | "公务接待" | "公务用车购置" | "公务用车运行维护";

export interface LastYear {
  /**
   * 源文件: last year's budget, by path relative to this file. When named, last year's
   * figures derive from it, and a figure also stated here must agree with it.
   */
  readonly source?: Located<string>;
  /** 上年收入总计 (= 支出总计). */
  readonly incomeTotal?: Money;
  /** 上年一般公共预算当年支出. */
  readonly generalSpending?: Money;
  readonly threePublic?: { readonly items: ReadonlyMap<ThreePublicItem, Money>; readonly span: Span };
  readonly runningCosts?: Money;
  /** 财政拨款: last year's 财政拨款 (the three funds) as budgeted. */
  readonly fiscal?: Money;
  /** Last year's amounts by source (一般公共预算 …), when stated. */
  readonly bySource: readonly Amount[];
  /** 执行数 CODE AMOUNT: last year's execution of a functional subject. */
  readonly executed: readonly { readonly code: Located<string>; readonly money: Money; readonly span: Span }[];
  /**
   * Reasons for changes, by the figure they explain: a figure keyword's Chinese name
   * (收入总计, 三公, 财政拨款, 公务用车购置及运行 …), or a functional subject code (2010507).
   */
  readonly reasons: readonly { readonly figure: Located<string>; readonly text: Located<string> }[];
  readonly span: Span;
}

export interface Procurement {
  readonly declaredTotal?: Money;
  readonly goods?: Money;
  readonly works?: Money;
  readonly services?: Money;
  /** 中小企业预留: the amount reserved for small and medium enterprises. */
  readonly smeReserved?: Money;
  /** 小微企业预留: of that, for small and micro enterprises. */
  readonly smallMicroReserved?: Money;
  readonly span: Span;
}

export interface Assets {
  readonly asOf?: Located<string>;
  readonly vehicleQuota?: Quantity;
  readonly vehicles: readonly { readonly kind: Located<string>; readonly count: Quantity }[];
  readonly officeArea?: Quantity;
  readonly equipment: readonly { readonly threshold: Quantity; readonly count: Quantity }[];
  /** 购置车辆 KIND N: vehicles the year's budget buys. */
  readonly vehiclePurchases: readonly { readonly kind: Located<string>; readonly count: Quantity }[];
  /** 购置设备 THRESHOLD N: equipment the year's budget buys. */
  readonly equipmentPurchases: readonly { readonly threshold: Quantity; readonly count: Quantity }[];
  readonly span: Span;
}

/**
 * 绩效目标设置: the coverage of performance targets, as stated (a budget that does not list
 * every project states it; one that does is checked against its projects).
 */
export interface PerformanceCoverage {
  /** 单位数 */
  readonly units?: Quantity;
  /** 项目数 */
  readonly projects?: Quantity;
  /** 资金 */
  readonly amount?: Money;
  readonly span: Span;
}

/** 用途 CODE ["name"] [AMOUNT] "text": what a functional subject's money is mainly for. */
export interface Purpose {
  readonly code: Located<string>;
  /** An amount stated beside it: checked against the subject's derived amount. */
  readonly money?: Money;
  readonly text: Located<string>;
  readonly span: Span;
}

export interface Notes {
  readonly purchasedServices?: Located<string>;
  readonly other?: Located<string>;
  readonly span: Span;
}

export interface DeclaredAnnualBudget {
  readonly sum?: Money;
  readonly bySource: readonly Amount[];
  readonly socialInsurance?: Money;
  readonly basic?: Money;
  readonly project?: Money;
  readonly span: Span;
}

export interface OverallForm {
  readonly strategy?: Located<string>;
  readonly coreFunctions?: Located<string>;
  readonly keyTasks?: Located<string>;
  readonly annualGoal?: Located<string>;
  readonly declaredBudget?: DeclaredAnnualBudget;
  readonly indicators: readonly Indicator[];
  readonly filed?: Located<string>;
  readonly span: Span;
}

/** A whole budget: the entry file and everything it includes. */
export interface Budget {
  /** Paths of the files read, entry first. */
  readonly files: readonly string[];
  readonly department?: Department;
  readonly units: readonly Unit[];
  readonly basic: readonly BasicLine[];
  readonly projects: readonly Project[];
  readonly carryovers: readonly Carryover[];
  /** Performance forms written on their own, each naming its project. */
  readonly forms: readonly PerformanceForm[];
  readonly lastYear?: LastYear;
  readonly procurement?: Procurement;
  readonly assets?: Assets;
  readonly notes?: Notes;
  readonly overall?: OverallForm;
  /** 绩效目标设置, when stated. */
  readonly coverage?: PerformanceCoverage;
  /** 用途 of functional subjects, in the order written. */
  readonly purposes: readonly Purpose[];
  /** 科目名 statements, in reading order. */
  readonly subjectNames: readonly SubjectNameDecl[];
  /** The facts still to be written (待补充 "…"), each with its statement's text; absent when none. */
  readonly pending?: readonly Located<string>[];
}

/**
 * A roll-up (汇总): a city's or province's entry file that includes whole department
 * budgets, each with its own root, and may declare control totals for all of them.
 */
export interface Rollup {
  readonly name: Located<string>;
  readonly year?: Located<number>;
  readonly control?: ControlTotals;
  /** 分类目录: the catalogue every department is checked against, unless it names its own. */
  readonly catalogue?: CatalogueRef;
  readonly span: Span;
}
