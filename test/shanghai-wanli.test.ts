/**
 * The Shanghai budget budgets/shanghai-putuo-wanli-2024.budget against the document it
 * is written from (shared/reference/shanghai/shanghai_putuo_wanli_street_2024_dept_budget.txt,
 * "L…" below are its lines). Every amount of the document's nine tables is transcribed
 * here by row code, in 元 as printed, and the figures the model derives from the budget
 * must equal them to the 分; the 万元 figures of the prose (编制说明, 三公 with last year,
 * 机关运行经费, 政府采购, coverage, the key project) must print as the document prints
 * them. The figures are never read from the compiler's output: they are the document's.
 *
 * The budget checks without errors, and the one warning it has is the checker's: the
 * cover of a Shanghai document prints 地区 (上海市普陀区2024年区级部门预算), which
 * unused-fact does not know.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { wan } from "../src/base/money.js";
import { builtinCatalogue } from "../src/catalogue/catalogue.js";
import { checkBudget } from "../src/check/check.js";
import { Derivation } from "../src/model/derivation.js";
import type { ModelSpec } from "../src/model/spec.js";
import { Profiles } from "../src/cli/profiles.js";
import { nodeIo } from "../src/cli/io.js";
import type { Publication } from "../src/model/types.js";
import { loadBudget } from "../src/syntax/load.js";

const ENTRY = "budgets/shanghai-putuo-wanli-2024.budget";
const load = () => loadBudget(ENTRY, { read: (p) => (existsSync(p) ? readFileSync(p, "utf8") : undefined) });

/**
 * What the Shanghai format asks of the model here: a change in percent from the two
 * figures rounded to 万元 with two decimals, as the document computes its 33 items
 * (L119 prints 19.75% for 24.31 against 20.30, where the exact 元 give 19.76%).
 */
// The profiles as the command line reads them: the budget names shanghai, whose model spec
// computes a change in percent from the amounts rounded to 0.01万元, as the document does.
const PROFILES = new Profiles(nodeIo());
const SHANGHAI: ModelSpec = PROFILES.spec("shanghai")!;

let cached: Publication | undefined;
function publication(): Publication {
  return (cached ??= new Derivation(load().budget, builtinCatalogue(2024)!, { spec: SHANGHAI }).publication());
}

/** 元 as the tables print them, in 分. */
const fen = (yuan: number): number => yuan * 100;
/** 万元 as the prose prints them (two decimals), in 分. */
const wanFen = (text: string): number => Math.round(Number(text) * 1_000_000);

/** The 1-based line of an offset. */
function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

describe("the budget", () => {
  it("checks clean in its profile", () => {
    const loaded = load();
    const ds = checkBudget(loaded, undefined, undefined, { profiles: PROFILES }).diagnostics;
    expect(ds.map((d) => `${d.code} ${d.span.file}:${lineOf(loaded.files.find((f) => f.path === d.span.file)?.text ?? "", d.span.start)}`)).toEqual([]);
  });
});

