import { formatResultCodePrompt, PROBLEM_RESULT_CODES, RESULT_CODES, resultMeaning } from '../../../src/core/rules';

describe('RESULT_CODES', () => {
  it('lists the ten codes of 附件2 in order', () => {
    expect(RESULT_CODES.map((c) => c.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('marks as problems found exactly the codes that are not 未发现问题, 未发现本次抽查涉及的经营活动 or 合格', () => {
    expect(PROBLEM_RESULT_CODES).toEqual(['2', '3', '4', '5', '6', '8', '10']);
    expect(RESULT_CODES.filter((c) => !c.isProblem).map((c) => c.meaning)).toEqual(['未发现问题', '未发现本次抽查涉及的经营活动', '合格']);
  });
});

describe('resultMeaning', () => {
  it('gives 附件2’s wording of a code, and nothing for what is no code', () => {
    expect(resultMeaning('4')).toBe('通过登记的住所（经营场所）无法取得联系');
    expect(['0', '11', '', '五'].map(resultMeaning)).toEqual(['', '', '', '']);
  });
});

describe('formatResultCodePrompt', () => {
  it('names every code with its meaning within Excel’s 255 characters of an input message', () => {
    const prompt = formatResultCodePrompt();
    for (const c of RESULT_CODES) expect(prompt).toContain(`${c.code} ${c.meaning}`);
    expect(prompt.length).toBeLessThanOrEqual(255);
  });
});
