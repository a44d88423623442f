/**
 * A1 range addresses as every adapter (and the shared batch check) reads them. Office returns
 * addresses with the sheet name (`'My Sheet'!B2:D9`) and `$` signs; ops use bare `B3` or `B3:F9`.
 * Column letters are parsed by core's `parseCellAddress` only, so there is one rule for them.
 */
import { cellAddress, columnName, parseCellAddress } from '../core/grid';
import type { MergedArea } from '../core/grid';

/** A rectangle in sheet coordinates, 0-based and inclusive (same shape as a merged area). */
export type RangeBox = MergedArea;

/** Excel's last row and column, 0-based (row 1,048,576, column XFD). */
export const MAX_ROW = 1_048_575;
export const MAX_COL = 16_383;

type End = { row: number | null; col: number | null };

function parseEnd(part: string): End | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(part.trim());
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  // A whole-column or whole-row end borrows the other coordinate of A1 to reuse the cell parser.
  const cell = parseCellAddress(`${m[1] ?? 'A'}${m[2] ?? '1'}`);
  // Past XFD or row 1,048,576 (or row 0) Excel has no cell: `A0`, `XFE1` are not addresses.
  if (!cell || cell.row < 0 || cell.row > MAX_ROW || cell.col > MAX_COL) return null;
  return { col: m[1] === undefined ? null : cell.col, row: m[2] === undefined ? null : cell.row };
}

/** Strips a leading `Sheet!` / `'My Sheet'!` prefix. */
export function stripSheetName(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/**
 * Parses `B3`, `B3:F9`, `$B$3:$F$9`, `A:C` (whole columns), `3:5` (whole rows), with or without a
 * sheet prefix. Returns null for anything else.
 * @example parseRangeAddress('Sheet1!B2:C3') // { top: 1, left: 1, bottom: 2, right: 2 }
 */
export function parseRangeAddress(address: string): RangeBox | null {
  const body = stripSheetName(address);
  const parts = body.split(':');
  if (parts.length > 2) return null;
  const a = parseEnd(parts[0] ?? '');
  const b = parts.length === 2 ? parseEnd(parts[1] ?? '') : a;
  if (!a || !b) return null;
  // A lone cell needs both parts; `A:A` and `3:3` need the colon.
  if (parts.length === 1 && (a.row === null || a.col === null)) return null;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  const top = a.row ?? 0;
  const bottom = b.row ?? MAX_ROW;
  const left = a.col ?? 0;
  const right = b.col ?? MAX_COL;
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

/**
 * Every rectangle in a multi-area address such as `RangeAreas.address`
 * (`Sheet1!A1:B2, Sheet1!D1:D4`). Sheet names may be quoted and contain commas, so the areas are
 * matched rather than split on `,`.
 * @example parseAreasAddress("'a,b'!A1:B2, 'a,b'!C3") // two boxes
 */
export function parseAreasAddress(address: string): RangeBox[] {
  const out: RangeBox[] = [];
  const re =
    /(?:^|[,\s])(?:(?:'(?:[^']|'')*'|[^',!\s]+)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)(?=\s*,|\s*$)/g;
  for (let m = re.exec(address); m !== null; m = re.exec(address)) {
    const box = m[1] === undefined ? null : parseRangeAddress(m[1]);
    if (box) out.push(box);
  }
  return out;
}

/**
 * A1 address of a box (`B3` for one cell, `B3:F9` otherwise).
 * @example boxAddress({ top: 2, left: 1, bottom: 8, right: 5 }) // 'B3:F9'
 */
export function boxAddress(box: RangeBox): string {
  const a = cellAddress(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? a : `${a}:${cellAddress(box.bottom, box.right)}`;
}

/** `A:A` for a 0-based column. */
export function columnAddress(col: number): string {
  const c = columnName(col);
  return `${c}:${c}`;
}

/** `3:3` for a 1-based row number. */
export function rowAddress(row1: number): string {
  return `${row1}:${row1}`;
}
