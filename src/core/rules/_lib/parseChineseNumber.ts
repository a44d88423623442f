const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/**
 * Reads the small numbers written in Chinese in plan cells (`五`, `两`, `十`, `十二`, `二十五`,
 * `一百`) or in Arabic digits. Private to rules; null when the text is neither.
 * @example parseChineseNumber('十二') // 12
 */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const single = DIGITS[s];
  if (single !== undefined) return single;
  if (s === '百' || s === '一百') return 100;
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  return (m[1] ? (DIGITS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (DIGITS[m[2]] ?? 0) : 0);
}

/** A regex fragment for a number written either way, for use inside larger patterns. */
export const NUMBER_PATTERN = '(?:\\d+|[〇零一二两三四五六七八九十百]+)';
