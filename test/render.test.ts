/**
 * Tests of rendering: the view model's formatting and wording choices (changes against
 * last year, reasons, dates, shares), the grids' spans, the Markdown escaper, profiles
 * and their layers, and whole documents of the reference budget in both shipped
 * profiles: the tables and sentences, escaping of hostile names in HTML and Markdown,
 * a self-contained HTML file, and byte-identical output for the same input.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinCatalogue } from "../src/catalogue/catalogue.js";
import { derive } from "../src/model/derive.js";
import type { Compared, Publication } from "../src/model/types.js";
import { amt, blank, grid, h, t } from "../src/render/grid.js";
import fc from "fast-check";
import { escapeMarkdown } from "../src/render/handlebars.js";
import { loadProfile, modelSpecOf, profileExtends, type LoadedProfile, type ProfileLayer } from "../src/render/profile.js";
import { renderDocument, tidyMarkdown } from "../src/render/render.js";
import { changeClause, chineseDate, paragraphs, reasonText } from "../src/render/view.js";
import { loadBudget } from "../src/syntax/load.js";

/* ------------------------------------------------------------------------------------ */
/* Helpers                                                                                */
/* ------------------------------------------------------------------------------------ */

const root = new URL("../", import.meta.url);
const path = (p: string) => new URL(p, root);

/** A template folder as a profile layer, as the CLI reads it. */
function layer(dir: string): ProfileLayer {
  const templates: Record<string, string> = {};
  for (const f of readdirSync(path(dir)).sort()) if (f.endsWith(".hbs")) templates[f] = readFileSync(path(join(dir, f)), "utf8");
  const pj = join(dir, "profile.json");
  return { origin: dir, templates, ...(existsSync(path(pj)) ? { profileJson: readFileSync(path(pj), "utf8") } : {}) };
}

/** The layers of a shipped profile, following `extends`. */
function layers(name: string): ProfileLayer[] {
  const l = layer(`templates/${name}`);
  const base = l.profileJson ? profileExtends(l.profileJson) : undefined;
  return [...(base ? layers(base) : []), l];
}

function profile(name: string, extra: ProfileLayer[] = []): LoadedProfile {
  const r = loadProfile([...layers(name), ...extra]);
  expect(r.problems).toEqual([]);
  return r.profile!;
}

const REFERENCE = "budgets/jinzhong-econ-ops-2024.budget";

function reference(): Publication {
  const host = { read: (p: string) => (existsSync(path(p)) ? readFileSync(path(p), "utf8") : undefined) };
  const { budget } = loadBudget(REFERENCE, host);
  // Derived for the profile the reference is published in, as the build derives it.
  return derive(budget, builtinCatalogue(2024)!, { spec: modelSpecOf(profile("shanxi-13")) });
}

/** A deep copy to mutate: the model is plain data (amounts are integers of 分). */
const copy = (p: Publication): Publication => structuredClone(p);

function compared(amount: number, lastYear?: number, reason?: string): Compared {
  if (lastYear === undefined) return { amount };
  const d = amount - lastYear;
  return {
    amount,
    lastYear,
    change: {
      amount: Math.abs(d),
      direction: d > 0 ? "增加" : d < 0 ? "减少" : "持平",
      trend: d > 0 ? "增长" : d < 0 ? "下降" : "持平",
      ...(lastYear !== 0 ? { percent: ((Math.abs(d) / lastYear) * 100).toFixed(2) } : {}),
    },
    ...(reason !== undefined ? { reason } : {}),
  };
}

/* ------------------------------------------------------------------------------------ */
/* The view model                                                                         */
/* ------------------------------------------------------------------------------------ */

