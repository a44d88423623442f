/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, screen, within } from '@testing-library/react';
import { WorkbookError } from '../../src/workbook';
import { readTableChoices } from '../../src/core/tables';
import { pickOption, readAndCheck, renderApp, sampleWorkbook } from './appHarness';
import { installDomPolyfills } from './setupDom';

beforeAll(installDomPolyfills);

describe('CheckPanel (读取校验)', () => {
  it('says what reading does and shows no tables before the first read', async () => {
    renderApp(await sampleWorkbook());
    expect(screen.getByText(/只读取，不会改动工作簿/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: /找到的表格/ })).toBeNull();
    expect(screen.queryByText('校验结果')).toBeNull();
  });

  it('lists the tables found with their kind, header row and row count', async () => {
    renderApp(await sampleWorkbook());
    await readAndCheck();
    const tables = screen.getByRole('list', { name: '找到的表格（共 5 个）' });
    const items = within(tables)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toMatch(/^年度随机抽查工作计划工作表“年度抽查计划” · 表头在第 3 行 · 3 行数据更正/);
    expect(items.some((t) => t?.includes('检查对象名录库') && t.includes('300 行数据'))).toBe(true);
  });

  it('groups findings by sheet with counts and selects the cell when one is clicked', async () => {
    const port = await sampleWorkbook();
    const select = jest.spyOn(port, 'select');
    renderApp(port);
    await readAndCheck();
    expect(screen.getByText('错误 2 个')).toBeTruthy();
    expect(screen.getByText('提醒 2 个')).toBeTruthy();
    const planFindings = screen.getByRole('list', { name: '年度抽查计划 的问题' });
    const first = within(planFindings).getAllByRole('button')[0]!;
    expect(first.textContent).toContain('建议改为：2025年邢台市医疗保障局随机抽查001');
    fireEvent.click(first);
    expect(select).toHaveBeenCalledWith('年度抽查计划', 'B4');
  });

  it('shows a Chinese error bar with 重试 when the workbook cannot be read', async () => {
    const port = await sampleWorkbook();
    jest
      .spyOn(port, 'readSheets')
      .mockRejectedValueOnce(new WorkbookError('工作簿处于编辑状态，无法读取', 'busy'));
    renderApp(port);
    fireEvent.click(screen.getByRole('button', { name: '读取并校验' }));
    expect(await screen.findByText('读取工作簿失败')).toBeTruthy();
    expect(screen.getByText(/工作簿处于编辑状态，无法读取。请按 Esc/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    await screen.findByRole('list', { name: /找到的表格/ });
  });

  it('writes the findings to a new 校验结果 sheet and offers 校验结果 (2) when it exists', async () => {
    const port = await sampleWorkbook();
    renderApp(port);
    await readAndCheck();
    expect(screen.getByText(/将新建工作表“校验结果”逐条列出问题；不会改动您的任何单元格/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '写入校验结果' }));
    await screen.findByText('已写入校验结果');
    expect(port.cell('校验结果', 'E4')?.value).toMatch(/抽查计划名称/);
    expect(port.cell('校验结果', 'F4')?.value).toBe('2025年邢台市医疗保障局随机抽查001');

    fireEvent.click(screen.getByRole('button', { name: '写入校验结果' }));
    expect(await screen.findByText('工作簿中已有“校验结果”工作表')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '写入“校验结果 (2)”' }));
    await screen.findByText(/问题已逐条列在新工作表“校验结果 \(2\)”中/);
    expect(port.sheet('校验结果 (2)')).toBeDefined();
  });

  describe('应用 a suggested fix', () => {
    it('shows the cell before and after, writes only that cell on 确认修改 and re-validates', async () => {
      const port = await sampleWorkbook();
      renderApp(port);
      await readAndCheck();
      const before = port.cell('年度抽查计划', 'B4')?.value;
      const apply = screen.getByRole('button', {
        name: '应用建议：将 年度抽查计划!B4 改为“2025年邢台市医疗保障局随机抽查001”',
      });
      fireEvent.click(apply);
      const review = screen.getByRole('region', { name: '应用建议' });
      const change = within(review).getByRole('list', { name: '将修改的单元格' }).textContent;
      expect(change).toBe(`年度抽查计划!B4：${String(before)} → 2025年邢台市医疗保障局随机抽查001`);
      expect(port.cell('年度抽查计划', 'B4')?.value).toBe(before);
      fireEvent.click(within(review).getByRole('button', { name: '确认修改' }));
      expect(await screen.findByText('已修改 1 个单元格并重新校验')).toBeTruthy();
      expect(port.cell('年度抽查计划', 'B4')?.value).toBe('2025年邢台市医疗保障局随机抽查001');
      // The plan-name errors are gone after the automatic re-read.
      expect(screen.queryByRole('button', { name: /应用建议：将 年度抽查计划!B4/ })).toBeNull();
      expect(screen.getByText(/重新校验后：错误 \d+ 个/)).toBeTruthy();
    });

    it('writes nothing on 取消', async () => {
      const port = await sampleWorkbook();
      const apply = jest.spyOn(port, 'apply');
      renderApp(port);
      await readAndCheck();
      fireEvent.click(screen.getByRole('button', { name: /应用建议：将 年度抽查计划!B4/ }));
      fireEvent.click(
        within(screen.getByRole('region', { name: '应用建议' })).getByRole('button', { name: '取消' }),
      );
      expect(screen.queryByRole('region', { name: '应用建议' })).toBeNull();
      expect(apply).not.toHaveBeenCalled();
    });

    it('refuses, changing nothing, when the cell was edited after the read', async () => {
      const port = await sampleWorkbook();
      renderApp(port);
      await readAndCheck();
      fireEvent.click(screen.getByRole('button', { name: /应用建议：将 年度抽查计划!B4/ }));
      await port.apply([{ kind: 'write', sheet: '年度抽查计划', address: 'B4', rows: [['同事刚改的名称']] }]);
      fireEvent.click(screen.getByRole('button', { name: '确认修改' }));
      expect(await screen.findByText('没有修改')).toBeTruthy();
      expect(screen.getByText(/B4 在读取之后被改动过/)).toBeTruthy();
      expect(port.cell('年度抽查计划', 'B4')?.value).toBe('同事刚改的名称');
    });
  });

  describe('更正表格识别', () => {
    it('marks a sheet as no table, keeps that in the settings sheet, and restores the guess', async () => {
      const port = await sampleWorkbook();
      renderApp(port);
      await readAndCheck();
      fireEvent.click(screen.getByRole('button', { name: '更正工作表“检查历史”的识别' }));
      const editor = screen.getByRole('region', { name: '更正表格识别' });
      await pickOption('这是', '不是表格');
      expect(within(editor).getByText('读取时将跳过工作表“检查历史”。')).toBeTruthy();
      fireEvent.click(within(editor).getByRole('button', { name: '保存并重新校验' }));
      await screen.findByRole('list', { name: '找到的表格（共 4 个）' });
      expect(screen.getByText(/按指定跳过工作表“检查历史”（不是表格）/)).toBeTruthy();
      const [settings] = await port.readSheets(['_ssj_settings']);
      expect(readTableChoices(settings)).toEqual([{ sheet: '检查历史', kind: 'none', headerRow: 0 }]);
      fireEvent.click(screen.getByRole('button', { name: '恢复自动识别' }));
      await screen.findByRole('list', { name: '找到的表格（共 5 个）' });
    });

    it('refuses a header row that is not one, and reads the table from the row the user names', async () => {
      const port = await sampleWorkbook();
      renderApp(port);
      await readAndCheck();
      fireEvent.click(screen.getByRole('button', { name: '更正工作表“年度抽查计划”的识别' }));
      const editor = screen.getByRole('region', { name: '更正表格识别' });
      const row = within(editor).getByRole('textbox', { name: /^表头所在行/ });
      fireEvent.change(row, { target: { value: '5' } });
      expect(within(editor).getByText(/第 5 行不像年度随机抽查工作计划的表头：缺少/)).toBeTruthy();
      expect((within(editor).getByRole('button', { name: '保存并重新校验' }) as HTMLButtonElement).disabled).toBe(true);
      fireEvent.change(row, { target: { value: '3' } });
      expect(within(editor).getByText(/将按年度随机抽查工作计划读取：第 3 行是表头，3 行数据/)).toBeTruthy();
      fireEvent.click(within(editor).getByRole('button', { name: '保存并重新校验' }));
      await screen.findByText('已按指定重新读取工作表“年度抽查计划”。');
      expect(screen.getByText('工作表“年度抽查计划” · 表头在第 3 行 · 3 行数据 · 按指定')).toBeTruthy();
    });
  });
});
