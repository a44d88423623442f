/**
 * Packs queued Office.js commands into requests of at most the payload budget (Excel on the web
 * refuses requests over 5 MB): small commands cost an estimate each, matrices are cut into row
 * chunks that fill the current request before the next sync. Reports progress in written rows and
 * stops between syncs when the caller cancels.
 */
import type { CellValue } from '../../core/grid';
import { cancelledError } from '../_lib/batchErrors';
import type { ApplyOptions } from '../port';
import { boxAddress } from '../rangeAddress';
import { jsonBytes } from './payload';
import type { MatrixJob } from './writeRows';

export type RequestWriter = {
  /** Makes room for `bytes` in the current request, syncing first if it would not fit. */
  reserve(bytes: number): Promise<void>;
  /** Queues a matrix in row chunks, syncing between chunks as the budget requires. */
  queueMatrix(ws: Excel.Worksheet, job: MatrixJob): Promise<void>;
  /** Sends what is queued (the last request of the batch: no cancel check after it). */
  finish(): Promise<void>;
};

/**
 * A writer on one request context.
 * @param context the batch's context
 * @param budget estimated bytes per request
 * @param totalRows rows the batch writes, for progress
 * @param options progress and cancel callbacks
 * @example const w = createRequestWriter(context, 4 << 20, 100, {}); await w.reserve(512); await w.finish();
 */
export function createRequestWriter(
  context: Excel.RequestContext,
  budget: number,
  totalRows: number,
  options: ApplyOptions,
): RequestWriter {
  let pendingBytes = 0;
  let pendingCommands = 0;
  let pendingRows = 0;
  let doneRows = 0;

  const flush = async (isFinal: boolean): Promise<void> => {
    if (pendingCommands === 0) return;
    await context.sync();
    doneRows += pendingRows;
    pendingRows = 0;
    pendingBytes = 0;
    pendingCommands = 0;
    if (totalRows > 0) options.onProgress?.(doneRows, totalRows);
    if (!isFinal && options.isCancelled?.()) throw cancelledError();
  };

  const reserve = async (bytes: number): Promise<void> => {
    if (pendingCommands > 0 && pendingBytes + bytes > budget) await flush(false);
    pendingBytes += bytes;
    pendingCommands++;
  };

  const queueMatrix = async (ws: Excel.Worksheet, job: MatrixJob): Promise<void> => {
    let start = 0;
    let bytes = 0;
    const emit = async (end: number): Promise<void> => {
      if (end <= start) return;
      await reserve(bytes);
      const range = ws.getRange(
        boxAddress({ top: job.top + start, left: job.left, bottom: job.top + end - 1, right: job.left + job.width - 1 }),
      );
      // numberFormat before values: a value lands in a text cell as text, whereas
      // formatting afterwards would leave Excel's conversion (1.10101E+17) in place.
      if (job.formats) {
        const formats: (string | null)[][] = [];
        for (let i = start; i < end; i++) formats.push(job.formats(i));
        range.numberFormat = formats;
      }
      if (job.values) {
        const values: CellValue[][] = [];
        for (let i = start; i < end; i++) values.push(job.values(i));
        range.values = values;
        pendingRows += end - start;
      }
      start = end;
      bytes = 0;
    };
    for (let i = 0; i < job.rowCount; i++) {
      const rowBytes = (job.values ? jsonBytes(job.values(i)) : 0) + (job.formats ? jsonBytes(job.formats(i)) : 0) + 8;
      if (pendingBytes + bytes + rowBytes > budget) {
        // This row would overflow the request: send what is queued and start a new one.
        if (bytes > 0) await emit(i);
        if (pendingCommands > 0) await flush(false);
      }
      bytes += rowBytes;
    }
    await emit(job.rowCount);
  };

  return { reserve, queueMatrix, finish: () => flush(true) };
}
