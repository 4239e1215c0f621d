/**
 * The performance forms of 第三部分 十: the department's overall form
 * (整体支出绩效目标申报表) and one form per project (项目支出绩效目标表), laid out as grids
 * with the row spans of the real forms: 部门基本信息 over the five staffing rows,
 * 项目资金（元） over the six funding rows, and in the indicator block each 一级指标 over
 * its rows and each 二级指标 over its indicators. Amounts print as the forms print them:
 * whole 元 with thousands separators in the project forms, 万元 with two decimals (zeros
 * included) in the overall form's 年度预算情况.
 */
import { yuanGrouped, type Fen } from "../base/money.js";
import type { FundingLevelsModel, IndicatorLevel1, OverallFormModel, ProjectForm } from "../model/types.js";
import { amt0, blank, grid, h, t, type Cell, type GridView, type Row } from "./grid.js";

export interface FormView {
  /** The anchor of the form. */
  readonly id: string;
  readonly title: string;
  /** "（2024年度）". */
  readonly subtitle: string;
  /** The project's name, or "" for the overall form. */
  readonly project: string;
  readonly grid: GridView;
}

const yuan = (fen: Fen | undefined): Cell => t(fen === undefined ? "" : yuanGrouped(fen), { num: true });

/**
 * The indicator rows of a form: per 一级指标 its name over its rows, per 二级指标 its name
 * over its indicators, then `tail` cells for each indicator (its name and values).
 */
function indicatorRows(levels: readonly IndicatorLevel1[], tail: (l2: string, name: string, period: string, annual: string, first: boolean, rows: number) => Cell[]): Row[] {
  const rows: Row[] = [];
  for (const l1 of levels) {
    let first1 = true;
    for (const l2 of l1.groups) {
      l2.indicators.forEach((ind, i) => {
        const cells: Cell[] = [];
        if (first1) cells.push(t(l1.name, { rowspan: l1.rows }));
        first1 = false;
        cells.push(...tail(l2.name, ind.name, ind.period ?? "", ind.annual ?? ind.period ?? "", i === 0, l2.rows));
        rows.push({ cells });
      });
    }
  }
  return rows;
}

/** Counts the rows indicatorRows() yields, which the label cell on their left spans. */
function countRows(levels: readonly IndicatorLevel1[]): number {
  let n = 0;
  for (const l1 of levels) for (const l2 of l1.groups) n += l2.indicators.length;
  return n;
}

/** 县（区）级预算部门（单位）整体支出绩效目标申报表: five columns. */
export function overallFormView(f: OverallFormModel, kind: string, title: string): FormView {
  const s = f.staffing;
  const b = f.budget;
  const label = (x: string, rowspan = 1) => h(x, { rowspan });
  const indicators = indicatorRows(f.indicators, (l2, name, _period, annual, first, span) => [
    ...(first ? [t(l2, { rowspan: span })] : []),
    t(name),
    t(annual),
  ]);
  const n = countRows(f.indicators);
  const body: Row[] = [
    { cells: [h(`${kind}基本信息`, { rowspan: 5 }), label(`${kind}名称`), t(f.department, { colspan: 3 })] },
    { cells: [label("内设职能部门数"), t(`${f.sections}个`), label("所属预算单位数"), t(`${f.units}个`)] },
    {
      cells: [
        label("核定的人员编制数", 3),
        t(s.authorized?.text ?? "", { rowspan: 3 }),
        label("实际在职人员总数"),
        t(s.actual?.text ?? ""),
      ],
    },
    { cells: [label("其中：在编人员数"), t(s.established?.text ?? "")] },
    { cells: [label("其他人员数"), t(s.other?.text ?? "")] },
    { cells: [label(`${kind}职责`), t(f.duties ?? "", { colspan: 4, long: true })] },
    { cells: [label(`${kind}战略目标`), t(f.strategy ?? "", { colspan: 4, long: true })] },
    { cells: [h("年度预算情况", { rowspan: 8 }), label("按资金来源划分"), label("资金总额（万元）"), label("按资金方向划分"), label("资金总额（万元）")] },
    { cells: [t("合计"), amt0(b.bySource.total, { ref: [b.bySource, "total"] }), t("合计"), amt0(b.byDirection.total, { ref: [b.byDirection, "total"] })] },
    { cells: [t("其中：一般公共预算资金"), amt0(b.bySource.general, { ref: [b.bySource, "general"] }), t("其中：基本支出"), amt0(b.byDirection.basic, { ref: [b.byDirection, "basic"] })] },
    { cells: [t("政府性基金预算资金"), amt0(b.bySource.fund, { ref: [b.bySource, "fund"] }), t("项目支出"), amt0(b.byDirection.project, { ref: [b.byDirection, "project"] })] },
    { cells: [t("国有资本经营预算资金"), amt0(b.bySource.capital, { ref: [b.bySource, "capital"] }), blank(2)] },
    { cells: [t("社会保险基金预算资金"), amt0(b.bySource.socialInsurance, { ref: [b.bySource, "socialInsurance"] }), blank(2)] },
    { cells: [t("专户管理资金"), amt0(b.bySource.specialAccount, { ref: [b.bySource, "specialAccount"] }), blank(2)] },
    { cells: [t("单位资金"), amt0(b.bySource.unitFunds, { ref: [b.bySource, "unitFunds"] }), blank(2)] },
    { cells: [h("年度重点任务", { rowspan: 2 }), h("核心职能", { colspan: 2 }), h("重点任务", { colspan: 2 })] },
    { cells: [t(f.coreFunctions ?? "", { colspan: 2, long: true }), t(f.keyTasks ?? "", { colspan: 2, long: true })] },
    { cells: [label("年度绩效目标"), t(f.annualGoal ?? "", { colspan: 4, long: true })] },
    { cells: [h("年度绩效指标", { rowspan: n + 1 }), label("一级指标"), label("二级指标"), label("三级指标"), label("指标值")] },
    ...indicators,
  ];
  if (f.filed) body.push({ cells: [t(`填报日期：${f.filed}`, { colspan: 5 })] });
  return {
    id: "form-overall",
    title,
    subtitle: `（${f.year}）年度`,
    project: "",
    grid: grid(5, [], body),
  };
}

