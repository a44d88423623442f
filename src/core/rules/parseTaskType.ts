import type { CellValue } from '../grid';
import { stripSpaces, toHalfWidth } from '../text';
import { toRuleResult, type RuleFinding, type RuleResult } from './ruleFinding';

/** 抽查类型: 定向 (aimed at a type or risk class) or 不定向. */
export type TaskType = 'directed' | 'undirected';

const STANDARD: Readonly<Record<string, TaskType>> = {
  定向: 'directed',
  定向抽查: 'directed',
  不定向: 'undirected',
  不定向抽查: 'undirected',
};

/** Forms seen in notices that mean the same but are not the standard wording. */
const NEAR: Readonly<Record<string, { type: TaskType; standard: string }>> = {
  定向抽: { type: 'directed', standard: '定向' },
  定向随机抽查: { type: 'directed', standard: '定向抽查' },
  不定向抽: { type: 'undirected', standard: '不定向' },
  不定向随机抽查: { type: 'undirected', standard: '不定向抽查' },
  非定向: { type: 'undirected', standard: '不定向' },
  非定向抽查: { type: 'undirected', standard: '不定向抽查' },
};

/**
 * Reads a 抽查类型: `定向`, `不定向`, `定向抽查`, `不定向抽查` (spaces tolerated).
 * Near forms such as `定向抽` or `非定向` are understood with a warning.
 *
 * @param text - the cell text
 * @returns `'directed'` or `'undirected'`, or findings with codes `TASK_TYPE_…`
 * @example parseTaskType('定向 抽查') // { ok: true, value: 'directed', findings: [] }
 */
export function parseTaskType(text: CellValue | undefined): RuleResult<TaskType> {
  const compact = stripSpaces(toHalfWidth(text === null || text === undefined ? '' : String(text)));
  if (compact === '') {
    return toRuleResult<TaskType>(undefined, [
      { severity: 'error', code: 'TASK_TYPE_MISSING', message: '抽查类型为空；请填写“定向”或“不定向”' },
    ]);
  }
  const standard = STANDARD[compact];
  if (standard) return toRuleResult(standard, []);
  const near = NEAR[compact];
  if (near) {
    return toRuleResult(near.type, [
      {
        severity: 'warning',
        code: 'TASK_TYPE_NONSTANDARD',
        message: `抽查类型“${compact}”按“${near.standard}”理解，请写作“${near.standard}”`,
        suggestion: near.standard,
      },
    ]);
  }
  return toRuleResult<TaskType>(undefined, [
    {
      severity: 'error',
      code: 'TASK_TYPE_UNKNOWN',
      message: `抽查类型“${compact}”无法识别；只能填写“定向”“不定向”（或“定向抽查”“不定向抽查”）`,
    },
  ]);
}

/**
 * Checks a 抽查类型. See {@link parseTaskType}.
 *
 * @param text - the cell text
 * @returns the findings (codes `TASK_TYPE_…`), empty when the type is one of the four standard forms
 * @example checkTaskType('随机')[0]?.code // 'TASK_TYPE_UNKNOWN'
 */
export function checkTaskType(text: CellValue | undefined): RuleFinding[] {
  return parseTaskType(text).findings;
}
