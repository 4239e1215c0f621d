/**
 * The wording of the shanxi-13 format that the model carries: table titles, the labels of
 * income lines and 三公 rows, the ordinals of 类. (Number formatting and everything else a
 * reader sees is the renderer's.)
 */
import type * as A from "../syntax/ast.js";
import { CATEGORY, SHANXI_VEHICLE_KINDS } from "../syntax/enumerations.js";
import type { SourceKey, SourceName, ThreePublicKey } from "./types.js";

/** The titles of the 13 tables, by number, for a fiscal year. */
export function tableTitle(n: number, year: number): string {
  const titles = [
    "预算收支总表",
    "预算收入总表",
    "预算支出总表",
    "财政拨款收支总表",
    "一般公共预算支出预算表（不含上年结转）",
    "一般公共预算安排基本支出分经济科目表（不含上年结转）",
    "政府性基金预算收入表（不含上年结转）",
    "政府性基金预算支出表（不含上年结转）",
    "国有资本经营预算收支预算表（不含上年结转）",
    "财政拨款安排“三公”经费支出预算表",
    "财政拨款安排机关运行经费预算表",
    "项目支出预算表（本年预算）",
    "项目支出预算表（上年结转）",
  ];
  return `${year}年${titles[n - 1] ?? ""}`;
}

/** A positive integer in Chinese numerals, as ordinals print: 1 → 一, 15 → 十五, 30 → 三十. */
export function chineseNumber(n: number): string {
  const d = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  if (n < 10) return d[n]!;
  if (n < 20) return "十" + (n % 10 ? d[n % 10] : "");
  if (n < 100) return d[Math.floor(n / 10)] + "十" + (n % 10 ? d[n % 10] : "");
  return String(n);
}

/** The number, ordinal, title and emptiness every table carries. */
export function tableBase(n: number, year: number, empty: boolean) {
  return { number: n, ordinal: `表${chineseNumber(n)}`, title: tableTitle(n, year), empty };
}

/** The source each column of the 2024 formats is named after. */
export const SOURCE_OF_KEY: Readonly<Record<SourceKey, SourceName>> = {
  general: "一般公共预算",
  fund: "政府性基金预算",
  capital: "国有资本经营预算",
  specialAccount: "财政专户管理资金",
  unitFunds: "单位资金",
};

/** 表一 / 表四's income labels. */
export const INCOME_LABEL: Readonly<Record<SourceKey, string>> = {
  general: "一、一般公共预算",
  fund: "二、政府性基金预算",
  capital: "三、国有资本经营预算",
  specialAccount: "四、财政专户管理资金",
  unitFunds: "五、单位资金",
};

/** The prose's names of the income sources (第三部分 二). */
export const PROSE_INCOME_LABEL: Readonly<Record<SourceKey, string>> = {
  general: "一般公共预算拨款收入",
  fund: "政府性基金预算拨款收入",
  capital: "国有资本经营预算拨款收入",
  specialAccount: "财政专户管理资金收入",
  unitFunds: "单位资金",
};

export const THREE_PUBLIC_KEY: Readonly<Record<A.ThreePublicItem, "overseas" | "reception" | "vehiclePurchase" | "vehicleOperation">> = {
  因公出国: "overseas",
  公务接待: "reception",
  公务用车购置: "vehiclePurchase",
  公务用车运行维护: "vehicleOperation",
};

export const THREE_PUBLIC_ROWS: readonly { key: ThreePublicKey; label: string }[] = [
  { key: "overseas", label: "因公出国（境）费" },
  { key: "reception", label: "公务接待费" },
  { key: "vehicles", label: "公务用车购置及运行费" },
  { key: "vehiclePurchase", label: "①公务用车购置费" },
  { key: "vehicleOperation", label: "②公务用车运行维护费" },
  { key: "total", label: "合计" },
];

/** The kinds of official vehicles, in the order the asset section prints them. */
export const VEHICLE_KINDS: readonly string[] = SHANXI_VEHICLE_KINDS;

/** The two project categories the prose counts, in print order. */
export const PROJECT_CATEGORIES: readonly string[] = CATEGORY.values;

/** 项目属性 and the suffix the forms print after it. */
export const ATTRIBUTE_SUFFIX: Readonly<Record<string, string>> = {
  一次性项目: "（1年结束）",
  经常性项目: "（长期开展）",
  延续性项目: "（阶段开展）",
};
