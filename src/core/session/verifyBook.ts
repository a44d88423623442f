/**
 * Verification of a book's log as every step uses it: 验证 and `verify` show it; the steps that put
 * stored data on paper or extend the log (抽取, 记录表, 公示, export) refuse while it has errors, so
 * data that fails verification never reaches a form, a 公示 or a new entry.
 */
import { formatFindingPlace, type Finding } from '../findings';
import type { LogVerification } from '../log';
import { DATA_SHEET, verifyLog } from '../log';
import type { LogBook } from './bookState';

/** What to do about a log that fails verification, in words for both rooms. */
export const VERIFY_ADVICE = '请先验证抽取记录（命令行 shuangsuiji verify，或任务窗格“抽取记录”一步的“验证”）查看详情，从未改动的备份恢复工作簿后再操作。';

const cache = new WeakMap<LogBook, LogVerification>();

/**
 * Verifies the log of a book as read (once per reading: the result is kept with it).
 * @example verifyBook(book).ok // true
 */
export function verifyBook(book: LogBook): LogVerification {
  const known = cache.get(book);
  if (known) return known;
  const v = verifyLog(book.log, { resultGrids: book.grids, sheetInfo: book.sheets, dataGrid: book.grids.find((g) => g.sheet === DATA_SHEET) ?? null });
  cache.set(book, v);
  return v;
}

/**
 * The first error verification finds, or null: what a step that must not use unverified data names.
 * @example firstLogError(book)?.cell // 'B7'
 */
export function firstLogError(book: LogBook): Finding | null {
  if (!book.log.hasLog) return null;
  return verifyBook(book).findings.find((f) => f.severity === 'error') ?? null;
}

/**
 * One sentence refusing to use the log while it fails verification; `advice` says what to do in this room.
 * @example unverifiedRefusal(f, '请运行 shuangsuiji verify') // '抽取记录未通过验证（抽取记录!B7：…），…'
 */
export function unverifiedRefusal(finding: Finding, advice: string): string {
  return `抽取记录未通过验证（${formatFindingPlace(finding)}：${finding.message}），被改动的数据不能用于抽取、记录表、公示或导出。${advice}`;
}
