/**
 * Lowering: the statement tree of each file becomes the typed AST (ast.ts). Values are
 * read here (strings unquoted, text blocks dedented, quantities split, money converted
 * exactly to 分); a value that cannot be read, or a statement written twice where once
 * is allowed, is a diagnostic and the fact is left out, so later stages see only facts
 * that are well formed.
 */
import { bi, type Bilingual, type Diagnostic } from "../base/diagnostics.js";
import { BUDGET_LIMIT_FEN, Dec, type Fen } from "../base/money.js";
import { LOWERING_CODES } from "./codes.js";
import type { Span } from "../base/source.js";
import type * as A from "./ast.js";
import type { Arg, Stmt } from "./cst.js";
import { KEYWORD_BY_NAME } from "./keywords.js";
import { moneyOf, readIndicatorValue, splitQuantity, textBlock, unquote, type ParsedQuantity } from "./values.js";

/** Statements that may be written more than once in their block. */
const REPEATABLE = new Set([
  "Include", "SubjectName", "Unit", "Basic", "Project", "Performance", "Carryover", "Line", "Indicator", "Vehicles", "Equipment", "Reason", "Pending",
  // A figure these state twice is compared by the checker (duplicate-figure), not dropped here.
  "Purpose", "Economic", "Part", "Disbursement", "Executed", "PurchaseVehicles", "PurchaseEquipment",
]);

const SOURCE_OF: Readonly<Record<string, A.Source>> = {
  GeneralBudget: "一般公共预算",
  FundBudget: "政府性基金预算",
  CapitalBudget: "国有资本经营预算",
  SpecialAccount: "财政专户管理资金",
  UnitFunds: "单位资金",
  BusinessIncome: "事业收入",
  OperatingIncome: "事业单位经营收入",
  SuperiorSubsidy: "上级补助收入",
  SubordinateRemittance: "附属单位上缴收入",
  OtherIncome: "其他收入",
};

const THREE_PUBLIC_OF: Readonly<Record<string, A.ThreePublicItem>> = {
  Overseas: "因公出国",
  Reception: "公务接待",
  VehiclePurchase: "公务用车购置",
  VehicleOperation: "公务用车运行维护",
};

/** Units of money other than 万元 and 元, by how many 元 one of them is. */
const OTHER_MONEY_UNITS: ReadonlyMap<string, number> = new Map([
  ["万", 10_000],
  ["千元", 1_000],
  ["十万元", 100_000],
  ["百万元", 1_000_000],
  ["千万元", 10_000_000],
  ["亿元", 100_000_000],
  ["亿", 100_000_000],
]);

/**
 * The hint of an amount without the unit 万元 or 元. It never proposes a figure of
 * another magnitude than the one written: a bare numeral could be either unit, so both
 * readings are given, each with the figure as written; an amount in another unit of
 * money is converted exactly; any other unit is to be replaced, without a figure.
 */
function moneyUnitHint(image: string, q: ParsedQuantity): Bilingual {
  const numeral = image.slice(0, image.length - q.unit.length);
  const wanOf = (yuan: Dec): string => yuan.div(10_000).toFixed();
  if (q.unit === "") {
    const asWan = wanOf(new Dec(q.number));
    return bi(`写明单位：是 ${numeral}元（即 ${asWan}万元），还是 ${numeral}万元？`, `write the unit: is it ${numeral}元 (that is ${asWan}万元) or ${numeral}万元?`);
  }
  const factor = OTHER_MONEY_UNITS.get(q.unit);
  if (factor !== undefined) {
    const asWan = wanOf(new Dec(q.number).mul(factor));
    return bi(`金额只用“万元”或“元”：${image} 即 ${asWan}万元`, `amounts are in 万元 or 元 only: ${image} is ${asWan}万元`);
  }
  return bi(`“${q.unit}”不是金额单位：改为“万元”或“元”`, `${q.unit} is not a unit of money: write 万元 or 元`);
}

/** Collects a budget's items across files, in reading order. */
export class Lowerer {
  readonly diagnostics: Diagnostic[] = [];
  private file = "";
  department?: A.Department;
  readonly units: A.Unit[] = [];
  readonly basic: A.BasicLine[] = [];
  readonly projects: A.Project[] = [];
  readonly carryovers: A.Carryover[] = [];
  readonly forms: A.PerformanceForm[] = [];
  lastYear?: A.LastYear;
  procurement?: A.Procurement;
  assets?: A.Assets;
  notes?: A.Notes;
  overall?: A.OverallForm;
  readonly subjectNames: A.SubjectNameDecl[] = [];
  coverage?: A.PerformanceCoverage;
  readonly purposes: A.Purpose[] = [];
  /** The 待补充 statements, wherever they stand, in reading order. */
  readonly pending: A.Located<string>[] = [];
  private readonly pendingSeen = new Set<string>();
  private readonly singletons = new Map<string, Span>();
  /** The budget's figures added regardless of sign, in 分 (see withinLimit). */
  private magnitude = 0;

