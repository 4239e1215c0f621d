/**
 * A project's (or carry-over's) category is one of the two the prose counts: 其他运转类
 * or 特定目标类.
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { closest } from "../facts.js";
import type { Rule } from "../rule.js";

const CATEGORIES = ["其他运转类", "特定目标类"] as const;
const VALID: ReadonlySet<string> = new Set(CATEGORIES);

export const rule: Rule = {
  code: "category-unknown",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const check = (what: [string, string], item: { name: A.Located<string>; category?: A.Located<string> }) => {
      const c = item.category;
      if (!c || VALID.has(c.value)) return;
      const guess = closest(c.value, CATEGORIES) ?? closest(c.value.endsWith("类") ? c.value : `${c.value}类`, CATEGORIES);
      ctx.report(c.span,
          bi(
            `${what[0]}「${item.name.value}」的类别“${c.value}”不是其他运转类或特定目标类`,
            `the category ${c.value} of the ${what[1]} ${item.name.value} is neither 其他运转类 nor 特定目标类`,
          ),
          {
            hint: guess ? bi(`是否应为 ${guess}？`, `did you mean ${guess}?`) : bi("情况说明按这两类统计项目个数和金额", "the explanations count projects and amounts in these two categories"),
            data: { category: c.value },
            ...(guess ? { fix: { title: bi(`改为 ${guess}`, `write ${guess}`), span: c.span, replacement: guess } } : {}),
          });
    };
    for (const p of ctx.budget.projects) check(["项目", "project"], p);
    for (const c of ctx.budget.carryovers) check(["结转", "carry-over"], c);
  },
};
