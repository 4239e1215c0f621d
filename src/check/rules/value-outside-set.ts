/**
 * A word of a closed set is one of its values: 类型 (行政单位, 参公事业单位, 事业单位),
 * 金额单位 (万元, 元), 属性 (一次性项目, 经常性项目, 延续性项目) and the kinds of vehicles.
 * (类别 and the indicator levels have rules of their own: category-unknown and
 * indicator-level-pair.) The sets are those of syntax/enumerations.ts.
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { ATTRIBUTE, enumValue, MONEY_UNIT, UNIT_KIND, VEHICLE_KIND, type Enumeration, FOOTER } from "../../syntax/enumerations.js";
import { outsideSet } from "../facts.js";
import type { Rule, RuleContext } from "../rule.js";

function check(ctx: RuleContext, e: Enumeration, word: A.Located<string> | undefined, what: { zh: string; en: string }, why: { zh: string; en: string }): void {
  if (!word || enumValue(e, word.value) !== undefined) return;
  const o = outsideSet(e, word.value);
  ctx.report(word.span, bi(`${what.zh}“${word.value}”不在可写的值之中：${o.allowed.zh}`, `${what.en} ${word.value} is not one of the allowed values: ${o.allowed.en}`), {
    hint: bi(`${o.hint.zh}${why.zh}`, `${o.hint.en} ${why.en}`),
    data: { value: word.value, set: e.en, ...(o.suggestion ? { suggestion: o.suggestion } : {}) },
  });
}

export const rule: Rule = {
  code: "value-outside-set",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    const kindWhy = bi("单位类型决定公用经费是否计入机关运行经费。", "The kind decides whether a unit's 公用经费 is 机关运行经费.");
    const d = b.department;
    if (d) {
      check(ctx, UNIT_KIND, d.kind, bi(`部门「${d.name.value}」的类型`, `the kind of the department ${d.name.value}`), kindWhy);
      check(ctx, MONEY_UNIT, d.moneyUnit, bi("金额单位", "the money unit"), bi("公开文件的表格以万元或元为单位。", "The tables are printed in 万元 or 元."));
    }
    for (const u of b.units) check(ctx, UNIT_KIND, u.kind, bi(`单位「${u.name.value}」的类型`, `the kind of the unit ${u.name.value}`), kindWhy);
    const attrWhy = bi("绩效目标表在项目属性后印出“（1年结束）”“（长期开展）”或“（阶段开展）”。", "The form prints (1年结束), (长期开展) or (阶段开展) after it.");
    for (const p of b.projects) check(ctx, ATTRIBUTE, p.performance?.attribute, bi(`项目「${p.name.value}」的项目属性`, `the attribute of the project ${p.name.value}`), attrWhy);
    for (const f of b.forms) check(ctx, ATTRIBUTE, f.attribute, bi(`绩效目标表「${f.project?.value ?? ""}」的项目属性`, `the attribute on the form of ${f.project?.value ?? ""}`), attrWhy);
    const footerWhy = bi("绩效目标表的落款印出负责人、经办人（或联系人）、联系电话和填报日期；“无”则不印落款。", "The form's footer prints 负责人, 经办人 (or 联系人), 联系电话 and 填报日期; 无 prints none.");
    for (const f of [...b.projects.map((p) => p.performance), ...b.forms]) check(ctx, FOOTER, f?.footer, bi("绩效目标表的落款", "the form's footer"), footerWhy);
    for (const v of b.assets?.vehicles ?? []) check(ctx, VEHICLE_KIND, v.kind, bi("车辆类别", "the vehicle kind"), bi("国有资产情况按这些类别列出车辆数。", "The state-assets section counts vehicles by these kinds."));
  },
};
