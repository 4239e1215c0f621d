/**
 * Every functional subject code (科目, and a code a 用途, 执行数 or 变动原因 names) is in
 * the classification catalogue in use. A code that is not is a warning naming that
 * catalogue when the catalogue is partial (as the built-in ones are: the code may be
 * right), and an error when it declares itself complete. A code last year's catalogue
 * had is left to subject-changed, which names the change.
 */
import { bi } from "../../base/diagnostics.js";
import { MAX_RELATED } from "../facts.js";
import { FUNCTIONAL_SHAPE, namedFunctionalCodes, reportedAsChanged } from "../subjects.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "unknown-subject",
  severity: "warning",
  alsoAs: ["error"],
  needsAllFigures: false,
  run(ctx) {
    const cat = ctx.catalogue;
    for (const { code, uses } of namedFunctionalCodes(ctx.budget)) {
      // A code of the wrong shape is no subject at all: subject-hierarchy reports it.
      if (!FUNCTIONAL_SHAPE.test(code) || cat.functional(code)) continue;
      if (reportedAsChanged(ctx.previousCatalogue, cat, "functional", code)) continue;
      const complete = cat.isComplete("functional");
      const parent = code.length === 7 ? cat.functional(code.slice(0, 5)) : code.length === 5 ? cat.functional(code.slice(0, 3)) : undefined;
      const times = uses.length > 1 ? bi(`（用了 ${uses.length} 次）`, ` (used ${uses.length} times)`) : bi("", "");
      ctx.report(uses[0]!.span,
          bi(`功能分类科目 ${code} 不在所用的分类目录（${cat.description}）中${times.zh}`, `the functional subject ${code} is not in the catalogue in use (${cat.description})${times.en}`),
          {
            ...(complete ? { severity: "error" as const } : {}),
            related: uses.slice(1, 1 + MAX_RELATED).map((u) => ({ span: u.span, message: bi(`${code} 也用在这里`, `${code} is also used here`) })),
            hint: parent
              ? bi(
                  `${parent.level} ${parent.code} ${parent.name} 下没有这一编码；核对编码${complete ? "" : "，或在分类目录中补上它"}`,
                  `${parent.level} ${parent.code} ${parent.name} has no such code below it; check the code${complete ? "" : ", or add it to the catalogue"}`,
                )
              : ctx.catalogueIsBuiltin
                ? bi("内置目录是种子数据，并非全集；若编码无误，在「部门」块中用 分类目录 \"文件\" 指定预算主管部门的目录", "the built-in catalogue is seed data, not the full classification; if the code is right, name the budget office's catalogue with 分类目录 \"FILE\" in the 部门 block")
                : bi("核对编码是否属于本年度的政府收支分类科目", "check that the code is in this year's classification"),
            data: { subject: code, catalogue: cat.description, uses: String(uses.length) },
          });
    }
  },
};
