/** A problem found in the user's sheets, pointing at the cell to edit. */
import { parseCellAddress } from './grid';

export type Severity = 'error' | 'warning';

export type Finding = {
  severity: Severity;
  /** Stable UPPER_SNAKE code; see docs/findings.md. */
  code: string;
  sheet: string;
  /** A1 address of the cell the user must edit ('' when the finding is about the whole sheet). */
  cell: string;
  /** Chinese, specific, saying what to do. */
  message: string;
  /** The corrected value, when one can be computed. */
  suggestion?: string;
};

/**
 * Where a finding points, as every message names it: `sheet!cell`, or the sheet alone.
 * @example formatFindingPlace({ sheet: '计划表', cell: 'B7' }) // '计划表!B7'
 * @example formatFindingPlace({ sheet: '计划表', cell: '' }) // '计划表'
 */
export function formatFindingPlace(f: Pick<Finding, 'sheet' | 'cell'>): string {
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

/**
 * Orders findings by sheet order, then row, then column, errors before warnings at the same cell.
 * @param findings the findings
 * @param sheetOrder sheet names in tab order
 * @returns a new sorted array
 * @example sortFindings([{ sheet: 'A', cell: 'B2', … }], ['A'])
 */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const idx = new Map(sheetOrder.map((s, i) => [s, i]));
  const key = (cell: string): [number, number] => {
    const at = parseCellAddress(cell);
    return at ? [at.row + 1, at.col + 1] : [0, 0];
  };
  return [...findings].sort((a, b) => {
    const s = (idx.get(a.sheet) ?? 1e9) - (idx.get(b.sheet) ?? 1e9);
    if (s !== 0) return s;
    const [ra, ca] = key(a.cell);
    const [rb, cb] = key(b.cell);
    if (ra !== rb) return ra - rb;
    if (ca !== cb) return ca - cb;
    return (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1);
  });
}
