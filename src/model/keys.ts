/**
 * The short keys of the model's per-source columns, and the key of each funding source
 * as the language names it. A module of its own, without zod,
 * so that deriving (which the checker runs for last year's figures) does not load the
 * schema.
 */

import type { Source } from "../syntax/ast.js";

/** The short keys of the five sources, in the order the tables print them. */
export const SOURCE_KEYS = ["general", "fund", "capital", "specialAccount", "unitFunds"] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];
/** The 财政拨款 sources (tables 四, 十, 十一, 十三). */
export const FISCAL_KEYS = ["general", "fund", "capital"] as const;
export type FiscalKey = (typeof FISCAL_KEYS)[number];

/**
 * The column of each funding source in the 2024 formats' tables (shanxi-13, mof-9): a
 * unit's own funds, stated by kind or not, are the 单位资金 column.
 */
export const SOURCE_KEY: Readonly<Record<Source, SourceKey>> = {
  一般公共预算: "general",
  政府性基金预算: "fund",
  国有资本经营预算: "capital",
  财政专户管理资金: "specialAccount",
  单位资金: "unitFunds",
  事业收入: "unitFunds",
  事业单位经营收入: "unitFunds",
  上级补助收入: "unitFunds",
  附属单位上缴收入: "unitFunds",
  其他收入: "unitFunds",
};
