import { replaySubstitutions, runDraw, sha256Hex, substitute } from '../../../src/core/draw';
import type { DrawInputs, DrawRecord, InspectorEntry, SubstitutionRecord } from '../../../src/core/draw';
import { copyOf, deepFreeze, drawVector, vectors } from './vectors';

const { drawIndex, chain } = vectors.substitutions;
const vector = drawVector(drawIndex);
const record: DrawRecord = { ...vector.inputs, result: vector.result };

function requestOf(item: SubstitutionRecord): { target: string; out: string; reason: string } {
  return { target: item.target, out: item.out, reason: item.reason };
}

/** A record whose one target has a team of two from one department, drawn for real. */
function drawnRecord(
  inspectors: readonly InspectorEntry[],
  extra: Partial<DrawInputs['team']> = {},
): DrawRecord {
  const inputs: DrawInputs = {
    protocol: 'ssj-draw/1',
    task: { planNo: '2025001', taskNo: '002', planName: '', taskName: '' },
    seed: { source: 'local', hex: sha256Hex('substitute tests') },
    strata: [{ name: 'A', basisPoints: 10000, candidates: ['t1'] }],
    team: {
      size: 2,
      departments: [{ name: '医疗保障局', min: 2 }],
      maxPerInspector: 0,
      inspectors,
      exclusions: [],
      ...extra,
    },
  };
  const outcome = runDraw(inputs);
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.record;
}

