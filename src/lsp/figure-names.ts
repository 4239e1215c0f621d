/**
 * The names of the figures of a publication, as an editor shows them. A figure is found
 * by its JSON pointer (model/provenance.ts `figures`); its name is read off the objects
 * along that pointer: the part of the document it is in (a table by its ordinal and title,
 * a section of the 情况说明 by its heading, a chart by its title, a form by its project),
 * then each row on the way (a subject by code and name, a project by its unit and name, a
 * line by its label), then the column. Nothing is computed here: every word is the
 * publication's, or the name of one of its fields.
 */
import { bi, type Bilingual } from "../base/diagnostics.js";
import type { Publication } from "../model/types.js";
import { DEFAULT_HEADINGS } from "../render/profile.js";

/** A figure's name, its part of the document, and the row it is in. */
export interface FigureName {
  /** The part of the document: 表五, 情况说明, 项目绩效目标表 …, by which many figures are counted. */
  readonly part: Bilingual;
  /** The whole name: 表五 2024年一般公共预算支出预算表（不含上年结转） · 2010502 一般行政管理事务 · 项目支出. */
  readonly name: Bilingual;
  /** The codes and names of the row the figure is in (its innermost listed object), to match a statement against. */
  readonly row: { readonly codes: readonly string[]; readonly names: readonly string[] };
}

type Obj = Record<string, unknown>;

/**
 * The words of the fields that lead to a figure or are one. A field holding a list is not
 * named (its element is); a field named "" is passed over (`cells`, `figure`, `amount`: the
 * row before it says what it is).
 */
const FIELD: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  cells: ["", ""],
  figure: ["", ""],
  amount: ["", ""],
  total: ["合计", "合计 (total)"],
  basic: ["基本支出", "基本支出 (basic)"],
  project: ["项目支出", "项目支出 (projects)"],
  general: ["一般公共预算", "一般公共预算 (general public budget)"],
  fund: ["政府性基金预算", "政府性基金预算 (government funds)"],
  capital: ["国有资本经营预算", "国有资本经营预算 (state capital)"],
  specialAccount: ["财政专户管理资金", "财政专户管理资金 (special accounts)"],
  unitFunds: ["单位资金", "单位资金 (unit funds)"],
  socialInsurance: ["社会保险基金预算资金", "社会保险基金预算资金 (social insurance)"],
  carryover: ["上年结转", "上年结转 (carried over)"],
  current: ["当年", "当年 (this year)"],
  personnel: ["人员经费", "人员经费 (personnel)"],
  public: ["公用经费", "公用经费 (running costs)"],
  lastYear: ["上年", "上年 (last year)"],
  change: ["增减", "增减 (change)"],
  executed: ["上年执行数", "上年执行数 (last year's execution)"],
  incomeSubtotal: ["本年收入合计", "本年收入合计 (this year's income)"],
  incomeTotal: ["收入总计", "收入总计 (total income)"],
  expenditureSubtotal: ["本年支出合计", "本年支出合计 (this year's spending)"],
  expenditureTotal: ["支出总计", "支出总计 (total spending)"],
  yearEndCarryover: ["年终结转", "年终结转 (carried forward)"],
  income: ["收入总计", "收入总计 (total income)"],
  expenditure: ["支出总计", "支出总计 (total spending)"],
  currentIncome: ["本年收入", "本年收入 (this year's income)"],
  currentExpenditure: ["本年预算安排", "本年预算安排 (this year's spending)"],
  carryoverExpenditure: ["上年结转安排", "上年结转安排 (carried-over spending)"],
  spending: ["一般公共预算当年支出", "一般公共预算当年支出 (general public budget spending)"],
  fiscal: ["财政拨款", "财政拨款 (fiscal appropriations)"],
  vehicles: ["公务用车购置及运行费", "公务用车购置及运行费 (official vehicles)"],
  procurement: ["政府采购", "政府采购 (procurement)"],
  goods: ["货物", "货物 (goods)"],
  works: ["工程", "工程 (works)"],
  services: ["服务", "服务 (services)"],
  smeReserved: ["中小企业预留", "中小企业预留 (reserved for SMEs)"],
  smallMicroReserved: ["小型和微型企业预留", "小型和微型企业预留 (reserved for small and micro firms)"],
  coverage: ["绩效目标设置", "绩效目标设置 (performance targets)"],
  projects: ["纳入绩效目标管理的项目", "纳入绩效目标管理的项目 (projects under performance management)"],
  forms: ["公开绩效目标的项目", "公开绩效目标的项目 (projects with published targets)"],
  budget: ["年度预算情况", "年度预算情况 (the year's budget)"],
  bySource: ["按资金来源", "按资金来源 (by source)"],
  byDirection: ["按支出方向", "按支出方向 (by use)"],
  annualFunding: ["年度资金总额", "年度资金总额 (the year's funding)"],
  periodFunding: ["实施期资金总额", "实施期资金总额 (the period's funding)"],
  central: ["中央财政资金", "中央财政资金 (central)"],
  provincial: ["省级财政资金", "省级财政资金 (provincial)"],
  local: ["市县财政资金", "市县财政资金 (city and county)"],
  selfRaised: ["单位自筹", "单位自筹 (self-raised)"],
  other: ["其他资金", "其他资金 (other)"],
};

/** A field that means something else in one part of the publication: `explanations/income` is this year's income alone. */
const FIELD_IN: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  "explanations/income": ["本年收入", "本年收入 (this year's income)"],
};

const PART: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  prose: ["情况说明", "情况说明 (explanation)"],
  explanations: ["说明", "说明 (explanations)"],
  charts: ["图表", "图表 (charts)"],
  overallForm: ["整体绩效目标表", "整体绩效目标表 (overall performance form)"],
  projectForms: ["项目绩效目标表", "项目绩效目标表 (project performance forms)"],
  ledger: ["数据包明细", "数据包明细 (data package ledger)"],
};

