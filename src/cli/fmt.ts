/**
 * `yusuan fmt FILE…`: print each file in canonical form; `--write` rewrites in place
 * (atomically), `--check` names the files that are not canonical and exits 1. A file
 * with syntax errors is not formatted: its diagnostics are printed and the exit is 1.
 *
 * Two kinds of error are what formatting fixes, and do not stop it: a file that is not
 * UTF-8 but could be decoded (`file-encoding`; the output is UTF-8, its content the
 * same) and full-width characters typed for half-width ones in the code
 * (`full-width-character`; the parsers already read the character meant, and the
 * printer prints it). `--check` reports them and names the file; `--write` fixes them.
 *
 * Line endings: the canonical form of a file with CRLF line endings (its first line
 * break is CRLF) has CRLF line endings, so `--check` accepts a canonical CRLF file and
 * `--write` keeps them; mixed line endings are not canonical and are written as the
 * first one.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { encodingDiagnostic } from "../syntax/encoding.js";
import { parse, withParser } from "../syntax/parse.js";
import { print } from "../syntax/printer.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import { diagnosticsText, type Lang } from "./report.js";

export interface FmtOptions {
  files: string[];
  write: boolean;
  check: boolean;
  lang: Lang;
}

/** The codes whose errors formatting fixes. */
const FIXED_BY_FORMATTING: ReadonlySet<string> = new Set(["file-encoding", "full-width-character"]);

/** The line ending of a text: that of its first line break. */
function lineEnding(text: string): "\r\n" | "\n" {
  const i = text.indexOf("\n");
  return i > 0 && text.charCodeAt(i - 1) === 0x0d ? "\r\n" : "\n";
}

export async function fmtCommand(io: Io, o: FmtOptions): Promise<number> {
  const host = fsHost(io);
  let code = 0;
  const notCanonical: string[] = [];
  const report = (ds: Diagnostic[]): void => io.err(diagnosticsText(sortDiagnostics(ds), host, o.lang, io.isTTY));
  for (const f of o.files) {
    const text = host.read(f);
    if (text === undefined) {
      io.err(o.lang === "zh" ? `yusuan: 无法读取 ${f}\n` : `yusuan: cannot read ${f}\n`);
      code = Math.max(code, 2);
      continue;
    }
    const encoding = host.encoding(f) ?? "utf-8";
    if (encoding === "unknown") {
      report([encodingDiagnostic(f, encoding)]);
      code = Math.max(code, 1);
      continue;
    }
    const parsed = await withParser(() => parse(f, text));
    const converted = encoding !== "utf-8";
    const diagnostics = converted ? [encodingDiagnostic(f, encoding), ...parsed.diagnostics] : parsed.diagnostics;
    if (hasErrors(diagnostics.filter((d) => !FIXED_BY_FORMATTING.has(d.code)))) {
      report(diagnostics);
      code = Math.max(code, 1);
      continue;
    }
    const eol = lineEnding(text);
    const printed = print(parsed.file);
    const out = eol === "\n" ? printed : printed.replace(/\n/g, eol);
    const changed = converted || out !== text;
    if (o.check) {
      if (diagnostics.length) report(diagnostics);
      if (changed) notCanonical.push(f);
    } else if (o.write) {
      if (changed) io.writeFile(f, out);
      if (converted) io.err(o.lang === "zh" ? `yusuan: ${f} 已转换为 UTF-8\n` : `yusuan: ${f} converted to UTF-8\n`);
    } else {
      if (diagnostics.length) report(diagnostics);
      io.out(out);
    }
  }
  if (notCanonical.length) {
    io.out(notCanonical.map((f) => `${f}\n`).join(""));
    io.err(o.lang === "zh" ? `以上 ${notCanonical.length} 个文件不是规范格式；运行 yusuan fmt --write 修正\n` : `${notCanonical.length} file(s) not in canonical form; run yusuan fmt --write\n`);
    code = Math.max(code, 1);
  }
  return code;
}
