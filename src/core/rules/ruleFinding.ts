/**
 * What a rule reports. The rule knows the value, not where it sits: the caller (the plan-table
 * validator) adds sheet and cell to make a `Finding` (docs/glossary.md). Codes are stable and
 * listed in docs/findings.md.
 */

/** `error`: the value breaks a stated rule and must be fixed; `warning`: understood, but not in the standard form. */
export type Severity = 'error' | 'warning';

/** One problem with one value. `suggestion` is the whole corrected cell content, ready to write back. */
export type RuleFinding = {
  severity: Severity;
  /** Stable UPPER_SNAKE code, e.g. `PLAN_NAME_EXTRA_TEXT`. */
  code: string;
  /** Chinese, specific, and says what to do. */
  message: string;
  suggestion?: string;
};

/**
 * The outcome of a parser. `ok: true` carries a usable value and at most warnings;
 * `ok: false` means an error was found or no value could be read (the findings say which),
 * with whatever parts could still be read in `partial`.
 */
export type RuleResult<T> =
  | { ok: true; value: T; findings: RuleFinding[] }
  | { ok: false; findings: RuleFinding[]; partial?: Partial<T> };

/**
 * Builds a {@link RuleResult}: ok when a value is given and no finding is an error.
 *
 * @param value - the parsed value, or undefined when none could be read
 * @param findings - what was found along the way
 * @param partial - parts that could be read, kept on failure
 * @returns the result
 * @example toRuleResult(3, []) // { ok: true, value: 3, findings: [] }
 */
export function toRuleResult<T>(
  value: T | undefined,
  findings: readonly RuleFinding[],
  partial?: Partial<T>,
): RuleResult<T> {
  const list = [...findings];
  if (value !== undefined && !list.some((f) => f.severity === 'error')) {
    return { ok: true, value, findings: list };
  }
  const part =
    partial ?? (value !== undefined && typeof value === 'object' ? (value as Partial<T>) : undefined);
  return part === undefined ? { ok: false, findings: list } : { ok: false, findings: list, partial: part };
}
