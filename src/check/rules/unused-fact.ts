/**
 * Every fact written in the source reaches the publication or a check: a fact that
 * reaches neither is usually a mistake (a reason for a figure the explanations do not
 * compare, staffing written for a form the budget does not have, a category on a
 * carry-over), so it is reported rather than dropped in silence.
 *
 * Amounts always reach a figure (every line, project and carry-over sums into 表一;
 * test/provenance.test.ts holds every written amount to that); what is checked here are
 * the facts that reach the publication only through one part of it.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import type { Span } from "../../base/source.js";
import { FISCAL_SOURCES } from "../../syntax/ast.js";
import type { Rule } from "../rule.js";

/**
 * The figures a 变动原因 can explain, and where the 上年 block states last year's value;
 * besides these, a functional subject code, compared with its 执行数.
 */
const REASON_FIGURES: readonly string[] = ["收入总计", "支出总计", "一般公共预算当年支出", "三公", "因公出国", "公务接待", "公务用车购置", "公务用车运行维护", "公务用车购置及运行", "机关运行经费", "财政拨款"];
const CODE = /^\d+$/;

export const rule: Rule = {
  code: "unused-fact",
  severity: "warning",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    const unused = (span: Span, what: Bilingual, why: Bilingual, hint: Bilingual) =>
      ctx.report(span, bi(`${what.zh}不会出现在公开文件中：${why.zh}`, `${what.en} reaches no part of the publication: ${why.en}`), { hint });

    const ly = b.lastYear;
    if (ly) {
      const stated = (figure: string): boolean => {
        if (ly.source) return true;
        switch (figure) {
          case "收入总计":
          case "支出总计":
            return ly.incomeTotal !== undefined;
          case "一般公共预算当年支出":
            return ly.generalSpending !== undefined;
          case "机关运行经费":
            return ly.runningCosts !== undefined;
          case "财政拨款":
            return ly.fiscal !== undefined || ly.bySource.some((a) => FISCAL_SOURCES.includes(a.source));
          default:
            return ly.threePublic !== undefined;
        }
      };
      const executed = new Set(ly.executed.map((e) => e.code.value));
      for (const r of ly.reasons) {
        const f = r.figure.value;
        if (CODE.test(f)) {
          // A code without spending this year is reported by subject-not-budgeted.
          if (executed.has(f) || !ctx.model.functional.fiscal.at(f)?.total) continue;
          unused(r.figure.span, bi(`科目 ${f} 的变动原因`, `the reason for the subject ${f}`), bi("上年块没有写这一科目的上年执行数，情况说明不作比较", "the 上年 block states no 执行数 of this subject for last year, so the explanations make no comparison"), bi(`在上年块中写 执行数 ${f} …`, `state 执行数 ${f} … in the 上年 block`));
        } else if (!REASON_FIGURES.includes(f)) {
          unused(r.figure.span, bi(`「${f}」的变动原因`, `the reason for ${f}`), bi("情况说明只说明这些数字的变动：" + REASON_FIGURES.join("、") + "，以及写了上年执行数的科目", "the explanations explain the changes of these figures only: " + REASON_FIGURES.join(", ") + ", and of subjects with last year's 执行数"), bi(`把原因写给其中一个数字，如 变动原因 收入总计 "…"`, `give the reason for one of them, e.g. 变动原因 收入总计 "…"`));
        } else if (!stated(f)) {
          unused(r.figure.span, bi(`「${f}」的变动原因`, `the reason for ${f}`), bi("上年块没有写这个数字的上年数，情况说明不作比较", "the 上年 block states no value of this figure for last year, so the explanations make no comparison"), bi(`在上年块中写上年的${f}`, `state last year's ${f} in the 上年 block`));
        }
      }
    }

    const d = b.department;
    const printed = new Set(ctx.profileFacts?.printed ?? []);
    if (d && !b.overall) {
      const why = bi("只有整体支出绩效目标申报表印出它，而预算没有「整体绩效」", "only the overall performance form prints it, and the budget has no 整体绩效");
      const hint = bi("写「整体绩效 { … }」，或删除它", "write the 整体绩效 { … } block, or remove it");
      const st = d.staffing;
      if (st) unused((st.authorized ?? st.actual ?? st.established ?? st.other ?? st).span, bi("「编制」", "编制 (staffing)"), why, hint);
      // A profile that writes 机构设置 from the units lists the 内设机构 when the budget writes no 机构设置 of its own.
      const derivedWithSections = ctx.profileFacts?.derived.includes("机构设置") && !d.organisation;
      if (d.sections.length && !derivedWithSections) unused(d.sections[0]!.span, bi("「内设机构」", "内设机构 (internal sections)"), why, hint);
    }
    if (d?.region && !printed.has("地区") && ctx.model.attachment.published.size === 0) {
      unused(d.region.span, bi("「地区」", "地区 (region)"), bi("它只印在项目支出绩效目标表的标题中，而预算没有项目绩效目标表", "it is printed only in the titles of the project performance forms, and the budget has none"), bi("删除它，或为项目写绩效目标表", "remove it, or write the projects' performance forms"));
    }
    for (const c of b.carryovers) {
      if (c.category) unused(c.category.span, bi(`结转「${c.name.value}」的类别`, `the category of the carry-over ${c.name.value}`), bi("表十三和情况说明都不按类别列示结转项目", "neither 表十三 nor the explanations list carry-overs by category"), bi("删除这一行", "remove the line"));
    }
  },
};
