/**
 * What the log proves outside the file (issue: integrity that holds outside the file): a published
 * head checked later, re-draws that cannot happen silently, public texts that must fill the
 * committed template, and outputs that are never clobbered.
 */
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { createNodeIo } from '../../src/cli/nodeIo';
import { LOG_SHEET } from '../../src/core/log';
import { RESULT, TASK, run, sampleBytes, sampleIo, tamper } from './logFixture';

const ANN = '2025-03-06 福彩3D 第2025060期 开奖号码：d d d';

describe('verify --head', () => {
  it('finds a published 公示码 in the chain and lists what was appended after it', async () => {
    const io = await sampleIo();
    const d = await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd1.xlsx');
    const code = /公示码：([0-9A-F-]{19})/.exec(d.out)?.[1];
    expect(code).toBeDefined();
    expect((await run(io, 'draw', 'd1.xlsx', '--task', '2025001/001', '-o', 'd2.xlsx')).code).toBe(0);
    const r = await run(io, 'verify', 'd2.xlsx', '--head', code!);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已公布的链头是第 1 条记录的链头；公布之后又追加了 1 条记录/);
    expect(r.out).toMatch(/第 2 条 抽取 2025001\/001/);
  });

  it('fails (exit 1) when the published head is not in the chain: a consistent truncation or rewrite', async () => {
    const io = await sampleIo();
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd1.xlsx')).code).toBe(0);
    const two = await run(io, 'draw', 'd1.xlsx', '--task', '2025001/001', '-o', 'd2.xlsx', '--json');
    const head = (JSON.parse(two.out) as { head: string }).head;
    // d1.xlsx is d2.xlsx with its last draw cut off, consistently: verify alone passes it.
    expect((await run(io, 'verify', 'd1.xlsx')).code).toBe(0);
    const r = await run(io, 'verify', 'd1.xlsx', '--head', head);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/已公布的链头“[0-9a-f]{64}”不在本抽取记录中/);
    const j = JSON.parse((await run(io, 'verify', 'd1.xlsx', '--head', head, '--json')).out) as { ok: boolean; publishedHead: { found: boolean } };
    expect(j).toMatchObject({ ok: false, publishedHead: { found: false } });
  });

  it('refuses (exit 2) something that is neither a head nor a 公示码', async () => {
    const io = await sampleIo();
    const r = await run(io, 'verify', 'b.xlsx', '--head', 'abc');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是链头哈希.*或公示码/);
  });
});

describe('draw: what is published and what is refused', () => {
  it('prints the 公示码 to publish and says what a local seed does not prove', async () => {
    const io = await sampleIo();
    const d = await run(io, 'draw', 'b.xlsx', '--task', TASK);
    expect(d.code).toBe(0);
    expect(d.out).toMatch(/公示码：[0-9A-F]{4}(-[0-9A-F]{4}){3}/);
    expect(d.out).toMatch(/本地随机数不能证明.*--commit/);
  });

  it('does not overwrite an existing output without --force: a second local draw of the same input is refused', async () => {
    const io = await sampleIo();
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK)).code).toBe(0);
    const first = io.files.get('/work/b.draw.xlsx');
    const again = await run(io, 'draw', 'b.xlsx', '--task', TASK);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/输出文件 .*b\.draw\.xlsx 已存在，未覆盖.*--force/);
    expect(io.files.get('/work/b.draw.xlsx')).toBe(first);
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '--force')).code).toBe(0);
  });

  it('accepts only a public text that fills the committed template', async () => {
    const io = await sampleIo();
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '--commit', ANN, '-o', 'c.xlsx')).code).toBe(0);
    for (const text of ['371', 'anything at all', '2025-03-06 福彩3D 第2025060期 开奖号码：371', '2025-03-06 福彩3D 第2025060期 开奖号码：3 7 10']) {
      const r = await run(io, 'draw', 'c.xlsx', '--task', TASK, '--public-text', text, '-o', 'p.xlsx');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`开奖号码应按承诺的格式“${ANN}”填写`);
    }
    expect(io.files.has('/work/p.xlsx')).toBe(false);
  });

  it('refuses an announcement without digit slots, a second commitment, and rule options at reveal', async () => {
    const io = await sampleIo();
    const bare = await run(io, 'draw', 'b.xlsx', '--task', TASK, '--commit', '福彩3D 第2025060期 开奖号码', '-o', 'x.xlsx');
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/没有用 d 标出开奖号码/);
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '--commit', ANN, '-o', 'c.xlsx')).code).toBe(0);
    const second = await run(io, 'draw', 'c.xlsx', '--task', TASK, '--commit', ANN, '-o', 'c2.xlsx');
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/已于抽取记录第 1 条记录承诺/);
    const sized = await run(io, 'draw', 'c.xlsx', '--task', TASK, '--size', '3', '--public-text', '2025-03-06 福彩3D 第2025060期 开奖号码：3 7 1', '-o', 'p.xlsx');
    expect(sized.code).toBe(2);
    expect(sized.err).toMatch(/已于第 1 条承诺时冻结/);
  });
});

