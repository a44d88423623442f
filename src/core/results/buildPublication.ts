/**
 * 一公开: the list of drawn targets to publish (non-secret, non-void draws only) with the results
 * entered so far, as sheet operations and as CSV.
 */
import type { WorkbookOp } from '../workbookOps';
import type { DrawItem } from './describeDraw';
import type { ResultsReading } from './readResults';
import { wrappedRowHeight } from './_lib/rowHeights';

export const PUBLICATION_HEADER = ['抽查计划', '任务', '检查对象', '统一社会信用代码', '检查结果', '检查日期', '检查机关', '后续处置'] as const;
export const PUBLICATION_SHEET = '结果公示';

export type PublicationRow = [string, string, string, string, string, string, string, string];

/** Draws that may be published: not void and not secret (涉密). */
export function publishableDraws(draws: readonly DrawItem[]): DrawItem[] {
  return draws.filter((d) => !d.voided && !d.context.isSecret);
}

/**
 * One row per drawn target of the publishable draws. 检查结果 is the meaning of the entered code
 * (`未发现问题`, not `1.未发现问题`): the code is the form's shorthand (附件2 说明（1）), the public
 * reads the words, as the national 公示 system shows them. Targets without a valid result keep
 * 检查结果, 检查日期 and 后续处置 blank. 检查机关 lists the units of the team that inspects the target.
 * @param draws the log's draws (readLogEvents(log).draws)
 * @param results what readResults read for them (optional: without it every result is blank)
 * @returns the rows in log and draw order
 * @example buildPublicationRows(draws, results)[0] // ['2025年邢台市医疗保障局随机抽查002', '…第一批…', '某某大药房', '9113…', '未发现问题', '2025-06-03', '邢台市医疗保障局、邢台市市场监督管理局', '无需后续处置']
 */
export function buildPublicationRows(draws: readonly DrawItem[], results?: ResultsReading): PublicationRow[] {
  const rows: PublicationRow[] = [];
  const bySeq = new Map((results?.draws ?? []).map((r) => [r.seq, r]));
  for (const d of publishableDraws(draws)) {
    const entered = bySeq.get(d.seq);
    d.teams.forEach((e, i) => {
      const t = d.context.targets[e.target];
      const units = [...new Set(e.members.map((m) => d.context.inspectors[m]?.unit ?? '').filter(Boolean))];
      const r = entered?.targets[i];
      const hasResult = Boolean(r && r.target === e.target && r.code);
      rows.push([
        d.context.planName || d.record.task.planName || d.record.task.planNo,
        d.context.taskName || d.record.task.taskName || d.record.task.taskNo,
        t?.name ?? e.target,
        t?.uscc ?? '',
        hasResult ? r!.meaning : '',
        hasResult ? r!.date : '',
        units.join('、'),
        hasResult ? r!.followUp : '',
      ]);
    });
  }
  return rows;
}

/**
 * Operations that add the 公示 sheet (A4 landscape, header repeated on every page).
 * @example buildPublicationSheetOps('结果公示', rows, '2025年 抽查结果公示')[0] // { kind: 'addSheet', sheet: '结果公示' }
 */
export function buildPublicationSheetOps(sheet: string, rows: readonly PublicationRow[], title: string): WorkbookOp[] {
  const last = 2 + rows.length;
  const widths = [24, 30, 28, 21, 16, 11, 26, 12];
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[title]], textColumns: [0] },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14 } },
    { kind: 'write', sheet, address: 'A2', rows: [[...PUBLICATION_HEADER]] },
    { kind: 'style', sheet, address: 'A2:H2', style: { bold: true, border: true, fill: '#E2EFDA' } },
    ...(rows.length
      ? ([
          { kind: 'write', sheet, address: 'A3', rows: rows.map((r) => [...r]), textColumns: [0, 1, 2, 3, 4, 5, 6, 7] },
          { kind: 'style', sheet, address: `A3:H${last}`, style: { border: true, wrap: true, vertical: 'middle' } },
          { kind: 'rowHeights', sheet, fromRow: 3, heights: rows.map((r) => wrappedRowHeight(r.map((text, i) => [text, widths[i]!] as const), 20)) },
        ] as WorkbookOp[])
      : []),
    { kind: 'columnWidths', sheet, widths },
    { kind: 'pageSetup', sheet, setup: { orientation: 'landscape', paper: 'A4', fitToOnePageWide: true, printTitleRows: '2:2' } },
    { kind: 'activate', sheet, address: 'A1' },
  ];
}

/** A CSV field: quoted when needed; a leading = + - @ gets a single quote so spreadsheets do not run it. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as CSV (UTF-8 with BOM so that Excel and WPS open Chinese correctly, CRLF lines).
 * @example toCsv([['a', '=1']], ['x', 'y']) // '\uFEFFx,y\r\na,\'=1\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[], header: readonly string[] = PUBLICATION_HEADER): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
