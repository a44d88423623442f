/**
 * Whether a past 检查结果, as a bureau wrote it in its inspection history, found a problem. Which
 * codes of 附件2 do is stated once, in resultCodes.ts.
 */
import { PROBLEM_RESULT_CODES, RESULT_CODES } from './resultCodes';

const normalize = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

const PROBLEM_WORDS = /(未按规定公示|隐瞒|弄虚作假|无法取得联系|责令整改|不配合|待后续处理|不合格|发现问题(?!$))/;

/**
 * Reads a history row's 检查结果: a code (`5`, `5.发现问题已责令整改`) or the meaning itself.
 *
 * @param text - the cell text
 * @returns true when the result found a problem
 * @example isProblemResult('5.发现问题已责令整改') // true
 * @example isProblemResult('未发现问题') // false
 */
export function isProblemResult(text: string): boolean {
  const t = normalize(text);
  const code = /^(\d{1,2})(?:[.、．:：]|$)/.exec(t)?.[1];
  if (code !== undefined) return PROBLEM_RESULT_CODES.includes(code);
  if (t === '') return false;
  const named = RESULT_CODES.find((c) => normalize(c.meaning) === t);
  if (named) return named.isProblem;
  return PROBLEM_WORDS.test(t) && !t.startsWith('未发现问题');
}
