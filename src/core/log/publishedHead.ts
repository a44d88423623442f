/**
 * The chain head outside the file. A log proves nothing about what it lost or who rewrote it unless
 * its head was published (in the 公示, on the website) when it was current: a later `verify --head`
 * then finds that head in the chain and says how many entries came after it. The 公示码 is the
 * head's first 64 bits, grouped for a clerk to post and read aloud; the full head stays in the details.
 */
import type { LogEntry } from './drawLog';
import type { LogState } from './logSheet';

const CODE_GROUPS = 4;

/**
 * The 公示码 of a chain head: its first 16 hex digits, upper case, in groups of four.
 * @example publicCodeOf('3f2a91c07b1e44d2…') // '3F2A-91C0-7B1E-44D2'
 */
export function publicCodeOf(head: string): string {
  const hex = head.slice(0, CODE_GROUPS * 4).toUpperCase();
  return hex.match(/.{1,4}/g)?.join('-') ?? hex;
}

/** What a published head (full hash or 公示码) says about the log now. */
export type PublishedHeadCheck =
  | { kind: 'invalid'; message: string }
  | { kind: 'missing' }
  | { kind: 'found'; seq: number; entry: LogEntry; after: LogEntry[] };

/**
 * Finds a published head in the chain: a row whose hash is the head (or starts with the 公示码).
 * @param state the log as read
 * @param published the head as published: 64 hex digits, or a 公示码 like `3F2A-91C0-7B1E-44D2`
 * @returns where it is and the entries appended after it, or that it is not in the chain
 * @example checkPublishedHead(state, '3F2A-91C0-7B1E-44D2') // { kind: 'found', seq: 3, after: [] }
 */
export function checkPublishedHead(state: LogState, published: string): PublishedHeadCheck {
  const text = published.normalize('NFKC').trim().toLowerCase().replace(/[\s-]/g, '');
  if (!/^[0-9a-f]+$/.test(text) || (text.length !== 64 && text.length !== CODE_GROUPS * 4)) {
    return { kind: 'invalid', message: `“${published}”不是链头哈希（64 位十六进制）或公示码（如 3F2A-91C0-7B1E-44D2）。` };
  }
  const rows = state.rows.map((r) => r.entry);
  const i = rows.findIndex((e) => (text.length === 64 ? e.hash === text : e.hash.startsWith(text)));
  if (i < 0) return { kind: 'missing' };
  return { kind: 'found', seq: rows[i]!.seq, entry: rows[i]!, after: rows.slice(i + 1) };
}
