/**
 * `yusuan check FILE…`: load each budget with its includes, run the checker, print the
 * diagnostics. Writes nothing. Exit 0 when no errors (warnings allowed), 1 otherwise.
 */
import { hasErrors, sortDiagnostics } from "../base/diagnostics.js";
import { checkEntry } from "../check/entry.js";
import { withParser } from "../syntax/parse.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import { diagnosticsJson, diagnosticsText, type Lang } from "./report.js";
import { loadCatalogueOption } from "./catalogue.js";

export interface CheckOptions {
  files: string[];
  format: "text" | "json";
  lang: Lang;
  catalogue?: string;
}

export async function checkCommand(io: Io, o: CheckOptions): Promise<number> {
  const host = fsHost(io);
  const custom = await loadCatalogueOption(io, o.catalogue, o.lang);
  if (custom === "usage") return 2;
  const all = await withParser(() => o.files.flatMap((f) => checkEntry(f, host, custom).diagnostics));
  const ds = sortDiagnostics(all);
  if (o.format === "json") io.out(diagnosticsJson(ds, host, o.lang));
  else if (ds.length) io.out(diagnosticsText(ds, host, o.lang, io.isTTY));
  return hasErrors(ds) ? 1 : 0;
}
