import { checkPlanName, parsePlanName } from '../../../src/core/rules';

const codes = (name: string, context = {}) => checkPlanName(name, context).map((f) => f.code);

describe('parsePlanName', () => {
  it('reads the Chengde name into year, division, department and 序号', () => {
    expect(parsePlanName('2022年承德县医疗保障局随机抽查001')).toEqual({
      ok: true,
      value: { year: 2022, division: '承德县', department: '医疗保障局', seq: '001' },
      findings: [],
    });
  });

  it.each([
    ['2025年邢台市医疗保障局随机抽查001', '邢台市', '医疗保障局'],
    ['2024年偃师区医疗保障局随机抽查002', '偃师区', '医疗保障局'],
    ['2023年乌鲁木齐县医疗保障局随机抽查001', '乌鲁木齐县', '医疗保障局'],
    ['2024年舞钢市市场监督管理局随机抽查001', '舞钢市', '市场监督管理局'],
    ['2024年邢台市医疗保障局桥东分局随机抽查003', '邢台市', '医疗保障局桥东分局'],
    ['2024年河北省承德市承德县医疗保障局随机抽查001', '河北省承德市承德县', '医疗保障局'],
    ['2024年承德县教育局随机抽查001', '承德县', '教育局'],
    ['2024年阿拉善盟医疗保障中心随机抽查001', '阿拉善盟', '医疗保障中心'],
  ])('splits %s into division and department', (name, division, department) => {
    const r = parsePlanName(name);
    expect(r.ok && r.value).toMatchObject({ division, department });
  });

  it('tolerates spaces with a warning and suggests the name without them', () => {
    const r = parsePlanName('2022 年承德县医疗保障局随机抽查 001');
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'PLAN_NAME_SPACES',
        suggestion: '2022年承德县医疗保障局随机抽查001',
      }),
    ]);
  });

  it('reads full-width digits with a warning', () => {
    const r = parsePlanName('２０２２年承德县医疗保障局随机抽查００１');
    expect(r.ok && r.value.seq).toBe('001');
    expect(r.findings.map((f) => f.code)).toEqual(['PLAN_NAME_FULL_WIDTH']);
  });

  it('reports both extra pieces of the Xingtai example and proposes the right name', () => {
    const r = parsePlanName('2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001');
    expect(r.ok).toBe(false);
    expect(r.findings).toHaveLength(2);
    expect(r.findings.map((f) => f.code)).toEqual(['PLAN_NAME_EXTRA_TEXT', 'PLAN_NAME_EXTRA_TEXT']);
    expect(r.findings[0]?.message).toContain('部门“医疗保障局”与“随机抽查”之间多了“定点医疗机构”');
    expect(r.findings[1]?.message).toContain('“随机抽查”与序号之间多了“工作方案”');
    expect(r.findings.every((f) => f.suggestion === '2025年邢台市医疗保障局随机抽查001')).toBe(true);
    expect(r.ok ? null : r.partial).toEqual({
      year: 2025,
      division: '邢台市',
      department: '医疗保障局',
      seq: '001',
    });
  });

  it('suggests the 序号 from the plan number when it is missing', () => {
    const r = parsePlanName('2024年邢台市医疗保障局随机抽查', { planNo: '2024005' });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'PLAN_NAME_SEQ_MISSING',
        suggestion: '2024年邢台市医疗保障局随机抽查005',
      }),
    ]);
    expect(r.findings[0]?.message).toContain('按抽查计划编号“2024005”应为“005”');
  });

  it('reports a 序号 that is not three digits and pads it', () => {
    const r = parsePlanName('2024年舞钢市医疗保障局随机抽查1');
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'PLAN_NAME_SEQ_FORMAT',
        suggestion: '2024年舞钢市医疗保障局随机抽查001',
      }),
    ]);
  });

  it('reports the plan number written in place of the 序号', () => {
    expect(parsePlanName('2024年舞钢市医疗保障局随机抽查2024001').findings[0]).toMatchObject({
      code: 'PLAN_NAME_SEQ_FORMAT',
      suggestion: '2024年舞钢市医疗保障局随机抽查001',
    });
  });

  it('reports a missing year and fills it from the context', () => {
    expect(parsePlanName('承德县医疗保障局随机抽查001', { year: 2022 }).findings).toEqual([
      expect.objectContaining({
        code: 'PLAN_NAME_YEAR_MISSING',
        suggestion: '2022年承德县医疗保障局随机抽查001',
      }),
    ]);
  });

  it('reports a year that is not at the start', () => {
    expect(codes('承德县医疗保障局2022年随机抽查001')).toEqual(['PLAN_NAME_YEAR_POSITION']);
  });

  it('reports a year without 年 as an error and 年度 as a warning', () => {
    expect(parsePlanName('2022承德县医疗保障局随机抽查001').findings[0]).toMatchObject({
      severity: 'error',
      code: 'PLAN_NAME_YEAR_UNIT_MISSING',
    });
    expect(parsePlanName('2022年度承德县医疗保障局随机抽查001').findings[0]).toMatchObject({
      severity: 'warning',
      code: 'PLAN_NAME_YEAR_FORMAT',
      suggestion: '2022年承德县医疗保障局随机抽查001',
    });
  });

  it('reports a missing division and uses the expected one in the suggestion', () => {
    expect(parsePlanName('2024年医疗保障局随机抽查001', { division: '偃师区' }).findings).toEqual([
      expect.objectContaining({
        code: 'PLAN_NAME_DIVISION_MISSING',
        suggestion: '2024年偃师区医疗保障局随机抽查001',
      }),
    ]);
  });

  it('reports a missing department, still reading the division, and uses the expected department', () => {
    const r = parsePlanName('2024年偃师区随机抽查001', { department: '医疗保障局' });
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'PLAN_NAME_DEPARTMENT_MISSING',
        suggestion: '2024年偃师区医疗保障局随机抽查001',
      }),
    ]);
    expect(r.ok ? null : r.partial).toEqual({ year: 2024, division: '偃师区', seq: '001' });
  });

  it('reports a missing 随机抽查 and what stands in its place', () => {
    const r = parsePlanName('2022年承德县医疗保障局“双随机”抽查001');
    expect(r.findings).toEqual([
      expect.objectContaining({
        code: 'PLAN_NAME_KEYWORD_MISSING',
        suggestion: '2022年承德县医疗保障局随机抽查001',
      }),
    ]);
    expect(r.findings[0]?.message).toContain('“双随机”抽查');
  });

  it('reports text after the 序号', () => {
    expect(codes('2022年承德县医疗保障局随机抽查001号')).toEqual(['PLAN_NAME_EXTRA_TEXT']);
  });

  it('reports an empty name', () => {
    expect(codes('  ')).toEqual(['PLAN_NAME_MISSING']);
  });
});

