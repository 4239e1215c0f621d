/**
 * The fast path of the parser, for well-formed input: a hand-written scanner and a
 * table-driven recursive-descent parser over the same statement table (schema.ts) as
 * the Chevrotain parser of parser.ts. It reads the text once with charCodeAt loops,
 * builds no token objects, and allocates only the statement tree itself.
 *
 * It does not recover from errors and reports none. At the first irregularity (a
 * character the lexer does not know, an unterminated string or text block, a token the
 * grammar does not admit where it stands, a keyword of another block, the end of the
 * file inside a block) it gives up and returns undefined; the caller then runs the
 * Chevrotain parser, which reports the error and recovers.
 *
 * Invariant: whenever fastParse returns a file, the Chevrotain parser (parseSlow)
 * reports no diagnostics for the same text and returns a deep-equal file: the same
 * statements, arguments, images, offsets, tags, blocks and comments, in the same order.
 * The scanner therefore mirrors the token patterns of lexer.ts rule for rule (noted at
 * each rule below), and test/fast.test.ts checks the equality on generated, real and
 * damaged budgets.
 */
import type { Arg, Block, Comment, ParsedFile, Stmt } from "./cst.js";
import { KEYWORDS, KEYWORD_TRY_ORDER } from "./keywords.js";
import { CONTEXTS, FIGURE_KEYWORDS, LEVEL_KEYWORDS, SOURCE_KEYWORDS, type SlotType } from "./schema.js";

// ---------------------------------------------------------------------------------------
// Token identifiers. Keywords are numbered by their place in KEYWORDS; the other tokens
// follow. The names are the Chevrotain token names that parser.ts records in Arg.token.

const K = KEYWORDS.length;
const LBRACE = K;
const RBRACE = K + 1;
const TEXT = K + 2;
const STRING = K + 3;
const DATE = K + 4;
const NUMBER = K + 5;
const WORD = K + 6;
const EOF = K + 7;
/** A lexical error: no rule of the grammar accepts it, so parsing stops where it stands. */
const ERROR = K + 8;
const TOKEN_COUNT = K + 9;

const TOKEN_NAMES: readonly string[] = [...KEYWORDS.map((k) => k.name), "LBrace", "RBrace", "Text", "String", "Date", "Number", "Word", "EOF", "Error"];

const KEYWORD_ID: ReadonlyMap<string, number> = new Map(KEYWORDS.map((k, i) => [k.name, i]));
function keywordId(name: string): number {
  const id = KEYWORD_ID.get(name);
  if (id === undefined) throw new Error(`schema names unknown keyword ${name}`);
  return id;
}

// ---------------------------------------------------------------------------------------
// Character classes, as in the regular expressions of lexer.ts. CJK there is the range
// \u3400-\u9fff plus \uf900-\ufaff; \d is the ASCII digits only.

const WS = 1; // [ \t\r\n\u3000\ufeff]
const WORD_START = 2; // [A-Za-z_CJK]
const WORD_PART = 4; // [A-Za-z0-9_\-CJK]
const UNIT = 8; // [CJK（）], the letters of a number's unit
const DIGIT = 16; // [0-9]
const EN_TAIL = 32; // [A-Za-z0-9_-], what may not follow an English keyword

const CLASS = new Uint8Array(65536);
for (const c of [0x20, 0x09, 0x0d, 0x0a, 0x3000, 0xfeff]) CLASS[c] |= WS;
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] |= WORD_START | WORD_PART | EN_TAIL;
for (let c = 0x61; c <= 0x7a; c++) CLASS[c] |= WORD_START | WORD_PART | EN_TAIL;
for (let c = 0x30; c <= 0x39; c++) CLASS[c] |= DIGIT | WORD_PART | EN_TAIL;
CLASS[0x5f] |= WORD_START | WORD_PART | EN_TAIL; // _
CLASS[0x2d] |= WORD_PART | EN_TAIL; // -
for (const [lo, hi] of [
  [0x3400, 0x9fff],
  [0xf900, 0xfaff],
] as const) {
  for (let c = lo; c <= hi; c++) CLASS[c] |= WORD_START | WORD_PART | UNIT;
}
CLASS[0xff08] |= UNIT; // （
CLASS[0xff09] |= UNIT; // ）

// ---------------------------------------------------------------------------------------
// Keywords. A keyword token is tried before Word, in the order of lexer.ts (longest
// first by the same measure), and Word wins when it matches a longer text (longer_alt):
// 项目期 is the keyword Duration, 项目期限 a Word. Every keyword is spelled with word
// characters only (checked below), so a keyword is recognised exactly when the whole
// run of word characters at a position is a spelling that the keyword search in that
// order resolves to that very keyword. That is decided here once per spelling; the
// scanner then looks the run up in a small hash table, without slicing the text.

