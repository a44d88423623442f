import type { Grid } from '../../../src/core/grid';
import { validateWorkbook } from '../../../src/core/validate';

function grid(sheet: string, rows: string[][]): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  const text = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  return { sheet, origin: { row: 0, col: 0 }, text, values: text.map((r) => r.map((t) => (t === '' ? null : t))), merges: [] };
}

const PLAN = (scope: string) =>
  grid('计划', [
    ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查类型', '抽查比例', '抽查对象范围', '发起科室', '抽查时间'],
    ['2025001', '2025年邢台市医疗保障局随机抽查001', '001号', '定向', '5%', scope, '基金监管科', '2025年3-10月'],
  ]);
const TARGETS = grid('名录', [
  ['检查对象名称', '统一社会信用代码', '对象类型'],
  ['甲医院', '914403001922038216', '定点医疗机构'],
]);
const PEOPLE = grid('人员', [
  ['姓名', '执法证号', '所属单位', '科室', '人员类别'],
  ['王一', '1305001', '邢台市医疗保障局', '基金监管科', '局部门工作人员'],
  ['李二', '1305002', '邢台市医疗保障局', '基金监管科', '局部门工作人员'],
]);

describe('validateWorkbook', () => {
  it('says before any draw when a task cannot be drawn, at the task row', () => {
    const r = validateWorkbook([PLAN('养老机构'), TARGETS, PEOPLE]);
    const f = r.findings.find((x) => x.code === 'TASK_NOT_DRAWABLE');
    expect(f).toMatchObject({ severity: 'error', sheet: '计划', cell: 'C2' });
    expect(f!.message).toMatch(/任务 2025001\/001 还不能抽取：定向抽查的抽查对象范围“养老机构”对应不到/);
  });

  it('reports nothing for a task whose scope and departments resolve', () => {
    const r = validateWorkbook([PLAN('定点医疗机构'), TARGETS, PEOPLE]);
    expect(r.findings.filter((x) => x.code === 'TASK_NOT_DRAWABLE')).toEqual([]);
  });

  it('warns of a target entered twice at one address, naming both rows, and not of namesakes elsewhere', () => {
    const targets = grid('名录', [
      ['检查对象名称', '统一社会信用代码', '对象类型', '地址'],
      ['甲医院', '914403001922038216', '定点医疗机构', '信都区一号'],
      ['乙药店', '', '定点零售药店', '信都区二号'],
      ['乙药店', '', '定点零售药店', '襄都区九号'],
      ['甲医院', '', '定点医疗机构', '信都区一号'],
    ]);
    const r = validateWorkbook([PLAN('定点医疗机构'), targets, PEOPLE]);
    const dups = r.findings.filter((x) => x.code === 'TARGET_DUPLICATE_NAME');
    expect(dups.map((d) => d.cell)).toEqual(['A5']);
    expect(dups[0]!.message).toContain('与 A2 相同');
  });

  it('keeps the directories once, as records, so the page copies no second set of them from its worker', () => {
    const r = validateWorkbook([PLAN('定点医疗机构'), TARGETS, PEOPLE]);
    expect(r.found.map((t) => t.kind)).toEqual(['plan']);
    expect(r.tables.map((t) => t.kind)).toEqual(['plan', 'targets', 'inspectors']);
    expect(r.dirs.targets.map((t) => t.name)).toEqual(['甲医院']);
    expect(r.dirs.inspectors.map((p) => p.name)).toEqual(['王一', '李二']);
  });

  it('checks the matters list frequency and ratio cells', () => {
    const matters = grid('事项', [
      ['序号', '抽查事项名称', '抽查比例', '抽查频次'],
      ['1', '对医疗保障基金使用情况进行监督检查', '20%', '每年2次'],
      ['2', '药品质量安全的监督检查', '二成', '经常'],
    ]);
    const r = validateWorkbook([PLAN('定点医疗机构'), matters]);
    const cells = r.findings.filter((x) => x.sheet === '事项').map((x) => x.cell);
    expect(cells).toEqual(expect.arrayContaining(['C3', 'D3']));
    expect(cells).not.toContain('C2');
    expect(cells).not.toContain('D2');
  });

  it('finds no table in an empty book and says the plan table is missing, never “no problem”', () => {
    const r = validateWorkbook([grid('Sheet1', [['']])]);
    expect(r).toMatchObject({ tables: [], tasks: [] });
    expect(r.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'PLAN_TABLE_MISSING', sheet: 'Sheet1', cell: '' }),
    ]);
    expect(r.findings[0]?.message).toContain('本工作簿中没有认出任何表格（工作表：“Sheet1”）');
  });

  it('finds the plan table in a sheet 1,000 columns wide', () => {
    const wide = PLAN('定点医疗机构');
    const text = wide.text.map((r) => [...r, ...new Array<string>(992).fill('')]);
    text[0]![999] = '说明';
    const r = validateWorkbook([{ ...wide, text, values: text.map((row) => row.map((t) => t || null)) }]);
    expect(r.tables).toEqual([{ kind: 'plan', sheet: '计划', headerRow: 1, rows: 1, chosen: false }]);
  });

  it('reports a header with no rows below it', () => {
    const r = validateWorkbook([grid('计划', [PLAN('x').text[0]!])]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'TABLE_EMPTY', sheet: '计划' })]);
  });
});

