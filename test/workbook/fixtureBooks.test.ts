/**
 * The fixture books of test/fixtures/ (the seed notices' tables and messy variants), opened as the
 * CLI and the page open a file: the xlsx adapter, then readBookState.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/core/findings';
import { readSettings, SETTINGS_SHEET } from '../../src/core/plan';
import { findTable, readTableChoices } from '../../src/core/tables';
import type { ValidateOptions } from '../../src/core/validate';
import { readBookState } from '../../src/workbook/readBookState';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { buildFixtureBooks, GUESS_CHOICES } from '../fixtures/buildFixtureBooks';

const dir = join(__dirname, '..', 'fixtures');
const TODAY = { year: 2025, month: 3, day: 5 };

async function open(file: string) {
  return openXlsxWorkbook(readFileSync(join(dir, file)), file);
}

async function stateOf(file: string, options: ValidateOptions = {}) {
  return readBookState(await open(file), { today: TODAY, ...options });
}

/** Findings as `CODE@sheet!cell`, in report order. */
const where = (fs: readonly Finding[]) => fs.map((f) => `${f.code}@${f.sheet}!${f.cell}`);

describe('the committed fixture books', () => {
  it('are what test/fixtures/buildFixtureBooks.ts builds (run node scripts/make-fixtures.mjs after changing it)', async () => {
    for (const [file, bytes] of await buildFixtureBooks()) {
      const committed = await open(file);
      const fresh = await openXlsxWorkbook(bytes, file);
      const sheets = await committed.listSheets();
      expect({ file, sheets: await fresh.listSheets() }).toEqual({ file, sheets });
      const names = sheets.map((s) => s.name);
      expect({ file, grids: await fresh.readSheets(names) }).toEqual({
        file,
        grids: await committed.readSheets(names),
      });
    }
  });

  it('stay small', () => {
    for (const file of [
      'chengde-2022-plan.xlsx',
      'xingtai-2025-plan.xlsx',
      'wugang-2024-matters.xlsx',
      'messy-plan.xlsx',
      'messy-wugang.xlsx',
      'choices-guess.xlsx',
      'xingtai-2025-checks.xlsx',
      'salary-only.xlsx',
      'wugang-matters-no-year.xlsx',
      'urumqi-2023-reports.xlsx',
      'yanshi-2024-staff.xlsx',
    ]) {
      expect(readFileSync(join(dir, file)).length).toBeLessThan(16_000);
    }
  });
});

describe('chengde-2022-plan.xlsx (seed 000)', () => {
  it('finds the plan table under the title rows, both tasks of the merged plan, and the 备注 below', async () => {
    const s = await stateOf('chengde-2022-plan.xlsx');
    expect(s.report.tables).toEqual([{ kind: 'plan', sheet: '附件', headerRow: 5, rows: 2, chosen: false }]);
    const plan = s.report.found[0]!;
    expect(plan.notes).toHaveLength(1);
    expect(plan.notes[0]).toMatch(/^备注：1\.抽查计划名称：年度\+行政区划\+部门\+随机抽查\+序号。/);
    expect(s.report.tasks.map((t) => [t.row, t.planNo, t.taskNo, t.ratio, t.scope, t.periodText])).toEqual([
      [5, '2022001', '001', { kind: 'plain', basisPoints: 500 }, '全县定点医疗机构', '2022 年 6-11 月'],
      [6, '2022001', '002', { kind: 'plain', basisPoints: 500 }, '全县定点零售药店', '2022 年 9-11 月'],
    ]);
    expect(s.report.tasks[1]!.planName).toBe('2022 年承德县医疗保障局随机抽查 001');
  });

  it('reports the spaces of the printed name and task numbers, the merged name once at its top-left', async () => {
    const s = await stateOf('chengde-2022-plan.xlsx');
    expect(where(s.report.findings)).toEqual([
      'PLAN_NAME_SPACES@附件!B6',
      'TASK_NO_NONSTANDARD@附件!C6',
      'TASK_NO_NONSTANDARD@附件!C7',
    ]);
    expect(s.report.findings[0]!.suggestion).toBe('2022年承德县医疗保障局随机抽查001');
    expect(s.report.findings[2]!.suggestion).toBe('002号');
  });
});

