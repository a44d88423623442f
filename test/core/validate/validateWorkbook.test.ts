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

  it('finds nothing and reports nothing in an empty book', () => {
    expect(validateWorkbook([grid('Sheet1', [['']])])).toMatchObject({ tables: [], findings: [], tasks: [] });
  });

  it('finds the plan table in a sheet 1,000 columns wide', () => {
    const wide = PLAN('定点医疗机构');
    const text = wide.text.map((r) => [...r, ...new Array<string>(992).fill('')]);
    text[0]![999] = '说明';
    const r = validateWorkbook([{ ...wide, text, values: text.map((row) => row.map((t) => t || null)) }]);
    expect(r.tables).toEqual([{ kind: 'plan', sheet: '计划', headerRow: 1, rows: 1 }]);
  });

  it('reports a header with no rows below it', () => {
    const r = validateWorkbook([grid('计划', [PLAN('x').text[0]!])]);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'TABLE_EMPTY', sheet: '计划' })]);
  });
});
