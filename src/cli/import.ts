/**
 * `yusuan import WORKBOOK.xlsx --out FILE.budget`: a workbook of the publication's
 * tables (as a department keeps them, or as `build --format xlsx` writes them) back to
 * budget source, for a profile's tables (`--profile`). Writes the source only when every
 * amount read is given back by the budget written (exit 0; its 待补充 statements are the
 * checker's warnings); otherwise prints where the workbook disagrees and writes nothing
 * (exit 1). Exit 2 for usage: no workbook, an unknown profile, an existing output
 * without --force.
 */
import { sortDiagnostics } from "../base/diagnostics.js";
import { builtinCatalogue } from "../catalogue/catalogue.js";
import { importWorkbook, type ImportResult } from "../import/import.js";
import { DEFAULT_PROFILE } from "../model/spec.js";
import { profileNames } from "./profile-names.js";
import { Profiles, readProfile } from "./profiles.js";
import type { Io } from "./io.js";
import { diagnosticsText, type Lang } from "./report.js";

export interface ImportOptions {
  workbook: string;
  out: string;
  /** The format whose tables to recognise; by default each format's in turn, the first found. */
  profile?: string;
  force: boolean;
  lang: Lang;
}

export async function importCommand(io: Io, o: ImportOptions): Promise<number> {
  const bytes = io.readBytes(o.workbook);
  if (bytes === undefined) {
    io.err(o.lang === "zh" ? `yusuan: 无法读取 ${o.workbook}\n` : `yusuan: cannot read ${o.workbook}\n`);
    return 2;
  }
  if (io.exists(o.out) && !o.force) {
    io.err(o.lang === "zh" ? `yusuan: ${o.out} 已存在；用 --force 覆盖\n` : `yusuan: ${o.out} exists; use --force to replace it\n`);
    return 2;
  }
  // The format asked for, or each format in turn (the default first) until one's tables are found.
  const names = o.profile !== undefined ? [o.profile] : [DEFAULT_PROFILE, ...profileNames(io).filter((n) => n !== DEFAULT_PROFILE)];
  let r: ImportResult | undefined;
  for (const name of names) {
    const read = readProfile(io, name);
    if ("problem" in read) {
      if (o.profile === undefined) continue;
      io.err(`yusuan: ${read.problem}\n`);
      return 2;
    }
    const tried = await importWorkbook({ bytes, workbook: o.workbook, out: o.out, profile: read.profile, profiles: new Profiles(io, name), catalogueFor: builtinCatalogue });
    // The first try's answer stands when no format's tables are in the workbook.
    r ??= tried;
    if (!noTablesOf(tried)) {
      r = tried;
      break;
    }
  }
  if (!r) {
    io.err(o.lang === "zh" ? "yusuan: 没有可用的公开格式\n" : "yusuan: no format could be read\n");
    return 2;
  }
  const ds = sortDiagnostics(r.diagnostics);
  // The import's own messages point into the workbook; the checks' into the source written.
  const sources = { get: (p: string) => (p === o.out && r.text !== undefined ? { path: p, text: r.text } : undefined) };
  if (ds.length) io.err(diagnosticsText(ds, sources, o.lang, io.isTTY));
  if (r.text === undefined) {
    io.err(o.lang === "zh" ? "导入发现错误，未写出文件。\n" : "the import found errors; nothing was written.\n");
    return 1;
  }
  io.writeFile(o.out, r.text);
  const pending = (r.text.match(/^\s*待补充 /gm) ?? []).length;
  io.out(
    o.lang === "zh"
      ? `${o.out}：从 ${r.tables} 张表读入 ${r.amounts} 个金额，与重新生成的表逐格一致；${pending} 处待补充，运行 yusuan check 查看\n`
      : `${o.out}: ${r.amounts} amounts read from ${r.tables} tables, each given back by the tables built from it; ${pending} facts to write (待补充): run yusuan check\n`,
  );
  return 0;
}

/** True when the import found none of the format's tables in the workbook. */
function noTablesOf(r: ImportResult): boolean {
  return r.tables === 0 && r.diagnostics.some((d) => d.code === "import-table-missing" && d.data?.["profile"] !== undefined);
}
