/**
 * Exact decimal scaling for ratios: `0.07 * 10000` is `700.0000000000001` in floating point,
 * so the decimal point is moved in the digit string instead. Private to rules.
 */

/** An integer scaled from a decimal string, and whether digits were rounded away. */
export type ScaledInt = { value: number; rounded: boolean };

/**
 * Moves the decimal point of a non-negative decimal string `shift` places right and rounds half up.
 * Accepts JS number notation (`0.07`, `1e-7`, `5.5E2`); null for anything else.
 * @example scaleDecimal('0.07', 4) // { value: 700, rounded: false }
 */
export function scaleDecimal(text: string, shift: number): ScaledInt | null {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const digits = `${m[1] ?? ''}${m[2] ?? ''}`;
  const point = (m[1] ?? '').length + shift + Number(m[3] ?? '0');
  const intDigits = point <= 0 ? '0' : digits.padEnd(point, '0').slice(0, point);
  const rest = point <= 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  const roundUp = (rest.charAt(0) || '0') >= '5';
  const value = Number(intDigits || '0') + (roundUp ? 1 : 0);
  return { value, rounded: /[1-9]/.test(rest) };
}

/**
 * {@link scaleDecimal} for a number, through its shortest round-trip decimal text.
 * @example scaleNumber(0.07, 4) // { value: 700, rounded: false }
 */
export function scaleNumber(n: number, shift: number): ScaledInt | null {
  if (!Number.isFinite(n) || n < 0) return null;
  return scaleDecimal(String(n), shift);
}
