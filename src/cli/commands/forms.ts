import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { planRecordForms } from '../../core/session';
import { saveOutput } from './bookIo';
import { drawSeqOption, onePath, openLogBook, type CommandArgs } from './logArgs';

const USAGE =
  'shuangsuiji forms BOOK [--draw SEQ] [--template SHEET] [--layout one-sheet|sheet-per-target] [-o OUT]';

/** `shuangsuiji forms BOOK …`: one 部门联合抽查检查情况记录表 per drawn target, print-ready. */
export async function runForms(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const seq = drawSeqOption(args.values.draw, false);
  const layout = args.values.layout as string | undefined;
  if (layout !== undefined && layout !== 'one-sheet' && layout !== 'sheet-per-target') {
    throw new UsageError(
      '--layout 应为 one-sheet（一张工作表、每户一页）或 sheet-per-target（每户一张工作表，最多 30 户）。',
    );
  }
  const { book, state } = await openLogBook(io, path);
  const template = args.values.template === undefined ? undefined : String(args.values.template);
  const planned = planRecordForms(state, {
    ...(seq !== undefined ? { seq } : {}),
    ...(template !== undefined ? { template } : {}),
    ...(layout ? { layout } : {}),
  });
  if (state.events.draws.length === 0)
    throw new UsageError(`${path} 中还没有抽取记录：请先运行 shuangsuiji draw。`);
  if (!planned.ok && planned.isUnverified) {
    io.stderr(`${planned.message}\n`);
    return EXIT_FINDINGS;
  }
  if (!planned.ok) throw new UsageError(planned.message);
  const { plan } = planned;
  await book.apply(plan.batches.flat());
  const saved = await saveOutput(io, book, path, args.values, 'forms');
  if (args.values.json) {
    io.stdout(
      `${JSON.stringify({ draw: plan.draw.seq, forms: plan.forms, sheets: plan.sheets, replaced: plan.replaces, output: saved }, null, 2)}\n`,
    );
    return EXIT_OK;
  }
  const where =
    plan.sheets.length > 3
      ? `${plan.sheets.slice(0, 3).join('、')} 等 ${plan.sheets.length} 张工作表`
      : plan.sheets.join('、');
  io.stdout(
    [
      ...(plan.draw.voided
        ? [`注意：抽取记录第 ${plan.draw.seq} 条已作废（第 ${plan.draw.voided.seq} 条）。`]
        : []),
      `已为抽取记录第 ${plan.draw.seq} 条生成 ${plan.forms} 份部门联合抽查检查情况记录表（${where}），A4 纵向、每户一页。`,
      ...(plan.replaces.length
        ? [`已替换该抽取此前生成的记录表（${plan.replaces.join('、')}），工作表名称不变。`]
        : []),
      `已保存：${saved}`,
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
