/**
 * The diagnostic codes of choosing and reading a catalogue, declared once with their
 * severity: a catalogue of another year, a catalogue file that cannot be used, the structure of an imported list (CSV or
 * workbook), each located at its sheet, row and column.
 */
import { codeTable } from "../base/diagnostics.js";

export const CATALOGUE_CODES = codeTable("catalogue", {
  /** The catalogue in use is of another year than the budget. */
  "catalogue-year": "warning",
  /** The file cannot be used at all: unreadable, of a kind not read here, invalid JSON or format, no year. */
  "catalogue-file": "error",
  /** A sheet whose columns cannot be told apart: no code or no name column. */
  "catalogue-layout": "error",
  /** A code that is not a code of its list: not digits, or of the wrong length or segments. */
  "catalogue-code-shape": "error",
  /** A row with a code and no name, or a name and no code. */
  "catalogue-row-incomplete": "error",
  /** A 项 whose 款, or a 款 whose 类, is not listed. */
  "catalogue-parent-missing": "error",
  /** Two subjects of one parent with the same name. */
  "catalogue-duplicate-name": "error",
  /** A code listed twice: an error with two names, a warning when the row is only repeated. */
  "catalogue-code-repeated": ["error", "warning"],
  /** A 部门→政府 mapping row that names an unknown kind of unit or a code not in the lists. */
  "catalogue-mapping": "error",
});
