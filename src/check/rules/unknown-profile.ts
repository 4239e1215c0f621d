/**
 * The profile a budget names in 公开格式 is one the command can publish in: a profile is a
 * folder of templates/ (shanxi-13, mof-9, shanghai …), and a name that is none of them
 * would leave the build nothing to render with. Checked when the command knows the
 * profiles (check, build, serve and the editor do).
 */
import { bi } from "../../base/diagnostics.js";
import { closest } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "unknown-profile",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const named = ctx.budget.department?.profile;
    const names = ctx.profiles;
    if (!named || !names || names.includes(named.value)) return;
    const guess = closest(named.value, names);
    const list = names.join("、");
    ctx.report(named.span, bi(`没有名为「${named.value}」的公开格式：可用的有 ${list}`, `there is no profile named ${named.value}: the profiles are ${names.join(", ")}`), {
      hint: guess
        ? bi(`是不是 ${guess}？`, `did you mean ${guess}?`)
        : bi(`写其中之一，或在 templates/ 下为本地区新建一个公开格式`, `write one of them, or make a profile for the region under templates/`),
      data: { profile: named.value, ...(guess ? { suggestion: guess } : {}) },
      ...(guess ? { fix: { title: bi(`改为 ${guess}`, `write ${guess}`), span: named.span, replacement: guess } } : {}),
    });
  },
};
