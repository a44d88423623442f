import type { DrawItem, ResultsReading } from '../../../src/core/results';
import {
  computeYearlyFigures,
  describeFigureBasis,
  figuresSheetOps,
  formatBasisPoints,
  isJointTeam,
  planYearOf,
  readResults,
  shareBasisPoints,
  usesCreditClasses,
  type Figure,
  type YearFigures,
} from '../../../src/core/results';
import type { WorkbookOp } from '../../../src/core/workbookOps';
import { makeDraw, type TeamSpec } from './resultsFixture';

const YB = '医疗保障局';
const SJ = '市场监督管理局';

function teams(n: number, depts: string[], from = 0, extra: Partial<TeamSpec> = {}): TeamSpec[] {
  return Array.from({ length: n }, (_, i) => ({ target: `T${from + i}`, depts, ...extra }));
}

function figure(years: YearFigures[], year: string, key: Figure['key']): Figure {
  return years.find((y) => y.year === year)!.figures.find((f) => f.key === key)!;
}

/** Every target of the draws with a result entered, except `pendingTargets`. */
function entered(draws: DrawItem[], pendingTargets: string[] = []): ResultsReading {
  return {
    findings: [],
    sheets: [],
    draws: draws.map((d) => {
      const targets = d.teams.map((e) => {
        const code = pendingTargets.includes(e.target) ? '' : '1';
        return { target: e.target, name: '', uscc: '', code, meaning: code ? '未发现问题' : '', date: '', reportedAt: '', followUp: '', note: '', sheet: 's', cell: 'D5' };
      });
      const n = targets.filter((t) => t.code).length;
      return { seq: d.seq, sheet: 's', isVoided: Boolean(d.voided), targets, entered: n, pending: targets.length - n };
    }),
  };
}

describe('shareBasisPoints / formatBasisPoints', () => {
  it('computes shares in integers, rounded down', () => {
    expect(shareBasisPoints(7, 100)).toBe(700);
    expect(shareBasisPoints(8, 13)).toBe(6153);
    expect(shareBasisPoints(2, 3)).toBe(6666);
    expect(shareBasisPoints(1, 0)).toBeNull();
    expect(formatBasisPoints(6153)).toBe('61.5%');
    expect(formatBasisPoints(5999)).toBe('59.9%');
    expect(formatBasisPoints(10_000)).toBe('100.0%');
  });
});

/** The same draw with every member's 所属单位 replaced (the team's departments stay). */
function withUnits(d: DrawItem, unit: (teamDepartment: string) => string): DrawItem {
  const inspectors = Object.fromEntries(Object.entries(d.context.inspectors).map(([id, p]) => [id, { ...p, unit: unit(p.teamDepartment) }]));
  return { ...d, context: { ...d.context, inspectors } };
}

describe('isJointTeam / usesCreditClasses', () => {
  it('calls a team joint when its members come from two or more 单位', () => {
    const d = makeDraw(1, '2025-04-01', [...teams(1, [YB, SJ]), ...teams(1, [YB, YB], 1)]);
    expect(isJointTeam(d.teams[0]!, d)).toBe(true);
    expect(isJointTeam(d.teams[1]!, d)).toBe(false);
  });

  it('does not call two 科室 of one bureau joint (基金管理科 + 医疗保险基金监管科 of 邢台市医疗保障局)', () => {
    const d = withUnits(makeDraw(1, '2025-04-01', teams(1, ['基金管理科', '医疗保险基金监管科'])), () => '邢台市医疗保障局');
    expect(isJointTeam(d.teams[0]!, d)).toBe(false);
  });

  it('matches a 单位 with or without its 行政区划, and falls back to the departments named as 单位', () => {
    const d = withUnits(makeDraw(1, '2025-04-01', teams(1, [YB, SJ])), (dept) => (dept === YB ? '邢台市医疗保障局' : '医疗保障局'));
    expect(isJointTeam(d.teams[0]!, d)).toBe(false);
    const unknown = withUnits(makeDraw(2, '2025-04-01', teams(1, ['基金管理科', SJ])), () => '');
    expect(isJointTeam(unknown.teams[0]!, unknown)).toBe(false);
    const named = withUnits(makeDraw(3, '2025-04-01', teams(1, [YB, SJ])), () => '');
    expect(isJointTeam(named.teams[0]!, named)).toBe(true);
  });

  it('recognises a by-class ratio from the strata, also with a single class', () => {
    expect(usesCreditClasses(makeDraw(1, '2025-04-01', teams(2, [YB]), { strata: ['A', 'D'] }))).toBe(true);
    expect(usesCreditClasses(makeDraw(1, '2025-04-01', teams(2, [YB], 0, { creditClass: 'D', stratum: 'D' }), { strata: ['D'] }))).toBe(true);
    expect(usesCreditClasses(makeDraw(1, '2025-04-01', teams(2, [YB], 0, { creditClass: 'D' }), { strata: ['定点零售药店'] }))).toBe(false);
  });
});

