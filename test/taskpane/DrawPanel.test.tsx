/** @jest-environment jsdom */
import './setupDom';
import { fireEvent, screen, within } from '@testing-library/react';
import {
  confirmInDialog,
  memoryOperatorStore,
  openDialog,
  openStep,
  pickOption,
  readAndCheck,
  renderApp,
  sampleWorkbook,
  testEnvironment,
} from './appHarness';
import { installDomPolyfills } from './setupDom';
import { saveSettingsOps } from '../../src/core/plan';

beforeAll(installDomPolyfills);

async function openDrawFor(task: RegExp) {
  await readAndCheck();
  openStep('抽取$');
  await screen.findByRole('combobox', { name: /抽查任务/ });
  await pickOption(/抽查任务/, task);
}

describe('DrawPanel (抽取)', () => {
  it('shows strata with candidates and k, the exclusions and the team rules for the chosen task', async () => {
    renderApp(await sampleWorkbook());
    await openDrawFor(/^2025002\/001 /);
    const strata = screen.getByRole('table', { name: '各分层的候选对象与抽取数量' });
    const rows = within(strata)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual([
      '分层比例候选抽取',
      'A（低）1%421',
      'B（中）3%662',
      'C（中高）10%253',
      'D（高）20%255',
    ]);
    expect(screen.getByText('候选对象与抽取数量（共 158 个候选，将抽取 11 个）')).toBeTruthy();
    expect(screen.getByText('排除的检查对象（10）')).toBeTruthy();
    expect(screen.getByText(/参加部门：基金监管科（至少 1 人/)).toBeTruthy();
    expect(screen.getByText(/组长：由“基金监管科”的局部门工作人员担任/)).toBeTruthy();
    // Public-seed mode is the default; a local draw says what it will write too.
    expect(screen.getByRole('radio', { name: /公开随机数（推荐/ })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: /本地随机/ }));
    expect(
      screen.getByText(
        '将新建工作表“抽取结果-2025002-001”，并新建受保护的“抽取记录”工作表（及其隐藏的数据表）并写入第一行；不会改动其他工作表。',
      ),
    ).toBeTruthy();
  });

  it('draws with a local seed after confirmation and shows targets, teams and the chain head', async () => {
    const port = await sampleWorkbook();
    renderApp(port);
    await openDrawFor(/^2025002\/001 /);
    fireEvent.click(screen.getByRole('radio', { name: /本地随机/ }));
    fireEvent.click(screen.getByRole('button', { name: '抽取…' }));
    const dialog = await openDialog();
    expect(within(dialog).getByText('从 158 个候选对象中抽取 11 个，并为每个对象抽取检查组。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '抽取', hidden: true }));
    const result = await screen.findByRole('list', { name: '抽中的检查对象及检查组' }, { timeout: 10_000 });
    const items = within(result).getAllByRole('listitem');
    expect(items).toHaveLength(11);
    expect(items[0]!.textContent).toMatch(/检查组：.+（组长）、.+（市场监督管理局）/);
    expect(screen.getByText(/抽取完成（抽取记录第 1 条）/)).toBeTruthy();
    expect(port.sheet('抽取结果-2025002-001')).toBeDefined();
    expect(port.sheet('抽取记录')?.isProtected).toBe(true);
    const head = port.cell('抽取记录', 'B2')?.value;
    expect(screen.getByText(String(head))).toBeTruthy();
    // Drawn: the task cannot simply be drawn again, and the success is not contradicted by a notice.
    expect(screen.queryByRole('button', { name: '抽取…' })).toBeNull();
    expect(screen.queryByText('该任务已经抽取过')).toBeNull();
  });

  it('shows why a task cannot be drawn as an error bar saying what to do', async () => {
    const port = await sampleWorkbook();
    await port.apply([{ kind: 'deleteSheet', sheet: '执法检查人员名录库' }]);
    renderApp(port);
    await openDrawFor(/^2025002\/001 /);
    expect(screen.getByText('该任务暂时无法抽取')).toBeTruthy();
    expect(screen.getByText(/执法检查人员名录库中没有属于“基金监管科”的在岗人员/)).toBeTruthy();
    expect(screen.getByText(/请按上述说明修改计划表或名录库，然后回到第 1 步重新读取并校验/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '抽取…' })).toBeNull();
  });

  it('records a commitment for a public number, then draws with the number once it is out', async () => {
    const port = await sampleWorkbook();
    renderApp(port);
    await openDrawFor(/^2025002\/001 /);
    fireEvent.click(screen.getByRole('radio', { name: /公开随机数/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /开奖公告文字/ }), {
      target: { value: '2025-04-01 福彩3D 第2025086期 开奖号码：d d d' },
    });
    fireEvent.click(screen.getByRole('button', { name: '记录承诺…' }));
    await confirmInDialog('记录承诺');
    expect(await screen.findByText(/已记录承诺（抽取记录第 1 条）/, {}, { timeout: 10_000 })).toBeTruthy();
    const published = screen.getByRole('textbox', { name: '待公布的承诺（可复制）' }) as HTMLTextAreaElement;
    expect(published.value).toMatch(
      /本次抽取将以“2025-04-01 福彩3D 第2025086期 开奖号码：d d d”的结果作为随机数/,
    );
    expect(published.value).toMatch(/承诺值（SHA-256）：[0-9a-f]{64}/);

    const number = await screen.findByRole('textbox', { name: /开奖号码/ });
    fireEvent.change(number, { target: { value: '2025-04-01 福彩3D 第2025086期 开奖号码：3 7 1' } });
    fireEvent.click(screen.getByRole('button', { name: '抽取…' }));
    await confirmInDialog('抽取');
    expect(await screen.findByText(/抽取完成（抽取记录第 2 条）/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(
      screen.getByText(/随机源：公开随机数：2025-04-01 福彩3D 第2025086期 开奖号码：3 7 1/),
    ).toBeTruthy();
  });

  it('names the protocol the draw will use in the commitment to publish (ssj-draw/2 with a staff minimum)', async () => {
    const port = await sampleWorkbook();
    await port.apply(
      saveSettingsOps(
        {
          year: 2025,
          division: '邢台市',
          department: '医疗保障局',
          teamSize: 3,
          jointDepartments: [],
          creditClasses: [],
          minStaff: 2,
        },
        false,
      ),
    );
    renderApp(port);
    await openDrawFor(/^2025002\/001 /);
    fireEvent.change(screen.getByRole('textbox', { name: /开奖公告文字/ }), {
      target: { value: '2025-04-01 福彩3D 第2025086期 开奖号码：d d d' },
    });
    fireEvent.click(screen.getByRole('button', { name: '记录承诺…' }));
    await confirmInDialog('记录承诺');
    const published = (await screen.findByRole(
      'textbox',
      { name: '待公布的承诺（可复制）' },
      { timeout: 10_000 },
    )) as HTMLTextAreaElement;
    expect(published.value).toMatch(/的结果作为随机数，按 ssj-draw\/2 规则计算。/);
  });

  it('remembers the operator on this computer only when asked', async () => {
    const memory = memoryOperatorStore('李华');
    const env = testEnvironment({ operatorMemory: memory });
    delete env.defaultOperator;
    renderApp(await sampleWorkbook(), env);
    await openDrawFor(/^2025002\/001 /);
    const name = screen.getByRole('textbox', { name: /操作人/ }) as HTMLInputElement;
    const remember = screen.getByRole('checkbox', { name: '在本机记住我的姓名' }) as HTMLInputElement;
    expect(name.value).toBe('李华');
    expect(remember.checked).toBe(true);
    fireEvent.change(name, { target: { value: '王小明' } });
    expect(memory.stored()).toBe('王小明');
    fireEvent.click(remember);
    expect(memory.stored()).toBe('');
    fireEvent.change(name, { target: { value: '赵六' } });
    expect(memory.stored()).toBe('');
  });
});
