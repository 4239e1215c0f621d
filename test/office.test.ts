/**
 * The office formats and open data of the reference budget: the workbook, the Word
 * document, the tidy CSV and the Fiscal Data Package, each byte-identical across two
 * builds; real clients (LibreOffice) reading the workbook and the Word document back
 * with every table's amounts and the prose figures of the Markdown build; the CSV
 * summing back to the tables' totals; the data package valid under the documented
 * rules; and the import of the built workbook giving back a budget whose tables are
 * the reference's, in both shipped profiles.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { Dec } from "../src/base/money.js";
import { nodeIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { readZip } from "../src/render/zip.js";
import { parseCsv } from "./helpers/csv.js";
import { validateDataPackage } from "./helpers/fdp.js";
import { importBytes, patchWorkbook } from "./helpers/import-fixture.js";

const REFERENCE = "budgets/jinzhong-econ-ops-2024.budget";
const NAME = "jinzhong-econ-ops-2024";
const FORMATS = "md,json,csv,xlsx,docx,fdp";

async function build(out: string, args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const io = { ...nodeIo(), out: () => {}, err: (t: string) => void (stderr += t) };
  const code = await main(["build", ...args, "--out", out], io);
  return { code, stderr };
}

const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `yusuan-office-${name}-`));

/** Every file under a folder, by path relative to it. */
function filesUnder(dir: string, base = dir): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) for (const [k, v] of filesUnder(p, base)) out.set(k, v);
    else out.set(path.relative(base, p), fs.readFileSync(p));
  }
  return out;
}

/** The tables of a Markdown build: by anchor, the expanded rows of its Markdown table. */
function markdownTables(md: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const parts = md.split(/^<a id="(t\d+)"><\/a>$/m);
  for (let i = 1; i < parts.length; i += 2) {
    // The table's own section ends at the next anchor.
    const section = parts[i + 1]!.split(/^<a id=/m)[0]!;
    const rows = section
      .split("\n")
      .filter((l) => l.startsWith("|") && !/^\|(\s*:?-{3,}:?\s*\|)+$/.test(l))
      .map((l) => l.slice(1, -1).split(" | ").map((c) => c.trim().replace(/\\(.)/g, "$1")));
    out.set(parts[i]!, rows);
  }
  return out;
}

const isAmount = (s: string) => /^-?\d+\.\d{2}$/.test(s);
const sameNumber = (a: string, b: string) => a !== "" && b !== "" && new Dec(a).eq(new Dec(b));

let dir = "";
let again = "";
let markdown = "";
let json: { tables: Record<string, unknown>; ledger: unknown[] } = { tables: {}, ledger: [] };
let t1Total = 0n;

beforeAll(async () => {
  dir = tmp("a");
  again = tmp("b");
  expect((await build(dir, [REFERENCE, "--format", FORMATS])).code).toBe(0);
  expect((await build(again, [REFERENCE, "--format", FORMATS])).code).toBe(0);
  markdown = fs.readFileSync(path.join(dir, `${NAME}.md`), "utf8");
  json = JSON.parse(fs.readFileSync(path.join(dir, `${NAME}.json`), "utf8")) as typeof json;
  const total = (json.tables["t1"] as { expenditureTotal: { total: string } }).expenditureTotal.total;
  const [int, frac] = total.split(".");
  // 万元 with six decimals is 分.
  t1Total = BigInt(int!) * 1_000_000n + BigInt((frac! + "000000").slice(0, 6));
}, 120_000);

