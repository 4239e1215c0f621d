/**
 * Where a figure of the publication comes from, for the editor: given a position in a
 * source file, every figure of the publication whose sources include an amount written
 * there, each with its value and its sources.
 *
 * Nothing is derived here. The figures and their sources are the model's own: a
 * derivation made with `{ trace: true }` records the source amounts of every figure as it
 * computes it (model/trace.ts), and `figures` (model/provenance.ts) lists the figures of
 * the publication with their JSON pointers, as `yusuan trace` and `build --provenance`
 * read them. This module indexes them once, by the amounts of the source: an amount
 * leads to the figures it enters; a basic line's subject code, a project's or a
 * carry-over's name or subject code, to the figures its amounts enter; a 控制数, to the
 * figure of the publication it is compared with. A figure's sources sum to it exactly,
 * since they are the very amounts the derivation added (an amount subtracted, last year's
 * in a change, with its sign).
 */
import { bi, type Bilingual } from "../base/diagnostics.js";
import type { Fen } from "../base/money.js";
import type { Span } from "../base/source.js";
import type { Derivation } from "../model/derivation.js";
import { figures, type Figure, type FigureUnit } from "../model/provenance.js";
import type { Origin } from "../model/trace.js";
import type { Publication } from "../model/types.js";
import type * as A from "../syntax/ast.js";
import { figureName, type FigureName } from "./figure-names.js";

/** One amount a figure adds up: where it is written, what it is, and how much it gives (negative when subtracted). */
export interface FigureSource {
  readonly span: Span;
  readonly label: Bilingual;
  readonly fen: Fen;
}

export interface Provenance {
  /** The figure, as the publication places it: 表五 … · 2010502 一般行政管理事务 · 项目支出. */
  readonly figure: Bilingual;
  /** The part of the document it is in (表五, 情况说明 …). */
  readonly part: Bilingual;
  /** Its JSON pointer in the publication, as `yusuan trace` and `build --provenance` name it. */
  readonly pointer: string;
  readonly unit: FigureUnit;
  readonly fen: Fen;
  /**
   * True when the figure is in the row of the statement at the position: the row of its
   * subject code or economic subject, or the line or form of its project or carry-over.
   */
  readonly own: boolean;
  /** The amounts it adds up, as the derivation added them; they sum to `fen` exactly. */
  readonly sources: readonly FigureSource[];
}

/** The figures a position in a source file is or feeds, in document order; undefined when it is none. */
export type ProvenanceAt = (file: string, offset: number) => readonly Provenance[] | undefined;

/** What a statement is, to tell the figures of its own rows: its codes and names. */
interface Statement {
  readonly codes: readonly string[];
  readonly names: readonly string[];
}

/** A place in the source that leads to figures: the amounts written there, or the figures it is compared with. */
interface Anchor {
  readonly span: Span;
  readonly amounts: readonly A.Money[];
  /** The figures (by index) a 控制数 is compared with; the amounts' figures otherwise. */
  readonly compared?: readonly number[];
  readonly statement: Statement;
}

const NO_STATEMENT: Statement = { codes: [], names: [] };

