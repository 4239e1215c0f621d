/**
 * The facts every publication needs are present: the department's year, its 职责 and
 * 机构设置 (第一部分 prints them), and its kind (类型), unless each unit it declares
 * states its own (表十一 counts 机关运行经费 by kind); each project's functional subject,
 * category and at least one amount; each carry-over's subject and amount; and, in a
 * department of several declared units, the unit of each project, carry-over and
 * basic-expenditure block (表十一 to 表十三 list them by unit).
 */
import { bi } from "../../base/diagnostics.js";
import type { Span } from "../../base/source.js";
import type * as A from "../../syntax/ast.js";
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
    if (d) department(ctx, d);
    const unprinted = new Set(ctx.profileFacts?.unprinted ?? []);
    for (const p of b.projects) {
      const missing: [string, string][] = [];
      if (!p.subject) missing.push(["科目", "functional subject (科目)"]);
      if (!p.category && !unprinted.has("类别")) missing.push(["类别", "category (类别)"]);
      if (p.amounts.length === 0) missing.push(["金额", "amount"]);
      if (missing.length) report(ctx, "项目", "project", p.name, missing);
    }
    for (const c of b.carryovers) {
      const missing: [string, string][] = [];
      if (!c.subject) missing.push(["科目", "functional subject (科目)"]);
      if (c.amounts.length === 0) missing.push(["金额", "amount"]);
      if (missing.length) report(ctx, "结转", "carry-over", c.name, missing);
    }
    unitsOfItems(ctx);
  },
};

/** What the department states for 第一部分 and for its units' kinds. */
function department(ctx: RuleContext, d: A.Department): void {
  const missing: [string, string, string][] = [];
  // A fact a 待补充 statement names is already reported, as a warning, by pending-content.
  const pending = (fact: string) => (ctx.budget.pending ?? []).some((p) => new RegExp(`^\\s*${fact}\\s*[：:]`).test(p.value));
  if (!d.duties && !pending("职责")) missing.push(["职责", "职责 (duties)", "第一部分印出“本部门职责”"]);
  if (!d.organisation && !pending("机构设置") && !ctx.profileFacts?.derived.includes("机构设置")) missing.push(["机构设置", "机构设置 (organisation)", "第一部分印出“机构设置情况”"]);
  const units = ctx.budget.units;
  if (!d.kind && !pending("类型") && (units.length === 0 || units.some((u) => !u.kind))) missing.push(["类型", "类型 (kind)", "单位类型决定公用经费是否计入机关运行经费（表十一）"]);
  if (!missing.length) return;
  ctx.report(d.name.span,
    bi(
      `部门「${d.name.value}」缺少${missing.map((m) => m[0]).join("、")}：${missing.map((m) => m[2]).join("；")}，没有写就只能印出“无”或按默认值计算`,
      `the department ${d.name.value} has no ${missing.map((m) => m[1]).join(", ")}: the publication prints ${missing.length === 1 ? "it" : "them"}, and would print 无 or compute with a default instead`,
    ),
    {
      hint: bi(
        `在部门块中写出：${missing.map((m) => (m[0] === "类型" ? "类型 行政单位（或 参公事业单位、事业单位）" : `${m[0]} """…"""`)).join("、")}`,
        `write them in the department block: ${missing.map((m) => (m[0] === "类型" ? "类型 行政单位 (or 参公事业单位, 事业单位)" : `${m[0]} """…"""`)).join(", ")}`,
      ),
      data: { missing: missing.map((m) => m[0]).join(",") },
    });
}

/**
 * In a department of several declared units, every item names its unit: an item that
 * names none would be listed under the department itself, a unit that is not declared.
 */
function unitsOfItems(ctx: RuleContext): void {
  const b = ctx.budget;
  if (b.units.length < 2) return;
  const names = b.units.map((u) => u.name.value).join("、");
  const hint = bi(`本部门有 ${b.units.length} 个预算单位（${names}）：写 单位 "单位名称"`, `the department has ${b.units.length} budget units (${names}): write 单位 "unit name"`);
  const report = (span: Span, zh: string, en: string) =>
    ctx.report(span, bi(`${zh}没有写所属单位：本部门有多个预算单位，表十一至表十三按单位列出`, `${en} names no unit: the department has several budget units, and 表十一 to 表十三 list by unit`), { hint, data: { units: String(b.units.length) } });
  for (const p of b.projects) if (!p.unit) report(p.name.span, `项目「${p.name.value}」`, `the project ${p.name.value}`);
  for (const c of b.carryovers) if (!c.unit) report(c.name.span, `结转「${c.name.value}」`, `the carry-over ${c.name.value}`);
  // Lines without a unit are reported once, at the first of them.
  const lines = b.basic.filter((l) => !l.unit);
  if (lines.length) report(lines[0]!.span, `基本支出（${lines.length} 行）`, `${lines.length} basic-expenditure line(s)`);
}

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
