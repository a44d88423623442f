import { canonicalJson } from './canonicalJson';
import { drawValidated, invalidRecordFailure } from './runDraw';
import { validateDrawRecord } from './validateDrawRecord';
import type { DrawFailure, DrawOptions, DrawRecord } from './types';

/** Outcome of {@link replayRecord}. */
export type ReplayOutcome =
  | {
      readonly ok: true;
      /** canonical(record) with the recomputed `result`: what `shuangsuiji replay` prints. */
      readonly text: string;
      readonly record: DrawRecord;
      readonly inputDigest: string;
      readonly recordDigest: string;
      /** The given record had a `result` field. */
      readonly hasGivenResult: boolean;
      /** The given `result` is not exactly the recomputed one (false when none was given). */
      readonly isResultDifferent: boolean;
    }
  | { readonly ok: false; readonly failure: DrawFailure };

/**
 * Recomputes a draw record (ssj-draw/1 §9 steps 1–4), as `shuangsuiji replay FILE` does: checks
 * the inputs, redraws, and returns the complete record as canonical JSON together with whether a
 * `result` in the file differs from the recomputed one. An invalid record or an impossible draw
 * is a failure (the CLI exits 2 with its message); a differing result is not (the CLI exits 1).
 *
 * @param parsed - `JSON.parse` of a record, with or without `result`
 * @param options - `names` for failure messages
 * @returns the canonical text, digests and `isResultDifferent`, or the failure
 * @example
 * const replay = replayRecord(JSON.parse(fileText));
 * // { ok: true, text: '{"protocol":"ssj-draw/1","result":[…],…}', recordDigest: '8b0c…', isResultDifferent: false, … }
 */
export function replayRecord(parsed: unknown, options: DrawOptions = {}): ReplayOutcome {
  const checked = validateDrawRecord(parsed, { allowResult: true });
  if (!checked.ok) return { ok: false, failure: invalidRecordFailure(checked.issues) };
  const drawn = drawValidated(checked.inputs, options.names);
  if (!drawn.ok) return drawn;
  const given = parsed as { readonly result?: unknown };
  const hasGivenResult = Object.hasOwn(given, 'result');
  return {
    ok: true,
    text: drawn.recordText,
    record: drawn.record,
    inputDigest: drawn.inputDigest,
    recordDigest: drawn.recordDigest,
    hasGivenResult,
    isResultDifferent: hasGivenResult && !isSameCanonical(given.result, drawn.resultText),
  };
}

function isSameCanonical(value: unknown, text: string): boolean {
  try {
    return canonicalJson(value) === text;
  } catch {
    // A result that has no canonical form (null, fractions …) cannot be the recomputed one.
    return false;
  }
}
