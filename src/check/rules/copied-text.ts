/**
 * A project's own texts are its own: no form's 概况, 实施期目标 or 年度目标 is, word for
 * word, a text of another project's form, and no reason for a change of one 三公 item is
 * the reason given for another. In real disclosures such a copy is the trace of a
 * copy-paste that was never finished (a census project whose goal is the network
 * rental's, a reception budget that "decreased because the car costs were reassessed").
 *
 * A subject's 用途 and the reason for its change (变动原因 by code) are its own too: one
 * that names another 项 of the budget, by a name that is none of its own 类, 款 or 项
 * names, was copied from that subject (城管执法 "主要用于城乡社区管理事务一般行政管理事务",
 * 职业年金缴费支出 "事业单位离退休经费增加"). Short texts count here: the name is the trace.
 *
 * Texts are compared after normalisation (NFKC, white space removed, final punctuation
 * dropped), through one map of their keys: linear in the number of texts. Texts shorter
 * than MIN_LENGTH characters ("无", "按要求完成") are common phrases, not copies.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { nameKey } from "../../base/names.js";
import type { Span } from "../../base/source.js";
import type * as A from "../../syntax/ast.js";
import type { Rule, RuleContext } from "../rule.js";

/** Shorter normalised texts are not compared. */
export const MIN_LENGTH = 12;

/** The texts of a form that describe its own project, with their names in messages. */
const FORM_TEXTS: readonly [keyof A.PerformanceForm, string, string][] = [
  ["summary", "项目概况", "项目概况 (summary)"],
  ["periodGoal", "实施期目标", "实施期目标 (the period's goal)"],
  ["annualGoal", "年度目标", "年度目标 (the year's goal)"],
];

/** The 三公 items, whose reasons are each about a different kind of spending. */
const THREE_PUBLIC_ITEMS: ReadonlySet<string> = new Set(["因公出国", "公务接待", "公务用车购置", "公务用车运行维护"]);

/** The key a text is compared by: the same words are the same key. */
export function textKey(text: string): string {
  return nameKey(text).replace(/\s+/g, "").replace(/[。．.；;，,、！!]+$/u, "");
}

interface Seen {
  readonly owner: string;
  readonly what: Bilingual;
  readonly span: Span;
}

export const rule: Rule = {
  code: "copied-text",
  severity: "warning",
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    const seen = new Map<string, Seen>();
    const visit = (owner: string, ownerText: Bilingual, form: A.PerformanceForm) => {
      for (const [field, zh, en] of FORM_TEXTS) {
        const t = form[field] as A.Located<string> | undefined;
        if (t) compare(ctx, seen, t, owner, bi(`${ownerText.zh}的${zh}`, `the ${en} of ${ownerText.en}`));
      }
    };
    for (const p of b.projects) if (p.performance) visit(nameKey(p.name.value), bi(`项目「${p.name.value}」`, `the project ${p.name.value}`), p.performance);
    for (const f of b.forms) if (f.project) visit(nameKey(f.project.value), bi(`绩效目标表「${f.project.value}」`, `the form of ${f.project.value}`), f);

    const reasons = new Map<string, Seen>();
    for (const r of b.lastYear?.reasons ?? []) {
      if (!THREE_PUBLIC_ITEMS.has(r.figure.value)) continue;
      compare(ctx, reasons, r.text, r.figure.value, bi(`「${r.figure.value}」的变动原因`, `the reason for ${r.figure.value}`));
    }

    subjectTexts(ctx);
  },
};

/** Shorter 项 names are not looked for in another subject's text. */
const MIN_NAME = 4;

/** Each 用途 and 变动原因 of a subject that names another 项 of the budget and none of its own names. */
function subjectTexts(ctx: RuleContext): void {
  const b = ctx.budget;
  const rows = ctx.model.functional.fiscal.rows(ctx.catalogue, ctx.model.names);
  const nameOf = new Map(rows.map((r) => [r.code, r.name]));
  const leaves = rows.filter((r) => r.leaf && r.code.length === 7);
  const own = (code: string) => [code.slice(0, 3), code.slice(0, 5), code].map((c) => nameOf.get(c) ?? ctx.catalogue.functional(c)?.name ?? "").filter((n) => n !== "");
  const check = (code: string, text: A.Located<string>, zh: string, en: string) => {
    const mine = own(code);
    if (!mine.length) return;
    const words = nameKey(text.value);
    const named = leaves.filter((o) => o.code !== code && [...o.name].length >= MIN_NAME && words.includes(nameKey(o.name)) && !mine.some((n) => nameKey(n).includes(nameKey(o.name))));
    // The subject the text was copied from: one whose 款 the text names too, if any.
    const kuanNamed = (o: { code: string }) => words.includes(nameKey(nameOf.get(o.code.slice(0, 5)) ?? "\u0000"));
    for (const other of [...named.filter(kuanNamed), ...named.filter((o) => !kuanNamed(o))].slice(0, 1)) {
      ctx.report(text.span, bi(`科目 ${code}（${mine[mine.length - 1]}）的${zh}写的是另一科目 ${other.code}（${other.name}）`, `the ${en} of the subject ${code} (${mine[mine.length - 1]}) names another subject, ${other.code} (${other.name})`), {
        hint: bi(`这通常是从 ${other.code} 复制后没有改完：写出 ${code} 自己的${zh}`, `this is usually a copy from ${other.code} that was never finished: write ${code}'s own ${en}`),
        data: { subject: code, other: other.code },
      });
      return;
    }
  };
  for (const p of b.purposes ?? []) check(p.code.value, p.text, "用途", "purpose");
  for (const r of b.lastYear?.reasons ?? []) if (/^\d{7}$/.test(r.figure.value)) check(r.figure.value, r.text, "变动原因", "reason for its change");
}

/** Records a text, or reports it when another owner wrote the same one first. */
function compare(ctx: RuleContext, seen: Map<string, Seen>, text: A.Located<string>, owner: string, what: Bilingual): void {
  const key = textKey(text.value);
  if ([...key].length < MIN_LENGTH) return;
  const first = seen.get(key);
  if (!first) {
    seen.set(key, { owner, what, span: text.span });
    return;
  }
  if (first.owner === owner) return;
  ctx.report(text.span,
    bi(`${what.zh}与${first.what.zh}一字不差`, `${what.en} is word for word ${first.what.en}`),
    {
      related: [{ span: first.span, message: bi(`${first.what.zh}写在这里`, `${first.what.en} is written here`) }],
      hint: bi("这通常是复制后没有改完的痕迹：写出这个项目（或这一项）自己的内容", "this is usually a copy that was never finished: write this project's (or this item's) own text"),
      data: { text: text.value.length > 60 ? `${text.value.slice(0, 60)}…` : text.value },
    });
}
