import { createOfficeWorkbook, detectCapabilities } from '../../src/workbook/office';
import {
  MERGE_RESERVE_BYTES,
  PAYLOAD_BUDGET_BYTES,
  PAYLOAD_LIMIT_BYTES,
  READ_BYTES_PER_CELL,
} from '../../src/workbook/office/payload';
import { officeOnFake } from './officeOnFake';
import { rejection } from './rejection';
import type { CellValue } from '../../src/core/grid';
import type { WorkbookOp } from '../../src/workbook/port';
import { FakeExcel } from './fakeExcel';

function table(rows: number, cols: number): CellValue[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (c === 0 ? r + 1 : `单位${r}-${c}`)),
  );
}

const maxRequest = (fake: FakeExcel): number => Math.max(...fake.syncs.map((s) => s.requestBytes));
const maxResponse = (fake: FakeExcel): number => Math.max(...fake.syncs.map((s) => s.responseBytes));


describe('detectCapabilities', () => {
  it('reports every version and no missing feature on ExcelApi 1.13', () => {
    const caps = detectCapabilities(new FakeExcel().requirements);
    expect(Object.values(caps.excelApi).every(Boolean)).toBe(true);
    expect(caps.unavailable).toEqual([]);
  });

  it('explains in Chinese what Excel 2019 (ExcelApi 1.8) lacks', () => {
    const caps = detectCapabilities(new FakeExcel({ excelApiMinor: 8 }).requirements);
    expect(caps.excelApi['1.8']).toBe(true);
    expect(caps.excelApi['1.9']).toBe(false);
    expect(caps.unavailable.map((u) => u.feature)).toEqual(['pageSetup', 'readMerges']);
    expect(caps.unavailable[1]?.message).toContain(
      '读取合并单元格需要 ExcelApi 1.13（Microsoft 365 较新版本）',
    );
  });

  it('treats a host that throws for a requirement set as not supporting it', () => {
    const caps = detectCapabilities({
      isSetSupported: () => {
        throw new Error('unknown set');
      },
    });
    expect(caps.features.workbook).toBe(false);
  });
});

describe('listSheets', () => {
  it('returns names, visibility and protection in one sync', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    fake.seed('名录', [['b']], { isProtected: true, visibility: 'hidden' });
    expect(await book.listSheets()).toEqual([
      { name: '计划', visibility: 'visible', isProtected: false },
      { name: '名录', visibility: 'hidden', isProtected: true },
    ]);
    expect(fake.syncCount).toBe(1);
  });

  it('reports that Office.js is absent instead of failing on the Excel global', async () => {
    await expect(createOfficeWorkbook().listSheets()).rejects.toMatchObject({ code: 'NO_HOST' });
  });

  it('refuses an Excel older than ExcelApi 1.4 with a Chinese message', async () => {
    const { book } = officeOnFake({ excelApiMinor: 3 });
    const e = await rejection(book.listSheets());
    expect(e.code).toBe('UNSUPPORTED_API');
    expect(e.message).toContain('ExcelApi 1.4');
  });
});

