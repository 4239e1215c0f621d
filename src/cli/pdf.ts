/**
 * PDF: the HTML publication printed by headless Chromium, driven by playwright-core.
 * The browser is the system's (Debian's `chromium`); nothing is downloaded. A missing
 * browser is an error that says how to install one.
 */
import * as fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

/** The browser to print with: $YUSUAN_CHROMIUM, else the first one installed. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env["YUSUAN_CHROMIUM"];
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => fs.existsSync(p));
}

export const NO_BROWSER = {
  zh: "生成 PDF 需要 Chromium，但没有找到。Debian/Ubuntu 上用 `apt-get install chromium` 安装，或用环境变量 YUSUAN_CHROMIUM 指定浏览器路径。",
  en: "PDF output needs Chromium, and none was found. Install it with `apt-get install chromium` (Debian/Ubuntu), or name the browser with the YUSUAN_CHROMIUM environment variable.",
};

export type PdfResult = { ok: true; pdf: Uint8Array } | { ok: false; error: string };

/**
 * Prints `count` documents in one browser, asking for each document's html only when it
 * is its turn and handing each result over at once, so that a roll-up of a thousand
 * departments holds one document in memory at a time. An exception thrown by `html` or
 * `done` stops the printing (the browser is closed) and propagates.
 */
export async function printEach(browserPath: string, count: number, html: (i: number) => string, done: (i: number, r: PdfResult) => void): Promise<void> {
  const { chromium } = await import("playwright-core");
  // Playwright's launch error carries its whole call log: the first line says what failed.
  const browser = await chromium
    .launch({
      executablePath: browserPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    })
    .catch((e: Error) => {
      throw new Error(`cannot start the browser ${browserPath}: ${e.message.split("\n")[0]}`);
    });
  try {
    for (let i = 0; i < count; i++) {
      const doc = html(i);
      const page = await browser.newPage();
      let result: PdfResult;
      try {
        // The document is self-contained: any request it makes is a mistake, not content.
        await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
        await page.setContent(doc, { waitUntil: "load" });
        // The page size, margins and page numbers are the document's own (its @page rules:
        // no number on the cover and contents, page 1 on the first page of content), and
        // its headings become the PDF's bookmarks (outline) in a tagged PDF.
        const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
        result = { ok: true, pdf };
      } catch (e) {
        result = { ok: false, error: (e as Error).message };
      } finally {
        await page.close();
      }
      done(i, result);
    }
  } finally {
    await browser.close();
  }
}
