/**
 * The TextMate grammar (grammar/yusuan.tmLanguage.json) must scope a budget the way the
 * lexer reads it. It is run with the engine VS Code uses, vscode-textmate on
 * vscode-oniguruma, over every budget under budgets/ (the reference budget among them)
 * and over a small inline sample: each token the lexer finds must carry the matching
 * scope on every one of its characters.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KEYWORDS, KEYWORD_BY_NAME } from "../src/syntax/keywords.js";
import { lexer } from "../src/syntax/lexer.js";

// Both packages are UMD bundles; require gives their exports without interop guesswork.
const require = createRequire(import.meta.url);
const vsctm = require("vscode-textmate") as typeof import("vscode-textmate");
const oniguruma = require("vscode-oniguruma") as typeof import("vscode-oniguruma");

const root = join(import.meta.dirname, "..");
const grammarPath = join(root, "grammar", "yusuan.tmLanguage.json");
const reference = join(root, "budgets", "jinzhong-econ-ops-2024.budget");

const SCOPE = {
  keyword: "keyword.other.yusuan",
  unit: "keyword.other.unit.yusuan",
  number: "constant.numeric.yusuan",
  date: "constant.numeric.date.yusuan",
  string: "string.quoted.double.yusuan",
  text: "string.quoted.triple.yusuan",
  word: "variable.other.enummember.yusuan",
  comment: "comment.line.number-sign.yusuan",
  blockBegin: "punctuation.section.block.begin.yusuan",
  blockEnd: "punctuation.section.block.end.yusuan",
} as const;

/** The scopes of every UTF-16 code unit of a text, indexed by offset (none on line breaks). */
type ScopeMap = (readonly string[])[];

let grammar: import("vscode-textmate").IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === "source.yusuan" ? vsctm.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath) : null,
  });
  const g = await registry.loadGrammar("source.yusuan");
  if (!g) throw new Error("grammar/yusuan.tmLanguage.json did not load");
  grammar = g;
});

function scopeMap(text: string): ScopeMap {
  const map: ScopeMap = [];
  let state = vsctm.INITIAL;
  let offset = 0;
  for (const line of text.split("\n")) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) map[offset + i] = t.scopes;
    state = r.ruleStack;
    offset += line.length + 1;
  }
  return map;
}

/** The scope a lexer token must carry, by token name. */
function expectedScope(tokenName: string): string | undefined {
  if (KEYWORD_BY_NAME.has(tokenName)) return SCOPE.keyword;
  switch (tokenName) {
    case "Number":
      return SCOPE.number;
    case "Date":
      return SCOPE.date;
    case "String":
      return SCOPE.string;
    case "Text":
      return SCOPE.text;
    case "Word":
      return SCOPE.word;
    case "LBrace":
      return SCOPE.blockBegin;
    case "RBrace":
      return SCOPE.blockEnd;
    default:
      return undefined;
  }
}

/** Every place where the TextMate scopes disagree with the lexer, described for a message. */
function disagreements(text: string): string[] {
  const map = scopeMap(text);
  const lexed = lexer.tokenize(text);
  const out: string[] = [];
  const check = (name: string, start: number, image: string, scope: string): void => {
    for (let i = 0; i < image.length; i++) {
      if (image[i] === "\n" || image[i] === "\r") continue;
      const scopes = map[start + i] ?? [];
      if (!scopes.includes(scope)) {
        out.push(`${name} ${JSON.stringify(image.slice(0, 30))} at ${start}: character ${i} has [${scopes.join(", ")}], wants ${scope}`);
        return;
      }
    }
  };
  for (const t of lexed.tokens) {
    const scope = expectedScope(t.tokenType.name);
    if (!scope) {
      out.push(`lexer token ${t.tokenType.name} ${JSON.stringify(t.image)} at ${t.startOffset} has no expected scope`);
      continue;
    }
    check(t.tokenType.name, t.startOffset, t.image, scope);
    // A keyword must not be read as a unit, nor a numeral's digits as its unit.
    if (scope === SCOPE.keyword && (map[t.startOffset] ?? []).includes(SCOPE.unit)) out.push(`keyword ${t.image} at ${t.startOffset} is scoped as a unit`);
    if (scope === SCOPE.number && (map[t.startOffset] ?? []).includes(SCOPE.unit)) out.push(`number ${t.image} at ${t.startOffset} starts with a unit`);
  }
  for (const c of lexed.groups["comments"] ?? []) check("Comment", c.startOffset, c.image, SCOPE.comment);
  if (lexed.errors.length) out.push(`the lexer reports ${lexed.errors.length} errors`);
  return out;
}

function budgetsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".budget"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const SAMPLE = `# 一个小预算。
部门 609 "示范部门" {
  年度 2024
  金额单位 万元
  职责 """
    负责"统筹"区内经济运行管理工作；
    承办交办的其他工作。
  """
  控制数 {
    一般公共预算 6,389.17万元   # 控制数
  }
}
project "企业服务常态化经费" {
  subject 2010402
  category 其他运转类
  general-budget 3.00万元
  unit-funds -1.5
  绩效 {
    实施期资金 { 市县 70,000元 }
    实施期目标 "目标\\"一\\""
    指标 产出 数量 "入企服务" 实施期 "50次以上" 年度 95%
  }
}
国有资产 {
  截至 2024-03-21
  设备 50万元 0台（套）
  车辆 年度2024 3辆
}
`;

describe("grammar/yusuan.tmLanguage.json", () => {
  it("describes the language for editors", () => {
    const raw = JSON.parse(readFileSync(grammarPath, "utf8")) as { scopeName: string; fileTypes: string[] };
    expect(raw.scopeName).toBe("source.yusuan");
    expect(raw.fileTypes).toEqual(["budget"]);
  });

  it("scopes the inline sample as the lexer reads it", () => {
    expect(disagreements(SAMPLE)).toEqual([]);
  });

  it("gives a text block a string scope on every line, and the words around it their own", () => {
    const map = scopeMap(SAMPLE);
    const at = (needle: string, from = 0): readonly string[] => map[SAMPLE.indexOf(needle, from)] ?? [];
    expect(at("负责")).toContain(SCOPE.text);
    expect(at('"统筹"')).toContain(SCOPE.text);
    expect(at("承办")).toContain(SCOPE.text);
    expect(at("职责")).toContain(SCOPE.keyword);
    expect(at("控制数")).toContain(SCOPE.keyword);
    expect(at("控制数")).not.toContain(SCOPE.text);
  });

  it("scopes amounts as numbers with a unit, and comments as comments", () => {
    const map = scopeMap(SAMPLE);
    const i = SAMPLE.indexOf("6,389.17万元");
    expect(map[i]).toContain(SCOPE.number);
    expect(map[i]).not.toContain(SCOPE.unit);
    expect(map[i + "6,389.17".length]).toContain(SCOPE.unit);
    expect(map[SAMPLE.indexOf("# 控制数")]).toContain(SCOPE.comment);
    expect(map[SAMPLE.indexOf("2024-03-21")]).toContain(SCOPE.date);
  });

  it("knows every keyword in both spellings, and gives way to a longer word", () => {
    const bad: string[] = [];
    for (const k of KEYWORDS) {
      for (const spelling of [k.zh, k.en]) {
        const alone = scopeMap(`${spelling} 1\n`);
        if (![...spelling].every((_, i) => alone[i]?.includes(SCOPE.keyword))) bad.push(`${spelling} is not a keyword`);
        const longer = scopeMap(`${spelling}x 1\n`);
        if (!longer[0]?.includes(SCOPE.word)) bad.push(`${spelling}x is not a word`);
      }
    }
    expect(bad).toEqual([]);
  });

  it.runIf(existsSync(reference))("scopes the reference budget as the lexer reads it", () => {
    expect(disagreements(readFileSync(reference, "utf8"))).toEqual([]);
  });

  it("scopes every budget under budgets/ as the lexer reads it", () => {
    for (const file of budgetsUnder(join(root, "budgets"))) {
      expect(disagreements(readFileSync(file, "utf8")), file).toEqual([]);
    }
  });
});
