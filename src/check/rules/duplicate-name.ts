/**
 * Names are unique where the document lists them: projects, carry-overs, budget units
 * and internal sections each once, and an indicator once per 一级 and 二级 of its form;
 * names that differ only in full or half width, white space or invisible characters
 * (base/names.ts) are the same name.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { nameKey } from "../../base/names.js";
import type * as A from "../../syntax/ast.js";
import { forEachIndicatorList, formName, level } from "../facts.js";
import type { Rule, RuleContext } from "../rule.js";

export const rule: Rule = {
  code: "duplicate-name",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    unique(ctx, b.projects.map((p) => p.name), bi("项目", "project"), bi("表十二按名称逐行列出项目，绩效目标表也按名称对应项目", "表十二 lists projects by name, and performance forms find their project by name"));
    unique(ctx, b.carryovers.map((c) => c.name), bi("结转项目", "carry-over"), bi("表十三按名称逐行列出结转项目", "表十三 lists carry-overs by name"));
    unique(ctx, b.units.map((u) => u.name), bi("预算单位", "budget unit"), bi("项目和支出按名称归入单位", "projects and lines name the unit they belong to"));
    unique(ctx, b.department?.sections ?? [], bi("内设机构", "internal section"), bi("内设机构数按名称计算", "the number of internal sections is counted from the names"));
    forEachIndicatorList(b, (indicators, kind, owner) => {
      // Keyed by the normalised name; names shared across levels are rare and compared one by one.
      const seen = new Map<string, A.Indicator | A.Indicator[]>();
      for (const ind of indicators) {
        const key = nameKey(ind.name.value);
        const prev = seen.get(key);
        const same = (x: A.Indicator) => level(x.level1.value) === level(ind.level1.value) && level(x.level2.value) === level(ind.level2.value);
        const first = prev === undefined ? undefined : Array.isArray(prev) ? prev.find(same) : same(prev) ? prev : undefined;
        if (!first) {
          seen.set(key, prev === undefined ? ind : Array.isArray(prev) ? [...prev, ind] : [prev, ind]);
          continue;
        }
        const where = formName(kind, owner);
        ctx.report(ind.name.span,
            bi(
              `${where.zh}的${level(ind.level2.value)}指标「${ind.name.value}」写了两次${differs(first.name.value, ind.name.value).zh}`,
              `the ${level(ind.level2.value)} indicator ${ind.name.value} is written twice in ${where.en}${differs(first.name.value, ind.name.value).en}`,
            ),
            {
              related: [{ span: first.name.span, message: bi("第一次写在这里", "first written here") }],
              hint: bi("一个指标写一行：两栏的值不同就写 实施期 … 年度 …", "write one line per indicator: when the columns differ, write 实施期 … 年度 …"),
              data: { name: ind.name.value },
            });
      }
    });
  },
};

/**
 * What sets two names of one key apart, for the message: nothing (they are written the
 * same), or only width, white space or invisible characters.
 */
function differs(first: string, again: string): Bilingual {
  if (first === again) return bi("", "");
  return bi(
    `（与「${first}」只差全角半角、空白或不可见字符，视为同名）`,
    ` (it differs from ${JSON.stringify(first)} only in full or half width, white space or invisible characters, so it is the same name)`,
  );
}

function unique(ctx: RuleContext, names: readonly A.Located<string>[], what: Bilingual, why: Bilingual): void {
  // Keyed by the normalised name: one pass, linear in the number of names.
  const seen = new Map<string, A.Located<string>>();
  for (const n of names) {
    const key = nameKey(n.value);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, n);
      continue;
    }
    const d = differs(first.value, n.value);
    ctx.report(n.span, bi(`${what.zh}「${n.value}」重名${d.zh}`, `two ${what.en}s are named ${n.value}${d.en}`), {
        related: [{ span: first.span, message: bi("同名的第一个在这里", "the first of that name is here") }],
        hint: bi(`${why.zh}；改名或合并两者`, `${why.en}; rename one or merge them`),
        data: { name: n.value },
      });
  }
}
