/**
 * Provenance: every figure of a publication knows the source amounts that make it, and
 * they sum exactly to it. Checked on the reference budget through `yusuan trace` (the
 * figures a reviewer asks about first) and `build --provenance`, and on random budgets
 * as a property: every figure's sources sum to it, and every amount written in the
 * source reaches some figure.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toFen } from "../src/base/money.js";
import { builtinCatalogue } from "../src/catalogue/catalogue.js";
import { Derivation } from "../src/model/derivation.js";
import { figures, originsSum } from "../src/model/provenance.js";
import type { Origin } from "../src/model/trace.js";
import type * as A from "../src/syntax/ast.js";
import { FISCAL_SOURCES, SOURCES } from "../src/syntax/ast.js";
import { loadBudget } from "../src/syntax/load.js";
import "../src/syntax/parser.js";
import { budgetSource } from "./helpers/gen.js";

const REF = "budgets/jinzhong-econ-ops-2024.budget";
const catalogue = builtinCatalogue(2024)!;

function run(args: string[]) {
  return spawnSync(process.execPath, ["bin/yusuan.js", ...args], { encoding: "utf8" });
}

/** 分 of a signed decimal string in a unit. */
function fenOf(amount: string, unit: "万元" | "元"): number {
  const r = toFen(amount, unit);
  if (!r.ok) throw new Error(`not an amount: ${amount}`);
  return r.fen;
}

describe("yusuan trace on the reference budget", () => {
  const cases: [string[], string][] = [
    [["表五", "2010402"], "26.40"],
    [["表五", "合计"], "6389.17"],
    [["表五", "合计", "基本支出"], "24.17"],
    [["表一", "收入总计"], "7612.17"],
    [["表十二", "统计网络租用经费"], "0.60"],
    [["/prose/s4/general"], "7612.17"],
    [["/prose/s1/income/change/amount"], "12669.33"],
  ];
  for (const [args, printed] of cases) {
    it(`${args.join(" ")} = ${printed}, and its sources sum to it`, () => {
      const r = run(["trace", REF, ...args, "--format", "json"]);
      expect(r.status, r.stderr).toBe(0);
      const j = JSON.parse(r.stdout) as { value: string; unit: "万元" | "元"; sources: { file: string; line: number; amount: string; text: string }[] };
      expect(j.value).toBe(printed);
      expect(j.unit).toBe("万元");
      expect(j.sources.length).toBeGreaterThan(0);
      expect(j.sources.reduce((s, x) => s + fenOf(x.amount, j.unit), 0)).toBe(fenOf(printed, "万元"));
      for (const s of j.sources) {
        const line = fs.readFileSync(s.file, "utf8").split("\n")[s.line - 1]!;
        expect(line.trim()).toBe(s.text);
      }
    });
  }
  it("prints the arithmetic and a code frame for each source", () => {
    const r = run(["trace", REF, "表十二", "统计网络租用经费"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("= 0.60万元");
    expect(r.stdout).toContain("projects.budget:170  0.60万元  项目「统计网络租用经费」一般公共预算");
    expect(r.stdout).toMatch(/> 170 \|\s+一般公共预算 0\.60万元/);
  });
  it("names the rows when a row is not found, and exits 2", () => {
    const r = run(["trace", REF, "表五", "9999999"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("表五没有「9999999」这一行");
    expect(r.stderr).toContain("2010402");
  });
  it("refuses an unknown table and a pointer that names no amount", () => {
    expect(run(["trace", REF, "表九十", "合计"]).status).toBe(2);
    expect(run(["trace", REF, "/header/name"]).status).toBe(2);
  });
});

describe("build --provenance", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "yusuan-prov-"));
  const r = run(["build", REF, "--out", out, "--format", "html,json", "--provenance"]);
  it("builds", () => expect(r.status, r.stderr).toBe(0));
  it("maps every amount of the JSON with sources to sources that sum to it", () => {
    const j = JSON.parse(fs.readFileSync(path.join(out, "jinzhong-econ-ops-2024.json"), "utf8")) as { provenance: Record<string, { amount: string }[]> };
    const pointers = Object.keys(j.provenance);
    expect(pointers.length).toBeGreaterThan(300);
    const at = (pointer: string): unknown => pointer.split("/").slice(1).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k.replace(/~1/g, "/").replace(/~0/g, "~")], j);
    for (const p of pointers) {
      const value = at(p) as string;
      const unit = p.includes("Funding") ? "元" : "万元";
      expect(j.provenance[p]!.reduce((s, x) => s + fenOf(x.amount, unit), 0), p).toBe(fenOf(value, unit));
    }
  });
  it("gives each amount cell of the HTML its source lines", () => {
    const html = fs.readFileSync(path.join(out, "jinzhong-econ-ops-2024.html"), "utf8");
    expect(html).toContain('title="budgets/jinzhong-econ-ops-2024/projects.budget:170  0.60  一般公共预算 0.60万元"');
  });
});

/** Every amount written in a budget's source that a publication prints (declared figures, which rules compare, aside). */
function leafAmounts(b: A.Budget): A.Money[] {
  const out: A.Money[] = [];
  for (const l of b.basic) out.push(l.money);
  for (const p of [...b.projects, ...b.carryovers]) for (const a of p.amounts) out.push(a.money);
  // A project's lines by economic subject reach "三公" when they place its money: every
  // line has an amount, the project has one source, a 财政拨款 one.
  for (const p of b.projects) {
    const sources = new Set(p.amounts.map((a) => a.source));
    if (!p.economic.length || !p.economic.every((e) => e.money) || sources.size !== 1 || !FISCAL_SOURCES.includes([...sources][0]!)) continue;
    for (const e of p.economic) if (catalogue.threePublic(e.code.value)) out.push(e.money!);
  }
  for (const m of [b.procurement?.goods, b.procurement?.works, b.procurement?.services]) if (m) out.push(m);
  const ly = b.lastYear;
  if (ly) {
    for (const m of [ly.incomeTotal, ly.generalSpending, ly.runningCosts]) if (m) out.push(m);
    for (const m of ly.threePublic?.items.values() ?? []) out.push(m);
  }
  return out.filter((m) => m.fen !== 0);
}