/** The subject rows of 收入预算总表 (L219–L356): code, 合计, 财政拨款收入, 事业收入, 事业单位经营收入, 其他收入. */
const INCOME: [string, number, number, number, number, number][] = [
  ["201", 2_932_700, 2_932_700, 0, 0, 0], // L228 一般公共服务支出
  ["20105", 257_700, 257_700, 0, 0, 0], // L230 统计信息事务
  ["2010507", 257_700, 257_700, 0, 0, 0], // L232 专项普查活动
  ["20129", 426_000, 426_000, 0, 0, 0], // L234 群众团体事务
  ["2012902", 426_000, 426_000, 0, 0, 0], // L236 一般行政管理事务
  ["20132", 888_700, 888_700, 0, 0, 0], // L238 组织事务
  ["2013202", 888_700, 888_700, 0, 0, 0], // L240 一般行政管理事务
  ["20133", 1_106_000, 1_106_000, 0, 0, 0], // L242 宣传事务
  ["2013302", 1_106_000, 1_106_000, 0, 0, 0], // L244 一般行政管理事务
  ["20134", 119_100, 119_100, 0, 0, 0], // L246 统战事务
  ["2013402", 119_100, 119_100, 0, 0, 0], // L248 一般行政管理事务
  ["20138", 135_200, 135_200, 0, 0, 0], // L250 市场监督管理事务
  ["2013802", 135_200, 135_200, 0, 0, 0], // L251 一般行政管理事务
  ["204", 1_633_000, 1_633_000, 0, 0, 0], // L253 公共安全支出
  ["20406", 300_000, 300_000, 0, 0, 0], // L255 司法
  ["2040607", 300_000, 300_000, 0, 0, 0], // L257 公共法律服务
  ["20499", 1_333_000, 1_333_000, 0, 0, 0], // L259 其他公共安全支出
  ["2049999", 1_333_000, 1_333_000, 0, 0, 0], // L261 其他公共安全支出
  ["205", 250_000, 250_000, 0, 0, 0], // L263 教育支出
  ["20599", 250_000, 250_000, 0, 0, 0], // L265 其他教育支出
  ["2059999", 250_000, 250_000, 0, 0, 0], // L267 其他教育支出
  ["206", 100_000, 100_000, 0, 0, 0], // L269 科学技术支出
  ["20607", 100_000, 100_000, 0, 0, 0], // L271 科学技术普及
  ["2060702", 100_000, 100_000, 0, 0, 0], // L273 科普活动
  ["207", 200_000, 200_000, 0, 0, 0], // L275 文化旅游体育与传媒支出
  ["20703", 200_000, 200_000, 0, 0, 0], // L277 体育
  ["2070308", 200_000, 200_000, 0, 0, 0], // L279 群众体育
  ["208", 19_604_064, 19_604_064, 0, 0, 0], // L281 社会保障和就业支出
  ["20805", 7_234_970, 7_234_970, 0, 0, 0], // L283 行政事业单位养老支出
  ["2080501", 243_120, 243_120, 0, 0, 0], // L285 行政单位离退休
  ["2080502", 76_620, 76_620, 0, 0, 0], // L286 事业单位离退休
  ["2080505", 4_608_515, 4_608_515, 0, 0, 0], // L288 机关事业单位基本养老保险缴费支出
  ["2080506", 2_302_815, 2_302_815, 0, 0, 0], // L290 机关事业单位职业年金缴费支出
  ["2080599", 3900, 3900, 0, 0, 0], // L292 其他行政事业单位养老支出
  ["20807", 4_212_300, 4_212_300, 0, 0, 0], // L294 就业补助
  ["2080705", 4_212_300, 4_212_300, 0, 0, 0], // L296 公益性岗位补贴
  ["20816", 44_400, 44_400, 0, 0, 0], // L298 红十字事业
  ["2081602", 44_400, 44_400, 0, 0, 0], // L300 一般行政管理事务
  ["20825", 300_000, 300_000, 0, 0, 0], // L302 其他生活救助
  ["2082501", 300_000, 300_000, 0, 0, 0], // L304 其他城市生活救助
  ["20899", 7_812_394, 7_812_394, 0, 0, 0], // L306 其他社会保障和就业支出
  ["2089999", 7_812_394, 7_812_394, 0, 0, 0], // L308 其他社会保障和就业支出
  ["210", 3_223_657, 3_223_657, 0, 0, 0], // L310 卫生健康支出
  ["21007", 200_000, 200_000, 0, 0, 0], // L312 计划生育事务
  ["2100717", 200_000, 200_000, 0, 0, 0], // L314 计划生育服务
  ["21011", 3_023_657, 3_023_657, 0, 0, 0], // L316 行政事业单位医疗
  ["2101101", 1_422_233, 1_422_233, 0, 0, 0], // L318 行政单位医疗
  ["2101102", 1_601_424, 1_601_424, 0, 0, 0], // L320 事业单位医疗
  ["212", 119_385_303, 119_385_303, 0, 0, 0], // L321 城乡社区支出
  ["21201", 94_450_003, 94_450_003, 0, 0, 0], // L323 城乡社区管理事务
  ["2120101", 16_603_248, 16_603_248, 0, 0, 0], // L325 行政运行
  ["2120102", 17_591_003, 17_591_003, 0, 0, 0], // L327 一般行政管理事务
  ["2120104", 6_043_390, 6_043_390, 0, 0, 0], // L329 城管执法
  ["2120199", 54_212_362, 54_212_362, 0, 0, 0], // L331 其他城乡社区管理事务支出
  ["21203", 9_721_800, 9_721_800, 0, 0, 0], // L333 城乡社区公共设施
  ["2120399", 9_721_800, 9_721_800, 0, 0, 0], // L335 其他城乡社区公共设施支出
  ["21205", 5_993_300, 5_993_300, 0, 0, 0], // L337 城乡社区环境卫生
  ["2120501", 5_993_300, 5_993_300, 0, 0, 0], // L339 城乡社区环境卫生
  ["21299", 9_220_200, 9_220_200, 0, 0, 0], // L341 其他城乡社区支出
  ["2129999", 9_220_200, 9_220_200, 0, 0, 0], // L343 其他城乡社区支出
  ["221", 8_882_399, 8_882_399, 0, 0, 0], // L345 住房保障支出
  ["22102", 6_705_199, 6_705_199, 0, 0, 0], // L347 住房改革支出
  ["2210201", 3_503_499, 3_503_499, 0, 0, 0], // L349 住房公积金
  ["2210203", 3_201_700, 3_201_700, 0, 0, 0], // L351 购房补贴
  ["22103", 2_177_200, 2_177_200, 0, 0, 0], // L353 城乡社区住宅
  ["2210399", 2_177_200, 2_177_200, 0, 0, 0], // L355 其他城乡社区住宅支出
  ["合计", 156_211_123, 156_211_123, 0, 0, 0], // L356
];

