/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, screen, within } from '@testing-library/react';
import { drawInto, openStep, readAndCheck, renderApp, sampleWorkbook, testEnvironment } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

describe('PublishPanel (结果公示)', () => {
  it('writes the 公示 list of non-secret draws to a new sheet and shows the yearly figures', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    renderApp(port);
    await readAndCheck();
    openStep('结果公示');
    expect(await screen.findByText('可公示的抽取 1 次，共 11 个检查对象。')).toBeTruthy();
    const years = screen.getByRole('table', { name: '年度抽查情况' });
    expect(within(years).getAllByRole('row')[1]!.textContent).toBe('2025111100.0%（户数 100.0%）');
    // No CSV inside Excel: there is nowhere to save it.
    expect(screen.queryByRole('button', { name: '下载公示 CSV' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '生成公示表' }));
    expect(await screen.findByText('公示表已生成', {}, { timeout: 10_000 })).toBeTruthy();
    expect(port.cell('结果公示', 'A2')?.value).toBe('抽查计划');
    expect(port.cell('结果公示', 'A3')?.value).toBe('2025年邢台市医疗保障局随机抽查002');
    expect(String(port.cell('结果公示', 'G3')?.value)).toMatch(/医疗保障局/);
  });

  it('offers the list as CSV where the page can save files', async () => {
    const port = await sampleWorkbook();
    await drawInto(port);
    const saveTextFile = jest.fn();
    renderApp(port, testEnvironment({ saveTextFile }));
    await readAndCheck();
    openStep('结果公示');
    fireEvent.click(await screen.findByRole('button', { name: '下载公示 CSV' }));
    expect(saveTextFile).toHaveBeenCalledWith('结果公示.csv', expect.stringMatching(/^\uFEFF抽查计划,任务,检查对象/), 'text/csv;charset=utf-8');
    expect(String(saveTextFile.mock.calls[0][1]).split('\r\n')).toHaveLength(13);
  });
});
