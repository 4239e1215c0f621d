/**
 * Charts as PNG for the Word document: the ECharts SVG rasterised by resvg
 * (@resvg/resvg-js, a Rust renderer shipped as a prebuilt binary per platform inside
 * the npm package). Chosen over a Chromium screenshot: it needs no browser (a docx can be
 * made where no Chromium is installed), runs synchronously in the worker threads of a
 * roll-up, takes milliseconds per chart once its fonts are loaded, and gives the same
 * pixels for the same SVG and fonts (no GPU path, no browser version drift).
 *
 * It reads the system's fonts (the charts ask for Noto Sans CJK SC first), which is why
 * it lives in the CLI: rendering stays pure. Loaded only when a docx is asked for.
 */
import { createRequire } from "node:module";

/** Rasterises an SVG drawing to PNG bytes. */
export type Rasterise = (svg: string) => Uint8Array;

/** Twice the SVG's own size: sharp when printed at the chart's width on A4. */
const SCALE = 2;

type ResvgModule = typeof import("@resvg/resvg-js");

let loaded: ResvgModule | Error | undefined;

function resvg(): ResvgModule | Error {
  if (loaded === undefined) {
    try {
      // A native addon: required, not imported, so that a platform without its binary is
      // a message, not a failed module graph.
      loaded = createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
    } catch (e) {
      loaded = e as Error;
    }
  }
  return loaded;
}

export const NO_RASTERISER = {
  zh: "生成 Word 文档需要把图表转为 PNG 的 @resvg/resvg-js，但它在本平台无法加载。请用 `npm ci` 重新安装依赖（需要本平台的预编译包）。",
  en: "Word output needs @resvg/resvg-js to turn the charts into PNG, and it cannot be loaded on this platform. Reinstall the dependencies with `npm ci` (it needs the prebuilt package for this platform).",
};

/** The rasteriser, or undefined when resvg cannot be loaded here. */
export function findRasteriser(): Rasterise | undefined {
  const m = resvg();
  if (m instanceof Error) return undefined;
  return (svg: string) => {
    const r = new m.Resvg(svg, {
      fitTo: { mode: "zoom", value: SCALE },
      background: "#ffffff",
      font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC", sansSerifFamily: "Noto Sans CJK SC" },
    });
    return new Uint8Array(r.render().asPng());
  };
}
