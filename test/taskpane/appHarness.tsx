/** Shared set-up for the pane's step tests: the sample bureau book in a memory workbook, a fixed clock. */
import './setupDom';
import { FluentProvider, IdPrefixProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { formatLogTime } from '../../src/core/log/drawLog';
import { buildSampleBook } from '../../src/core/sample';
import { makeDraw, planDraw } from '../../src/core/session';
import { dateToSerialDay } from '../../src/core/session/dates';
import { App } from '../../src/taskpane/App';
import { createTaskpaneEnvironment, type AppEnvironment } from '../../src/taskpane/appEnvironment';
import { createMemoryWorkbook, readBookState, type WorkbookPort } from '../../src/workbook';
import type { MemoryWorkbook } from '../../src/workbook/memory';

export const NOW = new Date('2025-04-01T09:30:00+08:00');

/** Remembers the operator in memory (tests do not share the browser's localStorage). */
export function memoryOperatorStore(
  initial = '',
): NonNullable<AppEnvironment['operatorMemory']> & { stored: () => string } {
  let name = initial;
  return { load: () => name, save: (n) => (name = n ?? ''), stored: () => name };
}

/** A fixed clock and counting (not random) bytes, so that draws in tests repeat. */
export function testEnvironment(overrides: Partial<AppEnvironment> = {}): AppEnvironment {
  return createTaskpaneEnvironment({
    now: () => NOW,
    randomBytes: (n) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256),
    defaultOperator: '测试员',
    operatorMemory: memoryOperatorStore(),
    ...overrides,
  });
}

/** The sample bureau workbook (邢台市医疗保障局 2025) in memory. */
export async function sampleWorkbook(): Promise<MemoryWorkbook> {
  const book = createMemoryWorkbook();
  await book.apply(buildSampleBook().ops);
  return book;
}

/** Draws task PLANNO/TASKNO into the book with the core, as step 2 would; returns the log seq. */
export async function drawInto(port: WorkbookPort, planNo = '2025002', taskNo = '001'): Promise<number> {
  const state = await readBookState(port);
  const task = state.report.tasks.find((t) => t.planNo === planNo && t.taskNo === taskNo)!;
  const outcome = makeDraw(state, planDraw(state, task, {}, dateToSerialDay(NOW)), { source: 'local', hex: 'ab'.repeat(32) }, { time: formatLogTime(NOW), operator: '测试员' });
  if (!outcome.ok && outcome.refusal) throw new Error(JSON.stringify(outcome.refusal));
  await port.apply(outcome.ops);
  return outcome.entry.seq;
}

// Every render gets its own id prefix: Fluent's ids restart with each React root, and Tabster (which
// outlives a test on jsdom's window) took a later test's dialog for an older one and hid it.
let renders = 0;

export function renderInFluent(element: ReactElement): ReturnType<typeof render> {
  renders += 1;
  return render(
    <IdPrefixProvider value={`t${renders}-`}>
      <FluentProvider theme={webLightTheme}>{element}</FluentProvider>
    </IdPrefixProvider>,
  );
}

export function renderApp(
  port: WorkbookPort | null,
  env: AppEnvironment = testEnvironment(),
  extra: Partial<Parameters<typeof App>[0]> = {},
): ReturnType<typeof render> {
  return renderInFluent(<App port={port} env={env} {...extra} />);
}

/** Clicks 读取并校验 and waits for the tables list. */
export async function readAndCheck(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: /读取并校验/ }));
  await screen.findByRole('list', { name: /找到的表格/ }, { timeout: 10_000 });
}

/** Opens step `n` (1-based) from the step navigation. */
export function openStep(name: string): void {
  const nav = screen.getByRole('navigation', { name: '操作步骤' });
  fireEvent.click(within(nav).getByRole('button', { name: new RegExp(name) }));
}

/** Picks an option of a Fluent Dropdown by its label. */
export async function pickOption(label: string | RegExp, option: string | RegExp): Promise<void> {
  fireEvent.click(screen.getByRole('combobox', { name: label }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

/**
 * The open confirm dialog. Under jsdom, Tabster (Fluent's focus manager) now and then leaves it marked
 * aria-hidden, depending on timing; Chromium does not, and test/e2e/taskpaneFakeHost.test.ts clicks the
 * draw and commitment dialogs by role there. So the jsdom tests look past aria-hidden here only.
 */
export async function openDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { hidden: true });
}

/** Clicks the named button of the open confirm dialog (see openDialog). */
export async function confirmInDialog(name: string): Promise<void> {
  const dialog = await openDialog();
  fireEvent.click(within(dialog).getByRole('button', { name, hidden: true }));
}
