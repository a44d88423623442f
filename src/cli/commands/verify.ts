import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK } from '../cliIo';
import { DATA_SHEET, verifyLog } from '../../core/log';
import type { CommandArgs } from './logArgs';
import { formatPlace, onePath, openLogBook } from './logArgs';

const USAGE = 'shuangsuiji verify BOOK [--json]';

/** `shuangsuiji verify BOOK [--json]`: the chain, every record recomputed, every result sheet compared. */
export async function runVerify(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const { state: book } = await openLogBook(io, path);
  const report = verifyLog(book.log, {
    resultGrids: book.grids,
    sheetInfo: book.sheets,
    dataGrid: book.grids.find((g) => g.sheet === DATA_SHEET) ?? null,
  });
  if (args.values.json) {
    io.stdout(
      `${JSON.stringify({ ok: report.ok, entries: report.entries, head: report.head, findings: report.findings }, null, 2)}\n`,
    );
    return report.ok ? EXIT_OK : EXIT_FINDINGS;
  }
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  if (report.ok) {
    const none = book.log.hasLog ? '' : '（该工作簿还没有抽取记录）';
    const lines = [`验证通过：${report.entries} 条记录，链头哈希 ${report.head}${none}`];
    if (warnings.length) lines.push(`另有 ${warnings.length} 个警告：`, ...warnings.map(formatPlace));
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  }
  const errors = report.findings.filter((f) => f.severity === 'error');
  const lines = [
    `验证未通过：${path} 的抽取记录共 ${report.entries} 条，发现 ${errors.length} 处问题${warnings.length ? `、${warnings.length} 个警告` : ''}：`,
    ...report.findings.map(formatPlace),
    '',
    '被改动的记录不能作为抽取凭证：请从未改动的备份恢复该文件，或将本结果报告给负责人。',
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_FINDINGS;
}
