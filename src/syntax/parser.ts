/**
 * The parser, generated from the statement table in schema.ts:
 *
 *   File        : Statement(file)*
 *   Block(ctx)  : "{" Statement(ctx)* "}"
 *   Statement(ctx) : Keyword Slot* Block(ctx')?     (one production per keyword of ctx)
 *
 * It is built once and reused for every file. Parsing never fails: it returns the
 * statements it could read and a diagnostic for every syntax error, recovering at the
 * next statement so that one run reports them all.
 */
import { EmbeddedActionsParser, EOF, type IToken, type TokenType, type IRecognitionException } from "chevrotain";
import { bi, type Bilingual, type Diagnostic } from "../base/diagnostics.js";
import { SYNTAX_CODES } from "./codes.js";
import { KEYWORD_BY_NAME } from "./keywords.js";
import { ALL_TOKENS, BadStr, BadText, DateTok, Junk, KEYWORD_TOKENS, LBrace, Num, RBrace, Str, Text, tokenize, Word } from "./lexer.js";
import { CONTEXTS, CONTEXT_NAMES, FIGURE_KEYWORDS, LEVEL_KEYWORDS, SOURCE_KEYWORDS, type Slot, type SlotType, type StatementSpec } from "./schema.js";
import type { Arg, Block, Comment, Stmt } from "./cst.js";
import { errorMessageProvider, describeToken } from "./messages.js";
import { registerSlowParser, type ParseOutput } from "./parse.js";

const kwTok = (name: string): TokenType => {
  const t = KEYWORD_TOKENS.get(name);
  if (!t) throw new Error(`schema names unknown keyword ${name}`);
  return t;
};

/** The token types a slot accepts. */
export function slotTokens(type: SlotType): TokenType[] {
  switch (type) {
    case "int":
    case "qty":
      return [Num];
    case "str":
      return [Str];
    case "text":
      return [Str, Text];
    case "word":
      return [Word];
    case "date":
      return [DateTok];
    case "value":
      return [Num, Str];
    case "source":
      return SOURCE_KEYWORDS.map(kwTok);
    case "figure":
      return [Word, Num, ...FIGURE_KEYWORDS.map(kwTok)];
    case "level":
      return [Word, ...LEVEL_KEYWORDS.map(kwTok)];
  }
}

/** Rule name of a context's statement list and of one statement in it. */
export const bodyRule = (ctx: string): string => `${ctx}Body`;
export const stmtRule = (ctx: string, kw: string): string => `${ctx}_${kw}`;

const end = (t: IToken): number => t.startOffset + (t.image?.length ?? 0);

class BudgetParser extends EmbeddedActionsParser {
  /** Statements that could not be placed, reported by the junk alternative. */
  junk: Diagnostic[] = [];
  file = "";
  /** Where it stopped reading, when it did: after MAX_SYNTAX_DIAGNOSTICS of its own. */
  stoppedAt: number | undefined;
  private readonly rules = new Map<string, (idx?: number) => unknown>();

  constructor() {
    super(ALL_TOKENS, { recoveryEnabled: true, errorMessageProvider, maxLookahead: 1 });
    // Statement rules first, then bodies (a body refers to its statements, a statement
    // with a block to the body of that block; rules are looked up lazily).
    for (const [ctx, specs] of Object.entries(CONTEXTS)) {
      for (const spec of specs) this.defineStatement(ctx, spec);
    }
    for (const ctx of Object.keys(CONTEXTS)) this.defineBody(ctx);
    this.performSelfAnalysis();
  }

  private defineBody(ctx: string): void {
    const specs = CONTEXTS[ctx]!;
    const starts = new Set<TokenType>(specs.map((s) => kwTok(s.kw)));
    const stmtRules = specs.map((s) => this.rules.get(stmtRule(ctx, s.kw))!);
    const where = CONTEXT_NAMES[ctx]!;
    const allowed = specs.map((s) => KEYWORD_BY_NAME.get(s.kw)!.zh);
    const isFile = ctx === "file";
    const rule = this.RULE(
      bodyRule(ctx),
      () => {
        const out: Stmt[] = [];
        const alts = stmtRules.map((r, i) => ({ ALT: () => this.subrule(i, r as never) as Stmt | undefined }));
        this.many(0, {
          // Past the file's allowance of diagnostics every statement list ends: see MAX_SYNTAX_DIAGNOSTICS.
          GATE: () => !this.exhausted(),
          DEF: () => {
            const st = this.or(0, {
              IGNORE_AMBIGUITIES: true,
              DEF: [
                ...alts,
                {
                  ALT: () => {
                    // Skip what does not belong here, in one run, with one diagnostic.
                    const first = isFile ? this.or(1, [{ ALT: () => this.consume(0, Junk) }, { ALT: () => this.consume(1, RBrace) }]) : this.consume(2, Junk);
                    // The rest of the run is skipped token by token, outside the grammar: a
                    // run may be millions of tokens long (10 MB of braces), and a loop of
                    // alternatives per token costs several times what the skipping does.
                    this.ACTION(() => {
                      let last = first;
                      for (;;) {
                        const next = this.LA(1);
                        const t = next.tokenType;
                        if (t === EOF || starts.has(t) || (!isFile && t === RBrace)) break;
                        last = next;
                        // SKIP_TOKEN moves past `next` (and returns the token after it).
                        this.SKIP_TOKEN();
                      }
                      this.reportJunk(first, last, where, allowed);
                    });
                    return undefined;
                  },
                },
              ],
            });
            if (st) out.push(st);
          },
        });
        return out;
      },
      { recoveryValueFunc: () => [] },
    );
    this.rules.set(bodyRule(ctx), rule as never);
  }

