/**
 * The economic classification of basic expenditure: 表六 (一般公共预算 basic lines by
 * economic subject, 人员经费 and 公用经费), the "三公" items of 表十 and the 机关运行经费 of
 * 表十一 (公用经费 of administrative units), all from the economic subjects of the lines
 * and the catalogue that classifies them.
 */
import type { Catalogue } from "../catalogue/types.js";
import { add } from "../base/money.js";
import { addCells, PERSONNEL_PUBLIC_KEYS, TOTAL_BY_FISCAL_KEYS, zeroCells, type Cells } from "./cells.js";
import type { EconomicItem } from "./items.js";
import { FISCAL_KEYS, SOURCE_KEY, type SourceKey } from "./keys.js";
import { tableBase, THREE_PUBLIC_KEY, THREE_PUBLIC_ROWS } from "./labels.js";
import type { Tracer } from "./trace.js";
import type { EconomicGroup, EconomicLine, Table10, Table11, Table6, ThreePublicKey, TotalByFiscal, UnitModel } from "./types.js";
import { ADMINISTRATIVE, UNIT_KINDS, type UnitResolution } from "./units.js";

const FISCAL: ReadonlySet<SourceKey> = new Set<SourceKey>(FISCAL_KEYS);

export interface Economic {
  /** 表六's lines by (部门 subject, 政府 subject), in the order first written. */
  readonly lines: ReadonlyMap<string, EconomicLine & { group: string }>;
  readonly total: Cells<(typeof PERSONNEL_PUBLIC_KEYS)[number]>;
  /** 表十's rows by key, 财政拨款 by fund. */
  readonly threePublic: ReadonlyMap<ThreePublicKey, TotalByFiscal>;
  /** 表十一: 机关运行经费 by unit, and its total. */
  readonly running: ReadonlyMap<string, TotalByFiscal>;
  readonly runningTotal: TotalByFiscal;
}

/**
 * Accumulates the economic figures in one pass over the amounts with an economic subject:
 * 表六 and 机关运行经费 count basic lines only; 三公 counts projects' spending too (a car
 * bought by a project is 公务用车购置 as one bought from basic expenditure is).
 */
export function accumulateEconomic(items: readonly EconomicItem[], catalogue: Catalogue, names: ReadonlyMap<string, string>, units: UnitResolution, tracer: Tracer): Economic {
  const lines = new Map<string, EconomicLine & { group: string }>();
  const total = zeroCells(PERSONNEL_PUBLIC_KEYS);
  const threePublic = new Map<ThreePublicKey, TotalByFiscal>(THREE_PUBLIC_ROWS.map((r) => [r.key, zeroCells(TOTAL_BY_FISCAL_KEYS)]));
  const running = new Map<string, TotalByFiscal>();
  const runningTotal = zeroCells(TOTAL_BY_FISCAL_KEYS);
  for (const it of items) {
    const basic = it.kind === "basic";
    const key = SOURCE_KEY[it.source];
    const fen = it.fen;
    const m = it.money;
    const pp = catalogue.personnelOrPublic(it.economic);
    if (basic && key === "general") {
      // 表六: 一般公共预算 basic lines by economic subject, in the order first written.
      const kind = units.kindOf(it.unit);
      const govCode = catalogue.mapToGovernment(it.economic, kind);
      const lineKey = `${it.economic}|${govCode ?? ""}`;
      let line = lines.get(lineKey);
      if (!line) {
        const e = catalogue.economic(it.economic);
        line = {
          group: e?.parent ?? it.economic.slice(0, 3),
          code: it.economic,
          name: e?.name ?? names.get(it.economic) ?? "",
          ...(govCode !== undefined ? { governmentCode: govCode } : {}),
          governmentName: (govCode !== undefined ? (catalogue.government(govCode)?.name ?? names.get(govCode)) : undefined) ?? "",
          ...(pp ? { kind: pp } : {}),
          unitKinds: [],
          cells: zeroCells(PERSONNEL_PUBLIC_KEYS),
        };
        lines.set(lineKey, line);
      }
      if (!line.unitKinds.includes(kind)) {
        // In the catalogue's order of kinds, whatever order the lines come in.
        line.unitKinds.push(kind);
        line.unitKinds.sort((a, b) => UNIT_KINDS.indexOf(a) - UNIT_KINDS.indexOf(b));
      }
      const delta = { total: fen, ...(pp === "人员经费" ? { personnel: fen } : pp === "公用经费" ? { public: fen } : {}) };
      addCells(line.cells, delta, m, tracer);
      addCells(total, delta, m, tracer);
    }
    if (!FISCAL.has(key)) continue;
    const tp = catalogue.threePublic(it.economic);
    if (tp) {
      const k = THREE_PUBLIC_KEY[tp];
      const delta = { total: fen, [key]: fen };
      addCells(threePublic.get(k)!, delta, m, tracer);
      if (k === "vehiclePurchase" || k === "vehicleOperation") addCells(threePublic.get("vehicles")!, delta, m, tracer);
      addCells(threePublic.get("total")!, delta, m, tracer);
    }
    if (basic && pp === "公用经费" && ADMINISTRATIVE.has(units.kindOf(it.unit))) {
      let r = running.get(it.unit);
      if (!r) running.set(it.unit, (r = zeroCells(TOTAL_BY_FISCAL_KEYS)));
      addCells(r, { total: fen, [key]: fen }, m, tracer);
      addCells(runningTotal, { total: fen, [key]: fen }, m, tracer);
    }
  }
  return { lines, total, threePublic, running, runningTotal };
}

/** 表六, 表十 and 表十一. */
export function economicTables(e: Economic, year: number, catalogue: Catalogue, names: ReadonlyMap<string, string>, unitOrder: readonly UnitModel[], tracer: Tracer): { t6: Table6; t10: Table10; t11: Table11 } {
  // 表六: groups in code order, lines in the order first written.
  const groups = new Map<string, EconomicGroup>();
  for (const { group, ...line } of e.lines.values()) {
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { code: group, name: catalogue.economic(group)?.name ?? names.get(group) ?? "", cells: zeroCells(PERSONNEL_PUBLIC_KEYS), lines: [] }));
    addGroup(g.cells, line.cells, tracer);
    g.lines.push(line);
  }
  const t6Groups = [...groups.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  const tpTotal = e.threePublic.get("total")!;
  const t10: Table10 = {
    ...tableBase(10, year, tpTotal.total === 0),
    rows: THREE_PUBLIC_ROWS.map((r) => ({ key: r.key, label: r.label, cells: e.threePublic.get(r.key)! })),
  };

  // 表十一: units in unit order.
  const t11Units = unitOrder.filter((u) => e.running.has(u.name)).map((u) => ({ name: u.name, cells: e.running.get(u.name)! }));
  const t11: Table11 = { ...tableBase(11, year, t11Units.length === 0), total: e.runningTotal, units: t11Units };

  return { t6: { ...tableBase(6, year, t6Groups.length === 0), total: e.total, groups: t6Groups }, t10, t11 };
}

/** Adds a line's cells into its group's, carrying the line's sources. */
function addGroup(into: Cells<(typeof PERSONNEL_PUBLIC_KEYS)[number]>, line: Cells<(typeof PERSONNEL_PUBLIC_KEYS)[number]>, tracer: Tracer): void {
  for (const k of PERSONNEL_PUBLIC_KEYS) {
    if (!line[k]) continue;
    into[k] = add(into[k], line[k]);
    if (tracer.on) tracer.from(into, k, [[line, k]]);
  }
}

