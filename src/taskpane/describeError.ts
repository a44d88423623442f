import { WorkbookError } from '../workbook';

/**
 * The Chinese sentence for a failed read or write: what went wrong and what to do. Adapter errors
 * (WorkbookError) are already Chinese; anything else gets a general hint and its technical text.
 * @example describeError(new WorkbookError('工作表“抽取记录”受保护', 'PROTECTED'), '请重试。') // '工作表“抽取记录”受保护。请重试。'
 */
export function describeError(error: unknown, advice: string): string {
  // These say exactly what happened and what to do; a generic "retry" or "nothing changed" would be wrong.
  if (error instanceof WorkbookError && SELF_EXPLAINING.has(error.code)) return error.message;
  if (error instanceof WorkbookError) return `${error.message.replace(/[。.]\s*$/, '')}。${advice}`;
  const detail = error instanceof Error && error.message ? `（技术信息：${error.message}）` : '';
  return `Excel 没有完成这项操作。${advice}${detail}`;
}

/** Adapter errors whose message is the whole advice (the write may have happened, or needs the user). */
const SELF_EXPLAINING = new Set(['CONFLICT_AFTER_WRITE', 'WRITTEN_UNCHECKED', 'SHEET_PASSWORD', 'ROLLBACK_INCOMPLETE', 'WORKBOOK_PROTECTED', 'SHEET_TOO_LARGE']);

/** Whether the error is the adapter's "cancelled" (the batch was rolled back). */
export function isCancelledError(error: unknown): boolean {
  return error instanceof WorkbookError && error.code === 'CANCELLED';
}

export const RETRY_ADVICE = '请按 Esc 退出单元格编辑，关闭正在打开的对话框，然后重试。';
