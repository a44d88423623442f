/**
 * 一公开: the list of drawn targets to publish (non-secret, non-void draws only), as sheet
 * operations and as CSV, plus simple yearly figures (draws, targets, share of joint inspections).
 */
import type { WorkbookOp } from '../workbook';
import type { DrawItem } from './listDraws';

export const PUBLICATION_HEADER = ['抽查计划', '任务', '检查对象', '统一社会信用代码', '检查结果', '检查日期', '检查机关'] as const;
export const PUBLICATION_SHEET = '结果公示';

export type PublicationRow = [string, string, string, string, string, string, string];

/** Draws that may be published: not void and not secret (涉密). */
export function publishableDraws(draws: readonly DrawItem[]): DrawItem[] {
  return draws.filter((d) => !d.voided && !d.context.isSecret);
}

/**
 * One row per drawn target of the publishable draws. 检查结果 and 检查日期 stay empty until the
 * inspection is done; 检查机关 lists the units of the team that inspects the target.
 * @example buildPublicationRows(draws)[0] // ['2025年邢台市医疗保障局随机抽查001', '…第一批…', '某某大药房', '9113…', '', '', '邢台市医疗保障局、邢台市市场监督管理局']
 */
export function buildPublicationRows(draws: readonly DrawItem[]): PublicationRow[] {
  const rows: PublicationRow[] = [];
  for (const d of publishableDraws(draws)) {
    for (const e of d.teams) {
      const t = d.context.targets[e.target];
      const units = [...new Set(e.members.map((m) => d.context.inspectors[m]?.unit ?? '').filter(Boolean))];
      rows.push([
        d.context.planName || d.record.task.planName || d.record.task.planNo,
        d.context.taskName || d.record.task.taskName || d.record.task.taskNo,
        t?.name ?? e.target,
        t?.uscc ?? '',
        '',
        '',
        units.join('、'),
      ]);
    }
  }
  return rows;
}

/**
 * Operations that add the 公示 sheet.
 * @example buildPublicationSheetOps('结果公示', rows, '2025年 抽查结果公示')[0] // { kind: 'addSheet', sheet: '结果公示' }
 */
export function buildPublicationSheetOps(sheet: string, rows: readonly PublicationRow[], title: string): WorkbookOp[] {
  const last = 2 + rows.length;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[title]], textColumns: [0] },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14 } },
    { kind: 'write', sheet, address: 'A2', rows: [[...PUBLICATION_HEADER]] },
    { kind: 'style', sheet, address: 'A2:G2', style: { bold: true, border: true, fill: '#E2EFDA' } },
    ...(rows.length
      ? ([
          { kind: 'write', sheet, address: 'A3', rows: rows.map((r) => [...r]), textColumns: [0, 1, 2, 3, 4, 5, 6] },
          { kind: 'style', sheet, address: `A3:G${last}`, style: { border: true, wrap: true, vertical: 'middle' } },
        ] as WorkbookOp[])
      : []),
    { kind: 'columnWidths', sheet, widths: [30, 36, 30, 22, 12, 12, 30] },
    { kind: 'pageSetup', sheet, setup: { orientation: 'landscape', paper: 'A4', fitToOnePageWide: true, printTitleRows: '2:2' } },
    { kind: 'activate', sheet, address: 'A1' },
  ];
}

/** A CSV field: quoted when needed; a leading = + - @ gets a single quote so spreadsheets do not run it. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as CSV (UTF-8 with BOM so that Excel and WPS open Chinese correctly, CRLF lines).
 * @example toCsv([['a', '=1']]) // '\uFEFF抽查计划,…\r\na,\'=1\r\n'
 */
export function toCsv(rows: readonly (readonly string[])[], header: readonly string[] = PUBLICATION_HEADER): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export type YearFigures = {
  year: string;
  draws: number;
  targets: number;
  jointDraws: number;
  jointTargets: number;
};

/**
 * Per calendar year of the draw time: draws (not void), targets drawn, and those of joint tasks
 * (more than one department), for Xingtai's shares (联合抽查 ≥ 60 % of inspections, ≥ 50 % of households).
 * @example summarizeYears(draws) // [{ year: '2025', draws: 2, targets: 21, jointDraws: 1, jointTargets: 11 }]
 */
export function summarizeYears(draws: readonly DrawItem[]): YearFigures[] {
  const byYear = new Map<string, YearFigures>();
  for (const d of draws) {
    if (d.voided) continue;
    const year = d.entry.time.slice(0, 4);
    const f = byYear.get(year) ?? { year, draws: 0, targets: 0, jointDraws: 0, jointTargets: 0 };
    const isJoint = d.record.team.departments.length > 1;
    f.draws += 1;
    f.targets += d.record.result.length;
    if (isJoint) {
      f.jointDraws += 1;
      f.jointTargets += d.record.result.length;
    }
    byYear.set(year, f);
  }
  return [...byYear.values()].sort((a, b) => a.year.localeCompare(b.year));
}

/** A share as a clerk reads it: 45.5%. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '—' : `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`;
}
