/**
 * The language server, through a real JSON-RPC client over stdio (`node bin/yusuan.js
 * lsp`), on the reference budget and its included projects file: initialize, open, the
 * diagnostics as the author edits (none, then one after an edit that breaks a total, and
 * the budget that includes a file re-checked when that file changes), hover, completion
 * of subject codes, definition, the outline, formatting, a quick fix applied, and a
 * project renamed. `npm test` builds the bundle the server runs from.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { after, applyEdits, LspClient, positionOf, uriOf, type LspDiagnostic, type TextEdit } from "./helpers/lsp-client.js";

const ROOT = path.resolve("budgets");
const MAIN = path.join(ROOT, "jinzhong-econ-ops-2024.budget");
const PROJECTS = path.join(ROOT, "jinzhong-econ-ops-2024", "projects.budget");
const main = uriOf(MAIN);
const projects = uriOf(PROJECTS);

interface Hover {
  contents: { kind: string; value: string };
}
interface CompletionList {
  isIncomplete: boolean;
  items: { label: string; detail?: string; textEdit?: TextEdit }[];
}
interface CodeAction {
  title: string;
  kind: string;
  edit: { changes: Record<string, TextEdit[]> };
}

describe("yusuan lsp on the reference budget", () => {
  let client: LspClient;
  /**
   * The next diagnostics of a file of the reference with no errors: the published document
   * repeats one project's 实施期目标 word for word in another, which copied-text warns of.
   */
  const settled = (uri: string) => client.nextDiagnostics(uri, (d) => d.every((x) => x.code === "copied-text"));
  beforeAll(async () => {
    client = new LspClient();
    const init = await client.initialize(ROOT, { lang: "zh" });
    expect(init.capabilities).toMatchObject({
      hoverProvider: true,
      definitionProvider: true,
      documentSymbolProvider: true,
      documentFormattingProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: ["quickfix"] },
    });
    const first = client.nextDiagnostics(main);
    client.open(main, fs.readFileSync(MAIN, "utf8"));
    expect(await first).toEqual([]);
    const second = client.nextDiagnostics(projects);
    client.open(projects, fs.readFileSync(PROJECTS, "utf8"));
    // The published document repeats one project's 实施期目标 word for word in another.
    expect((await second).map((d) => `${d.severity} ${d.code}`)).toEqual(["2 copied-text"]);
  });
  afterAll(async () => {
    await client.close();
  });

  it("reports a broken control total as the author types, and clears it when mended", async () => {
    let next = client.reporting(main, "control-total-mismatch");
    client.replace(main, "一般公共预算 6,389.17万元", "一般公共预算 6,389.18万元");
    const ds = await next;
    expect(ds.map((d) => d.code)).toEqual(["control-total-mismatch"]);
    const d = ds[0]!;
    expect(d.severity).toBe(1);
    const text = client.texts.get(main)!;
    expect(d.range).toEqual({ start: positionOf(text, text.indexOf("6,389.18万元")), end: positionOf(text, text.indexOf("6,389.18万元") + "6,389.18万元".length) });
    expect(d.message).toContain("控制数一般公共预算为 6,389.18万元，但预算安排为 6,389.17万元（相差 0.01万元）");
    expect(d.message).toContain("提示: ");
    expect(d.relatedInformation?.length).toBeGreaterThan(0);
    next = client.clean(main);
    client.replace(main, "一般公共预算 6,389.18万元", "一般公共预算 6,389.17万元");
    expect(await next).toEqual([]);
  });

  it("re-checks the budget that includes a file when the file changes", async () => {
    const mainNext = client.reporting(main, "control-total-mismatch");
    const projectsNext = client.reporting(projects, "cost-indicator-mismatch");
    client.replace(projects, "一般公共预算 0.60万元", "一般公共预算 0.70万元");
    const [m, p] = await Promise.all([mainNext, projectsNext]);
    // The control total and the overall form's cost indicator, both in the including file.
    expect(m.map((d) => d.code)).toEqual(["control-total-mismatch", "overall-cost-indicator"]);
    expect(p.map((d) => d.code)).toEqual(["project-funding-total", "cost-indicator-mismatch", "copied-text"]);
    const back = [client.clean(main), settled(projects)];
    client.replace(projects, "一般公共预算 0.70万元", "一般公共预算 0.60万元");
    expect((await Promise.all(back)).map((ds) => ds.map((d) => d.code))).toEqual([[], ["copied-text"]]);
  });

  it("hovers on a project: its amount in 万元 and 元, its shares and the rows it feeds", async () => {
    const text = client.texts.get(projects)!;
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: projects }, position: after(text, '项目 "统计网络') });
    expect(h.contents.kind).toBe("markdown");
    expect(h.contents.value).toContain("**项目「统计网络租用经费」** 0.60万元（6,000元）");
    expect(h.contents.value).toContain("占项目支出 0.01%");
    expect(h.contents.value).toMatch(/表十二 2024年项目支出预算表（本年预算） · .* › 统计网络租用经费 · 合计：0\.60万元/);
    expect(h.contents.value).toContain("表五 2024年一般公共预算支出预算表（不含上年结转） · 2010502 一般行政管理事务 · 项目支出：0.60万元");
  });

  it("hovers on a subject code: its name, its place and the facts its totals add up", async () => {
    const text = client.texts.get(main)!;
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: main }, position: after(text, "支出 20104") });
    expect(h.contents.value).toContain("**2010401 行政运行**（项）");
    expect(h.contents.value).toContain("201 一般公共服务支出 › 20104 发展与改革事务 › 2010401 行政运行");
    expect(h.contents.value).toContain("表三 2024年预算支出总表 · 2010401 行政运行 · 合计：24.17万元");
    expect(h.contents.value).toMatch(/\[基本支出 2010401 30201 一般公共预算\]\(file:\/\/.*jinzhong-econ-ops-2024\.budget#L\d+\) 3\.50万元/);
  });

  it("completes subject codes after 科目 by code prefix and by a piece of the name", async () => {
    const text = client.texts.get(projects)!;
    client.replace(projects, "  科目 2010502", "  科目 20105");
    const byCode = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri: projects }, position: after(client.texts.get(projects)!, "  科目 20105") });
    const labels = byCode.items.map((i) => `${i.label} ${i.detail}`);
    expect(labels).toContain("2010507 专项普查活动（项）");
    expect(byCode.items.every((i) => i.label.startsWith("20105"))).toBe(true);
    client.replace(projects, "  科目 20105", "  科目 普查");
    const byName = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri: projects }, position: after(client.texts.get(projects)!, "  科目 普查") });
    expect(byName.items.map((i) => i.label)).toEqual(["2010507"]);
    expect(byName.items[0]!.textEdit?.newText).toBe("2010507");
    const back = settled(projects);
    client.replace(projects, "  科目 普查", "  科目 2010502");
    expect(client.texts.get(projects)).toBe(text);
    expect((await back).map((d) => d.code)).toEqual(["copied-text"]);
  });

  it("completes the statements a block admits and the values of an enumeration", async () => {
    const text = client.texts.get(projects)!;
    const inProject = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri: projects }, position: positionOf(text, text.indexOf("  科目 2010502")) });
    expect(inProject.items.map((i) => i.label)).toEqual(["单位", "科目", "类别", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金", "单位资金", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "绩效", "待补充", "经济科目", "经费说明"]);
    const category = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri: projects }, position: after(text, "  类别 ") });
    expect(category.items.map((i) => i.label)).toEqual(["其他运转类", "特定目标类"]);
    // Every closed set offers the values its table (syntax/enumerations.ts) lists.
    const dept = client.texts.get(main)!;
    const unit = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri: main }, position: after(dept, "  金额单位 ") });
    expect(unit.items.map((i) => i.label)).toEqual(["万元", "元"]);
    const kind = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri: main }, position: after(dept, "  类型 ") });
    expect(kind.items.map((i) => i.label)).toEqual(["行政单位", "参公事业单位", "事业单位"]);
  });

  it("goes from an include to its file", async () => {
    const text = client.texts.get(main)!;
    const locs = await client.request<{ uri: string }[]>("textDocument/definition", { textDocument: { uri: main }, position: after(text, '引用 "jinzhong') });
    expect(locs.map((l) => l.uri)).toEqual([projects]);
  });

  it("outlines the projects of a file", async () => {
    const symbols = await client.request<{ name: string; kind: number; children: unknown[] }[]>("textDocument/documentSymbol", { textDocument: { uri: projects } });
    expect(symbols).toHaveLength(13);
    expect(symbols[4]).toMatchObject({ name: "统计网络租用经费", kind: 5 });
    expect(symbols[4]!.children).toHaveLength(1);
  });

  it("leaves the canonical reference unformatted", async () => {
    expect(await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: main }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
  });

  it("offers the cost indicator's quick fix, and applying it clears the diagnostic", async () => {
    let next = client.reporting(projects, "cost-indicator-mismatch");
    client.replace(projects, '"统计内网租用费" 0.6万元', '"统计内网租用费" 0.7万元');
    const ds: LspDiagnostic[] = await next;
    const d = ds.find((x) => x.code === "cost-indicator-mismatch")!;
    expect(d.message).toContain("成本指标的年度值应等于项目金额：6,000元");
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: projects }, range: d.range, context: { diagnostics: [d] } });
    expect(actions.map((a) => a.title)).toEqual(["改为 6,000元"]);
    expect(actions[0]!.kind).toBe("quickfix");
    next = settled(projects);
    client.edit(projects, actions[0]!.edit.changes[projects]!);
    expect(client.texts.get(projects)).toContain('"统计内网租用费" 6,000元');
    expect((await next).map((d) => d.code)).toEqual(["copied-text"]);
    client.replace(projects, '"统计内网租用费" 6,000元', '"统计内网租用费" 0.6万元');
  });

  it("renames a project where it is declared", async () => {
    const text = client.texts.get(projects)!;
    const at = after(text, '项目 "统计网络');
    const prepared = await client.request<{ placeholder: string }>("textDocument/prepareRename", { textDocument: { uri: projects }, position: at });
    expect(prepared.placeholder).toBe("统计网络租用经费");
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>("textDocument/rename", { textDocument: { uri: projects }, position: at, newName: "统计专网租用经费" });
    expect(Object.keys(edit.changes)).toEqual([projects]);
    expect(applyEdits(text, edit.changes[projects]!)).toBe(text.replace('"统计网络租用经费"', '"统计专网租用经费"'));
    const clash = client.request("textDocument/rename", { textDocument: { uri: projects }, position: at, newName: "遗属补助" });
    await expect(clash).rejects.toThrow("已有名为「遗属补助」的项目");
    // A name that differs only by an invisible character is the same name to the checker.
    const invisible = client.request("textDocument/rename", { textDocument: { uri: projects }, position: at, newName: "遗属\u200b补助" });
    await expect(invisible).rejects.toThrow("已有名为「遗属\u200b补助」的项目");
  });
});

