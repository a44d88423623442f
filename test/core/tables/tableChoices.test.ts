import type { Grid } from '../../../src/core/grid';
import type { BureauSettings } from '../../../src/core/plan';
import { PLAN_COLUMNS, readSettings, saveSettingsOps, SETTINGS_SHEET } from '../../../src/core/plan';
import type { TableChoice } from '../../../src/core/tables';
import {
  findTable,
  findTableAt,
  findTables,
  headerCandidates,
  readTableChoices,
  resolveTables,
  saveTableChoicesOps,
  tableKindOf,
  tableKindTitle,
} from '../../../src/core/tables';
import { createMemoryWorkbook } from '../../../src/workbook/memory';
import { createXlsxWorkbook, openXlsxWorkbook } from '../../../src/workbook/xlsx';

function grid(sheet: string, rows: string[][], origin = { row: 0, col: 0 }): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  const text = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  return { sheet, origin, text, values: text.map((r) => r.map((t) => (t === '' ? null : t))), merges: [] };
}

const FULL_HEADER = [...PLAN_COLUMNS];
const SHORT_HEADER = [
  '抽查计划编号',
  '抽查计划名称',
  '抽查任务编号',
  '抽查类型',
  '抽查比例',
  '抽查对象范围',
  '抽查时间',
];

/** A 填表说明 block whose header names more columns than the real table below it. */
const GUIDED = grid('计划', [
  ['填表说明'],
  FULL_HEADER,
  ['年度+三位序号', '年度+行政区划+部门+随机抽查+序号', '如001号'],
  [],
  SHORT_HEADER,
  ['2025001', '2025年邢台市医疗保障局随机抽查001', '001号', '定向', '5%', '定点医疗机构', '2025年4-6月'],
  ['2025002', '2025年邢台市医疗保障局随机抽查002', '001号', '定向', '10%', '定点零售药店', '2025年9-11月'],
]);

const TARGETS = grid('名录', [
  ['检查对象名称', '统一社会信用代码', '对象类型'],
  ['甲医院', '914403001922038216', '定点医疗机构'],
]);

const XINGTAI: BureauSettings = {
  year: 2025,
  division: '邢台市',
  department: '医疗保障局',
  teamSize: 2,
  jointDepartments: ['市场监督管理局'],
  creditClasses: [
    { label: '低', cls: 'A', basisPoints: 100 },
    { label: '高', cls: 'D', basisPoints: 2000 },
  ],
};

describe('headerCandidates', () => {
  it('lists the readings best first, the first being what findTable reads', () => {
    const c = headerCandidates(GUIDED);
    expect(c[0]).toEqual({ kind: 'plan', headerRow: 2, score: 13, columns: 13 });
    expect(c[1]).toEqual({ kind: 'plan', headerRow: 5, score: 7, columns: 7 });
    expect(findTable(GUIDED)!.headerRow).toBe(c[0]!.headerRow);
  });

  it('gives one entry per kind and row, and no more than the limit', () => {
    const c = headerCandidates(GUIDED, 3);
    expect(c).toHaveLength(3);
    expect(new Set(c.map((x) => `${x.kind}@${x.headerRow}`)).size).toBe(3);
    expect(headerCandidates(GUIDED, 0)).toEqual([]);
  });

  it('counts a merged heading once and reports sheet rows when the used range starts lower', () => {
    const g: Grid = {
      ...grid(
        '名录',
        [
          ['序号', '检查对象信息', '', '', '信用等级'],
          ['', '名称', '统一社会信用代码', '地址', ''],
          ['1', '甲', '914403001922038216', '某地', 'A'],
        ],
        { row: 3, col: 0 },
      ),
    };
    g.merges = [{ top: 3, left: 1, bottom: 3, right: 3 }];
    expect(headerCandidates(g)[0]).toEqual({ kind: 'targets', headerRow: 4, score: 4, columns: 5 });
  });

  it('returns nothing for a sheet without a known header', () => {
    expect(headerCandidates(grid('说明', [['本表用于'], ['其他内容']]))).toEqual([]);
  });
});

