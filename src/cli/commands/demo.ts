import type { CliIo } from '../cliIo';
import { EXIT_OK, UsageError } from '../cliIo';
import { buildSampleBook } from '../../core/sample';
import { loadXlsxAdapter } from '../../workbook';
import { formatReport, validateBook } from './validate';

export const DEMO_BOOK = '示例-邢台市医疗保障局2025.xlsx';

/** `shuangsuiji demo [DIR]`: writes the sample book and runs the steps on it. */
export async function runDemo(
  args: { positionals: string[]; values: Record<string, string | boolean | undefined> },
  io: CliIo,
): Promise<number> {
  const [dirArg, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}。用法：shuangsuiji demo [DIR]`);
  const dir = io.resolve(dirArg ?? 'demo-out');
  const { createXlsxWorkbook } = await loadXlsxAdapter();
  const book = createXlsxWorkbook();
  await book.apply(buildSampleBook().ops);
  const bookPath = io.resolve(dir, DEMO_BOOK);
  await io.writeFileAtomic(bookPath, await book.save());
  const report = await validateBook(io, bookPath);
  const lines = [
    `已写入示例工作簿：${bookPath}`,
    '',
    '第 1 步 读取校验：',
    formatReport(DEMO_BOOK, report).trimEnd(),
    '',
    `请用 Excel 或 WPS 打开 ${bookPath} 查看。`,
  ];
  if (args.values.json) {
    io.stdout(`${JSON.stringify({ dir, book: bookPath, tables: report.tables, findings: report.findings }, null, 2)}\n`);
  } else io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
