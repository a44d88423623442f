import type { CliIo } from '../cliIo';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../cliIo';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DrawOptions, DrawPlan, PlanRefusal } from '../../core/session';
import { commitDraw, dateToSerialDay, describeAppendBlocker, describeReplacement, listCommitmentNotice, listDrawWarnings, makeDraw, planDraw } from '../../core/session';
import { saveOutput } from './bookIo';
import { eventMeta, LOCAL_SEED_CAVEAT, publishLines, verifyAdvice, type CommandArgs } from './logArgs';
import { findTask, openSession } from './workbookSession';

const USAGE = 'shuangsuiji draw BOOK --task 计划编号/任务编号';

function intOption(args: CommandArgs, name: string, min: number, max: number, hint = ''): number | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} 应为 ${min} 到 ${max} 之间的整数${hint}（收到“${String(v)}”）。`);
  return n;
}

/** The draw rules given on the command line (unset ones come from the bureau settings). */
function drawOptions(args: CommandArgs): DrawOptions {
  const options: DrawOptions = {
    teamSize: intOption(args, 'size', 2, 20, '（每组检查人员不少于 2 人）'),
    recentWindowDays: intOption(args, 'window', 0, 3650),
    annualCap: intOption(args, 'annual-cap', 0, 100),
    maxPerInspector: intOption(args, 'max-per-inspector', 0, 1000),
    minStaff: intOption(args, 'min-staff', 1, 20, '（每组至少几名局部门工作人员，不超过每组人数）'),
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** What the draw step says before 抽取: the staff rule in force and where it comes from, and what may go wrong. */
function checkLines(plan: DrawPlan): string[] {
  return [`人员规则：${plan.checks.staffRule}`, ...listDrawWarnings(plan.checks).map((w) => `注意：${w}`)];
}

/** Prints why the plan cannot be used; returns the exit code (1: the book's state, 2: the request). */
function refuse(io: CliIo, plan: DrawPlan, refusal: PlanRefusal, path: string): number {
  const { planNo, taskNo } = plan.task;
  if (refusal.kind === 'blocked' && refusal.blocker.kind !== 'drawn') {
    io.stderr(`${describeAppendBlocker(refusal.blocker, verifyAdvice(path))}\n`);
  } else if (refusal.kind === 'blocked' && refusal.blocker.kind === 'drawn') {
    // Re-running a draw is possible only as a new, logged attempt that references the one it replaces.
    const seq = refusal.blocker.seq;
    io.stderr(
      `任务 ${planNo}/${taskNo} 已于抽取记录第 ${seq} 条抽取过，不能直接重新抽取。如确需重抽，请先作废原抽取：shuangsuiji void ${path} --draw ${seq} --reason "作废原因"，再对作废后保存的文件运行 draw。\n`,
    );
  } else if (refusal.kind === 'unprepared') {
    // What else is wrong on the task's row, so that one round of corrections fixes it all.
    io.stdout(`${checkLines(plan).join('\n')}\n`);
    io.stderr(`任务 ${planNo}/${taskNo} 无法抽取：${refusal.problems.join('；')}\n`);
  } else if (refusal.kind === 'publicText') {
    throw new UsageError(refusal.message);
  } else if (refusal.kind === 'pending') {
    throw new UsageError(
      `任务 ${planNo}/${taskNo} 已于抽取记录第 ${refusal.commitment.seq} 条记录承诺（“${refusal.commitment.announcement}”），尚未抽取：请开奖后用 --public-text 抽取，不能再次承诺。`,
    );
  }
  return EXIT_FINDINGS;
}

/** `shuangsuiji draw BOOK --task PLANNO/TASKNO [--public-text TEXT | --commit ANNOUNCEMENT] [--size N] [-o OUT]` */
export async function runDraw(args: CommandArgs, io: CliIo): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (extra.length) throw new UsageError(`多余的参数：${extra.join(' ')}。用法：${USAGE}`);
  const options = drawOptions(args);
  const session = await openSession(io, path);
  const task = findTask(session, args.values.task as string | undefined);
  const now = io.now();
  const plan = planDraw(session.state, task, options, dateToSerialDay(now));
  if (plan.pending && Object.keys(options).length && !args.values.commit) {
    throw new UsageError(
      `任务 ${task.planNo}/${task.taskNo} 的抽取输入已于第 ${plan.pending.seq} 条承诺时冻结，不能再用 ${Object.keys(options).length > 1 ? '这些选项' : '该选项'}（--size、--window、--annual-cap、--max-per-inspector、--min-staff）改变；请去掉后重试。`,
    );
  }
  const meta = eventMeta(io, args);
  for (const f of plan.historyIssues.slice(0, 20)) io.stderr(`注意：${f.sheet}!${f.cell} ${f.message}\n`);
  if (plan.historyIssues.length > 20) io.stderr(`注意：另有 ${plan.historyIssues.length - 20} 个检查历史日期有问题，运行 shuangsuiji validate 查看全部。\n`);

  if (args.values.commit) {
    const c = commitDraw(session.state, plan, String(args.values.commit), meta);
    if (!c.ok) {
      if (c.refusal) return refuse(io, plan, c.refusal, path!);
      throw new UsageError(`无法生成承诺：${c.message}`);
    }
    await session.book.apply(c.ops);
    const saved = await saveOutput(io, session.book, path!, args.values, 'draw');
    io.stdout(
      [
        ...checkLines(plan),
        `已记录承诺（抽取记录第 ${c.entry.seq} 条），输入已冻结。请在开奖前公布以下内容：`,
        '',
        ...listCommitmentNotice(task, c.announcement, c.commitment, plan.ready?.inputs.protocol ?? 'ssj-draw/1').map(
          (line) => `  ${line}`,
        ),
        '',
        `开奖后运行：shuangsuiji draw ${saved} --task ${task.planNo}/${task.taskNo} --public-text "<把公告中每个 d 换成一位数字>"`,
        ...publishLines(c.entry.hash, saved),
        `已保存：${saved}`,
        '',
      ].join('\n'),
    );
    return EXIT_OK;
  }

  const publicText = args.values['public-text'];
  const outcome = makeDraw(
    session.state,
    plan,
    typeof publicText === 'string' && publicText !== ''
      ? { source: 'public', text: publicText }
      : { source: 'local', hex: bytesToHex(io.randomBytes(32)) },
    meta,
  );
  if (!outcome.ok && outcome.refusal) return refuse(io, plan, outcome.refusal, path!);
  if (outcome.ok && outcome.isUncommitted)
    io.stderr('注意：该任务没有事先记录承诺（--commit），公开随机数不能证明抽取前输入已固定。\n');
  await session.book.apply(outcome.ops);
  const saved = await saveOutput(io, session.book, path!, args.values, 'draw');
  if (!outcome.ok) {
    io.stdout(
      `${checkLines(plan).join('\n')}\n抽取失败（已记入抽取记录第 ${outcome.entry.seq} 条）：${outcome.failure.message}\n已保存：${saved}\n`,
    );
    return EXIT_FINDINGS;
  }
  if (args.values.json) {
    io.stdout(
      `${JSON.stringify({ seq: outcome.entry.seq, head: outcome.entry.hash, output: saved, record: outcome.record, checks: checkLines(plan) }, null, 2)}\n`,
    );
    return EXIT_OK;
  }
  const ctx = outcome.context;
  const lines = [
    ...checkLines(plan),
    `任务 ${task.planNo}/${task.taskNo} ${ctx.taskName}`,
    `随机源：${outcome.entry.seedSource}；抽中 ${outcome.record.result.length} 个检查对象（抽取记录第 ${outcome.entry.seq} 条）`,
    ...(plan.replaces ? [describeReplacement(plan.replaces)] : []),
    `排除：检查对象 ${ctx.excludedTargets.length} 个，人员 ${ctx.excludedInspectors.length} 名，回避/连续三次 ${ctx.pairExclusions.length} 对`,
    '',
  ];
  outcome.record.result.forEach((e, i) => {
    const t = ctx.targets[e.target];
    const team = e.members
      .map((m) => `${ctx.inspectors[m]?.name ?? m}${m === e.leader ? '（组长）' : ''}`)
      .join('、');
    lines.push(`  ${i + 1}. ${t?.name ?? e.target} ${t?.uscc ?? ''} [${e.stratum}]  检查组：${team}`);
  });
  lines.push('', ...publishLines(outcome.entry.hash, saved), `结果工作表：${outcome.resultSheet}`, `已保存：${saved}`);
  if (outcome.record.seed.source === 'local') lines.push(LOCAL_SEED_CAVEAT);
  lines.push('');
  io.stdout(lines.join('\n'));
  return EXIT_OK;
}