/** The settings sheet as saveSettingsOps and saveTableChoicesOps leave it (A:B settings, D:F choices). */
function settingsGrid(classes: string, choices: string[][] = []): Grid {
  const kv = [
    ['键', '值'],
    ['年度', '2025'],
    ['行政区划', '邢台市'],
    ['部门', '医疗保障局'],
    ['默认检查组人数', '2'],
    ['联合部门', ''],
    ['信用等级', classes],
  ];
  const rows = kv.map((r, i) => [...r, '', ...(i === 0 && choices.length ? ['工作表', '表格', '表头行'] : choices[i - 1] ?? ['', '', ''])]);
  return grid('_ssj_settings', rows);
}

const XINGTAI_CLASSES = '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)';

describe('validateWorkbook: credit classes against the settings', () => {
  const targets = (...classes: string[]) =>
    grid('名录', [
      ['检查对象名称', '统一社会信用代码', '对象类型', '信用等级'],
      ...classes.map((c, i) => [`药房${i + 1}`, '', '定点零售药店', c]),
    ]);

  it('warns at each 信用等级 cell outside the set, with the obvious class as suggestion', () => {
    const r = validateWorkbook([PLAN('定点零售药店'), targets('A', '低风险', 'Ａ', 'E', '中高'), settingsGrid(XINGTAI_CLASSES)]);
    const found = r.findings.filter((f) => f.code === 'CREDIT_CLASS_NOT_IN_SETTINGS');
    expect(found.map((f) => [f.cell, f.severity, f.suggestion])).toEqual([
      ['D3', 'warning', '低'],
      ['D5', 'warning', undefined],
    ]);
    expect(found[1]!.message).toContain('信用等级“E”不在本局设置的信用等级中（设置为：低(A)、中(B)、中高(C)、高(D)）');
  });

  it('checks nothing without settings, or with settings that name no classes', () => {
    const book = [PLAN('定点零售药店'), targets('低风险', 'E')];
    expect(validateWorkbook(book).findings.filter((f) => f.code === 'CREDIT_CLASS_NOT_IN_SETTINGS')).toEqual([]);
    expect(validateWorkbook([...book, settingsGrid('')]).findings.filter((f) => f.code === 'CREDIT_CLASS_NOT_IN_SETTINGS')).toEqual([]);
  });

  it('warns at a plan or matters ratio naming a class outside the set, not at one inside it', () => {
    const plan = grid('计划', [
      ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查类型', '抽查比例', '抽查对象范围', '抽查时间'],
      ['2025001', '2025年邢台市医疗保障局随机抽查001', '001号', '定向', '低(A、1%)、高(D、20%)', '定点零售药店', '2025年3-10月'],
      ['2025001', '2025年邢台市医疗保障局随机抽查001', '002号', '定向', '低(A、1%)、很高(E、30%)', '定点零售药店', '2025年3-10月'],
    ]);
    const matters = grid('事项', [
      ['序号', '抽查事项名称', '抽查比例', '抽查频次'],
      ['1', '对医疗保障基金使用情况进行监督检查', '低(A、1%)、中(B、3%)', '每年2次'],
      ['2', '药品质量安全的监督检查', '(F、5%)', '每年2次'],
    ]);
    const r = validateWorkbook([plan, matters, settingsGrid(XINGTAI_CLASSES)]);
    expect(r.findings.filter((f) => f.code === 'RATIO_CLASS_NOT_IN_SETTINGS').map((f) => `${f.sheet}!${f.cell}`)).toEqual(['计划!E3', '事项!C3']);
  });
});

