/** @jest-environment jsdom */
import './setupDom';
import { act, within } from '@testing-library/react';
import { startTaskpane } from '../../src/taskpane/index';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

/** An Office whose onReady reports Excel only after `delayMs` (a slow Excel on the web). */
function lateOffice(delayMs: number) {
  let report: ((info: { host: string }) => void) | null = null;
  const ready = new Promise<{ host: string }>((resolve) => setTimeout(() => resolve({ host: 'Excel' }), delayMs));
  void ready.then((info) => report?.(info));
  return {
    onReady: (callback?: (info: { host: string }) => void) => {
      report = callback ?? null;
      return ready;
    },
    HostType: { Excel: 'Excel' },
    context: { requirements: { isSetSupported: () => true } },
  };
}

describe('startTaskpane when Office reports ready late', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('shows the steps once Office.onReady resolves after the timeout, instead of staying on “not in Excel”', async () => {
    Object.defineProperty(globalThis, 'Office', { configurable: true, value: lateOffice(80) });
    const container = document.createElement('div');
    document.body.appendChild(container);
    await act(() => startTaskpane(container, 20));
    expect(within(container).getByText('本加载项需要在 Excel 中运行')).toBeTruthy();
    await act(() => new Promise((r) => setTimeout(r, 150)));
    expect(within(container).queryByText('本加载项需要在 Excel 中运行')).toBeNull();
    expect(within(container).getByRole('button', { name: '读取并校验' }).hasAttribute('disabled')).toBe(false);
    container.remove();
  });

  it('stays on “not in Excel” when the late answer is another host', async () => {
    const office = { ...lateOffice(60), onReady: () => new Promise((r) => setTimeout(() => r({ host: 'Word' }), 60)) };
    Object.defineProperty(globalThis, 'Office', { configurable: true, value: office });
    const container = document.createElement('div');
    await act(() => startTaskpane(container, 20));
    await act(() => new Promise((r) => setTimeout(r, 120)));
    expect(within(container).getByText('本加载项需要在 Excel 中运行')).toBeTruthy();
  });
});
