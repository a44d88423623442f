/**
 * The log events after a draw, as pure functions shared by the CLI and the task pane: 递补 (an
 * inspector who cannot serve is replaced by a drawn one, ssj-draw/1 §7) and 作废 (a draw declared
 * void; a new draw of the task then references it). Each returns the log row plus the workbook
 * operations that record it.
 */
import { replaySubstitutions, sha256Hex, substitute } from '../draw';
import type { Finding } from '../findings';
import { checkChain } from '../log/checkChain';
import type { DrawRecord, ResultEntry, SubstitutionRecord } from '../draw';
import type { Grid } from '../grid';
import type { DrawContext } from '../log/drawContext';
import type { LogData, LogEntry } from '../log/drawLog';
import { appendLogEntry, serializeLogData } from '../log/drawLog';
import type { LogState } from '../log/logSheet';
import { appendLogOps } from '../log/logSheet';
import { findResultSheet } from '../log/verifyLog';
import type { WorkbookOp } from '../workbookOps';
import type { EventMeta } from './drawEvents';
import { RESULT_FIRST_ROW, resultRowCells } from './drawEvents';

/** A 抽取 of the log with what later rows did to it (lenient reading: unreadable data is skipped). */
export type StoredDraw = {
  seq: number;
  /** 1-based row of the log sheet. */
  row: number;
  entry: LogEntry;
  record: DrawRecord;
  context: DrawContext;
  /** The 递补 records of this draw, in log order. */
  substitutions: SubstitutionRecord[];
  /** Seq of the 作废 row, 0 when the draw stands. */
  voidedBy: number;
  /** Seq of the voided draw this one replaces (0: none). */
  replaces: number;
};

function parse(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The draws of the log with their substitutions and voids.
 * @param state the log as read
 * @returns seq → draw
 * @example readStoredDraws(state).get(1)?.record.result.length // 13
 */
export function readStoredDraws(state: LogState): Map<number, StoredDraw> {
  const out = new Map<number, StoredDraw>();
  for (const { entry, row } of state.rows) {
    const data = parse(state.data.get(entry.seq));
    if (!data || data.event !== entry.event) continue;
    if (entry.event === '抽取' && data.record && data.context) {
      out.set(entry.seq, {
        seq: entry.seq,
        row,
        entry,
        record: data.record as DrawRecord,
        context: data.context as DrawContext,
        substitutions: [],
        voidedBy: 0,
        replaces: typeof data.replaces === 'number' ? data.replaces : 0,
      });
    } else if (entry.event === '递补' && typeof data.drawSeq === 'number') {
      const d = out.get(data.drawSeq);
      if (d)
        out.set(d.seq, {
          ...d,
          substitutions: [...d.substitutions, data.substitution as SubstitutionRecord],
        });
    } else if (entry.event === '作废' && typeof data.drawSeq === 'number') {
      const d = out.get(data.drawSeq);
      if (d && !d.voidedBy) out.set(d.seq, { ...d, voidedBy: entry.seq });
    }
  }
  return out;
}

/**
 * The task's last 抽取 and whether it was voided: a new draw is allowed only when there is none or
 * it was voided (then the new draw records `replaces`).
 * @example taskDrawStatus(state, '2025002', '001') // { lastDraw: 3, isVoided: true }
 */
export function taskDrawStatus(
  state: LogState,
  planNo: string,
  taskNo: string,
): { lastDraw: number; isVoided: boolean } {
  const draws = [...readStoredDraws(state).values()].filter(
    (d) => d.entry.planNo === planNo && d.entry.taskNo === taskNo,
  );
  const last = draws[draws.length - 1];
  if (last) return { lastDraw: last.seq, isVoided: last.voidedBy > 0 };
  // A 抽取 whose data cannot be read still counts as a draw of the task.
  const row = [...state.rows]
    .reverse()
    .find((r) => r.entry.event === '抽取' && r.entry.planNo === planNo && r.entry.taskNo === taskNo);
  return { lastDraw: row ? row.entry.seq : 0, isVoided: false };
}

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
  if (hits.length > 1) {
    return {
      ok: false,
      message: `“${query}”对应多个${kind}：${hits.map((h) => h.shown).join('；')}。请改用其中一个的编号。`,
    };
  }
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

function displayNames(context: DrawContext): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, t] of Object.entries(context.targets)) names[id] = t.name;
  for (const [id, p] of Object.entries(context.inspectors)) names[id] = p.name;
  return names;
}