describe('planYearOf', () => {
  it('takes the plan number’s year, not the draw time’s: a 2025 plan drawn in 2026 is 2025’s', () => {
    expect(planYearOf(makeDraw(1, '2026-01-15', teams(1, [YB]), { planNo: '2025003' }))).toBe('2025');
    expect(planYearOf(makeDraw(1, '2026-01-15', teams(1, [YB]), { planNo: 'X-1' }))).toBe('2025');
    expect(planYearOf(makeDraw(1, '2026-01-15', teams(1, [YB]), { planNo: '' }))).toBe('2025');
  });
});

describe('computeYearlyFigures', () => {
  it('counts 抽查次数 by draws and 户数 by distinct targets, so the two joint shares differ', () => {
    // Three draws: two joint (6 targets), one of the bureau alone (4 targets, one already checked jointly).
    const draws = [
      makeDraw(1, '2025-04-01', teams(3, [YB, SJ])),
      makeDraw(2, '2025-06-01', teams(3, [YB, SJ], 3)),
      makeDraw(3, '2025-09-01', [...teams(3, [YB], 6), { target: 'T0', depts: [YB] }]),
    ];
    const years = computeYearlyFigures(draws, entered(draws), { directorySize: 200 });
    expect(figure(years, '2025', 'inspections')).toMatchObject({ label: '抽查次数', value: 3 });
    expect(figure(years, '2025', 'inspections').sentence).toBe('2025 年度随机抽查 3 次（每次抽取为一次抽查任务），共抽中检查对象 10 个。');
    expect(figure(years, '2025', 'households').value).toBe(9);
    // 2 of 3 draws are joint (66.6 %); 6 of 9 targets were checked jointly (66.6 %), not 6 of 10 visits.
    expect(figure(years, '2025', 'jointInspections')).toMatchObject({ value: 2, of: 3, basisPoints: 6666, met: true });
    expect(figure(years, '2025', 'jointHouseholds')).toMatchObject({ value: 6, of: 9, basisPoints: 6666, met: true });
  });

  it('meets the joint share of 次数 at exactly 60 % and misses it one draw short', () => {
    const joint = (n: number, from: number) => Array.from({ length: n }, (_, i) => makeDraw(from + i, '2025-04-01', teams(1, [YB, SJ], from + i)));
    const alone = (n: number, from: number) => Array.from({ length: n }, (_, i) => makeDraw(from + i, '2025-04-01', teams(1, [YB], from + i)));
    const exact = [...joint(3, 0), ...alone(2, 3)];
    expect(figure(computeYearlyFigures(exact, null, { directorySize: 0 }), '2025', 'jointInspections')).toMatchObject({ basisPoints: 6000, shown: '60.0%（3/5）', thresholdText: '≥ 60%', met: true });
    const short = [...joint(1, 0), ...alone(1, 1)];
    const s = figure(computeYearlyFigures(short, null, { directorySize: 0 }), '2025', 'jointInspections');
    expect(s).toMatchObject({ basisPoints: 5000, met: false });
    expect(s.sentence).toBe('部门联合抽查 1 次，占抽查次数 2 次的 50.0%，未达到“不低于 60%”的要求：还需 1 次部门联合抽查（与其他单位联合；本单位不同科室联合不计）。');
  });

  it('does not count two 科室 of one bureau as a 部门联合抽查', () => {
    const draws = [withUnits(makeDraw(1, '2025-04-01', teams(4, ['基金管理科', '医疗保险基金监管科'])), () => '邢台市医疗保障局')];
    const years = computeYearlyFigures(draws, null, { directorySize: 0 });
    expect(figure(years, '2025', 'jointInspections')).toMatchObject({ value: 0, of: 1, met: false });
    expect(figure(years, '2025', 'jointHouseholds')).toMatchObject({ value: 0, of: 4, met: false });
  });

  it('puts a draw in its plan’s year, not in the year it was made', () => {
    const draws = [makeDraw(1, '2025-11-01', teams(1, [YB])), makeDraw(2, '2026-01-10', teams(1, [YB], 1), { planNo: '2025002' })];
    expect(computeYearlyFigures(draws, null, { directorySize: 0 }).map((y) => [y.year, y.draws])).toEqual([['2025', 2]]);
  });

  it('uses the bureau’s own requirements from its settings', () => {
    const draws = [makeDraw(1, '2025-04-01', teams(1, [YB, SJ])), makeDraw(2, '2025-05-01', teams(1, [YB], 1))];
    const years = computeYearlyFigures(draws, null, { directorySize: 0, settings: { requirements: { jointInspections: 5000 } } });
    expect(figure(years, '2025', 'jointInspections')).toMatchObject({ basisPoints: 5000, thresholdText: '≥ 50%', met: true });
    expect(figure(years, '2025', 'jointHouseholds').thresholdText).toBe('≥ 50%');
    expect(figure(years, '2025', 'creditClasses').thresholdText).toBe('≥ 90%');
  });

  it('counts credit-class draws, coverage of the directory and the results entered, each against its threshold', () => {
    const draws = [
      ...Array.from({ length: 9 }, (_, i) => makeDraw(i + 1, '2025-04-01', teams(1, [YB, SJ], i), { strata: ['A', 'B'] })),
      makeDraw(10, '2025-09-01', teams(1, [YB, SJ], 9)),
    ];
    const years = computeYearlyFigures(draws, entered(draws, ['T3']), { directorySize: 200 });
    expect(figure(years, '2025', 'creditClasses')).toMatchObject({ value: 9, of: 10, basisPoints: 9000, met: true, thresholdText: '≥ 90%' });
    // 10 of 200 = 5 %: met exactly; 10 of 201 is not.
    expect(figure(years, '2025', 'coverage')).toMatchObject({ value: 10, of: 200, basisPoints: 500, met: true });
    const wider = computeYearlyFigures(draws, entered(draws), { directorySize: 201 });
    expect(figure(wider, '2025', 'coverage')).toMatchObject({ basisPoints: 497, met: false });
    expect(figure(wider, '2025', 'coverage').sentence).toContain('还需再抽查 1 户');
    expect(figure(years, '2025', 'resultsEntered')).toMatchObject({ value: 9, of: 10, met: false, thresholdText: '100%' });
    expect(figure(years, '2025', 'resultsEntered').sentence).toContain('已录入检查结果 9 个、待录入 1 个');
    expect(figure(wider, '2025', 'resultsEntered').met).toBe(true);
  });

  it('cannot compute coverage without a directory and says so', () => {
    const draws = [makeDraw(1, '2025-04-01', teams(2, [YB]))];
    const f = figure(computeYearlyFigures(draws, null, { directorySize: 0 }), '2025', 'coverage');
    expect(f).toMatchObject({ met: null, shown: '—' });
    expect(f.sentence).toContain('没有读到检查对象名录库');
  });

  it('counts targets drawn more often in a year than the draw’s annual cap (1 when the log does not say)', () => {
    const draws = [
      makeDraw(1, '2025-03-01', teams(2, [YB]), { annualCap: null }),
      makeDraw(2, '2025-06-01', teams(1, [YB]), { annualCap: null }),
      makeDraw(3, '2026-03-01', teams(1, [YB])),
      makeDraw(4, '2026-06-01', teams(1, [YB])),
      makeDraw(5, '2026-09-01', teams(1, [YB]), { annualCap: 0 }),
    ];
    const years = computeYearlyFigures(draws, null, { directorySize: 100 });
    expect(figure(years, '2025', 'overAnnualCap')).toMatchObject({ value: 1, met: false, thresholdText: '0' });
    expect(figure(years, '2025', 'overAnnualCap').sentence).toBe('1 户检查对象在 2025 年度被抽中的次数超过年度上限：对象T0（2 次，上限 1 次）。请核对抽取设置，避免重复抽查。');
    // 2026: T0 drawn three times; caps 2, 2 and none: the smallest cap (2) applies.
    expect(figure(years, '2026', 'overAnnualCap')).toMatchObject({ value: 1, met: false });
    expect(years.map((y) => [y.year, y.draws])).toEqual([
      ['2025', 2],
      ['2026', 3],
    ]);
  });

  it('leaves voided draws out and keeps secret ones in', () => {
    const draws = [makeDraw(1, '2025-04-01', teams(3, [YB])), makeDraw(2, '2025-05-01', teams(4, [YB], 3), { voided: true }), makeDraw(3, '2025-06-01', teams(2, [YB], 9), { isSecret: true })];
    const years = computeYearlyFigures(draws, null, { directorySize: 100 });
    expect(figure(years, '2025', 'inspections').value).toBe(2);
    expect(figure(years, '2025', 'resultsEntered')).toMatchObject({ value: 0, of: 5, met: false });
  });

  it('lists the eight figures in a fixed order, each with a full sentence', () => {
    const draws = [makeDraw(1, '2025-04-01', teams(2, [YB, SJ]))];
    const years = computeYearlyFigures(draws, readResults([], draws), { directorySize: 40 });
    expect(years[0]!.figures.map((f) => f.key)).toEqual(['inspections', 'households', 'jointInspections', 'jointHouseholds', 'creditClasses', 'coverage', 'overAnnualCap', 'resultsEntered']);
    expect(years[0]!.figures.every((f) => f.sentence.endsWith('。'))).toBe(true);
  });
});

