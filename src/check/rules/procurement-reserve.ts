/**
 * The 政府采购 reservations nest: the amount reserved for small and micro enterprises
 * (小微企业预留) is part of the amount reserved for small and medium ones (中小企业预留),
 * which is part of the 政府采购 budget (its declared 总额, else goods + works + services).
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { sum } from "../../base/money.js";
import type * as A from "../../syntax/ast.js";
import { differenceText, moneyText, plainWan, wanText } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "procurement-reserve",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    const p = ctx.budget.procurement;
    if (!p) return;
    const parts = [p.goods, p.works, p.services].filter((m): m is A.Money => m !== undefined);
    const total = p.declaredTotal?.fen ?? (parts.length ? sum(parts.map((m) => m.fen)) : undefined);
    const totalName = p.declaredTotal ? bi("政府采购预算总额", "the 政府采购 total") : bi("货物、工程、服务合计的政府采购预算", "the 政府采购 budget of goods, works and services");
    const over = (inner: A.Money, innerName: Bilingual, outer: number, outerName: Bilingual, outerSpan: A.Money | undefined) => {
      if (inner.fen <= outer) return;
      ctx.report(inner.span,
        bi(`${innerName.zh} ${moneyText(inner)} 超过${outerName.zh} ${wanText(outer)}（多 ${differenceText(inner.fen, outer, "万元")}）`, `${innerName.en}, ${moneyText(inner)}, exceeds ${outerName.en}, ${wanText(outer)} (by ${differenceText(inner.fen, outer, "万元")})`),
        {
          related: outerSpan ? [{ span: outerSpan.span, message: bi(`${outerName.zh} ${moneyText(outerSpan)}`, `${outerName.en}: ${moneyText(outerSpan)}`) }] : [],
          hint: bi("预留给小微企业的是中小企业预留额的一部分，中小企业预留额又是政府采购预算的一部分：核对这几个数", "the small-and-micro reservation is part of the SME reservation, which is part of the 政府采购 budget: check the figures"),
          data: { stated: plainWan(inner.fen), limit: plainWan(outer) },
        });
    };
    const sme = p.smeReserved;
    const micro = p.smallMicroReserved;
    if (micro && sme) over(micro, bi("小微企业预留", "the small-and-micro reservation"), sme.fen, bi("中小企业预留", "the SME reservation"), sme);
    if (total !== undefined) {
      if (sme) over(sme, bi("中小企业预留", "the SME reservation"), total, totalName, p.declaredTotal);
      else if (micro) over(micro, bi("小微企业预留", "the small-and-micro reservation"), total, totalName, p.declaredTotal);
    }
  },
};
