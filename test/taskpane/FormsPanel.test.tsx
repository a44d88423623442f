/** @jest-environment jsdom */
import './setupDom';
import { act, fireEvent, screen } from '@testing-library/react';
import { drawInto, openStep, readAndCheck, renderApp, sampleWorkbook } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

describe('FormsPanel (记录表)', () => {
  it('is closed with a reason until a draw exists', async () => {
    renderApp(await sampleWorkbook());
    await readAndCheck();
    const step = screen.getByRole('button', { name: '第 5 步：记录表' });
    expect(step.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(step.getAttribute('aria-describedby') ?? '')?.textContent).toBe('请先在第 3 步完成抽取');
  });

  it('says what it will write, then writes one form per target on a new sheet', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port);
    await readAndCheck();
    openStep('记录表');
    expect(await screen.findByText(/将新建工作表“记录表-2025002-001”，为 11 个检查对象各生成一份/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '生成记录表' }));
    expect(await screen.findByText('记录表已生成', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('已生成 11 份记录表，位于新工作表“记录表-2025002-001”，每户一页，可直接打印。')).toBeTruthy();
    expect(port.cell('记录表-2025002-001', 'A1')?.value).toBe('部门联合抽查检查情况记录表');
    // A second run regenerates the same sheet in place: no "(2)" copy.
    expect(await screen.findByText(/将重新生成工作表“记录表-2025002-001”中的 11 份/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新生成记录表' }));
    expect(await screen.findByText('记录表已重新生成', {}, { timeout: 10_000 })).toBeTruthy();
    const names = (await port.listSheets()).map((x) => x.name);
    expect(names.filter((n) => n.startsWith('记录表'))).toEqual(['记录表-2025002-001']);
    expect(names.some((n) => n.startsWith('_ssj_新'))).toBe(false);
    expect(port.cell('记录表-2025002-001', 'A1')?.value).toBe('部门联合抽查检查情况记录表');
  });

  it('shows progress and, on 取消, deletes the unfinished sheet so the workbook is as before', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    const realApply = port.apply.bind(port);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    jest.spyOn(port, 'apply').mockImplementation(async (ops, options) => {
      if (ops.some((op) => op.kind === 'addSheet' && op.sheet.startsWith('记录表'))) await gate;
      return realApply(ops, options);
    });
    renderApp(port);
    await readAndCheck();
    openStep('记录表');
    fireEvent.click(await screen.findByRole('button', { name: '生成记录表' }));
    expect(await screen.findByText('已生成 0 / 11 户')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await act(async () => release());
    expect(await screen.findByText('已取消', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('已删除未完成的工作表“记录表-2025002-001”，工作簿与开始前相同。')).toBeTruthy();
    expect(port.sheet('记录表-2025002-001')).toBeUndefined();
  });
});
