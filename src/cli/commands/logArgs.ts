/** Argument and book helpers shared by the log commands (verify, export-record, substitute, void, forms, results). */
import type { CliIo } from '../cliIo';
import { UsageError } from '../cliIo';
import { formatFindingPlace, type Finding } from '../../core/findings';
import { formatLogTime, publicCodeOf } from '../../core/log';
import type { AppendRefusal, EventMeta, LogBook } from '../../core/session';
import { describeAppendBlocker } from '../../core/session';
import type { XlsxWorkbook } from '../../workbook';
import { readLogBookState } from '../../workbook';
import { openBook } from './bookIo';

export type CommandArgs = { positionals: string[]; values: Record<string, string | boolean | undefined> };

/** `--draw SEQ` as a positive integer (exit 2 otherwise); undefined when absent. */
export function drawSeqOption(value: string | boolean | undefined, required: boolean): number | undefined {
  if (value === undefined || value === true || value === '') {
    if (required)
      throw new UsageError('请用 --draw 指定抽取记录的序号（抽取记录工作表“序号”列），如 --draw 1。');
    return undefined;
  }
  const n = Number(String(value).trim());
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`--draw 应为抽取记录的序号（正整数），收到“${String(value)}”。`);
  return n;
}

/** One positional argument exactly (the book or file). */
export function onePath(args: CommandArgs, usage: string): string {
  const [path, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}。用法：${usage}`);
  if (!path) throw new UsageError(`缺少文件参数。用法：${usage}`);
  return path;
}

/** An opened book with its log side read (no plan validation). */
export type OpenedLogBook = { book: XlsxWorkbook; state: LogBook };

/** Opens BOOK and reads every sheet and the log, without validating the plan tables. */
export async function openLogBook(io: CliIo, path: string): Promise<OpenedLogBook> {
  const book = await openBook(io, path);
  return { book, state: await readLogBookState(book) };
}

/** A finding as the verify command prints it: `sheet!cell  message`. */
export function formatPlace(f: Finding): string {
  return `  ${f.severity === 'warning' ? '[警告] ' : ''}${formatFindingPlace(f)}  ${f.message}  (${f.code})`;
}

/** What to do about a broken log, in the CLI's words. */
export function verifyAdvice(path: string): string {
  return `请先运行 shuangsuiji verify ${path} 查看详情，从未改动的备份恢复该文件后再操作。`;
}

/**
 * Ends a refused append the CLI way: a broken log is a finding (exit 1, reason on stderr), a request
 * that does not fit the log is bad usage (exit 2).
 */
export function refuseAppend(io: CliIo, refusal: AppendRefusal, path: string): number {
  if (refusal.kind === 'invalid') throw new UsageError(refusal.message);
  io.stderr(`${describeAppendBlocker(refusal.blocker, verifyAdvice(path))}\n`);
  return 1;
}

/** The time, operator and `--password` of an event appended now. */
export function eventMeta(io: CliIo, args: CommandArgs): EventMeta {
  const password = args.values.password;
  return {
    time: formatLogTime(io.now()),
    operator: io.userName(),
    ...(typeof password === 'string' && password ? { password } : {}),
  };
}

/** The head to publish after an entry, in a clerk's words (公示码 first, the full hash after). */
export function publishLines(hash: string, saved: string): string[] {
  return [
    `公示码：${publicCodeOf(hash)}（请写入公示。日后可用 shuangsuiji verify ${saved} --head ${publicCodeOf(hash)} 核对抽取记录没有被改写或截断）`,
    `链头哈希（完整）：${hash}`,
  ];
}

/** What a local seed does not prove, said after every local draw. */
export const LOCAL_SEED_CAVEAT =
  '说明：本地随机数不能证明操作人没有多次抽取后挑选结果——本工具不覆盖已有文件，且链头公布后任何重抽都会被发现。正式抽取建议用公开随机数：先 --commit 公布承诺，开奖后 --public-text 抽取。';
