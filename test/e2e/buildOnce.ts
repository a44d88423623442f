/**
 * One production webpack build shared by the browser tests (taskpaneLoads, taskpaneFakeHost,
 * standalone). Jest runs test files in separate workers, so the build is shared through the file
 * system: a directory named after a hash of the sources, built by whichever test gets the lock
 * first; the others wait for its `.done` marker. A changed source means a new directory.
 * Also serves a directory on 127.0.0.1 and starts Debian's Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import webpack, { type Configuration, type Stats } from 'webpack';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const OFFICE_JS_HOST = 'appsforoffice.microsoft.com';
export const repoRoot = path.resolve(__dirname, '../..');
export const screenshotDir = path.join(repoRoot, 'test-output', 'screenshots');

export type Build = {
  dir: string;
  /** Files of chunks loaded only through import() (ExcelJS, forms, steps 2–5). */
  lazyChunkFiles: string[];
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Configuration;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(p) : [p];
  });
}

function fingerprint(): string {
  const hash = createHash('sha256');
  const files = [
    ...listFiles(path.join(repoRoot, 'src')),
    ...listFiles(path.join(repoRoot, 'assets')),
    path.join(repoRoot, 'webpack.config.js'),
    // The build plugins webpack.config.js requires (single-file page, manifest for a host).
    ...listFiles(path.join(repoRoot, 'scripts')).filter((f) => f.endsWith('.cjs')),
    path.join(repoRoot, 'package-lock.json'),
    path.join(__dirname, 'fakeHostEntry.ts'),
    path.join(repoRoot, 'test', 'workbook', 'fakeExcel.ts'),
  ].sort();
  for (const f of files) {
    if (!existsSync(f)) continue;
    hash.update(path.relative(repoRoot, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The fake Office host as one self-contained script (no shared chunks), for page.addInitScript. */
function fakeHostConfig(outDir: string): Configuration {
  return {
    mode: 'production',
    context: repoRoot,
    devtool: false,
    target: 'web',
    entry: { fakeHost: path.join(__dirname, 'fakeHostEntry.ts') },
    output: { path: outDir, filename: '[name].js', clean: false },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: path.join(repoRoot, 'tsconfig.json'), compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
}

function runWebpack(configs: Configuration[]): Promise<Stats[]> {
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error('webpack returned no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(stats.stats);
    });
  });
}

async function buildInto(outDir: string): Promise<Build> {
  // webpack.config.js is CommonJS and has no type declarations.
  const loadCjs = createRequire(__filename);
  const configFactory = loadCjs(path.join(repoRoot, 'webpack.config.js')) as ConfigFactory;
  const config = configFactory({}, { mode: 'production' });
  config.output = { ...config.output, path: outDir, clean: false };
  config.devtool = false;
  const [stats] = await runWebpack([config, fakeHostConfig(outDir)]);
  const json = stats!.toJson({ all: false, chunks: true });
  const lazyChunkFiles = (json.chunks ?? []).filter((c) => !c.initial).flatMap((c) => c.files ?? []);
  return { dir: outDir, lazyChunkFiles };
}

/**
 * Builds `entryFile` as the standalone page with the real webpack config (single-file page
 * included) into `outDir`: for pages a test makes up, such as one with a Web Worker.
 */
export async function buildAsStandalonePage(entryFile: string, outDir: string): Promise<void> {
  const loadCjs = createRequire(__filename);
  const configFactory = loadCjs(path.join(repoRoot, 'webpack.config.js')) as ConfigFactory;
  const config = configFactory({}, { mode: 'production' });
  config.entry = { standalone: entryFile };
  config.output = { ...config.output, path: outDir, clean: false };
  config.devtool = false;
  await runWebpack([config]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the pane, the page and the fake host once per source state; later calls (from any test
 * file) reuse the build.
 */
export async function buildOnce(): Promise<Build> {
  const dir = path.join(os.tmpdir(), `ssj-e2e-build-${fingerprint()}`);
  const done = path.join(dir, '.done.json');
  const lock = `${dir}.lock`;
  for (let waited = 0; waited < 240_000; waited += 250) {
    if (existsSync(done)) return JSON.parse(readFileSync(done, 'utf8')) as Build;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building; a lock older than 5 minutes belongs to a crashed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const build = await buildInto(dir);
      writeFileSync(done, JSON.stringify(build));
      return build;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new Error('等待另一个测试进程完成 webpack 构建超时。');
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export function serve(dir: string): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, baseUrl: `http://127.0.0.1:${port}` });
    }),
  );
}

export function closeServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
}

/** Starts headless Chromium; fails (never skips) with an install hint when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`找不到 ${CHROMIUM}：这个测试需要 Debian 的 Chromium。请运行 apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function screenshotPath(file: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, file);
}
