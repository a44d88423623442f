/**
 * Adding a plan or a task to the plan table the bureau already keeps: the values go into that
 * table's own columns (whatever their order), in the first empty row under its last task, and never
 * over anything — not the 备注 lines printed under many tables, not a merged area.
 */
import { cellAddress, type Grid } from '../grid';
import type { FoundTable } from '../tables';
import type { CellInput, WorkbookOp } from '../workbookOps';
import { parsePlanName } from '../rules';
import {
  composePlanName,
  composePlanNo,
  nextPlanSeq,
  nextTaskNo,
  PLAN_COLUMNS,
  planRow,
  proposeSettings,
  type BureauSettings,
  type NewTask,
} from './planGenerators';
import type { PlanTask } from '../prepare/planTask';

/** The plan-table field of each PLAN_COLUMNS entry, in the same order. */
export const PLAN_FIELDS = [
  'planNo',
  'planName',
  'taskNo',
  'taskName',
  'taskType',
  'ratio',
  'matters',
  'scope',
  'leadDept',
  'jointDepts',
  'period',
  'level',
  'note',
] as const;

/** Fields written as text: a plan number `2025001` or task number `001号` must not become a number. */
const TEXT_FIELDS = new Set<string>(['planNo', 'taskNo', 'planName', 'taskName', 'ratio', 'period']);

/** Which plan a new row belongs to: a new one (the next free 序号) or an existing plan number. */
export type PlanChoice = { kind: 'new' } | { kind: 'existing'; planNo: string };

/** The numbers and name a new row gets, shown to the user before it is written. */
export type NumberedRow = {
  planNo: string;
  planName: string;
  taskNo: string;
  values: Record<string, string>;
};

/**
 * Numbers a new task by the rules: a new plan takes the next free 序号 of the settings' year, a
 * task the next free number within its plan; the name is composed from the settings.
 * @param s bureau settings (year, division, department)
 * @param tasks the tasks already in the plan table
 * @param plan a new plan or an existing plan number
 * @param t what the user entered
 * @returns the plan number, name, task number and each field's cell text
 * @example numberRow(settings, tasks, { kind: 'new' }, task).planName // '2026年邢台市医疗保障局随机抽查003'
 */
export function numberRow(
  s: BureauSettings,
  tasks: readonly PlanTask[],
  plan: PlanChoice,
  t: NewTask,
): NumberedRow {
  const seq = plan.kind === 'new' ? nextPlanSeq(tasks, s.year) : Number(plan.planNo.slice(4));
  const planNo = plan.kind === 'new' ? composePlanNo(s.year, seq) : plan.planNo;
  const taskNo = plan.kind === 'new' ? '001' : nextTaskNo(tasks, planNo);
  const cells = planRow(s, planNo, seq, taskNo, t);
  const values: Record<string, string> = {};
  PLAN_FIELDS.forEach((field, i) => {
    values[field] = cells[i] ?? '';
  });
  return { planNo, planName: composePlanName(s, seq), taskNo, values };
}

export type AppendOutcome =
  | {
      ok: true;
      ops: WorkbookOp[];
      /** 1-based sheet row written. */
      row: number;
      /** Headers of values the table has no column for (not written). */
      dropped: string[];
    }
  | { ok: false; message: string };

function rowIsBlank(grid: Grid, row: number, fromCol: number, toCol: number): boolean {
  const cells = grid.text[row - grid.origin.row];
  if (!cells) return true;
  for (let c = fromCol; c <= toCol; c++) if ((cells[c - grid.origin.col] ?? '').trim() !== '') return false;
  return true;
}

/**
 * The write that adds one row to a found plan table: in the first row under the table's last task
 * (or under the header when it has none) when that row is blank across the table's columns and not
 * part of a merged area; otherwise a Chinese reason and no operations.
 * @param table the plan table as found
 * @param grid the sheet it is on
 * @param values cell text by plan field (from numberRow)
 * @example appendTaskOps(table, grid, row.values) // { ok: true, row: 7, ops: [expectValue…, write…] }
 */
export function appendTaskOps(
  table: FoundTable,
  grid: Grid,
  values: Readonly<Record<string, string>>,
): AppendOutcome {
  const cols = Object.values(table.columns);
  const from = Math.min(...cols);
  const to = Math.max(...cols);
  const lastData = table.rows.length
    ? table.rows[table.rows.length - 1]!.row
    : table.headerRow - 2 + table.headerRows;
  const row = lastData + 1; // 0-based
  const at = `工作表“${table.sheet}”第 ${row + 1} 行`;
  if (!rowIsBlank(grid, row, from, to)) {
    return {
      ok: false,
      message: `${at}紧接在最后一个任务之下，但已有内容（如表格下方的备注）。为免覆盖，未写入：请在该行上方插入一个空行，重新读取后再添加。`,
    };
  }
  const merged = grid.merges.find((m) => m.top <= row && m.bottom >= row && m.right >= from && m.left <= to);
  if (merged) {
    return {
      ok: false,
      message: `${at}在合并单元格 ${cellAddress(merged.top, merged.left)}:${cellAddress(merged.bottom, merged.right)} 之内。为免打乱合并区域，未写入：请先取消该行的合并（或在其下方插入空行），重新读取后再添加。`,
    };
  }
  const rowCells: CellInput[] = new Array<CellInput>(to - from + 1).fill(null);
  const textColumns: number[] = [];
  const dropped: string[] = [];
  PLAN_FIELDS.forEach((field, i) => {
    const value = values[field] ?? '';
    const col = table.columns[field];
    if (col === undefined) {
      if (value !== '') dropped.push(PLAN_COLUMNS[i]!);
      return;
    }
    rowCells[col - from] = value;
    if (TEXT_FIELDS.has(field)) textColumns.push(col - from);
  });
  const address = cellAddress(row, from);
  return {
    ok: true,
    row: row + 1,
    dropped,
    ops: [
      // Refuse if someone typed into the row since it was read.
      { kind: 'expectValue', sheet: table.sheet, address, value: '' },
      { kind: 'write', sheet: table.sheet, address, rows: [rowCells], textColumns },
    ],
  };
}

/**
 * Settings proposed from what the workbook holds, for the first run: year, division and department
 * from the plan names (the most common reading), joint departments from the plan's 联合科室, credit
 * classes from the directory.
 * @param tasks the plan's tasks as read
 * @param classes the credit classes found in the target directory
 * @param fallbackYear the year when no plan name can be read (this year)
 * @example proposeFromPlan(report.tasks, ['A', 'B'], 2026).division // '邢台市'
 */
export function proposeFromPlan(
  tasks: readonly PlanTask[],
  classes: readonly string[],
  fallbackYear: number,
): BureauSettings {
  // A name with extra words still tells the year, division and department (the partial reading).
  const parts = tasks.map((t) => {
    const r = parsePlanName(t.planName);
    return r.ok ? r.value : (r.partial ?? {});
  });
  const proposed = proposeSettings(parts, classes, fallbackYear);
  const joint = [
    ...new Set(
      tasks
        .flatMap((t) => t.jointDepts)
        .map((d) => d.trim())
        .filter(Boolean),
    ),
  ];
  return { ...proposed, jointDepartments: joint };
}
