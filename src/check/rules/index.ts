/**
 * The checker's rules, in the order they run. Each entry's code is its file name.
 */
import type { Rule } from "../rule.js";

export const RULES: readonly Rule[] = [];
