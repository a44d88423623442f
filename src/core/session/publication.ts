/**
 * 结果公示 and 年度统计, as one workflow for the CLI and the task pane: the results entered in the
 * registers, the 公示 list (sheet and CSV), the yearly figures and the sheets that show them.
 */
import type { Finding } from '../findings';
import type { BureauSettings } from '../plan';
import type { PublicationRow, ResultsReading, YearFigures } from '../results';
import {
  buildPublicationRows,
  buildPublicationSheetOps,
  computeYearlyFigures,
  figuresSheetOps,
  FIGURES_SHEET,
  publishableDraws,
  PUBLICATION_SHEET,
  readResults,
  toCsv,
} from '../results';
import { chainHead, publicCodeOf } from '../log';
import { formatShortTime } from '../results/describeDraw';
import { nextFreeSheetName } from '../sheetNames';
import type { WorkbookOp } from '../workbookOps';
import type { BookState } from './bookState';
import { sheetNamesOf } from './bookState';

/** One attempt of a published task, in log order: 承诺, 抽取 (standing or voided), 失败, 作废. */
export type AttemptRow = [
  task: string,
  seq: string,
  time: string,
  event: string,
  seedSource: string,
  note: string,
];

export const ATTEMPT_HEADER = ['任务', '抽取记录序号', '时间', '事件', '随机源', '说明'] as const;

export type PublicationPlan = {
  results: ResultsReading;
  rows: PublicationRow[];
  years: YearFigures[];
  /** The bureau's settings the figures were computed with (its requirements and their document), cited on 年度统计. */
  settings: BureauSettings | null;
  /** Standing, non-secret draws (those published). */
  published: number;
  /** Standing secret draws, left out of the 公示. */
  withheld: number;
  /** Rows that have a result entered. */
  withResults: number;
  entered: number;
  pending: number;
  errors: Finding[];
  /**
   * Results reported late or not at all against the bureau's time limit (settings 检查结果上报时限);
   * null when the bureau sets none.
   */
  reports: { hours: number; late: Finding[]; missing: Finding[] } | null;
  /** Every attempt of the published tasks (re-draws and voids included), so the 公示 shows them all. */
  attempts: AttemptRow[];
  /** The chain head when the 公示 was made, and its 公示码. */
  head: string;
  publicCode: string;
};

/**
 * Every logged attempt of the tasks that are published (not secret): commitments, draws (voided
 * ones too), failures and voids, with the void's reason and which draw a re-draw replaces.
 * @example attemptRows(book)[1] // ['2025002/001', '2', '2025-04-01 09:30', '抽取（已作废）', '本地随机', '第 3 条作废：抽取范围有误']
 */
export function attemptRows(book: Pick<BookState, 'log' | 'events'>): AttemptRow[] {
  const secret = new Set<string>();
  for (const d of book.events.draws)
    if (d.context.isSecret) secret.add(`${d.entry.planNo}/${d.entry.taskNo}`);
  for (const c of book.events.commitments)
    if (c.context.isSecret) secret.add(`${c.entry.planNo}/${c.entry.taskNo}`);
  const draws = new Map(book.events.draws.map((d) => [d.seq, d]));
  const rows: AttemptRow[] = [];
  for (const { entry } of book.log.rows) {
    const task = `${entry.planNo}/${entry.taskNo}`;
    if (secret.has(task) || entry.event === '递补') continue;
    const d = draws.get(entry.seq);
    const event = entry.event === '抽取' && d?.voided ? '抽取（已作废）' : entry.event;
    const note =
      entry.event === '抽取'
        ? [
            d?.replaces ? `重新抽取，替代第 ${d.replaces} 条` : '',
            d?.voided ? `第 ${d.voided.seq} 条作废：${d.voided.reason}` : '',
          ]
            .filter(Boolean)
            .join('；') || `抽中 ${entry.count} 个`
        : entry.summary;
    rows.push([task, String(entry.seq), formatShortTime(entry.time), event, entry.seedSource, note]);
  }
  return rows;
}

/**
 * Reads the results registers and computes the 公示 list and the yearly figures.
 * @param book the book as read (the directory size counts for coverage)
 * @param today ISO date, for date checks of the entered results
 * @example readPublication(book, '2025-12-20').rows.length // 13
 */
