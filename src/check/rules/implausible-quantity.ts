/**
 * Counts and percentages are sensible: head counts, vehicles and equipment are whole
 * numbers of their unit, a project period is at least one year, an office area is not
 * negative, and a satisfaction rate lies between 0% and 100%.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import { Dec } from "../../base/money.js";
import { forEachIndicatorList, formName, level } from "../facts.js";
import type { Rule, RuleContext } from "../rule.js";

const WHOLE = /^\d+$/;

function checkCount(ctx: RuleContext, q: A.Quantity | undefined, what: Bilingual, units: readonly string[], min = 0): void {
  if (!q) return;
  const whole = WHOLE.test(q.number) && Number(q.number) >= min;
  const unitOk = units.includes(q.unit);
  if (whole && unitOk) return;
  const expected = bi(`${min > 0 ? "正" : "非负"}整数${units.filter(Boolean).length ? `，单位为${units.filter(Boolean).join("或")}` : ""}`, `a ${min > 0 ? "positive" : "non-negative"} whole number${units.filter(Boolean).length ? ` of ${units.filter(Boolean).join(" or ")}` : ""}`);
  ctx.report(q.span, bi(`${what.zh}写作 ${q.text}，应为${expected.zh}`, `${what.en} is written ${q.text}; it is ${expected.en}`), {
      hint: bi(`例如 ${example(q, min)}${units.find(Boolean) ?? ""}`, `for example ${example(q, min)}${units.find(Boolean) ?? ""}`),
      data: { value: q.text },
    });
}

/** A whole number near the one written, at least `min`, for the hint. */
function example(q: A.Quantity, min: number): number {
  const n = Math.trunc(Math.abs(Number(q.number)));
  return Number.isFinite(n) && n >= min ? n : Math.max(min, 1);
}

export const rule: Rule = {
  code: "implausible-quantity",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    const s = b.department?.staffing;
    const people = ["人", ""];
    checkCount(ctx, s?.authorized, bi("核定编制", "核定编制 (authorised posts)"), people);
    checkCount(ctx, s?.actual, bi("实际在职", "实际在职 (staff in post)"), people);
    checkCount(ctx, s?.established, bi("其中在编", "其中在编 (established staff)"), people);
    checkCount(ctx, s?.other, bi("其他人员", "其他人员 (other staff)"), people);
    const period = bi("项目期", "项目期 (project period)");
    const years = ["年", ""];
    for (const p of b.projects) if (p.performance?.duration) checkCount(ctx, p.performance.duration, period, years, 1);
    for (const f of b.forms) checkCount(ctx, f.duration, bi("项目期", "项目期 (project period)"), ["年", ""], 1);
    const a = b.assets;
    if (a) {
      checkCount(ctx, a.vehicleQuota, bi("车辆编制", "车辆编制 (vehicle quota)"), ["辆", ""]);
      for (const v of a.vehicles) checkCount(ctx, v.count, bi(`${v.kind.value}数`, `the number of ${v.kind.value}`), ["辆", ""]);
      for (const e of a.equipment) checkCount(ctx, e.count, bi(`${e.threshold.text}以上设备数`, `the equipment count above ${e.threshold.text}`), ["台（套）", "台(套)", "台", "套", ""]);
      const area = a.officeArea;
      if (area && (area.number.startsWith("-") || !["平方米", "㎡", "m²", ""].includes(area.unit))) {
        ctx.report(area.span, bi(`办公用房面积写作 ${area.text}，应为非负的平方米数`, `the office area is written ${area.text}; it is a non-negative number of 平方米`), {
            hint: bi("例如 280平方米", "for example 280平方米"),
            data: { value: area.text },
          });
      }
    }
    forEachIndicatorList(b, (indicators, kind, owner) => {
      for (const ind of indicators) {
        if (level(ind.level1.value) !== "满意度" && !ind.name.value.includes("满意")) continue;
        // One value written for both columns is one object: report it once.
        for (const v of ind.period === ind.annual ? [ind.period] : [ind.period, ind.annual]) {
          if (!v || v.unit !== "%" || v.number === undefined) continue;
          // Most rates are a plain number of at most two digits: no decimal needed for those.
          if (/^\d{1,2}(\.\d+)?$/.test(v.number)) continue;
          const n = new Dec(v.number);
          if (n.gte(0) && n.lte(100)) continue;
          const where = formName(kind, owner);
          ctx.report(v.span, bi(`${where.zh}的满意度指标「${ind.name.value}」写作 ${v.text}，满意度在 0% 到 100% 之间`, `the satisfaction indicator ${ind.name.value} in ${where.en} is ${v.text}; a satisfaction rate lies between 0% and 100%`), {
              hint: bi("例如 ≥95%", "for example ≥95%"),
              data: { value: v.text },
            });
        }
      }
    });
  },
};
