/**
 * What a clerk does in the pane or the page, step by step, for the browser tests: open a step,
 * read the book, prepare and make a draw of task 2025002/001, list what the accessibility tree
 * offers. The step buttons keep their names ("第 3 步：抽取") at every width.
 */
import type { Locator, Page } from 'playwright-core';

export async function openStep(page: Page, number: number, title: string): Promise<void> {
  await page.getByRole('button', { name: `第 ${number} 步：${title}` }).click();
  await page.getByRole('heading', { level: 2, name: `${number}. ${title}` }).waitFor();
}

export async function readBook(page: Page): Promise<void> {
  await page.getByRole('button', { name: '读取并校验' }).click();
  await page.getByRole('list', { name: /^找到的表格/ }).waitFor({ timeout: 15_000 });
}

/** Step 3 with task 2025002/001, an operator and a local seed, up to the enabled 抽取… button (returned). */
export async function prepareDraw(page: Page): Promise<Locator> {
  await openStep(page, 3, '抽取');
  await page.getByRole('combobox', { name: /抽查任务/ }).click();
  await page.getByRole('option', { name: /^2025002\/001 / }).click();
  await page.getByRole('textbox', { name: /操作人/ }).fill('王小明');
  await page.getByRole('radio', { name: /本地随机/ }).check();
  const drawButton = page.getByRole('button', { name: '抽取…' });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent === '抽取…' && !b.disabled),
  );
  return drawButton;
}

/** Confirms the draw in the dialog and waits for the result list. */
export async function confirmDraw(page: Page): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: '抽取', exact: true }).click();
  await page.getByRole('list', { name: '抽中的检查对象及检查组' }).waitFor({ timeout: 15_000 });
  // The dialog fades out after the draw; what follows looks at the pane without it.
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** What has focus, as "role: text" (tag name when it has no role). */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });
}

/**
 * The names of the controls (buttons, fields, tabs, links …) in the accessibility tree of `root`,
 * from Playwright's aria snapshot (`- button "name"` lines).
 */
export async function controlNames(root: Locator): Promise<string[]> {
  const snapshot = await root.ariaSnapshot();
  const roles =
    'button|link|textbox|spinbutton|combobox|checkbox|radio|tab|switch|option|menuitem|slider|searchbox';
  return [...snapshot.matchAll(new RegExp(`- (?:${roles}) "([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
}

/** Words a clerk must not meet: requirement-set numbers, protocol ids, hidden sheet names, digests, ISO times. */
export const TECHNICAL_WORDS = /ExcelApi|ssj-draw\/\d|_ssj_|[A-Za-z]+Digest|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Latin words in a control name that are not product names a clerk knows. */
export function englishWords(name: string): string[] {
  const known = new Set(['Excel', 'WPS', 'xlsx', 'CSV', 'Microsoft', 'Office', 'shuangsuiji', 'html']);
  return [...name.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !known.has(w));
}
