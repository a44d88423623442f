/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, screen, within } from '@testing-library/react';
import { createPageEnvironment } from '../../src/taskpane/appEnvironment';
import { confirmInDialog, drawInto, openStep, pickOption, readAndCheck, renderApp, sampleWorkbook, testEnvironment } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

async function openLog() {
  await readAndCheck();
  openStep('抽取记录');
  return screen.findByRole('list', { name: /抽取记录（共 \d+ 条）/ });
}

describe('LogPanel (抽取记录)', () => {
  it('lists the log rows and the chain head', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port);
    const table = await openLog();
    const rows = within(table).getAllByRole('listitem');
    expect(rows[0]!.textContent).toMatch(/^1 · 抽取 · 2025002\/0012025-04-01 09:30 · 测试员.*从 158 个对象中抽取 11 个/);
    expect(screen.getByText(String(port.cell('抽取记录', 'B2')?.value))).toBeTruthy();
    expect(screen.getByRole('button', { name: '复制链头哈希' })).toBeTruthy();
  });

  it('says 验证通过 for an untouched log', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port);
    await openLog();
    fireEvent.click(screen.getByRole('button', { name: '验证' }));
    expect(await screen.findByText('验证通过', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(/共 1 条记录，哈希链完整/)).toBeTruthy();
  });

  it('says 验证未通过 for an edited row and selects the failing cell when clicked', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port);
    await openLog();
    // Someone edits the summary after the draw.
    await port.apply([
      { kind: 'unprotect', sheet: '抽取记录' },
      { kind: 'write', sheet: '抽取记录', address: 'I5', rows: [['从 158 个对象中抽取 10 个']] },
    ]);
    const select = jest.spyOn(port, 'select');
    fireEvent.click(screen.getByRole('button', { name: '验证' }));
    expect(await screen.findByText('验证未通过', {}, { timeout: 10_000 })).toBeTruthy();
    const list = screen.getByRole('list', { name: '抽取记录 的问题' });
    const hashFinding = within(list)
      .getAllByRole('button')
      .find((b) => b.textContent?.includes('被改动过'))!;
    fireEvent.click(hashFinding);
    expect(select).toHaveBeenCalledWith('抽取记录', expect.stringMatching(/^[A-Z]+5$/));
  });

  it('on the standalone page lists the failing cells as text, not as buttons that select nothing', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port, testEnvironment({ surface: 'page', words: createPageEnvironment().words }));
    await openLog();
    await port.apply([
      { kind: 'unprotect', sheet: '抽取记录' },
      { kind: 'write', sheet: '抽取记录', address: 'I5', rows: [['从 158 个对象中抽取 10 个']] },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '验证' }));
    expect(await screen.findByText('验证未通过', {}, { timeout: 10_000 })).toBeTruthy();
    const list = screen.getByRole('list', { name: '抽取记录 的问题' });
    expect(within(list).queryAllByRole('button')).toEqual([]);
    expect(list.textContent).toMatch(/被改动过/);
  });

  it('voids a draw after confirmation, logging the reason', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port);
    await openLog();
    fireEvent.change(screen.getByRole('textbox', { name: /作废原因/ }), { target: { value: '抽取范围填写有误' } });
    fireEvent.click(screen.getByRole('button', { name: '作废…' }));
    await confirmInDialog('作废');
    expect(await screen.findByText('已作废第 1 条抽取（抽取记录第 2 条）', {}, { timeout: 10_000 })).toBeTruthy();
    expect(port.cell('抽取记录', 'C6')?.value).toBe('作废');
    expect(String(port.cell('抽取记录', 'I6')?.value)).toContain('抽取范围填写有误');
    // The draw step now offers the task again, as a re-draw that names the voided draw.
    openStep('抽取$');
    await screen.findByRole('combobox', { name: /抽查任务/ }, { timeout: 10_000 });
    await pickOption(/抽查任务/, /^2025002\/001 /);
    expect(await screen.findByText('这是重新抽取：替代已作废的抽取记录第 1 条（作废原因见抽取记录，公示时一并列出）。')).toBeTruthy();
  });

  it('substitutes a team member by a random draw and updates the result sheet', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port);
    await openLog();
    const before = String(port.cell('抽取结果-2025002-001', 'E5')?.value);
    await pickOption(/不能参加的检查人员/, new RegExp(`^${before}（组长）$`));
    fireEvent.change(screen.getByRole('textbox', { name: /递补原因/ }), { target: { value: '因病无法参加' } });
    fireEvent.click(screen.getByRole('button', { name: '递补…' }));
    await confirmInDialog('递补');
    expect(await screen.findByText('已递补（抽取记录第 2 条）', {}, { timeout: 10_000 })).toBeTruthy();
    expect(port.cell('抽取记录', 'C6')?.value).toBe('递补');
    expect(String(port.cell('抽取结果-2025002-001', 'E5')?.value)).not.toBe(before);
  });
});
