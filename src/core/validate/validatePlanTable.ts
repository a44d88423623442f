/**
 * Cell-by-cell checks of the plan table (年度随机抽查工作计划), and the tasks it yields for the draw.
 * The rules themselves live in src/core/rules; this file knows where each value sits and what the
 * whole table agrees on (its year, its 单位), so that one row's suggestions never contradict another's.
 */
import type { Finding } from '../findings';
import type { PlanTask } from '../prepare/planTask';
import type { CreditClassSetting, RuleFinding } from '../rules';
import {
  checkPlanNo,
  checkRatioClasses,
  checkRatioClassesInSettings,
  checkPeriod,
  parsePeriod,
  parsePlanName,
  parsePlanNo,
  parseRatio,
  parseTaskNo,
  parseTaskType,
  splitUnitName,
} from '../rules';
import type { FoundTable, TableRow } from '../tables';
import { fieldAddress } from '../tables';
import { cellAddress } from '../grid';
import { collapseSpaces } from '../text';

export type PlanReading = { tasks: PlanTask[]; findings: Finding[] };

/** What the bureau's settings say about the plan, when saved. */
export type PlanSettings = { year?: number; division?: string; department?: string };

/** Options of {@link readPlanTable}. */
export type PlanTableOptions = {
  /** The credit classes used in the target directory (empty when unknown). */
  classesInDirectory?: readonly string[];
  /** The bureau's credit classes from its settings (empty when none are set). */
  settingsClasses?: readonly CreditClassSetting[];
  /** The bureau's year, 行政区划 and 部门 from its settings. */
  settings?: PlanSettings | null;
};

const t = (row: TableRow, f: string): string => collapseSpaces(row.cells[f]?.text ?? '').trim();

function place(table: FoundTable, row: TableRow, field: string, list: readonly RuleFinding[]): Finding[] {
  const cell = fieldAddress(table, row, field);
  return list.map((f) => ({ ...f, sheet: table.sheet, cell }));
}

/**
 * The year the table agrees on: every plan number's, name's and period's year votes, and the
 * settings' year votes once and wins a tie. A row whose number and name disagree is then told to
 * change the one that differs from this year, so that two suggestions never swap the years.
 * @param table the plan table
 * @param settingsYear the bureau's year, when saved
 * @returns the year and a Chinese phrase naming where it comes from, or no year for an empty table
 * @example agreedPlanYear(table, 2025) // { year: 2025, source: '本计划表及本局设置' }
 */
export function agreedPlanYear(table: FoundTable, settingsYear?: number): { year?: number; source: string } {
  const votes = new Map<number, number>();
  const vote = (year: number | undefined) => {
    if (year !== undefined && year >= 1990 && year <= 2100) votes.set(year, (votes.get(year) ?? 0) + 1);
  };
  for (const row of table.rows) {
    const planNo = parsePlanNo(row.cells.planNo?.value ?? t(row, 'planNo'));
    vote(planNo.ok ? planNo.value.year : undefined);
    const name = t(row, 'planName') ? parsePlanName(t(row, 'planName')) : null;
    vote(name?.ok ? name.value.year : name?.partial?.year);
    const period = t(row, 'period') ? parsePeriod(t(row, 'period'), row.cells.period?.value ?? undefined) : null;
    vote(period?.ok ? period.value.year : undefined);
  }
  let best: number | undefined;
  for (const [year, count] of votes) {
    const bestCount = best === undefined ? -1 : (votes.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && year === settingsYear)) best = year;
  }
  if (best === undefined) return settingsYear !== undefined ? { year: settingsYear, source: '本局设置' } : { source: '' };
  return { year: best, source: best === settingsYear ? '本计划表及本局设置' : '本计划表其他单元格' };
}

/** `单位（盖章）：邢台市医疗保障局`, `单位名称：承德县医疗保障局`, `填报单位：…` above the header. */
const UNIT_LINE = /^(?:填报|制表|编制)?单位(?:名称)?(?:[(（]盖章[)）])?[:：]\s*(\S+)/;

/**
 * The 行政区划 and 部门 the plan names must carry: the bureau's settings when saved, else the table's
 * own 单位 line above the header (Chengde's 单位名称, Xingtai's 单位（盖章）).
 * @param table the plan table
 * @param settings the bureau's settings
 * @returns division, department and a phrase naming the source, or an empty object when neither says
 * @example planUnit(xingtaiTable, null) // { division: '邢台市', department: '医疗保障局', unitSource: '表头的单位“邢台市医疗保障局”' }
 */
