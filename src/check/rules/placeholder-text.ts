/**
 * No placeholder survives into a publication: no text of the budget contains XX, xxx,
 * ××, 待填写, 请填写, 待补充, 某某, {单位} or {部门}, and the department's code is not
 * all zeros. A placeholder followed by a colon carries its instruction (`"待填写：部门全称"`,
 * as the starter of `yusuan init` writes them): the hint repeats it.
 */
import { bi } from "../../base/diagnostics.js";
import { forEachText, spanWithin } from "../facts.js";
import type { Rule } from "../rule.js";

/** The instruction after a placeholder and a colon: up to the end of its line or sentence. */
const INSTRUCTION = /^[：:]\s*([^\n。]{1,80})/;
const PLACEHOLDER = /[XＸ]{2,}|[xｘ]{3,}|×{2,}|待填写|请填写|待补充|某某|[{｛](单位|部门)[}｝]/;

export const rule: Rule = {
  code: "placeholder-text",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    forEachText(ctx.budget, (text, span) => {
      const m = PLACEHOLDER.exec(text);
      if (!m) return;
      const at = Math.max(0, m.index - 12);
      const end = m.index + m[0].length + 12;
      const excerpt = `${at > 0 ? "…" : ""}${text.slice(at, end).replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`;
      const instruction = INSTRUCTION.exec(text.slice(m.index + m[0].length))?.[1]?.trim();
      ctx.report(spanWithin({ value: text, span }, m.index, m[0].length), bi(`文字中留有占位符“${m[0]}”：${excerpt}`, `the text still holds the placeholder “${m[0]}”: ${excerpt}`), {
          hint: instruction
            ? bi(`在此写${instruction}，并删去“${m[0]}：”`, `write here: ${instruction} (and remove “${m[0]}：”)`)
            : bi("填写实际内容后再发布", "write the actual content before publishing"),
          data: { placeholder: m[0], ...(instruction ? { instruction } : {}) },
        });
    });
    const code = ctx.budget.department?.code;
    if (code && /^0+$/.test(code.value)) {
      ctx.report(code.span, bi(`部门编码 ${code.value} 是占位符`, `the department code ${code.value} is a placeholder`), {
        hint: bi("写上财政部门给本部门的编码，如 609", "write the code the finance bureau gave the department, like 609"),
        data: { placeholder: code.value },
      });
    }
  },
};
