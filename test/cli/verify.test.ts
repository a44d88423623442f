import type { Grid } from '../../src/core/grid';
import type { CellValue } from '../../src/core/grid';
import { DATA_SHEET, LOG_SHEET } from '../../src/core/log';
import type { FakeIo } from './fakeIo';
import { RESULT, TASK, run, rowText, sampleIo, sheetGrid, tamper } from './logFixture';

type Report = {
  ok: boolean;
  entries: number;
  head: string;
  findings: { severity: string; code: string; sheet: string; cell: string; message: string }[];
};

function rowValues(grid: Grid, row1: number, width = 14): CellValue[] {
  const r = grid.values[row1 - 1 - grid.origin.row] ?? [];
  return Array.from({ length: width }, (_, c) => r[c - grid.origin.col] ?? null);
}

/** Two draws (rows 5 and 6 of the log): 2025002/001, then 2025001/001. */
async function twoDraws(): Promise<{ io: FakeIo; bytes: Uint8Array }> {
  const io = await sampleIo();
  expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd1.xlsx')).code).toBe(0);
  expect((await run(io, 'draw', 'd1.xlsx', '--task', '2025001/001', '-o', 'd2.xlsx')).code).toBe(0);
  return { io, bytes: io.files.get('/work/d2.xlsx')! };
}

async function verifyBytes(
  io: FakeIo,
  bytes: Uint8Array,
): Promise<{ code: number; out: string; report: Report }> {
  io.files.set('/work/t.xlsx', bytes);
  const text = await run(io, 'verify', 't.xlsx');
  const json = await run(io, 'verify', 't.xlsx', '--json');
  expect(json.code).toBe(text.code);
  return { code: text.code, out: text.out, report: JSON.parse(json.out) as Report };
}

