/**
 * The 校验结果 sheet: the findings of 读取校验 as a list on a NEW sheet, so that a clerk can print
 * or filter them. It never writes into the bureau's own cells.
 */
import type { Finding } from '../core/findings';
import type { WorkbookOp } from '../workbook';

export const FINDINGS_SHEET = '校验结果';

const HEADER = ['序号', '级别', '工作表', '单元格', '问题', '建议改为'];

/**
 * Operations that add `sheet` and list the findings on it.
 * @param sheet a sheet name that does not exist yet
 * @param findings the findings, in the order to list them
 * @param title the first line (e.g. when and from what it was read)
 * @returns the operations
 * @example buildFindingsSheetOps('校验结果', findings, '校验时间：2025-04-01 09:30')[0] // { kind: 'addSheet', sheet: '校验结果' }
 */
export function buildFindingsSheetOps(sheet: string, findings: readonly Finding[], title: string): WorkbookOp[] {
  const rows = findings.map((f, i) => [
    i + 1,
    f.severity === 'error' ? '错误' : '提醒',
    f.sheet,
    f.cell,
    f.message,
    f.suggestion ?? '',
  ]);
  const last = 3 + rows.length;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[title]], textColumns: [0] },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 13 } },
    { kind: 'write', sheet, address: 'A3', rows: [HEADER] },
    { kind: 'style', sheet, address: 'A3:F3', style: { bold: true, border: true, fill: '#DDEBF7' } },
    ...(rows.length
      ? ([
          // Every column but 序号 as text: a suggestion like `2025001` or `=…` must stay as typed.
          { kind: 'write', sheet, address: 'A4', rows, textColumns: [1, 2, 3, 4, 5] },
          { kind: 'style', sheet, address: `A4:F${last}`, style: { border: true, wrap: true, vertical: 'top' } },
        ] as WorkbookOp[])
      : ([{ kind: 'write', sheet, address: 'A4', rows: [['', '', '', '', '未发现问题。', '']], textColumns: [4] }] as WorkbookOp[])),
    { kind: 'columnWidths', sheet, widths: [6, 6, 18, 8, 60, 30] },
    { kind: 'activate', sheet, address: 'A1' },
  ];
}
