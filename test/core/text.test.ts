import { collapseSpaces, hasSpaces, stripSpaces, toHalfWidth } from '../../src/core/text';

describe('toHalfWidth', () => {
  it('turns full-width digits, letters and punctuation into half-width', () => {
    expect(toHalfWidth('２０２２年６－１１月，５％（Ａ：１％）；')).toBe('2022年6-11月,5%(A:1%);');
  });

  it('turns the ideographic space into a plain space', () => {
    expect(toHalfWidth('2022\u3000年')).toBe('2022 年');
  });

  it('keeps CJK punctuation that has no half-width form', () => {
    expect(toHalfWidth('低(A、1%)。“双随机”')).toBe('低(A、1%)。“双随机”');
  });

  it('returns an empty string for an empty string', () => {
    expect(toHalfWidth('')).toBe('');
  });
});

describe('collapseSpaces', () => {
  it('collapses runs of ASCII, NBSP and full-width spaces to one space and trims', () => {
    expect(collapseSpaces('  2022\u3000年\u00a0\u00a06-11 月 ')).toBe('2022 年 6-11 月');
  });

  it('drops zero-width characters', () => {
    expect(collapseSpaces('承德\u200b县')).toBe('承德县');
  });

  it('leaves text without extra spaces unchanged', () => {
    expect(collapseSpaces('2022年6-11月')).toBe('2022年6-11月');
  });

  it('trims tabs, line breaks and a byte-order mark at either end', () => {
    expect(collapseSpaces('\t甲医院\r\n')).toBe('甲医院');
    expect(collapseSpaces('\ufeff甲\u2028')).toBe('甲');
    expect(collapseSpaces('\u200b')).toBe('');
  });
});

describe('stripSpaces', () => {
  it('removes every kind of space', () => {
    expect(stripSpaces('2022 年承德县\u3000医疗保障局随机抽查\u00a0001\u200b')).toBe(
      '2022年承德县医疗保障局随机抽查001',
    );
  });
});

describe('hasSpaces', () => {
  it('tells that a value holds a space', () => {
    expect(hasSpaces('001 号')).toBe(true);
  });

  it('tells that a value holds no space', () => {
    expect(hasSpaces('001号')).toBe(false);
  });

  it('counts a zero-width character as a space', () => {
    expect(hasSpaces('001\u200b号')).toBe(true);
  });
});
