/**
 * Span-free views of parse results, for comparing two parses of differently laid out
 * text: the statement tree without offsets, and the typed AST without spans.
 */
import type { Stmt } from "../../src/syntax/cst.js";
import { textBlock, unquote } from "../../src/syntax/values.js";

export function shape(stmts: readonly Stmt[]): unknown[] {
  return stmts.filter(Boolean).map((s) => ({
    kw: s.kw,
    kwImage: s.kwImage,
    args: s.args.map((a) => ({
      slot: a.slot,
      token: a.token,
      value: a.token === "Text" ? textBlock(a.image) : a.token === "String" ? unquote(a.image) : a.image,
      tag: a.tag?.image,
    })),
    block: s.block ? shape(s.block.stmts) : undefined,
  }));
}

/** The AST as JSON without spans (Maps become sorted entry lists). */
export function stripSpans(v: unknown): unknown {
  if (v instanceof Map) return [...v.entries()].sort().map(([k, x]) => [k, stripSpans(x)]);
  if (Array.isArray(v)) return v.map(stripSpans);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (k !== "span" && k !== "files") out[k] = stripSpans(x);
    return out;
  }
  return v;
}