describe('xingtai-2025-plan.xlsx (seed 004)', () => {
  it('reads the example row between 制表时间 and 以上为示例', async () => {
    const s = await stateOf('xingtai-2025-plan.xlsx');
    expect(s.report.tables).toEqual([{ kind: 'plan', sheet: '附件2', headerRow: 4, rows: 1, chosen: false }]);
    expect(s.report.found[0]!.notes[0]).toBe('以上为示例，请参照填写');
    expect(
      s.report.tasks.map((t) => [t.planNo, t.taskNo, t.taskType, t.ratio, t.leadDept, t.jointDepts]),
    ).toEqual([
      [
        '2025001',
        '001',
        'directed',
        { kind: 'plain', basisPoints: 1000 },
        '基金管理科',
        ['医疗保险基金监管科'],
      ],
    ]);
  });

  it('says exactly what is extra in the bad example name and proposes the right one', async () => {
    const s = await stateOf('xingtai-2025-plan.xlsx');
    expect(where(s.report.findings)).toEqual([
      'PLAN_NAME_EXTRA_TEXT@附件2!B5',
      'PLAN_NAME_EXTRA_TEXT@附件2!B5',
    ]);
    expect(s.report.findings.map((f) => f.message)).toEqual([
      expect.stringContaining('多了“定点医疗机构”'),
      expect.stringContaining('多了“工作方案”'),
    ]);
    expect(
      s.report.findings.every(
        (f) => f.severity === 'error' && f.suggestion === '2025年邢台市医疗保障局随机抽查001',
      ),
    ).toBe(true);
  });
});

describe('wugang-2024-matters.xlsx (seed 003)', () => {
  it('finds the matters list with its ratio and frequency columns and both directories', async () => {
    // No choice needed: the empty 附件2 form under its 记录表 title is not read as a directory.
    const s = await stateOf('wugang-2024-matters.xlsx');
    expect(s.report.tables).toEqual([
      { kind: 'matters', sheet: '附件1', headerRow: 3, rows: 2, chosen: false, asPlan: true },
      { kind: 'targets', sheet: '检查对象名录库', headerRow: 1, rows: 6, chosen: false },
      { kind: 'inspectors', sheet: '执法检查人员名录库', headerRow: 1, rows: 5, chosen: false },
    ]);
    const matters = s.report.found[0]!;
    expect(Object.keys(matters.columns)).toEqual(
      expect.arrayContaining(['seq', 'matterName', 'basis', 'ratio', 'frequency']),
    );
    expect(matters.rows.map((r) => [r.cells.ratio!.text, r.cells.frequency!.text])).toEqual([
      ['20%', '每年2次'],
      ['低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)', '每年2次'],
    ]);
    expect(matters.rows[1]!.cells.basis!.text).toBe('舞钢市城镇职工基本医疗保险\n定点零售药店服务协议');
    expect(s.dirs.targets.map((t) => t.creditClass)).toEqual(['A', 'B', 'A', 'C', 'D', 'B']);
    expect(s.dirs.inspectors.map((p) => [p.name, p.onDuty])).toEqual([
      ['王建国', true],
      ['李海燕', true],
      ['张志强', false],
      ['刘丽娜', true],
      ['陈伟', true],
    ]);
  });

  it('uses the matters list as the plan: one plan per matter, one task per inspection a year', async () => {
    const s = await stateOf('wugang-2024-matters.xlsx');
    expect(s.report.tasks.map((t) => [`${t.planNo}/${t.taskNo}`, t.taskType, t.scope, t.leadDept, t.jointDepts])).toEqual([
      ['2024001/001', 'directed', '定点医疗机构', '舞钢市医疗保障局', ['舞钢市市场监督管理局']],
      ['2024001/002', 'directed', '定点医疗机构', '舞钢市医疗保障局', ['舞钢市市场监督管理局']],
      ['2024002/001', 'directed', '定点零售药店', '舞钢市医疗保障局', ['舞钢市市场监督管理局']],
      ['2024002/002', 'directed', '定点零售药店', '舞钢市医疗保障局', ['舞钢市市场监督管理局']],
    ]);
    expect(s.report.tasks[2]!.ratio).toMatchObject({ kind: 'byClass' });
    expect(s.report.tasks[0]!.taskName).toBe('对医疗保障基金使用情况进行监督检查（定点医疗机构）第1次');
    expect(where(s.report.findings)).toEqual(['MATTERS_USED_AS_PLAN@附件1!B3']);
    expect(s.report.findings[0]!.message).toContain('共 4 个：2024001/001、2024001/002、2024002/001、2024002/002');
  });

  it('reads 附件1 as the plan when the user names it one (--table 附件1:plan:3), without a warning about the choice', async () => {
    const s = await stateOf('wugang-2024-matters.xlsx', { tableChoices: [{ sheet: '附件1', kind: 'plan', headerRow: 3 }] });
    expect(s.report.tables[0]).toEqual({ kind: 'matters', sheet: '附件1', headerRow: 3, rows: 2, chosen: true, asPlan: true });
    expect(s.report.tasks).toHaveLength(4);
    expect(where(s.report.findings)).toEqual(['MATTERS_USED_AS_PLAN@附件1!B3']);
  });

  it('never guesses the empty 附件2 record form as a table, but lets the user name it one', async () => {
    const guessed = await stateOf('wugang-2024-matters.xlsx');
    expect(guessed.report.tables.find((t) => t.sheet === '附件2')).toBeUndefined();
    expect(guessed.dirs.inspectors.map((p) => p.name)).not.toContain('检查事项');
    const chosen = await stateOf('wugang-2024-matters.xlsx', {
      tableChoices: [{ sheet: '附件2', kind: 'inspectors', headerRow: 3 }],
    });
    expect(chosen.report.tables.find((t) => t.sheet === '附件2')).toMatchObject({ kind: 'inspectors', chosen: true });
  });
});

