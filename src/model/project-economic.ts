/**
 * Project spending by economic subject (经济科目 in a project): the amounts a project
 * spends under each economic subject, by source, for the figures that are classified
 * economically but paid from projects as well as from basic lines (a car bought by a
 * project is 公务用车购置费 in "三公", as one bought from basic spending is).
 *
 * A project states its economic subjects in one of two ways, and only these place its
 * money exactly:
 * - one 经济科目 line without an amount: the whole project, each source's amount as
 *   written, is spent under that subject;
 * - lines with amounts, on a project funded from one source: each line is spent from
 *   that source.
 * Any other combination (lines with and without amounts, two lines without, lines with
 * amounts on a project of several sources, which cannot tell which source pays which
 * line) places nothing: the checker reports it (project-economic-total), and no figure
 * takes a share it cannot know.
 */
import type { Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";

/** One amount of a project's spending under one economic subject. */
export interface ProjectEconomicItem {
  /** The project's index in the budget. */
  readonly index: number;
  readonly economic: string;
  readonly source: A.Source;
  /** The amount as written: the 经济科目 line's, or the project's own for a line without one. */
  readonly money: A.Money;
  readonly fen: Fen;
}

/** How a project's 经济科目 lines place its money, or why they cannot. */
export type EconomicPlacement = "none" | "whole" | "lines" | "mixed" | "several-whole" | "several-sources";

/** How the 经济科目 lines of a project place its money (see the module comment). */
export function economicPlacement(p: A.Project): EconomicPlacement {
  const lines = p.economic;
  if (lines.length === 0) return "none";
  const withAmount = lines.filter((l) => l.money !== undefined).length;
  if (withAmount === 0) return lines.length === 1 ? "whole" : "several-whole";
  if (withAmount < lines.length) return "mixed";
  return new Set(p.amounts.map((a) => a.source)).size > 1 ? "several-sources" : "lines";
}

/** The project spending of a budget by economic subject, in source order. */
export function projectEconomicItems(budget: A.Budget): ProjectEconomicItem[] {
  const out: ProjectEconomicItem[] = [];
  budget.projects.forEach((p, index) => {
    const how = economicPlacement(p);
    if (how === "whole") {
      const economic = p.economic[0]!.code.value;
      for (const a of p.amounts) out.push({ index, economic, source: a.source, money: a.money, fen: a.money.fen });
    } else if (how === "lines" && p.amounts.length > 0) {
      const source = p.amounts[0]!.source;
      for (const l of p.economic) out.push({ index, economic: l.code.value, source, money: l.money!, fen: l.money!.fen });
    }
  });
  return out;
}
