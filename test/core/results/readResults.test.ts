import type { Grid } from '../../../src/core/grid';
import { readResults } from '../../../src/core/results';
import { readBookState } from '../../../src/workbook';
import type { MemoryWorkbook } from '../../../src/workbook/memory';
import { addResultsSheet, dateCell, drawnBook, drawTask, enter, enterReportTime, TODAY, voidDraw } from './resultsFixture';

async function gridsOf(book: MemoryWorkbook): Promise<Grid[]> {
  return book.readSheets((await book.listSheets()).map((s) => s.name));
}

async function setUp() {
  const { book, draws } = await drawnBook();
  const sheet = await addResultsSheet(book, draws[0]!);
  return { book, draws, sheet, draw: draws[0]! };
}

describe('readResults', () => {
  it('reads codes, meanings, dates in every common form, follow-ups and notes', async () => {
    const { book, draws, sheet } = await setUp();
    await enter(book, sheet, 0, [1, dateCell('2025-06-03'), '无需后续处置', '']);
    await enter(book, sheet, 1, ['5', '2025年6月4日', '责令改正', '已当场整改']);
    await enter(book, sheet, 2, ['８', '2025-6-5', '移送']);
    await enter(book, sheet, 3, ['9.合格', '2025.6.6', '无需后续处置']);
    await enter(book, sheet, 4, ['未发现本次抽查涉及的经营活动', '20250607']);
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    const t = reading.draws[0]!.targets;
    expect(t[0]).toMatchObject({ code: '1', meaning: '未发现问题', date: '2025-06-03', followUp: '无需后续处置', note: '', sheet, cell: 'D5' });
    expect(t[1]).toMatchObject({ code: '5', meaning: '发现问题已责令整改', date: '2025-06-04', followUp: '责令改正', note: '已当场整改' });
    expect(t[2]).toMatchObject({ code: '8', date: '2025-06-05', followUp: '移送' });
    expect(t[3]).toMatchObject({ code: '9', meaning: '合格', date: '2025-06-06' });
    expect(t[4]).toMatchObject({ code: '7', date: '2025-06-07', followUp: '' });
    expect(t[5]).toMatchObject({ code: '', meaning: '', date: '', cell: 'D10' });
    expect(reading.draws[0]).toMatchObject({ entered: 5, pending: t.length - 5 });
    expect(reading.findings).toEqual([]);
  });

  it('reports an invalid code, a date that is not one, in the future or before the draw, each at its cell', async () => {
    const { book, draws, sheet } = await setUp();
    await enter(book, sheet, 0, [11, dateCell('2025-06-03')]);
    await enter(book, sheet, 1, ['合规', '六月三日']);
    await enter(book, sheet, 2, [1, dateCell('2025-07-01'), '无需后续处置']);
    await enter(book, sheet, 3, [1, '2025-03-31', '无需后续处置']);
    await enter(book, sheet, 4, [1, '2025-02-30', '无需后续处置']);
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    const got = reading.findings.map((f) => [f.code, f.severity, f.cell]);
    expect(got).toEqual([
      ['RESULTS_CODE_INVALID', 'error', 'D5'],
      ['RESULTS_CODE_INVALID', 'error', 'D6'],
      ['RESULTS_DATE_INVALID', 'error', 'E6'],
      ['RESULTS_DATE_FUTURE', 'error', 'E7'],
      ['RESULTS_DATE_BEFORE_DRAW', 'error', 'E8'],
      ['RESULTS_DATE_INVALID', 'error', 'E9'],
    ]);
    expect(reading.findings[0]!.message).toMatch(/检查结果“11”不是有效编号：请填 1–10 中的一个（1\.未发现问题 .*10\.不合格）/);
    expect(reading.findings[3]!.message).toContain('晚于今天（2025-06-30）');
    expect(reading.findings[4]!.message).toContain('早于抽取日期 2025-04-01');
    // Invalid codes are pending; a valid code with a refused date keeps its code, not the date.
    expect(reading.draws[0]!.targets.slice(0, 4).map((t) => [t.code, t.date])).toEqual([
      ['', '2025-06-03'],
      ['', ''],
      ['1', ''],
      ['1', ''],
    ]);
    expect(reading.findings.every((f) => f.sheet === sheet)).toBe(true);
  });

  it('checks the follow-up against the list and against the result', async () => {
    const { book, draws, sheet } = await setUp();
    await enter(book, sheet, 0, [1, dateCell('2025-06-03'), '责令整改']);
    await enter(book, sheet, 1, [2, dateCell('2025-06-03'), '无需后续处置']);
    await enter(book, sheet, 2, [10, dateCell('2025-06-03')]);
    await enter(book, sheet, 3, [9, dateCell('2025-06-03'), '移送']);
    await enter(book, sheet, 4, [7, dateCell('2025-06-03')]);
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    expect(reading.findings.map((f) => [f.code, f.severity, f.cell, f.suggestion])).toEqual([
      ['RESULTS_FOLLOW_UP_INVALID', 'error', 'G5', '责令改正'],
      ['RESULTS_FOLLOW_UP_MISSING', 'warning', 'G6', undefined],
      ['RESULTS_FOLLOW_UP_MISSING', 'warning', 'G7', undefined],
      ['RESULTS_FOLLOW_UP_UNEXPECTED', 'warning', 'G8', undefined],
    ]);
    expect(reading.findings[1]!.message).toContain('检查结果为 2（未按规定公示应当公示的信息），属于发现问题，后续处置却是“无需后续处置”');
  });

  it('warns about a date without a result and a result without a date', async () => {
    const { book, draws, sheet } = await setUp();
    await enter(book, sheet, 0, [null, dateCell('2025-06-03')]);
    await enter(book, sheet, 1, [1, null, '无需后续处置']);
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    expect(reading.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ['RESULTS_CODE_MISSING', 'warning', 'D5'],
      ['RESULTS_DATE_MISSING', 'warning', 'E6'],
    ]);
    expect(reading.draws[0]!.entered).toBe(1);
  });

  it('refuses rows whose name or code no longer match the draw, naming the cell, and does not count them', async () => {
    const { book, draws, sheet, draw } = await setUp();
    const t0 = draw.context.targets[draw.teams[0]!.target]!;
    const t1 = draw.context.targets[draw.teams[1]!.target]!;
    // The clerk sorted two rows (names swapped) and retyped a code.
    await enter(book, sheet, 0, [t1.name], 'B');
    await enter(book, sheet, 1, [t0.name], 'B');
    await enter(book, sheet, 2, ['911305000000000000'], 'C');
    await enter(book, sheet, 0, [1, dateCell('2025-06-03'), '无需后续处置']);
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    expect(reading.findings.map((f) => [f.code, f.cell])).toEqual([
      ['RESULTS_ROW_MISMATCH', 'B5'],
      ['RESULTS_ROW_MISMATCH', 'B6'],
      ['RESULTS_ROW_MISMATCH', 'C7'],
    ]);
    expect(reading.findings[0]!.message).toContain(`这一行应为第 1 个检查对象“${t0.name}”，实为“${t1.name}”`);
    expect(reading.findings[0]!.suggestion).toBe(t0.name);
    expect(reading.draws[0]!.entered).toBe(0);
  });

  it('ties the sheet to its draw by row 2 even when the sheet is renamed', async () => {
    const { book, draws, sheet } = await setUp();
    await enter(book, sheet, 0, [1, dateCell('2025-06-03'), '无需后续处置']);
    const grids = (await gridsOf(book)).map((g) => (g.sheet === sheet ? { ...g, sheet: '六月检查' } : g));
    const reading = readResults(grids, draws, { today: TODAY });
    expect(reading.draws[0]).toMatchObject({ sheet: '六月检查', entered: 1 });
  });

  it('reports a sheet whose chain hash is not the draw’s, and a second sheet for the same draw', async () => {
    const { book, draws, sheet, draw } = await setUp();
    const second = await addResultsSheet(book, draw);
    await book.apply([{ kind: 'write', sheet, address: 'A2', rows: [[`抽取记录第 1 条｜链摘要 ${'0'.repeat(64)}`]] }]);
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    expect(reading.findings.map((f) => [f.code, f.severity, f.sheet])).toEqual([
      ['RESULTS_DRAW_UNKNOWN', 'error', sheet],
    ]);
    expect(reading.draws[0]!.sheet).toBe(second);
    await book.apply([{ kind: 'write', sheet, address: 'A2', rows: [[`抽取记录第 1 条｜链摘要 ${draw.entry.hash}`]] }]);
    const again = readResults(await gridsOf(book), draws, { today: TODAY });
    expect(again.findings.map((f) => [f.code, f.severity, f.sheet])).toEqual([['RESULTS_SHEET_DUPLICATE', 'warning', second]]);
    expect(again.draws[0]!.sheet).toBe(sheet);
  });

  it('warns about the results sheet of a voided draw and does not count it', async () => {
    const { book, sheet } = await setUp();
    await enter(book, sheet, 0, [1, dateCell('2025-06-03'), '无需后续处置']);
    await voidDraw(book, 1);
    const state = await readBookState(book);
    const reading = readResults(state.grids, state.events.draws, { today: TODAY });
    expect(reading.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([['RESULTS_DRAW_VOIDED', 'warning', 'A2']]);
    expect(reading.findings[0]!.message).toContain('已于第 2 条作废（抽取范围有误）');
    expect(reading.draws[0]).toMatchObject({ isVoided: true, entered: 0 });
  });

  it('reports a damaged header instead of guessing the columns', async () => {
    const { book, draws, sheet } = await setUp();
    await book.apply([{ kind: 'write', sheet, address: 'E4', rows: [['日期']] }]);
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    expect(reading.findings.map((f) => f.code)).toEqual(['RESULTS_HEADER_MISSING']);
    expect(reading.draws[0]!.pending).toBe(draws[0]!.teams.length);
  });

  it('gives every draw an entry, all pending, when there are no results sheets', async () => {
    const { book, draws } = await drawnBook();
    await drawTask(book, '2025002', '002', new Date('2025-09-01T09:00:00+08:00'));
    const state = await readBookState(book);
    const all = state.events.draws;
    const reading = readResults(state.grids, all);
    expect(reading.draws.map((d) => [d.seq, d.sheet, d.entered])).toEqual([
      [1, '', 0],
      [2, '', 0],
    ]);
    expect(reading.draws[1]!.pending).toBe(all[1]!.teams.length);
    expect(draws).toHaveLength(1);
    expect(reading.findings).toEqual([]);
  });
});