describe('substitute', () => {
  it.each(chain.map((item, i) => [i, item.out, item.replacement] as const))(
    'reproduces chain step %i: %s is replaced by %s, against the team the earlier steps left',
    (i) => {
      const item = chain[i] as SubstitutionRecord;
      const outcome = substitute(record, requestOf(item), chain.slice(0, i));
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(outcome.substitution).toEqual(item);
    },
  );

  it('hands the leadership to a replaced leader’s replacement', () => {
    const first = chain[0] as SubstitutionRecord;
    const outcome = substitute(record, requestOf(first));
    expect(outcome).toMatchObject({
      ok: true,
      entry: { target: first.target, leader: first.replacement, members: [first.replacement, 'SJ0002'] },
    });
  });

  it('computes the same replacement from the inputs alone (the result is recomputed)', () => {
    const first = chain[0] as SubstitutionRecord;
    const outcome = substitute(vector.inputs, requestOf(first));
    expect(outcome.ok && outcome.substitution.replacement).toBe(first.replacement);
  });

  it('replaces a leader only with a staff member', () => {
    const inspectors: InspectorEntry[] = [
      { id: 'YB01', department: '医疗保障局', staff: true },
      { id: 'YB02', department: '医疗保障局', staff: false },
      { id: 'YB03', department: '医疗保障局', staff: false },
      { id: 'YB04', department: '医疗保障局', staff: false },
      { id: 'YB05', department: '医疗保障局', staff: true },
      { id: 'YB06', department: '医疗保障局', staff: false },
    ];
    const drawn = drawnRecord(inspectors);
    const team = drawn.result[0];
    if (team === undefined) throw new Error('no team');
    const outcome = substitute(drawn, { target: 't1', out: team.leader, reason: '因病无法履职' });
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const staff = new Set(inspectors.filter((p) => p.staff).map((p) => p.id));
    expect(staff.has(outcome.substitution.replacement)).toBe(true);
    expect(outcome.entry.leader).toBe(outcome.substitution.replacement);
  });

  it('fails when no staff member is left to take over as leader, and says why', () => {
    const drawn = drawnRecord([
      { id: 'YB01', department: '医疗保障局', staff: true },
      { id: 'YB02', department: '医疗保障局', staff: false },
      { id: 'YB03', department: '医疗保障局', staff: false },
    ]);
    const outcome = substitute(drawn, { target: 't1', out: 'YB01', reason: '因病无法履职' });
    if (outcome.ok) throw new Error('expected a failure');
    expect(outcome.failure.kind).toBe('no-replacement');
    const member = drawn.result[0]?.members[1];
    const other = member === 'YB02' ? 'YB03' : 'YB02';
    expect(outcome.failure.message).toBe(
      `检查对象 t1：递补 YB01 需要 1 名医疗保障局局部门工作人员（接任组长），可选 0 名：` +
        [`${member} 已在本组、非局部门工作人员`, `${other} 非局部门工作人员`].sort().join('，'),
    );
  });

  it('ignores maxPerInspector: a capped inspector may still come in', () => {
    const drawn = drawnRecord(
      [
        { id: 'YB01', department: '医疗保障局', staff: true },
        { id: 'YB02', department: '医疗保障局', staff: true },
        { id: 'YB03', department: '医疗保障局', staff: true },
      ],
      { maxPerInspector: 1 },
    );
    const member = drawn.result[0]?.members[1] ?? '';
    const outcome = substitute(drawn, { target: 't1', out: member, reason: '回避' });
    expect(outcome.ok).toBe(true);
  });

  it('never brings back someone removed earlier from that team', () => {
    const afterAll = replaySubstitutions(record, chain);
    if (!afterAll.ok) throw new Error(afterAll.failure.message);
    const team = afterAll.result.find((e) => e.target === chain[0]?.target);
    const removed = new Set(chain.map((c) => c.out));
    for (const id of team?.members ?? []) expect(removed.has(id)).toBe(false);
  });

  it('refuses a target that was not drawn', () => {
    const outcome = substitute(record, { target: '91410481000000999X', out: 'YB0002', reason: '回避' });
    expect(outcome).toMatchObject({
      ok: false,
      failure: {
        kind: 'invalid-request',
        message: '检查对象 91410481000000999X 不在本次抽取结果中，不能递补',
      },
    });
  });

  it('refuses an inspector who is not on the current team', () => {
    const first = chain[0] as SubstitutionRecord;
    const notOnTeam = substitute(record, { target: first.target, out: 'SJ0004', reason: '回避' });
    expect(notOnTeam).toMatchObject({ ok: false, failure: { kind: 'invalid-request' } });
    expect(!notOnTeam.ok && notOnTeam.failure.message).toBe(
      `SJ0004 不在检查对象 ${first.target} 的当前检查组，不能递补`,
    );
    // Once replaced, the same person cannot be replaced again.
    const again = substitute(record, requestOf(first), [first]);
    expect(!again.ok && again.failure.message).toBe(
      `${first.out} 已被递补撤出检查对象 ${first.target} 的当前检查组，不能递补`,
    );
  });

  it('refuses an earlier substitution whose replacement does not replay', () => {
    const first = chain[0] as SubstitutionRecord;
    const second = chain[1] as SubstitutionRecord;
    const forged = { ...first, replacement: 'YB0005' };
    const outcome = substitute(record, requestOf(second), [forged]);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'invalid-request' } });
    expect(!outcome.ok && outcome.failure.message).toBe(
      `第 1 条递补记录的 replacement 应为 ${first.replacement}，记录为 YB0005`,
    );
  });

  it('refuses an earlier substitution of another draw', () => {
    const first = chain[0] as SubstitutionRecord;
    const outcome = substitute(record, requestOf(chain[1] as SubstitutionRecord), [
      { ...first, draw: '0'.repeat(64) },
    ]);
    expect(!outcome.ok && outcome.failure.message).toContain('第 1 条递补记录不属于本次抽取');
  });

  it('refuses a record whose result is not the recomputed one', () => {
    const tampered = copyOf(record) as { result: { leader: string; members: string[] }[] } & DrawRecord;
    const entry = tampered.result[0];
    if (entry === undefined) throw new Error('no entry');
    entry.members[1] = 'SJ0004';
    const outcome = substitute(tampered, requestOf(chain[0] as SubstitutionRecord));
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'invalid-record' } });
  });

  it('refuses an empty or untrimmed reason', () => {
    const first = chain[0] as SubstitutionRecord;
    expect(substitute(record, { ...requestOf(first), reason: '' })).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-request' },
    });
    expect(substitute(record, { ...requestOf(first), reason: ' 回避' })).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-request' },
    });
  });

  it('does not mutate the record or the earlier substitutions', () => {
    const frozenRecord = deepFreeze(copyOf(record));
    const frozenChain = deepFreeze(copyOf(chain));
    const outcome = substitute(
      frozenRecord,
      requestOf(chain[2] as SubstitutionRecord),
      frozenChain.slice(0, 2),
    );
    expect(outcome.ok && outcome.substitution).toEqual(chain[2]);
    expect(frozenRecord).toEqual(record);
  });
});

describe('replaySubstitutions', () => {
  it('replays the vectors’ chain and returns the teams it leaves', () => {
    const outcome = replaySubstitutions(record, chain);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const last = chain[chain.length - 1] as SubstitutionRecord;
    const team = outcome.result.find((e) => e.target === last.target);
    expect(team?.members).toContain(last.replacement);
    expect(outcome.result.map((e) => e.target)).toEqual(vector.result.map((e) => e.target));
    const untouched = outcome.result.filter((e) => e.target !== last.target);
    expect(untouched).toEqual(vector.result.filter((e) => e.target !== last.target));
  });

  it('returns the drawn teams for an empty chain', () => {
    expect(replaySubstitutions(record, [])).toEqual({ ok: true, result: vector.result });
  });

  it('names the step that does not replay', () => {
    const broken = chain.map((item, i) => (i === 2 ? { ...item, replacement: 'YB0001' } : item));
    const outcome = replaySubstitutions(record, broken);
    expect(!outcome.ok && outcome.failure.message).toMatch(/^第 3 条递补记录的 replacement 应为/);
  });
});
