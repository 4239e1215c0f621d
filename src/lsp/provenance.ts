/**
 * Where a figure of the publication comes from: the facts of the budget it adds up.
 *
 * `ProvenanceAt` is the interface the editor's hovers read: given a position in a source
 * file, the derived figures that position is, or feeds, each with its value and the
 * facts it sums. Here it is computed from the AST for the figures whose derivation is a
 * plain sum of amounts: a project's row in 表十二 and its subject's rows in 表三 and 表五,
 * a subject code's rows in 表三 and 表五, and the derived total a 控制数 is compared with.
 * The sources are gathered the way model/derive.ts gathers them (its `budgetItems`), and
 * a figure is given with its sources only when they add up to the figure the model
 * derived; otherwise the figure is given alone. A derivation that records its sources
 * itself can take this module's place behind the same interface.
 */
import { bi, type Bilingual } from "../base/diagnostics.js";
import { add, type Fen } from "../base/money.js";
import type { Span } from "../base/source.js";
import { wanText } from "../check/facts.js";
import { accumulateTotals, sourceTotal } from "../model/totals.js";
import { NO_TRACE } from "../model/trace.js";
import { budgetItems, resolveUnits, type Item } from "../model/derive.js";
import type { Publication } from "../model/types.js";
import type * as A from "../syntax/ast.js";

/** One fact a figure adds up: where it is written, what it is, and how much it gives. */
export interface FigureSource {
  readonly span: Span;
  readonly label: Bilingual;
  readonly fen: Fen;
}

export interface Provenance {
  /** The figure, as the publication places it: 表五 … 2010502 统计信息事务 · 项目支出. */
  readonly figure: Bilingual;
  readonly fen: Fen;
  /** The facts it adds up, in source order; empty when they could not be given. */
  readonly sources: readonly FigureSource[];
}

/** The figures a position in a source file is or feeds; undefined when it is none. */
export type ProvenanceAt = (file: string, offset: number) => readonly Provenance[] | undefined;

/** A figure's sources are listed only when they are few enough to read. */
export const MAX_SOURCES = 50;

const within = (s: Span | undefined, file: string, offset: number): boolean => s !== undefined && s.file === file && s.start <= offset && offset <= s.end;

type Column = "total" | "basic" | "project";
const COLUMN: Readonly<Record<Column, Bilingual>> = {
  total: bi("合计", "合计 (total)"),
  basic: bi("基本支出", "基本支出 (basic)"),
  project: bi("项目支出", "项目支出 (projects)"),
};

