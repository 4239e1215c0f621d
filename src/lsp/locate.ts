/**
 * What stands at an offset of a file: the statements around it, innermost last, each with
 * the context (schema.ts) it is written in, and the argument under the offset. Hover,
 * definition and rename read the statement tree through this, so that they agree with
 * the parser on what a position means.
 */
import type { Arg, ParsedFile, Stmt } from "../syntax/cst.js";
import { CONTEXTS, type Slot, type StatementSpec } from "../syntax/schema.js";

export interface Located {
  readonly stmt: Stmt;
  /** The context the statement is written in: "file", "project", … */
  readonly context: string;
  readonly spec?: StatementSpec;
}

export interface At {
  /** The statements that hold the offset, outermost first. */
  readonly path: readonly Located[];
  /** The argument under the offset, with its slot. */
  readonly arg?: { readonly arg: Arg; readonly slot?: Slot; readonly owner: Located };
  /** The context of the innermost block that holds the offset. */
  readonly context: string;
  /** True when the offset is on the keyword of the innermost statement. */
  readonly onKeyword: boolean;
}

/** The spec of a statement in a context. */
export function specOf(context: string, kw: string): StatementSpec | undefined {
  return CONTEXTS[context]?.find((s) => s.kw === kw);
}

/** The context a statement's block opens, if it has one. */
export function blockContext(context: string, stmt: Stmt): string | undefined {
  return specOf(context, stmt.kw)?.block;
}

export function locate(file: ParsedFile, offset: number): At {
  const path: Located[] = [];
  let context = "file";
  let stmts: readonly Stmt[] = file.stmts;
  for (;;) {
    const s = stmts.find((x) => x && x.start <= offset && offset <= (x.block ? (x.block.close >= 0 ? x.block.close + 1 : file.text.length) : x.end));
    if (!s) break;
    const spec = specOf(context, s.kw);
    const here: Located = { stmt: s, context, ...(spec ? { spec } : {}) };
    path.push(here);
    const inner = spec?.block;
    if (s.block && inner && offset > s.block.open && (s.block.close < 0 || offset <= s.block.close)) {
      context = inner;
      stmts = s.block.stmts;
      continue;
    }
    break;
  }
  const last = path[path.length - 1];
  const a = last?.stmt.args.find((x) => x.start <= offset && offset <= x.end);
  const onKeyword = last !== undefined && offset >= last.stmt.start && offset <= last.stmt.start + last.stmt.kwImage.length;
  return {
    path,
    context,
    onKeyword,
    ...(a && last ? { arg: { arg: a, owner: last, ...(last.spec ? { slot: last.spec.slots.find((x) => x.name === a.slot) } : {}) } } : {}),
  } as At;
}

/** Every statement of a file with its context, depth first, in source order. */
export function* statements(file: ParsedFile): Generator<Located> {
  function* walk(stmts: readonly Stmt[], context: string): Generator<Located> {
    for (const s of stmts) {
      if (!s) continue;
      const spec = specOf(context, s.kw);
      yield { stmt: s, context, ...(spec ? { spec } : {}) };
      if (s.block && spec?.block) yield* walk(s.block.stmts, spec.block);
    }
  }
  yield* walk(file.stmts, "file");
}