describe("the office formats", () => {
  it("are byte-identical across two builds", () => {
    const a = filesUnder(dir);
    const b = filesUnder(again);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(Buffer.compare(v, b.get(k)!), k).toBe(0);
    expect([...a.keys()].filter((k) => /\.(xlsx|docx|csv)$|datapackage/.test(k)).length).toBe(5);
  });

  it("write zip packages with fixed dates: the budget year's 1 January", () => {
    for (const f of [`${NAME}.xlsx`, `${NAME}.docx`]) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, f)));
      const core = new TextDecoder().decode(readZip(bytes).find((e) => e.name === "docProps/core.xml")!.data);
      expect(core, f).toContain(">2024-01-01T00:00:00Z</dcterms:created>");
      expect(core, f).toContain(">2024-01-01T00:00:00Z</dcterms:modified>");
      // Every local header's DOS date: 2024-01-01 is ((2024-1980)<<9)|(1<<5)|1.
      const v = new DataView(bytes.buffer, bytes.byteOffset);
      for (let i = 0; i + 4 <= bytes.length; i++) if (v.getUint32(i, true) === 0x04034b50) expect(v.getUint16(i + 12, true)).toBe((44 << 9) | (1 << 5) | 1);
    }
  });
});

describe("the workbook", () => {
  it("has one sheet per table, named as the table, amounts as numbers in the unit's format, the printed merges and print setup", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, `${NAME}.xlsx`)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name.split(" ")[0])).toEqual(["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "表十", "表十一", "表十二", "表十三"]);
    expect(wb.worksheets[1]!.name).toBe("表二 2024年预算收入总表");
    const t2 = wb.worksheets[1]!;
    // Row 1 caption, 2 title, 3 name and unit, 4–5 header, 6 合计.
    expect(t2.getCell("A2").value).toBe("表二 2024年预算收入总表");
    expect(t2.getCell("A6").value).toBe("合计");
    expect(t2.getCell("C6").value).toBe(6389.17);
    expect(t2.getCell("C6").numFmt).toBe("#,##0.00");
    expect(t2.getCell("E6").value).toBeNull();
    expect(t2.getCell("I6").value).toBe(1223);
    expect(t2.getCell("A4").isMerged && t2.getCell("B4").master.address).toBe("A4");
    expect(t2.getCell("I5").master.address).toBe("I4");
    expect(t2.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1, printTitlesRow: "4:5" });
    expect(wb.worksheets[2]!.pageSetup.orientation).toBe("portrait");
    // Wide characters count twice: the name column of 表二 fits 支持中小企业发展和管理支出 with its indent.
    expect(t2.getColumn(2).width).toBeGreaterThanOrEqual(2 * "支持中小企业发展和管理支出".length + 2);
  });

  it("reads back in LibreOffice (xlsx → csv) with every table's amounts and labels as the Markdown prints them", () => {
    const out = tmp("lo-xlsx");
    fs.copyFileSync(path.join(dir, `${NAME}.xlsx`), path.join(out, "b.xlsx"));
    // Token 12 = -1: every sheet to its own file (LibreOffice 7.2 and later).
    const r = spawnSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, path.join(out, "b.xlsx")], { encoding: "utf8", timeout: 120_000 });
    expect(r.error, "LibreOffice (soffice) is needed: apt-get install libreoffice-calc").toBeUndefined();
    const tables = markdownTables(markdown);
    const ordinals = [...markdown.matchAll(/^### (表\S+) /gm)].map((m) => m[1]!);
    expect(ordinals.length).toBe(13);
    let compared = 0;
    [...tables.entries()].forEach(([, rows], i) => {
      const file = fs.readdirSync(out).find((f) => f.startsWith(`b-${ordinals[i]} `) && f.endsWith(".csv"));
      expect(file, ordinals[i]).toBeDefined();
      const csv = parseCsv(fs.readFileSync(path.join(out, file!), "utf8"));
      // The Markdown table starts at the sheet's first header row.
      const top = csv.findIndex((row) => row[0] === rows[0]![0] && (row[1] ?? "") === rows[0]![1]);
      expect(top, ordinals[i]).toBeGreaterThan(0);
      rows.forEach((row, k) => {
        row.forEach((want, c) => {
          const got = csv[top + k]?.[c] ?? "";
          if (isAmount(want)) {
            expect(sameNumber(want, got), `${ordinals[i]} row ${k + 1} column ${c + 1}: ${got} for ${want}`).toBe(true);
            compared++;
          } else if (k > 0 || want !== "") expect(got, `${ordinals[i]} row ${k + 1} column ${c + 1}`).toBe(want);
        });
      });
    });
    expect(compared).toBe(markdown.split("\n").filter((l) => l.startsWith("|")).join("|").split("|").map((c) => c.trim()).filter(isAmount).length - formAmounts(markdown));
  }, 180_000);
});

