/**
 * #6 acceptance: filling 500 forms in the add-in takes a constant number of sync() calls per batch
 * and stays under the 5 MB request limit. The forms are built by the real core from a real draw,
 * in the pane's batches (FormsPanel: FORMS_PER_BATCH per port.apply), and applied through the
 * Office adapter on the counting fake.
 */
import { buildRecordFormsOps, recordFormsSheetName } from '../../src/core/forms';
import { formatLogTime } from '../../src/core/log/drawLog';
import { resultsRegisterOps, type DrawItem } from '../../src/core/results';
import { buildSampleBook } from '../../src/core/sample';
import { makeDraw, planDraw } from '../../src/core/session';
import { createMemoryWorkbook, readBookState } from '../../src/workbook';
import { PAYLOAD_LIMIT_BYTES } from '../../src/workbook/office/payload';
import { FORMS_PER_BATCH } from '../../src/taskpane/components/FormsPanel';
import { officeOnFake } from './officeOnFake';

/** A logged draw of 25 % of a 2,400-target sample book: more than 500 targets, each with a team. */
async function bigDraw(): Promise<DrawItem> {
  const book = createMemoryWorkbook();
  await book.apply(buildSampleBook({ targets: 2_400 }).ops);
  const state = await readBookState(book);
  const task = { ...state.report.tasks[0]!, taskType: 'undirected' as const, ratio: { kind: 'plain' as const, basisPoints: 2_500 } };
  const drawn = makeDraw(state, planDraw(state, task, { recentWindowDays: 0, annualCap: 0 }, 45_748), { source: 'local', hex: '33'.repeat(32) }, { time: formatLogTime(new Date('2025-04-01T09:30:00+08:00')), operator: '测试' });
  if (!drawn.ok) throw new Error(drawn.refusal ? JSON.stringify(drawn.refusal) : drawn.failure.message);
  await book.apply(drawn.ops);
  return (await readBookState(book)).events.draws[0]!;
}

type Run = { perBatch: number[]; maxRequest: number; forms: number };

/** Writes the first `n` targets' forms through the Office adapter, batch by batch as the pane does. */
async function fillForms(draw: DrawItem, n: number): Promise<Run> {
  const record = { ...draw.record, result: draw.teams.slice(0, n) };
  const { fake, book: port } = officeOnFake();
  fake.seed('计划', [['抽查计划编号']]);
  const sheetName = recordFormsSheetName(record);
  const perBatch: number[] = [];
  let maxRequest = 0;
  for (let start = 0; start < n; start += FORMS_PER_BATCH) {
    fake.resetSyncs();
    await port.apply(buildRecordFormsOps(record, draw.context, { sheetName, startIndex: start, count: FORMS_PER_BATCH }));
    perBatch.push(fake.syncCount);
    maxRequest = Math.max(maxRequest, ...fake.syncs.map((s) => s.requestBytes));
  }
  const forms = [...fake.sheet(sheetName)!.cells.values()].filter((c) => c.value === '部门联合抽查检查情况记录表').length;
  return { perBatch, maxRequest, forms };
}

describe('500 record forms through the Office adapter', () => {
  let draw: DrawItem;
  beforeAll(async () => {
    draw = await bigDraw();
  }, 60_000);

  it('takes the same sync() calls per batch for 500 forms as for 50, and no request reaches 5 MB', async () => {
    expect(draw.teams.length).toBeGreaterThanOrEqual(500);
    const small = await fillForms(draw, 50);
    const large = await fillForms(draw, 500);
    expect(small.forms).toBe(50);
    expect(large.forms).toBe(500);
    expect(large.perBatch).toHaveLength(500 / FORMS_PER_BATCH);
    // Every batch costs the same constant: it does not grow with the number of forms already written.
    expect(new Set(large.perBatch)).toEqual(new Set(small.perBatch));
    expect(Math.max(...large.perBatch)).toBeLessThanOrEqual(3);
    expect(large.maxRequest).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(small.maxRequest).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }, 60_000);

  it('writes the results entry sheet of 500 targets in as many syncs as that of 50', async () => {
    const syncs = async (n: number) => {
      const { fake, book: port } = officeOnFake();
      fake.seed('计划', [['抽查计划编号']]);
      await port.apply(resultsRegisterOps({ ...draw, teams: draw.teams.slice(0, n) }, '检查结果-x'));
      return { count: fake.syncCount, max: Math.max(...fake.syncs.map((s) => s.requestBytes)) };
    };
    const small = await syncs(50);
    const large = await syncs(500);
    expect(large.count).toBe(small.count);
    expect(large.max).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  }, 60_000);
});
