import { fillTemplate, templateValuesFor } from '../../../src/core/forms';
import type { Grid, MergedArea } from '../../../src/core/grid';
import { makeContext, makeRecord, MATTER_SJ, MATTER_YB } from './formFixture';

function gridOf(text: string[][], merges: MergedArea[] = [], origin = { row: 0, col: 0 }): Grid {
  const cols = Math.max(...text.map((r) => r.length));
  const padded = text.map((r) => [...r, ...new Array<string>(cols - r.length).fill('')]);
  return {
    sheet: '模板',
    origin,
    text: padded,
    values: padded.map((r) => r.map((v) => (v === '' ? null : v))),
    merges,
  };
}

const m = (top: number, left: number, bottom: number, right: number): MergedArea => ({
  top,
  left,
  bottom,
  right,
});

describe('templateValuesFor', () => {
  const record = makeRecord();
  const context = makeContext();

  it('gives the target, plan, task, inspectors by department and matters', () => {
    const v = templateValuesFor(record, context, record.result[0]!);
    expect(v).toMatchObject({
      名称: '舞钢市人民医院',
      统一社会信用代码: '12410481417551234X',
      注册号: '12410481417551234X',
      地址: '舞钢市垭口街道寺坡路中段88号',
      法定代表人: '赵明',
      负责人: '赵明',
      抽查计划编号: '2024001',
      抽查计划名称: '2024年舞钢市医疗保障局随机抽查001',
      抽查任务编号: '001',
      抽查任务名称: '2024年舞钢市第一批“双随机”联合抽查',
      抽查时间: '2024年6-11月',
      序号: '1',
      检查人员1姓名: '王建国',
      检查人员1执法证号: 'YB001',
      检查人员1单位: '舞钢市医疗保障局',
      检查人员2姓名: '李海燕',
      检查人员3姓名: '刘丽娜',
      检查人员3单位: '舞钢市市场监督管理局',
      检查人员4姓名: '陈伟',
      组长: '王建国',
      检查人员: '王建国、李海燕、刘丽娜、陈伟',
      检查单位1: '舞钢市医疗保障局',
      检查事项1: MATTER_YB,
      检查事项2: MATTER_SJ,
    });
    expect(v['检查人员5姓名']).toBeUndefined();
  });

  it('leaves the code of a 村卫生室 blank', () => {
    const v = templateValuesFor(record, context, record.result[2]!);
    expect(v['统一社会信用代码']).toBe('');
    expect(v['名称']).toBe('尚店镇王庄村卫生室');
  });
});

