/**
 * No placeholder survives into a publication: no text of the budget contains XX, xxx,
 * ××, 待填写, 请填写, 待补充, 某某, {单位} or {部门}.
 */
import { bi } from "../../base/diagnostics.js";
import { forEachText, spanWithin } from "../facts.js";
import type { Rule } from "../rule.js";

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
      ctx.report(spanWithin({ value: text, span }, m.index, m[0].length), bi(`文字中留有占位符“${m[0]}”：${excerpt}`, `the text still holds the placeholder “${m[0]}”: ${excerpt}`), {
          hint: bi("填写实际内容后再发布", "write the actual content before publishing"),
          data: { placeholder: m[0] },
        });
    });
  },
};
