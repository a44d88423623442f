/**
 * Orders strings by Unicode scalar value (ssj-draw/1 §11), not by UTF-16 code unit as `<` does:
 * they differ for characters outside the BMP (𠮷 sorts after Ｚ by code point, before it by unit).
 * @example ['Ｚ', '𠮷'].sort(compareCodePoints) // ['Ｚ', '𠮷']
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (D800–DFFF) stands for a code point above FFFF, so it sorts after E000–FFFF.
    const sx = x >= 0xd800 && x <= 0xdfff ? x + 0x2000 : x >= 0xe000 ? x - 0x800 : x;
    const sy = y >= 0xd800 && y <= 0xdfff ? y + 0x2000 : y >= 0xe000 ? y - 0x800 : y;
    return sx - sy;
  }
  return a.length - b.length;
}
