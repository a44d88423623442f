/** Typed access to test/data/ssj-draw-vectors.json and …-v2.json (the spec's vectors, copied). */
import raw from '../../data/ssj-draw-vectors.json';
import rawV2 from '../../data/ssj-draw-vectors-v2.json';
import { runDraw } from '../../../src/core/draw';
import type { DrawInputs, ResultEntry, SubstitutionRecord } from '../../../src/core/draw';

export type DrawVector = {
  readonly title: string;
  readonly inputs: DrawInputs;
  readonly inputDigest: string;
  readonly result: readonly ResultEntry[];
  readonly recordDigest: string;
};

export type FailureVector = {
  readonly title: string;
  readonly inputs: DrawInputs;
  readonly failure: 'invalid-record' | 'no-leader' | 'too-few-inspectors';
};

export type Vectors = {
  readonly protocol: string;
  readonly primitives: {
    readonly seedHex: string;
    readonly label: string;
    readonly firstU32: readonly number[];
    readonly uniform: readonly { label: string; n: number; values: readonly number[] }[];
    readonly sample: readonly {
      label: string;
      items: readonly string[];
      k: number;
      picks: readonly string[];
    }[];
    readonly canonical: readonly { value: unknown; text: string; sha256: string }[];
    readonly publicSeed: readonly { text: string; hex: string }[];
  };
  readonly draws: readonly DrawVector[];
  readonly failures: readonly FailureVector[];
  readonly substitutions: {
    readonly drawIndex: number;
    readonly chain: readonly SubstitutionRecord[];
  };
};

export const vectors = raw as unknown as Vectors;

/** A deep copy, so that a test can change inputs without touching the shared vectors. */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Freezes a value and everything in it, so that any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** The draw vector at `index`, which must exist. */
export function drawVector(index: number): DrawVector {
  const vector = vectors.draws[index];
  if (vector === undefined) throw new Error(`no draw vector ${index}`);
  return vector;
}

/** The ssj-draw/2 vectors (spec §12), copied into test/data/ssj-draw-vectors-v2.json. */
export type VectorsV2 = {
  readonly protocol: string;
  readonly draws: readonly DrawVector[];
  readonly failures: readonly {
    readonly title: string;
    readonly inputs: DrawInputs;
    readonly failure: 'invalid-record' | 'no-leader' | 'too-few-inspectors' | 'too-few-staff';
  }[];
  readonly substitutions: {
    readonly drawIndex: number;
    readonly chain: readonly SubstitutionRecord[];
  };
};

export const vectorsV2 = rawV2 as unknown as VectorsV2;

/** The ssj-draw/2 draw vector at `index`, which must exist. */
export function drawVectorV2(index: number): DrawVector {
  const vector = vectorsV2.draws[index];
  if (vector === undefined) throw new Error(`no ssj-draw/2 draw vector ${index}`);
  return vector;
}

/** Draws `vector`'s inputs and expects its input digest, result and record digest; returns the draw. */
export function expectDrawReproduced(vector: DrawVector) {
  const outcome = runDraw(vector.inputs);
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.inputDigest).toBe(vector.inputDigest);
  expect(outcome.result).toEqual(vector.result);
  expect(outcome.recordDigest).toBe(vector.recordDigest);
  return outcome;
}

/** Draws a failure vector's inputs and expects a refusal of its kind, with no result. */
export function expectDrawRefused(vector: { readonly inputs: DrawInputs; readonly failure: string }): void {
  const outcome = runDraw(vector.inputs);
  expect(outcome).toMatchObject({ ok: false, failure: { kind: vector.failure } });
  expect(outcome).not.toHaveProperty('result');
}
