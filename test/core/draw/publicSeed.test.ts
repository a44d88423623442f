import { canonicalDigest, computeCommitment, derivePublicSeedHex, runDraw } from '../../../src/core/draw';
import type { DrawInputs } from '../../../src/core/draw';
import { copyOf, drawVector, vectors } from './vectors';

describe('derivePublicSeedHex', () => {
  it.each(vectors.primitives.publicSeed.map((v) => [v.text, v] as const))(
    'derives the vector for %p',
    (_, vector) => {
      expect(derivePublicSeedHex(vector.text)).toBe(vector.hex);
    },
  );

  it('normalises to NFC before hashing', () => {
    expect(derivePublicSeedHex('cafe\u0301')).toBe(derivePublicSeedHex('caf\u00e9'));
  });

  it('matches the public-seed draw vector', () => {
    const { seed } = drawVector(2).inputs;
    expect(seed.source).toBe('public');
    if (seed.source === 'public') expect(derivePublicSeedHex(seed.text)).toBe(seed.hex);
  });
});

describe('computeCommitment', () => {
  const revealed = drawVector(2).inputs;
  const announcement =
    '2025年3月4日 中国福利彩票双色球第2025024期开奖号码，写作“03 07 12 19 25 31 蓝08”的形式';
  const withAnnouncement: DrawInputs = {
    ...revealed,
    seed: {
      source: 'public',
      announcement,
      text: (revealed.seed as { text: string }).text,
      hex: revealed.seed.hex,
    },
  };

  it('digests the inputs with the seed reduced to source and announcement', () => {
    const { seed: _seed, ...rest } = withAnnouncement;
    const outcome = computeCommitment({ ...rest, seed: { source: 'public', announcement } });
    expect(outcome).toEqual({
      ok: true,
      commitment: canonicalDigest({ ...rest, seed: { source: 'public', announcement } }),
    });
  });

  it('gives the same value before and after the number is known', () => {
    const before = computeCommitment({ ...withAnnouncement, seed: { source: 'public', announcement } });
    const after = computeCommitment(withAnnouncement);
    expect(before.ok && after.ok && before.commitment === after.commitment).toBe(true);
  });

  it('works without an announcement (the vectors’ public seed has none)', () => {
    const outcome = computeCommitment(revealed);
    const { seed: _seed, ...rest } = revealed;
    expect(outcome).toEqual({
      ok: true,
      commitment: canonicalDigest({ ...rest, seed: { source: 'public' } }),
    });
  });

  it('changes when a candidate changes after the commitment', () => {
    const changed = copyOf(withAnnouncement) as { strata: { candidates: string[] }[] } & DrawInputs;
    changed.strata[0]?.candidates.pop();
    const a = computeCommitment(withAnnouncement);
    const b = computeCommitment(changed);
    expect(a.ok && b.ok && a.commitment !== b.commitment).toBe(true);
  });

  it('refuses a local seed and invalid inputs', () => {
    expect(computeCommitment(drawVector(0).inputs).ok).toBe(false);
    const failure = vectors.failures[0];
    if (failure === undefined) throw new Error('no failure vector');
    const unsorted = { ...failure.inputs, seed: { source: 'public' as const } };
    expect(computeCommitment(unsorted)).toMatchObject({ ok: false, issues: [{ code: 'not-sorted' }] });
  });

  it('refuses a revealed seed whose hex does not match its text', () => {
    const wrong = { ...withAnnouncement, seed: { ...withAnnouncement.seed, text: '别的号码' } } as DrawInputs;
    expect(computeCommitment(wrong)).toMatchObject({ ok: false, issues: [{ code: 'seed-mismatch' }] });
  });

  it('leaves the draw itself unchanged: the revealed record still draws the vector', () => {
    expect(runDraw(revealed)).toMatchObject({ ok: true, recordDigest: drawVector(2).recordDigest });
  });
});
