/**
 * `yusuan catalogue …`: a budget office's classification catalogue.
 *   import FILE… --out PATH   CSV (UTF-8 or GB18030) and .xlsx lists → a catalogue file
 *                             (docs/catalogue.md); problems are reported at their cells
 *   find TEXT                 subjects whose name contains TEXT, or whose code starts with it
 *   show CODE                 a subject: name, level, parents, children; for an economic
 *                             subject its cost type, 三公 item and 政府 subject by kind of unit
 *   diff OLD NEW              codes added, removed, renamed and moved between two catalogues
 * find and show read --catalogue FILE as a budget sees it (filled in from the built-in
 * catalogue of its year), or the built-in catalogue of --year (by default the latest);
 * diff compares what two files list, as they are, or two built-in years (`diff 2024 2025`).
 * Exit: 0 done, 1 problems found (nothing written) or nothing found, 2 usage.
 */
import { hasErrors } from "../base/diagnostics.js";
import { builtinCatalogue, builtinYearFor, BUILTIN_CATALOGUE_YEARS, catalogueAsGiven, resolveCatalogue, UNIT_KINDS } from "../catalogue/catalogue.js";
import { diffCatalogues, LISTS, type CatalogueChange } from "../catalogue/diff.js";
import { catalogueOfData } from "../catalogue/named.js";
import type { Layout } from "../catalogue/tabular.js";
import type { Catalogue, EconomicSubject, FunctionalSubject, SubjectList } from "../catalogue/types.js";
import { readCatalogueFiles, reportRead } from "./catalogue.js";
import type { Io } from "./io.js";
import { diagnosticsJson, type Lang } from "./report.js";

const LIST_NAME: Record<SubjectList, Record<Lang, string>> = {
  functional: { zh: "支出功能分类", en: "functional classification" },
  department: { zh: "部门预算支出经济分类", en: "部门 economic classification" },
  government: { zh: "政府预算支出经济分类", en: "政府 economic classification" },
};

const LAYOUT_NAME: Record<Layout, Record<Lang, string>> = {
  flat: { zh: "平铺（编码、名称）", en: "flat (code, name)" },
  tree: { zh: "按缩进分层", en: "a tree by indentation" },
  columns: { zh: "类、款、项分列", en: "类, 款, 项 in columns" },
  mapping: { zh: "部门→政府经济科目对应", en: "部门 → 政府 mapping" },
};

type Subject = FunctionalSubject | EconomicSubject;

// ---------------------------------------------------------------------------------------
// import
// ---------------------------------------------------------------------------------------

export interface ImportCommandOptions {
  files: string[];
  out: string;
  year?: number;
  complete: boolean;
  title?: string;
  format: "text" | "json";
  lang: Lang;
}

