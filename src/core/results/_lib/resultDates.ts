/**
 * Dates of the results sheet: the 检查日期 a clerk types (a date cell, or text such as
 * `2025年6月3日`, `2025-6-3`, `2025.6.3`, `20250603`) as an ISO calendar date. Pure arithmetic on
 * Excel serials (1900 system, day 0 = 1899-12-30); no clock.
 */
import type { CellValue } from '../../grid';
import { stripSpaces, toHalfWidth } from '../../text';

const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Dates before this are no inspection dates (a `3` typed into a date cell shows as 1900-01-03). */
const EARLIEST_YEAR = 2000;

/**
 * The ISO date of an Excel serial day.
 * @example serialToIsoDate(45748) // '2025-04-01'
 */
export function serialToIsoDate(serial: number): string {
  const d = new Date(EPOCH_MS + Math.floor(serial) * DAY_MS);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The Excel serial day of an ISO date.
 * @example isoDateToSerial('2025-04-01') // 45748
 */
export function isoDateToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1) - EPOCH_MS) / DAY_MS);
}

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

/** Whether a number format shows a date (`yyyy-mm-dd`, `yyyy"年"m"月"d"日"`, `m/d/yyyy` …). */
function isDateFormat(format: string | undefined): boolean {
  if (!format || format === 'General' || format === '@') return false;
  const f = format.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(f) || /年|月|日/.test(format);
}

export type ParsedDate = { ok: true; iso: string } | { ok: false; shown: string } | { ok: 'empty' };

/**
 * Reads a 检查日期 cell.
 * @param value the raw value (a date cell holds its serial)
 * @param text what the cell shows
 * @param format the cell's number format, when known
 * @returns the ISO date, `empty`, or not a date (with the text to quote)
 * @example parseResultDate(null, '2025年6月3日', 'General') // { ok: true, iso: '2025-06-03' }
 * @example parseResultDate(45811, '2025-06-03', 'yyyy-mm-dd') // { ok: true, iso: '2025-06-03' }
 */
export function parseResultDate(value: CellValue, text: string, format?: string): ParsedDate {
  const shown = text.trim();
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (/^\d{8}$/.test(String(value)) && !isDateFormat(format)) return fromParts(String(value).slice(0, 4), String(value).slice(4, 6), String(value).slice(6, 8), shown);
    if (value >= 61 && value < 2_958_466) {
      const iso = serialToIsoDate(value);
      return Number(iso.slice(0, 4)) >= EARLIEST_YEAR ? { ok: true, iso } : { ok: false, shown: shown || iso };
    }
    return { ok: false, shown: shown || String(value) };
  }
  const s = stripSpaces(toHalfWidth(shown));
  if (s === '') return { ok: 'empty' };
  const m = /^(\d{4})[年\-/.．](\d{1,2})[月\-/.．](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return { ok: false, shown };
  return fromParts(m[1]!, m[2]!, m[3]!, shown);
}

function fromParts(ys: string, ms: string, ds: string, shown: string): ParsedDate {
  const y = Number(ys);
  const m = Number(ms);
  const d = Number(ds);
  if (y < EARLIEST_YEAR || !isRealDate(y, m, d)) return { ok: false, shown };
  return { ok: true, iso: isoOf(y, m, d) };
}

export type ParsedTime = { ok: true; iso: string; minutes: number } | { ok: false; shown: string } | { ok: 'empty' };

/**
 * Reads a 上报时间 cell: a date-time cell (serial with a fraction of a day) or text such as
 * `2025-06-04 10:30`, `2025/6/4 10:30`, `2025年6月4日10时30分`, `2025年6月4日10:30`; a date alone
 * counts as the end of that day (the latest it can mean).
 * @param value the raw value
 * @param text what the cell shows
 * @returns `YYYY-MM-DD HH:MM` and minutes since 1899-12-30 00:00, `empty`, or not a time
 * @example parseReportTime(null, '2025-06-04 10:30') // { ok: true, iso: '2025-06-04 10:30', minutes: 65_893_590 }
 */
export function parseReportTime(value: CellValue, text: string): ParsedTime {
  const shown = text.trim();
  if (typeof value === 'number' && Number.isFinite(value) && value >= 61 && value < 2_958_466) {
    const minutes = Math.round(value * 1440);
    const iso = `${serialToIsoDate(Math.floor(minutes / 1440))} ${clock(minutes % 1440)}`;
    return Number(iso.slice(0, 4)) >= EARLIEST_YEAR ? { ok: true, iso, minutes } : { ok: false, shown: shown || iso };
  }
  const s = stripSpaces(toHalfWidth(shown)).replace(/[时点]/, ':').replace(/分$/, '');
  if (s === '') return { ok: 'empty' };
  const m = /^(\d{4})[年\-/.．](\d{1,2})[月\-/.．](\d{1,2})日?(?:T?(\d{1,2}):(\d{2}))?$/.exec(s);
  if (!m) return { ok: false, shown };
  const date = fromParts(m[1]!, m[2]!, m[3]!, shown);
  if (date.ok !== true) return { ok: false, shown };
  const hasTime = m[4] !== undefined;
  const h = hasTime ? Number(m[4]) : 23;
  const min = hasTime ? Number(m[5]) : 59;
  if (h > 23 || min > 59) return { ok: false, shown };
  const minutes = isoDateToSerial(date.iso) * 1440 + h * 60 + min;
  return { ok: true, iso: `${date.iso} ${clock(h * 60 + min)}`, minutes };
}

function clock(minutesOfDay: number): string {
  return `${String(Math.floor(minutesOfDay / 60)).padStart(2, '0')}:${String(minutesOfDay % 60).padStart(2, '0')}`;
}
