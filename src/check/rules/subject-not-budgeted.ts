/**
 * A subject named by a 用途, an 执行数 or a 变动原因 has 财政拨款 spending this year: the
 * formats that print them print one item per subject of this year's 财政拨款 spending, so
 * a code without such spending is never printed, and is most likely a slip in the code.
 * A code the catalogue does not know is reported by unknown-subject instead.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import type { Span } from "../../base/source.js";
import { FUNCTIONAL_SHAPE } from "../subjects.js";
import type { Rule } from "../rule.js";

/** Two codes of one length that differ in one digit, or in two neighbouring digits swapped. */
function nearMiss(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

export const rule: Rule = {
  code: "subject-not-budgeted",
  severity: "warning",
  needsAllFigures: true,
  run(ctx) {
    const b = ctx.budget;
    const fiscal = ctx.model.functional.fiscal;
    const uses: { code: string; span: Span; what: Bilingual }[] = [];
    for (const p of b.purposes) uses.push({ code: p.code.value, span: p.code.span, what: bi("用途", "a purpose (用途)") });
    for (const e of b.lastYear?.executed ?? []) uses.push({ code: e.code.value, span: e.code.span, what: bi("上年执行数", "last year's 执行数") });
    for (const r of b.lastYear?.reasons ?? []) if (/^\d+$/.test(r.figure.value)) uses.push({ code: r.figure.value, span: r.figure.span, what: bi("变动原因", "a reason (变动原因)") });
    if (!uses.length) return;
    // Candidates for "did you mean": the subjects this year's 财政拨款 spends on.
    let spent: string[] | undefined;
    for (const u of uses) {
      if (fiscal.at(u.code)?.total) continue;
      if (FUNCTIONAL_SHAPE.test(u.code) && !ctx.catalogue.functional(u.code)) continue;
      spent ??= fiscal.rows(ctx.catalogue).filter((r) => r.cells.total !== 0).map((r) => r.code);
      const near = spent.filter((c) => nearMiss(c, u.code));
      const name = ctx.catalogue.functional(u.code)?.name;
      const subject = name ? `${u.code} ${name}` : u.code;
      ctx.report(u.span,
        bi(`${u.what.zh}写给了科目 ${subject}，但本年预算在这一科目没有财政拨款支出`, `${u.what.en} names the subject ${subject}, which has no 财政拨款 spending this year`),
        {
          hint: near.length
            ? bi(`是不是 ${near.join("、")}？编制说明只列本年有财政拨款支出的科目`, `did you mean ${near.join(", ")}? the explanations list only the subjects of this year's 财政拨款 spending`)
            : bi("核对科目编码：编制说明只列本年有财政拨款支出的科目", "check the code: the explanations list only the subjects of this year's 财政拨款 spending"),
          data: { subject: u.code, ...(near.length ? { suggestion: near.join(",") } : {}) },
        });
    }
  },
};