  /** Lowers one file's top-level statements, except includes (the loader follows those). */
  lowerFile(file: string, stmts: readonly Stmt[]): void {
    this.file = file;
    for (const s of stmts) this.lowerTop(s);
  }

  private span(start: number, end: number): Span {
    return { file: this.file, start, end };
  }
  private stmtSpan(s: Stmt): Span {
    return this.span(s.start, s.end);
  }
  private argSpan(a: Arg): Span {
    return this.span(a.start, a.end);
  }

  private lowerTop(s: Stmt): void {
    switch (s.kw) {
      case "Include":
      case "Rollup":
        return;
      case "SubjectName": {
        const code = this.located(s, "code", "int");
        const name = this.located(s, "name", "str");
        if (code && name) this.subjectNames.push({ code, name, span: this.stmtSpan(s) });
        return;
      }
      case "Pending":
        this.takePending(s);
        return;
      case "Department":
        if (this.once("Department", s)) this.department = this.lowerDepartment(s);
        return;
      case "Unit":
        this.units.push(this.lowerUnit(s));
        return;
      case "Basic": {
        const unit = this.located(s, "unit", "str");
        for (const line of this.block(s, "basic")) {
          const l = this.lowerLine(line, unit);
          if (l) this.basic.push(l);
        }
        return;
      }
      case "Project":
        this.projects.push(this.lowerProject(s));
        return;
      case "Performance":
        this.forms.push(this.lowerForm(s, this.located(s, "project", "str")));
        return;
      case "Carryover":
        this.carryovers.push(this.lowerCarryover(s));
        return;
      case "LastYear":
        if (this.once("LastYear", s)) this.lastYear = this.lowerLastYear(s);
        return;
      case "Procurement":
        if (this.once("Procurement", s)) {
          const f = this.fields(s, "procurement");
          this.procurement = {
            ...opt("declaredTotal", this.money(f.get("Total"), "amount")),
            ...opt("goods", this.money(f.get("Goods"), "amount")),
            ...opt("works", this.money(f.get("Works"), "amount")),
            ...opt("services", this.money(f.get("Services"), "amount")),
            ...opt("smeReserved", this.money(f.get("SmeReserved"), "amount")),
            ...opt("smallMicroReserved", this.money(f.get("SmallMicroReserved"), "amount")),
            span: this.stmtSpan(s),
          };
        }
        return;
      case "Assets":
        if (this.once("Assets", s)) this.assets = this.lowerAssets(s);
        return;
      case "Notes":
        if (this.once("Notes", s)) {
          const f = this.fields(s, "notes");
          this.notes = {
            ...opt("purchasedServices", this.located(f.get("PurchasedServices"), "text", "text")),
            ...opt("other", this.located(f.get("Other"), "text", "text")),
            span: this.stmtSpan(s),
          };
        }
        return;
      case "Overall":
        if (this.once("Overall", s)) this.overall = this.lowerOverall(s);
        return;
      case "Purpose": {
        const p = this.lowerPurpose(s);
        if (p) this.purposes.push(p);
        return;
      }
      case "Coverage":
        if (this.once("Coverage", s)) this.coverage = this.lowerCoverage(s);
        return;
    }
  }

  /** A top-level item that a budget has once; a second one is reported and ignored. */
  private once(kw: string, s: Stmt): boolean {
    const first = this.singletons.get(kw);
    if (first) {
      this.duplicate(s, first);
      return false;
    }
    this.singletons.set(kw, this.span(s.start, s.start + s.kwImage.length));
    return true;
  }

  private duplicate(s: Stmt, first: Span): void {
    const kw = KEYWORD_BY_NAME.get(s.kw)!;
    this.diagnostics.push(
      LOWERING_CODES.diag("duplicate-statement", this.span(s.start, s.start + s.kwImage.length), bi(`「${kw.zh}」重复出现`, `'${kw.zh}' (${kw.en}) is written twice`), {
        related: [{ span: first, message: bi("第一次出现在这里", "first written here") }],
        hint: bi("每个事实只写一次；删除其中一处", "state each fact once: remove one of them"),
      }),
    );
  }