export function readPublication(book: BookState, today: string): PublicationPlan {
  const draws = book.events.draws;
  const reportHours = book.report.settings?.reportHours;
  const results = readResults(book.grids, draws, { today, ...(reportHours !== undefined ? { reportHours } : {}) });
  const rows = buildPublicationRows(draws, results);
  const live = results.draws.filter((d) => !d.isVoided);
  return {
    results,
    rows,
    years: computeYearlyFigures(draws, results, { directorySize: book.dirs.targets.length, settings: book.report.settings }),
    settings: book.report.settings,
    published: publishableDraws(draws).length,
    withheld: draws.filter((d) => !d.voided && d.context.isSecret).length,
    withResults: rows.filter((r) => r[4] !== '').length,
    entered: live.reduce((n, d) => n + d.entered, 0),
    pending: live.reduce((n, d) => n + d.pending, 0),
    errors: results.findings.filter((f) => f.severity === 'error'),
    reports:
      reportHours === undefined
        ? null
        : {
            hours: reportHours,
            late: results.findings.filter((f) => f.code === 'RESULTS_REPORT_LATE'),
            missing: results.findings.filter((f) => f.code === 'RESULTS_REPORT_MISSING'),
          },
    attempts: attemptRows(book),
    head: chainHead(book.log),
    publicCode: publicCodeOf(chainHead(book.log)),
  };
}

/**
 * The operations adding the 公示 sheet and (optionally) the 年度统计 sheet, under free names.
 * @example publicationOps(book, plan, '2025-12-20', { figures: true }).sheets // { publication: '结果公示', figures: '年度统计' }
 */
export function publicationOps(
  book: Pick<BookState, 'sheets'>,
  plan: PublicationPlan,
  today: string,
  include: { publication?: boolean; figures?: boolean } = { publication: true, figures: true },
): { ops: WorkbookOp[]; sheets: { publication: string; figures: string } } {
  const names = sheetNamesOf(book);
  const publication = include.publication ? nextFreeSheetName(PUBLICATION_SHEET, names) : '';
  const figures = include.figures
    ? nextFreeSheetName(FIGURES_SHEET, [...names, publication].filter(Boolean))
    : '';
  const ops: WorkbookOp[] = [
    ...(publication
      ? [
          ...buildPublicationSheetOps(
            publication,
            plan.rows,
            `“双随机、一公开”抽查结果公示（截至 ${today}，${plan.published} 次抽取，${plan.rows.length} 个检查对象）`,
          ),
          // Below the table: every attempt and the chain head (rows: title, header, targets, one blank).
          ...attemptsBlockOps(publication, plan, 2 + plan.rows.length + 2),
        ]
      : []),
    ...(figures ? figuresSheetOps(figures, plan.years, `“双随机、一公开”年度统计（截至 ${today}）`, plan.settings) : []),
  ];
  return { ops, sheets: { publication, figures } };
}

/** Below the 公示 table: every attempt of the published tasks and the chain head to check the log by. */
function attemptsBlockOps(sheet: string, plan: PublicationPlan, top: number): WorkbookOp[] {
  const header = top + 1;
  const last = header + plan.attempts.length;
  return [
    { kind: 'write', sheet, address: `A${top}`, rows: [['抽取经过（每次承诺、抽取、作废，含重新抽取）']] },
    { kind: 'style', sheet, address: `A${top}`, style: { bold: true } },
    { kind: 'write', sheet, address: `A${header}`, rows: [[...ATTEMPT_HEADER]] },
    {
      kind: 'style',
      sheet,
      address: `A${header}:F${header}`,
      style: { bold: true, border: true, fill: '#E2EFDA' },
    },
    ...(plan.attempts.length
      ? ([
          {
            kind: 'write',
            sheet,
            address: `A${header + 1}`,
            rows: plan.attempts.map((r) => [...r]),
            textColumns: [0, 1, 2, 3, 4, 5],
          },
          {
            kind: 'style',
            sheet,
            address: `A${header + 1}:F${last}`,
            style: { border: true, wrap: true, vertical: 'middle' },
          },
        ] as WorkbookOp[])
      : []),
    {
      kind: 'write',
      sheet,
      address: `A${last + 2}`,
      rows: [
        [`公示码：${plan.publicCode}    链头哈希：${plan.head}`],
        [
          '任何人可用“双随机抽查助手”验证抽取记录（shuangsuiji verify 文件 --head 公示码）：链头在记录中，说明公示之前的记录未被改写、截断或替换。',
        ],
      ],
      textColumns: [0],
    },
  ];
}

/**
 * The 公示 list as CSV text (formula-like cells quoted so spreadsheets keep them as text), followed
 * by every attempt of the published tasks and the chain head.
 */
export function publicationCsv(plan: PublicationPlan): string {
  const attempts = toCsv(plan.attempts, ATTEMPT_HEADER).replace(/^\uFEFF/, '');
  const head = toCsv(
    [
      ['公示码', plan.publicCode],
      ['链头哈希', plan.head],
    ],
    ['抽取记录', ''],
  ).replace(/^\uFEFF/, '');
  return `${toCsv(plan.rows)}\r\n抽取经过\r\n${attempts}\r\n${head}`;
}
