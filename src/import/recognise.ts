/**
 * Finding the profile's tables in a workbook, from the profile alone: each table is
 * recognised by its title (the profile's, with any year) and its header rows (those the
 * renderer prints for the profile, with their labels and spans), wherever it stands: on
 * its own sheet as `build --format xlsx` writes it, or anywhere on a sheet of a
 * department's own workbook. The header rows are taken from the profile's own grids for
 * a publication without data (the probe), so a profile that renames columns, reorders
 * tables or titles them otherwise is recognised without code of its own.
 */
import { placeCells } from "../render/grid.js";
import type { ProfileTable } from "../render/profile.js";
import type { TableView } from "../render/tables.js";
import type { Sheet, SheetCell } from "./workbook.js";

/** Text as compared: no white space, full-width brackets and quotes as half-width. */

/**
 * The line above a table that names the department: 部门名称：… or 单位名称：… (the Shanxi
 * format), 编制部门：… or 编制单位：… (Shanghai's); group 1 is the name.
 */
export const DEPARTMENT_LINE = /^(?:(?:部门|单位)名称|编制(?:部门|单位))[:：]\s*(.+)$/;

export function norm(s: string): string {
  return s
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/[“”]/g, '"')
    .replace(/：/g, ":");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A table's title as a pattern: its ordinal optional, `{year}` any four digits (captured). */
export function titlePattern(table: ProfileTable): RegExp {
  const parts = norm(table.title).split(/(\{\w+\})/);
  const body = parts.map((p) => (p === "{year}" ? "(\\d{4})" : /^\{\w+\}$/.test(p) ? ".*?" : escape(p))).join("");
  return new RegExp(`^(?:${escape(norm(table.ordinal))})?${body}$`);
}

/** The budget year the workbook's titles name, or undefined when no title is found. */
export function findYear(sheets: readonly Sheet[], tables: readonly ProfileTable[]): number | undefined {
  const patterns = tables.map(titlePattern);
  for (const s of sheets) {
    for (let r = 1; r <= s.rowCount; r++) {
      for (let c = 1; c <= s.colCount; c++) {
        const cell = s.cell(r, c);
        if (!cell) continue;
        const t = norm(cell.text);
        for (const p of patterns) {
          const m = p.exec(t);
          if (m?.[1]) return Number(m[1]);
        }
      }
    }
  }
  return undefined;
}

/** A body row of a found table: its sheet row and its cells, one per column of the table. */
export interface BodyRow {
  readonly row: number;
  readonly cells: readonly (SheetCell | undefined)[];
}

export interface FoundTable {
  /** The table as the profile prints it for a publication without data. */
  readonly probe: TableView;
  readonly sheet: Sheet;
  /** The title's cell. */
  readonly title: SheetCell;
  /** The 部门名称 line's text, when the table has one ("部门名称：…"). */
  readonly nameLine?: string;
  /** The sheet column of the table's first column. */
  readonly left: number;
  readonly body: readonly BodyRow[];
}

/** The expanded header of a probe table: [row][col] → text ("" for spanned and empty cells). */
function headMatrix(t: TableView): string[][] {
  const m: string[][] = t.grid.head.map(() => new Array<string>(t.grid.cols).fill(""));
  for (const p of placeCells(t.grid)) if (p.head) m[p.row]![p.col] = norm(p.cell.text);
  return m;
}

/** True when the header matrix stands on the sheet with its top-left cell at (row, left). */
function headerAt(s: Sheet, head: string[][], row: number, left: number): boolean {
  for (let r = 0; r < head.length; r++) {
    for (let c = 0; c < head[r]!.length; c++) {
      const want = head[r]![c]!;
      const got = norm(s.cell(row + r, left + c)?.text ?? "");
      if (want !== "" && got !== want) return false;
    }
  }
  return true;
}

/** How far below its title a table's header may start (caption, name and unit lines). */
const HEADER_WITHIN = 6;

/**
 * Finds each of the probe's tables in the sheets: its title cell, then its header rows
 * just below, then its body down to the first empty row, note ("注…") or other title.
 * Tables not found are left out; the caller reports them.
 */
export function findTables(sheets: readonly Sheet[], probes: readonly TableView[], tables: readonly ProfileTable[]): FoundTable[] {
  const patterns = tables.map(titlePattern);
  const isTitle = (text: string) => patterns.some((p) => p.test(norm(text)));
  const found: FoundTable[] = [];
  probes.forEach((probe, i) => {
    const pattern = patterns[i]!;
    const head = headMatrix(probe);
    for (const s of sheets) {
      for (let r = 1; r <= s.rowCount; r++) {
        for (let c = 1; c <= s.colCount; c++) {
          const cell = s.cell(r, c);
          if (!cell || !pattern.test(norm(cell.text))) continue;
          for (let hr = r + 1; hr <= r + HEADER_WITHIN && hr <= s.rowCount; hr++) {
            for (let left = 1; left <= Math.max(1, s.colCount - probe.grid.cols + 1); left++) {
              if (head.length === 0 || !headerAt(s, head, hr, left)) continue;
              let nameLine: string | undefined;
              for (let k = r + 1; k < hr && nameLine === undefined; k++) {
                for (let cc = 1; cc <= s.colCount; cc++) {
                  const t = s.cell(k, cc)?.text ?? "";
                  if (DEPARTMENT_LINE.test(t)) nameLine = t;
                }
              }
              const body: BodyRow[] = [];
              for (let br = hr + head.length; br <= s.rowCount; br++) {
                const cells = Array.from({ length: probe.grid.cols }, (_, k) => s.cell(br, left + k));
                const texts = cells.map((x) => x?.text ?? "");
                if (texts.every((t) => t === "") || /^注/.test(texts[0]!) || texts.some((t) => t !== "" && isTitle(t))) break;
                body.push({ row: br, cells });
              }
              found.push({ probe, sheet: s, title: cell, ...(nameLine !== undefined ? { nameLine } : {}), left, body });
              return;
            }
          }
        }
      }
    }
  });
  return found;
}
