/**
 * Import fixtures: a fixture budget is built to a workbook (`build --format xlsx`), the
 * workbook changed as the fixture's `.patch.json` says (cells set, sheets removed, the
 * bytes spoiled), and imported. A sheet is named by its table's ordinal ("表二").
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Diagnostic } from "../../src/base/diagnostics.js";
import { builtinCatalogue } from "../../src/catalogue/catalogue.js";
import { readProfile } from "../../src/cli/profiles.js";
import { nodeIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { importWorkbook, type ImportResult } from "../../src/import/import.js";

export interface Patch {
  readonly set?: readonly { sheet: string; cell: string; value: number | string }[];
  readonly removeSheets?: readonly string[];
  readonly corrupt?: boolean;
}

/** Builds `budget` to a workbook in a fresh folder and returns its bytes. */
export async function buildWorkbook(budget: string, profile = "shanxi-13"): Promise<Uint8Array> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "yusuan-import-"));
  const io = { ...nodeIo(), out: () => {}, err: () => {} };
  const code = await main(["build", budget, "--out", out, "--format", "xlsx", "--profile", profile], io);
  if (code !== 0) throw new Error(`cannot build ${budget} (exit ${code})`);
  return new Uint8Array(fs.readFileSync(path.join(out, `${path.basename(budget, ".budget")}.xlsx`)));
}

const sheetOf = (wb: ExcelJS.Workbook, ordinal: string) => wb.worksheets.find((w) => w.name === ordinal || w.name.startsWith(`${ordinal} `));

/** The workbook changed as the patch says. */
export async function patchWorkbook(bytes: Uint8Array, patch: Patch): Promise<Uint8Array> {
  if (patch.corrupt) return new TextEncoder().encode("这不是一个工作簿");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  for (const s of patch.set ?? []) {
    const ws = sheetOf(wb, s.sheet);
    if (!ws) throw new Error(`no sheet ${s.sheet}`);
    ws.getCell(s.cell).value = s.value;
  }
  for (const name of patch.removeSheets ?? []) {
    const ws = sheetOf(wb, name);
    if (!ws) throw new Error(`no sheet ${name}`);
    wb.removeWorksheet(ws.id);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Imports a workbook's bytes with a shipped profile, as `yusuan import` does. */
export async function importBytes(bytes: Uint8Array, workbook: string, profile = "shanxi-13"): Promise<ImportResult> {
  const read = readProfile(nodeIo(), profile);
  const p = "problem" in read ? read.problem : read.profile;
  if (typeof p === "string") throw new Error(p);
  return importWorkbook({ bytes, workbook, out: workbook.replace(/\.xlsx$/, ".budget"), profile: p, catalogueFor: builtinCatalogue });
}

/** Runs an import fixture: its budget built, patched (bad- fixtures) and imported. */
export async function importFixture(budget: string): Promise<Diagnostic[]> {
  const patchFile = budget.replace(/\.budget$/, ".patch.json");
  const patch = fs.existsSync(patchFile) ? (JSON.parse(fs.readFileSync(patchFile, "utf8")) as Patch) : {};
  const bytes = await patchWorkbook(await buildWorkbook(budget), patch);
  return (await importBytes(bytes, `${path.basename(budget, ".budget")}.xlsx`)).diagnostics;
}
