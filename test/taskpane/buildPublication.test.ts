import { toCsv } from '../../src/taskpane/buildPublication';
import { nextFreeSheetName } from '../../src/taskpane/nextFreeSheetName';

describe('toCsv', () => {
  it('prefixes cells starting with = + - @ with a single quote so spreadsheets do not run them', () => {
    const csv = toCsv([['=1+1', '+86', '-x', '@SUM(A1)', '正常']], ['a', 'b', 'c', 'd', 'e']);
    expect(csv).toBe("\uFEFFa,b,c,d,e\r\n'=1+1,'+86,'-x,'@SUM(A1),正常\r\n");
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(toCsv([['甲,乙', '说"明"', '一\n二']], ['x', 'y', 'z'])).toBe('\uFEFFx,y,z\r\n"甲,乙","说""明""","一\n二"\r\n');
  });
});

describe('nextFreeSheetName', () => {
  it('returns the name when it is free and numbers it when taken, ignoring case', () => {
    expect(nextFreeSheetName('校验结果', [])).toBe('校验结果');
    expect(nextFreeSheetName('Results', ['results', 'Results (2)'])).toBe('Results (3)');
  });

  it('keeps numbered names within 31 characters', () => {
    const long = 'x'.repeat(31);
    expect(nextFreeSheetName(long, [long])).toHaveLength(31);
  });
});
