/**
 * Hovers: what a position means in the publication. On a project, its amount in 万元 and
 * 元, its shares and the table rows it feeds; on a functional subject code, its name and
 * place in the catalogue and its totals in this budget; on an economic subject, its
 * name and how the tables class it; on an amount, the amount in the other unit and the
 * figures it is or feeds; on a keyword, what the statement takes and what its block
 * admits. Figures and their sources come through `ProvenanceAt` (provenance.ts), made
 * once per check by the Workspace, so a hover only looks them up and formats them.
 */
import type { Bilingual } from "../base/diagnostics.js";
import { percent, toFen, type Fen } from "../base/money.js";
import type { Span } from "../base/source.js";
import { wanText, yuanText } from "../check/facts.js";
import { amountOf, type Totals } from "../model/totals.js";
import type { Catalogue } from "../catalogue/types.js";
import type * as A from "../syntax/ast.js";
import { KEYWORD_BY_NAME } from "../syntax/keywords.js";
import { CONTEXT_NAMES, CONTEXTS, type StatementSpec } from "../syntax/schema.js";
import { splitQuantity, unquote } from "../syntax/values.js";
import { locate } from "./locate.js";
import type { Provenance, ProvenanceAt } from "./provenance.js";
import type { Workspace } from "./workspace.js";

export type Lang = "zh" | "en";

/** How a hover links to a place in the sources. */
export type LinkTo = (span: Span) => string;

/** The Markdown of a hover at an offset of a file, or undefined when there is nothing to say. */
export function hoverAt(ws: Workspace, path: string, offset: number, lang: Lang, link: LinkTo): string | undefined {
  const file = ws.parsedFile(path);
  if (!file) return undefined;
  const at = locate(file, offset);
  const t = (b: Bilingual) => b[lang];
  const entry = ws.budgetOf(path);
  const result = entry?.result;
  const provenance: ProvenanceAt | undefined = entry ? ws.provenance(entry) : undefined;
  const catalogue = result?.catalogue;
  const a = at.arg;
  const owner = a?.owner.stmt;

  if (a && owner) {
    const slot = a.arg.slot;
    if (catalogue && ((owner.kw === "Subject" && slot === "code") || (owner.kw === "Line" && slot === "subject"))) {
      return subjectHover(a.arg.image, catalogue, provenance?.(path, a.arg.start), lang, link);
    }
    if (catalogue && owner.kw === "Line" && slot === "economic") {
      return economicHover(a.arg.image, catalogue, result!.effective, lang);
    }
    if (result && ((owner.kw === "Project" && a.owner.context === "file") || (owner.kw === "Performance" && a.owner.context === "file" && slot === "project"))) {
      const name = unquote(a.arg.image);
      const index = result.effective.projects.findIndex((p) => p.name.value === name);
      const p = result.effective.projects[index];
      if (p) return projectHover(p, result.derivation.totals, provenance?.(p.name.span.file, p.name.span.start), lang, link);
    }
    if ((owner.kw === "Include" || owner.kw === "SourceFile") && slot === "path") {
      return undefined; // Definition leads there; the path speaks for itself.
    }
    if (a.arg.token === "Number") {
      const money = moneyHover(a.arg.image, lang);
      const figures = provenance?.(path, a.arg.start);
      if (money || figures?.length) return [money, figures?.length ? figuresText(figures, lang, link) : undefined].filter(Boolean).join("\n\n");
    }
  }
  const last = at.path[at.path.length - 1];
  if (last && at.onKeyword) return keywordHover(last.stmt.kw, last.spec, t);
  return undefined;
}

function money(fen: Fen): string {
  return `${wanText(fen)}（${yuanText(fen)}）`;
}

