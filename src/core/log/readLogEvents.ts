/**
 * The log read as events: every 抽取 with what later rows did to it (递补, 作废), every 承诺 and
 * whether a draw has used it. The steps after a draw (record forms, results, 公示, 递补, 作废) and the
 * next draw of a task all work from this one reading, so they agree on what the log says.
 *
 * Reading is lenient: a row whose stored data cannot be read is listed in `unreadable` and left out;
 * `verifyLog` is where such a row becomes a finding.
 */
import { replaySubstitutions } from '../draw/substitute';
import type { DrawRecord, ResultEntry, SubstitutionRecord } from '../draw/types';
import type { DrawContext } from './drawContext';
import type { LogEntry } from './drawLog';
import type { CommittedInputs } from './logData';
import { parseLogData } from './logData';
import type { LogState } from './logSheet';

/** A 抽取 of the log with its substitutions and void. */
export type StoredDraw = {
  seq: number;
  /** 1-based row of the log sheet. */
  row: number;
  entry: LogEntry;
  record: DrawRecord;
  context: DrawContext;
  /** The 递补 records of this draw, in log order. */
  substitutions: SubstitutionRecord[];
  /** The teams after the substitutions (the record's result when there are none or they do not replay). */
  teams: readonly ResultEntry[];
  /** The 作废 row that voided this draw, or null while it stands. */
  voided: { seq: number; reason: string } | null;
  /** Seq of the voided draw this one replaces (0: none). */
  replaces: number;
};

/** A 承诺: the inputs frozen before the public number existed. */
export type StoredCommitment = {
  seq: number;
  row: number;
  entry: LogEntry;
  commitment: string;
  announcement: string;
  inputs: CommittedInputs;
  context: DrawContext;
  /** Seq of the 抽取 or 失败 of the task that came after it (0: still pending). */
  usedBy: number;
};

export type LogEvents = {
  /** Successful draws in log order. */
  draws: StoredDraw[];
  commitments: StoredCommitment[];
  /** Rows whose stored data is missing or cannot be read (verification names them). */
  unreadable: { seq: number; row: number; message: string }[];
};

const sameTask = (a: Pick<LogEntry, 'planNo' | 'taskNo'>, b: Pick<LogEntry, 'planNo' | 'taskNo'>) =>
  a.planNo === b.planNo && a.taskNo === b.taskNo;

/**
 * Reads the log's rows and stored data as typed events.
 * @param state the log as read (readLogState)
 * @returns the draws (with substitutions, teams and voids), the commitments, the unreadable rows
 * @example readLogEvents(state).draws.map((d) => d.seq) // [2, 5]
 */
export function readLogEvents(state: LogState): LogEvents {
  const draws = new Map<number, StoredDraw>();
  const commitments: StoredCommitment[] = [];
  const unreadable: LogEvents['unreadable'] = [];
  for (const { entry, row } of state.rows) {
    const text = state.data.get(entry.seq);
    if (text === undefined) {
      unreadable.push({ seq: entry.seq, row, message: '没有存储数据' });
      continue;
    }
    const parsed = parseLogData(text);
    if (!parsed.ok || parsed.data.event !== entry.event) {
      unreadable.push({
        seq: entry.seq,
        row,
        message: parsed.ok ? `存储数据记载的事件是“${parsed.data.event}”` : parsed.message,
      });
      continue;
    }
    const data = parsed.data;
    if (data.event === '抽取' || data.event === '失败') {
      // A draw attempt (successful or not) uses up the task's pending commitment.
      for (const c of commitments) if (!c.usedBy && sameTask(c.entry, entry)) c.usedBy = entry.seq;
    }
    switch (data.event) {
      case '抽取':
        draws.set(entry.seq, {
          seq: entry.seq,
          row,
          entry,
          record: data.record,
          context: data.context,
          substitutions: [],
          teams: data.record.result,
          voided: null,
          replaces: data.replaces,
        });
        break;
      case '承诺':
        commitments.push({
          seq: entry.seq,
          row,
          entry,
          commitment: data.commitment,
          announcement: data.announcement,
          inputs: data.inputs,
          context: data.context,
          usedBy: 0,
        });
        break;
      case '递补': {
        const d = draws.get(data.drawSeq);
        if (d) d.substitutions.push(data.substitution);
        break;
      }
      case '作废': {
        const d = draws.get(data.drawSeq);
        if (d && !d.voided) d.voided = { seq: entry.seq, reason: data.reason };
        break;
      }
      default:
        break;
    }
  }
  for (const d of draws.values()) {
    if (d.substitutions.length === 0) continue;
    const replay = replaySubstitutions(d.record, d.substitutions);
    if (replay.ok) d.teams = replay.result;
  }
  return { draws: [...draws.values()], commitments, unreadable };
}

/**
 * The task's last 抽取 and whether it was voided: a new draw is allowed only when there is none or
 * it was voided (then the new draw records `replaces`). A 抽取 whose data cannot be read still
 * counts as a draw of the task.
 * @example taskDrawStatus(state, events, '2025002', '001') // { lastDraw: 3, isVoided: true }
 */
export function taskDrawStatus(
  state: LogState,
  events: LogEvents,
  planNo: string,
  taskNo: string,
): { lastDraw: number; isVoided: boolean } {
  const task = { planNo, taskNo };
  const lastRow = [...state.rows].reverse().find((r) => r.entry.event === '抽取' && sameTask(r.entry, task));
  if (!lastRow) return { lastDraw: 0, isVoided: false };
  const draw = events.draws.find((d) => d.seq === lastRow.entry.seq);
  return { lastDraw: lastRow.entry.seq, isVoided: Boolean(draw?.voided) };
}

/**
 * The task's 承诺 that no draw attempt has used yet, or null.
 * @example pendingCommitment(events, '2025002', '001')?.announcement // '2025-04-01 福彩3D 第2025086期 开奖号码：d d d'
 */
export function pendingCommitment(
  events: LogEvents,
  planNo: string,
  taskNo: string,
): StoredCommitment | null {
  return (
    [...events.commitments].reverse().find((c) => !c.usedBy && sameTask(c.entry, { planNo, taskNo })) ?? null
  );
}
