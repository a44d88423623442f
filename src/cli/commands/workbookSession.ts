/** Reading a book once for the commands that append to its log (draw, substitute, verify …). */
import type { CliIo } from '../cliIo';
import { UsageError } from '../cliIo';
import type { Grid } from '../../core/grid';
import { readDirectories, type Directories } from '../../core/directories';
import { DATA_SHEET, LOG_SHEET } from '../../core/log/drawLog';
import { readLogState, type LogState } from '../../core/log/logSheet';
import type { PlanTask } from '../../core/prepare/planTask';
import type { ValidationReport } from '../../core/validate';
import { validateWorkbook } from '../../core/validate';
import type { XlsxWorkbook } from '../../workbook';
import { openBook } from './bookIo';

export type BookSession = {
  path: string;
  book: XlsxWorkbook;
  grids: Grid[];
  sheetNames: string[];
  report: ValidationReport;
  dirs: Directories;
  log: LogState;
};

/** Opens BOOK and reads everything the log commands need, in one pass. */
export async function openSession(io: CliIo, path: string | undefined): Promise<BookSession> {
  const book = await openBook(io, path);
  const sheets = await book.listSheets();
  const sheetNames = sheets.map((s) => s.name);
  const grids = await book.readSheets(sheetNames);
  const report = validateWorkbook(grids);
  const byName = (n: string) => grids.find((g) => g.sheet === n) ?? null;
  return {
    path: path!,
    book,
    grids,
    sheetNames,
    report,
    dirs: readDirectories(report.found),
    log: readLogState(byName(LOG_SHEET), byName(DATA_SHEET)),
  };
}

/** The task named by `PLANNO/TASKNO` (`2025002/001`, `2025002/001号`, `2025002-1`). */
export function findTask(session: BookSession, spec: string | undefined): PlanTask {
  if (!session.report.tables.some((t) => t.kind === 'plan')) {
    throw new UsageError(`在 ${session.path} 中未找到抽查计划表（需要含“抽查计划编号”“抽查计划名称”等表头的工作表）。`);
  }
  const list = session.report.tasks.map((t) => `${t.planNo}/${t.taskNo}`).join('、') || '（无可用任务）';
  if (!spec) throw new UsageError(`请用 --task 指定任务，如 --task ${session.report.tasks[0] ? `${session.report.tasks[0].planNo}/${session.report.tasks[0].taskNo}` : '2025001/001'}。可选：${list}`);
  const m = /^\s*(\S+?)\s*[/\-\s]\s*(\d{1,3})\s*号?\s*$/.exec(spec.normalize('NFKC'));
  if (!m) throw new UsageError(`--task 的格式应为 计划编号/任务编号，如 2025001/001（收到“${spec}”）。`);
  const taskNo = m[2]!.padStart(3, '0');
  const task = session.report.tasks.find((t) => t.planNo === m[1] && t.taskNo === taskNo);
  if (!task) throw new UsageError(`计划表中没有任务 ${m[1]}/${taskNo}。可选：${list}`);
  return task;
}
