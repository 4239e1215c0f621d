/**
 * Tests of the classification catalogue: the built-in 2024 catalogue against every
 * subject the reference disclosure prints, the 表一 类 list, the economic mapping per
 * kind of unit, 人员经费/公用经费 and 三公, the file validation, the generated modules
 * against their JSON sources, the 2025 catalogue, filling a budget office's catalogue in
 * from the built-in one, and the changes between two catalogues.
 */
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { BUILTIN_CATALOGUE_YEARS, builtinCatalogue, builtinYearFor, resolveCatalogue } from "../src/catalogue/catalogue.js";
import { catalogueFromJson } from "../src/catalogue/file.js";
import { BUILTIN_2024 } from "../src/catalogue/builtin-2024.js";
import { BUILTIN_2025 } from "../src/catalogue/builtin-2025.js";
import { diffCatalogues } from "../src/catalogue/diff.js";
import type { Catalogue, CatalogueFileData } from "../src/catalogue/types.js";

const jsonPath = new URL("../data/classification/2024/catalogue.json", import.meta.url);
const json2024: unknown = JSON.parse(readFileSync(jsonPath, "utf8"));

function cat(): Catalogue {
  const c = builtinCatalogue(2024);
  if (c === undefined) throw new Error("no built-in 2024 catalogue");
  return c;
}

/** A deep copy of the 2024 file, to break in one place per test. */
function copy(): Record<string, any> {
  return structuredClone(json2024) as Record<string, any>;
}

