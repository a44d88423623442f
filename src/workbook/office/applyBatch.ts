/**
 * `apply` on Office.js: one sync of preconditions (sheets, their protection, the cells the batch
 * expects), the shared batch check, then the writes in as few payload-bounded syncs as possible.
 * On failure, what the batch added is removed in a fresh `Excel.run`.
 */
import { conflictError } from '../_lib/batchErrors';
import { checkBatch, requireBox } from '../checkBatch';
import type { CheckBatchOptions, CheckedOp } from '../checkBatch';
import type { ApplyOptions, WorkbookOp } from '../port';
import type { Capabilities } from './detectCapabilities';
import { FEATURE_REQUIREMENTS } from './detectCapabilities';
import type { OfficeHost } from './officeHost';
import { officeCode, toVisibility } from './officeHost';
import { queueOp, rowsWritten } from './queueOp';
import type { SheetProxies } from './queueOp';
import { missingSheetError } from './readUsedRanges';
import { createRequestWriter } from './requestWriter';

/** What the host lacks, for the shared batch check. */
function unavailableFeatures(caps: Capabilities): CheckBatchOptions['unavailable'] {
  const out: NonNullable<CheckBatchOptions['unavailable']> = {};
  for (const f of ['sheetPassword', 'listValidation', 'pageSetup'] as const) {
    if (!caps.features[f]) out[f] = FEATURE_REQUIREMENTS[f].message;
  }
  return out;
}

type Preflight = { checked: CheckedOp[]; sheets: SheetProxies };

/**
 * Sync 1: names, visibility and protection of every sheet and the cells the batch expects, to
 * refuse a batch that cannot succeed before anything changes (Office.js has no transactions).
 */
async function preflight(host: OfficeHost, context: Excel.RequestContext, ops: WorkbookOp[], caps: Capabilities): Promise<Preflight> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility,items/protection/protected');
  const expectations = ops.flatMap((op) => {
    if (op.kind !== 'expectValue') return [];
    requireBox(op.address);
    const range = worksheets.getItem(op.sheet).getRange(op.address);
    range.load('text');
    return [{ op, range }];
  });
  try {
    await context.sync();
  } catch (e) {
    // Only the expectValue lookups can miss a sheet in this sync.
    if (officeCode(e) === 'ItemNotFound' && expectations.length > 0) {
      throw await missingSheetError(host, expectations.map((x) => x.op.sheet), '，未做任何修改');
    }
    throw e;
  }
  for (const { op, range } of expectations) {
    if (range.text[0]?.[0] !== op.value) throw conflictError(op.sheet, op.address);
  }
  const states = worksheets.items.map((ws) => ({ name: ws.name, visibility: toVisibility(ws.visibility), isProtected: ws.protection.protected }));
  const { ops: checked } = checkBatch(ops, states, { unavailable: unavailableFeatures(caps) });
  return { checked, sheets: new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), ws])) };
}

/**
 * Applies a batch through Office.js.
 * @param host Excel.run and the capabilities
 * @param ops the batch
 * @param budget estimated bytes per request
 * @param options progress and cancel callbacks
 * @example await applyBatch(host, [{ kind: 'addSheet', sheet: '抽取结果' }], 4 << 20, {});
 */
export async function applyBatch(host: OfficeHost, ops: WorkbookOp[], budget: number, options: ApplyOptions): Promise<void> {
  if (ops.length === 0) return;
  const caps = host.capabilities();
  const added: string[] = [];
  try {
    await host.withContext(async (context) => {
      const { checked, sheets } = await preflight(host, context, ops, caps);
      const totalRows = checked.reduce((n, c) => n + rowsWritten(c), 0);
      const writer = createRequestWriter(context, budget, totalRows, options);
      for (const c of checked) {
        await queueOp(writer, sheets, c, context.workbook.worksheets);
        if (c.skip) continue;
        if (c.op.kind === 'addSheet' || c.op.kind === 'copySheet') added.push(c.op.sheet);
        if (c.op.kind === 'deleteSheet') {
          const name = c.op.sheet.toLowerCase();
          const i = added.findIndex((n) => n.toLowerCase() === name);
          if (i >= 0) added.splice(i, 1);
        }
      }
      await writer.finish();
    });
  } catch (e) {
    if (added.length > 0) await rollback(host, added);
    throw e;
  }
}

/**
 * Deletes the sheets this batch added, in a fresh `Excel.run` (the failed one may have queued
 * commands that would fail again). Best-effort: the caller gets the original error, which is the
 * one the user can act on.
 */
async function rollback(host: OfficeHost, names: string[]): Promise<void> {
  try {
    await host.withContext(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const wanted = new Set(names.map((n) => n.toLowerCase()));
      const doomed = sheets.items.filter((ws) => wanted.has(ws.name.toLowerCase()));
      for (const ws of doomed) ws.delete();
      if (doomed.length > 0) await context.sync();
    });
  } catch {
    // Nothing more to do: the original error is rethrown by apply().
  }
}