describe("changeClause", () => {
  it("says 减少 and 下降 for a decrease, with the reason", () => {
    const c = compared(7_612_170_000, 20_281_500_000, "因系统原因，产业扶持专项资金未提取成功。");
    expect(changeClause(c, "上年", true)).toBe("，比上年减少12,669.33万元，下降62.47%，主要原因是因系统原因，产业扶持专项资金未提取成功");
  });
  it("says 增加 and 增长 for an increase", () => {
    expect(changeClause(compared(3_000_000, 2_000_000), "上年", true)).toBe("，比上年增加1.00万元，增长50.00%");
  });
  it("says 与上年持平 when nothing changed", () => {
    expect(changeClause(compared(2_000_000, 2_000_000), "上年", true)).toBe("，与上年持平");
  });
  it("leaves out the percentage when last year was zero or when not asked", () => {
    expect(changeClause(compared(2_000_000, 0), "上年", true)).toBe("，比上年增加2.00万元");
    expect(changeClause(compared(4_500_000, 6_000_000, "重新核定"), "2023年", false)).toBe("，比2023年减少1.50万元，主要原因是重新核定");
  });
  it("says nothing without last year's figure", () => {
    expect(changeClause(compared(2_000_000), "上年", true)).toBe("");
  });
});

describe("formatting helpers", () => {
  it("strip a reason's final punctuation, never doubling the sentence's own", () => {
    expect(reasonText("未提取成功。")).toBe("未提取成功");
    expect(reasonText("未提取成功。；")).toBe("未提取成功");
    expect(reasonText(" 重新核定. ")).toBe("重新核定");
    expect(reasonText("重新核定")).toBe("重新核定");
  });
  it("print ISO dates as the prose does", () => {
    expect(chineseDate("2024-03-21")).toBe("2024年3月21日");
    expect(chineseDate("2024年3月")).toBe("2024年3月");
  });
  it("split text blocks into paragraphs", () => {
    expect(paragraphs("无\n\n  本部门无政府购买服务。 \n")).toEqual(["无", "本部门无政府购买服务。"]);
    expect(paragraphs(undefined)).toEqual([]);
  });
});

describe("grids", () => {
  it("print spans in HTML and expand them for Markdown", () => {
    const g = grid(
      3,
      [
        { cells: [h("项目", { rowspan: 2 }), h("金额", { colspan: 2 })] },
        { cells: [h("甲"), h("乙")] },
      ],
      [{ cells: [t("合计"), amt(1_000_000), amt(0)] }],
    );
    expect(g.head[0]!.cells.map((c) => [c.text, c.colspan, c.rowspan])).toEqual([
      ["项目", 0, 2],
      ["金额", 2, 0],
    ]);
    expect(g.md.header).toEqual(["项目", "金额", ""]);
    expect(g.md.rows).toEqual([
      ["", "甲", "乙"],
      ["合计", "1.00", ""],
    ]);
    expect(g.md.separator).toBe("|---|---:|---:|");
  });
  it("refuse rows that do not fill the columns", () => {
    expect(() => grid(3, [], [{ cells: [t("a"), blank()] }])).toThrow(/does not fill/);
    expect(() => grid(2, [], [{ cells: [t("a"), blank(), blank()] }])).toThrow(/wider/);
  });
});

