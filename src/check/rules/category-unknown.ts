/**
 * A project's (or carry-over's) category is one of the two the prose counts: 其他运转类
 * or 特定目标类 (the set CATEGORY of syntax/enumerations.ts).
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { CATEGORY, enumValue } from "../../syntax/enumerations.js";
import { outsideSet } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "category-unknown",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const check = (what: [string, string], item: { name: A.Located<string>; category?: A.Located<string> }) => {
      const c = item.category;
      if (!c || enumValue(CATEGORY, c.value) !== undefined) return;
      const o = outsideSet(CATEGORY, c.value);
      ctx.report(c.span,
          bi(
            `${what[0]}「${item.name.value}」的类别“${c.value}”不是其他运转类或特定目标类`,
            `the category ${c.value} of the ${what[1]} ${item.name.value} is neither 其他运转类 nor 特定目标类`,
          ),
          {
            hint: bi(`${o.hint.zh}情况说明按这两类统计项目个数和金额。`, `${o.hint.en} The explanations count projects and amounts in these two categories.`),
            data: { category: c.value, ...(o.suggestion ? { suggestion: o.suggestion } : {}) },
            ...(o.suggestion ? { fix: { title: bi(`改为 ${o.suggestion}`, `write ${o.suggestion}`), span: c.span, replacement: o.suggestion } } : {}),
          });
    };
    for (const p of ctx.budget.projects) check(["项目", "project"], p);
    for (const c of ctx.budget.carryovers) check(["结转", "carry-over"], c);
  },
};
