/**
 * Reads a workbook's sheets as the bureau keeps them and checks them: which tables are where, and
 * what is wrong cell by cell. Pure: grids in, report out.
 */
import type { Finding } from '../findings';
import { sortFindings } from '../findings';
import type { Grid } from '../grid';
import type { FoundTable, TableChoice, TableKind } from '../tables';
import { missingRequiredColumns, readTableChoices, resolveTables, schemaOf } from '../tables';
import type { CalendarDate } from '../ids';
import type { HistoryEntry } from '../directories';
import type { PlanTask } from '../prepare/planTask';
import { readPlanTable } from './validatePlanTable';
import { checkRatioClassesInSettings, parseFrequency, parseRatio } from '../rules';
import { readSettings, SETTINGS_SHEET, type BureauSettings } from '../plan/planGenerators';
import { fieldAddress } from '../tables';
import { readDirectories, type Directories } from '../directories';
import { listDrawProblems } from '../prepare/prepareDraw';
import { cellAddress } from '../grid';
import { validateCreditClasses, validateInspectors, validateTargets } from './validateDirectories';
import { readMattersPlan } from './readMattersPlan';
import { checkPlanMatters } from './checkPlanMatters';

export type TableSummary = {
  kind: TableKind;
  sheet: string;
  headerRow: number;
  rows: number;
  /** True when the user said where this table is (a {@link TableChoice}), false when it was guessed. */
  chosen: boolean;
  /** Present (true) on a matters list whose rows are the plan's tasks (the book has no plan table). */
  asPlan?: true;
};

/**
 * Whether the tasks come from a plan table, or from a matters list used as one (舞钢 2024 附件1).
 * @example hasPlanTable(report.tables) // true
 */
export function hasPlanTable(tables: readonly TableSummary[]): boolean {
  return tables.some((t) => t.kind === 'plan' || t.asPlan === true);
}

export type ValidationReport = {
  tables: TableSummary[];
  findings: Finding[];
  /**
   * The plan-side tables as parsed (plan tables and 抽查事项清单), for the steps after validation.
   * The directories are not repeated here: their rows are `dirs`, their summaries `tables`. (A
   * 50,000-row directory's table is 25 MB of cell objects that no later step reads, and the page
   * would copy it from its worker on every read.)
   */
  found: FoundTable[];
  /** The plan's tasks that can be drawn (those whose number, task number and ratio could be read). */
  tasks: PlanTask[];
  /** The directories as records with draw ids (read once, for validation and for the draw). */
  dirs: Directories;
  /** The bureau's settings from the settings sheet, or null when none are saved. */
  settings: BureauSettings | null;
  /** The table choices stored in the settings sheet (not those passed for one run). */
  storedChoices: TableChoice[];
};

/** Sheets the add-in writes itself; never read as the bureau's tables. */
export function isOwnSheet(name: string): boolean {
  // 检查结果-…: results entry sheets; 结果公示 / 年度统计 (and their ` (2)` copies): step 5's output.
  const base = name.replace(/ \(\d+\)$/, '');
  return (
    name === '抽取记录' ||
    name.startsWith('抽取结果-') ||
    name.startsWith('_ssj') ||
    name === '校验结果' ||
    name.startsWith('记录表') ||
    name.startsWith('检查结果-') ||
    base === '结果公示' ||
    base === '年度统计'
  );
}

export type ValidateOptions = {
  today?: CalendarDate;
  /** Only find the tables and read the plan's tasks (the draw's own checks follow); skips directory checks. */
  tasksOnly?: boolean;
  /**
   * The user's corrections of guessed tables, by sheet. When undefined, the choices stored in the
   * settings sheet are used (`readTableChoices`); pass `[]` to guess every sheet.
   */
  tableChoices?: readonly TableChoice[];
};

/** A choice that could not be honoured, said in Chinese at the row it names. */
function invalidChoiceFinding(grid: Grid, choice: TableChoice & { kind: TableKind }, fallback: FoundTable | null): Finding {
  const title = schemaOf(choice.kind).title;
  const r = choice.headerRow - 1 - grid.origin.row;
  const isEmpty = !(grid.text[r] ?? []).some((t) => t.trim() !== '');
  const why = isEmpty ? '但这一行是空的' : `但这一行缺少${missingRequiredColumns(grid, choice.kind, choice.headerRow).map((g) => `“${g}”`).join('和')}这类列`;
  const now = fallback
    ? `现按自动识别读取：表头在第 ${fallback.headerRow} 行，${schemaOf(fallback.kind).title}。`
    : '该工作表暂未读取。';
  return {
    severity: 'warning',
    code: 'TABLE_CHOICE_INVALID',
    sheet: choice.sheet,
    cell: cellAddress(Math.max(choice.headerRow - 1, 0), grid.origin.col),
    message: `工作表“${choice.sheet}”第 ${choice.headerRow} 行被指定为“${title}”的表头，${why}。${now}请重新指定表头所在的行，或取消这项指定。`,
  };
}

