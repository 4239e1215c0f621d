/**
 * A department's document speaks of itself as 本部门: its own texts (duties, organisation,
 * notes, the overall form, the reasons for changes) do not say 本单位 or 我单位.
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { spanWithin } from "../facts.js";
import type { Rule } from "../rule.js";

const UNIT_WORDS = /本单位|我单位/;

export const rule: Rule = {
  code: "self-reference",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    if (!b.department) return;
    const own: (A.Located<string> | undefined)[] = [
      b.department.duties,
      b.department.organisation,
      b.notes?.purchasedServices,
      b.notes?.other,
      b.overall?.strategy,
      b.overall?.coreFunctions,
      b.overall?.keyTasks,
      b.overall?.annualGoal,
      ...(b.lastYear?.reasons ?? []).map((r) => r.text),
    ];
    for (const t of own) {
      const m = t && UNIT_WORDS.exec(t.value);
      if (!t || !m) continue;
      const line = t.value.split("\n").find((l) => l.includes(m[0]))!.trim();
      const at = spanWithin(t, m.index, m[0].length);
      // The word can be replaced in place only where its own span is known (not in a text block).
      const exact = at.end - at.start === m[0].length;
      ctx.report(at, bi(`部门预算的文字自称“${m[0]}”：${line}`, `the department's document calls itself “${m[0]}”: ${line}`), {
          hint: bi(`部门的公开文件称“本部门”（如“本部门无机关运行经费”）；改为“${line.replace(UNIT_WORDS, "本部门")}”`, `a department's document says 本部门 (as in 本部门无机关运行经费); write “${line.replace(UNIT_WORDS, "本部门")}”`),
          data: { word: m[0] },
          ...(exact ? { fix: { title: bi(`“${m[0]}”改为“本部门”`, `write 本部门 for ${m[0]}`), span: at, replacement: "本部门" } } : {}),
        });
    }
  },
};
