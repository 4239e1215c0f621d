/**
 * Staffing adds up: 实际在职 = 其中在编 + 其他人员, and 其中在编 does not exceed 核定编制.
 */
import { bi } from "../../base/diagnostics.js";
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../rule.js";

/** A head count read from a quantity: a whole number, else undefined (implausible-quantity reports it). */
function count(q: A.Quantity | undefined): number | undefined {
  return q && /^\d+$/.test(q.number) ? Number(q.number) : undefined;
}

export const rule: Rule = {
  code: "staffing-sum",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const s = ctx.budget.department?.staffing;
    if (!s) return;
    const actual = count(s.actual);
    const established = count(s.established);
    const other = count(s.other);
    const authorized = count(s.authorized);
    if (actual !== undefined && established !== undefined && other !== undefined && actual !== established + other) {
      const diff = Math.abs(actual - (established + other));
      ctx.report(s.actual!.span,
          bi(
            `实际在职 ${actual}人，但其中在编 ${established}人 + 其他人员 ${other}人 = ${established + other}人（相差 ${diff}人）`,
            `实际在职 (staff in post) is ${actual} but 其中在编 ${established} + 其他人员 ${other} = ${established + other} (difference ${diff})`,
          ),
          {
            related: [
              { span: s.established!.span, message: bi(`其中在编 ${established}人`, `其中在编 ${established}`) },
              { span: s.other!.span, message: bi(`其他人员 ${other}人`, `其他人员 ${other}`) },
            ],
            hint:
              actual > established
                ? bi(`若实际在职 ${actual}人无误，其他人员应为 ${actual - established}人`, `if ${actual} in post is right, 其他人员 is ${actual - established}`)
                : bi("实际在职人数等于在编人数加其他人员", "the staff in post are the established staff plus the others"),
            data: { actual: String(actual), established: String(established), other: String(other) },
            ...(actual > established
              ? { fix: { title: bi(`其他人员改为 ${actual - established}${s.other!.unit}`, `write ${actual - established}${s.other!.unit} for 其他人员`), span: s.other!.span, replacement: `${actual - established}${s.other!.unit}` } }
              : {}),
          });
    }
    if (established !== undefined && authorized !== undefined && established > authorized) {
      ctx.report(s.established!.span,
          bi(`其中在编 ${established}人，超过核定编制 ${authorized}人（多 ${established - authorized}人）`, `其中在编 ${established} exceeds the 核定编制 (authorised posts) of ${authorized} (by ${established - authorized})`),
          {
            related: [{ span: s.authorized!.span, message: bi(`核定编制 ${authorized}人`, `核定编制 ${authorized}`) }],
            hint: bi("在编人数不能超过核定编制", "established staff cannot exceed the authorised posts"),
            data: { established: String(established), authorized: String(authorized) },
          });
    }
  },
};
