/**
 * How a project's 经济科目 lines place its money, as `economicItems` (items.ts) places it
 * into the figures classified economically ("三公"): one line without an amount makes the
 * whole project that subject, in each of its sources; lines that all have amounts split a
 * project of one amount (one source), each line in that source. Anything else places
 * nothing, and the checker says why (project-economic-total): lines with and without
 * amounts, several lines without, or lines with amounts on a project of several sources,
 * which cannot tell which source pays which line.
 */
import type * as A from "../syntax/ast.js";

export type EconomicPlacement = "none" | "whole" | "lines" | "mixed" | "several-whole" | "several-sources";

export function economicPlacement(p: A.Project): EconomicPlacement {
  const lines = p.economic;
  if (lines.length === 0) return "none";
  const withAmount = lines.filter((l) => l.money !== undefined).length;
  if (withAmount === 0) return lines.length === 1 ? "whole" : "several-whole";
  if (withAmount < lines.length) return "mixed";
  return p.amounts.length > 1 ? "several-sources" : "lines";
}
