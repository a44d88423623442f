import { cleanSheetNamePart, fitSheetName, hasSheet, isValidSheetName, nextFreeSheetName, sheetNameProblem } from '../../src/core/sheetNames';

describe('isValidSheetName', () => {
  it('accepts the names the tool writes', () => {
    expect(isValidSheetName('抽取结果-2025002-001')).toBe(true);
    expect(isValidSheetName('医'.repeat(31))).toBe(true);
  });
  it('refuses what Excel refuses: forbidden characters, edge apostrophes, empty, too long, History', () => {
    for (const bad of ['a/b', 'a:b', 'a[1]', "'x", "x'", '', '医'.repeat(32), 'history']) expect(isValidSheetName(bad)).toBe(false);
  });
  it('counts a character outside the BMP as one, as Excel does', () => {
    expect(isValidSheetName('𠮷'.repeat(31))).toBe(true);
  });
  it('explains the rule in Chinese for a bad name and says nothing for a good one', () => {
    expect(sheetNameProblem('a:b')).toMatch(/工作表名称“a:b”无效/);
    expect(sheetNameProblem('记录表')).toBe('');
  });
});

describe('cleanSheetNamePart and fitSheetName', () => {
  it('makes any text a valid part of a name', () => {
    expect(cleanSheetNamePart("'舞钢/市 医院'")).toBe('舞钢_市医院');
    expect(isValidSheetName(fitSheetName(`记录表-${cleanSheetNamePart('a/b:c'.repeat(20))}`))).toBe(true);
  });
});

describe('nextFreeSheetName', () => {
  it('numbers a taken name without case and within 31 characters', () => {
    expect(nextFreeSheetName('Results', ['results'])).toBe('Results (2)');
    const long = '医'.repeat(31);
    const next = nextFreeSheetName(long, [long]);
    expect(Array.from(next)).toHaveLength(31);
    expect(next.endsWith(' (2)')).toBe(true);
    expect(hasSheet('RESULTS', ['results'])).toBe(true);
  });
});
