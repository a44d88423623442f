import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { substituteInspector } from '../../core/session';
import { saveOutput } from './bookIo';
import type { CommandArgs } from './logArgs';
import { publishLines } from './logArgs';
import { drawSeqOption, eventMeta, onePath, openLogBook, refuseAppend } from './logArgs';

const USAGE =
  'shuangsuiji substitute BOOK --draw SEQ --target 检查对象 --out 检查人员 --reason 原因 [-o OUT]';

function textOption(value: string | boolean | undefined, option: string, hint: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`缺少 ${option}：${hint}。用法：${USAGE}`);
  return value;
}

/** `shuangsuiji substitute BOOK --draw SEQ --target ID --out INSPECTOR --reason TEXT`: 递补 per ssj-draw/1 §7, logged. */
export async function runSubstitute(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const seq = drawSeqOption(args.values.draw, true)!;
  const target = textOption(args.values.target, '--target', '检查对象的统一社会信用代码或名称');
  const out = textOption(args.values.out, '--out', '不能参加的检查人员的执法证号、编号或姓名');
  const reason = textOption(args.values.reason, '--reason', '递补原因，如“因病无法参加”');
  const { book, state } = await openLogBook(io, path);
  const outcome = substituteInspector(state, seq, { target, out, reason }, eventMeta(io, args));
  if (!outcome.ok && outcome.refusal) return refuseAppend(io, outcome.refusal, path);
  await book.apply(outcome.ops);
  const saved = await saveOutput(io, book, path, args.values, 'substitute');
  if (!outcome.ok) {
    io.stdout(`${outcome.message}（已记入抽取记录第 ${outcome.entry.seq} 条）\n已保存：${saved}\n`);
    return EXIT_FINDINGS;
  }
  if (args.values.json) {
    io.stdout(
      `${JSON.stringify({ seq: outcome.entry.seq, head: outcome.entry.hash, output: saved, substitution: outcome.substitution, team: outcome.team }, null, 2)}\n`,
    );
    return EXIT_OK;
  }
  io.stdout(
    [
      outcome.message,
      `已记入抽取记录第 ${outcome.entry.seq} 条；${outcome.resultSheet ? `结果工作表“${outcome.resultSheet}”已更新` : '未找到结果工作表，未更新'}。`,
      ...(outcome.staleForms.length
        ? [
            `已生成的记录表（${outcome.staleForms.join('、')}）已标为过时：请运行 shuangsuiji forms ${saved} --draw ${seq} 重新生成。`,
          ]
        : []),
      ...publishLines(outcome.entry.hash, saved),
      `已保存：${saved}`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
