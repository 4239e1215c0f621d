/**
 * `yusuan trace FILE TABLE [ROW] [COLUMN]`: where a published figure comes from. The
 * figure is named as the publication prints it (a table, a row by code or label, a column
 * by header) or by its JSON pointer; the answer is its value, the arithmetic and a code
 * frame for every source amount, from a recording derivation (model/trace.ts). The
 * sources sum exactly to the figure's unrounded value.
 */
import { hasErrors } from "../base/diagnostics.js";
import type { SourceText } from "../base/source.js";
import { checkBudget } from "../check/check.js";
import { Derivation } from "../model/derivation.js";
import { figures, sourcesOf, type Figure, type FigureSource } from "../model/provenance.js";
import type { Origin } from "../model/trace.js";
import { wanExact, yuanExact } from "../model/types.js";
import { findTable, locate } from "../render/locate.js";
import { buildView } from "../render/view.js";
import type { Budget, Money } from "../syntax/ast.js";
import { loadEntry, type Loaded } from "../syntax/load.js";
import { withParser } from "../syntax/parse.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import { Profiles } from "./profiles.js";
import { loadCatalogueOption } from "./catalogue.js";
import { diagnosticsText, frame, type Lang } from "./report.js";

export interface TraceOptions {
  file: string;
  table: string;
  row?: string;
  column?: string;
  format: "text" | "json";
  /** The profile whose tables are named, in place of the budget's 公开格式. */
  profile?: string;
  /** A budget office's own classification catalogue, in place of any the budget names. */
  catalogue?: string;
  lang: Lang;
}

const T = {
  zh: {
    rollup: "trace 针对单个部门的预算文件，不能用于汇总文件",
    errors: "预算有错误，先改正再追溯数字：",
    noTable: (t: string, list: string) => `没有表「${t}」；可用的表：${list}`,
    noPointer: (p: string) => `JSON 指针 ${p} 不指向公开文件中的金额`,
    needRow: "请给出行：科目编码、标签（如 合计）或项目名称",
    none: "这个数字没有来源：它是 0，没有任何金额计入",
    "no-row": (tb: string, r: string) => `${tb}没有「${r}」这一行；可用的行：`,
    "no-amount": (tb: string, r: string) => `${tb}的「${r}」这一行没有金额`,
    "no-column": (tb: string, r: string) => `${tb}的「${r}」这一行没有这一列；可用的列：`,
    sources: (n: number) => `${n} 处来源`,
  },
  en: {
    rollup: "trace works on one department's budget, not on a roll-up",
    errors: "the budget has errors; correct them before tracing a figure:",
    noTable: (t: string, list: string) => `no table '${t}'; tables: ${list}`,
    noPointer: (p: string) => `the JSON pointer ${p} names no amount of the publication`,
    needRow: "name the row: a subject code, a label (合计) or a project's name",
    none: "this figure has no sources: it is 0, and no amount counts in it",
    "no-row": (tb: string, r: string) => `${tb} has no row ${r}; its rows:`,
    "no-amount": (tb: string, r: string) => `the row ${r} of ${tb} has no amount`,
    "no-column": (tb: string, r: string) => `the row ${r} of ${tb} has no such column; its columns:`,
    sources: (n: number) => `${n} source${n === 1 ? "" : "s"}`,
  },
};

