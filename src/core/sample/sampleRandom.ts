/**
 * A small seeded generator for sample data only (names, codes, dates of the demo book), so that the
 * sample is the same on every machine. Never used for a draw: draws use ssj-draw/1.
 */
export type SampleRandom = {
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
};

/**
 * mulberry32, seeded.
 * @example createSampleRandom(1).int(10) // the same number every run
 */
export function createSampleRandom(seed: number): SampleRandom {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
