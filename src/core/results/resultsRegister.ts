/**
 * The results entry sheet (检查结果登记表) of one draw: a NEW, unprotected sheet listing the drawn
 * targets (after 递补, from the log — never from today's directories) with cells for 检查结果
 * (code 1–10 of 附件2, drop-down), 检查日期 (date validation), 上报时间 (when the result was reported:
 * 乌鲁木齐 2023 asks within 24 hours of the on-site check), 后续处置 (drop-down) and 备注.
 * Row 2 names the draw by log number, task and the chain hash of its 抽取记录 row; `readResults`
 * uses it to tie the sheet to its draw even when the sheet is renamed.
 */
import { formatResultCodePrompt, RESULT_CODES } from '../rules';
import { cleanSheetNamePart, fitSheetName } from '../sheetNames';
import { nextFreeSheetName } from '../sheetNames';
import type { CellInput, WorkbookOp } from '../workbookOps';
import type { DrawItem } from './describeDraw';
import { serialToIsoDate } from './_lib/resultDates';
import { wrappedRowHeight } from './_lib/rowHeights';

/** Every results sheet's name starts so (the validator skips these sheets). */
export const RESULTS_REGISTER_PREFIX = '检查结果-';
export const RESULTS_REGISTER_TITLE = '检查结果登记表';

/** The columns, in order. `readResults` finds them by these headers. */
export const RESULTS_REGISTER_HEADER = ['序号', '检查对象名称', '统一社会信用代码', '检查结果（编号）', '检查日期', '上报时间', '后续处置', '备注'] as const;

/** 后续处置: what happens after a problem is found (Xingtai 2025 二（四）: 转办、移送 …). */
export const FOLLOW_UP_OPTIONS = ['无需后续处置', '责令改正', '移送', '抄告'] as const;
export type FollowUp = (typeof FOLLOW_UP_OPTIONS)[number];

/** 1-based rows of the layout. */
export const RESULTS_REGISTER_LAYOUT = { title: 1, identity: 2, guide: 3, header: 4, firstRow: 5 } as const;

/** Column widths in characters: 137 in all, ≈ 10.4 in at 100 %, inside A4 landscape's 10.7 in. */
const WIDTHS = [6, 30, 21, 10, 12, 16, 13, 29];
const LAST_COL = 'H';

/**
 * The sheet name for a draw's results: `检查结果-<计划编号>-<任务编号>-<序号>`, at most 31
 * characters, numbered ` (2)` when taken.
 * @param draw the draw
 * @param existing the workbook's sheet names
 * @returns a free name
 * @example resultsRegisterName(draw, []) // '检查结果-2025002-001-1'
 */
export function resultsRegisterName(draw: Pick<DrawItem, 'seq' | 'record'>, existing: readonly string[]): string {
  const parts = [draw.record.task.planNo, draw.record.task.taskNo, String(draw.seq)].map(cleanSheetNamePart).filter(Boolean);
  return nextFreeSheetName(fitSheetName(`${RESULTS_REGISTER_PREFIX}${parts.join('-')}`), existing);
}

/**
 * The draw's date as ISO: the date of its log time (China time as written), else the frozen draw date.
 * @example drawDateOf(draw) // '2025-04-01'
 */
export function drawDateOf(draw: Pick<DrawItem, 'entry' | 'context'>): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(draw.entry.time);
  if (m) return m[1]!;
  const serial = draw.context.settings?.drawDate ?? 0;
  return serial > 0 ? serialToIsoDate(serial) : '';
}

/**
 * Row 2 of the sheet: which log row the sheet belongs to.
 * @example resultsIdentityLine(draw) // '抽取记录第 1 条｜任务 2025002/001｜链摘要 f5b900c9…（64 位）'
 */
export function resultsIdentityLine(draw: Pick<DrawItem, 'seq' | 'record' | 'entry'>): string {
  return `抽取记录第 ${draw.seq} 条｜任务 ${draw.record.task.planNo}/${draw.record.task.taskNo}｜链摘要 ${draw.entry.hash}`;
}

