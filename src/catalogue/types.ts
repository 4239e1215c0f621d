/**
 * The classification catalogue a budget is checked against: 支出功能分类 (类/款/项),
 * 部门预算支出经济分类 and 政府预算支出经济分类 with the mapping between them, and which
 * economic subjects are 人员经费, 公用经费 and each 三公 item. Catalogues are data,
 * keyed by fiscal year; a budget office can supply its own (see catalogue.ts).
 */
import type { ThreePublicItem } from "../syntax/ast.js";

export type FunctionalLevel = "类" | "款" | "项";

export interface FunctionalSubject {
  readonly code: string;
  readonly name: string;
  readonly level: FunctionalLevel;
  /** The 类 of a 款, the 款 of a 项. */
  readonly parent?: string;
}

export interface EconomicSubject {
  readonly code: string;
  readonly name: string;
  readonly level: "类" | "款";
  readonly parent?: string;
}

export type UnitKindKey = "行政单位" | "参公事业单位" | "事业单位";

export interface Catalogue {
  readonly year: number;
  /** Where the catalogue came from, for messages: "内置 2024 年目录（种子数据）" or a path. */
  readonly description: string;
  functional(code: string): FunctionalSubject | undefined;
  /** The 类 of 表一 and 表四, in order (201 … 234), with their printed ordinal names. */
  readonly lei: readonly { readonly code: string; readonly name: string; readonly label: string }[];
  economic(code: string): EconomicSubject | undefined;
  /** Every functional subject (类, 款 and 项) in code order: what an editor offers to complete a 科目. */
  readonly functionalSubjects: readonly FunctionalSubject[];
  /** Every 部门预算支出经济分类 subject (类 and 款) in code order. */
  readonly economicSubjects: readonly EconomicSubject[];
  government(code: string): EconomicSubject | undefined;
  /** The 政府预算支出经济分类 subject a 部门 economic subject maps to for a kind of unit. */
  mapToGovernment(deptCode: string, kind: UnitKindKey): string | undefined;
  /** 人员经费 or 公用经费 for a basic-expenditure economic subject. */
  personnelOrPublic(deptCode: string): "人员经费" | "公用经费" | undefined;
  /** The 三公 item an economic subject belongs to, if any. */
  threePublic(deptCode: string): ThreePublicItem | undefined;
}