describe('figuresSheetOps', () => {
  it('writes one row per figure and year with 达标/未达标 and the sources of the thresholds', () => {
    const draws = [makeDraw(1, '2025-04-01', teams(2, [YB, SJ]))];
    const years = computeYearlyFigures(draws, entered(draws), { directorySize: 40 });
    const ops = figuresSheetOps('年度统计', years, '年度统计');
    const writes = ops.filter((o): o is Extract<WorkbookOp, { kind: 'write' }> => o.kind === 'write');
    const rows = writes.find((w) => w.address === 'A3')!.rows;
    expect(rows).toHaveLength(8);
    expect(rows[2]).toEqual(['2025', '联合抽查次数占比', '100.0%（1/1）', '≥ 60%', '达标', expect.stringContaining('部门联合抽查 1 次')]);
    expect(rows[4]!.slice(1, 5)).toEqual(['信用分级分类抽查占比', '0.0%（0/1）', '≥ 90%', '未达标']);
    expect(rows[0]![4]).toBe('—');
    const notes = writes.find((w) => w.address === 'A12')!.rows.map((r) => String(r[0]));
    expect(notes[0]).toBe('要求来源与统计口径：');
    expect(notes).toHaveLength(describeFigureBasis(null).length + 1);
    expect(ops[0]).toEqual({ kind: 'addSheet', sheet: '年度统计' });
    expect(ops.some((o) => o.kind === 'pageSetup' && o.setup.orientation === 'landscape')).toBe(true);
  });

  it('cites this bureau’s settings and its own document, never another city’s notice', () => {
    const draws = [makeDraw(1, '2025-04-01', teams(2, [YB, SJ]))];
    const notesOf = (ops: WorkbookOp[]) =>
      ops
        .filter((o): o is Extract<WorkbookOp, { kind: 'write' }> => o.kind === 'write')
        .flatMap((w) => w.rows.map((r) => String(r[0])))
        .join('\n');
    const withDefaults = notesOf(figuresSheetOps('年度统计', computeYearlyFigures(draws, null, { directorySize: 0 }), '年度统计'));
    expect(withDefaults).toContain('本局设置未修改这些要求，为本工具的默认值');
    expect(withDefaults).toContain('本局设置中未填写依据文件');
    for (const city of ['邢台', '承德', '偃师', '乌鲁木齐', '舞钢', '保定']) expect(withDefaults).not.toContain(city);
    const settings = { requirements: { jointInspections: 5000 }, requirementsBasis: '《2025年保定市医疗保障局“双随机、一公开”监管工作实施方案》' };
    const own = notesOf(figuresSheetOps('年度统计', computeYearlyFigures(draws, null, { directorySize: 0, settings }), '年度统计', settings));
    expect(own).toContain('要求：联合抽查次数占比不低于 50%、联合抽查户数占比不低于 50%');
    expect(own).toContain('依据：《2025年保定市医疗保障局“双随机、一公开”监管工作实施方案》。');
    expect(own).not.toContain('邢台');
  });
});
