import type { DrawItem, ResultsReading } from '../../../src/core/results';
import {
  computeYearlyFigures,
  FIGURE_SOURCES,
  figuresSheetOps,
  formatBasisPoints,
  isJointTeam,
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
        return { target: e.target, name: '', uscc: '', code, meaning: code ? '未发现问题' : '', date: '', followUp: '', note: '', sheet: 's', cell: 'D5' };
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

describe('isJointTeam / usesCreditClasses', () => {
  it('calls a team joint when its members come from two or more departments', () => {
    const d = makeDraw(1, '2025-04-01', [...teams(1, [YB, SJ]), ...teams(1, [YB, YB], 1)]);
    expect(isJointTeam(d.teams[0]!, d)).toBe(true);
    expect(isJointTeam(d.teams[1]!, d)).toBe(false);
  });

  it('recognises a by-class ratio from the strata, also with a single class', () => {
    expect(usesCreditClasses(makeDraw(1, '2025-04-01', teams(2, [YB]), { strata: ['A', 'D'] }))).toBe(true);
    expect(usesCreditClasses(makeDraw(1, '2025-04-01', teams(2, [YB], 0, { creditClass: 'D', stratum: 'D' }), { strata: ['D'] }))).toBe(true);
    expect(usesCreditClasses(makeDraw(1, '2025-04-01', teams(2, [YB], 0, { creditClass: 'D' }), { strata: ['定点零售药店'] }))).toBe(false);
  });
});

describe('computeYearlyFigures', () => {
  it('meets the joint shares at exactly 60 % and 50 %, and misses them one inspection short', () => {
    // 6 joint of 10 inspections = 60 %; households: 5 joint of 10 = 50 %.
    const exact = [makeDraw(1, '2025-04-01', [...teams(5, [YB, SJ]), ...teams(4, [YB], 5), { target: 'T0', depts: [SJ, YB] }])];
    const years = computeYearlyFigures(exact, entered(exact), { directorySize: 200 });
    expect(figure(years, '2025', 'inspections').value).toBe(10);
    expect(figure(years, '2025', 'households').value).toBe(9);
    expect(figure(years, '2025', 'jointInspections')).toMatchObject({ value: 6, of: 10, basisPoints: 6000, shown: '60.0%（6/10）', thresholdText: '≥ 60%', met: true });
    expect(figure(years, '2025', 'jointHouseholds')).toMatchObject({ value: 5, of: 9, basisPoints: 5555, met: true });

    const short = [makeDraw(1, '2025-04-01', [...teams(5, [YB, SJ]), ...teams(5, [YB], 5)])];
    const s = computeYearlyFigures(short, entered(short), { directorySize: 200 });
    expect(figure(s, '2025', 'jointInspections')).toMatchObject({ basisPoints: 5000, met: false });
    expect(figure(s, '2025', 'jointInspections').sentence).toBe('部门联合抽查 5 次，占检查次数 10 次的 50.0%，未达到“不低于 60%”的要求：还需 3 次部门联合抽查。');
    expect(figure(s, '2025', 'jointHouseholds')).toMatchObject({ basisPoints: 5000, met: true });
  });

  it('counts credit-class inspections, coverage of the directory and the results entered, each against its threshold', () => {
    const draws = [
      makeDraw(1, '2025-04-01', teams(9, [YB, SJ]), { strata: ['A', 'B'] }),
      makeDraw(2, '2025-09-01', teams(1, [YB, SJ], 9)),
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
    expect(figure(years, '2025', 'overAnnualCap').sentence).toBe('1 户检查对象在 2025 年被抽中的次数超过年度上限：对象T0（2 次，上限 1 次）。请核对抽取设置，避免重复抽查。');
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
    expect(figure(years, '2025', 'inspections').value).toBe(5);
    expect(figure(years, '2025', 'resultsEntered')).toMatchObject({ value: 0, met: false });
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
    expect(rows[2]).toEqual(['2025', '联合抽查次数占比', '100.0%（2/2）', '≥ 60%', '达标', expect.stringContaining('部门联合抽查 2 次')]);
    expect(rows[4]!.slice(1, 5)).toEqual(['信用分级分类抽查占比', '0.0%（0/2）', '≥ 90%', '未达标']);
    expect(rows[0]![4]).toBe('—');
    const notes = writes.find((w) => w.address === 'A12')!.rows.map((r) => String(r[0]));
    expect(notes[0]).toBe('要求来源与统计口径：');
    expect(notes.slice(1).join('')).toContain('2025年邢台市医疗保障局“双随机、一公开”监管工作实施方案');
    expect(notes).toHaveLength(FIGURE_SOURCES.length + 1);
    expect(ops[0]).toEqual({ kind: 'addSheet', sheet: '年度统计' });
    expect(ops.some((o) => o.kind === 'pageSetup' && o.setup.orientation === 'landscape')).toBe(true);
  });
});
