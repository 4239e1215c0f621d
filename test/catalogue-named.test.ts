/**
 * The catalogue a budget names (分类目录 "PATH" in its 部门 block, or in its roll-up's 汇总
 * block), as every command uses it: a CSV or JSON file beside the budget, filled in from
 * the built-in catalogue of its year; --catalogue overriding it; 完整 是 making unknown
 * codes errors; paths kept inside the root; a workbook refused with the command that
 * imports it; names from the source reaching the tables. A real process builds the
 * culture bureau's budget with plain `yusuan build FILE --out DIR`, and checks a roll-up
 * in worker threads.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { checkBudget } from "../src/check/check.js";
import { checkEntry } from "../src/check/entry.js";
import { memoryIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { derive } from "../src/model/derive.js";
import { loadBudget } from "../src/syntax/load.js";
// The full parser and the catalogue schema, as the commands load them on demand.
import "../src/syntax/parser.js";
import "../src/catalogue/file.js";

const CSV = "编码,名称\n207,文化旅游体育与传媒支出\n20701,文化和旅游\n2070101,行政运行\n2070109,群众文化\n";
const JSON_CATALOGUE = JSON.stringify({
  format: "yusuan-catalogue",
  formatVersion: 1,
  year: 2025,
  functional: { lei: [{ code: "207", name: "文化旅游体育与传媒支出" }], subjects: [{ code: "20701", name: "文化和旅游" }, { code: "2070101", name: "行政运行" }, { code: "2070109", name: "群众文化" }] },
});

/** The culture bureau's 2025 budget, naming its catalogue. */
function budget(catalogue: string | undefined, more = ""): string {
  return `部门 712 "某县文化和旅游局" {
  年度 2025
  金额单位 万元
  类型 行政单位
  职责 "负责全县文化和旅游工作。"
  机构设置 "内设办公室、艺术科。"
${catalogue ? `  分类目录 "${catalogue}"${more}\n` : ""}}

基本支出 {
  支出 2070101 30201 12.00万元
  支出 2070101 30211 3.50万元
  支出 2070101 30101 80.00万元
}

项目 "群众文化活动经费" {
  科目 2070109
  类别 特定目标类
  一般公共预算 20.00万元
}
`;
}

function host(files: Record<string, string>) {
  return { read: (p: string) => files[p] };
}

function codes(files: Record<string, string>, entry = "文旅局/预算.budget") {
  return checkEntry(entry, host(files)).diagnostics.map((d) => `${d.severity} ${d.code}`);
}

describe("the language", () => {
  it("reads names after a basic line's codes, 科目名, and 分类目录 with its block", () => {
    const text = `部门 712 "某县文化和旅游局" {
  年度 2025
  catalogue "科目.csv" {
    year 2025
    complete 是
  }
}
subject-name 20701 "文化和旅游"
基本支出 {
  支出 2070101 "行政运行" 30201 "办公费" 3.50万元 单位资金
  line 2070109 30202 1.00万元
}
`;
    const b = loadBudget("b.budget", host({ "b.budget": text, "科目.csv": CSV }));
    expect(b.diagnostics).toEqual([]);
    const [l1, l2] = b.budget.basic;
    expect([l1!.subject.value, l1!.subjectName?.value, l1!.economic.value, l1!.economicName?.value, l1!.money.fen, l1!.source.value]).toEqual(["2070101", "行政运行", "30201", "办公费", 3_500_000, "单位资金"]);
    expect([l2!.subjectName, l2!.economicName]).toEqual([undefined, undefined]);
    expect(b.budget.subjectNames.map((n) => `${n.code.value} ${n.name.value}`)).toEqual(["20701 文化和旅游"]);
    const ref = b.budget.department!.catalogue!;
    expect([ref.path.value, ref.year?.value, ref.complete?.value]).toEqual(["科目.csv", 2025, true]);
    expect(b.catalogueSource).toMatchObject({ path: "科目.csv", text: CSV });
  });
});