/** The subject rows of 支出预算总表 (L357–L494): code, 合计, 基本支出, 项目支出. */
const EXPENDITURE: [string, number, number, number][] = [
  ["201", 2_932_700, 0, 2_932_700], // L366 一般公共服务支出
  ["20105", 257_700, 0, 257_700], // L368 统计信息事务
  ["2010507", 257_700, 0, 257_700], // L370 专项普查活动
  ["20129", 426_000, 0, 426_000], // L372 群众团体事务
  ["2012902", 426_000, 0, 426_000], // L374 一般行政管理事务
  ["20132", 888_700, 0, 888_700], // L376 组织事务
  ["2013202", 888_700, 0, 888_700], // L378 一般行政管理事务
  ["20133", 1_106_000, 0, 1_106_000], // L380 宣传事务
  ["2013302", 1_106_000, 0, 1_106_000], // L382 一般行政管理事务
  ["20134", 119_100, 0, 119_100], // L384 统战事务
  ["2013402", 119_100, 0, 119_100], // L386 一般行政管理事务
  ["20138", 135_200, 0, 135_200], // L388 市场监督管理事务
  ["2013802", 135_200, 0, 135_200], // L389 一般行政管理事务
  ["204", 1_633_000, 0, 1_633_000], // L391 公共安全支出
  ["20406", 300_000, 0, 300_000], // L393 司法
  ["2040607", 300_000, 0, 300_000], // L395 公共法律服务
  ["20499", 1_333_000, 0, 1_333_000], // L397 其他公共安全支出
  ["2049999", 1_333_000, 0, 1_333_000], // L399 其他公共安全支出
  ["205", 250_000, 0, 250_000], // L401 教育支出
  ["20599", 250_000, 0, 250_000], // L403 其他教育支出
  ["2059999", 250_000, 0, 250_000], // L405 其他教育支出
  ["206", 100_000, 0, 100_000], // L407 科学技术支出
  ["20607", 100_000, 0, 100_000], // L409 科学技术普及
  ["2060702", 100_000, 0, 100_000], // L411 科普活动
  ["207", 200_000, 0, 200_000], // L413 文化旅游体育与传媒支出
  ["20703", 200_000, 0, 200_000], // L415 体育
  ["2070308", 200_000, 0, 200_000], // L417 群众体育
  ["208", 19_604_064, 13_368_164, 6_235_900], // L419 社会保障和就业支出
  ["20805", 7_234_970, 7_234_970, 0], // L421 行政事业单位养老支出
  ["2080501", 243_120, 243_120, 0], // L423 行政单位离退休
  ["2080502", 76_620, 76_620, 0], // L424 事业单位离退休
  ["2080505", 4_608_515, 4_608_515, 0], // L426 机关事业单位基本养老保险缴费支出
  ["2080506", 2_302_815, 2_302_815, 0], // L428 机关事业单位职业年金缴费支出
  ["2080599", 3900, 3900, 0], // L430 其他行政事业单位养老支出
  ["20807", 4_212_300, 0, 4_212_300], // L432 就业补助
  ["2080705", 4_212_300, 0, 4_212_300], // L434 公益性岗位补贴
  ["20816", 44_400, 0, 44_400], // L436 红十字事业
  ["2081602", 44_400, 0, 44_400], // L438 一般行政管理事务
  ["20825", 300_000, 0, 300_000], // L440 其他生活救助
  ["2082501", 300_000, 0, 300_000], // L442 其他城市生活救助
  ["20899", 7_812_394, 6_133_194, 1_679_200], // L444 其他社会保障和就业支出
  ["2089999", 7_812_394, 6_133_194, 1_679_200], // L446 其他社会保障和就业支出
  ["210", 3_223_657, 3_023_657, 200_000], // L448 卫生健康支出
  ["21007", 200_000, 0, 200_000], // L450 计划生育事务
  ["2100717", 200_000, 0, 200_000], // L452 计划生育服务
  ["21011", 3_023_657, 3_023_657, 0], // L454 行政事业单位医疗
  ["2101101", 1_422_233, 1_422_233, 0], // L456 行政单位医疗
  ["2101102", 1_601_424, 1_601_424, 0], // L458 事业单位医疗
  ["212", 119_385_303, 76_609_000, 42_776_303], // L459 城乡社区支出
  ["21201", 94_450_003, 76_609_000, 17_841_003], // L461 城乡社区管理事务
  ["2120101", 16_603_248, 16_353_248, 250_000], // L463 行政运行
  ["2120102", 17_591_003, 0, 17_591_003], // L465 一般行政管理事务
  ["2120104", 6_043_390, 6_043_390, 0], // L467 城管执法
  ["2120199", 54_212_362, 54_212_362, 0], // L469 其他城乡社区管理事务支出
  ["21203", 9_721_800, 0, 9_721_800], // L471 城乡社区公共设施
  ["2120399", 9_721_800, 0, 9_721_800], // L473 其他城乡社区公共设施支出
  ["21205", 5_993_300, 0, 5_993_300], // L475 城乡社区环境卫生
  ["2120501", 5_993_300, 0, 5_993_300], // L477 城乡社区环境卫生
  ["21299", 9_220_200, 0, 9_220_200], // L479 其他城乡社区支出
  ["2129999", 9_220_200, 0, 9_220_200], // L481 其他城乡社区支出
  ["221", 8_882_399, 6_705_199, 2_177_200], // L483 住房保障支出
  ["22102", 6_705_199, 6_705_199, 0], // L485 住房改革支出
  ["2210201", 3_503_499, 3_503_499, 0], // L487 住房公积金
  ["2210203", 3_201_700, 3_201_700, 0], // L489 购房补贴
  ["22103", 2_177_200, 0, 2_177_200], // L491 城乡社区住宅
  ["2210399", 2_177_200, 0, 2_177_200], // L493 其他城乡社区住宅支出
  ["合计", 156_211_123, 99_706_020, 56_505_103], // L494
];

