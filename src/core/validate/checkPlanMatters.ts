/**
 * The plan against the book's 抽查事项清单. 偃师 2024 第七条: "各抽查主体开展执法检查工作应按照公开的
 * 随机抽查事项清单和年度检查计划开展" — a plan's 抽查事项 must be items of the published list, and
 * the list's 抽查频次 (第九条 "抽查比例和频次") says how many times a year each is inspected.
 */
import type { Finding } from '../findings';
import type { PlanTask } from '../prepare/planTask';
import { parseFrequency } from '../rules';
import type { FoundTable } from '../tables';
import { fieldAddress } from '../tables';
import { collapseSpaces, stripSpaces, toHalfWidth } from '../text';

/**
 * A task's 抽查事项 split into items: `；`, line breaks and numbering `(1)` `（2）` `3.` separate them.
 * @example splitPlanMatters('(1)对甲的监督检查 (2)对乙的督导检查') // ['对甲的监督检查', '对乙的督导检查']
 */
export function splitPlanMatters(matters: string): string[] {
  return matters
    .split(/[；;\n]|(?=[(（]\d+[)）])|\s+(?=\d+[.、．])/)
    .map((part) => part.trim().replace(/^[(（]\d+[)）]|^\d+[.、．]/, '').replace(/[。；;，,\s]+$/, '').trim())
    .filter(Boolean);
}

/** How two matters are compared: half-width, without white space or closing punctuation. */
function matterKey(s: string): string {
  return stripSpaces(toHalfWidth(s)).replace(/[。.；;]+$/, '');
}

type ListItem = {
  readonly key: string;
  readonly name: string;
  readonly object: string;
  readonly frequencyText: string;
  readonly perYear: number | undefined;
  readonly sheet: string;
  readonly frequencyCell: string;
};

function listItems(lists: readonly FoundTable[]): ListItem[] {
  const items: ListItem[] = [];
  for (const table of lists) {
    for (const row of table.rows) {
      const name = collapseSpaces(row.cells.matterName?.text ?? '');
      if (name === '') continue;
      const frequencyText = collapseSpaces(row.cells.frequency?.text ?? '');
      const frequency = 'frequency' in table.columns ? parseFrequency(frequencyText) : null;
      items.push({
        key: matterKey(name),
        name,
        object: stripSpaces(toHalfWidth(row.cells.object?.text ?? '')),
        frequencyText,
        perYear: frequency?.ok ? frequency.value.perYear : undefined,
        sheet: table.sheet,
        frequencyCell: fieldAddress(table, row, 'frequency'),
      });
    }
  }
  return items;
}

/**
 * Checks the plan's tasks against the matters lists: each 抽查事项 of a task must be an item of a
 * list (`MATTER_NOT_IN_LIST`), and each item's 抽查频次 is compared with the number of tasks that
 * check it for its 抽查对象 (`MATTER_FREQUENCY_MISMATCH`). Nothing is checked when the book has no list.
 * @param tasks the plan's tasks
 * @param planTables the plan tables (for the cell of each task's 抽查事项)
 * @param lists the matters lists of the book (not one used as the plan)
 * @returns the findings, at the plan's 抽查事项 cell or at the list's 抽查频次 cell
 * @example checkPlanMatters(tasks, [plan], [list])[0]?.code // 'MATTER_NOT_IN_LIST'
 */
export function checkPlanMatters(
  tasks: readonly PlanTask[],
  planTables: readonly FoundTable[],
  lists: readonly FoundTable[],
): Finding[] {
  const items = listItems(lists);
  if (items.length === 0) return [];
  const keys = new Set(items.map((item) => item.key));
  const names = [...new Set(items.map((item) => item.name))];
  const listSheets = [...new Set(items.map((item) => `“${item.sheet}”`))].join('、');
  const findings: Finding[] = [];
  for (const task of tasks) {
    const table = planTables.find((p) => p.sheet === task.sheet);
    if (!table || !('matters' in table.columns)) continue;
    const cell = fieldAddress(table, table.rows.find((r) => r.row === task.row) ?? { row: task.row, cells: {} }, 'matters');
    for (const matter of splitPlanMatters(task.matters)) {
      if (keys.has(matterKey(matter))) continue;
      findings.push({
        severity: 'error',
        code: 'MATTER_NOT_IN_LIST',
        sheet: task.sheet,
        cell,
        message: `抽查事项“${matter}”不在抽查事项清单（工作表${listSheets}）中：计划中的事项应取自公开的清单，请改为清单中的事项，或先把它列入清单。清单中有：${names.join('；')}。`,
      });
    }
  }
  // Without a 抽查事项 column the plan says nothing about which matters its tasks check.
  if (!planTables.some((p) => 'matters' in p.columns)) return findings;
  for (const item of items) {
    if (item.perYear === undefined || item.frequencyCell === '') continue;
    const planned = tasks.filter(
      (task) =>
        splitPlanMatters(task.matters).some((m) => matterKey(m) === item.key) &&
        (item.object === '' || coversObject(task.scope, item.object)),
    );
    if (planned.length === item.perYear) continue;
    const forObject = item.object ? `（抽查对象：${item.object}）` : '';
    const what =
      planned.length === 0
        ? '计划表中没有安排该事项的任务'
        : `计划表中安排了 ${planned.length} 个任务（${planned.map((x) => `${x.planNo}/${x.taskNo}`).join('、')}）`;
    findings.push({
      severity: 'warning',
      code: 'MATTER_FREQUENCY_MISMATCH',
      sheet: item.sheet,
      cell: item.frequencyCell,
      message: `抽查事项“${item.name}”${forObject}的抽查频次为“${item.frequencyText}”（每年 ${item.perYear} 次），${what}：请核对计划的任务数与清单的抽查频次。`,
    });
  }
  return findings;
}

/** Whether a task's 抽查对象范围 (全县定点医疗机构) covers a list item's 抽查对象 (定点医疗机构), or the reverse. */
function coversObject(scope: string, object: string): boolean {
  const s = stripSpaces(toHalfWidth(scope));
  return s !== '' && (s.includes(object) || object.includes(s));
}
