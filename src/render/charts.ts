/**
 * The three pie charts of 第三部分 (收入预算图, 一般公共预算当年拨款结构图, 三公经费分布图),
 * drawn at build time as SVG strings by ECharts' server-side renderer
 * (`init(null, null, { renderer: "svg", ssr: true, width, height })` and
 * `renderToSVGString()`), so the HTML needs no script and no network.
 *
 * The slice labels print the model's shares (computed exactly, half-up), never ECharts'
 * own percentages, which come from binary floating point. Slice values are the amounts
 * in 分, integers: they only set the angles. Zero slices are left out, since they have
 * no angle and their labels would pile up.
 *
 * Determinism: ECharts numbers its instances and their CSS classes per process ("zr0-cls-0",
 * "zr1-cls-3"), so the same chart would differ between two renders; the names are
 * renumbered per chart under a prefix derived from the chart's own key, which also keeps
 * the CSS of two charts in one page apart.
 */
import * as chartsModule from "echarts/charts";
import * as coreModule from "echarts/core";
import * as renderersModule from "echarts/renderers";
import type * as Charts from "echarts/types/dist/charts";
import type * as Core from "echarts/types/dist/core";
import type * as Renderers from "echarts/types/dist/renderers";
import type { Chart } from "../model/types.js";

// ECharts' subpath declaration files re-export their types without file extensions, which
// NodeNext resolution does not follow; the package also maps each types file to a
// subpath of its own, so the runtime modules are typed through those.
const echarts = coreModule as unknown as typeof Core;
const { PieChart } = chartsModule as unknown as typeof Charts;
const { SVGRenderer } = renderersModule as unknown as typeof Renderers;

// Only the pie chart and the SVG renderer are registered: a smaller module graph to load.
echarts.use([PieChart, SVGRenderer]);

/** The fonts the charts ask for: CJK fonts common on phones, Windows, macOS and Linux. */
const FONT = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Zen Hei',sans-serif";

/** Colours with enough contrast on white, in slice order. */
const PALETTE = ["#3b6fb6", "#e0892b", "#4e9a5b", "#c0504d", "#8064a2", "#2c9fa3", "#9b8b3a", "#d46fa0"];

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 320;

/** One labelled slice: the label printed beside it (name and share), formatted by the view model. */
export interface ChartSlice {
  readonly name: string;
  readonly value: number;
  readonly label: string;
}

/**
 * Renames the class names and ids ECharts numbers per process ("zr3-cls-17") to names
 * numbered in order of first appearance within this chart ("yc-income-1").
 */
export function stableNames(svg: string, key: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-[A-Za-z0-9_-]+/g, (m) => {
    let n = names.get(m);
    if (n === undefined) names.set(m, (n = `yc-${key}-${names.size}`));
    return n;
  });
}

/** Renders a pie chart to an SVG string; `key` names the chart ("income") and prefixes its CSS classes. */
export function pieSvg(key: string, slices: readonly ChartSlice[]): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    const shown = slices.filter((s) => s.value > 0);
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT },
      series: [
        {
          type: "pie",
          radius: ["0%", "58%"],
          center: ["50%", "52%"],
          avoidLabelOverlap: true,
          startAngle: 90,
          label: {
            formatter: (p: { dataIndex: number }) => shown[p.dataIndex]?.label ?? "",
            fontSize: 12,
            color: "#222",
            lineHeight: 16,
          },
          labelLine: { length: 12, length2: 10 },
          data: shown.map((s) => ({ name: s.name, value: s.value })),
        },
      ],
    });
    return stableNames(chart.renderToSVGString(), key);
  } finally {
    chart.dispose();
  }
}

/** The slices of a model chart with their labels ("一般公共预算 83.93%"). */
export function slicesOf(chart: Chart, label: (s: Chart["slices"][number]) => string): ChartSlice[] {
  return chart.slices.map((s) => ({ name: s.label, value: s.amount, label: label(s) }));
}
