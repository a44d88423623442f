import { parseFrequency } from '../../../src/core/rules';

describe('parseFrequency', () => {
  it.each([
    ['每年2次', 2],
    ['每年两次', 2],
    ['每年1次', 1],
    ['每年 一 次', 1],
    ['上半年、下半年各一次', 2],
    ['每半年一次', 2],
    ['每季度一次', 4],
    ['每月1次', 12],
    ['2次/年', 2],
  ])('reads %p as %p per year', (text, perYear) => {
    expect(parseFrequency(text)).toEqual({ ok: true, value: { perYear }, findings: [] });
  });

  it('warns about a frequency it cannot read', () => {
    expect(parseFrequency('视情况而定')).toEqual({
      ok: false,
      findings: [expect.objectContaining({ severity: 'warning', code: 'FREQUENCY_UNRECOGNISED' })],
    });
  });

  it('warns about an empty cell and about zero', () => {
    expect(parseFrequency('').findings[0]?.code).toBe('FREQUENCY_MISSING');
    expect(parseFrequency('每年0次').findings[0]?.code).toBe('FREQUENCY_ZERO');
  });
});
