import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { encodeUtf8 } from './_lib/utf8';
import { canonicalJson } from './canonicalJson';
import { createStream, sample, uniform } from './createStream';
import { validateDrawRecord } from './validateDrawRecord';
import { describeIneligible, displayName } from './_lib/failureText';
import type {
  DisplayNames,
  DrawFailure,
  DrawInputs,
  DrawOptions,
  DrawOutcome,
  DrawRecord,
  DrawRecordIssue,
  IneligibleInspector,
  IneligibleReason,
  ResultEntry,
  ShortfallDetails,
} from './types';

/**
 * Makes the draw of ssj-draw/1: checks the inputs (§1, §11), draws the targets of every stratum
 * (§5), then a team for every target (§6), and digests the record (§2). The same inputs always give
 * the same result. When anything stands in the way the outcome is a failure with a Chinese message
 * and structured details, never a partial result.
 *
 * @param inputs - the draw record without `result` (checked at run time, so parsed JSON is fine)
 * @param options - `names`: id → display name, used in failure messages instead of ids
 * @returns `{ ok: true, result, inputDigest, recordDigest, record }` or `{ ok: false, failure }`
 * @example
 * const outcome = runDraw(inputs);
 * if (outcome.ok) outcome.result[0] // { target: '91130500000000022X', stratum: '定点医疗机构', leader: 'YB0005', members: ['YB0005', 'YB0001'] }
 * else outcome.failure.message   // '检查对象 t1：需要 1 名市场监督管理局人员，可选 0 名：SJ0001 已排除（回避等）'
 */
export function runDraw(inputs: DrawInputs, options: DrawOptions = {}): DrawOutcome {
  const checked = validateDrawRecord(inputs);
  if (!checked.ok) return { ok: false, failure: invalidRecordFailure(checked.issues) };
  const drawn = drawValidated(checked.inputs, options.names);
  if (!drawn.ok) return drawn;
  const { result, inputDigest, recordDigest, record } = drawn;
  return { ok: true, result, inputDigest, recordDigest, record };
}

/** A successful draw with the canonical text of the complete record (private to the draw modules). */
export type ValidatedDraw = {
  readonly ok: true;
  readonly result: readonly ResultEntry[];
  readonly inputDigest: string;
  readonly recordDigest: string;
  readonly record: DrawRecord;
  /** canonical(record) */
  readonly recordText: string;
  /** canonical(result) */
  readonly resultText: string;
};

/**
 * Runs §5 and §6 on inputs that already passed validation, and digests the record (private to the
 * draw modules: replayRecord and substitute validate once and call this).
 *
 * @param inputs - validated inputs
 * @param names - display names for failure messages
 * @returns the draw with `recordText` and `resultText`, or the failure
 * @example
 * drawValidated(checked.inputs, undefined) // { ok: true, result: […], recordText: '{"protocol":…}', … }
 */
export function drawValidated(
  inputs: DrawInputs,
  names: DisplayNames | undefined,
): ValidatedDraw | { readonly ok: false; readonly failure: DrawFailure } {
  const seedBytes = hexToBytes(inputs.seed.hex);
  const targets = drawTargets(inputs, seedBytes);
  const teams = drawTeams(inputs, targets, seedBytes, names);
  if (!teams.ok) return teams;
  const result = teams.result;
  const record: DrawRecord = { ...inputs, result };
  return { ok: true, result, record, ...digestRecord(inputs, result) };
}

/**
 * The failure for an invalid record; the message names the first three problems.
 *
 * @param issues - the validation issues
 * @returns an `invalid-record` failure with the issues as details
 * @example
 * invalidRecordFailure([{ path: 'seed.hex', code: 'bad-seed-hex', message: 'seed.hex 应为…' }]).message // '抽取记录无效：seed.hex 应为…'
 */
export function invalidRecordFailure(issues: readonly DrawRecordIssue[]): DrawFailure {
  const shown = issues.slice(0, 3).map((issue) => issue.message);
  const more = issues.length > shown.length ? `；等 ${issues.length} 处问题` : '';
  return { kind: 'invalid-record', message: `抽取记录无效：${shown.join('；')}${more}`, details: { issues } };
}

type SelectedTarget = { readonly target: string; readonly stratum: string };

function drawTargets(inputs: DrawInputs, seedBytes: Uint8Array): SelectedTarget[] {
  const selected: SelectedTarget[] = [];
  for (const stratum of inputs.strata) {
    const n = stratum.candidates.length;
    // Rounded up in integers: 1 basis point of a one-candidate stratum still draws it (§11).
    const k = Math.floor((n * stratum.basisPoints + 9999) / 10000);
    const picks = sample(stratum.candidates, k, `targets/${stratum.name}`, seedBytes);
    for (const target of picks) selected.push({ target, stratum: stratum.name });
  }
  return selected;
}

