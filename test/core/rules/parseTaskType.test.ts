import { checkTaskType, parseTaskType } from '../../../src/core/rules';

describe('parseTaskType', () => {
  it.each([
    ['定向', 'directed'],
    ['定向抽查', 'directed'],
    ['不定向', 'undirected'],
    ['不定向抽查', 'undirected'],
    [' 不 定向 ', 'undirected'],
  ])('reads %p as %p without findings', (text, type) => {
    expect(parseTaskType(text)).toEqual({ ok: true, value: type, findings: [] });
  });

  it('reads near forms with a warning and the standard wording', () => {
    expect(parseTaskType('定向抽')).toMatchObject({
      ok: true,
      value: 'directed',
      findings: [expect.objectContaining({ code: 'TASK_TYPE_NONSTANDARD', suggestion: '定向' })],
    });
    expect(parseTaskType('非定向')).toMatchObject({ ok: true, value: 'undirected' });
  });

  it('rejects other text', () => {
    expect(parseTaskType('随机')).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ code: 'TASK_TYPE_UNKNOWN' })],
    });
  });

  it('reports an empty cell', () => {
    expect(parseTaskType(null).findings[0]?.code).toBe('TASK_TYPE_MISSING');
  });
});

describe('checkTaskType', () => {
  it('returns no findings for 定向抽查', () => {
    expect(checkTaskType('定向抽查')).toEqual([]);
  });

  it('reports an unknown type', () => {
    expect(checkTaskType('专项').map((f) => f.code)).toEqual(['TASK_TYPE_UNKNOWN']);
  });
});
