/**
 * The drawn book as other software sees it: ExcelJS re-reads the protection and the very-hidden
 * data sheet; LibreOffice (headless) opens the book, converts it, and keeps both log sheets
 * protected; the protection password works and a wrong one is refused.
 * Needs LibreOffice Calc: apt-get install -y libreoffice-calc.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DATA_SHEET, LOG_SHEET } from '../../src/core/log';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { RESULT, TASK, run, sampleIo } from '../cli/logFixture';
import { cleanUp, soffice } from './libreOffice';

const PASSWORD = '邢台2025';

type SheetState = { state: string; isProtected: boolean; protection: Record<string, unknown> | null };

/**
 * Each sheet's visibility and protection as ExcelJS reads the file. LibreOffice writes
 * `<sheetProtection sheet="true" …/>`, which ExcelJS parses without `sheet` (it expects "1"), so a
 * present `<sheetProtection>` element counts as protected there: LibreOffice omits it otherwise.
 */
async function sheetState(file: string, elementMeansProtected = false): Promise<Record<string, SheetState>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const out: Record<string, SheetState> = {};
  for (const ws of wb.worksheets) {
    const p = (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection ?? null;
    out[ws.name] = {
      state: ws.state,
      isProtected: elementMeansProtected ? p !== null : p?.sheet === true,
      protection: p,
    };
  }
  return out;
}

describe('the drawn book in ExcelJS and LibreOffice', () => {
  let tmp = '';
  let book = '';
  let bytes: Uint8Array = new Uint8Array();

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-log-'));
    const io = await sampleIo();
    const r = await run(io, 'draw', 'b.xlsx', '--task', TASK, '--password', PASSWORD, '-o', 'd.xlsx');
    expect(r.code).toBe(0);
    bytes = io.files.get('/work/d.xlsx')!;
    book = path.join(tmp, 'drawn.xlsx');
    writeFileSync(book, bytes);
  });

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    cleanUp();
  });

  it('keeps 抽取记录 and _ssj_data protected and _ssj_data very hidden', async () => {
    const s = await sheetState(book);
    expect(s[LOG_SHEET]).toMatchObject({ state: 'visible', isProtected: true });
    expect(s[DATA_SHEET]).toMatchObject({ state: 'veryHidden', isProtected: true });
    expect(s[LOG_SHEET]!.protection).toMatchObject({ algorithmName: 'SHA-512' });
    expect(s[RESULT]!.isProtected).toBe(true);
  });

  it('opens in LibreOffice headless (converts to PDF)', () => {
    soffice(['--convert-to', 'pdf', '--outdir', tmp, book]);
    const pdf = path.join(tmp, 'drawn.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('LibreOffice reads the log sheets as protected, and the password still works on what it writes', async () => {
    const outDir = path.join(tmp, 'lo');
    soffice(['--convert-to', 'xlsx', '--outdir', outDir, book]);
    const converted = path.join(outDir, 'drawn.xlsx');
    expect(existsSync(converted)).toBe(true);
    const s = await sheetState(converted, true);
    expect(s[LOG_SHEET]!.isProtected).toBe(true);
    expect(s[DATA_SHEET]!.isProtected).toBe(true);
    // LibreOffice keeps the sheet hidden (it writes veryHidden as hidden) and keeps the password hash.
    expect(s[DATA_SHEET]!.state).not.toBe('visible');
    expect(s[LOG_SHEET]!.protection).toMatchObject({ algorithmName: 'SHA-512' });
  });

  it('verify after a LibreOffice re-save: protection read as kept, the hidden data sheet explained, not called a tamper', async () => {
    const outDir = path.join(tmp, 'lo2');
    soffice(['--convert-to', 'xlsx', '--outdir', outDir, book]);
    const io = await sampleIo();
    io.files.set('/work/lo.xlsx', new Uint8Array(readFileSync(path.join(outDir, 'drawn.xlsx'))));
    const r = await run(io, 'verify', 'lo.xlsx', '--json');
    expect(r.code).toBe(0);
    const findings = (JSON.parse(r.out) as { findings: { code: string }[] }).findings.map((f) => f.code);
    expect(findings).not.toContain('LOG_UNPROTECTED');
    expect(findings).not.toContain('RESULT_UNPROTECTED');
    expect(findings).toEqual(['LOG_DATA_VISIBLE']);
  });

  it('the password works and a wrong one is refused', async () => {
    const wrong = await openXlsxWorkbook(bytes, 'd.xlsx');
    await expect(
      wrong.apply([{ kind: 'unprotect', sheet: LOG_SHEET, password: '错误密码' }]),
    ).rejects.toMatchObject({ code: 'WRONG_PASSWORD' });
    const right = await openXlsxWorkbook(bytes, 'd.xlsx');
    await right.apply([{ kind: 'unprotect', sheet: LOG_SHEET, password: PASSWORD }]);
    expect((await right.listSheets()).find((s) => s.name === LOG_SHEET)!.isProtected).toBe(false);
  });

  it('commands that append need the password; with it the log verifies', async () => {
    const io = await sampleIo();
    io.files.set('/work/d.xlsx', bytes);
    const no = await run(io, 'void', 'd.xlsx', '--draw', '1', '--reason', '测试');
    expect(no.code).toBe(2);
    expect(no.err).toMatch(/保护密码不正确/);
    const yes = await run(io, 'void', 'd.xlsx', '--draw', '1', '--reason', '测试', '--password', PASSWORD);
    expect(yes.code).toBe(0);
    expect((await run(io, 'verify', 'd.void.xlsx')).code).toBe(0);
  });
});
