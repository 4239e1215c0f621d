/**
 * `yusuan explain CODE`: the documented explanation of a diagnostic code, from
 * docs/diagnostics/CODE.md in the package.
 */
import { fileURLToPath } from "node:url";
import * as path from "node:path";
import type { Io } from "./io.js";

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/diagnostics");

export function explainCommand(io: Io, code: string): number {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(code)) {
    io.err(`yusuan: '${code}' is not a diagnostic code (codes are kebab-case, like money-unit)\n`);
    return 2;
  }
  const text = io.readFile(path.join(DOCS, `${code}.md`));
  if (text === undefined) {
    const known = io.listDir(DOCS).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));
    io.err(`yusuan: no diagnostic '${code}'. Known codes:\n${known.map((k) => `  ${k}\n`).join("")}`);
    return 2;
  }
  io.out(text.endsWith("\n") ? text : text + "\n");
  return 0;
}
