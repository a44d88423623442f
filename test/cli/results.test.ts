import { readBookState } from '../../src/workbook';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import type { CellInput } from '../../src/core/workbookOps';
import { TASK, run, rowText, sampleIo, sheetGrid } from './logFixture';
import type { FakeIo } from './fakeIo';

const SHEET = '检查结果-2025002-001-1';

/** Types results into the results sheet of a saved book (it is not protected): rows from the first target. */
/** Types rows of 检查结果, 检查日期, 后续处置, 备注 (columns D, E, G, H; F is 上报时间). */
async function enterResults(io: FakeIo, from: string, to: string, rows: CellInput[][]): Promise<void> {
  const book = await openXlsxWorkbook(io.files.get(from)!, 'x.xlsx');
  await book.apply([
    { kind: 'write', sheet: SHEET, address: 'D5', rows: rows.map((r) => [r[0] ?? null, r[1] ?? null]) },
    { kind: 'write', sheet: SHEET, address: 'G5', rows: rows.map((r) => [r[2] ?? null, r[3] ?? null]) },
  ]);
  io.files.set(to, await book.save());
}

/** 2025-03-05 (the fake clock's day, also the draw's) as a date cell. */
const DAY: CellInput = { value: 45721, format: 'yyyy-mm-dd' };

async function drawn(): Promise<FakeIo> {
  const io = await sampleIo();
  expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd.xlsx')).code).toBe(0);
  return io;
}

