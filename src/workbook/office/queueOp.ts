/**
 * One checked op as Office.js commands on the request writer. Each command is given as a function
 * that queues it, because the writer may have to queue it again on a fresh request; sheets the
 * batch adds are tracked in `sheets` so that later commands find their proxies.
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

/** Where one op's commands go. */
export type OpTarget = {
  writer: RequestWriter;
  /** The batch's worksheet proxies; a name stays mapped after delete or rename (commands may be issued again). */
  sheets: SheetProxies;
  worksheets: Excel.WorksheetCollection;
  /**
   * Deletes a sheet that existed before the batch. The batch applies this at its very end, so that
   * a failure before then can still give the sheet back.
   */
  deleteExisting(name: string, ws: () => Excel.Worksheet): Promise<void>;
  /** Whether a sheet (by its current name) existed before the batch. */
  existedBefore(name: string): boolean;
};

/** Rows an op writes, for progress. */
export function rowsWritten({ op, skip }: CheckedOp): number {
  return !skip && op.kind === 'write' ? op.rows.length : 0;
}

/**
 * Queues one op.
 * @param target the writer, proxies and deferred deletes of the batch
 * @param checked the op as `checkBatch` returned it
 * @example await queueOp(target, checked);
 */
export async function queueOp(target: OpTarget, { op, skip, box, before, intoUnlocked }: CheckedOp): Promise<void> {
  if (skip) return;
  const { writer, sheets, worksheets } = target;
  // Looked up when the command is queued, so that a command queued again finds the new proxy.
  const sheet = (name: string) => (): Excel.Worksheet => {
    const ws = sheets.get(name.toLowerCase());
    if (!ws) throw sheetNotFound(name); // checkBatch already checked; a bug if reached
    return ws;
  };
  const small = (issue: () => void, extraBytes = 0) => writer.command(SMALL_COMMAND_BYTES + extraBytes, issue);
  switch (op.kind) {
    case 'addSheet':
      return small(() => {
        const ws = worksheets.add(op.sheet);
        sheets.set(op.sheet.toLowerCase(), ws);
        if (op.visibility !== undefined && op.visibility !== 'visible') ws.visibility = toExcelVisibility(op.visibility);
      });
    case 'copySheet':
      return small(() => {
        // Worksheet.copy (ExcelApi 1.7) keeps the bureau template's formatting exactly.
        const ws = sheet(op.source)().copy('End' as Excel.WorksheetPositionType);
        ws.name = op.sheet;
        sheets.set(op.sheet.toLowerCase(), ws);
      });
    case 'renameSheet':
      return small(() => {
        const ws = sheet(op.sheet)();
        ws.name = op.to;
        sheets.set(op.to.toLowerCase(), ws);
      });
    case 'deleteSheet':
      if (target.existedBefore(op.sheet)) return target.deleteExisting(op.sheet, sheet(op.sheet));
      return small(() => {
        const ws = sheet(op.sheet)();
        // Excel refuses to delete a VeryHidden sheet (InvalidOperation): make it Hidden first.
        if (before?.visibility === 'veryHidden') ws.visibility = 'Hidden';
        ws.delete();
      });
    case 'write': {
      const job = writeJob(op, box!, intoUnlocked);
      if (job) await writer.queueMatrix(sheet(op.sheet), job);
      return;
    }
    case 'style':
      await small(() => queueStyle(sheet(op.sheet)().getRange(op.address), box!, op.style));
      if (op.style.numberFormat !== undefined) await writer.queueMatrix(sheet(op.sheet), formatJob(op.sheet, box!, op.style.numberFormat));
      return;
    case 'merge':
      return small(() => sheet(op.sheet)().getRange(op.address).merge(false));
    case 'columnWidths':
      for (const [c, w] of op.widths.entries()) {
        await small(() => {
          sheet(op.sheet)().getRange(columnAddress(c)).format.columnWidth = charsToPoints(w);
        });
      }
      return;
    case 'rowHeights':
      for (const [i, h] of op.heights.entries()) {
        await small(() => {
          sheet(op.sheet)().getRange(rowAddress(op.fromRow + i)).format.rowHeight = h;
        });
      }
      return;
    case 'listValidation':
      return small(() => {
        const dv = sheet(op.sheet)().getRange(op.address).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: op.items.join(',') } };
        if (op.prompt !== undefined) dv.prompt = { showPrompt: true, message: op.prompt, title: '' };
      }, jsonBytes(op.items));
    case 'dateValidation':
      return small(() => {
        const dv = sheet(op.sheet)().getRange(op.address).dataValidation;
        dv.clear();
        dv.rule = { date: dateRule(op.min, op.max) };
        dv.errorAlert = { showAlert: true, style: 'Stop', title: '日期无效', message: dateErrorText(op.min, op.max) };
        if (op.prompt !== undefined) dv.prompt = { showPrompt: true, message: op.prompt, title: '' };
      });
    case 'pageSetup':
      return small(() => queuePageSetup(sheet(op.sheet)(), op.setup));
    case 'protect':
      return small(() => {
        const protection = sheet(op.sheet)().protection;
        // The password argument exists from ExcelApi 1.7; checkBatch refused a password below it.
        if (op.password !== undefined) protection.protect(PROTECT_OPTIONS, op.password);
        else protection.protect(PROTECT_OPTIONS);
      });
    case 'unprotect':
      return small(() => {
        const protection = sheet(op.sheet)().protection;
        if (op.password !== undefined) protection.unprotect(op.password);
        else protection.unprotect();
      });
    case 'setVisibility':
      return small(() => {
        sheet(op.sheet)().visibility = toExcelVisibility(op.visibility);
      });
    case 'expectValue':
      return; // checked with the preconditions
    case 'activate':
      return small(() => {
        const ws = sheet(op.sheet)();
        ws.activate();
        if (op.address !== undefined) ws.getRange(op.address).select();
      });
  }
}
