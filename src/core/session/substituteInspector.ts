/**
 * 递补 and 作废 after a draw, as one workflow for the CLI and the task pane. 递补: an inspector who
 * cannot serve is replaced by one drawn per ssj-draw/1 §7 (never chosen); the result sheet's row is
 * rewritten and the draw's record forms are marked out of date. 作废: the draw stays in the log with
 * its sheets, and the task may be drawn again as a new 抽取 that references it.
 */
import { substitute } from '../draw';
import type { ResultEntry, SubstitutionRecord } from '../draw';
import type { LogEntry, StoredDraw } from '../log';
import { displayNamesOf, drawResultRowOps, findDrawResultSheet } from '../log';
import type { WorkbookOp } from '../workbookOps';
import type { AppendBlocker, EventMeta } from './appendEvent';
import { appendEvent, logBlocker } from './appendEvent';
import type { LogBook } from './bookState';
import { staleFormsOps } from './formsIdentity';

const norm = (s: string): string => s.normalize('NFKC').trim();

type Resolved = { ok: true; id: string } | { ok: false; message: string };

function resolveAmong(
  kind: string,
  query: string,
  pool: { id: string; labels: string[]; shown: string }[],
): Resolved | null {
  const q = norm(query);
  const byId = pool.find((p) => p.id === query || norm(p.id) === q);
  if (byId) return { ok: true, id: byId.id };
  const hits = pool.filter((p) => p.labels.some((l) => l !== '' && norm(l) === q));
  if (hits.length === 1) return { ok: true, id: hits[0]!.id };
  if (hits.length > 1)
    return {
      ok: false,
      message: `“${query}”对应多个${kind}：${hits.map((h) => h.shown).join('；')}。请改用其中一个的编号。`,
    };
  return null;
}

/**
 * Finds a drawn target by id, name or 统一社会信用代码.
 * @example resolveTarget(draw, '邢台惠民大药房连锁有限公司襄都第12分店') // { ok: true, id: '91130500110412348C' }
 */
export function resolveTarget(draw: Pick<StoredDraw, 'record' | 'context'>, query: string): Resolved {
  const pool = draw.record.result.map((e) => {
    const t = draw.context.targets[e.target];
    return {
      id: e.target,
      labels: [t?.name ?? '', t?.uscc ?? ''],
      shown: `${t?.name ?? e.target}（${e.target}）`,
    };
  });
  return (
    resolveAmong('检查对象', query, pool) ?? {
      ok: false,
      message: `本次抽取的结果中没有检查对象“${query}”。可选：${pool.map((p) => p.shown).join('；')}`,
    }
  );
}

/**
 * Finds an inspector by id, name or 执法证号: first on the given team, then among all of the record.
 * @example resolveInspector(draw, ['YB0001', 'SJ0002'], '张伟') // { ok: true, id: 'YB0001' }
 */
export function resolveInspector(
  draw: Pick<StoredDraw, 'record' | 'context'>,
  team: readonly string[],
  query: string,
): Resolved {
  const entry = (id: string) => {
    const p = draw.context.inspectors[id];
    return {
      id,
      labels: [p?.name ?? '', p?.badgeNo ?? ''],
      shown: `${p?.name ?? id}（${p?.teamDepartment ?? ''}，编号 ${id}）`,
    };
  };
  const onTeam = resolveAmong('检查人员', query, team.map(entry));
  if (onTeam) return onTeam;
  const all = resolveAmong(
    '检查人员',
    query,
    draw.record.team.inspectors.map((p) => entry(p.id)),
  );
  return (
    all ?? {
      ok: false,
      message: `没有检查人员“${query}”。当前检查组：${team.map((id) => entry(id).shown).join('；')}`,
    }
  );
}

/** Why nothing is appended about a draw: the log is broken, or the request does not fit the log. */
export type AppendRefusal =
  { kind: 'blocked'; blocker: AppendBlocker } | { kind: 'invalid'; message: string };

/**
 * The standing draw `seq` a 递补 or 作废 is about, or why it cannot be.
 * @example drawForAppend(book, 1, '递补') // { ok: true, draw }
 */
export function drawForAppend(
  book: LogBook,
  seq: number,
  what: string,
): { ok: true; draw: StoredDraw } | { ok: false; refusal: AppendRefusal } {
  const blocker = logBlocker(book, seq);
  if (blocker) return { ok: false, refusal: { kind: 'blocked', blocker } };
  const invalid = (message: string) => ({
    ok: false as const,
    refusal: { kind: 'invalid' as const, message },
  });
  const row = book.log.rows.find((r) => r.entry.seq === seq);
  if (!row) return invalid(`抽取记录中没有第 ${seq} 条。`);
  if (row.entry.event !== '抽取')
    return invalid(`抽取记录第 ${seq} 条是“${row.entry.event}”，不是抽取，不能${what}。`);
  const draw = book.events.draws.find((d) => d.seq === seq);
  if (!draw) return invalid(`第 ${seq} 条抽取的存储数据无法读取，不能${what}：请先验证抽取记录。`);
  if (draw.voided) return invalid(`第 ${seq} 条抽取已于第 ${draw.voided.seq} 条作废，不能${what}。`);
  return { ok: true, draw };
}

export type SubstitutionAsk = { target: string; out: string; reason: string };

