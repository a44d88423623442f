/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, screen, within } from '@testing-library/react';

import { readBookState } from '../../src/workbook';
import { confirmInDialog, openStep, pickOption, readAndCheck, renderApp, sampleWorkbook } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

describe('DrawPanel 抽取规则', () => {
  async function openDrawFor(task: RegExp) {
    await readAndCheck();
    openStep('抽取$');
    await screen.findByRole('combobox', { name: /抽查任务/ });
    await pickOption(/抽查任务/, task);
  }

  it('draws teams of the size the clerk sets, and the record keeps that size and the windows', async () => {
    const port = await sampleWorkbook();
    renderApp(port);
    await openDrawFor(/^2025002\/001 /);
    const rules = screen.getByRole('group', { name: '抽取规则' });
    expect((within(rules).getByRole('spinbutton', { name: /^每组人数/ }) as HTMLInputElement).value).toBe(
      '2',
    );
    const excludedBefore = screen.getByText(/^排除的检查对象（\d+）$/).textContent;
    fireEvent.keyDown(within(rules).getByRole('spinbutton', { name: /^每组人数/ }), { key: 'ArrowUp' });
    const recent = within(rules).getByRole('spinbutton', { name: /^近期已查不再抽/ });
    fireEvent.change(recent, { target: { value: '0' } });
    fireEvent.keyDown(recent, { key: 'Enter' });
    expect(await screen.findByText('每个检查组 3 人。')).toBeTruthy();
    // No recent-inspection window: fewer targets are left out.
    expect(screen.getByText(/^排除的检查对象（\d+）$/).textContent).not.toBe(excludedBefore);

    fireEvent.click(screen.getByRole('radio', { name: /本地随机/ }));
    fireEvent.click(screen.getByRole('button', { name: '抽取…' }));
    await confirmInDialog('抽取');
    const result = await screen.findByRole('list', { name: '抽中的检查对象及检查组' }, { timeout: 10_000 });
    for (const item of within(result).getAllByRole('listitem')) {
      expect(item.textContent!.split('检查组：')[1]!.split('、')).toHaveLength(3);
    }
    const state = await readBookState(port);
    const draw = state.events.draws[0]!;
    expect(draw.record.team.size).toBe(3);
    expect(draw.context.settings).toMatchObject({ teamSize: 3, recentWindowDays: 0, annualCap: 2 });
  });
});
