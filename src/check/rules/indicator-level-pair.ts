/**
 * Each indicator's 一级 and 二级 form a pair of the framework: 产出 › 数量, 质量, 时效,
 * 成本; 效益 › 经济效益, 社会效益, 生态效益, 可持续影响; 满意度 › 服务对象满意度 (with or
 * without the 指标 suffix; 成本 › 经济成本, 社会成本, 生态环境成本 too): the framework of
 * syntax/enumerations.ts. A level outside it is reported with the nearest valid one.
 */
import { bi } from "../../base/diagnostics.js";
import { INDICATOR_LEVEL1, INDICATOR_LEVEL2 } from "../../syntax/enumerations.js";
import { forEachIndicatorList, formName, level, LEVEL_PAIRS, outsideSet } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "indicator-level-pair",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    forEachIndicatorList(ctx.budget, (indicators, kind, owner) => {
      for (const ind of indicators) {
        const l1 = level(ind.level1.value);
        const l2 = level(ind.level2.value);
        const valid = LEVEL_PAIRS.get(l1);
        if (!valid) {
          const where = formName(kind, owner);
          const o = outsideSet(INDICATOR_LEVEL1, l1);
          ctx.report(ind.level1.span, bi(`${where.zh}的一级指标“${ind.level1.value}”不是产出、效益或满意度`, `the 一级 indicator ${ind.level1.value} in ${where.en} is none of 产出, 效益, 满意度`), {
              hint: bi(`${o.hint.zh}一级指标为 产出、效益、满意度（或 成本）。`, `${o.hint.en} The 一级 indicators are 产出, 效益 and 满意度 (or 成本).`),
              data: { level1: ind.level1.value, level2: ind.level2.value, ...(o.suggestion ? { suggestion: o.suggestion } : {}) },
            });
          continue;
        }
        if (valid.includes(l2)) continue;
        const where = formName(kind, owner);
        const home = [...LEVEL_PAIRS].find(([, l2s]) => l2s.includes(l2))?.[0];
        const near = home ? undefined : outsideSet(INDICATOR_LEVEL2, l2, valid).suggestion;
        const hint = home
          ? bi(`${l2}是${home}下的二级指标`, `${l2} is a 二级 of ${home}`)
          : near
            ? bi(`${l1}下的二级指标为 ${valid.join("、")}；是否应为“${near}”？`, `the 二级 of ${l1} are ${valid.join(", ")}; did you mean ${near}?`)
            : bi(`${l1}下的二级指标为 ${valid.join("、")}`, `the 二级 of ${l1} are ${valid.join(", ")}`);
        ctx.report(ind.level2.span,
            bi(`${where.zh}的指标「${ind.name.value}」：“${ind.level2.value}”不是${l1}指标下的二级指标`, `indicator ${ind.name.value} in ${where.en}: ${ind.level2.value} is not a 二级 of ${l1}`),
            {
              hint,
              data: { level1: ind.level1.value, level2: ind.level2.value, ...(near ? { suggestion: near } : {}) },
              ...(home
                ? { fix: { title: bi(`一级指标改为 ${home}`, `write ${home} as the 一级`), span: ind.level1.span, replacement: home } }
                : near
                  ? { fix: { title: bi(`改为 ${near}`, `write ${near}`), span: ind.level2.span, replacement: near } }
                  : {}),
            });
      }
    });
  },
};
