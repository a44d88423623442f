import {
  formsSheetsOf,
  planRecordForms,
  planResultsRegisters,
  substituteInspector,
  voidDraw,
} from '../../../src/core/session';
import { readBookState } from '../../../src/workbook';
import { applyAndRead, drawnSampleBook, META } from './sessionFixture';

describe('planRecordForms', () => {
  it('names the forms sheet after the task and tags it with its draw, outside the printed area', async () => {
    const { book, state } = await drawnSampleBook();
    const planned = planRecordForms(state, {});
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.sheets).toEqual(['记录表-2025002-001']);
    expect(planned.plan.replaces).toEqual([]);
    const after = await applyAndRead(book, planned.plan.batches.flat());
    expect(formsSheetsOf(after, after.events.draws[0]!).map((f) => f.sheet)).toEqual(['记录表-2025002-001']);
    expect(book.cell('记录表-2025002-001', 'H1')?.value).toMatch(/^双随机抽查助手·记录表：第 1 条抽取/);
  });

  it('regenerates a draw’s forms in place: same name, old sheet gone only in the last batch', async () => {
    const { book, state } = await drawnSampleBook();
    const first = planRecordForms(state, {});
    if (!first.ok) throw new Error(first.message);
    const after = await applyAndRead(book, first.plan.batches.flat());
    const again = planRecordForms(after, { batchSize: 4 });
    if (!again.ok) throw new Error(again.message);
    expect(again.plan.sheets).toEqual(['记录表-2025002-001']);
    expect(again.plan.replaces).toEqual(['记录表-2025002-001']);
    const batches = again.plan.batches;
    expect(batches.length).toBeGreaterThan(1);
    // Until the last batch nothing touches the existing sheet.
    for (const ops of batches.slice(0, -1))
      expect(ops.some((op) => op.sheet === '记录表-2025002-001')).toBe(false);
    const names = (await applyAndRead(book, batches.flat())).sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith('记录表'))).toEqual(['记录表-2025002-001']);
  });

  it('refuses a draw number that is not a draw, naming the choices', async () => {
    const { state } = await drawnSampleBook();
    expect(planRecordForms(state, { seq: 9 })).toEqual({
      ok: false,
      message: '抽取记录第 9 条不是一次抽取（可选：1）。',
    });
  });
});

describe('substituteInspector', () => {
  it('rewrites the result row, marks the draw’s forms out of date and appends the 递补 row last', async () => {
    const { book, state } = await drawnSampleBook();
    const forms = planRecordForms(state, {});
    if (!forms.ok) throw new Error(forms.message);
    const withForms = await applyAndRead(book, forms.plan.batches.flat());
    const team = withForms.events.draws[0]!.teams[0]!;
    const outcome = substituteInspector(
      withForms,
      1,
      { target: team.target, out: team.leader, reason: '因病' },
      META,
    );
    if (!outcome.ok) throw new Error('substitution refused');
    expect(outcome.staleForms).toEqual(['记录表-2025002-001']);
    expect(outcome.resultSheet).toBe('抽取结果-2025002-001');
    expect(outcome.ops.at(-1)).toMatchObject({ kind: 'protect', sheet: '_ssj_data' });
    await book.apply(outcome.ops);
    expect(book.cell('记录表-2025002-001', 'H2')?.value).toMatch(/^本表已过时：抽取记录第 2 条递补/);
    // Generating again replaces the stale forms and drops the mark.
    const again = planRecordForms(await readBookState(book), {});
    if (!again.ok) throw new Error(again.message);
    expect(again.plan.replaces).toEqual(['记录表-2025002-001']);
    await book.apply(again.plan.batches.flat());
    expect(book.cell('记录表-2025002-001', 'H2')?.value ?? null).toBeNull();
  });

  it('says why when the target or the inspector is not on the draw (nothing logged)', async () => {
    const { state } = await drawnSampleBook();
    const outcome = substituteInspector(state, 1, { target: '不存在的药店', out: 'x', reason: '因病' }, META);
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: 'invalid' } });
  });
});

describe('planResultsRegisters', () => {
  it('adds one register per standing draw without one, and none for a voided draw', async () => {
    const { book, state } = await drawnSampleBook();
    const planned = planResultsRegisters(state);
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.plan.added.map((a) => a.sheet)).toEqual(['检查结果-2025002-001-1']);
    const after = await applyAndRead(book, planned.plan.ops);
    expect(planResultsRegisters(after)).toMatchObject({
      ok: true,
      plan: { added: [], existing: [{ seq: 1 }] },
    });
    const v = voidDraw(after, 1, '范围有误', META);
    if (!v.ok) throw new Error('void refused');
    const voided = await applyAndRead(book, v.ops);
    expect(planResultsRegisters(voided, 1)).toEqual({
      ok: false,
      message: '抽取记录第 1 条已于第 2 条作废，不再登记检查结果：请为重新抽取的那次生成登记表。',
    });
  });
});
