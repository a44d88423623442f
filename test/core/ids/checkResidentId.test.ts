import { checkResidentId, computeResidentIdCheckChar } from '../../../src/core/ids';

const today = { year: 2025, month: 6, day: 1 };

describe('checkResidentId', () => {
  it('accepts a valid id with X as check character and returns the birth date', () => {
    expect(checkResidentId('11010519491231002X', today)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: { year: 1949, month: 12, day: 31 },
    });
  });

  it('accepts a lower-case x, spaces and full-width digits', () => {
    expect(checkResidentId(' １１０１０５ 19491231002x', today)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
  });

  it('reports a wrong check character with expected and found', () => {
    const r = checkResidentId('110105194912310021', today);
    expect(r).toMatchObject({
      ok: false,
      kind: 'check',
      code: 'RESIDENT_ID_CHECK',
      expected: 'X',
      found: '1',
    });
    expect(r.ok ? '' : r.message).toContain('可能是录入错误');
  });

  it('reports an old 15-digit id as its own kind, with the 18-digit form', () => {
    expect(checkResidentId('110105491231002', today)).toMatchObject({
      ok: false,
      kind: 'legacy15',
      code: 'RESIDENT_ID_LEGACY_15',
      upgraded: '11010519491231002X',
      suggestion: '11010519491231002X',
    });
  });

  it('reports a date that does not exist', () => {
    const body = '11010519490230002';
    expect(checkResidentId(`${body}${computeResidentIdCheckChar(body)}`, today)).toMatchObject({
      kind: 'birthDate',
      reason: 'invalid',
      birth: '19490230',
    });
  });

  it('accepts 29 February in a leap year', () => {
    const body = '11010520000229002';
    expect(checkResidentId(`${body}${computeResidentIdCheckChar(body)}`, today).ok).toBe(true);
  });

  it('reports a birth date after today', () => {
    const body = '11010520250602002';
    expect(checkResidentId(`${body}${computeResidentIdCheckChar(body)}`, today)).toMatchObject({
      kind: 'birthDate',
      reason: 'future',
    });
  });

  it('accepts a birth date on today', () => {
    const body = '11010520250601002';
    expect(checkResidentId(`${body}${computeResidentIdCheckChar(body)}`, today).ok).toBe(true);
  });

  it('skips the future check when no today is given', () => {
    const body = '11010520990101002';
    expect(checkResidentId(`${body}${computeResidentIdCheckChar(body)}`).ok).toBe(true);
  });

  it('reports a letter among the first 17 characters', () => {
    expect(checkResidentId('1101051949123100OX', today)).toMatchObject({
      kind: 'charset',
      position: 17,
      char: 'O',
    });
  });

  it('reports a wrong length and an empty value', () => {
    expect(checkResidentId('1101051949123100', today)).toMatchObject({ kind: 'length', length: 16 });
    expect(checkResidentId('', today)).toMatchObject({ kind: 'empty', code: 'RESIDENT_ID_EMPTY' });
  });
});

describe('computeResidentIdCheckChar', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(computeResidentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('throws on input that is not 17 digits', () => {
    expect(() => computeResidentIdCheckChar('1101051949123100')).toThrow();
  });
});