export async function traceCommand(io: Io, o: TraceOptions): Promise<number> {
  const t = T[o.lang];
  const host = fsHost(io);
  const entry = await withParser(() => loadEntry(o.file, host));
  if (entry.kind !== "budget") {
    io.err(`yusuan: ${t.rollup}\n`);
    return 2;
  }
  const custom = await loadCatalogueOption(io, o.catalogue, o.lang);
  if (custom === "usage") return 2;
  const profiles = new Profiles(io, o.profile);
  const checked = checkBudget(entry.loaded, custom?.catalogue, undefined, { profiles });
  if (hasErrors(checked.diagnostics)) {
    io.err(`yusuan: ${t.errors}\n${diagnosticsText(checked.diagnostics.filter((d) => d.severity === "error"), host, o.lang, io.isTTY)}`);
    return 1;
  }
  const d = new Derivation(checked.effective, checked.catalogue, { trace: true, ...(checked.derivation.spec ? { spec: checked.derivation.spec } : {}) });
  const pub = d.publication();
  const all = figures(pub);

  let figure: Figure | undefined;
  let label: string;
  if (o.table.startsWith("/")) {
    figure = all.find((f) => f.pointer === o.table);
    if (!figure) {
      io.err(`yusuan: ${t.noPointer(o.table)}\n`);
      return 2;
    }
    label = o.table;
  } else {
    const read = profiles.load(checked.profile);
    if ("problem" in read) {
      io.err(`yusuan: ${read.problem}\n`);
      return 2;
    }
    const view = buildView(pub, read.profile, "html", () => false);
    const table = findTable(view.tables, o.table);
    if (!table) {
      io.err(`yusuan: ${t.noTable(o.table, view.tables.map((x) => x.ordinal).join("、"))}\n`);
      return 2;
    }
    if (o.row === undefined) {
      io.err(`yusuan: ${t.needRow}\n`);
      return 2;
    }
    const r = locate(table, o.row, o.column);
    if (!r.ok) {
      io.err(`yusuan: ${t[r.problem](table.ordinal, o.row)}${r.choices.length ? `\n  ${r.choices.slice(0, 40).join("  ")}` : ""}\n`);
      return 2;
    }
    const [holder, key] = r.cell.ref;
    figure = all.find((f) => f.holder === holder && f.key === key);
    if (!figure) {
      io.err(`yusuan: ${t.noPointer(`${table.ordinal} ${o.row}`)}\n`);
      return 2;
    }
    label = `${table.ordinal} ${table.title} · ${r.cell.row} · ${r.cell.column}`;
  }

  // Amounts that add come first, those subtracted (last year's, in a change) after them.
  const recorded = d.tracer.origins(figure.holder, figure.key) ?? [];
  const origins = [...recorded.filter((x) => x.sign === 1), ...recorded.filter((x) => x.sign === -1)];
  const texts = sourceTexts(entry.loaded);
  const sources = sourcesOf(origins, figure.unit, texts);
  const value = figure.unit === "万元" ? wanExact(figure.fen) : yuanExact(figure.fen);
  if (o.format === "json") {
    io.out(JSON.stringify({ value, unit: figure.unit, pointer: figure.pointer, sources }, null, 2) + "\n");
    return 0;
  }
  io.out(textReport(label, value, figure.unit, origins, sources, texts, owners(checked.effective, o.lang), o.lang, io.isTTY));
  return 0;
}

function sourceTexts(loaded: Loaded): (path: string) => SourceText | undefined {
  const by = new Map<string, SourceText>();
  for (let l: Loaded | undefined = loaded; l; l = l.lastYear) for (const f of l.files) if (!by.has(f.path)) by.set(f.path, f);
  return (p) => by.get(p);
}

/** What each amount of the budget belongs to, for the report: a project, a carry-over, a basic line. */
function owners(budget: Budget, lang: Lang): (m: Money) => string | undefined {
  const by = new Map<Money, string>();
  for (const l of budget.basic) by.set(l.money, lang === "zh" ? `基本支出 ${l.subject.value} ${l.economic.value}` : `basic line ${l.subject.value} ${l.economic.value}`);
  for (const p of budget.projects) for (const a of p.amounts) by.set(a.money, lang === "zh" ? `项目「${p.name.value}」${a.source}` : `project ${p.name.value}, ${a.source}`);
  for (const c of budget.carryovers) for (const a of c.amounts) by.set(a.money, lang === "zh" ? `结转「${c.name.value}」${a.source}` : `carry-over ${c.name.value}, ${a.source}`);
  return (m) => by.get(m);
}

function textReport(
  label: string,
  value: string,
  unit: string,
  origins: readonly Origin[],
  sources: readonly FigureSource[],
  texts: (p: string) => SourceText | undefined,
  ownerOf: (m: Money) => string | undefined,
  lang: Lang,
  colours: boolean,
): string {
  const t = T[lang];
  let s = `${label}\n  = ${value}${unit}\n`;
  if (!sources.length) return s + `  ${t.none}\n`;
  const terms = sources.map((x, i) => (i === 0 ? x.amount : x.amount.startsWith("-") ? `- ${x.amount.slice(1)}` : `+ ${x.amount}`));
  s += `  = ${terms.join(" ")}  (${t.sources(sources.length)})\n`;
  origins.forEach((o, i) => {
    const src = texts(o.money.span.file);
    const x = sources[i]!;
    const owner = ownerOf(o.money);
    s += `\n${x.file}:${x.line}  ${x.amount}${unit}${owner ? `  ${owner}` : ""}\n`;
    if (src) s += frame(src, o.money.span, colours) + "\n";
  });
  return s;
}