function logEvent(
  state: LogState,
  meta: EventMeta,
  fields: Omit<LogEntry, 'seq' | 'prevHash' | 'hash' | 'dataDigest' | 'time' | 'operator'>,
  data: LogData,
) {
  const { text, digest } = serializeLogData(data);
  const prev = state.rows.length ? state.rows[state.rows.length - 1]!.entry : null;
  const entry = appendLogEntry(prev, { ...fields, time: meta.time, operator: meta.operator }, digest);
  return { entry, ops: appendLogOps(state, entry, text, meta.password) };
}

function drawOrError(
  state: LogState,
  drawSeq: number,
  what: string,
): { ok: true; draw: StoredDraw } | { ok: false; message: string } {
  const row = state.rows.find((r) => r.entry.seq === drawSeq);
  if (!row) return { ok: false, message: `抽取记录中没有第 ${drawSeq} 条。` };
  if (row.entry.event !== '抽取')
    return { ok: false, message: `抽取记录第 ${drawSeq} 条是“${row.entry.event}”，不是抽取，不能${what}。` };
  const draw = readStoredDraws(state).get(drawSeq);
  if (!draw)
    return { ok: false, message: `第 ${drawSeq} 条抽取的存储数据无法读取，不能${what}：请先运行“验证”。` };
  if (draw.voidedBy)
    return { ok: false, message: `第 ${drawSeq} 条抽取已于第 ${draw.voidedBy} 条作废，不能${what}。` };
  return { ok: true, draw };
}

/** What the caller asks: target and out by id or by name/执法证号/统一社会信用代码. */
/** Why nothing may be appended about draw SEQ: the chain is broken (its first finding), or the draw's stored data changed. */
export type AppendBlocker = { kind: 'chain'; finding: Finding } | { kind: 'data' };

/**
 * Checks, before a 递补 or 作废 is appended, that the log's chain holds and that the draw's stored
 * data still matches its digest; the CLI and the pane word the refusal each their own way.
 * @example appendBlocker(state.log, 1) // null when the log is intact
 */
export function appendBlocker(log: LogState, seq: number): AppendBlocker | null {
  const broken = checkChain(log);
  if (broken.length) return { kind: 'chain', finding: broken[0]! };
  const row = log.rows.find((r) => r.entry.seq === seq);
  const text = log.data.get(seq);
  return row && text !== undefined && sha256Hex(text) !== row.entry.dataDigest ? { kind: 'data' } : null;
}

export type SubstitutionAsk = { target: string; out: string; reason: string };

/** Outcome of {@link recordSubstitution}. */
export type SubstitutionEventOutcome =
  | {
      ok: true;
      entry: LogEntry;
      substitution: SubstitutionRecord;
      /** The target's team after the substitution. */
      team: ResultEntry;
      /** The result sheet rewritten ('' when none was found). */
      resultSheet: string;
      ops: WorkbookOp[];
      /** One line: who replaces whom. */
      message: string;
    }
  | {
      ok: false;
      /** true: no replacement could be drawn, logged as a 失败 row (apply `ops`); false: the request is wrong, nothing logged. */
      isLogged: boolean;
      message: string;
      entry?: LogEntry;
      ops: WorkbookOp[];
    };

/**
 * Records a 递补: draws the replacement per ssj-draw/1 §7 against the team as earlier substitutions
 * of that draw left it, appends the 递补 row and rewrites the target's row on the result sheet.
 * A substitution that finds nobody eligible is logged as a 失败 row.
 * @param state the log as read
 * @param drawSeq the 抽取 row's seq
 * @param request target and out (ids, names, 执法证号 or 统一社会信用代码) and the reason
 * @param meta time, operator, password
 * @param grids the book's sheets (to find the result sheet)
 * @example recordSubstitution(state, 1, { target: '…', out: '张伟', reason: '因病' }, meta, grids).ok
 */
