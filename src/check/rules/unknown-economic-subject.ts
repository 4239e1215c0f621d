/**
 * Every economic subject (部门预算支出经济分类) of a basic line or a project's 经济科目 is
 * in the catalogue in use; a code that is not is a warning naming that catalogue, and an
 * error when the catalogue's 部门 list declares itself complete. A code last year's
 * catalogue had is left to subject-changed.
 */
import { bi } from "../../base/diagnostics.js";
import { MAX_RELATED } from "../facts.js";
import { ECONOMIC_SHAPE, economicCodes, reportedAsChanged, usedByBasicLine } from "../subjects.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "unknown-economic-subject",
  severity: "warning",
  alsoAs: ["error"],
  needsAllFigures: false,
  run(ctx) {
    const cat = ctx.catalogue;
    for (const use of economicCodes(ctx.budget)) {
      const { code, uses } = use;
      if (!ECONOMIC_SHAPE.test(code) || cat.economic(code)) continue;
      if (reportedAsChanged(ctx.previousCatalogue, cat, "department", code)) continue;
      const basic = usedByBasicLine(ctx.budget, use);
      const cls = code.length === 5 ? cat.economic(code.slice(0, 3)) : undefined;
      const times = uses.length > 1 ? bi(`（用了 ${uses.length} 次）`, ` (used ${uses.length} times)`) : bi("", "");
      ctx.report(uses[0]!.span,
          bi(`经济分类科目 ${code} 不在所用的分类目录（${cat.description}）中${times.zh}`, `the economic subject ${code} is not in the catalogue in use (${cat.description})${times.en}`),
          {
            ...(cat.isComplete("department") ? { severity: "error" as const } : {}),
            related: uses.slice(1, 1 + MAX_RELATED).map((u) => ({ span: u.span, message: bi(`${code} 也用在这里`, `${code} is also used here`) })),
            hint: basic
              ? bi(
                  `没有这一科目，表六无法把它归入人员经费或公用经费${cls ? `；类 ${cls.code} ${cls.name} 下没有这一款` : ""}`,
                  `without it, 表六 cannot place the line under 人员经费 or 公用经费${cls ? `; the 类 ${cls.code} ${cls.name} has no such 款` : ""}`,
                )
              : bi(
                  `没有这一科目，无法判断项目的这部分支出是否属于“三公”经费${cls ? `；类 ${cls.code} ${cls.name} 下没有这一款` : ""}`,
                  `without it, whether this part of the project's spending is 三公 cannot be known${cls ? `; the 类 ${cls.code} ${cls.name} has no such 款` : ""}`,
                ),
            data: { subject: code, catalogue: cat.description, uses: String(uses.length) },
          });
    }
  },
};
