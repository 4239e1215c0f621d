/**
 * Tests of the fast path of the parser (src/syntax/fast.ts) against the Chevrotain
 * parser (parseSlow). The invariant under test: whenever fastParse returns a file,
 * parseSlow reports no diagnostics for the same text and returns a deep-equal file;
 * and on well-formed text fastParse does return one, so that the fast path is taken.
 * It is checked on generated budgets, on every real budget and fixture, on damaged
 * copies of the reference budget, on lexical edge cases, and token by token against
 * the Chevrotain lexer on random text.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES } from "../src/syntax/load.js";
import { scanCharacters } from "../src/syntax/chars.js";
import { fastParse, fastTokens, KEYWORD_ORDER } from "../src/syntax/fast.js";
import { KEYWORD_BY_NAME } from "../src/syntax/keywords.js";
import { ALL_TOKENS, BadStr, BadText, tokenize } from "../src/syntax/lexer.js";
import { parse, parseSlow } from "../src/syntax/parser.js";
import type { ParsedFile, Stmt } from "../src/syntax/cst.js";
import { budgetSource } from "./helpers/gen.js";

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Files above the size limit of a source (a generated fixture) are not budgets to parse.
const realFiles = [...walk("budgets"), ...walk("test/fixtures")].filter((f) => f.endsWith(".budget") && fs.statSync(f).size <= MAX_SOURCE_BYTES).sort();

/**
 * Checks the invariant on one text and returns the fast result. When the fast path
 * accepts, the slow path must report nothing and build the same tree; when the slow
 * path reports nothing, the fast path must accept.
 */
function agree(text: string, file = "t.budget"): ParsedFile | undefined {
  const fast = fastParse(file, text);
  const slow = parseSlow(file, text);
  if (fast !== undefined) {
    expect(slow.diagnostics.map((d) => `${d.code}@${d.span.start}: ${d.message.en}`), `fast path accepted what the slow path rejects: ${JSON.stringify(text)}`).toEqual([]);
    expect(fast).toStrictEqual(slow.file);
  } else {
    expect(slow.diagnostics.length, `fast path rejected well-formed text: ${JSON.stringify(text)}`).toBeGreaterThan(0);
  }
  return fast;
}

/** The statements of a file, depth first, as kw:image pairs with their argument tokens. */
function flat(stmts: readonly Stmt[]): string[] {
  return stmts.flatMap((s) => [`${s.kw}:${s.kwImage}(${s.args.map((a) => `${a.tag ? a.tag.image + " " : ""}${a.token}=${a.image}`).join(", ")})`, ...(s.block ? flat(s.block.stmts) : [])]);
}

