/**
 * fast-check arbitraries for budget source text generated from the statement table:
 * every statement the grammar admits, with random but valid values, laid out with
 * random white space, line breaks and comments. Used by the property tests.
 */
import fc from "fast-check";
import { KEYWORD_BY_NAME } from "../../src/syntax/keywords.js";
import { CONTEXTS, FIGURE_KEYWORDS, LEVEL_KEYWORDS, SOURCE_KEYWORDS, type Slot } from "../../src/syntax/schema.js";

const kw = (name: string): fc.Arbitrary<string> => {
  const k = KEYWORD_BY_NAME.get(name)!;
  return fc.constantFrom(k.zh, k.zh, k.en);
};

const WORDS = ["其他运转类", "特定目标类", "事业单位", "行政单位", "产出", "数量", "效益", "社会效益", "满意度", "服务对象满意度", "延续性项目", "万元", "其他公务用车", "operating", "shanxi-13", "区级"];
const UNITS = ["万元", "元", "%", "次", "人", "人次", "条", "辆", "平方米", "台（套）", ""];
const CHARS = ["a", "b", "统", "计", "网", "络", " ", "，", "“", "”", "\\\"", "\\\\", "#", "{", "}", "1", "。"];

/**
 * A code or year: any numeral, or one of a few real codes, so that generated budgets also
 * reach the catalogue's subjects (项 and 款 with spending, "三公" economic subjects).
 */
const REAL_CODES = ["2010401", "2010402", "2120101", "21907", "201", "30201", "30217", "30231", "31013", "30101"];
const int = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 99999999 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom(...REAL_CODES) });
const numeral = fc.tuple(fc.integer({ min: 0, max: 9999999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }), fc.boolean()).map(([i, f, group]) => {
  const whole = group ? i.toLocaleString("en-US") : String(i);
  return f === undefined ? whole : `${whole}.${String(f).padStart(2, "0")}`;
});
const qty = fc.tuple(numeral, fc.constantFrom(...UNITS)).map(([n, u]) => n + u);
const str = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => `"${cs.join("")}"`);
const textLine = fc.array(fc.constantFrom("负", "责", "统", "筹", "a", " ", "，", "“", "#", "{"), { minLength: 1, maxLength: 10 }).map((cs) => cs.join("").trim() || "文");
const text = fc.array(textLine, { minLength: 1, maxLength: 3 }).map((ls) => `"""\n${ls.map((l) => "    " + l).join("\n")}\n  """`);
const word = fc.constantFrom(...WORDS);
const date = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

function value(slot: Slot): fc.Arbitrary<string> {
  switch (slot.type) {
    case "int":
      return int;
    case "qty":
      return qty;
    case "str":
      return str;
    case "text":
      return fc.oneof(str, text);
    case "word":
      return word;
    case "date":
      return date;
    case "value":
      return fc.oneof(qty, str);
    case "source":
      return fc.constantFrom(...SOURCE_KEYWORDS).chain(kw);
    case "figure":
      return fc.oneof(word, int, fc.constantFrom(...FIGURE_KEYWORDS).chain(kw));
    case "level":
      return fc.oneof(fc.constantFrom("区级", "市级", "县级"), fc.constantFrom(...LEVEL_KEYWORDS).chain(kw));
  }
}

const comment = fc.array(fc.constantFrom("注", "释", " ", "a", "#", "{", "}"), { maxLength: 8 }).map((cs) => `# ${cs.join("")}`.trimEnd());
/** White space between tokens: a space, a line break, or a comment and a line break. */
const gap = fc.oneof({ weight: 6, arbitrary: fc.constant(" ") }, { weight: 2, arbitrary: fc.constant("\n  ") }, { weight: 1, arbitrary: fc.constant("\n\n") }, { weight: 1, arbitrary: comment.map((c) => ` ${c}\n`) });

function joinWithGaps(parts: string[]): fc.Arbitrary<string> {
  if (parts.length === 0) return fc.constant("");
  return fc.array(gap, { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((gaps) => parts.reduce((acc, p, i) => (i === 0 ? p : acc + gaps[i - 1]! + p), ""));
}

function statements(ctx: string, depth: number): fc.Arbitrary<string> {
  const specs = CONTEXTS[ctx]!.filter((s) => s.kw !== "Include" && (!s.block || depth < 4));
  const one = fc.constantFrom(...specs).chain((spec) => {
    const slotArbs = spec.slots.map((slot) => {
      const v = value(slot);
      const withTag = slot.tag ? fc.tuple(kw(slot.tag), v).map(([t, x]) => `${t} ${x}`) : v;
      return slot.optional || slot.tag ? fc.option(withTag, { nil: undefined }) : slot.repeat ? fc.array(withTag, { minLength: 1, maxLength: 3 }).map((xs) => xs.join(" ")) : withTag;
    });
    const block = spec.block && (!spec.blockOptional || depth < 3) ? statements(spec.block, depth + 1).map((b) => `{\n${b}\n}`) : fc.constant(undefined);
    return fc.tuple(kw(spec.kw), fc.tuple(...slotArbs), block).chain(([k, args, b]) => {
      const parts = [k, ...(args as (string | undefined)[]).filter((x): x is string => x !== undefined)];
      if (b !== undefined) parts.push(b);
      return joinWithGaps(parts);
    });
  });
  return fc.array(one, { maxLength: depth === 0 ? 5 : 3 }).chain((xs) => joinWithGaps(xs.length ? xs : []).map((s) => s));
}

/** A whole file of random, syntactically valid statements. */
export const budgetSource: fc.Arbitrary<string> = fc.tuple(fc.option(comment, { nil: undefined }), statements("file", 0)).map(([c, body]) => `${c ? c + "\n" : ""}${body}\n`);
