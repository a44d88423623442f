import { checkDrawDate } from '../../../src/core/rules';

/** Excel serial of a calendar day. */
const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

describe('checkDrawDate', () => {
  it('says nothing for a draw inside the task’s months', () => {
    expect(checkDrawDate('2025年3月至10月', serial(2025, 3, 1), 2025)).toBeNull();
    expect(checkDrawDate('2025年3月至10月', serial(2025, 10, 31), 2025)).toBeNull();
  });

  it('warns before a draw after the period, naming the month and the period', () => {
    expect(checkDrawDate('2025年3月至10月', serial(2025, 12, 2), 2025)).toEqual({
      severity: 'warning',
      code: 'DRAW_OUTSIDE_PERIOD',
      message: expect.stringMatching(/^今天（2025年12月）不在本任务的抽查时间“2025年3-10月”内：仍可抽取/),
    });
  });

  it('warns in another year, and between single months listed', () => {
    expect(checkDrawDate('2025年6-11月', serial(2026, 7, 1))?.code).toBe('DRAW_OUTSIDE_PERIOD');
    expect(checkDrawDate('2025年6、9月', serial(2025, 7, 15), 2025)?.code).toBe('DRAW_OUTSIDE_PERIOD');
    expect(checkDrawDate('2025年6、9月', serial(2025, 9, 15), 2025)).toBeNull();
  });

  it('reads a date or a month typed as a number from the cell’s value', () => {
    expect(checkDrawDate('2025年6月', serial(2025, 7, 1), 2025, serial(2025, 6, 1))?.code).toBe('DRAW_OUTSIDE_PERIOD');
    expect(checkDrawDate('2025.6', serial(2025, 6, 20), 2025, 2025.6)).toBeNull();
  });

  it('says nothing when the period cannot be read or is absent', () => {
    expect(checkDrawDate('', serial(2025, 7, 1), 2025)).toBeNull();
    expect(checkDrawDate('下半年', serial(2025, 3, 1), 2025)).toBeNull();
    // A number cell 2025.1 may be a typed 2025.10: never taken for January (PERIOD_AMBIGUOUS_NUMBER says so).
    expect(checkDrawDate('2025.1', serial(2025, 4, 1), 2025, 2025.1)).toBeNull();
  });
});