/** Inspector facts by index (the inspectors' sorted order), so that each step is a flat scan. */
type Roster = {
  readonly ids: readonly string[];
  readonly department: Int32Array;
  readonly isStaff: Uint8Array;
  /** Inspector indexes excluded per target; exclusions naming unknown people are dropped. */
  readonly excluded: ReadonlyMap<string, readonly number[]>;
};

function buildRoster(inputs: DrawInputs): Roster {
  const { inspectors, departments, exclusions } = inputs.team;
  const departmentIndex = new Map(departments.map((d, i) => [d.name, i]));
  const inspectorIndex = new Map(inspectors.map((p, i) => [p.id, i]));
  const department = new Int32Array(inspectors.length);
  const isStaff = new Uint8Array(inspectors.length);
  inspectors.forEach((p, i) => {
    department[i] = departmentIndex.get(p.department) ?? -1;
    isStaff[i] = p.staff ? 1 : 0;
  });
  const excluded = new Map<string, number[]>();
  for (const { target, inspector } of exclusions) {
    const index = inspectorIndex.get(inspector);
    if (index === undefined) continue;
    const list = excluded.get(target);
    if (list === undefined) excluded.set(target, [index]);
    else list.push(index);
  }
  return { ids: inspectors.map((p) => p.id), department, isStaff, excluded };
}

type TeamsOutcome =
  | { readonly ok: true; readonly result: ResultEntry[] }
  | { readonly ok: false; readonly failure: DrawFailure };

/** Per-draw working state of §6, indexed like the roster; reset after each target. */
type TeamState = {
  readonly roster: Roster;
  readonly load: Int32Array;
  readonly isExcluded: Uint8Array;
  readonly isChosen: Uint8Array;
  readonly perDepartment: Int32Array;
};

function drawTeams(
  inputs: DrawInputs,
  targets: readonly SelectedTarget[],
  seedBytes: Uint8Array,
  names: DisplayNames | undefined,
): TeamsOutcome {
  const { size, departments, maxPerInspector: cap } = inputs.team;
  const roster = buildRoster(inputs);
  const m = roster.ids.length;
  const state: TeamState = {
    roster,
    load: new Int32Array(m),
    isExcluded: new Uint8Array(m),
    isChosen: new Uint8Array(m),
    perDepartment: new Int32Array(departments.length),
  };
  const { load, isExcluded, isChosen, perDepartment } = state;
  const result: ResultEntry[] = [];
  const noExclusions: readonly number[] = [];

  for (const selected of targets) {
    const { target } = selected;
    const excludedHere = roster.excluded.get(target) ?? noExclusions;
    for (const i of excludedHere) isExcluded[i] = 1;

    // Step 1: E, in inspector order; step 2's L along the way.
    const eligible: number[] = [];
    const leaders: number[] = [];
    for (let i = 0; i < m; i++) {
      if (isExcluded[i] === 1 || (cap > 0 && (load[i] ?? 0) >= cap)) continue;
      eligible.push(i);
      if (roster.department[i] === 0 && roster.isStaff[i] === 1) leaders.push(i);
    }

    // Step 2: the leader, a staff member of the lead department.
    if (leaders.length === 0) {
      return shortfall(state, inputs, selected, 'leader', 0, 1, leaders, names);
    }
    const leader = leaders[uniform(createStream(seedBytes, `team/${target}/leader`), leaders.length)] ?? 0;
    const chosen = [leader];
    isChosen[leader] = 1;
    perDepartment.fill(0);
    perDepartment[0] = 1;

    // Step 3: each department's minimum.
    for (let d = 0; d < departments.length; d++) {
      const need = (departments[d]?.min ?? 0) - (perDepartment[d] ?? 0);
      if (need <= 0) continue;
      const pool = eligible.filter((i) => roster.department[i] === d && isChosen[i] === 0);
      if (pool.length < need) {
        return shortfall(state, inputs, selected, 'department', d, need, pool, names);
      }
      for (const i of sample(pool, need, `team/${target}/${departments[d]?.name ?? ''}`, seedBytes)) {
        chosen.push(i);
        isChosen[i] = 1;
        perDepartment[d] = (perDepartment[d] ?? 0) + 1;
      }
    }

    // Step 4: the rest of the team from any listed department.
    const extra = size - chosen.length;
    if (extra > 0) {
      const pool = eligible.filter((i) => isChosen[i] === 0);
      if (pool.length < extra) {
        return shortfall(state, inputs, selected, 'extra', -1, extra, pool, names);
      }
      for (const i of sample(pool, extra, `team/${target}/extra`, seedBytes)) {
        chosen.push(i);
        isChosen[i] = 1;
      }
    }

    // Step 5.
    const members: string[] = [];
    for (const i of chosen) {
      load[i] = (load[i] ?? 0) + 1;
      isChosen[i] = 0;
      members.push(roster.ids[i] ?? '');
    }
    for (const i of excludedHere) isExcluded[i] = 0;
    result.push({ target, stratum: selected.stratum, leader: members[0] ?? '', members });
  }
  return { ok: true, result };
}