describe('shuangsuiji results', () => {
  it('adds the results entry sheet of every draw without one to a copy, and nothing else', async () => {
    const io = await drawn();
    const r = await run(io, 'results', 'd.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已为抽取记录第 1 条新建检查结果登记表“${SHEET}”（11 个检查对象）`);
    const before = await openXlsxWorkbook(io.files.get('/work/d.xlsx')!, 'd.xlsx');
    const after = await openXlsxWorkbook(io.files.get('/work/d.results.xlsx')!, 'r.xlsx');
    const names = (await after.listSheets()).map((s) => s.name);
    expect(names).toEqual([...(await before.listSheets()).map((s) => s.name), SHEET]);
    const grid = await sheetGrid(io.files.get('/work/d.results.xlsx')!, SHEET);
    expect(rowText(grid, 2, 1)[0]).toMatch(/^抽取记录第 1 条｜任务 2025002\/001｜链摘要 [0-9a-f]{64}$/);
    expect(rowText(grid, 4, 8).map((t) => t.replace('\n', ''))).toEqual(['序号', '检查对象名称', '统一社会信用代码', '检查结果（编号）', '检查日期', '上报时间', '后续处置', '备注']);
    expect((await after.listSheets()).find((s) => s.name === SHEET)!.isProtected).toBe(false);
    // The log still verifies: the new sheet is not a result sheet.
    expect((await run(io, 'verify', 'd.results.xlsx')).code).toBe(0);
  });

  it('says so and writes nothing when every draw already has its sheet; refuses a second sheet or an unknown draw (exit 2)', async () => {
    const io = await drawn();
    await run(io, 'results', 'd.xlsx', '-o', 'r.xlsx');
    const again = await run(io, 'results', 'r.xlsx', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ sheets: [], output: null });
    expect(io.files.has('/work/r.results.xlsx')).toBe(false);
    const twice = await run(io, 'results', 'r.xlsx', '--draw', '1');
    expect(twice.code).toBe(2);
    expect(twice.err).toBe(`抽取记录第 1 条已有结果登记表“${SHEET}”：请直接在其中填写；如需重新生成，请先删除该工作表。\n`);
    const unknown = await run(io, 'results', 'd.xlsx', '--draw', '9');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('抽取记录第 9 条不是一次抽取');
    const none = await run(io, 'results', 'b.xlsx');
    expect(none.code).toBe(2);
    expect(none.err).toContain('还没有抽取记录');
  });

  it('refuses a voided draw', async () => {
    const io = await drawn();
    expect((await run(io, 'void', 'd.xlsx', '--draw', '1', '--reason', '抽取范围有误', '-o', 'v.xlsx')).code).toBe(0);
    const r = await run(io, 'results', 'v.xlsx', '--draw', '1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('已于第 2 条作废');
    const all = await run(io, 'results', 'v.xlsx');
    expect(all.code).toBe(0);
    expect(all.out).toContain('没有写出新文件');
  });
});

describe('shuangsuiji publish', () => {
  it('adds the 公示 sheet with the results entered and the 年度统计 sheet, writes the CSV and prints the figures', async () => {
    const io = await drawn();
    await run(io, 'results', 'd.xlsx', '-o', 'r.xlsx');
    await enterResults(io, '/work/r.xlsx', '/work/f.xlsx', [
      [1, DAY, '无需后续处置'],
      [5, DAY, '责令改正', '当场整改'],
    ]);
    const p = await run(io, 'publish', 'f.xlsx', '--csv', '公示.csv');
    expect(p.code).toBe(0);
    expect(p.out).toContain('公示表“结果公示”：可公示的抽取 1 次，11 个检查对象，其中 2 个已有检查结果。');
    expect(p.out).toContain('检查结果：已录入 2 个，待录入 9 个。');
    expect(p.out).toMatch(/联合抽查次数占比：100\.0%（1\/1）（要求 ≥ 60%，达标）/);
    expect(p.out).toMatch(/检查结果录入：18\.1%（2\/11）（要求 100%，未达标）/);
    const saved = io.files.get('/work/f.publish.xlsx')!;
    const pub = await sheetGrid(saved, '结果公示');
    expect(rowText(pub, 3, 8).slice(4, 6)).toEqual(['未发现问题', '2025-03-05']);
    expect(rowText(pub, 4, 8)[4]).toBe('发现问题已责令整改');
    expect(rowText(pub, 5, 8).slice(4, 6)).toEqual(['', '']);
    const fig = await sheetGrid(saved, '年度统计');
    expect(rowText(fig, 2, 6)).toEqual(['年度', '指标', '数值', '要求', '是否达标', '说明']);
    expect(fig.text.flat().join('')).toContain('（本局设置未修改这些要求，为本工具的默认值）');
    const csv = new TextDecoder().decode(io.files.get('/work/公示.csv')!);
    expect(csv.split('\r\n')[1]).toMatch(/,未发现问题,2025-03-05,.*医疗保障局.*,无需后续处置$/);
    const lines = csv.split('\r\n');
    // 11 targets under the header, then every attempt of the task, then the chain head to check by.
    expect(lines[12]).toBe('');
    expect(lines.slice(13, 15)).toEqual(['抽取经过', '任务,抽取记录序号,时间,事件,随机源,说明']);
    expect(lines[15]).toMatch(/^2025002\/001,1,.*,抽取,本地随机,抽中 11 个$/);
    expect(csv).toMatch(/\r\n公示码,[0-9A-F]{4}(-[0-9A-F]{4}){3}\r\n链头哈希,[0-9a-f]{64}\r\n$/);
    // The published copy still reads as the bureau's book and verifies.
    const state = await readBookState(await openXlsxWorkbook(saved, 'p.xlsx'));
    expect(state.report.tables.map((t) => t.sheet)).not.toContain('结果公示');
    expect((await run(io, 'verify', 'f.publish.xlsx')).code).toBe(0);
  });

  it('exits 1 when the entered results have errors, still writing the copy, and lists them with their cells', async () => {
    const io = await drawn();
    await run(io, 'results', 'd.xlsx', '-o', 'r.xlsx');
    await enterResults(io, '/work/r.xlsx', '/work/f.xlsx', [[11, '2025-13-01']]);
    const p = await run(io, 'publish', 'f.xlsx', '--json');
    expect(p.code).toBe(1);
    const json = JSON.parse(p.out) as { findings: { code: string; cell: string; sheet: string }[]; output: string; years: { figures: { key: string }[] }[] };
    expect(json.findings.map((f) => [f.code, f.sheet, f.cell])).toEqual([
      ['RESULTS_CODE_INVALID', SHEET, 'D5'],
      ['RESULTS_DATE_INVALID', SHEET, 'E5'],
    ]);
    expect(json.output).toBe('/work/f.publish.xlsx');
    expect(io.files.has('/work/f.publish.xlsx')).toBe(true);
    expect(json.years[0]!.figures).toHaveLength(8);
  });

  it('refuses a CSV path that is the workbook, and a book without draws (exit 2, nothing written)', async () => {
    const io = await drawn();
    const same = await run(io, 'publish', 'd.xlsx', '--csv', 'd.publish.xlsx');
    expect(same.code).toBe(2);
    expect(same.err).toContain('--csv 的文件不能与工作簿文件相同');
    expect(io.files.has('/work/d.publish.xlsx')).toBe(false);
    const none = await run(io, 'publish', 'b.xlsx');
    expect(none.code).toBe(2);
    expect(io.files.has('/work/b.publish.xlsx')).toBe(false);
  });
});