describe('fillTemplate', () => {
  it('replaces {{key}} placeholders inside a cell and keeps unknown ones and other cells', () => {
    const grid = gridOf([
      ['被检查对象：{{名称}}（{{ 统一社会信用代码 }}）', '固定文字'],
      ['{{未知}}', '{{ｍｉｓｓｉｎｇ}}{{地址}}'],
    ]);
    expect(fillTemplate(grid, { 名称: '甲医院', 统一社会信用代码: '91X', 地址: '乙路1号' }).writes).toEqual([
      { address: 'A1', value: '被检查对象：甲医院（91X）' },
      { address: 'B2', value: '{{ｍｉｓｓｉｎｇ}}乙路1号' },
    ]);
  });

  it('fills the empty cell right of a label, matched without spaces, line breaks, full-width forms or colon', () => {
    const grid = gridOf([
      ['名  称：', '', '统一社会信用代码\n/注册号', ''],
      ['地　址', '', '法定代表人（负责人）', ''],
    ]);
    const { writes } = fillTemplate(grid, {
      名称: '甲医院',
      统一社会信用代码: '91X',
      地址: '乙路1号',
      法定代表人: '张三',
    });
    expect(writes).toEqual([
      { address: 'B1', value: '甲医院' },
      { address: 'D1', value: '91X' },
      { address: 'B2', value: '乙路1号' },
      { address: 'D2', value: '张三' },
    ]);
  });

  it('skips the continuation cells of a merged label and writes to the merged value cell', () => {
    // A1:B1 is the label, C1:E1 the value; the grid starts at sheet cell B3.
    const grid = gridOf([['名称', '', '', '', '', '地址', '']], [m(2, 1, 2, 2), m(2, 3, 2, 5)], {
      row: 2,
      col: 1,
    });
    expect(fillTemplate(grid, { 名称: '甲医院', 地址: '乙路1号' }).writes).toEqual([
      { address: 'D3', value: '甲医院' },
      { address: 'H3', value: '乙路1号' },
    ]);
  });

  it('fills below a label when the cell to its right is taken, and leaves the template otherwise untouched', () => {
    const grid = gridOf([
      ['名称', '地址', '备注'],
      ['', '', ''],
    ]);
    const before = JSON.stringify(grid);
    expect(fillTemplate(grid, { 名称: '甲医院', 地址: '乙路1号' }).writes).toEqual([
      { address: 'A2', value: '甲医院' },
      { address: 'B2', value: '乙路1号' },
    ]);
    expect(JSON.stringify(grid)).toBe(before);
  });

  it('writes nothing for a blank value and never writes over text', () => {
    const grid = gridOf([
      ['统一社会信用代码', ''],
      ['地址', '已填地址'],
    ]);
    expect(fillTemplate(grid, { 统一社会信用代码: '', 地址: '乙路1号' }).writes).toEqual([]);
  });

  it('fills Wugang 附件2 as typed in Excel: inspectors under 姓名 by their 单位, the target beside its labels', () => {
    const grid = gridOf(
      [
        ['执法\n检查人员', '单  位', '姓名', '执法证号/身份证号', ''],
        ['', '医疗\n保障局', '', '', ''],
        ['', '', '', '', ''],
        ['', '市场监督\n管理局', '', '', ''],
        ['', '', '', '', ''],
        ['被检查对象', '名  称', '', '统一社会信用代码\n/注册号', ''],
        ['', '地  址', '', '法定代表人\n/负责人', ''],
        ['检查单位', '检查事项', '', '', '检查结果'],
        ['医疗保障局', '医疗保障基金使用情况进行监督检查', '', '', ''],
      ],
      [
        m(0, 0, 4, 0),
        m(1, 1, 2, 1),
        m(3, 1, 4, 1),
        m(0, 3, 0, 4),
        m(1, 3, 1, 4),
        m(2, 3, 2, 4),
        m(3, 3, 3, 4),
        m(4, 3, 4, 4),
        m(5, 0, 6, 0),
        m(7, 1, 7, 3),
        m(8, 1, 8, 3),
      ],
    );
    const record = makeRecord();
    // Team members in draw order mix departments; the form groups them.
    const values = templateValuesFor(record, makeContext(), record.result[0]!);
    const { writes } = fillTemplate(grid, values);
    expect(writes).toEqual([
      { address: 'C2', value: '王建国' },
      { address: 'D2', value: 'YB001' },
      { address: 'C3', value: '李海燕' },
      { address: 'D3', value: 'YB002' },
      { address: 'C4', value: '刘丽娜' },
      { address: 'D4', value: 'SJ001' },
      { address: 'C5', value: '陈伟' },
      { address: 'D5', value: 'SJ002' },
      { address: 'C6', value: '舞钢市人民医院' },
      { address: 'E6', value: '12410481417551234X' },
      { address: 'C7', value: '舞钢市垭口街道寺坡路中段88号' },
      { address: 'E7', value: '赵明' },
    ]);
  });

  it('fills successive rows under a list label when the rows name no 单位', () => {
    const grid = gridOf([
      ['姓名', '执法证号'],
      ['', ''],
      ['', ''],
      ['', ''],
      ['合计', ''],
    ]);
    const values = {
      检查人员1姓名: '甲',
      检查人员1执法证号: 'A1',
      检查人员2姓名: '乙',
      检查人员2执法证号: 'B2',
    };
    expect(fillTemplate(grid, values).writes).toEqual([
      { address: 'A2', value: '甲' },
      { address: 'B2', value: 'A1' },
      { address: 'A3', value: '乙' },
      { address: 'B3', value: 'B2' },
    ]);
  });

  it('gives repeated label pairs to successive inspectors when each has a value cell to its right', () => {
    const grid = gridOf([
      ['姓名', '', '执法证号', ''],
      ['姓名', '', '执法证号', ''],
    ]);
    const values = {
      检查人员1姓名: '甲',
      检查人员1执法证号: 'A1',
      检查人员2姓名: '乙',
      检查人员2执法证号: 'B2',
    };
    expect(fillTemplate(grid, values).writes).toEqual([
      { address: 'B1', value: '甲' },
      { address: 'D1', value: 'A1' },
      { address: 'B2', value: '乙' },
      { address: 'D2', value: 'B2' },
    ]);
  });

  it('returns nothing for an empty grid', () => {
    expect(
      fillTemplate(
        { sheet: 'S', origin: { row: 0, col: 0 }, text: [], values: [], merges: [] },
        { 名称: 'x' },
      ).writes,
    ).toEqual([]);
  });
});

