import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { bytesToHex } from '@noble/hashes/utils.js';
import { derivePublicSeedHex } from '../../core/draw/publicSeed';
import type { DrawSeed } from '../../core/draw/types';
import { checkChain } from '../../core/log/checkChain';
import { formatLogTime } from '../../core/log/drawLog';
import { prepareDraw } from '../../core/prepare/prepareDraw';
import { buildDrawContext, recordCommitment, recordDraw } from '../../core/session/drawEvents';
import { dateToSerialDay } from '../../core/session/dates';
import { taskDrawStatus } from '../../core/session/logEvents';
import { saveOutput } from './bookIo';
import { findTask, openSession } from './workbookSession';

type Args = { positionals: string[]; values: Record<string, string | boolean | undefined> };

/** `shuangsuiji draw BOOK --task PLANNO/TASKNO [--public-text TEXT | --commit ANNOUNCEMENT] [--size N] [-o OUT]` */
export async function runDraw(args: Args, io: CliIo): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}。用法：shuangsuiji draw BOOK --task 计划编号/任务编号`);
  const size = args.values.size === undefined ? undefined : Number(args.values.size);
  if (size !== undefined && (!Number.isInteger(size) || size < 2 || size > 20)) throw new UsageError('--size 应为 2 到 20 之间的整数（每组检查人员不少于 2 人）。');
  const session = await openSession(io, path);
  const task = findTask(session, args.values.task as string | undefined);
  const broken = checkChain(session.log);
  if (broken.length) {
    io.stderr(
      `抽取记录已被改动（${broken[0]!.sheet}!${broken[0]!.cell}：${broken[0]!.message}），不能在损坏的记录后追加。请先运行 shuangsuiji verify ${path} 查看详情，从未改动的备份恢复该文件后再抽取。\n`,
    );
    return EXIT_FINDINGS;
  }
  // Re-running a draw is possible only as a new, logged attempt that references the one it replaces.
  const status = taskDrawStatus(session.log, task.planNo, task.taskNo);
  if (status.lastDraw && !status.isVoided) {
    io.stderr(
      `任务 ${task.planNo}/${task.taskNo} 已于抽取记录第 ${status.lastDraw} 条抽取过，不能直接重新抽取。如确需重抽，请先作废原抽取：shuangsuiji void ${path} --draw ${status.lastDraw} --reason "作废原因"，再对作废后保存的文件运行 draw。\n`,
    );
    return EXIT_FINDINGS;
  }
  const replaces = status.isVoided ? status.lastDraw : 0;
  const now = io.now();
  const intOption = (name: string, min: number, max: number): number | undefined => {
    const v = args.values[name];
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} 应为 ${min} 到 ${max} 之间的整数（收到“${String(v)}”）。`);
    return n;
  };
  const window = intOption('window', 0, 3650);
  const cap = intOption('annual-cap', 0, 100);
  const perInspector = intOption('max-per-inspector', 0, 1000);
  const settings = {
    drawDate: dateToSerialDay(now),
    ...(size ? { teamSize: size } : {}),
    ...(window !== undefined ? { recentWindowDays: window } : {}),
    ...(cap !== undefined ? { annualCap: cap } : {}),
    ...(perInspector !== undefined ? { maxPerInspector: perInspector } : {}),
    bureauDepartment: '医疗保障局',
  };
  const prep = prepareDraw(task, session.dirs, settings);
  if (!prep.ok) {
    io.stderr(`任务 ${task.planNo}/${task.taskNo} 无法抽取：${prep.problems.join('；')}\n`);
    return EXIT_FINDINGS;
  }
  const context = buildDrawContext(task, session.dirs, prep, settings);
  const meta = { time: formatLogTime(now), operator: io.userName(), ...(args.values.password ? { password: String(args.values.password) } : {}) };

  if (args.values.commit) {
    const c = recordCommitment(task, prep, context, String(args.values.commit), session.log, meta);
    if (!c.ok) throw new UsageError(`无法生成承诺：${c.message}`);
    await session.book.apply(c.ops);
    const saved = await saveOutput(io, session.book, path!, args.values, 'draw');
    io.stdout(
      [
        `已记录承诺（抽取记录第 ${c.entry.seq} 条），输入已冻结。请在开奖前公布以下内容：`,
        '',
        `  ${task.planName} ${task.taskName}`,
        `  本次抽取将以“${String(args.values.commit)}”的结果作为随机数，按 ssj-draw/1 规则计算。`,
        `  承诺值（SHA-256）：${c.commitment}`,
        '',
        `开奖后运行：shuangsuiji draw ${saved} --task ${task.planNo}/${task.taskNo} --public-text "<按上述格式填写的开奖号码>"`,
        `已保存：${saved}`,
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  }

  let seed: DrawSeed;
  let inputs = prep;
  if (args.values['public-text']) {
    const text = String(args.values['public-text']);
    const commit = [...session.log.rows].reverse().find((r) => r.entry.event === '承诺' && r.entry.planNo === task.planNo && r.entry.taskNo === task.taskNo);
    let announcement: string | undefined;
    if (commit) {
      const data = JSON.parse(session.log.data.get(commit.entry.seq) ?? '{}') as { inputs?: typeof prep.inputs & { seed: { announcement?: string } } };
      if (data.inputs) {
        // The draw uses the inputs frozen at the commitment, not today's directories.
        announcement = data.inputs.seed.announcement;
        const { seed: _pending, ...frozen } = data.inputs;
        inputs = { ...prep, inputs: frozen };
      }
    } else {
      io.stderr('注意：该任务没有事先记录承诺（--commit），公开随机数不能证明抽取前输入已固定。\n');
    }
    seed = { source: 'public', ...(announcement ? { announcement } : {}), text: text.normalize('NFC').trim(), hex: derivePublicSeedHex(text) };
  } else {
    seed = { source: 'local', hex: bytesToHex(io.randomBytes(32)) };
  }
  const drawn = recordDraw(task, inputs, context, seed, session.log, meta, session.sheetNames, replaces);
  await session.book.apply(drawn.ops);
  const saved = await saveOutput(io, session.book, path!, args.values, 'draw');
  if (!drawn.ok) {
    io.stdout(`抽取失败（已记入抽取记录第 ${drawn.entry.seq} 条）：${drawn.failure.message}\n已保存：${saved}\n`);
    return EXIT_FINDINGS;
  }
  const lines = [
    `任务 ${task.planNo}/${task.taskNo} ${context.taskName}`,
    `随机源：${drawn.entry.seedSource}；抽中 ${drawn.record.result.length} 个检查对象（抽取记录第 ${drawn.entry.seq} 条）`,
    `排除：检查对象 ${context.excludedTargets.length} 个，人员 ${context.excludedInspectors.length} 名，回避/连续三次 ${context.pairExclusions.length} 对`,
    '',
  ];
  drawn.record.result.forEach((e, i) => {
    const t = context.targets[e.target];
    const team = e.members.map((m) => `${context.inspectors[m]?.name ?? m}${m === e.leader ? '（组长）' : ''}`).join('、');
    lines.push(`  ${i + 1}. ${t?.name ?? e.target} ${t?.uscc ?? ''} [${e.stratum}]  检查组：${team}`);
  });
  lines.push('', `链头哈希：${drawn.entry.hash}`, `结果工作表：${drawn.resultSheet}`, `已保存：${saved}`, '');
  if (args.values.json) io.stdout(`${JSON.stringify({ seq: drawn.entry.seq, head: drawn.entry.hash, output: saved, record: drawn.record }, null, 2)}\n`);
  else io.stdout(lines.join('\n'));
  return EXIT_OK;
}
