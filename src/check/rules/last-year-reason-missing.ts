/**
 * A change against last year that the explanations must account for carries a reason:
 * 收入总计 (section 一), the 三公 total (section 七) and 机关运行经费 (section 八).
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { sum, type Fen } from "../../base/money.js";
import type { Span } from "../../base/source.js";
import type { LastYear } from "../../syntax/ast.js";
import { differenceText, plainWan, wanText } from "../facts.js";
import type { Rule } from "../rule.js";

/**
 * Where a new 变动原因 line goes: on a line of its own after the last statement of the
 * 上年 block (the block is at the top level, so its statements are indented by two
 * spaces), or inside an empty block before its closing brace. The reason is left as a
 * placeholder, which placeholder-text reports until the author writes it.
 */
function reasonInsertion(ly: LastYear, figure: string): { span: Span; replacement: string } {
  const line = `  变动原因 ${figure} "待填写：${figure}增减的主要原因"`;
  const ends = [ly.source?.span, ly.incomeTotal?.span, ly.generalSpending?.span, ly.threePublic?.span, ly.runningCosts?.span, ...ly.reasons.map((r) => r.text.span)]
    .filter((x): x is Span => x !== undefined)
    .map((x) => x.end);
  if (ends.length) {
    const at = Math.max(...ends);
    return { span: { file: ly.span.file, start: at, end: at }, replacement: `\n${line}` };
  }
  const close = ly.span.end - 1;
  return { span: { file: ly.span.file, start: close, end: close }, replacement: `\n${line}\n` };
}

export const rule: Rule = {
  code: "last-year-reason-missing",
  severity: "warning",
  needsAllFigures: true,
  run(ctx) {
    const ly = ctx.budget.lastYear;
    if (!ly) return;
    const derived = ctx.lastYear;
    const reasons = new Set(ly.reasons.map((r) => r.figure.value));
    const economic = ctx.model.economic;
    const now = { threePublic: economic.threePublic.get("total")!.total, runningCosts: economic.runningTotal.total };
    const check = (figure: Bilingual, current: Fen, last: { fen: Fen; span: Span } | undefined, accepted: readonly string[]) => {
      if (!last || last.fen === current || accepted.some((a) => reasons.has(a))) return;
      const dir = current > last.fen ? bi("增加", "up") : bi("减少", "down");
      ctx.report(last.span,
          bi(
            `${figure.zh}比上年${dir.zh} ${differenceText(current, last.fen, "万元")}（上年 ${wanText(last.fen)}，本年 ${wanText(current)}），但没有写变动原因`,
            `${figure.en} is ${dir.en} ${differenceText(current, last.fen, "万元")} on last year (${wanText(last.fen)} last year, ${wanText(current)} this year) but no reason is given`,
          ),
          {
            hint: bi(`在上年块中写 变动原因 ${accepted[0]} "……"：情况说明要写明增减的主要原因`, `write 变动原因 ${accepted[0]} "…" in the 上年 block: the explanations state the main reason for the change`),
            data: { figure: accepted[0]!, lastYear: plainWan(last.fen), thisYear: plainWan(current) },
            fix: { title: bi(`添加 变动原因 ${accepted[0]}`, `add 变动原因 ${accepted[0]}`), ...reasonInsertion(ly, accepted[0]!) },
          });
    };
    const at = (fen: Fen | undefined, span: Span | undefined) => (fen !== undefined && span ? { fen, span } : undefined);
    const sourceSpan = ly.source?.span;
    // Figures derived from last year's budget win; stated ones are compared by last-year-mismatch.
    const income = derived ? at(derived.incomeTotal, sourceSpan) : at(ly.incomeTotal?.fen, ly.incomeTotal?.span);
    check(bi("收入总计", "收入总计 (total income)"), ctx.model.totals.incomeTotal, income, ["收入总计", "支出总计"]);
    const items = ly.threePublic ? [...ly.threePublic.items.values()] : [];
    const three = derived ? at(sum(derived.threePublic.values()), sourceSpan) : items.length ? at(sum(items.map((m) => m.fen)), items[0]!.span) : undefined;
    check(bi("“三公”经费", "the 三公 total"), now.threePublic, three, ["三公", "因公出国", "公务接待", "公务用车购置", "公务用车运行维护"]);
    const running = derived ? at(derived.runningCosts, sourceSpan) : at(ly.runningCosts?.fen, ly.runningCosts?.span);
    check(bi("机关运行经费", "机关运行经费 (running costs)"), now.runningCosts, running, ["机关运行经费"]);
  },
};
