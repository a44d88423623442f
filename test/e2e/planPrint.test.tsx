/**
 * @jest-environment jsdom
 *
 * #9's acceptance: a new plan table created through the pane (编制计划) on an .xlsx workbook, filled
 * with two plans and three tasks, validates with no finding and prints on A4 landscape through
 * LibreOffice. The PDF is kept in test-output/plan/plan.pdf for a look by eye
 * (`pdftoppm -png -r 60 test-output/plan/plan.pdf /tmp/planpage`).
 * Needs LibreOffice Calc and poppler: apt-get install -y libreoffice-calc poppler-utils.
 */
import '../taskpane/setupDom';
import { fireEvent, screen } from '@testing-library/react';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateWorkbook } from '../../src/core/validate';
import { createXlsxWorkbook } from '../../src/workbook/xlsx';
import { openStep, renderApp } from '../taskpane/appHarness';
import { fillPlanThroughPane } from '../taskpane/planPaneSteps';
import { installDomPolyfills } from '../taskpane/setupDom';
import { cleanUp, run, toPdf } from './libreOffice';

beforeAll(installDomPolyfills);

const outDir = path.resolve(__dirname, '../../test-output/plan');
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('a plan table made in the pane, printed', () => {
  let tmp = '';
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    cleanUp();
  });

  it('validates with no finding and prints the table on one A4 landscape page', async () => {
    const book = createXlsxWorkbook();
    await book.apply([{ kind: 'addSheet', sheet: 'Sheet1' }]);
    renderApp(book);
    fireEvent.click(screen.getByRole('button', { name: /读取并校验/ }));
    await screen.findByText('找到的表格');
    openStep('编制计划');
    await screen.findByRole('region', { name: '单位设置' });
    await fillPlanThroughPane();

    const sheets = (await book.listSheets()).map((s) => s.name);
    expect(sheets).toEqual(['Sheet1', '_ssj_settings', '2025年度随机抽查工作计划']);
    const report = validateWorkbook(await book.readSheets(sheets));
    expect(report.findings).toEqual([]);
    expect(report.tasks).toHaveLength(3);

    // Print only the plan sheet, as the bureau would.
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-plan-'));
    await book.apply([{ kind: 'deleteSheet', sheet: 'Sheet1' }]);
    const xlsx = path.join(tmp, 'plan.xlsx');
    writeFileSync(xlsx, await book.save());
    const pdf = toPdf(xlsx);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(pdf, path.join(outDir, 'plan.pdf'));
    copyFileSync(xlsx, path.join(outDir, 'plan.xlsx'));

    const info = run('pdfinfo', [pdf]);
    expect(info).toMatch(/^Pages:\s+1$/m);
    // A4 landscape is 842 × 595 pt.
    expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 595(\.\d+)?/);
    const text = squash(run('pdftotext', [pdf, '-']));
    for (const expected of ['邢台市医疗保障局2025年度随机抽查工作计划', '抽查计划编号', '2025年邢台市医疗保障局随机抽查002', '2025年9-11月', '抽查时间必须填到月份']) {
      expect(text).toContain(expected);
    }
  }, 180_000);
});
