/**
 * The budget source an import writes: the department, its units, the basic lines, the
 * projects and the carry-overs the tables gave, and a `待补充 "…"` statement for each
 * fact they could not give (duties, categories, last year's figures, the forms, …),
 * which `yusuan check` reports until it is written (rule pending-content). The text is
 * printed by the formatter, so it is canonical (`yusuan fmt` leaves it as it is).
 */
import { groupThousands, type Fen } from "../base/money.js";
import type { SourceKey } from "../model/keys.js";
import { DEFAULT_PROFILE } from "../model/spec.js";
import { exactDecimal } from "../render/csv.js";
import type { Draft, DraftProject } from "./solve.js";

const SOURCE_WORD: Readonly<Record<SourceKey, string>> = {
  general: "一般公共预算",
  fund: "政府性基金预算",
  capital: "国有资本经营预算",
  specialAccount: "财政专户管理资金",
  unitFunds: "单位资金",
};

/** An amount as the language writes it: "1,220.00万元". */
export function moneyText(fen: Fen, unit: "万元" | "元" = "万元"): string {
  const text = exactDecimal(fen, unit);
  // Whole 元 are written without decimals, as tables in 元 print them.
  return `${groupThousands(unit === "元" ? text.replace(/\.00$/, "") : text)}${unit}`;
}

const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export interface SourceInput {
  readonly draft: Draft;
  readonly year: number;
  readonly department: string;
  /** The workbook's file name and the profile, for the header comment. */
  readonly workbook: string;
  readonly profile: string;
  /** The unit the tables print (the profile's first table's): amounts are written in it. */
  readonly unit?: "万元" | "元";
}

/** `named`: the department has several units, so every item names its own. */
function item(keyword: "项目" | "结转", p: DraftProject, dept: string, lines: string[], named: boolean, unit: "万元" | "元"): void {
  lines.push(`${keyword} ${quote(p.name)} {`);
  if (named || p.unit !== dept) lines.push(`  单位 ${quote(p.unit)}`);
  if (p.subject) lines.push(`  科目 ${p.subject}`);
  if (p.residual) lines.push(`  待补充 ${quote(`项目：预算表没有逐项列出科目 ${p.subject ?? ""} 的这部分${keyword === "项目" ? "项目支出" : "上年结转"}，这里是它的合计，请分列为各个项目并核对资金来源`)}`);
  if (!p.subject) lines.push(`  待补充 ${quote("科目：预算表没有给出这一项的功能科目")}`);
  else if (p.subjectInferred) lines.push(`  待补充 ${quote(`科目：按各科目的金额推定为 ${p.subject}，有不止一种分法，请核对`)}`);
  if (keyword === "项目") {
    lines.push("  类别 其他运转类");
    lines.push(`  待补充 ${quote("类别：预算表没有项目类别，暂写其他运转类；特定目标类项目请改写")}`);
  }
  for (const [k, word] of Object.entries(SOURCE_WORD) as [SourceKey, string][]) {
    const f = p.amounts[k];
    if (f !== undefined && f !== 0) lines.push(`  ${word} ${moneyText(f, unit)}`);
  }
  if (p.economic) lines.push(`  经济科目 ${p.economic}`);
  if (p.note) lines.push(`  待补充 ${quote(p.note)}`);
  lines.push("}", "");
}

/** The budget source of a draft, before formatting. */
export function budgetSource(s: SourceInput): string {
  const { draft, department } = s;
  const unit = s.unit ?? "万元";
  const lines: string[] = [
    `# ${department} ${s.year}年度部门预算，由 yusuan import 从 ${s.workbook} 的预算表（${s.profile}）生成。`,
    "# 金额都来自预算表；表中没有的内容以「待补充」语句标出，yusuan check 逐条提示，写好后删除该语句。",
    "",
    `部门 ${quote(department)} {`,
    // The format the tables were read in is the one the budget is published in.
    ...(s.profile !== DEFAULT_PROFILE ? [`  公开格式 ${s.profile}`] : []),
    `  年度 ${s.year}`,
    `  金额单位 ${unit}`,
    ...(draft.kind ? [`  类型 ${draft.kind}`] : []),
    `  待补充 ${quote("部门编码：预算表中没有，暂写 0")}`,
    ...(draft.kind && draft.kindInferred ? [`  待补充 ${quote(`类型：按表六的政府经济科目推定为${draft.kind}，请核对`)}`] : []),
    ...(draft.kind ? [] : [`  待补充 ${quote("类型：行政单位、参公事业单位或事业单位")}`]),
    `  待补充 ${quote("职责：本部门职责")}`,
    `  待补充 ${quote("机构设置：机构设置情况与内设机构")}`,
    `  待补充 ${quote("编制：核定编制、实际在职、其中在编、其他人员")}`,
    "}",
    "",
  ];
  for (const u of draft.units) {
    if (u.name === department && draft.units.length === 1 && !u.kind) continue;
    lines.push(`单位 ${quote(u.name)} {`, ...(u.kind ? [`  类型 ${u.kind}`] : [`  待补充 ${quote("类型：这个预算单位的单位类型")}`]), ...(u.note ? [`  待补充 ${quote(u.note)}`] : []), "}", "");
  }
  // With several units, every basic block and item names its unit (the check asks for it).
  const named = draft.units.length > 1;
  const byUnit = new Map<string, typeof draft.basic>();
  for (const l of draft.basic) {
    const u = l.unit ?? (named ? department : "");
    byUnit.set(u, [...(byUnit.get(u) ?? []), l]);
  }
  for (const [owner, ls] of byUnit) {
    lines.push(`基本支出${owner ? ` ${quote(owner)}` : ""} {`);
    if (draft.basicSplit) lines.push(`  待补充 ${quote("基本支出：表六只分经济科目，表三、表五只分功能科目，各行的功能科目按科目顺序推定，请核对")}`);
    for (const l of ls) {
      lines.push(`  支出 ${l.subject} ${l.economic} ${moneyText(l.fen, unit)}${l.source === "general" ? "" : ` ${SOURCE_WORD[l.source]}`}`);
      if (l.note === "经济科目") lines.push(`  待补充 ${quote(`经济科目：${SOURCE_WORD[l.source]}的基本支出表中不分经济科目，暂写 30299`)}`);
      if (l.note === "功能科目") lines.push(`  待补充 ${quote("功能科目：这一行的金额超出了表三、表五的基本支出，请核对")}`);
    }
    lines.push("}", "");
  }
  for (const p of draft.projects) item("项目", p, department, lines, named, unit);
  for (const c of draft.carryovers) item("结转", c, department, lines, named, unit);
  lines.push(
    `待补充 ${quote("上年：上年收入总计、一般公共预算当年支出、“三公”经费和变动原因（情况说明与上年比较要用）")}`,
    `待补充 ${quote("政府采购：货物、工程、服务")}`,
    `待补充 ${quote("国有资产：车辆、办公用房、设备")}`,
    `待补充 ${quote("其他说明：政府购买服务与其他")}`,
    `待补充 ${quote("整体绩效：部门整体支出绩效目标申报表")}`,
    ...(draft.projects.length ? [`待补充 ${quote("绩效：每个项目的项目支出绩效目标表")}`] : []),
  );
  return lines.join("\n") + "\n";
}
