import { checkPeriod, formatPeriod, parsePeriod } from '../../../src/core/rules';

describe('parsePeriod', () => {
  it.each([
    ['2022年6-11月', 2022, 6, 11],
    ['2022 年 6-11 月', 2022, 6, 11],
    ['2025年3月至10月', 2025, 3, 10],
    ['2024年6月', 2024, 6, 6],
    ['2024年6月—9月', 2024, 6, 9],
    ['2024年6月~9月', 2024, 6, 9],
    ['2024年6月～9月', 2024, 6, 9],
    ['2024.6-2024.9', 2024, 6, 9],
    ['2024-06至2024-09', 2024, 6, 9],
    ['２０２２年６－１１月', 2022, 6, 11],
    ['2024年6月1日至9月30日', 2024, 6, 9],
    ['2022年6-11月份', 2022, 6, 11],
  ])('reads %p as %p, months %p to %p, without findings', (text, year, startMonth, endMonth) => {
    expect(parsePeriod(text, undefined, year)).toEqual({
      ok: true,
      value: { year, startMonth, endMonth },
      findings: [],
    });
  });

  it('takes the plan year when the year is missing, with a warning and the full text as suggestion', () => {
    expect(parsePeriod('6-11月', undefined, 2022)).toEqual({
      ok: true,
      value: { year: 2022, startMonth: 6, endMonth: 11 },
      findings: [
        expect.objectContaining({
          severity: 'warning',
          code: 'PERIOD_YEAR_MISSING',
          suggestion: '2022年6-11月',
        }),
      ],
    });
  });

  it('accepts months without a year when no plan year is known', () => {
    expect(parsePeriod('6-11月')).toEqual({ ok: true, value: { startMonth: 6, endMonth: 11 }, findings: [] });
  });

  it('reads a date cell as its month', () => {
    // 45444 is 2024-06-01 in Excel's 1900 date system.
    expect(parsePeriod('2024/6/1', 45444, 2024)).toEqual({
      ok: true,
      value: { year: 2024, startMonth: 6, endMonth: 6 },
      findings: [],
    });
  });

  it('reports a date cell in another year than the plan', () => {
    expect(parsePeriod('2023/6/1', 45078, 2024).findings[0]?.code).toBe('PERIOD_YEAR_MISMATCH');
  });

  it.each([
    ['2022年', undefined, '2022年1-12月'],
    ['全年', 2022, '2022年1-12月'],
    ['上半年', undefined, '1-6月'],
    ['下半年', 2024, '2024年7-12月'],
    ['2024年下半年', undefined, '2024年7-12月'],
    ['第一季度', 2024, '2024年1-3月'],
    ['第二季度', 2024, '2024年4-6月'],
    ['三季度', 2024, '2024年7-9月'],
    ['第4季度', 2024, '2024年10-12月'],
  ])('rejects %p, which does not name months, suggesting %p', (text, planYear, suggestion) => {
    const r = parsePeriod(text, undefined, planYear);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'PERIOD_NOT_MONTHS', suggestion }),
    ]);
  });

  it('rejects numbers without 月', () => {
    expect(parsePeriod('6-11', undefined, 2022).findings).toEqual([
      expect.objectContaining({ code: 'PERIOD_NOT_MONTHS', suggestion: '2022年6-11月' }),
    ]);
  });

  it('rejects a month outside 1-12', () => {
    expect(parsePeriod('2024年6-13月').findings[0]?.code).toBe('PERIOD_MONTH_OUT_OF_RANGE');
    expect(parsePeriod('2024年0月').findings[0]?.code).toBe('PERIOD_MONTH_OUT_OF_RANGE');
  });

  it('rejects a start after the end and suggests the swapped order', () => {
    expect(parsePeriod('2024年11-6月').findings).toEqual([
      expect.objectContaining({ code: 'PERIOD_START_AFTER_END', suggestion: '2024年6-11月' }),
    ]);
  });

  it('rejects a year different from the plan year and suggests the plan year', () => {
    expect(parsePeriod('2023年6-11月', undefined, 2022)).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ code: 'PERIOD_YEAR_MISMATCH', suggestion: '2022年6-11月' })],
    });
  });

  it('rejects a range crossing years', () => {
    expect(parsePeriod('2024年11月-2025年2月').findings[0]?.code).toBe('PERIOD_CROSSES_YEAR');
    expect(parsePeriod('2024.11-2025.2').findings[0]?.code).toBe('PERIOD_CROSSES_YEAR');
  });

  it('reads Chinese month numerals with a warning', () => {
    expect(parsePeriod('2022年六月至十一月')).toMatchObject({
      ok: true,
      value: { year: 2022, startMonth: 6, endMonth: 11 },
      findings: [expect.objectContaining({ code: 'PERIOD_CHINESE_NUMERALS', suggestion: '2022年6-11月' })],
    });
  });

  it('rejects text it cannot read, and an empty cell', () => {
    expect(parsePeriod('随时').findings[0]?.code).toBe('PERIOD_UNRECOGNISED');
    expect(parsePeriod('  ').findings[0]?.code).toBe('PERIOD_MISSING');
  });
});

