/** What a clerk does in 编制计划 on an empty workbook: settings, a new plan table, two plans with three tasks. */
import { fireEvent, screen, within } from '@testing-library/react';
import { pickOption } from './appHarness';

function type(form: HTMLElement, role: 'textbox' | 'combobox', name: RegExp, value: string): void {
  fireEvent.change(within(form).getByRole(role, { name }), { target: { value } });
}

type TaskEntry = {
  plan: RegExp;
  name: string;
  scope: string;
  months: [number, number];
  byClass?: boolean;
  joint?: string;
};

async function addTask(t: TaskEntry): Promise<void> {
  const form = await screen.findByRole('form', { name: '添加计划或任务' });
  await pickOption('添加到', t.plan);
  type(form, 'textbox', /^抽查任务名称/, t.name);
  type(form, 'textbox', /^抽查事项/, '对医疗保障基金使用情况进行监督检查');
  type(form, 'combobox', /^抽查对象范围/, t.scope);
  await pickOption('开始月份', `${t.months[0]}月`);
  await pickOption('结束月份', `${t.months[1]}月`);
  type(form, 'textbox', /^发起科室/, '基金监管科');
  if (t.byClass) fireEvent.click(within(form).getByRole('radio', { name: '按信用等级' }));
  if (t.joint) fireEvent.click(within(form).getByRole('checkbox', { name: t.joint }));
  const isNew = within(form).queryByRole('button', { name: '添加计划' });
  fireEvent.click(isNew ?? within(form).getByRole('button', { name: '添加任务' }));
  await screen.findByText(/^已添加计划 .*任务 \d{3}号$/);
  expect(screen.getByText(/重新校验：该行没有问题/)).toBeTruthy();
}

/** Starts on 编制计划 with no settings saved; ends with two plans and three tasks written. */
export async function fillPlanThroughPane(): Promise<void> {
  const settings = screen.getByRole('form', { name: '单位设置' });
  type(settings, 'textbox', /^行政区划/, '邢台市');
  type(settings, 'textbox', /^联合部门（科室）/, '市场监督管理局');
  for (const [label, cls, percent] of [
    ['低', 'A', '1'],
    ['中', 'B', '3'],
    ['高', 'C', '10'],
  ] as const) {
    fireEvent.click(within(settings).getByRole('button', { name: '添加等级' }));
    const rows = within(settings).getAllByRole('group', { name: /^信用等级/ });
    const row = rows[rows.length - 1]!;
    type(row, 'textbox', /^名称/, label);
    type(row, 'textbox', /^代码/, cls);
    type(row, 'textbox', /^比例/, percent);
  }
  fireEvent.click(within(settings).getByRole('button', { name: '保存设置' }));
  await screen.findByText('单位设置已保存');
  fireEvent.click(screen.getByRole('button', { name: '新建计划表' }));
  await screen.findByText('计划表已新建');

  await addTask({ plan: /^新计划/, name: '2025年邢台市医疗保障局定点医疗机构“双随机”抽查', scope: '定点医疗机构', months: [3, 10] });
  await addTask({ plan: /^2025001 .*再加一个任务$/, name: '2025年邢台市医疗保障局定点零售药店“双随机”抽查', scope: '定点零售药店', months: [4, 6] });
  await addTask({ plan: /^新计划/, name: '2025年邢台市医疗保障局部门联合“双随机”抽查', scope: '定点零售药店', months: [9, 11], byClass: true, joint: '市场监督管理局' });
}
