/**
 * The semantic diff as text (for a terminal), Markdown (a pull-request comment) and JSON
 * (for tools). Amounts print as the tables do, in 万元 with two decimals and thousands
 * separators; a change carries its sign. Concise by default: only what changed; with
 * `verbose`, every headline figure and every field of every changed project.
 */
import { wanGrouped, yuanGrouped, type Fen } from "../base/money.js";
import { displayWidth } from "../base/source.js";
import { delta, hasChanges, type FieldChange, type FigureChange, type ItemsDiff, type SemanticDiff } from "./semantic.js";

export interface FormatOptions {
  readonly verbose: boolean;
  readonly colour: boolean;
  readonly lang: "zh" | "en";
  /** Shown in the title: the two sides' names. */
  readonly before: string;
  readonly after: string;
}

const signed = (f: Fen): string => (f > 0 ? "+" : f < 0 ? "−" : "±") + wanGrouped(Math.abs(f));
const money = (f: Fen): string => wanGrouped(f);

/** Field values that are amounts in 分 (form funding) print in 元. */
function fieldValue(c: FieldChange, v: string): string {
  return /资金总额$/.test(c.field) && /^-?\d+$/.test(v) ? yuanGrouped(Number(v)) + "元" : /^上年|^政府采购/.test(c.field) && /^-?\d+$/.test(v) ? money(Number(v)) + "万元" : v;
}

const L = {
  zh: {
    title: "预算变更",
    none: "无实质变更（仅格式或注释不同）。",
    headline: "主要数字",
    subjects: "功能科目",
    economic: "基本支出经济科目",
    projects: "项目支出（本年）",
    carryovers: "上年结转项目",
    added: "新增",
    removed: "删除",
    renamed: "更名",
    changed: "变更",
    reordered: "行序变化：表中各行顺序改变，金额不变",
    linesReordered: "基本支出各行顺序改变，金额不变",
    texts: "文字与原因",
    facts: "其他事实",
    diagnostics: "诊断",
    introduced: "新出现",
    resolved: "已消除",
    item: "项目",
    before: "变更前",
    after: "变更后",
    change: "增减",
    amount: "金额（万元）",
  },
  en: {
    title: "Budget change",
    none: "No semantic change (only layout or comments differ).",
    headline: "Headline figures",
    subjects: "Functional subjects",
    economic: "Basic expenditure by economic subject",
    projects: "Projects (current year)",
    carryovers: "Carry-over projects",
    added: "added",
    removed: "removed",
    renamed: "renamed",
    changed: "changed",
    reordered: "row order changed: rows move, no amount changes",
    linesReordered: "basic-expenditure lines reordered, no amount changes",
    texts: "Text and reasons",
    facts: "Other facts",
    diagnostics: "Diagnostics",
    introduced: "introduced",
    resolved: "resolved",
    item: "item",
    before: "before",
    after: "after",
    change: "change",
    amount: "amount (万元)",
  },
} as const;

function c(on: boolean, code: string, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}

