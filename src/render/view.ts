/**
 * The view model: the publication turned into the strings a template prints. Every
 * figure is formatted here (amounts in 万元 with two decimals, thousands separators in
 * the prose, shares with a % sign, dates as 2024年3月21日), every optional part is
 * present as a value ("" or false, never missing, since the templates run in strict
 * mode), and every clause whose wording follows a figure is chosen here: 增加 or 减少
 * and 增长 or 下降 by the sign of a change, 与上年持平 when there is none, the reason
 * sentence without doubled punctuation, 本部门 or 本单位.
 *
 * The templates then only place these strings in the reference's sentences, tables and
 * forms. Nothing here escapes: the HTML templates escape by default and the Markdown
 * templates through the `md` helper.
 */
import { wanGrouped, type Fen } from "../base/money.js";
import { SOURCE_KEY } from "../model/keys.js";
import type { RollupIndex } from "../model/rollup.js";
import type { Chart, Compared, Publication } from "../model/types.js";
import { pieSvg, slicesOf } from "./charts.js";
import { SOURCES } from "../syntax/ast.js";
import { overallFormView, projectFormView, type FormView } from "./forms.js";
import type { Headings, HeadingKey, LoadedProfile } from "./profile.js";
import { fill, fullTitle, tableView, type TableView } from "./tables.js";
import { explainView, type ExplainView } from "./explain-view.js";
import { forYear } from "./profile.js";

export type Format = "html" | "md";

export interface TocEntry {
  readonly id: string;
  readonly text: string;
  /** Markdown list indentation: two spaces per level below the first. */
  readonly indent: string;
  readonly children: readonly TocEntry[];
  readonly hasChildren: boolean;
}

export interface ChartView {
  readonly id: string;
  readonly title: string;
  /** The SVG drawing (HTML only; "" in Markdown, which lists the slices instead). */
  readonly svg: string;
  readonly slices: readonly { label: string; amount: string; share: string }[];
}

export interface DocumentView {
  readonly format: Format;
  readonly profile: string;
  /** The document's title: "<部门>2024年度部门预算公开". */
  readonly title: string;
  readonly department: string;
  readonly year: string;
  /** 本部门 or 本单位. */
  readonly self: string;
  /** 部门 or 单位. */
  readonly kind: string;
  readonly headings: Headings;
  readonly toc: readonly TocEntry[];
  readonly part1: { readonly duties: readonly string[]; readonly organisation: readonly string[] };
  readonly tables: readonly TableView[];
  readonly s1: ReturnType<typeof section1>;
  readonly s2: ReturnType<typeof section2>;
  readonly s3: ReturnType<typeof section3>;
  readonly s4: ReturnType<typeof section4>;
  readonly s5: ReturnType<typeof section5>;
  readonly s6: ReturnType<typeof section6>;
  readonly s7: ReturnType<typeof section7>;
  readonly s8: ReturnType<typeof section8>;
  readonly s9: ReturnType<typeof section9>;
  readonly s10: ReturnType<typeof section10>;
  readonly s11: ReturnType<typeof section11>;
  readonly s12: ReturnType<typeof section12>;
  readonly charts: { readonly income: ChartView; readonly general: ChartView; readonly threePublic: ChartView };
  /** The explanations subject by subject, as sentences in the profile's wording (explain-view.ts). */
  readonly explain: ExplainView;
}

/* ------------------------------------------------------------------------------------ */
/* Formatting                                                                             */
/* ------------------------------------------------------------------------------------ */

/** An amount in the prose: 万元 with two decimals and thousands separators, "7,612.17". */
export const money = (fen: Fen): string => wanGrouped(fen);

/** A share in the prose: "83.93%", or "" when there is no whole to share. */
export const share = (s: string | undefined): string => (s === undefined ? "" : `${s}%`);

/**
 * A reason as the author wrote it, without the final punctuation, so that the sentence
 * that quotes it can end with its own ("…未提取成功。", never "…未提取成功。。").
 */
export function reasonText(reason: string): string {
  return reason.trim().replace(/[\s。．.；;，,、！!？?]+$/u, "");
}

