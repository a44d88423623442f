import { checkUscc, computeOrgCodeCheckChar, computeUsccCheckChar, isValidUscc } from '../../../src/core/ids';

describe('checkUscc', () => {
  it('accepts valid codes', () => {
    expect(checkUscc('914403001922038216')).toEqual({ ok: true, value: '914403001922038216' });
    expect(checkUscc('91440300708461136T')).toEqual({ ok: true, value: '91440300708461136T' });
  });

  it('accepts codes with letters in the organisation code whose check character is X or 0', () => {
    expect(checkUscc('91130500MA000004XH')).toEqual({ ok: true, value: '91130500MA000004XH' });
    expect(checkUscc('91130500ma0000090w')).toEqual({ ok: true, value: '91130500MA0000090W' });
  });

  it('reports a Chinese character inside a code as outside the alphabet', () => {
    expect(checkUscc('9113甲500MA000004XH')).toMatchObject({ ok: false, kind: 'charset', position: 5, char: '甲' });
  });

  it('accepts a code with spaces, full-width digits and a lower-case letter, returning its canonical form', () => {
    expect(checkUscc(' ９１４４０３００ 708461136t ')).toEqual({ ok: true, value: '91440300708461136T' });
  });

  it('reports a wrong check character with expected and found, as a likely typing error', () => {
    const r = checkUscc('914403001922038215');
    expect(r).toMatchObject({
      ok: false,
      kind: 'check',
      code: 'USCC_CHECK',
      severity: 'error',
      expected: '6',
      found: '5',
    });
    expect(r.ok ? '' : r.message).toContain('统一社会信用代码第18位校验码应为“6”，实际为“5”，可能是录入错误');
  });

  it('reports a wrong length', () => {
    expect(checkUscc('91440300192203821')).toMatchObject({
      ok: false,
      kind: 'length',
      code: 'USCC_LENGTH',
      length: 17,
    });
  });

  it('points a 15-digit value to the old registration number', () => {
    const r = checkUscc('440301000123456');
    expect(r.ok ? '' : r.message).toContain('旧的工商注册号');
  });

  it('reports an empty code', () => {
    expect(checkUscc('  ')).toMatchObject({ ok: false, kind: 'empty', code: 'USCC_EMPTY' });
  });

  it('reports a character outside the alphabet with its position and the likely intended digit', () => {
    const r = checkUscc('9144O3001922038216');
    expect(r).toMatchObject({ ok: false, kind: 'charset', code: 'USCC_CHARSET', position: 5, char: 'O' });
    expect(r.ok ? '' : r.message).toContain('可能应为“0”');
  });

  it('offers the corrected code when replacing I/O/Z/S/V makes the check pass', () => {
    const r = checkUscc('9144O300I922038216');
    expect(r).toMatchObject({
      kind: 'charset',
      corrected: '914403001922038216',
      suggestion: '914403001922038216',
    });
  });

  it('reports a punctuation character without a confusion hint', () => {
    const r = checkUscc('91440300-922038216');
    expect(r).toMatchObject({ kind: 'charset', position: 9, char: '-' });
    expect(r.ok ? '' : r.message).toContain('不含 I、O、Z、S、V');
  });

  it('warns when the embedded organisation code fails its own check', () => {
    const first17 = '91440300192203822';
    const code = `${first17}${computeUsccCheckChar(first17)}`;
    expect(checkUscc(code)).toMatchObject({
      ok: false,
      kind: 'orgCheck',
      code: 'USCC_ORG_CHECK',
      severity: 'warning',
      expected: '1',
      found: '2',
    });
  });
});

describe('isValidUscc', () => {
  it('accepts exactly the codes checkUscc accepts', () => {
    const codes = [
      '914403001922038216',
      ' ９１４４０３００ 708461136t ',
      '91130500MA000004XH',
      '914403001922038215',
      '91440300192203821',
      '9144O3001922038216',
      '91440300-922038216',
      `91440300192203822${computeUsccCheckChar('91440300192203822')}`,
      '',
    ];
    expect(codes.map(isValidUscc)).toEqual([true, true, true, false, false, false, false, false, false]);
    expect(codes.map(isValidUscc)).toEqual(codes.map((c) => checkUscc(c).ok));
  });
});

describe('computeUsccCheckChar', () => {
  it('computes the check character of the valid examples', () => {
    expect(computeUsccCheckChar('91440300192203821')).toBe('6');
    expect(computeUsccCheckChar('91440300708461136')).toBe('T');
  });

  it('throws on input that is not 17 alphabet characters', () => {
    expect(() => computeUsccCheckChar('9144030019220382')).toThrow();
    expect(() => computeUsccCheckChar('9144030019220382I')).toThrow();
  });
});

describe('computeOrgCodeCheckChar', () => {
  it('computes the GB 11714 check character', () => {
    expect(computeOrgCodeCheckChar('19220382')).toBe('1');
    expect(computeOrgCodeCheckChar('70846113')).toBe('6');
  });

  it('maps a check value of 10 to X and 11 to 0', () => {
    // 6 × 2 = 12, 12 mod 11 = 1, 11 − 1 = 10 → X
    expect(computeOrgCodeCheckChar('00000006')).toBe('X');
    // B = 11, 11 × 2 = 22, 22 mod 11 = 0, 11 − 0 = 11 → 0
    expect(computeOrgCodeCheckChar('0000000B')).toBe('0');
  });

  it('throws on a body that is not 8 characters', () => {
    expect(() => computeOrgCodeCheckChar('1922038')).toThrow();
  });
});
