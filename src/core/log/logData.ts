/**
 * The stored data of a log event (`ssj-log-data/1`): what the very hidden `_ssj_data` sheet holds
 * for each row of 抽取记录, as canonical JSON bound to its row by `dataDigest`. This module is the
 * one place that writes the format ({@link serializeLogData}) and reads it back
 * ({@link parseLogData}); every reader (verification, the steps after a draw, export) goes through
 * the typed result, never through its own `JSON.parse` and cast.
 *
 * Reading checks the shape the tool relies on (kinds of fields, ids, integers); whether a stored draw
 * record is valid under ssj-draw/1 is the draw module's job (verification recomputes it).
 */
import { canonicalJson, sha256Hex } from '../draw/canonicalJson';
import type {
  DrawInputs,
  DrawRecord,
  PendingPublicSeed,
  SubstitutionRecord,
  SubstitutionRequest,
} from '../draw/types';
import type { DrawContext } from './drawContext';

export const LOG_DATA_FORMAT = 'ssj-log-data/1';

/** The inputs a commitment (承诺) froze: the record without result, its public seed without text/hex. */
export type CommittedInputs = Omit<DrawInputs, 'seed'> & {
  readonly seed: PendingPublicSeed & { readonly announcement: string };
};

export type DrawData = {
  format: typeof LOG_DATA_FORMAT;
  event: '抽取';
  record: DrawRecord;
  context: DrawContext;
  replaces: number;
};
export type SubstitutionData = {
  format: typeof LOG_DATA_FORMAT;
  event: '递补';
  drawSeq: number;
  substitution: SubstitutionRecord;
};
export type CommitmentData = {
  format: typeof LOG_DATA_FORMAT;
  event: '承诺';
  commitment: string;
  announcement: string;
  /** The inputs as committed (seed without text/hex), so the draw can be checked against them. */
  inputs: CommittedInputs;
  context: DrawContext;
};
export type FailureData = {
  format: typeof LOG_DATA_FORMAT;
  event: '失败';
  inputs: DrawInputs | { kind: '递补'; drawSeq: number; request: SubstitutionRequest };
  message: string;
};
export type VoidData = { format: typeof LOG_DATA_FORMAT; event: '作废'; drawSeq: number; reason: string };

/** What the hidden sheet stores for an event. */
export type LogData = DrawData | SubstitutionData | CommitmentData | FailureData | VoidData;

/**
 * The canonical text stored for an event and its digest.
 * @example serializeLogData(data).digest // 64 hex chars
 */
export function serializeLogData(data: LogData): { text: string; digest: string } {
  const text = canonicalJson(data);
  return { text, digest: sha256Hex(text) };
}

/** Outcome of {@link parseLogData}: the typed data, or why it cannot be used (a Chinese phrase). */
export type ParsedLogData = { ok: true; data: LogData } | { ok: false; message: string };

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isHex64 = (v: unknown): v is string => isString(v) && /^[0-9a-f]{64}$/.test(v);

/** The draw-record fields every reader uses; the full protocol check is the draw module's. */
function recordProblem(v: unknown, withResult: boolean): string {
  if (!isObject(v)) return '不是对象';
  if (!isString(v.protocol)) return '缺少 protocol';
  if (!isObject(v.task)) return '缺少 task';
  if (!isObject(v.seed) || !isString(v.seed.source)) return '缺少 seed';
  if (
    !Array.isArray(v.strata) ||
    !v.strata.every((s) => isObject(s) && isString(s.name) && Array.isArray(s.candidates))
  )
    return 'strata 格式不对';
  const team = v.team;
  if (!isObject(team) || !Array.isArray(team.inspectors) || !Array.isArray(team.departments))
    return 'team 格式不对';
  if (!withResult) return '';
  if (!Array.isArray(v.result)) return '缺少 result';
  const bad = v.result.findIndex(
    (e) =>
      !isObject(e) ||
      !isString(e.target) ||
      !isString(e.stratum) ||
      !isString(e.leader) ||
      !Array.isArray(e.members) ||
      !e.members.every(isString),
  );
  return bad >= 0 ? `result 第 ${bad + 1} 项格式不对` : '';
}

function contextProblem(v: unknown): string {
  if (!isObject(v)) return '缺少上下文（context）';
  if (!isObject(v.targets) || !isObject(v.inspectors)) return '上下文缺少检查对象或检查人员';
  if (!isString(v.planName) || !isString(v.taskName)) return '上下文缺少计划或任务名称';
  return '';
}

/** Fills the context fields that early versions did not store, so readers need no fallbacks. */
function normalizeContext(v: Obj): DrawContext {
  const list = <T>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
  const settings = isObject(v.settings)
    ? (v.settings as DrawContext['settings'])
    : { recentWindowDays: 0, annualCap: 0, teamSize: 0, maxPerInspector: 0, drawDate: 0 };
  return {
    ...(v as unknown as DrawContext),
    periodText: isString(v.periodText) ? v.periodText : '',
    scope: isString(v.scope) ? v.scope : '',
    isSecret: v.isSecret === 1 ? 1 : 0,
    matters: list(v.matters),
    excludedTargets: list(v.excludedTargets),
    excludedInspectors: list(v.excludedInspectors),
    pairExclusions: list(v.pairExclusions),
    notes: list(v.notes),
    settings,
  };
}

