import { hexToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, createStream, runDraw, sha256Hex } from '../../../src/core/draw';
import type { DrawInputs, InspectorEntry } from '../../../src/core/draw';
import { copyOf, deepFreeze, drawVector, expectDrawRefused, expectDrawReproduced, vectors } from './vectors';

/** A small record: one stratum of `targets` (all drawn), lead department 医疗保障局 only. */
function smallInputs(over: {
  targets?: readonly string[];
  inspectors?: readonly InspectorEntry[];
  size?: number;
  maxPerInspector?: number;
  departments?: DrawInputs['team']['departments'];
  exclusions?: DrawInputs['team']['exclusions'];
}): DrawInputs {
  return {
    protocol: 'ssj-draw/1',
    task: { planNo: '2025001', taskNo: '001', planName: '', taskName: '' },
    seed: { source: 'local', hex: sha256Hex('runDraw tests') },
    strata: [{ name: '全部', basisPoints: 10000, candidates: over.targets ?? ['t1'] }],
    team: {
      size: over.size ?? 1,
      departments: over.departments ?? [{ name: '医疗保障局', min: 1 }],
      maxPerInspector: over.maxPerInspector ?? 0,
      inspectors: over.inspectors ?? [
        { id: 'YB0001', department: '医疗保障局', staff: true },
        { id: 'YB0002', department: '医疗保障局', staff: true },
      ],
      exclusions: over.exclusions ?? [],
    },
  };
}

