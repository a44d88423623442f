import {
  appendTaskOps,
  PLAN_FIELDS,
  composePlanName,
  composePlanNo,
  newPlanTableOps,
  nextPlanSeq,
  nextTaskNo,
  planRow,
  proposeSettings,
  readSettings,
  saveSettingsOps,
  SETTINGS_SHEET,
  type BureauSettings,
  type NewTask,
} from '../../../src/core/plan';
import { findTables } from '../../../src/core/tables';
import { validateWorkbook } from '../../../src/core/validate';
import { createXlsxWorkbook } from '../../../src/workbook/xlsx';

const XINGTAI: BureauSettings = {
  year: 2026,
  division: '邢台市',
  department: '医疗保障局',
  teamSize: 2,
  jointDepartments: ['市场监督管理局'],
  creditClasses: [
    { label: '低', cls: 'A', basisPoints: 100 },
    { label: '中', cls: 'B', basisPoints: 300 },
    { label: '中高', cls: 'C', basisPoints: 1000 },
    { label: '高', cls: 'D', basisPoints: 2000 },
  ],
};

const TASK: NewTask = {
  taskName: '2026年邢台市医疗保障局第一批“双随机”抽查',
  taskType: 'directed',
  ratio: { kind: 'plain', basisPoints: 500 },
  matters: '对定点医疗机构医疗保障基金使用情况进行监督检查',
  scope: '定点医疗机构',
  leadDept: '基金监管科',
  jointDepts: [],
  startMonth: 3,
  endMonth: 10,
  level: '市本级',
};

describe('composePlanName', () => {
  it.each([
    [{ year: 2022, division: '承德县', department: '医疗保障局' }, 1, '2022年承德县医疗保障局随机抽查001'],
    [{ year: 2025, division: '邢台市', department: '医疗保障局' }, 12, '2025年邢台市医疗保障局随机抽查012'],
    [{ year: 2026, division: '邢台市', department: '医疗保障局桥东分局' }, 3, '2026年邢台市医疗保障局桥东分局随机抽查003'],
  ])('composes %o number %i as %s', (s, seq, name) => {
    expect(composePlanName(s, seq)).toBe(name);
  });
});

describe('numbering', () => {
  it('gives the next free plan 序号 of the year, ignoring other years', () => {
    expect(nextPlanSeq([], 2026)).toBe(1);
    expect(nextPlanSeq([{ planNo: '2026001' }, { planNo: '2026004' }, { planNo: '2025009' }], 2026)).toBe(5);
    expect(composePlanNo(2026, 5)).toBe('2026005');
  });

  it('gives the next task number within a plan only', () => {
    const tasks = [
      { planNo: '2026001', taskNo: '001' },
      { planNo: '2026001', taskNo: '002' },
      { planNo: '2026002', taskNo: '001' },
    ];
    expect(nextTaskNo(tasks, '2026001')).toBe('003');
    expect(nextTaskNo(tasks, '2026003')).toBe('001');
  });
});

describe('a new plan table filled with two plans and three tasks', () => {
  it('validates with no finding', async () => {
    const book = createXlsxWorkbook();
    await book.apply(newPlanTableOps('2026年度抽查计划', XINGTAI, '2026年1月5日'));
    let [grid] = await book.readSheets(['2026年度抽查计划']);
    const tasks: { planNo: string; taskNo: string }[] = [];
    const add = async (planSeq: number, t: NewTask) => {
      const planNo = composePlanNo(XINGTAI.year, planSeq);
      const taskNo = nextTaskNo(tasks, planNo);
      tasks.push({ planNo, taskNo });
      const cells = planRow(XINGTAI, planNo, planSeq, taskNo, t);
      const values = Object.fromEntries(PLAN_FIELDS.map((f, i) => [f, cells[i] ?? '']));
      const out = appendTaskOps(findTables([grid!])[0]!, grid!, values);
      if (!out.ok) throw new Error(out.message);
      await book.apply(out.ops);
      [grid] = await book.readSheets(['2026年度抽查计划']);
    };
    await add(nextPlanSeq(tasks, 2026), TASK);
    await add(nextPlanSeq(tasks, 2026), { ...TASK, taskName: '2026年邢台市医疗保障局第一批部门联合“双随机”抽查', ratio: { kind: 'byClass', classes: XINGTAI.creditClasses }, scope: '定点零售药店', jointDepts: ['市场监督管理局'], startMonth: 4, endMonth: 6 });
    await add(2, { ...TASK, taskName: '2026年邢台市医疗保障局第二批部门联合“双随机”抽查', ratio: { kind: 'byClass', classes: XINGTAI.creditClasses }, scope: '定点零售药店', startMonth: 9, endMonth: 11 });
    const report = validateWorkbook([grid!]);
    expect(report.tables).toEqual([{ kind: 'plan', sheet: '2026年度抽查计划', headerRow: 4, rows: 3, chosen: false }]);
    expect(report.findings).toEqual([]);
    expect(report.tasks.map((t) => `${t.planNo}/${t.taskNo}`)).toEqual(['2026001/001', '2026002/001', '2026002/002']);
    expect(grid!.text[5]![1]).toBe('2026年邢台市医疗保障局随机抽查002');
  });
});