describe("the fast scanner mirrors lexer.ts", () => {
  it("tries keywords in the order of the Chevrotain lexer", () => {
    const names = ALL_TOKENS.map((t) => t.name).filter((n) => KEYWORD_BY_NAME.has(n));
    expect(KEYWORD_ORDER).toEqual(names);
  });

  const ALPHABET = [
    " ", "\n", "\r\n", "\t", "\u3000", "\ufeff", "#", "{", "}", '"', '"""', "\\", "\\\"", "0", "1", "2024", "-", "+", ",", ".", "%", "‰", "％",
    "万元", "（", "）", "台", "a", "Z", "_", "年度", "year", "years", "项目", "项目期", "期", "实施期", "目标", "资金", "money-unit", "other", "other-staff",
    "其他", "@", "\u2028", "😀", "2024-03-21", "03", "21", "999", ",000", "，",
  ];
  const noise = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 24 }).map((xs) => xs.join(""));

  it("reads the same tokens and comments as the Chevrotain lexer, and fails where it reports", () => {
    fc.assert(
      fc.property(noise, (text) => {
        const slow = tokenize(text);
        const bad = slow.unexpected.length > 0 || slow.tokens.some((t) => t.tokenType === BadStr || t.tokenType === BadText);
        const fast = fastTokens(text);
        if (bad) {
          expect(fast, `the fast scanner accepted ${JSON.stringify(text)}`).toBeUndefined();
          return;
        }
        expect(fast, `the fast scanner rejected ${JSON.stringify(text)}`).toBeDefined();
        expect(fast!.tokens).toEqual(slow.tokens.map((t) => ({ name: t.tokenType.name, image: t.image, start: t.startOffset })));
        expect(fast!.comments).toEqual(slow.comments.map((c) => ({ image: c.image, start: c.startOffset, end: c.startOffset + c.image.length })));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("(1) generated budgets", () => {
  it("fastParse accepts every generated budget and builds the tree parseSlow builds", () => {
    fc.assert(
      fc.property(budgetSource, (src) => {
        const fast = fastParse("gen.budget", src);
        const slow = parseSlow("gen.budget", src);
        expect(slow.diagnostics).toEqual([]);
        expect(fast).toBeDefined();
        expect(fast).toStrictEqual(slow.file);
      }),
      { numRuns: 500 },
    );
  });
});

describe("(2) every budget and fixture", () => {
  it("has files to test", () => expect(realFiles.length).toBeGreaterThan(10));
  for (const f of realFiles) {
    it(f, () => {
      const text = fs.readFileSync(f, "utf8");
      const fast = fastParse(f, text);
      const slow = parseSlow(f, text);
      if (fast === undefined) expect(slow.diagnostics.length).toBeGreaterThan(0);
      else expect(fast).toStrictEqual(slow.file);
      // parse() is the character scan, then the fast path with the fallback: the slow
      // path over the scanned text, with the source text kept and the scan's diagnostics first.
      const scan = scanCharacters(f, text);
      const scanned = parseSlow(f, scan.text);
      expect(parse(f, text)).toStrictEqual({ file: { ...scanned.file, text }, diagnostics: [...scan.diagnostics, ...scanned.diagnostics] });
      // And on the scanned text the two parsers agree as on any other.
      agree(scan.text, f);
    });
  }
});

describe("(3) damaged copies of the reference budget", () => {
  const CHARS = ['"', '"""', "{", "}", "#", "\n", "\r", "\\", " ", "\u3000", "0", "9", ",", ".", "-", "+", "%", "万元", "（", "）", "a", "年度", "项目", "实施期", "@", "，"];
  const mutation = (text: string) =>
    fc.oneof(
      fc.nat({ max: text.length }).map((i) => text.slice(0, i)),
      fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 40 })).map(([i, n]) => text.slice(0, i) + text.slice(i + n)),
      fc.tuple(fc.nat({ max: text.length }), fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 4 })).map(([i, cs]) => text.slice(0, i) + cs.join("") + text.slice(i)),
      fc.tuple(fc.nat({ max: text.length }), fc.string({ maxLength: 6 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
      fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 })).map(([i, n]) => text.slice(0, i) + text.slice(i + 1, i + 1 + n) + text.slice(i, i + 1) + text.slice(i + 1 + n)),
      fc.nat({ max: 1000 }).map((n) => {
        const lines = text.split("\n");
        const k = n % Math.max(1, lines.length);
        return [...lines.slice(0, k), ...lines.slice(k + 1)].join("\n");
      }),
      fc.nat({ max: 1000 }).map((n) => {
        const lines = text.split("\n");
        const k = n % Math.max(1, lines.length);
        return [...lines.slice(0, k + 1), ...lines.slice(k)].join("\n");
      }),
    );
  const sample = realFiles.filter((f) => f.startsWith("budgets") || f.includes("as-published"));
  for (const f of sample) {
    it(`never accepts what parseSlow rejects, never builds another tree: ${f}`, () => {
      const text = fs.readFileSync(f, "utf8");
      fc.assert(
        fc.property(mutation(text), (mutated) => {
          agree(mutated, f);
        }),
        { numRuns: 400 },
      );
    });
  }
  it("truncated at every line of the reference budget", () => {
    const f = "budgets/jinzhong-econ-ops-2024/projects.budget";
    const text = fs.readFileSync(f, "utf8");
    let at = 0;
    for (const l of text.split("\n")) {
      at += l.length + 1;
      agree(text.slice(0, at), f);
      agree(text.slice(0, Math.max(0, at - 2)), f);
    }
  });
});

