/**
 * Importing a budget office's catalogue lists: the same culture-bureau list as CSV (flat,
 * tree by indentation, 类/款/项 columns, GB18030) and as workbooks in each layout (written
 * here with exceljs) imports to the same catalogue; structural errors are reported at
 * their sheet, row and column, as text and as JSON; the 部门→政府 mapping in both its
 * layouts; the year from a title row or a file name; and `catalogue diff` of two
 * imported years lists the changed codes.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv, decodeCsv } from "../src/catalogue/sheet.js";
import { importSheets } from "../src/catalogue/tabular.js";
import type { CatalogueFileData } from "../src/catalogue/types.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { readWorkbook } from "../src/cli/xlsx.js";

/** The culture bureau's 2025 list, the acceptance example. */
const EXPECTED: CatalogueFileData = {
  format: "yusuan-catalogue",
  formatVersion: 1,
  year: 2025,
  functional: {
    lei: [{ code: "207", name: "文化旅游体育与传媒支出" }],
    subjects: [
      { code: "20701", name: "文化和旅游" },
      { code: "2070101", name: "行政运行" },
      { code: "2070109", name: "群众文化" },
    ],
  },
};

const FLAT_CSV = "编码,名称\n207,文化旅游体育与传媒支出\n20701,文化和旅游\n2070101,行政运行\n2070109,群众文化\n";
const TREE_CSV = "科目编码,科目名称\n207,文化旅游体育与传媒支出\n01,  文化和旅游\n01,    行政运行\n09,    群众文化\n";
const COLUMNS_CSV = "功能分类科目编码,,,功能分类科目名称\n类,款,项,\n207,,,文化旅游体育与传媒支出\n207,01,,文化和旅游\n,,01,行政运行\n,,09,群众文化\n";

function csv(name: string, text: string) {
  return parseCsv(name, text).sheet;
}

/** A workbook of one sheet, from rows of cells: a cell is a value, or a value with an indent. */
async function workbook(sheets: Record<string, (string | number | { v: string; indent: number } | null)[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = ws.getCell(r + 1, c + 1);
        if (typeof cell === "object") {
          target.value = cell.v;
          target.alignment = { indent: cell.indent };
        } else target.value = cell;
      }),
    );
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sheetsOf(bytes: Uint8Array, path = "科目2025.xlsx") {
  const wb = await readWorkbook(path, bytes);
  if ("error" in wb) throw new Error(wb.error);
  return wb.sheets;
}

