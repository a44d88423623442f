/** @jest-environment jsdom */
/**
 * The CLI and the task pane run one draw workflow (src/core/session): the same book, the same
 * commitment and the same public number must log the same ssj-draw record in both rooms — including
 * the bureau's saved team size and the inputs frozen at the commitment.
 */
import './setupDom';
import { fireEvent, screen } from '@testing-library/react';
import { canonicalJson } from '../../src/core/draw';
import type { DrawRecord } from '../../src/core/draw';
import { saveSettingsOps } from '../../src/core/plan';
import { buildSampleBook } from '../../src/core/sample';
import { createMemoryWorkbook, readBookState } from '../../src/workbook';
import { createXlsxWorkbook } from '../../src/workbook/xlsx';
import { createFakeIo } from '../cli/fakeIo';
import { run } from '../cli/logFixture';
import { SAMPLE_SETTINGS } from '../core/session/sessionFixture';
import { confirmInDialog, NOW, openStep, pickOption, readAndCheck, renderApp } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

const ANNOUNCEMENT = '2025-04-01 福彩3D 第2025086期 开奖号码：d d d';
const NUMBER = '2025-04-01 福彩3D 第2025086期 开奖号码：3 7 1';
const SETTINGS = saveSettingsOps(SAMPLE_SETTINGS, false);

async function paneRecord(): Promise<DrawRecord> {
  const port = createMemoryWorkbook();
  await port.apply([...buildSampleBook().ops, ...SETTINGS]);
  renderApp(port);
  await readAndCheck();
  openStep('抽取$');
  await screen.findByRole('combobox', { name: /抽查任务/ }, { timeout: 10_000 });
  await pickOption(/抽查任务/, /^2025002\/001 /);
  fireEvent.click(screen.getByRole('radio', { name: /公开随机数/ }));
  fireEvent.change(screen.getByRole('textbox', { name: /开奖公告文字/ }), {
    target: { value: ANNOUNCEMENT },
  });
  fireEvent.click(screen.getByRole('button', { name: '记录承诺…' }));
  await confirmInDialog('记录承诺');
  fireEvent.change(await screen.findByRole('textbox', { name: /开奖号码/ }, { timeout: 10_000 }), {
    target: { value: NUMBER },
  });
  fireEvent.click(screen.getByRole('button', { name: '抽取…' }));
  await confirmInDialog('抽取');
  await screen.findByText(/抽取完成（抽取记录第 2 条）/, {}, { timeout: 10_000 });
  const state = await readBookState(port);
  return state.events.draws[0]!.record;
}

async function cliRecord(): Promise<DrawRecord> {
  const book = createXlsxWorkbook();
  await book.apply([...buildSampleBook().ops, ...SETTINGS]);
  const io = createFakeIo({ '/work/b.xlsx': await book.save() });
  io.now = () => NOW;
  expect(
    (await run(io, 'draw', 'b.xlsx', '--task', '2025002/001', '--commit', ANNOUNCEMENT, '-o', 'c.xlsx')).code,
  ).toBe(0);
  expect(
    (await run(io, 'draw', 'c.xlsx', '--task', '2025002/001', '--public-text', NUMBER, '-o', 'd.xlsx')).code,
  ).toBe(0);
  const exported = await run(io, 'export-record', 'd.xlsx', '--draw', '2');
  expect(exported.code).toBe(0);
  return JSON.parse(exported.out) as DrawRecord;
}

describe('one draw workflow for the CLI and the task pane', () => {
  it('logs the same record for the same commitment and number, with the bureau’s team size', async () => {
    const fromCli = await cliRecord();
    const fromPane = await paneRecord();
    expect(fromPane.team.size).toBe(3);
    expect(fromCli.team.size).toBe(3);
    expect(canonicalJson(fromCli)).toBe(canonicalJson(fromPane));
  });
});
