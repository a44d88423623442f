/**
 * How the steps after 抽取 name a logged draw and its teams to a clerk. The draws themselves come
 * from the log, read once as typed events (readLogEvents), so what is shown and written comes from
 * the log, not from today's directories.
 */
import type { ResultEntry } from '../draw';
import type { DrawContext, StoredDraw } from '../log';

/** A draw as the results steps use it: the stored draw with its teams after 递补 and its void. */
export type DrawItem = StoredDraw;

/** `第 2 条 · 2025002/001 任务名称` for lists and drop-downs. */
export function describeDraw(item: Pick<DrawItem, 'seq' | 'record' | 'context'>): string {
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