describe('checkPlanName', () => {
  it('returns no findings for a name that follows the rule and agrees with the plan number', () => {
    expect(checkPlanName('2025年邢台市医疗保障局随机抽查001', { planNo: 2025001 })).toEqual([]);
  });

  it('reports a year that disagrees with the plan number', () => {
    const f = checkPlanName('2024年邢台市医疗保障局随机抽查001', { planNo: '2025001' });
    expect(f).toEqual([
      expect.objectContaining({
        code: 'PLAN_NAME_YEAR_MISMATCH',
        suggestion: '2025年邢台市医疗保障局随机抽查001',
      }),
    ]);
    expect(f[0]?.message).toContain('2024');
    expect(f[0]?.message).toContain('2025');
  });

  it('reports a 序号 that disagrees with the plan number', () => {
    expect(codes('2025年邢台市医疗保障局随机抽查002', { planNo: '2025001' })).toEqual([
      'PLAN_NAME_SEQ_MISMATCH',
    ]);
  });

  it('reports a division or department other than the unit', () => {
    expect(codes('2025年邢台市医疗保障局随机抽查001', { division: '承德县' })).toContain(
      'PLAN_NAME_DIVISION_MISMATCH',
    );
    expect(codes('2025年邢台市医疗保障局随机抽查001', { department: '市场监督管理局' })).toContain(
      'PLAN_NAME_DEPARTMENT_MISMATCH',
    );
  });

  it('gives the Xingtai example the corrected name', () => {
    expect(checkPlanName('2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001')[0]?.suggestion).toBe(
      '2025年邢台市医疗保障局随机抽查001',
    );
  });
});
