import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { formatFindingPlace, type Finding } from '../../core/findings';
import type { ValidationReport } from '../../core/validate';
import { hasPlanTable, validateWorkbook } from '../../core/validate';
import type { TableChoice } from '../../core/tables';
import { readTableChoices, schemaOf, tableKindOf } from '../../core/tables';
import { SETTINGS_SHEET } from '../../core/plan';
import { openBook, readAllSheets } from './bookIo';

const SEVERITY = { error: '错误', warning: '警告' } as const;

/** One finding as a line a clerk reads. */
export function formatFinding(f: Finding): string {
  return `  [${SEVERITY[f.severity]}] ${formatFindingPlace(f)}  ${f.message}${f.suggestion ? `  建议改为：${f.suggestion}` : ''}  (${f.code})`;
}

/** The report in Chinese, for the terminal. */
export function formatReport(book: string, report: ValidationReport): string {
  const lines = [`工作簿：${book}`, '找到的表：'];
  for (const t of report.tables) {
    lines.push(`  ${t.sheet}：${schemaOf(t.kind).title}，表头在第 ${t.headerRow} 行，${t.rows} 行数据${t.chosen ? '（按指定）' : ''}`);
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

const TABLE_USAGE = '--table 的格式为 工作表:类型:表头行，类型为 plan、matters、targets、inspectors、history 或 none（none 不需要表头行），如 --table 计划:plan:7';

/**
 * The `--table SHEET:KIND:ROW` options as table choices (a sheet name cannot hold `:`).
 * @param specs the option values, in the order given
 * @returns the choices; throws a UsageError (exit 2) naming the value that cannot be read
 * @example parseTableOptions(['计划:plan:7', '说明:none']) // [{ sheet: '计划', kind: 'plan', headerRow: 7 }, { sheet: '说明', kind: 'none', headerRow: 0 }]
 */
export function parseTableOptions(specs: readonly string[]): TableChoice[] {
  return specs.map((spec) => {
    const parts = spec.split(':');
    const [sheet = '', kindText = '', rowText = ''] = parts;
    const kind = tableKindOf(kindText.trim().toLowerCase());
    if (parts.length > 3 || sheet === '' || !kind) throw new UsageError(`无法读取 --table ${spec}：${TABLE_USAGE}。`);
    if (kind === 'none') {
      if (rowText.trim() !== '' && !/^\d+$/.test(rowText.trim())) throw new UsageError(`无法读取 --table ${spec}：表头行应为正整数。${TABLE_USAGE}。`);
      return { sheet, kind, headerRow: 0 };
    }
    const row = Number(rowText.trim());
    if (!/^\d+$/.test(rowText.trim()) || row < 1) throw new UsageError(`无法读取 --table ${spec}：表头行应为正整数（工作表中的行号，从 1 起）。${TABLE_USAGE}。`);
    return { sheet, kind, headerRow: row };
  });
}

/**
 * Reads and validates BOOK; exit 2 when no plan table is found or a `--table` names no sheet of it.
 * @param choices table choices for this run (`--table`); they override those stored in the book for the same sheet
 */
export async function validateBook(io: CliIo, path: string | undefined, choices: readonly TableChoice[] = []): Promise<ValidationReport> {
  const book = await openBook(io, path);
  const grids = await readAllSheets(book);
  const names = grids.map((g) => g.sheet);
  for (const c of choices) {
    if (!names.includes(c.sheet)) {
      throw new UsageError(`--table 指定的工作表“${c.sheet}”不在 ${path} 中（工作簿中有：${names.filter((n) => n !== SETTINGS_SHEET).join('、')}）。`);
    }
  }
  const stored = readTableChoices(grids.find((g) => g.sheet === SETTINGS_SHEET));
  const report = validateWorkbook(grids, { tableChoices: [...stored, ...choices] });
  if (!hasPlanTable(report.tables)) {
    // PLAN_TABLE_MISSING says what is missing and what was read instead.
    const missing = report.findings.find((f) => f.code === 'PLAN_TABLE_MISSING');
    throw new UsageError(
      `在 ${path} 中${missing?.message ?? '未找到抽查计划表：可用 --table 工作表:plan:表头行 指定。'}`,
    );
  }
  return report;
}

/** `shuangsuiji validate BOOK [--table SHEET:KIND:ROW]… [--json]` */
export async function runValidate(
  args: { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> },
  io: CliIo,
): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}。用法：shuangsuiji validate BOOK [--table 工作表:类型:表头行]… [--json]`);
  const table = args.values.table;
  const choices = parseTableOptions(typeof table === 'string' ? [table] : Array.isArray(table) ? table : []);
  const report = await validateBook(io, path, choices);
  if (args.values.json) {
    io.stdout(`${JSON.stringify({ tables: report.tables, findings: report.findings }, null, 2)}\n`);
  } else {
    io.stdout(formatReport(path ?? '', report));
  }
  return report.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
