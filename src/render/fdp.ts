/**
 * The budget as a Fiscal Data Package (frictionlessdata.io, version 1.0-rc.1): a
 * Tabular Data Package descriptor, datapackage.json, and one CSV resource with one row
 * per amount of the budget (each basic line, each source's amount of each project and
 * carry-over), every column mapped to a ColumnType of the standard's budget taxonomy:
 * the functional classification (类/款/项), the economic classification (类/款, basic
 * lines only), the fund source, the budget phase, the direction, the kind of amount
 * (this year's or carried over), basic or project expenditure, the budget unit and the
 * project. The rows are the publication's ledger, so they add up to every table.
 *
 * docs/data-package.md states the descriptor rules, and test/office.test.ts checks the
 * package against them. Amounts are in 元, exact, with two decimals, currency CNY.
 */
import { FEN_PER_YUAN, fenFixed } from "../base/money.js";
import { SOURCE_KEY } from "../model/keys.js";
import type { Publication } from "../model/types.js";
import type { DocumentView } from "./view.js";

/** A file of the package: its path inside the package folder and its content. */
export interface PackageFile {
  readonly path: string;
  readonly content: string;
}

/** One column of the resource: its name, Table Schema type, ColumnType and meaning. */
export interface FdpField {
  readonly name: string;
  readonly type: "string" | "integer" | "number";
  readonly columnType: string;
  readonly title: string;
}

/** The columns of the resource, in order. */
export const FDP_FIELDS: readonly FdpField[] = [
  { name: "fiscal_year", type: "integer", columnType: "date:fiscal-year", title: "预算年度" },
  { name: "department_code", type: "string", columnType: "administrative-classification:generic:level1:code", title: "部门编码" },
  { name: "department", type: "string", columnType: "administrative-classification:generic:level1:label", title: "部门名称" },
  { name: "unit", type: "string", columnType: "administrative-classification:generic:level2:label", title: "预算单位" },
  { name: "direction", type: "string", columnType: "direction", title: "收支方向" },
  { name: "phase", type: "string", columnType: "phase:id", title: "预算阶段" },
  { name: "phase_label", type: "string", columnType: "phase:label", title: "预算阶段名称" },
  { name: "amount_kind", type: "string", columnType: "value-kind:code", title: "资金类型" },
  { name: "amount_kind_label", type: "string", columnType: "value-kind:label", title: "资金类型名称" },
  { name: "expenditure_type", type: "string", columnType: "expenditure-type:code", title: "支出类型" },
  { name: "expenditure_type_label", type: "string", columnType: "expenditure-type:label", title: "支出类型名称" },
  { name: "fund_source", type: "string", columnType: "fin-source:generic:code", title: "资金来源" },
  { name: "fund_source_label", type: "string", columnType: "fin-source:generic:label", title: "资金来源名称" },
  { name: "functional_1", type: "string", columnType: "functional-classification:generic:level1:code", title: "功能分类类" },
  { name: "functional_1_label", type: "string", columnType: "functional-classification:generic:level1:label", title: "功能分类类名称" },
  { name: "functional_2", type: "string", columnType: "functional-classification:generic:level2:code", title: "功能分类款" },
  { name: "functional_2_label", type: "string", columnType: "functional-classification:generic:level2:label", title: "功能分类款名称" },
  { name: "functional_3", type: "string", columnType: "functional-classification:generic:level3:code", title: "功能分类项" },
  { name: "functional_3_label", type: "string", columnType: "functional-classification:generic:level3:label", title: "功能分类项名称" },
  { name: "economic_1", type: "string", columnType: "economic-classification:generic:level1:code", title: "部门经济分类类" },
  { name: "economic_1_label", type: "string", columnType: "economic-classification:generic:level1:label", title: "部门经济分类类名称" },
  { name: "economic_2", type: "string", columnType: "economic-classification:generic:level2:code", title: "部门经济分类款" },
  { name: "economic_2_label", type: "string", columnType: "economic-classification:generic:level2:label", title: "部门经济分类款名称" },
  { name: "project", type: "string", columnType: "activity:generic:project:label", title: "项目名称" },
  { name: "amount", type: "number", columnType: "value", title: "金额（元）" },
  { name: "currency", type: "string", columnType: "value-currency:code", title: "币种" },
];

