/**
 * The explanations as sentences, for the profiles whose documents explain the budget
 * subject by subject (Shanghai's 部门预算编制说明 and 其他相关情况说明, the key projects'
 * 项目经费情况说明). The figures come from the model (explanations, prose, assets); the
 * wording comes from the profile's `words`, each a sentence with {placeholders}, so a
 * region's or a year's wording is data; the number style from the profile's `prose`.
 * What is chosen here is only what follows a figure: 增加, 减少 or 持平 by the sign of a
 * change, a clause left out when its figure or reason is not stated.
 */
import { Dec, fenToDec, fixed, groupThousands, type Fen } from "../base/money.js";
import type { Compared, Publication } from "../model/types.js";
import type { ProseStyle } from "./profile.js";
import { chineseDate, paragraphs, reasonText } from "./view.js";

/** A key project's 项目经费情况说明: its heading and its numbered sections. */
export interface KeyProjectView {
  readonly heading: string;
  readonly sections: readonly { readonly title: string; readonly paragraphs: readonly string[] }[];
}

export interface ExplainView {
  readonly cover: string;
  readonly competent: string;
  readonly dutiesHeading: string;
  readonly organisationHeading: string;
  readonly organisation: readonly string[];
  readonly glossary: readonly string[];
  readonly budgetHeading: string;
  /** The opening paragraphs of the 编制说明. */
  readonly budget: readonly string[];
  /** One paragraph per 项 with 财政拨款 spending. */
  readonly items: readonly string[];
  readonly otherHeading: string;
  readonly threePublicHeading: string;
  readonly threePublic: readonly string[];
  readonly runningHeading: string;
  readonly running: readonly string[];
  readonly procurementHeading: string;
  readonly procurement: readonly string[];
  readonly coverageHeading: string;
  readonly coverage: readonly string[];
  readonly assetsHeading: string;
  readonly assets: readonly string[];
  /** The heading over all key projects ("" when each has its own only). */
  readonly keyProjectsHeading: string;
  readonly keyProjects: readonly KeyProjectView[];
  readonly hasKeyProjects: boolean;
}