export function planUnit(
  table: FoundTable,
  settings: PlanSettings | null | undefined,
): { division?: string; department?: string; unitSource?: string } {
  if (settings?.division || settings?.department) {
    return {
      ...(settings.division ? { division: settings.division } : {}),
      ...(settings.department ? { department: settings.department } : {}),
      unitSource: '本局设置',
    };
  }
  for (const line of table.titles) {
    const m = UNIT_LINE.exec(collapseSpaces(line));
    if (!m?.[1]) continue;
    const unit = splitUnitName(m[1]);
    if (unit.department === '') continue;
    return {
      ...(unit.division ? { division: unit.division } : {}),
      department: unit.department,
      unitSource: `表头的单位“${m[1]}”`,
    };
  }
  return {};
}

/** Required text cells that must not be empty, with the finding each gets. */
const REQUIRED_TEXT: readonly { field: string; code: string; message: string }[] = [
  { field: 'taskName', code: 'TASK_NAME_EMPTY', message: '抽查任务名称为空：请按实施方案的名称填写，如“2022年承德县医疗保障局第一批“双随机”抽查”。' },
  { field: 'matters', code: 'MATTERS_EMPTY', message: '抽查事项为空：请写明本任务检查的事项（应为抽查事项清单中的事项）。' },
];

/**
 * Reads and checks the plan table.
 * @param table the plan table found
 * @param options the directory's classes, the settings' classes, and the bureau's year and unit
 * @returns the tasks that can be drawn and the findings, deduplicated for merged plan cells
 * @example readPlanTable(table, { classesInDirectory: ['A','B','C','D'] }).tasks[0].planNo // '2025001'
 */
