/**
 * Provenance: which amounts of the source make each derived figure. A derivation can run
 * with a recording `Tracer`; every place that adds an amount into a figure tells it which
 * source amount it added, and every figure computed from other figures names them. The
 * sources of a figure are then exactly the amounts that sum to it (with a sign for a
 * difference), collected by the same code that computed it, so the two cannot disagree.
 *
 * Figures are addressed by the object that holds them and the key: a cell of a table
 * (`row.cells`, "basic"), a prose figure (`s4`, "general"). `provenance.ts` turns them
 * into JSON pointers of the publication.
 *
 * By default a derivation runs with NO_TRACE, which records nothing and costs a branch.
 */
import type * as A from "../syntax/ast.js";

/** One source amount of a figure: as written, and whether it adds or subtracts. */
export interface Origin {
  readonly money: A.Money;
  /** -1 for an amount subtracted (last year's figure in a change). */
  readonly sign: 1 | -1;
}

/** A figure by its holder and key, and the sign it enters another figure with. */
export type FigureRef = readonly [holder: object, key: string, sign?: 1 | -1];

export interface Tracer {
  /** False for NO_TRACE: callers may skip preparing arguments. */
  readonly on: boolean;
  /** `holder[key]` had the amount `money` added to it. */
  add(holder: object, key: string, money: A.Money, sign?: 1 | -1): void;
  /** `holder[key]` is the sum of the figures `parts` (each with its sign); their sources are its sources. */
  from(holder: object, key: string, parts: readonly FigureRef[]): void;
  /** The sources of `holder[key]`, or undefined when none were recorded. */
  origins(holder: object, key: string): readonly Origin[] | undefined;
}

export const NO_TRACE: Tracer = {
  on: false,
  add() {},
  from() {},
  origins: () => undefined,
};

/** A tracer that records every figure's sources. */
export class Recorder implements Tracer {
  readonly on = true;
  private readonly byHolder = new WeakMap<object, Map<string, Origin[]>>();

  private list(holder: object, key: string): Origin[] {
    let m = this.byHolder.get(holder);
    if (!m) this.byHolder.set(holder, (m = new Map()));
    let l = m.get(key);
    if (!l) m.set(key, (l = []));
    return l;
  }

  add(holder: object, key: string, money: A.Money, sign: 1 | -1 = 1): void {
    this.list(holder, key).push({ money, sign });
  }

  from(holder: object, key: string, parts: readonly FigureRef[]): void {
    const l = this.list(holder, key);
    for (const [h, k, sign = 1] of parts) {
      for (const o of this.byHolder.get(h)?.get(k) ?? []) l.push(sign === 1 ? o : { money: o.money, sign: o.sign === 1 ? -1 : 1 });
    }
  }

  origins(holder: object, key: string): readonly Origin[] | undefined {
    return this.byHolder.get(holder)?.get(key);
  }
}
