/**
 * Reading a workbook (.xlsx) into sheets of cell texts for the catalogue importer, with
 * exceljs, which is loaded only here (by `catalogue import` and a workbook given to
 * --catalogue). A cell's text is what the sheet shows (rich text joined, a formula's
 * result); its indentation is its alignment's indent level; a number is marked, since
 * 1 in a 款 column stands for 01.
 */
import type { Sheet } from "../catalogue/sheet.js";
import { sheetFromCells } from "../catalogue/sheet.js";

export async function readWorkbook(path: string, bytes: Uint8Array): Promise<{ sheets: Sheet[] } | { error: string }> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const sheets: Sheet[] = [];
  for (const ws of wb.worksheets) {
    const rows: ({ text: string; indent?: number; numeric?: boolean } | undefined)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: ({ text: string; indent?: number; numeric?: boolean } | undefined)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        const v = cell.value;
        if (v === null || v === undefined) {
          cells.push(undefined);
          continue;
        }
        const result = typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : v;
        const text = typeof result === "number" || typeof result === "string" || typeof result === "boolean" ? String(result) : cell.text;
        const indent = cell.alignment?.indent;
        cells.push({ text, ...(indent ? { indent } : {}), ...(typeof result === "number" ? { numeric: true } : {}) });
      }
      while (cells.length > 0 && cells[cells.length - 1] === undefined) cells.pop();
      rows.push(cells);
    }
    sheets.push(sheetFromCells(path, ws.name, rows));
  }
  return { sheets };
}