export function formatText(d: SemanticDiff, o: FormatOptions): string {
  const t = L[o.lang];
  const out: string[] = [];
  out.push(c(o.colour, "1", `${t.title}: ${o.before} → ${o.after}`));
  if (!hasChanges(d)) {
    out.push(t.none);
    return out.join("\n") + "\n";
  }
  const fig = (f: FigureChange, indent = "  ") => {
    const dd = delta(f);
    const col = dd > 0 ? "32" : dd < 0 ? "31" : "2";
    const label = f.label + " ".repeat(Math.max(0, 24 - indent.length - displayWidth(f.label)));
    return `${indent}${label}  ${money(f.before).padStart(12)} → ${money(f.after).padStart(12)}  ${c(o.colour, col, signed(dd))}`;
  };
  const heads = d.headline.filter((h) => o.verbose || h.before !== h.after);
  if (heads.length) {
    out.push("", c(o.colour, "1", t.headline));
    for (const h of heads) out.push(fig(h));
  }
  const items = (title: string, i: ItemsDiff) => {
    if (!(i.added.length || i.removed.length || i.renamed.length || i.changed.length || i.reordered)) return;
    out.push("", c(o.colour, "1", title));
    for (const p of i.added) out.push(c(o.colour, "32", `  + ${p.name}  ${money(p.amount)}`) + (p.subject ? `  (${p.subject}${p.category ? " " + p.category : ""})` : ""));
    for (const p of i.removed) out.push(c(o.colour, "31", `  - ${p.name}  ${money(p.amount)}`));
    for (const r of i.renamed) out.push(c(o.colour, "33", `  ~ ${r.from} → ${r.to}  (${t.renamed})`));
    for (const ch of i.changed) {
      const dd = ch.amount.after - ch.amount.before;
      out.push(c(o.colour, "33", `  ~ ${ch.name}`) + (dd !== 0 ? `  ${money(ch.amount.before)} → ${money(ch.amount.after)}  ${signed(dd)}` : ""));
      if (o.verbose || ch.sources.length > 1) for (const s of ch.sources) out.push(fig(s, "      "));
      for (const f of ch.fields) out.push(`      ${f.field}: ${fieldValue(f, f.before) || "—"} → ${fieldValue(f, f.after) || "—"}`);
      for (const f of ch.indicators) out.push(`      指标 ${f.field}: ${f.before || "—"} → ${f.after || "—"}`);
    }
    if (i.reordered) out.push(`  ↕ ${t.reordered}`);
  };
  items(t.projects, d.projects);
  items(t.carryovers, d.carryovers);
  if (d.subjects.length) {
    out.push("", c(o.colour, "1", t.subjects));
    for (const s of d.subjects) out.push(fig(s, s.level === "类" ? "  " : s.level === "款" ? "    " : "      "));
  }
  if (d.economic.length) {
    out.push("", c(o.colour, "1", t.economic));
    for (const s of d.economic) out.push(fig(s));
  }
  if (d.linesReordered) out.push("", `↕ ${t.linesReordered}`);
  const fields = (title: string, fs: readonly FieldChange[]) => {
    if (!fs.length) return;
    out.push("", c(o.colour, "1", title));
    for (const f of fs) {
      if (o.verbose || (f.before.length < 60 && f.after.length < 60)) out.push(`  ${f.field}: ${fieldValue(f, f.before) || "—"} → ${fieldValue(f, f.after) || "—"}`);
      else out.push(`  ${f.field}: ${t.changed}`);
    }
  };
  fields(t.texts, d.texts);
  fields(t.facts, d.facts);
  if (d.diagnostics.introduced.length || d.diagnostics.resolved.length) {
    out.push("", c(o.colour, "1", t.diagnostics));
    for (const x of d.diagnostics.introduced) out.push(c(o.colour, "31", `  + ${x.severity}[${x.code}] ${x.message[o.lang]}`));
    for (const x of d.diagnostics.resolved) out.push(c(o.colour, "32", `  - ${x.severity}[${x.code}] ${x.message[o.lang]}`));
  }
  return out.join("\n") + "\n";
}

/** Escapes text for a Markdown table cell. */
function md(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\*/g, "\\*").replace(/_/g, "\\_").replace(/`/g, "\\`").replace(/</g, "&lt;").replace(/\n/g, "<br>");
}