/** The subject rows of 一般公共预算支出功能分类预算表 (L524–L685): code, 合计, 基本支出, 项目支出. */
const GENERAL: [string, number, number, number][] = [
  ["201", 2_932_700, 0, 2_932_700], // L533 一般公共服务支出
  ["20105", 257_700, 0, 257_700], // L535 统计信息事务
  ["2010507", 257_700, 0, 257_700], // L537 专项普查活动
  ["20129", 426_000, 0, 426_000], // L539 群众团体事务
  ["2012902", 426_000, 0, 426_000], // L541 一般行政管理事务
  ["20132", 888_700, 0, 888_700], // L543 组织事务
  ["2013202", 888_700, 0, 888_700], // L545 一般行政管理事务
  ["20133", 1_106_000, 0, 1_106_000], // L547 宣传事务
  ["2013302", 1_106_000, 0, 1_106_000], // L549 一般行政管理事务
  ["20134", 119_100, 0, 119_100], // L551 统战事务
  ["2013402", 119_100, 0, 119_100], // L553 一般行政管理事务
  ["20138", 135_200, 0, 135_200], // L555 市场监督管理事务
  ["2013802", 135_200, 0, 135_200], // L557 一般行政管理事务
  ["204", 1_633_000, 0, 1_633_000], // L564 公共安全支出
  ["20406", 300_000, 0, 300_000], // L566 司法
  ["2040607", 300_000, 0, 300_000], // L568 公共法律服务
  ["20499", 1_333_000, 0, 1_333_000], // L570 其他公共安全支出
  ["2049999", 1_333_000, 0, 1_333_000], // L572 其他公共安全支出
  ["205", 250_000, 0, 250_000], // L574 教育支出
  ["20599", 250_000, 0, 250_000], // L576 其他教育支出
  ["2059999", 250_000, 0, 250_000], // L578 其他教育支出
  ["206", 100_000, 0, 100_000], // L580 科学技术支出
  ["20607", 100_000, 0, 100_000], // L582 科学技术普及
  ["2060702", 100_000, 0, 100_000], // L584 科普活动
  ["207", 200_000, 0, 200_000], // L586 文化旅游体育与传媒支出
  ["20703", 200_000, 0, 200_000], // L588 体育
  ["2070308", 200_000, 0, 200_000], // L590 群众体育
  ["208", 19_604_064, 13_368_164, 6_235_900], // L592 社会保障和就业支出
  ["20805", 7_234_970, 7_234_970, 0], // L594 行政事业单位养老支出
  ["2080501", 243_120, 243_120, 0], // L601 行政单位离退休
  ["2080502", 76_620, 76_620, 0], // L603 事业单位离退休
  ["2080505", 4_608_515, 4_608_515, 0], // L605 机关事业单位基本养老保险缴费支出
  ["2080506", 2_302_815, 2_302_815, 0], // L607 机关事业单位职业年金缴费支出
  ["2080599", 3900, 3900, 0], // L609 其他行政事业单位养老支出
  ["20807", 4_212_300, 0, 4_212_300], // L611 就业补助
  ["2080705", 4_212_300, 0, 4_212_300], // L613 公益性岗位补贴
  ["20816", 44_400, 0, 44_400], // L615 红十字事业
  ["2081602", 44_400, 0, 44_400], // L617 一般行政管理事务
  ["20825", 300_000, 0, 300_000], // L619 其他生活救助
  ["2082501", 300_000, 0, 300_000], // L621 其他城市生活救助
  ["20899", 7_812_394, 6_133_194, 1_679_200], // L623 其他社会保障和就业支出
  ["2089999", 7_812_394, 6_133_194, 1_679_200], // L625 其他社会保障和就业支出
  ["210", 3_223_657, 3_023_657, 200_000], // L627 卫生健康支出
  ["21007", 200_000, 0, 200_000], // L629 计划生育事务
  ["2100717", 200_000, 0, 200_000], // L631 计划生育服务
  ["21011", 3_023_657, 3_023_657, 0], // L638 行政事业单位医疗
  ["2101101", 1_422_233, 1_422_233, 0], // L640 行政单位医疗
  ["2101102", 1_601_424, 1_601_424, 0], // L642 事业单位医疗
  ["212", 119_385_303, 76_609_000, 42_776_303], // L644 城乡社区支出
  ["21201", 94_450_003, 76_609_000, 17_841_003], // L646 城乡社区管理事务
  ["2120101", 16_603_248, 16_353_248, 250_000], // L648 行政运行
  ["2120102", 17_591_003, 0, 17_591_003], // L650 一般行政管理事务
  ["2120104", 6_043_390, 6_043_390, 0], // L652 城管执法
  ["2120199", 54_212_362, 54_212_362, 0], // L654 其他城乡社区管理事务支出
  ["21203", 9_721_800, 0, 9_721_800], // L656 城乡社区公共设施
  ["2120399", 9_721_800, 0, 9_721_800], // L658 其他城乡社区公共设施支出
  ["21205", 5_993_300, 0, 5_993_300], // L660 城乡社区环境卫生
  ["2120501", 5_993_300, 0, 5_993_300], // L662 城乡社区环境卫生
  ["21299", 9_220_200, 0, 9_220_200], // L664 其他城乡社区支出
  ["2129999", 9_220_200, 0, 9_220_200], // L666 其他城乡社区支出
  ["221", 8_882_399, 6_705_199, 2_177_200], // L668 住房保障支出
  ["22102", 6_705_199, 6_705_199, 0], // L675 住房改革支出
  ["2210201", 3_503_499, 3_503_499, 0], // L677 住房公积金
  ["2210203", 3_201_700, 3_201_700, 0], // L679 购房补贴
  ["22103", 2_177_200, 0, 2_177_200], // L681 城乡社区住宅
  ["2210399", 2_177_200, 0, 2_177_200], // L683 其他城乡社区住宅支出
  ["合计", 156_211_123, 99_706_020, 56_505_103], // L685
];

