/**
 * A subject the budget uses is the one it was last year, or the change is named. When
 * the catalogue of the year before is known (last year's budget's, named by 上年 源文件,
 * or the built-in one of that year), a code it had that this year's catalogue renamed,
 * moved to another code or no longer lists is reported with the change: a rename for
 * information, a move or a disappearance as an error against a complete catalogue and a
 * warning against a partial one (which may only lack the code).
 */
import { bi } from "../../base/diagnostics.js";
import type { Catalogue } from "../../catalogue/types.js";
import { MAX_RELATED } from "../facts.js";
import { changesBetween, economicCodes, functionalCodes } from "../subjects.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "subject-changed",
  severity: "warning",
  alsoAs: ["error", "info"],
  needsAllFigures: false,
  run(ctx) {
    const prev = ctx.previousCatalogue;
    if (!prev) return;
    const cat = ctx.catalogue;
    const changes = changesBetween(prev, cat);
    const lists = [
      ["functional", functionalCodes(ctx.budget)],
      ["department", economicCodes(ctx.budget)],
    ] as const;
    for (const [list, uses] of lists) {
      for (const { code, uses: at } of uses) {
        const c = changes.get(`${list} ${code}`);
        if (!c) continue;
        const related = at.slice(1, 1 + MAX_RELATED).map((u) => ({ span: u.span, message: bi(`${code} 也用在这里`, `${code} is also used here`) }));
        const y0 = prev.year;
        const y1 = cat.year;
        const complete = cat.isComplete(list);
        const data = { subject: code, change: c.kind, from: String(y0), to: String(y1) };
        if (c.kind === "renamed") {
          ctx.report(at[0]!.span,
            bi(`科目 ${code} 在 ${y1} 年目录中改名：${y0} 年为“${c.oldName}”，${y1} 年为“${c.name}”`, `the subject ${code} was renamed in the ${y1} catalogue: ${c.oldName} in ${y0}, ${c.name} in ${y1}`),
            { severity: "info", related, hint: bi(`表中印新名称“${c.name}”；说明和源文件中仍写旧名称之处应一并修改`, `the tables print the new name ${c.name}; change the old name wherever prose or the source still writes it`), data: { ...data, old: c.oldName ?? "", name: c.name } });
        } else if (c.kind === "moved") {
          ctx.report(at[0]!.span,
            bi(`科目 ${code} ${c.name} 在 ${y1} 年目录中改为 ${c.to}`, `the subject ${code} ${c.name} is ${c.to} in the ${y1} catalogue`),
            { severity: complete ? "error" : "warning", related, hint: bi(`改用 ${c.to}`, `use ${c.to} instead`), data: { ...data, to: c.to ?? "", name: c.name } });
        } else if (!catalogueHas(cat, list, code)) {
          ctx.report(at[0]!.span,
            complete
              ? bi(`科目 ${code} ${c.name} 在 ${y1} 年目录（${cat.description}）中已取消`, `the subject ${code} ${c.name} is no longer in the ${y1} catalogue (${cat.description})`)
              : bi(`科目 ${code} ${c.name} 在 ${y0} 年目录中有，在 ${y1} 年所用的目录（${cat.description}）中没有`, `the subject ${code} ${c.name} was in the ${y0} catalogue and is not in the ${y1} catalogue in use (${cat.description})`),
            {
              severity: complete ? "error" : "warning",
              related,
              hint: complete
                ? bi(`按 ${y1} 年目录改用接替它的科目`, `use the subject that replaces it in the ${y1} catalogue`)
                : bi(`核对它在 ${y1} 年是否取消或改号；所用目录不全时，可在分类目录中补上它`, `check whether it was dropped or renumbered in ${y1}; if the catalogue in use only lacks it, add it to the catalogue`),
              data: { ...data, name: c.name },
            });
        }
      }
    }
  },
};

function catalogueHas(cat: Catalogue, list: "functional" | "department", code: string): boolean {
  return list === "functional" ? cat.functional(code) !== undefined : cat.economic(code) !== undefined;
}
