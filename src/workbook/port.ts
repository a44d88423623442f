/**
 * The one interface through which the add-in, the CLI and the browser page touch a workbook.
 * Implementations: `office/` (Excel.run), `xlsx/` (ExcelJS), `memory/` (tests).
 *
 * Reads return plain grids; writes are described as a list of operations and applied together by
 * `apply`, so an adapter can batch them (Office.js: a constant number of `sync()` calls) and so a
 * failed batch can leave the workbook as it was.
 */
import type { CellValue, Grid } from '../core/grid';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export type SheetInfo = { name: string; visibility: SheetVisibility; isProtected: boolean };

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
  | { kind: 'pageSetup'; sheet: string; setup: PageSetup }
  | { kind: 'protect'; sheet: string; password?: string }
  | { kind: 'unprotect'; sheet: string; password?: string }
  | { kind: 'setVisibility'; sheet: string; visibility: SheetVisibility }
  | { kind: 'activate'; sheet: string; address?: string };

export type ApplyOptions = {
  /** Called with (done, total) while a long batch runs. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between batches; when it returns true the adapter stops and rolls back what it added. */
  isCancelled?: () => boolean;
};

export type WorkbookPort = {
  /** The sheets in tab order. */
  listSheets(): Promise<SheetInfo[]>;
  /** The used ranges of the named sheets (one request where the host allows it). */
  readSheets(names: string[]): Promise<Grid[]>;
  /**
   * Applies the operations in order as one unit. On failure the adapter undoes what it can
   * (sheets it added are removed) and rethrows.
   */
  apply(ops: WorkbookOp[], options?: ApplyOptions): Promise<void>;
  /** Selects a cell for the user (the pane's "click a finding"). No-op where there is no UI. */
  select(sheet: string, address: string): Promise<void>;
};

/** Raised by adapters for problems the user can act on; `message` is Chinese. */
export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}
