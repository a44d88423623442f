/**
 * The sample bureau book (邢台市医疗保障局 2025) in a memory workbook with logged draws, for the
 * results tests; and small hand-made draws for the yearly figures.
 */
import type { DrawRecord, ResultEntry } from '../../../src/core/draw';
import type { DrawContext } from '../../../src/core/log/drawContext';
import { formatLogTime } from '../../../src/core/log/drawLog';
import type { LogEntry } from '../../../src/core/log/drawLog';
import { resultsRegisterName, resultsRegisterOps, type DrawItem } from '../../../src/core/results';
import { buildSampleBook } from '../../../src/core/sample';
import { dateToSerialDay } from '../../../src/core/session/dates';
import { makeDraw as makeLoggedDraw, planDraw, voidDraw as voidInLog } from '../../../src/core/session';
import type { CellInput } from '../../../src/core/workbookOps';
import { createMemoryWorkbook, readBookState, type BookState } from '../../../src/workbook';
import type { MemoryWorkbook } from '../../../src/workbook/memory';

export const NOW = new Date('2025-04-01T09:30:00+08:00');
export const TODAY = '2025-06-30';

/** The sample book with task 2025002/001 (joint, by credit class) drawn once, logged at NOW. */
export async function drawnBook(): Promise<{ book: MemoryWorkbook; state: BookState; draws: DrawItem[] }> {
  const book = createMemoryWorkbook();
  await book.apply(buildSampleBook().ops);
  await drawTask(book, '2025002', '001');
  const state = await readBookState(book);
  return { book, state, draws: state.events.draws };
}

/** Draws a task of the sample plan into the book, as the pane does. */
export async function drawTask(book: MemoryWorkbook, planNo: string, taskNo: string, at: Date = NOW): Promise<void> {
  const state = await readBookState(book);
  const task = state.report.tasks.find((t) => t.planNo === planNo && t.taskNo === taskNo)!;
  const outcome = makeLoggedDraw(state, planDraw(state, task, {}, dateToSerialDay(at)), { source: 'local', hex: 'ab'.repeat(32) }, { time: formatLogTime(at), operator: '测试员' });
  if (!outcome.ok && outcome.refusal) throw new Error(JSON.stringify(outcome.refusal));
  await book.apply(outcome.ops);
}

/** Voids a draw of the book's log. */
export async function voidDraw(book: MemoryWorkbook, seq: number, reason = '抽取范围有误'): Promise<void> {
  const state = await readBookState(book);
  const v = voidInLog(state, seq, reason, { time: formatLogTime(NOW), operator: '测试员' });
  if (!v.ok) throw new Error(JSON.stringify(v.refusal));
  await book.apply(v.ops);
}

/** Adds the results sheet of a draw and returns its name. */
export async function addResultsSheet(book: MemoryWorkbook, draw: DrawItem): Promise<string> {
  const names = (await book.listSheets()).map((s) => s.name);
  const sheet = resultsRegisterName(draw, names);
  await book.apply(resultsRegisterOps(draw, sheet));
  return sheet;
}

/**
 * Types into the results sheet, row i (0-based target index): from column D 检查结果, 检查日期,
 * 后续处置, 备注 (columns D, E, G, H: the 上报时间 column F is typed with {@link enterReportTime});
 * with another `column`, the cells go there as they are.
 */
export async function enter(book: MemoryWorkbook, sheet: string, i: number, cells: CellInput[], column = 'D'): Promise<void> {
  if (column !== 'D') {
    await book.apply([{ kind: 'write', sheet, address: `${column}${5 + i}`, rows: [cells] }]);
    return;
  }
  const [code = null, date = null, ...rest] = cells;
  await book.apply([
    { kind: 'write', sheet, address: `D${5 + i}`, rows: [[code, date]] },
    ...(rest.length ? [{ kind: 'write' as const, sheet, address: `G${5 + i}`, rows: [rest] }] : []),
  ]);
}

/** Types the 上报时间 (column F) of row i. */
export async function enterReportTime(book: MemoryWorkbook, sheet: string, i: number, value: CellInput): Promise<void> {
  await book.apply([{ kind: 'write', sheet, address: `F${5 + i}`, rows: [[value]] }]);
}

/** A date cell as Excel stores it: the serial with a date format. */
export function dateCell(iso: string): CellInput {
  const [y, m, d] = iso.split('-').map(Number);
  return { value: (Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86_400_000, format: 'yyyy-mm-dd' };
}

export type TeamSpec = { target: string; depts: string[]; creditClass?: string; stratum?: string };

/**
 * A hand-made draw: each team's members come from the named departments (one member each).
 * @example makeDraw(1, '2025-04-01', [{ target: 'T1', depts: ['医保', '市监'] }])
 */
export function makeDraw(
  seq: number,
  date: string,
  teams: TeamSpec[],
  options: { strata?: string[]; annualCap?: number | null; voided?: boolean; isSecret?: boolean; planNo?: string } = {},
): DrawItem {
  const inspectors: DrawContext['inspectors'] = {};
  const targets: DrawContext['targets'] = {};
  const result: ResultEntry[] = teams.map((t, i) => {
    const members = t.depts.map((d, j) => {
      const id = `P${seq}-${i}-${j}`;
      inspectors[id] = { name: `人员${id}`, badgeNo: id, unit: `邢台市${d}`, section: '', teamDepartment: d };
      return id;
    });
    targets[t.target] = { name: `对象${t.target}`, uscc: '', type: '药店', creditClass: t.creditClass ?? '', address: '', legalRep: '' };
    return { target: t.target, stratum: t.stratum ?? options.strata?.[0] ?? '全部对象', leader: members[0]!, members };
  });
  const departments = [...new Set(teams.flatMap((t) => t.depts))].map((name) => ({ name, min: 1 }));
  const strata = (options.strata ?? ['全部对象']).map((name) => ({ name, basisPoints: 500, candidates: [] as string[] }));
  const record = {
    protocol: 'ssj-draw/1',
    task: { planNo: options.planNo ?? `${date.slice(0, 4)}009`, taskNo: String(seq).padStart(3, '0'), planName: '', taskName: '' },
    seed: { source: 'local', hex: '00'.repeat(32) },
    strata,
    team: { size: 2, departments, maxPerInspector: 0, inspectors: [], exclusions: [] },
    result,
  } as unknown as DrawRecord;
  const settings: Record<string, number> = { recentWindowDays: 180, teamSize: 2, maxPerInspector: 0, drawDate: 0 };
  if (options.annualCap !== null) settings.annualCap = options.annualCap ?? 2;
  const context = {
    planName: '2025年某市医疗保障局随机抽查009',
    taskName: `第 ${seq} 批`,
    periodText: '',
    scope: '',
    isSecret: options.isSecret ? 1 : 0,
    matters: [],
    targets,
    inspectors,
    excludedTargets: [],
    excludedInspectors: [],
    pairExclusions: [],
    notes: [],
    settings,
  } as unknown as DrawContext;
  const entry = { seq, time: `${date}T09:00:00+08:00`, event: '抽取', planNo: record.task.planNo, taskNo: record.task.taskNo, hash: String(seq).repeat(64).slice(0, 64) } as LogEntry;
  return { seq, row: seq + 4, entry, record, context, substitutions: [], teams: result, voided: options.voided ? { seq: 99, reason: '测试' } : null, replaces: 0 };
}
