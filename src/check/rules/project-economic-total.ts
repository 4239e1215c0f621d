/**
 * A project's 经济科目 lines place its money exactly: either one line without an amount
 * (the whole project), or lines that all have amounts, sum to the project's amount, and
 * belong to a project funded from one source.
 */
import { bi, type Bilingual } from "../../base/diagnostics.js";
import { sum, type Fen } from "../../base/money.js";
import { economicPlacement } from "../../model/project-economic.js";
import { differenceText, plainWan, wanText, yuanText } from "../facts.js";
import type { Rule } from "../rule.js";

export const rule: Rule = {
  code: "project-economic-total",
  severity: "error",
  needsAllFigures: true,
  run(ctx) {
    ctx.budget.projects.forEach((p, index) => {
      const how = economicPlacement(p);
      if (how === "none" || how === "whole") return;
      const lines = p.economic;
      const name = p.name.value;
      const report = (span: (typeof lines)[number]["span"], message: Bilingual, hint: Bilingual, data: Record<string, string>) =>
        ctx.report(span, message, {
          related: lines.filter((l) => l.span !== span).slice(0, 3).map((l) => ({ span: l.span, message: bi(`经济科目 ${l.code.value}${l.money ? ` ${l.money.text}` : ""}`, `economic subject ${l.code.value}${l.money ? `: ${l.money.text}` : ""}`) })),
          hint,
          data: { project: name, ...data },
        });
      if (how === "mixed") {
        const bare = lines.find((l) => !l.money)!;
        report(bare.span,
          bi(`项目「${name}」的经济科目 ${bare.code.value} 没有金额，而其他经济科目写了金额：不知道它占项目金额的多少`, `the economic subject ${bare.code.value} of ${name} has no amount while its other economic subjects have one: its share of the project cannot be known`),
          bi("一行不带金额的经济科目表示整个项目；分列时每一行都写金额", "one line without an amount stands for the whole project; when the project is split, give every line its amount"),
          { problem: "mixed" });
      } else if (how === "several-whole") {
        report(lines[1]!.span,
          bi(`项目「${name}」写了 ${lines.length} 个不带金额的经济科目，每一个都表示整个项目`, `${name} has ${lines.length} economic subjects without an amount, each standing for the whole project`),
          bi("只写一个经济科目，或为每一行写金额", "write one economic subject, or give every line its amount"),
          { problem: "several-whole" });
      } else if (how === "several-sources") {
        report(lines[0]!.span,
          bi(`项目「${name}」由 ${new Set(p.amounts.map((a) => a.source)).size} 个资金来源安排，按经济科目分列的金额不知道由哪个来源支出（“三公”经费按财政拨款来源列示）`, `${name} is funded from ${new Set(p.amounts.map((a) => a.source)).size} sources, so its lines by economic subject cannot tell which source pays which (the 三公 table shows 财政拨款 by fund)`),
          bi("把项目按资金来源拆成几个项目，各自分列经济科目", "split the project by source into projects of one source each, and split each by economic subject"),
          { problem: "several-sources" });
      } else {
        const amount: Fen = ctx.model.projectLines[index]!.cells.total;
        const total = sum(lines.map((l) => l.money!.fen));
        if (p.amounts.length === 0 || total === amount) return;
        const unit = lines[0]!.money!.unit;
        const show = (fen: Fen) => (unit === "元" ? yuanText(fen) : wanText(fen));
        report(lines[0]!.span,
          bi(`项目「${name}」按经济科目分列合计 ${show(total)}，但项目金额为 ${show(amount)}（相差 ${differenceText(total, amount, unit)}）`, `the economic subjects of ${name} sum to ${show(total)} but the project's amount is ${show(amount)} (difference ${differenceText(total, amount, unit)})`),
          bi(`各经济科目的金额之和应等于项目金额 ${show(amount)}`, `the amounts by economic subject add up to the project's amount, ${show(amount)}`),
          { problem: "sum", stated: plainWan(total), amount: plainWan(amount) });
      }
    });
  },
};
