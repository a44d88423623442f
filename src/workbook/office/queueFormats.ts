/**
 * The small Office.js commands behind style, page setup, validation and protection ops. They only
 * queue; nothing here syncs.
 */
import type { PageSetup, RangeStyle } from '../port';
import type { RangeBox } from '../rangeAddress';
import { dateBounds } from '../_lib/validationText';

/** Excel's sheet-protection options: users may select cells and nothing else. */
export const PROTECT_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/**
 * Column width in characters (as Excel's UI and ExcelJS use it) to points (as Office.js uses it):
 * Excel pads each column by 5 px on top of a 7 px digit width for the default 11 pt font,
 * and 1 px = 0.75 pt at 96 DPI.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** `1:2` → `$1:$2`; Office wants absolute row references for print titles. */
function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r.replace(/\$/g, '')}`)
    .join(':');
}

const DATE_OPERATORS = { between: 'Between', atMost: 'LessThanOrEqualTo', atLeast: 'GreaterThanOrEqualTo' } as const;

/** The date rule of a `dateValidation` op (`dateBounds`). Office takes ISO 8601 dates as formula text. */
export function dateRule(min: string | undefined, max: string | undefined): Excel.DateTimeDataValidation {
  const { operator, dates } = dateBounds(min, max);
  const [formula1, formula2] = dates;
  return { formula1, ...(formula2 !== undefined ? { formula2 } : {}), operator: DATE_OPERATORS[operator] };
}

/** String literals, not `Excel.BorderIndex`: the `Excel` namespace does not exist outside Office. */
type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** Queues a style's font, alignment, fill and borders (number formats go through the matrix writer). */
export function queueStyle(range: Excel.Range, box: RangeBox, style: RangeStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontName !== undefined) f.font.name = style.fontName;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal !== undefined) {
    f.horizontalAlignment = style.horizontal === 'left' ? 'Left' : style.horizontal === 'center' ? 'Center' : 'Right';
  }
  if (style.vertical !== undefined) {
    f.verticalAlignment = style.vertical === 'top' ? 'Top' : style.vertical === 'middle' ? 'Center' : 'Bottom';
  }
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.border !== undefined) {
    const edges: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    // Inside borders only exist when the range has more than one row / column.
    if (box.bottom > box.top) edges.push('InsideHorizontal');
    if (box.right > box.left) edges.push('InsideVertical');
    for (const edge of edges) f.borders.getItem(edge).style = style.border ? 'Continuous' : 'None';
  }
}

/** Queues paper, orientation, fit, print area and titles, page breaks and margins (ExcelApi 1.9). */
export function queuePageSetup(ws: Excel.Worksheet, setup: PageSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = setup.paper;
  // One page wide, as many tall as needed. The ExcelApi reference documents null (not 0, which is
  // OOXML's fitToHeight="0") for "no fixed number of pages"; the typings say number, hence the cast.
  if (setup.fitToOnePageWide) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: null as unknown as number };
  if (setup.printArea !== undefined) layout.setPrintArea(setup.printArea);
  if (setup.printTitleRows !== undefined) layout.setPrintTitleRows(absoluteRows(setup.printTitleRows));
  // A page break is added *before* the given cell, so "after row n" is a break at row n + 1.
  for (const row of setup.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row + 1}`);
  if (setup.margins) {
    layout.topMargin = setup.margins.top * 72;
    layout.bottomMargin = setup.margins.bottom * 72;
    layout.leftMargin = setup.margins.left * 72;
    layout.rightMargin = setup.margins.right * 72;
  }
}
