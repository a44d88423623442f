import { saveSettingsOps } from '../../../src/core/plan';
import { commitDraw, makeDraw, planDraw, voidDraw } from '../../../src/core/session';
import { readBookState } from '../../../src/workbook';
import {
  applyAndRead,
  DRAW_DATE,
  drawnSampleBook,
  HEX,
  META,
  SAMPLE_SETTINGS,
  sampleBook,
  taskOf,
} from './sessionFixture';

describe('planDraw', () => {
  it('takes the team size and the department from the bureau settings saved in the book', async () => {
    const state = await readBookState(await sampleBook(saveSettingsOps(SAMPLE_SETTINGS, false)));
    const plan = planDraw(state, taskOf(state), {}, DRAW_DATE);
    expect(plan.settings.teamSize).toBe(3);
    expect(plan.settings.bureauDepartment).toBe('医疗保障局');
    expect(plan.ready?.inputs.team.size).toBe(3);
  });

  it('lets the clerk’s rules win over the settings, and the defaults fill the rest', async () => {
    const state = await readBookState(await sampleBook());
    const plan = planDraw(state, taskOf(state), { teamSize: 4, annualCap: 0 }, DRAW_DATE);
    expect(plan.settings).toMatchObject({
      teamSize: 4,
      annualCap: 0,
      recentWindowDays: 180,
      maxPerInspector: 0,
    });
  });

  it('counts each stratum’s picks as ceil(n × ratio) in integers', async () => {
    const state = await readBookState(await sampleBook());
    const plan = planDraw(state, taskOf(state), {}, DRAW_DATE);
    for (const s of plan.strata)
      expect(s.picks).toBe(Math.floor((s.candidates * s.basisPoints + 9999) / 10000));
    expect(plan.picks).toBe(plan.strata.reduce((n, s) => n + s.picks, 0));
  });
});

describe('commitDraw and makeDraw', () => {
  it('draws from the inputs and context frozen at the commitment, not from today’s directories', async () => {
    const book = await sampleBook();
    let state = await readBookState(book);
    const committed = commitDraw(
      state,
      planDraw(state, taskOf(state), {}, DRAW_DATE),
      '2025-04-01 福彩3D 第2025086期 开奖号码：d d d',
      META,
    );
    if (!committed.ok) throw new Error('commit refused');
    state = await applyAndRead(book, committed.ops);
    // After the commitment a target leaves the directory: the draw must not notice.
    const frozen = state.events.commitments[0]!;
    const gone = frozen.inputs.strata[0]!.candidates[0]!;
    const dirSheet = state.dirs.targets.find((t) => t.id === gone)!;
    expect(dirSheet).toBeDefined();
    state = { ...state, dirs: { ...state.dirs, targets: state.dirs.targets.filter((t) => t.id !== gone) } };
    const plan = planDraw(state, taskOf(state), { teamSize: 5 }, DRAW_DATE + 30);
    expect(plan.pending?.seq).toBe(1);
    expect(plan.ready?.inputs).toEqual((({ seed: _s, ...rest }) => rest)(frozen.inputs));
    expect(plan.settings.teamSize).toBe(frozen.inputs.team.size);
    const drawn = makeDraw(
      state,
      plan,
      { source: 'public', text: '2025-04-01 福彩3D 第2025086期 开奖号码：3 7 1' },
      META,
    );
    if (!drawn.ok) throw new Error('draw refused');
    expect(drawn.isUncommitted).toBe(false);
    expect(drawn.record.strata[0]!.candidates).toContain(gone);
    expect(drawn.record.seed).toMatchObject({
      source: 'public',
      announcement: '2025-04-01 福彩3D 第2025086期 开奖号码：d d d',
    });
    expect(drawn.context.planName).toBe(frozen.context.planName);
  });

  it('uses a commitment once: after its draw (even a voided one) the task needs a new commitment', async () => {
    const book = await sampleBook();
    let state = await readBookState(book);
    const c = commitDraw(state, planDraw(state, taskOf(state), {}, DRAW_DATE), '开奖号码：d d d', META);
    if (!c.ok) throw new Error('commit refused');
    state = await applyAndRead(book, c.ops);
    const d = makeDraw(
      state,
      planDraw(state, taskOf(state), {}, DRAW_DATE),
      { source: 'public', text: '开奖号码：1 2 3' },
      META,
    );
    if (!d.ok) throw new Error('draw refused');
    state = await applyAndRead(book, d.ops);
    const v = voidDraw(state, d.entry.seq, '范围有误', META);
    if (!v.ok) throw new Error('void refused');
    state = await applyAndRead(book, v.ops);
    const again = planDraw(state, taskOf(state), {}, DRAW_DATE);
    expect(again.pending).toBeNull();
    expect(again.blocker).toBeNull();
    expect(again.replaces).toBe(d.entry.seq);
  });

  it('refuses a second commitment while one is pending', async () => {
    const book = await sampleBook();
    let state = await readBookState(book);
    const c = commitDraw(state, planDraw(state, taskOf(state), {}, DRAW_DATE), '开奖号码：d d d', META);
    if (!c.ok) throw new Error('commit refused');
    state = await applyAndRead(book, c.ops);
    const second = commitDraw(
      state,
      planDraw(state, taskOf(state), {}, DRAW_DATE),
      '另一期 开奖号码：d d d',
      META,
    );
    expect(second).toMatchObject({ ok: false, refusal: { kind: 'pending', commitment: { seq: 1 } } });
  });

  it('writes the result sheet before the log row, so a failed sheet write logs nothing', async () => {
    const state = await readBookState(await sampleBook());
    const drawn = makeDraw(
      state,
      planDraw(state, taskOf(state), {}, DRAW_DATE),
      { source: 'local', hex: HEX },
      META,
    );
    if (!drawn.ok) throw new Error('draw refused');
    const kinds = drawn.ops.map((op) => `${op.kind}:${op.sheet}`);
    const lastResult = kinds.lastIndexOf(`protect:${drawn.resultSheet}`);
    const firstLog = kinds.findIndex((k) => k.endsWith(':抽取记录'));
    expect(lastResult).toBeGreaterThanOrEqual(0);
    expect(firstLog).toBeGreaterThan(lastResult);
  });

  it('refuses to draw a task whose draw stands, and to extend a broken log', async () => {
    const { state } = await drawnSampleBook();
    expect(planDraw(state, taskOf(state), {}, DRAW_DATE).blocker).toEqual({ kind: 'drawn', seq: 1 });
    const broken = {
      ...state,
      log: {
        ...state.log,
        rows: state.log.rows.map((r) => ({ ...r, entry: { ...r.entry, operator: '别人' } })),
      },
    };
    const plan = planDraw(broken, taskOf(state, '2025001', '001'), {}, DRAW_DATE);
    expect(plan.blocker?.kind).toBe('chain');
    expect(makeDraw(broken, plan, { source: 'local', hex: HEX }, META)).toMatchObject({
      ok: false,
      refusal: { kind: 'blocked' },
    });
  });

  it('logs a draw that cannot be made as a 失败 row and nothing else', async () => {
    const state = await readBookState(await sampleBook());
    const plan = planDraw(state, taskOf(state), { teamSize: 20 }, DRAW_DATE);
    const outcome = makeDraw(state, plan, { source: 'local', hex: HEX }, META);
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.refusal) throw new Error('expected a logged failure');
    expect(outcome.entry.event).toBe('失败');
    expect(outcome.ops.some((op) => op.kind === 'addSheet' && op.sheet.startsWith('抽取结果'))).toBe(false);
  });
});