describe("built-in 2024 catalogue", () => {
  it("is generated from the JSON data and has not drifted from it", () => {
    expect(BUILTIN_2024).toEqual(json2024);
  });

  it("loads without problems and is cached", () => {
    const { catalogue, problems } = catalogueFromJson(json2024, "test");
    expect(problems).toEqual([]);
    expect(catalogue?.year).toBe(2024);
    expect(builtinCatalogue(2024)).toBe(builtinCatalogue(2024));
    expect(cat().description).toBe("内置 2024 年目录（种子数据）");
    expect(BUILTIN_CATALOGUE_YEARS).toEqual([2024, 2025]);
  });

  it("has no catalogue for a year it does not know", () => {
    expect(builtinCatalogue(1999)).toBeUndefined();
  });

  it("resolves every functional subject of the reference with its printed name", () => {
    // 表二 and 表三 of the reference, as printed.
    const printed: [string, string, string][] = [
      ["201", "一般公共服务支出", "类"],
      ["20104", "发展与改革事务", "款"],
      ["2010401", "行政运行", "项"],
      ["2010402", "一般行政管理事务", "项"],
      ["20105", "统计信息事务", "款"],
      ["2010502", "一般行政管理事务", "项"],
      ["2010507", "专项普查活动", "项"],
      ["20113", "商贸事务", "款"],
      ["2011399", "其他商贸事务支出", "项"],
      ["208", "社会保障和就业支出", "类"],
      ["20808", "抚恤", "款"],
      ["2080801", "死亡抚恤", "项"],
      ["215", "资源勘探工业信息等支出", "类"],
      ["21505", "工业和信息产业监管", "款"],
      ["2150517", "产业发展", "项"],
      ["21508", "支持中小企业发展和管理支出", "款"],
      ["2150805", "中小企业发展专项", "项"],
      ["219", "援助其他地区支出", "类"],
      ["21907", "交通运输", "款"],
    ];
    for (const [code, name, level] of printed) {
      const s = cat().functional(code);
      expect(s, code).toBeDefined();
      expect(s?.name, code).toBe(name);
      expect(s?.level, code).toBe(level);
    }
  });

  it("resolves every economic line of the reference's 表六 with its printed names", () => {
    // 部门预算支出经济科目名称 and 政府预算支出经济科目名称 as printed, ASCII parentheses included.
    const lines: [string, string, string][] = [
      ["30201", "办公费", "商品和服务支出"],
      ["30202", "印刷费", "商品和服务支出"],
      ["30211", "差旅费", "商品和服务支出"],
      ["30213", "维修(护)费", "商品和服务支出"],
      ["30216", "培训费", "商品和服务支出"],
      ["30228", "工会经费", "商品和服务支出"],
      ["30229", "福利费", "商品和服务支出"],
      ["30231", "公务用车运行维护费", "公务用车运行维护费"],
      ["30239", "其他交通费用", "商品和服务支出"],
      ["30299", "其他商品和服务支出", "商品和服务支出"],
    ];
    expect(cat().economic("302")?.name).toBe("商品和服务支出");
    for (const [code, deptName, govName] of lines) {
      expect(cat().economic(code)?.name, code).toBe(deptName);
      expect(cat().personnelOrPublic(code), code).toBe("公用经费");
      const gov = cat().mapToGovernment(code, "事业单位");
      expect(gov, code).toBeDefined();
      expect(cat().government(gov ?? "")?.name, code).toBe(govName);
    }
  });

  it("lists the 30 类 of 表一 in order with their ordinal labels", () => {
    const lei = cat().lei;
    expect(lei).toHaveLength(30);
    expect(lei[0]).toEqual({ code: "201", name: "一般公共服务支出", label: "一、一般公共服务支出" });
    expect(lei[17]).toEqual({ code: "219", name: "援助其他地区支出", label: "十八、援助其他地区支出" });
    expect(lei[29]).toEqual({ code: "234", name: "抗疫特别国债安排的支出", label: "三十、抗疫特别国债安排的支出" });
    const codes = lei.map((l) => l.code);
    expect(codes).toEqual([...codes].sort());
    const ordinals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    const ordinal = (n: number) =>
      n <= 10 ? ordinals[n - 1] : n < 20 ? `十${ordinals[n - 11]}` : `${ordinals[Math.floor(n / 10) - 1]}十${n % 10 === 0 ? "" : ordinals[(n % 10) - 1]}`;
    lei.forEach((l, i) => {
      expect(l.label).toBe(`${ordinal(i + 1)}、${l.name}`);
      expect(cat().functional(l.code)).toEqual({ code: l.code, name: l.name, level: "类" });
    });
  });

  it("links a 项 to its 款 and its 类", () => {
    const x = cat().functional("2010401");
    expect(x).toEqual({ code: "2010401", name: "行政运行", level: "项", parent: "20104" });
    const k = cat().functional(x?.parent ?? "");
    expect(k).toEqual({ code: "20104", name: "发展与改革事务", level: "款", parent: "201" });
    const l = cat().functional(k?.parent ?? "");
    expect(l).toEqual({ code: "201", name: "一般公共服务支出", level: "类" });
    expect(l?.parent).toBeUndefined();
  });

  it("says nothing about a code it does not have", () => {
    expect(cat().functional("2019999")).toBeUndefined();
    expect(cat().economic("30298")).toBeUndefined();
    expect(cat().government("50298")).toBeUndefined();
    expect(cat().threePublic("30201")).toBeUndefined();
  });

  it("maps 部门 economic subjects to 政府 subjects by kind of unit", () => {
    const c = cat();
    expect(c.mapToGovernment("30201", "事业单位")).toBe("50502");
    expect(c.mapToGovernment("30231", "事业单位")).toBe("50208");
    expect(c.mapToGovernment("30201", "行政单位")).toBe("50201");
    expect(c.mapToGovernment("30201", "参公事业单位")).toBe("50201");
    expect(c.mapToGovernment("30231", "行政单位")).toBe("50208");
    expect(c.mapToGovernment("30101", "行政单位")).toBe("50101");
    expect(c.mapToGovernment("30101", "事业单位")).toBe("50501");
    expect(c.mapToGovernment("30302", "事业单位")).toBe("50905");
    expect(c.mapToGovernment("31002", "事业单位")).toBe("50601");
    expect(c.mapToGovernment("31002", "行政单位")).toBe("50306");
    expect(c.mapToGovernment("30902", "事业单位")).toBe("50602");
    expect(c.government("50502")?.name).toBe("商品和服务支出");
    expect(c.government("50208")?.name).toBe("公务用车运行维护费");
    expect(c.government("50201")?.name).toBe("办公经费");
  });

  it("gives every 款 of the 部门 classification a 政府 subject for every kind of unit", () => {
    const file = json2024 as { economic: { department: { code: string }[] } };
    for (const { code } of file.economic.department) {
      if (code.length !== 5) continue;
      for (const kind of ["行政单位", "参公事业单位", "事业单位"] as const) {
        const gov = cat().mapToGovernment(code, kind);
        expect(gov, `${code} ${kind}`).toBeDefined();
        expect(cat().government(gov ?? ""), `${code} ${kind} → ${gov}`).toBeDefined();
      }
    }
  });

  it("tells 人员经费 from 公用经费 by class", () => {
    const c = cat();
    expect(c.personnelOrPublic("30101")).toBe("人员经费");
    expect(c.personnelOrPublic("30302")).toBe("人员经费");
    expect(c.personnelOrPublic("30201")).toBe("公用经费");
    expect(c.personnelOrPublic("31002")).toBe("公用经费");
    expect(c.personnelOrPublic("301")).toBe("人员经费");
    expect(c.personnelOrPublic("30701")).toBeUndefined();
    expect(c.personnelOrPublic("39999")).toBeUndefined();
  });

  it("knows the 三公 items", () => {
    const c = cat();
    expect(c.threePublic("30212")).toBe("因公出国");
    expect(c.threePublic("30217")).toBe("公务接待");
    expect(c.threePublic("30231")).toBe("公务用车运行维护");
    expect(c.threePublic("31013")).toBe("公务用车购置");
    expect(c.threePublic("30913")).toBe("公务用车购置");
    expect(c.economic("30212")?.name).toBe("因公出国（境）费用");
    expect(c.economic("30217")?.name).toBe("公务接待费");
    expect(c.economic("31013")?.name).toBe("公务用车购置");
  });
});

