import { stripSpaces, toHalfWidth } from '../../text';

/**
 * A label as people type it in a bureau's own form — `名  称`, `统一社会信用代码\n/注册号`,
 * `法定代表人（负责人）：` — brought to one key: no white space, half-width, `()` for `（）`,
 * no trailing colon.
 * @param s a label cell's text
 * @returns the comparable key
 * @example normalizeLabel('法定代表人\n（负责人）：') // '法定代表人(负责人)'
 */
export function normalizeLabel(s: string): string {
  return toHalfWidth(stripSpaces(s))
    .replace(/[【〔]/g, '(')
    .replace(/[】〕]/g, ')')
    .replace(/[:：]+$/, '');
}