/** Keyword names in the order lexer.ts tries them (keywords.ts, KEYWORD_TRY_ORDER). */
export const KEYWORD_ORDER: readonly string[] = KEYWORD_TRY_ORDER.map((k) => k.name);

const hasClass = (c: number, cls: number): boolean => (CLASS[c]! & cls) !== 0;

/**
 * What the Chevrotain lexer makes of `word` standing alone (followed by a character
 * that is not a word character): the keyword id, or -1 for a Word. It follows the
 * keyword patterns `zh|en(?![A-Za-z0-9_-])` in order, then the longer_alt rule.
 */
function classifyWord(word: string): number {
  for (const name of KEYWORD_ORDER) {
    const k = KEYWORDS[keywordId(name)]!;
    let len = -1;
    if (word.startsWith(k.zh)) len = k.zh.length;
    else if (word.startsWith(k.en) && (word.length === k.en.length || !hasClass(word.charCodeAt(k.en.length), EN_TAIL))) len = k.en.length;
    if (len >= 0) return len === word.length ? keywordId(name) : -1;
  }
  return -1;
}

function hashOf(s: string): number {
  let h = s.charCodeAt(0);
  for (let i = 1; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

interface Spelling {
  readonly text: string;
  readonly hash: number;
  readonly id: number;
}

const SPELLINGS: Spelling[] = [];
const HASH_BITS = 10;
const HASH_MASK = (1 << HASH_BITS) - 1;
/** Open addressing, linear probing: index + 1 into SPELLINGS, 0 for an empty bucket. */
const HASH_TABLE = new Uint16Array(1 << HASH_BITS);

for (const k of KEYWORDS) {
  for (const spelling of [k.zh, k.en]) {
    if (spelling.length === 0 || !hasClass(spelling.charCodeAt(0), WORD_START) || [...spelling].some((ch) => !hasClass(ch.charCodeAt(0), WORD_PART))) {
      throw new Error(`keyword spelling ${JSON.stringify(spelling)} is not a word: the fast scanner assumes keywords are words`);
    }
    const id = classifyWord(spelling);
    // A spelling that the lexer does not read as its own keyword is a Word; it needs no entry.
    if (id < 0) continue;
    const hash = hashOf(spelling);
    let b = hash & HASH_MASK;
    while (HASH_TABLE[b] !== 0) b = (b + 1) & HASH_MASK;
    SPELLINGS.push({ text: spelling, hash, id });
    HASH_TABLE[b] = SPELLINGS.length;
  }
}

// ---------------------------------------------------------------------------------------
// The statement table, compiled: per context, an array indexed by keyword id.

interface FastSlot {
  readonly name: string;
  /** accepts[token id] is 1 when the slot takes that token (slotTokens of parser.ts). */
  readonly accepts: Uint8Array;
  readonly optional: boolean;
  readonly repeat: boolean;
  /** Keyword id of the tag written before the value, or -1. */
  readonly tag: number;
}

interface FastSpec {
  readonly kw: string;
  readonly slots: readonly FastSlot[];
  /** The context of the block, or undefined when the statement has none. */
  block: FastContext | undefined;
  readonly blockOptional: boolean;
}

type FastContext = readonly (FastSpec | undefined)[];

function acceptSet(type: SlotType): Uint8Array {
  const ids: number[] = (() => {
    switch (type) {
      case "int":
      case "qty":
        return [NUMBER];
      case "str":
        return [STRING];
      case "text":
        return [STRING, TEXT];
      case "word":
        return [WORD];
      case "date":
        return [DATE];
      case "value":
        return [NUMBER, STRING];
      case "source":
        return SOURCE_KEYWORDS.map(keywordId);
      case "figure":
        return [WORD, NUMBER, ...FIGURE_KEYWORDS.map(keywordId)];
      case "level":
        return [WORD, ...LEVEL_KEYWORDS.map(keywordId)];
    }
  })();
  const set = new Uint8Array(TOKEN_COUNT);
  for (const id of ids) set[id] = 1;
  return set;
}

const FAST_CONTEXTS = new Map<string, FastContext>();
const blockNames = new Map<FastSpec, string>();
for (const [ctx, specs] of Object.entries(CONTEXTS)) {
  const table: (FastSpec | undefined)[] = new Array<FastSpec | undefined>(K).fill(undefined);
  for (const spec of specs) {
    const fast: FastSpec = {
      kw: spec.kw,
      slots: spec.slots.map((s) => ({
        name: s.name,
        accepts: acceptSet(s.type),
        optional: s.optional === true,
        repeat: s.repeat === true,
        tag: s.tag ? keywordId(s.tag) : -1,
      })),
      block: undefined,
      blockOptional: spec.blockOptional === true,
    };
    if (spec.block) blockNames.set(fast, spec.block);
    table[keywordId(spec.kw)] = fast;
  }
  FAST_CONTEXTS.set(ctx, table);
}
for (const [spec, ctx] of blockNames) {
  const table = FAST_CONTEXTS.get(ctx);
  if (!table) throw new Error(`schema names unknown context ${ctx}`);
  spec.block = table;
}
const FILE_CONTEXT = FAST_CONTEXTS.get("file")!;

/**
 * Values that recur (subject codes, amounts, category words) are sliced once and shared,
 * within a file and across files: a small cache of images by hash, each checked against
 * the text before use. Only short images are cached: V8 copies a slice of up to 12 code
 * units, while a longer one points into the whole text, and the cache must not keep the
 * text of a file parsed earlier alive.
 */
const IMAGE_CACHE_MAX_LENGTH = 12;
const IMAGE_CACHE_SIZE = 4096;
const IMAGES: string[] = new Array<string>(IMAGE_CACHE_SIZE).fill("");

// ---------------------------------------------------------------------------------------
// The scanner and the parser, in one object: the scanner keeps one token of lookahead
// (the parser is LL(1), as the Chevrotain parser with maxLookahead 1 is).

class FastParser {
  private pos = 0;
  /** The current token: its id, offsets, and for a keyword its spelling as written. */
  private tok = EOF;
  private start = 0;
  private end = 0;
  private kwImage = "";
  readonly comments: Comment[] = [];

  constructor(private readonly text: string) {
    this.next();
  }

  /** Reads the next token, collecting the comments before it. */
  private next(): void {
    const text = this.text;
    const len = text.length;
    let p = this.pos;
    let c = 0;
    // White space is skipped; a comment runs to the end of its line (`#[^\n]*`, so it
    // keeps a \r of a CRLF line end).
    for (;;) {
      if (p >= len) {
        this.tok = EOF;
        this.start = this.end = this.pos = len;
        return;
      }
      c = text.charCodeAt(p);
      if ((CLASS[c]! & WS) !== 0) {
        p++;
        continue;
      }
      if (c === 0x23) {
        let q = text.indexOf("\n", p + 1);
        if (q < 0) q = len;
        this.comments.push({ image: text.slice(p, q), start: p, end: q });
        p = q;
        continue;
      }
      break;
    }
    const start = p;
    this.start = start;
    const cls = CLASS[c]!;
    if ((cls & WORD_START) !== 0) {
      // A keyword or a Word: the run of word characters, hashed on the way.
      let h = c;
      p++;
      while (p < len) {
        const d = text.charCodeAt(p);
        if ((CLASS[d]! & WORD_PART) === 0) break;
        h = (Math.imul(h, 31) + d) | 0;
        p++;
      }
      this.tok = this.keyword(start, p - start, h);
    } else if ((cls & DIGIT) !== 0) {
      // Date (`\d{4}-\d{2}-\d{2}(?![\d])`) is tried before Number.
      if (
        p + 10 <= len &&
        isDigit(text, p + 1) &&
        isDigit(text, p + 2) &&
        isDigit(text, p + 3) &&
        text.charCodeAt(p + 4) === 0x2d &&
        isDigit(text, p + 5) &&
        isDigit(text, p + 6) &&
        text.charCodeAt(p + 7) === 0x2d &&
        isDigit(text, p + 8) &&
        isDigit(text, p + 9) &&
        !isDigit(text, p + 10)
      ) {
        p += 10;
        this.tok = DATE;
      } else {
        p = scanNumber(text, p);
        this.tok = NUMBER;
      }
    } else if (c === 0x22) {
      if (text.charCodeAt(p + 1) === 0x22 && text.charCodeAt(p + 2) === 0x22) {
        // Text: `"""[\s\S]*?"""`, up to the first """ after the opening one. Without one
        // it is BadText, an error.
        const q = text.indexOf('"""', p + 3);
        if (q < 0) {
          this.tok = ERROR;
        } else {
          p = q + 3;
          this.tok = TEXT;
        }
      } else {
        p = scanString(text, p);
        if (p < 0) {
          p = start + 1;
          this.tok = ERROR;
        } else {
          this.tok = STRING;
        }
      }
    } else if (c === 0x7b) {
      p++;
      this.tok = LBRACE;
    } else if (c === 0x7d) {
      p++;
      this.tok = RBRACE;
    } else if ((c === 0x2b || c === 0x2d) && isDigit(text, p + 1)) {
      // A signed Number: `[+-]?` before the digits.
      p = scanNumber(text, p + 1);
      this.tok = NUMBER;
    } else {
      p++;
      this.tok = ERROR;
    }
    this.end = this.pos = p;
  }

  /** The token of a run of word characters: its keyword id, or WORD. */
  private keyword(start: number, length: number, hash: number): number {
    let b = hash & HASH_MASK;
    for (;;) {
      const e = HASH_TABLE[b]!;
      if (e === 0) return WORD;
      const s = SPELLINGS[e - 1]!;
      if (s.hash === hash && s.text.length === length && this.text.startsWith(s.text, start)) {
        this.kwImage = s.text;
        return s.id;
      }
      b = (b + 1) & HASH_MASK;
    }
  }

  /** The statements of a file, or undefined if the file is not well formed. */
  file(): Stmt[] | undefined {
    const stmts = this.body(FILE_CONTEXT);
    return stmts && this.tok === EOF ? stmts : undefined;
  }

  // The statements and arguments being read are kept on two stacks and copied out into
  // arrays of their exact length when complete (see exactArray): an array grown by push
  // keeps spare room (17 slots for one argument), and the whole tree stays alive, so
  // that room would be copied by every garbage collection.
  private readonly stmtStack: Stmt[] = [];
  private stmtTop = 0;
  private readonly argStack: Arg[] = [];
  private argTop = 0;

  /**
   * Statements of one context, up to the closing brace of the block (which is left for
   * the caller) or, at the top level, to the end of the file.
   */
  private body(ctx: FastContext): Stmt[] | undefined {
    const base = this.stmtTop;
    for (;;) {
      const t = this.tok;
      if (t < K) {
        const spec = ctx[t];
        if (spec === undefined) return undefined;
        const st = this.statement(spec);
        if (st === undefined) return undefined;
        this.stmtStack[this.stmtTop++] = st;
      } else if (t === (ctx === FILE_CONTEXT ? EOF : RBRACE)) {
        const out = exactArray(this.stmtStack, base, this.stmtTop);
        this.stmtTop = base;
        return out;
      } else {
        return undefined;
      }
    }
  }

  /** One statement: its keyword (the current token), its arguments and its block. */
  private statement(spec: FastSpec): Stmt | undefined {
    const kwImage = this.kwImage;
    const start = this.start;
    let end = this.end;
    this.next();
    const base = this.argTop;
    const slots = spec.slots;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i]!;
      const accepts = slot.accepts;
      if (slot.tag >= 0) {
        // A tagged value is optional as a whole; after the tag the value is required.
        if (this.tok !== slot.tag) continue;
        const tag = { image: this.kwImage, start: this.start, end: this.end };
        this.next();
        if (accepts[this.tok] !== 1) return undefined;
        end = this.end;
        this.argStack[this.argTop++] = { slot: slot.name, token: TOKEN_NAMES[this.tok]!, image: this.image(), start: this.start, end, tag };
        this.next();
      } else if (accepts[this.tok] === 1) {
        // A repeated value is read as long as the next token is one.
        do {
          end = this.end;
          this.argStack[this.argTop++] = { slot: slot.name, token: TOKEN_NAMES[this.tok]!, image: this.image(), start: this.start, end };
          this.next();
        } while (slot.repeat && accepts[this.tok] === 1);
      } else if (!slot.optional || slot.repeat) {
        return undefined;
      }
    }
    const args = exactArray(this.argStack, base, this.argTop);
    this.argTop = base;
    const context = spec.block;
    if (context !== undefined && (this.tok === LBRACE || !spec.blockOptional)) {
      if (this.tok !== LBRACE) return undefined;
      const open = this.start;
      this.next();
      const stmts = this.body(context);
      if (stmts === undefined) return undefined;
      // body() returns only at the closing brace here.
      const close = this.start;
      this.next();
      const block: Block = { open, close, stmts };
      return { kw: spec.kw, kwImage, start, end: close + 1, args, block };
    }
    return { kw: spec.kw, kwImage, start, end, args };
  }

  /** The source text of the current token; a keyword's spelling is shared, not sliced. */
  private image(): string {
    if (this.tok < K) return this.kwImage;
    const text = this.text;
    const start = this.start;
    const end = this.end;
    const len = end - start;
    if (len > IMAGE_CACHE_MAX_LENGTH) return text.slice(start, end);
    let h = len;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const b = h & (IMAGE_CACHE_SIZE - 1);
    const cached = IMAGES[b]!;
    if (cached.length === len && text.startsWith(cached, start)) return cached;
    const fresh = text.slice(start, end);
    IMAGES[b] = fresh;
    return fresh;
  }

  /** For tests: the tokens as the Chevrotain lexer names them, or undefined on an error. */
  tokens(): { name: string; image: string; start: number }[] | undefined {
    const out: { name: string; image: string; start: number }[] = [];
    while (this.tok !== EOF) {
      if (this.tok === ERROR) return undefined;
      out.push({ name: TOKEN_NAMES[this.tok]!, image: this.text.slice(this.start, this.end), start: this.start });
      this.next();
    }
    return out;
  }
}

