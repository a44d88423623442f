import { isLikelyMangledNumber, mangledNumberFinding } from '../../../src/core/ids';

describe('isLikelyMangledNumber', () => {
  it('flags an 18-digit code stored as a number (beyond 2^53)', () => {
    // Parsed from text so that the literal itself does not trip no-loss-of-precision.
    expect(isLikelyMangledNumber(Number('914403001922038216'))).toBe(true);
  });

  it('flags a 16-digit integer that Excel could not keep exactly', () => {
    expect(isLikelyMangledNumber(1234567890123000)).toBe(true);
  });

  it('flags scientific notation in the displayed text', () => {
    expect(isLikelyMangledNumber(null, '9.14403E+17')).toBe(true);
    expect(isLikelyMangledNumber('9.14403E+17')).toBe(true);
  });

  it('flags digits ending in 000 after float rounding', () => {
    expect(isLikelyMangledNumber(null, '914403001922038000')).toBe(true);
  });

  it('does not flag a code kept as text', () => {
    expect(isLikelyMangledNumber('914403001922038216', '914403001922038216')).toBe(false);
    expect(isLikelyMangledNumber('91440300708461136T')).toBe(false);
  });

  it('does not flag small numbers such as a plan number', () => {
    expect(isLikelyMangledNumber(2025001, '2025001')).toBe(false);
  });

  it('does not flag an empty cell', () => {
    expect(isLikelyMangledNumber(null)).toBe(false);
    expect(isLikelyMangledNumber(undefined, '')).toBe(false);
  });
});

describe('mangledNumberFinding', () => {
  it('tells the user the code lost digits and how to fix the column', () => {
    expect(mangledNumberFinding('统一社会信用代码')).toEqual({
      severity: 'error',
      code: 'ID_STORED_AS_NUMBER',
      message: '统一社会信用代码被存成了数字，后几位已丢失；请把该列设为文本后重新录入',
    });
  });
});