describe('readSheets', () => {
  it('returns text, values, formats, origin and absolute merges of the used range', async () => {
    const { fake, book } = officeOnFake();
    fake.seed(
      '计划',
      [
        ['抽查计划', null],
        ['比例', 0.05],
      ],
      {
        at: 'B3',
        formats: [
          ['General', 'General'],
          ['General', '0%'],
        ],
        merges: ['B3:C3'],
      },
    );
    fake.seed('名录', [['代码'], ['91440300MA5XXXXX1X']]);
    const [plan, dir] = await book.readSheets(['计划', '名录']);
    expect(plan).toEqual({
      sheet: '计划',
      origin: { row: 2, col: 1 },
      text: [
        ['抽查计划', ''],
        ['比例', '5%'],
      ],
      values: [
        ['抽查计划', null],
        ['比例', 0.05],
      ],
      formats: [
        ['General', 'General'],
        ['General', '0%'],
      ],
      merges: [{ top: 2, left: 1, bottom: 2, right: 2 }],
    });
    expect(dir?.values).toEqual([['代码'], ['91440300MA5XXXXX1X']]);
    expect(fake.syncCount).toBe(2);
  });

  it('returns an empty grid for an empty sheet', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('空', []);
    const [g] = await book.readSheets(['空']);
    expect(g).toEqual({ sheet: '空', origin: { row: 0, col: 0 }, text: [], values: [], merges: [] });
    expect(fake.syncCount).toBe(1);
  });

  it('names the missing sheets in a Chinese error', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    const e = await rejection(book.readSheets(['计划', '名录库']));
    expect(e.code).toBe('NO_SUCH_SHEET');
    expect(e.message).toContain('“名录库”');
  });

  it('reports no merges below ExcelApi 1.13 instead of failing', async () => {
    const { fake, book } = officeOnFake({ excelApiMinor: 12 });
    fake.seed(
      '计划',
      [
        ['标题', null],
        ['a', 'b'],
      ],
      { merges: ['A1:B1'] },
    );
    const [g] = await book.readSheets(['计划']);
    expect(g?.merges).toEqual([]);
    expect(g?.text).toEqual([
      ['标题', ''],
      ['a', 'b'],
    ]);
  });

  it('reports a merge crossing a chunk boundary once', async () => {
    const { fake, book } = officeOnFake({ payloadBudgetBytes: MERGE_RESERVE_BYTES + 2 * 10 * READ_BYTES_PER_CELL });
    fake.seed('表', table(30, 2), { merges: ['B10:B11'] });
    const [g] = await book.readSheets(['表']);
    expect(g?.merges).toEqual([{ top: 9, left: 1, bottom: 10, right: 1 }]);
    expect(g?.values).toHaveLength(30);
    // The rows came in at least two chunks, so the merge did cross a boundary.
    expect(fake.syncCount).toBeGreaterThanOrEqual(1 + 2);
  });

  it('uses the same number of syncs for 10, 1,000 and 100,000 rows except one per ~4 MB chunk', async () => {
    const cols = 4;
    for (const rows of [10, 1_000, 100_000]) {
      const { fake, book } = officeOnFake();
      fake.seed('名录', table(rows, cols));
      const [g] = await book.readSheets(['名录']);
      expect(g?.values).toHaveLength(rows);
      expect(g?.values[rows - 1]?.[0]).toBe(rows);
      const received = fake.syncs.reduce((n, s) => n + s.responseBytes, 0);
      // One sync for the sizes, then one per ~4 MB budget (the first chunk is sized by a cautious
      // guess, so at most one more).
      if (rows <= 1_000) expect(fake.syncCount).toBe(2);
      // Chunks are filled to the budget less the 25 % safety margin.
      else expect(fake.syncCount).toBeLessThanOrEqual(2 + Math.ceil(received / (PAYLOAD_BUDGET_BYTES * 0.75)));
      expect(maxResponse(fake)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
      expect(maxRequest(fake)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    }
  });

  it('reads several sheets in the same syncs', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('A', table(100, 3));
    fake.seed('B', table(200, 5));
    fake.seed('C', table(5, 2));
    const grids = await book.readSheets(['A', 'B', 'C']);
    expect(grids.map((g) => g.values.length)).toEqual([100, 200, 5]);
    expect(fake.syncCount).toBe(2);
  });

  it('retries with smaller chunks when cells are longer than estimated, staying under 5 MB', async () => {
    const { fake, book } = officeOnFake();
    const long = '广东省深圳市南山区粤海街道科技园社区科苑路'.repeat(4); // 84 CJK characters
    fake.seed(
      '名录',
      Array.from({ length: 12_000 }, (_, r) => [r, long, long, long]),
    );
    const [g] = await book.readSheets(['名录']);
    expect(g?.values).toHaveLength(12_000);
    expect(g?.text[11_999]?.[3]).toBe(long);
    const delivered = fake.syncs.filter((s) => s.responseBytes <= PAYLOAD_LIMIT_BYTES);
    const rejected = fake.syncs.length - delivered.length;
    expect(rejected).toBeGreaterThan(0);
    expect(rejected).toBeLessThanOrEqual(3);
  });
});

