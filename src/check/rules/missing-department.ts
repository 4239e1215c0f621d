/**
 * A budget has a department (部门): every disclosure is the budget of one department,
 * named with its code, and every table title and sentence names it.
 */
import { bi } from "../../base/diagnostics.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "missing-department",
  severity: "error",
  // A department block that could not be read is already reported by the parser.
  needsAllFigures: true,
  run(ctx) {
    const b = ctx.budget;
    if (b.department || b.files.length === 0) return;
    ctx.report({ file: b.files[0]!, start: 0, end: 0 }, bi("预算没有「部门」：公开文件的每张表和每段说明都要写明部门", "the budget has no 部门 (department): every table and sentence of the disclosure names it"), {
        hint: bi('在入口文件开头写 部门 609 "部门名称" { 年度 2024 }', 'start the entry file with 部门 609 "部门名称" { 年度 2024 }'),
      });
  },
};
