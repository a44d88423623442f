import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { planFixes, validateWorkbook } from '../../core/validate';
import { openBook, saveOutput } from './bookIo';
import { onePath, type CommandArgs } from './logArgs';

const USAGE = 'shuangsuiji fix BOOK --code 问题代码|all [-o OUT]';

/** `shuangsuiji fix BOOK --code CODE [-o OUT]`: writes a corrected copy and prints every change. */
export async function runFix(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const codeArg = args.values.code;
  if (typeof codeArg !== 'string' || !codeArg) throw new UsageError(`请用 --code 指定要修正的问题代码（如 PLAN_NAME_EXTRA_TEXT），或 --code all。用法：${USAGE}`);
  const code = codeArg === 'all' ? '*' : codeArg.toUpperCase();
  const book = await openBook(io, path);
  const names = (await book.listSheets()).map((s) => s.name);
  const grids = await book.readSheets(names);
  const before = validateWorkbook(grids);
  const { changes, ops } = planFixes(before.findings, code, grids);
  if (changes.length === 0) {
    const fixable = [...new Set(before.findings.filter((f) => f.suggestion !== undefined).map((f) => f.code))];
    io.stdout(`没有可自动修正的 ${code === '*' ? '' : `${code} `}问题。${fixable.length ? `可自动修正的问题代码：${fixable.join('、')}` : ''}\n`);
    return EXIT_OK;
  }
  await book.apply(ops);
  const saved = await saveOutput(io, book, path, args.values, 'fix');
  const after = validateWorkbook(await book.readSheets(names));
  const errors = after.findings.filter((f) => f.severity === 'error').length;
  const lines = changes.map((c) => `  ${c.sheet}!${c.cell}：“${c.before}” → “${c.after}”  (${c.code})`);
  if (args.values.json) io.stdout(`${JSON.stringify({ changes, output: saved, remaining: after.findings }, null, 2)}\n`);
  else io.stdout(`已修正 ${changes.length} 处：\n${lines.join('\n')}\n重新校验：${errors} 个错误、${after.findings.length - errors} 个警告。\n已保存：${saved}\n`);
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}
