import {
  checkCreditClass,
  checkRatioClassesInSettings,
  formatCreditClasses,
  parseRatio,
} from '../../../src/core/rules';
import type { RatioClass } from '../../../src/core/rules';

const SET = [
  { label: '低', cls: 'A' },
  { label: '中', cls: 'B' },
  { label: '中高', cls: 'C' },
  { label: '高', cls: 'D' },
];

describe('formatCreditClasses', () => {
  it('writes each class as label(letter), or the letter alone', () => {
    expect(formatCreditClasses(SET)).toBe('低(A)、中(B)、中高(C)、高(D)');
    expect(
      formatCreditClasses([
        { label: 'A', cls: 'A' },
        { label: '', cls: 'B' },
      ]),
    ).toBe('A、B');
  });
});

describe('checkCreditClass', () => {
  it('accepts a letter or a label of the set, as the draw reads it (full-width, spaces, case, 级/类)', () => {
    for (const v of ['A', '低', '中高', 'Ａ', ' b ', 'C级', 'D类', 'Ｄ级', 'a\u3000'])
      expect([v, checkCreditClass(v, SET)]).toEqual([v, []]);
  });

  it('leaves an empty cell and a workbook without a set alone', () => {
    expect(checkCreditClass('', SET)).toEqual([]);
    expect(checkCreditClass('  ', SET)).toEqual([]);
    expect(checkCreditClass('E', [])).toEqual([]);
  });

  it('names the value and the set, and proposes the class a loose spelling obviously means', () => {
    expect(checkCreditClass('低风险', SET)).toEqual([
      {
        severity: 'warning',
        code: 'CREDIT_CLASS_NOT_IN_SETTINGS',
        message:
          '信用等级“低风险”不在本局设置的信用等级中（设置为：低(A)、中(B)、中高(C)、高(D)）；按信用等级抽取时，这个对象可能抽不到。请改为“低”',
        suggestion: '低',
      },
    ]);
    expect(checkCreditClass('A等级', SET)[0]?.suggestion).toBe('A');
    expect(checkCreditClass('中高风险', SET)[0]?.suggestion).toBe('中高');
    expect(checkCreditClass('低(A)', SET)[0]?.suggestion).toBe('A');
    expect(checkCreditClass('Ｃ（中高）', SET)[0]?.suggestion).toBe('C');
  });

  it('proposes nothing for a class outside the set or a value naming two classes', () => {
    const [e] = checkCreditClass('E', SET);
    expect(e).toMatchObject({ code: 'CREDIT_CLASS_NOT_IN_SETTINGS', severity: 'warning' });
    expect(e!.suggestion).toBeUndefined();
    expect(e!.message).toBe(
      '信用等级“E”不在本局设置的信用等级中（设置为：低(A)、中(B)、中高(C)、高(D)）；按信用等级抽取时，这个对象可能抽不到。请改为设置中的等级；如本局确有此等级，请先在设置中添加',
    );
    expect(checkCreditClass('A/B', SET)[0]?.suggestion).toBeUndefined();
  });

  it('accepts 低风险 when the bureau writes its label that way', () => {
    expect(checkCreditClass('低风险', [{ label: '低风险', cls: 'A' }])).toEqual([]);
    expect(checkCreditClass('低', [{ label: '低风险', cls: 'A' }])[0]?.suggestion).toBe('低风险');
  });
});

describe('checkRatioClassesInSettings', () => {
  const classesOf = (s: string): RatioClass[] => {
    const r = parseRatio(s);
    if (!r.ok || r.value.kind !== 'byClass') throw new Error(`not a by-class ratio: ${s}`);
    return r.value.classes;
  };

  it('passes a ratio whose classes are all in the set, letters or labels, full-width or not', () => {
    expect(
      checkRatioClassesInSettings(classesOf('低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)'), SET),
    ).toEqual([]);
    expect(checkRatioClassesInSettings(classesOf('低（Ａ、１％）、高（Ｄ、２０％）'), SET)).toEqual([]);
    expect(checkRatioClassesInSettings(classesOf('低风险1%、高风险20%'), SET)).toEqual([]);
  });

  it('warns once per class outside the set', () => {
    expect(checkRatioClassesInSettings(classesOf('低(A、1%)、很高(E、30%)'), SET)).toEqual([
      {
        severity: 'warning',
        code: 'RATIO_CLASS_NOT_IN_SETTINGS',
        message:
          '抽查比例中的信用等级“E”（很高）不在本局设置的信用等级中（设置为：低(A)、中(B)、中高(C)、高(D)）；名录库按设置标注等级，按此等级抽不到对象。请核对等级，或先在设置中添加该等级',
      },
    ]);
    expect(
      checkRatioClassesInSettings(classesOf('低1%、极高50%'), SET).map((f) => f.message.slice(0, 16)),
    ).toEqual(['抽查比例中的信用等级“极高”不在']);
  });

  it('checks nothing without a set', () => {
    expect(checkRatioClassesInSettings(classesOf('很高(E、30%)'), [])).toEqual([]);
  });
});
