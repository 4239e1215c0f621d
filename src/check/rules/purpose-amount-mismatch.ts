/**
 * An amount written beside a purpose (`用途 CODE AMOUNT "…"`) is the subject's 财政拨款
 * spending of this year: what the budget's basic lines and projects spend under that
 * subject (its 项, or everything under a 款 or 类) from 一般公共预算, 政府性基金预算 and
 * 国有资本经营预算, carry-overs aside, as a format that lists the items of 财政拨款
 * spending (Shanghai's 编制说明) prints it beside the purpose. The amount is compared to
 * 0.01 of its unit at least, as that prose prints it (350.35万元 states 3,503,499元
 * rounded half-up to 0.01万元), or finer when written finer: 350万元 is not 355.00万元.
 */
import { bi } from "../../base/diagnostics.js";
import { Dec, fenToDec, fixed, groupThousands, sum } from "../../base/money.js";
import { FISCAL_SOURCES, type Source } from "../../syntax/ast.js";
import { basicLine, MAX_RELATED, moneyText, plainWan, projectLine, relatedLines, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

const FISCAL: ReadonlySet<Source> = new Set(FISCAL_SOURCES);

export const rule: Rule = {
  code: "purpose-amount-mismatch",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    for (const p of ctx.budget.purposes) {
      const m = p.money;
      if (!m) continue;
      const code = p.code.value;
      const derived = ctx.model.functional.fiscal.at(code)?.total ?? 0;
      const written = m.number.split(".")[1]?.length ?? 0;
      const decimals = Math.max(2, written);
      const exactRounded = fixed(fenToDec(derived, m.unit), decimals);
      if (new Dec(m.number).eq(exactRounded)) continue;
      // Shown as the author writes it: whole 元 without a fraction of zeros.
      const rounded = m.unit === "元" && written === 0 ? exactRounded.replace(/\.00$/, "") : exactRounded;
      const asWritten = `${groupThousands(rounded)}${m.unit}`;
      const exact = m.unit === "元" ? "" : `，即 ${yuanText(derived)}`;
      const exactEn = m.unit === "元" ? "" : `, that is ${yuanText(derived)}`;
      const diff = `${groupThousands(new Dec(m.number).minus(exactRounded).abs().toFixed(rounded === exactRounded ? decimals : 0))}${m.unit}`;
      const name = ctx.catalogue.functional(code)?.name;
      const subject = name ? `${code} ${name}` : code;
      ctx.report(m.span,
        bi(
          `用途写明科目 ${subject} ${moneyText(m)}，但本年该科目的财政拨款支出为 ${asWritten}${exact}（相差 ${diff}）`,
          `the purpose states ${moneyText(m)} for the subject ${subject}, but its 财政拨款 spending this year is ${asWritten}${exactEn} (difference ${diff})`,
        ),
        {
          related: (() => {
            // The lines that make the derived figure: projects first, then basic lines.
            const under = (s: { value: string } | undefined) => s !== undefined && s.value.startsWith(code);
            const fiscalOf = (p: (typeof ctx.budget.projects)[number]) => sum(p.amounts.filter((a) => FISCAL.has(a.source)).map((a) => a.money.fen));
            const projects = relatedLines(ctx.budget.projects, (x) => under(x.subject) && fiscalOf(x) !== 0, (x) => projectLine(x, fiscalOf(x)));
            const basic = relatedLines(ctx.budget.basic, (l) => under(l.subject) && FISCAL.has(l.source.value), basicLine);
            return [...projects.related, ...basic.related].slice(0, MAX_RELATED);
          })(),
          hint: bi(`金额由预算推导，可以不写；写了就应为 ${asWritten}`, `the amount derives from the budget and can be left out; written, it is ${asWritten}`),
          data: { subject: code, stated: m.number, derived: rounded, unit: m.unit, exact: plainWan(derived) },
        });
    }
  },
};