/** The wording the explanations use, by key; a profile's `words` override them. */
export const EXPLAIN_WORDS: Readonly<Record<string, string>> = {
  cover: "{region}{year}年{level}部门预算",
  competent: "预算主管部门：{department}",
  dutiesHeading: "{department}{suffix}主要职能",
  organisationHeading: "{department}{suffix}机构设置",
  organisationIntro: "{department}部门预算是包括{shortName}本部以及下属{others}家预算单位的综合收支计划。",
  organisationKinds: "本部门中，{kinds}，具体包括：",
  organisationUnit: "{n}. {name}{note}。",
  ownUnit: "{n}. {name}（本部）。",
  ownUnitSections: "{n}. {shortName}本部，{department}机关设{count}个内设机构，包括：{sections}。",
  kindCount: "{kind}{count}家",
  glossary: "",
  budgetHeading: "{year}年部门预算编制说明",
  income: "{year}年，{department}收入预算{total}万元，其中：财政拨款收入{fiscal}万元{fiscalChange}；事业收入{business}万元；事业单位经营收入{operating}万元；其他收入{other}万元。",
  spending: "支出预算{total}万元，其中：财政拨款支出预算{fiscal}万元{fiscalChange}。财政拨款支出预算中，一般公共预算拨款支出预算{general}万元{generalChange}；政府性基金拨款支出预算{fund}万元{fundChange}；国有资本经营预算拨款支出预算{capital}万元{capitalChange}。",
  fiscalReason: "财政拨款收入支出{direction}的主要原因是：{reason}。",
  itemsIntro: "财政拨款支出主要内容如下：",
  budgetMore: "，比{prev}年预算增加{amount}万元",
  budgetLess: "，比{prev}年预算减少{amount}万元",
  budgetFlat: "，比{prev}年预算持平",
  item: "{n}. “{lei}（类）{kuan}（款）{xiang}（项）”{amount}万元{purpose}。",
  itemPurpose: "，主要用于{purpose}",
  itemExecuted: "{prev}年当年预算执行数为{executed}万元，{year}年预算安排{amount}万元，比{prev}年预算执行数{change}。",
  itemMore: "增加{percent}%",
  itemLess: "减少{percent}%",
  itemFlat: "持平",
  itemFromZero: "增加100.00%",
  itemReason: "主要原因是：{reason}。",
  otherHeading: "其他相关情况说明",
  threePublicHeading: "一、{year}年“三公”经费预算情况说明",
  threePublicTotal: "{year}年“三公”经费预算数为{amount}万元{change}。其中：",
  threePublicOverseas: "（一）因公出国（境）费{amount}万元{change}{reason}。",
  threePublicVehicles: "（二）公务用车购置及运行费{amount}万元{change}{reason}。其中：公务用车购置费{purchase}万元{purchaseChange}{purchaseReason}；公务用车运行费{operation}万元{operationChange}{operationReason}。",
  threePublicReception: "（三）公务接待费{amount}万元{change}{reason}。",
  threePublicMore: "，比{prev}年预算增加{amount}万元",
  threePublicLess: "，比{prev}年预算减少{amount}万元",
  threePublicFlat: "，与{prev}年预算持平",
  reason: "，主要原因是{reason}",
  runningHeading: "二、机关运行经费预算",
  running: "{year}年{department}财政拨款的机关运行经费预算为{amount}万元。",
  runningUnits: "{year}年{department}{suffix}下属{administrative}家机关和{civil}家参公事业单位财政拨款的机关运行经费预算为{amount}万元。",
  procurementHeading: "三、政府采购预算情况",
  procurement: "{year}年度本部门政府采购预算{total}万元，其中：政府采购货物预算{goods}万元、政府采购工程预算{works}万元、政府采购服务预算{services}万元。",
  procurementSme: "{year}年本部门面向中小企业预留政府采购项目预算金额{sme}万元，其中，预留给小型和微型企业的政府采购项目预算为{smallMicro}万元。",
  procurementNone: "{year}年度本部门无政府采购预算。",
  coverageHeading: "四、绩效目标设置情况",
  coverage: "{year}年度，本部门编报绩效目标的项目共{projects}个，涉及项目预算资金{amount}万元。",
  assetsHeading: "五、国有资产占有使用情况",
  assetsHeld: "截至{asOf}，{department}{suffix}共有车辆{total}辆，其中：{kinds}；单价100万元（含）以上设备（不含车辆）{equipment}台（套）。",
  assetsPurchase: "{year}年部门预算安排购置车辆{total}辆，其中：{kinds}；部门预算安排购置单价100万元（含）以上设备（不含车辆）{equipment}台（套）。",
  vehicleCount: "{kind}{count}辆",
  keyProjectsHeading: "",
  keyProject: "{name}经费情况说明",
  keySummary: "一、项目概述",
  keyBasis: "二、立项依据",
  keyImplementer: "三、实施主体",
  keyScheme: "四、实施方案",
  keySchedule: "五、实施周期",
  keyBudget: "六、年度预算安排",
  keyGoal: "七、绩效目标",
  keyParts: "{year}年度项目总预算{total}万，其中{parts}{sum}。",
  keyPart: "{label}{amount}万",
  keyPartsSum: "，合计{total}万",
  keyPlan: "{label}{amount}万元",
};