/** The figures of one traced derivation, by the positions that lead to them. */
export function tracedProvenance(d: Derivation): ProvenanceAt {
  const pub = d.publication();
  const budget = d.budget;
  const all = figures(pub);
  const origins = all.map((f) => d.tracer.origins(f.holder, f.key) ?? []);

  // Each amount of the source, and the figures (by index, in document order) it enters.
  const reaches = new Map<A.Money, number[]>();
  origins.forEach((os, i) => {
    for (const o of os) {
      let l = reaches.get(o.money);
      if (!l) reaches.set(o.money, (l = []));
      if (l[l.length - 1] !== i) l.push(i);
    }
  });

  const { labels, statements } = describeAmounts(budget);
  const anchors = new Map<string, Anchor[]>();
  const anchor = (a: Anchor) => {
    let l = anchors.get(a.span.file);
    if (!l) anchors.set(a.span.file, (l = []));
    l.push(a);
  };
  // Every amount some figure adds; last year's figures taken from last year's budget share one place (源文件).
  for (const m of reaches.keys()) anchor({ span: m.span, amounts: [m], statement: statements.get(m) ?? NO_STATEMENT });
  const whole = (span: Span | undefined, amounts: readonly A.Money[], statement: Statement) => {
    if (span) anchor({ span, amounts, statement });
  };
  for (const l of budget.basic) whole(l.subject.span, [l.money], statements.get(l.money)!);
  for (const owner of [...budget.projects, ...budget.carryovers]) {
    const s = { codes: owner.subject ? [owner.subject.value] : [], names: [owner.name.value] };
    const amounts = owner.amounts.map((a) => a.money);
    whole(owner.name.span, amounts, s);
    whole(owner.subject?.span, amounts, s);
  }
  const control = budget.department?.control;
  if (control) {
    for (const a of control.bySource) {
      const i = comparedFigure(pub, all, a.source);
      anchor({ span: a.money.span, amounts: [], compared: i === undefined ? [] : [i], statement: NO_STATEMENT });
    }
    if (control.incomeTotal) {
      const i = all.findIndex((f) => f.holder === pub.tables.t1 && f.key === "incomeTotal");
      anchor({ span: control.incomeTotal.span, amounts: [], compared: i < 0 ? [] : [i], statement: NO_STATEMENT });
    }
  }

  const names: (FigureName | undefined)[] = [];
  const nameOf = (i: number): FigureName => (names[i] ??= figureName(pub, all[i]!.pointer));
  const sourcesMade: (readonly FigureSource[] | undefined)[] = [];
  // Amounts that add come first, those subtracted (last year's, in a change) after them, as `yusuan trace` lists them.
  const source = (o: Origin): FigureSource => ({ span: o.money.span, label: labels.get(o.money) ?? bi(o.money.text, o.money.text), fen: o.sign * o.money.fen });
  const sourcesOf = (i: number): readonly FigureSource[] => (sourcesMade[i] ??= [...origins[i]!.filter((o) => o.sign === 1), ...origins[i]!.filter((o) => o.sign === -1)].map(source));
  const provenance = (i: number, statement: Statement): Provenance => {
    const f: Figure = all[i]!;
    const n = nameOf(i);
    const own = n.row.codes.some((c) => statement.codes.includes(c)) || n.row.names.some((x) => statement.names.includes(x));
    return { figure: n.name, part: n.part, pointer: f.pointer, unit: f.unit, fen: f.fen, own, sources: sourcesOf(i) };
  };

  return (file, offset) => {
    const at = (anchors.get(file) ?? []).filter((a) => a.span.start <= offset && offset <= a.span.end);
    if (!at.length) return undefined;
    const picked = new Map<number, Statement>();
    for (const a of at) {
      for (const i of a.compared ?? []) picked.set(i, { codes: [], names: [] });
      for (const m of a.amounts) for (const i of reaches.get(m) ?? []) if (!picked.has(i)) picked.set(i, a.statement);
    }
    const compared = new Set(at.flatMap((a) => a.compared ?? []));
    return [...picked.keys()].sort((x, y) => x - y).map((i) => {
      const p = provenance(i, picked.get(i)!);
      // The figure a 控制数 is compared with is the one to read first.
      return compared.has(i) ? { ...p, own: true } : p;
    });
  };
}

/**
 * The figure of the publication a 控制数 of a source is compared with: this year's income
 * from that source, as 表一 prints it (单位资金 there is every kind of a unit's own funds),
 * or, for a kind of own funds 表一 does not print, as the explanations list it.
 */
function comparedFigure(pub: Publication, all: readonly Figure[], source: A.Source): number | undefined {
  const line = pub.tables.t1.income.find((l) => l.source === source) ?? pub.explanations.income.bySource.find((l) => l.source === source);
  if (!line) return undefined;
  const i = all.findIndex((f) => f.holder === line && f.key === "amount");
  return i < 0 ? undefined : i;
}

const THREE_PUBLIC: Readonly<Record<A.ThreePublicItem, string>> = {
  因公出国: "因公出国（境）费",
  公务接待: "公务接待费",
  公务用车购置: "公务用车购置费",
  公务用车运行维护: "公务用车运行维护费",
};

