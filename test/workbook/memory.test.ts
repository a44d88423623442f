import { createMemoryWorkbook } from '../../src/workbook/memory';
import { rejection } from './rejection';


describe('createMemoryWorkbook', () => {
  it('reads a seeded sheet with String(value) as text unless display text is given', async () => {
    const book = createMemoryWorkbook({
      计划: [
        ['名称', '比例'],
        ['甲', 0.05],
      ],
      名录: {
        values: [[null, 0.05]],
        text: [[undefined, '5%']],
        formats: [[undefined, '0%']],
        at: 'B2',
        merges: ['B2:C2'],
      },
    });
    const [plan, dir] = await book.readSheets(['计划', '名录']);
    expect(plan?.text).toEqual([
      ['名称', '比例'],
      ['甲', '0.05'],
    ]);
    expect(dir).toEqual({
      sheet: '名录',
      origin: { row: 1, col: 2 },
      text: [['5%']],
      values: [[0.05]],
      formats: [['0%']],
      merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    });
  });

  it('lists sheets in tab order with visibility and protection', async () => {
    const book = createMemoryWorkbook({ A: [], B: { values: [], visibility: 'hidden', isProtected: true } });
    expect(await book.listSheets()).toEqual([
      { name: 'A', visibility: 'visible', isProtected: false },
      { name: 'B', visibility: 'hidden', isProtected: true },
    ]);
  });

  it('reports a missing sheet with a Chinese error', async () => {
    const e = await rejection(createMemoryWorkbook({}).readSheets(['名录库']));
    expect(e.code).toBe('NO_SUCH_SHEET');
    expect(e.message).toContain('名录库');
  });

  it('applies writes, keeping strings as given and text columns as text', async () => {
    const book = createMemoryWorkbook({ 计划: [] });
    await book.apply([
      { kind: 'addSheet', sheet: '结果' },
      {
        kind: 'write',
        sheet: '结果',
        address: 'B2',
        rows: [['=SUM(A1)', 123, { value: 0.5, format: '0%' }]],
        textColumns: [1],
      },
    ]);
    expect(book.cell('结果', 'B2')).toEqual({ value: '=SUM(A1)' });
    expect(book.cell('结果', 'C2')).toEqual({ value: '123', format: '@' });
    expect(book.cell('结果', 'D2')).toEqual({ value: 0.5, format: '0%' });
  });

  it('stores styles, merges, widths, heights, validation and page setup as data', async () => {
    const book = createMemoryWorkbook({ 表: [] });
    await book.apply([
      { kind: 'style', sheet: '表', address: 'A1:B1', style: { bold: true, numberFormat: '@' } },
      { kind: 'merge', sheet: '表', address: 'A1:B1' },
      { kind: 'columnWidths', sheet: '表', widths: [12] },
      { kind: 'rowHeights', sheet: '表', fromRow: 3, heights: [20, 22] },
      { kind: 'listValidation', sheet: '表', address: 'C2:C9', items: ['是', '否'], prompt: '请选择' },
      { kind: 'pageSetup', sheet: '表', setup: { orientation: 'landscape', paper: 'A4' } },
    ]);
    const s = book.sheet('表')!;
    expect(s.styles).toEqual([{ address: 'A1:B1', style: { bold: true, numberFormat: '@' } }]);
    expect(book.cell('表', 'B1')?.format).toBe('@');
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(s.columnWidths.get(0)).toBe(12);
    expect([...s.rowHeights]).toEqual([
      [3, 20],
      [4, 22],
    ]);
    expect(s.validations).toEqual([{ address: 'C2:C9', items: ['是', '否'], prompt: '请选择' }]);
    expect(s.pageSetup).toEqual({ orientation: 'landscape', paper: 'A4' });
  });

  it('stores date validations with their bounds and refuses a bound that is not YYYY-MM-DD', async () => {
    const book = createMemoryWorkbook({ 表: [] });
    await book.apply([{ kind: 'dateValidation', sheet: '表', address: 'E5:E9', min: '2025-04-01', prompt: '填写检查日期' }]);
    expect(book.sheet('表')!.dateValidations).toEqual([{ address: 'E5:E9', min: '2025-04-01', prompt: '填写检查日期' }]);
    const e = await rejection(book.apply([{ kind: 'dateValidation', sheet: '表', address: 'E5', max: '31.12.2025' }]));
    expect(e.code).toBe('BAD_DATE');
  });

  it('keeps only the top-left value when merging, as Excel does', async () => {
    const book = createMemoryWorkbook({ 表: [['标题', '甲'], ['乙', '丙']] });
    await book.apply([{ kind: 'merge', sheet: '表', address: 'A1:B2' }]);
    const [g] = await book.readSheets(['表']);
    expect(g?.text).toEqual([['标题']]);
    expect(g?.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
  });

  it('keeps the protection and password of a copied sheet, as Excel does', async () => {
    const book = createMemoryWorkbook({ 模板: { values: [['名称']], isProtected: true, password: '局' } });
    await book.apply([{ kind: 'copySheet', source: '模板', sheet: '记录表-1' }]);
    expect(book.sheet('记录表-1')).toMatchObject({ isProtected: true, password: '局' });
  });

  it('refuses writes to a protected sheet unless the same batch unprotected it first', async () => {
    const book = createMemoryWorkbook({ 记录: { values: [['a']], isProtected: true, password: 'pw' } });
    const e = await rejection(book.apply([{ kind: 'write', sheet: '记录', address: 'A2', rows: [['b']] }]));
    expect(e.code).toBe('SHEET_PROTECTED');
    await book.apply([
      { kind: 'unprotect', sheet: '记录', password: 'pw' },
      { kind: 'write', sheet: '记录', address: 'A2', rows: [['b']] },
      { kind: 'protect', sheet: '记录', password: 'pw' },
      { kind: 'protect', sheet: '记录', password: 'other' },
    ]);
    expect(book.cell('记录', 'A2')?.value).toBe('b');
    expect(book.sheet('记录')).toMatchObject({ isProtected: true, password: 'pw' });
  });

  it('refuses a wrong unprotect password', async () => {
    const book = createMemoryWorkbook({ 记录: { values: [['a']], isProtected: true, password: 'pw' } });
    const e = await rejection(book.apply([{ kind: 'unprotect', sheet: '记录', password: 'no' }]));
    expect(e.code).toBe('WRONG_PASSWORD');
    expect(book.sheet('记录')?.isProtected).toBe(true);
  });

  it('is atomic: a failing op leaves the workbook as it was', async () => {
    const book = createMemoryWorkbook({ 计划: [['a']] });
    const e = await rejection(
      book.apply([
        { kind: 'addSheet', sheet: '结果' },
        { kind: 'write', sheet: '计划', address: 'A1', rows: [['changed']] },
        { kind: 'addSheet', sheet: '计划' },
      ]),
    );
    expect(e.code).toBe('SHEET_EXISTS');
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['计划']);
    expect(book.cell('计划', 'A1')?.value).toBe('a');
  });

  it('refuses the batch when an expectValue cell changed since it was read', async () => {
    const book = createMemoryWorkbook({ 记录: [['abc']] });
    const e = await rejection(
      book.apply([
        { kind: 'write', sheet: '记录', address: 'A1', rows: [['xyz']] },
        { kind: 'expectValue', sheet: '记录', address: 'A1', value: 'xyz' },
      ]),
    );
    expect(e.code).toBe('CONFLICT');
    expect(book.cell('记录', 'A1')?.value).toBe('abc');
    await book.apply([{ kind: 'expectValue', sheet: '记录', address: 'A1', value: 'abc' }]);
  });

  it('stops and commits nothing when cancelled', async () => {
    const book = createMemoryWorkbook({ 计划: [] });
    await expect(
      book.apply(
        [
          { kind: 'addSheet', sheet: '结果' },
          { kind: 'write', sheet: '结果', address: 'A1', rows: [['x']] },
        ],
        { isCancelled: () => true },
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(book.sheet('结果')).toBeUndefined();
  });

  it('reports progress in written rows', async () => {
    const book = createMemoryWorkbook({ 计划: [] });
    const progress: [number, number][] = [];
    await book.apply(
      [
        { kind: 'write', sheet: '计划', address: 'A1', rows: [['a'], ['b']] },
        { kind: 'write', sheet: '计划', address: 'C1', rows: [['c']] },
      ],
      { onProgress: (d, t) => progress.push([d, t]) },
    );
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
  });

  it('keeps at least one sheet visible', async () => {
    const book = createMemoryWorkbook({ 计划: [] });
    const e = await rejection(
      book.apply([{ kind: 'setVisibility', sheet: '计划', visibility: 'veryHidden' }]),
    );
    expect(e.code).toBe('LAST_VISIBLE_SHEET');
  });

  it('records the selection', async () => {
    const book = createMemoryWorkbook({ 计划: [] });
    await book.select('计划', 'C7');
    expect(book.selection).toEqual({ sheet: '计划', address: 'C7' });
  });

  it('does not let a test mutate its state through a read grid', async () => {
    const book = createMemoryWorkbook({ 计划: [['a']] });
    const [g] = await book.readSheets(['计划']);
    g!.values[0]![0] = 'changed';
    expect(book.cell('计划', 'A1')?.value).toBe('a');
  });
});

describe('copySheet in memory', () => {
  it('copies a sheet and leaves the source alone', async () => {
    const book = createMemoryWorkbook({ 模板: [['名称', '']] });
    await book.apply([{ kind: 'copySheet', source: '模板', sheet: '副本' }, { kind: 'write', sheet: '副本', address: 'B1', rows: [['甲']] }]);
    const [a, b] = await book.readSheets(['模板', '副本']);
    expect(a!.text[0]).toEqual(['名称']);
    expect(b!.text[0]).toEqual(['名称', '甲']);
  });
});
