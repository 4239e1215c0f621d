/**
 * Once a budget publishes performance forms, each project of 表十二 has exactly one: its
 * own 绩效 block or one form written on its own that names it.
 */
import { bi } from "../../base/diagnostics.js";
import { nameKey } from "../../base/names.js";
import { guessOrphanOwners } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "performance-form-count",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    const attachment = ctx.model.attachment;
    const { anyForms, formsOf, projectByName } = attachment;
    // A budget without any form does not publish them (some profiles publish key projects only).
    if (!anyForms) return;
    b.projects.forEach((p, i) => {
      // A later project of a repeated name is reported by duplicate-name.
      if (projectByName.get(nameKey(p.name.value)) !== i) return;
      const forms = formsOf[i]!;
      if (forms.length === 0) {
        // A form filed under a near name is reported once, by unresolved-reference.
        if (guessOrphanOwners(b, attachment).claimed.has(i)) return;
        ctx.report(p.name.span, bi(`项目「${p.name.value}」没有绩效目标表`, `the project ${p.name.value} has no performance form`), {
            hint: bi("在项目中写「绩效 { … }」，或在顶层写「绩效 \"项目名\" { … }」", `write a 绩效 { … } block in the project, or 绩效 "${p.name.value}" { … } at the top level`),
            data: { project: p.name.value },
          });
        return;
      }
      for (const extra of forms.slice(1)) {
        ctx.report(extra.project?.span ?? extra.span, bi(`项目「${p.name.value}」有 ${forms.length} 张绩效目标表，应只有一张`, `the project ${p.name.value} has ${forms.length} performance forms; it has exactly one`), {
            related: [
              forms[0] === p.performance
                ? { span: p.name.span, message: bi("项目自己的「绩效」块是第一张", "the project's own 绩效 block is the first") }
                : { span: forms[0]!.project?.span ?? forms[0]!.span, message: bi("第一张在这里", "the first is here") },
            ],
            hint: bi("合并为一张，删除多余的", "merge them into one and remove the others"),
            data: { project: p.name.value, forms: String(forms.length) },
          });
      }
    });
  },
};
