/**
 * Row heights for wrapped text. A row whose height is left to the application is not grown for
 * wrapped text by every renderer (LibreOffice keeps ExcelJS rows at the default height), so rows
 * with long names get a height from an estimate: CJK and full-width characters are one em (2
 * character units), others about 1.1 units, at Excel's column width in character units.
 */

/** Display units of a text (column widths are in the same units). */
export function textUnits(s: string): number {
  let n = 0;
  for (const ch of s) n += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1.1;
  return n;
}

/**
 * The height in points of a row whose cells wrap: the tallest cell's lines × `lineHeight`, plus padding.
 * @param cells each cell's text and its column width in characters
 * @param min the smallest height
 * @param lineHeight points per line: 16 for 11 pt text, since CJK fonts (Noto Sans CJK, 等线) set their
 *   lines taller than the 15 points of a Latin font, and a row sized for 15 clips the last line
 * @example wrappedRowHeight([['邢台市医疗保障局', 10]], 20) // 40 (two lines)
 */
export function wrappedRowHeight(cells: readonly (readonly [string, number])[], min: number, lineHeight = 16): number {
  const lines = Math.max(
    1,
    ...cells.map(([text, width]) => text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / Math.max(1, width - 1))), 0)),
  );
  return Math.max(min, lines * lineHeight + 8);
}