describe('unverified data never reaches paper', () => {
  it('forms, publish and export-record refuse (exit 1) a log whose stored target name was forged, naming the cell', async () => {
    const io = await sampleIo();
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd.xlsx')).code).toBe(0);
    io.files.set('/work/t.xlsx', await tamper(io.files.get('/work/d.xlsx')!, RESULT, () => [{ address: 'B5', rows: [['伪造的药店']] }], true));
    for (const argv of [['forms', 't.xlsx'], ['publish', 't.xlsx'], ['export-record', 't.xlsx'], ['draw', 't.xlsx', '--task', '2025001/001']]) {
      const r = await run(io, ...argv);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(new RegExp(`抽取记录未通过验证（${RESULT}!B5`));
    }
    expect(io.files.has('/work/t.forms.xlsx')).toBe(false);
  });
});

describe('the output on disk', () => {
  it('treats a symlink to the input as the input (no silent replacement)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ssj-'));
    await writeFile(join(dir, 'real.xlsx'), await sampleBytes());
    await symlink(join(dir, 'real.xlsx'), join(dir, 'link.xlsx'));
    const io = { ...createNodeIo(), stdout: () => undefined, stderr: (t: string) => void (err += t) };
    let err = '';
    const code = await runCli(['draw', join(dir, 'link.xlsx'), '--task', TASK, '-o', join(dir, 'real.xlsx')], io);
    expect(code).toBe(2);
    expect(err).toMatch(/输出文件与输入文件相同/);
    expect(Buffer.from(await readFile(join(dir, 'real.xlsx'))).equals(Buffer.from(await sampleBytes()))).toBe(true);
  });

  it('lets only one of two concurrent draws to the same new output write it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ssj-'));
    await writeFile(join(dir, 'b.xlsx'), await sampleBytes());
    const quiet = () => ({ ...createNodeIo(), stdout: () => undefined, stderr: () => undefined });
    const argv = ['draw', join(dir, 'b.xlsx'), '--task', TASK, '-o', join(dir, 'out.xlsx')];
    const codes = await Promise.all([runCli(argv, quiet()), runCli(argv, quiet())]);
    expect([...codes].sort()).toEqual([0, 2]);
  });
});

// The log sheet keeps the user's page breaks etc. is the xlsx adapter's business; here only the log.
describe('a user sheet already named 抽取记录', () => {
  it('is refused with the sheet named, not an internal error', async () => {
    const io = await sampleIo();
    const { createXlsxWorkbook } = await import('../../src/workbook/xlsx');
    const { buildSampleBook } = await import('../../src/core/sample');
    const book = createXlsxWorkbook();
    await book.apply([...buildSampleBook().ops, { kind: 'addSheet', sheet: LOG_SHEET }, { kind: 'write', sheet: LOG_SHEET, address: 'A1', rows: [['日期', '事项'], ['2025-01-02', '会议记录']] }]);
    io.files.set('/work/u.xlsx', await book.save());
    const r = await run(io, 'draw', 'u.xlsx', '--task', TASK);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/已有一张名为“抽取记录”的工作表.*不是本工具的抽取记录/);
  });
});

