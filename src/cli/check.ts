/**
 * `yusuan check FILE…`: load each budget with its includes, run the checker, print the
 * diagnostics. Writes nothing. Exit 0 when no errors (warnings allowed), 1 otherwise.
 * The departments of a roll-up are checked through the department pool (pool.ts), which
 * is loaded only for a roll-up: a one-budget check starts no threads and loads no
 * worker code.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { checkBudget } from "../check/check.js";
import { rollupDiagnostics } from "../check/rollup.js";
import { loadEntry } from "../syntax/load.js";
import { withParser } from "../syntax/parse.js";
import { fsHost } from "./host.js";
import type { Io } from "./io.js";
import { diagnosticsJson, diagnosticsText, type Lang } from "./report.js";
import { loadCatalogueOption } from "./catalogue.js";
import { catalogueForRollup } from "../catalogue/named.js";
import { profileNamesOnly } from "./profile-names.js";

export interface CheckOptions {
  files: string[];
  format: "text" | "json";
  lang: Lang;
  catalogue?: string;
  /** The profile to check every budget for, in place of each budget's 公开格式. */
  profile?: string;
  /** Threads for the departments of a roll-up; by default pool.ts's jobsFor decides. */
  jobs?: number;
}

export async function checkCommand(io: Io, o: CheckOptions): Promise<number> {
  const host = fsHost(io);
  const custom = await loadCatalogueOption(io, o.catalogue, o.lang);
  if (custom === "usage") return 2;
  const all: Diagnostic[] = [];
  // The profiles' names, for the 公开格式 a budget gives; a check reads no templates.
  const profiles = profileNamesOnly(io, o.profile);
  for (const f of o.files) {
    const entry = await withParser(() => loadEntry(f, host));
    if (entry.kind === "budget") {
      for (const d of (await withParser(() => checkBudget(entry.loaded, custom?.catalogue, undefined, { profiles }))).diagnostics) all.push(d);
      continue;
    }
    const departments = entry.rollup.departments;
    // The roll-up's own catalogue, for the departments that name none.
    const named = custom ? undefined : await withParser(() => catalogueForRollup(entry.rollup));
    if (named) all.push(...named.diagnostics);
    const { DepartmentPool, jobsFor } = await import("./pool.js");
    const pool = DepartmentPool.open(io, jobsFor(departments.length, o.jobs), custom, named?.data, o.profile !== undefined ? { override: o.profile } : {});
    try {
      for (const d of rollupDiagnostics(entry.rollup, await pool.check(departments))) all.push(d);
    } finally {
      await pool.close();
    }
  }
  const ds = sortDiagnostics(all);
  if (o.format === "json") io.out(diagnosticsJson(ds, host, o.lang));
  else if (ds.length) io.out(diagnosticsText(ds, host, o.lang, io.isTTY));
  return hasErrors(ds) ? 1 : 0;
}
