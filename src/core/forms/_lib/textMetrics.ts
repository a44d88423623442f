/**
 * Rough print metrics, so that row heights can be fixed in advance (a form must fill exactly one
 * A4 page: Excel and LibreOffice do not grow a row whose height is set, they clip its text).
 * Column widths are in Excel's character units (about 7 px of the default 11 pt font each, plus
 * 5 px of padding); a CJK glyph is one em wide, a Latin or digit glyph a little over half.
 */

const PX_PER_CHAR = 7;
const CELL_PADDING_PX = 5;
/** Space lost inside a cell (gridline and the renderer's inner margins). */
const INNER_MARGIN_PX = 8;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** Width of a text in pixels at 96 dpi when set in `fontPt`. */
function textWidthPx(text: string, fontPt: number): number {
  const em = (fontPt * 96) / 72;
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0) ?? 0) ? em : em * 0.55;
  return w;
}

/**
 * Estimates the lines a wrapped text takes in a cell `widthChars` wide (explicit line breaks count).
 * @param text the cell text
 * @param widthChars the cell's width in Excel character units (merged columns summed)
 * @param fontPt the font size in points
 * @returns at least 1
 * @example estimateLines('药品质量安全的监督检查', 13, 11) // 2
 */
export function estimateLines(text: string, widthChars: number, fontPt: number): number {
  const avail = Math.max(1, widthChars * PX_PER_CHAR + CELL_PADDING_PX - INNER_MARGIN_PX);
  let lines = 0;
  for (const part of text.split('\n')) lines += Math.max(1, Math.ceil(textWidthPx(part, fontPt) / avail));
  return lines;
}

/**
 * The row height in points that shows `lines` lines of `fontPt` text with some air.
 * @param lines number of lines
 * @param fontPt the font size in points
 * @returns points, rounded up
 * @example heightForLines(2, 11) // 40
 */
export function heightForLines(lines: number, fontPt: number): number {
  return Math.ceil(lines * fontPt * 1.45 + 8);
}
