/**
 * Real Excel's failure modes through the Office adapter (#16): a failed batch, protected
 * workbooks and sheets, co-authors, page setup, stray cells and oversized requests. The fake
 * (fakeExcel.ts) follows the ExcelApi reference; every test here failed on the adapter before #16.
 */
import { buildSampleBook } from '../../src/core/sample';
import { makeDraw, planDraw } from '../../src/core/session';
import { DATA_SHEET, LOG_SHEET } from '../../src/core/log/drawLog';
import { verifyLog } from '../../src/core/log';
import type { CellValue } from '../../src/core/grid';
import { readBookState } from '../../src/workbook';
import type { WorkbookOp, WorkbookPort } from '../../src/workbook/port';
import { officeOnFake } from './officeOnFake';
import { rejection } from './rejection';

/** Everything a user could see or rely on: sheets, visibility, protection, cell text and formats, merges. */
async function lookOf(port: WorkbookPort): Promise<unknown> {
  const sheets = await port.listSheets();
  const grids = await port.readSheets(sheets.map((s) => s.name));
  return { sheets, grids };
}

/** A sample bureau book in the fake, read back, ready to draw task 1 with 5 %. */
async function sampleBook(targets = 60) {
  const { fake, book } = officeOnFake();
  await book.apply(buildSampleBook({ targets }).ops);
  return { fake, book };
}

type Order = 'core' | 'logFirst';

/**
 * The ops of a draw of the book's next undrawn task, in the order core builds them (the log row
 * last) or with the log's ops first — the adapter must undo either.
 */
async function drawOps(book: WorkbookPort, order: Order = 'core'): Promise<WorkbookOp[]> {
  const state = await readBookState(book);
  const n = state.log.rows.length;
  const task = { ...state.report.tasks[n % state.report.tasks.length]!, taskType: 'undirected' as const, ratio: { kind: 'plain' as const, basisPoints: 500 } };
  const seed = { source: 'local' as const, hex: (n + 1).toString(16).padStart(2, '0').repeat(32) };
  const meta = { time: '2025-12-09T10:00:00+08:00', operator: '测试' };
  const drawn = makeDraw(state, planDraw(state, task, { recentWindowDays: 0, annualCap: 0 }, 46000), seed, meta);
  if (!drawn.ok) throw new Error(drawn.refusal ? JSON.stringify(drawn.refusal) : drawn.failure.message);
  if (order === 'core') return drawn.ops;
  const isLog = (op: WorkbookOp) => 'sheet' in op && (op.sheet === LOG_SHEET || op.sheet === DATA_SHEET);
  return [...drawn.ops.filter(isLog), ...drawn.ops.filter((op) => !isLog(op))];
}

/**
 * Two identical books, each with the same first draw logged, and the ops of a second draw: the
 * scratch book runs them once to show the syncs and commands a failure can be put at.
 */
async function twinBooksWithSecondDraw(order: Order) {
  const a = await sampleBook();
  const b = await sampleBook();
  const first = await drawOps(a.book);
  await a.book.apply(first);
  await b.book.apply(first);
  const ops = await drawOps(a.book, order);
  b.fake.resetSyncs();
  await b.book.apply(ops);
  return { fake: a.fake, book: a.book, ops, syncs: b.fake.syncs.map((s, i) => ({ sync: i + 1, commands: s.commands })) };
}