/** The failure of one team slot, with every person who could not fill it and why. */
function shortfall(
  state: TeamState,
  inputs: DrawInputs,
  selected: SelectedTarget,
  slot: ShortfallDetails['slot'],
  departmentIndex: number,
  needed: number,
  pool: readonly number[],
  names: DisplayNames | undefined,
): TeamsOutcome {
  const { roster, load, isExcluded, isChosen } = state;
  const { departments, maxPerInspector: cap, size } = inputs.team;
  const inPool = new Set(pool);
  const ineligible: IneligibleInspector[] = [];
  roster.ids.forEach((id, i) => {
    if (inPool.has(i) || (departmentIndex >= 0 && roster.department[i] !== departmentIndex)) return;
    const reasons: IneligibleReason[] = [];
    if (isExcluded[i] === 1) reasons.push('excluded');
    if (cap > 0 && (load[i] ?? 0) >= cap) reasons.push('capped');
    if (slot === 'leader' && roster.isStaff[i] === 0) reasons.push('not-staff');
    if (isChosen[i] === 1) reasons.push('already-chosen');
    ineligible.push({ inspector: id, reasons });
  });
  const details: ShortfallDetails = {
    target: selected.target,
    stratum: selected.stratum,
    slot,
    department: departmentIndex < 0 ? null : (departments[departmentIndex]?.name ?? null),
    needed,
    eligible: pool.length,
    eligibleInspectors: pool.map((i) => roster.ids[i] ?? ''),
    ineligible,
  };
  const kind = slot === 'leader' ? 'no-leader' : 'too-few-inspectors';
  return { ok: false, failure: { kind, message: shortfallMessage(details, size, cap, names), details } };
}

function shortfallMessage(
  details: ShortfallDetails,
  size: number,
  cap: number,
  names: DisplayNames | undefined,
): string {
  const target = `检查对象 ${displayName(names, details.target)}`;
  const why = describeIneligible(details.ineligible, names, cap);
  const department = details.department ?? '';
  switch (details.slot) {
    case 'leader':
      return (
        `${target}：需要 1 名${department}（牵头单位）局部门工作人员任组长，可选 0 名：` +
        (why === '' ? `${department}没有登记执法检查人员` : why)
      );
    case 'department':
      return (
        `${target}：需要 ${details.needed} 名${department}人员，可选 ${details.eligible} 名：` +
        (why === '' ? `${department}没有其他执法检查人员` : why)
      );
    case 'extra':
      return (
        `${target}：检查组共 ${size} 人，还需 ${details.needed} 名（不限部门），可选 ${details.eligible} 名：` +
        (why === '' ? '没有其他执法检查人员' : why)
      );
  }
}

/** The canonical text of a record starts with this: "protocol" is the first key in code-unit order. */
const RECORD_HEAD = `{"protocol":"ssj-draw/1",`;

/**
 * Digests inputs and the complete record without canonicalising or encoding the (possibly
 * million-id) inputs twice: "result" sorts right after "protocol", so the record's canonical text
 * is the inputs' text with `"result":…,` spliced in after the head.
 */
function digestRecord(
  inputs: DrawInputs,
  result: readonly ResultEntry[],
): { inputDigest: string; recordDigest: string; recordText: string; resultText: string } {
  const inputsText = canonicalJson(inputs);
  if (!inputsText.startsWith(RECORD_HEAD)) throw new Error('digestRecord: unexpected canonical head');
  const inputsBytes = encodeUtf8(inputsText);
  const resultText = writeResultText(result);
  const resultMember = `"result":${resultText},`;
  const head = RECORD_HEAD.length; // ASCII, so bytes = characters
  const recordDigest = sha256
    .create()
    .update(inputsBytes.subarray(0, head))
    .update(encodeUtf8(resultMember))
    .update(inputsBytes.subarray(head))
    .digest();
  return {
    inputDigest: bytesToHex(sha256(inputsBytes)),
    recordDigest: bytesToHex(recordDigest),
    recordText: RECORD_HEAD + resultMember + inputsText.slice(head),
    resultText,
  };
}

/**
 * canonical(result) without the generic writer: the entries are ours, with validated ids, and
 * their keys in code-unit order are leader, members, stratum, target. A test holds it equal to
 * canonicalJson(result).
 */
function writeResultText(result: readonly ResultEntry[]): string {
  const parts = result.map(
    (entry) =>
      `{"leader":${JSON.stringify(entry.leader)},"members":${JSON.stringify(entry.members)},` +
      `"stratum":${JSON.stringify(entry.stratum)},"target":${JSON.stringify(entry.target)}}`,
  );
  return `[${parts.join(',')}]`;
}
