/**
 * Seeded fuzzing of what users and their files throw at us: broken .xlsx bytes, hostile cell values
 * in every column, merged headers, duplicate sheets. Every case must end in a result or a clear
 * Chinese error (exit 2), never a crash or a hang, and the input file must never change.
 */
import { runCli } from '../../src/cli';
import { buildSampleBook } from '../../src/core/sample';
import { createSampleRandom } from '../../src/core/sample/sampleRandom';
import type { CellInput, WorkbookOp } from '../../src/core/workbookOps';
import ExcelJS from 'exceljs';
import { createFakeIo } from '../cli/fakeIo';
import { bookBytes } from '../cli/logFixture';

const rnd = createSampleRandom(20251124);
const CJK = /[\u4e00-\u9fff]/;

function hostileValue(): CellInput {
  const pick = rnd.int(14);
  switch (pick) {
    case 0:
      return '=HYPERLINK("http://x","点我")';
    case 1:
      return '+86 138 0000 0000';
    case 2:
      return '-1+2';
    case 3:
      return '@SUM(A1)';
    case 4:
      return '#N/A';
    case 5:
      return 'x'.repeat(20_000 + rnd.int(12_000));
    case 6:
      return `控制\u0001字符\u0007\u001b[31m`;
    case 7:
      return '🏥💊👩‍⚕️ 𠮷野家药房';
    case 8:
      return Number('914403001922038216');
    case 9:
      return '2025/13/45';
    case 10:
      return '　\u00a0 \u200b';
    case 11:
      return rnd.int(2) ? true : -0.5;
    case 12:
      return '全年';
    default:
      return null;
  }
}

/** The sample book with hostile values sprinkled over every sheet's data rows. */
function hostileBook(): WorkbookOp[] {
  const ops = buildSampleBook({ targets: 25, seed: rnd.int(1e6) }).ops;
  return ops.map((op) => {
    if (op.kind !== 'write' || op.rows.length < 2) return op;
    const rows = op.rows.map((r) => r.map((v) => (rnd.int(6) === 0 ? hostileValue() : v)));
    return { ...op, rows };
  });
}

function expectCleanOutcome(code: number, err: string): void {
  expect([0, 1, 2]).toContain(code);
  if (code === 2) {
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(CJK);
    expect(err).not.toMatch(/内部错误|TypeError|at .*\(/);
  }
}

describe('hostile and broken input', () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await bookBytes(buildSampleBook({ targets: 20 }).ops);
  });

  it('answers truncated and corrupted files with a Chinese reason, never a crash', async () => {
    for (let i = 0; i < 150; i++) {
      const bytes = Uint8Array.from(good.subarray(0, rnd.int(2) ? rnd.int(good.length) : good.length));
      const flips = rnd.int(20);
      for (let f = 0; f < flips && bytes.length; f++) bytes[rnd.int(bytes.length)] = rnd.int(256);
      const before = Uint8Array.from(bytes);
      const io = createFakeIo({ '/work/b.xlsx': bytes });
      const code = await runCli(['validate', 'b.xlsx'], io);
      expectCleanOutcome(code, io.err);
      expect(io.files.get('/work/b.xlsx')).toEqual(before);
    }
  });

  it('validates and draws books with hostile values in every column without crashing', async () => {
    for (let i = 0; i < 30; i++) {
      const bytes = await bookBytes(hostileBook());
      const before = Uint8Array.from(bytes);
      const io = createFakeIo({ '/work/b.xlsx': bytes }, i);
      const v = await runCli(['validate', 'b.xlsx', '--json'], io);
      expectCleanOutcome(v, io.err);
      if (v !== 2) expect(() => JSON.parse(io.out) as unknown).not.toThrow();
      const io2 = createFakeIo({ '/work/b.xlsx': bytes }, i);
      const d = await runCli(['draw', 'b.xlsx', '--task', '2025002/001'], io2);
      expectCleanOutcome(d, io2.err);
      expect(io2.files.get('/work/b.xlsx')).toEqual(before);
      if (d === 0) {
        const io3 = createFakeIo({ '/work/b.xlsx': io2.files.get('/work/b.draw.xlsx')! });
        expect(await runCli(['verify', 'b.xlsx'], io3)).toBe(0);
      }
    }
  });

  it('reads merged cells across headers and a duplicated sheet', async () => {
    const ops: WorkbookOp[] = [
      ...buildSampleBook({ targets: 20 }).ops,
      { kind: 'merge', sheet: '检查对象名录库', address: 'B2:C2' },
      { kind: 'copySheet', source: '年度抽查计划', sheet: '年度抽查计划 (2)' },
    ];
    const io = createFakeIo({ '/work/b.xlsx': await bookBytes(ops) });
    const code = await runCli(['validate', 'b.xlsx', '--json'], io);
    expectCleanOutcome(code, io.err);
    const doc = JSON.parse(io.out) as { tables: { kind: string }[] };
    expect(doc.tables.filter((t) => t.kind === 'plan')).toHaveLength(2);
  });

  it('writes names starting with = + - @ as text in the result sheet and the forms, never as formulas', async () => {
    const sample = buildSampleBook({ targets: 30 });
    const ops = sample.ops.map((op) =>
      op.kind === 'write' && op.sheet === '检查对象名录库' && op.rows.length > 5
        ? { ...op, rows: op.rows.map((r) => r.map((v, c) => (c === 1 && typeof v === 'string' && r[3] === '定点零售药店' ? `=cmd|' /C calc'!A0${v}` : v))) }
        : op,
    );
    const io = createFakeIo({ '/work/b.xlsx': await bookBytes(ops) });
    expect(await runCli(['draw', 'b.xlsx', '--task', '2025002/001'], io)).toBe(0);
    const io2 = createFakeIo({ '/work/c.xlsx': io.files.get('/work/b.draw.xlsx')! });
    expect(await runCli(['forms', 'c.xlsx'], io2)).toBe(0);
    // Read back by another producer's reader: ExcelJS sees no formula anywhere.
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(Buffer.from(io2.files.get('/work/c.forms.xlsx')!) as unknown as ArrayBuffer);
    for (const sheet of ['抽取结果-2025002-001', '记录表-2025002-001']) {
      const ws = out.getWorksheet(sheet)!;
      let seen = 0;
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string' && cell.value.includes('=cmd|')) seen++;
          expect(cell.formula).toBeFalsy();
        }),
      );
      expect(seen).toBeGreaterThan(0);
    }
  });
});
