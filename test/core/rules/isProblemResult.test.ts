import { isProblemResult } from '../../../src/core/rules';

describe('isProblemResult', () => {
  it.each(['2', '5.发现问题已责令整改', '８', '10', '不合格', '发现问题已责令整改', '不配合检查情节严重'])('reads %s as a problem found', (text) => {
    expect(isProblemResult(text)).toBe(true);
  });

  it.each(['', '1', '1.未发现问题', '未发现问题', '7', '9', '合格', '未发现本次抽查涉及的经营活动'])('reads %s as no problem', (text) => {
    expect(isProblemResult(text)).toBe(false);
  });
});
