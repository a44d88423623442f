/**
 * One-click fixes: a finding that carries a computed suggestion becomes a write of exactly that
 * cell. The user chooses which (by code); nothing else is touched.
 */
import type { Finding } from '../findings';
import type { Grid } from '../grid';
import { parseCellAddress } from '../grid';
import type { WorkbookOp } from '../workbookOps';

export type CellChange = { sheet: string; cell: string; before: string; after: string; code: string };

function shownAt(grids: readonly Grid[], sheet: string, cell: string): string {
  const g = grids.find((x) => x.sheet === sheet);
  const p = parseCellAddress(cell);
  if (!g || !p) return '';
  return g.text[p.row - g.origin.row]?.[p.col - g.origin.col] ?? '';
}

/**
 * The changes and operations that apply the suggestions of the findings with `code` (or all
 * suggestions when `code` is `*`). Several findings on one cell with the same suggestion make one change.
 * @param findings the validation findings
 * @param code the finding code to fix, or `*`
 * @param grids the sheets as read (for the before values)
 * @returns one change per cell, and the write operations
 * @example planFixes(report.findings, 'PLAN_NAME_EXTRA_TEXT', grids).changes[0].after // '2025年邢台市医疗保障局随机抽查001'
 */
export function planFixes(findings: readonly Finding[], code: string, grids: readonly Grid[]): { changes: CellChange[]; ops: WorkbookOp[] } {
  const byCell = new Map<string, CellChange>();
  for (const f of findings) {
    if ((code !== '*' && f.code !== code) || f.suggestion === undefined || !f.cell) continue;
    const key = `${f.sheet}!${f.cell}`;
    if (byCell.has(key)) continue;
    const before = shownAt(grids, f.sheet, f.cell);
    if (before === f.suggestion) continue;
    byCell.set(key, { sheet: f.sheet, cell: f.cell, before, after: f.suggestion, code: f.code });
  }
  const changes = [...byCell.values()];
  // Written as text: a suggested 抽查计划编号 `2025001` must stay what the user typed, not a number.
  const ops: WorkbookOp[] = changes.map((c) => ({ kind: 'write', sheet: c.sheet, address: c.cell, rows: [[c.after]], textColumns: [0] }));
  return { changes, ops };
}
