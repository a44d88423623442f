/**
 * The shared batch check (src/workbook/checkBatch.ts), run through every adapter: each refusal has
 * the same code in Excel (Office adapter on the fake), in the CLI and page (xlsx) and in tests
 * (memory), and each refused batch leaves the book as it was.
 */
import type { WorkbookOp, WorkbookPort } from '../../src/workbook/port';
import { createMemoryWorkbook } from '../../src/workbook/memory';
import { createOfficeWorkbook } from '../../src/workbook/office';
import { createXlsxWorkbook } from '../../src/workbook/xlsx';
import { checkBatch } from '../../src/workbook/checkBatch';
import { FakeExcel } from './fakeExcel';
import { rejection } from './rejection';

type Adapter = 'office' | 'xlsx' | 'memory';
const ADAPTERS: Adapter[] = ['office', 'xlsx', 'memory'];

/** A book with 计划 (visible), 名录 (visible), 记录 (protected) and _ssj_settings (very hidden), built through the port itself. */
async function makeBook(adapter: Adapter): Promise<{ port: WorkbookPort; fake: FakeExcel }> {
  const fake = new FakeExcel();
  const port =
    adapter === 'office'
      ? createOfficeWorkbook(fake.excelRun, fake.requirements)
      : adapter === 'xlsx'
        ? createXlsxWorkbook()
        : createMemoryWorkbook();
  await port.apply([
    { kind: 'addSheet', sheet: '计划' },
    { kind: 'write', sheet: '计划', address: 'A1', rows: [['抽查计划编号', '名称']] },
    { kind: 'addSheet', sheet: '名录' },
    { kind: 'addSheet', sheet: '记录' },
    { kind: 'write', sheet: '记录', address: 'A1', rows: [['链头']] },
    { kind: 'protect', sheet: '记录', password: 'pw' },
    { kind: 'addSheet', sheet: '_ssj_settings', visibility: 'veryHidden' },
  ]);
  return { port, fake };
}

/** The sheets and the cells a test may have touched, to compare before and after. */
async function snapshot(port: WorkbookPort): Promise<unknown> {
  const sheets = await port.listSheets();
  const grids = await port.readSheets(sheets.map((s) => s.name));
  return { sheets, text: grids.map((g) => g.text) };
}