/**
 * 一般公共预算基本支出部门预算经济分类预算表 (L714–L783): code, 合计, 人员经费, 公用经费. The
 * document prints the 款 of 30102 and 30107 as "2" and "7" (L726, L728).
 */
const ECONOMIC: [string, number, number, number][] = [
  ["301", 88_282_511, 88_282_511, 0], // L722 工资福利支出
  ["30101", 5_873_551, 5_873_551, 0], // L724 基本工资
  ["30102", 16_623_810, 16_623_810, 0], // L726 津贴补贴
  ["30107", 11_447_100, 11_447_100, 0], // L728 绩效工资
  ["30108", 4_608_515, 4_608_515, 0], // L730 机关事业单位基本养老保险缴费
  ["30109", 2_302_815, 2_302_815, 0], // L732 职业年金缴费
  ["30110", 3_023_657, 3_023_657, 0], // L734 职工基本医疗保险缴费
  ["30112", 216_087, 216_087, 0], // L736 其他社会保障缴费
  ["30113", 3_503_499, 3_503_499, 0], // L738 住房公积金
  ["30199", 40_683_477, 40_683_477, 0], // L740 其他工资福利支出
  ["302", 11_168_569, 0, 11_168_569], // L742 商品和服务支出
  ["30201", 4_755_518, 0, 4_755_518], // L744 办公费
  ["30204", 30_000, 0, 30_000], // L746 手续费
  ["30205", 277_500, 0, 277_500], // L747 水费
  ["30206", 280_000, 0, 280_000], // L749 电费
  ["30207", 390_000, 0, 390_000], // L751 邮电费
  ["30209", 1_090_020, 0, 1_090_020], // L753 物业管理费
  ["30211", 80_000, 0, 80_000], // L755 差旅费
  ["30213", 430_000, 0, 430_000], // L757 维修(护)费
  ["30214", 581_200, 0, 581_200], // L759 租赁费
  ["30215", 30_000, 0, 30_000], // L761 会议费
  ["30216", 83_000, 0, 83_000], // L763 培训费
  ["30217", 13_500, 0, 13_500], // L765 公务接待费
  ["30227", 226_500, 0, 226_500], // L767 委托业务费
  ["30228", 607_849, 0, 607_849], // L769 工会经费
  ["30229", 695_520, 0, 695_520], // L771 福利费
  ["30231", 215_600, 0, 215_600], // L773 公务用车运行维护费
  ["30239", 691_680, 0, 691_680], // L775 其他交通费用
  ["30299", 690_682, 0, 690_682], // L777 其他商品和服务支出
  ["303", 254_940, 254_940, 0], // L779 对个人和家庭的补助
  ["30302", 254_940, 254_940, 0], // L781 退休费
  ["合计", 99_706_020, 88_537_451, 11_168_569], // L783
];

/** 财务收支预算总表 (L190–L218) and 财政拨款收支预算总表 (L495–L523): expenditure by 类, in print order. */
const LEI: [string, string, number][] = [
  ["201", "一、一般公共服务支出", 2_932_700],
  ["204", "二、公共安全支出", 1_633_000],
  ["205", "三、教育支出", 250_000],
  ["206", "四、科学技术支出", 100_000],
  ["207", "五、文化旅游体育与传媒支出", 200_000],
  ["208", "六、社会保障和就业支出", 19_604_064],
  ["210", "七、卫生健康支出", 3_223_657],
  ["212", "八、城乡社区支出", 119_385_303],
  ["221", "九、住房保障支出", 8_882_399],
];

/**
 * 编制说明's 33 items (L86–L189): code, this year in 万元, 2023年当年预算执行数, the
 * direction and the percent printed. 持平 prints no percent; L110 prints 增加100.00% against
 * an execution of 0.00, a convention of the format: the model gives no percent there.
 */
