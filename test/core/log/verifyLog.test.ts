import type { DrawRecord } from '../../../src/core/draw';
import type { Grid } from '../../../src/core/grid';
import type { LogData, LogEntry, LogState } from '../../../src/core/log';
import {
  appendLogEntry,
  DATA_SHEET,
  LOG_SHEET,
  readLogState,
  serializeLogData,
  verifyLog,
} from '../../../src/core/log';
import { openXlsxWorkbook } from '../../../src/workbook/xlsx';
import { RESULT, TASK, run, sampleIo } from '../../cli/logFixture';

type Book = {
  grids: Grid[];
  sheetInfo: { name: string; isProtected: boolean }[];
  state: LogState;
  record: DrawRecord;
};

/** Draw (with `drawArgs`), then substitute the first target's leader: a log of two rows. */
async function drawnBook(...drawArgs: string[]): Promise<Book> {
  const io = await sampleIo();
  const d = await run(io, 'draw', 'b.xlsx', '--task', TASK, '--json', '-o', 'd.xlsx', ...drawArgs);
  const record = (JSON.parse(d.out) as { record: DrawRecord }).record;
  const first = record.result[0]!;
  expect(
    (
      await run(
        io,
        'substitute',
        'd.xlsx',
        '--draw',
        '1',
        '--target',
        first.target,
        '--out',
        first.leader,
        '--reason',
        '因病',
        '-o',
        's.xlsx',
      )
    ).code,
  ).toBe(0);
  const book = await openXlsxWorkbook(io.files.get('/work/s.xlsx')!, 's.xlsx');
  const sheets = await book.listSheets();
  const grids = await book.readSheets(sheets.map((s) => s.name));
  const byName = (n: string) => grids.find((g) => g.sheet === n) ?? null;
  return {
    grids,
    sheetInfo: sheets.map((s) => ({ name: s.name, isProtected: s.isProtected })),
    state: readLogState(byName(LOG_SHEET), byName(DATA_SHEET)),
    record,
  };
}

function verify(b: Book, grids = b.grids, state = b.state, sheetInfo = b.sheetInfo) {
  return verifyLog(state, {
    resultGrids: grids,
    sheetInfo,
    dataGrid: grids.find((g) => g.sheet === DATA_SHEET) ?? null,
  });
}

/** A copy of the grids with one cell's text set (1-based row, 0-based column). */
function withText(grids: Grid[], sheet: string, row1: number, col: number, text: string): Grid[] {
  return grids.map((g) => {
    if (g.sheet !== sheet) return g;
    const t = g.text.map((r) => [...r]);
    t[row1 - 1 - g.origin.row]![col - g.origin.col] = text;
    return { ...g, text: t };
  });
}

/** The whole chain rewritten after changing stored data: what someone who knows the format could forge. */
function rewriteChain(state: LogState, change: (seq: number, data: LogData) => LogData): LogState {
  const data = new Map(state.data);
  let prev: LogEntry | null = null;
  const rows = state.rows.map(({ entry, row }) => {
    const next = change(entry.seq, JSON.parse(state.data.get(entry.seq)!) as LogData);
    const { text, digest } = serializeLogData(next);
    data.set(entry.seq, text);
    const { seq: _s, prevHash: _p, hash: _h, dataDigest: _d, ...fields } = entry;
    const e: LogEntry = appendLogEntry(prev, fields, digest);
    prev = e;
    return { entry: e, row };
  });
  return { ...state, rows, data, shownHead: prev!.hash };
}

