/**
 * The character scan, run before parsing: the characters a source should not hold, and
 * the full-width characters a Chinese input method types where the code wants their
 * half-width forms.
 *
 * Full-width characters. Inside "strings", """text blocks""" and comments, full-width
 * punctuation is ordinary Chinese text (，。：“”（） …) and is left alone. In the code
 * itself a full-width character is a slip of the input method: ０-９ in a figure, ， and
 * ．/。 inside a numeral (4，000.00万元), ％ ＋ － after or before digits, ｛ ｝, ＃ for
 * a comment, “…” ＂…＂ ‘…’ around a string, and ：；、，。 between values. Each slip
 * is reported once (`full-width-character`), and the text handed to the parsers has the
 * half-width character in its place (a separator becomes a space), so that one slip
 * does not cascade into many syntax errors and `fmt --write` prints the fix. The
 * ideographic space U+3000 is white space to the language; its use is reported once per
 * file, as a warning. （ and ） belong to units (台（套）) and are not slips; other
 * full-width symbols have no half-width meaning in the language either, and the lexer
 * reports them as unexpected characters.
 *
 * Control characters. NUL and the other C0 and C1 controls, zero-width characters
 * (U+200B–U+200D, U+2060–U+2064, U+FEFF after the start) and bidirectional controls
 * (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) are errors wherever they
 * stand (`control-character`): in a name they make two names that look the same
 * differ, in text they reach the publication, and a bidirectional control in a comment
 * or string can make the code read differently from what it is ("Trojan Source"). A run
 * of them is one diagnostic. Outside strings, text blocks and comments they are read as
 * a space, so that the lexer does not report them again.
 *
 * Invariant: the scanned text has the length of the source, offset for offset; only
 * single UTF-16 code units are replaced, by single code units.
 */
import { bi, type Bilingual, type Diagnostic } from "../base/diagnostics.js";
import type { Span } from "../base/source.js";
import { SYNTAX_CODES } from "./codes.js";

export interface CharacterScan {
  /** The text to parse: the source with each slip replaced; the source itself when nothing was. */
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Any character the scan reports, outside the full-width forms: a cheap test that lets
 * text the fast parser accepts skip the scan (full-width slips other than U+3000 make
 * the fast parser reject the text, so it never accepts one).
 */
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3000\ufeff]/g;

/** True when text the fast parser accepted still needs the character scan. */
export function needsCharacterScan(text: string): boolean {
  // A byte order mark at the very start is the file's, not the text's.
  SUSPECT.lastIndex = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return SUSPECT.test(text);
}

// ---------------------------------------------------------------------------------------
// Control characters.

type ControlKind = "control" | "zero-width" | "bidi";

