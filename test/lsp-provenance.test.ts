/**
 * Where the figures come from, for the editor (src/lsp/provenance.ts), on the reference
 * budget. The figures at a position are the model's own: those a traced derivation
 * records the amount at that position in. At random positions every figure listed sums
 * its sources to its value; an amount leads to exactly the figures that add it; a subject
 * code, a project and a control total lead to the rows they are or feed; and a hover on
 * the line of 表五's row 2010502 lists that row's figures with the value and the sources
 * `yusuan trace` gives for them. Every figure of a publication is named in the
 * document's words.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sum, toFen } from "../src/base/money.js";
import { lineCol, type Span } from "../src/base/source.js";
import { checkBudget } from "../src/check/check.js";
import { main } from "../src/cli/main.js";
import { nodeIo, type Io } from "../src/cli/io.js";
import { Profiles } from "../src/cli/profiles.js";
import { figureName } from "../src/lsp/figure-names.js";
import { hoverAt } from "../src/lsp/hover.js";
import { tracedProvenance, type Provenance } from "../src/lsp/provenance.js";
import { Workspace } from "../src/lsp/workspace.js";
import { Derivation } from "../src/model/derivation.js";
import { figures } from "../src/model/provenance.js";
import { sourceTotal } from "../src/model/totals.js";
import type * as A from "../src/syntax/ast.js";
import { loadBudget } from "../src/syntax/load.js";
import { diskHost } from "./helpers/fixtures.js";

const REF = "budgets/jinzhong-econ-ops-2024.budget";
const PROJECTS = "budgets/jinzhong-econ-ops-2024/projects.budget";
const checked = checkBudget(loadBudget(REF, diskHost()));
const budget = checked.effective;
const derivation = new Derivation(budget, checked.catalogue, { trace: true });
const pub = derivation.publication();
const at = tracedProvenance(derivation);
const all = figures(pub);
const texts = new Map([REF, PROJECTS].map((p) => [p, fs.readFileSync(p, "utf8")]));

/** Each amount of the source that some figure adds, and the pointers of those figures, from the derivation's records. */
const addedBy = new Map<A.Money, string[]>();
for (const f of all) {
  for (const o of derivation.tracer.origins(f.holder, f.key) ?? []) {
    const l = addedBy.get(o.money) ?? [];
    if (l[l.length - 1] !== f.pointer) l.push(f.pointer);
    addedBy.set(o.money, l);
  }
}
const valueAt = new Map(all.map((f) => [f.pointer, f.fen]));
const within = (s: Span, file: string, offset: number) => s.file === file && s.start <= offset && offset <= s.end;

/** What every listing must be: figures of the publication, once each, in document order, each the sum of its sources. */
function expectSound(listed: readonly Provenance[]): void {
  const order = all.map((f) => f.pointer);
  const places = listed.map((p) => order.indexOf(p.pointer));
  expect(places.every((x) => x >= 0)).toBe(true);
  expect(places).toEqual([...new Set(places)].sort((a, b) => a - b));
  for (const p of listed) {
    expect(p.fen, p.pointer).toBe(valueAt.get(p.pointer));
    expect(sum(p.sources.map((s) => s.fen)), p.pointer).toBe(p.fen);
  }
}

