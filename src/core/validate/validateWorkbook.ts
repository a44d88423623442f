/**
 * Reads a workbook's sheets as the bureau keeps them and checks them: which tables are where, and
 * what is wrong cell by cell. Pure: grids in, report out.
 */
import type { Finding } from '../findings';
import { sortFindings } from '../findings';
import type { Grid } from '../grid';
import type { FoundTable, TableKind } from '../tables';
import { findTables } from '../tables';
import type { CalendarDate } from '../ids';
import type { PlanTask } from '../prepare/planTask';
import { readPlanTable } from './validatePlanTable';
import { parseFrequency, parseRatio } from '../rules';
import { fieldAddress } from '../tables';
import { readDirectories, type Directories } from '../directories';
import { prepareDraw } from '../prepare/prepareDraw';
import { cellAddress } from '../grid';
import { validateInspectors, validateTargets } from './validateDirectories';

export type TableSummary = { kind: TableKind; sheet: string; headerRow: number; rows: number };

export type ValidationReport = {
  tables: TableSummary[];
  findings: Finding[];
  /** The parsed tables, for the steps after validation. */
  found: FoundTable[];
  /** The plan's tasks that can be drawn (those whose number, task number and ratio could be read). */
  tasks: PlanTask[];
  /** The directories as records with draw ids (read once, for validation and for the draw). */
  dirs: Directories;
};

/** Sheets the add-in writes itself; never read as the bureau's tables. */
export function isOwnSheet(name: string): boolean {
  return name === '抽取记录' || name.startsWith('抽取结果-') || name.startsWith('_ssj') || name === '校验结果' || name.startsWith('记录表');
}

export type ValidateOptions = {
  today?: CalendarDate;
  /** Only find the tables and read the plan's tasks (the draw's own checks follow); skips directory checks. */
  tasksOnly?: boolean;
};

/**
 * Finds and checks the plan table and directories.
 * @param grids used ranges of the workbook's sheets, in tab order
 * @param options `today` for birth-date checks; `tasksOnly` to stop after the plan's tasks
 * @returns the tables, findings (sorted by sheet and cell), tasks and directories
 * @example validateWorkbook(grids).tables // [{ kind: 'plan', sheet: '年度抽查计划', headerRow: 3, rows: 3 }, …]
 */
export function validateWorkbook(grids: readonly Grid[], options: ValidateOptions = {}): ValidationReport {
  const found = findTables(grids.filter((g) => !isOwnSheet(g.sheet)));
  const findings: Finding[] = [];
  const tables = found.map((t) => ({ kind: t.kind, sheet: t.sheet, headerRow: t.headerRow, rows: t.rows.length }));
  for (const t of found) {
    if (t.rows.length === 0) {
      findings.push({
        severity: 'error',
        code: 'TABLE_EMPTY',
        sheet: t.sheet,
        cell: '',
        message: `工作表“${t.sheet}”第 ${t.headerRow} 行是表头，但下面没有数据行。`,
      });
    }
  }
  const targetsTable = found.find((t) => t.kind === 'targets');
  const dirs = readDirectories(found);
  const classes = [...new Set(dirs.targets.map((t) => t.creditClass).filter(Boolean))];
  const tasks: PlanTask[] = [];
  for (const t of found.filter((x) => x.kind === 'plan')) {
    const reading = readPlanTable(t, classes);
    tasks.push(...reading.tasks);
    findings.push(...reading.findings);
  }
  if (options.tasksOnly) return { tables, findings: sortFindings(findings, grids.map((g) => g.sheet)), found, tasks, dirs };
  if (targetsTable) findings.push(...validateTargets(targetsTable));
  for (const m of found.filter((x) => x.kind === 'matters')) {
    for (const row of m.rows) {
      const at = (field: string) => ({ sheet: m.sheet, cell: fieldAddress(m, row, field) });
      if ('frequency' in m.columns) {
        for (const f of parseFrequency(row.cells.frequency?.text ?? '').findings) findings.push({ ...f, ...at('frequency') });
      }
      if ('ratio' in m.columns) {
        for (const f of parseRatio(row.cells.ratio?.text ?? '', row.cells.ratio?.value ?? undefined).findings) findings.push({ ...f, ...at('ratio') });
      }
    }
  }
  const depts = [...new Set(tasks.flatMap((x) => [x.leadDept, ...x.jointDepts]).filter(Boolean))];
  for (const t of found.filter((x) => x.kind === 'inspectors')) findings.push(...validateInspectors(t, depts, options.today));
  // What the draw will need must resolve now, not at the draw: scope → targets, departments → people.
  if (tasks.length && targetsTable) {
    for (const task of tasks) {
      const prep = prepareDraw(task, dirs, { drawDate: 0, recentWindowDays: 0, annualCap: 0, bureauDepartment: '医疗保障局' });
      if (prep.ok) continue;
      const planTable = found.find((t) => t.kind === 'plan' && t.sheet === task.sheet);
      const col = planTable?.columns.taskNo ?? planTable?.columns.planNo ?? 0;
      findings.push({
        severity: 'error',
        code: 'TASK_NOT_DRAWABLE',
        sheet: task.sheet,
        cell: cellAddress(task.row, col),
        message: `任务 ${task.planNo}/${task.taskNo} 还不能抽取：${prep.problems.join('；')}`,
      });
    }
  }
  return { tables, findings: sortFindings(findings, grids.map((g) => g.sheet)), found, tasks, dirs };
}