  /**
   * Keeps a 待补充 statement once (a block may be read both by field and as a list), and
   * tells whether the statement was one: it is then no fact of its block.
   */
  private takePending(s: Stmt): boolean {
    if (s.kw !== "Pending") return false;
    const key = `${this.file}:${s.start}`;
    if (!this.pendingSeen.has(key)) {
      this.pendingSeen.add(key);
      const what = this.located(s, "what", "str");
      if (what) this.pending.push(what);
    }
    return true;
  }

  /** The statements of a block, keyed by keyword; a repeated single statement is reported. */
  private fields(s: Stmt | undefined, _ctx: string): Map<string, Stmt> {
    const out = new Map<string, Stmt>();
    for (const c of s?.block?.stmts ?? []) {
      if (!c || this.takePending(c)) continue;
      const prev = out.get(c.kw);
      if (prev && !REPEATABLE.has(c.kw)) {
        this.duplicate(c, this.span(prev.start, prev.start + prev.kwImage.length));
        continue;
      }
      if (!prev) out.set(c.kw, c);
    }
    return out;
  }

  private block(s: Stmt | undefined, _ctx: string): readonly Stmt[] {
    return (s?.block?.stmts ?? []).filter((c) => c && !this.takePending(c));
  }

  private arg(s: Stmt | undefined, slot: string): Arg | undefined {
    if (!s) return undefined;
    for (const a of s.args) if (a.slot === slot) return a;
    return undefined;
  }

  private text(a: Arg): string {
    return a.token === "Text" ? textBlock(a.image) : a.token === "String" ? unquote(a.image) : a.image;
  }

  /** A string, text, word or code value with its span. */
  private located(s: Stmt | undefined, slot: string, kind: "str" | "text" | "word" | "int"): A.Located<string> | undefined {
    const a = this.arg(s, slot);
    if (!a) return undefined;
    if (kind === "int" && !DIGITS.test(a.image)) {
      this.diagnostics.push(
        LOWERING_CODES.diag("invalid-value", this.argSpan(a), bi(`此处应为不带单位的整数，却是 ${a.image}`, `expected a whole number without a unit here, found ${a.image}`), {
          hint: bi("科目编码和年度写成纯数字，如 2010401", "write codes and years as plain digits, like 2010401"),
        }),
      );
      return undefined;
    }
    return { value: this.text(a), span: this.argSpan(a) };
  }

  private quantity(s: Stmt | undefined, slot: string): A.Quantity | undefined {
    const a = this.arg(s, slot);
    if (!a) return undefined;
    const q = splitQuantity(a.image);
    if (!q) return undefined;
    return { text: a.image, number: q.number, unit: q.unit, span: this.argSpan(a) };
  }

  private money(s: Stmt | undefined, slot: string): A.Money | undefined {
    const a = this.arg(s, slot);
    if (!a) return undefined;
    const q = splitQuantity(a.image);
    if (!q) return undefined;
    const m = moneyOf(q);
    if ("problem" in m) {
      const span = this.argSpan(a);
      if (m.problem === "unit")
        this.diagnostics.push(
          LOWERING_CODES.diag("money-unit", span, bi(`金额 ${a.image} 须带单位“万元”或“元”`, `the amount ${a.image} needs the unit 万元 or 元`), {
            hint: moneyUnitHint(a.image, q),
            data: { value: a.image },
          }),
        );
      else if (m.problem === "precision")
        this.diagnostics.push(
          LOWERING_CODES.diag("money-precision", span, bi(`金额 ${a.image} 精确到分以下`, `the amount ${a.image} is finer than one 分 (0.01 元)`), {
            hint: bi("金额最多精确到分：万元最多六位小数，元最多两位", "amounts go to the 分 at most: six decimals in 万元, two in 元"),
          }),
        );
      else this.rangeDiagnostic(span, a.image, false);
      return undefined;
    }
    const span = this.argSpan(a);
    if (m.fen < 0) {
      const positive = a.image.replace(/^-/, "");
      this.diagnostics.push(
        LOWERING_CODES.diag("money-negative", span, bi(`金额 ${a.image} 是负数：预算金额不能为负`, `the amount ${a.image} is negative: a budget figure is never negative`), {
          hint: bi(`去掉负号（${positive}）；减少的金额写成较小的数，变动由编译器计算`, `remove the sign (${positive}); write a decrease as the smaller figure, and the compiler computes the change`),
          data: { value: a.image },
        }),
      );
      return undefined;
    }
    if (!this.withinLimit(m.fen, span, a.image)) return undefined;
    return { text: a.image, number: q.number, unit: m.unit, fen: m.fen, span };
  }

