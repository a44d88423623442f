/**
 * Builds the task pane with webpack (production, shared build), serves it on 127.0.0.1 and opens
 * taskpane.html in headless Chromium with office.js blocked — as on a machine without network, or a
 * browser outside Office. The pane must render its "must run in Excel" state with no console errors,
 * and say where the standalone page is (its address on this server, the single file).
 * Needs Debian's chromium: apt-get install -y chromium.
 */
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { buildOnce, closeServer, launchChromium, OFFICE_JS_HOST, screenshotPath, serve } from './buildOnce';

describe('taskpane.html without Office', () => {
  let server: Server | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  let lazyChunkFiles: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const build = await buildOnce();
    lazyChunkFiles = build.lazyChunkFiles;
    ({ server, baseUrl } = await serve(build.dir));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await closeServer(server);
  });

  it.each([
    { width: 320, file: 'taskpane-no-office.png' },
    { width: 800, file: 'taskpane-no-office-800.png' },
  ])(
    'shows the must-run-in-Excel message at $width px with no console errors',
    async ({ width, file }) => {
      if (!browser) throw new Error('browser did not start');
      const page = await browser.newPage({ viewport: { width, height: 720 } });
      const errors: string[] = [];
      const requested: string[] = [];
      // Block office.js so the page takes the same path as with no network; this one failure is expected.
      await page.route(`**://${OFFICE_JS_HOST}/**`, (route) => route.abort('blockedbyclient'));
      page.on('request', (request) => requested.push(request.url()));
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const isBlockedOfficeJs =
          message.location().url.includes(OFFICE_JS_HOST) ||
          (message.text().startsWith('Failed to load resource') && message.text().includes('ERR_BLOCKED_BY_CLIENT'));
        if (!isBlockedOfficeJs) errors.push(`console: ${message.text()} (${message.location().url})`);
      });

      await page.goto(`${baseUrl}/taskpane.html`);
      await page.getByText('本加载项需要在 Excel 中运行').waitFor({ timeout: 10_000 });
      await page.getByRole('heading', { name: '双随机抽查助手' }).waitFor();

      await page.screenshot({ path: screenshotPath(file), fullPage: true });
      // Where WPS users go instead: the page beside the pane on the same server, or the single file.
      const single = page.getByRole('link', { name: 'shuangsuiji.html' });
      expect(await single.getAttribute('download')).toBe('shuangsuiji.html');
      expect(await single.getAttribute('href')).toBe('shuangsuiji.html');
      await page.getByRole('link', { name: `${baseUrl}/standalone.html` }).click();
      await page.getByRole('button', { name: '选择工作簿（.xlsx）…' }).waitFor({ timeout: 10_000 });
      await page.close();

      expect(errors).toEqual([]);
      // ExcelJS and other import() chunks must not load with the pane.
      expect(requested.filter((url) => lazyChunkFiles.some((chunkFile) => url.endsWith(`/${chunkFile}`)))).toEqual([]);
    },
    30_000,
  );
});
