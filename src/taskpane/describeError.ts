import { WorkbookError } from '../workbook';

/**
 * The Chinese sentence for a failed read or write: what went wrong and what to do. Adapter errors
 * (WorkbookError) are already Chinese; anything else gets a general hint and its technical text.
 * @example describeError(new WorkbookError('工作表“抽取记录”受保护', 'PROTECTED'), '请重试。') // '工作表“抽取记录”受保护。请重试。'
 */
export function describeError(error: unknown, advice: string): string {
  if (error instanceof WorkbookError) return `${error.message.replace(/[。.]\s*$/, '')}。${advice}`;
  const detail = error instanceof Error && error.message ? `（技术信息：${error.message}）` : '';
  return `Excel 没有完成这项操作。${advice}${detail}`;
}

/** Whether the error is the adapter's "cancelled" (the batch was rolled back). */
export function isCancelledError(error: unknown): boolean {
  return error instanceof WorkbookError && error.code === 'CANCELLED';
}

export const RETRY_ADVICE = '请按 Esc 退出单元格编辑，关闭正在打开的对话框，然后重试。';
