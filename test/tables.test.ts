/**
 * The tables as grids with meaning: every amount cell carries its exact amount and the
 * dimensions of what it sums, so that the csv, workbook, data package and import read
 * any profile's tables; the closing total rows are kept with the rows above them; and a
 * 表六 name printed once per kind of unit says which kind each line is for, in every
 * format.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinCatalogue } from "../src/catalogue/catalogue.js";
import { derive } from "../src/model/derive.js";
import { columnLabels, placeCells, tailStart } from "../src/render/grid.js";
import { renderCsv } from "../src/render/csv.js";
import { loadProfile, profileExtends, type LoadedProfile, type ProfileLayer } from "../src/render/profile.js";
import { publicationView, renderDocument } from "../src/render/render.js";
import { loadBudget } from "../src/syntax/load.js";
import * as B from "./helpers/ast-builder.js";

function layer(dir: string): ProfileLayer {
  const templates: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) if (f.endsWith(".hbs")) templates[f] = readFileSync(`${dir}/${f}`, "utf8");
  return { origin: dir, templates, ...(existsSync(`${dir}/profile.json`) ? { profileJson: readFileSync(`${dir}/profile.json`, "utf8") } : {}) };
}
function profile(name: string): LoadedProfile {
  const l = layer(`templates/${name}`);
  const base = l.profileJson ? profileExtends(l.profileJson) : undefined;
  return loadProfile([...(base ? [layer(`templates/${base}`)] : []), l]).profile!;
}
const cat = () => builtinCatalogue(2024)!;
const reference = () => derive(loadBudget("budgets/jinzhong-econ-ops-2024.budget", { read: (p) => (existsSync(p) ? readFileSync(p, "utf8") : undefined) }).budget, cat());

describe("amount cells", () => {
  it("carry their amount and what they sum, in every table of both profiles", () => {
    for (const name of ["shanxi-13", "mof-9"]) {
      for (const t of publicationView(reference(), profile(name)).tables) {
        const amounts = placeCells(t.grid).filter((p) => !p.head && p.cell.num);
        expect(amounts.length, `${name} ${t.id}`).toBeGreaterThan(0);
        // Only 年终结转, planned for next year, is no item of this budget.
        expect(amounts.filter((p) => !p.cell.fact).map((p) => p.row), `${name} ${t.id}`).toEqual(t.kind === "summary" || t.kind === "fiscal-summary" ? [amounts.find((p) => !p.cell.fact)!.row] : []);
        expect(amounts.every((p) => p.cell.fen !== undefined)).toBe(true);
      }
    }
  });
  it("name the subject, source and phase they sum", () => {
    const t2 = publicationView(reference(), profile("shanxi-13")).tables[1]!;
    const cell = placeCells(t2.grid).find((p) => p.cell.fact?.code === "2010401" && p.col === 3)!;
    expect(cell.cell.fact).toEqual({ code: "2010401", label: "行政运行", dims: { subject: "2010401", phase: "current", source: "general" } });
    expect(cell.cell.fen).toBe(24_170_000);
    expect(columnLabels(t2.grid)).toEqual(["项目/科目编码", "项目/科目名称", "本年收入/合计", "本年收入/一般公共预算", "本年收入/政府性基金", "本年收入/国有资本经营预算", "本年收入/财政专户管理资金", "本年收入/单位资金", "上年结转"]);
  });
});

describe("closing total rows", () => {
  it("are kept with the two rows above them; a 合计 printed first closes nothing", () => {
    expect(tailStart([{ cls: "" }, { cls: "" }, { cls: "" }, { cls: "total" }, { cls: "" }, { cls: "total" }])).toBe(1);
    expect(tailStart([{ cls: "total" }, { cls: "lvl-1" }, { cls: "lvl-2" }])).toBe(3);
    expect(tailStart([{ cls: "" }, { cls: "lvl-2" }, { cls: "lvl-2" }, { cls: "total" }])).toBe(1);
    const t1 = publicationView(reference(), profile("shanxi-13")).tables[0]!;
    expect(t1.grid.tail.map((r) => r.cells[0]!.text)).toEqual(["", "", "本年收入合计", "上年结转", "收入总计"]);
    expect(renderDocument(reference(), profile("shanxi-13"), "html")).toContain('<tbody class="keep">');
  });
});

describe("表六 lines of one economic subject for two kinds of unit", () => {
  const two = () =>
    derive(
      B.budget({
        department: B.department({ kind: "行政单位" }),
        units: [B.unit("甲单位", "行政单位"), B.unit("乙中心", "事业单位")],
        basic: [B.line("2010401", "30101", "10.00", { unit: "甲单位" }), B.line("2010401", "30101", "6.00", { unit: "乙中心" }), B.line("2010401", "30201", "1.00", { unit: "乙中心" })],
      }),
      cat(),
    );
  it("say which kinds each line is for, in html, md and csv", () => {
    const p = two();
    expect(p.tables.t6.groups[0]!.lines.map((l) => [l.name, l.governmentName, l.unitKinds])).toEqual([
      ["基本工资", "工资奖金津补贴", ["行政单位"]],
      ["基本工资", "工资福利支出", ["事业单位"]],
    ]);
    const md = renderDocument(p, profile("shanxi-13"), "md");
    expect(md).toContain("| 基本工资（行政单位） | 工资奖金津补贴 | 10.00 | 10.00 |  |");
    expect(md).toContain("| 基本工资（事业单位） | 工资福利支出 | 6.00 | 6.00 |  |");
    expect(renderDocument(p, profile("shanxi-13"), "html")).toContain("<td>基本工资（事业单位）</td>");
    expect(renderCsv(publicationView(p, profile("shanxi-13")).tables)).toContain("t6,表六 2024年一般公共预算安排基本支出分经济科目表（不含上年结转）,4,30101,基本工资（事业单位）");
    // A name printed once keeps its name alone.
    expect(md).toContain("| 办公费 | 商品和服务支出 | 1.00 |");
  });
});
