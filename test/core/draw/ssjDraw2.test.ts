/**
 * ssj-draw/2 (spec §12): at least `team.minStaff` 局部门工作人员 on every team. The spec's vectors
 * (test/data/ssj-draw-vectors-v2.json) are reproduced byte for byte; the rest pins the behaviour a
 * user sees: the failure message, substitutions that keep the minimum, /1 records unchanged.
 */
import {
  replayRecord,
  replaySubstitutions,
  runDraw,
  sha256Hex,
  substitute,
  validateDrawRecord,
} from '../../../src/core/draw';
import type { DrawInputs, DrawRecord, InspectorEntry, SubstitutionRecord } from '../../../src/core/draw';
import { copyOf, drawVectorV2, expectDrawRefused, expectDrawReproduced, vectorsV2 } from './vectors';

function staffCount(record: DrawInputs, members: readonly string[]): number {
  const staff = new Set(record.team.inspectors.filter((p) => p.staff).map((p) => p.id));
  return members.filter((id) => staff.has(id)).length;
}

/** One target, one department; `minStaff` set, so the record is ssj-draw/2. */
function oneTarget(inspectors: readonly InspectorEntry[], size: number, minStaff: number): DrawInputs {
  return {
    protocol: 'ssj-draw/2',
    task: { planNo: '2024001', taskNo: '001', planName: '', taskName: '' },
    seed: { source: 'local', hex: sha256Hex('ssj-draw/2 tests') },
    strata: [{ name: 'A', basisPoints: 10000, candidates: ['t1'] }],
    team: {
      size,
      departments: [{ name: '医疗保障局', min: 1 }],
      maxPerInspector: 0,
      inspectors,
      exclusions: [],
      minStaff,
    },
  };
}

describe('runDraw under ssj-draw/2', () => {
  it.each(vectorsV2.draws.map((v, i) => [i, v.title, v] as const))(
    'reproduces draw vector %i (%s)',
    (_, __, vector) => {
      expectDrawReproduced(vector);
    },
  );

  it.each(vectorsV2.failures.map((v) => [v.title, v] as const))(
    'refuses failure vector “%s” with its kind and no result',
    (_, vector) => expectDrawRefused(vector),
  );

  it('puts at least minStaff staff on every team of every vector', () => {
    for (const vector of vectorsV2.draws) {
      const minStaff = vector.inputs.team.minStaff ?? 1;
      for (const entry of vector.result) {
        expect(staffCount(vector.inputs, entry.members)).toBeGreaterThanOrEqual(minStaff);
      }
    }
  });

  it('with minStaff 1 picks exactly what ssj-draw/1 picks, under other digests', () => {
    const vector = vectorsV2.draws.find((v) => v.inputs.team.minStaff === 1);
    if (vector === undefined) throw new Error('no minStaff 1 vector');
    const { minStaff: _, ...team } = vector.inputs.team;
    const v1 = runDraw({ ...vector.inputs, protocol: 'ssj-draw/1', team });
    if (!v1.ok) throw new Error(v1.failure.message);
    expect(v1.result).toEqual(vector.result);
    expect(v1.recordDigest).not.toBe(vector.recordDigest);
  });

  it('draws a non-staff second member under /1 where /2 takes staff (偃师 第二十条)', () => {
    const inspectors: InspectorEntry[] = [
      { id: 'YB0001', department: '医疗保障局', staff: true },
      { id: 'YB0002', department: '医疗保障局', staff: false },
      { id: 'YB0003', department: '医疗保障局', staff: false },
      { id: 'YB0004', department: '医疗保障局', staff: false },
      { id: 'YB0005', department: '医疗保障局', staff: true },
    ];
    const targets = Array.from({ length: 12 }, (_, i) => `t${String(i).padStart(2, '0')}`);
    const v2 = { ...oneTarget(inspectors, 2, 2), strata: [{ name: 'A', basisPoints: 10000, candidates: targets }] };
    const { minStaff: _, ...team } = v2.team;
    const v1 = runDraw({ ...v2, protocol: 'ssj-draw/1', team });
    const drawn = runDraw(v2);
    if (!v1.ok || !drawn.ok) throw new Error('expected both draws to succeed');
    expect(v1.result.some((e) => staffCount(v2, e.members) < 2)).toBe(true);
    expect(drawn.result.every((e) => staffCount(v2, e.members) === 2)).toBe(true);
  });

  it('explains too few staff: target, minStaff, the phase, m, and why the other staff are out', () => {
    const outcome = runDraw(vectorsV2.failures[0]?.inputs as DrawInputs);
    if (outcome.ok) throw new Error('expected a failure');
    expect(outcome.failure.message).toBe(
      '检查对象 t1：每个检查组至少要有 2 名局部门工作人员，补足其余组员（不限部门）时须抽 1 名局部门工作人员，可选 0 名：YB0001 已在本组',
    );
    expect(outcome.failure.details).toEqual({
      target: 't1',
      stratum: 'A',
      slot: 'extra',
      department: null,
      minStaff: 2,
      needed: 1,
      eligible: 0,
      eligibleInspectors: [],
      ineligible: [{ inspector: 'YB0001', reasons: ['already-chosen'] }],
    });
  });

  it('names the department phase and says when the department has no staff at all', () => {
    const outcome = runDraw(vectorsV2.failures[1]?.inputs as DrawInputs, { names: { t1: '舞钢市康泰药房' } });
    expect(!outcome.ok && outcome.failure.message).toBe(
      '检查对象 舞钢市康泰药房：每个检查组至少要有 2 名局部门工作人员，抽取市场监督管理局人员时须抽 1 名局部门工作人员，可选 0 名：市场监督管理局没有其他局部门工作人员',
    );
  });

  it('lists excluded and capped staff as the reasons', () => {
    const inspectors: InspectorEntry[] = [
      { id: 'YB0001', department: '医疗保障局', staff: true },
      { id: 'YB0002', department: '医疗保障局', staff: true },
      { id: 'YB0003', department: '医疗保障局', staff: false },
    ];
    const inputs = { ...oneTarget(inspectors, 2, 2) };
    const withExclusion: DrawInputs = {
      ...inputs,
      team: { ...inputs.team, exclusions: [{ target: 't1', inspector: 'YB0002' }] },
    };
    const outcome = runDraw(withExclusion);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'too-few-staff' } });
    expect(!outcome.ok && outcome.failure.message).toContain('YB0001 已在本组，YB0002 已排除（回避等）');
  });

  it('does not change the failure of /1 when inspectors run short first', () => {
    const vector = vectorsV2.failures.find((f) => f.failure === 'too-few-inspectors');
    const outcome = runDraw(vector?.inputs as DrawInputs);
    expect(!outcome.ok && outcome.failure.message).toBe(
      '检查对象 t1：需要 1 名市场监督管理局人员，可选 0 名：市场监督管理局没有其他执法检查人员',
    );
  });
});

