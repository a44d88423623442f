import { checkRatioClasses, formatBasisPoints, parseRatio } from '../../../src/core/rules';

describe('parseRatio', () => {
  it.each([['5%'], ['5 %'], ['５％'], ['5.00%']])('reads %p as 500 basis points', (text) => {
    expect(parseRatio(text)).toEqual({ ok: true, value: { kind: 'plain', basisPoints: 500 }, findings: [] });
  });

  it('reads a percent cell from its raw value without floating-point error', () => {
    expect(parseRatio('7%', 0.07)).toEqual({
      ok: true,
      value: { kind: 'plain', basisPoints: 700 },
      findings: [],
    });
    expect(parseRatio('29%', 0.29)).toMatchObject({ value: { basisPoints: 2900 } });
    expect(parseRatio('58%', 0.58)).toMatchObject({ value: { basisPoints: 5800 } });
  });

  it('prefers the raw value to a rounded display', () => {
    expect(parseRatio('13%', 0.125)).toMatchObject({ ok: true, value: { basisPoints: 1250 } });
  });

  it('reads a fraction without a percent sign as a fraction, with a warning', () => {
    expect(parseRatio('0.05', 0.05)).toEqual({
      ok: true,
      value: { kind: 'plain', basisPoints: 500 },
      findings: [
        expect.objectContaining({ severity: 'warning', code: 'RATIO_FRACTION_ASSUMED', suggestion: '5%' }),
      ],
    });
  });

  it('reads 10 without a percent sign as 10 %, with a warning', () => {
    expect(parseRatio('10')).toEqual({
      ok: true,
      value: { kind: 'plain', basisPoints: 1000 },
      findings: [expect.objectContaining({ code: 'RATIO_PERCENT_SIGN_MISSING', suggestion: '10%' })],
    });
  });

  it('rounds beyond 0.01 % with a warning', () => {
    expect(parseRatio('12.345%')).toMatchObject({
      ok: true,
      value: { basisPoints: 1235 },
      findings: [expect.objectContaining({ code: 'RATIO_PRECISION' })],
    });
  });

  it('rejects 0 % and more than 100 %, and accepts exactly 100 %', () => {
    expect(parseRatio('0%').findings[0]?.code).toBe('RATIO_OUT_OF_RANGE');
    expect(parseRatio('120%').findings[0]?.code).toBe('RATIO_OUT_OF_RANGE');
    expect(parseRatio('100%')).toMatchObject({ ok: true, value: { basisPoints: 10000 } });
  });

  it('rejects Chinese numerals with the Arabic form as suggestion', () => {
    expect(parseRatio('百分之五')).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ code: 'RATIO_CHINESE_NUMERALS', suggestion: '5%' })],
    });
  });

  it('reads the Wugang credit-class form', () => {
    expect(parseRatio('低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)')).toEqual({
      ok: true,
      value: {
        kind: 'byClass',
        classes: [
          { label: '低', cls: 'A', basisPoints: 100 },
          { label: '中', cls: 'B', basisPoints: 300 },
          { label: '中高', cls: 'C', basisPoints: 1000 },
          { label: '高', cls: 'D', basisPoints: 2000 },
        ],
      },
      findings: [],
    });
  });

  it('reads the credit-class form with full-width parentheses and separators', () => {
    const r = parseRatio('低（A，1％）；中（B、3％）');
    expect(r.ok && r.value).toEqual({
      kind: 'byClass',
      classes: [
        { label: '低', cls: 'A', basisPoints: 100 },
        { label: '中', cls: 'B', basisPoints: 300 },
      ],
    });
  });

  it.each([['A类1%，B类3%'], ['A 1%、B 3%'], ['A:1%;B:3%']])('reads the letter form %p', (text) => {
    const r = parseRatio(text);
    expect(r.ok && r.value).toEqual({
      kind: 'byClass',
      classes: [
        { cls: 'A', basisPoints: 100 },
        { cls: 'B', basisPoints: 300 },
      ],
    });
  });

  it('reads labels without letters', () => {
    const r = parseRatio('低风险1%、高风险20%');
    expect(r.ok && r.value).toEqual({
      kind: 'byClass',
      classes: [
        { label: '低风险', cls: '低风险', basisPoints: 100 },
        { label: '高风险', cls: '高风险', basisPoints: 2000 },
      ],
    });
  });

  it('rejects a class given twice', () => {
    expect(parseRatio('A1%、A3%').findings[0]?.code).toBe('RATIO_CLASS_DUPLICATE');
  });

  it('rejects a class ratio out of range', () => {
    expect(parseRatio('A类0%、B类3%').findings[0]?.code).toBe('RATIO_OUT_OF_RANGE');
  });

  it('rejects leftover text in the credit-class form, quoting it', () => {
    const r = parseRatio('低(A、1%)、其他');
    expect(r.findings[0]?.code).toBe('RATIO_UNRECOGNISED');
    expect(r.findings[0]?.message).toContain('其他');
  });

  it('rejects text it cannot read, and an empty cell', () => {
    expect(parseRatio('约5%').findings[0]?.code).toBe('RATIO_UNRECOGNISED');
    expect(parseRatio('').findings[0]?.code).toBe('RATIO_MISSING');
  });
});

describe('checkRatioClasses', () => {
  const classes = [
    { label: '低', cls: 'A', basisPoints: 100 },
    { label: '高', cls: 'D', basisPoints: 2000 },
  ];

  it('returns no findings when classes and directory match, loosely', () => {
    expect(checkRatioClasses(classes, ['A类', 'D级', 'A'])).toEqual([]);
    expect(checkRatioClasses(classes, ['低风险', '高风险'])).toEqual([]);
  });

  it('flags a class that is not in the directory', () => {
    const f = checkRatioClasses(classes, ['A']);
    expect(f).toEqual([expect.objectContaining({ code: 'RATIO_CLASS_NOT_IN_DIRECTORY' })]);
    expect(f[0]?.message).toContain('“D”（高）');
  });

  it('flags a directory class that has no ratio', () => {
    expect(checkRatioClasses(classes, ['A', 'D', 'B']).map((f) => f.code)).toEqual([
      'RATIO_CLASS_NOT_COVERED',
    ]);
  });

  it('warns when the directory has no classes at all', () => {
    expect(checkRatioClasses(classes, ['', ' ']).map((f) => f.code)).toEqual(['RATIO_DIRECTORY_NO_CLASSES']);
  });

  it('does not mutate its arguments', () => {
    const frozen = Object.freeze(classes.map((c) => Object.freeze({ ...c })));
    const dir = Object.freeze(['A', 'D']);
    expect(() => checkRatioClasses(frozen, dir)).not.toThrow();
  });
});

describe('formatBasisPoints', () => {
  it('writes whole and fractional percentages', () => {
    expect(formatBasisPoints(500)).toBe('5%');
    expect(formatBasisPoints(1250)).toBe('12.5%');
    expect(formatBasisPoints(5)).toBe('0.05%');
  });
});
