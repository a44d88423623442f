/**
 * Appending one event to the log: the one place that turns an event's readable fields and its
 * stored data into the next chained row plus the workbook operations that write it. Every event
 * (承诺, 抽取, 失败, 递补, 作废) goes through here.
 */
import type { Finding } from '../findings';
import type { LogData, LogEntry, LogState } from '../log';
import { appendLogEntry, appendLogOps, checkChain, FOREIGN_SHEET_MESSAGE, serializeLogData } from '../log';
import type { LogBook } from './bookState';
import { firstLogError, unverifiedRefusal } from './verifyBook';
import { sha256Hex } from '../draw';
import type { WorkbookOp } from '../workbookOps';

/** Who appends, when, and the protection password of the log sheets (if the bureau set one). */
export type EventMeta = { time: string; operator: string; password?: string };

/** The readable columns of a new row (the chain columns are computed). */
export type EventFields = Omit<LogEntry, 'seq' | 'prevHash' | 'hash' | 'dataDigest' | 'time' | 'operator'>;

/**
 * The next row of the log for an event and the operations that append it.
 * @example appendEvent(log, meta, fields, data).entry.seq // log.rows.length + 1
 */
export function appendEvent(
  state: LogState,
  meta: EventMeta,
  fields: EventFields,
  data: LogData,
): { entry: LogEntry; ops: WorkbookOp[] } {
  const { text, digest } = serializeLogData(data);
  const prev = state.rows.length ? state.rows[state.rows.length - 1]!.entry : null;
  const entry = appendLogEntry(prev, { ...fields, time: meta.time, operator: meta.operator }, digest);
  return { entry, ops: appendLogOps(state, entry, text, meta.password) };
}

/** Why nothing may be appended: the chain is broken (its first finding), or a draw's stored data changed. */
export type AppendBlocker =
  | { kind: 'chain'; finding: Finding }
  | { kind: 'data'; seq: number }
  /** A user's own sheet named 抽取记录 (not a log this tool wrote). */
  | { kind: 'foreign' }
  /** The log fails verification (a result sheet or stored data was changed). */
  | { kind: 'unverified'; finding: Finding };

/**
 * Checks, before anything is appended, that the log's chain holds and (when `seq` is given) that
 * that row's stored data still matches its digest. A broken log is never extended.
 * @example appendBlocker(log, 1) // null when the log is intact
 */
export function appendBlocker(log: LogState, seq?: number): AppendBlocker | null {
  if (log.isForeign) return { kind: 'foreign' };
  const broken = checkChain(log);
  if (broken.length) return { kind: 'chain', finding: broken[0]! };
  if (seq === undefined) return null;
  const row = log.rows.find((r) => r.entry.seq === seq);
  const text = log.data.get(seq);
  return row && text !== undefined && sha256Hex(text) !== row.entry.dataDigest ? { kind: 'data', seq } : null;
}

/**
 * The refusal as one Chinese sentence; `advice` says what to do in this room (CLI or pane).
 * @example describeAppendBlocker(b, '请先运行 shuangsuiji verify 查看详情') // '抽取记录已被改动（抽取记录!N5：…），…'
 */
export function describeAppendBlocker(blocker: AppendBlocker, advice: string): string {
  switch (blocker.kind) {
    case 'foreign':
      return FOREIGN_SHEET_MESSAGE;
    case 'chain':
      return `抽取记录已被改动（${blocker.finding.sheet}!${blocker.finding.cell}：${blocker.finding.message}），不能在损坏的记录后追加。${advice}`;
    case 'data':
      return `第 ${blocker.seq} 条记录的存储数据已被改动，不能在其后追加。${advice}`;
    case 'unverified':
      return unverifiedRefusal(blocker.finding, advice);
  }
}

/**
 * Everything that stops the log from being extended or used: a user's sheet named 抽取记录, a broken
 * chain, changed stored data of row `seq`, or any error of a full verification.
 * @example logBlocker(book) // null when the log verifies
 */
export function logBlocker(book: LogBook, seq?: number): AppendBlocker | null {
  const quick = appendBlocker(book.log, seq);
  if (quick) return quick;
  const finding = firstLogError(book);
  return finding ? { kind: 'unverified', finding } : null;
}