describe("figure provenance on the reference budget", () => {
  it("is clean to start from: no errors, and only the warning the published text earns", () => {
    // The published document repeats one project's 实施期目标 word for word in another.
    expect(checked.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning copied-text"]);
  });

  it("lists, at random positions, figures that each sum their sources to their value, and every figure that adds the amount there", () => {
    const spans = [...addedBy.keys()].map((m) => m.span);
    const onAmounts = fc.tuple(fc.constantFrom(...spans), fc.nat()).map(([s, n]) => ({ file: s.file, offset: s.start + (n % (s.end - s.start + 1)) }));
    const anywhere = fc.tuple(fc.constantFrom(REF, PROJECTS), fc.nat()).map(([file, n]) => ({ file, offset: n % texts.get(file)!.length }));
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(onAmounts, anywhere), ({ file, offset }) => {
        const listed = at(file, offset);
        const expected = [...addedBy].filter(([m]) => within(m.span, file, offset)).flatMap(([, ps]) => ps);
        if (!listed) {
          expect(expected).toEqual([]);
          return;
        }
        answered++;
        expect(listed.length).toBeGreaterThan(0);
        expectSound(listed);
        const pointers = new Set(listed.map((p) => p.pointer));
        for (const p of expected) expect(pointers.has(p), p).toBe(true);
      }),
      { numRuns: 400, seed: 20240101 },
    );
    // Half the positions are drawn on amounts: the property is about listings, not silence.
    expect(answered).toBeGreaterThan(150);
  });

  it("leads an amount to exactly the figures that add it, with the amount among their sources", () => {
    expect(addedBy.size).toBeGreaterThan(50);
    for (const [m, pointers] of addedBy) {
      const listed = at(m.span.file, m.span.start)!;
      expect(listed.map((p) => p.pointer), m.text).toEqual(pointers);
      for (const p of listed) expect(p.sources.some((s) => s.span === m.span)).toBe(true);
    }
  });

  it("leads a subject code to its own rows in 表三 and 表五, each the sum of every amount under it", () => {
    const statements = [...budget.basic.map((l) => ({ code: l.subject, amounts: [l.money] })), ...[...budget.projects, ...budget.carryovers].map((p) => ({ code: p.subject!, amounts: p.amounts.map((a) => a.money) }))];
    expect(statements.length).toBe(budget.basic.length + budget.projects.length + budget.carryovers.length);
    for (const { code, amounts } of statements) {
      const listed = at(code.span.file, code.span.start)!;
      expectSound(listed);
      // The union of what its amounts reach, and the rows of its code marked as its own.
      expect(new Set(listed.map((p) => p.pointer))).toEqual(new Set(amounts.flatMap((m) => addedBy.get(m)!)));
      const own = listed.filter((p) => p.own && p.figure.zh.includes(` · ${code.value} `));
      expect(own.map((p) => p.part.zh)).toContain("表三");
      const t3 = pub.tables.t3.rows.find((r) => r.code === code.value)!;
      expect(own.find((p) => p.part.zh === "表三" && p.figure.zh.endsWith("· 合计"))!.fen).toBe(t3.cells.total);
    }
  });

  it("leads a project's name to its line of 表十二 and its form, and its subject's 项目支出", () => {
    for (const p of budget.projects) {
      const listed = at(p.name.span.file, p.name.span.start)!;
      expectSound(listed);
      const own = listed.filter((f) => f.own);
      const line = own.find((f) => f.part.zh === "表十二" && f.figure.zh.endsWith(`› ${p.name.value} · 合计`))!;
      expect(line.fen).toBe(sum(p.amounts.map((a) => a.money.fen)));
      expect(line.sources.map((s) => s.span)).toEqual(p.amounts.map((a) => a.money.span));
      expect(own.some((f) => f.part.zh === "表五" && f.figure.zh.endsWith(`· ${p.subject!.value} ${pub.tables.t5.rows.find((r) => r.code === p.subject!.value)!.name} · 项目支出`))).toBe(true);
      expect(own.some((f) => f.part.zh === "项目绩效目标表")).toBe(true);
    }
  });

  it("leads a control total to the income it is compared with, as the check compares it", () => {
    const control = budget.department!.control!;
    expect(control.bySource.length).toBeGreaterThan(0);
    for (const c of control.bySource) {
      const [f, ...more] = at(c.money.span.file, c.money.span.start)!;
      expect(more).toEqual([]);
      expect(f!.own).toBe(true);
      expect(f!.fen).toBe(sourceTotal(checked.derivation.totals, c.source));
      expect(f!.fen).toBe(c.money.fen);
      expect(sum(f!.sources.map((x) => x.fen))).toBe(f!.fen);
    }
  });

  it("leads the control of each kind of a unit's own funds, and of 单位资金, to the figure the check compares it with", () => {
    for (const fixture of ["ok-own-funds-by-kind", "bad-business-income"]) {
      const c = checkBudget(loadBudget(`test/fixtures/diagnostics/control-total-mismatch/${fixture}.budget`, diskHost()));
      const d = new Derivation(c.effective, c.catalogue, { trace: true });
      const there = tracedProvenance(d);
      const control = c.effective.department!.control!;
      for (const a of control.bySource) {
        const [f, ...more] = there(a.money.span.file, a.money.span.start)!;
        expect(more).toEqual([]);
        // 单位资金 is every kind of own funds (表一's line); 事业收入 is itself (the explanations' line).
        expect(f!.pointer).toMatch(a.source === "单位资金" ? /^\/tables\/t1\/income\// : /^\/explanations\/income\/bySource\//);
        expect(f!.fen, `${fixture} ${a.source}`).toBe(sourceTotal(c.derivation.totals, a.source));
        expect(sum(f!.sources.map((x) => x.fen))).toBe(f!.fen);
      }
    }
  });

  it("has nothing to say between the figures", () => {
    const d = budget.department!;
    expect(at(d.name.span.file, d.name.span.start)).toBeUndefined();
  });
});

