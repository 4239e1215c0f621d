/**
 * A project's own texts are its own: no form's 概况, 实施期目标 or 年度目标 is, word for
 * word, a text of another project's form, and no reason for a change of one 三公 item is
 * the reason given for another. In real disclosures such a copy is the trace of a
 * copy-paste that was never finished (a census project whose goal is the network
 * rental's, a reception budget that "decreased because the car costs were reassessed").
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
  },
};

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
