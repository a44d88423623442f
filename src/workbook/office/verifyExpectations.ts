/**
 * After the writes: the cells the batch expected (`expectValue`, the log's chain head) and then
 * overwrote must hold what it wrote. Excel has no compare-and-swap: the precondition is read in
 * one sync and the write lands in a later one, so a co-author's write in between would otherwise
 * go unseen. This narrows the window; it cannot close it (docs/architecture.md).
 */
import type { CellValue } from '../../core/grid';
import { quoteSheet } from '../_lib/batchErrors';
import type { CheckedOp } from '../checkBatch';
import { writtenBox } from '../checkBatch';
import { WorkbookError } from '../port';
import type { RangeBox } from '../rangeAddress';
import type { Preflight } from './preflight';

/** The value the batch last wrote into a cell, or undefined when it did not write there. */
function writtenValue(checked: readonly CheckedOp[], sheet: string, row: number, col: number): CellValue | undefined {
  let out: CellValue | undefined;
  for (const { op, box, skip } of checked) {
    if (skip || op.kind !== 'write' || op.sheet.toLowerCase() !== sheet.toLowerCase() || !box) continue;
    const b: RangeBox = writtenBox(op, box);
    if (row < b.top || row > b.bottom || col < b.left || col > b.right) continue;
    const input = op.rows[row - b.top]?.[col - b.left];
    if (input === undefined) continue;
    const value = input !== null && typeof input === 'object' ? input.value : input;
    out = op.textColumns?.includes(col - b.left) && value !== null ? String(value) : value;
  }
  return out;
}

/**
 * Reads the expected cells the batch overwrote again (one sync, only when there are such cells).
 * @param context the batch's context, after its last write
 * @param pre the preflight (checked ops and proxies)
 * @throws WorkbookError `CONFLICT_AFTER_WRITE` when a cell holds something else, `WRITTEN_UNCHECKED` when it cannot be read
 * @example await verifyExpectations(context, pre);
 */
export async function verifyExpectations(context: Excel.RequestContext, pre: Preflight): Promise<void> {
  const reads = pre.checked.flatMap(({ op, box }) => {
    if (op.kind !== 'expectValue' || !box) return [];
    const wrote = writtenValue(pre.checked, op.sheet, box.top, box.left);
    if (wrote === undefined) return [];
    const range = pre.proxies.get(op.sheet.toLowerCase())?.getRange(op.address).load('values');
    return range ? [{ op, wrote, range }] : [];
  });
  if (reads.length === 0) return;
  try {
    await context.sync();
  } catch (e) {
    throw new WorkbookError(
      `本次内容已写入，但随后未能再次读取工作表${quoteSheet(reads[0]!.op.sheet)}的 ${reads[0]!.op.address}，无法确认没有他人同时写入` +
        `（技术信息：${e instanceof Error ? e.message : String(e)}）。请重新读取后在“抽取记录”中点“验证”。`,
      'WRITTEN_UNCHECKED',
    );
  }
  for (const { op, wrote, range } of reads) {
    const now = range.values[0]?.[0] ?? '';
    if (String(now) !== String(wrote ?? '')) {
      throw new WorkbookError(
        `本次内容已写入，但随后读到工作表${quoteSheet(op.sheet)}的 ${op.address} 已不是本次写入的内容：可能有他人同时操作，两次写入发生了冲突。` +
          `请所有人暂停操作，重新读取后在“抽取记录”中点“验证”，按提示处理。`,
        'CONFLICT_AFTER_WRITE',
      );
    }
  }
}

