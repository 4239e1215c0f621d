/**
 * The statement tree: what the parser produces. Every statement starts with a keyword,
 * takes the arguments its spec in schema.ts names, and may open a block of further
 * statements. Offsets are into the file's text; `end` is exclusive. The formatter
 * prints this tree; lowering turns it into the typed AST of ast.ts.
 */

export interface Arg {
  /** The slot name from schema.ts. */
  readonly slot: string;
  /** Token type name: Number, String, Text, Word, Date or a keyword name. */
  readonly token: string;
  /**
   * The source text of the value as the parsers read it: exact, except that a full-width
   * slip in the code (chars.ts) is already the character meant (4，000 reads 4,000).
   */
  readonly image: string;
  readonly start: number;
  readonly end: number;
  /** The keyword written before the value, for tagged slots (`实施期 "…"`). */
  readonly tag?: { readonly image: string; readonly start: number; readonly end: number };
}

export interface Block {
  readonly open: number;
  /** Offset of the closing brace, or -1 when the file ended first. */
  readonly close: number;
  readonly stmts: readonly Stmt[];
}

export interface Stmt {
  /** Keyword token name (keywords.ts). */
  readonly kw: string;
  /** The keyword as written (Chinese or its English alias). */
  readonly kwImage: string;
  readonly start: number;
  readonly end: number;
  readonly args: readonly Arg[];
  readonly block?: Block;
}

export interface Comment {
  readonly image: string;
  readonly start: number;
  readonly end: number;
}

export interface ParsedFile {
  readonly path: string;
  /** The source text, as written (for code frames and the printer's layout). */
  readonly text: string;
  readonly stmts: readonly Stmt[];
  readonly comments: readonly Comment[];
}