describe('verifyLog', () => {
  let book: Book;
  beforeAll(async () => {
    book = await drawnBook();
  });

  it('accepts an untouched log with a substitution', () => {
    const r = verify(book);
    expect(r).toEqual({ ok: true, entries: 2, head: book.state.rows[1]!.entry.hash, findings: [] });
  });

  it('warns, without failing, when the log sheets are not protected', () => {
    const info = book.sheetInfo.map((s) =>
      s.name === LOG_SHEET || s.name === DATA_SHEET ? { ...s, isProtected: false } : s,
    );
    const r = verify(book, book.grids, book.state, info);
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => [f.severity, f.code, f.sheet])).toEqual([
      ['warning', 'LOG_UNPROTECTED', LOG_SHEET],
      ['warning', 'LOG_UNPROTECTED', DATA_SHEET],
    ]);
    expect(r.findings[0]!.message).toBe('抽取记录工作表未受保护：可能被手工改动过。');
  });

  it('compares the substituted team with the result sheet', () => {
    // The sheet shows the new leader; putting the old one back is a change.
    const grids = withText(book.grids, RESULT, 5, 4, '旧组长');
    const r = verify(book, grids);
    expect(r.ok).toBe(false);
    expect(r.findings).toEqual([expect.objectContaining({ code: 'RESULT_CELL', sheet: RESULT, cell: 'E5' })]);
  });

  it('reports a missing and an extra result row', () => {
    const n = book.record.result.length;
    const last = 5 + n - 1;
    let grids = book.grids;
    for (let c = 0; c < 6; c++) grids = withText(grids, RESULT, last, c, '');
    expect(verify(book, grids).findings).toEqual([
      expect.objectContaining({ code: 'RESULT_ROW_MISSING', cell: `A${last}` }),
    ]);
    const g = book.grids.find((x) => x.sheet === RESULT)!;
    const grown = book.grids.map((x) =>
      x === g ? { ...g, text: [...g.text, ['99', '多出来的药店', '', '', '', '']] } : x,
    );
    expect(verify(book, grown).findings).toEqual([
      expect.objectContaining({ code: 'RESULT_ROW_EXTRA', cell: `A${g.origin.row + g.text.length + 1}` }),
    ]);
  });

  it('catches a forged substitution even when the whole chain was rewritten consistently', () => {
    const forged = rewriteChain(book.state, (_seq, d) => {
      if (d.event !== '递补') return d;
      const others = book.record.team.inspectors
        .map((p) => p.id)
        .filter((id) => id !== d.substitution.replacement && id !== d.substitution.out);
      return { ...d, substitution: { ...d.substitution, replacement: others[0]! } };
    });
    const r = verify(book, book.grids, forged);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain('LOG_SUBSTITUTION');
    expect(r.findings.find((f) => f.code === 'LOG_SUBSTITUTION')!.message).toMatch(/replacement 应为/);
  });

  it('catches a forged draw result even when the whole chain was rewritten consistently', () => {
    const forged = rewriteChain(book.state, (_seq, d) => {
      if (d.event !== '抽取') return d;
      const result = [...d.record.result];
      [result[0], result[1]] = [result[1]!, result[0]!];
      return { ...d, record: { ...d.record, result } };
    });
    const r = verify(book, book.grids, forged);
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toContain('LOG_DRAW_RESULT');
  });

  it('names the protocol the record was drawn with when its result or a substitution does not replay', async () => {
    const v2 = await drawnBook('--min-staff', '2');
    expect(v2.record.protocol).toBe('ssj-draw/2');
    const forged = rewriteChain(v2.state, (_seq, d) => {
      if (d.event === '抽取') {
        const result = [...d.record.result];
        [result[0], result[1]] = [result[1]!, result[0]!];
        return { ...d, record: { ...d.record, result } };
      }
      if (d.event === '递补') return { ...d, substitution: { ...d.substitution, out: 'nobody' } };
      return d;
    });
    const messages = verify(v2, v2.grids, forged).findings.map((f) => f.message);
    expect(messages.find((m) => m.includes('存储的抽取结果'))).toMatch(/与按 ssj-draw\/2 重算的结果不一致/);
    expect(messages.find((m) => m.includes('的递补无法'))).toMatch(/无法按 ssj-draw\/2 §7 重放/);
  });

  it('reports stored data that is missing', () => {
    const data = new Map(book.state.data);
    data.delete(2);
    const r = verify(book, book.grids, { ...book.state, data });
    expect(r.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'LOG_DATA_MISSING', sheet: LOG_SHEET, cell: 'L6' }),
      ]),
    );
  });
});