describe("importing a CSV list", () => {
  it("reads the flat, tree and column layouts to the same catalogue", () => {
    for (const [name, text, layout] of [
      ["flat.csv", FLAT_CSV, "flat"],
      ["tree.csv", TREE_CSV, "tree"],
      ["columns.csv", COLUMNS_CSV, "columns"],
    ] as const) {
      const r = importSheets([csv(name, text)], { year: 2025 });
      expect(r.diagnostics, name).toEqual([]);
      expect(r.sheets[0]?.layout, name).toBe(layout);
      expect(r.file, name).toEqual(EXPECTED);
    }
  });

  it("reads codes written in segments, 207 01 09", () => {
    const r = importSheets([csv("s.csv", "编码,名称\n207,文化旅游体育与传媒支出\n207 01,文化和旅游\n207 01 01,行政运行\n207 01 09,群众文化\n")], { year: 2025 });
    expect(r.file).toEqual(EXPECTED);
  });

  it("decodes GB18030, as spreadsheets on Chinese Windows save CSV", () => {
    // The list in GB18030, encoded through a table of the characters it uses.
    const gb = gb18030(FLAT_CSV);
    const { text, encoding } = decodeCsv(gb);
    expect(encoding).toBe("GB18030");
    expect(text).toBe(FLAT_CSV);
    expect(decodeCsv(new Uint8Array(Buffer.from("\ufeff" + FLAT_CSV, "utf8")))).toEqual({ text: FLAT_CSV, encoding: "UTF-8" });
  });

  it("is read in GB18030 when a budget names it", async () => {
    const budget = `部门 712 "某县文化和旅游局" {\n  年度 2025\n  职责 "负责全县文化和旅游工作。"\n  机构设置 "内设办公室。"\n  类型 行政单位\n  分类目录 "科目.csv"\n}\n项目 "群众文化活动经费" {\n  科目 2070109\n  类别 特定目标类\n  一般公共预算 20.00万元\n}\n`;
    const io = memoryIo({ "b.budget": budget }, { bytes: { "科目.csv": gb18030(FLAT_CSV) } });
    expect(await main(["check", "b.budget"], io)).toBe(0);
    expect(io.stdout).toBe("");
  });

  it("takes the year from a title row, else from the file name, and asks for it otherwise", () => {
    expect(importSheets([csv("list.csv", "2026年政府收支分类科目\n" + FLAT_CSV)]).file?.year).toBe(2026);
    expect(importSheets([csv("文旅局科目2024.csv", FLAT_CSV)]).file?.year).toBe(2024);
    const none = importSheets([csv("list.csv", FLAT_CSV)]);
    expect(none.file).toBeUndefined();
    expect(none.diagnostics.map((d) => d.code)).toEqual(["catalogue-file"]);
  });

  it("checks the structure and reports each problem at its cell", () => {
    const text = "编码,名称\n207,文化旅游体育与传媒支出\n2070109,群众文化\n20702,文物\n2070201,行政运行\n2070202,行政运行\n20702,文化遗产\n2070x,坏编码\n2070205,\n";
    const r = importSheets([csv("bad.csv", text)], { year: 2025 });
    expect(r.file).toBeUndefined();
    const at = r.diagnostics.map((d) => `${d.code}@${d.span.cell?.row}:${d.span.cell?.column}`).sort();
    expect(at).toEqual([
      "catalogue-code-repeated@7:2", // one name per code
      "catalogue-code-shape@8:1", // not digits
      "catalogue-duplicate-name@6:2", // names unique under a parent
      "catalogue-parent-missing@3:1", // 2070109 without 20701
      "catalogue-row-incomplete@9:2", // a code without a name
    ]);
  });
});