/**
 * The elements from..to-1 of a stack as a new array of exactly that length. Short
 * arrays are written as array literals: V8 tracks the allocation site of a literal and,
 * seeing that nearly all of them survive (the tree is kept), allocates them directly in
 * the old generation instead of copying them there, which slice() would not allow.
 */
function exactArray<T>(stack: T[], from: number, to: number): T[] {
  switch (to - from) {
    case 0:
      return [];
    case 1:
      return [stack[from]!];
    case 2:
      return [stack[from]!, stack[from + 1]!];
    case 3:
      return [stack[from]!, stack[from + 1]!, stack[from + 2]!];
    case 4:
      return [stack[from]!, stack[from + 1]!, stack[from + 2]!, stack[from + 3]!];
    default:
      return stack.slice(from, to);
  }
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/**
 * The end of a Number whose digits start at p (after any sign), as the regular
 * expression `(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|‰|[CJK（）]+)?` matches it:
 * thousands groups only after a run of at most three digits, a fraction only with a
 * digit after the point, then % or ‰ or a run of unit letters.
 */
function scanNumber(text: string, p: number): number {
  const len = text.length;
  const first = p;
  while (p < len && isDigit(text, p)) p++;
  if (p - first <= 3) {
    while (text.charCodeAt(p) === 0x2c && isDigit(text, p + 1) && isDigit(text, p + 2) && isDigit(text, p + 3)) p += 4;
  }
  if (text.charCodeAt(p) === 0x2e && isDigit(text, p + 1)) {
    p += 2;
    while (p < len && isDigit(text, p)) p++;
  }
  if (p < len) {
    const c = text.charCodeAt(p);
    if (c === 0x25 || c === 0x2030) {
      p++;
    } else {
      while (p < len && (CLASS[text.charCodeAt(p)]! & UNIT) !== 0) p++;
    }
  }
  return p;
}

/**
 * The end of a String opening at p, as `"(?:[^"\\\n\r]|\\.)*"` matches it, or -1 when
 * it does not close on its line (BadString). A backslash escapes any character but a
 * line terminator (`.` matches none of \n, \r, U+2028, U+2029).
 */
function scanString(text: string, p: number): number {
  const len = text.length;
  p++;
  while (p < len) {
    const c = text.charCodeAt(p);
    if (c === 0x22) return p + 1;
    if (c === 0x5c) {
      if (p + 1 >= len) return -1;
      const d = text.charCodeAt(p + 1);
      if (d === 0x0a || d === 0x0d || d === 0x2028 || d === 0x2029) return -1;
      p += 2;
    } else if (c === 0x0a || c === 0x0d) {
      return -1;
    } else {
      p++;
    }
  }
  return -1;
}

/**
 * Parses a well-formed file without Chevrotain. Returns the same ParsedFile as parse()
 * would, or undefined when the text has anything parse() would report.
 */
export function fastParse(path: string, text: string): ParsedFile | undefined {
  const p = new FastParser(text);
  const stmts = p.file();
  if (stmts === undefined) return undefined;
  return { path, text, stmts, comments: p.comments };
}

/**
 * For tests: the tokens of the text as the fast scanner reads them, named as the
 * Chevrotain lexer names them, and the comments; undefined if the lexer would report
 * an error (an unknown character, an unterminated string or text block).
 */
export function fastTokens(text: string): { tokens: { name: string; image: string; start: number }[]; comments: Comment[] } | undefined {
  const p = new FastParser(text);
  const tokens = p.tokens();
  return tokens && { tokens, comments: p.comments };
}
