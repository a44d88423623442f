/**
 * What Excel would display for a raw value under a number format — the part of Excel's formatter
 * that bureau sheets use (General, percentages, fixed decimals, dates, text). An .xlsx package holds
 * raw values only; the parsers in core read both the raw value and this text, as Office.js provides.
 */
import type { CellValue } from '../../core/grid';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Days between the 1900 and 1904 date systems' day 0 (a 1904 book's serials are this much smaller). */
export const DAYS_1904 = 1462;

/** Excel serial day number (1900 date system) of a JS Date taken as UTC. */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

/** The UTC calendar date of an Excel serial. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}

/** Whether a number format shows a date (so its serials are calendar days). */
export function isDateFormat(fmt: string): boolean {
  const f = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[yd]/i.test(f) || /m{1,2}\/|\/m|年|月/.test(f);
}

function formatDate(serial: number, fmt: string): string {
  const d = serialToDate(serial);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (fmt.includes('年')) return /d/i.test(fmt) ? `${y}年${m}月${day}日` : `${y}年${m}月`;
  if (/yyyy-mm-dd/i.test(fmt)) return `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return `${y}/${m}/${day}`;
}

function decimalsOf(fmt: string): number {
  const m = /\.(0+)/.exec(fmt);
  return m ? m[1]!.length : 0;
}

function formatGeneralNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  // Excel's General shows at most 11 significant characters; big numbers go scientific,
  // which is exactly how an 18-digit code typed into a General cell appears (9.14403E+17).
  if (abs >= 1e11) {
    const [mant, exp] = n.toExponential(5).split('e');
    const m = String(Number(mant));
    const e = Number(exp);
    return `${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/**
 * Displayed text of a raw value under a number format.
 * @param value raw value (dates already as serial numbers)
 * @param fmt number format code, `General` when unknown
 * @returns the text Excel shows
 * @example formatCellText(0.05, '0%') // '5%'
 * @example formatCellText(45717, 'yyyy"年"m"月"') // '2025年3月'
 */
export function formatCellText(value: CellValue, fmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const f = fmt ?? 'General';
  if (f === '@') return String(value);
  if (f.includes('%')) {
    const dec = decimalsOf(f);
    return `${(value * 100).toFixed(dec)}%`;
  }
  if (isDateFormat(f) && f !== 'General') return formatDate(value, f);
  if (/^[#,0]+(\.0+)?$/.test(f)) {
    const dec = decimalsOf(f);
    const s = value.toFixed(dec);
    return f.includes(',') ? Number(s).toLocaleString('en-US', { minimumFractionDigits: dec }) : s;
  }
  return formatGeneralNumber(value);
}
