/**
 * Builds the task pane with webpack (production), serves it on 127.0.0.1 and opens taskpane.html in
 * headless Chromium with office.js blocked — as on a machine without network, or a browser outside
 * Office. The pane must render its "must run in Excel" state with no console errors.
 * Needs Debian's chromium: apt-get install -y chromium.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import webpack, { type Configuration, type Stats } from 'webpack';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const OFFICE_JS_HOST = 'appsforoffice.microsoft.com';
const repoRoot = path.resolve(__dirname, '../..');
const screenshotDir = path.join(repoRoot, 'test-output', 'screenshots');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Configuration;

function build(outDir: string): Promise<Stats> {
  // webpack.config.js is CommonJS and has no type declarations.
  const loadCjs = createRequire(__filename);
  const configFactory = loadCjs(path.join(repoRoot, 'webpack.config.js')) as ConfigFactory;
  const config = configFactory({}, { mode: 'production' });
  config.output = { ...config.output, path: outDir };
  config.devtool = false;
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error('webpack returned no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats);
    });
  });
}

function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('taskpane.html without Office', () => {
  let outDir = '';
  let server: Server | undefined;
  let browser: Browser | undefined;
  let baseUrl = '';
  let lazyChunkFiles: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `找不到 ${CHROMIUM}：这个测试需要 Debian 的 Chromium。请运行 apt-get install -y chromium`,
      );
    }
    outDir = mkdtempSync(path.join(os.tmpdir(), 'ssj-taskpane-'));
    const stats = await build(outDir);
    const json = stats.toJson({ all: false, chunks: true });
    lazyChunkFiles = (json.chunks ?? [])
      .filter((chunk) => !chunk.initial)
      .flatMap((chunk) => chunk.files ?? []);
    server = await serve(outDir);
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
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
          (message.text().startsWith('Failed to load resource') &&
            message.text().includes('ERR_BLOCKED_BY_CLIENT'));
        if (!isBlockedOfficeJs) errors.push(`console: ${message.text()} (${message.location().url})`);
      });

      await page.goto(`${baseUrl}/taskpane.html`);
      await page.getByText('本加载项需要在 Excel 中运行').waitFor({ timeout: 10_000 });
      await page.getByRole('heading', { name: '双随机抽查助手' }).waitFor();

      mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, file), fullPage: true });
      await page.close();

      expect(errors).toEqual([]);
      // ExcelJS and other import() chunks must not load with the pane.
      expect(
        requested.filter((url) => lazyChunkFiles.some((chunkFile) => url.endsWith(`/${chunkFile}`))),
      ).toEqual([]);
    },
    30_000,
  );
});
