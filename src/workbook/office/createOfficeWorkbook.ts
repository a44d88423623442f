/**
 * The `WorkbookPort` on top of Office.js (`Excel.run`).
 *
 * Office.js is a batching proxy API: every property read needs a `load()` and a round trip
 * (`context.sync()`), which costs 50–500 ms in Excel on the web. So this adapter queues as much as
 * it can and syncs a constant number of times per call — plus one per ~4 MB payload chunk, because
 * Excel on the web refuses requests and responses over 5 MB. The parts:
 * - `readUsedRanges`: sheets → grids, in payload-bounded chunks;
 * - `applyBatch`: preconditions and the shared `checkBatch`, then `queueOp` per op on the
 *   `requestWriter`, and the rollback after a failure;
 * - `officeHost`: `Excel.run`, the requirement sets and Office ↔ port translations.
 */
import type { Grid } from '../../core/grid';
import { quoteSheet } from '../_lib/batchErrors';
import { requireBox } from '../checkBatch';
import { WorkbookError } from '../port';
import type { ApplyOptions, SheetInfo, WorkbookOp, WorkbookPort } from '../port';
import { applyBatch } from './applyBatch';
import type { RequirementChecker } from './detectCapabilities';
import { createOfficeHost, officeCode, toVisibility } from './officeHost';
import type { OfficeHost } from './officeHost';
import { PAYLOAD_BUDGET_BYTES, READ_BYTES_PER_CELL } from './payload';
import { readUsedRanges } from './readUsedRanges';

/** Options mainly for tests: a smaller budget makes chunking visible with small sheets. */
export type OfficeWorkbookOptions = {
  /** Estimated bytes one request may carry (default 4 MiB). */
  payloadBudgetBytes?: number;
  /** Estimated response bytes per cell read (default 128, see `payload.ts`). */
  readBytesPerCell?: number;
};

async function listSheets(host: OfficeHost): Promise<SheetInfo[]> {
  host.capabilities();
  return host.withContext(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility,items/protection/protected');
    await context.sync();
    return sheets.items.map((ws) => ({ name: ws.name, visibility: toVisibility(ws.visibility), isProtected: ws.protection.protected }));
  });
}

async function selectCell(host: OfficeHost, sheetName: string, address: string): Promise<void> {
  host.capabilities();
  requireBox(address);
  await host.withContext(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetName);
    ws.activate();
    ws.getRange(address).select();
    try {
      await context.sync();
    } catch (e) {
      if (officeCode(e) === 'ItemNotFound') throw new WorkbookError(`找不到工作表${quoteSheet(sheetName)}。`, 'NO_SUCH_SHEET');
      throw e;
    }
  });
}

/**
 * Creates the Office.js workbook port.
 * @param run `Excel.run` (the default, looked up when a method is called so that this module can
 *   be imported where Office.js is absent, e.g. in Jest)
 * @param requirements `Office.context.requirements` by default
 * @param options payload budget overrides, for tests
 * @returns a `WorkbookPort` that talks to the open workbook
 * @example
 * const book = createOfficeWorkbook();
 * const [plan] = await book.readSheets(['抽查计划']);
 */
export function createOfficeWorkbook(
  run?: typeof Excel.run,
  requirements?: RequirementChecker,
  options: OfficeWorkbookOptions = {},
): WorkbookPort {
  const host = createOfficeHost(run, requirements);
  const budget = options.payloadBudgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const bytesPerCell = options.readBytesPerCell ?? READ_BYTES_PER_CELL;
  return {
    listSheets: () => listSheets(host),
    readSheets: (names: string[]): Promise<Grid[]> => readUsedRanges(host, names, { budget, bytesPerCell }),
    apply: (ops: WorkbookOp[], applyOptions: ApplyOptions = {}) => applyBatch(host, ops, budget, applyOptions),
    select: (sheet: string, address: string) => selectCell(host, sheet, address),
  };
}
