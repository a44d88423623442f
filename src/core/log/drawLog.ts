/**
 * The draw log (抽取记录): one row per event, chained by SHA-256 so that any edit, deletion or
 * reordering shows. Each row's `hash` is the SHA-256 of the canonical JSON of the row's other
 * columns, which include `prevHash`, the previous row's hash (64 zeros for the first row). The
 * full data of each event (the ssj-draw/1 record with its context, a substitution, a commitment)
 * is stored as canonical JSON in a hidden sheet and bound to its row by `dataDigest`.
 */
import { canonicalJson, sha256Hex } from '../draw/canonicalJson';
import type { DrawSeed } from '../draw/types';

export type LogEvent = '承诺' | '抽取' | '失败' | '递补' | '作废';

export type LogEntry = {
  seq: number;
  /** ISO 8601 with offset, e.g. 2025-03-05T09:30:00+08:00. */
  time: string;
  event: LogEvent;
  planNo: string;
  taskNo: string;
  operator: string;
  /** 本地随机 or 公开随机数, '' when not a draw. */
  seedSource: string;
  /** Targets drawn (抽取), 1 (递补) or 0. */
  count: number;
  /** One line a human reads. */
  summary: string;
  inputDigest: string;
  recordDigest: string;
  dataDigest: string;
  prevHash: string;
  hash: string;
};

export const GENESIS_HASH = '0'.repeat(64);
export const LOG_SHEET = '抽取记录';
export const DATA_SHEET = '_ssj_data';

/** The log's columns: what a person reads first, the integrity columns after. */
export const LOG_COLUMNS: readonly { key: keyof LogEntry; title: string; width: number }[] = [
  { key: 'seq', title: '序号', width: 6 },
  { key: 'time', title: '时间', width: 26 },
  { key: 'event', title: '事件', width: 6 },
  { key: 'planNo', title: '计划编号', width: 10 },
  { key: 'taskNo', title: '任务编号', width: 9 },
  { key: 'operator', title: '操作人', width: 10 },
  { key: 'seedSource', title: '随机源', width: 14 },
  { key: 'count', title: '抽中数量', width: 9 },
  { key: 'summary', title: '摘要', width: 48 },
  { key: 'inputDigest', title: 'inputDigest', width: 20 },
  { key: 'recordDigest', title: 'recordDigest', width: 20 },
  { key: 'dataDigest', title: 'dataDigest', width: 20 },
  { key: 'prevHash', title: 'prevHash', width: 20 },
  { key: 'hash', title: 'hash', width: 20 },
];

/** 1-based sheet rows of the log layout. */
export const LOG_LAYOUT = { title: 1, head: 2, header: 4, firstEntry: 5 } as const;

/**
 * The hash of a row: SHA-256 of the canonical JSON of every column but `hash`.
 * @example computeEntryHash({ seq: 1, …, prevHash: GENESIS_HASH }) // '3f…'
 */
export function computeEntryHash(entry: Omit<LogEntry, 'hash'> | LogEntry): string {
  const { hash: _omit, ...content } = entry as LogEntry;
  // A row read back with a number that is not an integer (十三, 1.5) cannot be canonical: it is
  // a changed row, and its hash can only fail to match.
  if (!Number.isSafeInteger(content.seq) || !Number.isSafeInteger(content.count)) return '';
  return sha256Hex(canonicalJson(content));
}

/**
 * The next row of the chain.
 * @param prev the last row, or null for the first
 * @param fields the row's readable columns and digests
 * @param dataDigest digest of the stored event data
 * @returns the complete row with seq, prevHash and hash
 * @example appendLogEntry(null, { time, event: '抽取', … }, d).prevHash // GENESIS_HASH
 */
export function appendLogEntry(
  prev: LogEntry | null,
  fields: Omit<LogEntry, 'seq' | 'prevHash' | 'hash' | 'dataDigest'>,
  dataDigest: string,
): LogEntry {
  const partial = { ...fields, seq: prev ? prev.seq + 1 : 1, dataDigest, prevHash: prev ? prev.hash : GENESIS_HASH };
  return { ...partial, hash: computeEntryHash(partial) };
}

/**
 * Splits stored text under Excel's 32,767-character cell limit (by code points, never inside a pair).
 * @example chunkText('abc', 2) // ['ab', 'c']
 */
export function chunkText(text: string, size = 30_000): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(i + size, text.length);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out.length ? out : [''];
}

/**
 * Local time with offset, as the log writes it (China Standard Time unless told otherwise).
 * @example formatLogTime(new Date('2025-03-05T01:30:00Z')) // '2025-03-05T09:30:00+08:00'
 */
export function formatLogTime(d: Date, offsetMinutes = 480): string {
  const t = new Date(d.getTime() + offsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const off = Math.abs(offsetMinutes);
  return `${t.getUTCFullYear()}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}T${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}${sign}${p(Math.floor(off / 60))}:${p(off % 60)}`;
}

/**
 * The label the log writes in 随机源 for a seed.
 * @example seedSourceLabel({ source: 'local', hex }) // '本地随机'
 */
export function seedSourceLabel(seed: DrawSeed): string {
  return seed.source === 'local' ? '本地随机' : `公开随机数：${seed.text}`;
}