describe('runDraw', () => {
  it.each(vectors.draws.map((v, i) => [i, v.title, v] as const))(
    'reproduces draw vector %i (%s)',
    (_, __, vector) => {
      const outcome = expectDrawReproduced(vector);
      expect(outcome.record).toEqual({ ...vector.inputs, result: vector.result });
    },
  );

  it('digests the canonical text of the inputs and of the complete record', () => {
    const vector = drawVector(1);
    const outcome = runDraw(vector.inputs);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.inputDigest).toBe(sha256Hex(canonicalJson(vector.inputs)));
    expect(outcome.recordDigest).toBe(sha256Hex(canonicalJson(outcome.record)));
  });

  it.each(vectors.failures.map((v) => [v.title, v] as const))(
    'refuses failure vector “%s” with its kind',
    (_, vector) => expectDrawRefused(vector),
  );

  it('explains an invalid record with the field path', () => {
    const outcome = runDraw(vectors.failures[0]?.inputs as DrawInputs);
    expect(!outcome.ok && outcome.failure.message).toBe(
      '抽取记录无效：strata[0].candidates 未按码点升序排列：第 1 项 "a" 应排在第 0 项 "b" 之前',
    );
    expect(!outcome.ok && outcome.failure.details).toEqual({
      issues: [expect.objectContaining({ path: 'strata[0].candidates', code: 'not-sorted' })],
    });
  });

  it('explains a missing leader: target, lead department, and why each person cannot lead', () => {
    const outcome = runDraw(vectors.failures[1]?.inputs as DrawInputs);
    if (outcome.ok) throw new Error('expected a failure');
    expect(outcome.failure.message).toBe(
      '检查对象 t1：需要 1 名医疗保障局（牵头单位）局部门工作人员任组长，可选 0 名：' +
        'YB0001 非局部门工作人员，YB0002 非局部门工作人员，YB0003 非局部门工作人员，' +
        'YB0004 非局部门工作人员，YB0005 非局部门工作人员，YB0006 非局部门工作人员',
    );
    expect(outcome.failure.details).toMatchObject({
      target: 't1',
      stratum: 'A',
      slot: 'leader',
      department: '医疗保障局',
      needed: 1,
      eligible: 0,
    });
  });

  it('explains too few inspectors: department, needed, eligible, and the recusal', () => {
    const outcome = runDraw(vectors.failures[2]?.inputs as DrawInputs);
    if (outcome.ok) throw new Error('expected a failure');
    expect(outcome.failure.message).toBe(
      '检查对象 t1：需要 1 名市场监督管理局人员，可选 0 名：SJ0001 已排除（回避等）',
    );
    expect(outcome.failure.details).toEqual({
      target: 't1',
      stratum: 'A',
      slot: 'department',
      department: '市场监督管理局',
      needed: 1,
      eligible: 0,
      eligibleInspectors: [],
      ineligible: [{ inspector: 'SJ0001', reasons: ['excluded'] }],
    });
  });

  it('shows display names instead of ids when given', () => {
    const outcome = runDraw(vectors.failures[2]?.inputs as DrawInputs, {
      names: { SJ0001: '张三', t1: '邢台市某某大药房' },
    });
    expect(!outcome.ok && outcome.failure.message).toBe(
      '检查对象 邢台市某某大药房：需要 1 名市场监督管理局人员，可选 0 名：张三 已排除（回避等）',
    );
    expect(!outcome.ok && outcome.failure.details).toMatchObject({ ineligible: [{ inspector: 'SJ0001' }] });
  });

  it('does not take a display name from the object prototype', () => {
    const inputs = smallInputs({
      targets: ['constructor'],
      inspectors: [{ id: 'YB0001', department: '医疗保障局', staff: false }],
    });
    const outcome = runDraw(inputs, { names: {} });
    expect(!outcome.ok && outcome.failure.message).toContain('检查对象 constructor：');
  });

  it('caps each inspector at maxPerInspector and says who is capped', () => {
    const inspectors: InspectorEntry[] = [
      { id: 'YB0001', department: '医疗保障局', staff: true },
      { id: 'YB0002', department: '医疗保障局', staff: true },
      { id: 'YB0003', department: '医疗保障局', staff: true },
    ];
    const three = runDraw(smallInputs({ targets: ['t1', 't2', 't3'], inspectors, maxPerInspector: 1 }));
    if (!three.ok) throw new Error(three.failure.message);
    expect(three.result.map((e) => e.leader).sort()).toEqual(['YB0001', 'YB0002', 'YB0003']);

    const four = runDraw(smallInputs({ targets: ['t1', 't2', 't3', 't4'], inspectors, maxPerInspector: 1 }));
    if (four.ok) throw new Error('expected a failure');
    expect(four.failure.kind).toBe('no-leader');
    expect(four.failure.message).toMatch(
      /^检查对象 t\d：需要 1 名医疗保障局（牵头单位）局部门工作人员任组长，可选 0 名：/,
    );
    expect(four.failure.message).toContain(
      'YB0001 已达抽取上限（1 次），YB0002 已达抽取上限（1 次），YB0003 已达抽取上限（1 次）',
    );
  });

  it('explains a shortfall of extra members and lists every reason of each person', () => {
    const inputs = smallInputs({
      size: 3,
      inspectors: [
        { id: 'YB0001', department: '医疗保障局', staff: true },
        { id: 'YB0002', department: '医疗保障局', staff: false },
        { id: 'YB0003', department: '医疗保障局', staff: false },
      ],
      exclusions: [{ target: 't1', inspector: 'YB0003' }],
    });
    const outcome = runDraw(inputs);
    if (outcome.ok) throw new Error('expected a failure');
    expect(outcome.failure).toMatchObject({
      kind: 'too-few-inspectors',
      details: { slot: 'extra', department: null },
    });
    expect(outcome.failure.message).toBe(
      '检查对象 t1：检查组共 3 人，还需 2 名（不限部门），可选 1 名：YB0001 已在本组，YB0003 已排除（回避等）',
    );
  });

  it('says so when a department has nobody at all', () => {
    const inputs = smallInputs({
      size: 2,
      departments: [
        { name: '医疗保障局', min: 1 },
        { name: '卫生健康委员会', min: 1 },
      ],
    });
    const outcome = runDraw(inputs);
    expect(!outcome.ok && outcome.failure.message).toBe(
      '检查对象 t1：需要 1 名卫生健康委员会人员，可选 0 名：卫生健康委员会没有其他执法检查人员',
    );
  });

  it('ignores exclusions that name unknown targets or inspectors', () => {
    const vector = drawVector(0);
    const inputs = copyOf(vector.inputs) as {
      team: { exclusions: { target: string; inspector: string }[] };
    } & DrawInputs;
    inputs.team.exclusions.push(
      { target: '91130500000000022X', inspector: 'ZZ9999' },
      { target: '没有这个对象', inspector: 'YB0001' },
    );
    const outcome = runDraw(inputs);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.result).toEqual(vector.result);
    expect(outcome.inputDigest).not.toBe(vector.inputDigest);
  });

  it('never puts an excluded inspector on that target’s team', () => {
    const vector = drawVector(1);
    const excluded = new Set(vector.inputs.team.exclusions.map((e) => `${e.target}|${e.inspector}`));
    for (const entry of vector.result) {
      for (const id of entry.members) expect(excluded.has(`${entry.target}|${id}`)).toBe(false);
    }
  });

  it('draws the one candidate of a 1-basis-point stratum and nothing from an empty one', () => {
    const result = drawVector(3).result;
    expect(result.filter((e) => e.stratum === '一').map((e) => e.target)).toEqual(['z1']);
    expect(result.some((e) => e.stratum === '空' || e.stratum === '零')).toBe(false);
  });

  it('does not mutate its input and gives the same output twice', () => {
    const vector = drawVector(2);
    const frozen = deepFreeze(copyOf(vector.inputs));
    const first = runDraw(frozen);
    const second = runDraw(frozen);
    expect(first).toEqual(second);
    expect(frozen).toEqual(vector.inputs);
  });

  it('draws with code-point-sorted ids outside the BMP', () => {
    const inputs = smallInputs({ targets: ['Ｚ公司', '𠮷野家'], size: 1 });
    const outcome = runDraw(inputs);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.result.map((e) => e.target).sort()).toEqual(['Ｚ公司', '𠮷野家'].sort());
  });

  it('reproduces the worked example in docs/draw-protocol.md', () => {
    const hex = sha256Hex('ssj-draw/1 worked example');
    expect(hex).toBe('2cbc5960e0d16da1e236dacc455924adfe48dd878fff8dfd4f117aad812de015');
    const seed = hexToBytes(hex);
    const firstU32 = (label: string, count = 1): number[] => {
      const stream = createStream(seed, label);
      return Array.from({ length: count }, () => stream.nextU32());
    };
    expect(firstU32('targets/A', 2)).toEqual([1155903128, 1540576556]);
    expect(firstU32('team/T09/leader')).toEqual([2888207588]);
    expect(firstU32('team/T09/市场监督管理局')).toEqual([707497502]);
    expect(firstU32('team/T10/leader')).toEqual([548248719]);
    expect(firstU32('team/T10/市场监督管理局')).toEqual([1440175259]);
    const inputs: DrawInputs = {
      protocol: 'ssj-draw/1',
      task: { planNo: '2025001', taskNo: '001', planName: '示例', taskName: '示例' },
      seed: { source: 'local', hex },
      strata: [
        {
          name: 'A',
          basisPoints: 2000,
          candidates: ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10'],
        },
      ],
      team: {
        size: 2,
        departments: [
          { name: '医疗保障局', min: 1 },
          { name: '市场监督管理局', min: 1 },
        ],
        maxPerInspector: 0,
        inspectors: [
          { id: 'SJ01', department: '市场监督管理局', staff: true },
          { id: 'SJ02', department: '市场监督管理局', staff: false },
          { id: 'YB01', department: '医疗保障局', staff: true },
          { id: 'YB02', department: '医疗保障局', staff: true },
          { id: 'YB03', department: '医疗保障局', staff: false },
        ],
        exclusions: [{ target: 'T10', inspector: 'SJ02' }],
      },
    };
    expect(runDraw(inputs)).toMatchObject({
      ok: true,
      result: [
        { target: 'T09', stratum: 'A', leader: 'YB01', members: ['YB01', 'SJ01'] },
        { target: 'T10', stratum: 'A', leader: 'YB02', members: ['YB02', 'SJ01'] },
      ],
      inputDigest: '21528cd868bcd0b40191d4e8f6e2e3e6a4fa59455f22877a29c545a5cdc4921e',
      recordDigest: '21afaa65278511b653e047ca78337320cd4f0eee000b2341b993715688630fd0',
    });
  });
});