/** The amounts the performance forms print in the Markdown (not tables of the workbook). */
function formAmounts(md: string): number {
  const forms = md.split(/^<a id="form-/m).slice(1).map((s) => s.split(/^<a id="(?!form-)/m)[0]!);
  return forms.join("\n").split("\n").filter((l) => l.startsWith("|")).join("|").split("|").map((c) => c.trim()).filter(isAmount).length;
}

describe("the Word document", () => {
  let xml = "";
  let entries: ReturnType<typeof readZip> = [];
  beforeAll(() => {
    entries = readZip(new Uint8Array(fs.readFileSync(path.join(dir, `${NAME}.docx`))));
    xml = new TextDecoder().decode(entries.find((e) => e.name === "word/document.xml")!.data);
  });

  it("has a contents field, headings, merged cells, repeated header rows, three chart images and numbered pages from the content", () => {
    expect(xml).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>');
    expect(xml).not.toContain("<w:sdt>");
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(4);
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain("<w:gridSpan ");
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(entries.filter((e) => e.name.startsWith("word/media/") && e.name.endsWith(".png")).length).toBe(3);
    // Two sections: the cover and contents, then the content numbered from 1.
    expect(xml.match(/<w:sectPr/g)?.length).toBe(2);
    expect(xml).toMatch(/<w:pgNumType w:start="1"/);
    // GB/T 9704 margins: 37 mm top, 28 mm left (twips).
    expect(xml).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it("reads back in LibreOffice (docx → pdf) with every table amount and every prose figure of the Markdown", () => {
    const out = tmp("lo-docx");
    const r = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, path.join(dir, `${NAME}.docx`)], { encoding: "utf8", timeout: 120_000 });
    expect(r.error, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer").toBeUndefined();
    const t = spawnSync("pdftotext", ["-layout", path.join(out, `${NAME}.pdf`), "-"], { encoding: "utf8" });
    expect(t.error, "pdftotext is needed: apt-get install poppler-utils").toBeUndefined();
    const pdf = t.stdout.replace(/[ \t]+/g, " ");
    const count = (hay: string, needle: string) => hay.split(needle).length - 1;
    // Table amounts: each as often as the Markdown's tables and forms print it.
    const amounts = markdown.split("\n").filter((l) => l.startsWith("|")).join("|").split("|").map((c) => c.trim()).filter(isAmount);
    const seen = new Set<string>();
    for (const a of amounts) {
      if (seen.has(a)) continue;
      seen.add(a);
      expect(count(pdf, a), a).toBeGreaterThanOrEqual(amounts.filter((x) => x === a).length);
    }
    // Prose figures: every amount with separators and every share of 第三部分.
    const prose = markdown.slice(markdown.indexOf('<a id="part3">')).split("\n").filter((l) => !l.startsWith("|")).join("\n");
    const figures = [...new Set(prose.match(/\d{1,3}(?:,\d{3})*\.\d{2}(?:万元|%)/g) ?? [])];
    expect(figures.length).toBeGreaterThan(30);
    for (const f of figures) expect(pdf.replace(/\s/g, ""), f).toContain(f);
  }, 180_000);
});

describe("the tidy CSV", () => {
  it("loads with a CSV parser, one amount a line, and sums back to the tables' totals", () => {
    const text = fs.readFileSync(path.join(dir, `${NAME}.csv`), "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(["table", "title", "row", "code", "label", "level", "column", "unit", "amount"]);
    const rec = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])) as Record<string, string>);
    expect(rec.every((r) => /^-?\d+\.\d{2,6}$/.test(r["amount"]!))).toBe(true);
    const sum = (rs: Record<string, string>[]) => rs.reduce((a, r) => a.add(new Dec(r["amount"]!)), new Dec(0));
    let checked = 0;
    for (const table of new Set(rec.map((r) => r["table"]!))) {
      const mine = rec.filter((r) => r["table"] === table);
      for (const column of new Set(mine.map((r) => r["column"]!))) {
        const cells = mine.filter((r) => r["column"] === column);
        const total = cells.find((r) => r["level"] === "total");
        const top = cells.filter((r) => r["level"] === "1");
        if (!total || top.length === 0) continue;
        expect(sum(top).eq(new Dec(total["amount"]!)), `${table} ${column}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    // 表一: the income lines add up to 本年收入合计, the 类 to 本年支出合计.
    const t1 = rec.filter((r) => r["table"] === "t1");
    const income = t1.filter((r) => r["column"] === "收入/2024年");
    expect(sum(income.filter((r) => /^[一二三四五]、/.test(r["label"]!))).eq(new Dec(income.find((r) => r["label"] === "本年收入合计")!["amount"]!))).toBe(true);
    const spent = t1.filter((r) => r["column"] === "支出/2024年合计");
    expect(sum(spent.filter((r) => r["code"] !== "")).eq(new Dec(spent.find((r) => r["label"] === "本年支出合计")!["amount"]!))).toBe(true);
  });
});

describe("the data package", () => {
  it("is valid under the documented descriptor rules and adds up to 支出总计", () => {
    const files = new Map([...filesUnder(path.join(dir, `${NAME}.datapackage`))].map(([k, v]) => [k, v.toString("utf8")] as const));
    expect(validateDataPackage(files, t1Total)).toEqual([]);
    // One row per amount of the ledger: 10 basic lines, 13 projects, 2 carry-overs.
    expect(parseCsv(files.get(`${NAME}.csv`)!).length - 1).toBe(json.ledger.length);
    expect(json.ledger.length).toBe(25);
  });
  it("a broken package breaks the rules", () => {
    const files = new Map([...filesUnder(path.join(dir, `${NAME}.datapackage`))].map(([k, v]) => [k, v.toString("utf8")] as const));
    const d = JSON.parse(files.get("datapackage.json")!) as { resources: { schema: { fields: { columnType: string }[] } }[] };
    d.resources[0]!.schema.fields[0]!.columnType = "date:fiscal-yr";
    files.set("datapackage.json", JSON.stringify(d));
    expect(validateDataPackage(files, t1Total)).toEqual(["3: date:fiscal-yr is not a ColumnType of the budget taxonomy", "4: no date:fiscal-year column"]);
    // 办公费 3.50万元 is 35000.00元: one 元 more and the amounts no longer add up.
    const csv = files.get(`${NAME}.csv`)!;
    expect(csv).toContain(",35000.00,");
    const broken = new Map([...files, [`${NAME}.csv`, csv.replace(",35000.00,", ",35001.00,")]]);
    broken.set("datapackage.json", files.get("datapackage.json")!.replace('"date:fiscal-yr"', '"date:fiscal-year"'));
    expect(validateDataPackage(broken, t1Total)).toEqual(["7: the values add up to 7612170100 分, not 7612170000"]);
  });
});

/** A publication's tables without the categories the tables cannot carry. */
function tablesOf(j: { tables: Record<string, unknown> }): unknown {
  return JSON.parse(JSON.stringify(j.tables, (k, v: unknown) => (k === "category" ? undefined : v)));
}

describe("import of the built workbook", () => {
  for (const profile of ["shanxi-13", "mof-9"]) {
    it(`gives back a budget whose tables build to the reference's amounts (${profile})`, async () => {
      const out = tmp(`import-${profile}`);
      expect((await build(out, [REFERENCE, "--format", "xlsx,json", "--profile", profile])).code).toBe(0);
      let stdout = "";
      const io = { ...nodeIo(), out: (t: string) => void (stdout += t), err: () => {} };
      const imported = path.join(out, "imported.budget");
      expect(await main(["import", path.join(out, `${NAME}.xlsx`), "--out", imported, "--profile", profile], io)).toBe(0);
      expect(stdout).toContain(profile === "shanxi-13" ? "从 13 张表读入" : "从 9 张表读入");
      const again = tmp(`import-${profile}-built`);
      const r = await build(again, [imported, "--format", "json", "--profile", profile]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("pending-content");
      const back = JSON.parse(fs.readFileSync(path.join(again, "imported.json"), "utf8")) as typeof json;
      const ref = JSON.parse(fs.readFileSync(path.join(out, `${NAME}.json`), "utf8")) as typeof json;
      if (profile === "shanxi-13") expect(tablesOf(back)).toEqual(tablesOf(ref));
      else {
        // mof-9 prints no project tables: the subject tables, 表一 to 表十一, are the reference's.
        const t = tablesOf(back) as Record<string, unknown>;
        const want = tablesOf(ref) as Record<string, unknown>;
        for (const id of ["t1", "t2", "t3", "t4", "t5", "t6", "t8", "t9", "t10"]) expect(t[id], id).toEqual(want[id]);
      }
    }, 120_000);
  }

  it("names the sheet and cell of every amount the tables disagree on, and writes nothing", async () => {
    const bytes = await patchWorkbook(new Uint8Array(fs.readFileSync(path.join(dir, `${NAME}.xlsx`))), { set: [{ sheet: "表五", cell: "E9", value: 26.41 }] });
    const r = await importBytes(bytes, "b.xlsx");
    expect(r.text).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.data?.["sheet"], d.data?.["cell"]])).toContainEqual(["import-mismatch", "表五 2024年一般公共预算支出预算表（不含上年结转）", "E9"]);
  });
});