function substitutionProblem(v: unknown): string {
  if (!isObject(v)) return '缺少递补记录（substitution）';
  for (const k of ['draw', 'target', 'out', 'reason', 'replacement'] as const)
    if (!isString(v[k])) return `递补记录缺少 ${k}`;
  return '';
}

function parseEvent(o: Obj): ParsedLogData {
  const fail = (message: string): ParsedLogData => ({ ok: false, message });
  switch (o.event) {
    case '抽取': {
      const p = recordProblem(o.record, true) || contextProblem(o.context);
      if (p) return fail(o.record === undefined ? '缺少抽取记录（record）' : p);
      const replaces = o.replaces ?? 0;
      if (!(replaces === 0 || isSeq(replaces))) return fail('replaces 应为序号或 0');
      return {
        ok: true,
        data: {
          format: LOG_DATA_FORMAT,
          event: '抽取',
          record: o.record as DrawRecord,
          context: normalizeContext(o.context as Obj),
          replaces,
        },
      };
    }
    case '承诺': {
      if (!isHex64(o.commitment)) return fail('承诺值（commitment）不是 64 位十六进制');
      if (!isString(o.announcement)) return fail('缺少开奖公告（announcement）');
      const p = recordProblem(o.inputs, false) || contextProblem(o.context);
      if (p) return fail(`承诺的输入：${p}`);
      const seed = (o.inputs as Obj).seed as Obj;
      if (seed.source !== 'public' || 'text' in seed || 'hex' in seed)
        return fail('承诺的输入应为尚未公布号码的公开随机数');
      return {
        ok: true,
        data: {
          format: LOG_DATA_FORMAT,
          event: '承诺',
          commitment: o.commitment,
          announcement: o.announcement,
          inputs: {
            ...(o.inputs as unknown as CommittedInputs),
            seed: {
              source: 'public',
              announcement: isString(seed.announcement) ? seed.announcement : o.announcement,
            },
          },
          context: normalizeContext(o.context as Obj),
        },
      };
    }
    case '失败':
      if (!isString(o.message)) return fail('缺少失败原因（message）');
      if (!isObject(o.inputs)) return fail('缺少失败时的输入（inputs）');
      return {
        ok: true,
        data: {
          format: LOG_DATA_FORMAT,
          event: '失败',
          inputs: o.inputs as FailureData['inputs'],
          message: o.message,
        },
      };
    case '递补': {
      if (!isSeq(o.drawSeq)) return fail('缺少所递补的抽取序号（drawSeq）');
      const p = substitutionProblem(o.substitution);
      if (p) return fail(p);
      return {
        ok: true,
        data: {
          format: LOG_DATA_FORMAT,
          event: '递补',
          drawSeq: o.drawSeq,
          substitution: o.substitution as SubstitutionRecord,
        },
      };
    }
    case '作废':
      if (!isSeq(o.drawSeq)) return fail('缺少所作废的抽取序号（drawSeq）');
      if (!isString(o.reason) || o.reason.trim() === '') return fail('缺少作废原因（reason）');
      return {
        ok: true,
        data: { format: LOG_DATA_FORMAT, event: '作废', drawSeq: o.drawSeq, reason: o.reason },
      };
    default:
      return fail(`事件“${String(o.event)}”不是 承诺/抽取/失败/递补/作废 之一`);
  }
}

/**
 * Reads one event's stored text: JSON, the `ssj-log-data/1` format, and the fields its event needs.
 * @param text the joined chunks of `_ssj_data` for one seq
 * @returns the typed data, or a Chinese phrase saying what is wrong
 * @example parseLogData('{"event":"作废","format":"ssj-log-data/1","drawSeq":1,"reason":"范围有误"}')
 * // { ok: true, data: { event: '作废', drawSeq: 1, reason: '范围有误', … } }
 */
export function parseLogData(text: string): ParsedLogData {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `不是有效的 JSON（${(e as Error).message}）` };
  }
  if (!isObject(v)) return { ok: false, message: '不是 JSON 对象' };
  if (v.format !== LOG_DATA_FORMAT)
    return { ok: false, message: `format 应为 ${LOG_DATA_FORMAT}，实为 ${JSON.stringify(v.format)}` };
  return parseEvent(v);
}

/**
 * The inputs a draw uses after a commitment: the committed inputs with the revealed public seed.
 * @example revealedInputs(committed, '… 开奖号码：3 7 1', hex).seed.text // '… 开奖号码：3 7 1'
 */
export function revealedInputs(committed: CommittedInputs, text: string, hex: string): DrawInputs {
  return { ...committed, seed: { source: 'public', announcement: committed.seed.announcement, text, hex } };
}
