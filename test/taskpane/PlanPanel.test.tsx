/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, screen, within } from '@testing-library/react';
import { readSettings, SETTINGS_SHEET } from '../../src/core/plan';
import { validateWorkbook } from '../../src/core/validate';
import { createMemoryWorkbook } from '../../src/workbook';
import { openStep, pickOption, readAndCheck, renderApp, sampleWorkbook } from './appHarness';
import { fillPlanThroughPane } from './planPaneSteps';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

/** A new workbook as Excel opens it: one empty, visible sheet. */
async function blankWorkbook() {
  const port = createMemoryWorkbook();
  await port.apply([{ kind: 'addSheet', sheet: 'Sheet1' }]);
  return port;
}

async function openPlanStep() {
  fireEvent.click(screen.getByRole('button', { name: /读取并校验/ }));
  await screen.findByText('找到的表格');
  openStep('编制计划');
  await screen.findByRole('region', { name: '单位设置' });
}

describe('PlanPanel (编制计划)', () => {
  it('first run proposes the settings from the plan table and the directory, and saves them to the very hidden sheet', async () => {
    const port = await sampleWorkbook();
    renderApp(port);
    await readAndCheck();
    openStep('编制计划');
    await screen.findByText('首次使用：请确认单位设置');
    const form = screen.getByRole('form', { name: '单位设置' });
    expect((within(form).getByRole('textbox', { name: /^行政区划/ }) as HTMLInputElement).value).toBe('邢台市');
    expect((within(form).getByRole('textbox', { name: /^年度/ }) as HTMLInputElement).value).toBe('2025');
    expect(within(form).getByText('计划名称将写作：2025年邢台市医疗保障局随机抽查001（序号依次递增）')).toBeTruthy();
    expect(within(form).getAllByRole('group', { name: /^信用等级/ })).toHaveLength(4);
    fireEvent.click(within(form).getByRole('button', { name: '保存设置' }));
    await screen.findByText('单位设置已保存');
    expect(port.sheet(SETTINGS_SHEET)?.visibility).toBe('veryHidden');
    const [grid] = await port.readSheets([SETTINGS_SHEET]);
    expect(readSettings(grid)).toMatchObject({ year: 2025, division: '邢台市', department: '医疗保障局' });
    expect(screen.getByText('2025年 · 邢台市医疗保障局')).toBeTruthy();
  });

  it('refuses to save settings without a division and says what to fill', async () => {
    renderApp(await blankWorkbook());
    await openPlanStep();
    const form = screen.getByRole('form', { name: '单位设置' });
    fireEvent.click(within(form).getByRole('button', { name: '保存设置' }));
    expect(await within(form).findByText('请填写行政区划，如“邢台市”“承德县”')).toBeTruthy();
    expect(screen.queryByText('单位设置已保存')).toBeNull();
  });

  it('creates a plan table and adds two plans with three tasks that validate with no finding', async () => {
    const port = await blankWorkbook();
    renderApp(port);
    await openPlanStep();
    await fillPlanThroughPane();
    const grids = await port.readSheets((await port.listSheets()).map((s) => s.name));
    const report = validateWorkbook(grids);
    expect(report.findings).toEqual([]);
    expect(report.tasks.map((t) => `${t.planNo}/${t.taskNo} ${t.planName}`)).toEqual([
      '2025001/001 2025年邢台市医疗保障局随机抽查001',
      '2025001/002 2025年邢台市医疗保障局随机抽查001',
      '2025002/001 2025年邢台市医疗保障局随机抽查002',
    ]);
    expect(report.tasks[2]).toMatchObject({ taskType: 'directed', ratio: { kind: 'byClass' }, jointDepts: ['市场监督管理局'], periodText: '2025年9-11月' });
    // Three dialogs typed through under jsdom: ~25 s alone, longer on a busy CI machine.
  }, 120_000);

  it('refuses to write over the 备注 line that follows the last task, and writes nothing', async () => {
    const port = await sampleWorkbook();
    // The sample leaves row 7 blank between the last task and its 备注; fill it, as many bureaus print.
    await port.apply([{ kind: 'write', sheet: '年度抽查计划', address: 'A7', rows: [['以上为示例。']] }]);
    renderApp(port);
    await readAndCheck();
    openStep('编制计划');
    const form = await screen.findByRole('form', { name: '单位设置' });
    fireEvent.click(within(form).getByRole('button', { name: '保存设置' }));
    await screen.findByRole('form', { name: '添加计划或任务' });
    expect(screen.getByText(/紧接在最后一个任务之下，但已有内容/)).toBeTruthy();
    const add = screen.getByRole('form', { name: '添加计划或任务' });
    fireEvent.change(within(add).getByRole('textbox', { name: /^抽查任务名称/ }), { target: { value: '第三批' } });
    fireEvent.change(within(add).getByRole('textbox', { name: /^抽查事项/ }), { target: { value: '医保基金使用' } });
    fireEvent.change(within(add).getByRole('combobox', { name: /^抽查对象范围/ }), { target: { value: '定点医疗机构' } });
    const apply = jest.spyOn(port, 'apply');
    fireEvent.click(within(add).getByRole('button', { name: '添加计划' }));
    expect(await screen.findByText('没有写入')).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();
  });

  it('checks the task before writing: a month range backwards and an empty name are named, nothing is written', async () => {
    const port = await blankWorkbook();
    renderApp(port);
    await openPlanStep();
    const settings = screen.getByRole('form', { name: '单位设置' });
    fireEvent.change(within(settings).getByRole('textbox', { name: /^行政区划/ }), { target: { value: '承德县' } });
    fireEvent.click(within(settings).getByRole('button', { name: '保存设置' }));
    await screen.findByText('单位设置已保存');
    fireEvent.click(screen.getByRole('button', { name: '新建计划表' }));
    const add = await screen.findByRole('form', { name: '添加计划或任务' });
    await pickOption('开始月份', '10月');
    await pickOption('结束月份', '6月');
    const apply = jest.spyOn(port, 'apply');
    fireEvent.click(within(add).getByRole('button', { name: '添加计划' }));
    expect(await within(add).findByText('开始月份（10月）不能晚于结束月份（6月）')).toBeTruthy();
    expect(within(add).getByText('请填写抽查任务名称（以实施方案名称为准）')).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();
  });
});
