import { runCli } from '../../src/cli';
import { buildSampleBook } from '../../src/core/sample';
import type { WorkbookOp } from '../../src/core/workbookOps';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { createFakeIo } from './fakeIo';
import { bookBytes } from './logFixture';

/** The Xingtai notice's 附件2 as a bureau would paste it into Excel, its example row unchanged. */
const XINGTAI: WorkbookOp[] = [
  { kind: 'addSheet', sheet: '附件2' },
  {
    kind: 'write',
    sheet: '附件2',
    address: 'A1',
    rows: [
      ['邢台市医疗保障局2025年度随机抽查工作计划'],
      ['单位（盖章）：邢台市医疗保障局'],
      ['制表时间：2024年12月31日'],
      ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查任务名称', '抽查类型', '抽查比例', '抽查事项', '抽查对象范围', '发起科室', '联合科室', '抽查时间', '实施检查层级', '备注'],
      [
        '2025001',
        '2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001',
        '001号',
        '2025年邢台市医疗保障局定点医疗机构随机抽查工作方案',
        '定向抽查',
        '10%',
        '对用人单位和个人遵守医疗保障法律、法规情况进行监督检查；对定点医药机构基金使用情况飞检',
        '市本级定点医疗机构',
        '基金管理科',
        '医疗保险基金监管科',
        '2025年3月至10月',
        '市本级',
        '',
      ],
      ['以上为示例，请参照填写'],
      ['备注：1.抽查计划名称为：年度+行政区划+部门+随机抽查+序号，抽查任务名称以实施方案名称为准。'],
      [' 2.抽查时间必须填到月份。'],
    ],
    textColumns: [0],
  },
];

describe('shuangsuiji fix', () => {
  it('corrects the Xingtai example plan name and the row then validates clean', async () => {
    const io = createFakeIo({ '/work/x.xlsx': await bookBytes(XINGTAI) });
    expect(await runCli(['validate', 'x.xlsx', '--json'], io)).toBe(1);
    const io2 = createFakeIo({ '/work/x.xlsx': io.files.get('/work/x.xlsx')! });
    expect(await runCli(['fix', 'x.xlsx', '--code', 'PLAN_NAME_EXTRA_TEXT'], io2)).toBe(0);
    expect(io2.out).toContain('附件2!B5：“2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001” → “2025年邢台市医疗保障局随机抽查001”');
    const fixed = await openXlsxWorkbook(io2.files.get('/work/x.fix.xlsx')!);
    const [grid] = await fixed.readSheets(['附件2']);
    expect(grid!.text[4]![1]).toBe('2025年邢台市医疗保障局随机抽查001');
    const io3 = createFakeIo({ '/work/y.xlsx': io2.files.get('/work/x.fix.xlsx')! });
    expect(await runCli(['validate', 'y.xlsx', '--json'], io3)).toBe(0);
    const doc = JSON.parse(io3.out) as { findings: { sheet: string; severity: string }[] };
    expect(doc.findings.filter((f) => f.sheet === '附件2')).toEqual([]);
  });

  it('fixes the demo book the same way and leaves the input untouched', async () => {
    const bytes = await bookBytes(buildSampleBook({ targets: 40 }).ops);
    const copy = Uint8Array.from(bytes);
    const io = createFakeIo({ '/work/d.xlsx': bytes });
    expect(await runCli(['fix', 'd.xlsx', '--code', 'PLAN_NAME_EXTRA_TEXT', '-o', 'out.xlsx'], io)).toBe(0);
    expect(io.out).toContain('“2025年邢台市医疗保障局随机抽查001”');
    expect(io.files.get('/work/d.xlsx')).toEqual(copy);
    expect(io.files.has('/work/out.xlsx')).toBe(true);
  });

  it('says which codes can be fixed when the asked one has nothing to do', async () => {
    const io = createFakeIo({ '/work/d.xlsx': await bookBytes(buildSampleBook({ targets: 20 }).ops) });
    expect(await runCli(['fix', 'd.xlsx', '--code', 'PERIOD_NOT_MONTHS'], io)).toBe(0);
    expect(io.out).toMatch(/没有可自动修正的 PERIOD_NOT_MONTHS 问题。可自动修正的问题代码：PLAN_NAME_EXTRA_TEXT/);
    expect(io.files.size).toBe(1);
  });

  it('exits 2 without --code', async () => {
    const io = createFakeIo({ '/work/d.xlsx': await bookBytes(buildSampleBook({ targets: 20 }).ops) });
    expect(await runCli(['fix', 'd.xlsx'], io)).toBe(2);
    expect(io.err).toMatch(/请用 --code/);
  });
});
