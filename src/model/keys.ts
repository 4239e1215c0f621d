/**
 * The short keys of the model's per-source columns. A module of its own, without zod,
 * so that deriving (which the checker runs for last year's figures) does not load the
 * schema.
 */

/** The short keys of the five sources, in the order the tables print them. */
export const SOURCE_KEYS = ["general", "fund", "capital", "specialAccount", "unitFunds"] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];
/** The 财政拨款 sources (tables 四, 十, 十一, 十三). */
export const FISCAL_KEYS = ["general", "fund", "capital"] as const;
export type FiscalKey = (typeof FISCAL_KEYS)[number];
