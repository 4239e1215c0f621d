/**
 * A code has one name. A name written for a code (科目 2010502 "一般行政管理事务" on a
 * project or carry-over, a name after either code of a basic line, 科目名 20701 "文化和旅游")
 * is the name the catalogue gives that code; where the catalogue lacks the code, every
 * name written for it is the first one written. Names repeat under different parents, so
 * the code decides.
 */
import { bi } from "../../base/diagnostics.js";
import { writtenNames, type WrittenName } from "../../model/names.js";
import { normaliseName } from "../facts.js";
import { catalogueName } from "../subjects.js";
import type { Rule } from "../rule.js";
import { quote } from "../../syntax/values.js";

export const rule: Rule = {
  code: "subject-name-mismatch",
  severity: "error",
  needsAllFigures: false,
  run(ctx) {
    const first = new Map<string, WrittenName>();
    for (const w of writtenNames(ctx.budget)) {
      const code = w.code.value;
      const known = catalogueName(ctx.catalogue, code);
      if (known !== undefined) {
        if (normaliseName(known) === normaliseName(w.name.value)) continue;
        ctx.report(w.name.span,
            bi(
              `科目 ${code} 写作“${w.name.value}”，但分类目录（${ctx.catalogue.description}）中它是“${known}”`,
              `the subject ${code} is named ${w.name.value} here, but the catalogue (${ctx.catalogue.description}) names it ${known}`,
            ),
            {
              related: [{ span: w.code.span, message: bi("编码在这里", "the code is here") }],
              hint: bi(`改为“${known}”，或核对编码；也可以只写编码，名称由目录给出`, `write ${known}, or check the code; the name can also be left out, the catalogue supplies it`),
              data: { subject: code, written: w.name.value, catalogue: known },
              fix: { title: bi(`改为“${known}”`, `write ${known}`), span: w.name.span, replacement: quote(known) },
            });
        continue;
      }
      const f = first.get(code);
      if (!f) {
        first.set(code, w);
        continue;
      }
      if (normaliseName(f.name.value) === normaliseName(w.name.value)) continue;
      ctx.report(w.name.span,
          bi(`科目 ${code} 写作“${w.name.value}”，但前面写作“${f.name.value}”；分类目录（${ctx.catalogue.description}）中没有它`, `the subject ${code} is named ${w.name.value} here but ${f.name.value} before; the catalogue (${ctx.catalogue.description}) does not have it`),
          {
            related: [{ span: f.name.span, message: bi(`第一次写作“${f.name.value}”`, `first named ${f.name.value}`) }],
            hint: bi("一个编码只有一个名称：统一写法，或只在一处（如 科目名 语句）写名称", "a code has one name: write it the same way, or in one place only (a 科目名 statement)"),
            data: { subject: code, written: w.name.value, first: f.name.value },
          });
    }
  },
};