  /**
   * Counts a figure into the budget's total regardless of sign, and refuses it (with a
   * money-range diagnostic at it) when it would take the total past BUDGET_LIMIT_FEN:
   * the figures a budget keeps then add up exactly however they are summed.
   */
  private withinLimit(fen: Fen, span: Span, image: string): boolean {
    const size = Math.abs(fen);
    if (this.magnitude + size <= BUDGET_LIMIT_FEN) {
      this.magnitude += size;
      return true;
    }
    this.rangeDiagnostic(span, image, size <= BUDGET_LIMIT_FEN);
    return false;
  }

  private rangeDiagnostic(span: Span, image: string, together: boolean): void {
    const limit = "1,000,000,000万元";
    this.diagnostics.push(
      LOWERING_CODES.diag(
        "money-range",
        span,
        together
          ? bi(`金额 ${image} 使本预算的金额合计（不论正负）超过 ${limit}，超出可精确计算的范围`, `the amount ${image} takes the budget's figures together (regardless of sign) past ${limit}, beyond what is computed exactly`)
          : bi(`金额 ${image} 超过 ${limit}，超出可精确计算的范围`, `the amount ${image} is more than ${limit}, beyond what is computed exactly`),
        {
          hint: bi("检查金额的位数和单位：是否把元写成了万元？", "check the digits and the unit: is it 元 written as 万元?"),
          data: { value: image, limit: "1000000000万元" },
        },
      ),
    );
  }

  private amounts(f: Map<string, Stmt>): A.Amount[] {
    const out: A.Amount[] = [];
    for (const [kw, source] of SOURCE_ENTRIES) {
      const st = f.get(kw);
      const m = this.money(st, "amount");
      if (st && m) out.push({ source, money: m, span: this.span(st.start, st.start + st.kwImage.length) });
    }
    return out;
  }

  private control(control: Stmt | undefined): A.ControlTotals | undefined {
    if (!control) return undefined;
    const cf = this.fields(control, "control");
    return { ...opt("incomeTotal", this.money(cf.get("IncomeTotal"), "amount")), bySource: this.amounts(cf), span: this.stmtSpan(control) };
  }

  /** A roll-up statement (汇总) of a roll-up file. */
  lowerRollup(file: string, s: Stmt): A.Rollup {
    this.file = file;
    const f = this.fields(s, "rollup");
    const year = this.located(f.get("Year"), "year", "int");
    return {
      name: this.located(s, "name", "str") ?? { value: "", span: this.stmtSpan(s) },
      ...opt("year", year ? { value: Number(year.value), span: year.span } : undefined),
      ...opt("control", this.control(f.get("Control"))),
      ...opt("catalogue", this.catalogueRef(f.get("Catalogue"))),
      span: this.stmtSpan(s),
    };
  }

  /** 分类目录 "PATH" { 年度 … 完整 是|否 }. */
  private catalogueRef(s: Stmt | undefined): A.CatalogueRef | undefined {
    const path = this.located(s, "path", "str");
    if (!s || !path) return undefined;
    const f = this.fields(s, "catalogue");
    const year = this.located(f.get("Year"), "year", "int");
    const complete = this.located(f.get("Complete"), "value", "word");
    let flag: A.Located<boolean> | undefined;
    if (complete) {
      if (complete.value === "是" || complete.value === "yes") flag = { value: true, span: complete.span };
      else if (complete.value === "否" || complete.value === "no") flag = { value: false, span: complete.span };
      else
        this.diagnostics.push(
          LOWERING_CODES.diag("invalid-value", complete.span, bi(`「完整」只能是“是”或“否”，却是 ${complete.value}`, `'完整' (complete) is 是 (yes) or 否 (no), not ${complete.value}`), {
            hint: bi("目录列出本年度全部科目时写 完整 是", "write 完整 是 when the catalogue lists every subject of its year"),
          }),
        );
    }
    return {
      path,
      ...opt("year", year ? { value: Number(year.value), span: year.span } : undefined),
      ...opt("complete", flag),
      span: this.stmtSpan(s),
    };
  }

