/**
 * Going to definitions, the outline of a file, and renaming a project. An include and a
 * 源文件 lead to their file; a form filed apart (`绩效 "项目名"`) leads to its project; a
 * unit named by a project, carry-over or basic block leads to the unit's declaration.
 * The outline lists the statements that open a block (projects, forms, carry-overs, the
 * department and its blocks), named by their first text argument. Renaming a project
 * renames it where it is declared and in every form filed under its name, in every file
 * of the budgets that read the file.
 */
import { nameKey } from "../base/names.js";
import { posix } from "node:path";
import { SymbolKind } from "vscode-languageserver";
import type { Span } from "../base/source.js";
import type { Stmt } from "../syntax/cst.js";
import { KEYWORD_BY_NAME } from "../syntax/keywords.js";
import { normalisePath } from "../syntax/load.js";
import { quote, unquote } from "../syntax/values.js";
import { locate, specOf } from "./locate.js";
import type { Workspace } from "./workspace.js";

/** Where the symbol at an offset is defined: spans (an empty span at 0 for a file). */
export function definitionAt(ws: Workspace, path: string, offset: number): Span[] {
  const file = ws.parsedFile(path);
  if (!file) return [];
  const a = locate(file, offset).arg;
  if (!a) return [];
  const kw = a.owner.stmt.kw;
  const slot = a.arg.slot;
  if ((kw === "Include" || kw === "SourceFile") && slot === "path") {
    const target = normalisePath(posix.join(posix.dirname(normalisePath(path)), unquote(a.arg.image)));
    return ws.text(target) === undefined ? [] : [{ file: target, start: 0, end: 0 }];
  }
  const budget = ws.budgetOf(path)?.result?.effective;
  if (!budget) return [];
  const name = unquote(a.arg.image);
  if (kw === "Performance" && a.owner.context === "file" && slot === "project") {
    return budget.projects.filter((p) => p.name.value === name).map((p) => p.name.span);
  }
  const unitRef = (kw === "Unit" && !a.owner.spec?.block && slot === "name") || (kw === "Basic" && slot === "unit");
  if (unitRef) {
    const units = budget.units.filter((u) => u.name.value === name).map((u) => u.name.span);
    if (units.length) return units;
    return budget.department && budget.department.name.value === name ? [budget.department.name.span] : [];
  }
  return [];
}

export interface OutlineSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: SymbolKind;
  /** The whole statement. */
  readonly start: number;
  readonly end: number;
  /** Its name (or keyword). */
  readonly selStart: number;
  readonly selEnd: number;
  readonly children: OutlineSymbol[];
}

const KIND: Readonly<Record<string, SymbolKind>> = {
  Department: SymbolKind.Module,
  Rollup: SymbolKind.Module,
  Unit: SymbolKind.Struct,
  Project: SymbolKind.Class,
  Performance: SymbolKind.Interface,
  Carryover: SymbolKind.Class,
  Overall: SymbolKind.Interface,
  Include: SymbolKind.File,
};

/** The outline of a file: the statements that open a block (and includes), nested. */
export function outline(ws: Workspace, path: string): OutlineSymbol[] {
  const file = ws.parsedFile(path);
  if (!file) return [];
  const walk = (stmts: readonly Stmt[], context: string): OutlineSymbol[] => {
    const out: OutlineSymbol[] = [];
    for (const s of stmts) {
      if (!s) continue;
      const spec = specOf(context, s.kw);
      if (!s.block && s.kw !== "Include") continue;
      const k = KEYWORD_BY_NAME.get(s.kw);
      const label = s.args.find((a) => a.token === "String" || a.token === "Number");
      const name = label ? (label.token === "String" ? unquote(label.image) : label.image) : s.kwImage;
      const inner = s.block && spec?.block ? walk(s.block.stmts, spec.block) : [];
      // A department's name follows its code: show both.
      const named = s.kw === "Department" ? s.args.filter((a) => a.token === "String").map((a) => unquote(a.image))[0] ?? name : name;
      const sel = label ?? { start: s.start, end: s.start + s.kwImage.length };
      out.push({
        name: named || s.kwImage,
        detail: k ? k.zh : s.kwImage,
        kind: KIND[s.kw] ?? SymbolKind.Namespace,
        start: s.start,
        end: s.end,
        selStart: sel.start,
        selEnd: sel.end,
        children: inner,
      });
    }
    return out;
  };
  return walk(file.stmts, "file");
}

/** The project named at an offset (its declaration or a form filed under it), with the span of the name. */
export function projectNameAt(ws: Workspace, path: string, offset: number): { name: string; span: Span } | undefined {
  const file = ws.parsedFile(path);
  if (!file) return undefined;
  const a = locate(file, offset).arg;
  if (!a || a.owner.context !== "file" || a.arg.token !== "String") return undefined;
  const kw = a.owner.stmt.kw;
  if (!((kw === "Project" && a.arg.slot === "name") || (kw === "Performance" && a.arg.slot === "project"))) return undefined;
  return { name: unquote(a.arg.image), span: { file: normalisePath(path), start: a.arg.start, end: a.arg.end } };
}

export type RenameResult = { edits: { span: Span; text: string }[] } | { problem: { zh: string; en: string } };

/** The edits that rename the project named at an offset, in every file of its budgets. */
export function renameProject(ws: Workspace, path: string, offset: number, newName: string): RenameResult | undefined {
  const at = projectNameAt(ws, path, offset);
  if (!at) return undefined;
  const name = newName.trim();
  if (!name || /[\n\r]/.test(name)) return { problem: { zh: "项目名称不能为空，也不能换行", en: "a project name is one line of text" } };
  const entries = ws.entriesOf(path).map((e) => ws.latest(e));
  const files = new Set<string>([normalisePath(path)]);
  for (const e of entries) for (const f of e.files) files.add(f);
  for (const e of entries) {
    // Names are compared as the checker compares them (nameKey): width, spaces, invisibles aside.
    if (nameKey(name) !== nameKey(at.name) && e.result?.effective.projects.some((p) => nameKey(p.name.value) === nameKey(name))) {
      return { problem: { zh: `已有名为「${name}」的项目`, en: `there is already a project named ${name}` } };
    }
  }
  const edits: { span: Span; text: string }[] = [];
  for (const f of files) {
    const parsed = ws.parsedFile(f);
    if (!parsed) continue;
    for (const s of parsed.stmts) {
      if (!s || (s.kw !== "Project" && s.kw !== "Performance")) continue;
      const a = s.args.find((x) => x.slot === (s.kw === "Project" ? "name" : "project"));
      if (a && a.token === "String" && nameKey(unquote(a.image)) === nameKey(at.name)) edits.push({ span: { file: f, start: a.start, end: a.end }, text: quote(name) });
    }
  }
  return { edits };
}