const CASES: { what: string; ops: WorkbookOp[]; code: string; message?: RegExp }[] = [
  { what: 'adds a sheet whose name exists in another case', ops: [{ kind: 'addSheet', sheet: '名录' }], code: 'SHEET_EXISTS', message: /“名录”已存在/ },
  { what: 'adds a sheet named with a slash', ops: [{ kind: 'addSheet', sheet: '2025/01' }], code: 'BAD_SHEET_NAME', message: /工作表名称“2025\/01”无效/ },
  { what: 'adds a sheet named History', ops: [{ kind: 'addSheet', sheet: 'History' }], code: 'BAD_SHEET_NAME' },
  { what: 'adds a sheet with a 32-character name', ops: [{ kind: 'addSheet', sheet: '医'.repeat(32) }], code: 'BAD_SHEET_NAME' },
  { what: 'copies to a name that ends in an apostrophe', ops: [{ kind: 'copySheet', source: '计划', sheet: "计划'" }], code: 'BAD_SHEET_NAME' },
  { what: 'copies a sheet that does not exist', ops: [{ kind: 'copySheet', source: '模板', sheet: '副本' }], code: 'NO_SUCH_SHEET', message: /找不到工作表“模板”/ },
  { what: 'renames a sheet to a name another sheet has', ops: [{ kind: 'renameSheet', sheet: '名录', to: '计划' }], code: 'SHEET_EXISTS' },
  { what: 'renames a sheet to a name with a colon', ops: [{ kind: 'renameSheet', sheet: '名录', to: '名录:2025' }], code: 'BAD_SHEET_NAME' },
  { what: 'renames a sheet that does not exist', ops: [{ kind: 'renameSheet', sheet: '旧表', to: '新名' }], code: 'NO_SUCH_SHEET' },
  {
    what: 'writes to a sheet under the name it had before a rename in the batch',
    ops: [
      { kind: 'renameSheet', sheet: '名录', to: '名录2025' },
      { kind: 'write', sheet: '名录', address: 'A1', rows: [['x']] },
    ],
    code: 'NO_SUCH_SHEET',
  },
  { what: 'writes to a sheet that does not exist', ops: [{ kind: 'write', sheet: '结果', address: 'A1', rows: [['x']] }], code: 'NO_SUCH_SHEET' },
  {
    what: 'writes to a sheet deleted earlier in the batch',
    ops: [
      { kind: 'deleteSheet', sheet: '名录' },
      { kind: 'write', sheet: '名录', address: 'A1', rows: [['x']] },
    ],
    code: 'NO_SUCH_SHEET',
  },
  {
    what: 'deletes the last visible sheets',
    ops: [
      { kind: 'deleteSheet', sheet: '名录' },
      { kind: 'deleteSheet', sheet: '记录' },
      { kind: 'deleteSheet', sheet: '计划' },
    ],
    code: 'LAST_VISIBLE_SHEET',
  },
  {
    what: 'hides the last visible sheet',
    ops: [
      { kind: 'setVisibility', sheet: '计划', visibility: 'hidden' },
      { kind: 'setVisibility', sheet: '名录', visibility: 'veryHidden' },
      { kind: 'setVisibility', sheet: '记录', visibility: 'hidden' },
    ],
    code: 'LAST_VISIBLE_SHEET',
  },
  { what: 'activates a very hidden sheet', ops: [{ kind: 'activate', sheet: '_ssj_settings' }], code: 'SHEET_HIDDEN', message: /已隐藏，不能激活/ },
  { what: 'writes at an address that is not one', ops: [{ kind: 'write', sheet: '名录', address: 'A0', rows: [['x']] }], code: 'BAD_ADDRESS' },
  { what: 'styles a range past column XFD', ops: [{ kind: 'style', sheet: '名录', address: 'A1:XFE2', style: { bold: true } }], code: 'BAD_ADDRESS' },
  { what: 'sets a print area that is not a range', ops: [{ kind: 'pageSetup', sheet: '名录', setup: { orientation: 'portrait', paper: 'A4', printArea: 'A1-F9' } }], code: 'BAD_ADDRESS' },
  { what: 'offers a drop-down item with a comma', ops: [{ kind: 'listValidation', sheet: '名录', address: 'C2', items: ['是', '否,不'] }], code: 'BAD_LIST' },
  { what: 'offers an empty drop-down', ops: [{ kind: 'listValidation', sheet: '名录', address: 'C2', items: [] }], code: 'BAD_LIST' },
  { what: 'bounds a date validation with a dotted date', ops: [{ kind: 'dateValidation', sheet: '名录', address: 'E5', min: '01.04.2025' }], code: 'BAD_DATE' },
  { what: 'bounds a date validation the wrong way round', ops: [{ kind: 'dateValidation', sheet: '名录', address: 'E5', min: '2025-12-31', max: '2025-01-01' }], code: 'BAD_DATE' },
  { what: 'writes to a protected sheet', ops: [{ kind: 'write', sheet: '记录', address: 'A2', rows: [['x']] }], code: 'SHEET_PROTECTED', message: /“记录”受保护/ },
  {
    what: 'fills a copy of a protected sheet (Excel keeps the protection in the copy)',
    ops: [
      { kind: 'copySheet', source: '记录', sheet: '记录副本' },
      { kind: 'write', sheet: '记录副本', address: 'B2', rows: [['甲']] },
    ],
    code: 'SHEET_PROTECTED',
    message: /复制自受保护的“记录”/,
  },
];

