/**
 * Every row of the tables has a name. Each functional subject a budget uses, with its 款
 * and its 类 (the rows of 表二, 表三, 表五, 表八 and 表九), and each economic subject of a
 * 一般公共预算 basic line, with its 类 and the 政府 subject it maps to (表六), is named by
 * the catalogue in use or by the budget (a name beside the code, or 科目名). A row
 * without either would be printed with a blank cell.
 */
import { bi } from "../../base/diagnostics.js";
import type { Span } from "../../base/source.js";
import { MAX_RELATED } from "../facts.js";
import { catalogueName, ECONOMIC_SHAPE, FUNCTIONAL_SHAPE, functionalCodes } from "../subjects.js";
import type { Rule } from "../rule.js";

const FUNCTIONAL_LEVEL: Record<number, string> = { 3: "类", 5: "款", 7: "项" };
const TREE_TABLES = bi("表二、表三等科目表", "the subject tables (表二, 表三, …)");
const TABLE_SIX = bi("表六", "表六");

export const rule: Rule = {
  code: "subject-name-missing",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const cat = ctx.catalogue;
    // The names and units the derivation resolved, which the tables print from.
    const names = ctx.model.names;
    const named = (code: string) => catalogueName(cat, code) !== undefined || names.has(code);
    /** Rows without a name, each with the places that put it in a table. */
    const missing = new Map<string, { level: string; table: { zh: string; en: string }; spans: Span[]; via: Set<string> }>();
    const need = (code: string, level: string, table: { zh: string; en: string }, span: Span, via: string) => {
      if (named(code)) return;
      let m = missing.get(code);
      if (!m) missing.set(code, (m = { level, table, spans: [], via: new Set() }));
      m.spans.push(span);
      if (via !== code) m.via.add(via);
    };

    for (const { code, uses } of functionalCodes(ctx.budget)) {
      if (!FUNCTIONAL_SHAPE.test(code)) continue; // subject-hierarchy reports it
      const rows = [code.slice(0, 3), ...(code.length > 3 ? [code.slice(0, 5)] : []), ...(code.length > 5 ? [code] : [])];
      for (const row of rows) for (const u of uses) need(row, FUNCTIONAL_LEVEL[row.length]!, TREE_TABLES, u.span, code);
    }

    const units = ctx.model.units;
    for (const l of ctx.budget.basic) {
      const e = l.economic.value;
      if (l.source.value !== "一般公共预算" || !ECONOMIC_SHAPE.test(e)) continue;
      const group = cat.economic(e)?.parent ?? e.slice(0, 3);
      need(group, "类", TABLE_SIX, l.economic.span, e);
      if (group !== e) need(e, "款", TABLE_SIX, l.economic.span, e);
      const kind = units.kindOf(units.unitOf(l.unit));
      const gov = cat.mapToGovernment(e, kind);
      if (gov === undefined) {
        // Without a mapping the 政府 subject's cell of 表六 would be blank. (A 类 on a line
        // is subject-hierarchy's to report, an unknown code unknown-economic-subject's.)
        if (e.length === 5 && (cat.economic(e) || names.has(e))) need(`${e}→${kind}`, "政府", TABLE_SIX, l.economic.span, e);
        continue;
      }
      need(gov, "政府经济科目", TABLE_SIX, l.economic.span, e);
    }

    for (const [code, m] of missing) {
      const [first, ...rest] = m.spans;
      const related = rest.slice(0, MAX_RELATED).map((span) => ({ span, message: bi("也用在这里", "also used here") }));
      if (m.level === "政府") {
        const [dept, kind] = code.split("→") as [string, string];
        ctx.report(first!,
          bi(`表六中 ${dept} 这一行没有政府经济科目：分类目录（${cat.description}）没有${kind}的 ${dept} 对应哪个政府经济科目`, `the 表六 row of ${dept} has no 政府 subject: the catalogue (${cat.description}) does not map ${dept} of a ${kind} to one`),
          {
            related,
            hint: bi(`在分类目录的对应关系（mapping）中加上${kind}的 ${dept}（格式见 docs/catalogue.md）`, `add ${dept} for a ${kind} to the catalogue's mapping (format in docs/catalogue.md)`),
            data: { subject: dept, kind },
          });
        continue;
      }
      const via = [...m.via];
      const because = via.length > 0 ? bi(`（${via.slice(0, 3).join("、")} 用到它）`, ` (used by ${via.slice(0, 3).join(", ")})`) : bi("", "");
      ctx.report(first!,
        bi(
          `${m.table.zh}中${m.level} ${code} 这一行没有名称${because.zh}：分类目录（${cat.description}）中没有它，预算中也没有写`,
          `the row of the ${m.level} ${code} in ${m.table.en} has no name${because.en}: neither the catalogue (${cat.description}) nor the budget names it`,
        ),
        {
          related,
          hint: bi(`在文件顶层写 科目名 ${code} "名称"，或在编码后写出名称，或在分类目录中加上它`, `write 科目名 ${code} "NAME" at the top level, or the name after the code, or add it to the catalogue`),
          data: { subject: code },
        });
    }
  },
};