const unescape = (s: string): string => s.replace(/~1/g, "/").replace(/~0/g, "~");
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** How a listed object (a row, a line, a form) names itself. */
function elementName(o: Obj, index: number): string {
  const code = str(o.code);
  const name = str(o.name);
  if (o.kind === "basic" || o.kind === "project" || o.kind === "carryover") {
    // A ledger entry: an amount as the author wrote it.
    const source = str(o.source) ?? "";
    if (o.kind === "basic") return `基本支出 ${str(o.subject) ?? ""} ${str(o.economic) ?? ""} ${source}`.replace(/ +/g, " ").trim();
    return `${o.kind === "project" ? "项目" : "结转"}「${name ?? ""}」${source}`;
  }
  // A subject the explanations list names itself by its 项, else its 款, else its 类.
  const named = name ?? [o.xiang, o.kuan, o.lei].map((x) => (x && typeof x === "object" ? str((x as Obj).name) : undefined)).find((x) => x !== undefined);
  if (code !== undefined) return named !== undefined ? `${code} ${named}` : code;
  // Projects whose category is not written are counted together.
  if (o.category === "") return "未写类别";
  // The one row of a one-row table has no name: the table and the column say it all.
  if (o.name === "" && o.cells !== undefined) return "";
  return str(o.label) ?? name ?? (str(o.project) !== undefined ? `「${str(o.project)}」` : undefined) ?? str(o.source) ?? str(o.category) ?? `#${index + 1}`;
}

/** The codes and names a listed object stands for. */
function rowOf(o: Obj | undefined): FigureName["row"] {
  if (!o) return { codes: [], names: [] };
  const codes = [str(o.code), str(o.subject), str(o.economic)].filter((x): x is string => x !== undefined);
  // A subject row's name is the catalogue's, not a statement's: only what has no code names a project.
  const names = str(o.code) === undefined ? [str(o.name), str(o.project)].filter((x): x is string => x !== undefined) : [];
  return { codes, names };
}

/** The name of the figure at a JSON pointer of the publication. */
export function figureName(pub: Publication, pointer: string): FigureName {
  const segs = pointer.split("/").slice(1).map(unescape);
  const zh: string[] = [];
  const en: string[] = [];
  let part: Bilingual = bi(segs[0] ?? "", segs[0] ?? "");
  let node: unknown = pub;
  let row: Obj | undefined;
  /** Column labels of a table a profile defines, by key. */
  let columns: ReadonlyMap<string, string> | undefined;
  // Consecutive listed objects (a unit, then its project) name one row: 单位 › 项目.
  let inRow = false;
  const push = (z: string, e: string, listed: boolean) => {
    if (!z) return;
    if (listed && inRow) {
      zh[zh.length - 1] += ` › ${z}`;
      en[en.length - 1] += ` › ${e}`;
    } else {
      zh.push(z);
      en.push(e);
    }
    inRow = listed;
  };

  let i = 0;
  const top = segs[0];
  if (top === "tables" || top === "profileTables") {
    const t = (node as Obj)[top] as Obj;
    const table = (t[segs[1]!] ?? {}) as Obj;
    const head = [str(table.ordinal), str(table.title)].filter(Boolean).join(" ");
    part = bi(str(table.ordinal) ?? head, str(table.ordinal) ?? head);
    push(head, head, false);
    if (Array.isArray(table.columns)) columns = new Map((table.columns as Obj[]).map((c) => [String(c.key), String(c.label)]));
    node = table;
    i = 2;
  } else if (top === "prose") {
    const key = segs[1] as keyof typeof DEFAULT_HEADINGS;
    const kind = pub.header.self === "本单位" ? "单位" : "部门";
    const heading = (DEFAULT_HEADINGS[key] ?? key).replace("{kind}", kind).replace("{self}", pub.header.self);
    part = bi(PART.prose![0], PART.prose![1]);
    push(`${PART.prose![0]} ${heading}`, `${PART.prose![1]} ${heading}`, false);
    node = (pub.prose as unknown as Obj)[key];
    i = 2;
  } else if (top === "charts") {
    const chart = ((pub.charts as unknown as Obj)[segs[1]!] ?? {}) as Obj;
    part = bi(PART.charts![0], PART.charts![1]);
    push(str(chart.title) ?? segs[1]!, str(chart.title) ?? segs[1]!, false);
    node = chart;
    i = 2;
  } else if (top !== undefined && PART[top]) {
    part = bi(PART[top]![0], PART[top]![1]);
    push(PART[top]![0], PART[top]![1], false);
    node = (pub as unknown as Obj)[top];
    i = 1;
  }

  for (; i < segs.length; i++) {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    if (Array.isArray(node)) {
      const el = node[Number(seg)] as unknown;
      if (el && typeof el === "object") {
        row = el as Obj;
        const n = elementName(row, Number(seg));
        push(n, n, true);
      }
      node = el;
      continue;
    }
    const next = node && typeof node === "object" ? (node as Obj)[seg] : undefined;
    if (!Array.isArray(next)) {
      const column = last ? columns?.get(seg) : undefined;
      const words = column !== undefined ? ([column, column] as const) : (FIELD_IN[`${top}/${seg}`] ?? FIELD[seg]);
      // A field the list above does not name is named by what it holds (表十二's department row), else by its key.
      const own = next && typeof next === "object" ? str((next as Obj).name) : undefined;
      if (words) push(words[0], words[1], false);
      else push(own ?? seg, own ?? seg, false);
    }
    node = next;
  }
  return { part, name: bi(zh.join(" · "), en.join(" · ")), row: rowOf(row) };
}