describe('fillTemplate on 舞钢’s own 附件2 (test/fixtures/wugang-2024-matters.xlsx)', () => {
  /** The committed template sheet, as the xlsx adapter reads it. */
  async function wugangForm(): Promise<Grid> {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { openXlsxWorkbook } = await import('../../../src/workbook/xlsx');
    const book = await openXlsxWorkbook(readFileSync(join(__dirname, '..', '..', 'fixtures', 'wugang-2024-matters.xlsx')), 'w.xlsx');
    const [grid] = await book.readSheets(['附件2']);
    return grid!;
  }

  /** The record's lead department is the 科室 基金监管股, the 单位 cells say 医疗保障局 (issue 18). */
  function drawnForSection() {
    const base = makeContext();
    const inspectors = Object.fromEntries(
      Object.entries(base.inspectors).map(([id, p]) => [id, p.teamDepartment === '医疗保障局' ? { ...p, teamDepartment: '基金监管股' } : p]),
    );
    const context = makeContext({ inspectors, matters: [{ department: '基金监管股', matter: MATTER_YB }, { department: '市场监督管理局', matter: MATTER_SJ }] });
    const plain = makeRecord();
    const record = { ...plain, team: { ...plain.team, departments: [{ name: '基金监管股', min: 1 }, { name: '市场监督管理局', min: 1 }] } };
    return { record, context };
  }

  it('fills both 医疗保障局 rows (the leader first) and both 市场监督管理局 rows', async () => {
    const grid = await wugangForm();
    const { record, context } = drawnForSection();
    const filled = fillTemplate(grid, templateValuesFor(record, context, record.result[0]!));
    const at = new Map(filled.writes.map((w) => [w.address, w.value]));
    expect([at.get('C4'), at.get('C5'), at.get('C6'), at.get('C7')]).toEqual(['王建国', '李海燕', '刘丽娜', '陈伟']);
    expect([at.get('D4'), at.get('D6')]).toEqual(['YB001', 'SJ001']);
    expect(filled.unplaced).toEqual([]);
    expect(filled.message).toBe('');
  });

  it('names a drawn inspector who finds no row, never leaving them off silently', async () => {
    const grid = await wugangForm();
    const { record, context } = drawnForSection();
    // Three of 医疗保障局 on a form with two 医疗保障局 rows.
    const entry = { target: 'T3', stratum: '全部', leader: 'YB001', members: ['YB001', 'YB002', 'YB003', 'SJ001'] };
    const filled = fillTemplate(grid, templateValuesFor({ ...record, result: [entry] }, context, entry));
    expect(filled.unplaced).toEqual(['张志强（舞钢市医疗保障局）']);
    expect(filled.message).toBe('模板“附件2”中没有以下检查人员的位置：张志强（舞钢市医疗保障局）。请在模板中为其单位增加一行，或核对模板中“单位”栏的写法。');
  });
});
