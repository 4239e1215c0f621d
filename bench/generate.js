#!/usr/bin/env node
/**
 * Generates a deterministic synthetic province: DIR/province.budget, a roll-up that
 * includes one budget per department (DIR/dNNNN/budget.budget, each with its own root),
 * and DIR/journal.ledger, the same money as a ledger-cli journal (one two-posting
 * transaction per project), so that both tools can be timed on the same work. hledger
 * reads journal.ledger as it is; DIR/journal.beancount holds the same transactions for
 * Beancount (bean-check), with an open directive for each account they use.
 *
 *   node bench/generate.js --departments D --projects P --out DIR [--shape minimal|reference]
 *
 * minimal: each project has a subject, a category and one amount in one source (the
 * same work as one two-posting ledger transaction). reference: every department is
 * shaped like the reference budget (basic lines, projects with full performance forms,
 * carry-overs, last year, procurement, assets, notes, the overall form); its P projects
 * cycle through the reference's thirteen. Every generated budget checks clean. The
 * journals are written for the minimal shape only.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function args(argv) {
  const o = { departments: 100, projects: 1000, out: "", shape: "minimal" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === "--departments") (o.departments = Number(v)), i++;
    else if (a === "--projects") (o.projects = Number(v)), i++;
    else if (a === "--out") (o.out = v), i++;
    else if (a === "--shape") (o.shape = v), i++;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.out) throw new Error("--out DIR is required");
  if (!["minimal", "reference"].includes(o.shape)) throw new Error("--shape is minimal or reference");
  return o;
}

const SUBJECTS = ["2010402", "2010502", "2010507", "2011399", "2080801", "2150805", "21907"];
const CATEGORIES = ["其他运转类", "其他运转类", "其他运转类", "特定目标类"];

/** 0.01万元 … 999.99万元, deterministic in (d, p). */
function amountFen(d, p) {
  return (((d * 7919 + p * 104729) % 99999) + 1) * 10000;
}
const wan = (fen) => `${Math.floor(fen / 1e6)}.${String(Math.floor((fen % 1e6) / 1e4)).padStart(2, "0")}`;

function minimalDepartment(d, projects) {
  const code = 1000 + d;
  const lines = [`部门 ${code} "合成部门${d}" {`, "  年度 2024", "  类型 行政单位", '  职责 "负责本部门职能范围内的工作。"', '  机构设置 "本部门设综合科。"', "}", ""];
  for (let p = 0; p < projects; p++) {
    lines.push(`项目 "项目${d}-${p}" {`, `  科目 ${SUBJECTS[p % SUBJECTS.length]}`, `  类别 ${CATEGORIES[p % CATEGORIES.length]}`, `  一般公共预算 ${wan(amountFen(d, p))}万元`, "}", "");
  }
  return lines.join("\n");
}

function ledgerDepartment(d, projects) {
  const out = [];
  for (let p = 0; p < projects; p++) {
    out.push(`2024/01/01 项目${d}-${p}`, `    Expenses:D${d}:S${SUBJECTS[p % SUBJECTS.length]}  ${wan(amountFen(d, p))} CNY`, `    Income:D${d}:一般公共预算`, "");
  }
  return out.join("\n");
}

/** The same transactions as ledgerDepartment, in Beancount's syntax, after the opening of their accounts. */
function beancountDepartment(d, projects) {
  const opens = [`2024-01-01 open Income:D${d}:一般公共预算 CNY`];
  for (let s = 0; s < Math.min(projects, SUBJECTS.length); s++) opens.push(`2024-01-01 open Expenses:D${d}:S${SUBJECTS[s]} CNY`);
  const out = [opens.join("\n"), ""];
  for (let p = 0; p < projects; p++) {
    out.push(`2024-01-01 * "项目${d}-${p}"`, `  Expenses:D${d}:S${SUBJECTS[p % SUBJECTS.length]}  ${wan(amountFen(d, p))} CNY`, `  Income:D${d}:一般公共预算`, "");
  }
  return out.join("\n");
}

/** The reference budget, split into the entry's own statements and its project blocks. */
function referenceParts() {
  const root = join(here, "..", "budgets");
  const entry = readFileSync(join(root, "jinzhong-econ-ops-2024.budget"), "utf8");
  const projects = readFileSync(join(root, "jinzhong-econ-ops-2024", "projects.budget"), "utf8");
  const blocks = [];
  const re = /^项目 "([^"]+)" \{\n[\s\S]*?^\}\n/gm;
  for (let m = re.exec(projects); m; m = re.exec(projects)) blocks.push(m[0]);
  // Figures tied to the reference's own totals (its control total and the overall
  // form's cost indicator) would not hold for another set of projects: drop them.
  const base = entry
    .replace(/^  控制数 \{\n[\s\S]*?^  \}\n/m, "")
    .replace(/^ *指标 产出 成本 "全年经费" .*\n/m, "")
    .replace(/^引用 .*\n/m, "");
  return { base, blocks };
}

function referenceDepartment(d, projects, parts) {
  const code = 1000 + d;
  const entry = parts.base
    .replace(/^部门 609 "[^"]+"/m, `部门 ${code} "合成部门${d}"`)
    .replace(/^单位 "[^"]+"/m, `单位 "合成部门${d}"`)
    .concat('\n引用 "projects.budget"\n');
  const out = [];
  // Each copy gets its own name and its own texts: the same 概况 or goal in two projects
  // would be reported as a copy (copied-text).
  for (let p = 0; p < projects; p++) {
    out.push(
      parts.blocks[p % parts.blocks.length]
        .replace(/^项目 "([^"]+)"/, (_, n) => `项目 "${n}（${d}-${p}）"`)
        .replace(/^(    (?:概况|实施期目标|年度目标) (?:"""\n\s*|"))/gm, `$1（${d}-${p}）`),
    );
  }
  return { entry, projects: out.join("\n") };
}

function main() {
  const o = args(process.argv.slice(2));
  mkdirSync(o.out, { recursive: true });
  const parts = o.shape === "reference" ? referenceParts() : undefined;
  const province = ['汇总 "合成省" {', "  年度 2024", "}", ""];
  const journal = [];
  const beancount = ['option "title" "合成省"', 'option "operating_currency" "CNY"', "2024-01-01 commodity CNY", ""];
  for (let d = 0; d < o.departments; d++) {
    const dir = `d${String(d).padStart(4, "0")}`;
    mkdirSync(join(o.out, dir), { recursive: true });
    if (parts) {
      const r = referenceDepartment(d, o.projects, parts);
      writeFileSync(join(o.out, dir, "budget.budget"), r.entry);
      writeFileSync(join(o.out, dir, "projects.budget"), r.projects);
    } else {
      writeFileSync(join(o.out, dir, "budget.budget"), minimalDepartment(d, o.projects));
      journal.push(ledgerDepartment(d, o.projects));
      beancount.push(beancountDepartment(d, o.projects));
    }
    province.push(`引用 "${dir}/budget.budget"`);
  }
  writeFileSync(join(o.out, "province.budget"), province.join("\n") + "\n");
  if (!parts) {
    writeFileSync(join(o.out, "journal.ledger"), journal.join("\n"));
    writeFileSync(join(o.out, "journal.beancount"), beancount.join("\n"));
  }
  console.log(`wrote ${o.departments} departments × ${o.projects} projects (${o.shape}) to ${o.out}`);
}

main();
