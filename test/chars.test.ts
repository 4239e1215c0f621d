/**
 * Characters and encodings: decoding source bytes (UTF-8 with or without a byte order
 * mark, GB18030/GBK, UTF-16, neither), the character scan (full-width slips in the code
 * and nowhere else, control characters anywhere), how the scanned text is read (a
 * full-width comma in a numeral is the comma meant), name keys, and a property: full-width
 * variants of the code's ASCII characters put into a valid budget never throw, are each
 * reported where they stand, and formatting gives back the budget's canonical form.
 */
import * as fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "../src/base/names.js";
import { checkBudget } from "../src/check/check.js";
import { attachForms } from "../src/model/attach.js";
import { scanCharacters, showInvisible } from "../src/syntax/chars.js";
import { decodeSource } from "../src/syntax/encoding.js";
import { fastParse, fastTokens } from "../src/syntax/fast.js";
import { loadBudget } from "../src/syntax/load.js";
import { parse, parseSlow } from "../src/syntax/parser.js";
import { print } from "../src/syntax/printer.js";
import { budgetSource } from "./helpers/gen.js";
import { stripSpans } from "./helpers/strip.js";

const HEAD = '部门 609 "示例部门" {\n  年度 2024\n}\n';
const project = (amount: string): string => `${HEAD}项目 "统计网络租用经费" {\n  科目 2010502\n  类别 其他运转类\n  一般公共预算 ${amount}\n}\n`;

function codes(text: string): string[] {
  return parse("t.budget", text).diagnostics.map((d) => `${d.code}@${d.span.start}-${d.span.end}`);
}

function load(text: string) {
  return loadBudget("t.budget", { read: (p) => (p === "t.budget" ? text : undefined) });
}

