/**
 * The keywords of the language: each is written in Chinese, the language of the people
 * who write and review budgets, and has one English alias. The canonical (printed)
 * form is the Chinese one; `yusuan fmt` keeps whichever form the author wrote.
 *
 * Invariant: no two keywords share a spelling.
 */
export interface KeywordDef {
  /** Token name, also the name used in the grammar. */
  readonly name: string;
  readonly zh: string;
  readonly en: string;
}

const K = (name: string, zh: string, en: string): KeywordDef => ({ name, zh, en });

export const KEYWORDS: readonly KeywordDef[] = [
  // Top-level items.
  K("Department", "部门", "department"),
  K("Unit", "单位", "unit"),
  K("Basic", "基本支出", "basic"),
  K("Project", "项目", "project"),
  K("Carryover", "结转", "carryover"),
  K("LastYear", "上年", "last-year"),
  K("Procurement", "政府采购", "procurement"),
  K("Assets", "国有资产", "assets"),
  K("Notes", "其他说明", "notes"),
  K("Overall", "整体绩效", "overall-performance"),
  K("Include", "引用", "include"),
  K("Rollup", "汇总", "rollup"),
  K("SubjectName", "科目名", "subject-name"),
  // A fact still to be written (an imported budget marks what its tables could not say).
  K("Pending", "待补充", "pending"),
  // Department.
  K("Year", "年度", "year"),
  K("Region", "地区", "region"),
  K("MoneyUnit", "金额单位", "money-unit"),
  K("Kind", "类型", "kind"),
  K("Duties", "职责", "duties"),
  K("Organisation", "机构设置", "organisation"),
  K("Sections", "内设机构", "sections"),
  K("Staffing", "编制", "staffing"),
  K("Control", "控制数", "control-totals"),
  K("Catalogue", "分类目录", "catalogue"),
  K("Complete", "完整", "complete"),
  K("Authorized", "核定编制", "authorized"),
  K("Actual", "实际在职", "actual-staff"),
  K("Established", "其中在编", "established"),
  K("OtherStaff", "其他人员", "other-staff"),
  // Lines and projects.
  K("Line", "支出", "line"),
  K("Subject", "科目", "subject"),
  K("Category", "类别", "category"),
  K("GeneralBudget", "一般公共预算", "general-budget"),
  K("FundBudget", "政府性基金预算", "fund-budget"),
  K("CapitalBudget", "国有资本经营预算", "capital-budget"),
  K("SpecialAccount", "财政专户管理资金", "special-account"),
  K("UnitFunds", "单位资金", "unit-funds"),
  K("SocialInsurance", "社会保险基金预算", "social-insurance-budget"),
  K("Attribute", "属性", "attribute"),
  K("Duration", "项目期", "duration"),
  K("PeriodFunding", "实施期资金", "period-funding"),
  K("AnnualFunding", "年度资金", "annual-funding"),
  K("Summary", "概况", "summary"),
  K("Basis", "立项依据", "basis"),
  K("Necessity", "必要性", "necessity"),
  K("Measures", "制度措施", "measures"),
  K("Plan", "实施计划", "plan"),
  K("Performance", "绩效", "performance"),
  K("Total", "总额", "total"),
  K("Central", "中央", "central"),
  K("Provincial", "省级", "provincial"),
  K("Local", "市县", "local"),
  K("SelfRaised", "自筹", "self-raised"),
  K("OtherFunds", "其他资金", "other-funds"),
  // Performance forms.
  K("PeriodGoal", "实施期目标", "period-goal"),
  K("AnnualGoal", "年度目标", "annual-goal"),
  K("Indicator", "指标", "indicator"),
  K("Period", "实施期", "period"),
  K("Filed", "填报日期", "filed"),
  K("Owner", "负责人", "owner"),
  K("Handler", "经办人", "handler"),
  K("Phone", "联系电话", "phone"),
  K("FormTitle", "表题", "form-title"),
  K("Footer", "落款", "footer"),
  K("FundingLabel", "资金名称", "funding-label"),
  K("Strategy", "战略目标", "strategy"),
  K("CoreFunctions", "核心职能", "core-functions"),
  K("KeyTasks", "重点任务", "key-tasks"),
  K("AnnualBudget", "年度预算", "annual-budget"),
  K("Sum", "合计", "sum"),
  K("ProjectSpending", "项目支出", "project-spending"),
  // Last year.
  K("IncomeTotal", "收入总计", "income-total"),
  K("GeneralSpending", "一般公共预算当年支出", "general-budget-spending"),
  K("ThreePublic", "三公", "three-public"),
  K("Overseas", "因公出国", "overseas-travel"),
  K("Reception", "公务接待", "reception"),
  K("VehiclePurchase", "公务用车购置", "vehicle-purchase"),
  K("VehicleOperation", "公务用车运行维护", "vehicle-operation"),
  K("RunningCosts", "机关运行经费", "running-costs"),
  K("Reason", "变动原因", "reason"),
  K("SourceFile", "源文件", "source-file"),
  // Procurement, assets, notes.
  K("Goods", "货物", "goods"),
  K("Works", "工程", "works"),
  K("Services", "服务", "services"),
  K("AsOf", "截至", "as-of"),
  K("VehicleQuota", "车辆编制", "vehicle-quota"),
  K("Vehicles", "车辆", "vehicles"),
  K("OfficeArea", "办公用房", "office-area"),
  K("Equipment", "设备", "equipment"),
  K("PurchasedServices", "政府购买服务", "purchased-services"),
  K("Other", "其他", "other"),
  // The statements other regions' disclosures need (Shanghai, mof-9): income by each
  // kind of a unit's own funds, a department's profile and names, key projects' funding
  // notes, purposes by subject, last year's execution, the 中小企业 reservation, the
  // purchase plan and performance-target coverage. 其他收入 is one keyword, not 其他
  // followed by a word: the lexer tries the longer spelling first.
  K("BusinessIncome", "事业收入", "business-income"),
  K("OperatingIncome", "事业单位经营收入", "operating-income"),
  K("SuperiorSubsidy", "上级补助收入", "superior-subsidy"),
  K("SubordinateRemittance", "附属单位上缴收入", "subordinate-remittance"),
  K("OtherIncome", "其他收入", "other-income"),
  K("Profile", "公开格式", "profile"),
  K("Level", "级次", "level"),
  K("ShortName", "简称", "short-name"),
  K("NameSuffix", "名称后缀", "name-suffix"),
  K("Note", "备注", "note"),
  K("Economic", "经济科目", "economic"),
  K("FundingNote", "经费说明", "funding-note"),
  K("Implementer", "实施主体", "implementer"),
  K("Scheme", "实施方案", "scheme"),
  K("Schedule", "实施周期", "schedule"),
  K("Part", "其中", "part"),
  K("Disbursement", "用款计划", "disbursement"),
  K("Goal", "绩效目标", "goal"),
  K("Purpose", "用途", "purpose"),
  K("Coverage", "绩效目标设置", "performance-coverage"),
  K("UnitCount", "单位数", "unit-count"),
  K("ProjectCount", "项目数", "project-count"),
  K("Funds", "资金", "funds"),
  K("Fiscal", "财政拨款", "fiscal"),
  K("Executed", "执行数", "executed"),
  K("VehicleTotal", "公务用车购置及运行", "vehicles-total"),
  K("SmeReserved", "中小企业预留", "sme-reserved"),
  K("SmallMicroReserved", "小微企业预留", "small-micro-reserved"),
  K("PurchaseVehicles", "购置车辆", "purchase-vehicles"),
  K("PurchaseEquipment", "购置设备", "purchase-equipment"),
];

export const KEYWORD_BY_NAME: ReadonlyMap<string, KeywordDef> = new Map(KEYWORDS.map((k) => [k.name, k]));

/**
 * The order in which the lexer tries the keywords (lexer.ts, and fast.ts after it): by
 * the length of the Chinese spelling, longest first (a stable sort), so that a keyword
 * is tried before every keyword whose spelling begins it (绩效目标设置, 绩效目标, 绩效). An
 * English spelling matches only where no letter, digit, _ or - follows it, so English
 * prefixes (performance, performance-coverage) never compete and need no order.
 */
export const KEYWORD_TRY_ORDER: readonly KeywordDef[] = [...KEYWORDS].sort((a, b) => b.zh.length - a.zh.length);