/**
 * The clause comparing a figure with last year, to follow the figure in a sentence:
 * "，比上年减少12,669.33万元，下降62.47%，主要原因是…" (the percentage when asked and last
 * year was not zero; the reason when given), "，与上年持平" when nothing changed, and ""
 * when the author gave no figure for last year.
 */
export function changeClause(c: Compared, against: string, withPercent: boolean): string {
  if (c.lastYear === undefined || c.change === undefined) return "";
  const reason = c.reason && reasonText(c.reason) ? `，主要原因是${reasonText(c.reason)}` : "";
  const ch = c.change;
  if (ch.direction === "持平") return `，与${against}持平${reason}`;
  const pct = withPercent && ch.percent !== undefined ? `，${ch.trend}${ch.percent}%` : "";
  return `，比${against}${ch.direction}${money(ch.amount)}万元${pct}${reason}`;
}

/** "2024-03-21" as the prose prints dates: "2024年3月21日"; anything else as written. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** A text block as paragraphs: one per non-empty line. */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/* ------------------------------------------------------------------------------------ */
/* 第三部分                                                                               */
/* ------------------------------------------------------------------------------------ */

function section1(p: Publication) {
  const s = p.prose.s1;
  return {
    income: money(s.income.amount),
    currentIncome: money(s.currentIncome),
    carryover: money(s.carryover),
    incomeChange: changeClause(s.income, "上年", true),
    expenditure: money(s.expenditure.amount),
    currentExpenditure: money(s.currentExpenditure),
    carryoverExpenditure: money(s.carryoverExpenditure),
    expenditureChange: changeClause(s.expenditure, "上年", true),
  };
}

function section2(p: Publication) {
  const s = p.prose.s2;
  return {
    total: money(s.total),
    parts: [
      ...s.sources.map((x) => ({ label: x.label, amount: money(x.amount), share: share(x.share) })),
      { label: "上年结转", amount: money(s.carryover.amount), share: share(s.carryover.share) },
    ],
  };
}

function section3(p: Publication) {
  const s = p.prose.s3;
  return {
    total: money(s.total),
    basic: { amount: money(s.basic.amount), share: share(s.basic.share) },
    project: { amount: money(s.project.amount), share: share(s.project.share) },
  };
}

function section4(p: Publication) {
  const s = p.prose.s4;
  return {
    total: money(s.total),
    general: money(s.general),
    fund: money(s.fund),
    capital: money(s.capital),
    current: money(s.current),
    carryover: money(s.carryover),
    lei: s.byLei.map((l) => ({ name: l.name, amount: money(l.amount) })),
    hasLei: s.byLei.length > 0,
  };
}

function section5(p: Publication) {
  const s = p.prose.s5;
  return {
    spending: money(s.spending.amount),
    change: changeClause(s.spending, "上年", true),
    lei: s.byLei.map((l) => ({ name: l.name, amount: money(l.amount), share: share(l.share) })),
    hasLei: s.byLei.length > 0,
  };
}

function section6(p: Publication) {
  const s = p.prose.s6;
  // "主要包括：办公费、印刷费…等" or, when there are none, "主要包括：无".
  const items = (xs: readonly string[]) => (xs.length === 0 ? "无" : `${xs.join("、")}等`);
  return {
    total: money(s.total),
    personnel: { amount: money(s.personnel.amount), items: items(s.personnel.items) },
    public: { amount: money(s.public.amount), items: items(s.public.items) },
  };
}

function section7(p: Publication) {
  const s = p.prose.s7;
  const lastYear = `${p.header.year - 1}年`;
  return {
    lastYear,
    total: money(s.total.amount),
    change: changeClause(s.total, lastYear, false),
    items: s.items.map((i) => {
      const f = i.figure;
      let compare = "";
      if (f.lastYear !== undefined && f.change !== undefined) {
        compare = f.change.direction === "持平" ? "与上年预算数相同" : `与上年相比预算数${f.change.direction}${money(f.change.amount)}万元`;
      }
      return { label: i.label, amount: money(f.amount), compare };
    }),
  };
}

function section8(p: Publication) {
  const s = p.prose.s8;
  return { none: s.none, total: money(s.total.amount), change: changeClause(s.total, "上年", true) };
}

function section9(p: Publication) {
  const s = p.prose.s9;
  return { stated: s.stated, total: money(s.total), goods: money(s.goods), works: money(s.works), services: money(s.services) };
}

