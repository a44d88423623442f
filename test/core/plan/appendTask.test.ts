import {
  appendTaskOps,
  newPlanTableOps,
  PLAN_COLUMNS,
  numberRow,
  proposeFromPlan,
  type BureauSettings,
  type NewTask,
} from '../../../src/core/plan';
import { findTables } from '../../../src/core/tables';
import { validateWorkbook } from '../../../src/core/validate';
import type { WorkbookOp } from '../../../src/core/workbookOps';
import { createMemoryWorkbook } from '../../../src/workbook';

const XINGTAI: BureauSettings = {
  year: 2025,
  division: '邢台市',
  department: '医疗保障局',
  teamSize: 2,
  jointDepartments: ['市场监督管理局'],
  creditClasses: [],
};

const TASK: NewTask = {
  taskName: '2025年邢台市医疗保障局第三批“双随机”抽查',
  taskType: 'directed',
  ratio: { kind: 'plain', basisPoints: 500 },
  matters: '对定点医疗机构医疗保障基金使用情况进行监督检查',
  scope: '定点医疗机构',
  leadDept: '基金监管科',
  jointDepts: ['市场监督管理局'],
  startMonth: 9,
  endMonth: 11,
  level: '市本级',
};

/** The Xingtai seed's plan table as bureaus print it: title, header, two tasks, then 备注 lines. */
function xingtaiOps(blankBeforeNotes: boolean): WorkbookOp[] {
  const sheet = '计划表';
  const header = [...PLAN_COLUMNS];
  const row = (planNo: string, seq: string, taskNo: string, scope: string) => [
    planNo,
    `2025年邢台市医疗保障局随机抽查${seq}`,
    taskNo,
    `2025年邢台市医疗保障局${scope}抽查`,
    '定向抽查',
    '5%',
    '医保基金使用情况',
    scope,
    '基金监管科',
    '',
    '2025年3-10月',
    '市本级',
    '',
  ];
  const notesAt = blankBeforeNotes ? 'A6' : 'A5';
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [['邢台市医疗保障局2025年度随机抽查工作计划']] },
    { kind: 'write', sheet, address: 'A2', rows: [header] },
    {
      kind: 'write',
      sheet,
      address: 'A3',
      rows: [row('2025001', '001', '001号', '定点医疗机构'), row('2025002', '002', '001号', '定点零售药店')],
      textColumns: [0, 2],
    },
    {
      kind: 'write',
      sheet,
      address: notesAt,
      rows: [['备注：1.抽查计划名称为：年度+行政区划+部门+随机抽查+序号。2.抽查时间必须填到月份。']],
    },
  ];
}

async function bookWith(ops: WorkbookOp[]) {
  const book = createMemoryWorkbook();
  await book.apply(ops);
  const [grid] = await book.readSheets([(await book.listSheets())[0]!.name]);
  const table = findTables([grid!])[0]!;
  return { book, grid: grid!, table };
}

describe('numberRow', () => {
  const tasks = validateWorkbook([]).tasks;
  it('gives a new plan the next free 序号 of the year and task 001', () => {
    const existing = [
      { ...TASK, planNo: '2025001', taskNo: '001' },
      { ...TASK, planNo: '2025002', taskNo: '001' },
    ].map((t) => ({ ...t, sheet: 's', row: 0, planName: '', periodText: '', isSecret: false }));
    const r = numberRow(XINGTAI, existing, { kind: 'new' }, TASK);
    expect([r.planNo, r.planName, r.taskNo]).toEqual(['2025003', '2025年邢台市医疗保障局随机抽查003', '001']);
    expect(r.values).toMatchObject({
      planNo: '2025003',
      taskNo: '001号',
      period: '2025年9-11月',
      jointDepts: '市场监督管理局',
      taskType: '定向抽查',
      ratio: '5%',
    });
    const t = numberRow(XINGTAI, existing, { kind: 'existing', planNo: '2025002' }, TASK);
    expect([t.planNo, t.planName, t.taskNo]).toEqual(['2025002', '2025年邢台市医疗保障局随机抽查002', '002']);
    expect(numberRow(XINGTAI, tasks, { kind: 'new' }, TASK).planNo).toBe('2025001');
  });
});

