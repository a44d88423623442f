import { hexToBytes } from '@noble/hashes/utils.js';
import { drawValidated } from './runDraw';
import { createStream, uniform } from './createStream';
import { validateDrawRecord } from './validateDrawRecord';
import { describeIneligible, displayName } from './_lib/failureText';
import { isWellFormedString } from './_lib/text';
import type {
  DisplayNames,
  DrawInputs,
  DrawOptions,
  DrawRecord,
  DrawRecordIssue,
  IneligibleInspector,
  IneligibleReason,
  InspectorEntry,
  ResultEntry,
  SubstitutionFailure,
  SubstitutionOutcome,
  SubstitutionRecord,
  SubstitutionRequest,
} from './types';

/** The protocol name of a substitution record. */
export const SUBSTITUTE_PROTOCOL = 'ssj-substitute/1';

/**
 * Draws the replacement (递补) for an inspector who cannot serve (ssj-draw/1 §7; under ssj-draw/2 also
 * §12: a staff member is replaced by staff when the team would otherwise fall below minStaff). The record is
 * redrawn first and `earlier` (this draw's previous substitutions, in log order) are replayed and
 * checked, so the replacement is computed against the team as those left it. The replacement comes
 * from `out`'s department, is not excluded for the target, not on the team, never removed from it
 * before, and a staff member when `out` led; `maxPerInspector` does not apply.
 *
 * @param record - the draw record, with its `result` (or without: it is recomputed either way)
 * @param request - `{ target, out, reason }`
 * @param earlier - the substitution records already logged for this draw, oldest first
 * @param options - `names` for failure messages
 * @returns `{ ok: true, substitution, entry }` (the record to log and the new team) or `{ ok: false, failure }`
 * @example
 * substitute(record, { target: '91410481000000057X', out: 'YB0002', reason: '因病无法履职' })
 * // { ok: true, substitution: { protocol: 'ssj-substitute/1', draw: '4625…', target: '91410481000000057X',
 * //   out: 'YB0002', reason: '因病无法履职', replacement: 'YB0004' }, entry: { …, leader: 'YB0004', members: ['YB0004', 'SJ0002'] } }
 */
export function substitute(
  record: DrawRecord | DrawInputs,
  request: SubstitutionRequest,
  earlier: readonly SubstitutionRecord[] = [],
  options: DrawOptions = {},
): SubstitutionOutcome {
  const requestIssues = checkRequest(request);
  if (requestIssues.length > 0) {
    return fail(
      'invalid-request',
      requestIssues.map((issue) => issue.message).join('；'),
      request.target,
      request.out,
      {
        issues: requestIssues,
      },
    );
  }
  const prepared = prepare(record, request.target, request.out, options.names);
  if (!prepared.ok) return prepared;
  const context = prepared.context;
  const replayed = replayChain(context, earlier);
  if (!replayed.ok) return replayed;
  const step = substituteOne(context, request.target, request.out);
  if (!step.ok) return step;
  const substitution: SubstitutionRecord = {
    protocol: SUBSTITUTE_PROTOCOL,
    draw: context.recordDigest,
    target: request.target,
    out: request.out,
    reason: request.reason,
    replacement: step.replacement,
  };
  return { ok: true, substitution, entry: step.entry };
}

/** Outcome of {@link replaySubstitutions}. */
export type SubstitutionReplay =
  | { readonly ok: true; readonly result: readonly ResultEntry[] }
  | { readonly ok: false; readonly failure: SubstitutionFailure };

/**
 * Replays a draw's substitutions in log order (ssj-draw/1 §9, last step): each must belong to
 * this draw (`draw` = its recordDigest) and name the replacement the protocol gives against the
 * team as the earlier ones left it.
 *
 * @param record - the draw record
 * @param chain - its substitution records, oldest first
 * @param options - `names` for failure messages
 * @returns the teams after all substitutions, or the first one that does not replay
 * @example
 * replaySubstitutions(record, [{ protocol: 'ssj-substitute/1', draw: '4625…', target: '…57X', out: 'YB0002', reason: '…', replacement: 'YB0004' }])
 * // { ok: true, result: [{ target: '…57X', stratum: 'A', leader: 'YB0004', members: ['YB0004', 'SJ0002'] }, …] }
 */
export function replaySubstitutions(
  record: DrawRecord | DrawInputs,
  chain: readonly SubstitutionRecord[],
  options: DrawOptions = {},
): SubstitutionReplay {
  const first = chain[0];
  const prepared = prepare(record, first?.target ?? '', first?.out ?? '', options.names);
  if (!prepared.ok) return prepared;
  const context = prepared.context;
  const replayed = replayChain(context, chain);
  if (!replayed.ok) return replayed;
  return { ok: true, result: context.order.map((target) => context.teams.get(target) as ResultEntry) };
}

