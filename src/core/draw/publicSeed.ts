import { canonicalDigest } from './canonicalJson';
import { publicTextHex } from './_lib/publicTextHex';
import { collectRecordIssues } from './validateDrawRecord';
import type { DrawInputs, DrawRecordIssue, PendingPublicSeed } from './types';

/**
 * Derives a public seed's `hex` from the public text as published (ssj-draw/1 §3): SHA-256 of the
 * UTF-8 bytes of the text after NFC normalisation and trimming.
 *
 * @param text - the public number in the announced text form
 * @returns 64 lowercase hex characters (the 32 seed bytes)
 * @example
 * derivePublicSeedHex('  café  ') // '850f7dc43910ff890f8879c0ed26fe697c93a067ad93a7d50f466a7028a9bf4e'
 */
export function derivePublicSeedHex(text: string): string {
  return publicTextHex(text);
}

/** Inputs whose public seed may still lack `text` and `hex` (before the number exists). */
export type CommitmentInputs = Omit<DrawInputs, 'seed'> & {
  readonly seed: PendingPublicSeed | DrawInputs['seed'];
};

/** Outcome of {@link computeCommitment}. */
export type CommitmentOutcome =
  | { readonly ok: true; readonly commitment: string }
  | { readonly ok: false; readonly issues: readonly DrawRecordIssue[] };

/**
 * Computes the commitment (承诺) of a public-seed draw (ssj-draw/1 §11): the canonical digest of the
 * record without `result` and with `seed` reduced to `{ source: "public", announcement }`. It is
 * published before the public number exists; since it fixes every candidate, inspector and
 * exclusion, nothing can be adjusted after the number is known. A revealed record (with `text`
 * and `hex`) gives the same commitment, which is how verification checks it.
 *
 * @param inputs - the draw inputs with a public seed, with or without `text`/`hex`
 * @returns the commitment hex, or the problems that make the inputs invalid
 * @example
 * computeCommitment({ ...inputs, seed: { source: 'public', announcement: '2025-03-04 双色球 第2025024期 开奖号码' } })
 * // { ok: true, commitment: '…64 hex…' }
 */
export function computeCommitment(inputs: CommitmentInputs): CommitmentOutcome {
  const issues = collectRecordIssues(inputs, { allowResult: true, seedMode: 'commitment' });
  if (issues.length > 0) return { ok: false, issues };
  const { seed, protocol, task, strata, team } = inputs;
  const pending =
    'announcement' in seed && seed.announcement !== undefined
      ? { source: 'public', announcement: seed.announcement }
      : { source: 'public' };
  return { ok: true, commitment: canonicalDigest({ protocol, task, seed: pending, strata, team }) };
}
