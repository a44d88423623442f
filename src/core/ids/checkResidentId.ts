import type { RuleFinding } from '../rules/ruleFinding';
import { normalizeCode } from '../text';

/** A calendar day, 1-based month. Passed in so that core never reads the clock. */
export type CalendarDate = { year: number; month: number; day: number };

/** ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for the 17 body digits. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

export type ResidentIdOk = {
  ok: true;
  value: string;
  birthDate: CalendarDate;
};

/** Why a 身份证号 is wrong. Each problem is also a {@link RuleFinding}. */
export type ResidentIdProblem = RuleFinding & { ok: false; value: string } & (
    | { kind: 'empty' }
    | { kind: 'length'; length: number }
    /** An old 15-digit id (before 1999); `upgraded` is its 18-digit form when its date is valid. */
    | { kind: 'legacy15'; upgraded?: string }
    | { kind: 'charset'; position: number; char: string }
    | { kind: 'birthDate'; reason: 'invalid' | 'future' | 'tooOld'; birth: string }
    | { kind: 'check'; expected: string; found: string }
  );

export type ResidentIdResult = ResidentIdOk | ResidentIdProblem;

function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS.charAt(sum % 11);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function readDate(yyyymmdd: string): CalendarDate | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The ISO 7064 MOD 11-2 check character (the 18th) of a 居民身份证号 (GB 11643-1999).
 *
 * @param first17 - the first 17 digits
 * @returns `0`–`9` or `X`
 * @throws when `first17` is not 17 digits (a bug in the caller)
 * @example computeResidentIdCheckChar('11010519491231002') // 'X'
 */
export function computeResidentIdCheckChar(first17: string): string {
  const s = normalizeCode(first17);
  if (!/^\d{17}$/.test(s)) throw new Error(`computeResidentIdCheckChar needs 17 digits: ${first17}`);
  return checkCharOf(s);
}

function fail(value: string, code: string, message: string) {
  return { ok: false as const, value, severity: 'error' as const, code, message };
}

/**
 * Checks a 居民身份证号 (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2,
 * `X` for 10), with a real birth date in characters 7–14 that is not after `today`.
 * An old 15-digit id is its own kind (`legacy15`), with the 18-digit form when it can be derived.
 * The input is normalised first ({@link normalizeCode}), so `x`, full-width digits and spaces pass.
 *
 * @param s - the cell text
 * @param today - the current day, for the not-in-the-future rule; skipped when omitted
 * @returns `{ ok: true, value, birthDate }` or the first problem found
 * @example checkResidentId('11010519491231002X', { year: 2025, month: 1, day: 1 }).ok // true
 * @example checkResidentId('110105194912310021').message
 * // '身份证号第18位校验码应为“X”，实际为“1”，可能是录入错误，请与身份证核对'
 */
export function checkResidentId(s: string, today?: CalendarDate): ResidentIdResult {
  const value = normalizeCode(s);
  if (value === '')
    return { ...fail(value, 'RESIDENT_ID_EMPTY', '身份证号为空；请填写18位身份证号'), kind: 'empty' };
  if (/^\d{15}$/.test(value)) {
    const birth = `19${value.slice(6, 12)}`;
    const body = `${value.slice(0, 6)}${birth}${value.slice(12)}`;
    const upgraded = readDate(birth) ? `${body}${checkCharOf(body)}` : undefined;
    return {
      ...fail(
        value,
        'RESIDENT_ID_LEGACY_15',
        `这是15位的旧身份证号，请改填18位身份证号${upgraded ? `（按规则换算应为 ${upgraded}，请与本人身份证核对）` : ''}`,
      ),
      kind: 'legacy15',
      ...(upgraded ? { upgraded, suggestion: upgraded } : {}),
    };
  }
  if (value.length !== 18) {
    return {
      ...fail(value, 'RESIDENT_ID_LENGTH', `身份证号应为18位，实际为${value.length}位，请检查是否多录或漏录`),
      kind: 'length',
      length: value.length,
    };
  }
  const bad = [...value].findIndex((ch, i) => !(/\d/.test(ch) || (i === 17 && ch === 'X')));
  if (bad >= 0) {
    const char = value.charAt(bad);
    const allowed = bad === 17 ? '第18位只能是数字或 X' : '前17位只能是数字';
    const hint =
      char === 'O' ? '，字母“O”可能应为数字“0”' : char === 'I' || char === 'L' ? '，可能应为数字“1”' : '';
    return {
      ...fail(value, 'RESIDENT_ID_CHARSET', `身份证号第${bad + 1}位“${char}”无效：${allowed}${hint}`),
      kind: 'charset',
      position: bad + 1,
      char,
    };
  }
  const birth = value.slice(6, 14);
  const birthDate = readDate(birth);
  const birthProblem = (reason: 'invalid' | 'future' | 'tooOld', message: string) => ({
    ...fail(value, 'RESIDENT_ID_BIRTH_DATE', message),
    kind: 'birthDate' as const,
    reason,
    birth,
  });
  if (!birthDate) {
    return birthProblem('invalid', `身份证号第7-14位的出生日期“${birth}”不是有效日期，请与身份证核对`);
  }
  if (birthDate.year < 1900) {
    return birthProblem('tooOld', `身份证号中的出生年份${birthDate.year}不合理，请与身份证核对`);
  }
  if (today && compareDates(birthDate, today) > 0) {
    return birthProblem('future', `身份证号中的出生日期“${birth}”晚于今天，请与身份证核对`);
  }
  const expected = checkCharOf(value.slice(0, 17));
  const found = value.charAt(17);
  if (expected !== found) {
    return {
      ...fail(
        value,
        'RESIDENT_ID_CHECK',
        `身份证号第18位校验码应为“${expected}”，实际为“${found}”，可能是录入错误，请与身份证核对`,
      ),
      kind: 'check',
      expected,
      found,
    };
  }
  return { ok: true, value, birthDate };
}