function section10(p: Publication, headings: Headings) {
  const s = p.prose.s10;
  const counts = (c: typeof s.projects) => ({
    count: String(c.count),
    amount: money(c.amount),
    categories: c.byCategory.map((x) => ({ category: x.category, count: String(x.count), amount: money(x.amount) })),
    hasCategories: c.byCategory.length > 0,
  });
  const kind = p.header.self === "本单位" ? "单位" : "部门";
  return {
    projects: counts(s.projects),
    forms: counts(s.forms),
    coverage: share(s.coverage),
    overallForm: p.overallForm ? overallFormView(p.overallForm, kind, headings.formOverall) : null,
    projectForms: p.projectForms.map((f, i): FormView => projectFormView(f, p.header.year, i, headings.formProject)),
  };
}

function section11(p: Publication) {
  const a = p.assets;
  if (!a) return { stated: false, asOf: "", quota: "", total: "", vehicles: [], area: "", equipment: [] };
  return {
    stated: true,
    /** "截至2024年3月21日，" or "". */
    asOf: a.asOf ? `截至${chineseDate(a.asOf)}，` : "",
    quota: a.vehicleQuota ?? "",
    total: a.vehicleTotal,
    vehicles: a.vehicles.map((v) => ({ kind: v.kind, count: v.count })),
    area: a.officeArea ? `${a.officeArea.number}${a.officeArea.unit}` : "",
    equipment: a.equipment.map((e) => ({ threshold: e.threshold, count: e.count })),
  };
}

function section12(p: Publication) {
  const purchased = paragraphs(p.notes?.purchasedServices);
  const other = paragraphs(p.notes?.other);
  return { purchased: purchased.length ? purchased : ["无"], other: other.length ? other : ["无"] };
}

/* ------------------------------------------------------------------------------------ */
/* Charts                                                                                 */
/* ------------------------------------------------------------------------------------ */

function chartView(id: string, chart: Chart, format: Format): ChartView {
  const label = (s: Chart["slices"][number]) => (s.share === undefined ? s.label : `${s.label}\n${s.share}%`);
  return {
    id,
    title: chart.title,
    svg: format === "html" ? pieSvg(id, slicesOf(chart, label)) : "",
    // The slices the pie draws: a zero slice has no angle, so neither drawing nor legend shows it.
    slices: chart.slices.filter((s) => s.amount > 0).map((s) => ({ label: s.label, amount: money(s.amount), share: share(s.share) })),
  };
}

/* ------------------------------------------------------------------------------------ */
/* The document                                                                           */
/* ------------------------------------------------------------------------------------ */

function toc(id: string, text: string, depth: number, children: TocEntry[] = []): TocEntry {
  return { id, text, indent: "  ".repeat(depth), children, hasChildren: children.length > 0 };
}

/** Builds the view of a publication for a profile and a format. */
export function buildView(pub: Publication, profileOfAnyYear: LoadedProfile, format: Format, hasPartial: (name: string) => boolean): DocumentView {
  const profile = forYear(profileOfAnyYear, pub.header.year);
  const unit = pub.header.self === "本单位";
  const kind = unit ? "单位" : "部门";
  const year = String(pub.header.year);
  const vars = { year, kind, self: pub.header.self, region: pub.header.region ?? "", department: pub.header.name };
  const headings = Object.fromEntries(
    (Object.keys(profile.headings) as HeadingKey[]).map((k) => [k, fill(profile.headings[k], vars)]),
  ) as Headings;
  const tables = profile.tables.map((t) => tableView(pub, t, vars, hasPartial));

  const sections = (["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11"] as const).map((k) => toc(k, headings[k], 1));
  const contents: TocEntry[] = [
    toc("part1", headings.part1, 0, [toc("p1-duties", headings.duties, 1), toc("p1-organisation", headings.organisation, 1)]),
    toc(
      "part2",
      headings.part2,
      0,
      tables.map((t) => toc(t.id, fullTitle(t), 1)),
    ),
    toc("part3", headings.part3, 0, [
      ...sections,
      toc("s12", headings.s12, 1, [toc("s12a", headings.s12a, 2), toc("s12b", headings.s12b, 2)]),
    ]),
    toc("part4", headings.part4, 0),
  ];

  return {
    format,
    profile: profile.name,
    title: `${pub.header.name}${headings.cover}`,
    department: pub.header.name,
    year,
    self: pub.header.self,
    kind,
    headings,
    toc: contents,
    part1: { duties: paragraphs(pub.overview.duties), organisation: paragraphs(pub.overview.organisation) },
    tables,
    s1: section1(pub),
    s2: section2(pub),
    s3: section3(pub),
    s4: section4(pub),
    s5: section5(pub),
    s6: section6(pub),
    s7: section7(pub),
    s8: section8(pub),
    s9: section9(pub),
    s10: section10(pub, headings),
    s11: section11(pub),
    s12: section12(pub),
    charts: {
      income: chartView("chart-income", pub.charts.income, format),
      general: chartView("chart-general", pub.charts.general, format),
      threePublic: chartView("chart-three-public", pub.charts.threePublic, format),
    },
    explain: explainView(pub, profile.words, profile.prose),
  };
}

