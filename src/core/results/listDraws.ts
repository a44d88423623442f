/**
 * The draws recorded in the log (抽取记录), read back from the stored event data, with their
 * substitutions (递补) and whether they were declared void (作废). The steps after 抽取 work from
 * this list, so that what they show and write comes from the log, not from today's directories.
 */
import { replaySubstitutions } from '../draw';
import type { DrawRecord, ResultEntry, SubstitutionRecord } from '../draw';
import type { DrawContext } from '../log/drawContext';
import type { LogEntry } from '../log/drawLog';
import type { LogState } from '../log/logSheet';
import { readStoredDraws } from '../session/logEvents';

export type DrawItem = {
  seq: number;
  entry: LogEntry;
  record: DrawRecord;
  context: DrawContext;
  /** Substitutions logged for this draw, oldest first. */
  substitutions: SubstitutionRecord[];
  /** The teams after the substitutions (the record's result when there are none or they do not replay). */
  teams: readonly ResultEntry[];
  /** The 作废 row that voided this draw, or null. */
  voided: { seq: number; reason: string } | null;
};

/**
 * Lists the successful draws of the log in log order (readStoredDraws), with the teams as the
 * substitutions left them.
 * @param log the log as read by readBookState
 * @returns one item per 抽取 row whose stored data could be read
 * @example listDraws(book.log).map((d) => d.seq) // [2, 5]
 */
export function listDraws(log: LogState): DrawItem[] {
  const byVoid = new Map<number, string>();
  for (const { entry } of log.rows) {
    if (entry.event !== '作废') continue;
    byVoid.set(entry.seq, entry.summary.replace(/^作废第 \d+ 条抽取（[^）]*）：/, ''));
  }
  return [...readStoredDraws(log).values()]
    .sort((a, b) => a.seq - b.seq)
    .map((d) => {
      const replay = d.substitutions.length ? replaySubstitutions(d.record, d.substitutions) : null;
      return {
        seq: d.seq,
        entry: d.entry,
        record: d.record,
        context: d.context,
        substitutions: d.substitutions,
        teams: replay?.ok ? replay.result : d.record.result,
        voided: d.voidedBy ? { seq: d.voidedBy, reason: byVoid.get(d.voidedBy) ?? '' } : null,
      };
    });
}

/** `2025002/001 任务名称` for lists and drop-downs. */
export function describeDraw(item: DrawItem): string {
  const name = item.context.taskName || item.record.task.taskName;
  return `第 ${item.seq} 条 · ${item.record.task.planNo}/${item.record.task.taskNo}${name ? ` ${name}` : ''}`;
}

/** The team of one target as people read it: 张三（组长）、李四（市场监督管理局）. */
export function describeTeam(entry: ResultEntry, context: DrawContext): string {
  return entry.members
    .map((id) => {
      const p = context.inspectors[id];
      const name = p?.name ?? id;
      if (id === entry.leader) return `${name}（组长）`;
      return p?.teamDepartment ? `${name}（${p.teamDepartment}）` : name;
    })
    .join('、');
}

/** A log time (ISO with offset) as a clerk reads it: 2025-04-01 09:30. */
export function formatShortTime(time: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(time);
  return m ? `${m[1]} ${m[2]}` : time;
}
