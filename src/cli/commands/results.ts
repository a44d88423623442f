import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { planResultsRegisters } from '../../core/session';
import { saveOutput } from './bookIo';
import { drawSeqOption, onePath, openLogBook, type CommandArgs } from './logArgs';

const USAGE = 'shuangsuiji results BOOK [--draw 序号] [-o OUT]';

/**
 * `shuangsuiji results BOOK [--draw SEQ]`: adds a results entry sheet (检查结果登记表) for the draw,
 * or for every non-void draw that has none yet. Nothing else in the book changes.
 */
export async function runResults(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const seq = drawSeqOption(args.values.draw, false);
  const { book, state } = await openLogBook(io, path);
  if (state.events.draws.length === 0)
    throw new UsageError(`${path} 中还没有抽取记录：请先运行 shuangsuiji draw。`);
  const planned = planResultsRegisters(state, seq);
  if (!planned.ok && planned.isUnverified) {
    io.stderr(`${planned.message}\n`);
    return EXIT_FINDINGS;
  }
  if (!planned.ok) throw new UsageError(planned.message);
  const { added, existing } = planned.plan;
  if (added.length === 0) {
    const message = `未作废的抽取都已有结果登记表（${existing.map((e) => e.sheet).join('、') || '无'}），没有写出新文件。`;
    if (args.values.json) io.stdout(`${JSON.stringify({ sheets: [], output: null, message }, null, 2)}\n`);
    else io.stdout(`${message}\n`);
    return EXIT_OK;
  }
  await book.apply(planned.plan.ops);
  const saved = await saveOutput(io, book, path, args.values, 'results');
  const sheets = added.map((a) => ({ draw: a.draw.seq, sheet: a.sheet, targets: a.targets }));
  if (args.values.json) io.stdout(`${JSON.stringify({ sheets, output: saved }, null, 2)}\n`);
  else
    io.stdout(
      [
        ...sheets.map(
          (a) => `已为抽取记录第 ${a.draw} 条新建检查结果登记表“${a.sheet}”（${a.targets} 个检查对象）。`,
        ),
        '请在“检查结果（编号）”列填 1–10，并填检查日期、后续处置；填好后运行 shuangsuiji publish 生成公示表和年度统计。',
        `已保存：${saved}`,
        '',
      ].join('\n'),
    );
  return EXIT_OK;
}
