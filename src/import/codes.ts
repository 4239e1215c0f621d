/**
 * The import's diagnostic codes, declared once with their severity: a workbook that
 * cannot be read, a table of the profile not found in it, and a number read that the
 * imported budget does not give back. Their place is the workbook's sheet and cell.
 */
import { codeTable } from "../base/diagnostics.js";

export const IMPORT_CODES = codeTable("import", {
  "import-unreadable": "error",
  "import-table-missing": ["warning", "error"],
  "import-mismatch": "error",
});
