/** The sample bureau book in memory, read as the steps read it, for the session tests. */
import { formatLogTime } from '../../../src/core/log';
import type { BureauSettings } from '../../../src/core/plan';
import { buildSampleBook } from '../../../src/core/sample';
import type { BookState, EventMeta } from '../../../src/core/session';
import { dateToSerialDay, makeDraw, planDraw } from '../../../src/core/session';
import type { WorkbookOp } from '../../../src/core/workbookOps';
import { createMemoryWorkbook, readBookState } from '../../../src/workbook';
import type { MemoryWorkbook } from '../../../src/workbook/memory';

export const NOW = new Date('2025-04-01T09:30:00+08:00');
export const DRAW_DATE = dateToSerialDay(NOW);
export const META: EventMeta = { time: formatLogTime(NOW), operator: '测试员' };
export const HEX = 'ab'.repeat(32);

/** Bureau settings a clerk would save in the sample book: 邢台市医疗保障局, 2025, teams of 3. */
export const SAMPLE_SETTINGS: BureauSettings = {
  year: 2025,
  division: '邢台市',
  department: '医疗保障局',
  teamSize: 3,
  jointDepartments: [],
  creditClasses: [],
};

export async function sampleBook(extra: WorkbookOp[] = []): Promise<MemoryWorkbook> {
  const book = createMemoryWorkbook();
  await book.apply([...buildSampleBook().ops, ...extra]);
  return book;
}

/** Applies the operations and reads the book again, as the pane does after every write. */
export async function applyAndRead(book: MemoryWorkbook, ops: WorkbookOp[]): Promise<BookState> {
  await book.apply(ops);
  return readBookState(book);
}

export function taskOf(state: BookState, planNo = '2025002', taskNo = '001') {
  const task = state.report.tasks.find((t) => t.planNo === planNo && t.taskNo === taskNo);
  if (!task) throw new Error(`no task ${planNo}/${taskNo}`);
  return task;
}

/** The sample book with task 2025002/001 drawn on the local seed HEX, read again after the draw. */
export async function drawnSampleBook(): Promise<{ book: MemoryWorkbook; state: BookState }> {
  const book = await sampleBook();
  const state = await readBookState(book);
  const d = makeDraw(
    state,
    planDraw(state, taskOf(state), {}, DRAW_DATE),
    { source: 'local', hex: HEX },
    META,
  );
  if (!d.ok) throw new Error('draw refused');
  return { book, state: await applyAndRead(book, d.ops) };
}
