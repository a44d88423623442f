/** Why a book gives no task to draw, for the draw step's closed door and the CLI's refusal. */
import type { Finding } from '../findings';
import type { ValidationReport } from '../validate';

/**
 * Why a book gives no task to draw: the errors found on its plan table or on the matters list used
 * as the plan (a list whose title names no year, rows whose 抽查比例 cannot be read …), or that there
 * is no plan table at all. Empty when the book has tasks.
 * @param report the validation report (tables, findings, tasks)
 * @returns the findings that explain it, in report order
 * @example listNoTaskReasons(report).map((f) => f.code) // ['MATTERS_PLAN_YEAR_MISSING']
 */
export function listNoTaskReasons(report: Pick<ValidationReport, 'tables' | 'findings' | 'tasks'>): Finding[] {
  if (report.tasks.length > 0) return [];
  const planSheets = new Set(report.tables.filter((t) => t.kind === 'plan' || t.asPlan === true).map((t) => t.sheet));
  return report.findings.filter((f) => f.severity === 'error' && (planSheets.has(f.sheet) || f.code === 'PLAN_TABLE_MISSING'));
}

