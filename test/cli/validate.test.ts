import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { buildSampleBook } from '../../src/core/sample';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { saveTableChoicesOps } from '../../src/core/tables';
import { createFakeIo } from './fakeIo';
import { bookBytes } from './logFixture';

describe('shuangsuiji validate', () => {
  it('lists the tables of the sample book as JSON per cli.md', async () => {
    const io = createFakeIo({ '/work/b.xlsx': await bookBytes(buildSampleBook({ targets: 30 }).ops) });
    const code = await runCli(['validate', 'b.xlsx', '--json'], io);
    const doc = JSON.parse(io.out) as { tables: { kind: string; sheet: string; headerRow: number; rows: number }[]; findings: unknown[] };
    expect(doc.tables.map((t) => t.kind)).toEqual(['plan', 'matters', 'targets', 'inspectors', 'history']);
    expect(doc.tables[0]).toEqual({ kind: 'plan', sheet: '年度抽查计划', headerRow: 3, rows: 3, chosen: false });
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
    const io4 = createFakeIo();
    expect(await runCli(['draw', 'a.xlsx', '--task'], io4)).toBe(2);
    expect(io4.err).toBe('选项 --task 后面缺少取值。运行 shuangsuiji --help 查看用法。\n');
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
    // 13 targets, led by the five staff of 基金监管科 alone (医疗保险基金监管科 is another 科室): 3 each.
    expect(await runCli(['draw', 'b.xlsx', '--task', '2025002/001', '--max-per-inspector', '3', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.out) as { record: { team: { maxPerInspector: number }; result: { members: string[] }[] } };
    expect(doc.record.team.maxPerInspector).toBe(3);
    const load = new Map<string, number>();
    for (const e of doc.record.result) for (const m of e.members) load.set(m, (load.get(m) ?? 0) + 1);
    expect(Math.max(...load.values())).toBeLessThanOrEqual(3);
  });
});

describe('shuangsuiji validate --table', () => {
  const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name)));
  type Doc = { tables: { kind: string; sheet: string; headerRow: number; rows: number; chosen: boolean }[]; findings: { code: string; cell: string; sheet: string }[] };

  it('honours the choices stored in the book without being asked', async () => {
    const io = createFakeIo({ '/work/g.xlsx': fixture('choices-guess.xlsx') });
    expect(await runCli(['validate', 'g.xlsx', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.out) as Doc;
    expect(doc.tables.map((t) => [t.sheet, t.headerRow, t.chosen])).toEqual([
      ['计划', 6, true],
      ['名录', 1, false],
      ['人员', 1, false],
    ]);
  });

  it('applies --table choices for this run over the stored ones, and marks them in the report', async () => {
    const io = createFakeIo({ '/work/g.xlsx': fixture('choices-guess.xlsx') });
    expect(await runCli(['validate', 'g.xlsx', '--table', '计划:plan:2', '--table', '2024年名录（旧）:targets:1'], io)).toBe(1);
    expect(io.out).toContain('  计划：年度随机抽查工作计划，表头在第 2 行，5 行数据（按指定）');
    expect(io.out).toContain('  2024年名录（旧）：检查对象名录库，表头在第 1 行，2 行数据（按指定）');
    expect(io.out).toContain('  名录：检查对象名录库，表头在第 1 行，4 行数据\n');
    expect(io.files.size).toBe(1);
  });

  it('corrects a guess in a book without stored choices, and accepts none without a row', async () => {
    const io = createFakeIo({ '/work/w.xlsx': fixture('wugang-2024-matters.xlsx'), '/work/x.xlsx': fixture('xingtai-2025-plan.xlsx') });
    expect(await runCli(['validate', 'x.xlsx', '--json', '--table', '附件2:plan:4'], io)).toBe(1);
    expect((JSON.parse(io.out) as Doc).tables).toEqual([{ kind: 'plan', sheet: '附件2', headerRow: 4, rows: 1, chosen: true }]);
    const io2 = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-plan.xlsx') });
    expect(await runCli(['validate', 'x.xlsx', '--table', '附件2:none'], io2)).toBe(2);
    expect(io2.err).toMatch(/未找到抽查计划表.*可用 --table 工作表:plan:表头行 指定/);
  });

  it('reports a choice that names a row without the kind’s columns', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-plan.xlsx') });
    expect(await runCli(['validate', 'x.xlsx', '--json', '--table', '附件2:plan:2'], io)).toBe(1);
    const doc = JSON.parse(io.out) as Doc;
    expect(doc.tables[0]).toMatchObject({ headerRow: 4, chosen: false });
    expect(doc.findings.find((f) => f.code === 'TABLE_CHOICE_INVALID')).toMatchObject({ sheet: '附件2', cell: 'A2' });
  });

  it('exits 2 with one Chinese line for a --table it cannot read or a sheet the book lacks', async () => {
    for (const [spec, pattern] of [
      ['计划:plan', /无法读取 --table 计划:plan：表头行应为正整数/],
      ['计划:sheet:3', /无法读取 --table 计划:sheet:3：--table 的格式为 工作表:类型:表头行/],
      ['计划:plan:0', /表头行应为正整数/],
      ['计划:plan:3:4', /无法读取 --table/],
      ['无此表:plan:3', /--table 指定的工作表“无此表”不在 g\.xlsx 中（工作簿中有：计划、2024年名录（旧）、名录、人员）/],
    ] as const) {
      const io = createFakeIo({ '/work/g.xlsx': fixture('choices-guess.xlsx') });
      expect([spec, await runCli(['validate', 'g.xlsx', '--table', spec], io)]).toEqual([spec, 2]);
      expect(io.err).toMatch(pattern);
      expect(io.err.trim().split('\n')).toHaveLength(1);
      expect(io.out).toBe('');
    }
  });
});

describe('shuangsuiji draw on a book with stored table choices', () => {
  it('draws a task of the chosen plan table (every command reads the book through readBookState)', async () => {
    const io = createFakeIo({ '/work/g.xlsx': new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'choices-guess.xlsx'))) });
    expect(await runCli(['draw', 'g.xlsx', '--task', '2025001/001', '--json'], io)).toBe(0);
    expect(io.files.has('/work/g.draw.xlsx')).toBe(true);
  });

  it('cannot draw it once the choices are cleared: the guess reads 发起科室 as the scope', async () => {
    const book = await openXlsxWorkbook(readFileSync(join(__dirname, '..', 'fixtures', 'choices-guess.xlsx')));
    await book.apply(saveTableChoicesOps([], true));
    const io = createFakeIo({ '/work/g.xlsx': await book.save() });
    expect(await runCli(['draw', 'g.xlsx', '--task', '2025001/001'], io)).toBe(1);
    expect(io.out + io.err).toMatch(/抽查对象范围“基金监管科”对应不到/);
  });
});