describe('findTableAt', () => {
  it('reads the table of the chosen kind on the chosen row', () => {
    const t = findTableAt(GUIDED, 'plan', 5)!;
    expect(t).toMatchObject({ kind: 'plan', sheet: '计划', headerRow: 5, chosen: true });
    expect(t.rows.map((r) => r.cells.planNo!.text)).toEqual(['2025001', '2025002']);
  });

  it('reads a header below the rows a guess looks at', () => {
    const rows = [
      ...Array.from({ length: 34 }, (_, i) => [`第${i + 1}条说明`]),
      ['姓名', '执法证号', '所属单位'],
      ['王一', '1305001', '邢台市医疗保障局'],
    ];
    const g = grid('人员', rows);
    expect(findTable(g)).toBeNull();
    expect(findTableAt(g, 'inspectors', 35)!.rows).toHaveLength(1);
  });

  it('returns null when the row lacks a column the kind needs, or lies outside the sheet', () => {
    expect(findTableAt(GUIDED, 'inspectors', 5)).toBeNull();
    expect(findTableAt(GUIDED, 'plan', 3)).toBeNull();
    expect(findTableAt(GUIDED, 'plan', 40)).toBeNull();
    expect(findTableAt(GUIDED, 'plan', 0)).toBeNull();
  });

  it('lets the user override what a guess excludes (a plan row read as a matters list when told so)', () => {
    const g = grid('事项', [
      ['抽查计划名称', '抽查事项名称', '抽查比例'],
      ['x', '对医疗保障基金使用情况进行监督检查', '20%'],
    ]);
    expect(findTable(g)?.kind).toBe('plan');
    expect(findTableAt(g, 'matters', 1)).toMatchObject({ kind: 'matters', chosen: true });
  });
});

describe('findTables with choices', () => {
  it('honours a choice per sheet and guesses the others', () => {
    const tables = findTables([GUIDED, TARGETS], [{ sheet: '计划', kind: 'plan', headerRow: 5 }]);
    expect(tables.map((t) => [t.sheet, t.kind, t.headerRow, t.chosen ?? false])).toEqual([
      ['计划', 'plan', 5, true],
      ['名录', 'targets', 1, false],
    ]);
  });

  it('skips a sheet chosen as holding no table', () => {
    expect(
      findTables([GUIDED, TARGETS], [{ sheet: '名录', kind: 'none', headerRow: 0 }]).map((t) => t.sheet),
    ).toEqual(['计划']);
  });

  it('takes the last choice of a sheet', () => {
    const choices: TableChoice[] = [
      { sheet: '计划', kind: 'none', headerRow: 0 },
      { sheet: '计划', kind: 'plan', headerRow: 5 },
    ];
    expect(findTables([GUIDED], choices)[0]!.headerRow).toBe(5);
  });

  it('guesses as before without choices', () => {
    expect(findTables([GUIDED, TARGETS]).map((t) => [t.headerRow, t.chosen])).toEqual([
      [2, undefined],
      [1, undefined],
    ]);
  });
});

describe('resolveTables', () => {
  it('falls back to the guess for an invalid choice and says which', () => {
    const r = resolveTables([GUIDED], [{ sheet: '计划', kind: 'inspectors', headerRow: 5 }]);
    expect(r.tables.map((t) => t.headerRow)).toEqual([2]);
    expect(r.invalid).toEqual([
      { choice: { sheet: '计划', kind: 'inspectors', headerRow: 5 }, fallback: r.tables[0] },
    ]);
  });

  it('ignores choices for sheets the workbook does not have', () => {
    expect(resolveTables([TARGETS], [{ sheet: '不存在', kind: 'plan', headerRow: 1 }]).invalid).toEqual([]);
  });
});

describe('tableKindOf / tableKindTitle', () => {
  it('maps Chinese titles, English kinds and 不是表格 both ways', () => {
    expect(tableKindOf('执法检查人员名录库')).toBe('inspectors');
    expect(tableKindOf('history')).toBe('history');
    expect(tableKindOf(' 不是表格 ')).toBe('none');
    expect(tableKindOf('名单')).toBeNull();
    expect(tableKindTitle('plan')).toBe('年度随机抽查工作计划');
    expect(tableKindTitle('none')).toBe('不是表格');
  });
});

