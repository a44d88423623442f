/** What the adapters tell a user who types something a date validation refuses (same text everywhere). */

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
