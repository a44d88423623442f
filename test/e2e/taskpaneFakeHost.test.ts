/**
 * The built taskpane.html inside a fake Office host: `window.Office` and `Excel.run` come from
 * test/workbook/fakeExcel.ts (bundled by buildOnce.ts, injected before the page loads) holding the
 * demo book, so the real Office adapter runs under Office's batching rules. A clerk's path:
 * 读取校验 → 抽取 → 抽取记录 (验证) → 记录表 → 结果公示, with screenshots at 320 and 800 px.
 * Needs Debian's chromium: apt-get install -y chromium.
 */
import type { Page } from 'playwright-core';
import { screenshotPath } from './buildOnce';
import { openFakeHostPane, startFakeHost, stopFakeHost, type FakeHost } from './openFakeHostPane';
import { sampleFakeBookSeed } from './sampleSeed';

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(`fakehost-${name}-320.png`), fullPage: true });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ path: screenshotPath(`fakehost-${name}-800.png`), fullPage: true });
  await page.setViewportSize({ width: 320, height: 900 });
}

describe('taskpane.html in a fake Excel', () => {
  let host: FakeHost | undefined;

  beforeAll(async () => {
    host = await startFakeHost();
  }, 240_000);

  afterAll(() => stopFakeHost(host));

  it('reads, draws, verifies and writes forms in the workbook, as a clerk sees it', async () => {
    // ExcelApi 1.12: merged cells cannot be read, which the pane must say.
    const { page, errors } = await openFakeHostPane(host, await sampleFakeBookSeed(12), 320, { consoleErrors: true });

    // Old Excel notice, then 读取校验.
    await page.getByText('当前 Excel 版本较旧，部分功能不可用').waitFor({ timeout: 10_000 });
    await page.getByText(/读取合并单元格需要 Microsoft 365 较新版本/).waitFor();
    await page.getByRole('button', { name: '读取并校验' }).click();
    await page.getByRole('list', { name: '找到的表格（共 5 个）' }).waitFor({ timeout: 15_000 });
    await page.getByText('建议改为：2025年邢台市医疗保障局随机抽查001').first().waitFor();
    await shoot(page, '1-check');
    await page.getByRole('button', { name: '更正工作表“年度抽查计划”的识别' }).click();
    await page.getByText(/将按年度随机抽查工作计划读取：第 3 行是表头/).waitFor();
    await shoot(page, '1-check-correct');
    await page.getByRole('region', { name: '更正表格识别' }).getByRole('button', { name: '取消' }).click();

    // 编制计划: the first run proposes the bureau settings from the plan table.
    await page.getByRole('button', { name: '第 2 步：编制计划' }).click();
    await page.getByText('首次使用：请确认单位设置').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('textbox', { name: /^行政区划/ }).inputValue()).toBe('邢台市');
    await shoot(page, '1-plan');

    // 抽取 2025002/001 with a local seed.
    await page.getByRole('button', { name: '第 3 步：抽取' }).click();
    await page.getByRole('combobox', { name: /抽查任务/ }).click();
    await page.getByRole('option', { name: /^2025002\/001 / }).click();
    await page.getByRole('textbox', { name: /操作人/ }).fill('王小明');
    await page.getByRole('radio', { name: /本地随机/ }).check();
    await page.getByText('将新建工作表“抽取结果-2025002-001”', { exact: false }).first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === '抽取…' && !b.disabled),
    );
    // Teams of three: the spin button commits on leaving it.
    await page.getByRole('spinbutton', { name: /^每组人数/ }).fill('3');
    await page.getByRole('spinbutton', { name: /^每组人数/ }).press('Tab');
    await page.getByText('每个检查组 3 人。').waitFor();
    await shoot(page, '2-draw-before');
    await page.getByRole('button', { name: '抽取…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '抽取', exact: true }).click();
    const result = page.getByRole('list', { name: '抽中的检查对象及检查组' });
    await result.waitFor({ timeout: 15_000 });
    // How many depends on today's date (recently inspected targets are left out): the list and the summary agree.
    const drawn = await result.getByRole('listitem').count();
    expect(drawn).toBeGreaterThan(0);
    await page.getByText(new RegExp(`抽中 ${drawn} 个检查对象`)).waitFor();
    expect(await result.getByRole('listitem').first().textContent()).toMatch(/检查组：.+（组长）/);
    for (const team of await result.getByRole('listitem').allTextContents()) {
      expect(team.split('检查组：')[1]!.split('、')).toHaveLength(3);
    }
    await shoot(page, '2-draw-result');

    // 抽取记录: 验证.
    await page.getByRole('button', { name: '第 4 步：抽取记录' }).click();
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByText('验证通过').waitFor({ timeout: 15_000 });
    await shoot(page, '3-log');

    // 记录表.
    await page.getByRole('button', { name: '第 5 步：记录表' }).click();
    await page.getByRole('button', { name: '生成记录表' }).click();
    await page.getByText('记录表已生成').waitFor({ timeout: 15_000 });
    await shoot(page, '4-forms');

    // 结果公示.
    await page.getByRole('button', { name: '第 6 步：结果公示' }).click();
    await page.getByText(`可公示的抽取 1 次，共 ${drawn} 个检查对象。`).waitFor();
    await shoot(page, '5-publish');

    const sheets = await page.evaluate(() =>
      (window as unknown as { __SSJ_FAKE__: { sheets: { name: string }[] } }).__SSJ_FAKE__.sheets.map((s) => s.name),
    );
    expect(sheets).toEqual(expect.arrayContaining(['抽取记录', '抽取结果-2025002-001', '记录表-2025002-001']));
    await page.close();
    expect(errors).toEqual([]);
  }, 90_000);

  it('commits to a public number and draws with it: two dialogs in a row after the rules were changed', async () => {
    const { page } = await openFakeHostPane(host, await sampleFakeBookSeed(13), 800);
    await page.getByRole('button', { name: '读取并校验' }).click();
    await page.getByRole('list', { name: '找到的表格（共 5 个）' }).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '第 3 步：抽取' }).click();
    await page.getByRole('combobox', { name: /抽查任务/ }).click();
    await page.getByRole('option', { name: /^2025002\/001 / }).click();
    await page.getByRole('textbox', { name: /操作人/ }).fill('王小明');
    await page.getByRole('spinbutton', { name: /^近期已查不再抽/ }).fill('0');
    await page.getByRole('spinbutton', { name: /^近期已查不再抽/ }).press('Tab');
    await page.getByRole('radio', { name: /公开随机数/ }).click();
    await page.getByRole('textbox', { name: /开奖公告文字/ }).fill('2025-04-01 福彩3D 第2025086期 开奖号码：d d d');
    await page.getByRole('button', { name: '记录承诺…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '记录承诺', exact: true }).click();
    await page.getByText(/已记录承诺（抽取记录第 1 条）/).waitFor({ timeout: 15_000 });
    await page.getByRole('textbox', { name: /开奖号码/ }).fill('2025-04-01 福彩3D 第2025086期 开奖号码：3 7 1');
    await page.getByRole('button', { name: '抽取…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '抽取', exact: true }).click();
    await page.getByText(/抽取完成（抽取记录第 2 条）/).waitFor({ timeout: 15_000 });
    await page.close();
  }, 60_000);
});
