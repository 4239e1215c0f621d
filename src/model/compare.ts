/**
 * Comparisons with last year: the change of a figure (its amount, direction and percent
 * of last year) and the figure with last year's value and the author's reason.
 */
import { percent, sub, type Fen } from "../base/money.js";
import type * as A from "../syntax/ast.js";
import type { FigureRef, Tracer } from "./trace.js";
import type { Change, Compared } from "./types.js";

/** The change from last year to this year: absolute amount, direction from the sign, percent of last year. */
export function change(amount: Fen, lastYear: Fen): Change {
  const diff = sub(amount, lastYear);
  const abs = diff < 0 ? -diff : diff;
  const pct = lastYear === 0 ? undefined : percent(abs, lastYear < 0 ? -lastYear : lastYear);
  return {
    amount: abs,
    direction: diff > 0 ? "增加" : diff < 0 ? "减少" : "持平",
    trend: diff > 0 ? "增长" : diff < 0 ? "下降" : "持平",
    ...(pct !== undefined ? { percent: pct } : {}),
  };
}

/** A figure with its last-year value, change and reason, when the author gave them. */
export function compare(amount: Fen, lastYear: Fen | undefined, reason?: string): Compared {
  return {
    amount,
    ...(lastYear !== undefined ? { lastYear, change: change(amount, lastYear) } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}

/**
 * `compare`, recording the sources: the amount's are the figure `amountRef`'s, last
 * year's is the amount the 上年 block states (or derives), and the change's are both,
 * last year's subtracted when the figure grew and this year's when it fell.
 */
export function compareTraced(amount: Fen, amountRef: FigureRef, lastYear: LastYearFigure | undefined, reason: string | undefined, tracer: Tracer): Compared {
  const c = compare(amount, lastYear?.fen, reason);
  if (tracer.on) {
    tracer.from(c, "amount", [amountRef]);
    if (lastYear && c.change) {
      const grew = amount >= lastYear.fen;
      tracer.from(c.change, "amount", [[amountRef[0], amountRef[1], grew ? 1 : -1]]);
      for (const m of lastYear.sources) {
        tracer.add(c, "lastYear", m);
        tracer.add(c.change, "amount", m, grew ? -1 : 1);
      }
    }
  }
  return c;
}

/** Last year's value of a figure and the amounts of the 上年 block it is made of. */
export interface LastYearFigure {
  readonly fen: Fen;
  readonly sources: readonly A.Money[];
}

/** Last year's figure stated by one amount. */
export function stated(m: A.Money | undefined): LastYearFigure | undefined {
  return m ? { fen: m.fen, sources: [m] } : undefined;
}
