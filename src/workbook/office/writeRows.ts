/**
 * How a `write` op becomes Office.js `values` and `numberFormat` matrices: strings land as text
 * (never as formulas, numbers or dates), holes of ragged rows stay untouched. The matrices are
 * described row by row, so that the request writer can cut them at any row.
 */
import type { CellValue } from '../../core/grid';
import type { CellInput, WorkbookOp } from '../port';
import type { RangeBox } from '../rangeAddress';

/** A rectangular `values`/`numberFormat` assignment, cut into row chunks by the request writer. */
export type MatrixJob = {
  sheet: string;
  top: number;
  left: number;
  width: number;
  rowCount: number;
  /** Row i of the values, or null when only formats are set. */
  values: ((i: number) => CellValue[]) | null;
  /** Row i of the number formats (`null` = leave the cell's format), or null when none is set. */
  formats: ((i: number) => (string | null)[]) | null;
};

/**
 * Excel shows `####` for a text-formatted (`@`) cell holding more than 255 characters, and no
 * string that long is coerced into a number or date anyway, so long plain strings keep the
 * cell's format.
 */
const TEXT_FORMAT_MAX_LENGTH = 255;

/**
 * Whether Excel would turn a string typed into a General cell into something else: a formula,
 * a number, a date or time, a percentage, a boolean.
 */
export function isConvertedByExcel(s: string): boolean {
  const t = s.trim();
  return /^[=+\-@]/.test(s) || /^[+-]?[\d.]/.test(t) || /^(true|false)$/i.test(t);
}

/**
 * A string as it must be sent to a cell whose format is not text so that Excel keeps it as typed:
 * a leading apostrophe makes Excel store the rest as text (the apostrophe is not part of the value).
 */
export function keepAsText(s: string): string {
  return isConvertedByExcel(s) ? `'${s}` : s;
}

function unwrapCell(input: CellInput | undefined): { value: CellValue; format: string | undefined } {
  if (input === undefined) return { value: null, format: undefined };
  if (input !== null && typeof input === 'object') return { value: input.value, format: input.format };
  return { value: input, format: undefined };
}

/**
 * Values and formats for one written row. In Office.js a `null` in a 2-D array leaves that cell
 * unchanged, so holes in ragged rows are `null`; an explicit empty cell is written as `''`, which
 * clears it. Strings get the text format `@` so Excel stores them as typed instead of turning
 * `=SUM(A1)` into a formula, `+8613…` / `-1` into numbers, `@x` into a function call, or an
 * 18-digit ID into 1.10101E+17.
 */
function buildWriteRow(
  row: CellInput[],
  width: number,
  textCols: ReadonlySet<number>,
): { values: CellValue[]; formats: (string | null)[]; hasFormat: boolean } {
  const values: CellValue[] = new Array<CellValue>(width).fill(null);
  const formats: (string | null)[] = new Array<string | null>(width).fill(null);
  let hasFormat = false;
  for (let c = 0; c < row.length; c++) {
    const { value, format } = unwrapCell(row[c]);
    let v: CellValue = value === null ? '' : value;
    let f: string | null = format ?? null;
    if (textCols.has(c) && v !== '') {
      v = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
      f = '@';
    } else if (typeof v === 'string' && v !== '') {
      // An explicit format on a string (`{ value: '2024-01-05', format: 'yyyy-mm-dd' }`) asks for
      // Excel's conversion, except where the string would become a formula.
      if (/^[=+\-@]/.test(v)) f = '@';
      else if (f === null && v.length <= TEXT_FORMAT_MAX_LENGTH) f = '@';
    }
    values[c] = v;
    formats[c] = f;
    if (f !== null) hasFormat = true;
  }
  return { values, formats, hasFormat };
}

/**
 * The matrix of a `write` op, or null when it writes nothing.
 * @param op the write
 * @param start its top-left cell
 * @param valuesOnly for unlocked cells of a protected sheet, where Excel refuses any format: no
 *   number formats, and strings Excel would convert go with a leading apostrophe instead of `@`
 * @example writeJob({ kind: 'write', sheet: 'S', address: 'B2', rows: [['a']] }, box)?.formats?.(0) // ['@']
 */
export function writeJob(op: Extract<WorkbookOp, { kind: 'write' }>, start: RangeBox, valuesOnly = false): MatrixJob | null {
  const width = op.rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (op.rows.length === 0 || width === 0) return null;
  const textCols = new Set(op.textColumns ?? []);
  const built = op.rows.map((r) => buildWriteRow(r, width, textCols));
  if (valuesOnly) {
    const values = built.map((b) => b.values.map((v, c) => (typeof v === 'string' && v !== '' && b.formats[c] === '@' ? keepAsText(v) : v)));
    return { sheet: op.sheet, top: start.top, left: start.left, width, rowCount: built.length, values: (i) => values[i] ?? [], formats: null };
  }
  const anyFormat = built.some((b) => b.hasFormat);
  return {
    sheet: op.sheet,
    top: start.top,
    left: start.left,
    width,
    rowCount: built.length,
    values: (i) => built[i]?.values ?? [],
    formats: anyFormat ? (i) => built[i]?.formats ?? [] : null,
  };
}

/** A number format over a whole box, as a matrix (so that a large box is cut like values). */
export function formatJob(sheet: string, box: RangeBox, numberFormat: string): MatrixJob {
  const width = box.right - box.left + 1;
  const row = new Array<string>(width).fill(numberFormat);
  return { sheet, top: box.top, left: box.left, width, rowCount: box.bottom - box.top + 1, values: null, formats: () => row };
}