describe("yusuan lsp on a budget of its own", () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync("/tmp/yusuan-lsp-");
    client = new LspClient();
    await client.initialize(dir, { lang: "en" });
  });
  afterAll(async () => {
    await client.close();
  });

  it("formats, leads a form to its project, renames it in the form, and speaks English", async () => {
    const file = path.join(dir, "b.budget");
    const messy = `部门   609 "示例部门" {   年度 2024 }\n项目 "甲" {\n科目 2010401\n  类别 其他运转类\n  一般公共预算 1.00万元\n}\n绩效 "甲" {\n  属性 一次性项目\n}\n`;
    fs.writeFileSync(file, messy);
    const uri = uriOf(file);
    const first = client.nextDiagnostics(uri);
    client.open(uri, messy);
    await first;
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(messy, edits)).toBe(`部门 609 "示例部门" {\n  年度 2024\n}\n项目 "甲" {\n  科目 2010401\n  类别 其他运转类\n  一般公共预算 1.00万元\n}\n绩效 "甲" {\n  属性 一次性项目\n}\n`);
    const form = after(messy, '绩效 "');
    const locs = await client.request<{ uri: string; range: { start: { line: number } } }[]>("textDocument/definition", { textDocument: { uri }, position: form });
    expect(locs).toEqual([{ uri, range: { start: { line: 1, character: 3 }, end: { line: 1, character: 6 } } }]);
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>("textDocument/rename", { textDocument: { uri }, position: form, newName: "乙" });
    expect(applyEdits(messy, edit.changes[uri]!)).toBe(messy.replaceAll('"甲"', '"乙"'));
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: after(messy, '项目 "') });
    expect(h.contents.value).toContain("**project「甲」** 1.00万元（10,000元）");
  });

  it("checks a file nothing includes on its own, with full-width digits fixed half-width", async () => {
    const file = path.join(dir, "c.budget");
    const text = `部门 609 "示例部门" {\n  年度 ２０２４\n  职责 "负责本部门的工作。"\n  机构设置 "内设办公室。"\n  类型 行政单位\n}\n`;
    fs.writeFileSync(file, text);
    const uri = uriOf(file);
    const next = client.reporting(uri, "full-width-character");
    client.open(uri, text);
    const ds = await next;
    const d = ds.find((x) => x.code === "full-width-character")!;
    expect(d.message).toContain("type the half-width 2024");
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    expect(actions.map((a) => a.title)).toEqual(["write 2024"]);
    const clean = client.clean(uri);
    client.edit(uri, actions[0]!.edit.changes[uri]!);
    expect(await clean).toEqual([]);
  });

  it("reads the files it includes as check does: a GBK file decoded and named, a link out of the root refused", async () => {
    const gbk = path.join(dir, "gbk.budget");
    const project = `项目 "甲" {\n  科目 2010401\n  类别 其他运转类\n  一般公共预算 1.00万元\n}\n`;
    fs.writeFileSync(gbk, execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: project }));
    fs.symlinkSync("/etc/hostname", path.join(dir, "outside.budget"));
    const file = path.join(dir, "d.budget");
    const text = `部门 609 "示例部门" {\n  年度 2024\n  职责 "负责本部门的工作。"\n  机构设置 "内设办公室。"\n  类型 行政单位\n}\n引用 "gbk.budget"\n引用 "outside.budget"\n`;
    fs.writeFileSync(file, text);
    const uri = uriOf(file);
    const encoded = client.reporting(uriOf(gbk), "file-encoding");
    const outside = client.reporting(uri, "include-outside-root");
    client.open(uri, text);
    expect((await outside).map((d) => d.code)).toContain("include-outside-root");
    // One diagnostic for the file's encoding, and its project read as written (no mojibake).
    expect((await encoded).map((d) => d.code)).toEqual(["file-encoding"]);
    const symbols = await client.request<{ name: string }[]>("textDocument/documentSymbol", { textDocument: { uri: uriOf(gbk) } });
    expect(symbols.map((x) => x.name)).toEqual(["甲"]);
  });
});