type Context = {
  readonly seedBytes: Uint8Array;
  /** ssj-draw/2's team.minStaff; 1 for ssj-draw/1 (then only a leader's replacement must be staff). */
  readonly minStaff: number;
  readonly recordDigest: string;
  readonly inspectors: readonly InspectorEntry[];
  readonly byId: ReadonlyMap<string, InspectorEntry>;
  readonly excluded: ReadonlyMap<string, ReadonlySet<string>>;
  readonly order: readonly string[];
  /** The current team of each target; entries are replaced, never changed. */
  readonly teams: Map<string, ResultEntry>;
  /** Everyone substituted out of each target's team so far. */
  readonly removed: Map<string, string[]>;
  readonly names: DisplayNames | undefined;
};

type Failed = { readonly ok: false; readonly failure: SubstitutionFailure };

function fail(
  kind: SubstitutionFailure['kind'],
  message: string,
  target: string,
  out: string,
  more: Partial<SubstitutionFailure['details']> = {},
): Failed {
  return {
    ok: false,
    failure: {
      kind,
      message,
      details: {
        target,
        out,
        department: null,
        isLeader: false,
        issues: [],
        ineligible: [],
        removed: [],
        ...more,
      },
    },
  };
}

function prepare(
  record: DrawRecord | DrawInputs,
  target: string,
  out: string,
  names: DisplayNames | undefined,
): { readonly ok: true; readonly context: Context } | Failed {
  const checked = validateDrawRecord(record, { allowResult: true });
  if (!checked.ok) {
    const shown = checked.issues.slice(0, 3).map((issue) => issue.message);
    return fail('invalid-record', `抽取记录无效：${shown.join('；')}`, target, out, {
      issues: checked.issues,
    });
  }
  const drawn = drawValidated(checked.inputs, names);
  if (!drawn.ok) return fail('invalid-record', `抽取无法重算：${drawn.failure.message}`, target, out);
  if (Object.hasOwn(record, 'result')) {
    const given = (record as DrawRecord).result;
    if (!isSameResult(given, drawn.result)) {
      return fail(
        'invalid-record',
        `抽取记录中的 result 与按 ${checked.inputs.protocol} 重算的结果不一致，不能递补`,
        target,
        out,
      );
    }
  }
  const inputs = checked.inputs;
  const excluded = new Map<string, Set<string>>();
  for (const exclusion of inputs.team.exclusions) {
    const set = excluded.get(exclusion.target);
    if (set === undefined) excluded.set(exclusion.target, new Set([exclusion.inspector]));
    else set.add(exclusion.inspector);
  }
  return {
    ok: true,
    context: {
      seedBytes: hexToBytes(inputs.seed.hex),
      minStaff: inputs.team.minStaff ?? 1,
      recordDigest: drawn.recordDigest,
      inspectors: inputs.team.inspectors,
      byId: new Map(inputs.team.inspectors.map((p) => [p.id, p])),
      excluded,
      order: drawn.result.map((entry) => entry.target),
      teams: new Map(drawn.result.map((entry) => [entry.target, entry])),
      removed: new Map(),
      names,
    },
  };
}

function isSameResult(given: unknown, expected: readonly ResultEntry[]): boolean {
  if (!Array.isArray(given) || given.length !== expected.length) return false;
  return expected.every((entry, i) => {
    const other: unknown = given[i];
    if (typeof other !== 'object' || other === null) return false;
    const o = other as Partial<ResultEntry>;
    return (
      Object.keys(other).length === 4 &&
      o.target === entry.target &&
      o.stratum === entry.stratum &&
      o.leader === entry.leader &&
      Array.isArray(o.members) &&
      o.members.length === entry.members.length &&
      entry.members.every((id, j) => o.members?.[j] === id)
    );
  });
}

function replayChain(context: Context, chain: readonly SubstitutionRecord[]): { readonly ok: true } | Failed {
  for (let i = 0; i < chain.length; i++) {
    const item = chain[i] as SubstitutionRecord;
    const n = i + 1;
    const keys = ['protocol', 'draw', 'target', 'out', 'reason', 'replacement'];
    const isWellShaped =
      typeof item === 'object' &&
      item !== null &&
      Object.keys(item).length === keys.length &&
      keys.every((key) => typeof (item as Record<string, unknown>)[key] === 'string');
    if (!isWellShaped || item.protocol !== SUBSTITUTE_PROTOCOL) {
      return fail(
        'invalid-request',
        `第 ${n} 条递补记录格式不对：应为 ${SUBSTITUTE_PROTOCOL} 的六个字符串字段`,
        '',
        '',
      );
    }
    if (item.draw !== context.recordDigest) {
      return fail(
        'invalid-request',
        `第 ${n} 条递补记录不属于本次抽取（draw 应为 ${context.recordDigest}）`,
        item.target,
        item.out,
      );
    }
    const step = substituteOne(context, item.target, item.out);
    if (!step.ok) {
      return {
        ok: false,
        failure: { ...step.failure, message: `第 ${n} 条递补记录无法重放：${step.failure.message}` },
      };
    }
    if (step.replacement !== item.replacement) {
      return fail(
        'invalid-request',
        `第 ${n} 条递补记录的 replacement 应为 ${step.replacement}，记录为 ${item.replacement}`,
        item.target,
        item.out,
      );
    }
  }
  return { ok: true };
}

