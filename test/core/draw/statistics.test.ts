import { runDraw, sha256Hex } from '../../../src/core/draw';
import type { DrawInputs, InspectorEntry } from '../../../src/core/draw';

/**
 * Deterministic frequency checks: seeds are SHA-256 of a counter, so these give the same numbers
 * on every run and cannot flake. The critical values are generous (p ≈ 1e-7), yet far below what
 * a biased draw produces (always the first candidates, a skewed leader choice).
 */

const RUNS = 2000;
const candidates = Array.from({ length: 20 }, (_, i) => `c${String(i).padStart(2, '0')}`);
const inspectors: InspectorEntry[] = [
  { id: 'SJ01', department: '市场监督管理局', staff: true },
  { id: 'SJ02', department: '市场监督管理局', staff: false },
  { id: 'YB01', department: '医疗保障局', staff: true },
  { id: 'YB02', department: '医疗保障局', staff: false },
  { id: 'YB03', department: '医疗保障局', staff: true },
  { id: 'YB04', department: '医疗保障局', staff: true },
  { id: 'YB05', department: '医疗保障局', staff: true },
];

function inputsFor(run: number): DrawInputs {
  return {
    protocol: 'ssj-draw/1',
    task: { planNo: '', taskNo: '', planName: '', taskName: '' },
    seed: { source: 'local', hex: sha256Hex(`statistics/${run}`) },
    // 20 candidates at 25 %: k = 5.
    strata: [{ name: 'A', basisPoints: 2500, candidates }],
    team: {
      size: 2,
      departments: [
        { name: '医疗保障局', min: 1 },
        { name: '市场监督管理局', min: 1 },
      ],
      maxPerInspector: 0,
      inspectors,
      exclusions: [],
    },
  };
}

function chiSquare(counts: ReadonlyMap<string, number>, keys: readonly string[], expected: number): number {
  return keys.reduce((sum, key) => sum + ((counts.get(key) ?? 0) - expected) ** 2 / expected, 0);
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

describe('runDraw frequencies over 2,000 fixed seeds', () => {
  const picked = new Map<string, number>();
  const pickedFirst = new Map<string, number>();
  const leaders = new Map<string, number>();
  let teams = 0;
  beforeAll(() => {
    for (let run = 0; run < RUNS; run++) {
      const outcome = runDraw(inputsFor(run));
      if (!outcome.ok) throw new Error(outcome.failure.message);
      outcome.result.forEach((entry, position) => {
        increment(picked, entry.target);
        if (position === 0) increment(pickedFirst, entry.target);
        increment(leaders, entry.leader);
        teams += 1;
      });
    }
  });

  it('picks each of 20 candidates with k = 5 about 500 times (χ², 19 df, < 70)', () => {
    expect(teams).toBe(RUNS * 5);
    expect(chiSquare(picked, candidates, (RUNS * 5) / candidates.length)).toBeLessThan(70);
  });

  it('puts each candidate first in the draw order about 100 times (χ², 19 df, < 70)', () => {
    expect(chiSquare(pickedFirst, candidates, RUNS / candidates.length)).toBeLessThan(70);
  });

  it('lets each eligible staff member of the lead department lead about equally often (χ², 3 df, < 35)', () => {
    const staff = ['YB01', 'YB03', 'YB04', 'YB05'];
    expect([...leaders.keys()].sort()).toEqual(staff);
    expect(chiSquare(leaders, staff, teams / staff.length)).toBeLessThan(35);
  });
});
