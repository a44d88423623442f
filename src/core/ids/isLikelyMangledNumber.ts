import type { CellValue } from '../grid';
import type { RuleFinding } from '../rules/ruleFinding';
import { normalizeCode } from '../text';

/**
 * Tells whether an 18-character code or id was stored as a number in Excel and so lost its last
 * digits: Excel keeps 15 significant digits, so `914403001922038216` becomes `914403001922038000`
 * and shows as `9.14403E+17`. Detected from the raw value (a number of 16 or more digits, or any
 * number beyond 2^53) and/or the displayed text (scientific notation, or 16–18 digits ending in `000`).
 *
 * A genuine code can end in `000` (about 1 in 3,000), so use a text-only hit to explain a failed
 * check, not on its own; a raw number of 16+ digits is always lossy.
 *
 * @param raw - the raw cell value (a number when Excel stored it as one)
 * @param text - the displayed text, when known
 * @returns true when the value looks like a code that lost precision as a number
 * @example isLikelyMangledNumber(914403001922038000) // true
 * @example isLikelyMangledNumber('914403001922038216', '914403001922038216') // false
 * @example isLikelyMangledNumber(null, '9.14403E+17') // true
 */
export function isLikelyMangledNumber(raw: CellValue | undefined, text?: string): boolean {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return false;
    if (Math.abs(raw) > Number.MAX_SAFE_INTEGER) return true;
    if (Number.isInteger(raw) && Math.abs(raw) >= 1e15) return true;
  }
  const shown = normalizeCode(text ?? (typeof raw === 'string' ? raw : ''));
  if (/^\d(?:\.\d+)?E\+?\d+$/.test(shown)) return true;
  return /^\d{13,15}000$/.test(shown);
}

/**
 * The finding for a code that {@link isLikelyMangledNumber} flags.
 *
 * @param fieldName - what the column holds, e.g. `统一社会信用代码` or `身份证号`
 * @returns an error finding with code `ID_STORED_AS_NUMBER`
 * @example mangledNumberFinding('统一社会信用代码').message
 * // '统一社会信用代码被存成了数字，后几位已丢失；请把该列设为文本后重新录入'
 */
export function mangledNumberFinding(fieldName: string): RuleFinding {
  return {
    severity: 'error',
    code: 'ID_STORED_AS_NUMBER',
    message: `${fieldName}被存成了数字，后几位已丢失；请把该列设为文本后重新录入`,
  };
}
