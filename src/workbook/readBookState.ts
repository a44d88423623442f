/**
 * Reads a book through the port in one batch and derives the state every step starts from
 * (src/core/session/bookState.ts): the sheets, their grids, the log as typed events and, for
 * `readBookState`, the validation report and directories. Shared by the task pane, the page and the CLI.
 */
import type { BookState, LogBook } from '../core/session/bookState';
import { readBookStateFrom, readLogBook } from '../core/session/bookState';
import type { ValidateOptions } from '../core/validate';
import type { WorkbookPort } from './port';

export type { BookState, LogBook };

/**
 * A port whose workbook lives elsewhere (the page's Web Worker) and can derive the state there, so
 * that the validation does not run on the page's main thread either.
 */
export type StateReader = { readBookState(options: ValidateOptions): Promise<BookState> };

function isStateReader(port: WorkbookPort): port is WorkbookPort & StateReader {
  return typeof (port as Partial<StateReader>).readBookState === 'function';
}

/**
 * Reads every sheet once and derives the report, directories and log.
 * @param port the workbook
 * @param options `today` for date checks (身份证号 birth dates); `tasksOnly` to skip the directory checks
 * @returns the state of the book
 * @example const state = await readBookState(port); state.report.tasks.length
 */
export async function readBookState(port: WorkbookPort, options: ValidateOptions = {}): Promise<BookState> {
  if (isStateReader(port)) return port.readBookState(options);
  const sheets = await port.listSheets();
  const grids = await port.readSheets(sheets.map((s) => s.name));
  return readBookStateFrom(sheets, grids, options);
}

/**
 * Reads every sheet once and the log, without validating the plan tables (verify, 递补, 作废, forms).
 * @example const book = await readLogBookState(port); book.events.draws.length
 */
export async function readLogBookState(port: WorkbookPort): Promise<LogBook> {
  const sheets = await port.listSheets();
  const grids = await port.readSheets(sheets.map((s) => s.name));
  return readLogBook(sheets, grids);
}
