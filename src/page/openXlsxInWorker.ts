/**
 * Opens an .xlsx for the page in a Web Worker (xlsxWorker.ts) and hands back a WorkbookPort whose
 * calls are messages to it: parsing, validating (`readBookState`), writing and saving run off the
 * main thread. Where no worker
 * can start (an old browser, a page opened in a way that forbids workers), the book is opened on
 * the main thread instead, with the same adapter: slower to respond, never different in result.
 */
import type { Grid } from '../core/grid';
import type { ValidateOptions } from '../core/validate';
import type { ApplyOptions, BookState, SheetInfo, StateReader, WorkbookOp, XlsxWorkbook } from '../workbook';
import { loadXlsxAdapter, WorkbookError } from '../workbook';

export type WorkerRequest =
  | { id: number; op: 'open'; bytes: Uint8Array; fileName: string }
  | { id: number; op: 'listSheets' }
  | { id: number; op: 'readSheets'; names: string[] }
  | { id: number; op: 'readState'; options: ValidateOptions }
  | { id: number; op: 'apply'; ops: WorkbookOp[] }
  | { id: number; op: 'save' };

export type WorkerReply =
  | { id: number; result: null | SheetInfo[] | Grid[] | BookState | Uint8Array }
  | { id: number; progress: [number, number] }
  | { id: number; error: { message: string; code: string } };

type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  onProgress?: (done: number, total: number) => void;
};

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./xlsxWorker.ts', import.meta.url));
  } catch {
    return null;
  }
}

/**
 * Opens `bytes` in a worker; falls back to the main thread when no worker starts.
 * @param bytes the file
 * @param fileName for messages
 * @returns the workbook, with `save()`
 * @example const book = await openXlsxInWorker(new Uint8Array(await file.arrayBuffer()), file.name);
 */
export async function openXlsxInWorker(bytes: Uint8Array, fileName: string): Promise<XlsxWorkbook | (XlsxWorkbook & StateReader)> {
  const inThread = async () => (await loadXlsxAdapter()).openXlsxWorkbook(bytes, fileName);
  const worker = startWorker();
  if (!worker) return inThread();
  const pending = new Map<number, Pending>();
  let next = 1;
  let broken: unknown = null;
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if ('progress' in reply) {
      p.onProgress?.(reply.progress[0], reply.progress[1]);
      return;
    }
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new WorkbookError(reply.error.message, reply.error.code));
    else p.resolve(reply.result);
  };
  worker.onerror = (event) => {
    // The worker's script could not load or crashed: every call in flight fails, later ones too.
    event.preventDefault();
    broken = new WorkbookError('后台处理线程意外停止，请刷新页面后重新选择文件。', 'WORKER_FAILED');
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
  };
  const call = <T>(
    req: Omit<WorkerRequest, 'id'>,
    onProgress?: Pending['onProgress'],
    transfer: Transferable[] = [],
  ): Promise<T> => {
    if (broken) return Promise.reject(broken);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      worker.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  };
  try {
    // A copy goes to the worker, so the bytes are still here should it fail to start.
    await call<null>({ op: 'open', bytes: bytes.slice(), fileName } as Omit<WorkerRequest, 'id'>);
  } catch (e) {
    if (!(e instanceof WorkbookError) || e.code !== 'WORKER_FAILED') {
      worker.terminate();
      throw e;
    }
    worker.terminate();
    return inThread();
  }
  return {
    listSheets: () => call<SheetInfo[]>({ op: 'listSheets' }),
    readSheets: (names) => call<Grid[]>({ op: 'readSheets', names } as Omit<WorkerRequest, 'id'>),
    readBookState: (options: ValidateOptions) => call<BookState>({ op: 'readState', options } as Omit<WorkerRequest, 'id'>),
    async apply(ops: WorkbookOp[], options?: ApplyOptions) {
      if (options?.isCancelled?.()) throw new WorkbookError('操作已取消，工作簿未改动。', 'CANCELLED');
      await call<null>({ op: 'apply', ops } as Omit<WorkerRequest, 'id'>, options?.onProgress);
    },
    async select() {
      // No UI behind a file.
    },
    save: () => call<Uint8Array>({ op: 'save' }),
  };
}