describe('readResults: 上报时间 (乌鲁木齐 2023: within 24 hours of the check)', () => {
  async function entered() {
    const { book, draws } = await drawnBook();
    const sheet = await addResultsSheet(book, draws[0]!);
    await enter(book, sheet, 0, [1, dateCell('2025-06-03'), '无需后续处置']);
    await enter(book, sheet, 1, [1, dateCell('2025-06-03'), '无需后续处置']);
    await enter(book, sheet, 2, [1, dateCell('2025-06-03'), '无需后续处置']);
    await enter(book, sheet, 3, [1, dateCell('2025-06-03'), '无需后续处置']);
    await enterReportTime(book, sheet, 0, '2025-06-04 16:30');
    await enterReportTime(book, sheet, 1, '2025年6月6日9时00分');
    await enterReportTime(book, sheet, 3, '下午');
    return { book, draws, sheet };
  }

  it('reads the 上报时间 and, with the bureau’s limit, names late and missing reports at their cells', async () => {
    const { book, draws, sheet } = await entered();
    const reading = readResults(await gridsOf(book), draws, { today: TODAY, reportHours: 24 });
    expect(reading.draws[0]!.targets.slice(0, 2).map((t) => t.reportedAt)).toEqual(['2025-06-04 16:30', '2025-06-06 09:00']);
    expect(reading.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['RESULTS_REPORT_LATE', sheet, 'F6'],
      ['RESULTS_REPORT_MISSING', sheet, 'F7'],
      ['RESULTS_REPORT_TIME_INVALID', sheet, 'F8'],
    ]);
    expect(reading.findings[0]!.message).toContain('于 2025-06-03 检查，2025-06-06 09:00 才上报，超过本局要求的检查后 24 小时');
  });

  it('checks no time limit when the bureau sets none', async () => {
    const { book, draws } = await entered();
    const reading = readResults(await gridsOf(book), draws, { today: TODAY });
    expect(reading.findings.map((f) => f.code)).toEqual(['RESULTS_REPORT_TIME_INVALID']);
  });
});
