/**
 * `yusuan check FILE…`: load each budget with its includes, run the checker, print the
 * diagnostics. Writes nothing. Exit 0 when no errors (warnings allowed), 1 otherwise.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { checkEntry } from "../check/entry.js";
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

export function checkCommand(io: Io, o: CheckOptions): number {
  const host = fsHost(io);
  const all: Diagnostic[] = [];
  const custom = loadCatalogueOption(io, o.catalogue, o.lang);
  if (custom === "usage") return 2;
  for (const f of o.files) {
    all.push(...checkEntry(f, host, custom).diagnostics);
  }
  const ds = sortDiagnostics(all);
  if (o.format === "json") io.out(diagnosticsJson(ds, host, o.lang));
  else if (ds.length) io.out(diagnosticsText(ds, host, o.lang, io.isTTY));
  return hasErrors(ds) ? 1 : 0;
}