describe('apply', () => {
  const writeOp = (rows: number): WorkbookOp => ({
    kind: 'write',
    sheet: '结果',
    address: 'A2',
    rows: table(rows, 5),
  });

  it('writes 5 rows in two syncs: the precondition check and the write', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('结果', []);
    await book.apply([writeOp(5)]);
    expect(fake.syncCount).toBe(2);
    expect(fake.cell('结果', 'A2')?.value).toBe(1);
    expect(fake.cell('结果', 'B6')?.value).toBe('单位4-1');
  });

  it('writes 20,000 rows to a new sheet in the same two syncs when they fit the payload budget', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    await book.apply([{ kind: 'addSheet', sheet: '结果' }, writeOp(20_000)]);
    expect(fake.syncCount).toBe(2);
    expect(fake.cell('结果', 'A20001')?.value).toBe(20_000);
    expect(maxRequest(fake)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it('reads what a write into an existing sheet overwrites first: one more sync per ~4 MB of it, never one per row', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('结果', []);
    await book.apply([writeOp(20_000)]);
    const reads = Math.ceil((20_000 * 5 * READ_BYTES_PER_CELL) / PAYLOAD_BUDGET_BYTES);
    // The preconditions carry the first ~4 MB of it; then the rest, then the write.
    expect(fake.syncCount).toBe(1 + (reads - 1) + 1);
    expect(fake.cell('结果', 'A20001')?.value).toBe(20_000);
    expect(maxResponse(fake)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  it('splits a large write into one sync per budget-sized chunk, reporting progress', async () => {
    const budget = 256 * 1024;
    const { fake, book } = officeOnFake({ payloadBudgetBytes: budget });
    fake.seed('计划', [['a']]);
    const progress: [number, number][] = [];
    await book.apply([{ kind: 'addSheet', sheet: '结果' }, writeOp(20_000)], { onProgress: (d, t) => progress.push([d, t]) });
    const writes = fake.syncs.slice(1);
    const totalBytes = writes.reduce((n, s) => n + s.requestBytes, 0);
    expect(writes.every((s) => s.requestBytes <= budget + 1024)).toBe(true);
    // Chunks are packed up to the budget, so the count is what the bytes require and no more.
    expect(writes.length).toBe(Math.ceil(totalBytes / budget));
    expect(progress.at(-1)).toEqual([20_000, 20_000]);
    expect(progress.map(([d]) => d)).toEqual([...progress.map(([d]) => d)].sort((a, b) => a - b));
    expect(fake.cell('结果', 'E20001')?.value).toBe('单位19999-4');
  });

  it('lands formula-like strings and 18-digit IDs as text', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('结果', []);
    await book.apply([
      {
        kind: 'write',
        sheet: '结果',
        address: 'A1',
        rows: [
          [
            '=SUM(A1)',
            '+8613800138000',
            '-1',
            '@x',
            '110101199001011234',
            12345,
            42,
            { value: 0.5, format: '0%' },
          ],
        ],
        textColumns: [5],
      },
    ]);
    const at = (a: string) => fake.cell('结果', a);
    expect(at('A1')).toEqual({ value: '=SUM(A1)', format: '@' });
    expect(at('B1')).toEqual({ value: '+8613800138000', format: '@' });
    expect(at('C1')).toEqual({ value: '-1', format: '@' });
    expect(at('D1')).toEqual({ value: '@x', format: '@' });
    expect(at('E1')).toEqual({ value: '110101199001011234', format: '@' });
    expect(at('F1')).toEqual({ value: '12345', format: '@' });
    expect(at('G1')).toEqual({ value: 42, format: 'General' });
    expect(at('H1')).toEqual({ value: 0.5, format: '0%' });
  });

  it('leaves holes of ragged rows untouched and clears explicit nulls', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('结果', [
      ['x', 'x'],
      ['x', 'x'],
    ]);
    await book.apply([{ kind: 'write', sheet: '结果', address: 'A1', rows: [['a', null], ['b']] }]);
    expect(fake.cell('结果', 'B1')?.value).toBeNull();
    expect(fake.cell('结果', 'B2')?.value).toBe('x');
  });

  it('does not throw when protecting an already protected sheet', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('记录', [['a']], { isProtected: true, password: 'old' });
    fake.seed('结果', [['b']]);
    await book.apply([
      { kind: 'protect', sheet: '记录', password: 'new' },
      { kind: 'protect', sheet: '结果', password: 'pw' },
    ]);
    expect(fake.sheet('记录')).toMatchObject({ isProtected: true, password: 'old' });
    expect(fake.sheet('结果')).toMatchObject({ isProtected: true, password: 'pw' });
    expect(fake.sheet('结果')?.protectOptions).toMatchObject({
      allowFormatCells: false,
      allowInsertRows: false,
    });
  });

  it('refuses to write to a protected sheet unless the batch unprotects it first', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('记录', [['a']], { isProtected: true, password: 'pw' });
    const e = await rejection(book.apply([{ kind: 'write', sheet: '记录', address: 'A2', rows: [['b']] }]));
    expect(e.code).toBe('SHEET_PROTECTED');
    expect(fake.syncCount).toBe(1);
    await book.apply([
      { kind: 'unprotect', sheet: '记录', password: 'pw' },
      { kind: 'write', sheet: '记录', address: 'A2', rows: [['b']] },
      { kind: 'protect', sheet: '记录', password: 'pw' },
    ]);
    expect(fake.cell('记录', 'A2')?.value).toBe('b');
    expect(fake.sheet('记录')?.isProtected).toBe(true);
  });

  it('refuses addSheet of an existing name before any change', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    const e = await rejection(
      book.apply([
        { kind: 'addSheet', sheet: '抽取结果' },
        { kind: 'write', sheet: '抽取结果', address: 'A1', rows: [['x']] },
        { kind: 'addSheet', sheet: '计划' },
      ]),
    );
    expect(e.code).toBe('SHEET_EXISTS');
    expect(e.message).toContain('“计划”已存在');
    expect(fake.sheets.map((s) => s.name)).toEqual(['计划']);
    expect(fake.syncCount).toBe(1);
  });

  it('refuses a write to a sheet that does not exist before any change', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    const e = await rejection(
      book.apply([
        { kind: 'addSheet', sheet: '抽取结果' },
        { kind: 'write', sheet: '不存在', address: 'A1', rows: [['x']] },
      ]),
    );
    expect(e.code).toBe('NO_SUCH_SHEET');
    expect(fake.sheets.map((s) => s.name)).toEqual(['计划']);
  });

  it('removes the sheets it added when the write sync fails, and rethrows', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    fake.failOnSync(2);
    await expect(
      book.apply([
        { kind: 'addSheet', sheet: '抽取结果' },
        { kind: 'write', sheet: '抽取结果', address: 'A1', rows: [['x']] },
      ]),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(fake.sheets.map((s) => s.name)).toEqual(['计划']);
  });

  it('stops between chunks when cancelled and removes the sheets it added', async () => {
    const { fake, book } = officeOnFake({ payloadBudgetBytes: 64 * 1024 });
    fake.seed('计划', [['a']]);
    let calls = 0;
    await expect(
      book.apply(
        [
          { kind: 'addSheet', sheet: '抽取结果' },
          { kind: 'write', sheet: '抽取结果', address: 'A1', rows: table(5_000, 5) },
        ],
        { isCancelled: () => ++calls >= 2 },
      ),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fake.sheets.map((s) => s.name)).toEqual(['计划']);
  });

  it('refuses list validation below ExcelApi 1.8 with a Chinese message naming the version', async () => {
    const { fake, book } = officeOnFake({ excelApiMinor: 7 });
    fake.seed('结果', []);
    const e = await rejection(
      book.apply([{ kind: 'listValidation', sheet: '结果', address: 'C2:C9', items: ['是', '否'] }]),
    );
    expect(e.code).toBe('UNSUPPORTED_API');
    expect(e.message).toContain('ExcelApi 1.8');
    expect(fake.syncCount).toBe(1); // the precondition check only
    expect(fake.sheet('结果')?.validations).toEqual([]);
  });

  it('skips page setup below ExcelApi 1.9 and applies the rest', async () => {
    const { fake, book } = officeOnFake({ excelApiMinor: 8 });
    fake.seed('结果', []);
    await book.apply([
      { kind: 'pageSetup', sheet: '结果', setup: { orientation: 'landscape', paper: 'A4' } },
      { kind: 'write', sheet: '结果', address: 'A1', rows: [['a']] },
    ]);
    expect(fake.sheet('结果')?.pageLayout).toEqual({});
    expect(fake.cell('结果', 'A1')?.value).toBe('a');
  });

  it('applies styles, widths, heights, merges, validation, page setup and visibility in one write sync', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    await book.apply([
      { kind: 'addSheet', sheet: '一户一表' },
      {
        kind: 'style',
        sheet: '一户一表',
        address: 'A1:C2',
        style: { bold: true, border: true, horizontal: 'center', numberFormat: '@' },
      },
      { kind: 'merge', sheet: '一户一表', address: 'A1:C1' },
      { kind: 'columnWidths', sheet: '一户一表', widths: [10, 20] },
      { kind: 'rowHeights', sheet: '一户一表', fromRow: 1, heights: [30] },
      {
        kind: 'listValidation',
        sheet: '一户一表',
        address: 'C2',
        items: ['合格', '不合格'],
        prompt: '请选择',
      },
      {
        kind: 'pageSetup',
        sheet: '一户一表',
        setup: {
          orientation: 'portrait',
          paper: 'A4',
          fitToOnePageWide: true,
          printTitleRows: '1:2',
          rowBreaks: [20],
        },
      },
      { kind: 'setVisibility', sheet: '计划', visibility: 'veryHidden' },
      { kind: 'activate', sheet: '一户一表', address: 'B2' },
    ]);
    expect(fake.syncCount).toBe(2);
    const s = fake.sheet('一户一表')!;
    expect(s.formatLog).toEqual(
      expect.arrayContaining([
        { address: 'A1:C2', prop: 'font.bold', value: true },
        { address: 'A1:C2', prop: 'horizontalAlignment', value: 'Center' },
        { address: 'A1:C2', prop: 'borders.InsideHorizontal.style', value: 'Continuous' },
      ]),
    );
    expect(fake.cell('一户一表', 'C2')?.format).toBe('@');
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(s.columnWidths.get(1)).toBeCloseTo((20 * 7 + 5) * 0.75);
    expect(s.rowHeights.get(0)).toBe(30);
    expect(s.validations).toEqual([
      {
        address: 'C2',
        rule: { list: { inCellDropDown: true, source: '合格,不合格' } },
        prompt: { showPrompt: true, message: '请选择', title: '' },
      },
    ]);
    expect(s.pageLayout).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', printTitleRows: '$1:$2' });
    expect(s.pageBreaks).toEqual(['A21']);
    expect(fake.sheet('计划')?.visibility).toBe('veryHidden');
    expect(fake.selection).toEqual({ sheet: '一户一表', address: 'B2' });
  });

  it('sets a date validation with its bounds, a Chinese error alert and the prompt, in the same write sync', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    await book.apply([
      { kind: 'addSheet', sheet: '检查结果' },
      { kind: 'dateValidation', sheet: '检查结果', address: 'E5:E9', min: '2025-04-01', prompt: '填写检查日期' },
      { kind: 'dateValidation', sheet: '检查结果', address: 'F5', min: '2025-01-01', max: '2025-12-31' },
      { kind: 'dateValidation', sheet: '检查结果', address: 'G5', max: '2025-12-31' },
    ]);
    expect(fake.syncCount).toBe(2);
    expect(fake.sheet('检查结果')!.validations).toEqual([
      {
        address: 'E5:E9',
        rule: { date: { formula1: '2025-04-01', operator: 'GreaterThanOrEqualTo' } },
        errorAlert: { showAlert: true, style: 'Stop', title: '日期无效', message: '请填写日期（如 2025-06-03），且不早于 2025-04-01。' },
        prompt: { showPrompt: true, message: '填写检查日期', title: '' },
      },
      expect.objectContaining({ address: 'F5', rule: { date: { formula1: '2025-01-01', formula2: '2025-12-31', operator: 'Between' } } }),
      expect.objectContaining({ address: 'G5', rule: { date: { formula1: '2025-12-31', operator: 'LessThanOrEqualTo' } } }),
    ]);
  });

  it('refuses a date validation below ExcelApi 1.8, or with a bound that is not YYYY-MM-DD, before any change', async () => {
    const old = officeOnFake({ excelApiMinor: 7 });
    old.fake.seed('结果', []);
    const e = await rejection(old.book.apply([{ kind: 'dateValidation', sheet: '结果', address: 'E5', min: '2025-04-01' }]));
    expect(e.code).toBe('UNSUPPORTED_API');
    const { fake, book } = officeOnFake();
    fake.seed('结果', []);
    const bad = await rejection(book.apply([{ kind: 'dateValidation', sheet: '结果', address: 'E5', min: '2025/4/1' }]));
    expect(bad.code).toBe('BAD_DATE');
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet('结果')?.validations).toEqual([]);
  });

  it('checks expectValue preconditions in the first sync and refuses a changed cell before any change', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('抽取记录', [['链头哈希', 'abc']]);
    await book.apply([
      { kind: 'expectValue', sheet: '抽取记录', address: 'B1', value: 'abc' },
      { kind: 'write', sheet: '抽取记录', address: 'B1', rows: [['def']] },
    ]);
    // The preconditions, the write, and the expected cell read again (a co-author's write).
    expect(fake.syncCount).toBe(3);
    fake.resetSyncs();
    const e = await rejection(
      book.apply([
        { kind: 'addSheet', sheet: '临时' },
        { kind: 'expectValue', sheet: '抽取记录', address: 'B1', value: 'abc' },
      ]),
    );
    expect(e.code).toBe('CONFLICT');
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet('临时')).toBeUndefined();
    await expect(
      book.apply([{ kind: 'expectValue', sheet: '不存在', address: 'A1', value: '' }]),
    ).rejects.toMatchObject({
      code: 'NO_SUCH_SHEET',
    });
  });

  it('refuses to hide the last visible sheet before any change', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    const e = await rejection(book.apply([{ kind: 'setVisibility', sheet: '计划', visibility: 'hidden' }]));
    expect(e.code).toBe('LAST_VISIBLE_SHEET');
    expect(fake.syncCount).toBe(1);
  });
});

describe('select', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['a']]);
    fake.seed('名录', [['b']]);
    await book.select('名录', 'C7');
    expect(fake.activeSheet).toBe('名录');
    expect(fake.selection).toEqual({ sheet: '名录', address: 'C7' });
    expect(fake.syncCount).toBe(1);
  });

  it('reports a missing sheet in Chinese', async () => {
    const { book } = officeOnFake();
    await expect(book.select('不存在', 'A1')).rejects.toMatchObject({ code: 'NO_SUCH_SHEET' });
  });
});

describe('copySheet through Office.js', () => {
  it('copies the template with Worksheet.copy and names the copy, in one write sync', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('模板', [['名称', null]]);
    fake.resetSyncs();
    await book.apply([
      { kind: 'copySheet', source: '模板', sheet: '记录表-001' },
      { kind: 'write', sheet: '记录表-001', address: 'B1', rows: [['邢台仁济堂大药房']] },
    ]);
    expect(fake.sheets.map((s) => s.name)).toEqual(['模板', '记录表-001']);
    expect(fake.cell('记录表-001', 'B1')?.value).toBe('邢台仁济堂大药房');
    expect(fake.cell('模板', 'B1')).toBeUndefined();
    expect(fake.syncCount).toBe(2);
  });
});
