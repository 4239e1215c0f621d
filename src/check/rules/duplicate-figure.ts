/**
 * A figure stated more than once states the same value each time: two purposes of one
 * subject, two 执行数 of one subject, two reasons for one figure, two parts of one label in
 * a funding note, two 经济科目 lines of one code in a project, two purchases of one
 * vehicle kind; and last year's 财政拨款 and its funds, or its 一般公共预算 income and
 * spending, stated both as a whole and in parts. Statements that disagree are an error
 * (the publication would print one of them, and which one is chance); a restatement of
 * the same value is a warning (it is printed twice, or one copy is never read).
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { sum } from "../../base/money.js";
import type { Span } from "../../base/source.js";
import { nameKey } from "../../base/names.js";
import { FISCAL_SOURCES } from "../../syntax/ast.js";
import type * as A from "../../syntax/ast.js";
import { moneyText, plainWan, wanText } from "../facts.js";
import type { Rule, RuleContext } from "../rule.js";

/** One statement of a figure: where, and its value as compared and as shown. */
interface Statement {
  readonly span: Span;
  readonly value: string;
  readonly shown: string;
}

/** Reports every statement after the first of each key whose value the first does not share (or does). */
function compareRepeats(ctx: RuleContext, groups: Iterable<[string, Statement[]]>, what: (key: string) => Bilingual, hint: Bilingual): void {
  for (const [key, list] of groups) {
    const first = list[0]!;
    for (const s of list.slice(1)) {
      const same = s.value === first.value;
      const w = what(key);
      ctx.report(s.span,
        same
          ? bi(`${w.zh}写了两次，两次相同（${s.shown}）`, `${w.en} is stated twice, the same both times (${s.shown})`)
          : bi(`${w.zh}写了两次且不一致：这里是 ${s.shown}，前面是 ${first.shown}`, `${w.en} is stated twice and the two disagree: ${s.shown} here, ${first.shown} before`),
        {
          related: [{ span: first.span, message: bi(`第一次写在这里：${first.shown}`, `first stated here: ${first.shown}`) }],
          hint: same ? bi("删除重复的一处", "remove the repetition") : hint,
          data: { figure: key, first: first.value, again: s.value },
          ...(same ? { severity: "warning" as const } : {}),
        });
    }
  }
}

function grouped<T>(items: readonly T[], key: (x: T) => string, statement: (x: T) => Statement): Map<string, Statement[]> {
  const m = new Map<string, Statement[]>();
  for (const x of items) {
    const k = key(x);
    let l = m.get(k);
    if (!l) m.set(k, (l = []));
    l.push(statement(x));
  }
  for (const [k, l] of m) if (l.length < 2) m.delete(k);
  return m;
}

const amountShown = (m: A.Money | undefined): string => (m ? moneyText(m) : "—");
const quoted = (t: string): string => `“${t.length > 40 ? t.slice(0, 40) + "…" : t}”`;

