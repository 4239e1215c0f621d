/**
 * The words of the command line's help, in Chinese and English: what each command and
 * option does, examples, and yargs' own words. main.ts loads this module only to show
 * help or a usage error, so that a plain `check` does not load it.
 */
import { bi, type Bilingual } from "../base/diagnostics.js";
import type { Lang } from "./report.js";

export interface CommandWords {
  readonly describe: Bilingual;
  readonly positional?: Bilingual;
  /** The further positional arguments, by name (trace's table, row and column). */
  readonly more?: Readonly<Record<string, Bilingual>>;
  readonly options: Readonly<Record<string, Bilingual>>;
  readonly examples: readonly (readonly [string, Bilingual])[];
}

export interface Words {
  readonly banner: Bilingual;
  readonly global: Readonly<Record<string, Bilingual>>;
  readonly commands: Readonly<Record<string, CommandWords>>;
  readonly yargs: Record<Lang, Record<string, string | { one: string; other: string }>>;
}

const CATALOGUE = bi("按预算单位自己的分类目录（JSON 文件）检查，代替该年度的内置目录", "check against a budget office's own classification catalogue (a JSON file) instead of the built-in one for the year");
const JOBS = bi("汇总文件中各部门使用的线程数，1 到 64（默认：四核及以上每核一个，否则一个）", "threads for the departments of a roll-up, 1 to 64 (default: one per core from four cores up, else one)");
const INPUTS = bi(".budget 文件、目录（其中每个 .budget 文件）或通配模式（如 'budgets/*.budget'、'**/*.budget'）", "a .budget file, a folder (every .budget file in it) or a pattern (such as 'budgets/*.budget', '**/*.budget')");

