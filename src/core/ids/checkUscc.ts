import type { RuleFinding } from '../rules/ruleFinding';
import { normalizeCode } from '../text';

/** GB 32100-2015 code alphabet: digits and capitals without I, O, Z, S, V. Index = character value. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights 3^i mod 31, i = 0…16 (GB 32100-2015 §5). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 11714 organisation-code weights for its 8 body characters. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Letters GB 32100 leaves out because they are read as digits or other letters. */
const CONFUSABLE: Readonly<Record<string, string>> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' };

/** The code is fine; `value` is its canonical form (see {@link normalizeCode}). */
export type UsccOk = { ok: true; value: string };

/** Why a 统一社会信用代码 is wrong. Each problem is also a {@link RuleFinding}. */
export type UsccProblem = RuleFinding & { ok: false; value: string } & (
    | { kind: 'empty' }
    | { kind: 'length'; length: number }
    | {
        kind: 'charset';
        /** 1-based position of the first character outside the alphabet. */
        position: number;
        char: string;
        /** The code with I/O/Z/S/V replaced by what they were likely meant to be, when that passes the check. */
        corrected?: string;
      }
    | { kind: 'check'; expected: string; found: string }
    | { kind: 'orgCheck'; expected: string; found: string }
  );

export type UsccResult = UsccOk | UsccProblem;

function usccCheckCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714: digits are themselves, letters A–Z are 10–35. */
function orgCharValue(ch: string): number {
  return /[0-9]/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
}

/**
 * The GB 11714 check character for an 8-character organisation-code body.
 *
 * @param body8 - the first 8 characters of an organisation code (digits or capitals)
 * @returns `0`–`9` or `X`
 * @throws when `body8` is not 8 digits or capitals (a bug in the caller)
 * @example computeOrgCodeCheckChar('19220382') // '1'
 */
export function computeOrgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8))
    throw new Error(`organisation code body must be 8 digits/capitals: ${body8}`);
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += orgCharValue(body8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * The GB 32100-2015 check character (the 18th) for the first 17 characters of a
 * 统一社会信用代码. Used to generate sample data.
 *
 * @param first17 - 17 characters from `0-9 A-H J-N P-R T U W X Y` (normalised first)
 * @returns the 18th character
 * @throws when `first17` is not 17 characters of the alphabet (a bug in the caller)
 * @example computeUsccCheckChar('91440300192203821') // '6'
 */
export function computeUsccCheckChar(first17: string): string {
  const s = normalizeCode(first17);
  if (s.length !== 17 || [...s].some((ch) => !USCC_ALPHABET.includes(ch))) {
    throw new Error(`computeUsccCheckChar needs 17 characters of the GB 32100 alphabet: ${first17}`);
  }
  return usccCheckCharOf(s);
}

/** Code alphabet value by character code (-1: not in the alphabet). */
const ALPHABET_VALUE = Array.from({ length: 128 }, (_, c) => USCC_ALPHABET.indexOf(String.fromCharCode(c)));

/** What {@link checkUscc} accepts, answered without allocating: 18 characters of the alphabet, both check characters right. */
function isValidCode(value: string): boolean {
  if (value.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = ALPHABET_VALUE[value.charCodeAt(i)];
    if (v === undefined || v < 0) return false;
    sum += v * USCC_WEIGHTS[i]!;
  }
  const last = ALPHABET_VALUE[value.charCodeAt(17)];
  if (last === undefined || last < 0 || last !== (31 - (sum % 31)) % 31) return false;
  // GB 11714 over characters 9–16: digits are themselves, letters A–Z 10–35 (the alphabet holds no other).
  let org = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = value.charCodeAt(8 + i);
    org += (c <= 57 ? c - 48 : c - 55) * ORG_WEIGHTS[i]!;
  }
  const check = 11 - (org % 11);
  const expected = check === 10 ? 88 : check === 11 ? 48 : 48 + check; // 'X', '0', '1'–'9'
  return value.charCodeAt(16) === expected;
}

/**
 * Whether {@link checkUscc} accepts the code (`checkUscc(s).ok`), without building its result: for
 * reading a directory's ids, where only the verdict counts.
 *
 * @param s - the cell text
 * @returns true when the code is valid, its organisation code included
 * @example isValidUscc('914403001922038216') // true
 * @example isValidUscc('914403001922038215') // false
 */