describe('saveTableChoicesOps / readTableChoices', () => {
  const CHOICES: TableChoice[] = [
    { sheet: '计划', kind: 'plan', headerRow: 5 },
    { sheet: '2024', kind: 'none', headerRow: 0 },
    { sheet: '名录', kind: 'targets', headerRow: 3 },
  ];

  it('stores the choices in D:F of a new very hidden settings sheet, kinds by their Chinese titles', async () => {
    const book = createMemoryWorkbook({ 计划: [['抽查计划编号']] });
    await book.apply(saveTableChoicesOps(CHOICES, false));
    expect((await book.listSheets()).find((s) => s.name === SETTINGS_SHEET)?.visibility).toBe('veryHidden');
    const [g] = await book.readSheets([SETTINGS_SHEET]);
    expect(g!.origin).toEqual({ row: 0, col: 3 });
    expect(g!.text).toEqual([
      ['工作表', '表格', '表头行'],
      ['计划', '年度随机抽查工作计划', '5'],
      ['2024', '不是表格', ''],
      ['名录', '检查对象名录库', '3'],
    ]);
    expect(g!.values[2]![0]).toBe('2024');
    expect(readTableChoices(g)).toEqual(CHOICES);
    expect(readSettings(g)).toBeNull();
  });

  it('keeps the settings in A:B, whichever is saved first, and both read back', async () => {
    const book = createMemoryWorkbook({ 计划: [['抽查计划编号']] });
    await book.apply(saveTableChoicesOps(CHOICES, false));
    await book.apply(saveSettingsOps(XINGTAI, true));
    let [g] = await book.readSheets([SETTINGS_SHEET]);
    expect(readSettings(g)).toEqual(XINGTAI);
    expect(readTableChoices(g)).toEqual(CHOICES);
    await book.apply(saveTableChoicesOps([CHOICES[0]!], true));
    [g] = await book.readSheets([SETTINGS_SHEET]);
    expect(readSettings(g)).toEqual(XINGTAI);
    expect(readTableChoices(g)).toEqual([CHOICES[0]]);
  });

  it('blanks the rows of a longer earlier list, through the xlsx adapter too', async () => {
    const book = createXlsxWorkbook();
    await book.apply(saveSettingsOps(XINGTAI, false));
    await book.apply(saveTableChoicesOps(CHOICES, true));
    await book.apply(saveTableChoicesOps([{ sheet: '名录', kind: 'targets', headerRow: 4 }], true));
    const reopened = await openXlsxWorkbook(await book.save());
    const [g] = await reopened.readSheets([SETTINGS_SHEET]);
    expect(g!.text.map((r) => r.slice(3))).toEqual([
      ['工作表', '表格', '表头行'],
      ['名录', '检查对象名录库', '4'],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(readTableChoices(g)).toEqual([{ sheet: '名录', kind: 'targets', headerRow: 4 }]);
    expect(readSettings(g)).toEqual(XINGTAI);
  });

  it('clears the list with an empty save, and adds no sheet for nothing', async () => {
    expect(saveTableChoicesOps([], false)).toEqual([]);
    const book = createMemoryWorkbook({ 计划: [['抽查计划编号']] });
    await book.apply(saveTableChoicesOps(CHOICES, false));
    await book.apply(saveTableChoicesOps([], true));
    const [g] = await book.readSheets([SETTINGS_SHEET]);
    expect(readTableChoices(g)).toEqual([]);
  });

  it('keeps one choice per sheet, the last', () => {
    const ops = saveTableChoicesOps(
      [
        { sheet: '计划', kind: 'plan', headerRow: 2 },
        { sheet: '计划', kind: 'plan', headerRow: 5 },
      ],
      true,
    );
    const write = ops[0] as Extract<(typeof ops)[number], { kind: 'write' }>;
    expect(write.rows.slice(0, 3)).toEqual([
      ['工作表', '表格', '表头行'],
      ['计划', '年度随机抽查工作计划', 5],
      [null, null, null],
    ]);
  });

  it('skips rows it cannot read and stops at the first row without a sheet', () => {
    const g = grid(SETTINGS_SHEET, [
      ['键', '值', '', '工作表', '表格', '表头行'],
      ['年度', '2025', '', '计划', '名单', '3'],
      ['', '', '', '名录', '检查对象名录库', '第三行'],
      ['', '', '', '人员', '执法检查人员名录库', '2'],
      ['', '', '', '', '', ''],
      ['', '', '', '旧表', '不是表格', ''],
    ]);
    expect(readTableChoices(g)).toEqual([{ sheet: '人员', kind: 'inspectors', headerRow: 2 }]);
  });

  it('reads nothing from a workbook without settings or a settings sheet without choices', () => {
    expect(readTableChoices(undefined)).toEqual([]);
    expect(
      readTableChoices(
        grid(SETTINGS_SHEET, [
          ['键', '值'],
          ['年度', '2025'],
        ]),
      ),
    ).toEqual([]);
  });
});
