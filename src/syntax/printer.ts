/**
 * The printer behind `yusuan fmt`: one canonical layout for every budget, so that a
 * diff of two budgets shows only changes of substance. One statement per line, two
 * spaces per block level, single spaces between arguments, text blocks re-indented,
 * at most one blank line kept between statements, and every comment kept: a comment on
 * its own line stays before the statement that follows it, a comment after code stays
 * at the end of that line (including after a line that opens or closes a block).
 * Keywords and literals keep the spelling the author chose.
 *
 * Invariant: print(parse(print(x))) = print(x), and parsing the output gives the same AST.
 */
import type { Arg, Comment, ParsedFile, Stmt } from "./cst.js";
import { textBlock } from "./values.js";

const INDENT = "  ";

export function print(file: ParsedFile): string {
  return new Printer(file).run();
}

class Printer {
  private readonly out: string[] = [];
  private next = 0;
  private readonly comments: readonly Comment[];
  constructor(private readonly file: ParsedFile) {
    this.comments = file.comments;
  }

  run(): string {
    this.items(this.file.stmts, 0, this.file.text.length, 0);
    while (this.out.length && this.out[this.out.length - 1] === "") this.out.pop();
    return this.out.length ? this.out.join("\n") + "\n" : "";
  }

  /** True when only white space lies between two offsets and it holds a blank line. */
  private blankBetween(a: number, b: number): boolean {
    if (a <= 0 || b <= a) return false;
    const gap = this.file.text.slice(a, b);
    return /\n[ \t\r\u3000]*\n/.test(gap);
  }

  /** True when no line break separates offset a from offset b. */
  private sameLine(a: number, b: number): boolean {
    return !this.file.text.slice(a, b).includes("\n");
  }

  private emit(line: string): void {
    this.out.push(line.replace(/[ \t]+$/, ""));
  }

  /** Own-line comments before `limit`, each after a blank line where the source had one. */
  private leadingComments(limit: number, depth: number, prevEnd: { v: number }): void {
    while (this.next < this.comments.length && this.comments[this.next]!.start < limit) {
      const c = this.comments[this.next++]!;
      if (this.blankBetween(prevEnd.v, c.start) && this.out.length && this.out[this.out.length - 1] !== "" && !this.out[this.out.length - 1]!.endsWith("{")) this.emit("");
      this.emit(INDENT.repeat(depth) + c.image.replace(/\s+$/, ""));
      prevEnd.v = c.end;
    }
  }

  /** A comment on the same source line after `offset`, appended to the last output line. */
  private trailingComment(offset: number, before: number): void {
    const c = this.comments[this.next];
    if (c && c.start >= offset && c.start < before && this.sameLine(offset, c.start)) {
      this.out[this.out.length - 1] += " " + c.image.replace(/\s+$/, "");
      this.next++;
    }
  }

  private items(stmts: readonly Stmt[], from: number, limit: number, depth: number): void {
    const prevEnd = { v: from };
    let first = true;
    const present = stmts.filter(Boolean);
    present.forEach((s, i) => {
      const before = this.out.length;
      this.leadingComments(s.start, depth, prevEnd);
      const hadComments = this.out.length > before;
      if ((!first || hadComments) && this.blankBetween(prevEnd.v, s.start)) this.emit("");
      this.statement(s, depth, present[i + 1]?.start ?? limit);
      prevEnd.v = s.end;
      first = false;
    });
    this.leadingComments(limit, depth, prevEnd);
  }

  /** Prints one statement; `nextCode` is where the next statement (or the closing brace) starts. */
  private statement(s: Stmt, depth: number, nextCode: number): void {
    const pad = INDENT.repeat(depth);
    const headerEnd = s.block ? s.block.open : s.end;
    // Comments written between the tokens of one statement move above it.
    const inner = { v: s.start };
    const parts: string[] = [s.kwImage];
    const multi: string[] = [];
    for (const a of s.args) {
      this.leadingComments(a.start, depth, inner);
      if (a.tag) parts.push(a.tag.image);
      if (a.token === "Text") {
        for (const l of this.textLines(a, depth)) multi.push(l);
        parts.push('"""');
      } else parts.push(a.image);
    }
    this.leadingComments(headerEnd, depth, inner);
    if (multi.length) {
      this.emit(pad + parts.join(" "));
      for (const l of multi) this.emit(l);
      this.emit(pad + '"""' + (s.block ? " {" : ""));
    } else {
      this.emit(pad + parts.join(" ") + (s.block ? " {" : ""));
    }
    if (!s.block) {
      this.trailingComment(lastArgEnd(s), nextCode);
      return;
    }
    // A comment after "{" belongs to the opening line only if it comes before the
    // block's first statement; on a one-line block it belongs after the "}".
    const firstInside = s.block.stmts.find(Boolean)?.start ?? (s.block.close >= 0 ? s.block.close : Infinity);
    this.trailingComment(s.block.open + 1, firstInside);
    const close = s.block.close >= 0 ? s.block.close : this.file.text.length;
    this.items(s.block.stmts, s.block.open + 1, close, depth + 1);
    this.emit(pad + "}");
    if (s.block.close >= 0) this.trailingComment(s.block.close + 1, nextCode);
  }

  private textLines(a: Arg, depth: number): string[] {
    const pad = INDENT.repeat(depth + 1);
    return textBlock(a.image)
      .split("\n")
      .map((l) => (l === "" ? "" : pad + l));
  }
}

function lastArgEnd(s: Stmt): number {
  return s.args.length ? s.args[s.args.length - 1]!.end : s.start + s.kwImage.length;
}
