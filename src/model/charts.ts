/**
 * The three pie charts of the explanations: 收入预算图 (income by source and 上年结转),
 * 一般公共预算当年拨款结构图 (by 类) and 三公经费分布图, each slice a figure of the prose or
 * of 表十 with its share.
 */
import { percent, type Fen } from "../base/money.js";
import type { FigureRef, Tracer } from "./trace.js";
import type { Chart, Prose, Tables, ThreePublicKey } from "./types.js";

function slice(label: string, amount: Fen, whole: Fen, ref: FigureRef, tracer: Tracer) {
  const share = percent(amount, whole);
  const s = { label, amount, ...(share !== undefined ? { share } : {}) };
  if (tracer.on) tracer.from(s, "amount", [ref]);
  return s;
}

export function buildCharts(prose: Prose, t: Tables, tracer: Tracer): { income: Chart; general: Chart; threePublic: Chart } {
  const whole = prose.s2.total;
  const income: Chart = {
    title: "收入预算图",
    slices: [...t.t1.income.map((l) => slice(l.source, l.amount, whole, [l, "amount"], tracer)), slice("上年结转", prose.s2.carryover.amount, whole, [prose.s2.carryover, "amount"], tracer)],
  };
  const general: Chart = {
    title: "一般公共预算当年拨款结构图",
    slices: prose.s5.byLei.map((l) => {
      const s = { label: l.name, amount: l.amount, ...(l.share !== undefined ? { share: l.share } : {}) };
      if (tracer.on) tracer.from(s, "amount", [[l, "amount"]]);
      return s;
    }),
  };
  const cells = (k: ThreePublicKey) => t.t10.rows.find((r) => r.key === k)!.cells;
  const tpWhole = cells("total").total;
  const threePublic: Chart = {
    title: "三公经费分布图",
    slices: [
      slice("因公出国（境）费", cells("overseas").total, tpWhole, [cells("overseas"), "total"], tracer),
      slice("公务接待费", cells("reception").total, tpWhole, [cells("reception"), "total"], tracer),
      slice("公务用车购置及运行费", cells("vehicles").total, tpWhole, [cells("vehicles"), "total"], tracer),
    ],
  };
  return { income, general, threePublic };
}
