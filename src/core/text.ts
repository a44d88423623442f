/**
 * Small text helpers shared by the parsers in core. Cells typed on Chinese input methods mix
 * full-width digits and punctuation (`２０２２`, `５％`, `（Ａ、１％）`) and stray spaces
 * (`2022 年承德县医疗保障局随机抽查 001`); every parser first brings them to one form.
 */

/** White space as cells hold it: ASCII, NBSP, U+3000 and the other Unicode spaces. */
const SPACE_RUN = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Characters that take no room and are invisible in Excel, yet break `===` (pasted from web pages). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * Any character either of the two above matches. `\s` is exactly what `trim` removes (white space
 * and line terminators, NBSP and U+3000 among them), so a text without one is its own collapsed form.
 */
const ANY_SPACE = /[\s\u200b-\u200d\u2060\ufeff]/;

/**
 * Turns full-width ASCII (U+FF01–U+FF5E: digits, letters, `％（），：；～`) into half-width,
 * and the ideographic space U+3000 into a plain space. Other CJK punctuation (`、` `。` `“”`) is kept.
 *
 * @param s - any text
 * @returns the same text with full-width ASCII forms replaced
 * @example toHalfWidth('２０２２年６－１１月，５％') // '2022年6-11月,5%'
 */
export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Collapses every run of white space (including NBSP and the full-width space) to one plain
 * space, drops zero-width characters, and trims both ends.
 *
 * @param s - any text
 * @returns the text with single spaces only
 * @example collapseSpaces('  2022\u3000年\u00a0\u00a06-11 月 ') // '2022 年 6-11 月'
 */
export function collapseSpaces(s: string): string {
  // Most cells hold no space at all: one test instead of two replacements and a trim.
  if (!ANY_SPACE.test(s)) return s;
  return s.replace(ZERO_WIDTH, '').replace(SPACE_RUN, ' ').trim();
}

/**
 * Removes all white space and zero-width characters. For values in which a space never
 * belongs (names of plans, numbers, periods, ratios).
 *
 * @param s - any text
 * @returns the text without any space
 * @example stripSpaces('2022 年承德县医疗保障局随机抽查 001') // '2022年承德县医疗保障局随机抽查001'
 */
export function stripSpaces(s: string): string {
  if (!ANY_SPACE.test(s)) return s;
  return s.replace(ZERO_WIDTH, '').replace(SPACE_RUN, '');
}

/**
 * Tells whether the text holds any white space or zero-width character.
 *
 * @param s - any text
 * @returns true when {@link stripSpaces} would change the text
 * @example hasSpaces('001 号') // true
 */
export function hasSpaces(s: string): boolean {
  return stripSpaces(s) !== s;
}

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
  // Without a lower-case letter it is returned as it is: the same string, whose hash a Map keeps.
  if (/^[\x21-\x7e]*$/.test(s)) return /[a-z]/.test(s) ? s.toUpperCase() : s;
  return s
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]/g, '')
    .toUpperCase();
}