  private lowerDepartment(s: Stmt): A.Department {
    const f = this.fields(s, "department");
    const code = this.located(s, "code", "int");
    const name = this.located(s, "name", "str");
    const year = this.located(f.get("Year"), "year", "int");
    const staffing = f.get("Staffing");
    const controlTotals = this.control(f.get("Control"));
    let staff: A.Staffing | undefined;
    if (staffing) {
      const sf = this.fields(staffing, "staffing");
      staff = {
        ...opt("authorized", this.quantity(sf.get("Authorized"), "count")),
        ...opt("actual", this.quantity(sf.get("Actual"), "count")),
        ...opt("established", this.quantity(sf.get("Established"), "count")),
        ...opt("other", this.quantity(sf.get("OtherStaff"), "count")),
        span: this.stmtSpan(staffing),
      };
    }
    const sections = (f.get("Sections")?.args ?? []).map((a) => ({ value: unquote(a.image), span: this.argSpan(a) }));
    return {
      ...opt("code", code),
      name: name ?? { value: "", span: this.stmtSpan(s) },
      ...this.departmentNames(f),
      ...opt("year", year ? { value: Number(year.value), span: year.span } : undefined),
      ...opt("region", this.located(f.get("Region"), "name", "str")),
      ...opt("moneyUnit", this.located(f.get("MoneyUnit"), "unit", "word")),
      ...opt("kind", this.located(f.get("Kind"), "kind", "word")),
      ...opt("duties", this.located(f.get("Duties"), "text", "text")),
      ...opt("organisation", this.located(f.get("Organisation"), "text", "text")),
      sections,
      ...opt("staffing", staff),
      ...opt("control", controlTotals),
      ...opt("catalogue", this.catalogueRef(f.get("Catalogue"))),
      span: this.stmtSpan(s),
    };
  }

  private lowerUnit(s: Stmt): A.Unit {
    const f = this.fields(s, "unit");
    return {
      name: this.located(s, "name", "str") ?? { value: "", span: this.stmtSpan(s) },
      ...opt("kind", this.located(f.get("Kind"), "kind", "word")),
      ...opt("note", this.located(f.get("Note"), "text", "str")),
      span: this.stmtSpan(s),
    };
  }

  private lowerLine(s: Stmt, unit: A.Located<string> | undefined): A.BasicLine | undefined {
    const subject = this.located(s, "subject", "int");
    const economic = this.located(s, "economic", "int");
    const money = this.money(s, "amount");
    const src = this.arg(s, "source");
    if (!subject || !economic || !money) return undefined;
    const source: A.Located<A.Source> = src
      ? { value: SOURCE_OF[src.token]!, span: this.argSpan(src) }
      : { value: "一般公共预算", span: this.span(s.start, s.start + s.kwImage.length) };
    const line: Mutable<A.BasicLine> = { ...opt("unit", unit), subject, economic, money, source, span: this.stmtSpan(s) };
    const subjectName = this.located(s, "subjectName", "str");
    if (subjectName) line.subjectName = subjectName;
    const economicName = this.located(s, "economicName", "str");
    if (economicName) line.economicName = economicName;
    return line;
  }

  // Projects and carry-overs are most of a large budget's statements: their optional
  // fields are assigned, not spread, to keep lowering cheap.
  private lowerProject(s: Stmt): A.Project {
    const f = this.fields(s, "project");
    const subj = f.get("Subject");
    const name = this.located(s, "name", "str") ?? { value: "", span: this.stmtSpan(s) };
    const perf = f.get("Performance");
    const p: Mutable<A.Project> = { name, amounts: [], economic: [], span: this.stmtSpan(s) };
    this.common(p, f, subj);
    if (perf) p.performance = this.lowerForm(perf, undefined);
    if (f.has("Economic")) p.economic = this.projectEconomic(s);
    const note = f.get("FundingNote");
    if (note) p.note = this.fundingNote(note);
    return p;
  }

  private lowerCarryover(s: Stmt): A.Carryover {
    const f = this.fields(s, "carryover");
    const subj = f.get("Subject");
    const c: Mutable<A.Carryover> = { name: this.located(s, "name", "str") ?? { value: "", span: this.stmtSpan(s) }, amounts: [], span: this.stmtSpan(s) };
    this.common(c, f, subj);
    return c;
  }

  /** The fields projects and carry-overs share: unit, subject, category, amounts. */
  private common(p: Mutable<A.Project> | Mutable<A.Carryover>, f: Map<string, Stmt>, subj: Stmt | undefined): void {
    const unit = this.located(f.get("Unit"), "name", "str");
    if (unit) p.unit = unit;
    const subject = this.located(subj, "code", "int");
    if (subject) p.subject = subject;
    const subjectName = this.located(subj, "name", "str");
    if (subjectName) p.subjectName = subjectName;
    const category = this.located(f.get("Category"), "category", "word");
    if (category) p.category = category;
    p.amounts = this.amounts(f);
  }

  private levels(s: Stmt | undefined): A.FundingLevels | undefined {
    if (!s) return undefined;
    const f = this.fields(s, "levels");
    return {
      ...opt("declaredTotal", this.money(f.get("Total"), "amount")),
      ...opt("central", this.money(f.get("Central"), "amount")),
      ...opt("provincial", this.money(f.get("Provincial"), "amount")),
      ...opt("local", this.money(f.get("Local"), "amount")),
      ...opt("selfRaised", this.money(f.get("SelfRaised"), "amount")),
      ...opt("other", this.money(f.get("OtherFunds"), "amount")),
      span: this.stmtSpan(s),
    };
  }