  private defineStatement(ctx: string, spec: StatementSpec): void {
    let next = 0;
    const idx = (): number => next++;
    const kwIdx = idx();
    type Step = (args: Arg[]) => void;
    const steps: Step[] = spec.slots.map((slot) => this.slotStep(slot, idx));
    const blockIdx = idx();
    const kw = kwTok(spec.kw);
    const rule = this.RULE(
      stmtRule(ctx, spec.kw),
      () => {
        const k = this.consume(kwIdx, kw);
        const args: Arg[] = [];
        for (const step of steps) step(args);
        let block: Block | undefined;
        if (spec.block) {
          const readBlock = (): void => {
            const lb = this.consume(blockIdx, LBrace);
            const stmts = this.subrule(blockIdx, this.rules.get(bodyRule(spec.block!)) as never) as Stmt[];
            const rb = this.consume(blockIdx + 1, RBrace);
            block = { open: lb.startOffset, close: isNaN(rb.startOffset) ? -1 : rb.startOffset, stmts: stmts ?? [] };
          };
          if (spec.blockOptional) this.option(blockIdx, readBlock);
          else readBlock();
        }
        const last = block && block.close >= 0 ? block.close + 1 : args.length ? args[args.length - 1]!.end : end(k);
        const stmt: Stmt = { kw: spec.kw, kwImage: k.image, start: k.startOffset, end: last, args, ...(block ? { block } : {}) };
        return stmt;
      },
      { recoveryValueFunc: () => undefined as unknown as Stmt },
    );
    this.rules.set(stmtRule(ctx, spec.kw), rule as never);
  }

  private slotStep(slot: Slot, idx: () => number): (args: Arg[]) => void {
    const toks = slotTokens(slot.type);
    const orIdx = idx();
    const consumeIdx = toks.map(() => idx());
    const tagIdx = idx();
    const optIdx = idx();
    const readValue = (tag?: IToken): Arg | undefined => {
      const t =
        toks.length === 1
          ? this.consume(consumeIdx[0]!, toks[0]!)
          : (this.or(orIdx, toks.map((tt, i) => ({ ALT: () => this.consume(consumeIdx[i]!, tt) }))) as IToken);
      // A token invented by error recovery stands for a missing value: it has been
      // reported, and it is not a fact.
      if (!t || t.isInsertedInRecovery || typeof t.image !== "string" || t.image === "") return undefined;
      return {
        slot: slot.name,
        token: t.tokenType?.name ?? "",
        image: t.image,
        start: t.startOffset,
        end: end(t),
        ...(tag ? { tag: { image: tag.image, start: tag.startOffset, end: end(tag) } } : {}),
      };
    };
    if (slot.tag) {
      const tagTok = kwTok(slot.tag);
      return (args) =>
        this.option(optIdx, () => {
          const tag = this.consume(tagIdx, tagTok);
          push(args, readValue(tag));
        });
    }
    if (slot.repeat) return (args) => this.atLeastOne(optIdx, () => push(args, readValue()));
    if (slot.optional) return (args) => this.option(optIdx, () => push(args, readValue()));
    return (args) => push(args, readValue());
  }

  private reportJunk(first: IToken, last: IToken, where: Bilingual, allowed: string[]): void {
    const span = { file: this.file, start: first.startOffset, end: end(last) };
    const found = describeToken(first);
    const list = allowed.join("、");
    this.junk.push(
      SYNTAX_CODES.diag("unexpected-token", span,
        bi(`${where.zh}中不能出现${found.zh}`, `${found.en} cannot stand in ${where.en}`),
        { hint: bi(`此处可写的语句：${list}`, `statements allowed here: ${list}`) },
      ),
    );
  }

