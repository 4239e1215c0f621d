/**
 * Completion. At the start of a line, the statements the block admits (schema.ts's
 * CONTEXTS), each as a snippet of its arguments and block. After a keyword, the values
 * its argument takes: functional subject codes with their names (a code prefix such as
 * 20105 or a piece of the name such as 普查 finds them), economic subjects, funding
 * sources, the enumerations (类别, 类型, 属性, indicator levels, vehicle kinds, the
 * figures a reason explains), the budget's project and unit names, and the .budget files
 * an include can name.
 */
import { posix } from "node:path";
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from "vscode-languageserver";
import { LEVEL_PAIRS, level } from "../check/facts.js";
import { ENUMERATIONS, VEHICLE_KIND } from "../syntax/enumerations.js";
import { KEYWORD_BY_NAME } from "../syntax/keywords.js";
import { CONTEXT_NAMES, CONTEXTS, FIGURE_KEYWORDS, SOURCE_KEYWORDS, type Slot, type StatementSpec } from "../syntax/schema.js";
import { quote } from "../syntax/values.js";
import type { Lang } from "./hover.js";
import { locate } from "./locate.js";
import type { Workspace } from "./workspace.js";

/** At most this many codes are offered at once; typing more narrows them. */
export const MAX_ITEMS = 200;

/** The levels of government a department's 级次 names most often. */
const LEVELS = ["中央", "省级", "市级", "区级", "县级"];
const REASON_FIGURES = ["收入总计", "支出总计", ...FIGURE_KEYWORDS.filter((k) => k !== "IncomeTotal").map((k) => KEYWORD_BY_NAME.get(k)!.zh)];

/** The tokens of a line before the cursor, and the one being typed. */
interface LineTokens {
  /** The complete tokens before the one being typed. */
  readonly done: readonly string[];
  /** The token being typed ("" right after a space), and where it starts in the line. */
  readonly partial: string;
  readonly partialStart: number;
}

/** Splits the line before the cursor; undefined inside a comment or a text block line. */
function tokenize(line: string): LineTokens | undefined {
  const done: string[] = [];
  let i = 0;
  let partial = "";
  let partialStart = line.length;
  while (i < line.length) {
    const c = line[i]!;
    if (c === " " || c === "\t" || c === "\u3000") {
      i++;
      continue;
    }
    if (c === "#") return undefined;
    const start = i;
    if (c === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === "\\" ? 2 : 1;
      if (i >= line.length) {
        partial = line.slice(start);
        partialStart = start;
        break;
      }
      i++;
    } else {
      while (i < line.length && !/[\s\u3000"{}#]/.test(line[i]!)) i++;
      if (line[i] === "{" || line[i] === "}") {
        i++;
        continue;
      }
    }
    if (i >= line.length) {
      partial = line.slice(start);
      partialStart = start;
    } else done.push(line.slice(start, i));
  }
  return { done, partial, partialStart };
}

function specFor(context: string, word: string): StatementSpec | undefined {
  return CONTEXTS[context]?.find((s) => {
    const k = KEYWORD_BY_NAME.get(s.kw);
    return k && (k.zh === word || k.en === word);
  });
}

/** The completions at an offset of a file. */
export function completionAt(ws: Workspace, path: string, offset: number, lang: Lang): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const file = ws.parsedFile(path);
  const lines = ws.lineIndex(path);
  if (!file || !lines) return empty;
  const lineText = lines.lineBefore(offset);
  const tokens = tokenize(lineText);
  if (!tokens) return empty;
  const context = locate(file, offset).context;
  const lineStart = offset - lineText.length;
  const range = lines.range(lineStart + tokens.partialStart, offset);
  if (tokens.done.length === 0) return { isIncomplete: false, items: statementItems(context, tokens.partial, range, lang) };
  const spec = specFor(context, tokens.done[0]!);
  if (!spec) return empty;
  const written = tokens.done.slice(1);
  const plain = spec.slots.filter((s) => !s.tag);
  const slot = plain[Math.min(written.length, plain.length - 1)];
  if (!slot || (written.length >= plain.length && !slot.repeat)) return empty;
  return valueItems(ws, path, spec, slot, written, tokens.partial, range);
}

type Range = ReturnType<NonNullable<ReturnType<Workspace["lineIndex"]>>["range"]>;

const PLACEHOLDER: Readonly<Record<string, string>> = {
  name: "名称",
  code: "编码",
  subject: "科目",
  economic: "经济科目",
  amount: "金额",
  path: "文件.budget",
  text: "内容",
  year: "2024",
  count: "数量",
  project: "项目名称",
  unit: "单位",
};

function statementItems(context: string, partial: string, range: Range, lang: Lang): CompletionItem[] {
  const specs = CONTEXTS[context] ?? [];
  return specs.map((spec, i) => {
    const k = KEYWORD_BY_NAME.get(spec.kw)!;
    const useEn = /^[A-Za-z]/.test(partial);
    let n = 1;
    const args = spec.slots
      .filter((s) => !s.optional && !s.tag)
      .map((s) => {
        const p = PLACEHOLDER[s.name] ?? s.name;
        return s.type === "str" || s.type === "text" ? `"\${${n++}:${p}}"` : `\${${n++}:${p}}`;
      });
    const insert = [useEn ? k.en : k.zh, ...args].join(" ") + (spec.block ? " {\n\t$0\n}" : "");
    const block = spec.block ? CONTEXT_NAMES[spec.block] : undefined;
    return {
      label: useEn ? k.en : k.zh,
      kind: CompletionItemKind.Keyword,
      detail: useEn ? k.zh : k.en,
      ...(block ? { documentation: block[lang] } : {}),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: insert },
      filterText: `${k.zh} ${k.en}`,
      sortText: String(i).padStart(3, "0"),
    };
  });
}