  private indicatorValue(a: Arg | undefined): A.IndicatorValue | undefined {
    if (!a) return undefined;
    const text = a.token === "String" ? unquote(a.image) : a.image;
    const span = this.argSpan(a);
    const v = readIndicatorValue(text);
    if (v.moneyOutOfRange) this.rangeDiagnostic(span, text, false);
    // An amount of money in an indicator is a figure of the budget like any other: it
    // counts into the budget's total, and one past the limit is not read as an amount.
    if (v.fen !== undefined && !this.withinLimit(v.fen, span, text)) {
      const { fen: _, ...rest } = v;
      return { ...rest, moneyOutOfRange: true, span };
    }
    return { ...v, span };
  }

  private indicators(stmts: readonly Stmt[]): A.Indicator[] {
    const out: A.Indicator[] = [];
    for (const s of stmts) {
      if (s.kw !== "Indicator") continue;
      const level1 = this.located(s, "level1", "word");
      const level2 = this.located(s, "level2", "word");
      const name = this.located(s, "name", "str");
      if (!level1 || !level2 || !name) continue;
      const both = this.indicatorValue(this.arg(s, "value"));
      const period = this.indicatorValue(this.arg(s, "period"));
      const annual = this.indicatorValue(this.arg(s, "annual"));
      if (!both && !period && !annual) {
        this.diagnostics.push(
          LOWERING_CODES.diag("invalid-value", this.span(s.start, s.end), bi("指标缺少指标值", "this indicator has no value"), {
            hint: bi('在名称后写指标值，如 指标 产出 数量 "入企服务" "50次以上"', 'write the value after the name, as in 指标 产出 数量 "入企服务" "50次以上"'),
          }),
        );
        continue;
      }
      if (both && (period || annual)) {
        this.diagnostics.push(
          LOWERING_CODES.diag("invalid-value", (period ?? annual)!.span, bi("指标值已对实施期和年度都给出，不能再分别给出", "the value already applies to both columns; it cannot also be given per column"), {
            hint: bi("写一个值，或分别写 实施期 … 年度 …", "write one value, or 实施期 … 年度 … separately"),
          }),
        );
      }
      out.push({ level1, level2, name, ...opt("period", period ?? both), ...opt("annual", annual ?? (period ? undefined : both)), span: this.stmtSpan(s) });
    }
    return out;
  }

  private lowerForm(s: Stmt, project: A.Located<string> | undefined): A.PerformanceForm {
    const f = this.fields(s, "performance");
    return {
      ...opt("project", project),
      ...opt("attribute", this.located(f.get("Attribute"), "attribute", "word")),
      ...opt("duration", this.quantity(f.get("Duration"), "years")),
      ...opt("periodFunding", this.levels(f.get("PeriodFunding"))),
      ...opt("annualFunding", this.levels(f.get("AnnualFunding"))),
      ...opt("summary", this.located(f.get("Summary"), "text", "text")),
      ...opt("basis", this.located(f.get("Basis"), "text", "text")),
      ...opt("necessity", this.located(f.get("Necessity"), "text", "text")),
      ...opt("measures", this.located(f.get("Measures"), "text", "text")),
      ...opt("plan", this.located(f.get("Plan"), "text", "text")),
      ...opt("periodGoal", this.located(f.get("PeriodGoal"), "text", "text")),
      ...opt("annualGoal", this.located(f.get("AnnualGoal"), "text", "text")),
      indicators: this.indicators(this.block(s, "performance")),
      ...opt("filed", this.located(f.get("Filed"), "text", "str")),
      ...opt("owner", this.located(f.get("Owner"), "text", "str")),
      ...opt("handler", this.located(f.get("Handler"), "text", "str")),
      ...opt("phone", this.located(f.get("Phone"), "text", "str")),
      ...opt("title", this.located(f.get("FormTitle"), "text", "str")),
      ...opt("footer", this.located(f.get("Footer"), "text", "str")),
      ...opt("fundingLabel", this.located(f.get("FundingLabel"), "text", "str")),
      span: this.stmtSpan(s),
    };
  }