describe("catalogueFromJson", () => {
  const load = (json: unknown) => catalogueFromJson(json, "office.json");

  it("reports malformed input as problems, never as an exception", () => {
    for (const bad of [undefined, null, 42, "catalogue", [], {}, { format: "yusuan-catalogue" }]) {
      const r = load(bad);
      expect(r.catalogue).toBeUndefined();
      expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it("names the place and the fault of a malformed field", () => {
    const f = copy();
    f.functional.subjects[0].code = "2010";
    f.economic.department[0].colour = "red";
    f.mapping[0].kinds = ["机关"];
    const { catalogue, problems } = load(f);
    expect(catalogue).toBeUndefined();
    expect(problems.some((p) => p.startsWith("functional.subjects[0].code：") && p.includes("5或7位数字"))).toBe(true);
    expect(problems.some((p) => p.startsWith("economic.department[0]：") && p.includes("colour"))).toBe(true);
    expect(problems.some((p) => p.startsWith("mapping[0].kinds[0]：取值不在允许范围内"))).toBe(true);
  });

  it("rejects the wrong format or version and names a missing field", () => {
    const f = copy();
    f.formatVersion = 2;
    delete f.year;
    const { problems } = load(f);
    expect(problems.some((p) => p.startsWith("formatVersion："))).toBe(true);
    expect(problems.some((p) => p.startsWith("year：缺少此字段"))).toBe(true);
  });

  it("rejects a 项 whose 款 is missing and a 款 whose 类 is missing", () => {
    const f = copy();
    f.functional.subjects.push({ code: "2019901", name: "孤儿项" });
    f.functional.subjects.push({ code: "99901", name: "孤儿款" });
    const { problems } = load(f);
    expect(problems.some((p) => p.includes("2019901") && p.includes("20199"))).toBe(true);
    expect(problems.some((p) => p.includes("99901") && p.includes("999"))).toBe(true);
  });

  it("rejects an explicit level or parent that disagrees with the code", () => {
    const f = copy();
    f.functional.subjects.push({ code: "2010403", name: "测试", level: "款", parent: "20105" });
    const { problems } = load(f);
    expect(problems.some((p) => p.includes("2010403 是项"))).toBe(true);
    expect(problems.some((p) => p.includes("2010403 的上级是 20104"))).toBe(true);
  });

  it("rejects duplicate codes and duplicate rules", () => {
    const f = copy();
    f.economic.government.push({ code: "50502", name: "商品和服务支出" });
    f.mapping.push({ kinds: ["事业单位"], dept: "302", gov: "50201" });
    f.threePublic.push({ dept: "30212", item: "公务接待" });
    const { problems } = load(f);
    expect(problems.some((p) => p.startsWith("economic.government[") && p.includes("50502 重复"))).toBe(true);
    expect(problems.some((p) => p.startsWith("mapping[") && p.includes("对应规则 事业单位 302 重复"))).toBe(true);
    expect(problems.some((p) => p.startsWith("threePublic[") && p.includes("三公规则 30212 重复"))).toBe(true);
  });

  it("rejects rules that refer to subjects not in the catalogue", () => {
    const f = copy();
    f.mapping.push({ kinds: ["行政单位"], dept: "30298", gov: "59998" });
    f.costType.push({ dept: "304", type: "人员经费" });
    const { problems } = load(f);
    expect(problems.some((p) => p.includes("30298") && p.includes("不在目录中"))).toBe(true);
    expect(problems.some((p) => p.includes("59998") && p.includes("不在目录中"))).toBe(true);
    expect(problems.some((p) => p.startsWith("costType[") && p.includes("304"))).toBe(true);
  });

  it("rejects a 类 label that does not end with its name", () => {
    const f = copy();
    f.functional.lei[0].label = "一、一般公共服务";
    expect(load(f).problems.some((p) => p.startsWith("functional.lei[0]："))).toBe(true);
  });

  it("accepts the example of docs/catalogue.md", () => {
    const doc = readFileSync(new URL("../docs/catalogue.md", import.meta.url), "utf8");
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const { catalogue, problems } = load(JSON.parse(example ?? ""));
    expect(problems).toEqual([]);
    expect(catalogue?.mapToGovernment("30201", "事业单位")).toBe("50502");
    expect(catalogue?.mapToGovernment("30231", "事业单位")).toBe("50208");
  });

  it("accepts a small catalogue a budget office writes by hand", () => {
    const small = {
      format: "yusuan-catalogue",
      formatVersion: 1,
      year: 2025,
      functional: {
        lei: [{ code: "201", name: "一般公共服务支出", label: "一、一般公共服务支出" }],
        subjects: [
          { code: "20104", name: "发展与改革事务" },
          { code: "2010401", name: "行政运行", level: "项", parent: "20104" },
        ],
      },
      economic: {
        department: [
          { code: "302", name: "商品和服务支出" },
          { code: "30201", name: "办公费" },
        ],
        government: [
          { code: "502", name: "机关商品和服务支出" },
          { code: "50201", name: "办公经费" },
        ],
      },
      mapping: [{ kinds: ["行政单位", "参公事业单位"], dept: "302", gov: "50201" }],
      costType: [{ dept: "302", type: "公用经费" }],
      threePublic: [],
    };
    const { catalogue, problems } = catalogueFromJson(small, "/office/2025.json");
    expect(problems).toEqual([]);
    expect(catalogue?.description).toBe("/office/2025.json");
    expect(catalogue?.year).toBe(2025);
    expect(catalogue?.functional("2010401")?.parent).toBe("20104");
    expect(catalogue?.mapToGovernment("30201", "行政单位")).toBe("50201");
    expect(catalogue?.mapToGovernment("30201", "事业单位")).toBeUndefined();
    expect(catalogue?.personnelOrPublic("30201")).toBe("公用经费");
  });
});

describe("built-in 2025 catalogue", () => {
  it("is generated from its JSON, labelled partial, and lists the 2024 codes under the same names", () => {
    const json2025: unknown = JSON.parse(readFileSync(new URL("../data/classification/2025/catalogue.json", import.meta.url), "utf8"));
    expect(BUILTIN_2025).toEqual(json2025);
    expect((json2025 as { complete: boolean }).complete).toBe(false);
    expect((json2024 as { complete: boolean }).complete).toBe(false);
    const a = builtinCatalogue(2024)!;
    const b = builtinCatalogue(2025)!;
    expect(diffCatalogues(a, b)).toEqual([]);
    for (const list of ["functional", "department", "government"] as const) expect(b.isComplete(list)).toBe(false);
    expect(b.subjects("functional").length).toBe(132);
  });

  it("uses the latest built-in year before a year it lacks", () => {
    expect(builtinYearFor(2025)).toBe(2025);
    expect(builtinYearFor(2031)).toBe(2025);
    expect(builtinYearFor(2020)).toBe(2024);
  });
});

describe("filling a catalogue in from the built-in one", () => {
  const office = (more: Partial<CatalogueFileData> = {}): CatalogueFileData => ({
    format: "yusuan-catalogue",
    formatVersion: 1,
    year: 2025,
    functional: { lei: [{ code: "207", name: "文化旅游体育与传媒支出" }], subjects: [{ code: "20701", name: "文化和旅游" }, { code: "2070109", name: "群众文化" }, { code: "2010401", name: "行政运行（省）" }] },
    ...more,
  });

  it("lays a partial catalogue's entries over the built-in ones, its own names winning", () => {
    const c = resolveCatalogue(office(), "office.csv", { withBuiltin: true }).catalogue!;
    expect(c.functional("2070109")?.name).toBe("群众文化");
    expect(c.functional("2010401")?.name).toBe("行政运行（省）");
    expect(c.functional("2010402")?.name).toBe("一般行政管理事务"); // from the built-in list
    expect(c.economic("30201")?.name).toBe("办公费"); // a list the file does not give
    expect(c.lei.length).toBe(30);
    expect(c.isComplete("functional")).toBe(false);
    expect(c.description).toBe("office.csv + 内置 2025 年目录（种子数据）");
  });

  it("lets a complete catalogue's lists replace the built-in ones, and fills in only the lists it lacks", () => {
    const own = office().functional!;
    const complete = office({ complete: true, functional: { lei: own.lei!, subjects: own.subjects!.filter((e) => e.code.startsWith("207")) } });
    // Its lists stand alone: 2010401's 款 would have to be in it.
    expect(resolveCatalogue(office({ complete: true }), "office.json", { withBuiltin: true }).problems[0]).toContain("2010401 的上级款 20104 不在目录中");
    const c = resolveCatalogue(complete, "office.json", { withBuiltin: true }).catalogue!;
    expect(c.functional("2010402")).toBeUndefined();
    expect(c.lei.map((l) => l.code)).toEqual(["207"]);
    expect(c.economic("30201")?.name).toBe("办公费");
    expect(c.isComplete("functional")).toBe(true);
    expect(c.isComplete("department")).toBe(false);
    // 完整 是 in a budget says the same of a file that does not.
    const { complete: _, ...unsaid } = complete;
    expect(resolveCatalogue(unsaid, "x", { withBuiltin: true, complete: true }).catalogue!.isComplete("functional")).toBe(true);
  });

  it("takes over the mapping rule by kind of unit and code", () => {
    const c = resolveCatalogue(office({ mapping: [{ kinds: ["事业单位"], dept: "30201", gov: "50201" }] }), "x", { withBuiltin: true }).catalogue!;
    expect(c.mapToGovernment("30201", "事业单位")).toBe("50201");
    expect(c.mapToGovernment("30201", "行政单位")).toBe("50201");
    expect(c.mapToGovernment("30202", "事业单位")).toBe("50502"); // the built-in 302 rule still holds
  });

  it("checks parents against what it fills in, and problems against the file's own places", () => {
    const parentless = office({ functional: { subjects: [{ code: "2010499", name: "其他" }] } });
    expect(resolveCatalogue(parentless, "x", { withBuiltin: true }).problems).toEqual([]);
    expect(resolveCatalogue(parentless, "x", { withBuiltin: false }).problems).toEqual(["functional.subjects[0]：项 2010499 的上级款 20104 不在目录中 (the parent 款 20104 of 2010499 is not in the catalogue)"]);
  });
});

describe("diffCatalogues", () => {
  const make = (subjects: [string, string][]) =>
    resolveCatalogue(
      { format: "yusuan-catalogue", formatVersion: 1, year: 2025, functional: { lei: [{ code: "207", name: "文化" }], subjects: subjects.map(([code, name]) => ({ code, name })) } },
      "x",
      { withBuiltin: false },
    ).catalogue!;

  it("tells added, removed, renamed and moved codes apart", () => {
    const a = make([["20701", "文化和旅游"], ["2070101", "行政运行"], ["2070108", "文化活动"], ["2070199", "其他"], ["20702", "文物"], ["2070201", "行政运行"]]);
    const b = make([["20701", "文化和旅游"], ["2070101", "行政运行（改）"], ["2070110", "文化活动"], ["20702", "文物"], ["2070202", "行政运行"], ["2070203", "新项"]]);
    expect(diffCatalogues(a, b).map((c) => `${c.kind} ${c.code}${c.to ? `→${c.to}` : ""}`)).toEqual([
      "renamed 2070101",
      "moved 2070108→2070110",
      "removed 2070199",
      // 行政运行 under 20702: the same name under the same parent, so a move.
      "moved 2070201→2070202",
      "added 2070203",
    ]);
  });

  it("does not pair a move it cannot tell", () => {
    const a = make([["20701", "甲"], ["2070101", "同名"], ["2070102", "同名x"]]);
    const b = make([["20701", "甲"], ["2070103", "同名"], ["2070104", "同名"]]);
    expect(diffCatalogues(a, b).map((c) => c.kind)).toEqual(["removed", "removed", "added", "added"]);
  });
});