describe('messy-plan.xlsx', () => {
  it('reads headers with line breaks and full-width spaces, a numeric plan number, 0.05 as 5% and a date cell as its month', async () => {
    const s = await stateOf('messy-plan.xlsx');
    expect(s.report.tables).toEqual([
      { kind: 'plan', sheet: '2025年计划', headerRow: 4, rows: 3, chosen: false },
      { kind: 'targets', sheet: '名录', headerRow: 1, rows: 7, chosen: false },
      { kind: 'inspectors', sheet: '人员', headerRow: 1, rows: 4, chosen: false },
    ]);
    const plan = s.report.found[0]!;
    // Headers as the user wrote them, their runs of white space (line breaks, U+3000) shown as one space.
    expect(plan.headers).toMatchObject({ planNo: '抽查计划 编号', taskType: '抽查 类型', ratio: '抽查比例' });
    expect(s.report.tasks.map((t) => [t.planNo, t.taskNo, t.periodText])).toEqual([
      ['2025001', '001', '2025年6月'],
      ['2025002', '001', '2025 年 3 月至 10 月'],
      ['2025002', '002', '下半年'],
    ]);
    const first = plan.rows[0]!.cells;
    expect([first.planNo!.value, first.ratio!.value, first.ratio!.text, first.period!.value]).toEqual([
      2025001,
      0.05,
      '5%',
      45809,
    ]);
    expect(s.report.tasks[0]!.ratio).toEqual({ kind: 'plain', basisPoints: 500 });
    expect(s.report.tasks[1]!.ratio).toMatchObject({
      kind: 'byClass',
      classes: [{ cls: 'A', basisPoints: 100 }, { cls: 'B' }, { cls: 'C' }, { cls: 'D', basisPoints: 2000 }],
    });
    expect(
      readSettings(s.grids.find((g) => g.sheet === SETTINGS_SHEET))?.creditClasses.map((c) => c.cls),
    ).toEqual(['A', 'B', 'C', 'D']);
  });

  it('reports exactly the cells that need a hand, with the settings sheet’s credit classes', async () => {
    const s = await stateOf('messy-plan.xlsx');
    expect(where(s.report.findings)).toEqual([
      'PLAN_NAME_SPACES@2025年计划!B6',
      'RATIO_CLASS_NOT_COVERED@2025年计划!F6',
      'RATIO_CLASS_NOT_COVERED@2025年计划!F7',
      'RATIO_CLASS_NOT_COVERED@2025年计划!F7',
      'RATIO_CLASS_NOT_COVERED@2025年计划!F7',
      'RATIO_CLASS_NOT_IN_SETTINGS@2025年计划!F7',
      'PERIOD_NOT_MONTHS@2025年计划!K7',
      'ID_STORED_AS_NUMBER@名录!C3',
      'CREDIT_CLASS_NOT_IN_SETTINGS@名录!E4',
      'CREDIT_CLASS_NOT_IN_SETTINGS@名录!E5',
    ]);
    const byCode = (code: string) => s.report.findings.filter((f) => f.code === code);
    expect(byCode('RATIO_CLASS_NOT_IN_SETTINGS')[0]!.message).toMatch(
      /信用等级“E”（很高）不在本局设置的信用等级中（设置为：低\(A\)、中\(B\)、中高\(C\)、高\(D\)）/,
    );
    expect(byCode('CREDIT_CLASS_NOT_IN_SETTINGS').map((f) => [f.severity, f.suggestion])).toEqual([
      ['warning', '低'],
      ['warning', undefined],
    ]);
    expect(byCode('CREDIT_CLASS_NOT_IN_SETTINGS')[0]!.message).toBe(
      '信用等级“低风险”不在本局设置的信用等级中（设置为：低(A)、中(B)、中高(C)、高(D)）；按信用等级抽取时，这个对象可能抽不到。请改为“低”',
    );
    expect(byCode('CREDIT_CLASS_NOT_IN_SETTINGS')[1]!.message).toMatch(
      /^信用等级“E”不在本局设置的信用等级中.*如本局确有此等级，请先在设置中添加$/,
    );
    // 'Ａ', 'D级', 'b' and the label '中高' are how the set's classes are written, after normalising.
    expect(s.dirs.targets.map((t) => t.creditClass)).toEqual(['A', 'A', '低风险', 'E', 'D', 'B', '中高']);
  });
});

