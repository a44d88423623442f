import { validateDrawRecord } from '../../../src/core/draw';
import type { DrawInputs, DrawRecordIssue } from '../../../src/core/draw';
import { copyOf, deepFreeze, drawVector } from './vectors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these tests break records in arbitrary places
type Loose = any;

/** A mutable deep copy of a small valid record, to break in one place. */
function base(): Record<string, Loose> {
  return copyOf(drawVector(1).inputs) as unknown as Record<string, Loose>;
}

function issuesOf(record: unknown, allowResult = false): readonly DrawRecordIssue[] {
  const outcome = validateDrawRecord(record, { allowResult });
  return outcome.ok ? [] : outcome.issues;
}

describe('validateDrawRecord', () => {
  it('accepts every draw vector and returns the inputs', () => {
    for (let i = 0; i < 5; i++) {
      const inputs = drawVector(i).inputs;
      expect(validateDrawRecord(inputs)).toEqual({ ok: true, inputs });
    }
  });

  it('accepts code-point order where UTF-16 order differs (Ｚ before 𠮷)', () => {
    const record = base();
    record.strata = [{ name: 'A', basisPoints: 500, candidates: ['Ｚ', '𠮷'] }];
    expect(issuesOf(record)).toEqual([]);
  });

  it('refuses UTF-16 order (𠮷 before Ｚ), which a plain sort() produces', () => {
    const record = base();
    record.strata = [{ name: 'A', basisPoints: 500, candidates: ['Ｚ', '𠮷'].sort() }];
    expect(issuesOf(record)).toEqual([
      {
        path: 'strata[0].candidates',
        code: 'not-sorted',
        message: 'strata[0].candidates 未按码点升序排列：第 1 项 "Ｚ" 应排在第 0 项 "𠮷" 之前',
      },
    ]);
  });

  it('applies code-point order to inspectors and exclusions too', () => {
    const record = base();
    record.team.inspectors = [
      { id: '𠮷1', department: '医疗保障局', staff: true },
      { id: 'Ｚ1', department: '市场监督管理局', staff: true },
    ];
    record.team.exclusions = [
      { target: 't', inspector: '𠮷1' },
      { target: 't', inspector: 'Ｚ1' },
    ];
    expect(issuesOf(record).map((i) => [i.path, i.code])).toEqual([
      ['team.inspectors', 'not-sorted'],
      ['team.exclusions', 'not-sorted'],
    ]);
  });

  it('reports a duplicate candidate', () => {
    const record = base();
    record.strata = [{ name: 'A', basisPoints: 500, candidates: ['a', 'b', 'b'] }];
    expect(issuesOf(record)).toEqual([
      {
        path: 'strata[0].candidates',
        code: 'duplicate',
        message: 'strata[0].candidates 有重复的 id "b"（第 1 项与第 2 项）',
      },
    ]);
  });

  it('reports a target that is in two strata', () => {
    const record = base();
    record.strata = [
      { name: 'A', basisPoints: 500, candidates: ['a', 'b', 'c'] },
      { name: 'B', basisPoints: 500, candidates: ['c'] },
    ];
    expect(issuesOf(record)).toEqual([
      expect.objectContaining({ path: 'strata[1].candidates[0]', code: 'duplicate' }),
    ]);
  });

  it.each<[string, (r: Record<string, Loose>) => void, string, DrawRecordIssue['code']]>([
    ['a wrong protocol', (r) => (r.protocol = 'ssj-draw/3'), 'protocol', 'wrong-protocol'],
    ['an unknown top-level key', (r) => (r.extra = 1), 'extra', 'unknown-field'],
    ['a result in the inputs', (r) => (r.result = []), 'result', 'result-present'],
    ['a missing task key', (r) => delete r.task.taskName, 'task.taskName', 'missing-field'],
    ['an extra task key', (r) => (r.task.year = '2025'), 'task.year', 'unknown-field'],
    ['a non-string task value', (r) => (r.task.planNo = 2025001), 'task.planNo', 'wrong-type'],
    ['untrimmed text', (r) => (r.task.planName = ' 计划'), 'task.planName', 'untrimmed'],
    ['text that is not NFC', (r) => (r.task.taskName = 'cafe\u0301'), 'task.taskName', 'not-nfc'],
    ['a lone surrogate', (r) => (r.task.taskName = 'x\ud800'), 'task.taskName', 'ill-formed-string'],
    ['an uppercase seed', (r) => (r.seed.hex = r.seed.hex.toUpperCase()), 'seed.hex', 'bad-seed-hex'],
    ['an unknown seed source', (r) => (r.seed.source = 'dice'), 'seed.source', 'wrong-type'],
    ['a local seed with text', (r) => (r.seed.text = 'x'), 'seed.text', 'unknown-field'],
    ['no strata', (r) => (r.strata = []), 'strata', 'empty'],
    ['a duplicate stratum name', (r) => (r.strata[1].name = 'A'), 'strata[1].name', 'duplicate'],
    ['a stratum name with "/"', (r) => (r.strata[0].name = 'A/B'), 'strata[0].name', 'contains-slash'],
    [
      'basisPoints above 10000',
      (r) => (r.strata[0].basisPoints = 10001),
      'strata[0].basisPoints',
      'out-of-range',
    ],
    [
      'fractional basisPoints',
      (r) => (r.strata[0].basisPoints = 1.5),
      'strata[0].basisPoints',
      'not-integer',
    ],
    ['an empty candidate id', (r) => (r.strata[0].candidates[0] = ''), 'strata[0].candidates[0]', 'empty'],
    [
      'a candidate id with "/"',
      (r) => (r.strata[0].candidates[0] = '0/1'),
      'strata[0].candidates[0]',
      'contains-slash',
    ],
    [
      'a number as candidate',
      (r) => (r.strata[0].candidates[0] = 1),
      'strata[0].candidates[0]',
      'wrong-type',
    ],
    ['no departments', (r) => (r.team.departments = []), 'team.departments', 'empty'],
    [
      'a lead department with min 0',
      (r) => (r.team.departments[0].min = 0),
      'team.departments[0].min',
      'out-of-range',
    ],
    ['a negative min', (r) => (r.team.departments[1].min = -1), 'team.departments[1].min', 'out-of-range'],
    [
      'a department named leader',
      (r) => (r.team.departments[1].name = 'leader'),
      'team.departments[1].name',
      'reserved-name',
    ],
    [
      'a duplicate department',
      (r) => (r.team.departments[1].name = '医疗保障局'),
      'team.departments[1].name',
      'duplicate',
    ],
    ['a size below the minimums', (r) => (r.team.size = 1), 'team.size', 'out-of-range'],
    ['a negative cap', (r) => (r.team.maxPerInspector = -1), 'team.maxPerInspector', 'out-of-range'],
    [
      'an unknown inspector key',
      (r) => (r.team.inspectors[0].name = '张三'),
      'team.inspectors[0].name',
      'unknown-field',
    ],
    [
      'staff as a string',
      (r) => (r.team.inspectors[0].staff = 'true'),
      'team.inspectors[0].staff',
      'wrong-type',
    ],
    [
      'an unlisted department',
      (r) => (r.team.inspectors[0].department = '卫健委'),
      'team.inspectors[0].department',
      'unknown-department',
    ],
    [
      'an inspector id with "/"',
      (r) => (r.team.inspectors[0].id = 'SJ/1'),
      'team.inspectors[0].id',
      'contains-slash',
    ],
    ['duplicate inspectors', (r) => (r.team.inspectors[1].id = 'SJ0001'), 'team.inspectors', 'duplicate'],
    [
      'a duplicate exclusion',
      (r) => r.team.exclusions.splice(1, 0, r.team.exclusions[0]),
      'team.exclusions',
      'duplicate',
    ],
    [
      'an exclusion with an unknown key',
      (r) => (r.team.exclusions[0].why = '回避'),
      'team.exclusions[0].why',
      'unknown-field',
    ],
  ])('reports %s', (_, breakIt, path, code) => {
    const record = base();
    breakIt(record);
    expect(issuesOf(record)).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('names the field in every message', () => {
    const record = base();
    record.team.inspectors[0].department = '卫健委';
    expect(issuesOf(record)).toEqual([
      {
        path: 'team.inspectors[0].department',
        code: 'unknown-department',
        message: 'team.inspectors[0].department "卫健委" 不在 team.departments 中',
      },
    ]);
  });

  it('checks a public seed’s hex against its text', () => {
    const record = copyOf(drawVector(2).inputs) as unknown as Record<string, Loose>;
    record.seed.text = `${record.seed.text}。`;
    expect(issuesOf(record)).toEqual([expect.objectContaining({ path: 'seed.hex', code: 'seed-mismatch' })]);
  });

  it('accepts a public seed with an announcement and refuses one without text', () => {
    const record = copyOf(drawVector(2).inputs) as unknown as Record<string, Loose>;
    record.seed.announcement = '以 2025年3月4日 双色球开奖号码为准';
    expect(issuesOf(record)).toEqual([]);
    delete record.seed.text;
    expect(issuesOf(record)).toContainEqual(
      expect.objectContaining({ path: 'seed.text', code: 'missing-field' }),
    );
  });

  it('accepts a result only when allowed, and leaves it out of the inputs', () => {
    const vector = drawVector(0);
    const record = { ...vector.inputs, result: vector.result };
    expect(issuesOf(record)).toEqual([expect.objectContaining({ code: 'result-present' })]);
    expect(validateDrawRecord(record, { allowResult: true })).toEqual({ ok: true, inputs: vector.inputs });
  });

  it('refuses something that is not an object', () => {
    expect(issuesOf([])).toEqual([expect.objectContaining({ path: '', code: 'not-object' })]);
    expect(issuesOf(null)).toEqual([expect.objectContaining({ code: 'not-object' })]);
  });

  it('lists at most 100 issues and counts the rest', () => {
    const record = base();
    record.strata[0].candidates = Array.from({ length: 150 }, () => ' x');
    const issues = issuesOf(record);
    expect(issues).toHaveLength(101);
    expect(issues[100]).toMatchObject({ code: 'too-many-issues' });
  });

  it('does not mutate the record', () => {
    const record = deepFreeze(copyOf(drawVector(1).inputs)) as DrawInputs;
    expect(validateDrawRecord(record).ok).toBe(true);
  });
});