const ITEMS: [string, string, string, "增加" | "减少" | "持平", string | undefined][] = [
  ["2010507", "25.77", "60.13", "减少", "57.14"], // L86
  ["2012902", "42.60", "45.41", "减少", "6.19"], // L89
  ["2013202", "88.87", "60.79", "增加", "46.19"], // L92
  ["2013302", "110.60", "114.00", "减少", "2.98"], // L95
  ["2013402", "11.91", "9.00", "增加", "32.33"], // L98
  ["2013802", "13.52", "14.62", "减少", "7.52"], // L101
  ["2040607", "30.00", "15.00", "增加", "100.00"], // L104
  ["2049999", "133.30", "130.23", "增加", "2.36"], // L107
  ["2059999", "25.00", "0.00", "增加", "100.00"], // L110
  ["2060702", "10.00", "10.00", "持平", undefined], // L113
  ["2070308", "20.00", "20.00", "持平", undefined], // L116
  ["2080501", "24.31", "20.30", "增加", "19.75"], // L119
  ["2080502", "7.66", "6.26", "增加", "22.36"], // L123
  ["2080505", "460.85", "357.56", "增加", "28.89"], // L126
  ["2080506", "230.28", "198.60", "增加", "15.95"], // L129
  ["2080599", "0.39", "0.31", "增加", "25.81"], // L132
  ["2080705", "421.23", "389.59", "增加", "8.12"], // L136
  ["2081602", "4.44", "4.33", "增加", "2.54"], // L139
  ["2082501", "30.00", "30.00", "持平", undefined], // L143
  ["2089999", "781.24", "1410.22", "减少", "44.60"], // L146
  ["2100717", "20.00", "20.00", "持平", undefined], // L150
  ["2101101", "142.22", "95.16", "增加", "49.45"], // L153
  ["2101102", "160.14", "132.56", "增加", "20.81"], // L156
  ["2120101", "1660.32", "1899.77", "减少", "12.60"], // L159
  ["2120102", "1759.10", "2083.68", "减少", "15.58"], // L161
  ["2120104", "604.34", "676.66", "减少", "10.69"], // L164
  ["2120199", "5421.24", "5276.21", "增加", "2.75"], // L167
  ["2120399", "972.18", "775.00", "增加", "25.44"], // L170
  ["2120501", "599.33", "830.24", "减少", "27.81"], // L174
  ["2129999", "922.02", "1822.46", "减少", "49.41"], // L177
  ["2210201", "350.35", "348.52", "增加", "0.53"], // L181 (“2024年预算安排352.67万元”)
  ["2210203", "320.17", "318.14", "增加", "0.64"], // L184
  ["2210399", "217.72", "217.72", "持平", undefined], // L187
];

describe("财务收支预算总表 (L190–L218)", () => {
  it("income by source", () => {
    const e = publication().explanations;
    const by = new Map(e.income.bySource.map((s) => [s.source, s.amount]));
    expect(e.income.fiscal).toBe(fen(156_211_123)); // 一、财政拨款收入
    expect(by.get("一般公共预算")).toBe(fen(156_211_123)); // 1. 一般公共预算资金
    expect(by.get("政府性基金预算")).toBe(0); // 2. 政府性基金 (blank)
    expect(by.get("国有资本经营预算")).toBe(0); // 3. 国有资本经营预算 (blank)
    expect(by.get("事业收入")).toBe(0); // 二、事业收入 (blank)
    expect(by.get("事业单位经营收入")).toBe(0); // 三、事业单位经营收入 (blank)
    expect(by.get("其他收入")).toBe(0); // 四、其他收入 (blank)
    expect(e.income.total).toBe(fen(156_211_123)); // 收入总计
  });
  it("expenditure by 类, only those with an amount, and 支出总计", () => {
    const t1 = publication().tables.t1;
    expect(t1.expenditure.filter((r) => r.cells.total !== 0).map((r) => [r.code, r.cells.total])).toEqual(LEI.map(([code, , yuan]) => [code, fen(yuan)]));
    expect(t1.expenditureTotal.total).toBe(fen(156_211_123));
    expect(t1.incomeTotal).toBe(fen(156_211_123));
  });
});

describe("收入预算总表 (L219–L356)", () => {
  it("every row by code: 合计, 财政拨款收入, and the unit's own income (all 0)", () => {
    const t2 = publication().tables.t2;
    const rows = t2.rows.filter((r) => r.cells.total !== 0);
    expect(rows.map((r) => r.code)).toEqual(INCOME.filter((r) => r[0] !== "合计").map((r) => r[0]));
    for (const [code, total, fiscal, business, operating, other] of INCOME) {
      const c = code === "合计" ? t2.total : rows.find((r) => r.code === code)!.cells;
      expect([code, c.total, c.general + c.fund + c.capital, c.specialAccount + c.unitFunds]).toEqual([code, fen(total), fen(fiscal), fen(business + operating + other)]);
    }
  });
});

describe("支出预算总表 (L357–L494) and 一般公共预算支出功能分类预算表 (L524–L685)", () => {
  const check = (table: Publication["tables"]["t3"], doc: [string, number, number, number][]) => {
    const rows = table.rows.filter((r) => r.cells.total !== 0);
    expect(rows.map((r) => r.code)).toEqual(doc.filter((r) => r[0] !== "合计").map((r) => r[0]));
    for (const [code, total, basic, project] of doc) {
      const c = code === "合计" ? table.total : rows.find((r) => r.code === code)!.cells;
      expect([code, c.total, c.basic, c.project]).toEqual([code, fen(total), fen(basic), fen(project)]);
    }
  };
  it("支出预算总表: every row by code, 合计 / 基本支出 / 项目支出", () => check(publication().tables.t3, EXPENDITURE));
  it("一般公共预算支出功能分类预算表: every row by code, 合计 / 基本支出 / 项目支出", () => check(publication().tables.t5, GENERAL));
});

