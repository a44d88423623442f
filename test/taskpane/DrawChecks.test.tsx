/** @jest-environment jsdom */
/**
 * What the draw step (抽取) says before 抽取 on the seed-shaped fixture books (issue 18): which staff
 * rule applies and where it comes from, a draw date outside the task's 抽查时间, the errors on the
 * task's row, and a duplicate 抽查任务编号 that blocks both rows. The pane is on the xlsx adapter, as
 * the standalone page runs it.
 */
import './setupDom';
import { fireEvent, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { openDialog, openStep, pickOption, readAndCheck, renderApp, testEnvironment } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

async function openBook(file: string) {
  return openXlsxWorkbook(new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', file))), file);
}

async function openDrawStep(file: string, task: RegExp, now?: string) {
  const port = await openBook(file);
  renderApp(port, testEnvironment(now ? { now: () => new Date(now) } : {}));
  await readAndCheck();
  openStep('抽取$');
  await screen.findByRole('combobox', { name: /抽查任务/ }, { timeout: 10_000 });
  await pickOption(/抽查任务/, task);
  return port;
}

/** The items of the 抽取前请注意 bar, or [] when it is not shown. */
function warningsShown(): string[] {
  const title = screen.queryByText('抽取前请注意');
  if (!title) return [];
  const bar = title.closest('[role="group"], .fui-MessageBar') ?? title.parentElement!.parentElement!;
  return within(bar as HTMLElement)
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

describe('the draw step before 抽取 (xingtai-2025-checks.xlsx)', () => {
  it('says which staff rule applies and where it comes from', async () => {
    await openDrawStep('xingtai-2025-checks.xlsx', /^2025001\/001 /);
    expect(
      screen.getByText(
        '人员规则：组长由局部门工作人员担任，其他组员不限人员类别（依据：默认规则（本局设置未填“每组至少局部门工作人员”））。',
      ),
    ).toBeTruthy();
  });

  it('warns that today is outside the task’s 抽查时间 and lists the errors on its row, on the step and again in the confirmation', async () => {
    const port = await openDrawStep('xingtai-2025-checks.xlsx', /^2025001\/001 /);
    expect(warningsShown()).toEqual([
      '今天（2025年4月）不在本任务的抽查时间“2025年6、9月”内：仍可抽取，但请先确认计划是否已调整：调整年度抽查计划应按程序报批，并及时重新公开。',
      '计划表 附件2!B4：抽查计划名称中的年度2024与本计划表其他单元格的年度2025不一致，请核对后改成一致',
    ]);
    fireEvent.click(screen.getByRole('radio', { name: /本地随机/ }));
    fireEvent.click(screen.getByRole('button', { name: '抽取…' }));
    const dialog = await openDialog();
    expect(within(dialog).getByText('抽取前请注意：')).toBeTruthy();
    expect(within(dialog).getByText(/^今天（2025年4月）不在本任务的抽查时间“2025年6、9月”内/)).toBeTruthy();
    expect(within(dialog).getByText(/^计划表 附件2!B4：抽查计划名称中的年度2024/)).toBeTruthy();
    // Nothing was written while the user reads it.
    expect((await port.listSheets()).map((s) => s.name)).not.toContain('抽取记录');
  });

  it('shows no date warning when the draw falls inside 抽查时间', async () => {
    await openDrawStep('xingtai-2025-checks.xlsx', /^2025001\/001 /, '2025-09-10T09:00:00+08:00');
    expect(warningsShown()).toEqual([
      '计划表 附件2!B4：抽查计划名称中的年度2024与本计划表其他单元格的年度2025不一致，请核对后改成一致',
    ]);
  });

  it('lists the errors on the row of a task it cannot draw, under the reason it cannot', async () => {
    await openDrawStep('xingtai-2025-checks.xlsx', /^2025003\/001$/);
    expect(screen.getByText('该任务暂时无法抽取')).toBeTruthy();
    expect(warningsShown()).toEqual([
      expect.stringMatching(/^计划表 附件2!B6：抽查计划名称中的行政区划“承德县”/),
      expect.stringMatching(/^计划表 附件2!D6：抽查任务名称为空/),
      expect.stringMatching(/^计划表 附件2!G6：抽查事项为空/),
      expect.stringMatching(/^计划表 附件2!H6：定向抽查的抽查对象范围为空/),
      expect.stringMatching(/^计划表 附件2!K6：抽查时间“2025\.1”是数字单元格/),
    ]);
    expect(screen.queryByRole('button', { name: '抽取…' })).toBeNull();
  });

  it('blocks both rows of a duplicate 抽查任务编号, each shown with its own task, naming the rows', async () => {
    await openDrawStep('xingtai-2025-checks.xlsx', /^2025004\/001 .*第五批/);
    expect(screen.getByText('该任务暂时无法抽取')).toBeTruthy();
    expect(
      screen.getByText('任务 2025004/001 在计划表中出现了 2 次（C7、C8）：请先改正重复的抽查任务编号，再抽取。'),
    ).toBeTruthy();
    expect(screen.getByRole('combobox', { name: /抽查任务/ }).textContent).toContain('第五批');
    expect(warningsShown()).toContain(
      '计划表 附件2!C8：抽查任务编号 001号 在计划 2025004 中重复（已在 C7 出现）：同一计划内任务编号应唯一。改正之前，这些行（C7、C8）都不能抽取。',
    );
    expect(screen.queryByRole('button', { name: '抽取…' })).toBeNull();
    await pickOption(/抽查任务/, /^2025004\/001 .*第四批/);
    expect(screen.getByText('任务 2025004/001 在计划表中出现了 2 次（C7、C8）：请先改正重复的抽查任务编号，再抽取。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '抽取…' })).toBeNull();
  });
});

describe('the draw step on 偃师 2024 (yanshi-2024-staff.xlsx)', () => {
  it('says the bureau’s setting asks two 局部门工作人员 per team, and names the 既往发现问题 stratum', async () => {
    await openDrawStep('yanshi-2024-staff.xlsx', /^2024001\/001 /, '2024-08-01T09:30:00+08:00');
    expect(
      screen.getByText(
        '人员规则：每个检查组至少 2 名局部门工作人员，组长由局部门工作人员担任（依据：本局设置“每组至少局部门工作人员”）。',
      ),
    ).toBeTruthy();
    expect(warningsShown()).toEqual([]);
    const strata = screen.getByRole('table', { name: '各分层的候选对象与抽取数量' });
    expect(within(strata).getAllByRole('row').map((r) => r.textContent)).toEqual([
      '分层比例候选抽取',
      '既往发现问题50%21',
      '定点零售药店20%82',
    ]);
  });
});

describe('the draw step of a book without tasks', () => {
  it('stays closed and says why (a matters list whose title names no year)', async () => {
    renderApp(await openBook('wugang-matters-no-year.xlsx'));
    await readAndCheck();
    const step = screen.getByRole('button', { name: /第 3 步：抽取/ });
    expect(step.getAttribute('aria-disabled')).toBe('true');
    const reason = document.getElementById(step.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(reason).toMatch(/^计划表中没有可抽取的任务（.+!.+：.*年/);
  });
});