/** Says that a matters list stands in for the plan, and which tasks it gives (so the draw can name them). */
function mattersAsPlanFinding(table: FoundTable, tasks: readonly PlanTask[]): Finding {
  const list = [...new Set(tasks.map((t) => `${t.planNo}/${t.taskNo}`))];
  return {
    severity: 'warning',
    code: 'MATTERS_USED_AS_PLAN',
    sheet: table.sheet,
    cell: cellAddress(table.headerRow - 1, table.columns.matterName ?? 0),
    message:
      `本工作簿没有年度随机抽查工作计划表，按工作表“${table.sheet}”的抽查事项清单抽取：每个事项一个计划（编号为年度加序号），` +
      `按抽查频次每次一个任务${list.length ? `，共 ${list.length} 个：${list.join('、')}` : '，但没有可抽取的任务（比例无法识别或缺少年度）'}。` +
      '如有正式的计划表，请把它加入本工作簿。',
  };
}

/** No plan table and no matters list: say what is missing and what was read instead. */
function missingPlanFinding(grids: readonly Grid[], found: readonly FoundTable[]): Finding {
  const what =
    found.length === 0
      ? `没有认出任何表格（工作表：${grids.map((g) => `“${g.sheet}”`).join('、') || '无'}）`
      : `认出的是：${found.map((t) => `工作表“${t.sheet}”第 ${t.headerRow} 行起的${schemaOf(t.kind).title}（${Object.values(t.headers).slice(0, 6).join('、')}）`).join('；')}`;
  return {
    severity: 'error',
    code: 'PLAN_TABLE_MISSING',
    sheet: found[0]?.sheet ?? grids[0]?.sheet ?? '',
    cell: '',
    message:
      `未找到抽查计划表（年度随机抽查工作计划）：需要一行表头含“抽查计划编号”或“抽查计划名称”，以及“抽查任务编号”“抽查时间”或“抽查比例”之一（前 30 行内）。` +
      `本工作簿中${what}。如果计划表在某张工作表中但没有认出，请在读取校验中指定它的表头行（命令行可用 --table 工作表:plan:表头行 指定）。`,
  };
}

/**
 * Finds and checks the plan table and directories.
 * @param grids used ranges of the workbook's sheets, in tab order
 * @param options `today` for birth-date checks; `tasksOnly` to stop after the plan's tasks and
 *   their checks (the directories' cell checks are left out);
 *   `tableChoices` to correct guessed tables (default: those stored in the settings sheet)
 * @returns the tables, findings (sorted by sheet and cell), tasks and directories
 * @example validateWorkbook(grids).tables // [{ kind: 'plan', sheet: '年度抽查计划', headerRow: 3, rows: 3, chosen: false }, …]
 */