export const WORDS: Words = {
  banner: bi("预算即代码：把部门预算写成源文件，检查它，生成预算公开文件。", "Budgets as code: write a department budget as source, check it, build its public disclosure."),
  global: {
    lang: bi("消息和帮助的语言（默认中文；环境变量 LC_ALL、LC_MESSAGES 或 LANG 以 en 开头时为英文）", "language of messages and help (default Chinese; English when LC_ALL, LC_MESSAGES or LANG starts with en)"),
    version: bi("显示版本号", "show the version number"),
  },
  commands: {
    check: {
      describe: bi("检查预算：语法、分类科目和每一条不变式；不写出任何文件", "check budgets: syntax, classifications and every invariant; writes nothing"),
      positional: INPUTS,
      options: {
        format: bi("输出格式：text 供人阅读（每个文件最多显示 50 条诊断），json 供工具使用（列出全部）", "output: text for people (at most 50 diagnostics per file), json for tools (all of them)"),
        catalogue: CATALOGUE,
        jobs: JOBS,
      },
      examples: [
        ["yusuan check budgets/jinzhong-econ-ops-2024.budget", bi("检查一个预算及其引用的文件", "check a budget and the files it includes")],
        ["yusuan check budgets --format json", bi("检查目录中的每个预算，以 JSON 输出诊断", "check every budget in a folder, diagnostics as JSON")],
        ["yusuan check '**/*.budget' --catalogue cat.json", bi("按自己的分类目录检查各级子目录中的预算", "check the budgets of every subfolder against one's own catalogue")],
      ],
    },
    fmt: {
      describe: bi("按规范格式输出预算", "print budgets in canonical form"),
      positional: INPUTS,
      options: {
        write: bi("原地改写文件（原子写入）", "rewrite the files in place (atomically)"),
        check: bi("只列出不是规范格式的文件，有则退出码为 1", "name the files that are not canonical, and exit 1 if there are any"),
      },
      examples: [
        ["yusuan fmt a.budget", bi("输出 a.budget 的规范格式", "print a.budget in canonical form")],
        ["yusuan fmt --write budgets", bi("把目录中的每个预算改写为规范格式", "rewrite every budget in a folder in canonical form")],
        ["yusuan fmt --check 'budgets/*.budget'", bi("在持续集成中检查格式", "check the formatting in CI")],
      ],
    },
    build: {
      describe: bi("检查并生成每个预算的公开文件（html、md、json、pdf）；检查发现错误时不写出任何文件", "check and build the publication of each budget (html, md, json, pdf); writes nothing when the check finds an error"),
      positional: INPUTS,
      options: {
        out: bi("输出目录（不存在时创建；不能是已有的文件）", "output folder (made when missing; not an existing file)"),
        format: bi("逗号分隔：html,md,json,pdf,csv,xlsx,docx,fdp（默认 html,md,json，装有 Chromium 时加上 pdf）", "comma-separated: html,md,json,pdf,csv,xlsx,docx,fdp (default html,md,json, and pdf where Chromium is installed)"),
        profile: bi("公开格式：shanxi-13（13 张表）、mof-9（9 张表）或 shanghai；默认取预算中写的公开格式", "the disclosure format: shanxi-13 (13 tables), mof-9 (9 tables) or shanghai; by default the one the budget names"),
        templates: bi("一个模板目录，其中的模板覆盖所选格式的同名模板", "a folder of templates overriding the profile's of the same name"),
        provenance: bi("记录每个数字的来源行：JSON 中的 provenance，HTML 金额单元格的提示", "record each figure's source lines: a provenance map in the JSON, a tooltip on each amount of the HTML"),
        catalogue: CATALOGUE,
        jobs: JOBS,
        "keep-going": bi("有错误的预算和部门不生成，其余照常生成，索引列出各部门检查结果", "budgets and departments with errors get no publication, every other is built; the roll-up index shows each department's state; the exit is still 1"),
        shard: bi("I/N：只生成汇总中第 I 份（共 N 份）部门，供多台机器分担", "I/N: build the I-th of N shares of a roll-up's departments, to split a build across machines"),
        merge: bi("由输出目录中各份（--shard）的记录生成汇总索引", "write the roll-up's index and report from the records the shards (--shard) left in the output folder"),
        cache: bi("构建缓存：输入未变的部门取用上次的输出（--no-cache 关闭）", "use the build cache: departments whose inputs are unchanged take their last outputs (--no-cache turns it off)"),
        "cache-dir": bi("构建缓存的目录（默认为输出目录下的 .yusuan-cache）", "the build cache's folder (default: .yusuan-cache in the output folder)"),
        quiet: bi("不显示进度行和 PDF 用时", "no progress line and no PDF timing"),
      },
      examples: [
        ["yusuan build budgets --out out", bi("生成 budgets/ 中每个预算的公开文件", "build the publication of every budget in budgets/")],
        ["yusuan build a.budget --out out --format html,pdf", bi("只生成 html 和 pdf", "build html and pdf only")],
        ["yusuan build province.budget --out out --jobs 4", bi("用 4 个线程生成汇总文件中各部门的公开文件和索引", "build a roll-up's departments and index on 4 threads")],
        ["yusuan build province.budget --out out --shard 2/3", bi("在第 2 台（共 3 台）机器上生成三分之一的部门", "on the 2nd of 3 machines, build a third of the departments")],
        ["yusuan build province.budget --out out --merge", bi("合并各份的输出，生成汇总索引", "merge the shares' outputs into the roll-up's index")],
        ["yusuan build p.budget --out out --keep-going", bi("有错误的部门跳过，其余照常生成", "skip the departments with errors, build the others")],
      ],
    },
    diff: {
      describe: bi("两个预算的语义差异，或工作区与某个 git 版本的差异", "semantic diff of two budgets, or of the working tree against a git revision"),
      positional: bi("旧、新两个预算文件；与 --rev 一起时为要比较的文件（默认 budgets/ 中的全部）", "the old and the new budget; with --rev, the files to compare (default: every one in budgets/)"),
      options: {
        rev: bi("把工作区与这个 git 版本比较", "compare the working tree with this git revision"),
        format: bi("输出格式：text、md（Markdown）或 json", "output: text, md (Markdown) or json"),
        verbose: bi("列出每个数字，而不只是变化的数字", "every figure, not only what changed"),
        "exit-code": bi("没有语义变化时退出码为 0，有变化为 1，出错为 2", "exit 0 for no semantic change, 1 for changes, 2 for trouble"),
        catalogue: bi("两边都按此分类目录（JSON 文件）检查", "check both sides against this classification catalogue (a JSON file)"),
      },
      examples: [
        ["yusuan diff old.budget new.budget", bi("比较两个预算", "compare two budgets")],
        ["yusuan diff --rev HEAD~1", bi("比较 budgets/ 中的预算与上一次提交", "compare the budgets in budgets/ with the previous commit")],
        ["yusuan diff --rev main a.budget --format md", bi("以 Markdown 输出 a.budget 与 main 分支的差异", "how a.budget differs from the main branch, as Markdown")],
      ],
    },
    trace: {
      describe: bi("一个公开数字从何而来：它的值、算式和每一处来源", "where a published figure comes from: its value, the arithmetic and each source line"),
      positional: bi("预算文件", "the budget file"),
      more: {
        table: bi("表（如 表五、5 或表题），或公开文件 JSON 中的指针（如 /prose/s4/general）", "a table (表五, 5 or its title), or a JSON pointer of the publication (/prose/s4/general)"),
        row: bi("行：科目编码、标签（合计、收入总计）或项目名称", "the row: a subject code, a label (合计, 收入总计) or a project's name"),
        column: bi("列：表头文字（如 基本支出）；默认为该行第一个金额", "the column by its header (基本支出); default: the row's first amount"),
      },
      options: {
        format: bi("输出格式：text 供人阅读，json 供工具使用", "output: text for people, json for tools"),
        profile: bi("按哪个公开格式的表来称呼数字", "the profile whose tables name the figure"),
        catalogue: CATALOGUE,
      },
      examples: [
        ["yusuan trace a.budget 表五 2010402", bi("表五 2010402 行的合计由哪些金额组成", "the amounts that make 表五's row 2010402")],
        ["yusuan trace a.budget 表五 合计 基本支出", bi("表五合计行的基本支出的来源", "the sources of 表五's 合计 of 基本支出")],
        ["yusuan trace a.budget /prose/s4/general", bi("按 JSON 指针追溯情况说明中的数字", "a figure of the explanations, by its JSON pointer")],
      ],
    },
    import: {
      describe: bi("把公开文件各表的工作簿读回预算源文件", "read a workbook of the publication's tables back into budget source"),
      positional: bi("工作簿（.xlsx）", "the workbook (.xlsx)"),
      options: {
        out: bi("要写出的 .budget 文件", "the .budget file to write"),
        profile: bi("按哪个公开格式识别表（如 shanxi-13、shanghai）；不写则逐个格式按表题识别", "the format whose tables to recognise (e.g. shanxi-13, shanghai); by default each format in turn, by the tables' titles"),
        force: bi("输出文件已存在时覆盖它", "replace the output file if it exists"),
      },
      examples: [["yusuan import 表.xlsx --out a.budget", bi("从工作簿生成预算源文件", "write budget source from a workbook")]],
    },
    lsp: {
      describe: bi("供编辑器使用的语言服务器（标准输入输出）", "the language server for editors, over stdin and stdout"),
      options: { stdio: bi("经标准输入输出通信（唯一的方式；为传入此选项的编辑器而接受）", "talk over stdin and stdout (the only transport; accepted for editors that pass it)") },
      examples: [["yusuan lsp --stdio", bi("由编辑器启动", "started by an editor")]],
    },
    serve: {
      describe: bi("在浏览器中预览公开文件，保存即刷新，诊断显示在页面上", "preview the publication in the browser, reloading on save, with the diagnostics over the page"),
      positional: bi(".budget 文件或目录（默认：当前目录）", "a .budget file or a folder (default: the current folder)"),
      options: {
        port: bi("127.0.0.1 上的端口", "the port on 127.0.0.1"),
        profile: bi("公开格式", "the disclosure format"),
        templates: bi("一个模板目录，其中的模板覆盖所选格式的同名模板", "a folder of templates overriding the profile's of the same name"),
      },
      examples: [["yusuan serve budgets/2024.budget", bi("预览一个预算的公开文件", "preview a budget's publication")]],
    },
    init: {
      describe: bi("开始一个预算仓库：带注释的起步预算、git 设置、提交前检查和持续集成", "start a budget repository: a commented starter budget, git settings, a pre-commit hook and a CI workflow"),
      positional: bi("写入的目录（默认：当前目录）", "the folder to write into (default: the current folder)"),
      options: { profile: bi("起步预算所用的公开格式", "the disclosure format the starter is for") },
      examples: [["yusuan init 文旅局预算", bi("在新目录中开始一个预算仓库", "start a budget repository in a new folder")]],
    },
    explain: {
      describe: bi("解释一个诊断代码", "explain a diagnostic code"),
      positional: bi("诊断代码，如 money-unit", "a diagnostic code, such as money-unit"),
      options: {
        list: bi("列出全部诊断代码及其严重性和阶段", "list every diagnostic code with its severity and stage"),
      },
      examples: [
        ["yusuan explain money-unit", bi("解释 money-unit", "explain money-unit")],
        ["yusuan explain money-unit --lang en", bi("用英文解释", "explain it in English")],
        ["yusuan explain --list", bi("列出全部代码", "list every code")],
      ],
    },
  },
  // yargs' own words (set on every run: yargs keeps them from one run to the next).
  yargs: {
    zh: {
      "Commands:": "命令：",
      "Options:": "选项：",
      "Examples:": "示例：",
      "Positionals:": "参数：",
      boolean: "布尔",
      count: "计数",
      string: "字符串",
      number: "数字",
      array: "数组",
      required: "必需",
      default: "默认",
      "default:": "默认:",
      "choices:": "可选:",
      "Not enough non-option arguments: got %s, need at least %s": { one: "缺少参数：给出 %s 个，至少需要 %s 个", other: "缺少参数：给出 %s 个，至少需要 %s 个" },
      "Too many non-option arguments: got %s, maximum of %s": { one: "参数过多：给出 %s 个，最多 %s 个", other: "参数过多：给出 %s 个，最多 %s 个" },
      "Missing argument value: %s": { one: "选项缺少值：%s", other: "这些选项缺少值：%s" },
      "Missing required argument: %s": { one: "缺少必需的选项：--%s", other: "缺少这些必需的选项：%s" },
      "Invalid values:": "无效的选项值：",
      "Argument: %s, Given: %s, Choices: %s": "选项 --%s 的值为 %s，可选的值：%s",
      "Argument check failed: %s": "选项检查失败：%s",
      "Not enough arguments following: %s": "选项缺少值：--%s",
      "Show help": "显示帮助",
      "Show version number": "显示版本号",
    },
    en: {
      "Commands:": "Commands:",
      "Options:": "Options:",
      "Examples:": "Examples:",
      "Positionals:": "Arguments:",
      boolean: "boolean",
      count: "count",
      string: "string",
      number: "number",
      array: "array",
      required: "required",
      default: "default",
      "default:": "default:",
      "choices:": "choices:",
      "Not enough non-option arguments: got %s, need at least %s": { one: "Not enough arguments: got %s, need at least %s", other: "Not enough arguments: got %s, need at least %s" },
      "Too many non-option arguments: got %s, maximum of %s": { one: "Too many arguments: got %s, maximum of %s", other: "Too many arguments: got %s, maximum of %s" },
      "Missing argument value: %s": { one: "Missing argument value: %s", other: "Missing argument values: %s" },
      "Missing required argument: %s": { one: "Missing required option: --%s", other: "Missing required options: %s" },
      "Invalid values:": "Invalid values:",
      "Argument: %s, Given: %s, Choices: %s": "--%s is %s; choices: %s",
      "Argument check failed: %s": "Argument check failed: %s",
      "Not enough arguments following: %s": "Missing a value after --%s",
      "Show help": "show help",
      "Show version number": "show the version number",
    },
  },
};