describe('shuangsuiji verify', () => {
  it('passes right after a draw and prints the count and the chain head', async () => {
    const io = await sampleIo();
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK)).code).toBe(0);
    const r = await run(io, 'verify', 'b.draw.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^验证通过：1 条记录，链头哈希 [0-9a-f]{64}，公示码 [0-9A-F]{4}(-[0-9A-F]{4}){3}\n/);
    // A log that is whole may still have been rewritten as a whole: verify says how to check it.
    expect(r.out).toContain('请将公示码与已公布的核对（shuangsuiji verify b.draw.xlsx --head');
    const j = await run(io, 'verify', 'b.draw.xlsx', '--json');
    const doc = JSON.parse(j.out) as Report;
    expect(doc).toEqual({
      ok: true,
      entries: 1,
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
      publicCode: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/),
      findings: [],
    });
    expect(r.out).toContain(doc.head);
  });

  it('passes on a book without a log', async () => {
    const io = await sampleIo();
    const r = await run(io, 'verify', 'b.xlsx');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/验证通过：0 条记录/);
  });

  it('exits 2 with one Chinese line for a missing book', async () => {
    const io = await sampleIo();
    const r = await run(io, 'verify', 'nope.xlsx');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  describe('names the place of a single-cell change', () => {
    let base: { io: FakeIo; bytes: Uint8Array };
    beforeAll(async () => {
      base = await twoDraws();
      const ok = await verifyBytes(base.io, base.bytes);
      expect(ok.code).toBe(0);
      expect(ok.report.entries).toBe(2);
    });

    it('a date (时间) in the log', async () => {
      const t = await tamper(base.bytes, LOG_SHEET, () => [
        { address: 'B5', rows: [['2025-03-04T09:30:00+08:00']] },
      ]);
      const { code, out, report } = await verifyBytes(base.io, t);
      expect(code).toBe(1);
      expect(out).toContain('抽取记录!B5');
      expect(out).toContain('抽取记录!N5');
      expect(report.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(
        expect.arrayContaining(['LOG_HASH@N5', 'LOG_CELL_CHANGED@B5']),
      );
    });

    it('a digest in the log', async () => {
      const t = await tamper(base.bytes, LOG_SHEET, () => [{ address: 'K6', rows: [['f'.repeat(64)]] }]);
      const { code, out, report } = await verifyBytes(base.io, t);
      expect(code).toBe(1);
      expect(out).toContain('抽取记录!K6');
      expect(report.findings.some((f) => f.code === 'LOG_RECORD_DIGEST' && f.cell === 'K6')).toBe(true);
    });

    it('a name on the result sheet', async () => {
      const t = await tamper(base.bytes, RESULT, () => [{ address: 'B7', rows: [['邢台某某大药房']] }]);
      const { code, out, report } = await verifyBytes(base.io, t);
      expect(code).toBe(1);
      expect(out).toContain(`${RESULT}!B7`);
      expect(report.findings).toEqual([
        expect.objectContaining({ code: 'RESULT_CELL', sheet: RESULT, cell: 'B7' }),
      ]);
    });

    it('a JSON chunk in _ssj_data', async () => {
      let cell = '';
      const t = await tamper(base.bytes, DATA_SHEET, (g) => {
        const row = [2, 3, 4, 5].find((r) => rowText(g, r, 4)[0] === '2')!;
        cell = `D${row}`;
        const text = rowText(g, row, 4)[3]!;
        return [{ address: cell, rows: [[text.replace('"stratum":"', '"stratum":"X')]] }];
      });
      const { code, out, report } = await verifyBytes(base.io, t);
      expect(code).toBe(1);
      expect(out).toContain(`${DATA_SHEET}!${cell}`);
      expect(
        report.findings.some(
          (f) => f.code === 'LOG_DATA_DIGEST' && f.sheet === DATA_SHEET && f.cell === cell,
        ),
      ).toBe(true);
    });

    it('a deleted log row', async () => {
      const t = await tamper(base.bytes, LOG_SHEET, (g) => [
        { address: 'A5', rows: [rowValues(g, 6)] },
        { address: 'A6', rows: [Array<CellValue>(14).fill(null)] },
      ]);
      const { code, out, report } = await verifyBytes(base.io, t);
      expect(code).toBe(1);
      expect(out).toContain('抽取记录!A5');
      expect(report.findings.map((f) => f.code)).toEqual(
        expect.arrayContaining(['LOG_SEQ', 'LOG_PREV_HASH', 'LOG_ROW_MISSING', 'RESULT_SHEET_UNLOGGED']),
      );
    });

    it('two swapped log rows', async () => {
      const t = await tamper(base.bytes, LOG_SHEET, (g) => [
        { address: 'A5', rows: [rowValues(g, 6)] },
        { address: 'A6', rows: [rowValues(g, 5)] },
      ]);
      const { code, out } = await verifyBytes(base.io, t);
      expect(code).toBe(1);
      expect(out).toContain('抽取记录!A5');
      expect(out).toContain('抽取记录!A6');
      expect(out).toContain('抽取记录!M5');
    });

    it('warns (exit 0) when the log sheet was merely left unprotected', async () => {
      const t = await tamper(base.bytes, LOG_SHEET, () => [], true);
      const { code, out, report } = await verifyBytes(base.io, t);
      expect(code).toBe(0);
      expect(out).toContain('抽取记录工作表未受保护：可能被手工改动过');
      expect(report.findings).toEqual([
        expect.objectContaining({ severity: 'warning', code: 'LOG_UNPROTECTED', sheet: LOG_SHEET }),
      ]);
    });
  });

  it('draw refuses to append to a broken chain and says how to proceed', async () => {
    const { io, bytes } = await twoDraws();
    io.files.set(
      '/work/t.xlsx',
      await tamper(bytes, LOG_SHEET, () => [{ address: 'F5', rows: [['别人']] }], true),
    );
    const r = await run(io, 'draw', 't.xlsx', '--task', '2025002/002');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/不能在损坏的记录后追加.*shuangsuiji verify t\.xlsx.*备份恢复/);
    expect(io.files.has('/work/t.draw.xlsx')).toBe(false);
    const v = await run(io, 'verify', 't.xlsx');
    expect(v.code).toBe(1);
    expect(v.out).toContain('抽取记录工作表未受保护');
  });

  it('re-draws only after 作废, as a new attempt that references the voided one', async () => {
    const io = await sampleIo();
    const first = await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd.xlsx');
    expect(first.code).toBe(0);
    expect(first.out).not.toContain('重新抽取');
    const again = await run(io, 'draw', 'd.xlsx', '--task', TASK, '-o', 'd2.xlsx');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/已于抽取记录第 1 条抽取过.*shuangsuiji void d\.xlsx --draw 1/);
    expect(io.files.has('/work/d2.xlsx')).toBe(false);
    expect((await run(io, 'void', 'd.xlsx', '--draw', '1', '--reason', '抽取范围有误')).code).toBe(0);
    expect(io.files.has('/work/d.void.xlsx')).toBe(true);
    const redraw = await run(io, 'draw', 'd.void.xlsx', '--task', TASK, '-o', 'd3.xlsx');
    expect(redraw.code).toBe(0);
    expect(redraw.out).toContain('这是重新抽取：替代已作废的抽取记录第 1 条');
    const log = await sheetGrid(io.files.get('/work/d3.xlsx')!, LOG_SHEET);
    expect(rowText(log, 6)[2]).toBe('作废');
    expect(rowText(log, 7)[8]).toMatch(/替代第 1 条/);
    const v = await run(io, 'verify', 'd3.xlsx');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/验证通过：3 条记录/);
    expect((await run(io, 'void', 'd3.xlsx', '--draw', '2', '--reason', 'x')).code).toBe(2);
  });

  it('public seed: commitment then draw verifies; a changed commitment fails', async () => {
    const io = await sampleIo();
    const ann = '2025-03-06 福彩3D 第2025060期 开奖号码：d d d';
    const c = await run(io, 'draw', 'b.xlsx', '--task', TASK, '--commit', ann, '-o', 'c.xlsx');
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/承诺值（SHA-256）：[0-9a-f]{64}/);
    const d = await run(
      io,
      'draw',
      'c.xlsx',
      '--task',
      TASK,
      '--public-text',
      '2025-03-06 福彩3D 第2025060期 开奖号码：3 8 1',
      '-o',
      'p.xlsx',
    );
    expect(d.code).toBe(0);
    expect(d.err).toBe('');
    const ok = await run(io, 'verify', 'p.xlsx');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/验证通过：2 条记录/);
    const t = await tamper(io.files.get('/work/p.xlsx')!, LOG_SHEET, () => [
      { address: 'J5', rows: [['0'.repeat(64)]] },
    ]);
    const { code, out, report } = await verifyBytes(io, t);
    expect(code).toBe(1);
    expect(out).toContain('抽取记录!J5');
    expect(report.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(['LOG_COMMITMENT', 'LOG_COMMITMENT_DATA', 'LOG_HASH']),
    );
  });
});