export const rule: Rule = {
  code: "duplicate-figure",
  severity: "error",
  alsoAs: ["warning"],
  needsAllFigures: false,
  run(ctx) {
    const b = ctx.budget;
    const pick = bi("保留正确的一处，删除另一处", "keep the right one and remove the other");

    compareRepeats(ctx,
      grouped(b.purposes, (p) => p.code.value, (p) => ({ span: p.code.span, value: `${p.money?.fen ?? ""}|${p.text.value}`, shown: `${p.money ? moneyText(p.money) + " " : ""}${quoted(p.text.value)}` })),
      (code) => bi(`科目 ${code} 的用途`, `the purpose of the subject ${code}`), pick);

    const ly = b.lastYear;
    if (ly) {
      compareRepeats(ctx,
        grouped(ly.executed, (e) => e.code.value, (e) => ({ span: e.code.span, value: String(e.money.fen), shown: moneyText(e.money) })),
        (code) => bi(`科目 ${code} 的上年执行数`, `last year's 执行数 of the subject ${code}`), pick);
      compareRepeats(ctx,
        grouped(ly.reasons, (r) => r.figure.value, (r) => ({ span: r.figure.span, value: r.text.value, shown: quoted(r.text.value) })),
        (figure) => bi(`「${figure}」的变动原因`, `the reason for ${figure}`), bi("情况说明只印一条原因：把原因合成一条", "the explanations print one reason: merge them into one"));
      wholeAndParts(ctx, ly);
    }

    for (const p of b.projects) {
      // Most projects have neither a funding note nor two economic lines: nothing to compare.
      if (!p.note && p.economic.length < 2) continue;
      const name = p.name.value;
      for (const kind of ["part", "plan"] as const) {
        const parts = p.note?.parts.filter((x) => x.kind === kind) ?? [];
        compareRepeats(ctx,
          grouped(parts, (x) => nameKey(x.label.value), (x) => ({ span: x.label.span, value: String(x.money.fen), shown: moneyText(x.money) })),
          (label) => bi(`项目「${name}」的${kind === "part" ? "其中" : "用款计划"}「${label}」`, `the ${kind === "part" ? "part" : "disbursement"} ${label} of ${name}`), pick);
      }
      compareRepeats(ctx,
        grouped(p.economic, (e) => e.code.value, (e) => ({ span: e.code.span, value: String(e.money?.fen ?? ""), shown: amountShown(e.money) })),
        (code) => bi(`项目「${name}」中经济科目 ${code} 的金额`, `the amount of the economic subject ${code} of ${name}`), bi("同一经济科目只写一行，金额合并", "write one line per economic subject, with the amounts merged"));
    }

    compareRepeats(ctx,
      grouped(b.assets?.vehiclePurchases ?? [], (v) => nameKey(v.kind.value), (v) => ({ span: v.kind.span, value: v.count.number, shown: v.count.text })),
      (kind) => bi(`购置车辆「${kind}」`, `the purchase of ${kind}`), bi("同一车型只写一行，数量合并", "write one line per kind, with the counts merged"));
  },
};

/**
 * Last year's 财政拨款 is its three funds (a fund not stated is 0), and its 一般公共预算
 * income is its 一般公共预算 spending of the year: stated both ways, they must agree.
 */
function wholeAndParts(ctx: RuleContext, ly: A.LastYear): void {
  const funds = ly.bySource.filter((a) => FISCAL_SOURCES.includes(a.source));
  if (ly.fiscal && funds.length) {
    const s = sum(funds.map((a) => a.money.fen));
    if (s !== ly.fiscal.fen) {
      const parts = funds.map((a) => `${a.source} ${moneyText(a.money)}`).join(" + ");
      ctx.report(ly.fiscal.span,
        bi(`上年财政拨款写作 ${moneyText(ly.fiscal)}，但上年各项财政拨款 ${parts} = ${wanText(s)}`, `last year's 财政拨款 is stated as ${moneyText(ly.fiscal)}, but its funds ${parts} sum to ${wanText(s)}`),
        {
          related: funds.map((a) => ({ span: a.money.span, message: bi(`${a.source} ${moneyText(a.money)}`, `${a.source}: ${moneyText(a.money)}`) })),
          hint: bi("财政拨款是一般公共预算、政府性基金预算和国有资本经营预算之和（未写的按 0）：改正其中一处", "财政拨款 is the sum of 一般公共预算, 政府性基金预算 and 国有资本经营预算 (0 when not stated): correct one of them"),
          data: { figure: "财政拨款", first: plainWan(ly.fiscal.fen), again: plainWan(s) },
        });
    }
  }
  const general = ly.bySource.find((a) => a.source === "一般公共预算");
  if (general && ly.generalSpending && general.money.fen !== ly.generalSpending.fen) {
    ctx.report(general.money.span,
      bi(`上年一般公共预算写作 ${moneyText(general.money)}，但上年一般公共预算当年支出写作 ${moneyText(ly.generalSpending)}`, `last year's 一般公共预算 is stated as ${moneyText(general.money)}, but its 一般公共预算当年支出 as ${moneyText(ly.generalSpending)}`),
      {
        related: [{ span: ly.generalSpending.span, message: bi(`一般公共预算当年支出 ${moneyText(ly.generalSpending)}`, `一般公共预算当年支出: ${moneyText(ly.generalSpending)}`) }],
        hint: bi("一年的一般公共预算收入与当年支出相等：改正其中一处", "a year's 一般公共预算 income equals its 一般公共预算 spending of the year: correct one of them"),
        data: { figure: "一般公共预算", first: plainWan(general.money.fen), again: plainWan(ly.generalSpending.fen) },
      });
  }
}
