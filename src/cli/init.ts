/**
 * `yusuan init [DIR] [--profile P]`: a budget repository to start from. It writes the
 * profile's commented starter budget (templates/<profile>/starter/, or the starter of the
 * profile it extends) as budgets/<year>.budget with its README, and the git setup of
 * docs/git/: a .gitattributes and the git config lines for the semantic diff (with a
 * launcher that runs the repository's yusuan, else the PATH's, never downloading), a
 * pre-commit hook, and a CI workflow. The starter's gaps are written as placeholders
 * that say what to write, so `yusuan check` of it lists each one with its instruction.
 *
 * It never overwrites: when any of the files exists, it names them and writes nothing.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { BUILTIN_CATALOGUE_YEARS } from "../catalogue/catalogue.js";
import type { Io } from "./io.js";
import { profileLayers } from "./profiles.js";
import type { Lang } from "./report.js";

const DOCS_GIT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/git");

export interface InitOptions {
  dir?: string;
  profile: string;
  lang: Lang;
}

/** Fills the starter's {{name}} variables. */
function fill(text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
}

export function initCommand(io: Io, o: InitOptions): number {
  const zh = o.lang === "zh";
  const layers = profileLayers(io, o.profile);
  if (typeof layers === "string") {
    io.err(`yusuan: ${layers}\n`);
    return 2;
  }
  // The profile's own starter, else the one of the profile it extends.
  const starter = [...layers].reverse().map((l) => path.join(l.origin, "starter")).find((d) => io.exists(path.join(d, "budget.budget")));
  if (!starter) {
    io.err(`yusuan: ${zh ? `公开格式 ${o.profile} 没有起步文件` : `the profile ${o.profile} has no starter`}\n`);
    return 2;
  }
  // The year of the newest built-in catalogue: the starter checks against it.
  const year = Math.max(...BUILTIN_CATALOGUE_YEARS);
  const vars = { year: String(year), lastYear: String(year - 1), profile: o.profile };
  const dir = path.resolve(io.cwd, o.dir ?? ".");
  const sources: { target: string; from: string; vars?: boolean; executable?: boolean }[] = [
    { target: `budgets/${year}.budget`, from: path.join(starter, "budget.budget"), vars: true },
    { target: "README.md", from: path.join(starter, "README.md"), vars: true },
    { target: ".gitattributes", from: path.join(DOCS_GIT, "gitattributes") },
    { target: ".yusuan/gitconfig", from: path.join(DOCS_GIT, "gitconfig") },
    { target: ".yusuan/yusuan", from: path.join(DOCS_GIT, "yusuan"), executable: true },
    { target: ".githooks/pre-commit", from: path.join(DOCS_GIT, "pre-commit"), executable: true },
    { target: ".github/workflows/budget.yml", from: path.join(DOCS_GIT, "budget-ci.yml") },
  ];
  const files: { target: string; text: string; executable: boolean }[] = [];
  for (const s of sources) {
    const text = io.readFile(s.from);
    if (text === undefined) {
      io.err(`yusuan: ${zh ? `无法读取 ${s.from}` : `cannot read ${s.from}`}\n`);
      return 2;
    }
    files.push({ target: s.target, text: s.vars ? fill(text, vars) : text, executable: s.executable ?? false });
  }
  const existing = files.filter((f) => io.exists(path.join(dir, f.target))).map((f) => f.target);
  if (existing.length) {
    io.err(
      zh
        ? `yusuan: 以下文件已存在，不会覆盖；未写出任何文件：\n${existing.map((f) => `  ${f}\n`).join("")}`
        : `yusuan: these files exist and are not overwritten; nothing was written:\n${existing.map((f) => `  ${f}\n`).join("")}`,
    );
    return 1;
  }
  for (const f of files) io.writeFile(path.join(dir, f.target), f.text, { executable: f.executable });
  const shown = path.relative(io.cwd, dir) || ".";
  const budget = `budgets/${year}.budget`;
  const cd = shown === "." ? "" : `cd ${shown} && `;
  io.out(
    zh
      ? `已写出：\n${files.map((f) => `  ${path.join(shown, f.target)}\n`).join("")}\n下一步：\n  ${cd}git init && git add -A && git commit -m "起步文件"  （若还不是 git 仓库）\n  git config --local include.path ../.yusuan/gitconfig  （此后 git diff 显示语义差异，提交前检查预算）\n  yusuan check ${budget}  （列出每一处待填写，并说明写什么）\n  yusuan serve budgets  （在浏览器中预览，保存即刷新）\n`
      : `wrote:\n${files.map((f) => `  ${path.join(shown, f.target)}\n`).join("")}\nnext:\n  ${cd}git init && git add -A && git commit -m starter  (unless it is a git repository already)\n  git config --local include.path ../.yusuan/gitconfig  (from then on, semantic diffs and a check before each commit)\n  yusuan check ${budget}  (lists every gap and what to write in it)\n  yusuan serve budgets  (a preview in the browser that reloads on save)\n`,
  );
  return 0;
}
