/**
 * The printer of the normative EBNF of the language. It reads the serialized grammar of
 * the one parser instance (Chevrotain's getSerializedGastProductions), so the EBNF can
 * never drift from what the parser accepts; grammar/yusuan.ebnf is its output, kept in
 * the repository and checked by test/grammar.test.ts.
 *
 * The bodies of the parser hold one alternative that is not language but error
 * recovery: it skips tokens of the Junk category (and stray closing braces at the top
 * level) with one diagnostic. That alternative is left out of the EBNF.
 */
import type { ISerializedGast, TokenType } from "chevrotain";
import { KEYWORDS, KEYWORD_BY_NAME } from "./keywords.js";
import { Comment, DateTok, Junk, LBrace, Num, RBrace, Str, STRING_SPEC, Text, WhiteSpace, Word } from "./lexer.js";
import { bodyRule, serializedGrammar, stmtRule } from "./parser.js";
import { ENUMERATIONS, INDICATOR_LEVEL1, INDICATOR_LEVEL2, INDICATOR_LEVELS } from "./enumerations.js";
import { CONTEXTS, CONTEXT_NAMES } from "./schema.js";

/** A node of Chevrotain's serialized GAST, with the fields this printer reads. */
interface Node extends ISerializedGast {
  readonly name?: string;
  readonly label?: string;
  readonly pattern?: string;
  readonly separator?: Node;
  readonly definition?: Node[];
}

/** Productions longer than this are broken over several lines, one alternative a line. */
const MAX_LINE = 100;

const HEADER = `(*
  yusuan: the grammar of the budget language, in EBNF.

  This file is generated from the parser (src/syntax/parser.ts, which is itself
  generated from the statement table in src/syntax/schema.ts) by
      npm run build && node scripts/gen-grammar.mjs
  Do not edit it by hand; test/grammar.test.ts checks that it is up to date.
  The same grammar is drawn as railroad diagrams in grammar/diagrams.html.

  Notation (ISO 14977 in spirit, with juxtaposition for sequence):
      a b        a followed by b
      a | b      a or b
      [ a ]      a, optionally
      { a }      a, any number of times (also none)
      ( a )      grouping
      "x"        the keyword or punctuation x; a keyword is written by its Chinese
                 spelling here, and its English alias is equally valid (see below)
      /re/       a token given by a JavaScript regular expression
                 (\\uXXXX stands for a UTF-16 code unit)

  The start symbol is fileBody. Every block context has a body rule (projectBody)
  listing its statements, and every statement a rule named context_Keyword
  (project_Subject). Statements of a body may come in any order and may repeat;
  which ones are required, and how often, is checked after parsing, not here.
  Where a statement takes a word of a closed set (a unit's kind, a project's category,
  an indicator's levels …), a comment under its production lists the values the
  checker accepts (from src/syntax/enumerations.ts): the grammar takes any Word there.
*)
`;

const LEXICAL_INTRO = `(*
  Lexical grammar.

  White space (including the ideographic space U+3000 and a byte order mark) and
  comments may stand between any two tokens and are otherwise ignored; comments are
  kept for the formatter. At each place the lexer tries the tokens in the order they
  are listed here and takes the first that matches, with one exception: a keyword
  gives way to a Word when a Word matches a longer stretch of text. So 实施期目标 is
  one keyword and 实施期 another, while 项目名称, 年度2024 and 其他运转类 are Words.
  Keywords are tried longest first. An English spelling is a keyword only when no
  letter, digit, _ or - follows it: unit and unit-funds are keywords, unitx a Word.
  Keywords are case-sensitive: Unit is a Word.
*)
`;

/** The fixed tokens of the lexical section, each with a sentence about it. */
const LEXICAL_TOKENS: readonly { token: TokenType; note: string }[] = [
  { token: WhiteSpace, note: "Skipped between tokens." },
  { token: Comment, note: "Runs to the end of the line; kept for the formatter, ignored by the grammar." },
  { token: LBrace, note: "Opens a block." },
  { token: RBrace, note: "Closes a block." },
  { token: Text, note: 'A text block over any number of lines: """ … """.' },
  { token: Str, note: 'A one-line string; \\" and \\\\ are escapes.' },
  { token: DateTok, note: "An ISO date: 2024-03-21." },
  { token: Num, note: "A numeral with an optional unit: 2010401, 6389.17万元, 52,000,000元, 95%, 50次." },
  { token: Word, note: "A bare word, such as an enumeration value: 其他运转类, 事业单位." },
];