describe("a catalogue the budget names", () => {
  it("is a CSV or JSON file beside the budget, and the check is clean with it", () => {
    expect(codes({ "文旅局/预算.budget": budget("科目2025.csv"), "文旅局/科目2025.csv": CSV })).toEqual([]);
    expect(codes({ "文旅局/预算.budget": budget("科目2025.json"), "文旅局/科目2025.json": JSON_CATALOGUE })).toEqual([]);
    // Without it the 207 subjects have no names.
    expect(codes({ "文旅局/预算.budget": budget(undefined) })).toContain("error subject-name-missing");
  });

  it("is filled in from the built-in catalogue of its year, as the description says", () => {
    const loaded = loadBudget("文旅局/预算.budget", host({ "文旅局/预算.budget": budget("科目2025.csv"), "文旅局/科目2025.csv": CSV }));
    const c = checkBudget(loaded).catalogue;
    expect(c.description).toBe("文旅局/科目2025.csv + 内置 2025 年目录（种子数据）");
    expect(c.functional("2070109")?.name).toBe("群众文化");
    expect(c.economic("30201")?.name).toBe("办公费"); // from the built-in lists
    expect(c.lei.find((l) => l.code === "207")?.label).toBe("七、文化旅游体育与传媒支出");
  });

  it("makes unknown codes errors when it is complete", () => {
    const files = { "文旅局/预算.budget": budget("科目2025.csv", " {\n    完整 是\n  }").replace("2070109", "2070199"), "文旅局/科目2025.csv": CSV };
    expect(codes(files)).toContain("error unknown-subject");
    expect(codes({ ...files, "文旅局/预算.budget": files["文旅局/预算.budget"].replace("完整 是", "完整 否") })).toContain("warning unknown-subject");
    expect(codes({ ...files, "文旅局/预算.budget": files["文旅局/预算.budget"].replace("完整 是", "完整 也许") })).toContain("error invalid-value");
  });

  it("stays inside the budget's root and must exist, as an include", () => {
    expect(codes({ "文旅局/预算.budget": budget("../科目2025.csv"), "科目2025.csv": CSV })).toContain("error include-outside-root");
    expect(codes({ "文旅局/预算.budget": budget("没有.csv") })).toContain("error include-not-found");
  });

  it("may be in an included file's folder, relative to the file that names it", () => {
    const files = {
      "文旅局/预算.budget": `引用 "部门/部门.budget"\n` + budget(undefined).split("\n").slice(8).join("\n"),
      "文旅局/部门/部门.budget": budget("科目2025.csv").split("\n").slice(0, 8).join("\n") + "\n",
      "文旅局/部门/科目2025.csv": CSV,
    };
    expect(codes(files)).toEqual([]);
  });

  it("is refused as a workbook, with the command that imports it", () => {
    const ds = checkEntry("文旅局/预算.budget", host({ "文旅局/预算.budget": budget("科目2025.xlsx"), "文旅局/科目2025.xlsx": "PK…" })).diagnostics;
    const d = ds.find((x) => x.code === "catalogue-file")!;
    expect(d.hint?.zh).toContain("yusuan catalogue import 文旅局/科目2025.xlsx --out 文旅局/科目2025.json");
  });

  it("is of the budget's year, or a warning says so", () => {
    const files = { "文旅局/预算.budget": budget("科目2024.csv"), "文旅局/科目2024.csv": "2024年政府收支分类科目\n" + CSV };
    expect(codes(files)).toEqual(["warning catalogue-year"]);
    // A CSV without a year is taken as the budget's; 年度 in the block states it.
    expect(codes({ ...files, "文旅局/预算.budget": budget("科目.csv", " {\n    年度 2024\n  }"), "文旅局/科目.csv": CSV })).toEqual(["warning catalogue-year"]);
  });

  it("serves last year's budget too, when that names none", () => {
    const files = {
      "文旅局/预算.budget": budget("科目2025.csv") + `上年 {\n  源文件 "2024.budget"\n}\n`,
      "文旅局/科目2025.csv": CSV,
      "文旅局/2024.budget": budget(undefined).replace("年度 2025", "年度 2024"),
    };
    // Without this catalogue last year's budget would have errors (its 207 rows unnamed): last-year-budget.
    expect(codes(files)).toEqual([]);
  });

  it("gives way to --catalogue", async () => {
    const io = memoryIo({ "文旅局/预算.budget": budget("科目2025.csv"), "文旅局/科目2025.csv": "编码,名称\n207,错的名称\n" , "other.csv": "2025年\n" + CSV });
    expect(await main(["check", "文旅局/预算.budget"], io)).toBe(1); // the named one has errors
    io.stdout = "";
    expect(await main(["check", "--catalogue", "other.csv", "文旅局/预算.budget"], io)).toBe(0);
    expect(io.stdout).toBe("");
  });

  it("is read by the JSON path of check, build's and diff's catalogue schema loaded on demand", async () => {
    const io = memoryIo({ "文旅局/预算.budget": budget("科目2025.json"), "文旅局/科目2025.json": JSON_CATALOGUE });
    expect(await main(["check", "--format", "json", "文旅局/预算.budget"], io)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual({ diagnostics: [] });
    io.stdout = "";
    expect(await main(["diff", "文旅局/预算.budget", "文旅局/预算.budget"], io)).toBe(0);
  });

  it("names every row of the tables, from the catalogue or the source", () => {
    const source = (line: string) => ({
      "b.budget": `部门 712 "某县文化馆" {\n  年度 2025\n  类型 事业单位\n  职责 "负责群众文化活动。"\n  机构设置 "内设办公室。"\n}\n科目名 20701 "文化和旅游"\n基本支出 {\n  ${line}\n}\n`,
    });
    const checked = checkBudget(loadBudget("b.budget", host(source(`支出 2070101 "行政运行" 30298 "试验款" 1.00万元`))));
    expect(checked.diagnostics.map((d) => d.code)).toEqual(["unknown-subject", "unknown-economic-subject"]);
    const t = derive(checked.effective, checked.catalogue).tables;
    expect(t.t2.rows.map((r) => `${r.code} ${r.name}`)).toEqual(["207 文化旅游体育与传媒支出", "20701 文化和旅游", "2070101 行政运行"]);
    const line = t.t6.groups[0]!.lines[0]!;
    expect([t.t6.groups[0]!.name, line.name, line.governmentName]).toEqual(["商品和服务支出", "试验款", "商品和服务支出"]);
    // A 款 of a 类 the catalogue lacks has no 政府 subject to print: that is reported too.
    const unmapped = checkBudget(loadBudget("b.budget", host(source(`支出 2070101 "行政运行" 39801 "试验款" 1.00万元`)))).diagnostics;
    expect(unmapped.filter((d) => d.code === "subject-name-missing").map((d) => d.message.en)).toEqual([
      "the row of the 类 398 in 表六 has no name (used by 39801): neither the catalogue (内置 2025 年目录（种子数据）) nor the budget names it",
      "the 表六 row of 39801 has no 政府 subject: the catalogue (内置 2025 年目录（种子数据）) does not map 39801 of a 事业单位 to one",
    ]);
  });
});

describe("a catalogue a roll-up names", () => {
  const dept = (name: string, code: string, catalogue?: string) => budget(catalogue).replace('712 "某县文化和旅游局"', `${code} "${name}"`);
  const rollup = `汇总 "某县" {\n  年度 2025\n  分类目录 "科目2025.csv"\n}\n引用 "文旅局/预算.budget"\n引用 "体育局/预算.budget"\n`;

  it("is every department's that names none; a department's own comes first", () => {
    const files = {
      "县/汇总.budget": rollup,
      "县/科目2025.csv": CSV,
      "县/文旅局/预算.budget": dept("某县文化和旅游局", "712"),
      "县/体育局/预算.budget": dept("某县体育局", "713", "自己的.csv"),
      "县/体育局/自己的.csv": "2025年\n编码,名称\n207,文化旅游体育与传媒支出\n20701,文化和旅游\n2070101,行政运行\n2070109,群众文艺\n",
    };
    const ds = checkEntry("县/汇总.budget", host(files)).diagnostics;
    expect(ds.map((d) => `${d.span.file} ${d.code}`)).toEqual([]);
    // Without the roll-up's catalogue the first department's subjects have no names.
    const without = checkEntry("县/汇总.budget", host({ ...files, "县/汇总.budget": rollup.replace('  分类目录 "科目2025.csv"\n', "") })).diagnostics;
    expect(without.filter((d) => d.code === "subject-name-missing").map((d) => d.span.file)).toEqual(["县/文旅局/预算.budget", "县/文旅局/预算.budget", "县/文旅局/预算.budget"]);
  });
});

describe("the yusuan process", () => {
  const run = (args: string[], cwd?: string) => spawnSync(process.execPath, [path.resolve("bin/yusuan.js"), ...args], { encoding: "utf8", ...(cwd ? { cwd } : {}) });

  it("builds the culture bureau's budget with its CSV catalogue and no flag, every row named", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-catalogue-");
    fs.mkdirSync(`${dir}/文旅局`);
    fs.writeFileSync(`${dir}/文旅局/文旅局2025.budget`, budget("科目2025.csv"));
    fs.writeFileSync(`${dir}/文旅局/科目2025.csv`, CSV);
    const r = run(["build", "文旅局/文旅局2025.budget", "--out", "out", "--format", "json,md"], dir);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const pub = JSON.parse(fs.readFileSync(`${dir}/out/文旅局2025.json`, "utf8")) as { tables: Record<string, { rows?: { code: string; name: string }[]; groups?: { name: string; lines: { name: string; governmentName: string }[] }[]; expenditure?: { name: string }[] }> };
    const t = pub.tables;
    const rows = ["t2", "t3", "t5"].flatMap((k) => t[k]!.rows!);
    expect(rows.map((x) => `${x.code} ${x.name}`)).toContain("20701 文化和旅游");
    for (const x of rows) expect(x.name, x.code).not.toBe("");
    for (const g of t["t6"]!.groups!) {
      expect(g.name).not.toBe("");
      for (const l of g.lines) expect([l.name, l.governmentName]).not.toContain("");
    }
    for (const e of t["t1"]!.expenditure!) expect(e.name).not.toBe("");
    expect(fs.readFileSync(`${dir}/out/文旅局2025.md`, "utf8")).toContain("| 2070109 | 群众文化 | 20.00 |");
    // A JSON catalogue: check loads its schema on demand.
    fs.writeFileSync(`${dir}/文旅局/j.budget`, budget("科目2025.json"));
    fs.writeFileSync(`${dir}/文旅局/科目2025.json`, JSON_CATALOGUE);
    const j = run(["check", "--format", "json", "文旅局/j.budget"], dir);
    expect(j.stderr).toBe("");
    expect(JSON.parse(j.stdout)).toEqual({ diagnostics: [] });
  });

  it("checks a roll-up's departments against its catalogue in worker threads", () => {
    const dir = fs.mkdtempSync("/tmp/yusuan-catalogue-");
    const names = ["甲", "乙", "丙", "丁"];
    fs.writeFileSync(`${dir}/科目2025.csv`, CSV);
    fs.writeFileSync(`${dir}/汇总.budget`, `汇总 "某县" {\n  年度 2025\n  分类目录 "科目2025.csv"\n}\n` + names.map((n) => `引用 "${n}/预算.budget"\n`).join(""));
    names.forEach((n, i) => {
      fs.mkdirSync(`${dir}/${n}`);
      fs.writeFileSync(`${dir}/${n}/预算.budget`, budget(undefined).replace('712 "某县文化和旅游局"', `${800 + i} "某县${n}局"`));
    });
    const r = run(["check", "--jobs", "2", "--format", "json", "汇总.budget"], dir);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [] });
    expect(r.status).toBe(0);
  });
});