describe('history dates decide who is left out', () => {
  it('validate and draw report every history date that cannot be read, before the draw', async () => {
    const io = await sampleIo();
    const { openXlsxWorkbook } = await import('../../src/workbook/xlsx');
    const book = await openXlsxWorkbook(io.files.get('/work/b.xlsx')!, 'b.xlsx');
    const sheets = await book.listSheets();
    const grids = await book.readSheets(sheets.map((s) => s.name));
    const history = grids.find((g) => g.sheet.includes('检查历史') || g.sheet.includes('历史'))!;
    // The history header is the first row that names 检查日期.
    const headerRow = history.text.findIndex((r) => r.some((t) => /检查日期|日期/.test(t)));
    const col = history.text[headerRow]!.findIndex((t) => /检查日期|日期/.test(t));
    const at = (r: number) => `${String.fromCharCode(65 + history.origin.col + col)}${history.origin.row + headerRow + 1 + r}`;
    await book.apply([
      { kind: 'write', sheet: history.sheet, address: at(1), rows: [['11/1/2026']] },
      { kind: 'write', sheet: history.sheet, address: at(2), rows: [['昨天']] },
    ]);
    io.files.set('/work/h.xlsx', await book.save());
    const v = await run(io, 'validate', 'h.xlsx', '--json');
    const codes = (JSON.parse(v.out) as { findings: { code: string; cell: string }[] }).findings.filter((f) => f.code === 'HISTORY_DATE');
    expect(codes.map((f) => f.cell)).toEqual([at(1), at(2)]);
    const d = await run(io, 'draw', 'h.xlsx', '--task', TASK);
    expect(d.err).toContain(`注意：${history.sheet}!${at(1)} 检查日期“11/1/2026”无法确定是几月几日`);
    expect(d.err).toContain(`${history.sheet}!${at(2)} 检查日期“昨天”不是可识别的日期`);
  });
});

describe('verify covers the whole of our own sheets', () => {
  const cases: [string, string, string, string, string][] = [
    ['the count beside the head', LOG_SHEET, 'E2', '5', 'LOG_COUNT_CELL'],
    ['a header cell of the log', LOG_SHEET, 'C4', '类别', 'LOG_LAYOUT'],
    ['the title of the log', LOG_SHEET, 'A1', '抽取记录', 'LOG_LAYOUT'],
    ['text beside the entries', LOG_SHEET, 'O5', '已核对', 'LOG_CELL_EXTRA'],
    ['text beside a result table', RESULT, 'G5', '备注：已通知', 'RESULT_CELL_EXTRA'],
    ['a 序号 that is not an integer', LOG_SHEET, 'A5', '十三', 'LOG_CELL_NUMBER'],
    ['a 抽中数量 that is not an integer', LOG_SHEET, 'H5', '1.5', 'LOG_CELL_NUMBER'],
  ];
  it.each(cases)('finds %s (exit 1, the cell named, never an internal error)', async (_what, sheet, cell, text, code) => {
    const io = await sampleIo();
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd.xlsx')).code).toBe(0);
    io.files.set('/work/t.xlsx', await tamper(io.files.get('/work/d.xlsx')!, sheet, () => [{ address: cell, rows: [[text]] }]));
    const r = await run(io, 'verify', 't.xlsx', '--json');
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.out) as { findings: { code: string; sheet: string; cell: string }[] }).findings;
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ code, sheet, cell })]));
  });
});

describe('forms --layout sheet-per-target with an apostrophe in a target name', () => {
  it('writes a print area Excel and LibreOffice accept (the quote doubled)', async () => {
    const io = await sampleIo();
    const { openXlsxWorkbook } = await import('../../src/workbook/xlsx');
    const { unzipSync, strFromU8 } = await import('fflate');
    const book = await openXlsxWorkbook(io.files.get('/work/b.xlsx')!, 'b.xlsx');
    const [dir] = await book.readSheets(['检查对象名录库']);
    // Every target name gets an apostrophe, so whichever is drawn has one.
    const header = dir!.text.findIndex((r) => r.includes('检查对象名称'));
    const col = dir!.text[header]!.indexOf('检查对象名称');
    const names = dir!.text.slice(header + 1).map((r) => [`${r[col]}'s`]);
    await book.apply([{ kind: 'write', sheet: '检查对象名录库', address: `${String.fromCharCode(65 + dir!.origin.col + col)}${dir!.origin.row + header + 2}`, rows: names }]);
    io.files.set('/work/q.xlsx', await book.save());
    expect((await run(io, 'draw', 'q.xlsx', '--task', TASK, '-o', 'qd.xlsx')).code).toBe(0);
    const f = await run(io, 'forms', 'qd.xlsx', '--layout', 'sheet-per-target', '-o', 'qf.xlsx');
    expect(f.code).toBe(0);
    const workbookXml = strFromU8(unzipSync(io.files.get('/work/qf.xlsx')!)['xl/workbook.xml']!);
    const areas = [...workbookXml.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1]!);
    expect(areas.length).toBeGreaterThan(0);
    for (const a of areas) expect(a).toMatch(/^'(?:[^']|'')+'!\$A\$1:\$[A-Z]+\$\d+$/);
    expect(areas.some((a) => a.includes("''s"))).toBe(true);
  });
});
