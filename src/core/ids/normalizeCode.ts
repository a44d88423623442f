/**
 * Brings a typed code or id to its canonical form: Unicode NFKC (full-width `９１４４` → `9144`),
 * every kind of white space removed (ASCII, NBSP, the full-width space U+3000, zero-width
 * characters pasted from web pages), then upper case (`x` → `X`).
 * Only for codes and ids: names must keep their spaces and case.
 *
 * @param s - the cell text
 * @returns the canonical code
 * @example normalizeCode(' ９１４４０３００ 1922038216\u200b ') // '914403001922038216'
 * @example normalizeCode('13010519491231002x') // '13010519491231002X'
 */
export function normalizeCode(s: string): string {
  // Printable ASCII is already NFKC and holds no space: the common case, 50,000 times per directory.
  if (/^[\x21-\x7e]*$/.test(s)) return s.toUpperCase();
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g, '')
    .toUpperCase();
}
