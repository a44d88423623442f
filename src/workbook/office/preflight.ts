/**
 * The preconditions of a batch, read before anything changes (Office.js has no transactions): the
 * sheets with their visibility and protection, whether the workbook's structure is protected
 * (ExcelApi 1.7), the cells the batch expects (`expectValue`), whether written cells are unlocked,
 * and what the cells about to be overwritten hold. Then the shared `checkBatch`.
 */
import { conflictError } from '../_lib/batchErrors';
import { checkBatch, requireBox, writtenBox } from '../checkBatch';
import type { CheckBatchOptions, CheckedOp } from '../checkBatch';
import type { SheetVisibility, WorkbookOp } from '../port';
import { boxAddress, parseRangeAddress } from '../rangeAddress';
import type { RangeBox } from '../rangeAddress';
import type { Capabilities } from './detectCapabilities';
import { FEATURE_REQUIREMENTS } from './detectCapabilities';
import type { OfficeHost } from './officeHost';
import { officeCode, toVisibility } from './officeHost';
import type { SheetProxies } from './queueOp';
import { missingSheetError } from './readUsedRanges';
import { PAYLOAD_ERROR_CODES } from './payload';
import { queueSnapshot, snapshotBytes, snapshotTargets, splitByRows, takeSnapshot } from './snapshots';
import type { PendingSnapshot, Snapshot } from './snapshots';

/** A sheet as it was when the batch started. */
export type SheetAtStart = {
  /** `Worksheet.id`: the same after a rename, so a restore knows each sheet whatever it is called now. */
  id: string;
  name: string;
  visibility: SheetVisibility;
  isProtected: boolean;
  /** Its protection options, read when the batch unprotects sheets (to protect it the same way again). */
  options?: Excel.WorksheetProtectionOptions;
};

export type Preflight = {
  checked: CheckedOp[];
  proxies: SheetProxies;
  start: SheetAtStart[];
  /** Cells the batch will overwrite, as read in sync 1. */
  snapshots: Snapshot[];
  /** Cells still to read before writing (what did not fit sync 1's budget). */
  laterSnapshots: { sheet: string; box: RangeBox }[];
};

/** What the host lacks, for the shared batch check. */
function unavailableFeatures(caps: Capabilities): CheckBatchOptions['unavailable'] {
  const out: NonNullable<CheckBatchOptions['unavailable']> = {};
  for (const f of ['sheetPassword', 'listValidation', 'pageSetup'] as const) {
    if (!caps.features[f]) out[f] = FEATURE_REQUIREMENTS[f].message;
  }
  return out;
}

const boxKey = (sheet: string, box: RangeBox) => `${sheet.toLowerCase()}!${boxAddress(box)}`;

/** The sheet a copy was made from (a copy keeps its source's lock flags), through copies of copies. */
function originOf(ops: readonly WorkbookOp[], name: string): string | null {
  const copiedFrom = new Map<string, string>();
  const created = new Set<string>();
  for (const op of ops) {
    if (op.kind === 'copySheet') copiedFrom.set(op.sheet.toLowerCase(), op.source);
    else if (op.kind === 'addSheet') created.add(op.sheet.toLowerCase());
  }
  let n = name;
  for (let hops = 0; copiedFrom.has(n.toLowerCase()) && hops < ops.length; hops++) n = copiedFrom.get(n.toLowerCase())!;
  return created.has(n.toLowerCase()) ? null : n;
}

/**
 * Sync 1: what the batch needs to know before it changes anything — then the shared check. The
 * same sync reads, for every write into a sheet the batch did not add, whether its cells are
 * unlocked (Excel lets values into unlocked cells of a protected sheet) and, up to the payload
 * budget, what those cells hold now (to put it back after a failure); the rest of that follows in
 * `readSnapshots` once the check has passed.
 * @param host for the error path (naming missing sheets)
 * @param context the batch's context
 * @param ops the batch
 * @param caps the host's capabilities
 * @param budget estimated bytes per request
 * @returns the checked ops, the worksheet proxies, the sheets as they were, the cells read so far
 * @throws WorkbookError for a batch that cannot succeed, before any change
 * @example const { checked } = await preflight(host, context, ops, caps, 4 << 20);
 */
