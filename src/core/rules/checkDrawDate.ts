import { excelSerialToYearMonth } from './_lib/excelSerial';
import { formatPeriod, parsePeriod } from './parsePeriod';
import type { RuleFinding } from './ruleFinding';

/**
 * Whether a draw on `drawDate` falls inside the task's 抽查时间 (its year and months). A draw outside
 * it is allowed (a plan may slip) but the operator should see it before 抽取, and the pane and the CLI
 * say so. A period that cannot be read (or a task without one, as a matters list used as the plan)
 * gives no warning: validation reports the period itself.
 *
 * @param periodText - the task's 抽查时间 as written
 * @param drawDate - Excel serial of the draw date
 * @param planYear - the plan's year, when the period omits it
 * @param periodValue - the cell's number when Excel stored one (a date, or 2025.6 typed as a number):
 *   a number 2025.1 may be a typed 2025.10, so it gives no warning either way
 * @returns a `DRAW_OUTSIDE_PERIOD` warning, or null when the date is inside (or nothing can be said)
 * @example checkDrawDate('2025年3月至10月', 45992, 2025)?.message // '今天（2025年12月）不在本任务的抽查时间“2025年3-10月”内：…'
 */
export function checkDrawDate(periodText: string, drawDate: number, planYear?: number, periodValue?: number): RuleFinding | null {
  const period = parsePeriod(periodText, periodValue, planYear);
  const on = excelSerialToYearMonth(drawDate);
  if (!period.ok || on === null) return null;
  const { year, startMonth, endMonth, months } = period.value;
  const inYear = year === undefined || year === on.year;
  const inMonths = months !== undefined ? months.includes(on.month) : on.month >= startMonth && on.month <= endMonth;
  if (inYear && inMonths) return null;
  return {
    severity: 'warning',
    code: 'DRAW_OUTSIDE_PERIOD',
    message:
      `今天（${on.year}年${on.month}月）不在本任务的抽查时间“${formatPeriod(period.value)}”内：` +
      '仍可抽取，但请先确认计划是否已调整：调整年度抽查计划应按程序报批，并及时重新公开。',
  };
}
