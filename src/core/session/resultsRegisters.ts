/**
 * 检查结果登记表 for logged draws, as one workflow for the CLI and the task pane: which draws get a
 * new register (one, or every standing draw without one), under which names.
 */
import type { StoredDraw } from '../log';
import type { ResultsReading } from '../results';
import { readResults, resultsRegisterName, resultsRegisterOps } from '../results';
import type { WorkbookOp } from '../workbookOps';
import type { LogBook } from './bookState';
import { sheetNamesOf } from './bookState';
import { firstLogError, unverifiedRefusal, VERIFY_ADVICE } from './verifyBook';

export type ResultsRegistersPlan = {
  /** The registers to add: draw, sheet, number of targets. */
  added: { draw: StoredDraw; sheet: string; targets: number }[];
  /** Registers that exist already, by draw. */
  existing: { seq: number; sheet: string }[];
  ops: WorkbookOp[];
};

/**
 * Plans results registers: for draw `seq` (refused when it is void, unknown or has one already), or
 * for every standing draw that has none yet (an empty plan when all have one).
 * @param book the book as read
 * @param seq the draw, or every standing draw without a register
 * @param read the registers as already read for this book (the 公示 step has them), else read here
 * @example planResultsRegisters(book).added.map((a) => a.sheet) // ['检查结果-2025002-001-1']
 */
export function planResultsRegisters(
  book: LogBook,
  seq?: number,
  read?: ResultsReading,
): { ok: true; plan: ResultsRegistersPlan } | { ok: false; message: string; isUnverified?: boolean } {
  const draws = book.events.draws;
  if (draws.length === 0) return { ok: false, message: '还没有抽取记录：请先抽取。' };
  const unverified = firstLogError(book);
  if (unverified) return { ok: false, message: unverifiedRefusal(unverified, VERIFY_ADVICE), isUnverified: true };
  const reading = read ?? readResults(book.grids, draws);
  const existing = reading.draws.filter((r) => r.sheet).map((r) => ({ seq: r.seq, sheet: r.sheet }));
  const has = new Map(existing.map((e) => [e.seq, e.sheet]));
  let chosen: StoredDraw[];
  if (seq !== undefined) {
    const d = draws.find((x) => x.seq === seq);
    if (!d)
      return {
        ok: false,
        message: `抽取记录第 ${seq} 条不是一次抽取（可选：${draws.map((x) => x.seq).join('、')}）。`,
      };
    if (d.voided)
      return {
        ok: false,
        message: `抽取记录第 ${seq} 条已于第 ${d.voided.seq} 条作废，不再登记检查结果：请为重新抽取的那次生成登记表。`,
      };
    const sheet = has.get(seq);
    if (sheet)
      return {
        ok: false,
        message: `抽取记录第 ${seq} 条已有结果登记表“${sheet}”：请直接在其中填写；如需重新生成，请先删除该工作表。`,
      };
    chosen = [d];
  } else chosen = draws.filter((d) => !d.voided && !has.has(d.seq));
  const names = sheetNamesOf(book);
  const added: ResultsRegistersPlan['added'] = [];
  const ops: WorkbookOp[] = [];
  for (const d of chosen) {
    const sheet = resultsRegisterName(d, names);
    names.push(sheet);
    ops.push(...resultsRegisterOps(d, sheet));
    added.push({ draw: d, sheet, targets: d.teams.length });
  }
  return { ok: true, plan: { added, existing, ops } };
}
