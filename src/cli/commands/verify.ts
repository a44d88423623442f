import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { checkPublishedHead, publicCodeOf } from '../../core/log';
import type { PublishedHeadCheck } from '../../core/log';
import { verifyBook } from '../../core/session';
import type { CommandArgs } from './logArgs';
import { formatPlace, onePath, openLogBook } from './logArgs';

const USAGE = 'shuangsuiji verify BOOK [--head 已公布的链头哈希或公示码] [--json]';

/** What the published head says, as lines a clerk reads. */
function headLines(published: string, check: PublishedHeadCheck): string[] {
  if (check.kind === 'missing')
    return [
      `已公布的链头“${published}”不在本抽取记录中：记录在公布之后被改写、截断或整体替换，不能作为抽取凭证。请用公布时保存的文件核对，并报告负责人。`,
    ];
  if (check.kind !== 'found') return [];
  if (check.after.length === 0) return [`已公布的链头是第 ${check.seq} 条记录的链头，之后没有新的记录：与公布时一致。`];
  return [
    `已公布的链头是第 ${check.seq} 条记录的链头；公布之后又追加了 ${check.after.length} 条记录，请确认它们都已另行公布：`,
    ...check.after.map((e) => `  第 ${e.seq} 条 ${e.event} ${e.planNo}/${e.taskNo}  ${e.time}  ${e.summary}`),
  ];
}

/** `shuangsuiji verify BOOK [--head HASH] [--json]`: the chain, every record recomputed, every result sheet compared. */
export async function runVerify(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const published = args.values.head;
  if (published === true || published === '') throw new UsageError(`--head 需要已公布的链头哈希（64 位）或公示码。用法：${USAGE}`);
  const { state: book } = await openLogBook(io, path);
  const head = typeof published === 'string' ? checkPublishedHead(book.log, published) : null;
  if (head?.kind === 'invalid') throw new UsageError(`--head：${head.message}`);
  const report = verifyBook(book);
  const ok = report.ok && head?.kind !== 'missing';
  if (args.values.json) {
    const publishedHead = head && (head.kind === 'found' ? { found: true, seq: head.seq, after: head.after.map((e) => e.seq) } : { found: false });
    io.stdout(`${JSON.stringify({ ok, entries: report.entries, head: report.head, publicCode: publicCodeOf(report.head), findings: report.findings, ...(publishedHead ? { publishedHead } : {}) }, null, 2)}\n`);
    return ok ? EXIT_OK : EXIT_FINDINGS;
  }
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const headInfo = head && typeof published === 'string' ? headLines(published, head) : [];
  if (report.ok) {
    const none = book.log.hasLog ? '' : '（该工作簿还没有抽取记录）';
    const lines = [`${ok ? '验证通过' : '记录本身完整，但与已公布的链头不符'}：${report.entries} 条记录，链头哈希 ${report.head}，公示码 ${publicCodeOf(report.head)}${none}`];
    if (headInfo.length) lines.push(...headInfo);
    else if (book.log.hasLog)
      lines.push(`记录本身完整不等于未被整体改写：请将公示码与已公布的核对（shuangsuiji verify ${path} --head 已公布的公示码）。`);
    if (warnings.length) lines.push(`另有 ${warnings.length} 个警告：`, ...warnings.map(formatPlace));
    io.stdout(`${lines.join('\n')}\n`);
    return ok ? EXIT_OK : EXIT_FINDINGS;
  }
  const errors = report.findings.filter((f) => f.severity === 'error');
  const lines = [
    `验证未通过：${path} 的抽取记录共 ${report.entries} 条，发现 ${errors.length} 处问题${warnings.length ? `、${warnings.length} 个警告` : ''}：`,
    ...report.findings.map(formatPlace),
    ...headInfo,
    '',
    '被改动的记录不能作为抽取凭证：请从未改动的备份恢复该文件，或将本结果报告给负责人。',
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_FINDINGS;
}
