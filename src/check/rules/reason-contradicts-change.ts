/**
 * A reason does not contradict the change it explains: a figure that fell is not
 * explained by an increase (增加, 增长, 上升, 提高), one that grew not by a decrease (减少,
 * 下降, 降低), and one that changed not by its staying the same (保持不变, 持平, 不变), nor
 * an unchanged figure by either direction. A reason that names causes of both directions
 * ("A经费增加，B经费减少") is left alone.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { figureChange } from "../changes.js";
import { differenceText, plainWan, spanWithin, wanText } from "../facts.js";
import type { Rule } from "../rule.js";

type Direction = "up" | "down" | "same";

const WORDS: readonly [Direction, RegExp][] = [
  ["up", /增加|增长|上升|提高/g],
  ["down", /减少|下降|降低/g],
  ["same", /保持不变|持平|不变/g],
];
/** A word of direction after one of these is negated (未增加, 没有减少, 不降低), and says nothing. */
const NEGATION = /(未|不|无|没有|没)$/;

const SAYS: Readonly<Record<Direction, Bilingual>> = {
  up: bi("增加", "an increase"),
  down: bi("减少", "a decrease"),
  same: bi("不变", "no change"),
};

/** The one direction a reason's words state, with the first word that states it; undefined for none or several. */
export function statedDirection(text: string): { direction: Direction; word: string; index: number } | undefined {
  let found: { direction: Direction; word: string; index: number } | undefined;
  const seen = new Set<Direction>();
  for (const [direction, re] of WORDS) {
    for (const m of text.matchAll(re)) {
      // 保持不变 also holds 不变, and a negated word says nothing.
      if (direction === "same" && m[0] === "不变" && text.slice(0, m.index).endsWith("保持")) continue;
      if (direction !== "same" && NEGATION.test(text.slice(0, m.index))) continue;
      seen.add(direction);
      if (!found || m.index < found.index) found = { direction, word: m[0], index: m.index };
    }
  }
  return seen.size === 1 ? found : undefined;
}

export const rule: Rule = {
  code: "reason-contradicts-change",
  severity: "warning",
  needsAllFigures: true,
  run(ctx) {
    for (const r of ctx.budget.lastYear?.reasons ?? []) {
      const said = statedDirection(r.text.value);
      if (!said) continue;
      const change = figureChange(ctx, r.figure.value);
      if (!change) continue;
      const { now, last } = change;
      const actual: Direction = now > last ? "up" : now < last ? "down" : "same";
      if (actual === said.direction) continue;
      const isCode = /^\d+$/.test(r.figure.value);
      const name = isCode ? ctx.catalogue.functional(r.figure.value)?.name : undefined;
      const figure = isCode ? `科目 ${r.figure.value}${name ? ` ${name}` : " "}` : r.figure.value;
      const figureEn = isCode ? `the subject ${r.figure.value}${name ? ` ${name}` : ""}` : r.figure.value;
      const moved =
        actual === "same"
          ? bi(`与上年持平（${wanText(now)}）`, `is unchanged on last year (${wanText(now)})`)
          : bi(
              `比上年${actual === "up" ? "增加" : "减少"} ${differenceText(now, last, "万元")}（上年 ${wanText(last)}，本年 ${wanText(now)}）`,
              `${actual === "up" ? "grew" : "fell"} by ${differenceText(now, last, "万元")} on last year (${wanText(last)} last year, ${wanText(now)} this year)`,
            );
      ctx.report(spanWithin(r.text, said.index, said.word.length),
        bi(`${figure}${moved.zh}，变动原因却说“${said.word}”`, `${figureEn} ${moved.en}, but its reason says ${SAYS[said.direction].en} (“${said.word}”)`),
        {
          related: [{ span: change.lastSpan, message: bi(`上年数 ${wanText(last)}`, `last year: ${wanText(last)}`) }],
          hint: bi(
            `写出与变动方向一致的原因${actual === "same" ? "（如“…保持不变”）" : `（如“…经费${actual === "up" ? "增加" : "减少"}”）`}，或核对上年数`,
            `give a reason that agrees with the change${actual === "same" ? " (…保持不变)" : ` (…经费${actual === "up" ? "增加" : "减少"})`}, or check last year's figure`,
          ),
          data: { figure: r.figure.value, says: said.direction, actual, lastYear: plainWan(last), thisYear: plainWan(now) },
        });
    }
  },
};
