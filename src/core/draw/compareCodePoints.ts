/**
 * Compares two strings by Unicode code point (scalar value), the order ssj-draw/1 §11 requires for
 * candidates, inspectors and exclusions. JavaScript's `<` and `Array.prototype.sort` compare UTF-16
 * code units instead, which put a character above U+FFFF (a surrogate pair, 0xD800–0xDFFF) before
 * one in U+E000–U+FFFF, e.g. 𠮷 (U+20BB7) before Ｚ (U+FF3A).
 *
 * @param a - first string
 * @param b - second string
 * @returns a negative number when `a` sorts first, positive when `b` does, 0 when equal
 * @example
 * compareCodePoints('Ｚ', '𠮷') // < 0, although 'Ｚ' < '𠮷' is false
 * ['𠮷', 'Ｚ', 'a'].sort(compareCodePoints) // ['a', 'Ｚ', '𠮷']
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Only when both units are ≥ 0xD800 can the two orders disagree: move surrogates above the
      // rest of the BMP so that a pair (a code point ≥ 0x10000) sorts after U+E000–U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) return liftSurrogate(x) - liftSurrogate(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Maps 0xD800–0xDFFF to 0xF800–0xFFFF and 0xE000–0xFFFF to 0xD800–0xF7FF. */
function liftSurrogate(unit: number): number {
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}
