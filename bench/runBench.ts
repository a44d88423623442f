/**
 * `npm run bench`: times the core at bureau and province sizes, counts Office.js round trips on the
 * counting fake, and compares the CLI with a plain ExcelJS read (and read + write). Prints a table; compare it
 * with docs/performance.md. No timing assertions live in tests.
 */
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import type { Grid } from '../src/core/grid';
import { validateWorkbook } from '../src/core/validate';
import { runDraw } from '../src/core/draw';
import type { DrawInputs } from '../src/core/draw';
import { buildSampleBook } from '../src/core/sample';
import { createXlsxWorkbook } from '../src/workbook/xlsx';
import { createOfficeWorkbook } from '../src/workbook/office';
import { readBookState } from '../src/workbook/readBookState';
import { makeDraw, planDraw } from '../src/core/session';
import { FakeExcel } from '../test/workbook/fakeExcel';
import { buildRecordFormsOps } from '../src/core/forms';

type Row = { what: string; n: string; value: string; target?: string };
const rows: Row[] = [];
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;

function time<T>(fn: () => T): { ms: number; out: T } {
  const t = performance.now();
  const out = fn();
  return { ms: performance.now() - t, out };
}

function targetGrid(n: number): Grid {
  const header = ['序号', '检查对象名称', '统一社会信用代码', '对象类型', '地址', '法定代表人', '信用等级'];
  const text: string[][] = [header];
  const sample = buildSampleBook({ targets: 200 }).targets;
  for (let i = 0; i < n; i++) {
    const t = sample[i % sample.length]!;
    text.push([String(i + 1), `${t.name}${i}`, t.uscc, t.type, t.address, t.legalRep, t.creditClass]);
  }
  return { sheet: '名录', origin: { row: 0, col: 0 }, text, values: text.map((r) => r.map((x) => x)), merges: [] };
}

function planGrid(): Grid {
  const text = [
    ['抽查计划编号', '抽查计划名称', '抽查任务编号', '抽查类型', '抽查比例', '抽查对象范围', '抽查时间'],
    ['2025001', '2025年邢台市医疗保障局随机抽查001', '001号', '定向', '5%', '定点零售药店', '2025年3-10月'],
  ];
  return { sheet: '计划', origin: { row: 0, col: 0 }, text, values: text, merges: [] };
}

function drawInputs(n: number): DrawInputs {
  const candidates = Array.from({ length: n }, (_, i) => `T${String(i).padStart(8, '0')}`);
  const inspectors = Array.from({ length: 40 }, (_, i) => ({ id: `P${String(i).padStart(3, '0')}`, department: '医疗保障局', staff: i % 5 !== 0 }));
  return {
    protocol: 'ssj-draw/1',
    task: { planNo: '2025001', taskNo: '001', planName: '', taskName: '' },
    seed: { source: 'local', hex: 'ab'.repeat(32) },
    strata: [{ name: '全部', basisPoints: 500, candidates }],
    team: { size: 2, departments: [{ name: '医疗保障局', min: 2 }], maxPerInspector: 0, inspectors, exclusions: [] },
  };
}

async function officeCounts(n: number): Promise<void> {
  const fake = new FakeExcel();
  const port = createOfficeWorkbook(fake.excelRun, fake.requirements);
  await port.apply(buildSampleBook({ targets: n }).ops);
  fake.resetSyncs();
  const state = await readBookState(port);
  const read = { syncs: fake.syncCount, max: Math.max(...fake.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes))) };
  const task = { ...state.report.tasks[0]!, taskType: 'undirected' as const, ratio: { kind: 'plain' as const, basisPoints: 500 } };
  const drawn = makeDraw(state, planDraw(state, task, {}, 46000), { source: 'local', hex: '22'.repeat(32) }, { time: 't', operator: 'bench' });
  if (!drawn.ok && drawn.refusal) throw new Error(JSON.stringify(drawn.refusal));
  fake.resetSyncs();
  await port.apply(drawn.ops);
  const write = { syncs: fake.syncCount, max: Math.max(...fake.syncs.map((s) => s.requestBytes)) };
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
  rows.push({ what: 'Office: read + validate (syncs / largest payload)', n: String(n), value: `${read.syncs} / ${mb(read.max)}`, target: 'constant (+1 per ~4 MB), ≤ 5 MB' });
  rows.push({ what: 'Office: draw 5 % + log (syncs / largest request)', n: String(n), value: `${write.syncs} / ${mb(write.max)}`, target: 'constant, ≤ 5 MB' });
}

/** 500 forms written through the Office adapter in batches of 25, as the task pane does. */
async function formsCounts(targets: number): Promise<void> {
  const fake = new FakeExcel();
  const port = createOfficeWorkbook(fake.excelRun, fake.requirements);
  await port.apply(buildSampleBook({ targets: targets * 4 }).ops);
  const state = await readBookState(port);
  const task = { ...state.report.tasks[0]!, taskType: 'undirected' as const, ratio: { kind: 'plain' as const, basisPoints: 2500 } };
  const drawn = makeDraw(state, planDraw(state, task, { recentWindowDays: 0, annualCap: 0 }, 46000), { source: 'local', hex: '33'.repeat(32) }, { time: 't', operator: 'bench' });
  if (!drawn.ok) throw new Error(drawn.refusal ? JSON.stringify(drawn.refusal) : drawn.failure.message);
  await port.apply(drawn.ops);
  const n = drawn.record.result.length;
  const perBatch: number[] = [];
  let max = 0;
  for (let start = 0; start < n; start += 25) {
    fake.resetSyncs();
    await port.apply(buildRecordFormsOps(drawn.record, drawn.context, { startIndex: start, count: 25 }));
    perBatch.push(fake.syncCount);
    max = Math.max(max, ...fake.syncs.map((x) => x.requestBytes));
  }
  rows.push({
    what: `Office: ${n} forms in batches of 25 (syncs per batch / largest request)`,
    n: String(targets * 4),
    value: `${Math.min(...perBatch)}–${Math.max(...perBatch)} / ${(max / 1e6).toFixed(2)} MB`,
    target: 'constant per batch, ≤ 5 MB',
  });
}

