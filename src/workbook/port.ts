/**
 * The one interface through which the add-in, the CLI and the browser page touch a workbook.
 * Implementations: `office/` (Excel.run), `xlsx/` (ExcelJS), `memory/` (tests).
 *
 * Reads return plain grids; writes are described as a list of operations and applied together by
 * `apply`, so an adapter can batch them (Office.js: a constant number of `sync()` calls) and so a
 * failed batch can leave the workbook as it was.
 */
import type { Grid } from '../core/grid';

export type {
  CellInput,
  PageSetup,
  RangeStyle,
  SheetVisibility,
  WorkbookOp,
} from '../core/workbookOps';
import type { SheetVisibility, WorkbookOp } from '../core/workbookOps';

export type SheetInfo = { name: string; visibility: SheetVisibility; isProtected: boolean };

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
