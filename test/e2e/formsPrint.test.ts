/**
 * Prints the record forms (一户一表) the way a bureau would: ops → ExcelJS .xlsx → LibreOffice PDF,
 * then checks with poppler that every target gets exactly one A4 page carrying its name, its
 * inspectors and the 说明. The PDF is kept in test-output/forms/forms.pdf for a look by eye
 * (`pdftoppm -png -r 60 test-output/forms/forms.pdf /tmp/formpage`).
 * Needs LibreOffice Calc and poppler: apt-get install -y libreoffice-calc poppler-utils.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildRecordFormsOps } from '../../src/core/forms';
import { createXlsxWorkbook } from '../../src/workbook/xlsx';
import { inspectorNames, makeContext, makeRecord } from '../core/forms/formFixture';
import { cleanUp, run, toPdf } from './libreOffice';

const repoRoot = path.resolve(__dirname, '../..');
const outDir = path.join(repoRoot, 'test-output', 'forms');

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('record forms printed through LibreOffice', () => {
  const record = makeRecord();
  const context = makeContext();
  let tmp = '';
  let pdf = '';

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-forms-'));
    const book = createXlsxWorkbook();
    await book.apply(buildRecordFormsOps(record, context));
    const xlsx = path.join(tmp, 'forms.xlsx');
    writeFileSync(xlsx, await book.save());
    pdf = toPdf(xlsx);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(pdf, path.join(outDir, 'forms.pdf'));
    copyFileSync(xlsx, path.join(outDir, 'forms.xlsx'));
  }, 120_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    cleanUp();
  });

  it('prints exactly one A4 page per target', () => {
    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${record.result.length}$`, 'm'));
    // A4 is 595 × 842 pt.
    expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)?|Page size:\s+595(\.\d+)? x 842/);
  });

  it('puts each target with its inspectors and the 说明 on its own page', () => {
    record.result.forEach((entry, i) => {
      const page = squash(run('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-']));
      const target = context.targets[entry.target]!;
      expect(page).toContain(squash(target.name));
      for (const name of inspectorNames(record, context, entry.target)) expect(page).toContain(name);
      expect(page).toContain('说明：（1）检查结果栏填写相应编号');
      expect(page).toContain('部门联合抽查检查情况记录表');
      // No other target leaks onto this page.
      for (const other of record.result.filter((e) => e !== entry)) {
        expect(page).not.toContain(squash(context.targets[other.target]!.name));
      }
    });
  });
});
