import { parseAreasAddress, parseRangeAddress } from '../../src/workbook/rangeAddress';

describe('rangeAddress', () => {
  it('parses sheet-qualified, absolute, column and row addresses', () => {
    expect(parseRangeAddress("'My Sheet'!$B$2:$C$3")).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(parseRangeAddress('C:C')).toEqual({ top: 0, left: 2, bottom: 1_048_575, right: 2 });
    expect(parseRangeAddress('3:3')).toEqual({ top: 2, left: 0, bottom: 2, right: 16_383 });
    expect(parseRangeAddress('nonsense')).toBeNull();
  });

  it('refuses cells Excel does not have: row 0, past row 1,048,576 or column XFD', () => {
    expect(parseRangeAddress('XFD1048576')).toEqual({ top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383 });
    expect(parseRangeAddress('A0')).toBeNull();
    expect(parseRangeAddress('A1048577')).toBeNull();
    expect(parseRangeAddress('XFE1')).toBeNull();
    expect(parseRangeAddress('A1:ZZZ2')).toBeNull();
  });

  it('splits RangeAreas addresses even when the sheet name holds a comma', () => {
    expect(parseAreasAddress("'a, b'!A1:B2, 'a, b'!D4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});