export async function catalogueImportCommand(io: Io, o: ImportCommandOptions): Promise<number> {
  const zh = o.lang === "zh";
  const r = await readCatalogueFiles(io, o.files, { ...(o.year !== undefined ? { year: o.year } : {}), complete: o.complete, ...(o.title !== undefined ? { title: o.title } : {}) }, o.lang);
  if (r.problems.length > 0) {
    reportRead(io, r, o.lang, zh ? "无法导入：" : "cannot import:");
    return 2;
  }
  if (o.format === "json") io.out(diagnosticsJson(r.diagnostics, r.sources, o.lang));
  else reportRead(io, r, o.lang, "");
  // The summary goes to standard output, unless that carries the JSON diagnostics.
  const say = (t: string) => (o.format === "json" ? io.err(t) : io.out(t));
  for (const s of r.sheets) {
    const where = s.sheet !== undefined ? `${s.file}:${s.sheet}` : s.file;
    if (!s.layout) {
      say(zh ? `${where}：没有编码，跳过\n` : `${where}: no codes, skipped\n`);
      continue;
    }
    const counts = [
      [s.functional, LIST_NAME.functional],
      [s.department, LIST_NAME.department],
      [s.government, LIST_NAME.government],
    ]
      .filter(([n]) => (n as number) > 0)
      .map(([n, l]) => (zh ? `${(l as Record<Lang, string>).zh} ${n as number} 行` : `${n as number} rows of the ${(l as Record<Lang, string>).en}`));
    if (s.mapping > 0) counts.push(zh ? `对应规则 ${s.mapping} 行` : `${s.mapping} mapping rows`);
    say(`${where}${zh ? "：" : ": "}${LAYOUT_NAME[s.layout][o.lang]}${zh ? "，" : ", "}${counts.join(zh ? "，" : ", ") || (zh ? "无内容" : "nothing")}\n`);
  }
  if (!r.file || hasErrors(r.diagnostics)) {
    io.err(zh ? "导入发现错误，未写出文件。\n" : "the import found errors; nothing was written.\n");
    return 1;
  }
  // The cross-references against the built-in catalogue of the year it fills in from.
  const checked = resolveCatalogue(r.file, o.out, { withBuiltin: true });
  if (!checked.catalogue) {
    io.err((zh ? "导入的目录有误，未写出文件：\n" : "the imported catalogue has problems; nothing was written:\n") + checked.problems.map((p) => `  - ${p}\n`).join(""));
    return 1;
  }
  io.writeFile(o.out, JSON.stringify(r.file, null, 2) + "\n");
  const f = r.file;
  const count = (n: number, zhUnit: string, en: string) => (zh ? `${n} ${zhUnit}` : `${n} ${en}`);
  const parts: string[] = [];
  const fn = [...(f.functional?.lei ?? []), ...(f.functional?.subjects ?? [])];
  if (fn.length > 0) {
    const by = (len: number) => fn.filter((e) => e.code.length === len).length;
    parts.push(`${LIST_NAME.functional[o.lang]} ${[count(by(3), "类", "类"), count(by(5), "款", "款"), count(by(7), "项", "项")].join(zh ? "、" : ", ")}`);
  }
  if (f.economic?.department) parts.push(`${LIST_NAME.department[o.lang]} ${count(f.economic.department.length, "个", "subjects")}`);
  if (f.economic?.government) parts.push(`${LIST_NAME.government[o.lang]} ${count(f.economic.government.length, "个", "subjects")}`);
  if (f.mapping) parts.push(zh ? `对应规则 ${f.mapping.length} 条` : `${f.mapping.length} mapping rules`);
  say(zh ? `已写出 ${o.out}：${f.year} 年${f.complete ? "（完整）" : ""}，${parts.join("；")}\n` : `wrote ${o.out}: ${f.year}${f.complete ? " (complete)" : ""}, ${parts.join("; ")}\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------
// The catalogue to look in.
// ---------------------------------------------------------------------------------------

/** --catalogue FILE as a budget sees it, else the built-in catalogue of --year (by default the latest). */
async function lookIn(io: Io, o: { catalogue?: string; year?: number; lang: Lang }): Promise<Catalogue | undefined> {
  const zh = o.lang === "zh";
  if (o.catalogue) {
    // A list that states no year is looked up as of --year, else the latest built-in year.
    const r = await readCatalogueFiles(io, [o.catalogue], { ...(o.year !== undefined ? { year: o.year } : {}), fallbackYear: BUILTIN_CATALOGUE_YEARS[BUILTIN_CATALOGUE_YEARS.length - 1]! }, o.lang);
    if (reportRead(io, r, o.lang, zh ? `分类目录文件 ${o.catalogue} 有误：` : `the catalogue file ${o.catalogue} has problems:`)) return undefined;
    const built = catalogueOfData({ file: r.file!, description: o.catalogue, complete: false });
    if (!built.catalogue) {
      io.err(`yusuan: ${zh ? `分类目录文件 ${o.catalogue} 有误：` : `the catalogue file ${o.catalogue} has problems:`}\n${built.problems.map((p) => `  - ${p}\n`).join("")}`);
      return undefined;
    }
    return built.catalogue;
  }
  const year = builtinYearFor(o.year ?? BUILTIN_CATALOGUE_YEARS[BUILTIN_CATALOGUE_YEARS.length - 1]!);
  if (o.year !== undefined && year !== o.year) io.err(zh ? `没有 ${o.year} 年的内置目录，改用 ${year} 年的\n` : `there is no built-in catalogue for ${o.year}; using ${year}'s\n`);
  return builtinCatalogue(year);
}

function subjectOf(cat: Catalogue, list: SubjectList, code: string): Subject | undefined {
  return list === "functional" ? cat.functional(code) : list === "department" ? cat.economic(code) : cat.government(code);
}

/** The parents of a subject, top first. */
function parentsOf(cat: Catalogue, list: SubjectList, s: Subject): Subject[] {
  const out: Subject[] = [];
  for (let p = s.parent; p !== undefined; ) {
    const ps = subjectOf(cat, list, p);
    if (!ps) break;
    out.unshift(ps);
    p = ps.parent;
  }
  return out;
}

function path(ps: readonly Subject[]): string {
  return ps.map((p) => `${p.code} ${p.name}`).join(" › ");
}

// ---------------------------------------------------------------------------------------
// find
// ---------------------------------------------------------------------------------------

export interface LookOptions {
  catalogue?: string;
  year?: number;
  format: "text" | "json";
  lang: Lang;
}

export async function catalogueFindCommand(io: Io, text: string, o: LookOptions): Promise<number> {
  const cat = await lookIn(io, o);
  if (!cat) return 2;
  const zh = o.lang === "zh";
  const q = text.trim();
  const byCode = /^\d+$/.test(q);
  const found: { list: SubjectList; subject: Subject; parents: Subject[] }[] = [];
  for (const list of LISTS) {
    for (const s of cat.subjects(list)) {
      if (byCode ? s.code.startsWith(q) : s.name.includes(q)) found.push({ list, subject: s, parents: parentsOf(cat, list, s) });
    }
  }
  if (o.format === "json") {
    io.out(
      JSON.stringify(
        {
          catalogue: cat.description,
          year: cat.year,
          query: q,
          subjects: found.map((f) => ({ list: f.list, code: f.subject.code, name: f.subject.name, level: f.subject.level, parents: f.parents.map((p) => ({ code: p.code, name: p.name })) })),
        },
        null,
        2,
      ) + "\n",
    );
    return found.length > 0 ? 0 : 1;
  }
  if (found.length === 0) {
    io.out(zh ? `${cat.description}中没有名称含“${q}”${byCode ? "或编码以它开头" : ""}的科目\n` : `no subject in ${cat.description} has ${byCode ? "a code starting with" : "a name containing"} ${q}\n`);
    return 1;
  }
  io.out(zh ? `${cat.description}：找到 ${found.length} 个\n` : `${cat.description}: ${found.length} found\n`);
  for (const list of LISTS) {
    const here = found.filter((f) => f.list === list);
    if (here.length === 0) continue;
    io.out(`${LIST_NAME[list][o.lang]}\n`);
    const [open, close] = zh ? ["（", "）"] : ["(", ")"];
    for (const f of here) io.out(`  ${f.subject.code.padEnd(8)}${f.subject.level}  ${f.subject.name}${f.parents.length ? `  ${open}${path(f.parents)}${close}` : ""}\n`);
  }
  return 0;
}

// ---------------------------------------------------------------------------------------
// show
// ---------------------------------------------------------------------------------------

export async function catalogueShowCommand(io: Io, code: string, o: LookOptions): Promise<number> {
  const cat = await lookIn(io, o);
  if (!cat) return 2;
  const zh = o.lang === "zh";
  const c = code.replace(/\s+/g, "");
  const list = LISTS.find((l) => subjectOf(cat, l, c) !== undefined);
  if (!list) {
    io.out(zh ? `${cat.description}中没有科目 ${c}\n` : `${cat.description} has no subject ${c}\n`);
    return 1;
  }
  const s = subjectOf(cat, list, c)!;
  const parents = parentsOf(cat, list, s);
  const children = cat.subjects(list).filter((x) => x.parent === c);
  const costType = list === "department" ? cat.personnelOrPublic(c) : undefined;
  const threePublic = list === "department" ? cat.threePublic(c) : undefined;
  const government =
    list === "department"
      ? UNIT_KINDS.map((kind) => {
          const g = cat.mapToGovernment(c, kind);
          return { kind, ...(g !== undefined ? { code: g, name: cat.government(g)?.name ?? "" } : {}) };
        })
      : [];
  const mappedFrom =
    list === "government"
      ? cat
          .subjects("department")
          .flatMap((d) => UNIT_KINDS.filter((k) => cat.mapToGovernment(d.code, k) === c).map((kind) => ({ kind, code: d.code, name: d.name })))
      : [];
  if (o.format === "json") {
    io.out(
      JSON.stringify(
        {
          catalogue: cat.description,
          year: cat.year,
          list,
          code: s.code,
          name: s.name,
          level: s.level,
          parents: parents.map((p) => ({ code: p.code, name: p.name })),
          children: children.map((p) => ({ code: p.code, name: p.name })),
          ...(list === "department" ? { costType: costType ?? null, threePublic: threePublic ?? null, government } : {}),
          ...(list === "government" ? { mappedFrom } : {}),
        },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  const none = zh ? "无" : "none";
  const sep = zh ? "：" : ": ";
  const lines = [
    `${s.code} ${s.name}`,
    `  ${zh ? "分类" : "classification"}${sep}${LIST_NAME[list][o.lang]}${zh ? "，" : ", "}${s.level}`,
    `  ${zh ? "上级" : "parents"}${sep}${parents.length ? path(parents) : none}`,
    `  ${zh ? "下级" : "children"}${sep}${children.length ? children.map((x) => `${x.code} ${x.name}`).join(zh ? "、" : ", ") : none}`,
  ];
  if (list === "department") {
    lines.push(`  ${zh ? "经费类型" : "cost type"}${sep}${costType ?? (zh ? "未定（基本支出不计入人员经费或公用经费）" : "none (basic spending on it counts as neither 人员经费 nor 公用经费)")}`);
    lines.push(`  ${zh ? "三公" : "三公 item"}${sep}${threePublic ?? none}`);
    lines.push(`  ${zh ? "政府经济科目" : "政府 subject"}${sep}${government.map((g) => `${g.kind} ${g.code !== undefined ? `${g.code} ${g.name}` : none}`).join(zh ? "；" : "; ")}`);
  }
  if (list === "government") {
    const shown = mappedFrom.slice(0, 20).map((m) => `${m.kind} ${m.code} ${m.name}`);
    lines.push(`  ${zh ? "对应的部门经济科目" : "mapped from"}${sep}${shown.length ? shown.join(zh ? "；" : "; ") + (mappedFrom.length > 20 ? (zh ? `；等 ${mappedFrom.length} 条` : `; ${mappedFrom.length} in all`) : "") : none}`);
  }
  lines.push(`  ${zh ? "目录" : "catalogue"}${sep}${cat.description}`);
  io.out(lines.join("\n") + "\n");
  return 0;
}

// ---------------------------------------------------------------------------------------
// diff
// ---------------------------------------------------------------------------------------

/** A side of a diff: a built-in year, or a file as it is (not filled in). */
async function side(io: Io, what: string, lang: Lang): Promise<Catalogue | undefined> {
  const zh = lang === "zh";
  if (/^\d{4}$/.test(what)) {
    const c = builtinCatalogue(Number(what));
    if (!c) io.err(zh ? `yusuan: 没有 ${what} 年的内置目录（有：${BUILTIN_CATALOGUE_YEARS.join("、")}）\n` : `yusuan: there is no built-in catalogue for ${what} (there are: ${BUILTIN_CATALOGUE_YEARS.join(", ")})\n`);
    return c;
  }
  const r = await readCatalogueFiles(io, [what], {}, lang);
  if (reportRead(io, r, lang, zh ? `分类目录文件 ${what} 有误：` : `the catalogue file ${what} has problems:`)) return undefined;
  return catalogueAsGiven(r.file!, what);
}

export async function catalogueDiffCommand(io: Io, oldSide: string, newSide: string, o: { format: "text" | "json"; lang: Lang }): Promise<number> {
  const a = await side(io, oldSide, o.lang);
  const b = a ? await side(io, newSide, o.lang) : undefined;
  if (!a || !b) return 2;
  const changes = diffCatalogues(a, b);
  const zh = o.lang === "zh";
  if (o.format === "json") {
    io.out(JSON.stringify({ from: { catalogue: a.description, year: a.year }, to: { catalogue: b.description, year: b.year }, changes }, null, 2) + "\n");
    return 0;
  }
  io.out(`${a.description} (${a.year}) → ${b.description} (${b.year})\n`);
  if (changes.length === 0) {
    io.out(zh ? "没有变化\n" : "no changes\n");
    return 0;
  }
  const line = (c: CatalogueChange): string => {
    switch (c.kind) {
      case "added":
        return `  + ${c.code.padEnd(8)}${c.level}  ${c.name}`;
      case "removed":
        return `  - ${c.code.padEnd(8)}${c.level}  ${c.name}`;
      case "renamed":
        return `  ~ ${c.code.padEnd(8)}${c.level}  ${c.oldName} → ${c.name}`;
      case "moved":
        return `  > ${c.code.padEnd(8)}${c.level}  ${c.name} ${zh ? "改为" : "is now"} ${c.to}`;
    }
  };
  for (const list of LISTS) {
    const here = changes.filter((c) => c.list === list);
    if (here.length === 0) continue;
    const n = (k: CatalogueChange["kind"]) => here.filter((c) => c.kind === k).length;
    io.out(
      zh
        ? `${LIST_NAME[list].zh}：新增 ${n("added")}，取消 ${n("removed")}，改名 ${n("renamed")}，改号 ${n("moved")}\n`
        : `${LIST_NAME[list].en}: ${n("added")} added, ${n("removed")} removed, ${n("renamed")} renamed, ${n("moved")} moved\n`,
    );
    for (const c of here) io.out(line(c) + "\n");
  }
  return 0;
}
