/**
 * The 检查结果 codes of 附件2 (seed 003, 部门联合抽查检查情况记录表, 说明（1）), in one place: the
 * record form prints them, the results sheet offers and reads them, the yearly figures and the
 * draw's 既往发现问题 stratum ask which of them found a problem.
 */

/** One 检查结果 code: its number, 附件2's wording, and whether it means a problem was found. */
export type ResultCode = {
  readonly code: string;
  readonly meaning: string;
  /**
   * A problem was found: the result needs a 后续处置 other than 无需后续处置 (监管闭环), and a
   * target with such a past result may be drawn more often (偃师 2024 第十七条). 1 未发现问题,
   * 7 未发现本次抽查涉及的经营活动 and 9 合格 found none.
   */
  readonly isProblem: boolean;
};

/**
 * The ten 检查结果 codes of 附件2, verbatim and in order.
 * @example RESULT_CODES[4] // { code: '5', meaning: '发现问题已责令整改', isProblem: true }
 */
export const RESULT_CODES: readonly ResultCode[] = Object.freeze([
  { code: '1', meaning: '未发现问题', isProblem: false },
  { code: '2', meaning: '未按规定公示应当公示的信息', isProblem: true },
  { code: '3', meaning: '公示信息隐瞒真实情况弄虚作假', isProblem: true },
  { code: '4', meaning: '通过登记的住所（经营场所）无法取得联系', isProblem: true },
  { code: '5', meaning: '发现问题已责令整改', isProblem: true },
  { code: '6', meaning: '不配合检查情节严重', isProblem: true },
  { code: '7', meaning: '未发现本次抽查涉及的经营活动', isProblem: false },
  { code: '8', meaning: '发现问题待后续处理', isProblem: true },
  { code: '9', meaning: '合格', isProblem: false },
  { code: '10', meaning: '不合格', isProblem: true },
]);

/**
 * The codes that mean a problem was found.
 * @example PROBLEM_RESULT_CODES // ['2', '3', '4', '5', '6', '8', '10']
 */
export const PROBLEM_RESULT_CODES: readonly string[] = Object.freeze(
  RESULT_CODES.filter((c) => c.isProblem).map((c) => c.code),
);

/**
 * 附件2's meaning of a code, '' for anything that is not one.
 * @param code - `1` … `10`
 * @returns the meaning, or ''
 * @example resultMeaning('5') // '发现问题已责令整改'
 */
export function resultMeaning(code: string): string {
  return RESULT_CODES.find((c) => c.code === code)?.meaning ?? '';
}

/**
 * The input message of a 检查结果 cell (its drop-down of 1–10): every code with its meaning, short
 * enough for Excel's 255-character limit.
 * @returns the message
 * @example formatResultCodePrompt() // '1 未发现问题；2 未按规定公示应当公示的信息；…；10 不合格'
 */
export function formatResultCodePrompt(): string {
  return RESULT_CODES.map((c) => `${c.code} ${c.meaning}`).join('；');
}
