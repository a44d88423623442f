import type { CliIo } from '../cliIo';
import { EXIT_OK, UsageError } from '../cliIo';
import { voidDraw } from '../../core/session';
import { saveOutput } from './bookIo';
import type { CommandArgs } from './logArgs';
import { publishLines } from './logArgs';
import { drawSeqOption, eventMeta, onePath, openLogBook, refuseAppend } from './logArgs';

const USAGE = 'shuangsuiji void BOOK --draw SEQ --reason 原因 [-o OUT]';

/** `shuangsuiji void BOOK --draw SEQ --reason TEXT`: declares a draw void (作废), logged; the task may then be drawn again. */
export async function runVoid(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const seq = drawSeqOption(args.values.draw, true)!;
  const reason = args.values.reason;
  if (typeof reason !== 'string' || reason.trim() === '')
    throw new UsageError(`缺少 --reason：请写明作废原因。用法：${USAGE}`);
  const { book, state } = await openLogBook(io, path);
  const outcome = voidDraw(state, seq, reason, eventMeta(io, args));
  if (!outcome.ok) return refuseAppend(io, outcome.refusal, path);
  await book.apply(outcome.ops);
  const saved = await saveOutput(io, book, path, args.values, 'void');
  const { planNo, taskNo } = outcome.entry;
  io.stdout(
    [
      `已作废第 ${seq} 条抽取（任务 ${planNo}/${taskNo}），记入抽取记录第 ${outcome.entry.seq} 条。`,
      `如需重新抽取：shuangsuiji draw ${saved} --task ${planNo}/${taskNo}（新的抽取将记载它替代第 ${seq} 条）`,
      ...publishLines(outcome.entry.hash, saved),
      `已保存：${saved}`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