describe("escapeMarkdown", () => {
  it("leaves alone exactly the text the full escaping would not change", () => {
    const full = (text: string) =>
      text
        .replace(/\r\n?/g, "\n")
        .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .split("\n")
        .map((line) => line.replace(/^[ \t]+/, "").replace(/^([#+\-=])/, "\\$1").replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2"))
        .join("<br>");
    const text = fc.stringMatching(/^[ \t#+\-=0-9.)a-z预算|*_&<>\r\n]{0,12}$/);
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeMarkdown(t)).toBe(full(t));
      }),
      { numRuns: 5000 },
    );
  });
  it("escapes table pipes, emphasis, code, links and backslashes", () => {
    expect(escapeMarkdown("a|b*c*_d_`e`[f](g)\\")).toBe("a\\|b\\*c\\*\\_d\\_\\`e\\`\\[f\\](g)\\\\");
  });
  it("writes HTML as text", () => {
    expect(escapeMarkdown("<script>alert(1)</script> & more")).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
  });
  it("escapes a leading heading, list or quote marker and ordered-list numbers", () => {
    expect(escapeMarkdown("# 标题")).toBe("\\# 标题");
    expect(escapeMarkdown("- 项")).toBe("\\- 项");
    expect(escapeMarkdown("+ 项")).toBe("\\+ 项");
    expect(escapeMarkdown("1. 项")).toBe("1\\. 项");
    expect(escapeMarkdown("> 引")).toBe("&gt; 引");
  });
  it("leaves figures and ordinary text alone", () => {
    expect(escapeMarkdown("2.3万元")).toBe("2.3万元");
    expect(escapeMarkdown("1.按照年度工作计划")).toBe("1.按照年度工作计划");
    expect(escapeMarkdown("满意度≥95%")).toBe("满意度≥95%");
  });
  it("keeps a multi-line value on one line", () => {
    expect(escapeMarkdown("无\n本部门无政府购买服务。")).toBe("无<br>本部门无政府购买服务。");
  });
});

describe("tidyMarkdown", () => {
  it("drops trailing spaces and extra blank lines and ends with one newline", () => {
    expect(tidyMarkdown("\n# a  \n\n\n\nb\n\n")).toBe("# a\n\nb\n");
  });
});

/* ------------------------------------------------------------------------------------ */
/* Profiles                                                                               */
/* ------------------------------------------------------------------------------------ */

describe("profiles", () => {
  it("ship shanxi-13 with the 13 tables and mof-9 with the nine standard tables", () => {
    const s = profile("shanxi-13");
    expect(s.name).toBe("shanxi-13");
    expect(s.tables.map((x) => x.ordinal)).toEqual(["表一", "表二", "表三", "表四", "表五", "表六", "表七", "表八", "表九", "表十", "表十一", "表十二", "表十三"]);
    const m = profile("mof-9");
    expect(m.name).toBe("mof-9");
    expect(m.tables.map((x) => x.title)).toEqual([
      "{year}年部门收支总表",
      "{year}年部门收入总表",
      "{year}年部门支出总表",
      "{year}年财政拨款收支总表",
      "{year}年一般公共预算支出表",
      "{year}年一般公共预算基本支出表",
      "{year}年一般公共预算“三公”经费支出表",
      "{year}年政府性基金预算支出表",
      "{year}年国有资本经营预算支出表",
    ]);
    // mof-9 takes its templates from shanxi-13, which it extends.
    expect(m.templates["document.html.hbs"]).toBe(s.templates["document.html.hbs"]);
  });
  it("let a later layer override single templates and headings", () => {
    const p = profile("shanxi-13", [
      { origin: "variant", templates: { "s8.md.hbs": "### 八\n\n地方说法。\n" }, profileJson: JSON.stringify({ headings: { part4: "第四部分 术语" } }) },
    ]);
    expect(p.templates["s8.md.hbs"]).toBe("### 八\n\n地方说法。\n");
    expect(p.headings.part4).toBe("第四部分 术语");
    expect(p.tables).toHaveLength(13);
  });
  it("report bad layers instead of throwing", () => {
    expect(loadProfile([{ origin: "x", profileJson: "{", templates: {} }]).problems[0]).toMatch(/x\/profile.json: not JSON/);
    expect(loadProfile([{ origin: "x", profileJson: '{"tabels": []}', templates: {} }]).problems.join("\n")).toMatch(/tabels/);
    const r = loadProfile([{ origin: "x", templates: { "document.html.hbs": "", "sub/a.md.hbs": "" } }]);
    expect(r.profile).toBeUndefined();
    expect(r.problems).toEqual([
      "x/sub/a.md.hbs: a template name is flat and ends in .html.hbs or .md.hbs",
      "no profile.json names the tables of the profile",
      "no document.md.hbs template",
    ]);
  });
});

/* ------------------------------------------------------------------------------------ */
/* Whole documents                                                                        */
/* ------------------------------------------------------------------------------------ */

describe.runIf(existsSync(path(REFERENCE)))("the reference budget rendered", () => {
  const pub = reference();
  const shanxi = profile("shanxi-13");
  const md = renderDocument(pub, shanxi, "md");
  const html = renderDocument(pub, shanxi, "html");

  it("says the reference's sentences with computed figures", () => {
    expect(md).toContain(
      "2024年度山西转型综合改革示范区晋中开发区经济运行与安全监管部预算收入总计7,612.17万元，其中：本年收入6,389.17万元，上年结转1,223.00万元，比上年减少12,669.33万元，下降62.47%，主要原因是因系统原因，产业扶持专项资金未提取成功；",
    );
    expect(md).toContain("一般公共预算拨款收入6,389.17万元，占83.93%；");
    expect(md).toContain("上年结转1,223.00万元，占16.07%。");
    expect(md).toContain("基本支出24.17万元，占0.32%；项目支出7,588.00万元，占99.68%。");
    expect(md).toContain("一般公共预算当年支出6,389.17万元，比上年减少6,342.33万元，下降49.82%。");
    expect(md).toContain("“三公”经费预算4.50万元，比2023年减少1.50万元，主要原因是公务用车运行维护费由财政重新核定。");
    expect(md).toContain("公务用车运行维护费4.50万元，与上年相比预算数减少1.50万元；公务用车购置费0.00万元，与上年预算数相同。");
    expect(md).toContain("### 八、机关运行经费增减变动原因说明\n\n本部门无机关运行经费。");
    expect(md).toContain("政府采购预算总额11.80万元。其中：政府采购货物预算2.70万元、政府采购工程预算0.00万元、政府采购服务预算9.10万元。");
    expect(md).toContain(
      "纳入绩效目标管理的二级项目13个，共计金额6,365.00万元。其中：其他运转类项目11个，涉及金额165.00万元；特定目标类项目2个，涉及金额6,200.00万元。",
    );
    expect(md).toContain("其中：领导用车0辆，机要通信用车0辆，应急保障用车0辆，执法执勤用车0辆，特种专业技术用车0辆，事业单位业务用车0辆，其他公务用车3辆。");
    expect(md).toContain("截至2024年3月21日，山西转型综合改革示范区晋中开发区经济运行与安全监管部使用的办公用房建筑总面积280平方米。");
    expect(md).not.toMatch(/。。|；。|undefined|NaN|\[object/);
  });
  it("prints every table with its title, header lines and blank empty cells", () => {
    for (const t of pub.tables.t1.expenditure) expect(md).toContain(`| ${t.label} |`);
    expect(md).toContain("### 表十一 2024年财政拨款安排机关运行经费预算表\n\n部门名称：山西转型综合改革示范区晋中开发区经济运行与安全监管部\n\n单位：万元");
    expect(md).toContain("| 单位名称 | 2024预算数 |");
    expect(md.match(/注：本表无数据/g)).toHaveLength(4);
    expect(md).toContain("| 2150517 | 产业发展 |  |  |  |  |  |  | 1223.00 |");
    // Empty cells are blank in the tables, as the reference prints them.
    const part2 = md.slice(md.indexOf("## 第二部分"), md.indexOf("## 第三部分"));
    expect(part2).not.toContain(" 0.00 ");
  });
  it("links every entry of the table of contents to an anchor that exists", () => {
    const links = [...md.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(30);
    for (const id of links) {
      expect(md).toContain(`<a id="${id}"></a>`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toMatch(/<nav class="toc"[^>]*>[\s\S]*<a href="#t13">表十三 2024年项目支出预算表（上年结转）<\/a>/);
  });
  it("draws the three charts as inline SVG in the HTML and lists their slices in Markdown", () => {
    expect(html.match(/<svg /g)).toHaveLength(3);
    for (const title of ["收入预算图", "一般公共预算当年拨款结构图", "三公经费分布图"]) {
      expect(html).toContain(`<figcaption id="chart-`);
      expect(html).toContain(title);
      expect(md).toContain(`**${title}**`);
    }
    expect(md).toContain("- 一般公共预算：6,389.17万元（83.93%）");
    expect(html).toContain("83.93%");
  });
  it("prints the forms with the row spans of the real forms", () => {
    expect(html).toContain('<th rowspan="6">项目资金（元）</th>');
    expect(html).toContain('<th rowspan="5">部门基本信息</th>');
    // 企业服务常态化经费: nine indicators, so 绩效指标 spans them and its header row.
    expect(html).toContain('<th rowspan="10">绩效指标</th>');
    // The reference's title: the budget's 地区, then the level; three forms have their own (表题).
    expect(md.match(/#### 山西转型综合改革示范区晋中开发区县（区）级预算部门（单位）项目支出绩效目标表\n/g)).toHaveLength(10);
    expect(md.match(/#### 预算部门（单位）项目支出绩效目标表\n/g)).toHaveLength(3);
    const noRegion = copy(pub);
    delete noRegion.header.region;
    expect(renderDocument(noRegion, shanxi, "md").match(/#### 县（区）级预算部门（单位）项目支出绩效目标表\n/g)).toHaveLength(10);
    // The forms in the order of their projects' names in pinyin, as the reference prints them.
    expect([...md.matchAll(/^\| 项目名称 \| ([^|]+) \|  \|/gm)].map((m) => m[1]!.trim()).slice(0, 3)).toEqual(["2024年创新能力建设项目", "2024年晋中开发区消费券专项资金", "参加中国国际进口博览会经费"]);
    // 落款: 联系人 on three forms, none on one; the first form's funding label.
    expect(md.match(/\| 联系人： \|/g)).toHaveLength(3);
    expect(md.match(/\| 负责人： \|/g)).toHaveLength(12);
    expect(md).toContain("| 项目资金（元） | 总预算资金总额： |");
    expect(md).toContain("| 项目名称 | 2024年晋中开发区消费券专项资金 |");
    expect(md).toContain("消费券券面额度13500000元");
  });
  it("is one self-contained HTML file for phones and A4", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    // The only URLs are the SVG namespaces.
    for (const m of html.matchAll(/https?:\/\/[^\s"']+/g)) expect(m[0]).toMatch(/^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)$/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain("thead { display: table-header-group; }");
    expect(html).toContain("overflow-x: auto");
  });
  it("is byte-identical from one render to the next", () => {
    expect(renderDocument(pub, shanxi, "md")).toBe(md);
    expect(renderDocument(pub, shanxi, "html")).toBe(html);
  });
  it("renders the mof-9 profile from the same model", () => {
    const mof = profile("mof-9");
    const m = renderDocument(pub, mof, "md");
    expect(m.match(/^### 表\d /gm)).toHaveLength(9);
    expect(m).toContain("### 表7 2024年一般公共预算“三公”经费支出表");
    expect(m).toContain("### 表9 2024年国有资本经营预算支出表");
    expect(m).toContain("## 第二部分 2024年部门预算表");
    expect(m).not.toContain("项目支出预算表（本年预算）");
    expect(renderDocument(pub, mof, "html")).toContain("2024年部门收支总表");
  });
  it("prints in each mof-9 table the figures of the shanxi-13 table of the same kind", () => {
    const mof = profile("mof-9");
    const section = (doc: string, ordinal: string) => {
      const start = doc.indexOf(`### ${ordinal} `);
      expect(start, ordinal).toBeGreaterThanOrEqual(0);
      const end = doc.indexOf("\n### ", start + 1);
      return doc.slice(start, end < 0 ? undefined : end);
    };
    const figures = (text: string) => text.match(/-?\d[\d,]*\.\d{2}(?!\d)/g) ?? [];
    const m = renderDocument(pub, mof, "md");
    let compared = 0;
    for (const t of mof.tables) {
      // The MoF's 国有资本经营预算支出表 lays out by subject what 表九 of shanxi-13 lays out by source.
      const twin = shanxi.tables.find((x) => x.kind === (t.kind === "capital-expenditure" ? "capital" : t.kind));
      expect(twin, t.kind).toBeDefined();
      const ours = figures(section(m, t.ordinal));
      expect(ours).toEqual(figures(section(md, twin!.ordinal)));
      compared += ours.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
  it("uses a single overridden template of a regional variant", () => {
    const p = profile("shanxi-13", [
      {
        origin: "variant",
        templates: {
          "s9.md.hbs": "### {{md headings.s9}}\n\n采购合计{{md s9.total}}万元。\n",
          // A table's own partial replaces the shared one for that table only.
          "table-t10.md.hbs": "### {{md ordinal}} {{md title}}\n\n（本表另附）\n",
        },
      },
    ]);
    const m = renderDocument(pub, p, "md");
    expect(m).toContain("### 九、政府采购情况\n\n采购合计11.80万元。");
    expect(m).toContain("### 表十 2024年财政拨款安排“三公”经费支出预算表\n\n（本表另附）");
    expect(m).toContain("### 表十一 2024年财政拨款安排机关运行经费预算表\n\n部门名称：");
    expect(m).toContain("本部门无机关运行经费。");
  });
  it("renders a budget without the optional parts, saying 无", () => {
    const bare = copy(pub);
    delete bare.assets;
    delete bare.notes;
    delete bare.overallForm;
    delete bare.overview.duties;
    bare.prose.s9.stated = false;
    bare.projectForms = [];
    const m = renderDocument(bare, shanxi, "md");
    expect(m).toContain("### 一、本部门职责\n\n无");
    expect(m).toContain("#### 1、整体绩效目标\n\n无");
    expect(m).toContain("### 十一、国有资产占有使用情况\n\n无");
    expect(m).toContain("#### （一）政府购买服务指导性目录\n\n无");
    expect(m).toContain("2024年山西转型综合改革示范区晋中开发区经济运行与安全监管部未安排政府采购预算。");
    expect(m).not.toContain("项目支出绩效目标表");
    expect(renderDocument(bare, shanxi, "html")).toContain("<h3>十一、国有资产占有使用情况</h3>\n<p>无</p>");
  });

  describe("escaping", () => {
    const hostile = copy(pub);
    const evil = "<script>alert(1)</script>";
    const pipes = "甲|乙*丙*\\丁";
    const projects = hostile.tables.t12.units[0]!.projects;
    projects[0]!.name = evil;
    projects[1]!.name = pipes;
    hostile.projectForms[0]!.project = evil;
    hostile.projectForms[1]!.project = pipes;
    hostile.overview.duties = "# 不是标题\n- 不是列表";
    const h = renderDocument(hostile, shanxi, "html");
    const m = renderDocument(hostile, shanxi, "md");

    it("shows a project named <script>… as text in HTML", () => {
      expect(h).not.toContain(evil);
      expect(h).not.toMatch(/<script/i);
      expect(h).toContain("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
      expect(h).toContain("甲|乙*丙*\\丁");
    });
    it("shows the same names as text in Markdown, inside their table cells", () => {
      expect(m).not.toContain(evil);
      expect(m).toContain("| &lt;script&gt;alert(1)&lt;/script&gt; | 3.00 | 3.00 |  |  |  |  |");
      expect(m).toContain("| 甲\\|乙\\*丙\\*\\\\丁 | 3.00 | 3.00 |  |  |  |  |");
      expect(m).toContain("| 项目名称 | 甲\\|乙\\*丙\\*\\\\丁 |");
      // Every row of 表十二 still has its seven cells: no unescaped pipe splits one.
      const t12 = m.slice(m.indexOf("### 表十二"), m.indexOf("### 表十三"));
      for (const row of t12.split("\n").filter((l) => l.startsWith("|"))) {
        expect(row.replace(/\\\\/g, "").replace(/\\\|/g, "").split("|").length - 2, row).toBe(7);
      }
    });
    it("keeps a leading # or list marker of source text from becoming Markdown syntax", () => {
      expect(m).toContain("\n\\# 不是标题\n\n\\- 不是列表\n");
    });
  });

  describe("a unit's document", () => {
    const unit = copy(pub);
    unit.header.self = "本单位";
    unit.tables.t11.empty = true;
    const m = renderDocument(unit, shanxi, "md");
    it("speaks of 本单位 and 单位", () => {
      expect(m).toContain("### 一、本单位职责");
      expect(m).toContain("本单位无机关运行经费。");
      expect(m).toContain("单位名称：山西转型综合改革示范区晋中开发区经济运行与安全监管部");
      expect(m).toContain("## 第二部分 2024年单位预算报表");
      expect(m).not.toContain("部门名称：");
    });
  });

  describe("a budget with no change against last year", () => {
    const flat = copy(pub);
    flat.prose.s1.income = compared(flat.prose.s1.income.amount, flat.prose.s1.income.amount, "持平");
    flat.prose.s1.expenditure = compared(flat.prose.s1.expenditure.amount);
    const m = renderDocument(flat, shanxi, "md");
    it("says 与上年持平, or nothing without last year's figure", () => {
      expect(m).toContain("上年结转1,223.00万元，与上年持平，主要原因是持平；本年部门预算支出总计");
      expect(m).toContain("本年预算安排6,389.17万元，上年结转1,223.00万元。");
    });
  });
});
