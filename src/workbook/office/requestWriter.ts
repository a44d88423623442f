/**
 * Packs queued Office.js commands into requests of at most the payload budget (Excel on the web
 * refuses requests over 5 MB): small commands cost an estimate each, matrices are cut into row
 * chunks that fill the current request before the next sync. When Excel still refuses a request
 * as too large (our estimate was low), nothing of it was applied, so its commands are queued again
 * in requests of half the size. Reports progress in written rows and stops between syncs when the
 * caller cancels.
 */
import type { CellValue } from '../../core/grid';
import { cancelledError } from '../_lib/batchErrors';
import type { ApplyOptions } from '../port';
import { boxAddress } from '../rangeAddress';
import { officeCode } from './officeHost';
import { jsonBytes, PAYLOAD_ERROR_CODES } from './payload';
import type { MatrixJob } from './writeRows';

export type RequestWriter = {
  /**
   * Queues a small command. `issue` queues it on the context; it may run again, on a fresh
   * request, if Excel refuses the first one as too large.
   */
  command(bytes: number, issue: () => void): Promise<void>;
  /** Queues a matrix in row chunks; `sheet()` gives the worksheet proxy when a chunk is issued. */
  queueMatrix(sheet: () => Excel.Worksheet, job: MatrixJob): Promise<void>;
  /** Sends what is queued (the last request of the batch: no cancel check after it). */
  finish(): Promise<void>;
};

/** A queued command, kept until its request went through so that it can be issued again. */
type Pending = { bytes: number; rows: number; issue: () => void; split: (() => Pending[]) | null };

/** A request is halved at most this often before the error goes to the caller. */
const MAX_PAYLOAD_RETRIES = 4;

function rowBytes(job: MatrixJob, i: number): number {
  return (job.values ? jsonBytes(job.values(i)) : 0) + (job.formats ? jsonBytes(job.formats(i)) : 0) + 8;
}

/** Rows `start … end-1` of a matrix as one pending command that can split itself in halves. */
function matrixChunk(sheet: () => Excel.Worksheet, job: MatrixJob, start: number, end: number, bytes: number): Pending {
  return {
    bytes,
    rows: job.values ? end - start : 0,
    issue: () => {
      const range = sheet().getRange(
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
      }
    },
    split:
      end - start < 2
        ? null
        : () => {
            const mid = start + Math.floor((end - start) / 2);
            const sum = (a: number, b: number) => {
              let n = 0;
              for (let i = a; i < b; i++) n += rowBytes(job, i);
              return n;
            };
            return [matrixChunk(sheet, job, start, mid, sum(start, mid)), matrixChunk(sheet, job, mid, end, sum(mid, end))];
          },
  };
}

/**
 * A writer on one request context.
 * @param context the batch's context
 * @param initialBudget estimated bytes per request
 * @param totalRows rows the batch writes, for progress
 * @param options progress and cancel callbacks
 * @example const w = createRequestWriter(context, 4 << 20, 100, {}); await w.command(512, () => ws.activate()); await w.finish();
 */
export function createRequestWriter(
  context: Excel.RequestContext,
  initialBudget: number,
  totalRows: number,
  options: ApplyOptions,
): RequestWriter {
  let budget = initialBudget;
  let retries = 0;
  let pending: Pending[] = [];
  let pendingBytes = 0;
  let doneRows = 0;

  const flush = async (isFinal: boolean): Promise<void> => {
    if (pending.length === 0) return;
    const sent = pending;
    try {
      await context.sync();
    } catch (e) {
      const code = officeCode(e);
      if (code === undefined || !PAYLOAD_ERROR_CODES.has(code) || retries >= MAX_PAYLOAD_RETRIES) throw e;
      // Excel refused the whole request: none of it ran. Issue it again in smaller requests.
      retries++;
      budget = Math.max(1, Math.floor(budget / 2));
      pending = [];
      pendingBytes = 0;
      for (const p of sent) await add(p);
      await flush(isFinal);
      return;
    }
    pending = [];
    pendingBytes = 0;
    const rows = sent.reduce((n, p) => n + p.rows, 0);
    doneRows += rows;
    if (totalRows > 0 && rows > 0) options.onProgress?.(doneRows, totalRows);
    if (!isFinal && options.isCancelled?.()) throw cancelledError();
  };

  /** Adds a command to the current request, sending that first if the command would not fit. */
  const add = async (p: Pending): Promise<void> => {
    if (p.bytes > budget && p.split) {
      for (const half of p.split()) await add(half);
      return;
    }
    if (pending.length > 0 && pendingBytes + p.bytes > budget) await flush(false);
    p.issue();
    pending.push(p);
    pendingBytes += p.bytes;
  };

  const queueMatrix = async (sheet: () => Excel.Worksheet, job: MatrixJob): Promise<void> => {
    let start = 0;
    let bytes = 0;
    for (let i = 0; i < job.rowCount; i++) {
      const b = rowBytes(job, i);
      if (pendingBytes + bytes + b > budget) {
        // This row would overflow the request: send what is queued and start a new one.
        if (bytes > 0) await add(matrixChunk(sheet, job, start, i, bytes));
        start = i;
        bytes = 0;
        if (pending.length > 0) await flush(false);
      }
      bytes += b;
    }
    if (job.rowCount > start) await add(matrixChunk(sheet, job, start, job.rowCount, bytes));
  };

  return {
    command: (bytes, issue) => add({ bytes, rows: 0, issue, split: null }),
    queueMatrix,
    finish: () => flush(true),
  };
}
