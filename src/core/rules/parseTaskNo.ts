import type { CellValue } from '../grid';
import { stripSpaces, toHalfWidth } from '../text';
import { toRuleResult, type RuleFinding, type RuleResult } from './ruleFinding';

/**
 * Reads a 抽查任务编号 into its three-digit form: `001号`, `001 号`, `1号`, `001`, `第1号` and the
 * number 1 all give `001`. Only `001号` is the standard form; the others get a warning
 * (`TASK_NO_NONSTANDARD`) with `001号` as suggestion.
 *
 * @param taskNo - the raw cell value or its text
 * @returns the normalised `taskNo` (`001`), or findings with codes `TASK_NO_…`
 * @example parseTaskNo('1号') // { ok: true, value: '001', findings: [{ severity: 'warning', code: 'TASK_NO_NONSTANDARD', … suggestion: '001号' }] }
 */
export function parseTaskNo(taskNo: CellValue | undefined): RuleResult<string> {
  const text = taskNo === null || taskNo === undefined ? '' : String(taskNo);
  const compact = stripSpaces(toHalfWidth(text));
  if (compact === '') {
    return toRuleResult<string>(undefined, [
      {
        severity: 'error',
        code: 'TASK_NO_MISSING',
        message: '抽查任务编号为空；请填写三位序号加“号”，如“001号”',
      },
    ]);
  }
  const m = /^第?(\d{1,4})号?$/.exec(compact);
  const n = m ? Number(m[1]) : NaN;
  if (!m || n < 1 || n > 999) {
    return toRuleResult<string>(undefined, [
      {
        severity: 'error',
        code: 'TASK_NO_FORMAT',
        message: `抽查任务编号“${text.trim()}”无法识别：应为三位序号加“号”（001号-999号），如“001号”`,
      },
    ]);
  }
  const value = String(n).padStart(3, '0');
  const standard = `${value}号`;
  const findings: RuleFinding[] =
    text.trim() === standard
      ? []
      : [
          {
            severity: 'warning',
            code: 'TASK_NO_NONSTANDARD',
            message: `抽查任务编号“${text.trim()}”不是标准写法，请写作“${standard}”`,
            suggestion: standard,
          },
        ];
  return toRuleResult(value, findings);
}

/**
 * Checks a 抽查任务编号. See {@link parseTaskNo}.
 *
 * @param taskNo - the raw cell value or its text
 * @returns the findings (codes `TASK_NO_…`), empty when the cell reads `001号`
 * @example checkTaskNo('001 号')[0]?.suggestion // '001号'
 */
export function checkTaskNo(taskNo: CellValue | undefined): RuleFinding[] {
  return parseTaskNo(taskNo).findings;
}

/** A 抽查任务编号 used more than once, with the 0-based positions in the list where it occurs. */
export type DuplicateTaskNo = { taskNo: string; indices: number[] };

/**
 * Finds 抽查任务编号 that occur more than once in one plan, after normalising (`1号` and `001号`
 * are the same task). Unreadable entries are skipped: {@link checkTaskNo} reports them.
 *
 * @param list - the task numbers of one plan, in row order
 * @returns each duplicated normalised number with its positions, in order of first occurrence
 * @example findDuplicateTaskNos(['001号', '002号', '1号']) // [{ taskNo: '001', indices: [0, 2] }]
 */
export function findDuplicateTaskNos(list: readonly (CellValue | undefined)[]): DuplicateTaskNo[] {
  const seen = new Map<string, number[]>();
  list.forEach((entry, i) => {
    const parsed = parseTaskNo(entry);
    const key = parsed.ok ? parsed.value : undefined;
    if (key !== undefined) seen.set(key, [...(seen.get(key) ?? []), i]);
  });
  return [...seen.entries()]
    .filter(([, indices]) => indices.length > 1)
    .map(([taskNo, indices]) => ({ taskNo, indices }));
}