/** Items for values: each replaces the token being typed. */
function valueItems(ws: Workspace, path: string, spec: StatementSpec, slot: Slot, written: readonly string[], partial: string, range: Range): CompletionList {
  const entry = ws.budgetOf(path);
  const budget = entry?.result?.effective;
  const catalogue = entry?.result?.catalogue;
  const words = (values: readonly string[], kind: CompletionItemKind = CompletionItemKind.EnumMember): CompletionList => ({
    isIncomplete: false,
    items: values.map((v, i) => ({ label: v, kind, textEdit: { range, newText: v }, sortText: String(i).padStart(4, "0") })),
  });
  const strings = (values: readonly string[], kind: CompletionItemKind): CompletionList => ({
    isIncomplete: false,
    items: values.map((v, i) => ({ label: v, kind, textEdit: { range, newText: quote(v) }, filterText: quote(v), sortText: String(i).padStart(4, "0") })),
  });
  const key = `${spec.kw}.${slot.name}`;
  switch (key) {
    case "Subject.code":
    case "Line.subject":
    case "Purpose.code":
    case "Executed.code":
      return catalogue ? codeItems(catalogue.functionalSubjects, partial, range) : { isIncomplete: false, items: [] };
    case "Line.economic":
    case "Economic.code":
      return catalogue ? codeItems(catalogue.economicSubjects, partial, range) : { isIncomplete: false, items: [] };
    case "Subject.name": {
      const s = catalogue?.functional(written[0] ?? "");
      return s ? strings([s.name], CompletionItemKind.Text) : { isIncomplete: false, items: [] };
    }
    case "Line.source":
      return words(SOURCE_KEYWORDS.map((k) => KEYWORD_BY_NAME.get(k)!.zh), CompletionItemKind.Keyword);
    case "Indicator.level1":
      return words([...LEVEL_PAIRS.keys()]);
    case "Indicator.level2":
      return words(LEVEL_PAIRS.get(level(written[0] ?? "")) ?? []);
    case "PurchaseVehicles.kind":
      return words(VEHICLE_KIND.values);
    case "Level.level":
      return words(LEVELS);
    case "Reason.figure":
      return words(REASON_FIGURES);
    case "Performance.project":
      return strings(budget?.projects.map((p) => p.name.value) ?? [], CompletionItemKind.Reference);
    case "Unit.name":
    case "Basic.unit": {
      if (spec.block === "unit") return { isIncomplete: false, items: [] };
      const names = new Set<string>([...(budget?.units.map((u) => u.name.value) ?? []), ...(budget?.department ? [budget.department.name.value] : [])]);
      return strings([...names], CompletionItemKind.Reference);
    }
    case "Include.path":
    case "SourceFile.path": {
      const dir = posix.dirname(path);
      const root = key === "Include.path" ? posix.dirname(entry?.entry ?? path) : posix.dirname(dir);
      const files = ws
        .budgetFilesBelow(root)
        .filter((f) => f !== path && f !== entry?.entry)
        .map((f) => posix.relative(dir, f));
      return strings(files, CompletionItemKind.File);
    }
    default: {
      // A closed set (syntax/enumerations.ts): the values its table lists for this slot.
      const set = ENUMERATIONS.find((e) => e.slots.some(([, kw, name]) => kw === spec.kw && name === slot.name));
      if (!set) return { isIncomplete: false, items: [] };
      return slot.type === "str" ? strings(set.values, CompletionItemKind.EnumMember) : words(set.values);
    }
  }
}

/**
 * Subject codes matching what is typed: a code prefix (20105), or a piece of the name
 * (普查). Each item replaces the typed text with the code; the name is its detail.
 */
function codeItems(subjects: readonly { code: string; name: string; level: string }[], partial: string, range: Range): CompletionList {
  const byCode = /^\d*$/.test(partial);
  const matches = subjects.filter((s) => (byCode ? s.code.startsWith(partial) : s.name.includes(partial)));
  const shown = matches.slice(0, MAX_ITEMS);
  return {
    // More typing narrows a long list: the client asks again.
    isIncomplete: matches.length > shown.length || !byCode,
    items: shown.map((s, i) => ({
      label: s.code,
      kind: CompletionItemKind.Value,
      detail: `${s.name}（${s.level}）`,
      labelDetails: { description: s.name },
      textEdit: { range, newText: s.code },
      // The editor filters by the typed text: a match by name must keep it in front.
      filterText: byCode ? s.code : `${partial} ${s.code} ${s.name}`,
      sortText: String(i).padStart(4, "0"),
    })),
  };
}

