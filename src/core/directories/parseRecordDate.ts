/**
 * Dates of past inspections as bureaus type them. A date decides whether a target is left out as
 * recently inspected (避免重复抽查), so one that cannot be read must never be dropped silently: it is
 * read when unambiguous and reported otherwise, before the draw.
 */
import type { CellValue } from '../grid';

/** Outcome: the Excel serial day (null when unusable) and, when the clerk should look, why. */
export type RecordDate = { serial: number | null; issue: { severity: 'error' | 'warning'; message: string } | null };

const EPOCH = Date.UTC(1899, 11, 30);
/** Plausible inspection dates: 1990-01-01 … 2100-12-31. */
const MIN_SERIAL = 32874;
const MAX_SERIAL = 73415;

function serialOf(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - EPOCH) / 86_400_000);
}

function isoOf(serial: number): string {
  return new Date(EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
}

const ok = (serial: number): RecordDate => ({ serial, issue: null });
const bad = (message: string): RecordDate => ({ serial: null, issue: { severity: 'error', message } });

/**
 * Reads an inspection date: a date cell, or text like `2024-03-05`, `2024/3/5`, `2024年3月5日`,
 * `2024.3.5`, `20240305`. A number kept as text (`46327`) is read as an Excel date with a warning;
 * a month without a day (`2026年11月`) counts as the month's last day (so a recent inspection still
 * keeps the target out) with a warning; `11/1/2026` (day and month order unknown), words (`昨天`),
 * impossible dates and dates after `today` are errors and are not used.
 * @param value the raw cell value
 * @param shown its displayed text
 * @param today Excel serial of today (dates after it are refused)
 * @example parseRecordDate(null, '20261101', 46400).serial // 46327
 * @example parseRecordDate(null, '11/1/2026', 46400).issue?.severity // 'error'
 */
export function parseRecordDate(value: CellValue, shown: string, today: number): RecordDate {
  const text = shown.normalize('NFKC').trim();
  let out: RecordDate;
  if (typeof value === 'number' && Number.isFinite(value)) {
    out = value >= MIN_SERIAL && value <= MAX_SERIAL ? ok(Math.floor(value)) : bad(`“${text || value}”不是有效的日期`);
  } else if (text === '') {
    return { serial: null, issue: null };
  } else {
    out = parseText(text);
  }
  if (out.serial !== null && out.serial > today)
    return bad(`检查日期 ${isoOf(out.serial)} 在今天之后：请核对（未来的日期不计入“近期已检查”）`);
  return out;
}

function parseText(text: string): RecordDate {
  let m = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?$/.exec(text);
  if (m) {
    const s = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return s === null ? bad(`“${text}”不是存在的日期`) : ok(s);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    const s = serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return s === null ? bad(`“${text}”不是存在的日期`) : ok(s);
  }
  m = /^(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*月?$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const s = mo >= 1 && mo <= 12 ? serialOf(mo === 12 ? y + 1 : y, mo === 12 ? 1 : mo + 1, 1) : null;
    if (s === null) return bad(`“${text}”不是存在的月份`);
    return { serial: s - 1, issue: { severity: 'warning', message: `“${text}”只写到月份，按当月最后一天（${isoOf(s - 1)}）计算；请补全日期` } };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    // Unambiguous only when one part cannot be a month.
    if (a > 12 && b <= 12) {
      const s = serialOf(y, b, a);
      if (s !== null) return ok(s);
    }
    if (b > 12 && a <= 12) {
      const s = serialOf(y, a, b);
      if (s !== null) return ok(s);
    }
    return bad(`“${text}”无法确定是几月几日（日/月顺序不明）：请写成 ${y}-MM-DD`);
  }
  if (/^\d{5}$/.test(text)) {
    const n = Number(text);
    if (n >= MIN_SERIAL && n <= MAX_SERIAL)
      return { serial: n, issue: { severity: 'warning', message: `“${text}”是以文本保存的数字，按 Excel 日期读作 ${isoOf(n)}；请把该单元格设为日期格式` } };
  }
  return bad(`“${text}”不是可识别的日期：请写成 2025-03-05 或 2025年3月5日`);
}