describe("(4) lexical edge cases", () => {
  const perf = (body: string) => `项目 "p" {\n  绩效 {\n    ${body}\n  }\n}\n`;
  const project = (body: string) => `项目 "p" {\n  ${body}\n}\n`;
  const accepts = (src: string): string[] => {
    const f = agree(src);
    expect(f, `expected the fast path to accept ${JSON.stringify(src)}`).toBeDefined();
    return flat(f!.stmts);
  };
  const rejects = (src: string): void => expect(agree(src), `expected a fallback for ${JSON.stringify(src)}`).toBeUndefined();

  it("a keyword followed by CJK is a Word; keywords are tried longest first", () => {
    expect(accepts(perf("项目期 3年"))).toContain("Duration:项目期(Number=3年)");
    expect(accepts(project("类别 项目期限"))).toContain("Category:类别(Word=项目期限)");
    expect(accepts(project("类别 项目a"))).toContain("Category:类别(Word=项目a)");
    rejects(project("类别 项目期"));
    expect(accepts(perf('实施期目标 "x"'))).toContain('PeriodGoal:实施期目标(String="x")');
    expect(accepts(perf("实施期资金 {\n 市县 1元\n }"))).toContain("PeriodFunding:实施期资金()");
    expect(accepts(perf('指标 产出 数量 "n" 实施期 "a" 年度 "b"'))).toContain('Indicator:指标(Word=产出, Word=数量, String="n", 实施期 String="a", 年度 String="b")');
    expect(accepts(perf('指标 产出 数量 "n" 5次 年度 "b"'))).toContain('Indicator:指标(Word=产出, Word=数量, String="n", Number=5次, 年度 String="b")');
    rejects(perf('指标 产出 数量 "n" 年度 "b" 实施期 "a"'));
    rejects(perf('实施期目标x "x"'));
  });

  it("English aliases", () => {
    expect(accepts('department 609 "x" {\n  year 2024\n  money-unit 万元\n  kind 事业单位\n}\n')).toEqual([
      'Department:department(Number=609, String="x")',
      "Year:year(Number=2024)",
      "MoneyUnit:money-unit(Word=万元)",
      "Kind:kind(Word=事业单位)",
    ]);
    rejects('department 609 "x" {\n  years 2024\n}\n');
    rejects('department 609 "x" {\n  year2024\n}\n');
    rejects('department 609 "x" {\n  year年 2024\n}\n');
    rejects('department 609 "x" {\n  money-units 万元\n}\n');
    expect(accepts('部门 609 "x" {\n  编制 {\n    other-staff 15人\n  }\n}\n')).toContain("OtherStaff:other-staff(Number=15人)");
    expect(accepts("last-year {\n  reason income-total \"x\"\n}\n")).toContain('Reason:reason(IncomeTotal=income-total, String="x")');
    expect(accepts('上年 {\n  变动原因 会议费 "x"\n}\n')).toContain('Reason:变动原因(Word=会议费, String="x")');
    rejects('上年 {\n  变动原因 其他 "x"\n}\n');
  });

  it("dates and numbers", () => {
    expect(accepts("国有资产 {\n  截至 2024-03-21\n}\n")).toContain("AsOf:截至(Date=2024-03-21)");
    rejects("国有资产 {\n  截至 2024-3-21\n}\n");
    rejects("国有资产 {\n  截至 2024-03-211\n}\n");
    expect(accepts("部门 1 \"x\" {\n  控制数 {\n    一般公共预算 6,389.17万元\n  }\n}\n")).toContain("GeneralBudget:一般公共预算(Number=6,389.17万元)");
    expect(accepts("国有资产 {\n  设备 50万元 0台（套）\n}\n")).toContain("Equipment:设备(Number=50万元, Number=0台（套）)");
    expect(accepts("基本支出 {\n  支出 2010101-30101-5万元 一般公共预算\n}\n")).toContain("Line:支出(Number=2010101, Number=-30101, Number=-5万元, GeneralBudget=一般公共预算)");
    expect(accepts(project("一般公共预算 +5‰"))).toContain("GeneralBudget:一般公共预算(Number=+5‰)");
    expect(accepts(perf("项目期 95%"))).toContain("Duration:项目期(Number=95%)");
    rejects(perf("项目期 95％"));
    rejects(perf("项目期 95%元"));
    rejects(project("一般公共预算 1,2345万元"));
    rejects(project("一般公共预算 1234,567万元"));
    rejects(project("一般公共预算 12.万元"));
    rejects(project("一般公共预算 - 5"));
  });

  it("strings and text blocks", () => {
    expect(accepts('项目 "a\\"b" {\n}\n')).toEqual(['Project:项目(String="a\\"b")']);
    expect(accepts('项目 "a\\\\" {\n}\n')).toEqual(['Project:项目(String="a\\\\")']);
    expect(accepts('项目 "" {\n}\n')).toEqual(['Project:项目(String="")']);
    expect(accepts('项目 "a\u2028b" {\n}\n')).toEqual(['Project:项目(String="a\u2028b")']);
    rejects('项目 "a\\\u2028b" {\n}\n');
    rejects('项目 "ab\n" {\n}\n');
    rejects('项目 "ab\\\n" {\n}\n');
    rejects('项目 "ab {\n}\n');
    expect(accepts(perf('概况 """"""'))).toContain('Summary:概况(Text="""""")');
    rejects(perf('概况 """a""""'));
    rejects(perf('概况 """a'));
    const crlf = '部门 1 "x" { # 部门\r\n  职责 """\r\n    负责。\r\n  """\r\n}\r\n# 完\r\n';
    const f = accepts(crlf);
    expect(f).toContain('Duties:职责(Text="""\r\n    负责。\r\n  """)');
    expect(fastParse("t.budget", crlf)!.comments.map((c) => c.image)).toEqual(["# 部门\r", "# 完\r"]);
  });

  it("white space, comments and the ends of the file", () => {
    expect(accepts("\ufeff项目\u3000\"p\"\u3000{\u3000科目\u30002010402\u3000}")).toEqual(['Project:项目(String="p")', "Subject:科目(Number=2010402)"]);
    expect(accepts("")).toEqual([]);
    expect(accepts("\n \t\r\n")).toEqual([]);
    expect(fastParse("t.budget", "# only")).toStrictEqual({ path: "t.budget", text: "# only", stmts: [], comments: [{ image: "# only", start: 0, end: 6 }] });
    const eof = '项目 "p" {\n}\n# 完 😀';
    accepts(eof);
    expect(fastParse("t.budget", eof)!.comments).toEqual([{ image: "# 完 😀", start: 11, end: eof.length }]);
    expect(accepts('单位 "u"')).toEqual(['Unit:单位(String="u")']);
    expect(accepts('单位 "u" {\n  类型 事业单位\n}')).toEqual(['Unit:单位(String="u")', "Kind:类型(Word=事业单位)"]);
    expect(accepts('部门 1 "x" {\n  内设机构 "a" "b" "c"\n}')).toContain('Sections:内设机构(String="a", String="b", String="c")');
    rejects('部门 1 "x" {\n  内设机构\n}');
    rejects('项目 "p" {\n');
    rejects('项目 "p" {\n}\n}');
    rejects('项目 "p"\n');
    rejects("项目 \"p\" {\n  科目 2010402 @\n}\n");
    rejects("项目 \"p\" {\n  科目 2010402 \u00a0\n}\n");
    rejects('项目 "p" {\n  年度 2024\n}\n');
  });

  it("records statement ends, block offsets and tags as parseSlow does", () => {
    const src = '项目 "p" {\n  绩效 {\n    指标 产出 数量 "n" 实施期 "a"\n    实施期资金 {}\n  }\n}\n';
    const f = accepts(src) && fastParse("t.budget", src)!;
    const project = f.stmts[0]!;
    expect(project.end).toBe(src.lastIndexOf("}") + 1);
    const indicator = project.block!.stmts[0]!.block!.stmts[0]!;
    expect(indicator.args[3]!.tag).toEqual({ image: "实施期", start: src.indexOf("实施期"), end: src.indexOf("实施期") + 3 });
    expect(indicator.end).toBe(src.indexOf('"a"') + 3);
  });
});
