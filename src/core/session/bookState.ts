/**
 * What the steps after 读取 know about a book: its sheets and grids, the log read as typed events,
 * and (for the steps that need the plan and the directories) the validation report. Built once per
 * read by the adapters' caller (src/workbook/readBookState.ts) from plain grids, so the CLI, the pane
 * and the page all see the same state.
 */
import type { Directories } from '../directories';
import type { Grid } from '../grid';
import type { LogState } from '../log/logSheet';
import type { LogEvents } from '../log/readLogEvents';
import { DATA_SHEET, LOG_SHEET } from '../log/drawLog';
import { readLogState } from '../log/logSheet';
import { readLogEvents } from '../log/readLogEvents';
import type { ValidateOptions, ValidationReport } from '../validate';
import { validateWorkbook } from '../validate';
import type { SheetVisibility } from '../workbookOps';

/** A sheet as the book lists it. */
export type SheetSummary = { name: string; visibility: SheetVisibility; isProtected: boolean };

/** The log side of a book: enough for verify, 递补, 作废, record forms and results sheets. */
export type LogBook = {
  sheets: SheetSummary[];
  /** Every sheet's used range, in tab order. */
  grids: Grid[];
  log: LogState;
  events: LogEvents;
};

/** A book read and validated: the log side plus the plan tables, directories and findings. */
export type BookState = LogBook & {
  report: ValidationReport;
  dirs: Directories;
};

/**
 * Reads the log sheets of a book's grids into the log state and its events.
 * @example readLogBook(sheets, grids).events.draws.length // 2
 */
export function readLogBook(sheets: readonly SheetSummary[], grids: readonly Grid[]): LogBook {
  const byName = (n: string) => grids.find((g) => g.sheet === n) ?? null;
  const log = readLogState(byName(LOG_SHEET), byName(DATA_SHEET));
  return { sheets: [...sheets], grids: [...grids], log, events: readLogEvents(log) };
}

/**
 * Validates a book's grids and reads its log: the state every step starts from.
 * @param sheets the sheets in tab order
 * @param grids their used ranges
 * @param options as for validateWorkbook (`tasksOnly` skips the directory cell checks)
 * @example readBookStateFrom(sheets, grids).report.tasks.length // 3
 */
export function readBookStateFrom(
  sheets: readonly SheetSummary[],
  grids: readonly Grid[],
  options: ValidateOptions = {},
): BookState {
  const report = validateWorkbook([...grids], options);
  return { ...readLogBook(sheets, grids), report, dirs: report.dirs };
}

/** The sheet names of a book, in tab order. */
export function sheetNamesOf(book: Pick<LogBook, 'sheets'>): string[] {
  return book.sheets.map((s) => s.name);
}

/** The grid of a sheet, or null. */
export function gridOf(book: Pick<LogBook, 'grids'>, sheet: string): Grid | null {
  return book.grids.find((g) => g.sheet === sheet) ?? null;
}
