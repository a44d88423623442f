/**
 * A 抽查事项清单 used as the plan. 舞钢 2024 published no plan table: its 附件1, titled
 * "2024年度“双随机、一公开”抽查工作计划", lists matters (序号 · 抽查事项名称 · 抽查依据 · 抽查方式 ·
 * 抽查主体 · 抽查对象 · 抽查比例 · 抽查频次), and the notice says "上半年、下半年各一次". Such a book
 * can still be validated and drawn from: each matters row becomes a plan, and its 抽查频次 the number
 * of its tasks (each task is one draw).
 *
 * How a row becomes tasks (docs/findings.md, "Matters list as the plan"):
 * - 抽查计划编号 = year + the row's 序号 in three digits (`2024001` for 序号 1; the row's position
 *   when 序号 is not a number). The year is the one in the title above the header ("2024年度…"),
 *   else the bureau's settings; without either the row yields no task (`MATTERS_PLAN_YEAR_MISSING`).
 * - 抽查任务编号 = `001` … one per inspection a year (每年2次 → 001 and 002; unreadable → one task).
 * - 抽查对象 is the scope of a 定向 task (the directory's 对象类型 it names); empty → 不定向.
 * - 抽查比例 is the ratio (plain or by credit class); a row whose ratio cannot be read yields no task.
 * - 抽查主体 gives the departments: the first is the lead, the others are joint
 *   ("舞钢市医疗保障局和市市场监督管理局" → 舞钢市医疗保障局, 舞钢市市场监督管理局).
 * - 抽查时间 is not in a matters list: the task has none (periodText '').
 */
import type { Finding } from '../findings';
import type { PlanTask } from '../prepare/planTask';
import { normalizeUnitName, parseFrequency, parseRatio, splitUnitName, unitKey } from '../rules';
import type { FoundTable, TableRow } from '../tables';
import { fieldAddress } from '../tables';
import { collapseSpaces } from '../text';

const t = (row: TableRow, f: string): string => collapseSpaces(row.cells[f]?.text ?? '').trim();

/**
 * The plan's tasks read from a matters list, and what stops a row from becoming one.
 * @param table the matters list
 * @param settingsYear the bureau's year, used when no title above the header names one
 * @returns tasks (one per inspection a year of each row) and findings
 * @example readMattersPlan(wugangMatters).tasks.map((t) => `${t.planNo}/${t.taskNo}`) // ['2024001/001', '2024001/002', '2024002/001', '2024002/002']
 */
export function readMattersPlan(table: FoundTable, settingsYear?: number): { tasks: PlanTask[]; findings: Finding[] } {
  const year = titleYear(table) ?? settingsYear;
  const findings: Finding[] = [];
  const tasks: PlanTask[] = [];
  if (year === undefined) {
    findings.push({
      severity: 'error',
      code: 'MATTERS_PLAN_YEAR_MISSING',
      sheet: table.sheet,
      cell: fieldAddress(table, table.rows[0] ?? { row: table.headerRow - 1, cells: {} }, 'matterName'),
      message: `工作表“${table.sheet}”的抽查事项清单用作抽查计划，但看不出年度：请在表头上方的标题中写明年度（如“2024年度抽查工作计划”），或在编制计划步骤保存本局设置的年度。`,
    });
    return { tasks, findings };
  }
  table.rows.forEach((row, index) => {
    const matter = t(row, 'matterName');
    if (matter === '') return;
    const ratio = parseRatio(t(row, 'ratio'), row.cells.ratio?.value ?? undefined);
    if (!ratio.ok) return;
    const seqText = t(row, 'seq').replace(/\D/g, '');
    const seq = /^\d{1,3}$/.test(seqText) && Number(seqText) > 0 ? Number(seqText) : index + 1;
    const planNo = `${year}${String(seq).padStart(3, '0')}`;
    const frequency = parseFrequency(t(row, 'frequency'));
    const count = frequency.ok && frequency.value.perYear > 0 ? Math.min(frequency.value.perYear, 12) : 1;
    const scope = t(row, 'object');
    const [lead = '', ...joint] = splitSubjects(t(row, 'subject'));
    const title = table.titles[table.titles.length - 1] ?? `${year}年度抽查事项清单`;
    for (let i = 1; i <= count; i++) {
      tasks.push({
        sheet: table.sheet,
        row: row.row,
        planNo,
        planName: `${title}第${seq}项`,
        taskNo: String(i).padStart(3, '0'),
        taskName: `${matter}${scope ? `（${scope}）` : ''}第${i}次`,
        taskType: scope ? 'directed' : 'undirected',
        ratio: ratio.value,
        matters: matter,
        scope,
        leadDept: lead,
        jointDepts: joint,
        periodText: '',
        isSecret: false,
      });
    }
  });
  return { tasks, findings };
}

/** The year of the last title line above the header that names one (`2024年度“双随机、一公开”抽查工作计划`). */
function titleYear(table: FoundTable): number | undefined {
  for (const line of [...table.titles].reverse()) {
    const m = /((?:19|20)\d{2})\s*年/.exec(line.normalize('NFKC'));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/**
 * 抽查主体 split into departments. A joint notice writes the second bureau of the same city in
 * short (舞钢市医疗保障局和市市场监督管理局): the lone 市 takes the first one's 行政区划.
 * @example splitSubjects('舞钢市医疗保障局和市市场监督管理局') // ['舞钢市医疗保障局', '舞钢市市场监督管理局']
 */
export function splitSubjects(subject: string): string[] {
  const parts = subject
    .split(/[、,，;；/]|和|与|及|会同/)
    .map((x) => normalizeUnitName(x))
    .filter(Boolean);
  const division = parts.length > 0 ? splitUnitName(parts[0] ?? '').division : '';
  return parts.map((part, i) => {
    if (i === 0 || division === '' || !division.endsWith(part.charAt(0))) return part;
    // unitKey drops exactly that one character only for a known department (市市场监督管理局).
    const rest = part.slice(1);
    return unitKey(part) === rest ? `${division}${rest}` : part;
  });
}