describe('messy-wugang.xlsx', () => {
  it('reads a matters list with broken headers, a two-row directory header and full-width codes', async () => {
    const s = await stateOf('messy-wugang.xlsx');
    expect(s.report.tables).toEqual([
      { kind: 'matters', sheet: '事项清单', headerRow: 2, rows: 3, chosen: false, asPlan: true },
      { kind: 'targets', sheet: '检查对象', headerRow: 1, rows: 4, chosen: false },
      { kind: 'inspectors', sheet: '执法人员', headerRow: 1, rows: 3, chosen: false },
    ]);
    expect(s.report.found[0]!.headers).toMatchObject({
      matterName: '抽查事项 名称',
      ratio: '抽查 比例',
      frequency: '抽查 频次',
    });
    // The directory's table is read from its grid (the report keeps only plan-side tables).
    const targets = findTable(s.grids.find((g) => g.sheet === '检查对象')!)!;
    expect(targets.headerRows).toBe(2);
    expect(targets.columns).toMatchObject({
      name: 1,
      uscc: 2,
      address: 3,
      creditClass: 4,
      type: 5,
    });
    expect(s.dirs.targets.map((t) => [t.name, t.uscc, t.creditClass])).toEqual([
      ['舞钢市人民医院', '124104814161000138', 'A'],
      ['舞钢市 仁和大药房', '9.14105E+17', 'B'],
      ['舞钢市康泰药房', '91410481MA40E5F695', 'C'],
      ['舞钢市杨庄乡大韩庄村卫生室', '', 'B'],
    ]);
    expect(s.dirs.inspectors.map((p) => p.name)).toEqual(['王建国', '李 海燕', '刘丽娜']);
  });

  it('reports the fraction, the unreadable frequency, the code stored as a number and the old id', async () => {
    const s = await stateOf('messy-wugang.xlsx');
    expect(where(s.report.findings)).toEqual([
      'MATTERS_USED_AS_PLAN@事项清单!B2',
      'RATIO_FRACTION_ASSUMED@事项清单!G3',
      'FREQUENCY_UNRECOGNISED@事项清单!H5',
      'ID_STORED_AS_NUMBER@检查对象!C4',
      'RESIDENT_ID_LEGACY_15@执法人员!C4',
    ]);
    expect(s.report.findings.map((f) => f.suggestion)).toEqual([
      undefined,
      '20%',
      undefined,
      undefined,
      '410481197801013011',
    ]);
  });
});

