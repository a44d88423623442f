/**
 * The standalone page as a clerk meets it: a draw made there lives only in the tab until the result
 * is downloaded. The page says so, asks before the tab closes or another file replaces the book,
 * shows that a long save is running, and speaks of Excel/WPS, not of a task pane it is not.
 * Needs Debian's chromium: apt-get install -y chromium.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildOnce, closeServer, launchChromium, screenshotPath, serve } from './buildOnce';
import { confirmDraw, describeFocus, openStep, prepareDraw, readBook } from './clerkSteps';
import { sampleXlsxBytes } from './sampleSeed';

describe('standalone.html guards a draw that is not downloaded yet', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  let tmp = '';
  let book = '';

  beforeAll(async () => {
    browser = await launchChromium();
    const build = await buildOnce();
    ({ server, baseUrl } = await serve(build.dir));
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ssj-guard-'));
    book = path.join(tmp, '示例-邢台市医疗保障局2025.xlsx');
    writeFileSync(book, await sampleXlsxBytes());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function openPage(width: number): Promise<{ page: Page; errors: string[] }> {
    if (!browser) throw new Error('browser did not start');
    const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await page.goto(`${baseUrl}/standalone.html`);
    await page.setInputFiles('input[type=file]', book);
    await page.getByText('当前：示例-邢台市医疗保障局2025.xlsx').waitFor({ timeout: 15_000 });
    return { page, errors };
  }

  it('asks before closing the tab or replacing the book, shows the save running, and stops asking once downloaded', async () => {
    const { page, errors } = await openPage(800);
    const saveBar = page.getByRole('region', { name: '保存结果' });
    // Said before anything is done: the draw counts only once the downloaded book is kept.
    await saveBar.getByText(/只有下载并保存好结果工作簿后才算数/).waitFor();
    await readBook(page);
    await prepareDraw(page);
    await page.getByRole('button', { name: '抽取…' }).click();
    await confirmDraw(page);
    await saveBar.getByText('尚未下载：本页的改动只在这个标签页里').waitFor();
    await page.screenshot({ path: screenshotPath('page-unsaved-800.png') });
    await page.setViewportSize({ width: 320, height: 700 });
    // The bar stays in sight at the bottom of a narrow window, wherever the clerk has scrolled.
    await page.screenshot({ path: screenshotPath('page-unsaved-320.png') });
    const bar = await saveBar.boundingBox();
    expect(bar && bar.y + bar.height).toBeLessThanOrEqual(700);
    await page.setViewportSize({ width: 800, height: 900 });

    // Leaving the page (closing the tab, reloading): the browser asks. Dismissed here, so the page
    // stays with its draw. (Chromium 156 headless asks on navigation, not on page.close.)
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    // Never settles once the clerk stays; it fails harmlessly when the page closes at the end.
    page.reload().catch(() => undefined);
    expect(await asked).toBe('beforeunload');
    await page.getByRole('list', { name: '抽中的检查对象及检查组' }).waitFor();

    // Choosing another file: a confirm with 取消 focused; Escape keeps the book and its draw.
    await page.setInputFiles('input[type=file]', book);
    const dialog = page.getByRole('dialog', { name: '换用另一个工作簿？' });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === '取消');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: '抽中的检查对象及检查组' }).waitFor();

    // 下载结果: the file name is on the button; the bar says the save is running, then that it is done.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __ssjSeen: string[] }).__ssjSeen = seen;
      const bar = document.querySelector('[aria-label="保存结果"]');
      if (bar)
        new MutationObserver(() => seen.push(bar.textContent ?? '')).observe(bar, {
          subtree: true,
          childList: true,
          characterData: true,
        });
    });
    const download = saveBar.getByRole('button', { name: '下载结果 示例-邢台市医疗保障局2025.结果.xlsx' });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('示例-邢台市医疗保障局2025.结果.xlsx');
    await saveBar.getByText('已下载“示例-邢台市医疗保障局2025.结果.xlsx”').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { __ssjSeen: string[] }).__ssjSeen);
    expect(seen.some((t) => t.includes('正在生成结果工作簿'))).toBe(true);

    // A change after the download (写入校验结果) makes the book unsaved again; replacing it is confirmed.
    await openStep(page, 1, '读取校验');
    await page.getByRole('button', { name: '写入校验结果' }).click();
    await page.getByText('已写入校验结果').waitFor({ timeout: 15_000 });
    await saveBar.getByText('尚未下载：本页的改动只在这个标签页里').waitFor();
    // As after a click on the button that opens the browser's file chooser.
    await page.getByRole('button', { name: '选择其他工作簿…' }).focus();
    await page.setInputFiles('input[type=file]', book);
    await dialog.getByRole('button', { name: '不保存，打开新文件' }).click();
    await saveBar.getByText(/只有下载并保存好结果工作簿后才算数/).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('button', { name: '读取并校验' }).count()).toBe(1);
    expect(await describeFocus(page)).toBe('button: 选择其他工作簿…');
    // Nothing unsaved: leaving asks nothing.
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(dialogs).toEqual([]);
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);

  it('speaks of Excel/WPS and the downloaded book, not of a task pane', async () => {
    const { page, errors } = await openPage(350);
    await readBook(page);
    const check = page.getByRole('region', { name: '1. 读取校验' });
    await check
      .getByText('请按列出的工作表和单元格，在 Excel 或 WPS 中修改原文件并保存，然后在本页重新选择它。')
      .waitFor();
    expect(await check.getByText(/Excel 会选中/).count()).toBe(0);
    // Nothing to select in the page: a finding is text, not a button that does nothing.
    expect(await check.getByRole('button', { name: /^年度抽查计划!B4，错误/ }).count()).toBe(0);
    await check.getByText('建议改为：2025年邢台市医疗保障局随机抽查001').first().waitFor();
    await page.screenshot({ path: screenshotPath('page-check-350.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  }, 60_000);
});
