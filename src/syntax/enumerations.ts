/**
 * The closed sets of the language: the words a statement accepts where only a few are
 * meaningful (a unit's kind, the money unit, a project's category and 属性, the levels of
 * an indicator, the kinds of vehicles). One table: the checker reports a word outside
 * its set (listing the set and the nearest value), the model reads the values it prints,
 * and the EBNF in grammar/ shows each set beside the statements that take it, so the
 * three cannot drift apart.
 *
 * The grammar itself accepts any Word in these places, so that one unknown value is one
 * diagnostic that names the set, not a syntax error.
 */

export interface Enumeration {
  /** Its name in messages and in the EBNF. */
  readonly zh: string;
  readonly en: string;
  /** The values, in the order the publication prints or counts them. */
  readonly values: readonly string[];
  /** Other spellings accepted for a value ("领导" for 领导用车), by the value they mean. */
  readonly spellings?: ReadonlyMap<string, string>;
  /** Where the language takes it: [context, statement keyword, slot], as in schema.ts. */
  readonly slots: readonly (readonly [string, string, string])[];
}

/** 类型: the kind of a department or budget unit, which decides its 机关运行经费. */
export const UNIT_KIND: Enumeration = {
  zh: "单位类型",
  en: "unit kind",
  values: ["行政单位", "参公事业单位", "事业单位"],
  slots: [
    ["department", "Kind", "kind"],
    ["unit", "Kind", "kind"],
  ],
};

/** 金额单位: the unit the author means the publication's tables to be in. */
export const MONEY_UNIT: Enumeration = {
  zh: "金额单位",
  en: "money unit",
  values: ["万元", "元"],
  slots: [["department", "MoneyUnit", "unit"]],
};

/** 类别: the two project categories the explanations count. */
export const CATEGORY: Enumeration = {
  zh: "项目类别",
  en: "project category",
  values: ["其他运转类", "特定目标类"],
  slots: [
    ["project", "Category", "category"],
    ["carryover", "Category", "category"],
  ],
};

/** 属性 (项目属性): a one-off project lasts one year; the others run for longer. */
export const ATTRIBUTE: Enumeration = {
  zh: "项目属性",
  en: "project attribute",
  values: ["一次性项目", "经常性项目", "延续性项目"],
  slots: [["performance", "Attribute", "attribute"]],
};

/** 落款 of a performance form: the footer's contact field, or no footer. */
export const FOOTER: Enumeration = {
  zh: "落款",
  en: "form footer",
  values: ["经办人", "联系人", "无"],
  slots: [["performance", "Footer", "text"]],
};

/**
 * The kinds of vehicles of 国有资产: the Shanxi format's seven, in its order, then the
 * kinds the Shanghai format adds. A kind may be written without 用车 (领导 for 领导用车).
 */
export const VEHICLE_KIND: Enumeration = (() => {
  const values = ["领导用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "事业单位业务用车", "其他公务用车", "部级领导干部用车", "主要领导干部用车", "离退休干部用车", "其他用车"];
  const spellings = new Map<string, string>();
  for (const v of values) spellings.set(v.slice(0, -"用车".length), v);
  return { zh: "车辆类别", en: "vehicle kind", values, spellings, slots: [["assets", "Vehicles", "kind"]] };
})();

/** The kinds of vehicles the Shanxi format prints, in its order (the first seven). */
export const SHANXI_VEHICLE_KINDS: readonly string[] = VEHICLE_KIND.values.slice(0, 7);

/**
 * The indicator framework: each 一级 with its 二级, written with or without the suffix
 * 指标 (数量 or 数量指标). The 2021 framework's 成本 is also a 一级 of its own.
 */
export const INDICATOR_LEVELS: ReadonlyMap<string, readonly string[]> = new Map([
  ["产出", ["数量", "质量", "时效", "成本"]],
  ["效益", ["经济效益", "社会效益", "生态效益", "可持续影响"]],
  ["满意度", ["服务对象满意度"]],
  ["成本", ["经济成本", "社会成本", "生态环境成本"]],
]);

/** 一级 of an indicator (without the suffix 指标). */
export const INDICATOR_LEVEL1: Enumeration = {
  zh: "一级指标",
  en: "一级 indicator level",
  values: [...INDICATOR_LEVELS.keys()],
  slots: [
    ["performance", "Indicator", "level1"],
    ["overall", "Indicator", "level1"],
  ],
};

/** 二级 of an indicator (without the suffix 指标); which ones are valid depends on the 一级. */
export const INDICATOR_LEVEL2: Enumeration = {
  zh: "二级指标",
  en: "二级 indicator level",
  values: [...new Set([...INDICATOR_LEVELS.values()].flat())],
  slots: [
    ["performance", "Indicator", "level2"],
    ["overall", "Indicator", "level2"],
  ],
};

/** Every closed set, in the order the EBNF and README list them. */
export const ENUMERATIONS: readonly Enumeration[] = [UNIT_KIND, MONEY_UNIT, CATEGORY, ATTRIBUTE, FOOTER, INDICATOR_LEVEL1, INDICATOR_LEVEL2, VEHICLE_KIND];

/** The value a written word means in a set (itself, or the value of another spelling), or undefined. */
export function enumValue(e: Enumeration, written: string): string | undefined {
  if (e.values.includes(written)) return written;
  return e.spellings?.get(written);
}

/** An indicator level without its 指标 suffix: 数量指标 → 数量. */
export function indicatorLevel(name: string): string {
  const t = name.trim();
  return t.endsWith("指标") && t.length > 2 ? t.slice(0, -2) : t;
}
