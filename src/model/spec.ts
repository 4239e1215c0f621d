/**
 * What a profile asks the model to derive besides the standard tables: tables defined as
 * data (profile.json `tables` of a generic kind), each a sum of the budget's amounts
 * filtered by source, kind and economic class, laid out by functional subject, economic
 * subject, the 类 beside the income sources, or in a single row. A region whose format
 * differs in columns, sources or row selection states its tables here, with no code.
 *
 * Plain types: render/profile.ts validates profile.json against the zod schema of the
 * same shape, and the model reads these.
 */
import type { Source, ThreePublicItem } from "../syntax/ast.js";

/** The kind of an amount: a basic line, a project (this year), a carry-over. */
export type ItemKind = "basic" | "project" | "carryover";

/**
 * Which amounts count: all conditions hold (a missing one does not restrict). The
 * economic conditions (class, 三公 item, 机关运行经费) apply to amounts with an economic
 * subject: basic lines, and projects that state theirs.
 */
export interface ItemFilter {
  readonly sources?: readonly Source[];
  readonly kinds?: readonly ItemKind[];
  readonly economicClass?: "人员经费" | "公用经费";
  readonly threePublic?: readonly ThreePublicItem[];
  /** 机关运行经费: 公用经费 of basic lines of 行政单位 and 参公事业单位. */
  readonly running?: boolean;
}

/** A column of amounts: its key in the model, its label, and which amounts it sums. */
export interface ColumnSpec {
  readonly key: string;
  readonly label: string;
  readonly filter?: ItemFilter;
  /** A header printed over consecutive columns of the same group. */
  readonly group?: string;
}

/** An income line of a summary: a label and the amounts it sums. */
export interface IncomeLineSpec {
  readonly label: string;
  readonly filter?: ItemFilter;
  /** 0 for a line, 1 for a line under the one before it (printed indented). */
  readonly level?: number;
}

interface BaseSpec {
  readonly id: string;
  /** The title, with {year} for the budget's year. */
  readonly title: string;
  /** The amounts the whole table counts (each column narrows it further). */
  readonly filter?: ItemFilter;
}

/** Rows by functional subject (类 › 款 › 项), only subjects with an amount; a 合计 row. */
export interface SubjectTreeSpec extends BaseSpec {
  readonly kind: "subject-tree";
  readonly columns: readonly ColumnSpec[];
}

/** Rows by 部门预算支出经济分类 (类 › 款), only subjects with an amount; a 合计 row. */
export interface EconomicTreeSpec extends BaseSpec {
  readonly kind: "economic-tree";
  readonly columns: readonly ColumnSpec[];
}

/** Income lines beside the expenditure by 类 (only 类 with an amount), and the two totals. */
export interface SourceSummarySpec extends BaseSpec {
  readonly kind: "source-summary";
  readonly income: readonly IncomeLineSpec[];
  readonly columns: readonly ColumnSpec[];
}

/** One row of columns (the 三公 items beside 机关运行经费). */
export interface SingleRowSpec extends BaseSpec {
  readonly kind: "single-row";
  readonly columns: readonly ColumnSpec[];
}

export type DerivedTableSpec = SubjectTreeSpec | EconomicTreeSpec | SourceSummarySpec | SingleRowSpec;

/** The generic kinds, for the profile schema. */
export const DERIVED_KINDS = ["subject-tree", "economic-tree", "source-summary", "single-row"] as const;

/** The profile a budget is published in when neither it nor the command line names one. */
export const DEFAULT_PROFILE = "shanxi-13";

/**
 * The profiles a command can publish in, as the checker sees them: their names, and what
 * the model needs of each. The command line reads the profile folders; the checker picks
 * the budget's (the command line's --profile, else the budget's 公开格式, else the default).
 */
export interface ProfileSource {
  /** The profile named on the command line: it takes the place of the budget's. */
  readonly override?: string;
  /** Every profile there is, for the check of the name a budget gives. */
  readonly names: readonly string[];
  /** What the model needs of a profile in a year (its variant for that year); undefined when it cannot be read. */
  spec(name: string, year?: number): ModelSpec | undefined;
  /** Which facts a profile prints, derives or leaves out, for the checks of facts; undefined when it cannot be read. */
  facts?(name: string): ProfileFacts | undefined;
}

/**
 * The facts a profile treats otherwise than the default format (shanxi-13) does, by the
 * statement's keyword: `printed`, facts it prints that the default prints only in parts a
 * budget may lack (地区 on Shanghai's cover); `derived`, facts it can write itself when the
 * budget leaves them out (机构设置 from the units); `unprinted`, facts the default requires
 * that it never prints (a project's 类别 in Shanghai's format).
 */
export interface ProfileFacts {
  readonly printed: readonly string[];
  readonly derived: readonly string[];
  readonly unprinted: readonly string[];
  /** The precision the tables print amounts in ("0.01万元", "1元"); 0.01万元 when absent. */
  readonly precision?: string;
}

/** The profile a budget is published in. */
export function profileNameOf(budget: { readonly department?: { readonly profile?: { readonly value: string } } }, profiles?: Pick<ProfileSource, "override">): string {
  return profiles?.override ?? budget.department?.profile?.value ?? DEFAULT_PROFILE;
}

/** What the model needs of a profile. */
export interface ModelSpec {
  /** The profile's name, recorded in the publication. */
  readonly name: string;
  readonly tables: readonly DerivedTableSpec[];
  /** The vehicle kinds the asset section lists, in order (each printed, 0 when none). */
  readonly vehicleKinds?: readonly string[];
  /** How the explanations compute a change in percent (explanations.ts); exact by default. */
  readonly percentBase?: "exact" | "wan-2";
  /** The order of the project forms: 表十二's (the default), or by project name in pinyin order. */
  readonly formOrder?: "table" | "name";
}
