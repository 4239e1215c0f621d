/**
 * The shape of the language, as data: which statements each block admits and what
 * each statement takes. The parser (parser.ts) is generated from this table, the EBNF
 * in grammar/ is printed from the parser, and lowering (lower.ts) reads statements by
 * the slot names given here. Adding a statement is one line here plus its lowering.
 *
 * Invariant: within one context, every statement starts with a different keyword.
 */

/** What one argument position accepts. */
export type SlotType =
  /** A numeral without unit: a subject code or a year. */
  | "int"
  /** A numeral with an optional unit: 6389.17万元, 52,000,000元, 95%, 50次. */
  | "qty"
  /** A one-line "string". */
  | "str"
  /** A "string" or a """text block""". */
  | "text"
  /** A bare word: an enumeration value such as 其他运转类 or 事业单位. */
  | "word"
  /** An ISO date: 2024-03-21. */
  | "date"
  /** An indicator value: a quantity or a string, kept as written. */
  | "value"
  /** One of the funding sources, written as its keyword. */
  | "source"
  /** Which figure a reason explains: a word, one of the figure keywords, or a subject code. */
  | "figure"
  /** A level of government: a word (区级, 市级), or one of the level keywords 中央, 省级, 市县. */
  | "level";

export interface Slot {
  readonly name: string;
  readonly type: SlotType;
  readonly optional?: boolean;
  /** One or more values (only on the last slot). */
  readonly repeat?: boolean;
  /** A keyword (token name) written before the value: `实施期 "…"`. */
  readonly tag?: string;
}

export interface StatementSpec {
  /** Keyword token name (see keywords.ts). */
  readonly kw: string;
  readonly slots: readonly Slot[];
  /** The context of the statement's { block }, if it has one. */
  readonly block?: string;
  readonly blockOptional?: boolean;
}

const s = (name: string, type: SlotType, more: Partial<Slot> = {}): Slot => ({ name, type, ...more });
const st = (kw: string, slots: Slot[] = [], block?: string, blockOptional = false): StatementSpec => ({
  kw,
  slots,
  ...(block ? { block } : {}),
  ...(blockOptional ? { blockOptional } : {}),
});

/**
 * The funding sources of a department budget, in the order the tables print them: the
 * five columns of the 2024 formats, then the kinds of a unit's own funds that other
 * formats print apart (they sum into the 单位资金 column where a format has only that).
 */
export const SOURCE_KEYWORDS = [
  "GeneralBudget",
  "FundBudget",
  "CapitalBudget",
  "SpecialAccount",
  "UnitFunds",
  "BusinessIncome",
  "OperatingIncome",
  "SuperiorSubsidy",
  "SubordinateRemittance",
  "OtherIncome",
] as const;
export type SourceKeyword = (typeof SOURCE_KEYWORDS)[number];

const amountBySource = SOURCE_KEYWORDS.map((k) => st(k, [s("amount", "qty")]));
/**
 * `待补充 "…"`: a fact still to be written, named in words. It may stand in the blocks
 * whose facts an author writes, and at the top level for a whole block; the checker
 * warns of each until it is written and the statement deleted (rule pending-content).
 */
const pending = st("Pending", [s("what", "str")]);
const indicator = st("Indicator", [
  s("level1", "word"),
  s("level2", "word"),
  s("name", "str"),
  s("value", "value", { optional: true }),
  s("period", "value", { optional: true, tag: "Period" }),
  s("annual", "value", { optional: true, tag: "Year" }),
]);

