/**
 * Everything the steps after 读取 need, read through the port in one batch: the sheets, their grids,
 * the validation report, the directories and the draw log. Shared by the task pane, the page and the CLI.
 */
import type { Grid } from '../core/grid';
import type { Directories } from '../core/directories';
import { DATA_SHEET, LOG_SHEET } from '../core/log/drawLog';
import { readLogState, type LogState } from '../core/log/logSheet';
import type { ValidateOptions, ValidationReport } from '../core/validate';
import { validateWorkbook } from '../core/validate';
import type { SheetInfo, WorkbookPort } from './port';

export type BookState = {
  sheets: SheetInfo[];
  grids: Grid[];
  report: ValidationReport;
  dirs: Directories;
  log: LogState;
};

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
  const report = validateWorkbook(grids, options);
  const byName = (n: string) => grids.find((g) => g.sheet === n) ?? null;
  return { sheets, grids, report, dirs: report.dirs, log: readLogState(byName(LOG_SHEET), byName(DATA_SHEET)) };
}