describe("decoding source bytes", () => {
  const text = `${HEAD}# 注释：全角，标点。\n`;
  it("reads UTF-8, and drops a UTF-8 byte order mark", () => {
    expect(decodeSource(Buffer.from(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: "utf-8" });
  });
  it("recognises GB18030 (GBK) and decodes it", () => {
    const gbk = new Uint8Array([0xb2, 0xbf, 0xc3, 0xc5, 0x20, 0x36, 0x30, 0x39]); // 部门 609 in GBK
    expect(decodeSource(gbk)).toEqual({ text: "部门 609", encoding: "gb18030" });
  });
  it("recognises UTF-16 with a byte order mark, and UTF-16LE without one", () => {
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(decodeSource(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeSource(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text, encoding: "utf-16be" });
    expect(decodeSource(le)).toEqual({ text, encoding: "utf-16le" });
  });
  it("reads nothing of bytes no recognised encoding decodes", () => {
    expect(decodeSource(new Uint8Array([0x41, 0xff, 0xff, 0x0a]))).toEqual({ text: "", encoding: "unknown" });
  });
  it("takes UTF-8 with a few NULs for UTF-8 (they are reported as control characters)", () => {
    expect(decodeSource(Buffer.from(`${HEAD}\u0000`)).encoding).toBe("utf-8");
  });
});

describe("full-width characters", () => {
  it("are reported in the code, where they stand, one diagnostic per slip", () => {
    const t = project("８，０００．００万元");
    const at = t.indexOf("８");
    expect(codes(t)).toEqual([`full-width-character@${at}-${at + 8}`]);
  });
  it("are read as the character meant: 4，000.00万元 is 4,000.00万元, not 4", () => {
    for (const amount of ["4，000.00万元", "４０００．００万元", "4,000。00万元", "４，０００万元"]) {
      const l = load(project(amount));
      expect(l.diagnostics.map((d) => d.code)).toEqual(["full-width-character"]);
      expect(l.budget.projects[0]!.amounts[0]!.money.fen).toBe(4_000 * 1_000_000);
    }
  });
  it("quotes a string with “…”, ＂…＂, or a full-width closing quote after a half-width one", () => {
    for (const name of ["“统计网络租用经费”", "＂统计网络租用经费＂", '"统计网络租用经费”', "“统计网络租用经费\""]) {
      const t = project("0.60万元").replace('"统计网络租用经费"', name);
      const l = load(t);
      expect(l.diagnostics.map((d) => d.code), name).toEqual(["full-width-character"]);
      expect(l.diagnostics[0]!.span.start).toBe(t.indexOf(name[0] === '"' ? name.slice(-1) : name[0]!));
      expect(l.budget.projects[0]!.name.value).toBe("统计网络租用经费");
    }
  });
  it("separates values with ：；、，。 typed between them, reading each as a space", () => {
    const t = '部门 609 "示例部门" {\n  年度：2024\n  内设机构 "甲"，"乙"、"丙"；\n}\n';
    expect(codes(t).every((c) => c.startsWith("full-width-character@"))).toBe(true);
    expect(codes(t)).toHaveLength(4);
    expect(load(t).budget.department!.sections.map((s) => s.value)).toEqual(["甲", "乙", "丙"]);
  });
  it("are ordinary text in strings, text blocks and comments, and （） are part of units", () => {
    const t = `# 注释：（全角）“引号”，１２３。\n部门 609 "示例：部门（一）“甲”，１２３" {\n  年度 2024\n  职责 """\n    负责：统筹，协调“一统”（试行）；１２３。\n  """\n}\n国有资产 {\n  设备 50万元 0台（套）\n}\n`;
    expect(codes(t)).toEqual([]);
    expect(fastParse("t.budget", t)).toBeDefined();
  });
  it("leave symbols without a half-width meaning to the lexer, once", () => {
    const t = project("0.60万元").replace("0.60万元", "0.60万元 ！");
    expect(parse("t.budget", t).diagnostics.map((d) => d.code)).toEqual(["unexpected-character"]);
  });
  it("report the ideographic space used as white space once per file, as a warning", () => {
    const t = '部门 609 "示例部门"\u3000{\n\u3000\u3000年度 2024\n}\n';
    const ds = parse("t.budget", t).diagnostics;
    expect(ds.map((d) => [d.code, d.severity, d.span.start, d.data?.["count"]])).toEqual([["full-width-character", "warning", t.indexOf("\u3000"), "3"]]);
  });
});

describe("control characters", () => {
  it("are errors in names, text, comments and code, one per run, naming the code points", () => {
    const t = `项目 "统计\u200b\u200b网络" {\n}\n部门 609 "示例部门" {\n  年度 2024\n  职责 """\n    文字\u202e倒序\n  """\n}\n# 注释\u2066\n单位 "x"\u0000\n`;
    const ds = parse("t.budget", t).diagnostics;
    expect(ds.map((d) => [d.code, d.span.start, d.span.end, d.data?.["place"], d.data?.["codePoints"]])).toEqual([
      ["control-character", t.indexOf("\u200b"), t.indexOf("\u200b") + 2, "string", "U+200B"],
      ["control-character", t.indexOf("\u202e"), t.indexOf("\u202e") + 1, "text", "U+202E"],
      ["control-character", t.indexOf("\u2066"), t.indexOf("\u2066") + 1, "comment", "U+2066"],
      ["control-character", t.indexOf("\u0000"), t.indexOf("\u0000") + 1, "code", "U+0000"],
    ]);
    expect(ds[1]!.message.en).toContain("U+202E RIGHT-TO-LEFT OVERRIDE");
  });
  it("are caught even where the fast parser accepts the text", () => {
    const t = project("0.60万元").replace("统计", "统\u200d计");
    expect(fastParse("t.budget", t)).toBeDefined();
    expect(codes(t)).toEqual([`control-character@${t.indexOf("\u200d")}-${t.indexOf("\u200d") + 1}`]);
  });
  it("do not include tabs, line breaks, or a byte order mark at the start", () => {
    expect(codes(`\ufeff${HEAD.replace(/\n/g, "\r\n").replace(/  /g, "\t")}`)).toEqual([]);
  });
  it("are shown as U+FFFD in code frames, offset for offset", () => {
    const t = "a\u202eb\u0000c\u3000d";
    expect(showInvisible(t)).toBe("a\ufffdb\ufffdc\u3000d");
    expect(showInvisible(HEAD)).toBe(HEAD);
  });
});

describe("name keys", () => {
  it("let a form find its project when the names differ only in width or white space", () => {
    const t = fs.readFileSync("test/fixtures/diagnostics/unresolved-reference/ok-form-name-in-full-width.budget", "utf8");
    const a = attachForms(load(t).budget);
    expect([...a.published.keys()]).toEqual([0]);
    expect(a.unattached).toEqual([]);
  });
  it("equal names that differ only in width, white space or invisible characters", () => {
    expect(nameKey("ＡＢ类设备购置 ")).toBe(nameKey("AB类设备购置"));
    expect(nameKey("统计\u200b网络")).toBe(nameKey("统计网络"));
    expect(nameKey("经济\u3000运行  科")).toBe(nameKey("经济 运行 科"));
    expect(nameKey("AB类")).not.toBe(nameKey("AC类"));
  });
  it("keys a name without normalising it only when normalising would not change it", () => {
    const full = (n: string) => n.normalize("NFKC").replace(/[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, "").replace(/\s+/g, " ").trim();
    // Characters from the fast path's set and from just outside it (full-width forms, the
    // ideographic space, an ellipsis, compatibility ideographs, combining marks, invisibles).
    const ch = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7f }),
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x3000, max: 0x3020 }),
      fc.integer({ min: 0x2010, max: 0x2030 }),
      fc.integer({ min: 0xff00, max: 0xff5f }),
      fc.integer({ min: 0xf900, max: 0xfaff }),
      fc.integer({ min: 0x0300, max: 0x036f }),
      fc.constantFrom(0x200b, 0xfeff, 0x00a0, 0x3000, 0x2026),
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }), (cs) => {
        const n = String.fromCharCode(...cs);
        expect(nameKey(n)).toBe(full(n));
      }),
      { numRuns: 5000 },
    );
  });
});

