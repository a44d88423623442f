/**
 * One checked op as Office.js commands on the request writer. Sheets the batch adds are tracked
 * in `sheets` so that later ops find their proxies.
 */
import type { CheckedOp } from '../checkBatch';
import { sheetNotFound } from '../_lib/batchErrors';
import { dateErrorText } from '../_lib/validationText';
import { columnAddress, rowAddress } from '../rangeAddress';
import { toExcelVisibility } from './officeHost';
import { jsonBytes, SMALL_COMMAND_BYTES } from './payload';
import { charsToPoints, dateRule, PROTECT_OPTIONS, queuePageSetup, queueStyle } from './queueFormats';
import type { RequestWriter } from './requestWriter';
import { formatJob, writeJob } from './writeRows';

/** The worksheet proxies of this batch's context, by lower-case name. */
export type SheetProxies = Map<string, Excel.Worksheet>;

function proxyOf(sheets: SheetProxies, name: string): Excel.Worksheet {
  const ws = sheets.get(name.toLowerCase());
  if (!ws) throw sheetNotFound(name); // checkBatch already checked; a bug if reached
  return ws;
}

/** Rows an op writes, for progress. */
export function rowsWritten({ op, skip }: CheckedOp): number {
  return !skip && op.kind === 'write' ? op.rows.length : 0;
}

/**
 * Queues one op.
 * @param writer the request writer of the batch
 * @param sheets the batch's worksheet proxies (updated by add, copy and delete)
 * @param checked the op as `checkBatch` returned it
 * @param worksheets the context's worksheet collection (for add)
 * @example await queueOp(writer, sheets, { op: { kind: 'merge', sheet: 'S', address: 'A1:F1' }, skip: false, box }, worksheets);
 */
export async function queueOp(
  writer: RequestWriter,
  sheets: SheetProxies,
  { op, skip, box }: CheckedOp,
  worksheets: Excel.WorksheetCollection,
): Promise<void> {
  if (skip) return;
  const sheet = (name: string) => proxyOf(sheets, name);
  switch (op.kind) {
    case 'addSheet': {
      await writer.reserve(SMALL_COMMAND_BYTES);
      const ws = worksheets.add(op.sheet);
      sheets.set(op.sheet.toLowerCase(), ws);
      if (op.visibility !== undefined && op.visibility !== 'visible') ws.visibility = toExcelVisibility(op.visibility);
      return;
    }
    case 'copySheet': {
      await writer.reserve(SMALL_COMMAND_BYTES);
      // Worksheet.copy (ExcelApi 1.7) keeps the bureau template's formatting exactly.
      const ws = sheet(op.source).copy('End' as Excel.WorksheetPositionType);
      ws.name = op.sheet;
      sheets.set(op.sheet.toLowerCase(), ws);
      return;
    }
    case 'deleteSheet':
      await writer.reserve(SMALL_COMMAND_BYTES);
      sheet(op.sheet).delete();
      sheets.delete(op.sheet.toLowerCase());
      return;
    case 'write': {
      const job = writeJob(op, box!);
      if (job) await writer.queueMatrix(sheet(op.sheet), job);
      return;
    }
    case 'style':
      await writer.reserve(SMALL_COMMAND_BYTES);
      queueStyle(sheet(op.sheet).getRange(op.address), box!, op.style);
      if (op.style.numberFormat !== undefined) await writer.queueMatrix(sheet(op.sheet), formatJob(op.sheet, box!, op.style.numberFormat));
      return;
    case 'merge':
      await writer.reserve(SMALL_COMMAND_BYTES);
      sheet(op.sheet).getRange(op.address).merge(false);
      return;
    case 'columnWidths':
      for (const [c, w] of op.widths.entries()) {
        await writer.reserve(SMALL_COMMAND_BYTES);
        sheet(op.sheet).getRange(columnAddress(c)).format.columnWidth = charsToPoints(w);
      }
      return;
    case 'rowHeights':
      for (const [i, h] of op.heights.entries()) {
        await writer.reserve(SMALL_COMMAND_BYTES);
        sheet(op.sheet).getRange(rowAddress(op.fromRow + i)).format.rowHeight = h;
      }
      return;
    case 'listValidation': {
      await writer.reserve(SMALL_COMMAND_BYTES + jsonBytes(op.items));
      const dv = sheet(op.sheet).getRange(op.address).dataValidation;
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source: op.items.join(',') } };
      if (op.prompt !== undefined) dv.prompt = { showPrompt: true, message: op.prompt, title: '' };
      return;
    }
    case 'dateValidation': {
      await writer.reserve(SMALL_COMMAND_BYTES);
      const dv = sheet(op.sheet).getRange(op.address).dataValidation;
      dv.clear();
      dv.rule = { date: dateRule(op.min, op.max) };
      dv.errorAlert = { showAlert: true, style: 'Stop', title: '日期无效', message: dateErrorText(op.min, op.max) };
      if (op.prompt !== undefined) dv.prompt = { showPrompt: true, message: op.prompt, title: '' };
      return;
    }
    case 'pageSetup':
      await writer.reserve(SMALL_COMMAND_BYTES);
      queuePageSetup(sheet(op.sheet), op.setup);
      return;
    case 'protect': {
      await writer.reserve(SMALL_COMMAND_BYTES);
      const protection = sheet(op.sheet).protection;
      // The password argument exists from ExcelApi 1.7; checkBatch refused a password below it.
      if (op.password !== undefined) protection.protect(PROTECT_OPTIONS, op.password);
      else protection.protect(PROTECT_OPTIONS);
      return;
    }
    case 'unprotect': {
      await writer.reserve(SMALL_COMMAND_BYTES);
      const protection = sheet(op.sheet).protection;
      if (op.password !== undefined) protection.unprotect(op.password);
      else protection.unprotect();
      return;
    }
    case 'setVisibility':
      await writer.reserve(SMALL_COMMAND_BYTES);
      sheet(op.sheet).visibility = toExcelVisibility(op.visibility);
      return;
    case 'expectValue':
      return; // checked with the preconditions
    case 'activate': {
      await writer.reserve(SMALL_COMMAND_BYTES);
      const ws = sheet(op.sheet);
      ws.activate();
      if (op.address !== undefined) ws.getRange(op.address).select();
      return;
    }
  }
}
