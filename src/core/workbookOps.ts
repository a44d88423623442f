/**
 * Writes described as data. Core builds these (result sheets, log rows, forms, the sample book);
 * adapters in src/workbook carry them out. Kept in core so that core never imports an adapter.
 */
import type { CellValue } from './grid';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** A cell to write. A plain string is always written as text, never as a formula. */
export type CellInput = CellValue | { value: CellValue; format?: string };

/** Styling for a rectangular range; every field optional. */
export type RangeStyle = {
  bold?: boolean;
  fontName?: string;
  fontSize?: number;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  border?: boolean;
  fill?: string; // '#RRGGBB'
  numberFormat?: string;
};

export type PageSetup = {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  fitToOnePageWide?: boolean;
  printArea?: string; // 'A1:F30'
  printTitleRows?: string; // '1:2'
  rowBreaks?: number[]; // 1-based row numbers after which a page ends
  margins?: { top: number; bottom: number; left: number; right: number }; // inches
};

/** One change to a workbook. `address` is A1 on the named sheet (`B3` or `B3:F9`). */
export type WorkbookOp =
  | { kind: 'addSheet'; sheet: string; visibility?: SheetVisibility }
  | { kind: 'deleteSheet'; sheet: string }
  /** Renames a sheet the tool added (regenerated forms take the old sheet's name once it is deleted). */
  | { kind: 'renameSheet'; sheet: string; to: string }
  /** A new sheet `sheet` that is a copy of `source` (values, formats, merges, widths, page setup), placed last. */
  | { kind: 'copySheet'; source: string; sheet: string }
  | {
      kind: 'write';
      sheet: string;
      /** Top-left cell of the block. */
      address: string;
      rows: CellInput[][];
      /** 0-based column offsets within the block written with the text format `@` (identifiers). */
      textColumns?: number[];
    }
  | { kind: 'style'; sheet: string; address: string; style: RangeStyle }
  | { kind: 'merge'; sheet: string; address: string }
  | { kind: 'columnWidths'; sheet: string; widths: number[] } // in characters, from column A
  | { kind: 'rowHeights'; sheet: string; fromRow: number; heights: number[] } // points, 1-based fromRow
  | { kind: 'listValidation'; sheet: string; address: string; items: string[]; prompt?: string }
  /**
   * Only dates may be typed (blank stays allowed): on or after `min` and on or before `max` when
   * given, as ISO `YYYY-MM-DD`. `prompt` is the input message shown when the cell is selected.
   */
  | { kind: 'dateValidation'; sheet: string; address: string; min?: string; max?: string; prompt?: string }
  | { kind: 'pageSetup'; sheet: string; setup: PageSetup }
  | { kind: 'protect'; sheet: string; password?: string }
  | { kind: 'unprotect'; sheet: string; password?: string }
  | { kind: 'setVisibility'; sheet: string; visibility: SheetVisibility }
  | { kind: 'activate'; sheet: string; address?: string }
  /**
   * A precondition, checked before anything is changed: the cell's displayed text must equal `value`,
   * otherwise the whole batch is refused (someone else changed the sheet since it was read).
   */
  | { kind: 'expectValue'; sheet: string; address: string; value: string };