const LEVELS: readonly { key: keyof FundingLevelsModel; label: string }[] = [
  { key: "central", label: "其中：中央财政资金" },
  { key: "provincial", label: "省级财政资金" },
  { key: "local", label: "市县（区）财政资金" },
  { key: "selfRaised", label: "单位自筹" },
  { key: "other", label: "其他资金" },
];

/** 项目支出绩效目标表: eight columns, the 实施期 half of the indicators beside the 年度 half. */
export function projectFormView(f: ProjectForm, year: number, index: number, title: string): FormView {
  const text = (label: string, value: string | undefined): Row => ({ cells: [h(label), t(value ?? "", { colspan: 7, long: true })] });
  const p = f.periodFunding;
  const a = f.annualFunding;
  const funding: Row[] = [
    {
      cells: [
        h("项目资金（元）", { rowspan: 6 }),
        h(`${f.fundingLabel ?? "实施期资金总额"}：`, { colspan: 2 }),
        yuan(p?.total),
        h("年度资金总额：", { colspan: 2 }),
        { ...yuan(a.total), colspan: 2 },
      ],
    },
    ...LEVELS.map(({ key, label }) => ({
      cells: [h(label, { colspan: 2 }), yuan(p?.[key]), h(label, { colspan: 2 }), { ...yuan(a[key]), colspan: 2 }],
    })),
  ];
  const indicators = indicatorRows(f.indicators, (l2, name, period, annual, first, span) => [
    ...(first ? [t(l2, { rowspan: span })] : []),
    t(name),
    t(period),
    ...(first ? [t(l2, { rowspan: span })] : []),
    t(name),
    t(annual),
  ]);
  const n = countRows(f.indicators);
  const body: Row[] = [
    { cells: [h("项目名称"), t(f.project, { colspan: 7 })] },
    { cells: [h("主管部门及代码"), t(f.department, { colspan: 3 }), h("实施单位"), t(f.unit, { colspan: 3 })] },
    { cells: [h("项目属性"), t(f.attribute ?? "", { colspan: 3 }), h("项目期"), t(f.duration ?? "", { colspan: 3 })] },
    ...funding,
    text("项目概况", f.summary),
    text("立项依据", f.basis),
    text("项目设立必要性", f.necessity),
    text("保证项目实施的制度、措施", f.measures),
    text("项目实施计划", f.plan),
    { cells: [h("总体目标", { rowspan: 2 }), h("实施期目标", { colspan: 3 }), h("年度目标", { colspan: 4 })] },
    { cells: [t(f.periodGoal ?? "", { colspan: 3, long: true }), t(f.annualGoal ?? f.periodGoal ?? "", { colspan: 4, long: true })] },
    {
      cells: [
        h("绩效指标", { rowspan: n + 1 }),
        h("一级指标"),
        h("二级指标"),
        h("三级指标"),
        h("指标值"),
        h("二级指标"),
        h("三级指标"),
        h("指标值"),
      ],
    },
    ...indicators,
    // 落款: 负责人, the contact (经办人 or 联系人), 联系电话 and 填报日期; none for 无.
    ...(f.footer === "无"
      ? []
      : [
          {
            cells: [
              t(`负责人：${f.owner ?? ""}`, { colspan: 2 }),
              t(`${f.footer ?? "经办人"}：${f.handler ?? ""}`, { colspan: 2 }),
              t(`联系电话：${f.phone ?? ""}`, { colspan: 2 }),
              t(`填报日期：${f.filed ?? ""}`, { colspan: 2 }),
            ],
          },
        ]),
  ];
  return {
    id: `form-${index + 1}`,
    title: f.title ?? title,
    subtitle: `（${year}年度）`,
    project: f.project,
    grid: grid(8, [], body),
  };
}
