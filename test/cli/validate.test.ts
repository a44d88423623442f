import { runCli } from '../../src/cli';
import { buildSampleBook } from '../../src/core/sample';
import { createXlsxWorkbook } from '../../src/workbook/xlsx';
import type { WorkbookOp } from '../../src/core/workbookOps';
import { createFakeIo } from './fakeIo';

async function bookBytes(ops: WorkbookOp[]): Promise<Uint8Array> {
  const book = createXlsxWorkbook();
  await book.apply(ops);
  return book.save();
}

describe('shuangsuiji validate', () => {
  it('lists the tables of the sample book as JSON per cli.md', async () => {
    const io = createFakeIo({ '/work/b.xlsx': await bookBytes(buildSampleBook({ targets: 30 }).ops) });
    const code = await runCli(['validate', 'b.xlsx', '--json'], io);
    const doc = JSON.parse(io.out) as { tables: { kind: string; sheet: string; headerRow: number; rows: number }[]; findings: unknown[] };
    expect(doc.tables.map((t) => t.kind)).toEqual(['plan', 'matters', 'targets', 'inspectors', 'history']);
    expect(doc.tables[0]).toEqual({ kind: 'plan', sheet: '年度抽查计划', headerRow: 3, rows: 3 });
    expect(Array.isArray(doc.findings)).toBe(true);
    expect([0, 1]).toContain(code);
    expect(io.err).toBe('');
  });

  it('exits 2 with one Chinese line when the file is missing', async () => {
    const io = createFakeIo();
    expect(await runCli(['validate', 'nope.xlsx'], io)).toBe(2);
    expect(io.err).toBe('找不到文件：/work/nope.xlsx\n');
    expect(io.out).toBe('');
  });

  it('exits 2 when the file is a CSV renamed .xlsx', async () => {
    const io = createFakeIo({ '/work/a.xlsx': new TextEncoder().encode('名称,代码\n甲,1\n') });
    expect(await runCli(['validate', 'a.xlsx'], io)).toBe(2);
    expect(io.err).toMatch(/^文件 a\.xlsx 不是 \.xlsx 工作簿.*另存为 \.xlsx.*\n$/);
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 when no plan table is found, naming the headers it looks for', async () => {
    const io = createFakeIo({
      '/work/a.xlsx': await bookBytes([
        { kind: 'addSheet', sheet: 'Sheet1' },
        { kind: 'write', sheet: 'Sheet1', address: 'A1', rows: [['随便写的内容']] },
      ]),
    });
    expect(await runCli(['validate', 'a.xlsx'], io)).toBe(2);
    expect(io.err).toMatch(/未找到抽查计划表.*抽查计划编号/);
  });

  it('exits 2 on a bad option or a missing argument', async () => {
    const io = createFakeIo();
    expect(await runCli(['validate', '--colour'], io)).toBe(2);
    expect(io.err).toMatch(/未知选项 --colour/);
    const io2 = createFakeIo();
    expect(await runCli(['validate'], io2)).toBe(2);
    expect(io2.err).toMatch(/缺少工作簿文件/);
    const io3 = createFakeIo();
    expect(await runCli(['frobnicate'], io3)).toBe(2);
    expect(io3.err).toMatch(/未知命令“frobnicate”/);
  });

  it('never changes the input file', async () => {
    const bytes = await bookBytes(buildSampleBook({ targets: 20 }).ops);
    const copy = Uint8Array.from(bytes);
    const io = createFakeIo({ '/work/b.xlsx': bytes });
    await runCli(['validate', 'b.xlsx'], io);
    expect(io.files.get('/work/b.xlsx')).toEqual(copy);
    expect([...io.files.keys()]).toEqual(['/work/b.xlsx']);
  });
});

describe('shuangsuiji demo', () => {
  it('writes the sample book into the folder and says where it is', async () => {
    const io = createFakeIo();
    expect(await runCli(['demo', 'out'], io)).toBe(0);
    expect([...io.files.keys()]).toContain('/work/out/示例-邢台市医疗保障局2025.xlsx');
    expect(io.out).toMatch(/已写入示例工作簿：\/work\/out\/示例-邢台市医疗保障局2025\.xlsx/);
  });
});

describe('shuangsuiji draw policy options', () => {
  it('refuses a window that is not a whole number of days', async () => {
    const io = createFakeIo({ '/work/b.xlsx': await bookBytes(buildSampleBook({ targets: 30 }).ops) });
    expect(await runCli(['draw', 'b.xlsx', '--task', '2025002/001', '--window', '半年'], io)).toBe(2);
    expect(io.err).toMatch(/--window 应为 0 到 3650 之间的整数/);
  });

  it('caps how many teams one inspector joins', async () => {
    const io = createFakeIo({ '/work/b.xlsx': await bookBytes(buildSampleBook({ targets: 300 }).ops) });
    expect(await runCli(['draw', 'b.xlsx', '--task', '2025002/001', '--max-per-inspector', '2', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.out) as { record: { team: { maxPerInspector: number }; result: { members: string[] }[] } };
    expect(doc.record.team.maxPerInspector).toBe(2);
    const load = new Map<string, number>();
    for (const e of doc.record.result) for (const m of e.members) load.set(m, (load.get(m) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(2);
  });
});
