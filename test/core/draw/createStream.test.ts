import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createStream, nextU32, sample, sha256Hex, uniform } from '../../../src/core/draw';
import { deepFreeze, vectors } from './vectors';

const { primitives } = vectors;
const seed = hexToBytes(primitives.seedHex);

describe('createStream', () => {
  it('yields the vectors’ first 20 u32 of the label', () => {
    const stream = createStream(seed, primitives.label);
    expect(Array.from({ length: 20 }, () => stream.nextU32())).toEqual(primitives.firstU32);
  });

  it('starts every stream at its first byte, independent of other streams', () => {
    const a = createStream(seed, primitives.label);
    const other = createStream(seed, 'targets/B');
    other.nextU32();
    expect(a.nextU32()).toBe(primitives.firstU32[0]);
    expect(createStream(seed, primitives.label).nextU32()).toBe(primitives.firstU32[0]);
  });

  it('reads the digest of block 0 big-endian, then block 1', () => {
    // Block i = SHA-256(seed ‖ label ‖ 0x00 ‖ BE32(i)); checked here without the module's code.
    const label = new TextEncoder().encode(primitives.label);
    const blockHex = (i: number): string => {
      const message = new Uint8Array([...seed, ...label, 0, 0, 0, 0, i]);
      return bytesToHex(sha256(message));
    };
    const stream = createStream(seed, primitives.label);
    const words = Array.from({ length: 16 }, () => stream.nextU32().toString(16).padStart(8, '0')).join('');
    expect(words).toBe(blockHex(0) + blockHex(1));
  });

  it('does not depend on later changes to the seed array', () => {
    const copy = seed.slice();
    const stream = createStream(copy, primitives.label);
    copy.fill(0);
    expect(stream.nextU32()).toBe(primitives.firstU32[0]);
  });

  it('refuses a seed that is not 32 bytes', () => {
    expect(() => createStream(new Uint8Array(31), 'x')).toThrow(RangeError);
  });
});

describe('nextU32', () => {
  it('advances the stream it is given', () => {
    const stream = createStream(seed, primitives.label);
    expect([nextU32(stream), nextU32(stream)]).toEqual(primitives.firstU32.slice(0, 2));
  });
});

describe('uniform', () => {
  it.each(primitives.uniform.map((v) => [v.label, v] as const))('reproduces vector %s', (_, vector) => {
    const stream = createStream(seed, vector.label);
    expect(Array.from({ length: 12 }, () => uniform(stream, vector.n))).toEqual(vector.values);
  });

  it('reads nothing for n = 1', () => {
    const stream = createStream(seed, primitives.label);
    expect(uniform(stream, 1)).toBe(0);
    expect(stream.nextU32()).toBe(primitives.firstU32[0]);
  });

  it('returns the raw u32 for n = 2^32', () => {
    const stream = createStream(seed, primitives.label);
    expect(uniform(stream, 2 ** 32)).toBe(primitives.firstU32[0]);
  });

  it('rejects values at or above the limit and reads on', () => {
    // n = 3·2^30: limit = 3·2^30, so u ≥ 3221225472 is discarded. firstU32[2] = 4136538041 is one.
    const n = 3 * 2 ** 30;
    const stream = createStream(seed, primitives.label);
    const expected = primitives.firstU32.filter((u) => u < n).map((u) => u % n);
    expect(Array.from({ length: expected.length }, () => uniform(stream, n))).toEqual(expected);
  });

  it.each([0, -1, 1.5, 2 ** 32 + 1, Number.NaN])('refuses n = %p', (n) => {
    expect(() => uniform(createStream(seed, 'x'), n)).toThrow(RangeError);
  });

  it('is unbiased for n = 3·2^30, where u mod n without rejection would favour the lowest third', () => {
    // Deterministic: a fixed seed and label. Unbiased: P(value < 2^30) = 1/3 (≈ 6667 of 20000,
    // sd ≈ 67); `u mod n` without rejection gives 1/2 (≈ 10000).
    const n = 3 * 2 ** 30;
    const stream = createStream(hexToBytes(sha256Hex('uniform-bias')), 'bias');
    let low = 0;
    for (let i = 0; i < 20000; i++) if (uniform(stream, n) < 2 ** 30) low += 1;
    expect(Math.abs(low - 20000 / 3)).toBeLessThan(600);
  });
});

describe('sample', () => {
  it.each(primitives.sample.map((v) => [v.label, v] as const))('reproduces vector %s', (_, vector) => {
    expect(sample(vector.items, vector.k, vector.label, seed)).toEqual(vector.picks);
  });

  it('does not mutate the list', () => {
    const vector = primitives.sample[0];
    if (vector === undefined) throw new Error('no sample vector');
    const items = deepFreeze([...vector.items]);
    expect(sample(items, vector.k, vector.label, seed)).toEqual(vector.picks);
    expect(items).toEqual(vector.items);
  });

  it('returns [] for k = 0 and a permutation for k = n', () => {
    expect(sample(['a', 'b'], 0, 'x', seed)).toEqual([]);
    expect([...sample(['a', 'b', 'c', 'd'], 4, 'x', seed)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes a prefix of the longer draw with the same label', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(sample(items, 5, 'prefix', seed)).toEqual(sample(items, 20, 'prefix', seed).slice(0, 5));
  });

  it('refuses k outside 0 … n', () => {
    expect(() => sample(['a'], 2, 'x', seed)).toThrow(RangeError);
    expect(() => sample(['a'], -1, 'x', seed)).toThrow(RangeError);
  });
});
