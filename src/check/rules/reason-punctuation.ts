/**
 * A reason for a change is a clause the explanations embed after “主要原因是”: it neither
 * repeats those words nor ends with punctuation, or the document prints “。。”.
 */
import { bi } from "../../base/diagnostics.js";
import type { Rule } from "../rule.js";
import { quote } from "../../syntax/values.js";

const TRAILING = /[。．.；;，,、！!？?：:]+$/;
const LEADING = /^(主要)?原因(是|为)[：:]?/;

export const rule: Rule = {
  code: "reason-punctuation",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    for (const r of ctx.budget.lastYear?.reasons ?? []) {
      const text = r.text.value.trim();
      const end = TRAILING.exec(text)?.[0];
      const start = LEADING.exec(text)?.[0];
      if (!end && !start) continue;
      const fixed = text.replace(TRAILING, "").replace(LEADING, "");
      ctx.report(r.text.span,
          end
            ? bi(`${r.figure.value}的变动原因以“${end}”结尾，而情况说明在原因之后还要加标点，会印出“${end}。”或“${end}；”`, `the reason for ${r.figure.value} ends with “${end}”, and the explanations add their own punctuation after it, printing “${end}。” or “${end}；”`)
            : bi(`${r.figure.value}的变动原因以“${start}”开头，情况说明会印成“主要原因是${start}”`, `the reason for ${r.figure.value} starts with “${start}”, so the explanations print “主要原因是${start}”`),
          {
            hint: bi(`写成一个分句：“${fixed}”`, `write it as a clause: “${fixed}”`),
            data: { figure: r.figure.value, text },
            ...(fixed && !fixed.includes("\n") ? { fix: { title: bi(`改为“${fixed}”`, `write “${fixed}”`), span: r.text.span, replacement: quote(fixed) } } : {}),
          });
    }
  },
};