function checkRequest(request: SubstitutionRequest): DrawRecordIssue[] {
  const issues: DrawRecordIssue[] = [];
  for (const key of ['target', 'out', 'reason'] as const) {
    const value: unknown = request[key];
    if (typeof value !== 'string' || value === '') {
      issues.push({ path: key, code: 'empty', message: `递补的 ${key} 应为非空字符串` });
    } else if (!isWellFormedString(value) || value.trim() !== value || value.normalize('NFC') !== value) {
      issues.push({ path: key, code: 'not-nfc', message: `递补的 ${key} 应为 NFC 规范形式且首尾无空白` });
    }
  }
  return issues;
}

/**
 * §12 on §7: when `out` is staff and the team without `out` (leader included) holds fewer than
 * minStaff staff, the replacement must be staff too. Never true under ssj-draw/1 (minStaff 1: the
 * leader is staff and stays, or is `out` and is replaced by staff anyway).
 */
function isStaffNeeded(context: Context, entry: ResultEntry, out: string): boolean {
  if (context.byId.get(out)?.staff !== true) return false;
  let staff = 0;
  for (const id of entry.members) if (id !== out && context.byId.get(id)?.staff === true) staff += 1;
  return staff < context.minStaff;
}

/**
 * §7 for one substitution. On success it moves the context (private state made by `prepare`, never
 * a caller's value) on: the target's team and its removal list.
 */
function substituteOne(
  context: Context,
  target: string,
  out: string,
): { readonly ok: true; readonly replacement: string; readonly entry: ResultEntry } | Failed {
  const { names } = context;
  const shownTarget = displayName(names, target);
  const shownOut = displayName(names, out);
  const entry = context.teams.get(target);
  if (entry === undefined) {
    return fail('invalid-request', `检查对象 ${shownTarget} 不在本次抽取结果中，不能递补`, target, out);
  }
  const removed = context.removed.get(target) ?? [];
  if (!entry.members.includes(out)) {
    const why = removed.includes(out) ? '已被递补撤出' : '不在';
    return fail(
      'invalid-request',
      `${shownOut} ${why}检查对象 ${shownTarget} 的当前检查组，不能递补`,
      target,
      out,
      {
        removed,
      },
    );
  }
  const department = context.byId.get(out)?.department ?? '';
  const isLeader = entry.leader === out;
  const isStaffShort = isStaffNeeded(context, entry, out);
  const mustBeStaff = isLeader || isStaffShort;
  const excluded = context.excluded.get(target);
  const pool: string[] = [];
  const ineligible: IneligibleInspector[] = [];
  for (const p of context.inspectors) {
    if (p.department !== department || p.id === out) continue;
    const reasons: IneligibleReason[] = [];
    if (excluded?.has(p.id) === true) reasons.push('excluded');
    if (entry.members.includes(p.id)) reasons.push('already-chosen');
    if (removed.includes(p.id)) reasons.push('removed');
    if (mustBeStaff && !p.staff) reasons.push('not-staff');
    if (reasons.length === 0) pool.push(p.id);
    else ineligible.push({ inspector: p.id, reasons });
  }
  const nowRemoved = [...removed, out];
  if (pool.length === 0) {
    const role = isLeader
      ? '局部门工作人员（接任组长）'
      : isStaffShort
        ? `局部门工作人员（每个检查组至少 ${context.minStaff} 名）`
        : '人员';
    const why = describeIneligible(ineligible, names, 0);
    return fail(
      'no-replacement',
      `检查对象 ${shownTarget}：递补 ${shownOut} 需要 1 名${department}${role}，可选 0 名：` +
        (why === '' ? `${department}没有其他执法检查人员` : why),
      target,
      out,
      { department, isLeader, ineligible, removed: nowRemoved },
    );
  }
  const stream = createStream(context.seedBytes, `substitute/${target}/${out}`);
  const replacement = pool[uniform(stream, pool.length)] ?? '';
  const next: ResultEntry = {
    target: entry.target,
    stratum: entry.stratum,
    leader: isLeader ? replacement : entry.leader,
    members: entry.members.map((id) => (id === out ? replacement : id)),
  };
  context.teams.set(target, next);
  context.removed.set(target, nowRemoved);
  return { ok: true, replacement, entry: next };
}
