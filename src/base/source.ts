/**
 * Source text and positions. Every node and diagnostic stores byte offsets into a
 * source file's text; line and column are computed only when something is shown to a
 * person or written as JSON, through a line index that is built lazily once per file.
 */

/** A half-open range [start, end) of UTF-16 offsets in one file. */
export interface Span {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

/** One loaded source file: its path as the user named it (relative to the cwd) and its text. */
export interface SourceText {
  readonly path: string;
  readonly text: string;
}

export interface LineCol {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in Unicode code points so that CJK text lines up. */
  readonly column: number;
}

const lineStartsCache = new WeakMap<SourceText, number[]>();

function lineStarts(src: SourceText): number[] {
  let starts = lineStartsCache.get(src);
  if (starts) return starts;
  starts = [0];
  const t = src.text;
  for (let i = t.indexOf("\n"); i !== -1; i = t.indexOf("\n", i + 1)) starts.push(i + 1);
  lineStartsCache.set(src, starts);
  return starts;
}

/** The 1-based line and column of an offset; offsets past the end clamp to the end. */
export function lineCol(src: SourceText, offset: number): LineCol {
  const starts = lineStarts(src);
  const off = Math.max(0, Math.min(offset, src.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= off) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = starts[lo]!;
  let column = 1;
  for (let i = lineStart; i < off; i++) {
    const c = src.text.charCodeAt(i);
    // A surrogate pair is one code point: count only its high half.
    if (c < 0xdc00 || c > 0xdfff) column++;
  }
  return { line: lo + 1, column };
}

/** The text of a 1-based line, without its line break. */
export function lineText(src: SourceText, line: number): string {
  const starts = lineStarts(src);
  const s = starts[line - 1];
  if (s === undefined) return "";
  const e = line < starts.length ? starts[line]! - 1 : src.text.length;
  return src.text.slice(s, e).replace(/\r$/, "");
}

export function lineCount(src: SourceText): number {
  return lineStarts(src).length;
}

/** Display width in a terminal: CJK and full-width characters take two cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

