/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { WorkbookError, type WorkbookOp } from '../../src/workbook';
import type { MemoryWorkbook } from '../../src/workbook/memory';
import { drawInto, openStep, readAndCheck, renderApp, sampleWorkbook, testEnvironment } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

const SHEET = '检查结果-2025002-001-1';
/** 2025-04-01, the harness's day (and the draw's), as a date cell. */
const DAY = { value: 45748, format: 'yyyy-mm-dd' };

async function openPublish(port: MemoryWorkbook, env = testEnvironment()): Promise<void> {
  renderApp(port, env);
  await readAndCheck();
  openStep('结果公示');
  await screen.findByRole('region', { name: '检查结果登记' });
}

async function drawnBook(): Promise<MemoryWorkbook> {
  const port = await sampleWorkbook();
  await drawInto(port);
  return port;
}

describe('PublishPanel (结果公示)', () => {
  it('offers a results entry sheet per draw, saying first what it adds, and shows the yearly figures with their thresholds', async () => {
    const port = await drawnBook();
    await openPublish(port);
    const draws = screen.getByRole('list', { name: '各次抽取的检查结果' });
    expect(within(draws).getByRole('note').textContent).toBe(
      `将新建工作表“${SHEET}”，列出本次抽取的 11 个检查对象，供填写检查结果、检查日期、上报时间、后续处置和备注；不会改动其他工作表。`,
    );
    expect(within(draws).getByRole('button', { name: '新建结果登记表（第 1 条）' })).toBeTruthy();
    expect(screen.getByText('可公示的抽取 1 次，共 11 个检查对象。')).toBeTruthy();
    expect(screen.getByText('其中 0 个已有检查结果，11 个未录入的在公示表中留空。')).toBeTruthy();
    const table = screen.getByRole('table', { name: '2025 年度统计' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(9);
    const joint = rows.find((r) => r.textContent?.startsWith('联合抽查次数占比'))!;
    expect(within(joint).getAllByRole('cell').map((c) => c.textContent)).toEqual(['联合抽查次数占比', '100.0%1/1', '≥ 60%达标']);
    const entered = rows.find((r) => r.textContent?.startsWith('检查结果录入'))!;
    expect(within(entered).getAllByRole('cell').map((c) => c.textContent)).toEqual(['检查结果录入', '0.0%0/11', '100%未达标']);
    expect(within(rows.find((r) => r.textContent?.startsWith('抽查次数'))!).queryByText(/达标/)).toBeNull();
    // What falls short is said in full under the table.
    const missed = screen.getByRole('list', { name: '2025 年未达标的指标' });
    expect(within(missed).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '抽中 11 户，占检查对象名录库 300 户的 3.6%，未达到“不低于 5%”的要求：还需再抽查 4 户。',
      '已录入检查结果 0 个、待录入 11 个，录入率 0.0%，未达到“100%”的要求：请在检查结果登记表中补录 11 个结果后再公示。',
    ]);
    // Nothing has been written.
    expect(port.sheet(SHEET)).toBeUndefined();
  });

  it('adds the results sheet, then shows what was entered and the problems, each selecting its cell', async () => {
    const port = await drawnBook();
    await openPublish(port);
    fireEvent.click(screen.getByRole('button', { name: '新建结果登记表（第 1 条）' }));
    expect(await screen.findByText('结果登记表已新建', {}, { timeout: 10_000 })).toBeTruthy();
    expect(port.sheet(SHEET)?.isProtected).toBe(false);
    expect(port.sheet(SHEET)?.dateValidations).toEqual([
      expect.objectContaining({ address: 'E5:E15', min: '2025-04-01' }),
      expect.objectContaining({ address: 'F5:F15', min: '2025-04-01' }),
    ]);
    expect(await screen.findByText(`登记表“${SHEET}”：已录入 0 个，待录入 11 个。`)).toBeTruthy();

    // The clerk types results in Excel, then re-reads.
    await port.apply([
      { kind: 'write', sheet: SHEET, address: 'D5', rows: [[1, DAY], [12, DAY], [2, DAY]] },
      { kind: 'write', sheet: SHEET, address: 'G5', rows: [['无需后续处置'], ['无需后续处置'], ['无需后续处置']] },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '重新读取登记表' }));
    expect(await screen.findByText(`登记表“${SHEET}”：已录入 2 个，待录入 9 个。`)).toBeTruthy();
    expect(screen.getByText('登记表中有 1 个错误、1 个提醒。点击一条可跳到对应单元格。')).toBeTruthy();
    const problems = screen.getByRole('list', { name: `${SHEET} 的问题` });
    const invalid = within(problems).getByRole('button', { name: new RegExp(`^${SHEET}!D6，错误：.*检查结果“12”不是有效编号`) });
    fireEvent.click(invalid);
    await waitFor(() => expect(port.selection).toEqual({ sheet: SHEET, address: 'D6' }));
    expect(within(problems).getByRole('button', { name: /G7，提醒：.*属于发现问题/ })).toBeTruthy();
    expect(screen.getByText('其中 2 个已有检查结果，9 个未录入的在公示表中留空。')).toBeTruthy();

    // 公示 with the results; then the yearly sheet.
    fireEvent.click(screen.getByRole('button', { name: '生成公示表' }));
    expect(await screen.findByText('公示表已生成', {}, { timeout: 10_000 })).toBeTruthy();
    expect(port.cell('结果公示', 'A2')?.value).toBe('抽查计划');
    expect(port.cell('结果公示', 'E3')?.value).toBe('未发现问题');
    expect(port.cell('结果公示', 'F3')?.value).toBe('2025-04-01');
    expect(port.cell('结果公示', 'E4')?.value ?? '').toBe('');
    expect(port.cell('结果公示', 'E5')?.value).toBe('未按规定公示应当公示的信息');
    expect(String(port.cell('结果公示', 'G3')?.value)).toMatch(/医疗保障局/);
    fireEvent.click(screen.getByRole('button', { name: '生成年度统计表' }));
    expect(await screen.findByText('年度统计表已生成', {}, { timeout: 10_000 })).toBeTruthy();
    expect(port.cell('年度统计', 'A2')?.value).toBe('年度');
    expect(port.cell('年度统计', 'B5')?.value).toBe('联合抽查次数占比');
    expect(port.cell('年度统计', 'E5')?.value).toBe('达标');
  });

  it('says why the sheet could not be added and leaves the workbook as it was', async () => {
    const port = await drawnBook();
    const apply = port.apply.bind(port);
    const failing: MemoryWorkbook = Object.assign(Object.create(port) as MemoryWorkbook, {
      apply: async (ops: WorkbookOp[]) => {
        if (ops.some((o) => o.kind === 'dateValidation')) throw new WorkbookError('设置下拉列表（数据验证）需要 ExcelApi 1.8（Excel 2019 或 Microsoft 365）。', 'UNSUPPORTED_API');
        return apply(ops);
      },
    });
    await openPublish(failing);
    fireEvent.click(screen.getByRole('button', { name: '新建结果登记表（第 1 条）' }));
    expect(await screen.findByText('新建结果登记表失败')).toBeTruthy();
    expect(screen.getByText(/需要 ExcelApi 1\.8（Excel 2019 或 Microsoft 365）。请按 Esc 退出单元格编辑/)).toBeTruthy();
    expect(port.sheet(SHEET)).toBeUndefined();
    // The button stays, to try again.
    expect(screen.getByRole('button', { name: '新建结果登记表（第 1 条）' })).toBeTruthy();
  });

  it('says when every draw was voided and has nothing to publish', async () => {
    const port = await drawnBook();
    const { readBookState } = await import('../../src/workbook');
    const { voidDraw } = await import('../../src/core/session');
    const state = await readBookState(port);
    const v = voidDraw(state, 1, '抽取范围有误', { time: '2025-04-01T10:00:00+08:00', operator: '测试员' });
    if (!v.ok) throw new Error(JSON.stringify(v.refusal));
    await port.apply(v.ops);
    await openPublish(port);
    expect(screen.getByText('所有抽取均已作废：请在第 3 步重新抽取。')).toBeTruthy();
    expect(screen.getByText('可公示的抽取 0 次，共 0 个检查对象。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '生成公示表' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '生成年度统计表' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the list with results as CSV where the page can save files', async () => {
    const port = await drawnBook();
    const saveTextFile = jest.fn();
    await openPublish(port, testEnvironment({ saveTextFile }));
    fireEvent.click(screen.getByRole('button', { name: '下载公示 CSV' }));
    expect(saveTextFile).toHaveBeenCalledWith('结果公示.csv', expect.stringMatching(/^\uFEFF抽查计划,任务,检查对象,统一社会信用代码,检查结果,检查日期,检查机关,后续处置\r\n/), 'text/csv;charset=utf-8');
    const lines = String(saveTextFile.mock.calls[0][1]).split('\r\n');
    expect(lines.indexOf('抽取经过')).toBe(13);
    expect(lines.some((l) => /^公示码,[0-9A-F-]{19}$/.test(l))).toBe(true);
  });

  it('has no CSV button inside Excel, where there is nowhere to save it', async () => {
    await openPublish(await drawnBook());
    expect(screen.queryByRole('button', { name: '下载公示 CSV' })).toBeNull();
  });
});