export function validateWorkbook(grids: readonly Grid[], options: ValidateOptions = {}): ValidationReport {
  const settingsGrid = grids.find((g) => g.sheet === SETTINGS_SHEET);
  const storedChoices = readTableChoices(settingsGrid);
  const choices = options.tableChoices ?? storedChoices;
  const settings = readSettings(settingsGrid);
  const creditClasses = settings?.creditClasses ?? [];
  const own = grids.filter((g) => !isOwnSheet(g.sheet));
  const { tables: found, invalid } = resolveTables(own, choices);
  const findings: Finding[] = [];
  for (const { choice, fallback } of invalid) {
    const grid = own.find((g) => g.sheet === choice.sheet);
    if (grid && choice.kind !== 'none') findings.push(invalidChoiceFinding(grid, { ...choice, kind: choice.kind }, fallback));
  }
  const planTables = found.filter((t) => t.kind === 'plan');
  // A matters list is the plan when the user says so, or when the book has no plan table at all.
  const mattersPlans = found.filter((t) => t.kind === 'matters' && (t.asPlan === true || planTables.length === 0));
  const lists = found.filter((t) => t.kind === 'matters' && !mattersPlans.includes(t));
  const tables: TableSummary[] = found.map((t) => ({
    kind: t.kind,
    sheet: t.sheet,
    headerRow: t.headerRow,
    rows: t.rows.length,
    chosen: t.chosen === true,
    ...(mattersPlans.includes(t) ? { asPlan: true as const } : {}),
  }));
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
  const todaySerial = options.today ? calendarSerial(options.today) : Number.POSITIVE_INFINITY;
  const dirs = readDirectories(found, todaySerial);
  findings.push(...historyDateFindings(dirs.history));
  const classes = [...new Set(dirs.targets.map((t) => t.creditClass).filter(Boolean))];
  const tasks: PlanTask[] = [];
  for (const t of planTables) {
    const reading = readPlanTable(t, { classesInDirectory: classes, settingsClasses: creditClasses, settings });
    tasks.push(...reading.tasks);
    findings.push(...reading.findings);
  }
  for (const t of mattersPlans) {
    const reading = readMattersPlan(t, settings?.year);
    tasks.push(...reading.tasks);
    findings.push(...reading.findings, mattersAsPlanFinding(t, reading.tasks));
  }
  if (planTables.length === 0 && mattersPlans.length === 0) findings.push(missingPlanFinding(own, found));
  // The plan's matters against the list are findings on the plan's rows: the draw step shows them too.
  findings.push(...checkPlanMatters(tasks, planTables, lists));
  const planSide = found.filter((t) => t.kind === 'plan' || t.kind === 'matters');
  if (options.tasksOnly) return { tables, findings: sortFindings(findings, grids.map((g) => g.sheet)), found: planSide, tasks, dirs, settings, storedChoices };
  if (targetsTable) findings.push(...validateTargets(targetsTable), ...validateCreditClasses(targetsTable, creditClasses));
  for (const m of found.filter((x) => x.kind === 'matters')) {
    for (const row of m.rows) {
      const at = (field: string) => ({ sheet: m.sheet, cell: fieldAddress(m, row, field) });
      if ('frequency' in m.columns) {
        for (const f of parseFrequency(row.cells.frequency?.text ?? '').findings) findings.push({ ...f, ...at('frequency') });
      }
      if ('ratio' in m.columns) {
        const ratio = parseRatio(row.cells.ratio?.text ?? '', row.cells.ratio?.value ?? undefined);
        for (const f of ratio.findings) findings.push({ ...f, ...at('ratio') });
        if (ratio.ok && ratio.value.kind === 'byClass') {
          for (const f of checkRatioClassesInSettings(ratio.value.classes, creditClasses)) findings.push({ ...f, ...at('ratio') });
        }
      }
    }
  }
  const depts = [...new Set(tasks.flatMap((x) => [x.leadDept, ...x.jointDepts]).filter(Boolean))];
  for (const t of found.filter((x) => x.kind === 'inspectors')) findings.push(...validateInspectors(t, depts, options.today));
  // What the draw will need must resolve now, not at the draw: scope → targets, departments → people.
  if (tasks.length && targetsTable) {
    // Duplicate task numbers are reported as TASK_NO_DUPLICATE already: here, what else stands in the way.
    const problems = listDrawProblems(
      tasks.map((task) => ({ ...task, blockers: [] })),
      dirs,
      { drawDate: 0, recentWindowDays: 0, annualCap: 0, bureauDepartment: '医疗保障局' },
    );
    for (const [i, task] of tasks.entries()) {
      if (problems[i]!.length === 0) continue;
      const planTable = found.find((t) => (t.kind === 'plan' || mattersPlans.includes(t)) && t.sheet === task.sheet);
      const col = planTable?.columns.taskNo ?? planTable?.columns.planNo ?? planTable?.columns.matterName ?? 0;
      findings.push({
        severity: 'error',
        code: 'TASK_NOT_DRAWABLE',
        sheet: task.sheet,
        cell: cellAddress(task.row, col),
        message: `任务 ${task.planNo}/${task.taskNo} 还不能抽取：${problems[i]!.join('；')}`,
      });
    }
  }
  return { tables, findings: sortFindings(findings, grids.map((g) => g.sheet)), found: planSide, tasks, dirs, settings, storedChoices };
}

function calendarSerial(d: CalendarDate): number {
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * History dates that were not read as written: errors (not used: the target may stay eligible) and
 * warnings (read with a guess). They decide 避免重复抽查, so they are shown before any draw.
 * @example historyDateFindings(dirs.history)[0]?.code // 'HISTORY_DATE'
 */
export function historyDateFindings(history: readonly HistoryEntry[]): Finding[] {
  return history.flatMap((h): Finding[] =>
    h.dateIssue
      ? [
          {
            severity: h.dateIssue.severity,
            code: h.dateIssue.severity === 'error' ? 'HISTORY_DATE' : 'HISTORY_DATE_GUESSED',
            sheet: h.sheet,
            cell: cellAddress(h.row, h.dateColumn ?? 0),
            message: `检查日期${h.dateIssue.message}${h.dateIssue.severity === 'error' ? '。这次检查不会计入“近期已检查”的排除，相关检查对象可能被再次抽中' : ''}。`,
          },
        ]
      : [],
  );
}
