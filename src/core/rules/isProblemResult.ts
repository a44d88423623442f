/**
 * Whether a past 检查结果 found a problem. The codes are 附件2's (seed 003): 2 未按规定公示应当公示的信息,
 * 3 公示信息隐瞒真实情况弄虚作假, 4 通过登记的住所（经营场所）无法取得联系, 5 发现问题已责令整改,
 * 6 不配合检查情节严重, 8 发现问题待后续处理, 10 不合格. 1 未发现问题, 7 未发现本次抽查涉及的经营活动 and
 * 9 合格 found none.
 */

/** The 检查结果 codes that mean a problem was found. */
export const PROBLEM_RESULT_CODES: readonly string[] = ['2', '3', '4', '5', '6', '8', '10'];

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
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const code = /^(\d{1,2})(?:[.、．:：]|$)/.exec(t)?.[1];
  if (code !== undefined) return PROBLEM_RESULT_CODES.includes(code);
  if (t === '' || /^(未发现问题|合格|未发现本次抽查涉及的经营活动)$/.test(t)) return false;
  return PROBLEM_WORDS.test(t) && !t.startsWith('未发现问题');
}
