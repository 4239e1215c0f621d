/**
 * A carry-over (上年结转) is 财政拨款 money: its sources are 一般公共预算, 政府性基金预算 or
 * 国有资本经营预算, the three columns of 表十三 and of 表四's 上年财政拨款结转.
 */
import { bi } from "../../base/diagnostics.js";
import { FISCAL_SOURCES } from "../../syntax/ast.js";
import type { Rule } from "../rule.js";

const FISCAL: ReadonlySet<string> = new Set(FISCAL_SOURCES);

export const rule: Rule = {
  code: "carryover-source",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    for (const c of ctx.budget.carryovers) {
      for (const a of c.amounts) {
        if (FISCAL.has(a.source)) continue;
        ctx.report(a.span,
            bi(`结转「${c.name.value}」的来源是${a.source}，但表十三只列财政拨款（一般公共预算、政府性基金预算、国有资本经营预算）`, `the carry-over ${c.name.value} comes from ${a.source}, but 表十三 lists 财政拨款 only (一般公共预算, 政府性基金预算, 国有资本经营预算)`),
            {
              hint: bi("上年结转按财政拨款来源列示；非财政拨款的结余不在表十三中", "carry-overs are listed by 财政拨款 source; other balances are not part of 表十三"),
              data: { carryover: c.name.value, source: a.source },
            });
      }
    }
  },
};