/** Fills {key} placeholders; an unknown key stays as written, so a slip in a profile shows. */
function fill(s: string, vars: Readonly<Record<string, string>>): string {
  return s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

export function explainView(pub: Publication, wordsOfProfile: Readonly<Record<string, string>>, style: ProseStyle): ExplainView {
  const words = { ...EXPLAIN_WORDS, ...wordsOfProfile };
  const h = pub.header;
  const year = h.year;
  const base: Record<string, string> = {
    year: String(year),
    prev: String(year - 1),
    department: h.name,
    region: h.region ?? "",
    level: h.level ?? "",
    suffix: h.nameSuffix ?? "",
    shortName: h.shortName ?? h.name,
  };
  const w = (key: string, vars: Readonly<Record<string, string>> = {}): string => fill(words[key] ?? "", { ...base, ...vars });

  // Amounts in 万元: two decimals, or without trailing zeros; zero as 0 or 0.00; separators or none.
  const format = (fen: Fen, trim: boolean): string => {
    if (fen === 0) return style.zero === "0.00" && !trim ? "0.00" : "0";
    const d = fenToDec(fen, "万元");
    const s = trim ? d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed() : fixed(d, 2);
    return style.separators === false ? s : groupThousands(s);
  };
  const m = (fen: Fen) => format(fen, style.money === "trim");
  const tp = (fen: Fen) => format(fen, style.threePublicMoney === "trim");
  const reason = (r: string | undefined) => (r && reasonText(r) ? reasonText(r) : undefined);

  /** A change clause of a kind (budget, threePublic) for a compared figure; "" when last year is not stated. */
  const change = (c: Compared, kind: "budget" | "threePublic", money: (f: Fen) => string): string => {
    if (c.change === undefined) return "";
    const d = c.change.direction;
    return w(`${kind}${d === "增加" ? "More" : d === "减少" ? "Less" : "Flat"}`, { amount: money(c.change.amount) });
  };

  const ex = pub.explanations;
  const source = (s: string) => ex.income.bySource.find((x) => x.source === s)?.amount ?? 0;
  const business = source("事业收入");
  const operating = source("事业单位经营收入");
  // 其他收入: every other source of a unit's own, by difference (exact integers of 分).
  const other = ex.income.total - ex.income.fiscal - business - operating;
  const fund = (s: string) => ex.funds.find((f) => f.source === s)!.figure;
  const general = fund("一般公共预算");
  const govFund = fund("政府性基金预算");
  const capital = fund("国有资本经营预算");
  const budget: string[] = [
    w("income", { total: m(ex.income.total), fiscal: m(ex.income.fiscal), fiscalChange: change(ex.fiscal, "budget", m), business: m(business), operating: m(operating), other: m(other) }),
    w("spending", {
      total: m(pub.tables.t1.expenditureTotal.total),
      fiscal: m(ex.fiscal.amount),
      fiscalChange: change(ex.fiscal, "budget", m),
      general: m(general.amount),
      generalChange: change(general, "budget", m),
      fund: m(govFund.amount),
      fundChange: change(govFund, "budget", m),
      capital: m(capital.amount),
      capitalChange: change(capital, "budget", m),
    }),
  ];
  const fiscalReason = reason(ex.fiscal.reason);
  if (fiscalReason && ex.fiscal.change && ex.fiscal.change.direction !== "持平") budget.push(w("fiscalReason", { direction: ex.fiscal.change.direction, reason: fiscalReason }));
  if (ex.subjects.length) budget.push(w("itemsIntro"));

  const items = ex.subjects.map((s, i) => {
    const amount = m(s.amount);
    const purpose = reason(s.purpose);
    let text = w("item", { n: String(i + 1), lei: s.lei.name, kuan: s.kuan?.name ?? "", xiang: s.xiang?.name ?? "", amount, purpose: purpose ? w("itemPurpose", { purpose }) : "" });
    if (s.executed !== undefined && s.change) {
      const c = s.change;
      const pct = c.direction === "持平" ? w("itemFlat") : c.percent === undefined ? w("itemFromZero") : w(c.direction === "增加" ? "itemMore" : "itemLess", { percent: c.percent });
      text += w("itemExecuted", { executed: m(s.executed), amount, change: pct });
    }
    const r = reason(s.reason);
    if (r) text += w("itemReason", { reason: r });
    return text;
  });

  // 三公: the total and the items in the prose's order, each with its change and reason.
  const s7 = pub.prose.s7;
  const item = (key: string) => s7.items.find((x) => x.key === key)!.figure;
  const because = (c: Compared) => {
    const r = reason(c.reason);
    return r ? w("reason", { reason: r }) : "";
  };
  const overseas = item("overseas");
  const reception = item("reception");
  const purchase = item("vehiclePurchase");
  const operation = item("vehicleOperation");
  const threePublic = [
    w("threePublicTotal", { amount: tp(s7.total.amount), change: change(s7.total, "threePublic", tp) }),
    w("threePublicOverseas", { amount: tp(overseas.amount), change: change(overseas, "threePublic", tp), reason: because(overseas) }),
    w("threePublicVehicles", {
      amount: tp(ex.vehicles.amount),
      change: change(ex.vehicles, "threePublic", tp),
      reason: because(ex.vehicles),
      purchase: tp(purchase.amount),
      purchaseChange: change(purchase, "threePublic", tp),
      purchaseReason: because(purchase),
      operation: tp(operation.amount),
      operationChange: change(operation, "threePublic", tp),
      operationReason: because(operation),
    }),
    w("threePublicReception", { amount: tp(reception.amount), change: change(reception, "threePublic", tp), reason: because(reception) }),
  ];

  // 机关运行经费: a department whose several units have it says how many of each kind.
  const ru = ex.runningUnits;
  const runningAmount = m(pub.prose.s8.total.amount);
  const running = [ru.administrative + ru.civilServiceManaged > 1 ? w("runningUnits", { administrative: String(ru.administrative), civil: String(ru.civilServiceManaged), amount: runningAmount }) : w("running", { amount: runningAmount })];

  const s9 = pub.prose.s9;
  const procurement = s9.stated
    ? [w("procurement", { total: m(s9.total), goods: m(s9.goods), works: m(s9.works), services: m(s9.services) })]
    : [w("procurementNone")];
  const pr = ex.procurement;
  if (pr.smeReserved !== undefined) procurement.push(w("procurementSme", { sme: m(pr.smeReserved), smallMicro: m(pr.smallMicroReserved ?? 0) }));

  const cov = ex.coverage;
  const coverage = [w("coverage", { units: cov.units ?? "0", projects: cov.projects ?? "0", amount: m(cov.amount ?? 0) })];

  const a = pub.assets;
  const kinds = (vs: readonly { kind: string; count: string }[]) => vs.map((v) => w("vehicleCount", { kind: v.kind, count: v.count })).join("、");
  const equipment = (es: readonly { threshold: string; count: string }[]) => es.find((e) => e.threshold === "100万元")?.count ?? "0";
  const assets = a
    ? [
        w("assetsHeld", { asOf: a.asOf ? chineseDate(a.asOf) : "", total: a.vehicleTotal, kinds: kinds(a.vehicles), equipment: equipment(a.equipment) }),
        w("assetsPurchase", { total: a.purchases.vehicleTotal, kinds: kinds(a.purchases.vehicles), equipment: equipment(a.purchases.equipment) }),
      ]
    : [];

  const keyProjects = ex.keyProjects.map((k): KeyProjectView => {
    const plan = k.parts.filter((p) => p.kind === "plan");
    const parts = k.parts.filter((p) => p.kind === "part");
    const budgetText: string[] = [];
    if (parts.length)
      budgetText.push(
        w("keyParts", {
          total: m(k.amount),
          parts: parts.map((p) => w("keyPart", { label: p.label, amount: m(p.amount) })).join("，"),
          sum: parts.length > 1 ? w("keyPartsSum", { total: m(k.amount) }) : "",
        }),
      );
    if (plan.length) budgetText.push(`${plan.map((p) => w("keyPlan", { label: p.label, amount: m(p.amount) })).join("，")}。`);
    const section = (title: string, text: readonly string[]) => ({ title: w(title), paragraphs: text });
    return {
      heading: w("keyProject", { name: k.name }),
      sections: [
        section("keySummary", paragraphs(k.summary)),
        section("keyBasis", paragraphs(k.basis)),
        section("keyImplementer", paragraphs(k.implementer)),
        section("keyScheme", paragraphs(k.scheme)),
        section("keySchedule", paragraphs(k.schedule)),
        section("keyBudget", budgetText),
        section("keyGoal", paragraphs(k.goal)),
      ],
    };
  });

  // 机构设置: as the author wrote it; else the units by kind and their list.
  let organisation = paragraphs(pub.overview.organisation);
  if (!organisation.length) {
    const kindsText = ex.unitKinds.map((k) => w("kindCount", { kind: k.kind === "参公事业单位" ? "参公单位" : k.kind, count: String(k.count) })).join("，");
    organisation = [
      w("organisationIntro", { others: String(Math.max(0, pub.units.length - 1)) }),
      w("organisationKinds", { kinds: kindsText }),
      ...pub.units.map((u, i) => {
        const n = String(i + 1);
        if (!u.isDepartment) return w("organisationUnit", { n, name: u.name, note: u.note ? `，${reasonText(u.note)}` : "" });
        const sections = pub.overview.sections;
        return sections.length ? w("ownUnitSections", { n, count: String(sections.length), sections: sections.join("、") }) : w("ownUnit", { n, name: u.name });
      }),
    ];
  }

  return {
    cover: w("cover"),
    competent: w("competent"),
    dutiesHeading: w("dutiesHeading"),
    organisationHeading: w("organisationHeading"),
    organisation,
    glossary: paragraphs(w("glossary")),
    budgetHeading: w("budgetHeading"),
    budget,
    items,
    otherHeading: w("otherHeading"),
    threePublicHeading: w("threePublicHeading"),
    threePublic,
    runningHeading: w("runningHeading"),
    running,
    procurementHeading: w("procurementHeading"),
    procurement,
    coverageHeading: w("coverageHeading"),
    coverage,
    assetsHeading: w("assetsHeading"),
    assets,
    keyProjectsHeading: w("keyProjectsHeading"),
    keyProjects,
    hasKeyProjects: keyProjects.length > 0,
  };
}