function subjectHover(code: string, cat: Catalogue, figures: readonly Provenance[] | undefined, lang: Lang, link: LinkTo): string {
  const s = cat.functional(code);
  if (!s) return lang === "zh" ? `**${code}**：不在分类目录（${cat.description}）中` : `**${code}**: not in the catalogue (${cat.description})`;
  const chain: string[] = [];
  for (let c: string | undefined = s.code; c; c = cat.functional(c)?.parent) {
    const x = cat.functional(c);
    if (x) chain.unshift(`${x.code} ${x.name}`);
  }
  const head = `**${s.code} ${s.name}**（${s.level}）\n\n${chain.join(" › ")}`;
  return figures?.length ? `${head}\n\n${figuresText(figures, lang, link)}` : head;
}

function economicHover(code: string, cat: Catalogue, budget: A.Budget, lang: Lang): string {
  const e = cat.economic(code);
  if (!e) return lang === "zh" ? `**${code}**：不在经济分类目录（${cat.description}）中` : `**${code}**: not in the economic classification (${cat.description})`;
  const parent = e.parent ? cat.economic(e.parent) : undefined;
  const lines = [`**${e.code} ${e.name}**（部门预算支出经济分类 ${e.level}）`];
  if (parent) lines.push(`${parent.code} ${parent.name} › ${e.code} ${e.name}`);
  const facts: string[] = [];
  const pp = cat.personnelOrPublic(code);
  if (pp) facts.push(pp);
  const three = cat.threePublic(code);
  if (three) facts.push(lang === "zh" ? `“三公”经费：${three}` : `三公: ${three}`);
  const kind = (budget.department?.kind?.value ?? "行政单位") as "行政单位" | "参公事业单位" | "事业单位";
  const gov = cat.mapToGovernment(code, kind);
  if (gov) facts.push(lang === "zh" ? `政府经济分类 ${gov} ${cat.government(gov)?.name ?? ""}`.trim() : `government class ${gov} ${cat.government(gov)?.name ?? ""}`.trim());
  if (facts.length) lines.push(facts.join(" · "));
  const used = budget.basic.filter((l) => l.economic.value === code);
  if (used.length) {
    let sum = 0;
    for (const l of used) sum += l.money.fen;
    lines.push(lang === "zh" ? `本预算 ${used.length} 笔基本支出，合计 ${money(sum)}` : `${used.length} basic line(s) in this budget, ${money(sum)} in all`);
  }
  return lines.join("\n\n");
}

/** A project's amount, and its shares of the totals the check's derivation computed. */
function projectHover(p: A.Project, t: Totals, figures: readonly Provenance[] | undefined, lang: Lang, link: LinkTo): string {
  const amount = amountOf(p);
  const lines = [`**${lang === "zh" ? "项目" : "project"}「${p.name.value}」** ${money(amount)}`];
  if (p.amounts.length > 1 || p.amounts[0]?.source !== "一般公共预算") lines.push(p.amounts.map((a) => `${a.source} ${wanText(a.money.fen)}`).join(" · "));
  const ofProjects = percent(amount, t.direction.project);
  const ofIncome = percent(amount, t.incomeTotal);
  const shares: string[] = [];
  if (ofProjects !== undefined) shares.push(lang === "zh" ? `占项目支出 ${ofProjects}%` : `${ofProjects}% of 项目支出`);
  if (ofIncome !== undefined) shares.push(lang === "zh" ? `占收入总计 ${ofIncome}%` : `${ofIncome}% of 收入总计`);
  const facts = [p.subject ? `${lang === "zh" ? "科目" : "subject"} ${p.subject.value}` : undefined, p.category?.value].filter(Boolean);
  if (shares.length || facts.length) lines.push([...facts, ...shares].join(" · "));
  if (figures?.length) lines.push(figuresText(figures, lang, link, false));
  return lines.join("\n\n");
}

/** An amount in the other unit: 0.60万元 = 6,000元. */
function moneyHover(image: string, lang: Lang): string | undefined {
  const q = splitQuantity(image);
  if (!q || (q.unit !== "万元" && q.unit !== "元")) return undefined;
  const r = toFen(q.number, q.unit);
  if (!r.ok) return undefined;
  void lang;
  return q.unit === "万元" ? `${image} = ${yuanText(r.fen)}` : `${image} = ${wanText(r.fen)}`;
}