describe('a failed batch in real Excel', () => {
  it('removes a very hidden sheet it added, so that the next first draw is not blocked by “_ssj_data 已存在”', async () => {
    const { fake, book } = await sampleBook();
    const before = await lookOf(book);
    const ops = await drawOps(book);
    fake.resetSyncs();
    fake.failOnSync(2, { code: 'GeneralException' }); // the first sync after the preconditions
    await expect(book.apply(ops)).rejects.toBeDefined();
    expect(fake.sheet(DATA_SHEET)).toBeUndefined();
    expect(await lookOf(book)).toEqual(before);
    await book.apply(await drawOps(book));
    expect(fake.sheet(DATA_SHEET)?.visibility).toBe('veryHidden');
  });

  it('repairs an orphan, very hidden _ssj_data left by an earlier failed first draw', async () => {
    const { fake, book } = await sampleBook();
    fake.seed(DATA_SHEET, [['序号', '块', '块数', '内容（canonical JSON）'], [1, 1, 1, '{"format":"ssj-log-data/1"}']], {
      visibility: 'veryHidden',
      isProtected: true,
    });
    await book.apply(await drawOps(book));
    const state = await readBookState(book);
    expect(state.log.rows).toHaveLength(1);
    const dataGrid = state.grids.find((g) => g.sheet === DATA_SHEET) ?? null;
    const verification = verifyLog(state.log, { dataGrid, resultGrids: state.grids, sheetInfo: state.sheets });
    expect(verification.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('gives back the earlier forms when the last batch of regenerated forms (delete old, rename new) fails', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('计划', [['抽查计划编号']]);
    fake.seed('记录表-2025001-001', [['部门联合抽查检查情况记录表'], ['旧的']], { isProtected: true });
    fake.seed('_ssj_新记录表_1', [['部门联合抽查检查情况记录表'], ['新的']]);
    const before = await lookOf(book);
    const ops: WorkbookOp[] = [
      { kind: 'write', sheet: '_ssj_新记录表_1', address: 'A3', rows: [['最后一批']] },
      { kind: 'deleteSheet', sheet: '记录表-2025001-001' },
      { kind: 'renameSheet', sheet: '_ssj_新记录表_1', to: '记录表-2025001-001' },
      { kind: 'activate', sheet: '记录表-2025001-001', address: 'A1' },
    ];
    fake.resetSyncs();
    await book.apply(ops);
    const syncs = fake.syncs.map((x) => x.commands);
    expect(fake.sheets.map((x) => x.name)).toEqual(['计划', '记录表-2025001-001']);
    expect(fake.cell('记录表-2025001-001', 'A3')?.value).toBe('最后一批');
    for (let sync = 2; sync <= syncs.length; sync++) {
      for (let atCommand = 1; atCommand <= syncs[sync - 1]!; atCommand++) {
        const again = officeOnFake();
        again.fake.seed('计划', [['抽查计划编号']]);
        again.fake.seed('记录表-2025001-001', [['部门联合抽查检查情况记录表'], ['旧的']], { isProtected: true });
        again.fake.seed('_ssj_新记录表_1', [['部门联合抽查检查情况记录表'], ['新的']]);
        again.fake.failOnSync(sync, { atCommand });
        await expect(again.book.apply(ops)).rejects.toBeDefined();
        expect({ sync, atCommand, look: await lookOf(again.book) }).toEqual({ sync, atCommand, look: before });
      }
    }
  });

  it('refuses up front, in Chinese, when the workbook structure is protected (ExcelApi 1.7)', async () => {
    const { fake, book } = await sampleBook();
    const before = await lookOf(book);
    const ops = await drawOps(book);
    fake.isStructureProtected = true;
    fake.resetSyncs();
    const e = await rejection(book.apply(ops));
    expect(e.code).toBe('WORKBOOK_PROTECTED');
    expect(e.message).toMatch(/工作簿结构受保护.*审阅 → 保护工作簿/);
    expect(fake.syncCount).toBe(1);
    fake.isStructureProtected = false;
    expect(await lookOf(book)).toEqual(before);
  });

  it.each(['core', 'logFirst'] as const)(
    'leaves the workbook as it was when a draw fails at any command of its writes (ops in %s order)',
    async (order) => {
      const { fake, book, ops, syncs } = await twinBooksWithSecondDraw(order);
      const before = await lookOf(book);
      // Every sync but the first (preconditions) and the last (the chain head read again).
      const points = syncs.slice(1, -1).flatMap(({ sync, commands }) => [1, Math.ceil(commands / 2), commands].map((atCommand) => ({ sync, atCommand })));
      for (const { sync, atCommand } of points) {
        fake.resetSyncs();
        fake.failOnSync(sync, { atCommand });
        await expect(book.apply(ops)).rejects.toBeDefined();
        expect({ sync, atCommand, look: await lookOf(book) }).toEqual({ sync, atCommand, look: before });
      }
    },
    60_000,
  );

  it('protects the log sheets again, in a fresh Excel.run, after a failure while they were unprotected', async () => {
    const { fake, book, ops, syncs } = await twinBooksWithSecondDraw('core');
    for (let sync = 2; sync <= syncs.length; sync++) {
      fake.resetSyncs();
      fake.failOnSync(sync, { atCommand: 2 });
      await expect(book.apply(ops)).rejects.toBeDefined();
      expect({ sync, log: fake.sheet(LOG_SHEET)?.isProtected, data: fake.sheet(DATA_SHEET)?.isProtected }).toEqual({ sync, log: true, data: true });
      expect(fake.sheet(LOG_SHEET)?.protectOptions).toMatchObject({ allowFormatCells: false });
    }
  });

  it('says which sheet has a password it does not know, and what to do, changing nothing', async () => {
    const { fake, book } = await sampleBook();
    await book.apply(await drawOps(book));
    // The clerk protected 抽取记录 again with a password of her own.
    const log = fake.sheet(LOG_SHEET)!;
    log.password = '本科室密码';
    const before = await lookOf(book);
    const e = await rejection(book.apply(await drawOps(book)));
    expect(e.code).toBe('SHEET_PASSWORD');
    expect(e.message).toContain('“抽取记录”');
    expect(e.message).toMatch(/审阅 → 撤销工作表保护/);
    expect(e.message).toContain('未做任何修改');
    expect(await lookOf(book)).toEqual(before);
  });

  it('appends when the password of the protected log is given', async () => {
    const { fake, book } = await sampleBook();
    await book.apply(await drawOps(book));
    fake.sheet(LOG_SHEET)!.password = 'pw';
    fake.sheet(DATA_SHEET)!.password = 'pw';
    const ops = (await drawOps(book)).map((op) => (op.kind === 'unprotect' || op.kind === 'protect') && (op.sheet === LOG_SHEET || op.sheet === DATA_SHEET) ? { ...op, password: 'pw' } : op);
    await book.apply(ops);
    expect((await readBookState(book)).log.rows).toHaveLength(2);
    expect(fake.sheet(LOG_SHEET)).toMatchObject({ isProtected: true, password: 'pw' });
  });
});

describe('co-authoring', () => {
  it('re-reads the chain head after writing and reports a clash when a co-author appended meanwhile', async () => {
    const { fake, book, ops, syncs } = await twinBooksWithSecondDraw('core');
    const lastWrite = syncs.length - 1; // the last sync re-reads the head
    fake.resetSyncs();
    fake.afterSync(lastWrite, () => {
      const head = fake.cell(LOG_SHEET, 'B2')!;
      head.value = 'f'.repeat(64); // the co-author's append landed after ours
    });
    const e = await rejection(book.apply(ops));
    expect(e.code).toBe('CONFLICT_AFTER_WRITE');
    expect(e.message).toContain('“抽取记录”');
    expect(e.message).toMatch(/验证/);
  });

  it('says the append was written but not checked when the head cannot be read again', async () => {
    const { fake, book, ops, syncs } = await twinBooksWithSecondDraw('core');
    fake.resetSyncs();
    fake.failOnSync(syncs.length, { applyCommands: false });
    const e = await rejection(book.apply(ops));
    expect(e.code).toBe('WRITTEN_UNCHECKED');
    expect(e.message).toMatch(/已写入/);
    expect((await readBookState(book)).log.rows).toHaveLength(2);
  });
});

describe('page setup, stray cells and request size', () => {
  it('fits one page wide with verticalFitToPages null (documented), not 0', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('表', [['a']]);
    await book.apply([{ kind: 'pageSetup', sheet: '表', setup: { orientation: 'landscape', paper: 'A4', fitToOnePageWide: true } }]);
    expect(fake.sheet('表')?.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: null });
  });

  it('refuses to read a sheet whose used range reaches row 1,048,576 because of a stray value, naming it and the fix', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('名录', [['名称', '代码'], ['甲', '1']]);
    fake.sheet('名录')!.cells.set(1_048_575 * 16_384, { value: 'x', format: 'General' });
    fake.resetSyncs();
    const e = await rejection(book.readSheets(['名录']));
    expect(e.code).toBe('SHEET_TOO_LARGE');
    expect(e.message).toContain('“名录”');
    expect(e.message).toContain('A1:B1048576');
    expect(e.message).toContain('Ctrl+End');
    expect(fake.syncCount).toBe(1);
  });

  it('refuses a used range that reaches column XFD the same way', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('名录', [['名称', '代码']]);
    fake.sheet('名录')!.cells.set(16_383, { value: 'x', format: 'General' });
    const e = await rejection(book.readSheets(['名录']));
    expect(e.code).toBe('SHEET_TOO_LARGE');
    expect(e.message).toContain('A1:XFD1');
  });

  it('retries a write that Excel refuses as too large with smaller requests', async () => {
    // The adapter's budget is above what this Excel accepts: its estimate was too low.
    const { fake, book } = officeOnFake({ payloadLimitBytes: 200 * 1024, payloadBudgetBytes: 600 * 1024 });
    fake.seed('结果', []);
    const rows: CellValue[][] = Array.from({ length: 4_000 }, (_, r) => [r + 1, `单位${r}`, `地址${r}`.repeat(3)]);
    await book.apply([{ kind: 'write', sheet: '结果', address: 'A1', rows }]);
    expect(fake.cell('结果', 'C4000')?.value).toBe('地址3999'.repeat(3));
    const refused = fake.syncs.filter((s) => s.requestBytes > 200 * 1024);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(3);
  });
});