describe('bureau settings', () => {
  it('round-trips through the very hidden settings sheet', async () => {
    const book = createXlsxWorkbook();
    await book.apply(saveSettingsOps(XINGTAI, false));
    expect((await book.listSheets())[0]).toEqual({ name: SETTINGS_SHEET, visibility: 'veryHidden', isProtected: false });
    const [grid] = await book.readSheets([SETTINGS_SHEET]);
    expect(readSettings(grid)).toEqual(XINGTAI);
  });

  it('round-trips the optional rules: staff per team, the yearly requirements and their document, report hours, the problem ratio', async () => {
    const full: BureauSettings = {
      ...XINGTAI,
      minStaff: 2,
      requirements: { jointInspections: 5000, coverage: 1000 },
      requirementsBasis: '《2026年邢台市医疗保障局“双随机、一公开”监管工作实施方案》',
      reportHours: 24,
      problemRatioBasisPoints: 3000,
    };
    const book = createXlsxWorkbook();
    await book.apply(saveSettingsOps(full, false));
    const [grid] = await book.readSheets([SETTINGS_SHEET]);
    expect(readSettings(grid)).toEqual(full);
    expect(grid!.text.map((r) => r[0])).toEqual(
      expect.arrayContaining(['每组至少局部门工作人员', '联合抽查次数占比不低于', '名录库覆盖率不低于', '年度要求依据', '检查结果上报时限（小时）', '既往发现问题对象抽查比例']),
    );
  });

  it('drops an optional rule the bureau clears: saving again leaves no old row behind', async () => {
    const book = createXlsxWorkbook();
    await book.apply(saveSettingsOps({ ...XINGTAI, minStaff: 2, reportHours: 24, problemRatioBasisPoints: 3000 }, false));
    await book.apply(saveSettingsOps({ ...XINGTAI, minStaff: 2 }, true));
    const [grid] = await book.readSheets([SETTINGS_SHEET]);
    expect(readSettings(grid)).toEqual({ ...XINGTAI, minStaff: 2 });
  });

  it('reads a settings sheet without the optional rows as before (the defaults apply)', async () => {
    const book = createXlsxWorkbook();
    await book.apply(saveSettingsOps(XINGTAI, false));
    const [grid] = await book.readSheets([SETTINGS_SHEET]);
    const read = readSettings(grid)!;
    for (const key of ['minStaff', 'requirements', 'requirementsBasis', 'reportHours', 'problemRatioBasisPoints']) expect(read).not.toHaveProperty(key);
  });

  it('proposes year, division and department from the plan names, and classes from the directory', () => {
    const s = proposeSettings(
      [
        { year: 2025, division: '邢台市', department: '医疗保障局' },
        { year: 2025, division: '邢台市', department: '医疗保障局' },
      ],
      ['B', 'A', 'D', 'C'],
      2026,
    );
    expect(s).toMatchObject({ year: 2025, division: '邢台市', department: '医疗保障局' });
    expect(s.creditClasses.map((c) => `${c.label}${c.cls}${c.basisPoints}`)).toEqual(['低A100', '中B300', '中高C1000', '高D2000']);
  });
});
