/** @jest-environment jsdom */
import './setupDom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { App } from '../../src/taskpane/App';
import { startTaskpane } from '../../src/taskpane/index';
import { WorkbookError, type SheetInfo, type WorkbookPort } from '../../src/workbook';
import { installDomPolyfills } from './setupDom';
import { sampleWorkbook } from './appHarness';

beforeAll(installDomPolyfills);

const SHEETS: SheetInfo[] = [
  { name: '计划表', visibility: 'visible', isProtected: false },
  { name: '检查对象名录', visibility: 'hidden', isProtected: false },
  { name: '执法人员', visibility: 'visible', isProtected: true },
];

function makePort(listSheets: () => Promise<SheetInfo[]>): WorkbookPort {
  const unused = () => Promise.reject(new Error('not used in this test'));
  // Sheets without content: enough for the shell (no tables found).
  const readSheets = (names: string[]) =>
    Promise.resolve(names.map((sheet) => ({ sheet, origin: { row: 0, col: 0 }, text: [], values: [], merges: [] })));
  return { listSheets, readSheets, apply: unused, select: unused };
}

function renderInFluent(element: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

describe('App', () => {
  it('shows the title and the six steps in order', () => {
    renderInFluent(<App port={makePort(() => Promise.resolve(SHEETS))} />);
    expect(screen.getByRole('heading', { level: 1, name: '双随机抽查助手' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '操作步骤' });
    const names = within(nav)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(names).toEqual([
      '第 1 步：读取校验',
      '第 2 步：编制计划',
      '第 3 步：抽取',
      '第 4 步：抽取记录',
      '第 5 步：记录表',
      '第 6 步：结果公示',
    ]);
  });

  it('keeps steps without their inputs disabled and says why', () => {
    renderInFluent(<App port={makePort(() => Promise.resolve(SHEETS))} />);
    const drawStep = screen.getByRole('button', { name: '第 3 步：抽取' });
    expect(drawStep.getAttribute('aria-disabled')).toBe('true');
    const reasonId = drawStep.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(reasonId)?.textContent).toBe('请先在第 1 步读取并校验工作簿');
  });

  it('opens step 3 (抽取) after 读取并校验 finds the plan and its tasks', async () => {
    const port = await sampleWorkbook();
    renderInFluent(<App port={port} />);
    fireEvent.click(screen.getByRole('button', { name: '读取并校验' }));
    await screen.findByRole('list', { name: '找到的表格（共 5 个）' });
    expect(screen.getByRole('button', { name: '第 3 步：抽取' }).getAttribute('aria-disabled')).toBeNull();
    // No draw yet: steps 4–6 stay closed and say why.
    const logStep = screen.getByRole('button', { name: '第 4 步：抽取记录' });
    expect(logStep.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(logStep.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      '工作簿中还没有抽取记录：请先在第 3 步抽取',
    );
  });

  it('keeps step 3 (抽取) closed with a reason when the book has no plan table', async () => {
    renderInFluent(<App port={makePort(() => Promise.resolve(SHEETS))} />);
    fireEvent.click(screen.getByRole('button', { name: '读取并校验' }));
    await screen.findByText('没有找到计划表或名录库');
    const drawStep = screen.getByRole('button', { name: '第 3 步：抽取' });
    expect(drawStep.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(drawStep.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/计划表中没有可抽取的任务/);
  });

  it('lists what an older Excel cannot do and lets the user close the notice', () => {
    renderInFluent(
      <App port={makePort(() => Promise.resolve(SHEETS))} capabilityMessages={['页面设置（纸张、方向、打印区域）需要 ExcelApi 1.9']} />,
    );
    expect(screen.getByText('当前 Excel 版本较旧，部分功能不可用')).toBeTruthy();
    expect(screen.getByText(/页面设置.*ExcelApi 1\.9/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '关闭版本提示' }));
    expect(screen.queryByText('当前 Excel 版本较旧，部分功能不可用')).toBeNull();
  });

  it('shows a spinner while the workbook is being read', async () => {
    let finish: (sheets: SheetInfo[]) => void = () => undefined;
    const pending = new Promise<SheetInfo[]>((resolve) => {
      finish = resolve;
    });
    renderInFluent(<App port={makePort(() => pending)} />);
    fireEvent.click(screen.getByRole('button', { name: '读取并校验' }));
    expect(screen.getByText('正在读取并校验…')).toBeTruthy();
    await act(async () => {
      finish(SHEETS);
      await pending;
    });
    expect(screen.queryByText('正在读取并校验…')).toBeNull();
  });

  it('shows a Chinese error message bar with what to do when reading fails', async () => {
    const port = makePort(() => Promise.reject(new WorkbookError('工作簿处于编辑状态，无法读取', 'busy')));
    renderInFluent(<App port={port} />);
    fireEvent.click(screen.getByRole('button', { name: '读取并校验' }));
    expect(await screen.findByText('读取工作簿失败')).toBeTruthy();
    expect(screen.getByText(/工作簿处于编辑状态，无法读取。请按 Esc 退出单元格编辑/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: /找到的表格/ })).toBeNull();
  });

  it('explains that the add-in must run in Excel when there is no workbook', () => {
    renderInFluent(<App port={null} />);
    expect(screen.getByText('本加载项需要在 Excel 中运行')).toBeTruthy();
    expect(screen.getByText(/WPS 表格/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '读取并校验' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('startTaskpane', () => {
  it('renders the not-in-Excel state when office.js is absent', async () => {
    const container = document.createElement('div');
    document.body.appendChild(container);
    await act(() => startTaskpane(container, 50));
    expect(within(container).getByText('本加载项需要在 Excel 中运行')).toBeTruthy();
    expect(within(container).getByRole('heading', { level: 1, name: '双随机抽查助手' })).toBeTruthy();
    container.remove();
  });

  it('renders the not-in-Excel state when Office.onReady stays silent past the timeout', async () => {
    const office = { onReady: () => new Promise(() => undefined), HostType: { Excel: 'Excel' } };
    Object.defineProperty(globalThis, 'Office', { configurable: true, value: office });
    const container = document.createElement('div');
    try {
      await act(() => startTaskpane(container, 20));
      expect(within(container).getByText('本加载项需要在 Excel 中运行')).toBeTruthy();
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it('renders the steps with 读取并校验 enabled when Office.onReady reports Excel', async () => {
    const office = {
      onReady: (callback: (info: { host: string }) => void) => {
        callback({ host: 'Excel' });
        return Promise.resolve({ host: 'Excel' });
      },
      HostType: { Excel: 'Excel' },
      context: { officeTheme: { isDarkTheme: true } },
    };
    Object.defineProperty(globalThis, 'Office', { configurable: true, value: office });
    const container = document.createElement('div');
    try {
      await act(() => startTaskpane(container, 1000));
      expect(within(container).queryByText('本加载项需要在 Excel 中运行')).toBeNull();
      expect(within(container).getByRole('button', { name: '读取并校验' }).hasAttribute('disabled')).toBe(
        false,
      );
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
