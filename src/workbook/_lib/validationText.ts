/**
 * Date validation as every adapter writes it: its bounds, and what a user who types something it
 * refuses is told (same text everywhere).
 */

/** Whether `s` is an ISO calendar date `YYYY-MM-DD` (the form `dateValidation` bounds take). */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s);
}

/**
 * The Chinese message Excel shows when something other than an allowed date is typed.
 * @example dateErrorText('2025-04-01', undefined) // '请填写日期（如 2025-06-03），且不早于 2025-04-01。'
 */
export function dateErrorText(min: string | undefined, max: string | undefined): string {
  const bounds = [min !== undefined ? `不早于 ${min}` : '', max !== undefined ? `不晚于 ${max}` : ''].filter(Boolean);
  return `请填写日期（如 2025-06-03）${bounds.length ? `，且${bounds.join('、')}` : ''}。`;
}

/** How a date validation is bounded: between both dates, at most one, or at least one. */
export type DateBounds = { operator: 'between' | 'atMost' | 'atLeast'; dates: [string] | [string, string] };

/**
 * The bounds of a `dateValidation` op, the same in every adapter. With no bound at all, any date
 * from 1900 on is accepted (Excel needs an operator and an operand).
 * @example dateBounds(undefined, '2025-12-31') // { operator: 'atMost', dates: ['2025-12-31'] }
 */
export function dateBounds(min: string | undefined, max: string | undefined): DateBounds {
  if (min !== undefined && max !== undefined) return { operator: 'between', dates: [min, max] };
  if (max !== undefined) return { operator: 'atMost', dates: [max] };
  return { operator: 'atLeast', dates: [min ?? '1900-01-01'] };
}