describe('checkPeriod', () => {
  it('returns no findings for months of the plan year', () => {
    expect(checkPeriod('2022年6-11月', undefined, 2022)).toEqual([]);
  });

  it('reports a year-only period', () => {
    expect(checkPeriod('2022年', undefined, 2022).map((f) => f.code)).toEqual(['PERIOD_NOT_MONTHS']);
  });
});

describe('formatPeriod', () => {
  it('writes a range with the year', () => {
    expect(formatPeriod({ year: 2022, startMonth: 6, endMonth: 11 })).toBe('2022年6-11月');
  });

  it('writes one month without a year', () => {
    expect(formatPeriod({ startMonth: 6, endMonth: 6 })).toBe('6月');
  });
});

describe('parsePeriod: number cells and month lists', () => {
  it('never reads the number 2025.1 (a typed 2025.10 or 2025.1) as January', () => {
    const r = parsePeriod('2025.1', 2025.1, 2025);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'PERIOD_AMBIGUOUS_NUMBER' }),
    ]);
    expect(r.findings[0]?.message).toContain('看不出是1月还是10月');
    expect(r.findings[0]).not.toHaveProperty('suggestion');
  });

  it('reads another month of a number cell with a warning to write it as text', () => {
    const r = parsePeriod('2025.6', 2025.6, 2025);
    expect(r.ok && r.value).toEqual({ year: 2025, startMonth: 6, endMonth: 6 });
    expect(r.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'PERIOD_NUMBER_CELL', suggestion: '2025年6月' }),
    ]);
  });

  it('still reads the text 2025.10 as October', () => {
    const r = parsePeriod('2025.10', '2025.10', 2025);
    expect(r.ok && r.value).toEqual({ year: 2025, startMonth: 10, endMonth: 10 });
  });

  it.each([
    ['2025年6、9月', [6, 9]],
    ['2025年6月、9月', [6, 9]],
    ['2025 年 3、6 和 9 月', [3, 6, 9]],
  ])('accepts single months listed, %s, as filled to the month', (text, months) => {
    const r = parsePeriod(text, text, 2025);
    expect(r).toEqual({
      ok: true,
      value: { year: 2025, startMonth: months[0], endMonth: months[months.length - 1], months },
      findings: [],
    });
  });

  it('suggests a month list with the plan year when the year is missing', () => {
    const r = parsePeriod('6、9月', '6、9月', 2025);
    expect(r.findings).toEqual([
      expect.objectContaining({ code: 'PERIOD_YEAR_MISSING', suggestion: '2025年6、9月' }),
    ]);
    expect(r.findings[0]?.message).toContain('建议写作“2025年6、9月”');
  });

  it('refuses a month that does not exist in a list', () => {
    expect(parsePeriod('2025年6、13月').findings.map((f) => f.code)).toEqual(['PERIOD_MONTH_OUT_OF_RANGE']);
  });
});