/** What each amount of the budget is, to label it as a source, and the statement it belongs to. */
function describeAmounts(budget: A.Budget): { labels: Map<A.Money, Bilingual>; statements: Map<A.Money, Statement> } {
  const labels = new Map<A.Money, Bilingual>();
  const statements = new Map<A.Money, Statement>();
  const put = (m: A.Money | undefined, label: Bilingual, statement?: Statement) => {
    if (!m) return;
    labels.set(m, label);
    if (statement) statements.set(m, statement);
  };
  for (const l of budget.basic) {
    put(l.money, bi(`基本支出 ${l.subject.value} ${l.economic.value} ${l.source.value}`, `basic line ${l.subject.value} ${l.economic.value}, ${l.source.value}`), { codes: [l.subject.value, l.economic.value], names: [] });
  }
  const levels = (f: A.FundingLevels | undefined, zh: string, en: string, s: Statement) => {
    if (!f) return;
    const parts: [A.Money | undefined, string, string][] = [
      [f.central, "中央", "central"],
      [f.provincial, "省级", "provincial"],
      [f.local, "市县", "city and county"],
      [f.selfRaised, "自筹", "self-raised"],
      [f.other, "其他", "other"],
    ];
    for (const [m, z, e] of parts) put(m, bi(`${zh} ${z}`, `${en}, ${e}`), s);
  };
  const form = (p: A.PerformanceForm | undefined, name: string, s: Statement) => {
    if (!p) return;
    levels(p.periodFunding, `项目「${name}」实施期资金`, `project ${name}, the period's funding`, s);
    levels(p.annualFunding, `项目「${name}」年度资金`, `project ${name}, the year's funding`, s);
  };
  for (const p of budget.projects) {
    const s = { codes: p.subject ? [p.subject.value] : [], names: [p.name.value] };
    for (const a of p.amounts) put(a.money, bi(`项目「${p.name.value}」${a.source}`, `project ${p.name.value}, ${a.source}`), s);
    for (const e of p.economic) put(e.money, bi(`项目「${p.name.value}」经济科目 ${e.code.value}`, `project ${p.name.value}, economic subject ${e.code.value}`), s);
    for (const x of p.note?.parts ?? []) put(x.money, bi(`项目「${p.name.value}」${x.kind === "part" ? "其中" : "用款计划"}「${x.label.value}」`, `project ${p.name.value}, ${x.kind === "part" ? "part" : "plan"} ${x.label.value}`), s);
    form(p.performance, p.name.value, s);
  }
  for (const f of budget.forms) {
    const name = f.project?.value ?? "";
    form(f, name, { codes: [], names: [name] });
  }
  for (const c of budget.carryovers) {
    const s = { codes: c.subject ? [c.subject.value] : [], names: [c.name.value] };
    for (const a of c.amounts) put(a.money, bi(`结转「${c.name.value}」${a.source}`, `carry-over ${c.name.value}, ${a.source}`), s);
  }
  const ly = budget.lastYear;
  if (ly) {
    const last = (m: A.Money | undefined, zh: string, en: string) => put(m, bi(`上年 ${zh}`, `last year's ${en}`));
    last(ly.incomeTotal, "收入总计", "收入总计 (total income)");
    last(ly.generalSpending, "一般公共预算当年支出", "一般公共预算当年支出 (general public budget spending)");
    last(ly.runningCosts, "机关运行经费", "机关运行经费 (running costs)");
    last(ly.fiscal, "财政拨款", "财政拨款 (fiscal appropriations)");
    for (const [k, m] of ly.threePublic?.items ?? []) last(m, THREE_PUBLIC[k], THREE_PUBLIC[k]);
    for (const a of ly.bySource) last(a.money, a.source, a.source);
    for (const x of ly.executed) put(x.money, bi(`上年执行数 ${x.code.value}`, `last year's execution of ${x.code.value}`), { codes: [x.code.value], names: [] });
  }
  const pr = budget.procurement;
  if (pr) {
    const p = (m: A.Money | undefined, zh: string, en: string) => put(m, bi(`政府采购 ${zh}`, `procurement, ${en}`));
    p(pr.goods, "货物", "goods");
    p(pr.works, "工程", "works");
    p(pr.services, "服务", "services");
    p(pr.declaredTotal, "合计", "total");
    p(pr.smeReserved, "中小企业预留", "reserved for SMEs");
    p(pr.smallMicroReserved, "小型和微型企业预留", "reserved for small and micro firms");
  }
  if (budget.coverage?.amount) put(budget.coverage.amount, bi("绩效目标设置 资金", "performance targets, amount"));
  return { labels, statements };
}
