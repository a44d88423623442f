import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { replayRecord } from '../../core/draw';
import type { CommandArgs } from './logArgs';
import { onePath } from './logArgs';

const USAGE = 'shuangsuiji replay FILE';

/** `shuangsuiji replay FILE`: recomputes an ssj-draw/1 record and prints it as canonical JSON. */
export async function runReplay(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const bytes = await io.readFile(io.resolve(path));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UsageError(`${path} 不是 UTF-8 文本，无法作为抽取记录（JSON）读取。`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path} 不是有效的 JSON：${(e as Error).message}`);
  }
  const outcome = replayRecord(parsed);
  if (!outcome.ok) throw new UsageError(outcome.failure.message);
  io.stdout(`${outcome.text}\n`);
  if (outcome.isResultDifferent) {
    io.stderr(
      `${path} 中的 result 与按 ssj-draw/1 重算的结果不一致（上面输出的是重算结果，recordDigest ${outcome.recordDigest}）。\n`,
    );
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
