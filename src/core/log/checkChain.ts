import type { Finding } from '../findings';
import { computeEntryHash, GENESIS_HASH, LOG_COLUMNS, LOG_LAYOUT, LOG_SHEET } from './drawLog';
import { cellAddress } from '../grid';
import type { LogState } from './logSheet';

const col = (key: string): number => LOG_COLUMNS.findIndex((c) => c.key === key);

/**
 * Checks the hash chain of the log rows alone: numbering, each prevHash, each hash, and the head
 * shown at the top. Cheap; the draw runs it before appending so that it never extends a broken chain.
 * @param state the log as read
 * @returns one finding per broken link (empty when the chain holds)
 * @example checkChain(readLogState(logGrid, dataGrid)) // []
 */
export function checkChain(state: LogState): Finding[] {
  const out: Finding[] = [];
  let prev = GENESIS_HASH;
  state.rows.forEach(({ entry, row }, i) => {
    const at = (key: string) => ({ sheet: LOG_SHEET, cell: cellAddress(row - 1, col(key)) });
    if (entry.seq !== i + 1) {
      out.push({ severity: 'error', code: 'LOG_SEQ', ...at('seq'), message: `第 ${row} 行的序号是 ${entry.seq}，应为 ${i + 1}：有记录被删除、插入或调换了顺序。` });
    }
    if (entry.prevHash !== prev) {
      out.push({ severity: 'error', code: 'LOG_PREV_HASH', ...at('prevHash'), message: `第 ${row} 行（序号 ${entry.seq}）的 prevHash 与上一条的 hash 不符：记录链在此处断开（有行被删除、插入或调换）。` });
    }
    const expect = computeEntryHash(entry);
    if (entry.hash !== expect) {
      out.push({ severity: 'error', code: 'LOG_HASH', ...at('hash'), message: `第 ${row} 行（序号 ${entry.seq}）的内容与其 hash 不符：这一行在写入后被改动过。` });
    }
    prev = entry.hash;
  });
  if (state.hasLog && state.shownHead !== prev) {
    out.push({ severity: 'error', code: 'LOG_HEAD', sheet: LOG_SHEET, cell: 'B2', message: `表头显示的链头哈希与最后一条记录的 hash 不符（第 ${LOG_LAYOUT.head} 行）：记录被截断或链头被改动。` });
  }
  return out;
}
