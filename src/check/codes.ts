/**
 * The checker's diagnostic codes that are not rules, declared once with their severity:
 * last year's budget (checking), and the invariants of a
 * roll-up over its departments (roll-up). Rules declare their own codes (rule.ts).
 */
import { codeTable } from "../base/diagnostics.js";

export const CHECKING_CODES = codeTable("checking", {
  "last-year-budget": "error",
});

export const ROLLUP_CODES = codeTable("roll-up", {
  "rollup-duplicate-department": "error",
  "rollup-total-mismatch": "error",
});