describe("the scanned text", () => {
  it("has the length of the source, offset for offset", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "1", "１", "，", "。", "“", "”", '"', "#", "＃", "\n", "\u3000", "\u200b", "｛", "：", " ") }), (s) => {
        expect(scanCharacters("t.budget", s).text).toHaveLength(s.length);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// The property: full-width variants of the code's ASCII characters.

const FULL: Readonly<Record<string, readonly string[]>> = {
  ",": ["，"],
  ".": ["．", "。"],
  "%": ["％"],
  "{": ["｛"],
  "}": ["｝"],
  "-": ["－"],
  "+": ["＋"],
};

/** Offsets of the code's ASCII characters that have a full-width variant, with the variants. */
function slipSites(text: string): { at: number; variants: readonly string[]; closing?: number }[] {
  const toks = fastTokens(text)?.tokens ?? [];
  const sites: { at: number; variants: readonly string[]; closing?: number }[] = [];
  for (const t of toks) {
    if (t.name === "LBrace" || t.name === "RBrace") sites.push({ at: t.start, variants: FULL[t.image]! });
    else if (t.name === "Number" || t.name === "Date") {
      for (let k = 0; k < t.image.length; k++) {
        const ch = t.image[k]!;
        if (/[0-9]/.test(ch)) sites.push({ at: t.start + k, variants: [String.fromCharCode(ch.charCodeAt(0) + 0xfee0)] });
        else if (FULL[ch]) sites.push({ at: t.start + k, variants: FULL[ch]! });
      }
    } else if (t.name === "String" && !/[\\"“”‘’＂]/.test(t.image.slice(1, -1))) {
      // Both quotes of a string whose text holds no quotation mark or escape.
      sites.push({ at: t.start, variants: ["“", "＂"], closing: t.start + t.image.length - 1 });
    }
  }
  return sites;
}

function slipped(text: string, chosen: { at: number; variant: string; closing?: number }[]): string {
  const chars = text.split("");
  for (const c of chosen) {
    chars[c.at] = c.variant;
    if (c.closing !== undefined) chars[c.closing] = c.variant === "“" ? "”" : c.variant;
  }
  return chars.join("");
}

/** A valid text and a choice of slips in it. */
function withSlips(text: fc.Arbitrary<string>): fc.Arbitrary<{ text: string; chosen: { at: number; variant: string; closing?: number }[] }> {
  return text
    .map((t) => ({ t, sites: slipSites(t) }))
    .filter(({ sites }) => sites.length > 0)
    .chain(({ t, sites }) =>
      fc.subarray(sites, { minLength: 1, maxLength: Math.min(6, sites.length) }).chain((picked) =>
        fc.tuple(...picked.map((s) => fc.constantFrom(...s.variants))).map((vs) => ({
          text: t,
          chosen: picked.map((s, i) => ({ at: s.at, variant: vs[i]!, ...(s.closing !== undefined ? { closing: s.closing } : {}) })),
        })),
      ),
    );
}

function checkSlips(path: string, text: string, chosen: { at: number; variant: string; closing?: number }[]): void {
  const mutated = slipped(text, chosen);
  const r = parse(path, mutated);
  // Only full-width-character diagnostics, and every slip inside one of them.
  expect(r.diagnostics.filter((d) => d.code !== "full-width-character").map((d) => `${d.code}: ${d.message.en}`), mutated).toEqual([]);
  for (const c of chosen) {
    const covered = r.diagnostics.some((d) => d.span.start <= c.at && c.at < d.span.end);
    expect(covered, `no full-width-character at ${c.at} in ${JSON.stringify(mutated)}`).toBe(true);
  }
  // The parsers agree on the scanned text.
  const scan = scanCharacters(path, mutated);
  const fast = fastParse(path, scan.text);
  const slow = parseSlow(path, scan.text);
  expect(slow.diagnostics).toEqual([]);
  expect(fast).toStrictEqual(slow.file);
  // fmt --write prints the budget's canonical form.
  expect(print(r.file)).toBe(print(parse(path, text).file));
}

describe("full-width slips in valid budgets", () => {
  it("never throw, are each reported where they stand, and formatting gives back the canonical form (generated budgets)", () => {
    fc.assert(
      fc.property(withSlips(budgetSource), ({ text, chosen }) => checkSlips("gen.budget", text, chosen)),
      { numRuns: 300 },
    );
  });

  const ref = "budgets/jinzhong-econ-ops-2024.budget";
  const refText = fs.readFileSync(ref, "utf8");
  it("in the reference budget, and the budget then checks as the original did", () => {
    const host = (t: string) => ({ read: (p: string) => (p === ref ? t : fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined) });
    const original = checkBudget(loadBudget(ref, host(refText)));
    const originalCodes = original.diagnostics.map((d) => `${d.code}: ${d.message.en}`);
    const originalAst = stripSpans(loadBudget(ref, host(refText)).budget);
    fc.assert(
      fc.property(withSlips(fc.constant(refText)), ({ text, chosen }) => {
        checkSlips(ref, text, chosen);
        const fixed = print(parse(ref, slipped(text, chosen)).file);
        const rechecked = checkBudget(loadBudget(ref, host(fixed)));
        expect(rechecked.diagnostics.map((d) => `${d.code}: ${d.message.en}`)).toEqual(originalCodes);
        expect(stripSpans(loadBudget(ref, host(fixed)).budget)).toEqual(originalAst);
      }),
      { numRuns: 60 },
    );
  });
});