/**
 * Reads row 2 back: the log number and the chain hash, or null when the text is no identity line.
 * @example parseResultsIdentity('抽取记录第 1 条｜任务 2025002/001｜链摘要 ab…') // { seq: 1, hash: 'ab…' }
 */
export function parseResultsIdentity(text: string): { seq: number; hash: string } | null {
  const seq = /抽取记录第\s*(\d+)\s*条/.exec(text);
  const hash = /链摘要[\s：:]*([0-9a-fA-F]{64})/.exec(text);
  return seq && hash ? { seq: Number(seq[1]), hash: hash[1]!.toLowerCase() } : null;
}

/**
 * Operations that add the results entry sheet of a draw. Nothing else in the workbook is touched.
 * @param draw the draw (its `teams` are the targets after 递补)
 * @param sheet the new sheet's name (see {@link resultsRegisterName})
 * @param options `activate: false` to leave the user's current sheet selected
 * @returns the operations, in order
 * @example resultsRegisterOps(draw, '检查结果-2025002-001-1')[0] // { kind: 'addSheet', sheet: '检查结果-2025002-001-1' }
 */
export function resultsRegisterOps(draw: DrawItem, sheet: string, options: { activate?: boolean } = {}): WorkbookOp[] {
  const { firstRow, header, identity, guide } = RESULTS_REGISTER_LAYOUT;
  const targets = draw.teams.map((e) => draw.context.targets[e.target]);
  const n = draw.teams.length;
  const lastRow = firstRow + n - 1;
  const legendRow = firstRow + n + 1;
  const drawDate = drawDateOf(draw);
  const taskName = draw.context.taskName || draw.record.task.taskName;
  const rows: CellInput[][] = draw.teams.map((e, i) => [i + 1, targets[i]?.name ?? e.target, targets[i]?.uscc ?? '']);
  const guideText =
    '填写说明：检查结果填编号 1–10（选中单元格可看各编号含义）；检查日期填实际检查日期，如 2025-06-03；上报时间填检查情况上报本局的时间，如 2025-06-03 16:30；' +
    '检查结果为 2、3、4、5、6、8、10（发现问题）时须选择后续处置。请勿调整行的顺序，请勿改动序号、检查对象名称、统一社会信用代码三列。';
  const legend = `检查结果编号：${RESULT_CODES.map((c) => `${c.code}.${c.meaning}`).join('  ')}`;
  const totalWidth = WIDTHS.reduce((a, b) => a + b, 0);
  const data = `A${firstRow}:${LAST_COL}${lastRow}`;
  const ops: WorkbookOp[] = [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[`${RESULTS_REGISTER_TITLE}：${taskName || `${draw.record.task.planNo}/${draw.record.task.taskNo}`}`]], textColumns: [0] },
    { kind: 'merge', sheet, address: `A1:${LAST_COL}1` },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14, fontName: '宋体', horizontal: 'center', vertical: 'middle', wrap: true } },
    { kind: 'write', sheet, address: `A${identity}`, rows: [[resultsIdentityLine(draw)], [guideText]], textColumns: [0] },
    { kind: 'merge', sheet, address: `A${identity}:${LAST_COL}${identity}` },
    { kind: 'merge', sheet, address: `A${guide}:${LAST_COL}${guide}` },
    { kind: 'style', sheet, address: `A${identity}:A${guide}`, style: { fontSize: 9, wrap: true, vertical: 'top', horizontal: 'left' } },
    // `检查结果\n（编号）`: one break instead of one cut mid-word in the narrow column.
    { kind: 'write', sheet, address: `A${header}`, rows: [RESULTS_REGISTER_HEADER.map((h) => h.replace('（编号）', '\n（编号）'))] },
    { kind: 'style', sheet, address: `A${header}:${LAST_COL}${header}`, style: { bold: true, border: true, fill: '#E2EFDA', horizontal: 'center', vertical: 'middle', wrap: true } },
  ];
  if (n > 0) {
    ops.push(
      // Identifiers as text (leading zeros, 18 digits); 后续处置 and 备注 as text so `-`/`=` stay typed.
      { kind: 'write', sheet, address: `A${firstRow}`, rows, textColumns: [1, 2] },
      { kind: 'style', sheet, address: data, style: { border: true, wrap: true, vertical: 'middle' } },
      { kind: 'style', sheet, address: `A${firstRow}:A${lastRow}`, style: { horizontal: 'center' } },
      { kind: 'style', sheet, address: `D${firstRow}:D${lastRow}`, style: { horizontal: 'center' } },
      { kind: 'style', sheet, address: `E${firstRow}:E${lastRow}`, style: { numberFormat: 'yyyy-mm-dd', horizontal: 'center' } },
      { kind: 'style', sheet, address: `F${firstRow}:F${lastRow}`, style: { numberFormat: 'yyyy-mm-dd hh:mm', horizontal: 'center' } },
      { kind: 'style', sheet, address: `G${firstRow}:H${lastRow}`, style: { numberFormat: '@' } },
      // Not the 检查结果 cells: a typed 1 must stay the number the list compares with.
      { kind: 'listValidation', sheet, address: `D${firstRow}:D${lastRow}`, items: RESULT_CODES.map((c) => c.code), prompt: formatResultCodePrompt() },
      {
        kind: 'dateValidation',
        sheet,
        address: `E${firstRow}:E${lastRow}`,
        ...(drawDate ? { min: drawDate } : {}),
        prompt: `填写实际检查日期，如 2025-06-03${drawDate ? `；不早于抽取日期 ${drawDate}` : ''}。`,
      },
      {
        kind: 'dateValidation',
        sheet,
        address: `F${firstRow}:F${lastRow}`,
        ...(drawDate ? { min: drawDate } : {}),
        prompt: '填写检查情况上报本局的时间，如 2025-06-03 16:30（日期与时间之间空一格）。',
      },
      {
        kind: 'listValidation',
        sheet,
        address: `G${firstRow}:G${lastRow}`,
        items: [...FOLLOW_UP_OPTIONS],
        prompt: '发现问题（编号 2、3、4、5、6、8、10）时选择责令改正、移送或抄告；未发现问题选“无需后续处置”。',
      },
      { kind: 'rowHeights', sheet, fromRow: firstRow, heights: rows.map((r) => wrappedRowHeight([[String(r[1] ?? ''), WIDTHS[1]!], [String(r[2] ?? ''), WIDTHS[2]!]], 24)) },
    );
  }
  ops.push(
    { kind: 'write', sheet, address: `A${legendRow}`, rows: [[legend]], textColumns: [0] },
    { kind: 'merge', sheet, address: `A${legendRow}:${LAST_COL}${legendRow}` },
    { kind: 'style', sheet, address: `A${legendRow}`, style: { fontSize: 9, wrap: true, vertical: 'top', horizontal: 'left' } },
    { kind: 'rowHeights', sheet, fromRow: 1, heights: [28, wrappedRowHeight([[resultsIdentityLine(draw), totalWidth * 1.15]], 16), wrappedRowHeight([[guideText, totalWidth * 1.15]], 16), 30] },
    { kind: 'rowHeights', sheet, fromRow: legendRow, heights: [wrappedRowHeight([[legend, totalWidth * 1.15]], 16)] },
    { kind: 'columnWidths', sheet, widths: WIDTHS },
    {
      kind: 'pageSetup',
      sheet,
      setup: {
        orientation: 'landscape',
        paper: 'A4',
        fitToOnePageWide: true,
        printArea: `A1:${LAST_COL}${legendRow}`,
        printTitleRows: `${header}:${header}`,
        margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5 },
      },
    },
  );
  if (options.activate !== false) ops.push({ kind: 'activate', sheet, address: `D${firstRow}` });
  return ops;
}
