/** Reading a book once for the commands that draw (draw, commit, reveal). */
import type { CliIo } from '../cliIo';
import { UsageError } from '../cliIo';
import type { PlanTask } from '../../core/prepare/planTask';
import { hasPlanTable } from '../../core/validate';
import { formatFindingPlace } from '../../core/findings';
import { formatLogTime } from '../../core/log';
import { findTask as findPlanTask, listNoTaskReasons } from '../../core/session';
import type { BookState, XlsxWorkbook } from '../../workbook';
import { readBookState } from '../../workbook';
import { openBook } from './bookIo';

export type BookSession = { path: string; book: XlsxWorkbook; state: BookState };

/** Opens BOOK and reads everything a draw needs, in one pass. */
export async function openSession(io: CliIo, path: string | undefined): Promise<BookSession> {
  const book = await openBook(io, path);
  // A draw needs the tasks and directories, not every finding: validate says those.
  const [year, month, day] = formatLogTime(io.now()).slice(0, 10).split('-').map(Number);
  const state = await readBookState(book, { tasksOnly: true, today: { year: year!, month: month!, day: day! } });
  return { path: path!, book, state };
}

/** The task named by `--task PLANNO/TASKNO` (exit 2 with the choices when it is missing or wrong). */
export function findTask(session: BookSession, spec: string | undefined): PlanTask {
  const { report } = session.state;
  if (!hasPlanTable(report.tables)) {
    throw new UsageError(
      `在 ${session.path} 中未找到抽查计划表（需要含“抽查计划编号”“抽查计划名称”等表头的工作表）。`,
    );
  }
  if (report.tasks.length === 0) {
    const reasons = listNoTaskReasons(report).map((f) => `${formatFindingPlace(f)} ${f.message}`);
    throw new UsageError(
      `${session.path} 中没有可抽取的任务：${reasons.join('；') || '计划表中没有任务行。'}请改正后再抽取（shuangsuiji validate ${session.path} 列出全部问题）。`,
    );
  }
  const list = report.tasks.map((t) => `${t.planNo}/${t.taskNo}`).join('、');
  const first = report.tasks[0];
  if (!spec)
    throw new UsageError(
      `请用 --task 指定任务，如 --task ${first ? `${first.planNo}/${first.taskNo}` : '2025001/001'}。可选：${list}`,
    );
  const found = findPlanTask(report.tasks, spec);
  if (!found.ok) throw new UsageError(`--task：${found.message}`);
  return found.task;
}