export const CONTEXTS: Readonly<Record<string, readonly StatementSpec[]>> = {
  file: [
    st("Include", [s("path", "str")]),
    st("Rollup", [s("name", "str")], "rollup"),
    // The name of a classification code the catalogue may lack: a 类 or 款 row of the
    // tables, or any code; one fact per line, so a budget can keep its names in one file.
    st("SubjectName", [s("code", "int"), s("name", "str")]),
    st("Department", [s("code", "int", { optional: true }), s("name", "str")], "department"),
    st("Unit", [s("name", "str")], "unit", true),
    st("Basic", [s("unit", "str", { optional: true })], "basic"),
    st("Project", [s("name", "str")], "project"),
    st("Performance", [s("project", "str")], "performance"),
    st("Carryover", [s("name", "str")], "carryover"),
    st("LastYear", [], "lastYear"),
    st("Procurement", [], "procurement"),
    st("Assets", [], "assets"),
    st("Notes", [], "notes"),
    st("Overall", [], "overall"),
    st("Purpose", [s("code", "int"), s("amount", "qty", { optional: true }), s("text", "text")]),
    st("Coverage", [], "coverage"),
    pending,
  ],
  department: [
    st("Year", [s("year", "int")]),
    st("Region", [s("name", "str")]),
    st("MoneyUnit", [s("unit", "word")]),
    st("Kind", [s("kind", "word")]),
    st("Duties", [s("text", "text")]),
    st("Organisation", [s("text", "text")]),
    st("Sections", [s("names", "str", { repeat: true })]),
    st("Staffing", [], "staffing"),
    st("Control", [], "control"),
    st("Catalogue", [s("path", "str")], "catalogue", true),
    st("Profile", [s("name", "word")]),
    st("Level", [s("level", "level")]),
    st("ShortName", [s("name", "str")]),
    st("NameSuffix", [s("text", "str")]),
    pending,
  ],
  rollup: [st("Year", [s("year", "int")]), st("Control", [], "control"), st("Catalogue", [s("path", "str")], "catalogue", true)],
  // What the budget states about its catalogue file: the year of a file that does not
  // state its own (a CSV), and whether the catalogue is complete.
  catalogue: [st("Year", [s("year", "int")]), st("Complete", [s("value", "word")])],
  staffing: [
    st("Authorized", [s("count", "qty")]),
    st("Actual", [s("count", "qty")]),
    st("Established", [s("count", "qty")]),
    st("OtherStaff", [s("count", "qty")]),
  ],
  control: [st("IncomeTotal", [s("amount", "qty")]), ...amountBySource],
  unit: [st("Kind", [s("kind", "word")]), st("Note", [s("text", "str")]), pending],
  basic: [
    st("Line", [
      s("subject", "int"),
      s("subjectName", "str", { optional: true }),
      s("economic", "int"),
      s("economicName", "str", { optional: true }),
      s("amount", "qty"),
      s("source", "source", { optional: true }),
    ]),
    pending,
  ],
  project: [
    st("Unit", [s("name", "str")]),
    st("Subject", [s("code", "int"), s("name", "str", { optional: true })]),
    st("Category", [s("category", "word")]),
    ...amountBySource,
    st("Performance", [], "performance"),
    pending,
    st("Economic", [s("code", "int"), s("amount", "qty", { optional: true })]),
    st("FundingNote", [], "fundingNote"),
  ],
  fundingNote: [
    st("Summary", [s("text", "text")]),
    st("Basis", [s("text", "text")]),
    st("Implementer", [s("text", "text")]),
    st("Scheme", [s("text", "text")]),
    st("Schedule", [s("text", "text")]),
    st("Part", [s("label", "str"), s("amount", "qty")]),
    st("Disbursement", [s("label", "str"), s("amount", "qty")]),
    st("Goal", [s("text", "text")]),
    pending,
  ],
  levels: [
    st("Total", [s("amount", "qty")]),
    st("Central", [s("amount", "qty")]),
    st("Provincial", [s("amount", "qty")]),
    st("Local", [s("amount", "qty")]),
    st("SelfRaised", [s("amount", "qty")]),
    st("OtherFunds", [s("amount", "qty")]),
  ],
  performance: [
    st("Attribute", [s("attribute", "word")]),
    st("Duration", [s("years", "qty")]),
    st("PeriodFunding", [], "levels"),
    st("AnnualFunding", [], "levels"),
    st("Summary", [s("text", "text")]),
    st("Basis", [s("text", "text")]),
    st("Necessity", [s("text", "text")]),
    st("Measures", [s("text", "text")]),
    st("Plan", [s("text", "text")]),
    st("PeriodGoal", [s("text", "text")]),
    st("AnnualGoal", [s("text", "text")]),
    indicator,
    st("Filed", [s("text", "str")]),
    st("Owner", [s("text", "str")]),
    st("Handler", [s("text", "str")]),
    st("Phone", [s("text", "str")]),
    st("FormTitle", [s("text", "str")]),
    st("Footer", [s("text", "str")]),
    st("FundingLabel", [s("text", "str")]),
    pending,
  ],
  carryover: [
    st("Unit", [s("name", "str")]),
    st("Subject", [s("code", "int"), s("name", "str", { optional: true })]),
    st("Category", [s("category", "word")]),
    ...amountBySource,
    pending,
  ],
  lastYear: [
    st("SourceFile", [s("path", "str")]),
    st("IncomeTotal", [s("amount", "qty")]),
    st("GeneralSpending", [s("amount", "qty")]),
    st("ThreePublic", [], "threePublic"),
    st("RunningCosts", [s("amount", "qty")]),
    st("Reason", [s("figure", "figure"), s("text", "text")]),
    st("Fiscal", [s("amount", "qty")]),
    ...amountBySource,
    st("Executed", [s("code", "int"), s("amount", "qty")]),
  ],
  threePublic: [
    st("Overseas", [s("amount", "qty")]),
    st("Reception", [s("amount", "qty")]),
    st("VehiclePurchase", [s("amount", "qty")]),
    st("VehicleOperation", [s("amount", "qty")]),
  ],
  procurement: [
    st("Total", [s("amount", "qty")]),
    st("Goods", [s("amount", "qty")]),
    st("Works", [s("amount", "qty")]),
    st("Services", [s("amount", "qty")]),
    st("SmeReserved", [s("amount", "qty")]),
    st("SmallMicroReserved", [s("amount", "qty")]),
  ],
  assets: [
    st("AsOf", [s("date", "date")]),
    st("VehicleQuota", [s("count", "qty")]),
    st("Vehicles", [s("kind", "word"), s("count", "qty")]),
    st("OfficeArea", [s("area", "qty")]),
    st("Equipment", [s("threshold", "qty"), s("count", "qty")]),
    st("PurchaseVehicles", [s("kind", "word"), s("count", "qty")]),
    st("PurchaseEquipment", [s("threshold", "qty"), s("count", "qty")]),
  ],
  notes: [st("PurchasedServices", [s("text", "text")]), st("Other", [s("text", "text")])],
  overall: [
    st("Strategy", [s("text", "text")]),
    st("CoreFunctions", [s("text", "text")]),
    st("KeyTasks", [s("text", "text")]),
    st("AnnualGoal", [s("text", "text")]),
    st("AnnualBudget", [], "annualBudget"),
    indicator,
    st("Filed", [s("text", "str")]),
  ],
  annualBudget: [
    st("Sum", [s("amount", "qty")]),
    ...amountBySource,
    st("SocialInsurance", [s("amount", "qty")]),
    st("Basic", [s("amount", "qty")]),
    st("ProjectSpending", [s("amount", "qty")]),
  ],
  coverage: [
    st("UnitCount", [s("count", "qty")]),
    st("ProjectCount", [s("count", "qty")]),
    st("Funds", [s("amount", "qty")]),
  ],
};