export function formatMarkdown(d: SemanticDiff, o: FormatOptions): string {
  const t = L[o.lang];
  const out: string[] = [`### ${t.title}: \`${o.before}\` → \`${o.after}\``, ""];
  if (!hasChanges(d)) return out.concat(t.none, "").join("\n");
  const table = (rows: FigureChange[]) => {
    out.push(`| ${t.item} | ${t.before} | ${t.after} | ${t.change} |`, "|---|---:|---:|---:|");
    for (const r of rows) out.push(`| ${md(r.label)} | ${money(r.before)} | ${money(r.after)} | ${signed(delta(r))} |`);
    out.push("");
  };
  const heads = d.headline.filter((h) => o.verbose || h.before !== h.after);
  if (heads.length) {
    out.push(`#### ${t.headline}（万元）`, "");
    table(heads);
  }
  const items = (title: string, i: ItemsDiff) => {
    if (!(i.added.length || i.removed.length || i.renamed.length || i.changed.length || i.reordered)) return;
    out.push(`#### ${title}`, "");
    if (i.added.length || i.removed.length || i.changed.length) {
      out.push(`| | ${t.item} | ${t.before} | ${t.after} | ${t.change} |`, "|---|---|---:|---:|---:|");
      for (const p of i.added) out.push(`| ${t.added} | ${md(p.name)} | | ${money(p.amount)} | ${signed(p.amount)} |`);
      for (const p of i.removed) out.push(`| ${t.removed} | ${md(p.name)} | ${money(p.amount)} | | ${signed(-p.amount)} |`);
      for (const ch of i.changed) out.push(`| ${t.changed} | ${md(ch.name)} | ${money(ch.amount.before)} | ${money(ch.amount.after)} | ${signed(ch.amount.after - ch.amount.before)} |`);
      out.push("");
    }
    for (const r of i.renamed) out.push(`- ${t.renamed}: ${md(r.from)} → ${md(r.to)}`);
    for (const ch of i.changed) {
      const lines = [
        ...(o.verbose || ch.sources.length > 1 ? ch.sources.map((s) => `${md(s.label)}: ${money(s.before)} → ${money(s.after)} (${signed(delta(s))})`) : []),
        ...ch.fields.map((f) => `${md(f.field)}: ${md(fieldValue(f, f.before) || "—")} → ${md(fieldValue(f, f.after) || "—")}`),
        ...ch.indicators.map((f) => `指标 ${md(f.field)}: ${md(f.before || "—")} → ${md(f.after || "—")}`),
      ];
      if (lines.length) out.push(`- **${md(ch.name)}**`, ...lines.map((l) => `  - ${l}`));
    }
    if (i.reordered) out.push(`- ${t.reordered}`);
    out.push("");
  };
  items(t.projects, d.projects);
  items(t.carryovers, d.carryovers);
  if (d.subjects.length) {
    out.push(`#### ${t.subjects}（万元）`, "");
    table([...d.subjects]);
  }
  if (d.economic.length) {
    out.push(`#### ${t.economic}（万元）`, "");
    table([...d.economic]);
  }
  if (d.linesReordered) out.push(`- ${t.linesReordered}`, "");
  const fields = (title: string, fs: readonly FieldChange[]) => {
    if (!fs.length) return;
    out.push(`#### ${title}`, "");
    for (const f of fs) out.push(`- ${md(f.field)}: ${md(fieldValue(f, f.before) || "—")} → ${md(fieldValue(f, f.after) || "—")}`);
    out.push("");
  };
  fields(t.texts, d.texts);
  fields(t.facts, d.facts);
  if (d.diagnostics.introduced.length || d.diagnostics.resolved.length) {
    out.push(`#### ${t.diagnostics}`, "");
    for (const x of d.diagnostics.introduced) out.push(`- ${t.introduced} ${x.severity} \`${x.code}\`: ${md(x.message[o.lang])}`);
    for (const x of d.diagnostics.resolved) out.push(`- ${t.resolved} ${x.severity} \`${x.code}\`: ${md(x.message[o.lang])}`);
    out.push("");
  }
  return out.join("\n");
}

/** JSON: amounts as exact 万元 decimal strings, keys in a fixed order. */
export function formatJson(d: SemanticDiff, o: Pick<FormatOptions, "before" | "after">): string {
  const fig = (f: FigureChange) => ({ key: f.key, label: f.label, before: money(f.before).replace(/,/g, ""), after: money(f.after).replace(/,/g, ""), change: (delta(f) < 0 ? "-" : "") + money(Math.abs(delta(f))).replace(/,/g, "") });
  const items = (i: ItemsDiff) => ({
    added: i.added.map((p) => ({ name: p.name, amount: money(p.amount).replace(/,/g, ""), subject: p.subject ?? null, category: p.category ?? null })),
    removed: i.removed.map((p) => ({ name: p.name, amount: money(p.amount).replace(/,/g, ""), subject: p.subject ?? null, category: p.category ?? null })),
    renamed: i.renamed.map((r) => ({ from: r.from, to: r.to })),
    changed: i.changed.map((ch) => ({
      name: ch.name,
      before: money(ch.amount.before).replace(/,/g, ""),
      after: money(ch.amount.after).replace(/,/g, ""),
      sources: ch.sources.map(fig),
      fields: ch.fields.map((f) => ({ field: f.field, before: f.before, after: f.after })),
      indicators: ch.indicators.map((f) => ({ indicator: f.field, before: f.before, after: f.after })),
    })),
    reordered: i.reordered,
  });
  return (
    JSON.stringify(
      {
        before: o.before,
        after: o.after,
        changed: hasChanges(d),
        headline: d.headline.map(fig),
        projects: items(d.projects),
        carryovers: items(d.carryovers),
        subjects: d.subjects.map((s) => ({ ...fig(s), level: s.level })),
        economic: d.economic.map(fig),
        linesReordered: d.linesReordered,
        texts: d.texts.map((f) => ({ field: f.field, before: f.before, after: f.after })),
        facts: d.facts.map((f) => ({ field: f.field, before: f.before, after: f.after })),
        diagnostics: {
          introduced: d.diagnostics.introduced.map((x) => ({ code: x.code, severity: x.severity, message: x.message })),
          resolved: d.diagnostics.resolved.map((x) => ({ code: x.code, severity: x.severity, message: x.message })),
        },
      },
      null,
      2,
    ) + "\n"
  );
}