  private lowerLastYear(s: Stmt): A.LastYear {
    const f = this.fields(s, "lastYear");
    const tp = f.get("ThreePublic");
    let threePublic: A.LastYear["threePublic"];
    if (tp) {
      const tf = this.fields(tp, "threePublic");
      const items = new Map<A.ThreePublicItem, A.Money>();
      for (const [kw, item] of Object.entries(THREE_PUBLIC_OF)) {
        const m = this.money(tf.get(kw), "amount");
        if (m) items.set(item, m);
      }
      threePublic = { items, span: this.stmtSpan(tp) };
    }
    const reasons: A.LastYear["reasons"][number][] = [];
    for (const r of this.block(s, "lastYear")) {
      if (r.kw !== "Reason") continue;
      const fig = this.arg(r, "figure");
      const text = this.located(r, "text", "text");
      if (!fig || !text) continue;
      // A figure written as a numeral is a functional subject code, and must be one.
      const figure = fig.token === "Number" ? this.located(r, "figure", "int") : this.keywordOrWord(fig);
      if (figure) reasons.push({ figure, text });
    }
    return {
      ...opt("source", this.located(f.get("SourceFile"), "path", "str")),
      ...opt("incomeTotal", this.money(f.get("IncomeTotal"), "amount")),
      ...opt("generalSpending", this.money(f.get("GeneralSpending"), "amount")),
      ...opt("threePublic", threePublic),
      ...opt("runningCosts", this.money(f.get("RunningCosts"), "amount")),
      ...opt("fiscal", this.money(f.get("Fiscal"), "amount")),
      bySource: this.amounts(f),
      executed: this.executed(s),
      reasons,
      span: this.stmtSpan(s),
    };
  }

  private lowerAssets(s: Stmt): A.Assets {
    const f = this.fields(s, "assets");
    const vehicles: { kind: A.Located<string>; count: A.Quantity }[] = [];
    const equipment: { threshold: A.Quantity; count: A.Quantity }[] = [];
    const vehiclePurchases: { kind: A.Located<string>; count: A.Quantity }[] = [];
    const equipmentPurchases: { threshold: A.Quantity; count: A.Quantity }[] = [];
    for (const c of this.block(s, "assets")) {
      if (c.kw === "Vehicles" || c.kw === "PurchaseVehicles") {
        const kind = this.located(c, "kind", "word");
        const count = this.quantity(c, "count");
        if (kind && count) (c.kw === "Vehicles" ? vehicles : vehiclePurchases).push({ kind, count });
      } else if (c.kw === "Equipment" || c.kw === "PurchaseEquipment") {
        const threshold = this.quantity(c, "threshold");
        const count = this.quantity(c, "count");
        if (threshold && count) (c.kw === "Equipment" ? equipment : equipmentPurchases).push({ threshold, count });
      }
    }
    return {
      ...opt("asOf", this.located(f.get("AsOf"), "date", "word")),
      ...opt("vehicleQuota", this.quantity(f.get("VehicleQuota"), "count")),
      vehicles,
      ...opt("officeArea", this.quantity(f.get("OfficeArea"), "area")),
      equipment,
      vehiclePurchases,
      equipmentPurchases,
      span: this.stmtSpan(s),
    };
  }

  private lowerOverall(s: Stmt): A.OverallForm {
    const f = this.fields(s, "overall");
    const ab = f.get("AnnualBudget");
    let declaredBudget: A.DeclaredAnnualBudget | undefined;
    if (ab) {
      const bf = this.fields(ab, "annualBudget");
      declaredBudget = {
        ...opt("sum", this.money(bf.get("Sum"), "amount")),
        bySource: this.amounts(bf),
        ...opt("socialInsurance", this.money(bf.get("SocialInsurance"), "amount")),
        ...opt("basic", this.money(bf.get("Basic"), "amount")),
        ...opt("project", this.money(bf.get("ProjectSpending"), "amount")),
        span: this.stmtSpan(ab),
      };
    }
    return {
      ...opt("strategy", this.located(f.get("Strategy"), "text", "text")),
      ...opt("coreFunctions", this.located(f.get("CoreFunctions"), "text", "text")),
      ...opt("keyTasks", this.located(f.get("KeyTasks"), "text", "text")),
      ...opt("annualGoal", this.located(f.get("AnnualGoal"), "text", "text")),
      ...opt("declaredBudget", declaredBudget),
      indicators: this.indicators(this.block(s, "overall")),
      ...opt("filed", this.located(f.get("Filed"), "text", "str")),
      span: this.stmtSpan(s),
    };
  }

  budget(files: readonly string[]): A.Budget {
    return {
      files,
      ...opt("department", this.department),
      units: this.units,
      basic: this.basic,
      projects: this.projects,
      carryovers: this.carryovers,
      forms: this.forms,
      ...opt("lastYear", this.lastYear),
      ...opt("procurement", this.procurement),
      ...opt("assets", this.assets),
      ...opt("notes", this.notes),
      ...opt("overall", this.overall),
      ...opt("coverage", this.coverage),
      purposes: this.purposes,
      subjectNames: this.subjectNames,
      ...opt("pending", this.pending.length ? this.pending : undefined),
    };
  }