describe("provenance of random budgets", () => {
  it("sums to every figure, and every amount written reaches a figure", () => {
    let figuresSeen = 0;
    fc.assert(
      fc.property(budgetSource, (src) => {
        const loaded = loadBudget("p.budget", { read: (p) => (p === "p.budget" ? src : undefined) });
        const d = new Derivation(loaded.budget, catalogue, { trace: true });
        const pub = d.publication();
        const used = new Set<A.Money>();
        for (const f of figures(pub)) {
          const o: readonly Origin[] = d.tracer.origins(f.holder, f.key) ?? [];
          expect(originsSum(o), f.pointer).toBe(f.fen);
          for (const x of o) used.add(x.money);
          figuresSeen++;
        }
        for (const m of leafAmounts(loaded.budget)) expect(used.has(m), `${m.text} at ${m.span.start}`).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(figuresSeen).toBeGreaterThan(10_000);
  });

  it("sums to the figures the checker reads beside the publication's", () => {
    let nonzero = 0;
    // Random statements seldom reach a real 项 with 财政拨款, so half the budgets are projects
    // on real subjects paid from each source: the figures compared are then mostly nonzero.
    const project = fc.tuple(fc.constantFrom("2010401", "2010402", "2120101", "2080501"), fc.constantFrom("一般公共预算", "政府性基金预算", "国有资本经营预算", "单位资金"), fc.integer({ min: 1, max: 9_999_999 }));
    const projects = fc.array(project, { minLength: 1, maxLength: 5 }).map((ps) => ps.map(([code, source, n], i) => `项目 "p${i}" {\n  科目 ${code}\n  ${source} ${n}元\n}\n`).join(""));
    fc.assert(
      fc.property(fc.oneof(budgetSource, projects), (src) => {
        const loaded = loadBudget("p.budget", { read: (p) => (p === "p.budget" ? src : undefined) });
        const d = new Derivation(loaded.budget, catalogue, { trace: true });
        const check = (holder: object, key: string, fen: number, what: string) => {
          expect(originsSum(d.tracer.origins(holder, key)), what).toBe(fen);
          if (fen !== 0) nonzero++;
        };
        // 财政拨款 spending by subject, at every level and by fund.
        for (const r of d.functional.fiscal.rows(catalogue)) for (const k of ["total", "general", "fund", "capital"] as const) check(r.cells, k, r.cells[k], `fiscal ${r.code} ${k}`);
        check(d.functional.fiscal.total, "total", d.functional.fiscal.total.total, "fiscal total");
        for (const s of SOURCES) check(d.totals.bySource, s, d.totals.bySource[s], `income ${s}`);
        check(d.coverage, "amount", d.coverage.amount, "coverage");
      }),
      { numRuns: 300 },
    );
    expect(nonzero).toBeGreaterThan(300);
  });

  it("traces 三公 paid from projects to the projects' lines by economic subject", () => {
    const line = fc.tuple(fc.constantFrom("31013", "30217", "30231", "30201"), fc.integer({ min: 1, max: 99_999 }));
    const project = fc.tuple(fc.constantFrom("一般公共预算", "政府性基金预算", "单位资金"), fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(project, { minLength: 1, maxLength: 4 }), (projects) => {
        const src = projects
          .map(([source, lines, whole], i) => {
            const total = lines.reduce((s, [, n]) => s + n, 0);
            // One line without an amount for the whole project, or every line with its amount.
            const economic = whole ? `  经济科目 ${lines[0]![0]}\n` : lines.map(([code, n]) => `  经济科目 ${code} ${n}元\n`).join("");
            return `项目 "p${i}" {\n  科目 2010401\n  ${source} ${total}元\n${economic}}\n`;
          })
          .join("");
        const loaded = loadBudget("p.budget", { read: (p) => (p === "p.budget" ? src : undefined) });
        expect(loaded.diagnostics).toEqual([]);
        const d = new Derivation(loaded.budget, catalogue, { trace: true });
        const t10 = d.publication().tables.t10;
        const used = new Set<A.Money>();
        for (const r of t10.rows)
          for (const k of ["total", "general", "fund", "capital"] as const) {
            const o = d.tracer.origins(r.cells, k) ?? [];
            expect(originsSum(o), `${r.key} ${k}`).toBe(r.cells[k]);
            for (const x of o) used.add(x.money);
          }
        let expected = 0;
        for (const p of loaded.budget.projects) {
          if (!FISCAL_SOURCES.includes(p.amounts[0]!.source)) continue;
          if (p.economic.length === 1 && !p.economic[0]!.money) {
            if (catalogue.threePublic(p.economic[0]!.code.value)) expect(used.has(p.amounts[0]!.money)).toBe(true);
            continue;
          }
          for (const e of p.economic) {
            if (!catalogue.threePublic(e.code.value)) continue;
            expect(used.has(e.money!), `${p.name.value} ${e.code.value}`).toBe(true);
            expected += e.money!.fen;
          }
        }
        if (projects.every(([, , whole]) => !whole)) {
          const rows = new Map(t10.rows.map((r) => [r.key, r.cells.total]));
          expect(rows.get("total")).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
