/**
 * A validator of the data packages yusuan writes, against the descriptor rules that
 * docs/data-package.md lists (Tabular Data Package and Fiscal Data Package 1.0-rc.1,
 * budget taxonomy). It returns the rules broken, as sentences; none means valid.
 */
import { parseCsv } from "./csv.js";

/** The budget taxonomy's ColumnTypes, with {n} for its numbered levels. */
const TAXONOMY = [
  "value",
  "value-kind:code",
  "value-kind:label",
  "value-currency:code",
  "value-currency:label",
  "date:fiscal-year",
  "date:fiscal:activity-approval",
  "date:fiscal:activity-end",
  "date:fiscal:activity-start",
  "date:generic",
  "functional-classification:generic:code",
  "functional-classification:generic:label",
  "functional-classification:generic:level{n}:code",
  "functional-classification:generic:level{n}:label",
  "functional-classification:generic:level{n}:description",
  "economic-classification:generic:code",
  "economic-classification:generic:label",
  "economic-classification:generic:level{n}:code",
  "economic-classification:generic:level{n}:label",
  "administrative-classification:generic:code",
  "administrative-classification:generic:label",
  "administrative-classification:generic:level{n}:code",
  "administrative-classification:generic:level{n}:label",
  "activity:generic:program:code",
  "activity:generic:program:label",
  "activity:generic:project:code",
  "activity:generic:project:label",
  "budget-line-id",
  "direction",
  "phase:id",
  "phase:label",
  "expenditure-type:code",
  "expenditure-type:label",
  "fin-source:generic:code",
  "fin-source:generic:label",
];
const KNOWN = TAXONOMY.map((t) => new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace("\\{n\\}", "[1-8]").replace("{n}", "[1-8]")}$`));
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"]);
const NAME = /^[-a-z0-9._/]+$/;
const LABELS_ALONE = new Set(["administrative-classification:generic:level2:label", "activity:generic:project:label"]);

interface Field {
  name?: unknown;
  type?: unknown;
  columnType?: unknown;
}

/** The rules a package breaks; `files` maps its paths to their text, `total` is 支出总计 in 分. */
export function validateDataPackage(files: ReadonlyMap<string, string>, total: bigint): string[] {
  const broken: string[] = [];
  const text = files.get("datapackage.json");
  if (text === undefined) return ["1: no datapackage.json"];
  let d: Record<string, unknown>;
  try {
    d = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return ["1: datapackage.json is not JSON"];
  }
  if (d["profile"] !== "tabular-data-package") broken.push("1: profile is not tabular-data-package");
  if (typeof d["name"] !== "string" || !NAME.test(d["name"])) broken.push("1: name is missing or not lower-case");
  const resources = d["resources"];
  if (!Array.isArray(resources) || resources.length === 0) return [...broken, "1: no resources"];
  for (const r of resources as Record<string, unknown>[]) {
    if (typeof r["name"] !== "string" || !NAME.test(r["name"])) broken.push("2: a resource's name");
    if (r["profile"] !== "tabular-data-resource") broken.push("2: a resource's profile");
    const path = r["path"];
    if (typeof path !== "string" || path.startsWith("/") || path.split("/").includes("..")) {
      broken.push("2: a resource's path is not inside the package");
      continue;
    }
    if (r["format"] !== "csv" || r["encoding"] !== "utf-8") broken.push("2: format csv, encoding utf-8");
    const fields = ((r["schema"] as { fields?: unknown } | undefined)?.fields ?? []) as Field[];
    if (!Array.isArray(fields) || fields.length === 0) {
      broken.push("2: no fields");
      continue;
    }
    const names = fields.map((f) => String(f.name));
    if (new Set(names).size !== names.length) broken.push("2: field names repeat");
    for (const f of fields) if (typeof f.type !== "string" || !TYPES.has(f.type)) broken.push(`2: ${String(f.name)} has no Table Schema type`);
    const types = fields.map((f) => f.columnType).filter((t): t is string => typeof t === "string");
    for (const t of types) if (!KNOWN.some((k) => k.test(t))) broken.push(`3: ${t} is not a ColumnType of the budget taxonomy`);
    for (const need of ["value", "value-currency:code", "date:fiscal-year", "direction", "phase:id", "fin-source:generic:code"]) {
      if (!types.includes(need)) broken.push(`4: no ${need} column`);
    }
    if (!types.some((t) => /^functional-classification:.*code$/.test(t))) broken.push("4: no functional classification");
    // A budget names its units and projects and does not number them: their labels stand alone.
    for (const t of types.filter((x) => x.endsWith(":label") && !LABELS_ALONE.has(x))) {
      const base = t.slice(0, -":label".length);
      if (!types.includes(`${base}:code`) && !types.includes(`${base}:id`)) broken.push(`5: ${t} labels no column`);
    }
    const csv = files.get(path);
    if (csv === undefined) {
      broken.push(`6: no file ${path}`);
      continue;
    }
    const rows = parseCsv(csv);
    if (rows[0]?.join(",") !== names.join(",")) broken.push("6: the header is not the fields' names");
    let sum = 0n;
    rows.slice(1).forEach((row, i) => {
      if (row.length !== names.length) broken.push(`6: row ${i + 2} has ${row.length} values`);
      fields.forEach((f, k) => {
        const v = row[k] ?? "";
        if (f.type === "integer" && !/^-?\d+$/.test(v)) broken.push(`6: row ${i + 2} ${names[k]} is not an integer`);
        if (f.type === "number" && v !== "" && !/^-?\d+(\.\d+)?$/.test(v)) broken.push(`6: row ${i + 2} ${names[k]} is not a number`);
        if (f.columnType === "value") {
          if (v === "") broken.push(`6: row ${i + 2} has no value`);
          else {
            const [int, frac = ""] = v.replace("-", "").split(".");
            const fen = BigInt(int!) * 100n + BigInt((frac + "00").slice(0, 2));
            sum += v.startsWith("-") ? -fen : fen;
          }
        }
      });
    });
    if (sum !== total) broken.push(`7: the values add up to ${sum} 分, not ${total}`);
  }
  return broken;
}
