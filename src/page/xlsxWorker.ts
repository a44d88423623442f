/**
 * The .xlsx adapter in a Web Worker: the page's workbook lives here, so opening, reading and saving
 * a 50,000-row book never stops the page (its spinner keeps turning). Started by
 * `openXlsxInWorker`; speaks the small request/reply protocol defined there.
 */
import { loadXlsxAdapter, readBookState, WorkbookError, type XlsxWorkbook } from '../workbook';
import type { WorkerReply, WorkerRequest } from './openXlsxInWorker';

type Scope = {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};
const scope = self as unknown as Scope;
let book: XlsxWorkbook | null = null;

function fail(id: number, e: unknown): void {
  const error =
    e instanceof WorkbookError
      ? { message: e.message, code: e.code }
      : { message: `内部错误：${e instanceof Error ? e.message : String(e)}`, code: 'INTERNAL' };
  scope.postMessage({ id, error });
}

async function handle(req: WorkerRequest): Promise<void> {
  if (req.op === 'open') {
    const { openXlsxWorkbook } = await loadXlsxAdapter();
    book = await openXlsxWorkbook(req.bytes, req.fileName);
    scope.postMessage({ id: req.id, result: null });
    return;
  }
  if (!book) throw new WorkbookError('请先选择一个 .xlsx 工作簿。', 'NO_BOOK');
  switch (req.op) {
    case 'listSheets':
      scope.postMessage({ id: req.id, result: await book.listSheets() });
      return;
    case 'readSheets':
      scope.postMessage({ id: req.id, result: await book.readSheets(req.names) });
      return;
    case 'readState':
      // Validation runs here too: the page only receives the result.
      scope.postMessage({ id: req.id, result: await readBookState(book, req.options) });
      return;
    case 'apply':
      await book.apply(req.ops, {
        onProgress: (done, total) => scope.postMessage({ id: req.id, progress: [done, total] }),
      });
      scope.postMessage({ id: req.id, result: null });
      return;
    case 'save': {
      const bytes = await book.save();
      scope.postMessage({ id: req.id, result: bytes }, [bytes.buffer as ArrayBuffer]);
      return;
    }
  }
}

scope.onmessage = (event) => {
  handle(event.data).catch((e: unknown) => fail(event.data.id, e));
};