describe('validateWorkbook: table choices', () => {
  const GUIDED = grid('计划', [
    ['填表说明'],
    ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查任务名称', '抽查类型', '抽查比例', '抽查事项', '抽查对象范围', '发起科室', '抽查时间'],
    ['年度+三位序号', '年度+行政区划+部门+随机抽查+序号'],
    [],
    ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查类型', '抽查比例', '抽查对象范围', '发起科室', '抽查时间'],
    ['2025001', '2025年邢台市医疗保障局随机抽查001', '001号', '定向', '5%', '定点医疗机构', '基金监管科', '2025年3-10月'],
  ]);

  it('reads the chosen header row, marks the table as chosen, and the guess’s findings are gone', () => {
    const guessed = validateWorkbook([GUIDED, TARGETS, PEOPLE]);
    expect(guessed.tables[0]).toEqual({ kind: 'plan', sheet: '计划', headerRow: 2, rows: 3, chosen: false });
    expect(guessed.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(5);
    const chosen = validateWorkbook([GUIDED, TARGETS, PEOPLE], { tableChoices: [{ sheet: '计划', kind: 'plan', headerRow: 5 }] });
    expect(chosen.tables[0]).toEqual({ kind: 'plan', sheet: '计划', headerRow: 5, rows: 1, chosen: true });
    expect(chosen.findings).toEqual([]);
    expect(chosen.tasks.map((t) => `${t.planNo}/${t.taskNo}`)).toEqual(['2025001/001']);
  });

  it('reads the choices stored in the settings sheet unless told otherwise', () => {
    const book = [GUIDED, TARGETS, PEOPLE, settingsGrid('', [['计划', '年度随机抽查工作计划', '5'], ['人员', '不是表格', '']])];
    expect(validateWorkbook(book).tables.map((t) => [t.sheet, t.headerRow, t.chosen])).toEqual([
      ['计划', 5, true],
      ['名录', 1, false],
    ]);
    expect(validateWorkbook(book, { tableChoices: [] }).tables.map((t) => [t.sheet, t.headerRow])).toEqual([
      ['计划', 2],
      ['名录', 1],
      ['人员', 1],
    ]);
  });

  it('skips a sheet chosen as holding no table', () => {
    const r = validateWorkbook([PLAN('定点医疗机构'), TARGETS, PEOPLE], { tableChoices: [{ sheet: '名录', kind: 'none', headerRow: 0 }] });
    expect(r.tables.map((t) => t.sheet)).toEqual(['计划', '人员']);
    expect(r.dirs.targets).toEqual([]);
  });

  it('reports a choice whose row lacks the kind’s columns at that row, and reads the guess instead', () => {
    const r = validateWorkbook([GUIDED], { tableChoices: [{ sheet: '计划', kind: 'inspectors', headerRow: 5 }] });
    expect(r.tables).toEqual([{ kind: 'plan', sheet: '计划', headerRow: 2, rows: 3, chosen: false }]);
    expect(r.findings.filter((f) => f.code === 'TABLE_CHOICE_INVALID')).toEqual([
      {
        severity: 'warning',
        code: 'TABLE_CHOICE_INVALID',
        sheet: '计划',
        cell: 'A5',
        message:
          '工作表“计划”第 5 行被指定为“执法检查人员名录库”的表头，但这一行缺少“姓名”和“执法证号或所属单位”这类列。现按自动识别读取：表头在第 2 行，年度随机抽查工作计划。请重新指定表头所在的行，或取消这项指定。',
      },
    ]);
  });

  it('says so when the chosen row is empty and nothing else is found', () => {
    const sheet = grid('说明', [['本表用于'], ['其他内容']]);
    const r = validateWorkbook([sheet], { tableChoices: [{ sheet: '说明', kind: 'targets', headerRow: 9 }] });
    expect(r.tables).toEqual([]);
    expect(r.findings.filter((f) => f.code !== 'PLAN_TABLE_MISSING')).toEqual([
      expect.objectContaining({
        code: 'TABLE_CHOICE_INVALID',
        cell: 'A9',
        message: '工作表“说明”第 9 行被指定为“检查对象名录库”的表头，但这一行是空的。该工作表暂未读取。请重新指定表头所在的行，或取消这项指定。',
      }),
    ]);
  });
});
