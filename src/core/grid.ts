/**
 * A sheet's used range as plain data: what every parser in core reads.
 * Adapters (Office.js, ExcelJS, memory) produce it; core never touches a workbook.
 */

/** A raw cell value. Dates are Excel serial numbers (as Office.js gives them); errors are text like `#N/A`. */
export type CellValue = string | number | boolean | null;

/** A merged area, 0-based, inclusive, in sheet coordinates (not relative to the grid's origin). */
export type MergedArea = { top: number; left: number; bottom: number; right: number };

/**
 * A block of a sheet, bounded by the cells that hold a value.
 * `text[r][c]` is what Excel displays; `values[r][c]` is the raw value; `formats[r][c]` its number
 * format. Row r of the arrays is sheet row `origin.row + r` (0-based), column c is `origin.col + c`.
 *
 * Usually rectangular (every row as long as the widest). A row may be shorter than the others when
 * the rectangle would be huge, e.g. one stray cell at XFD1 above a 50,000-row table (the xlsx
 * adapter then gives each row up to its own last cell): a cell beyond a row's end is empty (`''`,
 * `null`, `General`), so read cells as `text[r]?.[c] ?? ''` and take the width as the longest row.
 * Merged areas are in sheet coordinates and may reach beyond the grid.
 */
export type Grid = {
  sheet: string;
  origin: { row: number; col: number };
  text: string[][];
  values: CellValue[][];
  /** Number format per cell (`General`, `0%`, `@`, `yyyy/m/d` …), when the adapter knows it. */
  formats?: string[][];
  merges: MergedArea[];
};

/**
 * A cell's text and value by sheet position (row 1-based as Excel shows it, column 0-based), whatever
 * the grid's origin: empty outside the used range.
 * @example cellAt(grid, 5, 2).text // the text of C5
 */
export function cellAt(grid: Grid, row1: number, col0: number): { text: string; value: CellValue } {
  const r = row1 - 1 - grid.origin.row;
  const c = col0 - grid.origin.col;
  return { text: grid.text[r]?.[c] ?? '', value: grid.values[r]?.[c] ?? null };
}

/**
 * Column letters for a 0-based column index.
 * @example columnName(0) // 'A'
 * @example columnName(27) // 'AB'
 */
export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A1 address of a 0-based sheet cell.
 * @example cellAddress(6, 2) // 'C7'
 */
export function cellAddress(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/**
 * Parses an A1 address (`C7`, `$C$7`) into 0-based row and column; null when it is not one.
 * @example parseCellAddress('C7') // { row: 6, col: 2 }
 */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  const letters = m[1]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/**
 * An empty grid for a sheet with nothing in it.
 * @example emptyGrid('Sheet1').text // []
 */
export function emptyGrid(sheet: string): Grid {
  return { sheet, origin: { row: 0, col: 0 }, text: [], values: [], merges: [] };
}