  /** True once the file has used its allowance of diagnostics; notes where reading stopped. */
  private exhausted(): boolean {
    if (this.stoppedAt !== undefined) return true;
    if (this.errors.length + this.junk.length < MAX_SYNTAX_DIAGNOSTICS) return false;
    const t = this.LA(1);
    this.stoppedAt = t.tokenType === EOF || isNaN(t.startOffset) ? Infinity : t.startOffset;
    return true;
  }

  parseFile(): Stmt[] {
    const rule = this.rules.get(bodyRule("file"))!;
    return (rule.call(this) as Stmt[] | undefined) ?? [];
  }
}

/**
 * Full-width characters typed with a Chinese input method where the language wants their
 * half-width forms: digits, the decimal point, %, quotes, braces, # and signs, and a
 * full-width comma only as a thousands separator (before a digit). The half-width text
 * of `found`, or undefined when some character of it has no such replacement.
 */
function halfWidth(found: string, next: string): string | undefined {
  let out = "";
  let changed = false;
  const chars = [...found];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const after = chars[i + 1] ?? next;
    let h: string | undefined;
    if (c === "“" || c === "”" || c === "＂") h = '"';
    else if (c === "，") h = /[0-9０-９]/.test(after) ? "," : undefined;
    else if (/[０-９．％｛｝＃＋－]/.test(c)) h = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    else if (/[ -~]/.test(c)) h = c;
    if (h === undefined) return undefined;
    if (h !== c) changed = true;
    out += h;
  }
  return changed ? out : undefined;
}

function push(args: Arg[], a: Arg | undefined): void {
  if (a) args.push(a);
}

let instance: BudgetParser | undefined;
/** The parser is expensive to build and cheap to reuse: build it once. */
function parserInstance(): BudgetParser {
  return (instance ??= new BudgetParser());
}

export type { ParseOutput } from "./parse.js";

/**
 * Lexes and parses one file (parse.ts): the character scan where needed, the fast path,
 * then Chevrotain. With this module loaded it never throws on any input.
 */
export { parse } from "./parse.js";

/**
 * After this many syntax diagnostics in one file the rest of the file is not read. A file
 * with hundreds of syntax errors is not a budget with mistakes but text of another kind,
 * and the reports of its first errors say so; reading on would cost a recovery per error
 * (10 MB of them take minutes) to print nothing more useful. Far more than the
 * diagnostics shown per file (report.ts), so the count of those not shown stays exact
 * for any file that is read to its end.
 */
export const MAX_SYNTAX_DIAGNOSTICS = 200;

