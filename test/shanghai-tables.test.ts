/**
 * The two Shanghai budgets, built as Markdown with the shanghai profile the budgets name,
 * print each of the nine tables of their published documents under the document's title,
 * with exactly the document's non-zero amounts and, row by row, its subject codes and
 * names. The documents are the published text (pdftotext -layout), kept beside the test
 * (test/fixtures/reference/shanghai/, copied from the shared reference).
 *
 * Reading the documents: a table starts at a line that ends with its title and ends where
 * the next part begins; the title and "编制部门…单位：元" lines are skipped by their year
 * and their words, never a data row because its name holds 年 or 单位 (行政事业单位养老支出
 * is a row). Codes print split (201 05 07), and a 款 may lose its leading zero (301 2).
 */
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../src/cli/main.js";
import { nodeIo } from "../src/cli/io.js";

const TITLES: readonly (readonly [string, string])[] = [
  ["finance", "财务收支预算总表"],
  ["income", "收入预算总表"],
  ["expenditure", "支出预算总表"],
  ["fiscal", "财政拨款收支预算总表"],
  ["general", "一般公共预算支出功能分类预算表"],
  ["fund", "政府性基金预算支出功能分类预算表"],
  ["soe", "国有资本经营预算支出功能分类预算表"],
  ["economic", "基本支出部门预算经济分类预算表"],
  ["three", "三公”经费和机关运行经费预算表"],
];

interface Table {
  /** Non-zero amounts, normalised (no separators, no trailing zeros after the point). */
  amounts: string[];
  /** The subject rows in order: code (款 and 项 padded to two digits) and name. */
  rows: string[];
}

const AMOUNT = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.,])\d+(?:\.\d+)?(?![\d.,])/g;

function normalise(n: string): string {
  const s = n.replaceAll(",", "");
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Brackets print full-width in one document and ASCII in another: 维修(护)费, 维修（护）费. */
const name = (s: string) => s.replaceAll("（", "(").replaceAll("）", ")");

function titleOf(line: string): string | undefined {
  const s = line.trim();
  if (s.includes("……") || s.length > 40) return undefined;
  // The longest title that matches: 财政拨款收支预算总表 also ends in 收支预算总表.
  const hits = TITLES.filter(([, t]) => s.endsWith(t)).sort((a, b) => b[1].length - a[1].length);
  return hits[0]?.[0];
}

/** The nine tables of a published document. */
function documentTables(text: string): Map<string, Table> {
  const out = new Map<string, Table>();
  let cur: Table | undefined;
  for (const line of text.split("\n")) {
    const k = titleOf(line);
    if (k) {
      out.set(k, (cur = { amounts: [], rows: [] }));
      continue;
    }
    const s = line.trim();
    if (!cur) continue;
    if (s === "其他相关情况说明" || s === "项目经费情况说明" || s.startsWith("部门预算编制说明")) {
      cur = undefined;
      continue;
    }
    if (!s || /\d{4}年/.test(s) || s.startsWith("注") || s.includes("编制部门")) continue;
    const coded = /^(\d{3})(?:\s+(\d{1,2}))?(?:\s+(\d{1,2}))?\s+(\S+)/.exec(s);
    let rest = s;
    if (coded) {
      const code = coded[1]! + (coded[2] ? coded[2].padStart(2, "0") : "") + (coded[3] ? coded[3].padStart(2, "0") : "");
      cur.rows.push(`${code} ${name(coded[4]!)}`);
      rest = s.slice(coded[0].length);
    }
    rest = rest.replace(/(?<![\d.])\d+[.．、]\s*(?=\D)/g, " ");
    for (const m of rest.match(AMOUNT) ?? []) if (Number(m.replaceAll(",", "")) !== 0) cur.amounts.push(normalise(m));
  }
  return out;
}

/** The nine tables of the built Markdown: each section under a heading that ends with a title. */
function markdownTables(md: string): Map<string, Table> {
  const out = new Map<string, Table>();
  let cur: Table | undefined;
  let codeColumns = 0;
  for (const line of md.split("\n")) {
    if (line.startsWith("#")) {
      const k = titleOf(line.replace(/^#+\s*/, ""));
      cur = k ? { amounts: [], rows: [] } : undefined;
      if (k && cur) out.set(k, cur);
      codeColumns = 0;
      continue;
    }
    if (!cur || !line.startsWith("|") || /^\|[-:| ]+\|$/.test(line)) continue;
    const cells = line.slice(1, -1).split("|").map((c) => c.trim());
    if (cells.some((c) => c === "类")) {
      codeColumns = cells.filter((c) => c === "类" || c === "款" || c === "项").length;
      continue;
    }
    let from = 0;
    if (codeColumns && /^\d{3}$/.test(cells[0]!)) {
      cur.rows.push(`${cells.slice(0, codeColumns).join("")} ${name(cells[codeColumns]!)}`);
      from = codeColumns + 1;
    }
    for (const c of cells.slice(from)) if (/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(c) && Number(c.replaceAll(",", "")) !== 0) cur.amounts.push(normalise(c));
  }
  return out;
}

const sorted = (xs: readonly string[]) => [...xs].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));

describe.each([
  ["shanghai-putuo-wanli-2024", "shanghai_putuo_wanli_street_2024_dept_budget.txt"],
  ["shanghai-putuo-commerce-2025", "shanghai_putuo_commerce_2025_dept_budget.txt"],
])("the %s budget against its published document", (budget, doc) => {
  const published = documentTables(fs.readFileSync(`test/fixtures/reference/shanghai/${doc}`, "utf8"));
  let built: Map<string, Table>;
  it("builds as Markdown with the profile the budget names", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "yusuan-shanghai-"));
    let stderr = "";
    const io = { ...nodeIo(), out: () => {}, err: (t: string) => void (stderr += t) };
    expect(await main(["build", `budgets/${budget}.budget`, "--out", out, "--format", "md"], io), stderr).toBe(0);
    built = markdownTables(fs.readFileSync(path.join(out, `${budget}.md`), "utf8"));
    expect([...built.keys()]).toEqual(TITLES.map(([k]) => k));
  });
  it.each(TITLES.map(([k]) => k))("prints the document's table %s: its amounts and its rows", (k) => {
    const want = published.get(k)!;
    const got = built.get(k)!;
    expect(want, `the document has no table ${k}`).toBeDefined();
    expect(sorted(got.amounts)).toEqual(sorted(want.amounts));
    expect(got.rows).toEqual(want.rows);
  });
});