/** The provenance of the figures of one checked budget and the publication derived from it. */
export function astProvenance(budget: A.Budget, pub: Publication): ProvenanceAt {
  const items = budgetItems(budget, resolveUnits(budget));

  const itemSpan = (it: Item): Span => {
    if (it.kind === "basic") return budget.basic[it.index]!.money.span;
    const owner = it.kind === "project" ? budget.projects[it.index]! : budget.carryovers[it.index]!;
    return (owner.amounts.find((a) => a.source === it.source) ?? owner.amounts[0])!.money.span;
  };
  const itemLabel = (it: Item): Bilingual => {
    if (it.kind === "basic") {
      const l = budget.basic[it.index]!;
      return bi(`基本支出 ${l.subject.value} ${l.economic.value} ${it.source}`, `basic line ${l.subject.value} ${l.economic.value}, ${it.source}`);
    }
    const name = (it.kind === "project" ? budget.projects[it.index]! : budget.carryovers[it.index]!).name.value;
    return it.kind === "project" ? bi(`项目「${name}」${it.source}`, `project ${name}, ${it.source}`) : bi(`结转「${name}」${it.source}`, `carry-over ${name}, ${it.source}`);
  };
  const sourcesOf = (picked: readonly Item[]): FigureSource[] => picked.map((it) => ({ span: itemSpan(it), label: itemLabel(it), fen: it.fen }));

  /** A figure with its sources, when they add up to it. */
  const figure = (name: Bilingual, fen: Fen, picked: readonly Item[]): Provenance => {
    let s = 0;
    for (const it of picked) s = add(s, it.fen);
    return { figure: name, fen, sources: s === fen && picked.length <= MAX_SOURCES ? sourcesOf(picked) : [] };
  };

  const t3 = pub.tables.t3;
  const t5 = pub.tables.t5;
  const tableName = (t: { ordinal: string; title: string }) => bi(`${t.ordinal} ${t.title}`, `${t.ordinal} ${t.title}`);

  /** The rows of 表三 and 表五 for a subject code, in one column. */
  const subjectRows = (code: string, column: Column, only?: (it: Item) => boolean): Provenance[] => {
    const out: Provenance[] = [];
    const under = (it: Item) => it.subject !== undefined && it.subject.startsWith(code) && (only?.(it) ?? true);
    const inColumn = (it: Item) => column === "total" || (column === "basic" ? it.kind === "basic" : it.kind !== "basic");
    const row3 = t3.rows.find((r) => r.code === code);
    if (row3) {
      const name = bi(`${tableName(t3).zh} · ${code} ${row3.name} · ${COLUMN[column].zh}`, `${tableName(t3).en} · ${code} ${row3.name} · ${COLUMN[column].en}`);
      out.push(figure(name, row3.cells[column], items.filter((it) => under(it) && inColumn(it))));
    }
    const row5 = t5.rows.find((r) => r.code === code);
    if (row5) {
      const name = bi(`${tableName(t5).zh} · ${code} ${row5.name} · ${COLUMN[column].zh}`, `${tableName(t5).en} · ${code} ${row5.name} · ${COLUMN[column].en}`);
      out.push(figure(name, row5.cells[column], items.filter((it) => under(it) && inColumn(it) && it.kind !== "carryover" && it.source === "一般公共预算")));
    }
    return out;
  };

  const projectRow = (p: A.Project, index: number): Provenance | undefined => {
    for (const u of pub.tables.t12.units) {
      const line = u.projects.find((x) => x.name === p.name.value);
      if (line) {
        const t12 = pub.tables.t12;
        const name = bi(`${t12.ordinal} ${t12.title} · ${u.name} › ${p.name.value} · 合计`, `${t12.ordinal} ${t12.title} · ${u.name} › ${p.name.value} · 合计 (total)`);
        return figure(name, line.cells.total, items.filter((it) => it.kind === "project" && it.index === index));
      }
    }
    return undefined;
  };

  return (file, offset) => {
    // A project: its name or one of its amounts.
    for (let i = 0; i < budget.projects.length; i++) {
      const p = budget.projects[i]!;
      if (!within(p.span, file, offset)) continue;
      if (within(p.subject?.span, file, offset)) return subjectRows(p.subject!.value, "total");
      const onAmount = p.amounts.find((a) => within(a.span, file, offset) || within(a.money.span, file, offset));
      if (!within(p.name.span, file, offset) && !onAmount) return undefined;
      const out: Provenance[] = [];
      const row = projectRow(p, i);
      if (row) out.push(row);
      if (p.subject) out.push(...subjectRows(p.subject.value, "project", (it) => it.kind === "project" || it.kind === "carryover"));
      return out;
    }
    for (const c of budget.carryovers) {
      if (within(c.subject?.span, file, offset)) return subjectRows(c.subject!.value, "total");
    }
    for (const l of budget.basic) {
      if (within(l.subject.span, file, offset)) return subjectRows(l.subject.value, "total");
    }
    // A control total: the derived figure it is compared with.
    const control = budget.department?.control;
    if (control && within(control.span, file, offset)) {
      const t = accumulateTotals(budget, NO_TRACE);
      for (const a of control.bySource) {
        if (!within(a.span, file, offset) && !within(a.money.span, file, offset)) continue;
        const fen = sourceTotal(t, a.source);
        return [figure(bi(`本年收入 · ${a.source}（${wanText(fen)}）`, `this year's income from ${a.source} (${wanText(fen)})`), fen, items.filter((it) => it.kind !== "carryover" && it.source === a.source))];
      }
      if (control.incomeTotal && within(control.incomeTotal.span, file, offset)) {
        return [figure(bi("收入总计", "收入总计 (total income)"), t.incomeTotal, items)];
      }
    }
    return undefined;
  };
}
