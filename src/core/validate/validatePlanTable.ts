/**
 * Cell-by-cell checks of the plan table (年度随机抽查工作计划), and the tasks it yields for the draw.
 * The rules themselves live in src/core/rules; this file knows where each value sits.
 */
import type { Finding } from '../findings';
import type { PlanTask } from '../prepare/planTask';
import type { CreditClassSetting, RuleFinding } from '../rules';
import { checkPlanNo, checkRatioClasses, checkRatioClassesInSettings, checkPeriod, parsePlanName, parsePlanNo, parseRatio, parseTaskNo, parseTaskType } from '../rules';
import type { FoundTable, TableRow } from '../tables';
import { fieldAddress } from '../tables';
import { collapseSpaces } from '../text';

export type PlanReading = { tasks: PlanTask[]; findings: Finding[] };

const t = (row: TableRow, f: string): string => collapseSpaces(row.cells[f]?.text ?? '').trim();

function place(table: FoundTable, row: TableRow, field: string, list: readonly RuleFinding[]): Finding[] {
  const cell = fieldAddress(table, row, field);
  return list.map((f) => ({ ...f, sheet: table.sheet, cell }));
}

/**
 * Reads and checks the plan table.
 * @param table the plan table found
 * @param classesInDirectory the credit classes used in the target directory (empty when unknown)
 * @param settingsClasses the bureau's credit classes from its settings (empty when none are set)
 * @returns the tasks that can be drawn and the findings, deduplicated for merged plan cells
 * @example readPlanTable(table, ['A','B','C','D']).tasks[0].planNo // '2025001'
 */
export function readPlanTable(
  table: FoundTable,
  classesInDirectory: readonly string[] = [],
  settingsClasses: readonly CreditClassSetting[] = [],
): PlanReading {
  const findings: Finding[] = [];
  const tasks: PlanTask[] = [];
  const seenTask = new Map<string, string>();
  for (const row of table.rows) {
    const planNoCell = row.cells.planNo;
    const planName = t(row, 'planName');
    const planNoText = t(row, 'planNo');
    const nameParsed = planName ? parsePlanName(planName, planNoText ? { planNo: planNoText } : {}) : null;
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
      findings.push(
        ...place(
          table,
          row,
          'planNo',
          planNoText
            ? checkPlanNo(planNoCell?.value ?? planNoText, { year: nameParts?.year, seq: nameParts?.seq })
            : [{ severity: 'error', code: 'PLAN_NO_EMPTY', message: '抽查计划编号为空：应为年度+3位序号，如 2025001。', ...(nameParts?.year && nameParts.seq ? { suggestion: `${nameParts.year}${nameParts.seq}` } : {}) }],
        ),
      );
    }
    const planNoParsed = planNoText ? parsePlanNo(planNoCell?.value ?? planNoText) : null;
    const planNo = planNoParsed?.ok ? planNoParsed.value.planNo : planNoText;
    const year = (planNoParsed?.ok ? planNoParsed.value.year : undefined) ?? nameParts?.year;

    const taskNoParsed = parseTaskNo(row.cells.taskNo?.value ?? t(row, 'taskNo'));
    if ('taskNo' in table.columns) findings.push(...place(table, row, 'taskNo', taskNoParsed.findings));
    const taskNo = taskNoParsed.ok ? taskNoParsed.value : t(row, 'taskNo');
    if (taskNoParsed.ok) {
      const key = `${planNo}/${taskNo}`;
      const prev = seenTask.get(key);
      if (prev) {
        findings.push({
          severity: 'error',
          code: 'TASK_NO_DUPLICATE',
          sheet: table.sheet,
          cell: fieldAddress(table, row, 'taskNo'),
          message: `抽查任务编号 ${taskNo}号 在计划 ${planNo} 中重复（已在 ${prev} 出现）：同一计划内任务编号应唯一。`,
        });
      } else seenTask.set(key, fieldAddress(table, row, 'taskNo'));
    }

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
    if (taskType === 'directed' && 'scope' in table.columns && !t(row, 'scope')) {
      findings.push({
        severity: 'error',
        code: 'SCOPE_EMPTY',
        sheet: table.sheet,
        cell: fieldAddress(table, row, 'scope'),
        message: '定向抽查的抽查对象范围为空：请写明对象类型，如“定点医疗机构”“定点零售药店”。',
      });
    }
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
        isSecret: /^(是|涉密|Y|y|√)/.test(t(row, 'secret')),
      });
    }
  }
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const k = `${f.code}|${f.cell}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { tasks, findings: unique };
}
