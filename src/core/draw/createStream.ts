import { sha256 } from '@noble/hashes/sha2.js';
import { encodeUtf8Into, utf8Length } from './_lib/utf8';

/**
 * A named random stream (ssj-draw/1 §4): the bytes
 * `SHA-256(seed ‖ UTF-8(label) ‖ 0x00 ‖ BE32(0)) ‖ SHA-256(… ‖ BE32(1)) ‖ …`, read 4 bytes at a time.
 * A stream is a cursor: reading advances it, and nothing else can.
 */
export type DrawStream = {
  readonly label: string;
  /** Reads the next 4 bytes as an unsigned big-endian integer. */
  readonly nextU32: () => number;
};

const SEED_LENGTH = 32;
const BLOCK_LENGTH = 32;
const TWO_POW_32 = 2 ** 32;
const NO_BLOCK = new Uint8Array(0);

/**
 * Opens the stream named `label` for a 32-byte seed. Blocks are hashed lazily, one at a time, when
 * a read needs them; the label is encoded once.
 *
 * @param seedBytes - the 32 seed bytes (copied; later changes to the array do not matter)
 * @param label - the stream's name, e.g. `"targets/A"` or `"team/<target>/leader"`
 * @returns a fresh stream positioned at its first byte
 * @example
 * const stream = createStream(hexToBytes('738e9154…286f'), 'targets/A');
 * stream.nextU32() // 483477391
 */
export function createStream(seedBytes: Uint8Array, label: string): DrawStream {
  if (seedBytes.length !== SEED_LENGTH) {
    throw new RangeError(`createStream: the seed must be ${SEED_LENGTH} bytes, got ${seedBytes.length}`);
  }
  // seed ‖ label ‖ 0x00 ‖ BE32(counter); only the last 4 bytes change from block to block.
  // A large draw opens two streams per target, so this avoids every allocation it can.
  const labelLength = utf8Length(label);
  const message = new Uint8Array(SEED_LENGTH + labelLength + 1 + 4);
  message.set(seedBytes, 0);
  encodeUtf8Into(label, message.subarray(SEED_LENGTH, SEED_LENGTH + labelLength));
  const counterAt = message.length - 4;
  let counter = 0;
  let block = NO_BLOCK;
  let offset = BLOCK_LENGTH;

  const nextU32 = (): number => {
    if (offset === BLOCK_LENGTH) {
      if (counter >= TWO_POW_32) throw new RangeError(`createStream: stream ${label} is exhausted`);
      message[counterAt] = counter >>> 24;
      message[counterAt + 1] = (counter >>> 16) & 0xff;
      message[counterAt + 2] = (counter >>> 8) & 0xff;
      message[counterAt + 3] = counter & 0xff;
      block = sha256(message);
      counter += 1;
      offset = 0;
    }
    const value =
      (((block[offset] ?? 0) << 24) |
        ((block[offset + 1] ?? 0) << 16) |
        ((block[offset + 2] ?? 0) << 8) |
        (block[offset + 3] ?? 0)) >>>
      0;
    offset += 4;
    return value;
  };
  return { label, nextU32 };
}

/**
 * Reads the next unsigned 32-bit integer from a stream (advancing it).
 *
 * @param stream - a stream from {@link createStream}
 * @returns an integer in 0 … 2^32 − 1
 * @example
 * nextU32(createStream(seed, 'targets/A')) // the first 4 bytes of that stream, big-endian
 */
export function nextU32(stream: DrawStream): number {
  return stream.nextU32();
}

/**
 * Draws an integer uniformly from 0 … n − 1 by rejection sampling (ssj-draw/1 §4): values at or
 * above `2^32 − (2^32 mod n)` are discarded so that every residue is equally likely. `n = 1` reads
 * nothing. Advances the stream.
 *
 * @param stream - the stream to read
 * @param n - an integer with 1 ≤ n ≤ 2^32
 * @returns an integer in 0 … n − 1
 * @example
 * uniform(createStream(seed, 'uniform/7'), 7) // 5 for the vectors' seed
 */
export function uniform(stream: DrawStream, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
    throw new RangeError(`uniform: n must be an integer in 1 … 2^32, got ${n}`);
  }
  if (n === 1) return 0;
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  let u = stream.nextU32();
  while (u >= limit) u = stream.nextU32();
  return u % n;
}

/**
 * Takes `k` distinct items from `list` with a partial Fisher–Yates shuffle driven by the stream
 * `label` (ssj-draw/1 §4). The list itself is not touched; the picks come in draw order.
 *
 * @param list - the items, in their given (sorted) order
 * @param k - how many to take, 0 ≤ k ≤ list.length
 * @param label - the stream's name
 * @param seedBytes - the draw's 32 seed bytes
 * @returns the `k` picks, in the order they were drawn
 * @example
 * sample(['a00', 'a01', …, 'a29'], 7, 'targets/S', seed) // ['a15', 'a26', 'a11', 'a21', 'a19', 'a03', 'a01']
 */
export function sample<T>(list: readonly T[], k: number, label: string, seedBytes: Uint8Array): T[] {
  const n = list.length;
  if (!Number.isInteger(k) || k < 0 || k > n) {
    throw new RangeError(`sample: k must be an integer in 0 … ${n}, got ${k}`);
  }
  if (k === 0) return [];
  const stream = createStream(seedBytes, label);
  const a = list.slice();
  for (let i = 0; i < k; i++) {
    const j = i + uniform(stream, n - i);
    const picked = a[j] as T;
    a[j] = a[i] as T;
    a[i] = picked;
  }
  a.length = k;
  return a;
}
