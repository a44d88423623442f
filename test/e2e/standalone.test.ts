/**
 * The standalone page (dist/standalone.html) in headless Chromium: choose the demo .xlsx, 读取校验,
 * 抽取 2025002/001 with a local seed, 记录表, then 下载结果 and check the downloaded workbook. No
 * request may leave 127.0.0.1. Needs Debian's chromium: apt-get install -y chromium.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { buildOnce, closeServer, launchChromium, screenshotPath, serve } from './buildOnce';
import { sampleXlsxBytes } from './sampleSeed';

describe('standalone.html', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  let tmp = '';

  beforeAll(async () => {
    browser = await launchChromium();
    const build = await buildOnce();
    ({ server, baseUrl } = await serve(build.dir));
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-standalone-'));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('runs 读取校验 → 抽取 → 记录表 on a chosen .xlsx and downloads the result', async () => {
    if (!browser) throw new Error('browser did not start');
    const file = path.join(tmp, '示例-邢台市医疗保障局2025.xlsx');
    writeFileSync(file, await sampleXlsxBytes());
    const page = await browser.newPage({ viewport: { width: 800, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    const offsite: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.hostname !== '127.0.0.1') offsite.push(request.url());
    });
    await page.goto(`${baseUrl}/standalone.html`);
    await page.getByText(/不联网，工作簿不会上传或离开这台电脑/).waitFor({ timeout: 10_000 });

    // A CSV is refused in Chinese.
    await page.setInputFiles('input[type=file]', { name: '名录.csv', mimeType: 'text/csv', buffer: Buffer.from('名称,代码\n甲,1\n') });
    await page.getByText('无法处理该文件').waitFor({ timeout: 15_000 });

    await page.setInputFiles('input[type=file]', file);
    await page.getByText('当前：示例-邢台市医疗保障局2025.xlsx', { exact: false }).waitFor({ timeout: 15_000 });
    // The workbook is parsed and validated in a Web Worker, off the page's main thread.
    expect(page.workers()).toHaveLength(1);
    await page.getByRole('button', { name: '读取并校验' }).click();
    const tables = page.getByRole('list', { name: '找到的表格（共 5 个）' });
    await tables.waitFor({ timeout: 15_000 });
    expect(await tables.textContent()).toContain('年度随机抽查工作计划');
    await page.getByText('建议改为：2025年邢台市医疗保障局随机抽查001').first().waitFor();
    await page.screenshot({ path: screenshotPath('standalone-1-check-800.png'), fullPage: true });

    await page.getByRole('button', { name: '第 3 步：抽取' }).click();
    await page.getByRole('combobox', { name: /抽查任务/ }).click();
    await page.getByRole('option', { name: /^2025002\/001 / }).click();
    await page.getByRole('textbox', { name: /操作人/ }).fill('王小明');
    await page.getByRole('radio', { name: /本地随机/ }).check();
    await page.getByRole('button', { name: '抽取…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '抽取', exact: true }).click();
    const result = page.getByRole('list', { name: '抽中的检查对象及检查组' });
    await result.waitFor({ timeout: 15_000 });
    // How many depends on today's date (recently inspected targets are left out): the list and the summary agree.
    const drawn = await result.getByRole('listitem').count();
    expect(drawn).toBeGreaterThan(0);
    await page.getByText(new RegExp(`抽中 ${drawn} 个检查对象`)).waitFor();
    expect(await result.textContent()).toMatch(/（组长）/);
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: screenshotPath('standalone-2-draw-320.png'), fullPage: true });
    await page.setViewportSize({ width: 800, height: 900 });

    await page.getByRole('button', { name: '第 5 步：记录表' }).click();
    await page.getByRole('button', { name: '生成记录表' }).click();
    await page.getByText('记录表已生成').waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: '第 6 步：结果公示' }).click();
    await page.getByRole('button', { name: '下载公示 CSV' }).waitFor();
    await page.screenshot({ path: screenshotPath('standalone-5-publish-800.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
    expect(download.suggestedFilename()).toBe('示例-邢台市医疗保障局2025.结果.xlsx');
    const saved = path.join(tmp, 'downloaded.xlsx');
    await download.saveAs(saved);
    const book = await openXlsxWorkbook(new Uint8Array(readFileSync(saved)), 'downloaded.xlsx');
    const names = (await book.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['抽取记录', '抽取结果-2025002-001', '记录表-2025002-001']));

    await page.close();
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
  }, 90_000);
});
