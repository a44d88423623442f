import { checkPlanNo, parsePlanNo } from '../../../src/core/rules';

describe('parsePlanNo', () => {
  it('reads a text plan number into year and 序号', () => {
    expect(parsePlanNo('2025001')).toEqual({
      ok: true,
      value: { planNo: '2025001', year: 2025, seq: '001' },
      findings: [],
    });
  });

  it('accepts a number cell', () => {
    expect(parsePlanNo(2025001)).toMatchObject({ ok: true, value: { planNo: '2025001' } });
  });

  it('reads spaces and full-width digits with a warning', () => {
    const r = parsePlanNo('２０２５ ００１');
    expect(r).toMatchObject({ ok: true, value: { planNo: '2025001' } });
    expect(r.findings[0]).toMatchObject({
      severity: 'warning',
      code: 'PLAN_NO_SPACES',
      suggestion: '2025001',
    });
  });

  it('rejects a number of the wrong shape and suggests the padded form', () => {
    expect(parsePlanNo('2025-1')).toMatchObject({
      ok: false,
      findings: [expect.objectContaining({ code: 'PLAN_NO_FORMAT', suggestion: '2025001' })],
    });
    expect(parsePlanNo('25001').ok).toBe(false);
  });

  it('reports an empty cell', () => {
    expect(parsePlanNo(null).findings[0]?.code).toBe('PLAN_NO_MISSING');
  });
});

describe('checkPlanNo', () => {
  it('returns no findings when the number agrees with the name', () => {
    expect(checkPlanNo('2025001', { year: 2025, seq: '001' })).toEqual([]);
  });

  it('reports a year that disagrees with the name', () => {
    expect(checkPlanNo(2024001, { year: 2025, seq: '001' })).toEqual([
      expect.objectContaining({ code: 'PLAN_NO_YEAR_MISMATCH', suggestion: '2025001' }),
    ]);
  });

  it('reports a 序号 that disagrees with the name', () => {
    expect(checkPlanNo('2025002', { seq: '001' })).toEqual([
      expect.objectContaining({ code: 'PLAN_NO_SEQ_MISMATCH', suggestion: '2025001' }),
    ]);
  });

  it('reports a malformed number', () => {
    expect(checkPlanNo('2025年001号').map((f) => f.code)).toEqual(['PLAN_NO_FORMAT']);
  });
});
