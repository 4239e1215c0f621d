/**
 * PDF: the HTML publication printed by headless Chromium, driven by playwright-core.
 * The browser is the system's (Debian's `chromium`); nothing is downloaded. A missing
 * browser is an error that says how to install one.
 */
import * as fs from "node:fs";
import * as os from "node:os";

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
 * How many pages to print at once: one per core (Chromium lays out and prints each page in
 * a renderer process of its own), and no more than free memory holds at about 512 MiB a
 * page (a long publication's renderer reaches a few hundred), at most eight.
 */
export function pdfConcurrency(): number {
  const byMemory = Math.floor(os.freemem() / (512 * 1024 * 1024));
  return Math.max(1, Math.min(os.availableParallelism(), byMemory, 8));
}

/**
 * Prints `count` documents in one browser, `concurrency` pages at once, asking for each
 * document's html only when a page is free for it and handing each result over at once
 * (in the order they finish), so that a roll-up of a thousand departments holds as many
 * documents in memory as pages print. Each page is kept for the next document: a page
 * costs more to open than a document to load. An exception thrown by `html` or `done`
 * stops the printing (the browser is closed) and propagates.
 */
export async function printEach(browserPath: string, count: number, html: (i: number) => string, done: (i: number, r: PdfResult) => void, concurrency = 1): Promise<void> {
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
  let next = 0;
  let failed = false;
  const lane = async () => {
    let page: Awaited<ReturnType<typeof browser.newPage>> | undefined;
    try {
      while (!failed && next < count) {
        const i = next++;
        const doc = html(i);
        let result: PdfResult;
        try {
          if (!page) {
            page = await browser.newPage();
            // The document is self-contained: any request it makes is a mistake, not content.
            await page.route("**/*", (route) => (route.request().url().startsWith("data:") ? route.continue() : route.abort()));
          }
          await page.setContent(doc, { waitUntil: "load" });
          // The page size, margins and page numbers are the document's own (its @page rules:
          // no number on the cover and contents, page 1 on the first page of content), and
          // its headings become the PDF's bookmarks (outline) in a tagged PDF.
          const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
          result = { ok: true, pdf };
        } catch (e) {
          result = { ok: false, error: (e as Error).message };
          // A page that failed is not trusted with the next document.
          await page?.close().catch(() => undefined);
          page = undefined;
        }
        done(i, result);
      }
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      await page?.close().catch(() => undefined);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, lane));
  } finally {
    await browser.close();
  }
}