export function recordSubstitution(
  state: LogState,
  drawSeq: number,
  request: SubstitutionAsk,
  meta: EventMeta,
  grids: readonly Grid[] = [],
): SubstitutionEventOutcome {
  const found = drawOrError(state, drawSeq, '递补');
  if (!found.ok) return { ok: false, isLogged: false, message: found.message, ops: [] };
  const draw = found.draw;
  const reason = request.reason.normalize('NFC').trim();
  if (!reason) return { ok: false, isLogged: false, message: '请写明递补原因（--reason）。', ops: [] };
  const names = displayNames(draw.context);
  const current = replaySubstitutions(draw.record, draw.substitutions, { names });
  if (!current.ok)
    return {
      ok: false,
      isLogged: false,
      message: `第 ${drawSeq} 条抽取的已有递补无法重放：${current.failure.message}`,
      ops: [],
    };
  const target = resolveTarget(draw, request.target);
  if (!target.ok) return { ok: false, isLogged: false, message: target.message, ops: [] };
  const index = current.result.findIndex((e) => e.target === target.id);
  const team = current.result[index]!;
  const out = resolveInspector(draw, team.members, request.out);
  if (!out.ok) return { ok: false, isLogged: false, message: out.message, ops: [] };
  const ask = { target: target.id, out: out.id, reason };
  const s = substitute(draw.record, ask, draw.substitutions, { names });
  const base = { planNo: draw.entry.planNo, taskNo: draw.entry.taskNo, seedSource: draw.entry.seedSource };
  const who = (id: string) => names[id] ?? id;
  if (!s.ok) {
    if (s.failure.kind !== 'no-replacement')
      return { ok: false, isLogged: false, message: s.failure.message, ops: [] };
    const message = `递补失败：${s.failure.message}`;
    const logged = logEvent(
      state,
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
        inputs: { kind: '递补', drawSeq, request: ask },
        message: s.failure.message,
      },
    );
    return { ok: false, isLogged: true, message, entry: logged.entry, ops: logged.ops };
  }
  const sub = s.substitution;
  const message = `检查对象 ${who(sub.target)}：${who(sub.out)}${team.leader === sub.out ? '（组长）' : ''} 因“${reason}”不能参加，经随机递补由 ${who(sub.replacement)} 替换（第 ${drawSeq} 条抽取）`;
  const logged = logEvent(
    state,
    meta,
    {
      ...base,
      event: '递补',
      count: 1,
      summary: message.slice(0, 500),
      inputDigest: '',
      recordDigest: draw.entry.recordDigest,
    },
    { format: 'ssj-log-data/1', event: '递补', drawSeq, substitution: sub },
  );
  const grid = findResultSheet(grids, draw.entry.recordDigest, draw.entry);
  const pw = meta.password ? { password: meta.password } : {};
  const sheetOps: WorkbookOp[] = grid
    ? [
        { kind: 'unprotect', sheet: grid.sheet, ...pw },
        {
          kind: 'write',
          sheet: grid.sheet,
          address: `A${RESULT_FIRST_ROW + index}`,
          rows: [resultRowCells(index, s.entry, draw.context)],
          textColumns: [1, 2, 3, 4, 5],
        },
        { kind: 'protect', sheet: grid.sheet, ...pw },
      ]
    : [];
  return {
    ok: true,
    entry: logged.entry,
    substitution: sub,
    team: s.entry,
    resultSheet: grid?.sheet ?? '',
    ops: [...logged.ops, ...sheetOps],
    message,
  };
}

/**
 * Records a 作废: the draw stays in the log and its result sheet stays, but the task may be drawn
 * again, as a new 抽取 that references this one.
 * @param state the log as read
 * @param drawSeq the 抽取 row's seq
 * @param reason why it is void
 * @param meta time, operator, password
 * @example recordVoid(state, 1, '抽取范围有误', meta).ok
 */
export function recordVoid(
  state: LogState,
  drawSeq: number,
  reason: string,
  meta: EventMeta,
): { ok: true; entry: LogEntry; ops: WorkbookOp[] } | { ok: false; message: string } {
  const found = drawOrError(state, drawSeq, '作废');
  if (!found.ok) return found;
  const why = reason.normalize('NFC').trim();
  if (!why) return { ok: false, message: '请写明作废原因（--reason）。' };
  const d = found.draw;
  const { entry, ops } = logEvent(
    state,
    meta,
    {
      planNo: d.entry.planNo,
      taskNo: d.entry.taskNo,
      event: '作废',
      seedSource: '',
      count: 0,
      summary: `作废第 ${drawSeq} 条抽取（任务 ${d.entry.planNo}/${d.entry.taskNo}）：${why}`.slice(0, 500),
      inputDigest: '',
      recordDigest: d.entry.recordDigest,
    },
    { format: 'ssj-log-data/1', event: '作废', drawSeq, reason: why },
  );
  return { ok: true, entry, ops };
}
