/**
 * Where the figures come from (src/lsp/provenance.ts), on the reference budget: every
 * subject code, project and control total leads to the figures it is or feeds, and each
 * figure's sources are given and add up to the figure the model derived. A figure whose
 * sources were gathered differently from model/derive.ts would lose its sources here.
 */
import { describe, expect, it } from "vitest";
import { sum } from "../src/base/money.js";
import { checkBudget } from "../src/check/check.js";
import { astProvenance } from "../src/lsp/provenance.js";
import { derive } from "../src/model/derive.js";
import { loadBudget } from "../src/syntax/load.js";
import { diskHost } from "./helpers/fixtures.js";

const checked = checkBudget(loadBudget("budgets/jinzhong-econ-ops-2024.budget", diskHost()));
const budget = checked.effective;
const at = astProvenance(budget, derive(budget, checked.catalogue));

describe("figure provenance on the reference budget", () => {
  it("is clean to start from: no errors, and only the warning the published text earns", () => {
    // The published document repeats one project's 实施期目标 word for word in another.
    expect(checked.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(["warning copied-text"]);
  });

  it("traces every subject code's rows in 表三 and 表五 to the lines they add up", () => {
    const spans = [...budget.basic.map((l) => l.subject.span), ...budget.projects.map((p) => p.subject!.span), ...budget.carryovers.map((c) => c.subject!.span)];
    expect(spans.length).toBe(budget.basic.length + budget.projects.length + budget.carryovers.length);
    for (const s of spans) {
      const figures = at(s.file, s.start)!;
      expect(figures.map((f) => f.figure.zh.split(" ")[0])).toContain("表三");
      for (const f of figures) {
        expect(f.sources.length, f.figure.zh).toBeGreaterThan(0);
        expect(sum(f.sources.map((x) => x.fen)), f.figure.zh).toBe(f.fen);
      }
    }
  });

  it("traces a project to its row of 表十二 and its subject's 项目支出", () => {
    for (const p of budget.projects) {
      const figures = at(p.name.span.file, p.name.span.start)!;
      expect(figures[0]!.figure.zh).toContain(`› ${p.name.value} · 合计`);
      expect(figures[0]!.fen).toBe(sum(p.amounts.map((a) => a.money.fen)));
      expect(figures.slice(1).map((f) => f.figure.zh.split(" ")[0])).toEqual(["表三", "表五"]);
      for (const f of figures) expect(sum(f.sources.map((x) => x.fen))).toBe(f.fen);
      expect(figures[2]!.sources.some((x) => x.span === p.amounts[0]!.money.span)).toBe(true);
    }
  });

  it("traces a control total to the income it is compared with", () => {
    const c = budget.department!.control!.bySource[0]!;
    const [f] = at(c.money.span.file, c.money.span.start)!;
    expect(f!.fen).toBe(c.money.fen);
    expect(sum(f!.sources.map((x) => x.fen))).toBe(c.money.fen);
  });

  it("has nothing to say between the figures", () => {
    const d = budget.department!;
    expect(at(d.name.span.file, d.name.span.start)).toBeUndefined();
  });
});