describe('validateDrawRecord under ssj-draw/2', () => {
  it('accepts every /2 draw vector, minStaff included in the inputs', () => {
    for (const vector of vectorsV2.draws) {
      const checked = validateDrawRecord(vector.inputs);
      expect(checked).toMatchObject({ ok: true, inputs: { team: { minStaff: vector.inputs.team.minStaff } } });
    }
  });

  it.each([
    ['minStaff larger than the team', 'team.minStaff 应在 1 到 2 之间，实为 3'],
    ['minStaff missing in ssj-draw/2', '缺少字段 team.minStaff'],
    ['minStaff in an ssj-draw/1 record', 'team.minStaff 只能出现在 "ssj-draw/2" 记录中（"ssj-draw/1" 记录不得有此字段）'],
    ['minStaff 0', 'team.minStaff 应在 1 到 2 之间，实为 0'],
  ])('says what is wrong with “%s”', (title, message) => {
    const vector = vectorsV2.failures.find((f) => f.title === title);
    const checked = validateDrawRecord(vector?.inputs);
    expect(!checked.ok && checked.issues.map((i) => i.message)).toEqual([message]);
  });

  it('refuses another protocol and names both it accepts', () => {
    const inputs = { ...copyOf(drawVectorV2(0).inputs), protocol: 'ssj-draw/3' };
    const checked = validateDrawRecord(inputs);
    expect(!checked.ok && checked.issues[0]?.message).toBe('protocol 应为 "ssj-draw/1" 或 "ssj-draw/2"');
  });
});

describe('substitute under ssj-draw/2', () => {
  const { drawIndex, chain } = vectorsV2.substitutions;
  const vector = drawVectorV2(drawIndex);
  const record: DrawRecord = { ...vector.inputs, result: vector.result };

  it.each(chain.map((item, i) => [i, item.out, item.replacement] as const))(
    'reproduces chain step %i: %s is replaced by %s',
    (i) => {
      const item = chain[i] as SubstitutionRecord;
      const request = { target: item.target, out: item.out, reason: item.reason };
      const outcome = substitute(record, request, chain.slice(0, i));
      if (!outcome.ok) throw new Error(outcome.failure.message);
      expect(outcome.substitution).toEqual(item);
    },
  );

  it('replays the whole chain and keeps minStaff staff on every team', () => {
    const replay = replaySubstitutions(record, chain);
    if (!replay.ok) throw new Error(replay.failure.message);
    for (const entry of replay.result) {
      expect(staffCount(vector.inputs, entry.members)).toBeGreaterThanOrEqual(2);
    }
  });

  it('replaces a staff member by staff only when the team would fall below minStaff', () => {
    const inspectors: InspectorEntry[] = [
      { id: 'YB0001', department: '医疗保障局', staff: true },
      { id: 'YB0002', department: '医疗保障局', staff: true },
      { id: 'YB0003', department: '医疗保障局', staff: false },
    ];
    const drawn = runDraw(oneTarget(inspectors, 2, 2));
    if (!drawn.ok) throw new Error(drawn.failure.message);
    const member = drawn.result[0]?.members[1] ?? '';
    const outcome = substitute(drawn.record, { target: 't1', out: member, reason: '因病无法履职' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.failure.message).toBe(
      `检查对象 t1：递补 ${member} 需要 1 名医疗保障局局部门工作人员（每个检查组至少 2 名），可选 0 名：` +
        `${drawn.result[0]?.leader} 已在本组，YB0003 非局部门工作人员`,
    );
  });
});

describe('replayRecord under ssj-draw/2', () => {
  it('recomputes a /2 record and prints it with its own protocol first', () => {
    const vector = drawVectorV2(5);
    const replay = replayRecord({ ...vector.inputs, result: vector.result });
    if (!replay.ok) throw new Error(replay.failure.message);
    expect(replay.text.startsWith('{"protocol":"ssj-draw/2","result":')).toBe(true);
    expect(replay.recordDigest).toBe(vector.recordDigest);
    expect(replay.isResultDifferent).toBe(false);
  });
});
