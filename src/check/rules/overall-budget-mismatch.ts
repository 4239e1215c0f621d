/**
 * Each figure the overall performance form declares under 年度预算情况 equals the
 * budget's: 合计 = 本年收入合计, each source = this year's income from it, 基本支出 = Σ
 * basic lines, 项目支出 = Σ projects (表十二), all of the current year.
 */
import { bi, type Bilingual, type Related } from "../../base/diagnostics.js";
import type { Fen } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { basicLine, differenceText, linesOfSource, MAX_RELATED, plainWan, projectLine, relatedLines, wanText, yuanText } from "../facts.js";
import { sourceTotal } from "../../model/totals.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "overall-budget-mismatch",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const b = ctx.budget;
    const declared = b.overall?.declaredBudget;
    if (!declared) return;
    const t = ctx.model.totals;
    const { basic, project } = t.direction;
    /** Reports a declared figure that differs from the derived one; the lines are described only then. */
    const compare = (label: Bilingual, m: A.Money | undefined, want: Fen, derived: () => { text: Bilingual; related: Related[] }) => {
      if (!m || m.fen === want) return;
      const show = (fen: Fen) => (m.unit === "元" ? yuanText(fen) : wanText(fen));
      const d = derived();
      ctx.report(m.span,
          bi(
            `整体支出绩效目标申报表的年度预算「${label.zh}」写作 ${show(m.fen)}，但${d.text.zh}为 ${show(want)}（相差 ${differenceText(m.fen, want, m.unit)}）`,
            `the overall form's 年度预算 ${label.en} declares ${show(m.fen)} but ${d.text.en} ${show(want)} (difference ${differenceText(m.fen, want, m.unit)})`,
          ),
          {
            related: d.related,
            hint: bi("年度预算情况由预算推导，可以不写；写了就必须与预算一致", "the 年度预算 block derives from the budget and can be left out; a figure written there must agree with it"),
            data: { figure: label.zh, declared: plainWan(m.fen), derived: plainWan(want), difference: plainWan(Math.abs(m.fen - want)) },
          });
    };
    const projects = () => relatedLines(b.projects, (p) => p.amounts.length > 0, (p) => projectLine(p));
    const basics = () => relatedLines(b.basic, () => true, basicLine);

    compare(bi("合计", "合计 (total)"), declared.sum, t.current.total, () => ({
      text: bi(`本年收入合计（基本支出 ${wanText(basic)} + 项目支出 ${wanText(project)}）`, `this year's income (basic ${wanText(basic)} + projects ${wanText(project)}) is`),
      related: [...projects().related, ...basics().related].slice(0, MAX_RELATED),
    }));
    for (const a of declared.bySource) {
      compare(bi(a.source, a.source), a.money, sourceTotal(t, a.source), () => ({
        text: bi(`本年${a.source}收入`, `this year's ${a.source} income is`),
        related: linesOfSource(b, a.source).related,
      }));
    }
    // The budget has no 社会保险基金预算 source: a department budget's share of it is zero.
    compare(bi("社会保险基金预算", "社会保险基金预算"), declared.socialInsurance, 0, () => ({
      text: bi("部门预算中的社会保险基金预算资金", "a department budget's 社会保险基金预算 is"),
      related: [],
    }));
    compare(bi("基本支出", "基本支出 (basic expenditure)"), declared.basic, basic, () => {
      const l = basics();
      return { text: bi(`${l.count} 条基本支出合计`, `the ${l.count} basic line${l.count === 1 ? "" : "s"} sum to`), related: l.related };
    });
    compare(bi("项目支出", "项目支出 (projects)"), declared.project, project, () => {
      const l = projects();
      return { text: bi(`表十二 ${l.count} 个项目合计`, `the ${l.count} project${l.count === 1 ? "" : "s"} of 表十二 sum to`), related: l.related };
    });
  },
};
