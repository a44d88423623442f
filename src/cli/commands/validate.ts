import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import type { Finding } from '../../core/findings';
import type { ValidationReport } from '../../core/validate';
import { validateWorkbook } from '../../core/validate';
import { schemaOf } from '../../core/tables';
import { openBook, readAllSheets } from './bookIo';

const SEVERITY = { error: '错误', warning: '警告' } as const;

/** One finding as a line a clerk reads. */
export function formatFinding(f: Finding): string {
  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  return `  [${SEVERITY[f.severity]}] ${where}  ${f.message}${f.suggestion ? `  建议改为：${f.suggestion}` : ''}  (${f.code})`;
}

/** The report in Chinese, for the terminal. */
export function formatReport(book: string, report: ValidationReport): string {
  const lines = [`工作簿：${book}`, '找到的表：'];
  for (const t of report.tables) {
    lines.push(`  ${t.sheet}：${schemaOf(t.kind).title}，表头在第 ${t.headerRow} 行，${t.rows} 行数据`);
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  if (report.findings.length === 0) lines.push('未发现问题。');
  else {
    lines.push(`发现 ${errors} 个错误、${warnings} 个警告：`);
    for (const f of report.findings) lines.push(formatFinding(f));
  }
  return `${lines.join('\n')}\n`;
}

/** Reads and validates BOOK; exit 2 when no plan table is found. */
export async function validateBook(io: CliIo, path: string | undefined): Promise<ValidationReport> {
  const book = await openBook(io, path);
  const report = validateWorkbook(await readAllSheets(book));
  if (!report.tables.some((t) => t.kind === 'plan')) {
    throw new UsageError(
      `在 ${path} 中未找到抽查计划表：需要一行表头含“抽查计划编号”或“抽查计划名称”，以及“抽查任务编号”“抽查时间”或“抽查比例”之一（前 30 行内）。`,
    );
  }
  return report;
}

/** `shuangsuiji validate BOOK [--json]` */
export async function runValidate(
  args: { positionals: string[]; values: Record<string, string | boolean | undefined> },
  io: CliIo,
): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}。用法：shuangsuiji validate BOOK [--json]`);
  const report = await validateBook(io, path);
  if (args.values.json) {
    io.stdout(`${JSON.stringify({ tables: report.tables, findings: report.findings }, null, 2)}\n`);
  } else {
    io.stdout(formatReport(path ?? '', report));
  }
  return report.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
