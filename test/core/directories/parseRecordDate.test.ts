import { parseRecordDate } from '../../../src/core/directories/parseRecordDate';

const TODAY = 46_400; // 2027-01-13
const D_2026_11_01 = 46_327;

describe('parseRecordDate', () => {
  it('reads date cells and the unambiguous ways dates are typed', () => {
    for (const [value, shown] of [
      [D_2026_11_01, '2026/11/1'],
      [null, '2026-11-01'],
      [null, '2026/11/1'],
      [null, '2026.11.1'],
      [null, '2026年11月1日'],
      [null, '20261101'],
      [null, '２０２６年１１月１日'],
    ] as const) {
      expect(parseRecordDate(value, shown, TODAY)).toEqual({ serial: D_2026_11_01, issue: null });
    }
    // 13 cannot be a month: day first.
    expect(parseRecordDate(null, '13/11/2026', TODAY)).toEqual({ serial: D_2026_11_01 + 12, issue: null });
  });

  it('reads a number kept as text and a month without a day, with a warning', () => {
    expect(parseRecordDate('46327', '46327', TODAY)).toMatchObject({ serial: D_2026_11_01, issue: { severity: 'warning' } });
    const month = parseRecordDate(null, '2026年11月', TODAY);
    expect(month.serial).toBe(D_2026_11_01 + 29);
    expect(month.issue?.message).toMatch(/按当月最后一天（2026-11-30）/);
  });

  it('refuses, as errors, what cannot be read for sure: day/month order, words, impossible and future dates', () => {
    for (const shown of ['11/1/2026', '昨天', '2026-02-30', '2099-01-01']) {
      const r = parseRecordDate(null, shown, TODAY);
      expect(r.serial).toBeNull();
      expect(r.issue?.severity).toBe('error');
    }
    expect(parseRecordDate(null, '2099-01-01', TODAY).issue?.message).toMatch(/在今天之后/);
  });

  it('leaves an empty cell alone', () => {
    expect(parseRecordDate(null, '', TODAY)).toEqual({ serial: null, issue: null });
  });
});