/** Outcome of {@link substituteInspector}. */
export type SubstitutionOutcome =
  | {
      ok: true;
      entry: LogEntry;
      substitution: SubstitutionRecord;
      /** The target's team after the substitution. */
      team: ResultEntry;
      /** The result sheet rewritten ('' when none was found). */
      resultSheet: string;
      /** Record-form sheets of this draw now marked out of date. */
      staleForms: string[];
      ops: WorkbookOp[];
      /** One line: who replaces whom. */
      message: string;
    }
  | { ok: false; refusal: AppendRefusal }
  /** No replacement could be drawn: logged as a 失败 row (apply `ops`). */
  | { ok: false; refusal: null; message: string; entry: LogEntry; ops: WorkbookOp[] };

/**
 * Records a 递补: draws the replacement per ssj-draw/1 §7 against the team as earlier substitutions
 * left it, rewrites the target's row on the result sheet, marks the draw's record forms out of
 * date, and appends the 递补 row (last). A substitution that finds nobody eligible is a 失败 row.
 * @param book the book as read
 * @param seq the 抽取 row's seq
 * @param ask target and out (ids, names, 执法证号 or 统一社会信用代码) and the reason
 * @param meta time, operator, password
 * @example substituteInspector(book, 1, { target: '…', out: '张伟', reason: '因病' }, meta).ok
 */
export function substituteInspector(
  book: LogBook,
  seq: number,
  ask: SubstitutionAsk,
  meta: EventMeta,
): SubstitutionOutcome {
  const found = drawForAppend(book, seq, '递补');
  if (!found.ok) return found;
  const draw = found.draw;
  const invalid = (message: string): SubstitutionOutcome => ({
    ok: false,
    refusal: { kind: 'invalid', message },
  });
  const reason = ask.reason.normalize('NFC').trim();
  if (!reason) return invalid('请写明递补原因。');
  const names = displayNamesOf(draw.context);
  const target = resolveTarget(draw, ask.target);
  if (!target.ok) return invalid(target.message);
  const index = draw.teams.findIndex((e) => e.target === target.id);
  const team = draw.teams[index]!;
  const out = resolveInspector(draw, team.members, ask.out);
  if (!out.ok) return invalid(out.message);
  const request = { target: target.id, out: out.id, reason };
  const s = substitute(draw.record, request, draw.substitutions, { names });
  const base = { planNo: draw.entry.planNo, taskNo: draw.entry.taskNo, seedSource: draw.entry.seedSource };
  const who = (id: string) => names[id] ?? id;
  if (!s.ok) {
    if (s.failure.kind !== 'no-replacement') return invalid(s.failure.message);
    const message = `递补失败：${s.failure.message}`;
    const logged = appendEvent(
      book.log,
      meta,
      {
        ...base,
        event: '失败',
        count: 0,
        summary: message.slice(0, 500),
        inputDigest: '',
        recordDigest: draw.entry.recordDigest,
      },
      {
        format: 'ssj-log-data/1',
        event: '失败',
        inputs: { kind: '递补', drawSeq: seq, request },
        message: s.failure.message,
      },
    );
    return { ok: false, refusal: null, message, entry: logged.entry, ops: logged.ops };
  }
  const sub = s.substitution;
  const message = `检查对象 ${who(sub.target)}：${who(sub.out)}${team.leader === sub.out ? '（组长）' : ''} 因“${reason}”不能参加，经随机递补由 ${who(sub.replacement)} 替换（第 ${seq} 条抽取）`;
  const logged = appendEvent(
    book.log,
    meta,
    {
      ...base,
      event: '递补',
      count: 1,
      summary: message.slice(0, 500),
      inputDigest: '',
      recordDigest: draw.entry.recordDigest,
    },
    { format: 'ssj-log-data/1', event: '递补', drawSeq: seq, substitution: sub },
  );
  const grid = findDrawResultSheet(book.grids, draw.entry.recordDigest, draw.entry);
  const stale = staleFormsOps(book, draw, logged.entry.seq, message);
  return {
    ok: true,
    entry: logged.entry,
    substitution: sub,
    team: s.entry,
    resultSheet: grid?.sheet ?? '',
    staleForms: stale.sheets,
    // The log row last: if the sheets cannot be written, no substitution is logged.
    ops: [
      ...(grid ? drawResultRowOps(grid.sheet, index, s.entry, draw.context, meta.password) : []),
      ...stale.ops,
      ...logged.ops,
    ],
    message,
  };
}

/** Outcome of {@link voidDraw}. */
export type VoidOutcome =
  { ok: true; entry: LogEntry; ops: WorkbookOp[] } | { ok: false; refusal: AppendRefusal };

/**
 * Records a 作废: the draw stays in the log and its result sheet stays, but the task may be drawn
 * again, as a new 抽取 that references this one.
 * @example voidDraw(book, 1, '抽取范围有误', meta).ok
 */
export function voidDraw(book: LogBook, seq: number, reason: string, meta: EventMeta): VoidOutcome {
  const found = drawForAppend(book, seq, '作废');
  if (!found.ok) return found;
  const why = reason.normalize('NFC').trim();
  if (!why) return { ok: false, refusal: { kind: 'invalid', message: '请写明作废原因。' } };
  const d = found.draw;
  return {
    ok: true,
    ...appendEvent(
      book.log,
      meta,
      {
        planNo: d.entry.planNo,
        taskNo: d.entry.taskNo,
        event: '作废',
        seedSource: '',
        count: 0,
        summary: `作废第 ${seq} 条抽取（任务 ${d.entry.planNo}/${d.entry.taskNo}）：${why}`.slice(0, 500),
        inputDigest: '',
        recordDigest: d.entry.recordDigest,
      },
      { format: 'ssj-log-data/1', event: '作废', drawSeq: seq, reason: why },
    ),
  };
}
