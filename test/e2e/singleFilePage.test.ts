/**
 * shuangsuiji.html, the standalone page as one file: copied alone into an empty folder and opened
 * from file:// in Chromium (WPS's browser is Chromium-based), it runs 读取校验 → 抽取 → 记录表 and
 * downloads the result, loading nothing but itself. A page with a Web Worker, built with the same
 * config, starts its worker from the file too. Needs Debian's chromium: apt-get install -y chromium.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { buildAsStandalonePage, buildOnce, launchChromium, screenshotPath } from './buildOnce';
import { confirmDraw, openStep, prepareDraw, readBook } from './clerkSteps';
import { sampleXlsxBytes } from './sampleSeed';

/** Every request the page makes, but for the page itself and the data:/blob: URLs it makes up. */
function watchRequests(page: Page, self: string): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url !== self && !url.startsWith('data:') && !url.startsWith('blob:')) requests.push(url);
  });
  return requests;
}

describe('shuangsuiji.html', () => {
  let browser: Browser | undefined;
  let tmp = '';

  beforeAll(async () => {
    browser = await launchChromium();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-single-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('works from file:// with no other file beside it: read, draw, forms, download', async () => {
    if (!browser) throw new Error('browser did not start');
    const build = await buildOnce();
    const alone = path.join(tmp, 'alone');
    const file = path.join(alone, 'shuangsuiji.html');
    rmSync(alone, { recursive: true, force: true });
    mkdirSync(alone);
    copyFileSync(path.join(build.dir, 'shuangsuiji.html'), file);
    const book = path.join(tmp, '示例-邢台市医疗保障局2025.xlsx');
    writeFileSync(book, await sampleXlsxBytes());

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    const url = pathToFileURL(file).href;
    const requests = watchRequests(page, url);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(url);
    await page.getByText(/不联网，工作簿不会上传或离开这台电脑/).waitFor({ timeout: 10_000 });
    // The logo and the tab icon are in the file.
    expect(
      await page.evaluate(() => document.querySelector<HTMLImageElement>('header img')?.naturalWidth),
    ).toBe(32);

    await page.setInputFiles('input[type=file]', book);
    await page.getByText('当前：示例-邢台市医疗保障局2025.xlsx').waitFor({ timeout: 15_000 });
    await readBook(page);
    await prepareDraw(page);
    await page.getByRole('button', { name: '抽取…' }).click();
    await confirmDraw(page);
    await openStep(page, 5, '记录表');
    await page.getByRole('button', { name: '生成记录表' }).click();
    await page.getByText('记录表已生成').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('single-file-forms-1280.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^下载结果/ }).click(),
    ]);
    const saved = path.join(tmp, 'downloaded.xlsx');
    await download.saveAs(saved);
    const result = await openXlsxWorkbook(new Uint8Array(readFileSync(saved)), 'downloaded.xlsx');
    const names = (await result.listSheets()).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['抽取记录', '抽取结果-2025002-001', '记录表-2025002-001']));

    await page.close();
    // The workbook was read and written in the page's worker, started from the file itself.
    expect(workers).toEqual([expect.stringMatching(/^blob:/)]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('inlines a Web Worker and its lazy chunks so that a page with a worker runs from file://', async () => {
    if (!browser) throw new Error('browser did not start');
    const out = path.join(tmp, 'worker-build');
    await buildAsStandalonePage(path.join(__dirname, 'fixtures', 'workerPage', 'page.ts'), out);
    const alone = path.join(tmp, 'worker-alone');
    mkdirSync(alone, { recursive: true });
    const file = path.join(alone, 'shuangsuiji.html');
    copyFileSync(path.join(out, 'shuangsuiji.html'), file);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    const url = pathToFileURL(file).href;
    const requests = watchRequests(page, url);
    await page.goto(url);
    await page.waitForFunction(
      () => document.getElementById('root')?.dataset.worker !== undefined,
      undefined,
      {
        timeout: 10_000,
      },
    );
    const data = await page.evaluate(() => ({ ...document.getElementById('root')?.dataset }));
    expect(data).toEqual({
      lazy: 'lazy chunk loaded',
      worker: 'hello from page; hello from worker; worker chunk loaded',
    });
    await page.close();
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