/* ------------------------------------------------------------------------------------ */
/* The index of a roll-up build                                                          */
/* ------------------------------------------------------------------------------------ */

/** The view of a roll-up index: every figure formatted, every link with its extension. */
export interface RollupView {
  readonly title: string;
  readonly profile: string;
  readonly name: string;
  readonly count: string;
  readonly header: readonly string[];
  /** The Markdown table's delimiter row: one cell per column of the header, the amounts right-aligned. */
  readonly rule: string;
  /** `href` is empty for a department not published (it has errors); `state` says how its check went. */
  readonly rows: readonly { readonly code: string; readonly name: string; readonly href: string; readonly state: string; readonly cells: readonly string[] }[];
  readonly total: readonly string[];
}

/** The five sources in print order, each with its key in the model. */
const ROLLUP_SOURCES = SOURCES.map((s) => [SOURCE_KEY[s], s] as const);

/**
 * A link to a file below the index, safe in an HTML attribute and a Markdown link: each
 * path segment percent-encoded (parentheses too, which end a Markdown link), after "./"
 * so that no segment reads as a URL scheme ("javascript:").
 */
export function relativeHref(path: string): string {
  return "./" + path.split("/").map((s) => encodeURIComponent(s).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
}

/** A department's state as the index prints it: 通过, or the counts and the first message. */
function departmentStateText(d: RollupIndex["departments"][number]): string {
  const first = d.first ? `：[${d.first.code}] ${d.first.zh}` : "";
  if (d.state === "clean") return "通过";
  if (d.state === "warnings") return `通过，警告 ${d.warnings} 条${first}`;
  return `未公开，错误 ${d.errors} 条${d.warnings ? `、警告 ${d.warnings} 条` : ""}${first}`;
}

/** `links` is the extension the department links point to: the format's own, or pdf for the index printed to PDF. */
export function rollupView(index: RollupIndex, profile: LoadedProfile, format: Format, links: string = format): RollupView {
  const cells = (r: { incomeTotal: number; bySource: Readonly<Record<(typeof ROLLUP_SOURCES)[number][0], number>>; carryover: number }) => [
    money(r.incomeTotal),
    ...ROLLUP_SOURCES.map(([k]) => money(r.bySource[k])),
    money(r.carryover),
  ];
  const year = index.year !== undefined ? `${index.year}年` : "";
  return {
    title: `${index.name}${year}部门预算公开`,
    profile: profile.name,
    name: index.name,
    count: String(index.departments.length),
    header: ["部门编码", "部门名称", "收入总计", ...ROLLUP_SOURCES.map(([, zh]) => zh), "上年结转", "检查结果"],
    rule: `|---|---|${"---:|".repeat(ROLLUP_SOURCES.length + 2)}---|`,
    rows: index.departments.map((d) => ({
      code: d.code,
      name: d.name,
      href: d.link !== undefined ? relativeHref(`${d.link}.${links}`) : "",
      state: departmentStateText(d),
      cells: d.incomeTotal !== undefined && d.bySource && d.carryover !== undefined ? cells({ incomeTotal: d.incomeTotal, bySource: d.bySource, carryover: d.carryover }) : ["", ...ROLLUP_SOURCES.map(() => ""), ""],
    })),
    total: cells(index.totals),
  };
}