/** The name a token has in the productions. */
function tokenName(t: TokenType): string {
  if (t === LBrace) return "LBrace";
  if (t === RBrace) return "RBrace";
  return t.name;
}

function patternOf(t: TokenType): string {
  // The String token is read by a scanning function; its specification is a regular expression.
  if (t === Str) return STRING_SPEC.source;
  const p = t.PATTERN;
  if (p instanceof RegExp) return p.source;
  if (typeof p === "string") return p;
  throw new Error(`token ${t.name} has no printable pattern`);
}

/** Quotes a terminal the way EBNF writes it. */
function quote(s: string): string {
  return s.includes('"') ? `'${s}'` : `"${s}"`;
}

function lexicalSection(): string {
  const out: string[] = [LEXICAL_INTRO];
  const width = Math.max(...LEXICAL_TOKENS.map(({ token }) => tokenName(token).length));
  for (const { token, note } of LEXICAL_TOKENS) {
    const literal = token === LBrace || token === RBrace ? quote(patternOf(token)) : `/${patternOf(token)}/`;
    out.push(`(* ${note} *)`);
    out.push(`${tokenName(token).padEnd(width)} = ${literal} ;`);
  }
  out.push("");
  out.push("(* Keywords, each in its Chinese spelling and its English alias. *)");
  const kwWidth = Math.max(...KEYWORDS.map((k) => k.name.length));
  for (const k of KEYWORDS) out.push(`${k.name.padEnd(kwWidth)} = ${quote(k.zh)} | ${quote(k.en)} ;`);
  return out.join("\n") + "\n";
}

/** True for the recovery alternative of a body: anything that consumes the Junk category. */
function isRecovery(n: Node): boolean {
  if (n.type === "Terminal" && n.name === Junk.name) return true;
  return (n.definition ?? []).some(isRecovery) || (n.separator ? isRecovery(n.separator) : false);
}

/** Drops recovery alternatives; an alternation left with one alternative becomes its sequence. */
function withoutRecovery(n: Node): Node {
  const definition = n.definition?.filter((d) => !(n.type === "Alternation" && isRecovery(d))).map(withoutRecovery);
  return { ...n, ...(definition ? { definition } : {}) };
}

function terminal(n: Node): string {
  const kw = n.name ? KEYWORD_BY_NAME.get(n.name) : undefined;
  if (kw) return quote(kw.zh);
  if (n.name === LBrace.name) return quote("{");
  if (n.name === RBrace.name) return quote("}");
  if (!n.name) throw new Error("a terminal without a name in the serialized grammar");
  return n.name;
}

/** Prints a sequence of nodes. */
function seq(nodes: readonly Node[]): string {
  return nodes.map(item).filter((s) => s !== "").join(" ");
}

/** Prints the alternatives of an alternation, or the sequence it reduces to. */
function alts(n: Node): string[] {
  return (n.definition ?? []).map((a) => seq(a.definition ?? []));
}

/** Prints one node as it stands inside a sequence. */
function item(n: Node): string {
  const inner = (): string => {
    const d = n.definition ?? [];
    return d.length === 1 && d[0]!.type === "Alternation" ? alts(d[0]!).join(" | ") : seq(d);
  };
  switch (n.type) {
    case "Terminal":
      return terminal(n);
    case "NonTerminal":
      return n.name!;
    case "Alternation": {
      const a = alts(n);
      return a.length === 1 ? a[0]! : `( ${a.join(" | ")} )`;
    }
    case "Alternative":
      return seq(n.definition ?? []);
    case "Option":
      return `[ ${inner()} ]`;
    case "Repetition":
      return `{ ${inner()} }`;
    case "RepetitionMandatory": {
      const body = inner();
      const once = (n.definition ?? []).length === 1 && n.definition![0]!.type !== "Alternation" ? body : `( ${body} )`;
      return `${once} { ${body} }`;
    }
    case "RepetitionWithSeparator": {
      const body = inner();
      return `[ ( ${body} ) { ${item(n.separator!)} ( ${body} ) } ]`;
    }
    case "RepetitionMandatoryWithSeparator": {
      const body = inner();
      return `( ${body} ) { ${item(n.separator!)} ( ${body} ) }`;
    }
    default:
      throw new Error(`unknown production type ${n.type} in the serialized grammar`);
  }
}

/** The width of a line on screen: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Prints one rule as a production. A body with more than two statements lists one
 * alternative a line; any other production too long for one line is filled over
 * several, breaking between the items of its sequence.
 */