async function main(): Promise<void> {
  const plan = planGrid();
  for (const n of [1_000, 10_000, 100_000]) {
    const g = targetGrid(n);
    const { ms } = time(() => validateWorkbook([plan, g]));
    rows.push({ what: 'core: find + parse + validate directory', n: String(n), value: fmt(ms), target: n === 100_000 ? '< 1 s' : undefined });
  }
  for (const n of [10_000, 100_000, 1_000_000]) {
    const inputs = drawInputs(n);
    const { ms, out } = time(() => runDraw(inputs));
    if (!out.ok) throw new Error(out.failure.message);
    rows.push({ what: 'core: draw 5 % (validate + targets + teams + digests)', n: String(n), value: fmt(ms), target: n === 1_000_000 ? '< 2 s' : undefined });
  }
  {
    const inputs = drawInputs(2_000);
    const { ms } = time(() => {
      for (let i = 0; i < 100; i++) runDraw({ ...inputs, seed: { source: 'local', hex: i.toString(16).padStart(64, '0') } });
    });
    rows.push({ what: 'core: recompute 100 draws (verify)', n: '100 × 2,000', value: fmt(ms) });
  }
  for (const n of [10, 1_000, 100_000]) await officeCounts(n);
  await formsCounts(500);

  // The CLI end to end against a plain ExcelJS read (and read + write) of the same 50,000-row book.
  const dir = mkdtempSync(join(tmpdir(), 'ssj-bench-'));
  const book = createXlsxWorkbook();
  await book.apply(buildSampleBook({ targets: 50_000 }).ops);
  const file = join(dir, 'big.xlsx');
  writeFileSync(file, await book.save());
  const baselineScript = join(dir, 'baseline.cjs');
  writeFileSync(
    baselineScript,
    `const ExcelJS = require(${JSON.stringify(require.resolve('exceljs'))});
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]); if (process.argv[3]) await wb.xlsx.writeBuffer(); })();`,
  );
  // Each child reports its peak memory (resident set) when it exits.
  const rssHook = join(dir, 'rss.cjs');
  writeFileSync(rssHook, `process.on('exit', () => process.stderr.write('\\nRSS:' + process.resourceUsage().maxRSS + '\\n'));`);
  // Fresh processes, interleaved, best of three: both sides see the same machine load.
  const cli = join(__dirname, '..', 'bin', 'shuangsuiji.cjs');
  const runs: Record<string, string[]> = {
    read: [baselineScript, file],
    readWrite: [baselineScript, file, 'write'],
    validate: [cli, 'validate', file],
    // --force: every round writes the same output (outputs are never overwritten without it).
    draw: [cli, 'draw', file, '--task', '2025002/001', '-o', join(dir, 'out.xlsx'), '--force'],
  };
  const best: Record<string, { ms: number; rss: number }> = {};
  for (let round = 0; round < 3; round++) {
    for (const [name, args] of Object.entries(runs)) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['-r', rssHook, ...args], { encoding: 'utf8' });
      const ms = performance.now() - t0;
      const rss = Number(/RSS:(\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024;
      const b = best[name];
      best[name] = { ms: Math.min(b?.ms ?? Infinity, ms), rss: Math.max(b?.rss ?? 0, rss) };
    }
  }
  // The 50,000-row book and its outputs (about 8 MB) are not left behind in the temporary folder.
  rmSync(dir, { recursive: true, force: true });
  const mb = (b: number) => `${Math.round(b / 1_048_576)} MB`;
  const row = (what: string, k: string) => rows.push({ what, n: '50,000', value: `${fmt(best[k]!.ms)} / ${mb(best[k]!.rss)}` });
  row('ExcelJS readFile, own process (time / peak RSS)', 'read');
  row('ExcelJS readFile + writeBuffer (time / peak RSS)', 'readWrite');
  row('CLI validate end to end (time / peak RSS)', 'validate');
  row('CLI draw end to end (time / peak RSS)', 'draw');
  rows.push({ what: 'ratio validate / ExcelJS read', n: '50,000', value: `${(best.validate!.ms / best.read!.ms).toFixed(2)} ×`, target: '≤ 0.35 ×' });
  rows.push({ what: 'ratio draw / ExcelJS read + write', n: '50,000', value: `${(best.draw!.ms / best.readWrite!.ms).toFixed(2)} ×`, target: '≤ 0.35 ×' });

  const w = [52, 12, 22];
  const line = (a: string, b: string, c: string, d = '') => `| ${a.padEnd(w[0]!)} | ${b.padStart(w[1]!)} | ${c.padStart(w[2]!)} | ${d} |`;
  const out = [
    `机器：${cpus().length} × ${cpus()[0]?.model ?? '?'}，Node ${process.version}，${new Date().toISOString().slice(0, 10)}`,
    '',
    line('measure', 'N', 'result', 'target'),
    `|${'-'.repeat(w[0]! + 2)}|${'-'.repeat(w[1]! + 2)}|${'-'.repeat(w[2]! + 2)}|---|`,
    ...rows.map((r) => line(r.what, r.n, r.value, r.target ?? '')),
  ].join('\n');
  console.log(out);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
