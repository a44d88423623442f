import { checkTaskNo, findDuplicateTaskNos, parseTaskNo } from '../../../src/core/rules';

describe('parseTaskNo', () => {
  it('reads the standard form without findings', () => {
    expect(parseTaskNo('001号')).toEqual({ ok: true, value: '001', findings: [] });
  });

  it.each([['001 号'], ['1号'], ['001'], [1], ['００１号'], ['第1号']])(
    'normalises %p to 001 with a warning suggesting 001号',
    (input) => {
      const r = parseTaskNo(input);
      expect(r).toMatchObject({ ok: true, value: '001' });
      expect(r.findings).toEqual([
        expect.objectContaining({ severity: 'warning', code: 'TASK_NO_NONSTANDARD', suggestion: '001号' }),
      ]);
    },
  );

  it('rejects text that is not a task number', () => {
    expect(parseTaskNo('第一批')).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ code: 'TASK_NO_FORMAT' })],
    });
    expect(parseTaskNo('0号').ok).toBe(false);
    expect(parseTaskNo('1000号').ok).toBe(false);
  });

  it('reports an empty cell', () => {
    expect(parseTaskNo('').findings[0]?.code).toBe('TASK_NO_MISSING');
  });
});

describe('checkTaskNo', () => {
  it('returns no findings for 001号', () => {
    expect(checkTaskNo('012号')).toEqual([]);
  });

  it('suggests 001号 for 001 号', () => {
    expect(checkTaskNo('001 号')[0]?.suggestion).toBe('001号');
  });
});

describe('findDuplicateTaskNos', () => {
  it('finds numbers that are the same after normalising, with their positions', () => {
    expect(findDuplicateTaskNos(['001号', '002号', '1号', 2])).toEqual([
      { taskNo: '001', indices: [0, 2] },
      { taskNo: '002', indices: [1, 3] },
    ]);
  });

  it('returns nothing when all numbers differ', () => {
    expect(findDuplicateTaskNos(['001号', '002号'])).toEqual([]);
  });

  it('skips unreadable and empty entries', () => {
    expect(findDuplicateTaskNos(['', null, '第一批', '第一批'])).toEqual([]);
  });

  it('does not mutate the list', () => {
    const list = Object.freeze(['001号', '1号']);
    expect(() => findDuplicateTaskNos(list)).not.toThrow();
    expect(list).toEqual(['001号', '1号']);
  });
});
