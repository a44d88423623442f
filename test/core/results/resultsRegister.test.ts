import type { WorkbookOp } from '../../../src/core/workbookOps';
import {
  FOLLOW_UP_OPTIONS,
  parseResultsIdentity,
  readResults,
  RESULTS_REGISTER_HEADER,
  resultsIdentityLine,
  resultsRegisterName,
  resultsRegisterOps,
} from '../../../src/core/results';
import { validateWorkbook } from '../../../src/core/validate';
import { addResultsSheet, drawnBook, makeDraw, TODAY } from './resultsFixture';

describe('resultsRegisterName', () => {
  it('names the sheet after plan, task and log number, within 31 characters and not taken', () => {
    const d = makeDraw(3, '2025-04-01', [{ target: 'T1', depts: ['医保'] }]);
    expect(resultsRegisterName(d, [])).toBe('检查结果-2025009-003-3');
    expect(resultsRegisterName(d, ['检查结果-2025009-003-3'])).toBe('检查结果-2025009-003-3 (2)');
    const long = { ...d, record: { ...d.record, task: { ...d.record.task, planNo: 'X'.repeat(40) } } };
    expect(Array.from(resultsRegisterName(long, [])).length).toBeLessThanOrEqual(31);
  });

  it('replaces characters Excel forbids in sheet names', () => {
    const d = makeDraw(1, '2025-04-01', [{ target: 'T1', depts: ['医保'] }]);
    const odd = { ...d, record: { ...d.record, task: { ...d.record.task, taskNo: '1/2' } } };
    expect(resultsRegisterName(odd, [])).toBe('检查结果-2025009-1_2-1');
  });
});

describe('resultsIdentityLine / parseResultsIdentity', () => {
  it('round-trips the log number and the chain hash', () => {
    const d = makeDraw(7, '2025-04-01', [{ target: 'T1', depts: ['医保'] }]);
    expect(parseResultsIdentity(resultsIdentityLine(d))).toEqual({ seq: 7, hash: '7'.repeat(64) });
    expect(parseResultsIdentity('抽取记录第 7 条')).toBeNull();
  });
});

describe('resultsRegisterOps', () => {
  it('adds one unprotected sheet with the targets after 递补, text identifiers, drop-downs and a date validation', async () => {
    const { draws } = await drawnBook();
    const d = draws[0]!;
    const ops = resultsRegisterOps(d, '检查结果-x');
    expect(ops.filter((o) => o.kind === 'addSheet')).toEqual([{ kind: 'addSheet', sheet: '检查结果-x' }]);
    expect(ops.every((o) => 'sheet' in o && o.sheet === '检查结果-x')).toBe(true);
    expect(ops.some((o) => o.kind === 'protect')).toBe(false);
    const rows = ops.find((o): o is Extract<WorkbookOp, { kind: 'write' }> => o.kind === 'write' && o.address === 'A5')!;
    expect(rows.textColumns).toEqual([1, 2]);
    expect(rows.rows).toHaveLength(d.teams.length);
    expect(rows.rows[0]).toEqual([1, d.context.targets[d.teams[0]!.target]!.name, d.context.targets[d.teams[0]!.target]!.uscc]);
    const last = 4 + d.teams.length;
    expect(ops).toContainEqual(
      expect.objectContaining({ kind: 'listValidation', address: `D5:D${last}`, items: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], prompt: expect.stringContaining('4 通过登记的住所（经营场所）无法取得联系') }),
    );
    expect(ops).toContainEqual(expect.objectContaining({ kind: 'listValidation', address: `G5:G${last}`, items: [...FOLLOW_UP_OPTIONS] }));
    // 上报时间 next to 检查日期 (乌鲁木齐 2023: reported within 24 hours of the check).
    expect(ops).toContainEqual(expect.objectContaining({ kind: 'dateValidation', address: `F5:F${last}`, min: '2025-04-01' }));
    expect(ops).toContainEqual({ kind: 'style', sheet: '检查结果-x', address: `F5:F${last}`, style: { numberFormat: 'yyyy-mm-dd hh:mm', horizontal: 'center' } });
    expect(ops).toContainEqual(expect.objectContaining({ kind: 'dateValidation', address: `E5:E${last}`, min: '2025-04-01' }));
    expect(ops).toContainEqual({ kind: 'style', sheet: '检查结果-x', address: `E5:E${last}`, style: { numberFormat: 'yyyy-mm-dd', horizontal: 'center' } });
    const setup = ops.find((o): o is Extract<WorkbookOp, { kind: 'pageSetup' }> => o.kind === 'pageSetup')!.setup;
    expect(setup).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToOnePageWide: true, printTitleRows: '4:4' });
    const widths = ops.find((o): o is Extract<WorkbookOp, { kind: 'columnWidths' }> => o.kind === 'columnWidths')!.widths;
    // ≈ 7 px per character + 5 px padding, 96 dpi: under A4 landscape's 10.69 in between 0.5 in margins.
    expect(widths.reduce((a, w) => a + w * 7 + 5, 0) / 96).toBeLessThan(10.69);
  });

  it('writes what readResults reads back as the draw, all pending, without findings', async () => {
    const { book, draws } = await drawnBook();
    const sheet = await addResultsSheet(book, draws[0]!);
    const grids = await book.readSheets((await book.listSheets()).map((s) => s.name));
    const reading = readResults(grids, draws, { today: TODAY });
    expect(reading.findings).toEqual([]);
    expect(reading.sheets).toEqual([{ sheet, seq: 1 }]);
    expect(reading.draws[0]).toMatchObject({ seq: 1, sheet, entered: 0, pending: draws[0]!.teams.length });
    const header = grids.find((g) => g.sheet === sheet)!.text[3]!.map((t) => t.replace(/\n/g, ''));
    expect(header).toEqual([...RESULTS_REGISTER_HEADER]);
    expect(book.sheet(sheet)!.isProtected).toBe(false);
  });

  it('is never read as one of the bureau tables', async () => {
    const { book, draws } = await drawnBook();
    const before = validateWorkbook(await book.readSheets((await book.listSheets()).map((s) => s.name)));
    await addResultsSheet(book, draws[0]!);
    const after = validateWorkbook(await book.readSheets((await book.listSheets()).map((s) => s.name)));
    expect(after.tables).toEqual(before.tables);
    expect(after.findings).toEqual(before.findings);
  });
});
