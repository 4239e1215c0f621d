/**
 * Performance indicators (绩效指标): their levels as the forms print them, grouped with
 * the row counts a form needs, and the 项目属性 label.
 */
import { sum } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import { ATTRIBUTE_SUFFIX } from "./labels.js";
import type { IndicatorLevel1, IndicatorLevel2 } from "./types.js";

const LEVEL1_ORDER = ["产出指标", "成本指标", "效益指标", "满意度指标"];
const LEVEL2_ORDER = [
  "数量指标",
  "质量指标",
  "时效指标",
  "成本指标",
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "经济效益指标",
  "社会效益指标",
  "生态效益指标",
  "可持续影响指标",
  "服务对象满意度指标",
];

/** The printed name of an indicator level: 产出 → 产出指标, 数量 → 数量指标, 数量指标 unchanged. */
export function canonicalLevel(name: string): string {
  const t = name.trim();
  return t.endsWith("指标") ? t : `${t}指标`;
}

function orderIndex(order: readonly string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/**
 * Groups indicators by 一级 then 二级 (canonical names), with the row counts a table
 * needs for its row spans. Known levels come in the framework's order (产出, 成本, 效益,
 * 满意度; 数量, 质量, 时效, 成本 …), unknown ones after them in order of first
 * appearance; indicators keep their source order within a group.
 */
export function groupIndicators(indicators: readonly A.Indicator[]): IndicatorLevel1[] {
  const l1 = new Map<string, Map<string, IndicatorLevel2>>();
  for (const ind of indicators) {
    const n1 = canonicalLevel(ind.level1.value);
    const n2 = canonicalLevel(ind.level2.value);
    let g1 = l1.get(n1);
    if (!g1) l1.set(n1, (g1 = new Map()));
    let g2 = g1.get(n2);
    if (!g2) g1.set(n2, (g2 = { name: n2, rows: 0, indicators: [] }));
    g2.indicators.push({ name: ind.name.value, ...(ind.period ? { period: ind.period.text } : {}), ...(ind.annual ? { annual: ind.annual.text } : {}) });
    g2.rows++;
  }
  const out: IndicatorLevel1[] = [];
  for (const [name, g1] of l1) {
    const groups = [...g1.values()].sort((a, b) => orderIndex(LEVEL2_ORDER, a.name) - orderIndex(LEVEL2_ORDER, b.name));
    out.push({ name, rows: sum(groups.map((g) => g.rows)), groups });
  }
  // Array.prototype.sort is stable, so unknown names keep their order of appearance.
  return out.sort((a, b) => orderIndex(LEVEL1_ORDER, a.name) - orderIndex(LEVEL1_ORDER, b.name));
}

/** 项目属性 as the forms print it: 延续性项目 → 延续性项目（阶段开展）. Unknown values stay as written. */
export function attributeLabel(attribute: string): string {
  const base = attribute.trim().replace(/[（(].*[）)]$/, "");
  const key = base.endsWith("项目") ? base : `${base}项目`;
  const suffix = ATTRIBUTE_SUFFIX[key];
  return suffix ? key + suffix : attribute;
}
