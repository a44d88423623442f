import type { CliIo } from '../cliIo';
import { EXIT_OK, UsageError } from '../cliIo';
import { readStoredDraws } from '../../core/session/logEvents';
import { formsPlanFor } from '../../core/session/formEvents';
import { saveOutput } from './bookIo';
import { drawSeqOption, onePath, openLogBook, type CommandArgs } from './logArgs';

const USAGE = 'shuangsuiji forms BOOK [--draw SEQ] [--template SHEET] [--layout one-sheet|sheet-per-target] [-o OUT]';

/** `shuangsuiji forms BOOK …`: one 部门联合抽查检查情况记录表 per drawn target, print-ready. */
export async function runForms(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const seq = drawSeqOption(args.values.draw, false);
  const layout = args.values.layout as string | undefined;
  if (layout !== undefined && layout !== 'one-sheet' && layout !== 'sheet-per-target') {
    throw new UsageError('--layout 应为 one-sheet（一张工作表、每户一页）或 sheet-per-target（每户一张工作表，最多 30 户）。');
  }
  const lb = await openLogBook(io, path);
  const draws = [...readStoredDraws(lb.log).values()];
  if (draws.length === 0) throw new UsageError(`${path} 中还没有抽取记录：请先运行 shuangsuiji draw。`);
  const draw = seq === undefined ? [...draws].reverse().find((d) => !d.voidedBy) ?? draws[draws.length - 1]! : draws.find((d) => d.seq === seq);
  if (!draw) throw new UsageError(`抽取记录第 ${seq} 条不是一次抽取（可选：${draws.map((d) => d.seq).join('、')}）。`);
  let template;
  if (args.values.template) {
    const name = String(args.values.template);
    template = lb.grids.find((g) => g.sheet === name);
    if (!template) throw new UsageError(`找不到模板工作表“${name}”。可选：${lb.sheets.map((s) => s.name).join('、')}`);
  }
  let plan;
  try {
    plan = formsPlanFor(draw, { ...(template ? { template } : {}), ...(layout ? { layout } : {}), existingSheets: lb.sheets.map((s) => s.name) });
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  await lb.book.apply(plan.ops);
  const saved = await saveOutput(io, lb.book, path, args.values, 'forms');
  if (args.values.json) io.stdout(`${JSON.stringify({ draw: draw.seq, forms: plan.forms, sheets: plan.sheets, output: saved }, null, 2)}\n`);
  else
    io.stdout(
      `${draw.voidedBy ? `注意：抽取记录第 ${draw.seq} 条已作废（第 ${draw.voidedBy} 条）。\n` : ''}已为抽取记录第 ${draw.seq} 条生成 ${plan.forms} 份部门联合抽查检查情况记录表（${plan.sheets.length > 3 ? `${plan.sheets.slice(0, 3).join('、')} 等 ${plan.sheets.length} 张工作表` : plan.sheets.join('、')}），A4 纵向、每户一页。\n已保存：${saved}\n`,
    );
  return EXIT_OK;
}