/** The Chevrotain parser: lexes and parses one file with diagnostics and recovery. */
export function parseSlow(path: string, text: string): ParseOutput {
  const diagnostics: Diagnostic[] = [];
  const lexed = tokenize(text);
  // Lexical problems, in the order of the text: runs of unexpected characters and strings
  // that never close (which are then read as strings, so parsing goes on). Past the
  // allowance, the rest of the file is not read.
  let stop = Infinity;
  const { unexpected } = lexed;
  let u = 0;
  let t = nextBad(lexed.tokens, 0);
  for (let count = 0; u < unexpected.length || t < lexed.tokens.length; count++) {
    const uAt = unexpected[u]?.offset ?? Infinity;
    const tok = lexed.tokens[t];
    const tAt = tok?.startOffset ?? Infinity;
    if (count === MAX_SYNTAX_DIAGNOSTICS) {
      stop = Math.min(uAt, tAt);
      break;
    }
    if (uAt <= tAt) {
      const e = unexpected[u++]!;
      const shown = quoteChars(text.slice(e.offset, e.offset + Math.min(e.length, 12)));
      const span = { file: path, start: e.offset, end: e.offset + e.length };
      const found = text.slice(e.offset, e.offset + e.length);
      const half = halfWidth(found, text.charAt(span.end));
      diagnostics.push(
        SYNTAX_CODES.diag("unexpected-character", span, bi(`无法识别的字符 ${shown}`, `unrecognised characters ${shown}`),
          half
            ? { hint: bi(`把全角的 ${found} 改为半角的 ${half}`, `write the full-width ${found} half-width: ${half}`), fix: { title: bi(`改为半角 ${half}`, `write ${half}`), span, replacement: half } }
            : { hint: bi("字符串请用双引号括起来；注释以 # 开头", 'write text in "double quotes"; comments start with #') },
        ),
      );
    } else if (tok!.tokenType === BadStr) {
      diagnostics.push(
        SYNTAX_CODES.diag("unterminated-string", { file: path, start: tok!.startOffset, end: end(tok!) }, bi("字符串缺少结束的双引号", "this string has no closing quote"), {
          hint: bi('在行尾补上 "；多行文字请用 """ … """', 'close it with " on the same line; use """ … """ for text over several lines'),
        }),
      );
      tok!.tokenType = Str;
      tok!.tokenTypeIdx = Str.tokenTypeIdx!;
      t = nextBad(lexed.tokens, t + 1);
    } else {
      diagnostics.push(
        SYNTAX_CODES.diag("unterminated-string", { file: path, start: tok!.startOffset, end: tok!.startOffset + 3 }, bi('文字块缺少结束的 """', 'this text block has no closing """'), {
          hint: bi('在文字结束处另起一行写 """', 'end the text with """ on a line of its own'),
        }),
      );
      tok!.tokenType = Text;
      tok!.tokenTypeIdx = Text.tokenTypeIdx!;
      t = nextBad(lexed.tokens, t + 1);
    }
  }
  const tokens = stop === Infinity ? lexed.tokens : lexed.tokens.slice(0, firstAtOrAfter(lexed.tokens, stop));
  const p = parserInstance();
  p.file = path;
  p.junk = [];
  p.stoppedAt = undefined;
  p.input = tokens;
  const stmts = p.parseFile();
  stop = Math.min(stop, p.stoppedAt ?? Infinity);
  // What recovery reports while the parser unwinds from where it stopped is not news.
  for (const d of p.junk) if (d.span.start < stop) diagnostics.push(d);
  for (const e of p.errors) {
    const d = recognitionDiagnostic(path, text, e);
    if (d.span.start < stop) diagnostics.push(d);
  }
  // The lexer's and the parser's diagnostics together: past the allowance, reading stops.
  if (diagnostics.length > MAX_SYNTAX_DIAGNOSTICS) {
    diagnostics.sort((a, b) => a.span.start - b.span.start);
    stop = diagnostics[MAX_SYNTAX_DIAGNOSTICS]!.span.start;
    diagnostics.splice(diagnostics.findIndex((d) => d.span.start >= stop));
  }
  if (stop !== Infinity) {
    diagnostics.push(
      SYNTAX_CODES.diag("too-many-errors", { file: path, start: stop, end: stop },
        bi(`语法错误已达 ${MAX_SYNTAX_DIAGNOSTICS} 处，未读取此处之后的内容`, `${MAX_SYNTAX_DIAGNOSTICS} syntax errors: the rest of the file from here was not read`),
        { hint: bi("先改正前面的错误；这个文件也可能不是预算源文件", "correct the first errors; this file may also not be a budget source at all") },
      ),
    );
  }
  const comments: Comment[] = lexed.comments.filter((c) => c.startOffset < stop).map((c) => ({ image: c.image, start: c.startOffset, end: end(c) }));
  return { file: { path, text, stmts, comments }, diagnostics: dedupe(diagnostics) };
}

/** The index of the first string or text block that never closes, from index `i` on. */
function nextBad(tokens: readonly IToken[], i: number): number {
  while (i < tokens.length && tokens[i]!.tokenType !== BadStr && tokens[i]!.tokenType !== BadText) i++;
  return i;
}

/** The index of the first token at or after an offset (tokens are in text order). */
function firstAtOrAfter(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function recognitionDiagnostic(path: string, text: string, e: IRecognitionException): Diagnostic {
  const t = e.token;
  const atEof = t.tokenType === EOF || isNaN(t.startOffset);
  const start = atEof ? text.length : t.startOffset;
  const span = { file: path, start, end: atEof ? start : end(t) };
  let msg: Bilingual;
  try {
    msg = JSON.parse(e.message) as Bilingual;
  } catch {
    msg = bi(e.message, e.message);
  }
  return SYNTAX_CODES.diag("syntax-error", span, msg);
}

/**
 * Recovery can report one mistake at the same place twice, once as a missing value and
 * once as a token that does not belong; keep the more precise one.
 */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const syntaxAt = new Set(ds.filter((d) => d.code === "syntax-error").map((d) => d.span.start));
  const seen = new Set<string>();
  return ds.filter((d) => {
    if (d.code === "unexpected-token" && syntaxAt.has(d.span.start)) return false;
    const k = `${d.code}:${d.span.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function quoteChars(s: string): string {
  return JSON.stringify(s);
}

/** For the grammar printer and syntax diagrams. */
export function grammarProductions() {
  return parserInstance().getGAstProductions();
}
export function serializedGrammar() {
  return parserInstance().getSerializedGastProductions();
}

// Loading this module makes the full parser available to parse.ts.
registerSlowParser(parseSlow);
