/**
 * A budget states every fact it publishes: a `待补充 "…"` statement (a fact still to be
 * written, as `yusuan import` leaves where the tables cannot say it) is reported until
 * the fact is written and the statement deleted. A warning, so that a draft still
 * builds and can be reviewed; the build prints what is missing nowhere else.
 */
import { bi } from "../../base/diagnostics.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "pending-content",
  severity: "warning",
  needsAllFigures: false,
  run(ctx) {
    for (const p of ctx.budget.pending ?? []) {
      ctx.report(p.span, bi(`待补充：${p.value}`, `still to be written: ${p.value}`), {
        hint: bi("写上这项内容，再删除这条「待补充」语句", "write this fact, then delete the 待补充 statement"),
        data: { what: p.value },
      });
    }
  },
};
