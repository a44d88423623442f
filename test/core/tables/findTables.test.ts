import type { Grid } from '../../../src/core/grid';
import { findTable, findTables, normalizeHeader } from '../../../src/core/tables';
import { buildSampleBook } from '../../../src/core/sample';
import { createXlsxWorkbook } from '../../../src/workbook/xlsx';

function grid(sheet: string, rows: string[][], merges: Grid['merges'] = [], origin = { row: 0, col: 0 }): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  const text = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  return { sheet, origin, text, values: text.map((r) => r.map((t) => (t === '' ? null : t))), merges };
}

const CHENGDE = [
  ['2022 年内部随机抽查工作计划'],
  ['单位名称：承德县医疗保障局'],
  ['上报日期：2021 年 12 月 20 日'],
  ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查任务名称', '抽查类型', '抽查比例', '抽查事项', '抽查对象范围', '抽查时间'],
  ['2022001', '2022 年承德县医疗保障局随机抽查 001', '001 号', '2022 年承德县医疗保障局第一批“双随机”抽查', '定向', '5%', '(1)… (2)…', '全县定点医疗机构', '2022 年 6-11 月'],
  ['备注：1.抽查计划名称：年度+行政区划+部门+随机抽查+序号。 2.抽查任务名称：以实施方案为准。 3.抽查类型：市以下均为定向抽 4.抽查时间：必须填写到月份。'],
];

describe('normalizeHeader', () => {
  it('drops line breaks, full-width spaces and required-marks', () => {
    expect(normalizeHeader('统一社会\n信用代码 *')).toBe('统一社会信用代码');
    expect(normalizeHeader('抽查\u3000比例（必填）')).toBe('抽查比例');
  });
});

describe('findTable', () => {
  it('finds the Chengde plan table below its title rows and stops at the notes', () => {
    const t = findTable(grid('计划', CHENGDE))!;
    expect(t.kind).toBe('plan');
    expect(t.headerRow).toBe(4);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.cells.planName!.text).toBe('2022 年承德县医疗保障局随机抽查 001');
    expect(t.notes[0]).toMatch(/^备注/);
  });

  it('reports sheet rows and columns when the used range does not start at A1', () => {
    const t = findTable(grid('计划', CHENGDE, [], { row: 2, col: 1 }))!;
    expect(t.headerRow).toBe(6);
    expect(t.columns.planNo).toBe(1);
    expect(t.rows[0]!.row).toBe(6);
  });

  it('reads a two-row header whose group heading is merged above its sub-headings', () => {
    const rows = [
      ['序号', '检查对象信息', '', '', '信用等级'],
      ['', '名称', '统一社会信用代码', '地址', ''],
      ['1', '邢台仁济堂大药房', '914403001922038216', '邢台市', 'A'],
    ];
    const merges = [
      { top: 0, left: 1, bottom: 0, right: 3 },
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 4, bottom: 1, right: 4 },
    ];
    const t = findTable(grid('名录', rows, merges))!;
    expect(t.kind).toBe('targets');
    expect(t.headerRows).toBe(2);
    expect(t.columns).toMatchObject({ name: 1, uscc: 2, address: 3, creditClass: 4 });
    expect(t.rows).toHaveLength(1);
  });

  it('gives every task of a plan its merged plan number and name', () => {
    const rows = [
      ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查时间'],
      ['2025002', '2025年邢台市医疗保障局随机抽查002', '001号', '2025年4-6月'],
      ['', '', '002号', '2025年9-11月'],
    ];
    const merges = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
    ];
    const t = findTable(grid('计划', rows, merges))!;
    expect(t.rows.map((r) => r.cells.planNo!.text)).toEqual(['2025002', '2025002']);
  });

  it('tells the matters list (Wugang) from a plan table', () => {
    const rows = [
      ['序号一', '抽查事项名称', '抽查依据', '抽查方式', '抽查主体', '抽查对象', '抽查比例', '抽查频次', '备注'],
      ['1', '对医疗保障基金使用情况进行监督检查', '定点医疗机构协议', '现场检查', '舞钢市医疗保障局和市市场监督管理局', '定点医疗机构', '20%', '每年2次', ''],
    ];
    expect(findTable(grid('附件1', rows))!.kind).toBe('matters');
  });

  it('finds nothing in a sheet without a known header', () => {
    expect(findTable(grid('说明', [['本表用于'], ['其他内容']]))).toBeNull();
  });

  it('finds nothing in a header with no known words beyond row 30', () => {
    const rows = [...Array.from({ length: 31 }, () => ['x']), ['姓名', '执法证号', '所属单位']];
    expect(findTable(grid('人员', rows))).toBeNull();
  });
});

describe('findTables on the sample book', () => {
  it('finds the five kinds of table the sample holds, with all their rows', async () => {
    const book = createXlsxWorkbook();
    const sample = buildSampleBook({ targets: 60 });
    await book.apply(sample.ops);
    const names = (await book.listSheets()).map((s) => s.name);
    const tables = findTables(await book.readSheets(names));
    expect(tables.map((t) => t.kind)).toEqual(['plan', 'matters', 'targets', 'inspectors', 'history']);
    expect(tables[0]!.rows).toHaveLength(3);
    expect(tables[0]!.notes).toHaveLength(3);
    expect(tables[2]!.rows).toHaveLength(60);
    expect(tables[3]!.rows).toHaveLength(sample.inspectors.length);
  });
});
