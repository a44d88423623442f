/**
 * The task pane at the widths Excel gives it (320 and 350 px) and on a wide screen (1280 px), in the
 * fake Office host (see taskpaneFakeHost.test.ts): the step flow takes one line when narrow, the
 * draw's action is on the first screen, the draw dialog starts on 取消 and gives focus back, the
 * 操作人 field does not scold before anything is typed, and a clerk meets Chinese words, not
 * control names in English or the add-in's technical terms. Screenshots in test-output/screenshots/.
 * Needs Debian's chromium: apt-get install -y chromium.
 */
import type { Page } from 'playwright-core';
import { screenshotPath } from './buildOnce';
import {
  confirmDraw,
  controlNames,
  describeFocus,
  englishWords,
  openStep,
  prepareDraw,
  readBook,
  TECHNICAL_WORDS,
} from './clerkSteps';
import { openFakeHostPane, startFakeHost, stopFakeHost, type FakeHost } from './openFakeHostPane';
import { sampleFakeBookSeed } from './sampleSeed';

describe('the task pane in a narrow and a wide window', () => {
  let host: FakeHost | undefined;

  beforeAll(async () => {
    host = await startFakeHost();
  }, 240_000);

  afterAll(() => stopFakeHost(host));

  /**
   * The pane in a fake Excel with the demo book; by default ExcelApi 1.12 (no merged cells), so the
   * version notice shows.
   */
  async function openPane(width: number, excelApiMinor = 12): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await openFakeHostPane(host, await sampleFakeBookSeed(excelApiMinor), width);
    await page.getByRole('button', { name: '读取并校验' }).waitFor({ timeout: 10_000 });
    return { page, errors };
  }

  it.each([320, 350])(
    'shows the six steps in one line at %i px, the current one named',
    async (width) => {
      const { page, errors } = await openPane(width);
      const nav = page.getByRole('navigation', { name: '操作步骤' });
      await readBook(page);
      const box = await nav.boundingBox();
      expect(box?.height).toBeLessThanOrEqual(48);
      expect(await nav.innerText()).toMatch(/读取校验/);
      expect(await nav.innerText()).not.toMatch(/抽取记录/);
      // Every step is still one click away, by the same name.
      await openStep(page, 3, '抽取');
      await page.getByRole('combobox', { name: /抽查任务/ }).waitFor();
      expect(await nav.innerText()).toMatch(/抽取/);
      await page.screenshot({ path: screenshotPath(`pane-draw-${width}.png`), fullPage: true });
      await openStep(page, 1, '读取校验');
      await page.screenshot({ path: screenshotPath(`pane-check-${width}.png`), fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
    },
    60_000,
  );

  it('shows the steps as a list beside the panel at 1280 px', async () => {
    const { page, errors } = await openPane(1280);
    const nav = page.getByRole('navigation', { name: '操作步骤' });
    await readBook(page);
    const text = await nav.innerText();
    for (const title of ['读取校验', '编制计划', '抽取', '抽取记录', '记录表', '结果公示'])
      expect(text).toContain(title);
    const navBox = await nav.boundingBox();
    const panelBox = await page.getByRole('region', { name: '1. 读取校验' }).boundingBox();
    expect(navBox && panelBox && navBox.x + navBox.width <= panelBox.x).toBe(true);
    await page.screenshot({ path: screenshotPath('pane-check-1280.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('opens the draw dialog on 取消 and gives focus back after Escape, after 取消 by Enter and after the draw', async () => {
    const { page, errors } = await openPane(320);
    await readBook(page);
    const drawButton = await prepareDraw(page);
    await drawButton.click();
    const dialog = page.getByRole('dialog', { name: '确认抽取' });
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === '取消');
    // The dialog fades in: photographed once it is opaque.
    await page.waitForFunction(() => {
      const surface = document.querySelector('.fui-DialogSurface');
      return surface !== null && getComputedStyle(surface).opacity === '1';
    });
    await page.screenshot({ path: screenshotPath('pane-draw-dialog-320.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.textContent === '抽取…');

    // Enter twice no longer draws: the first Enter opens the dialog, the second is 取消.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === '取消');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByRole('list', { name: '抽中的检查对象及检查组' }).count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.textContent === '抽取…');

    await drawButton.click();
    await confirmDraw(page);
    // The button that opened the dialog cannot be used again for this task: focus waits in the step.
    await page.waitForFunction(() => document.activeElement !== document.body);
    expect(await describeFocus(page)).toMatch(/^(button: 抽取…|section: )/);
    expect(
      await page.evaluate(() =>
        document.querySelector('section[aria-labelledby]')?.contains(document.activeElement),
      ),
    ).toBe(true);
    await page.close();
    expect(errors).toEqual([]);
  }, 90_000);

  it('names its controls in Chinese and keeps technical terms away from the clerk', async () => {
    const { page, errors } = await openPane(320);
    await page.getByText('当前 Excel 版本较旧，部分功能不可用').waitFor();
    await readBook(page);
    // The parts of the pane this covers: the version notice, the step flow, step 1 with its findings.
    const notice = page.locator('.fui-MessageBar', { hasText: '当前 Excel 版本较旧，部分功能不可用' });
    const parts = [
      notice,
      page.getByRole('navigation', { name: '操作步骤' }),
      page.getByRole('region', { name: '1. 读取校验' }),
    ];
    for (const part of parts) {
      const names = await controlNames(part);
      expect(names.flatMap(englishWords)).toEqual([]);
      const visible = await part.innerText();
      expect(visible).not.toMatch(TECHNICAL_WORDS);
    }
    await page.getByText('读取合并单元格需要 Microsoft 365 较新版本').waitFor();
    await page.screenshot({ path: screenshotPath('pane-notice-320.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('puts the draw action on the first screen at 320 px, above the tables it rests on', async () => {
    // A current Excel: no version notice above the steps.
    const { page, errors } = await openPane(320, 13);
    await readBook(page);
    const drawButton = await prepareDraw(page);
    await page.screenshot({ path: screenshotPath('pane-draw-before-320.png'), fullPage: true });
    const top = async (name: string) => {
      const box = await page.getByRole('button', { name }).boundingBox();
      return (box?.y ?? Infinity) + (await page.evaluate(() => window.scrollY));
    };
    // A task pane is about 900 px tall: the action must not be screens down.
    expect(await top('抽取…')).toBeLessThan(900);
    const strata = await page.getByRole('table', { name: '各分层的候选对象与抽取数量' }).boundingBox();
    expect((strata?.y ?? 0) + (await page.evaluate(() => window.scrollY))).toBeGreaterThan(
      await top('抽取…'),
    );
    await page.getByRole('radio', { name: /公开随机数/ }).check();
    expect(await top('记录承诺…')).toBeLessThan(1200);
    await page.getByRole('radio', { name: /本地随机/ }).check();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: screenshotPath('pane-draw-first-screen-320.png') });
    await drawButton.click();
    await confirmDraw(page);
    // The result comes right after the action, before the tables.
    const result = await page.getByRole('list', { name: '抽中的检查对象及检查组' }).boundingBox();
    const table = await page.getByRole('table', { name: '各分层的候选对象与抽取数量' }).boundingBox();
    expect(result && table && result.y < table.y).toBe(true);
    await page.screenshot({ path: screenshotPath('pane-draw-result-320.png'), fullPage: true });
    await page.close();
    expect(errors).toEqual([]);
  }, 90_000);

  it('says why 操作人 is needed as a hint, and warns only once the field was left empty', async () => {
    const { page, errors } = await openPane(320);
    await readBook(page);
    await openStep(page, 3, '抽取');
    const panel = page.getByRole('region', { name: '3. 抽取' });
    const operator = panel.getByRole('textbox', { name: /操作人/ });
    await operator.waitFor();
    await panel.getByText('请填写您的姓名，抽取记录会写明由谁操作。').waitFor();
    expect(await panel.getByRole('alert').count()).toBe(0);
    await operator.fill('王');
    await operator.fill('');
    await panel.getByRole('alert').filter({ hasText: '请填写您的姓名' }).waitFor();
    await page.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('names the controls of every step in Chinese, and shows no technical terms outside 验证', async () => {
    const { page, errors } = await openPane(320);
    await readBook(page);
    const check = async (label: string, part: ReturnType<Page['locator']>, textToo = true) => {
      const english = (await controlNames(part)).flatMap(englishWords);
      expect({ label, english }).toEqual({ label, english: [] });
      if (textToo)
        expect({ label, text: (await part.innerText()).match(TECHNICAL_WORDS)?.[0] ?? null }).toEqual({
          label,
          text: null,
        });
    };
    await openStep(page, 2, '编制计划');
    await page.getByText('首次使用：请确认单位设置').waitFor({ timeout: 15_000 });
    await check('编制计划', page.getByRole('region', { name: '2. 编制计划' }), false);
    await check('单位设置', page.getByRole('form', { name: '单位设置' }));
    const drawButton = await prepareDraw(page);
    await check('抽取', page.getByRole('region', { name: '3. 抽取' }));
    await drawButton.click();
    await check('确认抽取', page.getByRole('dialog', { name: '确认抽取' }));
    await confirmDraw(page);
    await check('抽取结果', page.getByRole('region', { name: '3. 抽取' }));
    await openStep(page, 4, '抽取记录');
    await check('抽取记录', page.getByRole('region', { name: '4. 抽取记录' }));
    await openStep(page, 5, '记录表');
    await check('记录表', page.getByRole('region', { name: '5. 记录表' }));
    await openStep(page, 6, '结果公示');
    await check('结果公示', page.getByRole('region', { name: '6. 结果公示' }));
    await page.close();
    expect(errors).toEqual([]);
  }, 120_000);
});