describe('protected templates and copies', () => {
  it('fills the unlocked cells of a copy of a protected bureau template, as Excel allows', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('模板', [['被检查单位', null], ['统一社会信用代码', null]], { isProtected: true, password: '局', unlocked: ['B1:B2'] });
    await book.apply([
      { kind: 'copySheet', source: '模板', sheet: '记录表-1' },
      { kind: 'write', sheet: '记录表-1', address: 'B1', rows: [['邢台仁济堂大药房'], ['91130500MA0XXXXX1X']] },
    ]);
    expect(fake.sheet('记录表-1')).toMatchObject({ isProtected: true, password: '局' });
    expect(fake.cell('记录表-1', 'B1')?.value).toBe('邢台仁济堂大药房');
    expect(fake.cell('记录表-1', 'B2')?.value).toBe('91130500MA0XXXXX1X');
  });

  it('keeps an 18-digit code as text in an unlocked cell of a protected sheet, where it cannot set a text format', async () => {
    const { fake, book } = officeOnFake();
    fake.seed('模板', [['身份证号', null]], { isProtected: true, unlocked: ['B1'] });
    await book.apply([{ kind: 'write', sheet: '模板', address: 'B1', rows: [['110101199001011234']] }]);
    expect(fake.cell('模板', 'B1')?.value).toBe('110101199001011234');
  });
});