/** Figures listed when none is in the row of the statement hovered. */
const FIRST_FIGURES = 6;
/** Sources listed under a group of figures; the rest are counted. */
const SOURCES_SHOWN = 8;

function figureValue(f: Provenance, fen: Fen = f.fen): string {
  return f.unit === "元" ? yuanText(fen) : wanText(fen);
}

/**
 * The figures a position is or feeds. An amount enters dozens of figures (every table row
 * above it, the totals, the prose, the charts, the forms), so the hover lists in full the
 * figures of the statement's own rows (its subject's rows, its project's line and form),
 * or the first few when it has none, and counts the others by the part of the document
 * they are in. Figures with the same sources are listed together and their sources once,
 * folded after the first few.
 */
function figuresText(figures: readonly Provenance[], lang: Lang, link: LinkTo, withSources = true): string {
  const zh = lang === "zh";
  const own = figures.filter((f) => f.own);
  const shown = own.length ? own : figures.slice(0, FIRST_FIGURES);
  const out: string[] = [zh ? `**进入公开文件：** 共 ${figures.length} 个数字` : `**In the publication:** ${figures.length} figure${figures.length === 1 ? "" : "s"}`];
  const groups = new Map<string, Provenance[]>();
  for (const f of shown) {
    const key = f.sources.map((x) => `${x.span.file}\u0000${x.span.start}\u0000${x.fen}`).join("\u0001");
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  for (const g of groups.values()) {
    for (const f of g) out.push(`- ${f.figure[lang]}${zh ? "：" : ": "}${figureValue(f)}`);
    const sources = g[0]!.sources;
    if (!withSources || !sources.length) continue;
    if (g.length > 1) out.push(zh ? `  - 以上 ${g.length} 个数字的来源：` : `  - the sources of the ${g.length} figures above:`);
    const listed = sources.slice(0, SOURCES_SHOWN);
    for (const s of listed) out.push(`  - [${s.label[lang]}](${link(s.span)}) ${figureValue(g[0]!, s.fen)}`);
    if (sources.length > listed.length) out.push(`  - ${zh ? `等共 ${sources.length} 笔` : `${sources.length} in all`}`);
  }
  const rest = figures.filter((f) => !shown.includes(f));
  if (rest.length) {
    const byPart = new Map<string, number>();
    for (const f of rest) byPart.set(f.part[lang], (byPart.get(f.part[lang]) ?? 0) + 1);
    const parts = [...byPart].map(([p, n]) => `${p} ${n}`).join(" · ");
    out.push(zh ? `\n其余 ${rest.length} 个：${parts}` : `\n${rest.length} more: ${parts}`);
  }
  return out.join("\n");
}

function keywordHover(kw: string, spec: StatementSpec | undefined, t: (b: Bilingual) => string): string | undefined {
  const k = KEYWORD_BY_NAME.get(kw);
  if (!k) return undefined;
  const lines = [`**${k.zh}** (\`${k.en}\`)`];
  if (spec) {
    const slots = spec.slots.map((s) => `${s.tag ? `${KEYWORD_BY_NAME.get(s.tag)?.zh ?? s.tag} ` : ""}${s.optional ? "[" : ""}${s.name}${s.repeat ? "…" : ""}${s.optional ? "]" : ""}`);
    lines.push(`\`${[k.zh, ...slots].join(" ")}${spec.block ? " { … }" : ""}\``);
    if (spec.block) {
      const inner = (CONTEXTS[spec.block] ?? []).map((s) => KEYWORD_BY_NAME.get(s.kw)?.zh ?? s.kw);
      const name = CONTEXT_NAMES[spec.block];
      lines.push(`${name ? t(name) : spec.block}：${inner.join("、")}`);
    }
  }
  return lines.join("\n\n");
}