export function isValidUscc(s: string): boolean {
  return isValidCode(normalizeCode(s));
}

function problem(value: string, severity: RuleFinding['severity'], code: string, message: string) {
  return { ok: false as const, value, severity, code, message };
}

/**
 * Checks a 统一社会信用代码 (GB 32100-2015): 18 characters of the code alphabet, the 18th a
 * check character (weights 3^i mod 31), and characters 9–17 a valid GB 11714 organisation code.
 * The input is normalised first ({@link normalizeCode}), so full-width digits and spaces pass.
 * A wrong check character is almost always a typing error, and the message says so.
 *
 * @param s - the cell text
 * @returns `{ ok: true, value }` or the first problem found: `empty`, `length`, `charset`,
 *   `check` or `orgCheck` (a warning: the code itself checks out), each with a Chinese message
 * @example checkUscc('914403001922038216') // { ok: true, value: '914403001922038216' }
 * @example checkUscc('914403001922038215').message
 * // '统一社会信用代码第18位校验码应为“6”，实际为“5”，可能是录入错误，请与营业执照核对'
 */
export function checkUscc(s: string): UsccResult {
  const value = normalizeCode(s);
  // A directory holds tens of thousands of codes, nearly all valid: check those without making arrays.
  if (isValidCode(value)) return { ok: true, value };
  if (value === '') {
    return {
      ...problem(
        value,
        'error',
        'USCC_EMPTY',
        '统一社会信用代码为空；请按营业执照填写18位代码（非市场主体可在备注中说明）',
      ),
      kind: 'empty',
    };
  }
  if (value.length !== 18) {
    const hint = /^\d{15}$/.test(value) ? '；15位的可能是旧的工商注册号，请换成18位统一社会信用代码' : '';
    return {
      ...problem(
        value,
        'error',
        'USCC_LENGTH',
        `统一社会信用代码应为18位，实际为${value.length}位${hint || '，请对照营业执照检查是否多录或漏录'}`,
      ),
      kind: 'length',
      length: value.length,
    };
  }
  const bad = [...value].findIndex((ch) => !USCC_ALPHABET.includes(ch));
  if (bad >= 0) {
    const char = value.charAt(bad);
    const likely = CONFUSABLE[char];
    const fixed = [...value].map((ch) => CONFUSABLE[ch] ?? ch).join('');
    const fixedPasses =
      [...fixed].every((ch) => USCC_ALPHABET.includes(ch)) && usccCheckCharOf(fixed) === fixed.charAt(17);
    const tail = likely
      ? `；代码中不使用字母 I、O、Z、S、V，这里可能应为“${likely}”${fixedPasses ? `，改为 ${fixed} 后校验通过` : ''}`
      : '；代码只含数字和大写字母（不含 I、O、Z、S、V）';
    return {
      ...problem(
        value,
        'error',
        'USCC_CHARSET',
        `统一社会信用代码第${bad + 1}位“${char}”不是有效字符${tail}`,
      ),
      kind: 'charset',
      position: bad + 1,
      char,
      ...(fixedPasses ? { corrected: fixed, suggestion: fixed } : {}),
    };
  }
  const expected = usccCheckCharOf(value);
  const found = value.charAt(17);
  if (expected !== found) {
    return {
      ...problem(
        value,
        'error',
        'USCC_CHECK',
        `统一社会信用代码第18位校验码应为“${expected}”，实际为“${found}”，可能是录入错误，请与营业执照核对`,
      ),
      kind: 'check',
      expected,
      found,
    };
  }
  const orgExpected = computeOrgCodeCheckChar(value.slice(8, 16));
  const orgFound = value.charAt(16);
  if (orgExpected !== orgFound) {
    return {
      ...problem(
        value,
        'warning',
        'USCC_ORG_CHECK',
        `统一社会信用代码第9-17位（组织机构代码）的校验码应为“${orgExpected}”，实际为“${orgFound}”；代码整体校验通过，但可能不是真实代码，请与营业执照核对`,
      ),
      kind: 'orgCheck',
      expected: orgExpected,
      found: orgFound,
    };
  }
  return { ok: true, value };
}
