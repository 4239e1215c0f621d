#!/usr/bin/env node
/**
 * Generates a large budget for the parser benchmark: one department and N projects
 * shaped like the projects of the reference budget (budgets/jinzhong-econ-ops-2024),
 * each with a full performance form (funding by level, every text field, nine
 * indicators, the filing lines). The output depends only on N: a fixed-seed generator
 * picks the words and figures, so every run measures the same text.
 *
 *   node bench/generate.mjs [N] [--out FILE]     (N defaults to 10,000)
 *
 * Without --out the budget goes to bench/.tmp/projects-N.budget, which git ignores.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_PROJECTS = 10_000;
const here = dirname(fileURLToPath(import.meta.url));

/** The default place of the generated budget for N projects. */
export function defaultPath(n) {
  return join(here, ".tmp", `projects-${n}.budget`);
}

/** A small fast generator with a fixed seed (mulberry32), so the output never varies. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ["2010402", "2010502", "2010507", "2011399", "2080801", "2150805", "2150517", "21907"];
const CATEGORIES = ["其他运转类", "其他运转类", "其他运转类", "特定目标类"];
const ATTRIBUTES = ["延续性项目", "延续性项目", "经常性项目", "一次性项目"];
const TOPICS = ["企业服务常态化", "转型项目建设", "党建工作及机关文化建设", "统计调查", "招商引资", "安全生产监管", "商贸流通促进", "数据要素平台运营", "质量体系认证", "援疆工作"];
const CLAUSES = [
  "保障相关工作顺利进行",
  "开展入企服务、政策宣传等工作",
  "参加省市组织的服务企业培训",
  "推动项目高质量转型发展，强化“项目是第一支撑”的鲜明导向",
  "建立区级领导包联重点项目工作机制",
  "持续坚持专班包联工作机制和“一统工作法”，精准发力、全力推进",
  "优化营商环境，提升对外开放水平",
  "按照《晋中市服务企业常态化工作考核办法》（市政办发[2018]7号）执行",
];
const QUANTITY_UNITS = ["次", "个", "人", "家", "条", "户"];
const OUTCOMES = ["有所提高", "有所推动", "有所优化", "提升", "长久推动", "按要求完成"];
const NAMES = ["张明", "李华", "王芳", "赵磊", "陈静", "刘洋"];

/** Groups the thousands of an integer: 1234567 → 1,234,567. */
function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function project(i, rnd) {
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const text = (k) => Array.from({ length: k }, () => pick(CLAUSES)).join("；") + "。";
  const topic = pick(TOPICS);
  const cents = 100 + Math.floor(rnd() * 99_900); // 1.00万元 to 999.99万元, in hundredths of 万元
  const wan = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
  const annualYuan = cents * 100;
  const years = 1 + Math.floor(rnd() * 5);
  const periodYuan = annualYuan * years;
  const count = 1 + Math.floor(rnd() * 60);
  const l = [];
  if (i % 50 === 0) l.push(`# 第 ${i / 50 + 1} 组项目。`);
  l.push(`项目 "${topic}经费（${i + 1}）" {`);
  l.push(`  科目 ${pick(SUBJECTS)}`);
  l.push(`  类别 ${pick(CATEGORIES)}`);
  l.push(`  一般公共预算 ${wan}万元`);
  l.push(`  绩效 {`);
  l.push(`    属性 ${pick(ATTRIBUTES)}`);
  l.push(`    项目期 ${years}年`);
  l.push(`    实施期资金 {`, `      市县 ${grouped(periodYuan)}元`, `    }`);
  l.push(`    年度资金 {`, `      市县 ${grouped(annualYuan)}元`, `    }`);
  // The texts that describe a project are its own (copied-text): they name it.
  l.push(`    概况 """`, `      ${topic}（${i + 1}）：${text(3)}`, `    """`);
  l.push(`    立项依据 """`, `      ${text(2)}`, `      ${text(2)}`, `    """`);
  l.push(`    必要性 "${pick(CLAUSES)}"`);
  l.push(`    制度措施 "${pick(CLAUSES)}"`);
  l.push(`    实施计划 """`, `      1、${pick(CLAUSES)}；2、${pick(CLAUSES)}；3、${pick(CLAUSES)}。`, `    """`);
  l.push(`    实施期目标 "目标1：${topic}（${i + 1}）${count}${pick(QUANTITY_UNITS)}以上"`);
  l.push(`    年度目标 "完成年度${topic}（${i + 1}）任务"`);
  l.push(`    指标 产出 数量 "${topic}" ${count}${pick(QUANTITY_UNITS)}`);
  l.push(`    指标 产出 数量 "完成目标任务" 实施期 "完成率${80 + (i % 20)}%以上" 年度 "完成率${85 + (i % 15)}%以上"`);
  l.push(`    指标 产出 质量 "帮助企业解决实际问题" "${pick(OUTCOMES)}"`);
  l.push(`    指标 产出 时效 "全年开展" "12月底前完成"`);
  l.push(`    指标 产出 成本 "工作经费" ${wan}万元`);
  l.push(`    指标 效益 经济效益 "推动全区经济高质量发展" "${pick(OUTCOMES)}"`);
  l.push(`    指标 效益 社会效益 "培育壮大新兴产业" "${pick(OUTCOMES)}"`);
  l.push(`    指标 效益 可持续影响 "推动企业高质量健康发展" "${pick(OUTCOMES)}"`);
  l.push(`    指标 满意度 服务对象满意度 "服务对象满意度" ${90 + Math.floor(rnd() * 11)}%`);
  l.push(`    填报日期 "2024012${Math.floor(rnd() * 10)}09${String(Math.floor(rnd() * 6000)).padStart(4, "0")}"`);
  l.push(`    负责人 "${pick(NAMES)}"`);
  l.push(`    经办人 "${pick(NAMES)}"`);
  l.push(`    联系电话 "0354-${3_000_000 + Math.floor(rnd() * 999_999)}"`);
  l.push(`  }`);
  l.push(`}`);
  return l.join("\n");
}

/** The budget text with n projects. */
export function generateBudget(n = DEFAULT_PROJECTS) {
  const rnd = random(20240321);
  const parts = [
    `# 预算解析基准：${n} 个项目，由 bench/generate.mjs 生成。`,
    "",
    `部门 609 "基准测试部门" {`,
    "  年度 2024",
    "  金额单位 万元",
    "  类型 事业单位",
    '  职责 """',
    "    负责统筹区内经济运行管理工作。",
    '  """',
    '  机构设置 "设综合科、项目管理科。"',
    "}",
  ];
  for (let i = 0; i < n; i++) parts.push("", project(i, rnd));
  return parts.join("\n") + "\n";
}

/** Writes the budget for n projects and returns its path and size in bytes. */
export function writeBudget(n = DEFAULT_PROJECTS, out = defaultPath(n)) {
  const text = generateBudget(n);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return { path: out, bytes: Buffer.byteLength(text, "utf8") };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const nArg = args.find((a, i) => /^\d[\d_,]*$/.test(a) && (outAt < 0 || i !== outAt + 1));
  const n = nArg ? Number(nArg.replace(/[_,]/g, "")) : DEFAULT_PROJECTS;
  const { path, bytes } = writeBudget(n, out ?? defaultPath(n));
  console.log(`wrote ${path}: ${n} projects, ${(bytes / 1e6).toFixed(2)} MB`);
}
