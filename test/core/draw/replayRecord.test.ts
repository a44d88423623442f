import { canonicalJson, replayRecord, sha256Hex } from '../../../src/core/draw';
import { copyOf, drawVector, vectors } from './vectors';

describe('replayRecord', () => {
  it.each(vectors.draws.map((v, i) => [i, v] as const))(
    'completes draw vector %i given without result',
    (_, vector) => {
      const replay = replayRecord(JSON.parse(JSON.stringify(vector.inputs)));
      if (!replay.ok) throw new Error(replay.failure.message);
      expect(replay.text).toBe(canonicalJson({ ...vector.inputs, result: vector.result }));
      expect(sha256Hex(replay.text)).toBe(vector.recordDigest);
      expect(replay).toMatchObject({
        inputDigest: vector.inputDigest,
        recordDigest: vector.recordDigest,
        hasGivenResult: false,
        isResultDifferent: false,
      });
    },
  );

  it('accepts a record with its correct result, in any key order', () => {
    const vector = drawVector(1);
    const reordered = {
      result: vector.result.map((e) => ({
        members: e.members,
        target: e.target,
        leader: e.leader,
        stratum: e.stratum,
      })),
      ...vector.inputs,
    };
    const replay = replayRecord(reordered);
    expect(replay).toMatchObject({
      ok: true,
      hasGivenResult: true,
      isResultDifferent: false,
      recordDigest: vector.recordDigest,
    });
  });

  it('reports a result that differs, and prints the recomputed one', () => {
    const vector = drawVector(0);
    const swapped = copyOf(vector.result).map((e) => ({ ...e, members: [...e.members].reverse() }));
    const replay = replayRecord({ ...vector.inputs, result: swapped });
    if (!replay.ok) throw new Error(replay.failure.message);
    expect(replay.isResultDifferent).toBe(true);
    expect(replay.recordDigest).toBe(vector.recordDigest);
  });

  it('treats a result without canonical form as different', () => {
    const replay = replayRecord({ ...drawVector(0).inputs, result: null });
    expect(replay).toMatchObject({ ok: true, isResultDifferent: true });
  });

  it.each(vectors.failures.map((v) => [v.title, v] as const))('fails on failure vector “%s”', (_, vector) => {
    expect(replayRecord(vector.inputs)).toMatchObject({ ok: false, failure: { kind: vector.failure } });
  });

  it('fails on something that is not a record', () => {
    expect(replayRecord('hello')).toMatchObject({ ok: false, failure: { kind: 'invalid-record' } });
  });
});
