/**
 * The fake Excel's own rules (test/workbook/fakeExcel.ts), each as the ExcelApi reference states
 * it. If the fake drifts from real Excel, adapter tests pass for the wrong reason, so these
 * pin it down.
 */
import { FakeExcel, FakeOfficeError } from './fakeExcel';
import type { FakeContext } from './fakeExcel';

/** Runs one batch on the fake and returns the error it rejected with (or null). */
async function failureOf(fake: FakeExcel, batch: (context: FakeContext) => Promise<void>): Promise<FakeOfficeError | null> {
  try {
    await fake.run(batch);
    return null;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
}

describe('FakeExcel', () => {
  it('throws when a property is read before sync, like Office', async () => {
    const fake = new FakeExcel();
    fake.seed('A', [['x']]);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('A');
      ws.load('name');
      expect(() => ws.name).toThrow(/not available/);
      await context.sync();
      expect(ws.name).toBe('A');
    });
  });

  it('converts strings written to General cells as Excel does', async () => {
    const fake = new FakeExcel();
    fake.seed('A', []);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('A').getRange('A1:B1').values = [['110101199001011234', '=SUM(A1)']];
      await context.sync();
    });
    expect(fake.cell('A', 'A1')?.value).toBe(110101199001011230);
    expect(fake.cell('A', 'B1')?.formula).toBe('=SUM(A1)');
  });

  it('refuses to delete a very hidden sheet until its visibility is changed', async () => {
    const fake = new FakeExcel();
    fake.seed('计划', [['a']]);
    fake.seed('_ssj_data', [['x']], { visibility: 'veryHidden' });
    const e = await failureOf(fake, async (context) => {
      context.workbook.worksheets.getItem('_ssj_data').delete();
      await context.sync();
    });
    expect(e?.code).toBe('InvalidOperation');
    expect(fake.sheet('_ssj_data')).toBeDefined();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('_ssj_data');
      ws.visibility = 'Hidden';
      ws.delete();
      await context.sync();
    });
    expect(fake.sheet('_ssj_data')).toBeUndefined();
  });

  it('blocks adding, copying, deleting, renaming, hiding and showing sheets while the structure is protected', async () => {
    const fake = new FakeExcel();
    fake.seed('计划', [['a']]);
    fake.seed('名录', [['b']]);
    fake.isStructureProtected = true;
    const attempts: ((context: FakeContext) => void)[] = [
      (c) => void c.workbook.worksheets.add('新表'),
      (c) => void c.workbook.worksheets.getItem('计划').copy('End'),
      (c) => c.workbook.worksheets.getItem('名录').delete(),
      (c) => (c.workbook.worksheets.getItem('名录').name = '改名'),
      (c) => (c.workbook.worksheets.getItem('名录').visibility = 'Hidden'),
    ];
    for (const attempt of attempts) {
      const e = await failureOf(fake, async (context) => {
        attempt(context);
        await context.sync();
      });
      expect(e?.code).toBe('AccessDenied');
    }
    expect(fake.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['计划', 'visible'],
      ['名录', 'visible'],
    ]);
    await fake.run(async (context) => {
      const protection = context.workbook.protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(true);
    });
  });

  it('has no workbook.protection below ExcelApi 1.7', async () => {
    const fake = new FakeExcel({ excelApiMinor: 6 });
    await fake.run(async (context) => {
      expect(context.workbook.protection).toBeUndefined();
    });
  });

  it('fails a sync at command k of n: the commands before it stay applied, the rest never run', async () => {
    const fake = new FakeExcel();
    fake.seed('表', []);
    fake.failOnSync(1, { atCommand: 3 });
    const e = await failureOf(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      for (const a of ['A1', 'A2', 'A3', 'A4']) ws.getRange(a).values = [[a]];
      await context.sync();
    });
    expect(e?.code).toBe('GeneralException');
    expect(['A1', 'A2', 'A3', 'A4'].map((a) => fake.cell('表', a)?.value ?? null)).toEqual(['A1', 'A2', null, null]);
  });

  it('invalidates proxies once their Excel.run has returned', async () => {
    const fake = new FakeExcel();
    fake.seed('表', []);
    let kept: ReturnType<FakeContext['workbook']['worksheets']['getItem']> | null = null;
    await fake.run(async (context) => {
      kept = context.workbook.worksheets.getItem('表');
      await context.sync();
    });
    expect(() => kept!.delete()).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  it('keeps protection and its password in a copied sheet', async () => {
    const fake = new FakeExcel();
    fake.seed('模板', [['名称', null]], { isProtected: true, password: 'bureau' });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('模板').copy('End').name = '记录表-1';
      await context.sync();
    });
    expect(fake.sheet('记录表-1')).toMatchObject({ isProtected: true, password: 'bureau' });
  });

  it('lets values into unlocked cells of a protected sheet, refuses locked cells and any formatting', async () => {
    const fake = new FakeExcel();
    fake.seed('模板', [['名称', null]], { isProtected: true, unlocked: ['B1:B3'] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('模板').getRange('B1:B2').values = [['甲'], ['乙']];
      await context.sync();
    });
    expect(fake.cell('模板', 'B2')?.value).toBe('乙');
    for (const attempt of [
      (c: FakeContext) => (c.workbook.worksheets.getItem('模板').getRange('A2').values = [['x']]),
      (c: FakeContext) => (c.workbook.worksheets.getItem('模板').getRange('B3').numberFormat = [['@']]),
    ]) {
      const e = await failureOf(fake, async (context) => {
        attempt(context);
        await context.sync();
      });
      expect(e?.code).toBe('AccessDenied');
    }
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('模板');
      const unlocked = ws.getRange('B1:B3').format.protection.load('locked');
      const mixed = ws.getRange('A1:B1').format.protection.load('locked');
      const locked = ws.getRange('A1').format.protection.load('locked');
      await context.sync();
      expect([unlocked.locked, mixed.locked, locked.locked]).toEqual([false, null, true]);
    });
  });

  it('keeps only the top-left value when merging', async () => {
    const fake = new FakeExcel();
    fake.seed('表', [
      ['标题', '甲'],
      ['乙', '丙'],
    ]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1:B2').merge(false);
      await context.sync();
    });
    expect(['A1', 'B1', 'A2', 'B2'].map((a) => fake.cell('表', a)?.value ?? null)).toEqual(['标题', null, null, null]);
  });

  it('shows dates and custom number formats as Excel displays them', async () => {
    const fake = new FakeExcel();
    // 45748 is 2025-04-01.
    fake.seed('表', [[45748, 45748, 45748, 45748, 1234.5, 0.125, 45748]], {
      formats: [['yyyy/m/d', 'yyyy"年"m"月"d"日"', 'yyyy-mm-dd', 'm/d', '#,##0.00', '0.0%', 'General']],
    });
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1:G1').load('text');
      await context.sync();
      expect(range.text).toEqual([['2025/4/1', '2025年4月1日', '2025-04-01', '4/1', '1,234.50', '12.5%', '45748']]);
    });
  });

  it('measures a request from the JSON it carries and refuses one over 5 MB', async () => {
    const fake = new FakeExcel();
    fake.seed('表', []);
    // 2.7 million quotes are 2.7 MB as characters but 5.4 MB once JSON escapes each one.
    const e = await failureOf(fake, async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1').values = [['"'.repeat(2_700_000)]];
      await context.sync();
    });
    expect(e?.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.syncs[0]!.requestBytes).toBeGreaterThan(5_400_000);
    expect(fake.cell('表', 'A1')).toBeUndefined();
  });

  it('counts every command\'s envelope, so 50,000 one-cell writes exceed 5 MB too', async () => {
    const fake = new FakeExcel();
    fake.seed('表', []);
    const e = await failureOf(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      for (let r = 1; r <= 50_000; r++) ws.getRange(`A${r}`).values = [['x']];
      await context.sync();
    });
    expect(e?.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(fake.cell('表', 'A1')).toBeUndefined();
  });

  it('lets a co-author change the workbook between two syncs', async () => {
    const fake = new FakeExcel();
    fake.seed('记录', [['head-1']]);
    fake.afterSync(1, () => {
      fake.sheet('记录')!.cells.set(0, { value: 'head-2', format: '@' });
    });
    await fake.run(async (context) => {
      const a1 = context.workbook.worksheets.getItem('记录').getRange('A1');
      a1.load('text');
      await context.sync();
      expect(a1.text).toEqual([['head-1']]);
      a1.load('text');
      await context.sync();
      expect(a1.text).toEqual([['head-2']]);
    });
  });
});
