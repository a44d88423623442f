/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { App } from '../../src/taskpane/App';
import { startTaskpane } from '../../src/taskpane/index';
import { WorkbookError, type SheetInfo, type WorkbookPort } from '../../src/workbook';

// jsdom lacks what Fluent's tooltips, positioning and motion use; minimal stand-ins.
beforeAll(() => {
  if (!window.matchMedia) {
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, 'ResizeObserver', { configurable: true, value: ResizeObserverStub });
  }
});

const SHEETS: SheetInfo[] = [
  { name: '计划表', visibility: 'visible', isProtected: false },
  { name: '检查对象名录', visibility: 'hidden', isProtected: false },
  { name: '执法人员', visibility: 'visible', isProtected: true },
];

function makePort(listSheets: () => Promise<SheetInfo[]>): WorkbookPort {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return { listSheets, readSheets: unused, apply: unused, select: unused };
}

function renderInFluent(element: ReactElement) {
  return render(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

describe('App', () => {
  it('shows the title and the five steps in order', () => {
    renderInFluent(<App port={makePort(() => Promise.resolve(SHEETS))} />);
    expect(screen.getByRole('heading', { level: 1, name: '双随机抽查助手' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: '操作步骤' });
    const names = within(nav)
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(names).toEqual([
      '第 1 步：读取校验',
      '第 2 步：抽取',
      '第 3 步：抽取记录',
      '第 4 步：记录表',
      '第 5 步：结果公示',
    ]);
  });

  it('keeps steps without their inputs disabled and says why', () => {
    renderInFluent(<App port={makePort(() => Promise.resolve(SHEETS))} />);
    const drawStep = screen.getByRole('button', { name: '第 2 步：抽取' });
    expect(drawStep.getAttribute('aria-disabled')).toBe('true');
    const reasonId = drawStep.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(reasonId)?.textContent).toBe('请先在第 1 步读取工作簿');
  });

  it('lists the sheets with 隐藏 and 受保护 badges after 读取工作簿', async () => {
    const listSheets = jest.fn(() => Promise.resolve(SHEETS));
    renderInFluent(<App port={makePort(listSheets)} />);
    fireEvent.click(screen.getByRole('button', { name: '读取工作簿' }));
    const list = await screen.findByRole('list', { name: '工作表（共 3 个）' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual(['计划表', '检查对象名录隐藏', '执法人员受保护']);
    expect(listSheets).toHaveBeenCalledTimes(1);
    // With sheets read, step 2 opens.
    expect(screen.getByRole('button', { name: '第 2 步：抽取' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('shows a spinner while the workbook is being read', async () => {
    let finish: (sheets: SheetInfo[]) => void = () => undefined;
    const pending = new Promise<SheetInfo[]>((resolve) => {
      finish = resolve;
    });
    renderInFluent(<App port={makePort(() => pending)} />);
    fireEvent.click(screen.getByRole('button', { name: '读取工作簿' }));
    expect(screen.getByText('正在读取工作簿…')).toBeTruthy();
    await act(async () => {
      finish(SHEETS);
      await pending;
    });
    expect(screen.queryByText('正在读取工作簿…')).toBeNull();
  });

  it('shows a Chinese error message bar with what to do when reading fails', async () => {
    const port = makePort(() => Promise.reject(new WorkbookError('工作簿处于编辑状态，无法读取', 'busy')));
    renderInFluent(<App port={port} />);
    fireEvent.click(screen.getByRole('button', { name: '读取工作簿' }));
    expect(await screen.findByText('读取工作簿失败')).toBeTruthy();
    expect(screen.getByText(/工作簿处于编辑状态，无法读取。请按 Esc 退出单元格编辑/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: /工作表/ })).toBeNull();
  });

  it('explains that the add-in must run in Excel when there is no workbook', () => {
    renderInFluent(<App port={null} />);
    expect(screen.getByText('本加载项需要在 Excel 中运行')).toBeTruthy();
    expect(screen.getByText(/WPS 表格/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '读取工作簿' }).hasAttribute('disabled')).toBe(true);
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

  it('renders the steps with 读取工作簿 enabled when Office.onReady reports Excel', async () => {
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
      expect(within(container).getByRole('button', { name: '读取工作簿' }).hasAttribute('disabled')).toBe(
        false,
      );
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
