/**
 * The lexer on any input: its scanning functions read exactly what the regular
 * expressions that specify their tokens read; every character starts some token, so
 * Chevrotain's slow recovery never runs; pathological input (megabytes of one
 * character, strings that never close) neither exhausts the stack nor takes long; and
 * a file of garbage is read only up to its allowance of syntax diagnostics.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BAD_STRING_SPEC, BadStr, lexer, Str, STRING_SPEC, tokenize, Unknown } from "../src/syntax/lexer.js";
import { MAX_SYNTAX_DIAGNOSTICS, parseSlow } from "../src/syntax/parser.js";

const ALPHABET = ['"', "\\", "\n", "\r", "\u2028", "\u2029", "a", "长", " ", "#", "{", "@", "+", "-", "1", "😀", "\ufeff", "\u3000"];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 30 }).map((xs) => xs.join(""));

/** What a token's custom pattern reads at an offset. */
function execAt(token: typeof Str, s: string, offset: number): string | undefined {
  const pattern = token.PATTERN as { exec(text: string, offset: number, tokens: unknown[], groups: unknown): [string] | null };
  return pattern.exec(s, offset, [], {})?.[0];
}

/** What a regular expression reads at an offset. */
function regexAt(re: RegExp, s: string, offset: number): string | undefined {
  const sticky = new RegExp(re.source, "y");
  sticky.lastIndex = offset;
  return sticky.exec(s)?.[0];
}

/** The runs of characters no token starts, as a regular expression reads them (fine on short text). */
const UNKNOWN_SPEC = /(?:[^ \t\r\n\u3000\ufeff#{}"0-9A-Za-z_+\-\u3400-\u9fff\uf900-\ufaff]|[+-](?![0-9]))+/;

describe("the lexer's scanning functions", () => {
  it("read strings as STRING_SPEC and BAD_STRING_SPEC do", () => {
    fc.assert(
      fc.property(text, fc.nat(30), (s, at) => {
        const offset = Math.min(at, s.length);
        expect(execAt(Str, s, offset)).toBe(regexAt(STRING_SPEC, s, offset));
        expect(execAt(BadStr, s, offset)).toBe(regexAt(BAD_STRING_SPEC, s, offset));
      }),
      { numRuns: 5000 },
    );
  });
  it("read unknown runs as the regular expression of the characters no token starts", () => {
    fc.assert(
      fc.property(text, fc.nat(30), (s, at) => {
        const offset = Math.min(at, s.length);
        expect(execAt(Unknown, s, offset)).toBe(regexAt(UNKNOWN_SPEC, s, offset));
      }),
      { numRuns: 5000 },
    );
  });
  it("leave Chevrotain no character to recover from", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        expect(lexer.tokenize(s).errors).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("pathological input", () => {
  // Each with the syntax diagnostics it has (or, past the allowance, the allowance and the stop).
  const cases: [string, string, number][] = [
    // V8 runs `"(?:[^"\\]|\\.)*` over about 8.5 million characters before its stack runs out.
    ["a 12 MB string that never closes", '部门 609 "' + "a".repeat(12_000_000), 2],
    ["a 12 MB string of escapes", '"' + "\\a".repeat(6_000_000), 2],
    ["a 12 MB string that closes", '部门 609 "' + "a".repeat(12_000_000) + '" {\n}\n', 0],
    ["a text block that never closes, over 4 million lines", '"""' + "a\n".repeat(4_000_000), 2],
    ["10 MB of one unknown character", "@".repeat(10_000_000), 1],
    ["10 MB of signs", "+-".repeat(5_000_000), 1],
    ["10 MB of opening braces", "{".repeat(10_000_000), 1],
    ["a 5 MB line of CJK text in a string", `部门 609 "${"长".repeat(5_000_000)}" {\n年度 2024\n}\n`, 0],
    ["a million keywords without their values", "项目 ".repeat(1_000_000), MAX_SYNTAX_DIAGNOSTICS + 1],
    ["two million strings that never close", '"\n'.repeat(2_000_000), MAX_SYNTAX_DIAGNOSTICS + 1],
  ];
  for (const [name, s, count] of cases) {
    it(`lexes and parses ${name}`, () => {
      const { diagnostics } = parseSlow("p.budget", s);
      if (count > MAX_SYNTAX_DIAGNOSTICS) {
        expect(diagnostics.length).toBeLessThanOrEqual(count);
        expect(diagnostics.at(-1)?.code).toBe("too-many-errors");
      } else {
        expect(diagnostics).toHaveLength(count);
      }
    }, 60_000);
  }
  it("stops reading a file at its allowance of syntax diagnostics, and says where", () => {
    const s = "@\n".repeat(MAX_SYNTAX_DIAGNOSTICS + 10);
    const { diagnostics } = parseSlow("p.budget", s);
    expect(diagnostics.filter((d) => d.code === "unexpected-character")).toHaveLength(MAX_SYNTAX_DIAGNOSTICS);
    const stop = diagnostics.find((d) => d.code === "too-many-errors");
    expect(stop?.span.start).toBe(2 * MAX_SYNTAX_DIAGNOSTICS);
    const whole = parseSlow("p.budget", "@\n".repeat(MAX_SYNTAX_DIAGNOSTICS));
    expect(whole.diagnostics.map((d) => d.code)).not.toContain("too-many-errors");
  });
  it("reads unknown runs as one token each", () => {
    const r = tokenize("a @@@ b ＋＋ -x +1");
    expect(r.unexpected).toEqual([
      { offset: 2, length: 3 },
      { offset: 8, length: 2 },
      { offset: 11, length: 1 },
    ]);
  });
});
