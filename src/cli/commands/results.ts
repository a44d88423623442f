import type { CliIo } from '../cliIo';
import { EXIT_OK, UsageError } from '../cliIo';
import type { WorkbookOp } from '../../core/workbookOps';
import { listDraws, readResults, resultsSheetName, resultsSheetOps, type DrawItem } from '../../core/results';
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
  const lb = await openLogBook(io, path);
  const draws = listDraws(lb.log);
  if (draws.length === 0) throw new UsageError(`${path} 中还没有抽取记录：请先运行 shuangsuiji draw。`);
  const reading = readResults(lb.grids, draws);
  const existing = new Map(reading.draws.filter((r) => r.sheet).map((r) => [r.seq, r.sheet]));

  let chosen: DrawItem[];
  if (seq !== undefined) {
    const d = draws.find((x) => x.seq === seq);
    if (!d) throw new UsageError(`抽取记录第 ${seq} 条不是一次抽取（可选：${draws.map((x) => x.seq).join('、')}）。`);
    if (d.voided) throw new UsageError(`抽取记录第 ${seq} 条已于第 ${d.voided.seq} 条作废，不再登记检查结果：请为重新抽取的那次生成登记表。`);
    const sheet = existing.get(seq);
    if (sheet) throw new UsageError(`抽取记录第 ${seq} 条已有结果登记表“${sheet}”：请直接在其中填写；如需重新生成，请先删除该工作表。`);
    chosen = [d];
  } else {
    chosen = draws.filter((d) => !d.voided && !existing.has(d.seq));
  }

  if (chosen.length === 0) {
    const message = `未作废的抽取都已有结果登记表（${[...existing.values()].join('、') || '无'}），没有写出新文件。`;
    if (args.values.json) io.stdout(`${JSON.stringify({ sheets: [], output: null, message }, null, 2)}\n`);
    else io.stdout(`${message}\n`);
    return EXIT_OK;
  }

  const names = lb.sheets.map((s) => s.name);
  const ops: WorkbookOp[] = [];
  const added: { draw: number; sheet: string; targets: number }[] = [];
  for (const d of chosen) {
    const sheet = resultsSheetName(d, names);
    names.push(sheet);
    ops.push(...resultsSheetOps(d, sheet));
    added.push({ draw: d.seq, sheet, targets: d.teams.length });
  }
  await lb.book.apply(ops);
  const saved = await saveOutput(io, lb.book, path, args.values, 'results');
  if (args.values.json) io.stdout(`${JSON.stringify({ sheets: added, output: saved }, null, 2)}\n`);
  else
    io.stdout(
      [
        ...added.map((a) => `已为抽取记录第 ${a.draw} 条新建检查结果登记表“${a.sheet}”（${a.targets} 个检查对象）。`),
        '请在“检查结果（编号）”列填 1–10，并填检查日期、后续处置；填好后运行 shuangsuiji publish 生成公示表和年度统计。',
        `已保存：${saved}`,
        '',
      ].join('\n'),
    );
  return EXIT_OK;
}