/** Tokens a "figure" slot accepts besides a word and a subject code (a Number). */
export const FIGURE_KEYWORDS = [
  "IncomeTotal",
  "GeneralSpending",
  "ThreePublic",
  "RunningCosts",
  "Overseas",
  "Reception",
  "VehiclePurchase",
  "VehicleOperation",
  "Fiscal",
  "VehicleTotal",
] as const;

/** Tokens a "level" slot accepts besides a word: the levels that are also keywords. */
export const LEVEL_KEYWORDS = ["Central", "Provincial", "Local"] as const;

/** People-facing names of the contexts, for messages. */
export const CONTEXT_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  file: { zh: "文件顶层", en: "the top level of a file" },
  department: { zh: "「部门」块", en: "a 部门 (department) block" },
  rollup: { zh: "「汇总」块", en: "a 汇总 (roll-up) block" },
  staffing: { zh: "「编制」块", en: "a 编制 (staffing) block" },
  control: { zh: "「控制数」块", en: "a 控制数 (control totals) block" },
  catalogue: { zh: "「分类目录」块", en: "a 分类目录 (catalogue) block" },
  unit: { zh: "「单位」块", en: "a 单位 (unit) block" },
  basic: { zh: "「基本支出」块", en: "a 基本支出 (basic expenditure) block" },
  project: { zh: "「项目」块", en: "a 项目 (project) block" },
  levels: { zh: "资金来源层级块", en: "a funding-level block" },
  performance: { zh: "「绩效」块", en: "a 绩效 (performance) block" },
  carryover: { zh: "「结转」块", en: "a 结转 (carry-over) block" },
  lastYear: { zh: "「上年」块", en: "a 上年 (last year) block" },
  threePublic: { zh: "「三公」块", en: "a 三公 block" },
  procurement: { zh: "「政府采购」块", en: "a 政府采购 (procurement) block" },
  assets: { zh: "「国有资产」块", en: "a 国有资产 (state assets) block" },
  notes: { zh: "「其他说明」块", en: "a 其他说明 (notes) block" },
  overall: { zh: "「整体绩效」块", en: "an 整体绩效 (overall performance) block" },
  annualBudget: { zh: "「年度预算」块", en: "an 年度预算 (annual budget) block" },
  fundingNote: { zh: "「经费说明」块", en: "a 经费说明 (funding note) block" },
  coverage: { zh: "「绩效目标设置」块", en: "a 绩效目标设置 (performance coverage) block" },
};