export function readPlanTable(table: FoundTable, options: PlanTableOptions = {}): PlanReading {
  const classesInDirectory = options.classesInDirectory ?? [];
  const settingsClasses = options.settingsClasses ?? [];
  const agreed = agreedPlanYear(table, options.settings?.year);
  const unit = planUnit(table, options.settings);
  const findings: Finding[] = [];
  const tasks: PlanTask[] = [];
  const numbered: NumberedRow[] = [];
  for (const row of table.rows) {
    const planNoCell = row.cells.planNo?.value ?? t(row, 'planNo');
    const planName = t(row, 'planName');
    const planNoText = t(row, 'planNo');
    const yearContext = agreed.year !== undefined ? { year: agreed.year, yearSource: agreed.source } : {};
    const nameParsed = planName
      ? parsePlanName(planName, { ...(planNoText ? { planNo: planNoText } : {}), ...yearContext, ...unit })
      : null;
    if ('planName' in table.columns) {
      findings.push(
        ...place(
          table,
          row,
          'planName',
          nameParsed
            ? nameParsed.findings
            : [{ severity: 'error', code: 'PLAN_NAME_EMPTY', message: '抽查计划名称为空：请按“年度+行政区划+部门+随机抽查+序号”填写。' }],
        ),
      );
    }
    const nameParts = nameParsed?.ok ? nameParsed.value : nameParsed?.partial;
    if ('planNo' in table.columns) {
      const expected = { ...yearContext, ...(nameParts?.seq !== undefined ? { seq: nameParts.seq } : {}) };
      findings.push(
        ...place(
          table,
          row,
          'planNo',
          planNoText
            ? checkPlanNo(planNoCell, expected)
            : [{ severity: 'error', code: 'PLAN_NO_EMPTY', message: '抽查计划编号为空：应为年度+3位序号，如 2025001。', ...(nameParts?.year && nameParts.seq ? { suggestion: `${agreed.year ?? nameParts.year}${nameParts.seq}` } : {}) }],
        ),
      );
    }
    const planNoParsed = planNoText ? parsePlanNo(planNoCell) : null;
    const planNo = planNoParsed?.ok ? planNoParsed.value.planNo : planNoText;
    const year = agreed.year ?? (planNoParsed?.ok ? planNoParsed.value.year : undefined) ?? nameParts?.year;

    const taskNoParsed = parseTaskNo(row.cells.taskNo?.value ?? t(row, 'taskNo'));
    if ('taskNo' in table.columns) findings.push(...place(table, row, 'taskNo', taskNoParsed.findings));
    const taskNo = taskNoParsed.ok ? taskNoParsed.value : t(row, 'taskNo');
    if (planNo && taskNoParsed.ok) numbered.push({ planNo, taskNo, row: row.row });

    const typeParsed = parseTaskType(row.cells.taskType?.value ?? t(row, 'taskType'));
    if ('taskType' in table.columns) findings.push(...place(table, row, 'taskType', typeParsed.findings));

    const ratioParsed = parseRatio(t(row, 'ratio'), row.cells.ratio?.value ?? undefined);
    if ('ratio' in table.columns) {
      findings.push(...place(table, row, 'ratio', ratioParsed.findings));
      if (ratioParsed.ok && ratioParsed.value.kind === 'byClass' && classesInDirectory.length) {
        findings.push(...place(table, row, 'ratio', checkRatioClasses(ratioParsed.value.classes, classesInDirectory)));
      }
      if (ratioParsed.ok && ratioParsed.value.kind === 'byClass') {
        findings.push(...place(table, row, 'ratio', checkRatioClassesInSettings(ratioParsed.value.classes, settingsClasses)));
      }
    }
    if ('period' in table.columns) findings.push(...place(table, row, 'period', checkPeriod(t(row, 'period'), row.cells.period?.value ?? undefined, year)));

    const taskType = typeParsed.ok ? typeParsed.value : 'directed';
    findings.push(...emptyCellFindings(table, row, taskType));
    if (planNo && taskNoParsed.ok && ratioParsed.ok) {
      tasks.push({
        sheet: table.sheet,
        row: row.row,
        planNo,
        planName,
        taskNo,
        taskName: t(row, 'taskName'),
        taskType,
        ratio: ratioParsed.value,
        matters: t(row, 'matters'),
        scope: t(row, 'scope'),
        leadDept: t(row, 'leadDept'),
        jointDepts: t(row, 'jointDepts')
          .split(/[、,，;；/\s]+/)
          .map((x) => x.trim())
          .filter(Boolean),
        periodText: t(row, 'period'),
        ...(typeof row.cells.period?.value === 'number' ? { periodValue: row.cells.period.value } : {}),
        isSecret: /^(是|涉密|Y|y|√)/.test(t(row, 'secret')),
      });
    }
  }
  const duplicates = flagDuplicateTasks(table, numbered, tasks);
  const seen = new Set<string>();
  const unique = [...findings, ...duplicates.findings].filter((f) => {
    const k = `${f.code}|${f.cell}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { tasks: duplicates.tasks, findings: unique };
}

/** Empty 抽查任务名称 / 抽查事项 (errors), empty 抽查对象范围 (an error for 定向, a warning for 不定向). */
function emptyCellFindings(table: FoundTable, row: TableRow, taskType: 'directed' | 'undirected'): Finding[] {
  const out: Finding[] = [];
  const at = (field: string) => ({ sheet: table.sheet, cell: fieldAddress(table, row, field) });
  for (const rule of REQUIRED_TEXT) {
    if (rule.field in table.columns && !t(row, rule.field)) {
      out.push({ severity: 'error', code: rule.code, message: rule.message, ...at(rule.field) });
    }
  }
  if ('scope' in table.columns && !t(row, 'scope')) {
    out.push(
      taskType === 'directed'
        ? { severity: 'error', code: 'SCOPE_EMPTY', message: '定向抽查的抽查对象范围为空：请写明对象类型，如“定点医疗机构”“定点零售药店”。', ...at('scope') }
        : { severity: 'warning', code: 'SCOPE_EMPTY_UNDIRECTED', message: '抽查对象范围为空：不定向抽查将从名录库的全部检查对象中抽取；请写明范围，如“全市定点医药机构”。', ...at('scope') },
    );
  }
  return out;
}

type NumberedRow = { readonly planNo: string; readonly taskNo: string; readonly row: number };

/**
 * The same 抽查任务编号 twice in one plan: a finding at each later row, and every row of that number
 * is blocked (`PlanTask.blockers`), since nobody can tell which row a draw of `2025002/001` means.
 */
function flagDuplicateTasks(
  table: FoundTable,
  numbered: readonly NumberedRow[],
  tasks: readonly PlanTask[],
): { tasks: PlanTask[]; findings: Finding[] } {
  const byKey = new Map<string, NumberedRow[]>();
  for (const entry of numbered) {
    const key = `${entry.planNo}/${entry.taskNo}`;
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  const findings: Finding[] = [];
  const blockers = new Map<number, string>();
  const col = table.columns.taskNo ?? table.columns.planNo ?? 0;
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    const cells = same.map((entry) => cellAddress(entry.row, col));
    for (const [i, entry] of same.entries()) {
      blockers.set(entry.row, `任务 ${key} 在计划表中出现了 ${same.length} 次（${cells.join('、')}）：请先改正重复的抽查任务编号，再抽取。`);
      if (i === 0) continue;
      findings.push({
        severity: 'error',
        code: 'TASK_NO_DUPLICATE',
        sheet: table.sheet,
        cell: cells[i] ?? '',
        message: `抽查任务编号 ${entry.taskNo}号 在计划 ${entry.planNo} 中重复（已在 ${cells[0]} 出现）：同一计划内任务编号应唯一。改正之前，这些行（${cells.join('、')}）都不能抽取。`,
      });
    }
  }
  const flagged = tasks.map((task) => {
    const blocker = blockers.get(task.row);
    return blocker === undefined ? task : { ...task, blockers: [...(task.blockers ?? []), blocker] };
  });
  return { tasks: flagged, findings };
}
