/**
 * 结果公示 and 年度统计, as one workflow for the CLI and the task pane: the results entered in the
 * registers, the 公示 list (sheet and CSV), the yearly figures and the sheets that show them.
 */
import type { Finding } from '../findings';
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
import { nextFreeSheetName } from '../sheetNames';
import type { WorkbookOp } from '../workbookOps';
import type { BookState } from './bookState';
import { sheetNamesOf } from './bookState';

export type PublicationPlan = {
  results: ResultsReading;
  rows: PublicationRow[];
  years: YearFigures[];
  /** Standing, non-secret draws (those published). */
  published: number;
  /** Standing secret draws, left out of the 公示. */
  withheld: number;
  /** Rows that have a result entered. */
  withResults: number;
  entered: number;
  pending: number;
  errors: Finding[];
};

/**
 * Reads the results registers and computes the 公示 list and the yearly figures.
 * @param book the book as read (the directory size counts for coverage)
 * @param today ISO date, for date checks of the entered results
 * @example readPublication(book, '2025-12-20').rows.length // 13
 */
export function readPublication(book: BookState, today: string): PublicationPlan {
  const draws = book.events.draws;
  const results = readResults(book.grids, draws, { today });
  const rows = buildPublicationRows(draws, results);
  const live = results.draws.filter((d) => !d.isVoided);
  return {
    results,
    rows,
    years: computeYearlyFigures(draws, results, { directorySize: book.dirs.targets.length }),
    published: publishableDraws(draws).length,
    withheld: draws.filter((d) => !d.voided && d.context.isSecret).length,
    withResults: rows.filter((r) => r[4] !== '').length,
    entered: live.reduce((n, d) => n + d.entered, 0),
    pending: live.reduce((n, d) => n + d.pending, 0),
    errors: results.findings.filter((f) => f.severity === 'error'),
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
      ? buildPublicationSheetOps(
          publication,
          plan.rows,
          `“双随机、一公开”抽查结果公示（截至 ${today}，${plan.published} 次抽取，${plan.rows.length} 个检查对象）`,
        )
      : []),
    ...(figures ? figuresSheetOps(figures, plan.years, `“双随机、一公开”年度统计（截至 ${today}）`) : []),
  ];
  return { ops, sheets: { publication, figures } };
}

/** The 公示 list as CSV text (formula-like cells quoted so spreadsheets keep them as text). */
export function publicationCsv(plan: PublicationPlan): string {
  return toCsv(plan.rows);
}