describe("a format that cannot be made", () => {
  it("is said in one line when pdf is skipped by default, and is an error when asked for", async () => {
    const before = process.env["YUSUAN_CHROMIUM"];
    process.env["YUSUAN_CHROMIUM"] = "/nonexistent/chromium";
    try {
      const out = tmp("nopdf");
      const d = await build(out, [REFERENCE]);
      expect(d.code).toBe(0);
      expect(d.stderr.split("\n").filter((l) => l.includes("PDF"))).toEqual([expect.stringMatching(/^yusuan: 未生成 PDF：.*apt-get install chromium/)]);
      const e = await build(tmp("pdf"), [REFERENCE, "--format", "md,pdf"]);
      expect(e.code).toBe(1);
      expect(e.stderr).toMatch(/^yusuan: 生成 PDF 需要 Chromium.*\n$/);
    } finally {
      if (before === undefined) delete process.env["YUSUAN_CHROMIUM"];
      else process.env["YUSUAN_CHROMIUM"] = before;
    }
  }, 60_000);
});

/* ------------------------------------------------------------------------------------ */
/* A Shanghai budget: tables defined as data, in 元, read back by LibreOffice              */
/* ------------------------------------------------------------------------------------ */

describe("a Shanghai budget in the office formats", () => {
  const SH = "shanghai-putuo-commerce-2025";
  let shDir = "";
  let shMarkdown = "";
  // Amounts of the Shanghai tables: 元 with two decimals and separators (371,514,655.00).
  const yuan = (s: string) => /^\d{1,3}(,\d{3})*\.\d{2}$/.test(s);
  const plain = (s: string) => s.replaceAll(",", "");
  const tableAmounts = (md: string) => {
    const out = new Map<string, string[]>();
    const parts = md.split(/^<a id="(t\d+)"><\/a>$/m);
    for (let i = 1; i < parts.length; i += 2) {
      const section = parts[i + 1]!.split(/^<a id=/m)[0]!;
      out.set(parts[i]!, section.split("\n").filter((l) => l.startsWith("|")).join("|").split("|").map((c) => c.trim().replace(/\\(.)/g, "$1")).filter((c) => yuan(c) || /^\d+\.\d{2}$/.test(c)).map(plain));
    }
    return out;
  };
  beforeAll(async () => {
    shDir = tmp("sh");
    expect((await build(shDir, [`budgets/${SH}.budget`, "--format", "md,xlsx,docx"])).code).toBe(0);
    shMarkdown = fs.readFileSync(path.join(shDir, `${SH}.md`), "utf8");
  }, 120_000);

  it("reads back in LibreOffice (xlsx → csv) with each of the nine tables' amounts", async () => {
    const out = tmp("sh-lo-xlsx");
    fs.copyFileSync(path.join(shDir, `${SH}.xlsx`), path.join(out, "b.xlsx"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(out, "b.xlsx")) as unknown as ExcelJS.Buffer);
    const sheets = wb.worksheets.map((w) => w.name);
    expect(sheets[0]).toBe("2025年部门财务收支预算总表");
    const r = spawnSync("soffice", ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, path.join(out, "b.xlsx")], { encoding: "utf8", timeout: 120_000 });
    expect(r.error, "LibreOffice (soffice) is needed: apt-get install libreoffice-calc").toBeUndefined();
    const want = tableAmounts(shMarkdown);
    expect([...want.keys()]).toEqual(["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"]);
    let compared = 0;
    [...want.values()].forEach((amounts, i) => {
      const csv = parseCsv(fs.readFileSync(path.join(out, `b-${sheets[i]}.csv`), "utf8"));
      // The sheet's amounts as LibreOffice reads the numbers, leaving out the 类/款/项 code columns.
      const codeRow = csv.find((row) => row.includes("类"));
      const codeColumns = new Set((codeRow ?? []).flatMap((c, k) => (["类", "款", "项"].includes(c) ? [k] : [])));
      const got = csv.flatMap((row) => row.filter((c, k) => !codeColumns.has(k) && /^\d+(\.\d+)?$/.test(c.trim())).map((c) => new Dec(c).toFixed(2)));
      const sort = (xs: string[]) => [...xs].sort();
      expect(sort(got), sheets[i]).toEqual(sort(amounts.map((a) => new Dec(a).toFixed(2))));
      compared += amounts.length;
    });
    expect(compared).toBeGreaterThan(200);
  }, 180_000);

  it("reads back in LibreOffice (docx → pdf) with every table amount and the 编制说明's figures", () => {
    const out = tmp("sh-lo-docx");
    const r = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", out, path.join(shDir, `${SH}.docx`)], { encoding: "utf8", timeout: 120_000 });
    expect(r.error, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer").toBeUndefined();
    const t = spawnSync("pdftotext", ["-layout", path.join(out, `${SH}.pdf`), "-"], { encoding: "utf8" });
    const pdf = t.stdout.replace(/\s/g, "");
    for (const a of new Set([...tableAmounts(shMarkdown).values()].flat())) expect(pdf.replaceAll(",", ""), a).toContain(a);
    const prose = shMarkdown.slice(shMarkdown.indexOf('<a id="budget">'), shMarkdown.indexOf('<a id="tables">'));
    const figures = [...new Set(prose.match(/\d{1,3}(?:,\d{3})*\.\d{2}万元/g) ?? [])];
    expect(figures.length).toBeGreaterThan(15);
    for (const f of figures) expect(pdf, f).toContain(f);
  }, 180_000);

  it("formats each workbook amount to the decimals its table prints: 元 with two decimals (2025), 万元 without trailing zeros (the 2024 三公 table)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(shDir, `${SH}.xlsx`)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.getCell("B5").value).toBe(371514655);
    expect(wb.worksheets[0]!.getCell("B5").numFmt).toBe("#,##0.00");
    const out = tmp("sh-xlsx-2024");
    expect((await build(out, ["budgets/shanghai-putuo-wanli-2024.budget", "--format", "xlsx"])).code).toBe(0);
    const w24 = new ExcelJS.Workbook();
    await w24.xlsx.load(fs.readFileSync(path.join(out, "shanghai-putuo-wanli-2024.xlsx")) as unknown as ExcelJS.Buffer);
    const three = w24.worksheets[8]!;
    // 三公 2024: 47.91 | 0 | 1.35 | 46.56 | 25 | 21.56 | 443.1831, printed without trailing zeros.
    const formats = ["A6", "E6", "F6", "G6"].map((c) => [three.getCell(c).value, three.getCell(c).numFmt]);
    expect(formats).toEqual([
      [47.91, "#,##0.00"],
      [25, "#,##0"],
      [21.56, "#,##0.00"],
      [443.1831, "#,##0.00"],
    ]);
  });

  it("imports back with no --profile: the source states 公开格式 shanghai and builds the nine tables' amounts", async () => {
    const out = tmp("sh-import");
    let stdout = "";
    let stderr = "";
    const io = { ...nodeIo(), out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t) };
    const imported = path.join(out, "imported.budget");
    expect(await main(["import", path.join(shDir, `${SH}.xlsx`), "--out", imported], io), stderr).toBe(0);
    expect(stdout).toContain("从 9 张表读入");
    const source = fs.readFileSync(imported, "utf8");
    expect(source).toMatch(/^ {2}公开格式 shanghai$/m);
    expect(source).toContain('部门 "上海市普陀区商务委员会"');
    const again = tmp("sh-import-built");
    const r = await build(again, [imported, "--format", "md"]);
    expect(r.code, r.stderr).toBe(0);
    const back = tableAmounts(fs.readFileSync(path.join(again, "imported.md"), "utf8"));
    const want = tableAmounts(shMarkdown);
    expect([...back.keys()]).toEqual([...want.keys()]);
    for (const [id, amounts] of want) expect(back.get(id), id).toEqual(amounts);
  }, 120_000);

  it("imports a workbook whose 三公 table holds a vehicle bought from a project and 机关运行经费 below the 公用经费: a project of 31013 and a 事业单位, each with a 待补充", async () => {
    const out = tmp("sh-import-wanli");
    const W = "shanghai-putuo-wanli-2024";
    expect((await build(out, [`budgets/${W}.budget`, "--format", "xlsx,md"])).code).toBe(0);
    let stderr = "";
    const io = { ...nodeIo(), out: () => {}, err: (t: string) => void (stderr += t) };
    const imported = path.join(out, "imported.budget");
    expect(await main(["import", path.join(out, `${W}.xlsx`), "--out", imported], io), stderr).toBe(0);
    const source = fs.readFileSync(imported, "utf8");
    // The vehicle (250,000元, 公务用车购置 in the 三公 table, none in the basic lines) is project money; amounts in 元 as the tables print them.
    expect(source).toMatch(/项目 "公务用车购置费（项目支出）" \{[^}]*一般公共预算 250,000元\n {2}经济科目 31013\n {2}待补充 "项目：“三公”经费表的公务用车购置费比基本支出中的多/);
    // 机关运行经费 443.18万元 is less than the basic 公用经费: the rest is a 事业单位's.
    expect(source).toContain('单位 "上海市普陀区人民政府万里街道办事处（事业单位）" {\n  类型 事业单位\n  待补充 "单位：机关运行经费只计');
    const again = tmp("sh-import-wanli-built");
    const r = await build(again, [imported, "--format", "md"]);
    expect(r.code, r.stderr).toBe(0);
    const back = tableAmounts(fs.readFileSync(path.join(again, "imported.md"), "utf8"));
    const want = tableAmounts(fs.readFileSync(path.join(out, `${W}.md`), "utf8"));
    expect([...back.keys()]).toEqual([...want.keys()]);
    for (const [id, amounts] of want) expect(back.get(id), id).toEqual(amounts);
  }, 120_000);
});