describe("importing a workbook", () => {
  it("reads every layout to the same catalogue as the CSV", async () => {
    const layouts = {
      flat: [["编码", "名称"], [207, "文化旅游体育与传媒支出"], [20701, "文化和旅游"], [2070101, "行政运行"], [2070109, "群众文化"]],
      // Indented by the cells' indent property, with each code its own segment.
      tree: [["科目编码", "科目名称"], ["207", "文化旅游体育与传媒支出"], ["01", { v: "文化和旅游", indent: 1 }], ["01", { v: "行政运行", indent: 2 }], ["09", { v: "群众文化", indent: 2 }]],
      // Indented by leading spaces, with full codes.
      spaces: [["编码", "名称"], ["207", "文化旅游体育与传媒支出"], ["20701", "　文化和旅游"], ["2070101", "　　行政运行"], ["2070109", "　　群众文化"]],
      // 类/款/项 columns as numbers: 1 in the 款 column stands for 01.
      columns: [["类", "款", "项", "科目名称"], [207, null, null, "文化旅游体育与传媒支出"], [207, 1, null, "文化和旅游"], [207, 1, 1, "行政运行"], [207, 1, 9, "群众文化"]],
    };
    for (const [name, rows] of Object.entries(layouts)) {
      const sheets = await sheetsOf(await workbook({ [name]: rows }));
      const r = importSheets(sheets, { year: 2025 });
      expect(r.diagnostics, name).toEqual([]);
      expect(r.file, name).toEqual(EXPECTED);
    }
  });

  it("reports a structural error at its sheet, row and column", async () => {
    const bytes = await workbook({
      说明: [["本工作簿由某县财政局导出"]],
      功能分类: [["编码", "名称"], [207, "文化旅游体育与传媒支出"], [20701, "文化和旅游"], [2070109, "群众文化"], [2070209, "文物保护"]],
    });
    const io = memoryIo({}, { bytes: { "科目2025.xlsx": bytes } });
    expect(await main(["catalogue", "import", "科目2025.xlsx", "--out", "k.json"], io)).toBe(1);
    expect(io.files["k.json"]).toBeUndefined();
    expect(io.stderr).toContain("错误[catalogue-parent-missing]: 项 2070209 文物保护 的上级款 20702 没有列出");
    expect(io.stderr).toContain("--> 科目2025.xlsx:功能分类!A5");
    // The frame shows the sheet's row.
    expect(io.stderr).toMatch(/> 5 \| 2070209 \| 文物保护\n\s+\| \^{7}/);
    expect(io.stdout).toContain("科目2025.xlsx:说明：没有编码，跳过");

    const json = memoryIo({}, { bytes: { "科目2025.xlsx": bytes } });
    expect(await main(["catalogue", "import", "科目2025.xlsx", "--out", "k.json", "--format", "json"], json)).toBe(1);
    const d = (JSON.parse(json.stdout) as { diagnostics: Record<string, unknown>[] }).diagnostics[0]!;
    expect(d).toMatchObject({ code: "catalogue-parent-missing", file: "科目2025.xlsx", sheet: "功能分类", cell: "A5", line: 5, column: 1 });
    expect(Object.keys(d).slice(0, 8)).toEqual(["code", "severity", "message", "file", "sheet", "cell", "line", "column"]);
  });

  it("imports the 部门→政府 mapping with a kind column or a column per kind", async () => {
    const byKind = await workbook({
      对应关系: [["部门经济科目编码", "部门经济科目名称", "政府经济科目编码", "单位类型"], [30201, "办公费", 50201, "行政单位、参公事业单位"], [30201, "办公费", 50502, "事业单位"]],
    });
    const wide = await workbook({ 对应关系: [["部门经济科目编码", "行政单位", "参公事业单位", "事业单位"], [30201, 50201, 50201, 50502]] });
    for (const bytes of [byKind, wide]) {
      const r = importSheets(await sheetsOf(bytes), { year: 2025 });
      expect(r.diagnostics).toEqual([]);
      expect(r.file?.mapping).toEqual([
        { kinds: ["行政单位", "参公事业单位"], dept: "30201", gov: "50201" },
        { kinds: ["事业单位"], dept: "30201", gov: "50502" },
      ]);
    }
    const bad = importSheets(await sheetsOf(await workbook({ m: [["部门经济科目编码", "政府经济科目编码", "单位类型"], [30201, 59999, "机关"], [30298, 50201, ""]] })), { year: 2025 });
    expect(bad.diagnostics.map((d) => `${d.code}@${d.span.cell?.sheet}!${d.span.cell?.row}:${d.span.cell?.column}`)).toEqual(["catalogue-mapping@m!2:3", "catalogue-mapping@m!3:1"]);
  });
});

