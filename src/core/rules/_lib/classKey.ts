import { stripSpaces, toHalfWidth } from '../../text';

/**
 * Class names compared loosely: `A类`, `A级`, `a`, `Ａ` are `A`; `低风险`, `低风险等级` are `低`.
 * @param s - a class letter or label as written
 * @returns the key to compare
 * @example classKey(' ａ级 ') // 'A'
 */
export function classKey(s: string): string {
  return stripSpaces(toHalfWidth(s))
    .toUpperCase()
    .replace(/(?:信用|风险|等级|类|级)+$/, '');
}