describe('choices-guess.xlsx', () => {
  it('holds only table choices in its settings sheet', async () => {
    const s = await stateOf('choices-guess.xlsx');
    const settings = s.grids.find((g) => g.sheet === SETTINGS_SHEET);
    expect(s.sheets.find((x) => x.name === SETTINGS_SHEET)?.visibility).toBe('veryHidden');
    expect(readTableChoices(settings)).toEqual(GUESS_CHOICES);
    expect(readSettings(settings)).toBeNull();
  });

  it('reads the plan table under the 填表说明 and skips last year’s list, as stored', async () => {
    const s = await stateOf('choices-guess.xlsx');
    expect(s.report.tables).toEqual([
      { kind: 'plan', sheet: '计划', headerRow: 6, rows: 2, chosen: true },
      { kind: 'targets', sheet: '名录', headerRow: 1, rows: 4, chosen: false },
      { kind: 'inspectors', sheet: '人员', headerRow: 1, rows: 2, chosen: false },
    ]);
    expect(s.report.tasks.map((t) => `${t.planNo}/${t.taskNo} ${t.scope}`)).toEqual([
      '2025001/001 定点医疗机构',
      '2025002/001 定点零售药店',
    ]);
    expect(s.dirs.targets.map((t) => t.name)).not.toContain('邢台已注销大药房');
    expect(s.report.findings).toEqual([]);
  });

  it('guesses wrong without the choices: the 填表说明 row as header, last year’s list as the directory', async () => {
    const s = await stateOf('choices-guess.xlsx', { tableChoices: [] });
    expect(s.report.tables.slice(0, 2)).toEqual([
      { kind: 'plan', sheet: '计划', headerRow: 2, rows: 5, chosen: false },
      { kind: 'targets', sheet: '2024年名录（旧）', headerRow: 1, rows: 2, chosen: false },
    ]);
    expect(s.dirs.targets.map((t) => t.name)).toEqual(['邢台市第三医院', '邢台已注销大药房']);
    expect(s.report.findings.filter((f) => f.code === 'TASK_NOT_DRAWABLE').map((f) => f.cell)).toEqual([
      'C7',
      'C8',
    ]);
  });
});

describe('xingtai-2025-checks.xlsx (seed 004’s layout, issue 18’s checks)', () => {
  it('reports each mistake once, at its cell', async () => {
    const s = await stateOf('xingtai-2025-checks.xlsx');
    expect(where(s.report.findings)).toEqual([
      'PLAN_NAME_YEAR_MISMATCH@附件2!B4',
      'PLAN_NO_YEAR_MISMATCH@附件2!A5',
      'PLAN_NAME_DIVISION_MISMATCH@附件2!B6',
      'TASK_NOT_DRAWABLE@附件2!C6',
      'TASK_NAME_EMPTY@附件2!D6',
      'MATTERS_EMPTY@附件2!G6',
      'SCOPE_EMPTY@附件2!H6',
      'PERIOD_AMBIGUOUS_NUMBER@附件2!K6',
      'PLAN_NAME_DEPARTMENT_MISMATCH@附件2!B7',
      'MATTER_NOT_IN_LIST@附件2!G7',
      'PLAN_NAME_DEPARTMENT_MISMATCH@附件2!B8',
      'TASK_NO_DUPLICATE@附件2!C8',
      'SCOPE_EMPTY_UNDIRECTED@附件2!H9',
      'PERIOD_NUMBER_CELL@附件2!K10',
      'MATTER_FREQUENCY_MISMATCH@抽查事项清单!H3',
      'INSPECTOR_DEPT_NOT_IN_PLAN@执法检查人员名录库!C5',
      'INSPECTOR_DEPT_NOT_IN_PLAN@执法检查人员名录库!C6',
    ]);
  });

  it('suggests the table’s year for the side that differs, never two suggestions that swap the years', async () => {
    const s = await stateOf('xingtai-2025-checks.xlsx');
    const year = s.report.findings.filter((f) => /YEAR_MISMATCH/.test(f.code));
    expect(year.map((f) => [f.cell, f.suggestion])).toEqual([
      ['B4', '2025年邢台市医疗保障局随机抽查001'],
      ['A5', '2025002'],
    ]);
    expect(year[0]!.message).toBe('抽查计划名称中的年度2024与本计划表其他单元格的年度2025不一致，请核对后改成一致');
  });

  it('checks the name’s 行政区划 and 部门 against the table’s 单位, or the bureau’s settings when saved', async () => {
    const s = await stateOf('xingtai-2025-checks.xlsx');
    const division = s.report.findings.find((f) => f.code === 'PLAN_NAME_DIVISION_MISMATCH')!;
    expect(division.message).toBe('抽查计划名称中的行政区划“承德县”与表头的单位“邢台市医疗保障局”的“邢台市”不一致，请核对');
    expect(division.suggestion).toBe('2025年邢台市医疗保障局随机抽查003');
  });

  it('accepts single months (2025年6、9月) and refuses the number 2025.1 as ambiguous', async () => {
    const s = await stateOf('xingtai-2025-checks.xlsx');
    expect(s.report.findings.filter((f) => f.cell === 'K4')).toEqual([]);
    expect(s.report.findings.find((f) => f.cell === 'K6')?.message).toContain('看不出是1月还是10月');
  });

  it('blocks the draw of both rows of a duplicate task number, and of no other', async () => {
    const s = await stateOf('xingtai-2025-checks.xlsx');
    expect(s.report.tasks.map((t) => [t.planNo, t.taskNo, (t.blockers ?? []).length])).toEqual([
      ['2025001', '001', 0],
      ['2024002', '001', 0],
      ['2025003', '001', 0],
      ['2025004', '001', 1],
      ['2025004', '001', 1],
      ['2025005', '001', 0],
      ['2025006', '001', 0],
    ]);
    expect(s.report.tasks[3]!.blockers).toEqual(['任务 2025004/001 在计划表中出现了 2 次（C7、C8）：请先改正重复的抽查任务编号，再抽取。']);
  });
});

