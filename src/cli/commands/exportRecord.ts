import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { firstLogError, unverifiedRefusal, VERIFY_ADVICE } from '../../core/session';
import { canonicalJson, sha256Hex } from '../../core/draw';
import type { CommandArgs } from './logArgs';
import { drawSeqOption, onePath, openLogBook } from './logArgs';

const USAGE = 'shuangsuiji export-record BOOK [--draw SEQ]';

/** `shuangsuiji export-record BOOK [--draw SEQ]`: the stored ssj-draw/1 record, exactly as digested. */
export async function runExportRecord(args: CommandArgs, io: CliIo): Promise<number> {
  const path = onePath(args, USAGE);
  const asked = drawSeqOption(args.values.draw, false);
  const { state } = await openLogBook(io, path);
  const unverified = firstLogError(state);
  if (unverified) {
    io.stderr(`${unverifiedRefusal(unverified, VERIFY_ADVICE)}\n`);
    return EXIT_FINDINGS;
  }
  const log = state.log;
  const draws = log.rows.filter((r) => r.entry.event === '抽取');
  const row = asked === undefined ? draws[draws.length - 1] : log.rows.find((r) => r.entry.seq === asked);
  if (!row)
    throw new UsageError(
      asked === undefined ? `${path} 的抽取记录中没有抽取。` : `${path} 的抽取记录中没有第 ${asked} 条。`,
    );
  if (row.entry.event !== '抽取')
    throw new UsageError(
      `抽取记录第 ${row.entry.seq} 条是“${row.entry.event}”，不是抽取；请用 --draw 指定一条抽取。`,
    );
  const record = state.events.draws.find((d) => d.seq === row.entry.seq)?.record;
  if (record === undefined)
    throw new UsageError(
      `第 ${row.entry.seq} 条抽取的存储数据缺失或无法读取：请先运行 shuangsuiji verify ${path}。`,
    );
  const text = canonicalJson(record);
  if (sha256Hex(text) !== row.entry.recordDigest) {
    io.stderr(
      `警告：第 ${row.entry.seq} 条的存储记录与该行的 recordDigest 不符，记录可能被改动过；请运行 shuangsuiji verify ${path}。\n`,
    );
  }
  io.stdout(`${text}\n`);
  return EXIT_OK;
}
