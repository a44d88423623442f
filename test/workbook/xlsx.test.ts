import ExcelJS from 'exceljs';
import { buildSampleBook, SAMPLE_SHEETS } from '../../src/core/sample';
import { createXlsxWorkbook, openXlsxWorkbook, formatCellText } from '../../src/workbook/xlsx';
import { WorkbookError } from '../../src/workbook';

async function roundTrip(ops: Parameters<ReturnType<typeof createXlsxWorkbook>['apply']>[0]) {
  const book = createXlsxWorkbook();
  await book.apply(ops);
  return openXlsxWorkbook(await book.save(), 'test.xlsx');
}

describe('openXlsxWorkbook', () => {
  it('reads displayed text and raw values, with merged areas in sheet coordinates', async () => {
    const book = await roundTrip([
      { kind: 'addSheet', sheet: '计划' },
      {
        kind: 'write',
        sheet: '计划',
        address: 'B2',
        rows: [
          ['标题', null],
          [
            { value: 0.05, format: '0%' },
            { value: 45717, format: 'yyyy"年"m"月"' },
          ],
        ],
      },
      { kind: 'merge', sheet: '计划', address: 'B2:C2' },
    ]);
    const [grid] = await book.readSheets(['计划']);
    expect(grid!.origin).toEqual({ row: 1, col: 1 });
    expect(grid!.text).toEqual([
      ['标题', ''],
      ['5%', '2025年3月'],
    ]);
    expect(grid!.values[1]).toEqual([0.05, 45717]);
    expect(grid!.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  });

  it('keeps identifiers and formula-like strings as text', async () => {
    const book = await roundTrip([
      { kind: 'addSheet', sheet: 'S' },
      {
        kind: 'write',
        sheet: 'S',
        address: 'A1',
        rows: [['=SUM(A2)', '914403001922038216', '+8613800000000', '@x', '-1']],
        textColumns: [1],
      },
    ]);
    const [grid] = await book.readSheets(['S']);
    expect(grid!.values[0]).toEqual(['=SUM(A2)', '914403001922038216', '+8613800000000', '@x', '-1']);
    expect(grid!.formats![0]!.every((f) => f === '@')).toBe(true);
  });

  it('shows an 18-digit code stored as a number the way Excel does, already rounded', () => {
    // What Excel stores when someone types 914403001922038216 into a General cell.
    expect(formatCellText(Number('914403001922038216'), 'General')).toBe('9.14403E+17');
  });

  it.each([
    ['an empty file', new Uint8Array(), 'EMPTY_FILE'],
    ['a CSV renamed .xlsx', new TextEncoder().encode('名称,代码\n甲,1\n'), 'NOT_XLSX'],
    ['an old .xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'XLS_FORMAT'],
    ['a truncated zip', Uint8Array.from([0x50, 0x4b, 3, 4, 1, 2, 3]), 'CORRUPT'],
  ])('refuses %s with a Chinese reason', async (_what, bytes, code) => {
    const err = await openXlsxWorkbook(bytes, 'x.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookError);
    expect((err as WorkbookError).code).toBe(code);
    expect((err as WorkbookError).message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('XlsxWorkbook.apply', () => {
  it('refuses to add a sheet that exists and changes nothing', async () => {
    const book = createXlsxWorkbook();
    await book.apply([{ kind: 'addSheet', sheet: 'A' }]);
    await expect(
      book.apply([
        { kind: 'addSheet', sheet: 'B' },
        { kind: 'addSheet', sheet: 'A' },
      ]),
    ).rejects.toThrow('已存在');
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['A']);
  });

  it('removes the sheets it added when a later operation fails', async () => {
    const book = createXlsxWorkbook();
    await book.apply([{ kind: 'addSheet', sheet: 'A' }]);
    await expect(
      book.apply([
        { kind: 'addSheet', sheet: 'B' },
        { kind: 'write', sheet: 'B', address: 'not-an-address', rows: [['x']] },
      ]),
    ).rejects.toThrow();
    expect((await book.listSheets()).map((s) => s.name)).toEqual(['A']);
  });

  it('refuses to write into a protected sheet, as Excel does, and changes nothing', async () => {
    const book = await roundTrip([
      { kind: 'addSheet', sheet: '计划' },
      { kind: 'write', sheet: '计划', address: 'A1', rows: [['原值']] },
      { kind: 'protect', sheet: '计划' },
    ]);
    const before = await book.save();
    await expect(
      book.apply([{ kind: 'write', sheet: '计划', address: 'A1', rows: [['新值']] }]),
    ).rejects.toMatchObject({ code: 'SHEET_PROTECTED' });
    expect(await book.save()).toEqual(before);
  });

  it('protects a sheet with a password that survives saving, and checks it on unprotect', async () => {
    const book = await roundTrip([
      { kind: 'addSheet', sheet: '抽取记录' },
      { kind: 'protect', sheet: '抽取记录', password: 'secret' },
      { kind: 'addSheet', sheet: '数据', visibility: 'veryHidden' },
    ]);
    expect(await book.listSheets()).toEqual([
      { name: '抽取记录', visibility: 'visible', isProtected: true },
      { name: '数据', visibility: 'veryHidden', isProtected: false },
    ]);
    await expect(book.apply([{ kind: 'unprotect', sheet: '抽取记录', password: 'wrong' }])).rejects.toThrow(
      '密码不正确',
    );
    await book.apply([{ kind: 'unprotect', sheet: '抽取记录', password: 'secret' }]);
    expect((await book.listSheets())[0]!.isProtected).toBe(false);
  });
});

describe('date validation', () => {
  it('is saved as an Excel date rule with the bound, a Chinese error and the prompt', async () => {
    const book = createXlsxWorkbook();
    await book.apply([
      { kind: 'addSheet', sheet: '检查结果' },
      {
        kind: 'dateValidation',
        sheet: '检查结果',
        address: 'E5:E6',
        min: '2025-04-01',
        prompt: '填写检查日期',
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await book.save()) as unknown as ArrayBuffer);
    const dv = wb.getWorksheet('检查结果')!.getCell('E6').dataValidation;
    expect(dv).toMatchObject({
      type: 'date',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      showErrorMessage: true,
      error: '请填写日期（如 2025-06-03），且不早于 2025-04-01。',
      showInputMessage: true,
      prompt: '填写检查日期',
    });
    // 2025-04-01 is Excel day 45748.
    expect(String(dv.formulae?.[0])).toContain('2025');
  });

  it('refuses a bound that is not YYYY-MM-DD', async () => {
    const book = createXlsxWorkbook();
    await book.apply([{ kind: 'addSheet', sheet: 'S' }]);
    await expect(
      book.apply([{ kind: 'dateValidation', sheet: 'S', address: 'A1', min: '2025年4月1日' }]),
    ).rejects.toMatchObject({ code: 'BAD_DATE' });
  });
});

describe('the active tab of a saved book', () => {
  async function activeTab(
    ops: Parameters<ReturnType<typeof createXlsxWorkbook>['apply']>[0],
  ): Promise<string> {
    const book = createXlsxWorkbook();
    await book.apply(ops);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await book.save()) as unknown as ArrayBuffer);
    return wb.worksheets[wb.views[0]?.activeTab ?? 0]!.name;
  }

  it('stays on the activated sheet when an earlier sheet is deleted', async () => {
    const tab = await activeTab([
      { kind: 'addSheet', sheet: 'Sheet1' },
      { kind: 'addSheet', sheet: '_ssj_settings', visibility: 'veryHidden' },
      { kind: 'addSheet', sheet: '计划' },
      { kind: 'activate', sheet: '计划' },
      { kind: 'deleteSheet', sheet: 'Sheet1' },
    ]);
    expect(tab).toBe('计划');
  });

  it('is never a very hidden sheet (LibreOffice would show and print it)', async () => {
    const tab = await activeTab([
      { kind: 'addSheet', sheet: '_ssj_settings', visibility: 'veryHidden' },
      { kind: 'addSheet', sheet: '计划' },
    ]);
    expect(tab).toBe('计划');
  });
});

describe('the sample book through the xlsx adapter', () => {
  it('writes every sheet of the sample', async () => {
    const book = await roundTrip(buildSampleBook({ targets: 40 }).ops);
    expect((await book.listSheets()).map((s) => s.name)).toEqual(Object.values(SAMPLE_SHEETS));
  });
});

describe('copySheet', () => {
  it('copies values, merges, widths and formats of a template into a new sheet', async () => {
    const book = await roundTrip([
      { kind: 'addSheet', sheet: '模板' },
      {
        kind: 'write',
        sheet: '模板',
        address: 'A1',
        rows: [
          ['名称', ''],
          ['地址', ''],
        ],
      },
      { kind: 'merge', sheet: '模板', address: 'B1:C1' },
      { kind: 'style', sheet: '模板', address: 'A1:A2', style: { bold: true, border: true } },
      { kind: 'columnWidths', sheet: '模板', widths: [12, 30] },
      { kind: 'copySheet', source: '模板', sheet: '记录表-001' },
    ]);
    const [grid] = await book.readSheets(['记录表-001']);
    expect(grid!.text[0]![0]).toBe('名称');
    expect(grid!.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 2 }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await book.save()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('记录表-001')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
  });
});