describe('wugang-matters-no-year.xlsx (seed 003’s 附件1 without the year in its title)', () => {
  it('reads the matters list as the plan but gives no task, saying the year is missing', async () => {
    const s = await stateOf('wugang-matters-no-year.xlsx');
    expect(s.report.tables[0]).toEqual({ kind: 'matters', sheet: '附件1', headerRow: 3, rows: 2, chosen: false, asPlan: true });
    expect(s.report.tasks).toEqual([]);
    expect(where(s.report.findings)).toEqual(['MATTERS_USED_AS_PLAN@附件1!B3', 'MATTERS_PLAN_YEAR_MISSING@附件1!B4']);
  });
});

describe('urumqi-2023-reports.xlsx (seed 002: results within 24 hours)', () => {
  it('reads the plan, the pharmacies and village clinics, and the bureau’s 24-hour report limit', async () => {
    const s = await stateOf('urumqi-2023-reports.xlsx');
    expect(s.report.tables.map((t) => [t.kind, t.sheet, t.rows])).toEqual([
      ['plan', '计划', 2],
      ['targets', '检查对象名录库', 12],
      ['inspectors', '执法检查人员名录库', 4],
    ]);
    expect(s.report.settings?.reportHours).toBe(24);
    expect(s.report.findings).toEqual([]);
  });
});

describe('yanshi-2024-staff.xlsx (seed 001: 第十七条, 第二十条)', () => {
  it('reads staff and 事业单位人员, the history with its problems, and the bureau’s staff minimum and problem ratio', async () => {
    const s = await stateOf('yanshi-2024-staff.xlsx');
    expect(s.report.tables.map((t) => [t.kind, t.sheet, t.rows])).toEqual([
      ['plan', '计划', 1],
      ['targets', '检查对象名录库', 10],
      ['inspectors', '执法检查人员名录库', 7],
      ['history', '检查历史', 3],
    ]);
    expect(s.dirs.inspectors.map((p) => `${p.name}${p.staff ? '' : '（非局部门）'}`)).toEqual([
      '刘超',
      '王磊',
      '张敏',
      '赵静',
      '郭海燕（非局部门）',
      '孙丽（非局部门）',
      '周强（非局部门）',
    ]);
    expect(s.report.settings).toMatchObject({ teamSize: 3, minStaff: 2, problemRatioBasisPoints: 5000 });
    expect(s.report.findings).toEqual([]);
  });
});

describe('salary-only.xlsx (no plan table: a 工资表 opened by mistake)', () => {
  it('says the plan table is missing and what was read instead, never “no problem”', async () => {
    const s = await stateOf('salary-only.xlsx');
    expect(where(s.report.findings)).toEqual([
      'PLAN_TABLE_MISSING@2025年3月工资表!',
      'INSPECTOR_BADGE_COLUMN_MISSING@2025年3月工资表!B2',
    ]);
    expect(s.report.findings[0]!.message).toContain('本工作簿中认出的是：工作表“2025年3月工资表”第 2 行起的执法检查人员名录库（姓名、部门）');
    expect(s.report.findings[1]!.message).toContain('没有“执法证号”列');
  });
});
