/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { BureauSettings } from '../../src/core/plan';
import { SettingsForm } from '../../src/taskpane/components/SettingsForm';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

const SETTINGS: BureauSettings = {
  year: 2025,
  division: '偃师区',
  department: '医疗保障局',
  teamSize: 3,
  jointDepartments: [],
  creditClasses: [],
  reportHours: 24,
};

function renderForm(initial: BureauSettings) {
  const onSave = jest.fn<void, [BureauSettings]>();
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsForm initial={initial} exists isSaving={false} onSave={onSave} />
    </FluentProvider>,
  );
  return { form: screen.getByRole('form', { name: '单位设置' }), onSave };
}

describe('SettingsForm 抽取与年度统计规则', () => {
  it('saves 每组至少局部门工作人员 and the bureau’s requirements with their document, keeping the other rules', () => {
    const { form, onSave } = renderForm(SETTINGS);
    fireEvent.keyDown(within(form).getByRole('spinbutton', { name: /^每组至少局部门工作人员/ }), { key: 'ArrowUp' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^联合抽查次数占比不低于/ }), { target: { value: '50' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^统计要求的依据文件/ }), { target: { value: '《偃师区医疗保障局“双随机、一公开”监管工作细则》' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存修改' }));
    expect(onSave).toHaveBeenCalledWith({
      ...SETTINGS,
      minStaff: 2,
      requirements: { jointInspections: 5000 },
      requirementsBasis: '《偃师区医疗保障局“双随机、一公开”监管工作细则》',
    });
  });

  it('refuses a requirement that is not a percentage, saying how to write it', () => {
    const { form, onSave } = renderForm(SETTINGS);
    fireEvent.change(within(form).getByRole('textbox', { name: /^名录库覆盖率不低于/ }), { target: { value: '百分之五' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存修改' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(within(form).getByText('请填写 0 到 100 之间的百分数，或留空使用默认值')).toBeTruthy();
  });
});
