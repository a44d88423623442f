/** The staff rule and the checks the draw step shows, from the bureau settings to the frozen record. */
import { saveSettingsOps, type BureauSettings } from '../../../src/core/plan';
import { commitDraw, planDraw } from '../../../src/core/session';
import { readBookState } from '../../../src/workbook';
import { applyAndRead, DRAW_DATE, META, SAMPLE_SETTINGS, sampleBook, taskOf } from './sessionFixture';

const XINGTAI: BureauSettings = { ...SAMPLE_SETTINGS, minStaff: 2 };

describe('planDraw: 每组至少局部门工作人员', () => {
  it('takes minStaff from the bureau settings into an ssj-draw/2 record and says where it comes from', async () => {
    const state = await readBookState(await sampleBook(saveSettingsOps(XINGTAI, false)));
    const plan = planDraw(state, taskOf(state), {}, DRAW_DATE);
    expect(plan.ready?.inputs.protocol).toBe('ssj-draw/2');
    expect(plan.ready?.inputs.team.minStaff).toBe(2);
    expect(plan.minStaffSource).toBe('settings');
    expect(plan.checks.staffRule).toBe(
      '每个检查组至少 2 名局部门工作人员，组长由局部门工作人员担任（依据：本局设置“每组至少局部门工作人员”；按 ssj-draw/2 抽取）。',
    );
  });

  it('lets the clerk’s option win, and keeps ssj-draw/1 without any', async () => {
    const state = await readBookState(await sampleBook(saveSettingsOps(XINGTAI, false)));
    expect(planDraw(state, taskOf(state), { minStaff: 1 }, DRAW_DATE).ready?.inputs.protocol).toBe('ssj-draw/1');
    const plain = await readBookState(await sampleBook());
    const plan = planDraw(plain, taskOf(plain), {}, DRAW_DATE);
    expect(plan.ready?.inputs.protocol).toBe('ssj-draw/1');
    expect(plan.minStaffSource).toBe('default');
  });

  it('keeps the minStaff frozen by a commitment, whatever the settings say later', async () => {
    const book = await sampleBook(saveSettingsOps(XINGTAI, false));
    const state = await readBookState(book);
    const committed = commitDraw(state, planDraw(state, taskOf(state), {}, DRAW_DATE), '2025-04-02 福彩3D 开奖号码：d d d', META);
    if (!committed.ok) throw new Error('commit failed');
    const after = await applyAndRead(book, [...committed.ops, ...saveSettingsOps({ ...XINGTAI, minStaff: 3 }, true)]);
    const plan = planDraw(after, taskOf(after), {}, DRAW_DATE);
    expect(plan.settings.minStaff).toBe(2);
    expect(plan.checks.staffRule).toContain('依据：承诺时冻结的抽取输入');
  });

  it('warns before a draw outside the task’s 抽查时间', async () => {
    const state = await readBookState(await sampleBook());
    // 2025002/001 is planned for 2025年4月-6月; 2025-03-01 is before it.
    const plan = planDraw(state, taskOf(state), {}, DRAW_DATE - 31);
    expect(plan.checks.period?.code).toBe('DRAW_OUTSIDE_PERIOD');
    expect(planDraw(state, taskOf(state), {}, DRAW_DATE).checks.period).toBeNull();
  });
});