describe("yusuan catalogue", () => {
  const y2024 = "2024年政府收支分类科目\n编码,名称\n207,文化旅游体育与传媒支出\n20701,文化和旅游\n2070101,行政运行\n2070108,文化活动\n2070109,群众文化\n2070199,其他文化和旅游支出\n";
  const y2025 = "编码,名称\n207,文化旅游体育与传媒支出\n20701,文化和旅游\n2070101,行政运行\n2070109,群众文化活动\n2070110,文化活动\n2070112,文化创意\n";

  it("imports a CSV and an equal workbook to the same file, byte for byte", async () => {
    const io = memoryIo({ "科目2025.csv": FLAT_CSV }, { bytes: { "科目2025.xlsx": await workbook({ 功能分类: [["编码", "名称"], [207, "文化旅游体育与传媒支出"], [20701, "文化和旅游"], [2070101, "行政运行"], [2070109, "群众文化"]] }) } });
    expect(await main(["catalogue", "import", "科目2025.csv", "--out", "a.json"], io)).toBe(0);
    expect(await main(["catalogue", "import", "科目2025.xlsx", "--out", "b.json"], io)).toBe(0);
    expect(io.files["a.json"]).toBe(io.files["b.json"]);
    expect(JSON.parse(io.files["a.json"]!)).toEqual(EXPECTED);
    expect(io.stdout).toContain("已写出 a.json：2025 年，支出功能分类 1 类、1 款、2 项");
  });

  it("diffs two imported years: added, removed, renamed and moved codes", async () => {
    const io = memoryIo({ "2024.csv": y2024, "2025.csv": y2025 });
    expect(await main(["catalogue", "import", "2024.csv", "--out", "2024.json"], io)).toBe(0);
    expect(await main(["catalogue", "import", "2025.csv", "--out", "2025.json", "--year", "2025"], io)).toBe(0);
    io.stdout = "";
    expect(await main(["catalogue", "diff", "2024.json", "2025.json"], io)).toBe(0);
    expect(io.stdout).toBe(
      [
        "2024.json (2024) → 2025.json (2025)",
        "支出功能分类：新增 1，取消 1，改名 1，改号 1",
        "  > 2070108 项  文化活动 改为 2070110",
        "  ~ 2070109 项  群众文化 → 群众文化活动",
        "  + 2070112 项  文化创意",
        "  - 2070199 项  其他文化和旅游支出",
        "",
      ].join("\n"),
    );
    io.stdout = "";
    expect(await main(["catalogue", "diff", "2024.json", "2025.json", "--format", "json"], io)).toBe(0);
    const j = JSON.parse(io.stdout) as { changes: { kind: string; code: string }[] };
    expect(j.changes.map((c) => `${c.kind} ${c.code}`)).toEqual(["moved 2070108", "renamed 2070109", "added 2070112", "removed 2070199"]);
  });

  it("finds by name and by code prefix, and shows a subject", async () => {
    const io = memoryIo({ "科目2025.csv": FLAT_CSV });
    expect(await main(["catalogue", "find", "群众", "--catalogue", "科目2025.csv"], io)).toBe(0);
    expect(io.stdout).toContain("2070109 项  群众文化  （207 文化旅游体育与传媒支出 › 20701 文化和旅游）");
    expect(io.stdout).toContain("2070308 项  群众体育"); // from the built-in 2025 catalogue it fills in from
    io.stdout = "";
    expect(await main(["catalogue", "find", "20701", "--catalogue", "科目2025.csv", "--format", "json"], io)).toBe(0);
    expect((JSON.parse(io.stdout) as { subjects: { code: string }[] }).subjects.map((s) => s.code)).toEqual(["20701", "2070101", "2070109"]);
    io.stdout = "";
    expect(await main(["catalogue", "find", "没有这个"], io)).toBe(1);
    io.stdout = "";
    expect(await main(["catalogue", "show", "20701", "--catalogue", "科目2025.csv"], io)).toBe(0);
    expect(io.stdout).toContain("上级：207 文化旅游体育与传媒支出");
    expect(io.stdout).toContain("下级：2070101 行政运行、2070109 群众文化");
    io.stdout = "";
    expect(await main(["catalogue", "show", "30231", "--year", "2024"], io)).toBe(0);
    expect(io.stdout).toContain("三公：公务用车运行维护");
    expect(io.stdout).toContain("事业单位 50208 公务用车运行维护费");
    io.stdout = "";
    expect(await main(["catalogue", "show", "50208", "--format", "json"], io)).toBe(0);
    expect((JSON.parse(io.stdout) as { mappedFrom: { code: string }[] }).mappedFrom.map((m) => m.code)).toContain("30231");
  });

  it("exits 2 on a file it cannot read and on a bad year", async () => {
    const io = memoryIo({});
    expect(await main(["catalogue", "import", "nope.csv", "--out", "x.json"], io)).toBe(2);
    expect(await main(["catalogue", "show", "207", "--year", "20x5"], io)).toBe(2);
    expect(await main(["catalogue", "diff", "1999", "2024"], io)).toBe(2);
    expect(await main(["catalogue"], io)).toBe(2);
  });
});

/** GB18030 bytes of a text of ASCII and the CJK characters the lists above use (via Node's decoder, inverted). */
function gb18030(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  // Every two-byte GBK code (lead 0x81–0xFE, trail 0x40–0xFE): enough for the characters used here.
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const b = table.get(ch);
      if (!b) throw new Error(`no GB18030 bytes for ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}
