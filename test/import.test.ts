/**
 * Pieces of the import on their own: subject codes read from one cell or from 类/款/项
 * cells, the project table's structure (department, units, projects) read from its sums,
 * and tables found anywhere on a sheet by their titles and header rows.
 */
import { describe, expect, it } from "vitest";
import { projectStructure, subjectCode } from "../src/import/read.js";
import { norm, titlePattern } from "../src/import/recognise.js";
import type { SheetCell } from "../src/import/workbook.js";

const cell = (text: string): SheetCell => ({ row: 1, col: 1, ref: "A1", text });
const row = (name: string, total: string) => ({ row: 1, cells: [cell(name), cell(total)] });

describe("subject codes", () => {
  it("are read from one cell or from the 类, 款 and 项 cells", () => {
    expect(subjectCode(["2010507", "专项普查活动"])).toBe("2010507");
    expect(subjectCode(["201", "05", "07", "专项普查活动"])).toBe("2010507");
    expect(subjectCode(["201", "05", "专项普查活动"])).toBe("20105");
    expect(subjectCode(["合计"])).toBeUndefined();
    expect(subjectCode(["1", "2"])).toBeUndefined();
  });
});

describe("the project table's rows", () => {
  it("are the department, then each unit over the projects that add up to it", () => {
    const body = [row("某部门", "10.00"), row("某部门", "6.00"), row("甲项目", "4.00"), row("乙项目", "2.00"), row("某中心", "4.00"), row("丙项目", "4.00")];
    expect(projectStructure(body, 1, "万元", "某部门").map((r) => `${r.kind}:${r.unit}`)).toEqual([
      "department:某部门",
      "unit:某部门",
      "project:某部门",
      "project:某部门",
      "unit:某中心",
      "project:某中心",
    ]);
  });
  it("are projects of the department itself when no row reads as a unit", () => {
    const body = [row("某部门", "6.00"), row("甲项目", "4.00"), row("乙项目", "2.00")];
    expect(projectStructure(body, 1, "万元", "某部门").map((r) => r.kind)).toEqual(["department", "project", "project"]);
  });
});

describe("table titles", () => {
  it("match with or without the ordinal, in any year, with any spacing and bracket width", () => {
    const p = titlePattern({ id: "t5", kind: "general-expenditure", ordinal: "表五", title: "{year}年一般公共预算支出预算表（不含上年结转）" });
    expect(p.exec(norm("表五 2024年一般公共预算支出预算表(不含上年结转)"))?.[1]).toBe("2024");
    expect(p.test(norm("2025年一般公共预算支出预算表（不含上年结转）"))).toBe(true);
    expect(p.test(norm("2024年一般公共预算支出预算表"))).toBe(false);
  });
});