/** The budget phase of a department budget disclosure: the budget as approved (批复). */
const PHASE = { id: "approved", label: "批复预算" } as const;

const KIND = {
  basic: { amount: ["current", "当年预算"], type: ["basic", "基本支出"] },
  project: { amount: ["current", "当年预算"], type: ["project", "项目支出"] },
  carryover: { amount: ["carryover", "上年结转"], type: ["project", "项目支出"] },
} as const;

/** A field quoted when it must be (RFC 4180). */
function field(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A data package name: lower-case letters, digits, ".", "_", "-" and "/". */
export function packageName(pub: Publication, file: string): string {
  const slug = file.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || `budget-${pub.header.code || "department"}-${pub.header.year}`;
}

/** The data package of a publication: datapackage.json and the ledger's CSV. */
export function renderDataPackage(pub: Publication, view: DocumentView, file: string): PackageFile[] {
  // Names of the functional subjects at every level, from 表三 (which covers every item).
  const subjectNames = new Map(pub.tables.t3.rows.map((r) => [r.code, r.name] as const));
  const nameOf = (code: string | undefined) => (code === undefined ? "" : (subjectNames.get(code) ?? ""));
  const rows: string[][] = pub.ledger.map((it) => {
    const s = it.subject ?? "";
    const lei = s.slice(0, 3);
    const kuan = s.length >= 5 ? s.slice(0, 5) : "";
    const xiang = s.length >= 7 ? s : "";
    const kind = KIND[it.kind];
    return [
      String(pub.header.year),
      pub.header.code,
      pub.header.name,
      it.unit,
      "expenditure",
      PHASE.id,
      PHASE.label,
      kind.amount[0],
      kind.amount[1],
      kind.type[0],
      kind.type[1],
      SOURCE_KEY[it.source],
      it.source,
      lei,
      nameOf(lei),
      kuan,
      kuan ? nameOf(kuan) : "",
      xiang,
      xiang ? (nameOf(xiang) || it.subjectName) : "",
      it.economicClass ?? "",
      it.economicClassName ?? "",
      it.economic ?? "",
      it.economicName ?? "",
      it.name ?? "",
      fenFixed(it.amount, FEN_PER_YUAN, 2),
      "CNY",
    ];
  });
  const csvName = `${packageName(pub, file)}.csv`;
  const csv = [FDP_FIELDS.map((f) => f.name), ...rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
  const descriptor = {
    profile: "tabular-data-package",
    name: packageName(pub, file),
    title: view.title,
    description: `${view.title}：每一行是预算的一笔金额（基本支出的一条、项目或上年结转的一个资金来源），带功能分类、经济分类、资金来源和预算阶段。`,
    version: "1.0.0",
    countryCode: "CN",
    keywords: ["budget", "预算公开", "fiscal-data-package"],
    created: new Date(Date.UTC(pub.header.year, 0, 1)).toISOString(),
    // The ColumnTypes are the budget taxonomy's, the package's default.
    columnTypes: ["https://specs.frictionlessdata.io/taxonomies/fiscal/budgets.json"],
    resources: [
      {
        profile: "tabular-data-resource",
        name: "budget",
        title: view.title,
        path: csvName,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", lineTerminator: "\r\n", header: true },
        schema: {
          fields: FDP_FIELDS.map((f) => ({
            name: f.name,
            title: f.title,
            type: f.type,
            ...(f.type === "number" ? { bareNumber: true, decimalChar: "." } : {}),
            columnType: f.columnType,
          })),
        },
      },
    ],
  };
  return [
    { path: "datapackage.json", content: JSON.stringify(descriptor, null, 2) + "\n" },
    { path: csvName, content: csv },
  ];
}
