/**
 * The slips budget officers make with money, as mutations of a budget's source text:
 * a figure ×10, ×100, ×1000, ×10⁴ or ÷10⁴ (万元 typed as 元 and back), negated, its unit
 * swapped (万元 ↔ 元), a digit changed, dropped or doubled; an amount moved from one
 * project to another, with or without the project's performance forms following it; a
 * line holding a figure deleted or duplicated; a subject code changed to another valid
 * code. Plain JavaScript with no imports, so that both the mutation study
 * (bench/mutants.mjs, over dist/) and the never-throws tests (over src/) use it.
 *
 * A mutant is `{ id, operator, role, files }`: `files` maps each path of the budget to its
 * (possibly mutated) text, and `role` says which kind of figure the slip hit (see
 * `moneyLiterals`), which the study uses to sort the mutants that pass unnoticed.
 */

/**
 * The roles of the figures of a budget, and whether the budget states each a second time
 * (a cross-check: a declared total, a form's funding, a cost indicator). A figure with no
 * cross-check can be changed by a small amount without any way to notice.
 */
export const ROLES = {
  basic: "a basic-expenditure line",
  project: "a project's amount",
  annual: "a level of a form's 年度资金",
  period: "a level of a form's 实施期资金",
  cost: "a cost indicator (产出 › 成本)",
  carryover: "a carry-over's amount",
  lastYear: "a figure of last year (上年)",
  procurement: "a procurement figure (政府采购)",
  control: "a control total (控制数)",
  overall: "the overall form's declared 年度预算",
  overallCost: "the overall form's cost indicator",
};

/**
 * Every amount written in a budget's AST, with its role: `{ file, start, end, role, owner }`,
 * `owner` being the index of the project it belongs to (for moves) or undefined. Figures
 * inside quotes (an indicator value such as "≤500元") are left out: they are bounds, not amounts.
 */
