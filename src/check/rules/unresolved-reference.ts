/**
 * Every name used as a reference resolves: a project, carry-over or basic-expenditure
 * block names a budget unit that exists, and a performance form written on its own names
 * a project of the budget.
 */
import { bi, type Related } from "../../base/diagnostics.js";
import { nameKey } from "../../base/names.js";
import type * as A from "../../syntax/ast.js";
import { closest, guessOrphanOwners } from "../facts.js";
import type { Rule } from "../rule.js";
import { quote } from "../../syntax/values.js";

export const rule: Rule = {
  code: "unresolved-reference",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    // Units: the declared ones, and the department itself (the unit of a one-unit department).
    // Compared by name key (base/names.ts), as the model resolves them.
    const units = new Set(b.units.map((u) => u.name.value));
    if (b.department) units.add(b.department.name.value);
    const keys = new Set([...units].map(nameKey));
    // `what` is a function: its wording is built only for a reference that fails.
    const checkUnit = (ref: A.Located<string> | undefined, describe: () => { zh: string; en: string }) => {
      if (!ref || keys.has(nameKey(ref.value))) return;
      const what = describe();
      const guess = closest(ref.value, units);
      ctx.report(ref.span, bi(`${what.zh}所属单位「${ref.value}」没有声明`, `the unit ${ref.value} named by ${what.en} is not declared`), {
          hint: guess
            ? bi(`是否应为「${guess}」？`, `did you mean ${guess}?`)
            : bi(`用 单位 "${ref.value}" 声明它，或改为已声明的单位`, `declare it with 单位 "${ref.value}", or name a declared unit`),
          data: { name: ref.value },
          ...(guess ? { fix: { title: bi(`改为「${guess}」`, `write ${guess}`), span: ref.span, replacement: quote(guess) } } : {}),
        });
    };
    const blocks = new Set<A.Located<string>>();
    for (const l of b.basic) {
      // The lines of one block share their unit reference: report it once.
      if (l.unit && !blocks.has(l.unit)) {
        blocks.add(l.unit);
        checkUnit(l.unit, () => ({ zh: "基本支出", en: "a basic-expenditure block" }));
      }
    }
    for (const p of b.projects) checkUnit(p.unit, () => ({ zh: `项目「${p.name.value}」`, en: `the project ${p.name.value}` }));
    for (const c of b.carryovers) checkUnit(c.unit, () => ({ zh: `结转「${c.name.value}」`, en: `the carry-over ${c.name.value}` }));

    // Forms written on their own name their project.
    for (const { form, guess } of guessOrphanOwners(b, ctx.model.attachment).unresolved) {
      const name = form.project;
      if (!name) continue;
      const p = guess !== undefined ? b.projects[guess] : undefined;
      const related: Related[] = p ? [{ span: p.name.span, message: bi(`项目「${p.name.value}」没有绩效目标表`, `the project ${p.name.value} has no performance form`) }] : [];
      ctx.report(name.span,
          p
            ? bi(
                `绩效目标表填报的项目「${name.value}」不存在；项目「${p.name.value}」没有绩效目标表，名称应一致`,
                `the performance form is filed under ${name.value}, which is no project; the project ${p.name.value} has no form, and the names should agree`,
              )
            : bi(`绩效目标表填报的项目「${name.value}」不存在`, `the performance form is filed under ${name.value}, which is no project`),
          {
            related,
            hint: p
              ? bi(`把绩效目标表的项目名称改为「${p.name.value}」，或把表写进该项目的「绩效」块`, `name the project ${p.name.value} on the form, or move the form into that project's 绩效 block`)
              : bi("表十二中没有这个名称的项目：核对名称，或删除这张表", "表十二 has no project of that name: check the name, or remove the form"),
            data: { name: name.value, ...(p ? { project: p.name.value } : {}) },
            ...(p ? { fix: { title: bi(`项目名称改为「${p.name.value}」`, `name the project ${p.name.value}`), span: name.span, replacement: quote(p.name.value) } } : {}),
          });
    }
  },
};