describe("财政拨款收支预算总表 (L495–L523)", () => {
  it("income by fund, expenditure by 类 and fund, and the totals", () => {
    const t4 = publication().tables.t4;
    const income = new Map(t4.income.map((l) => [l.source, l.amount]));
    expect(income.get("一般公共预算")).toBe(fen(156_211_123)); // 一、一般公共预算资金
    expect(income.get("政府性基金预算")).toBe(0); // 二、政府性基金 (blank)
    expect(income.get("国有资本经营预算")).toBe(0); // 三、国有资本经营预算 (blank)
    // Every 类 is 一般公共预算 alone: 政府性基金预算 and 国有资本经营预算 are blank on every row.
    expect(t4.expenditure.filter((r) => r.cells.total !== 0).map((r) => [r.code, r.cells.total, r.cells.general, r.cells.fund, r.cells.capital])).toEqual(LEI.map(([code, , yuan]) => [code, fen(yuan), fen(yuan), 0, 0]));
    expect(t4.incomeTotal).toBe(fen(156_211_123));
    expect(t4.expenditureTotal).toEqual({ total: fen(156_211_123), general: fen(156_211_123), fund: 0, capital: 0 });
  });
});

describe("政府性基金 (L686–L699) and 国有资本经营 (L700–L713) 预算支出功能分类预算表", () => {
  it("are empty", () => {
    const { t8, t9 } = publication().tables;
    expect([t8.empty, t8.rows, t8.total]).toEqual([true, [], { total: 0, basic: 0, project: 0 }]);
    expect([t9.rows, t9.total]).toEqual([[], { total: 0, basic: 0, project: 0 }]);
  });
});

describe("一般公共预算基本支出部门预算经济分类预算表 (L714–L783)", () => {
  it("every 类 and 款 by code: 合计 / 人员经费 / 公用经费", () => {
    const t6 = publication().tables.t6;
    // A 款 may print once per kind of unit (its 政府 subject follows the kind): the document has one row per 款.
    const byCode = new Map<string, [number, number, number]>();
    for (const g of t6.groups) {
      byCode.set(g.code, [g.cells.total, g.cells.personnel, g.cells.public]);
      for (const l of g.lines) {
        const [t, p, u] = byCode.get(l.code) ?? [0, 0, 0];
        byCode.set(l.code, [t + l.cells.total, p + l.cells.personnel, u + l.cells.public]);
      }
    }
    byCode.set("合计", [t6.total.total, t6.total.personnel, t6.total.public]);
    expect([...byCode.keys()].sort()).toEqual(ECONOMIC.map((r) => r[0]).sort());
    for (const [code, total, personnel, pub] of ECONOMIC) expect([code, ...byCode.get(code)!]).toEqual([code, fen(total), fen(personnel), fen(pub)]);
  });
});

describe("部门“三公”经费和机关运行经费预算表 (L784–L800) and 其他相关情况说明 (L801–L827)", () => {
  it("三公 by item and 机关运行经费, as printed in 万元 (L797)", () => {
    const { t10, t11 } = publication().tables;
    const row = new Map(t10.rows.map((r) => [r.key, r.cells.total]));
    expect(row.get("total")).toBe(wanFen("47.91")); // 合计
    expect(row.get("overseas")).toBe(0); // 因公出国(境)费
    expect(row.get("reception")).toBe(wanFen("1.35")); // 公务接待费
    expect(row.get("vehicles")).toBe(wanFen("46.56")); // 公务用车购置及运行费 小计
    expect(row.get("vehiclePurchase")).toBe(wanFen("25")); // 购置费
    expect(row.get("vehicleOperation")).toBe(wanFen("21.56")); // 运行费
    expect(wan(t11.total.total)).toBe("443.18"); // 2024年机关运行经费预算数
  });
  it("三公 against 2023's budget, each change as L804–L809 state it", () => {
    const { prose, explanations } = publication();
    const s7 = prose.s7;
    const item = new Map(s7.items.map((i) => [i.key, i.figure]));
    // 2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。
    expect([s7.total.amount, s7.total.change?.direction, s7.total.change?.amount]).toEqual([wanFen("47.91"), "增加", wanFen("25")]);
    // （一）因公出国（境）费0万元，比2023年预算持平。主要原因是因公出国（境）费保持不变。
    expect([item.get("overseas")?.amount, item.get("overseas")?.change?.direction, item.get("overseas")?.reason]).toEqual([0, "持平", "因公出国（境）费保持不变"]);
    // （二）公务用车购置及运行费46.56万元，比2023年预算增加25万元，主要原因是购置公务用车。
    expect([explanations.vehicles.amount, explanations.vehicles.change?.direction, explanations.vehicles.change?.amount, explanations.vehicles.reason]).toEqual([wanFen("46.56"), "增加", wanFen("25"), "购置公务用车"]);
    // 其中：公务用车购置费25万元，比2023年预算增加25万元，主要原因是购置公务用车；
    expect([item.get("vehiclePurchase")?.amount, item.get("vehiclePurchase")?.change?.direction, item.get("vehiclePurchase")?.change?.amount, item.get("vehiclePurchase")?.reason]).toEqual([wanFen("25"), "增加", wanFen("25"), "购置公务用车"]);
    // 公务用车运行费21.56万元，比2023年预算持平 (the reason is printed 公务车用车运行费保持不变: a slip, L807).
    expect([item.get("vehicleOperation")?.amount, item.get("vehicleOperation")?.change?.direction, item.get("vehicleOperation")?.reason]).toEqual([wanFen("21.56"), "持平", "公务用车运行费保持不变"]);
    // （三）公务接待费1.35万元。比2023年预算持平，主要原因是公务接待费保持不变。
    expect([item.get("reception")?.amount, item.get("reception")?.change?.direction, item.get("reception")?.reason]).toEqual([wanFen("1.35"), "持平", "公务接待费保持不变"]);
  });
  it("机关运行经费 of 1 机关 and 1 参公事业单位 (L811); 政府采购 (L814–L816); 绩效目标 (L819); assets (L822–L827)", () => {
    const { prose, explanations, assets } = publication();
    expect(explanations.runningUnits).toEqual({ administrative: 1, civilServiceManaged: 1 });
    expect([wan(prose.s9.total), wan(prose.s9.goods), wan(prose.s9.works), wan(prose.s9.services)]).toEqual(["1662.44", "93.98", "815.87", "752.59"]);
    expect([wan(explanations.procurement.smeReserved!), wan(explanations.procurement.smallMicroReserved!)]).toEqual(["664.98", "465.49"]);
    expect([explanations.coverage.units, explanations.coverage.projects, wan(explanations.coverage.amount!)]).toEqual(["2", "50", "5634.81"]);
    expect([assets?.asOf, assets?.vehicleTotal, assets?.vehicles.find((v) => v.kind === "其他用车")?.count]).toEqual(["2023-08-31", "7", "7"]);
    expect([assets?.purchases.vehicleTotal, assets?.purchases.vehicles.find((v) => v.kind === "其他用车")?.count]).toEqual(["1", "1"]);
    expect(assets?.equipment.map((e) => [e.threshold, e.count])).toEqual([["100万元", "0"]]);
    expect(assets?.purchases.equipment.map((e) => [e.threshold, e.count])).toEqual([["100万元", "0"]]);
  });
});