/** The kind of an invisible or control character, or undefined for any other. */
function controlKind(c: number): ControlKind | undefined {
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d ? undefined : "control";
  if (c < 0x7f) return undefined;
  if (c <= 0x9f) return "control";
  if (c === 0x061c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return "bidi";
  if ((c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff) return "zero-width";
  return undefined;
}

const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: "NULL",
  0x09: "CHARACTER TABULATION",
  0x7f: "DELETE",
  0x061c: "ARABIC LETTER MARK",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2061: "FUNCTION APPLICATION",
  0x2062: "INVISIBLE TIMES",
  0x2063: "INVISIBLE SEPARATOR",
  0x2064: "INVISIBLE PLUS",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE",
};

/** U+202E RIGHT-TO-LEFT OVERRIDE, or U+0001 for a control without a table entry. */
export function codePointName(c: number): string {
  const hex = `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CONTROL_NAMES[c];
  return name ? `${hex} ${name}` : hex;
}

type Place = "code" | "string" | "text" | "comment";

const PLACE_NAMES: Readonly<Record<Place, Bilingual>> = {
  code: bi("代码", "the code"),
  string: bi("字符串", "a string"),
  text: bi("文字块", "a text block"),
  comment: bi("注释", "a comment"),
};

const KIND_TEXT: Readonly<Record<ControlKind, { what: Bilingual; why: Bilingual }>> = {
  control: {
    what: bi("控制字符", "control character"),
    why: bi("控制字符不是文字，常由复制粘贴或错误的编码带入", "a control character is not text; it usually comes from a paste or a wrong encoding"),
  },
  "zero-width": {
    what: bi("零宽字符", "zero-width character"),
    why: bi("它在编辑器中看不见，却使看来相同的名称不再相同，并被带进公开文件", "it is invisible in an editor, yet makes names that look the same differ, and it is carried into the publication"),
  },
  bidi: {
    what: bi("双向文字控制符", "bidirectional control character"),
    why: bi("它改变文字的显示顺序，使源文件看起来与实际内容不同", "it reorders how text is displayed, so that the source reads differently from what it is"),
  },
};

// ---------------------------------------------------------------------------------------
// Full-width characters.

/** A full-width character that stands for a half-width one in the code: which one. */
function fullWidthDigitOrLetter(c: number): number | undefined {
  // ０-９, Ａ-Ｚ, ａ-ｚ, ＿.
  if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c === 0xff3f) return c - 0xfee0;
  return undefined;
}

/** Full-width characters whose half-width form means the same in the code wherever it stands. */
const SAME: ReadonlyMap<number, number> = new Map([
  [0xff5b, 0x7b], // ｛ {
  [0xff5d, 0x7d], // ｝ }
  [0xff05, 0x25], // ％ %
  [0xff0b, 0x2b], // ＋ +
  [0xff0d, 0x2d], // － -
]);

/** Separators typed between values (the language separates them with spaces); ， ． 。 only outside a numeral. */
const SEPARATORS: ReadonlySet<number> = new Set([0xff0c, 0xff0e, 0x3002, 0xff1a, 0xff1b, 0x3001]);

/** Quotation marks typed for " around a string. */
const QUOTES: ReadonlySet<number> = new Set([0xff02, 0x201c, 0x201d, 0x2018, 0x2019]);

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isFullWidthDigit = (c: number): boolean => c >= 0xff10 && c <= 0xff19;

function show(c: number): string {
  return String.fromCharCode(c);
}

// ---------------------------------------------------------------------------------------
// The scan.

class Scanner {
  readonly diagnostics: Diagnostic[] = [];
  /** Replacements: offset → the code unit the parsers read there. */
  private readonly fixes = new Map<number, number>();
  private ideographicSpaces = 0;
  private firstIdeographicSpace = -1;
  /** The code unit the parsers read just before the current offset. */
  private prev = 0x0a;
  /** The run of adjacent full-width characters being read, reported when it ends. */
  private run0: { start: number; end: number; rule: Bilingual } | undefined;

  constructor(
    private readonly path: string,
    private readonly text: string,
  ) {}

  run(): CharacterScan {
    const t = this.text;
    const n = t.length;
    let i = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === 0x23 || c === 0xff03) {
        if (c === 0xff03) this.fullWidth(i, 0x23, bi("注释以半角 # 开头", "a comment starts with a half-width #"));
        i = this.comment(i);
      } else if (c === 0x22) {
        i = t.startsWith('"""', i) ? this.textBlock(i) : this.string(i);
      } else if (QUOTES.has(c)) {
        i = this.quotedByFullWidth(i);
      } else if (c === 0x3000) {
        this.ideographicSpaces++;
        if (this.firstIdeographicSpace < 0) this.firstIdeographicSpace = i;
        this.prev = 0x20;
        i++;
      } else if (c === 0xfeff) {
        // White space to the lexer outside strings: the mark of a file joined to another.
        this.prev = 0x20;
        i++;
      } else if (controlKind(c) !== undefined) {
        i = this.controls(i, "code");
      } else if (c >= 0x3001) {
        this.maybeFullWidth(i, c);
        i++;
      } else {
        this.prev = c;
        i++;
      }
    }
    this.flush();
    if (this.ideographicSpaces > 0) this.reportIdeographicSpaces();
    return { text: this.fixedText(), diagnostics: this.diagnostics };
  }

  private span(start: number, end: number): Span {
    return { file: this.path, start, end };
  }

  private fixedText(): string {
    if (this.fixes.size === 0) return this.text;
    const offsets = [...this.fixes.keys()].sort((a, b) => a - b);
    const parts: string[] = [];
    let from = 0;
    for (const o of offsets) {
      parts.push(this.text.slice(from, o), String.fromCharCode(this.fixes.get(o)!));
      from = o + 1;
    }
    parts.push(this.text.slice(from));
    return parts.join("");
  }

  /** The code unit the parsers will read at offset k: a full-width digit reads as its digit. */
  private ahead(k: number): number {
    const c = this.text.charCodeAt(k);
    return isFullWidthDigit(c) ? c - 0xfee0 : c;
  }

  /** A character in the code at or above U+3001: a full-width slip, or not. */
  private maybeFullWidth(i: number, c: number): void {
    const letter = fullWidthDigitOrLetter(c);
    if (letter !== undefined) {
      this.fullWidth(i, letter, isDigit(letter) ? bi("数字用半角", "figures are written in half-width digits") : bi("关键字和名称用半角字母", "keywords and words are written in half-width letters"));
      return;
    }
    const same = SAME.get(c);
    if (same !== undefined) {
      this.fullWidth(i, same, same === 0x7b || same === 0x7d ? bi("语句块用半角花括号", "blocks are written in half-width braces") : bi("数值用半角符号", "values are written with half-width signs"));
      return;
    }
    if (SEPARATORS.has(c)) {
      const inNumeral = (c === 0xff0c || c === 0xff0e || c === 0x3002) && isDigit(this.prev) && isDigit(this.ahead(i + 1));
      if (inNumeral) {
        const meant = c === 0xff0c ? 0x2c : 0x2e;
        this.fullWidth(i, meant, meant === 0x2c ? bi("千位分隔符用半角逗号", "thousands are separated by a half-width comma") : bi("小数点用半角句点", "the decimal point is a half-width full stop"));
      } else {
        this.fullWidth(i, 0x20, bi("值与值之间用空格分隔", "values are separated by spaces"), true);
      }
      return;
    }
    this.prev = c;
  }

  /**
   * A full-width character at i that the parsers read as `meant`. Adjacent ones form
   * one slip (８０００ or ８，０００．００ is one figure typed in full width) and are
   * reported together when the run ends; a separator (`meant` a space) is reported on
   * its own, as one to delete.
   */
  private fullWidth(i: number, meant: number, rule: Bilingual, separator = false): void {
    this.fixes.set(i, meant);
    this.prev = meant;
    if (separator) {
      const c = this.text.charCodeAt(i);
      const ch = show(c);
      this.push(
        SYNTAX_CODES.diag("full-width-character", this.span(i, i + 1), bi(`代码中有全角标点「${ch}」：${rule.zh}`, `full-width punctuation ${ch} in the code: ${rule.en}`), {
          hint: bi(`删去「${ch}」，以空格分隔；yusuan fmt --write 会改正`, `delete ${ch} and separate with a space; yusuan fmt --write does it`),
          data: { character: ch, codePoint: codePointName(c), fix: " " },
        }),
      );
      return;
    }
    if (this.run0 !== undefined && this.run0.end === i) this.run0.end = i + 1;
    else {
      this.flush();
      this.run0 = { start: i, end: i + 1, rule };
    }
  }

  /** Reports the pending run of full-width characters. */
  private flush(): void {
    const r = this.run0;
    if (r === undefined) return;
    this.run0 = undefined;
    const written = this.text.slice(r.start, r.end);
    let meant = "";
    for (let k = r.start; k < r.end; k++) meant += show(this.fixes.get(k)!);
    const points = [...written].map((ch) => codePointName(ch.charCodeAt(0)));
    this.diagnostics.push(
      SYNTAX_CODES.diag("full-width-character", this.span(r.start, r.end), bi(`全角字符「${written}」→ 半角「${meant}」：${r.rule.zh}`, `full-width ${written} where the half-width ${meant} is meant: ${r.rule.en}`), {
        hint: bi(`改为半角「${meant}」（切换输入法到英文标点，或运行 yusuan fmt --write）`, `type the half-width ${meant} (English punctuation in the input method), or run yusuan fmt --write`),
        data: { character: written, codePoint: [...new Set(points)].join(" "), fix: meant },
        fix: { title: bi(`改为半角「${meant}」`, `write ${meant}`), span: this.span(r.start, r.end), replacement: meant },
      }),
    );
  }

  /** Adds a diagnostic after the pending run, keeping them in source order. */
  private push(d: Diagnostic): void {
    this.flush();
    this.diagnostics.push(d);
  }

  private reportIdeographicSpaces(): void {
    const i = this.firstIdeographicSpace;
    const n = this.ideographicSpaces;
    this.push(
      SYNTAX_CODES.diag(
        "full-width-character",
        this.span(i, i + 1),
        bi(`代码中用全角空格（U+3000）作空白，共 ${n} 处`, `the ideographic space U+3000 is used as white space in the code, ${n} time(s)`),
        {
          severity: "warning",
          hint: bi("缩进和分隔用半角空格；yusuan fmt --write 会改正全部", "indent and separate with half-width spaces; yusuan fmt --write fixes every one"),
          data: { character: "\u3000", codePoint: "U+3000", fix: " ", count: String(n) },
        },
      ),
    );
  }

  /** A comment from i (at its # or ＃) to the end of its line; returns where it ends. */
  private comment(i: number): number {
    let end = this.text.indexOf("\n", i + 1);
    if (end < 0) end = this.text.length;
    this.controlsIn(i + 1, end, "comment");
    this.prev = 0x20;
    return end;
  }

  /** A text block from its opening """ to its closing one (or the end of the file). */
  private textBlock(i: number): number {
    const close = this.text.indexOf('"""', i + 3);
    const end = close < 0 ? this.text.length : close + 3;
    this.controlsIn(i + 3, close < 0 ? end : close, "text");
    this.prev = 0x22;
    return end;
  }

  /**
   * A string from its opening " as the lexer reads it: to the next unescaped " on the
   * line. One that does not close there but holds a full-width double quote was closed
   * with it by mistake: the last one on the line, when only code follows it, closes it.
   */
  private string(i: number): number {
    const t = this.text;
    const n = t.length;
    let p = i + 1;
    while (p < n) {
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        this.controlsIn(i + 1, p, "string");
        this.prev = 0x22;
        return p + 1;
      }
      if (c === 0x0a || c === 0x0d) break;
      if (c === 0x5c) {
        // A backslash escapes any character but a line terminator (as `\\.` in lexer.ts).
        const d = t.charCodeAt(p + 1);
        if (p + 1 >= n || d === 0x0a || d === 0x0d || d === 0x2028 || d === 0x2029) break;
        p += 2;
      } else p++;
    }
    // Unterminated on its line: look for a full-width closing quote.
    const lineEnd = Math.min(p, n);
    let close = -1;
    for (let k = lineEnd - 1; k > i; k--) {
      const c = t.charCodeAt(k);
      if (c === 0x201d || c === 0xff02 || c === 0x201c) {
        close = k;
        break;
      }
    }
    if (close < 0 || /["\u201c\u201d\u2018\u2019\uff02]/.test(t.slice(close + 1, lineEnd)) || t.charCodeAt(close - 1) === 0x5c) {
      // The lexer reports the unterminated string.
      this.controlsIn(i + 1, lineEnd, "string");
      this.prev = 0x22;
      return lineEnd;
    }
    this.controlsIn(i + 1, close, "string");
    this.quoteSlip([close]);
    return close + 1;
  }

  /**
   * A string opened with a full-width quotation mark (“ ” ‘ ’ ＂): closed by the next
   * quotation mark of either width on its line, it is a string in the wrong quotes;
   * without one, only the opening mark is replaced and the lexer reports the string as
   * unterminated.
   */
  private quotedByFullWidth(i: number): number {
    const t = this.text;
    const n = t.length;
    let close = -1;
    for (let k = i + 1; k < n; k++) {
      const c = t.charCodeAt(k);
      if (c === 0x0a || c === 0x0d) break;
      if (c === 0x22 || QUOTES.has(c)) {
        close = k;
        break;
      }
    }
    if (close < 0) {
      this.quoteSlip([i]);
      return i + 1;
    }
    this.controlsIn(i + 1, close, "string");
    const closedFullWidth = t.charCodeAt(close) !== 0x22;
    this.quoteSlip(closedFullWidth ? [i, close] : [i]);
    return close + 1;
  }

  /** One diagnostic for the full-width quotation marks at `marks` (opening, closing) of one string. */
  private quoteSlip(marks: number[]): void {
    for (const m of marks) this.fixes.set(m, 0x22);
    this.prev = 0x22;
    const chars = marks.map((m) => show(this.text.charCodeAt(m))).join("…");
    const closing = marks[1];
    this.push(
      SYNTAX_CODES.diag("full-width-character", this.span(marks[0]!, marks[0]! + 1), bi(`字符串用了全角引号「${chars}」→ 半角「"」`, `a string is quoted with the full-width ${chars} where the half-width " is meant`), {
        ...(closing !== undefined ? { related: [{ span: this.span(closing, closing + 1), message: bi("右引号也是全角", "the closing quote is full-width too") }] } : {}),
        hint: bi('字符串用半角双引号 "…" 括起来（切换输入法到英文标点，或运行 yusuan fmt --write）；引号里的全角标点不受影响', 'quote strings with half-width "…" (English punctuation in the input method, or yusuan fmt --write); full-width punctuation inside the quotes is fine'),
        data: { character: chars, codePoint: marks.map((m) => codePointName(this.text.charCodeAt(m))).join(" "), fix: '"' },
      }),
    );
  }

  /** Reports the control characters between two offsets of a string, text block or comment. */
  private controlsIn(from: number, to: number, place: Place): void {
    const t = this.text;
    for (let k = from; k < to; k++) {
      if (controlKind(t.charCodeAt(k)) !== undefined) k = this.controls(k, place) - 1;
    }
  }

  /**
   * A run of control characters from i: one diagnostic. In the code they read as spaces;
   * in a string, text block or comment they stay (the diagnostic is an error).
   */
  private controls(i: number, place: Place): number {
    const t = this.text;
    let end = i;
    const seen: number[] = [];
    let kind: ControlKind = "control";
    while (end < t.length) {
      const c = t.charCodeAt(end);
      const k = controlKind(c);
      // Outside strings U+FEFF is white space, and a run ends at it.
      if (k === undefined || (place === "code" && c === 0xfeff)) break;
      if (!seen.includes(c)) seen.push(c);
      // A bidirectional control is the gravest of a mixed run, then a zero-width one.
      if (k === "bidi" || (k === "zero-width" && kind === "control")) kind = k;
      if (place === "code") this.fixes.set(end, 0x20);
      end++;
    }
    if (place === "code") this.prev = 0x20;
    const names = seen.slice(0, 3).map(codePointName).join(", ") + (seen.length > 3 ? ", …" : "");
    const { what, why } = KIND_TEXT[kind];
    const where = PLACE_NAMES[place];
    const count = end - i;
    this.push(
      SYNTAX_CODES.diag(
        "control-character",
        this.span(i, end),
        bi(`${where.zh}中有不可见的${what.zh}（${names}）${count > 1 ? `，连续 ${count} 个` : ""}`, `${where.en} holds an invisible ${what.en} (${names})${count > 1 ? `, ${count} in a row` : ""}`),
        {
          hint: bi(`删除它：${why.zh}`, `delete it: ${why.en}`),
          data: { codePoints: seen.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`).join(" "), place },
        },
      ),
    );
    return end;
  }
}

/**
 * The text with every control and invisible character (as reported above) shown as
 * U+FFFD, for code frames: a bidirectional control printed to a terminal would reorder
 * the line shown, and a zero-width one would push the carets off their place. Offsets
 * are unchanged. Returns the text itself when it has none.
 */
export function showInvisible(text: string): string {
  if (!needsCharacterScan(text) && text.charCodeAt(0) !== 0xfeff) return text;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (controlKind(text.charCodeAt(i)) === undefined) continue;
    out += text.slice(from, i) + "\ufffd";
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * Scans a source text for control characters and full-width slips: the diagnostics,
 * and the text the parsers read (offset for offset the source, with each slip replaced).
 */
export function scanCharacters(path: string, text: string): CharacterScan {
  return new Scanner(path, text).run();
}
