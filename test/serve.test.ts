/**
 * The live preview in headless Chromium: `node bin/yusuan.js serve` on a copy of the
 * reference budget, a page that shows the publication with a clean check, an edit saved
 * to the included file that shows in the page within a second, a broken total whose
 * diagnostic is laid over the page with links to its source line, the source page those
 * links lead to, and a folder the preview never writes into. A screenshot of the page
 * with the diagnostic is left in the temporary folder (YUSUAN_SCREENSHOT names another
 * path) for a person to look at.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findBrowser } from "../src/cli/pdf.js";

function listTree(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("yusuan serve", () => {
  let dir: string;
  let server: ChildProcess;
  let url: string;
  let browser: Browser;
  let page: Page;
  let before: string[];
  const main = () => path.join(dir, "jinzhong-econ-ops-2024.budget");
  const projects = () => path.join(dir, "jinzhong-econ-ops-2024", "projects.budget");

  beforeAll(async () => {
    const executablePath = findBrowser();
    if (!executablePath) throw new Error("the preview is tested in Chromium, and none is installed: apt-get install -y chromium");
    dir = fs.mkdtempSync("/tmp/yusuan-serve-");
    fs.cpSync("budgets", dir, { recursive: true });
    before = listTree(dir);
    server = spawn(process.execPath, ["bin/yusuan.js", "serve", main(), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout!.on("data", (b: Buffer) => {
        out += b.toString("utf8");
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) resolve(m[0]);
      });
      server.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    browser = await chromium.launch({ executablePath, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill("SIGINT");
    if (server && server.exitCode === null) await new Promise((r) => server.once("exit", r));
  });

  it("listens on 127.0.0.1 only and refuses another host name", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    // fetch() does not let a Host header be set: http.get does.
    const status = (host: string) =>
      new Promise<number | undefined>((resolve, reject) => http.get(url, { headers: { host } }, (res) => (res.resume(), resolve(res.statusCode))).on("error", reject));
    expect(await status("preview.example")).toBe(403);
    expect(await status(new URL(url).host)).toBe(302);
  });

  it("shows the publication with a check without errors", async () => {
    await page.goto(url);
    // The reference earns one warning (copied-text), and no error.
    expect(await page.locator("#yusuan-overlay").getAttribute("class")).toBe("has-warnings");
    expect(await page.locator("body").innerText()).toContain("统计网络租用经费");
  });

  it("shows an edit saved to an included file within a second", async () => {
    const text = fs.readFileSync(projects(), "utf8");
    const saved = Date.now();
    fs.writeFileSync(projects(), text.replace('项目 "统计网络租用经费"', '项目 "统计专网租用经费"').replace('绩效 "统计网络租用经费"', '绩效 "统计专网租用经费"'));
    await page.waitForFunction(() => document.body.innerText.includes("统计专网租用经费"), undefined, { timeout: 1000 });
    expect(Date.now() - saved).toBeLessThan(1000);
    // The reference earns one warning (copied-text), and no error.
    expect(await page.locator("#yusuan-overlay").getAttribute("class")).toBe("has-warnings");
  });

  it("lays a diagnostic over the page, linked to its source line", async () => {
    const text = fs.readFileSync(main(), "utf8");
    fs.writeFileSync(main(), text.replace("一般公共预算 6,389.17万元", "一般公共预算 6,389.71万元"));
    const item = page.locator('#yusuan-overlay li[data-code="control-total-mismatch"]');
    await item.waitFor({ timeout: 1000 });
    expect(await page.locator("#yusuan-overlay").getAttribute("class")).toBe("has-errors");
    expect(await item.innerText()).toContain("控制数一般公共预算为 6,389.71万元，但预算安排为 6,389.17万元（相差 0.54万元）");
    const line = text.split("\n").findIndex((l) => l.includes("一般公共预算 6,389.17万元")) + 1;
    const loc = item.locator("a.loc").first();
    expect(await loc.innerText()).toBe(`jinzhong-econ-ops-2024.budget:${line}:12`);
    expect(await item.locator("a.editor").first().getAttribute("href")).toBe(`vscode://file${encodeURI(main())}:${line}:12`);
    const shot = process.env["YUSUAN_SCREENSHOT"] ?? path.join(path.dirname(dir), `${path.basename(dir)}-overlay.png`);
    await page.screenshot({ path: shot });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
    // The link leads to the numbered source, at the line.
    await loc.click();
    await page.waitForURL(/\/source\/jinzhong-econ-ops-2024\.budget#L\d+$/);
    expect(await page.locator(`tr#L${line}`).innerText()).toContain("一般公共预算 6,389.71万元");
  });

  it("writes nothing into the budget's folder", () => {
    expect(listTree(dir)).toEqual(before);
  });
});