describe("部门机构设置 (L47–L56)", () => {
  it("6 units: 行政单位 1 家，参公单位 1 家，事业单位 4 家", () => {
    const { units, explanations } = publication();
    expect(units.length).toBe(6);
    expect(explanations.unitKinds).toEqual([
      { kind: "行政单位", count: 1 },
      { kind: "参公事业单位", count: 1 },
      { kind: "事业单位", count: 4 },
    ]);
  });
});

describe("部门预算编制说明 (L76–L189)", () => {
  it("income and 财政拨款 against 2023's budget (L78–L82)", () => {
    const e = publication().explanations;
    // 收入预算15621.11万元，其中：财政拨款收入15621.11万元，比2023年预算减少876.75万元
    expect([wan(e.income.total), wan(e.fiscal.amount), e.fiscal.change?.direction, wan(e.fiscal.change!.amount), e.fiscal.reason]).toEqual(["15621.11", "15621.11", "减少", "876.75", "项目调整"]);
    const funds = new Map(e.funds.map((f) => [f.source, f.figure]));
    // 一般公共预算拨款支出预算15621.11万元，比2023年预算减少876.75万元
    expect([wan(funds.get("一般公共预算")!.amount), funds.get("一般公共预算")!.change?.direction, wan(funds.get("一般公共预算")!.change!.amount)]).toEqual(["15621.11", "减少", "876.75"]);
    // 政府性基金拨款支出预算0.00万元，比2023年预算持平；国有资本经营预算拨款支出预算0.00万元，比2023年预算持平
    expect([funds.get("政府性基金预算")!.amount, funds.get("政府性基金预算")!.change?.direction]).toEqual([0, "持平"]);
    expect([funds.get("国有资本经营预算")!.amount, funds.get("国有资本经营预算")!.change?.direction]).toEqual([0, "持平"]);
  });
  it("the 33 items: amount, 2023 execution, direction and percent as printed", () => {
    const subjects = publication().explanations.subjects;
    expect(subjects.map((s) => s.code)).toEqual(ITEMS.map((i) => i[0]));
    for (const [code, amount, executed, direction, percent] of ITEMS) {
      const s = subjects.find((x) => x.code === code)!;
      // 持平 prints no number; an increase from 0.00 prints 100.00%.
      const printedPercent = s.change?.direction === "持平" ? undefined : (s.change?.percent ?? (s.executed === 0 ? "100.00" : undefined));
      expect([code, wan(s.amount), s.executed === undefined ? undefined : wan(s.executed), s.change?.direction, printedPercent]).toEqual([code, amount, executed, direction, percent]);
    }
  });
});

describe("项目经费情况说明 (L828–L856)", () => {
  it("the key project: four quarters of 158.05万元, 632.20万元 in all", () => {
    const keys = publication().explanations.keyProjects;
    // The document prints no total: the project is its four quarters, to the 分.
    expect(keys.map((k) => [k.name, k.amount])).toEqual([["万里街道社区公共服务中心新建工程", 4 * wanFen("158.05")]]);
    expect(keys[0]!.parts.map((p) => [p.kind, p.label, p.amount])).toEqual(["第一", "第二", "第三", "第四"].map((q) => ["plan", `${q}季度用款计划`, wanFen("158.05")]));
  });
});
