/**
 * `yusuan fmt FILE…`: print each file in canonical form; `--write` rewrites in place
 * (atomically), `--check` names the files that are not canonical and exits 1. A file
 * with syntax errors is not formatted: its diagnostics are printed and the exit is 1.
 */
import { hasErrors, sortDiagnostics } from "../base/diagnostics.js";
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

export async function fmtCommand(io: Io, o: FmtOptions): Promise<number> {
  const host = fsHost(io);
  let code = 0;
  const notCanonical: string[] = [];
  for (const f of o.files) {
    const text = host.read(f);
    if (text === undefined) {
      io.err(o.lang === "zh" ? `yusuan: 无法读取 ${f}\n` : `yusuan: cannot read ${f}\n`);
      code = Math.max(code, 2);
      continue;
    }
    const { file, diagnostics } = await withParser(() => parse(f, text));
    if (hasErrors(diagnostics)) {
      io.err(diagnosticsText(sortDiagnostics(diagnostics), host, o.lang, io.isTTY));
      code = Math.max(code, 1);
      continue;
    }
    const out = print(file);
    if (o.check) {
      if (out !== text) notCanonical.push(f);
    } else if (o.write) {
      if (out !== text) io.writeFile(f, out);
    } else {
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