function production(rule: Node): string {
  const name = rule.name!;
  const d = rule.definition ?? [];
  const body = d.length === 1 && d[0]!.type === "Repetition" && d[0]!.definition?.length === 1 && d[0]!.definition[0]!.type === "Alternation";
  if (body) {
    const a = alts(d[0]!.definition![0]!);
    if (a.length > 2) return `${name} =\n  { ${a.join("\n  | ")}\n  } ;`;
  }
  const items = d.map(item).filter((s) => s !== "");
  const lines: string[] = [`${name} =`];
  for (const it of items) {
    const last = lines[lines.length - 1]!;
    if (last.trim() !== "" && last !== `${name} =` && width(`${last} ${it}`) > MAX_LINE) lines.push(`    ${it}`);
    else lines[lines.length - 1] = `${last} ${it}`;
  }
  lines[lines.length - 1] += " ;";
  return lines.join("\n");
}

/** The rules in print order: the file first, then every context in schema order, each body before its statements. */
function orderedRules(rules: readonly Node[]): Node[] {
  const byName = new Map(rules.map((r) => [r.name!, r]));
  const order: string[] = [];
  for (const [ctx, specs] of Object.entries(CONTEXTS)) {
    order.push(bodyRule(ctx));
    for (const spec of specs) order.push(stmtRule(ctx, spec.kw));
  }
  const placed = new Set(order);
  const rest = rules.map((r) => r.name!).filter((n) => !placed.has(n));
  return [...order, ...rest].map((n) => {
    const r = byName.get(n);
    if (!r) throw new Error(`the parser has no rule ${n}`);
    return r;
  });
}

/**
 * The serialized grammar of the language: the parser's rules in print order, without
 * the recovery alternatives. The EBNF and the syntax diagrams are drawn from it.
 */
export function languageGrammar(): ISerializedGast[] {
  return orderedRules(serializedGrammar() as Node[]).map(withoutRecovery);
}

/** The normative EBNF of the language, as committed in grammar/yusuan.ebnf. */
export function printEbnf(): string {
  const rules = languageGrammar() as Node[];
  const out: string[] = [HEADER, lexicalSection(), "(*\n  Syntax.\n*)"];
  for (const rule of rules) {
    const name = rule.name!;
    const ctx = name.endsWith("Body") ? name.slice(0, -"Body".length) : undefined;
    if (ctx && CONTEXT_NAMES[ctx]) out.push(`(* The statements of ${CONTEXT_NAMES[ctx]!.en}. *)`);
    out.push(production(rule) + enumerationNote(name));
  }
  return fixBlankLines(out);
}

/**
 * The closed sets a statement takes (syntax/enumerations.ts), as a comment under its
 * production, one set a line: the grammar accepts any Word there, and the checker only
 * the set's values.
 */
function enumerationNote(rule: string): string {
  const lines: string[] = [];
  for (const e of ENUMERATIONS) {
    for (const [ctx, kw, slot] of e.slots) {
      if (stmtRule(ctx, kw) !== rule) continue;
      if (e === INDICATOR_LEVEL2) {
        lines.push(`${slot} (${e.en}, with or without the suffix 指标), by 一级:`);
        for (const [l1, l2s] of INDICATOR_LEVELS) lines.push(`  under ${l1}: ${l2s.join(" | ")}`);
        continue;
      }
      const more = e === INDICATOR_LEVEL1 ? ", with or without the suffix 指标" : e.spellings ? ", each also without 用车: 领导 = 领导用车" : "";
      lines.push(...fill(`${slot} (${e.en}${more}):`, e.values));
    }
  }
  if (!lines.length) return "";
  return `\n    (* The values the checker accepts for the Word:\n       ${lines.join("\n       ")} *)`;
}

/** A label and its values joined by |: on one line when it fits, else the values on lines of their own. */
function fill(label: string, values: readonly string[]): string[] {
  const one = `${label} ${values.join(" | ")}`;
  if (width(one) <= MAX_LINE - 7) return [one];
  const out = [label, "  " + values[0]!];
  for (const v of values.slice(1)) {
    const next = `${out[out.length - 1]} | ${v}`;
    if (width(next) > MAX_LINE - 7) out.push(`  | ${v}`);
    else out[out.length - 1] = next;
  }
  return out;
}

/** Joins the parts, with a blank line before each body and none between its statements. */
function fixBlankLines(parts: readonly string[]): string {
  const lines: string[] = [];
  for (const p of parts) {
    if (p.startsWith("(* The statements of") && lines.length) lines.push("");
    lines.push(p.replace(/\n$/, ""));
    if (p.endsWith("\n")) lines.push("");
  }
  while (lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n") + "\n";
}
