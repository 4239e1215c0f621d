/**
 * A subject name written beside a code (科目 2010502 "一般行政管理事务") is the name the
 * catalogue gives that code; names repeat under different parents, so the code decides.
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { normaliseName } from "../facts.js";
import type { Rule } from "../rule.js";
import { quote } from "../../syntax/values.js";

export const rule: Rule = {
  code: "subject-name-mismatch",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const check = (item: { subject?: A.Located<string>; subjectName?: A.Located<string> }) => {
      if (!item.subject || !item.subjectName) return;
      const s = ctx.catalogue.functional(item.subject.value);
      if (!s || normaliseName(s.name) === normaliseName(item.subjectName.value)) return;
      ctx.report(item.subjectName.span,
          bi(
            `科目 ${s.code} 写作“${item.subjectName.value}”，但分类目录（${ctx.catalogue.description}）中它是“${s.name}”`,
            `the subject ${s.code} is named ${item.subjectName.value} here, but the catalogue (${ctx.catalogue.description}) names it ${s.name}`,
          ),
          {
            related: [{ span: item.subject.span, message: bi("编码在这里", "the code is here") }],
            hint: bi(`改为“${s.name}”，或核对编码；也可以只写编码，名称由目录给出`, `write ${s.name}, or check the code; the name can also be left out, the catalogue supplies it`),
            data: { subject: s.code, written: item.subjectName.value, catalogue: s.name },
            fix: { title: bi(`改为“${s.name}”`, `write ${s.name}`), span: item.subjectName.span, replacement: quote(s.name) },
          });
    };
    for (const p of ctx.budget.projects) check(p);
    for (const c of ctx.budget.carryovers) check(c);
  },
};
