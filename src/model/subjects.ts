/**
 * The functional subject tree 类 › 款 › 项: amounts booked to a subject accumulate into
 * the subject and its parents, and come out as the rows of the subject tables (表二, 表三,
 * 表五, 表八, 表九) with the catalogue's names.
 */
import { add, type Fen } from "../base/money.js";
import type { Catalogue } from "../catalogue/types.js";
import type * as A from "../syntax/ast.js";
import { addCells, allZero, zeroCells, type Cells } from "./cells.js";
import { NO_TRACE, type Tracer } from "./trace.js";

/** The 类 of a functional code: its first three digits. */
export function leiOf(code: string): string {
  return code.slice(0, 3);
}

/** The 款 of a functional code of five digits or more: its first five digits. */
export function kuanOf(code: string): string | undefined {
  return code.length > 3 ? code.slice(0, 5) : undefined;
}

interface TreeNode<K extends string> {
  readonly code: string;
  readonly level: "类" | "款" | "项";
  readonly cells: Cells<K>;
  readonly children: Map<string, TreeNode<K>>;
}

export interface SubjectRowOf<K extends string> {
  code: string;
  name: string;
  level: "类" | "款" | "项";
  leaf: boolean;
  known: boolean;
  cells: Cells<K>;
}

/**
 * Accumulates amounts into the functional subject tree 类 › 款 › 项: an amount booked to
 * a 项 (7 digits) also counts for its 款 (first 5) and 类 (first 3); one booked to a 款
 * with no 项 (21907) makes that 款 a leaf. Placement is by the code's digits, so a row is
 * always the sum of the rows below it; whether the codes exist is the checker's concern.
 * An amount without a subject counts only in the total.
 */
export class SubjectTreeBuilder<K extends string> {
  readonly total: Cells<K>;
  private readonly roots = new Map<string, TreeNode<K>>();
  /** Untraced amounts by code, not yet in the tree's nodes (addTo, settle). */
  private readonly pending = new Map<string, Cells<K>>();

  constructor(
    private readonly keys: readonly K[],
    private readonly tracer: Tracer = NO_TRACE,
  ) {
    this.total = zeroCells(keys);
  }

  add(code: string | undefined, delta: Partial<Cells<K>>, origin?: A.Money): void {
    if (allZero(delta)) return;
    const tr = this.tracer;
    addCells(this.total, delta, origin, tr);
    if (!code) return;
    let node = this.child(this.roots, leiOf(code), "类");
    addCells(node.cells, delta, origin, tr);
    const kuan = kuanOf(code);
    if (kuan === undefined) return;
    node = this.child(node.children, kuan, "款");
    addCells(node.cells, delta, origin, tr);
    if (code.length <= 5) return;
    node = this.child(node.children, code, "项");
    addCells(node.cells, delta, origin, tr);
  }

  /**
   * Adds `fen` to one key, or two (a row's 合计 and one column), of the subject and its
   * parents: `add` without building a delta per amount, for the one pass over a budget's
   * items. Untraced, the amounts gather by code and reach the tree's nodes once per code
   * when the tree is first read (integer sums: the order does not change them); traced,
   * each amount is recorded in every cell it lands in.
   */
  addTo(code: string | undefined, k1: K, k2: K | undefined, fen: Fen, origin?: A.Money): void {
    if (!fen) return;
    this.bump(this.total, k1, k2, fen, origin);
    if (!code) return;
    if (!this.tracer.on) {
      let bucket = this.pending.get(code);
      if (!bucket) this.pending.set(code, (bucket = zeroCells(this.keys)));
      this.bump(bucket, k1, k2, fen, undefined);
      return;
    }
    for (const n of this.path(code)) this.bump(n.cells, k1, k2, fen, origin);
  }

  private bump(cells: Cells<K>, k1: K, k2: K | undefined, fen: Fen, origin: A.Money | undefined): void {
    const tr = this.tracer;
    cells[k1] = add(cells[k1], fen);
    if (tr.on && origin) tr.add(cells, k1, origin);
    if (k2 === undefined) return;
    cells[k2] = add(cells[k2], fen);
    if (tr.on && origin) tr.add(cells, k2, origin);
  }

  /** The nodes 类, 款 and 项 a code's amounts land in, made as needed. */
  private path(code: string): TreeNode<K>[] {
    const path: TreeNode<K>[] = [];
    let node = this.child(this.roots, leiOf(code), "类");
    path.push(node);
    const kuan = kuanOf(code);
    if (kuan === undefined) return path;
    node = this.child(node.children, kuan, "款");
    path.push(node);
    if (code.length > 5) path.push(this.child(node.children, code, "项"));
    return path;
  }

  /** Brings the amounts gathered by code into the tree's nodes. */
  private settle(): void {
    if (this.pending.size === 0) return;
    for (const [code, bucket] of this.pending) for (const n of this.path(code)) for (const k of this.keys) if (bucket[k]) n.cells[k] = add(n.cells[k], bucket[k]);
    this.pending.clear();
  }

  private child(map: Map<string, TreeNode<K>>, code: string, level: TreeNode<K>["level"]): TreeNode<K> {
    let n = map.get(code);
    if (!n) {
      n = { code, level, cells: zeroCells(this.keys), children: new Map() };
      map.set(code, n);
    }
    return n;
  }

  /** The 类 node of a code, if anything was booked under it. */
  lei(code: string): Cells<K> | undefined {
    this.settle();
    return this.roots.get(code)?.cells;
  }

  /**
   * The node of a code at any level (a 类 of 3 digits, a 款 of 5, a 项 of 7), if anything
   * was booked under it: what the budget spends under that subject, children included.
   */
  at(code: string): Cells<K> | undefined {
    this.settle();
    const lei = this.roots.get(leiOf(code));
    if (code.length === 3) return lei?.cells;
    const kuan = lei?.children.get(code.slice(0, 5));
    if (code.length === 5) return kuan?.cells;
    return code.length === 7 ? kuan?.children.get(code)?.cells : undefined;
  }

  /**
   * The rows depth first, codes ascending at each level. Names come from the catalogue,
   * else from `names` (what the author wrote beside a code), else "". `lookup` finds a
   * code in the catalogue: functional subjects by default (the tree also serves the
   * economic classification, whose codes split the same way).
   */
  rows(catalogue: Catalogue, names: ReadonlyMap<string, string> = new Map(), lookup: (code: string) => { readonly name: string } | undefined = (c) => catalogue.functional(c)): SubjectRowOf<K>[] {
    this.settle();
    const out: SubjectRowOf<K>[] = [];
    const walk = (map: Map<string, TreeNode<K>>): void => {
      for (const code of [...map.keys()].sort()) {
        const n = map.get(code)!;
        const known = lookup(code);
        out.push({ code, name: known?.name ?? names.get(code) ?? "", level: n.level, leaf: n.children.size === 0, known: known !== undefined, cells: n.cells });
        walk(n.children);
      }
    };
    walk(this.roots);
    return out;
  }
}

/**
 * Builds a subject tree from (code, cells) entries: the 合计 cells and the rows, as the
 * tree tables print them.
 */
export function subjectTree<K extends string>(
  entries: Iterable<{ readonly code: string | undefined; readonly cells: Partial<Cells<K>> }>,
  keys: readonly K[],
  catalogue: Catalogue,
  names?: ReadonlyMap<string, string>,
): { total: Cells<K>; rows: SubjectRowOf<K>[] } {
  const b = new SubjectTreeBuilder(keys);
  for (const e of entries) b.add(e.code, e.cells);
  return { total: b.total, rows: b.rows(catalogue, names) };
}
