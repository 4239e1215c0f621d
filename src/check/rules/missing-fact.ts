/**
 * The facts every publication needs are present: the department's year; each project's
 * functional subject, category and at least one amount; each carry-over's subject and
 * amount.
 */
import { bi } from "../../base/diagnostics.js";
import type { Span } from "../../base/source.js";
import type { Rule, RuleContext } from "../rule.js";

export const rule: Rule = {
  code: "missing-fact",
  severity: "error",
  // A fact whose value could not be read is left out by lowering and already reported.
  needsAllFigures: true,
  run(ctx) {
    const b = ctx.budget;
    const d = b.department;
    if (d && !d.year) {
      ctx.report(d.name.span, bi(`部门「${d.name.value}」没有写年度：表题、目录和情况说明都要用到预算年度`, `the department ${d.name.value} has no 年度 (year): table titles and the explanations all print it`), {
          hint: bi("在部门块中写 年度 2024", "write 年度 2024 in the department block"),
        });
    }
    for (const p of b.projects) {
      const missing: [string, string][] = [];
      if (!p.subject) missing.push(["科目", "functional subject (科目)"]);
      if (!p.category) missing.push(["类别", "category (类别)"]);
      if (p.amounts.length === 0) missing.push(["金额", "amount"]);
      if (missing.length) report(ctx, "项目", "project", p.name, missing);
    }
    for (const c of b.carryovers) {
      const missing: [string, string][] = [];
      if (!c.subject) missing.push(["科目", "functional subject (科目)"]);
      if (c.amounts.length === 0) missing.push(["金额", "amount"]);
      if (missing.length) report(ctx, "结转", "carry-over", c.name, missing);
    }
  },
};

function report(ctx: RuleContext, zh: string, en: string, name: { value: string; span: Span }, missing: [string, string][]): void {
  const zhList = missing.map((m) => m[0]).join("、");
  const enList = missing.map((m) => m[1]).join(", ");
  ctx.report(name.span, bi(`${zh}「${name.value}」缺少${zhList}`, `the ${en} ${name.value} has no ${enList}`), {
      hint: bi(
        "项目要写 科目（功能分类项）、类别（其他运转类或特定目标类）和至少一个来源的金额，如 一般公共预算 3.00万元",
        "a project needs 科目 (a functional subject), 类别 (其他运转类 or 特定目标类) and an amount from at least one source, like 一般公共预算 3.00万元",
      ),
      data: { missing: missing.map((m) => m[0]).join(",") },
    });
}
