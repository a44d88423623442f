/**
 * The draw step's two writes — record a commitment, make the draw — and their confirm-then-write
 * state. The workflow is core's (commitDraw, makeDraw); this hook only applies the operations and
 * words the outcome for the pane.
 */
import { useState } from 'react';
import { formatLogTime } from '../../core/log/drawLog';
import type { PlanTask } from '../../core/prepare/planTask';
import { describeTeam } from '../../core/results/describeDraw';
import { describeAppendBlocker } from '../../core/session/appendEvent';
import type { BookState } from '../../core/session/bookState';
import { dateToSerialDay } from '../../core/session/dates';
import type { DrawOptions, DrawPlan, PlanRefusal, SeedChoice } from '../../core/session/drawTask';
import { commitDraw, makeDraw, planDraw } from '../../core/session/drawTask';
import { describeError, RETRY_ADVICE } from '../describeError';
import { stepRef, type LastDraw, type StepPanelProps } from '../stepTypes';

export type SeedMode = 'local' | 'public';

export type DrawAction =
  | { kind: 'idle' }
  | { kind: 'confirm'; what: 'draw' | 'commit' }
  | { kind: 'working'; label: string }
  | { kind: 'failed'; title: string; message: string }
  | { kind: 'committed'; commitment: string; announcement: string; seq: number };

/** `2025002/001 任务名称`, as the task drop-down shows it. */
export function describeTask(task: PlanTask): string {
  return `${task.planNo}/${task.taskNo} ${task.taskName}`.trim();
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A refused plan as the pane says it (title, message). */
export function describeRefusal(refusal: PlanRefusal, task: PlanTask): { title: string; message: string } {
  switch (refusal.kind) {
    case 'blocked': {
      const b = refusal.blocker;
      if (b.kind === 'drawn')
        return {
          title: '该任务已经抽取过',
          message: `任务 ${task.planNo}/${task.taskNo} 已于抽取记录第 ${b.seq} 条抽取。不能直接重抽；如确需重抽，请先在${stepRef('log')}作废原抽取，写明原因。`,
        };
      const message = describeAppendBlocker(
        b,
        `请在${stepRef('log')}“验证”查看详情，从未改动的备份恢复工作簿后再抽取。`,
      );
      if (b.kind === 'foreign') return { title: '工作簿中已有一张同名的“抽取记录”工作表', message };
      return {
        title:
          b.kind === 'unverified' ? '抽取记录未通过验证，不能继续抽取' : '抽取记录已被改动，不能继续抽取',
        message,
      };
    }
    case 'unprepared':
      return {
        title: '无法抽取',
        message: `${refusal.problems.join('；')} 请按提示修改后回到${stepRef('check')}重新读取。`,
      };
    case 'publicText':
      return { title: '开奖号码或公告文字不符合要求', message: refusal.message };
    case 'pending':
      return {
        title: '已有承诺',
        message: `该任务已于抽取记录第 ${refusal.commitment.seq} 条记录承诺，请开奖后填写号码抽取。`,
      };
  }
}

export type DrawInput = {
  book: BookState;
  task: PlanTask;
  plan: DrawPlan;
  rules: DrawOptions;
  mode: SeedMode;
  announcement: string;
  publicText: string;
  operator: string;
};

/**
 * The confirm-then-write state of the draw step and what happens on 确认: a commitment, or the draw
 * (planned again at that moment: the draw date is when it is made).
 */
export function useDrawActions({
  env,
  applyOps,
  updateSession,
}: Pick<StepPanelProps, 'env' | 'applyOps' | 'updateSession'>) {
  const [action, setAction] = useState<DrawAction>({ kind: 'idle' });
  const fail = (title: string, message: string) => setAction({ kind: 'failed', title, message });
  const meta = (operator: string) => ({ time: formatLogTime(env.now()), operator });

  const runCommit = (input: DrawInput) => {
    const c = commitDraw(input.book, input.plan, input.announcement, meta(input.operator));
    if (!c.ok) {
      const refused = c.refusal
        ? describeRefusal(c.refusal, input.task)
        : { title: '无法记录承诺', message: `${c.message}。请修改公告文字后重试。` };
      return fail(refused.title, refused.message);
    }
    setAction({ kind: 'working', label: '正在记录承诺…' });
    applyOps(c.ops).then(
      () =>
        setAction({
          kind: 'committed',
          commitment: c.commitment,
          announcement: c.announcement,
          seq: c.entry.seq,
        }),
      (error: unknown) => fail('记录承诺失败', describeError(error, RETRY_ADVICE)),
    );
  };

  const runDraw = (input: DrawInput) => {
    const { book, task } = input;
    const fresh = planDraw(book, task, input.rules, dateToSerialDay(env.now()));
    const seed: SeedChoice =
      input.mode === 'public'
        ? { source: 'public', text: input.publicText }
        : { source: 'local', hex: toHex(env.randomBytes(32)) };
    const outcome = makeDraw(book, fresh, seed, meta(input.operator));
    if (!outcome.ok && outcome.refusal) {
      const refused = describeRefusal(outcome.refusal, task);
      return fail(refused.title, refused.message);
    }
    setAction({ kind: 'working', label: '正在抽取并写入工作簿…' });
    applyOps(outcome.ops).then(
      () => {
        if (!outcome.ok) {
          fail(
            '抽取失败',
            `${outcome.failure.message}（已记入抽取记录第 ${outcome.entry.seq} 条）。请按提示调整计划表或名录库（如增加可抽人员、减少回避），回到${stepRef('check')}重新读取后再抽取。`,
          );
          return;
        }
        const last: LastDraw = {
          seq: outcome.entry.seq,
          taskLabel: describeTask(task),
          resultSheet: outcome.resultSheet,
          seedSource: outcome.entry.seedSource,
          replaces: fresh.replaces,
          // The draw's row is the last of the log: its hash is the chain head, as the CLI prints it.
          head: outcome.entry.hash,
          rows: outcome.record.result.map((e) => ({
            name: outcome.context.targets[e.target]?.name ?? e.target,
            uscc: outcome.context.targets[e.target]?.uscc ?? '',
            stratum: e.stratum,
            team: describeTeam(e, outcome.context),
          })),
        };
        updateSession({ lastDraw: last });
        setAction({ kind: 'idle' });
      },
      (error: unknown) => fail('抽取没有写入工作簿', describeError(error, `工作簿未改动。${RETRY_ADVICE}`)),
    );
  };

  /** 确认 in the dialog: run what it was opened for. */
  const confirm = (input: DrawInput) => {
    const what = action.kind === 'confirm' ? action.what : 'draw';
    setAction({ kind: 'idle' });
    if (what === 'commit') runCommit(input);
    else runDraw(input);
  };

  return { action, setAction, confirm };
}