  // The statements other regions' disclosures need: a department's profile and names,
  // a unit's note, project spending by economic subject, key projects' funding notes,
  // purposes by subject, last year's execution, performance-target coverage.

  /** A value written as a word or as a keyword standing for one (省级, 财政拨款): its Chinese spelling. */
  private keywordOrWord(a: Arg): A.Located<string> {
    const kw = KEYWORD_BY_NAME.get(a.token);
    return { value: kw ? kw.zh : a.image, span: this.argSpan(a) };
  }

  /** 公开格式, 级次, 简称 and 名称后缀 of the department block. */
  private departmentNames(f: Map<string, Stmt>): Partial<Pick<A.Department, "profile" | "level" | "shortName" | "nameSuffix">> {
    const level = this.arg(f.get("Level"), "level");
    return {
      ...opt("profile", this.located(f.get("Profile"), "name", "word")),
      ...opt("level", level ? this.keywordOrWord(level) : undefined),
      ...opt("shortName", this.located(f.get("ShortName"), "name", "str")),
      ...opt("nameSuffix", this.located(f.get("NameSuffix"), "text", "str")),
    };
  }

  /** The 经济科目 lines of a project, in the order written. */
  private projectEconomic(s: Stmt): A.ProjectEconomic[] {
    const out: A.ProjectEconomic[] = [];
    for (const c of this.block(s, "project")) {
      if (c.kw !== "Economic") continue;
      const code = this.located(c, "code", "int");
      if (!code) continue;
      const amount = this.arg(c, "amount");
      const money = this.money(c, "amount");
      // An amount that cannot be read leaves the line out: read without it, it would
      // claim the project's whole amount.
      if (amount && !money) continue;
      out.push({ code, ...opt("money", money), span: this.stmtSpan(c) });
    }
    return out;
  }

  private fundingNote(s: Stmt): A.FundingNote {
    const f = this.fields(s, "fundingNote");
    const parts: A.FundingPart[] = [];
    for (const c of this.block(s, "fundingNote")) {
      if (c.kw !== "Part" && c.kw !== "Disbursement") continue;
      const label = this.located(c, "label", "str");
      const money = this.money(c, "amount");
      if (label && money) parts.push({ kind: c.kw === "Part" ? "part" : "plan", label, money, span: this.stmtSpan(c) });
    }
    return {
      ...opt("summary", this.located(f.get("Summary"), "text", "text")),
      ...opt("basis", this.located(f.get("Basis"), "text", "text")),
      ...opt("implementer", this.located(f.get("Implementer"), "text", "text")),
      ...opt("scheme", this.located(f.get("Scheme"), "text", "text")),
      ...opt("schedule", this.located(f.get("Schedule"), "text", "text")),
      parts,
      ...opt("goal", this.located(f.get("Goal"), "text", "text")),
      span: this.stmtSpan(s),
    };
  }

  /** 执行数 CODE AMOUNT lines of the 上年 block, in the order written. */
  private executed(s: Stmt): A.LastYear["executed"][number][] {
    const out: A.LastYear["executed"][number][] = [];
    for (const c of this.block(s, "lastYear")) {
      if (c.kw !== "Executed") continue;
      const code = this.located(c, "code", "int");
      const money = this.money(c, "amount");
      if (code && money) out.push({ code, money, span: this.stmtSpan(c) });
    }
    return out;
  }

  private lowerPurpose(s: Stmt): A.Purpose | undefined {
    const code = this.located(s, "code", "int");
    const text = this.located(s, "text", "text");
    const amount = this.arg(s, "amount");
    const money = this.money(s, "amount");
    if (!code || !text || (amount && !money)) return undefined;
    return { code, ...opt("money", money), text, span: this.stmtSpan(s) };
  }

  private lowerCoverage(s: Stmt): A.PerformanceCoverage {
    const f = this.fields(s, "coverage");
    return {
      ...opt("units", this.quantity(f.get("UnitCount"), "count")),
      ...opt("projects", this.quantity(f.get("ProjectCount"), "count")),
      ...opt("amount", this.money(f.get("Funds"), "amount")),
      span: this.stmtSpan(s),
    };
  }
}

const DIGITS = /^\d+$/;
const SOURCE_ENTRIES = Object.entries(SOURCE_OF);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `{ key: value }` when the value is defined, `{}` otherwise: optional fields stay absent. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}
