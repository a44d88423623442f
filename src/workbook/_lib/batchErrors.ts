/** The Chinese errors every adapter raises the same way (same words, same codes). */
import { WorkbookError } from '../port';

/** Sheet-name quotes as the messages use them. */
export function quoteSheet(name: string): string {
  return `“${name}”`;
}

/** A sheet the batch or read names does not exist. */
export function sheetNotFound(name: string): WorkbookError {
  return new WorkbookError(`找不到工作表${quoteSheet(name)}，未做任何修改。`, 'NO_SUCH_SHEET');
}

/** An `expectValue` precondition failed: the cell changed since it was read. */
export function conflictError(sheet: string, address: string): WorkbookError {
  return new WorkbookError(
    `工作表${quoteSheet(sheet)}的 ${address} 在读取之后被改动过（可能有他人同时操作），未做任何修改：请重新读取后再试。`,
    'CONFLICT',
  );
}

/** The caller cancelled a long batch; what it had added is gone again. */
export function cancelledError(): WorkbookError {
  return new WorkbookError('操作已取消，本次新建的工作表已删除。', 'CANCELLED');
}