describe("figure names", () => {
  it("name every figure of a publication in the document's words: no field of the model, no index", () => {
    const profiles = new Profiles(nodeIo());
    const budgets = [REF, "budgets/shanghai-putuo-wanli-2024.budget", "budgets/shanghai-putuo-commerce-2025.budget", "test/fixtures/profiles/shanghai-third.budget"];
    let named = 0;
    for (const b of budgets) {
      const c = checkBudget(loadBudget(b, diskHost()), undefined, undefined, { profiles });
      const p = new Derivation(c.effective, c.catalogue, { spec: c.derivation.spec! }).publication();
      for (const f of figures(p)) {
        const n = figureName(p, f.pointer);
        expect(n.name.zh, `${b} ${f.pointer}`).not.toMatch(/[A-Za-z#]/);
        expect(n.part.zh, f.pointer).not.toBe("");
        named++;
      }
    }
    expect(named).toBeGreaterThan(5000);
  });
});

/**
 * A Workspace over the disk, as the server has it, with the profiles `yusuan trace` reads:
 * the profile orders the project forms, so the figures' pointers are trace's only when the
 * editor's derivation has the same profile as the check.
 */
function workspace(): Workspace {
  const read = (p: string) => (fs.existsSync(p) && fs.statSync(p).isFile() ? fs.readFileSync(p, "utf8") : undefined);
  const list = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d) : []);
  return new Workspace({ read, list }, [path.resolve("budgets")], undefined, new Profiles(nodeIo()));
}

/** `yusuan trace` in process, its JSON read back. */
async function trace(...args: string[]): Promise<{ value: string; unit: "万元" | "元"; pointer: string; sources: { file: string; line: number; amount: string }[] }> {
  let out = "";
  let err = "";
  const io: Io = { ...nodeIo(), isTTY: false, out: (t) => void (out += t), err: (t) => void (err += t) };
  expect(await main(["trace", REF, ...args, "--format", "json"], io), err).toBe(0);
  return JSON.parse(out) as never;
}

const fen = (amount: string, unit: "万元" | "元") => {
  const r = toFen(amount.replace(/,/g, ""), unit);
  if (!r.ok) throw new Error(`not an amount: ${amount}`);
  return r.fen;
};