export function moneyLiterals(budget) {
  const out = [];
  const add = (m, role, owner) => {
    if (!m || !m.span) return;
    out.push({ file: m.span.file, start: m.span.start, end: m.span.end, role, owner });
  };
  const levels = (l, role, owner) => {
    if (!l) return;
    for (const k of ["declaredTotal", "central", "provincial", "local", "selfRaised", "other"]) add(l[k], role, owner);
  };
  const costs = (indicators, role, owner) => {
    for (const ind of indicators) {
      const l1 = ind.level1.value.replace(/指标$/, "");
      const l2 = ind.level2.value.replace(/指标$/, "");
      if (!((l1 === "产出" && l2 === "成本") || l1 === "成本")) continue;
      for (const v of new Set([ind.period, ind.annual])) if (v && v.fen !== undefined && !v.text.startsWith('"')) add(v, role, owner);
    }
  };
  const form = (f, owner) => {
    if (!f) return;
    levels(f.periodFunding, "period", owner);
    levels(f.annualFunding, "annual", owner);
    costs(f.indicators, "cost", owner);
  };
  const d = budget.department;
  if (d?.control) {
    add(d.control.incomeTotal, "control");
    for (const a of d.control.bySource) add(a.money, "control");
  }
  for (const l of budget.basic) add(l.money, "basic");
  budget.projects.forEach((p, i) => {
    for (const a of p.amounts) add(a.money, "project", i);
    form(p.performance, i);
  });
  for (const f of budget.forms) {
    const i = budget.projects.findIndex((p) => p.name.value === f.project?.value);
    form(f, i >= 0 ? i : undefined);
  }
  for (const c of budget.carryovers) for (const a of c.amounts) add(a.money, "carryover");
  const ly = budget.lastYear;
  if (ly) {
    add(ly.incomeTotal, "lastYear");
    add(ly.generalSpending, "lastYear");
    add(ly.runningCosts, "lastYear");
    for (const m of ly.threePublic?.items.values() ?? []) add(m, "lastYear");
  }
  const pr = budget.procurement;
  if (pr) for (const k of ["declaredTotal", "goods", "works", "services"]) add(pr[k], "procurement");
  const o = budget.overall;
  if (o) {
    const db = o.declaredBudget;
    if (db) {
      for (const k of ["sum", "socialInsurance", "basic", "project"]) add(db[k], "overall");
      for (const a of db.bySource) add(a.money, "overall");
    }
    costs(o.indicators, "overallCost");
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
}

const NUMERAL = /[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/** A literal split into what comes before its numeral, the numeral, and its unit. */
function split(text) {
  const m = NUMERAL.exec(text);
  if (!m) return undefined;
  return { before: text.slice(0, m.index), numeral: m[0], unit: text.slice(m.index + m[0].length) };
}

/** The numeral's value as [digits without point, decimals]: "1,220.50" → [122050n, 2]. */
function scaled(numeral) {
  const neg = numeral.startsWith("-");
  const body = numeral.replace(/^[+-]/, "").replace(/,/g, "");
  const [i, f = ""] = body.split(".");
  const v = BigInt(i + f) * (neg ? -1n : 1n);
  return [v, f.length];
}

/** Writes an exact value (digits × 10^-places) in the style of `like`: grouped or not, at least its decimals. */
function write(value, places, like) {
  const neg = value < 0n;
  let s = (neg ? -value : value).toString().padStart(places + 1, "0");
  let int = places ? s.slice(0, -places) : s;
  let frac = places ? s.slice(-places) : "";
  const keep = (like.split(".")[1] ?? "").length;
  frac = frac.replace(/0+$/, "");
  if (frac.length < keep) frac = frac.padEnd(keep, "0");
  if (like.includes(",")) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return (neg ? "-" : "") + int + (frac ? "." + frac : "");
}

/** The numeral multiplied by 10^k (k may be negative), exactly, in the numeral's style. */
export function timesTen(numeral, k) {
  const [v, places] = scaled(numeral);
  if (k >= 0) return write(v * 10n ** BigInt(k), places, numeral);
  return write(v, places - k, numeral);
}

function replace(files, file, start, end, text) {
  const out = new Map(files);
  const t = files.get(file);
  out.set(file, t.slice(0, start) + text + t.slice(end));
  return out;
}

/**
 * The slips of one figure as edits of its literal: scale, sign, unit and digit mutations,
 * `{ operator, label, edit: { file, start, end, text } }`. Each digit is changed to its
 * neighbours (digits "near"), or to every other digit ("all").
 */
export function* figureEdits(files, lit, digits = "near") {
  const text = files.get(lit.file).slice(lit.start, lit.end);
  const s = split(text);
  if (!s) return;
  const edit = (numeral, unit = s.unit) => ({ file: lit.file, start: lit.start, end: lit.end, text: s.before + numeral + unit });
  for (const [op, k] of [["x10", 1], ["x100", 2], ["x1000", 3], ["x10^4", 4], ["div10^4", -4]]) yield { operator: op, label: op, edit: edit(timesTen(s.numeral, k)) };
  yield { operator: "negate", label: "negate", edit: edit(`-${s.numeral}`) };
  if (s.unit === "万元" || s.unit === "元") yield { operator: "unit-swap", label: "unit-swap", edit: edit(s.numeral, s.unit === "万元" ? "元" : "万元") };
  const n = s.numeral;
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    const others = digits === "all" ? [1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => (c + k) % 10) : [(c + 1) % 10, (c + 9) % 10];
    for (const d of others) yield { operator: "digit-changed", label: `digit ${i}→${d}`, edit: edit(n.slice(0, i) + d + n.slice(i + 1)) };
    yield { operator: "digit-dropped", label: `drop ${i}`, edit: edit(n.slice(0, i) + n.slice(i + 1)) };
    yield { operator: "digit-doubled", label: `double ${i}`, edit: edit(n.slice(0, i + 1) + n.slice(i)) };
  }
}

/** The slips of one figure, as mutants. */
function* figureMutants(files, lit, digits = "near") {
  const where = `${lit.file}@${lit.start} ${files.get(lit.file).slice(lit.start, lit.end)}`;
  for (const { operator, label, edit } of figureEdits(files, lit, digits)) {
    yield { id: `${label} ${where}`, operator, role: lit.role, owner: lit.owner, files: replace(files, edit.file, edit.start, edit.end, edit.text) };
  }
}

/** Applies edits of distinct, non-overlapping places to the files. */
export function applyEdits(files, edits) {
  return replaceMany(files, edits);
}

/** The line of `text` holding offset `at`: [start, end) with its line break. */
function lineAt(text, at) {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  const nl = text.indexOf("\n", at);
  return [start, nl < 0 ? text.length : nl + 1];
}

/** Applies several replacements to one file's text (they must not overlap). */
function replaceMany(files, edits) {
  const out = new Map(files);
  const byFile = new Map();
  for (const e of edits) (byFile.get(e.file) ?? byFile.set(e.file, []).get(e.file)).push(e);
  for (const [file, es] of byFile) {
    let t = files.get(file);
    for (const e of es.sort((a, b) => b.start - a.start)) t = t.slice(0, e.start) + e.text + t.slice(e.end);
    out.set(file, t);
  }
  return out;
}

/**
 * Moves 1.00万元 (or the whole amount, when smaller) from project `i` to project `j`:
 * their amounts only (`consistent` false), or also their forms' 年度资金 (the first
 * level), cost indicators and, where the year would exceed it, 实施期资金, so that every
 * figure the budget states twice still agrees.
 */
function move(files, lits, i, j, consistent) {
  const amount = (k) => lits.find((l) => l.owner === k && l.role === "project");
  const a = amount(i);
  const b = amount(j);
  if (!a || !b) return undefined;
  const text = (l) => files.get(l.file).slice(l.start, l.end);
  const fenOf = (l) => {
    const s = split(text(l));
    const [v, places] = scaled(s.numeral);
    const shift = (s.unit === "万元" ? 6 : 2) - places;
    return shift >= 0 ? v * 10n ** BigInt(shift) : v / 10n ** BigInt(-shift);
  };
  const fa = fenOf(a);
  const x = fa < 1_000_000n ? fa : 1_000_000n;
  if (x === 0n) return undefined;
  const edits = [];
  const rewrite = (l, delta) => {
    const s = split(text(l));
    const unitFen = s.unit === "万元" ? 6 : 2;
    edits.push({ file: l.file, start: l.start, end: l.end, text: s.before + write(fenOf(l) + delta, unitFen, s.numeral) + s.unit });
  };
  rewrite(a, -x);
  rewrite(b, x);
  if (consistent) {
    for (const [k, delta] of [[i, -x], [j, x]]) {
      const annual = lits.filter((l) => l.owner === k && l.role === "annual");
      const period = lits.filter((l) => l.owner === k && l.role === "period");
      if (annual[0]) rewrite(annual[0], delta);
      for (const c of lits.filter((l) => l.owner === k && l.role === "cost")) rewrite(c, delta);
      if (period[0] && annual[0] && delta > 0n && fenOf(period[0]) < fenOf(annual[0]) + delta) rewrite(period[0], fenOf(annual[0]) + delta - fenOf(period[0]));
      else if (period[0] && annual[0] && delta < 0n && fenOf(period[0]) === fenOf(annual[0])) rewrite(period[0], delta);
    }
  }
  return replaceMany(files, edits);
}

/**
 * Every mutant of a budget: `files` (path → text), its AST `budget`, and `validCodes`,
 * a function giving for a functional or economic code a few other valid codes of the
 * same kind (the catalogue decides which). `options.digits` is "near" (each digit
 * changed to its neighbours, the default) or "all" (to every other digit).
 */
export function* mutants(files, budget, validCodes = () => [], options = {}) {
  const lits = moneyLiterals(budget);
  for (const lit of lits) yield* figureMutants(files, lit, options.digits);
  // Moves between projects: to the next project and to the one after, both ways of each.
  const n = budget.projects.length;
  for (let i = 0; i < n; i++) {
    for (const j of new Set([(i + 1) % n, (i + 2) % n])) {
      if (j === i) continue;
      for (const consistent of [false, true]) {
        const f = move(files, lits, i, j, consistent);
        if (f) yield { id: `move${consistent ? "-consistent" : ""} ${budget.projects[i].name.value} → ${budget.projects[j].name.value}`, operator: consistent ? "move-consistent" : "move", role: "project", files: f };
      }
    }
  }
  // Lines holding a figure, deleted and duplicated.
  const seen = new Set();
  for (const lit of lits) {
    const t = files.get(lit.file);
    const [s, e] = lineAt(t, lit.start);
    const key = `${lit.file}@${s}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const line = t.slice(s, e).trim();
    yield { id: `delete-line ${lit.file}@${s} ${line}`, operator: "line-deleted", role: lit.role, files: replace(files, lit.file, s, e, "") };
    yield { id: `duplicate-line ${lit.file}@${s} ${line}`, operator: "line-duplicated", role: lit.role, files: replace(files, lit.file, s, s, t.slice(s, e)) };
  }
  // Subject codes changed to other valid codes.
  const codes = [];
  for (const l of budget.basic) codes.push([l.subject, "functional", "basic"], [l.economic, "economic", "basic"]);
  for (const p of budget.projects) if (p.subject) codes.push([p.subject, "functional", "project"]);
  for (const c of budget.carryovers) if (c.subject) codes.push([c.subject, "functional", "carryover"]);
  for (const [code, kind, role] of codes) {
    for (const other of validCodes(code.value, kind)) {
      yield {
        id: `${kind}-code ${code.span.file}@${code.span.start} ${code.value}→${other}`,
        operator: kind === "functional" ? "subject-code" : "economic-code",
        role,
        files: replace(files, code.span.file, code.span.start, code.span.end, other),
      };
    }
  }
}

/** Every line of every file deleted, and duplicated: `{ id, operator, files }`. */
export function* lineMutants(files) {
  for (const [file, text] of files) {
    let s = 0;
    while (s < text.length) {
      const nl = text.indexOf("\n", s);
      const e = nl < 0 ? text.length : nl + 1;
      yield { id: `delete-line ${file}@${s}`, operator: "line-deleted", files: replace(files, file, s, e, "") };
      yield { id: `duplicate-line ${file}@${s}`, operator: "line-duplicated", files: replace(files, file, s, s, text.slice(s, e)) };
      s = e;
    }
  }
}

/** True for a form of a one-year project: 项目期 1年, or 一次性项目 without a 项目期. */
function oneYear(form) {
  if (!form) return false;
  if (form.duration) return form.duration.number === "1";
  return form.attribute?.value === "一次性项目";
}

/**
 * Whether the budget states the figure a mutant slipped a second time (a control total,
 * a form, a cost indicator, the overall form, a one-year project's 年度资金 for its
 * 实施期资金, a procurement total), so that a slip of it can be caught exactly.
 */
export function crossChecked(m, budget) {
  switch (m.role) {
    case "basic":
    case "project":
    case "annual":
    case "cost":
    case "control":
    case "overall":
    case "overallCost":
      return true;
    case "period":
      return m.owner !== undefined && oneYear(budget.projects[m.owner]?.performance);
    case "procurement":
      return budget.procurement?.declaredTotal !== undefined;
    default:
      return false;
  }
}

const LARGE = new Set(["x100", "x1000", "x10^4", "div10^4", "unit-swap"]);

/**
 * Where a mutant that changed a published figure without an error belongs: undetectable
 * (the budget is consistent after it, or the slip is small in a figure stated once),
 * plausibility only (a figure stated once, off by 10² or more), or missing check (a
 * figure stated twice, or a negative amount).
 */
export function bucket(m, budget) {
  if (m.operator === "move-consistent" || m.operator === "subject-code" || m.operator === "economic-code") return "undetectable";
  if (m.operator === "negate") return "missing check";
  if (crossChecked(m, budget)) return "missing check";
  return LARGE.has(m.operator) ? "plausibility only" : "undetectable";
}