describe.each(ADAPTERS)('checkBatch through the %s adapter', (adapter) => {
  it.each(CASES)('refuses a batch that $what, changing nothing', async ({ ops, code, message }) => {
    const { port, fake } = await makeBook(adapter);
    const before = await snapshot(port);
    const batch: WorkbookOp[] = [
      { kind: 'addSheet', sheet: '新表', visibility: 'hidden' },
      { kind: 'write', sheet: '计划', address: 'A2', rows: [['2025001']] },
      ...ops,
    ];
    fake.resetSyncs();
    const e = await rejection(port.apply(batch));
    // Refused in the precondition reads, before Excel changed anything (a missing sheet fails the
    // first read, which is then asked again for the sheets alone).
    if (adapter === 'office') expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(e.code).toBe(code);
    if (message) expect(e.message).toMatch(message);
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot(port)).toEqual(before);
  });

  it('accepts unprotect → write → protect on the protected sheet', async () => {
    const { port } = await makeBook(adapter);
    await port.apply([
      { kind: 'unprotect', sheet: '记录', password: 'pw' },
      { kind: 'write', sheet: '记录', address: 'A2', rows: [['第一条']] },
      { kind: 'protect', sheet: '记录', password: 'pw' },
    ]);
    const [g] = await port.readSheets(['记录']);
    expect(g?.text).toEqual([['链头'], ['第一条']]);
    expect((await port.listSheets()).find((s) => s.name === '记录')?.isProtected).toBe(true);
  });
});

describe('checkBatch', () => {
  const sheets = [
    { name: '计划', visibility: 'visible' as const, isProtected: false },
    { name: '记录', visibility: 'visible' as const, isProtected: true },
  ];

  it('marks protect of a protected sheet and unprotect of an unprotected one as skipped', () => {
    const out = checkBatch(
      [
        { kind: 'protect', sheet: '记录' },
        { kind: 'unprotect', sheet: '计划' },
        { kind: 'unprotect', sheet: '记录' },
      ],
      sheets,
    );
    expect(out.ops.map((o) => o.skip)).toEqual([true, true, false]);
  });

  it('lists the sheets a batch adds, less those it deletes again', () => {
    const out = checkBatch(
      [
        { kind: 'addSheet', sheet: '甲' },
        { kind: 'addSheet', sheet: '乙' },
        { kind: 'deleteSheet', sheet: '甲' },
      ],
      sheets,
    );
    expect(out.added).toEqual(['乙']);
  });

  it('refuses adding, deleting or hiding sheets when the workbook structure is protected, in Chinese', () => {
    for (const op of [
      { kind: 'addSheet', sheet: '结果' },
      { kind: 'deleteSheet', sheet: '计划' },
      { kind: 'setVisibility', sheet: '计划', visibility: 'hidden' },
      { kind: 'renameSheet', sheet: '计划', to: '计划表' },
    ] as WorkbookOp[]) {
      expect(() => checkBatch([op], sheets, { isStructureProtected: true })).toThrow(/工作簿结构受保护.*审阅 → 保护工作簿/);
    }
    expect(checkBatch([{ kind: 'write', sheet: '计划', address: 'A1', rows: [['x']] }], sheets, { isStructureProtected: true }).ops).toHaveLength(1);
  });

  it('refuses what the host lacks with the message it is given, and skips page setup instead', () => {
    const unavailable = { listValidation: '需要 ExcelApi 1.8', pageSetup: '需要 ExcelApi 1.9' };
    expect(() => checkBatch([{ kind: 'listValidation', sheet: '计划', address: 'A1', items: ['是'] }], sheets, { unavailable })).toThrow('需要 ExcelApi 1.8');
    const out = checkBatch([{ kind: 'pageSetup', sheet: '计划', setup: { orientation: 'portrait', paper: 'A4' } }], sheets, { unavailable });
    expect(out.ops[0]?.skip).toBe(true);
  });

  it('lets values into a protected sheet only where the adapter says every target cell is unlocked', () => {
    const write: WorkbookOp = { kind: 'write', sheet: '记录', address: 'B2', rows: [['甲', '乙']] };
    const seen: string[] = [];
    const isUnlocked = (sheet: string, box: { top: number; left: number; bottom: number; right: number }) => {
      seen.push(`${sheet}:${box.top},${box.left},${box.bottom},${box.right}`);
      return true;
    };
    expect(checkBatch([write], sheets, { isUnlocked }).ops).toHaveLength(1);
    expect(seen).toEqual(['记录:1,1,1,2']);
    expect(() => checkBatch([{ kind: 'style', sheet: '记录', address: 'B2', style: { bold: true } }], sheets, { isUnlocked })).toThrow(/受保护/);
  });
});