/** The figures of a hover's Markdown with their sources: a group's sources follow its last figure. */
function hoverFigures(md: string): Map<string, { value: number; sources: string[] }> {
  const out = new Map<string, { value: number; sources: string[] }>();
  let group: { value: number; sources: string[] }[] = [];
  let sourcesSeen = false;
  for (const line of md.split("\n")) {
    const fig = /^- (.+)：([\d,.]+)(万元|元)$/.exec(line);
    const src = /^ {2}- \[.+\]\((.+)#L(\d+)\) (-?[\d,.]+)(万元|元)$/.exec(line);
    if (fig) {
      if (sourcesSeen) group = [];
      sourcesSeen = false;
      const f = { value: fen(fig[2]!, fig[3] as "万元"), sources: [] as string[] };
      group.push(f);
      out.set(fig[1]!, f);
    } else if (src) {
      sourcesSeen = true;
      for (const f of group) f.sources.push(`${src[1]}:${src[2]}:${fen(src[3]!, src[4] as "万元")}`);
    }
  }
  return out;
}

describe("a hover on the line of 表五's row 2010502", () => {
  const file = path.resolve(PROJECTS);
  const text = texts.get(PROJECTS)!;
  const ws = workspace();
  ws.check(path.resolve(REF));
  const link = (s: Span) => `${s.file}#L${lineCol({ path: s.file, text: fs.readFileSync(s.file, "utf8") }, s.start).line}`;
  const project = text.indexOf('项目 "统计网络租用经费"');
  const positions = [
    ["its subject code", text.indexOf("科目 2010502", project) + "科目 ".length],
    ["its amount", text.indexOf("一般公共预算 0.60万元", project) + "一般公共预算 ".length],
  ] as const;
  // The lines of the project's amounts: a figure is fed from the project when trace finds one of them among its sources.
  const amountLines = new Set(budget.projects.find((p) => p.name.value === "统计网络租用经费")!.amounts.map((a) => lineCol({ path: file, text }, a.money.span.start).line));

  for (const [what, offset] of positions) {
    it(`on ${what} lists each figure of the row that \`yusuan trace 表五 2010502\` finds fed from there, with trace's value and sources`, async () => {
      const md = hoverAt(ws, file, offset, "zh", link)!;
      const shown = hoverFigures(md);
      const row = pub.tables.t5.rows.find((r) => r.code === "2010502")!;
      const rowName = `表五 ${pub.tables.t5.title} · 2010502 ${row.name}`;
      let listed = 0;
      for (const column of ["合计", "基本支出", "项目支出"]) {
        const t = await trace("表五", "2010502", column);
        const fedFromHere = t.sources.some((s) => path.resolve(s.file) === file && amountLines.has(s.line));
        const h = shown.get(`${rowName} · ${column}`);
        if (!fedFromHere) {
          expect(h, column).toBeUndefined();
          continue;
        }
        listed++;
        expect(h, column).toBeDefined();
        expect(h!.value).toBe(fen(t.value, t.unit));
        expect(h!.sources).toEqual(t.sources.map((s) => `${path.resolve(s.file)}:${s.line}:${fen(s.amount, t.unit)}`));
      }
      // The project's money is 项目支出 of the row, and so its 合计; 基本支出 has none of it.
      expect(listed).toBe(2);
    });
  }

  it("lists the figures its provenance gives, each as `yusuan trace` gives it by pointer", async () => {
    const offset = positions[1][1];
    const listed = ws.provenance(ws.budgetOf(file)!)!(file, offset)!;
    const own = listed.filter((p) => p.own);
    expect(own.length).toBeGreaterThan(5);
    for (const p of own) {
      const t = await trace(p.pointer);
      expect(fen(t.value, t.unit), p.pointer).toBe(p.fen);
      expect(t.sources.map((s) => `${path.resolve(s.file)}:${s.line}:${fen(s.amount, t.unit)}`)).toEqual(p.sources.map((s) => `${path.resolve(s.span.file)}:${lineCol({ path: s.span.file, text: fs.readFileSync(s.span.file, "utf8") }, s.span.start).line}:${s.fen}`));
    }
  });

  it("is computed once per check, not per hover", () => {
    const entry = ws.budgetOf(file)!;
    expect(ws.provenance(entry)).toBe(ws.provenance(entry));
    expect(ws.publication(entry)).toBe(ws.publication(entry));
    const again = ws.check(path.resolve(REF));
    expect(ws.provenance(again)).not.toBe(ws.provenance(entry));
  });
});
