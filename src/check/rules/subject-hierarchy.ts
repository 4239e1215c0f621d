/**
 * An amount sits at the bottom of the classification: its functional subject is a 项
 * within its 款 and 类 (or a 款 that has no 项), and a basic line's or a project's
 * economic subject is a 款 within its 类.
 */
import { bi } from "../../base/diagnostics.js";
import type { Catalogue } from "../../catalogue/types.js";
import { MAX_RELATED } from "../facts.js";
import { ECONOMIC_SHAPE, economicCodes, FUNCTIONAL_SHAPE, functionalCodes, usedByBasicLine, type CodeUse } from "../subjects.js";
import type { Rule, RuleContext } from "../rule.js";

export const rule: Rule = {
  code: "subject-hierarchy",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const cat = ctx.catalogue;
    for (const use of functionalCodes(ctx.budget)) {
      const { code } = use;
      if (!FUNCTIONAL_SHAPE.test(code)) {
        report(ctx, use, bi(`功能分类科目 ${code} 不是类（3位）、款（5位）或项（7位）编码`, `the functional subject ${code} is no 类 (3 digits), 款 (5) or 项 (7) code`), bi("写项级编码，如 2010402", "write a 项 code, like 2010402"));
        continue;
      }
      const s = cat.functional(code);
      if (!s) continue; // unknown-subject reports it.
      if (s.level === "类") {
        report(ctx, use, bi(`功能分类科目 ${code} ${s.name}是类，金额要列到项`, `the functional subject ${code} ${s.name} is a 类; amounts are budgeted to a 项`), bi("选它下面的一个项", "choose a 项 under it"));
        continue;
      }
      if (s.level === "款") {
        const child = firstChild(cat, code);
        if (child) {
          report(
            ctx,
            use,
            bi(`功能分类科目 ${code} ${s.name}是款，它下面有项（如 ${child}），金额要列到项`, `the functional subject ${code} ${s.name} is a 款 with 项 below it (such as ${child}); amounts are budgeted to a 项`),
            bi("只有下面没有项的款才能直接列支", "only a 款 with no 项 below it takes amounts directly"),
          );
          continue;
        }
      }
      // A subject's parents are its code's prefixes; a catalogue that says otherwise misplaces it.
      const kuan = code.length === 7 ? cat.functional(code.slice(0, 5)) : undefined;
      const lei = cat.functional(code.slice(0, 3));
      if ((code.length === 7 && (!kuan || s.parent !== kuan.code)) || !lei || (code.length === 5 && s.parent !== lei.code)) {
        report(
          ctx,
          use,
          bi(`功能分类科目 ${code} ${s.name}不在其款 ${code.slice(0, 5)} 和类 ${code.slice(0, 3)} 之下`, `the functional subject ${code} ${s.name} is not under its 款 ${code.slice(0, 5)} and 类 ${code.slice(0, 3)}`),
          bi("核对分类目录中该编码的上级", "check the parents of the code in the catalogue"),
        );
      }
    }
    for (const use of economicCodes(ctx.budget)) {
      const { code } = use;
      if (!ECONOMIC_SHAPE.test(code)) {
        report(ctx, use, bi(`经济分类科目 ${code} 不是类（3位）或款（5位）编码`, `the economic subject ${code} is no 类 (3 digits) or 款 (5) code`), bi("写款级编码，如 30201 办公费", "write a 款 code, like 30201 办公费"));
        continue;
      }
      const s = cat.economic(code);
      if (s?.level === "类") {
        const basic = usedByBasicLine(ctx.budget, use);
        report(ctx, use,
          basic
            ? bi(`经济分类科目 ${code} ${s.name}是类，基本支出要列到款`, `the economic subject ${code} ${s.name} is a 类; basic expenditure is budgeted to a 款`)
            : bi(`经济分类科目 ${code} ${s.name}是类，项目的经济科目要列到款`, `the economic subject ${code} ${s.name} is a 类; a project's economic subjects are 款`),
          bi("选它下面的一个款，如 30201 办公费", "choose a 款 under it, like 30201 办公费"));
      }
    }
  },
};

/** The first 项 below a 款, found by trying its 99 possible codes (a bounded, cached probe). */
const childCache = new WeakMap<Catalogue, Map<string, string | undefined>>();
function firstChild(cat: Catalogue, kuan: string): string | undefined {
  let m = childCache.get(cat);
  if (!m) childCache.set(cat, (m = new Map()));
  if (m.has(kuan)) return m.get(kuan);
  let found: string | undefined;
  for (let i = 1; i <= 99 && !found; i++) {
    const c = kuan + String(i).padStart(2, "0");
    if (cat.functional(c)) found = c;
  }
  m.set(kuan, found);
  return found;
}

function report(ctx: RuleContext, use: CodeUse, message: { zh: string; en: string }, hint: { zh: string; en: string }): void {
  const times = use.uses.length > 1 ? bi(`（用了 ${use.uses.length} 次）`, ` (used ${use.uses.length} times)`) : bi("", "");
  ctx.report(use.uses[0]!.span, bi(message.zh + times.zh, message.en + times.en), {
      related: use.uses.slice(1, 1 + MAX_RELATED).map((u) => ({ span: u.span, message: bi(`${use.code} 也用在这里`, `${use.code} is also used here`) })),
      hint,
      data: { subject: use.code },
    });
}
