import { compareCodePoints } from '../../../src/core/draw';

describe('compareCodePoints', () => {
  it('puts Ｚ (U+FF3A) before 𠮷 (U+20BB7), unlike UTF-16 order', () => {
    expect(compareCodePoints('Ｚ', '𠮷')).toBeLessThan(0);
    expect(compareCodePoints('𠮷', 'Ｚ')).toBeGreaterThan(0);
    expect('𠮷' < 'Ｚ').toBe(true); // what a naive comparison would say
  });

  it('sorts a mixed list by code point', () => {
    const sorted = ['𠮷', 'Ｚ', 'b', '\ue000', 'a', '医', '🙂', 'ab'].sort(compareCodePoints);
    expect(sorted).toEqual(['a', 'ab', 'b', '医', '\ue000', 'Ｚ', '🙂', '𠮷']);
    const byCodePoints = [...sorted].sort((x, y) => {
      const a = Array.from(x, (ch) => ch.codePointAt(0) ?? 0);
      const b = Array.from(y, (ch) => ch.codePointAt(0) ?? 0);
      for (let i = 0; i < Math.min(a.length, b.length); i++)
        if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
      return a.length - b.length;
    });
    expect(sorted).toEqual(byCodePoints);
  });

  it('agrees with < for BMP text below the surrogates', () => {
    expect(compareCodePoints('91130500000000001X', '91130500000000002X')).toBeLessThan(0);
    expect(compareCodePoints('YB0002', 'SJ0001')).toBeGreaterThan(0);
  });

  it('orders a prefix first and returns 0 for equal strings', () => {
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('𠮷', '𠮷')).toBe(0);
  });

  it('orders two astral characters by their code points', () => {
    expect(compareCodePoints('🙂', '𠮷')).toBeLessThan(0); // U+1F642 < U+20BB7
  });
});
