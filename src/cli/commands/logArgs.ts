/** Argument and book helpers shared by the log commands (verify, export-record, substitute, void). */
import type { CliIo } from '../cliIo';
import { UsageError } from '../cliIo';
import type { Grid } from '../../core/grid';
import type { Finding } from '../../core/findings';
import { DATA_SHEET, formatLogTime, LOG_SHEET } from '../../core/log/drawLog';
import type { EventMeta } from '../../core/session/drawEvents';
import { appendBlocker } from '../../core/session/logEvents';
import { readLogState, type LogState } from '../../core/log/logSheet';
import type { SheetInfo, XlsxWorkbook } from '../../workbook';
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

export type LogBook = {
  book: XlsxWorkbook;
  sheets: SheetInfo[];
  grids: Grid[];
  log: LogState;
  dataGrid: Grid | null;
};

/** Opens BOOK and reads every sheet and the log, without validating the plan tables. */
export async function openLogBook(io: CliIo, path: string): Promise<LogBook> {
  const book = await openBook(io, path);
  const sheets = await book.listSheets();
  const grids = await book.readSheets(sheets.map((s) => s.name));
  const byName = (n: string) => grids.find((g) => g.sheet === n) ?? null;
  return {
    book,
    sheets,
    grids,
    log: readLogState(byName(LOG_SHEET), byName(DATA_SHEET)),
    dataGrid: byName(DATA_SHEET),
  };
}

/** A finding as the verify command prints it: `sheet!cell  message`. */
export function formatPlace(f: Finding): string {
  const where = f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  return `  ${f.severity === 'warning' ? '[警告] ' : ''}${where}  ${f.message}  (${f.code})`;
}

/** The Chinese line printed (exit 1) when a command would append to a broken chain. */
export function brokenChainMessage(f: Finding, path: string): string {
  return `抽取记录已被改动（${f.sheet}!${f.cell}：${f.message}），不能在损坏的记录后追加。请先运行 shuangsuiji verify ${path} 查看详情，从未改动的备份恢复该文件后再操作。\n`;
}

/** The Chinese line printed (exit 1) when nothing may be appended about draw SEQ; '' when fine. */
function appendRefusal(log: LogState, seq: number, path: string): string {
  const blocker = appendBlocker(log, seq);
  if (!blocker) return '';
  if (blocker.kind === 'chain') return brokenChainMessage(blocker.finding, path);
  return `第 ${seq} 条记录的存储数据已被改动，不能在其后追加。请先运行 shuangsuiji verify ${path} 查看详情，从未改动的备份恢复该文件后再操作。\n`;
}

/**
 * Opens BOOK to append an entry about draw SEQ (递补, 作废): the book and the entry's time, operator
 * and `--password`; or null after printing on stderr why the log cannot be appended to (exit 1).
 */
export async function openForAppend(
  io: CliIo,
  path: string,
  seq: number,
  args: CommandArgs,
): Promise<{ book: LogBook; meta: EventMeta } | null> {
  const book = await openLogBook(io, path);
  const refusal = appendRefusal(book.log, seq, path);
  if (refusal) {
    io.stderr(refusal);
    return null;
  }
  const password = args.values.password;
  return {
    book,
    meta: {
      time: formatLogTime(io.now()),
      operator: io.userName(),
      ...(typeof password === 'string' && password ? { password } : {}),
    },
  };
}
