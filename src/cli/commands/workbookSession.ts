/** Reading a book once for the commands that append to its log (draw, substitute, verify …). */
import type { CliIo } from '../cliIo';
import { UsageError } from '../cliIo';
import type { PlanTask } from '../../core/prepare/planTask';
import { hasPlanTable } from '../../core/validate';
import type { BookState, XlsxWorkbook } from '../../workbook';
import { readBookState } from '../../workbook';
import { openBook } from './bookIo';

export type BookSession = BookState & {
  path: string;
  book: XlsxWorkbook;
  sheetNames: string[];
};

/** Opens BOOK and reads everything the log commands need, in one pass. */
export async function openSession(io: CliIo, path: string | undefined): Promise<BookSession> {
  const book = await openBook(io, path);
  // The log commands need the tasks and directories, not every finding: validate says those.
  const state = await readBookState(book, { tasksOnly: true });
  return { ...state, path: path!, book, sheetNames: state.sheets.map((s) => s.name) };
}

/** The task named by `PLANNO/TASKNO` (`2025002/001`, `2025002/001号`, `2025002-1`). */
export function findTask(session: BookSession, spec: string | undefined): PlanTask {
  if (!hasPlanTable(session.report.tables)) {
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
