import { isSameSection, isSameUnit, normalizeUnitName, unitKey } from '../../../src/core/rules';

describe('normalizeUnitName', () => {
  it('drops white space and line breaks a form cell holds, and full-width forms', () => {
    expect(normalizeUnitName('医疗\n保障局')).toBe('医疗保障局');
    expect(normalizeUnitName('市场监督\u3000管理局 ')).toBe('市场监督管理局');
  });
});

describe('unitKey', () => {
  it('leaves off the 行政区划 prefix', () => {
    expect(unitKey('邢台市市场监督管理局')).toBe('市场监督管理局');
    expect(unitKey('舞钢市医疗保障局')).toBe('医疗保障局');
    expect(unitKey('医疗保障局')).toBe('医疗保障局');
  });

  it('reads the joint notice’s shorthand 市市场监督管理局 as 市场监督管理局', () => {
    expect(unitKey('市市场监督管理局')).toBe('市场监督管理局');
  });
});

describe('isSameUnit', () => {
  it('matches a bureau with and without its division', () => {
    expect(isSameUnit('邢台市市场监督管理局', '市场监督管理局')).toBe(true);
    expect(isSameUnit('医疗\n保障局', '舞钢市医疗保障局')).toBe(true);
    expect(isSameUnit('市市场监督管理局', '舞钢市市场监督管理局')).toBe(true);
  });

  it('does not match two divisions’ bureaus, nor a 科室 with its bureau', () => {
    expect(isSameUnit('承德县医疗保障局', '邢台市医疗保障局')).toBe(false);
    expect(isSameUnit('邢台市医疗保障局', '基金监管科')).toBe(false);
    expect(isSameUnit('', '')).toBe(false);
  });
});

describe('isSameSection', () => {
  it('matches a 科室 only as written, after white space and full-width normalisation', () => {
    expect(isSameSection('基金监管科', ' 基金监管科\u3000')).toBe(true);
    expect(isSameSection('医疗保险基金监管科', '基金监管科')).toBe(false);
    expect(isSameSection('基金监管科', '医疗保险基金监管科')).toBe(false);
  });
});