describe('appendTaskOps', () => {
  it('refuses when the 备注 lines follow the last task directly, and says how to make room', async () => {
    const { grid, table } = await bookWith(xingtaiOps(false));
    const out = appendTaskOps(table, grid, numberRow(XINGTAI, [], { kind: 'new' }, TASK).values);
    expect(out).toEqual({
      ok: false,
      message: expect.stringContaining('工作表“计划表”第 5 行紧接在最后一个任务之下，但已有内容'),
    });
  });

  it('writes into the blank row above the notes and the new task validates clean', async () => {
    const { book, grid, table } = await bookWith(xingtaiOps(true));
    const before = validateWorkbook([grid]);
    const row = numberRow(XINGTAI, before.tasks, { kind: 'new' }, TASK);
    const out = appendTaskOps(table, grid, row.values);
    if (!out.ok) throw new Error(out.message);
    expect(out.row).toBe(5);
    await book.apply(out.ops);
    const [after] = await book.readSheets(['计划表']);
    expect(after!.text[4]!.slice(0, 3)).toEqual(['2025003', '2025年邢台市医疗保障局随机抽查003', '001号']);
    expect(after!.text[5]![0]).toMatch(/^备注/);
    const report = validateWorkbook([after!]);
    expect(report.tasks.map((t) => `${t.planNo}/${t.taskNo}`)).toEqual([
      '2025001/001',
      '2025002/001',
      '2025003/001',
    ]);
    expect(report.findings.filter((f) => /^[A-Z]+5$/.test(f.cell))).toEqual([]);
  });

  it("puts each value in the table's own column when the columns are in another order, and lists what has no column", async () => {
    const sheet = '承德';
    const { book, grid, table } = await bookWith([
      { kind: 'addSheet', sheet },
      {
        kind: 'write',
        sheet,
        address: 'B3',
        rows: [
          [
            '抽查计划名称',
            '抽查计划编号',
            '抽查任务编号',
            '抽查任务名称',
            '抽查比例',
            '抽查时间',
            '抽查对象范围',
          ],
        ],
      },
    ]);
    const out = appendTaskOps(table, grid, numberRow(XINGTAI, [], { kind: 'new' }, TASK).values);
    if (!out.ok) throw new Error(out.message);
    expect(out.dropped).toEqual(['抽查类型', '抽查事项', '发起科室', '联合科室', '实施检查层级']);
    await book.apply(out.ops);
    const [after] = await book.readSheets([sheet]);
    expect(after!.text[after!.text.length - 1]).toEqual([
      '2025年邢台市医疗保障局随机抽查001',
      '2025001',
      '001号',
      TASK.taskName,
      '5%',
      '2025年9-11月',
      '定点医疗机构',
    ]);
    expect(book.cell(sheet, 'C4')?.format).toBe('@');
  });

  it('refuses a row inside a merged area, and a row someone typed into after the read', async () => {
    const merged = await bookWith([
      ...xingtaiOps(true),
      { kind: 'merge', sheet: '计划表', address: 'M4:M5' },
    ]);
    const out = appendTaskOps(
      merged.table,
      merged.grid,
      numberRow(XINGTAI, [], { kind: 'new' }, TASK).values,
    );
    expect(out).toEqual({ ok: false, message: expect.stringContaining('在合并单元格 M4:M5 之内') });

    const { book, grid, table } = await bookWith(xingtaiOps(true));
    const ok = appendTaskOps(table, grid, numberRow(XINGTAI, [], { kind: 'new' }, TASK).values);
    if (!ok.ok) throw new Error(ok.message);
    await book.apply([{ kind: 'write', sheet: '计划表', address: 'A5', rows: [['同事刚加的']] }]);
    await expect(book.apply(ok.ops)).rejects.toThrow(/A5 在读取之后被改动过/);
    expect(book.cell('计划表', 'B5')?.value ?? null).toBeNull();
  });

  it('fills a new plan table under its header', async () => {
    const { book, grid, table } = await bookWith(
      newPlanTableOps('2025年度随机抽查工作计划', XINGTAI, '2025年1月6日'),
    );
    const out = appendTaskOps(table, grid, numberRow(XINGTAI, [], { kind: 'new' }, TASK).values);
    if (!out.ok) throw new Error(out.message);
    expect(out.row).toBe(5);
    expect(out.dropped).toEqual([]);
    await book.apply(out.ops);
    const [after] = await book.readSheets(['2025年度随机抽查工作计划']);
    expect(validateWorkbook([after!]).findings).toEqual([]);
  });
});

describe('proposeFromPlan', () => {
  it('reads year, division and department even from a name with extra words, and the joint departments', async () => {
    const { grid } = await bookWith(xingtaiOps(true));
    const tasks = validateWorkbook([grid]).tasks.map((t, i) =>
      i === 0
        ? {
            ...t,
            planName: '2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001',
            jointDepts: ['市场监督管理局'],
          }
        : t,
    );
    expect(proposeFromPlan(tasks, ['B', 'A'], 2026)).toMatchObject({
      year: 2025,
      division: '邢台市',
      department: '医疗保障局',
      jointDepartments: ['市场监督管理局'],
      creditClasses: [{ cls: 'A' }, { cls: 'B' }],
    });
    expect(proposeFromPlan([], [], 2026)).toMatchObject({
      year: 2026,
      division: '',
      department: '医疗保障局',
    });
  });
});