export async function preflight(host: OfficeHost, context: Excel.RequestContext, ops: WorkbookOp[], caps: Capabilities, budget: number): Promise<Preflight> {
  try {
    return await readAndCheck(context, ops, caps, budget, 'all');
  } catch (e) {
    const code = officeCode(e);
    // Too much to read at once: the cells to keep can wait for their own syncs.
    if (code !== undefined && PAYLOAD_ERROR_CODES.has(code)) return readAndCheck(context, ops, caps, budget, 'noSnapshots');
    // A snapshot, lock flag or expected cell on a sheet that does not exist fails the whole sync:
    // ask again for the sheets alone, so that the check names the real problem.
    if (code !== 'ItemNotFound') throw e;
  }
  try {
    await readAndCheck(context, ops, caps, budget, 'sheetsOnly');
  } catch (e) {
    if (officeCode(e) !== 'ItemNotFound') throw e;
  }
  throw await missingSheetError(host, ops.flatMap((op) => (op.kind === 'expectValue' ? [op.sheet] : [])), '，未做任何修改');
}

async function readAndCheck(
  context: Excel.RequestContext,
  ops: WorkbookOp[],
  caps: Capabilities,
  budget: number,
  reads: 'all' | 'noSnapshots' | 'sheetsOnly',
): Promise<Preflight> {
  const withCells = reads !== 'sheetsOnly';
  const worksheets = context.workbook.worksheets;
  const needsOptions = ops.some((op) => op.kind === 'unprotect');
  worksheets.load(`items/id,items/name,items/visibility,items/protection/protected${needsOptions ? ',items/protection/options' : ''}`);
  // Workbook.protection exists from ExcelApi 1.7; below it the structure cannot be checked up front.
  const structure = caps.excelApi['1.7'] ? context.workbook.protection.load('protected') : null;
  const expectations = !withCells
    ? []
    : ops.flatMap((op) => {
        if (op.kind !== 'expectValue') return [];
        requireBox(op.address);
        return [{ op, range: worksheets.getItem(op.sheet).getRange(op.address).load('text') }];
      });
  const locks = new Map<string, Excel.FormatProtection>();
  const snapshots: PendingSnapshot[] = [];
  const later: { sheet: string; box: RangeBox }[] = [];
  if (withCells) {
    for (const op of ops) {
      if (op.kind !== 'write') continue;
      const start = parseRangeAddress(op.address);
      const origin = start ? originOf(ops, op.sheet) : null;
      if (!start || origin === null) continue;
      const box = writtenBox(op, start);
      locks.set(boxKey(op.sheet, box), worksheets.getItem(origin).getRange(boxAddress(box)).format.protection.load('locked'));
    }
    let bytes = 0;
    for (const t of splitByRows(snapshotTargets(ops), budget)) {
      const cost = snapshotBytes(t.box);
      if (reads === 'noSnapshots' || bytes + cost > budget) later.push(t);
      else snapshots.push(queueSnapshot(worksheets.getItem(t.sheet), t.sheet, t.box));
      bytes += cost;
    }
  }
  await context.sync();
  for (const { op, range } of expectations) {
    if (range.text[0]?.[0] !== op.value) throw conflictError(op.sheet, op.address);
  }
  const start: SheetAtStart[] = worksheets.items.map((ws) => ({
    id: ws.id,
    name: ws.name,
    visibility: toVisibility(ws.visibility),
    isProtected: ws.protection.protected,
    ...(needsOptions ? { options: ws.protection.options } : {}),
  }));
  const { ops: checked } = checkBatch(ops, start, {
    unavailable: unavailableFeatures(caps),
    isStructureProtected: structure?.protected === true,
    // `locked` is null for a mix of locked and unlocked cells: only all-unlocked lets values in.
    isUnlocked: (sheet, box) => locks.get(boxKey(sheet, box))?.locked === false,
  });
  return {
    checked,
    proxies: new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws])),
    start,
    snapshots: snapshots.map(takeSnapshot),
    laterSnapshots: later,
  };
}
