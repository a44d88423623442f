/**
 * `npm run bench -- --page [DIST]`: the standalone page in headless Chromium on the 50,000-row
 * book: time to open it and to 读取校验, the longest stretch the page's main thread could not draw a
 * frame (what the user sees as a frozen spinner), and the peak memory of the tab's renderer process
 * (the page and its workers). DIST is a built `dist/` (default: build one with webpack).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSampleBook } from '../src/core/sample';
import { createXlsxWorkbook } from '../src/workbook/xlsx';
import { closeServer, launchChromium, serve } from '../test/e2e/buildOnce';

function pidsOf(): Map<number, { ppid: number; cmd: string }> {
  const out = new Map<number, { ppid: number; cmd: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(d), { ppid, cmd: readFileSync(`/proc/${d}/cmdline`, 'utf8') });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Resident memory (bytes) of Chromium's renderer processes started for this run. */
function rendererRss(before: Set<number>): number {
  let total = 0;
  for (const [pid, p] of pidsOf()) {
    if (before.has(pid) || !p.cmd.includes('--type=renderer')) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += m ? Number(m[1]) * 1024 : 0;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  const root = join(__dirname, '..');
  const dist = arg ?? join(root, 'dist');
  if (!arg) execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'ssj-page-bench-'));
  const file = join(dir, 'big.xlsx');
  const book = createXlsxWorkbook();
  await book.apply(buildSampleBook({ targets: 50_000 }).ops);
  writeFileSync(file, await book.save());

  const existing = new Set(pidsOf().keys());
  const { server, baseUrl } = await serve(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __maxGap: number; __last: number };
      w.__maxGap = 0;
      w.__last = performance.now();
      const tick = () => {
        const now = performance.now();
        w.__maxGap = Math.max(w.__maxGap, now - w.__last);
        w.__last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(`${baseUrl}/standalone.html`);
    await page
      .getByText(/不联网/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      (window as unknown as { __maxGap: number }).__maxGap = 0;
    });
    let peak = rendererRss(existing);
    const idle = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rendererRss(existing));
    }, 20);
    const t0 = performance.now();
    await page.setInputFiles('input[type=file]', file);
    await page.getByText('当前：big.xlsx', { exact: false }).first().waitFor({ timeout: 300_000 });
    const opened = performance.now() - t0;
    const t1 = performance.now();
    await page.getByRole('button', { name: '读取并校验' }).click();
    await page.getByRole('list', { name: /找到的表格/ }).waitFor({ timeout: 300_000 });
    const checked = performance.now() - t1;
    clearInterval(sampler);
    peak = Math.max(peak, rendererRss(existing));
    const maxGap = await page.evaluate(() => (window as unknown as { __maxGap: number }).__maxGap);
    const workers = page.workers().length;
    const mb = (b: number) => `${Math.round(b / 1_048_576)} MB`;
    console.log(
      [
        `页面（${dist}），50,000 行：`,
        `  打开文件 ${Math.round(opened)} ms；读取校验 ${Math.round(checked)} ms`,
        `  主线程最长停顿 ${Math.round(maxGap)} ms（这段时间页面不能重绘，转圈停住）`,
        `  渲染进程内存峰值 ${mb(peak)}（空闲时 ${mb(idle)}）；Web Worker：${workers} 个`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await closeServer(server);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
