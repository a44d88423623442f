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
  StaffShortfallDetails,
} from './types';

/**
 * Makes the draw of ssj-draw/1 or ssj-draw/2 (the record's `protocol` selects): checks the inputs
 * (§1, §11, §12), draws the targets of every stratum (§5), then a team for every target (§6; under
 * ssj-draw/2 each phase first takes the staff the team still needs, §12), and digests the record (§2). The same inputs always give
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

type Failed = { readonly ok: false; readonly failure: DrawFailure };

/** Per-draw working state of §6, indexed like the roster; reset after each target. */
type TeamState = {
  readonly inputs: DrawInputs;
  readonly seedBytes: Uint8Array;
  readonly names: DisplayNames | undefined;
  readonly roster: Roster;
  readonly load: Int32Array;
  readonly isExcluded: Uint8Array;
  readonly isChosen: Uint8Array;
  readonly perDepartment: Int32Array;
  /** §12's minStaff; 1 for ssj-draw/1, where only the leader must be staff (so no phase takes staff). */
  readonly minStaff: number;
  /** The team of the current target, leader first, in draw order. */
  readonly chosen: number[];
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
    inputs,
    seedBytes,
    names,
    roster,
    load: new Int32Array(m),
    isExcluded: new Uint8Array(m),
    isChosen: new Uint8Array(m),
    perDepartment: new Int32Array(departments.length),
    minStaff: inputs.team.minStaff ?? 1,
    chosen: [],
  };
  const { load, isExcluded, isChosen, perDepartment, chosen } = state;
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
      return shortfall(state, selected, 'leader', 0, 1, leaders);
    }
    const leader = leaders[uniform(createStream(seedBytes, `team/${target}/leader`), leaders.length)] ?? 0;
    chosen.length = 0;
    perDepartment.fill(0);
    take(state, leader);

    // Step 3: each department's minimum, one phase each.
    for (let d = 0; d < departments.length; d++) {
      const need = (departments[d]?.min ?? 0) - (perDepartment[d] ?? 0);
      if (need <= 0) continue;
      const pool = eligible.filter((i) => roster.department[i] === d && isChosen[i] === 0);
      const label = `team/${target}/${departments[d]?.name ?? ''}`;
      const phase = drawPhase(state, selected, { slot: 'department', departmentIndex: d, n: need, pool, label });
      if (!phase.ok) return phase;
    }

    // Step 4: the rest of the team from any listed department, one phase.
    const extra = size - chosen.length;
    if (extra > 0) {
      const pool = eligible.filter((i) => isChosen[i] === 0);
      const phase = drawPhase(state, selected, {
        slot: 'extra',
        departmentIndex: -1,
        n: extra,
        pool,
        label: `team/${target}/extra`,
      });
      if (!phase.ok) return phase;
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

function take(state: TeamState, i: number): void {
  state.chosen.push(i);
  state.isChosen[i] = 1;
  const d = state.roster.department[i] ?? -1;
  if (d >= 0) state.perDepartment[d] = (state.perDepartment[d] ?? 0) + 1;
}

/** One phase of §6 steps 3–4 (a department's minimum, or the extra members), with §12's staff picks. */
type Phase = {
  readonly slot: 'department' | 'extra';
  /** -1 for `extra`. */
  readonly departmentIndex: number;
  /** The number of picks (need, or extra). */
  readonly n: number;
  /** Candidates in E's order. */
  readonly pool: readonly number[];
  readonly label: string;
};

/**
 * §12: the phase first takes m staff from its pool (label + "/staff") — the staff it must take so
 * that the slots left after it can still hold the staff the team needs — then the rest (label).
 * With m = 0 (always under ssj-draw/1) this is exactly §6's phase: same label, same picks.
 */
function drawPhase(state: TeamState, selected: SelectedTarget, phase: Phase): { readonly ok: true } | Failed {
  const { roster, inputs, seedBytes, chosen } = state;
  const { n, pool, label } = phase;
  if (pool.length < n) return shortfall(state, selected, phase.slot, phase.departmentIndex, n, pool);
  let staffChosen = 0;
  for (const i of chosen) staffChosen += roster.isStaff[i] ?? 0;
  const needStaff = state.minStaff - staffChosen;
  const r = inputs.team.size - chosen.length;
  const m = Math.max(0, needStaff - (r - n));
  let rest = pool;
  if (m > 0) {
    const staffPool = pool.filter((i) => roster.isStaff[i] === 1);
    if (staffPool.length < m) return staffShortfall(state, selected, phase, m, staffPool);
    const staffPicks = sample(staffPool, m, `${label}/staff`, seedBytes);
    for (const i of staffPicks) take(state, i);
    rest = pool.filter((i) => state.isChosen[i] === 0);
  }
  if (n - m > 0) {
    for (const i of sample(rest, n - m, label, seedBytes)) take(state, i);
  }
  return { ok: true };
}

/**
 * Everyone of the department (any department when `departmentIndex` < 0) who is not in `pool`,
 * with why; `isStaffOnly` limits the list to staff (a `too-few-staff` message lists only them).
 */
function listIneligible(
  state: TeamState,
  departmentIndex: number,
  pool: readonly number[],
  slot: ShortfallDetails['slot'],
  isStaffOnly: boolean,
): IneligibleInspector[] {
  const { roster, load, isExcluded, isChosen } = state;
  const cap = state.inputs.team.maxPerInspector;
  const inPool = new Set(pool);
  const ineligible: IneligibleInspector[] = [];
  roster.ids.forEach((id, i) => {
    if (inPool.has(i) || (departmentIndex >= 0 && roster.department[i] !== departmentIndex)) return;
    if (isStaffOnly && roster.isStaff[i] === 0) return;
    const reasons: IneligibleReason[] = [];
    if (isExcluded[i] === 1) reasons.push('excluded');
    if (cap > 0 && (load[i] ?? 0) >= cap) reasons.push('capped');
    if (slot === 'leader' && roster.isStaff[i] === 0) reasons.push('not-staff');
    if (isChosen[i] === 1) reasons.push('already-chosen');
    ineligible.push({ inspector: id, reasons });
  });
  return ineligible;
}

/**
 * The facts behind a slot's failure: who was in `pool` and, of the department (any for `extra`), who
 * was not and why; `isStaffOnly` lists only staff (a `too-few-staff` failure is about them).
 */
function shortfallDetails(
  state: TeamState,
  selected: SelectedTarget,
  slot: ShortfallDetails['slot'],
  departmentIndex: number,
  needed: number,
  pool: readonly number[],
  isStaffOnly: boolean,
): ShortfallDetails {
  const { roster, inputs } = state;
  return {
    target: selected.target,
    stratum: selected.stratum,
    slot,
    department: departmentIndex < 0 ? null : (inputs.team.departments[departmentIndex]?.name ?? null),
    needed,
    eligible: pool.length,
    eligibleInspectors: pool.map((i) => roster.ids[i] ?? ''),
    ineligible: listIneligible(state, departmentIndex, pool, slot, isStaffOnly),
  };
}

/** The failure of one team slot, with every person who could not fill it and why. */
function shortfall(
  state: TeamState,
  selected: SelectedTarget,
  slot: ShortfallDetails['slot'],
  departmentIndex: number,
  needed: number,
  pool: readonly number[],
): Failed {
  const { maxPerInspector: cap, size } = state.inputs.team;
  const details = shortfallDetails(state, selected, slot, departmentIndex, needed, pool, false);
  const kind = slot === 'leader' ? 'no-leader' : 'too-few-inspectors';
  return { ok: false, failure: { kind, message: shortfallMessage(details, size, cap, state.names), details } };
}

/** §12's `too-few-staff`: the phase had to take m staff and its pool held fewer. */
function staffShortfall(
  state: TeamState,
  selected: SelectedTarget,
  phase: Phase,
  m: number,
  staffPool: readonly number[],
): Failed {
  const details: StaffShortfallDetails = {
    ...shortfallDetails(state, selected, phase.slot, phase.departmentIndex, m, staffPool, true),
    slot: phase.slot,
    minStaff: state.minStaff,
  };
  const message = staffShortfallMessage(details, state.inputs.team.maxPerInspector, state.names);
  return { ok: false, failure: { kind: 'too-few-staff', message, details } };
}

function staffShortfallMessage(
  details: StaffShortfallDetails,
  cap: number,
  names: DisplayNames | undefined,
): string {
  const target = `检查对象 ${displayName(names, details.target)}`;
  const why = describeIneligible(details.ineligible, names, cap);
  const where =
    details.slot === 'department' ? `抽取${details.department ?? ''}人员时` : '补足其余组员（不限部门）时';
  const none = details.slot === 'department' ? `${details.department ?? ''}没有其他局部门工作人员` : '没有其他局部门工作人员';
  return (
    `${target}：每个检查组至少要有 ${details.minStaff} 名局部门工作人员，${where}须抽 ${details.needed} 名局部门工作人员，` +
    `可选 ${details.eligible} 名：${why === '' ? none : why}`
  );
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
function recordHead(protocol: string): string {
  return `{"protocol":${JSON.stringify(protocol)},`;
}

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
  const start = recordHead(inputs.protocol);
  if (!inputsText.startsWith(start)) throw new Error('digestRecord: unexpected canonical head');
  const inputsBytes = encodeUtf8(inputsText);
  const resultText = writeResultText(result);
  const resultMember = `"result":${resultText},`;
  const head = start.length; // ASCII, so bytes = characters
  const recordDigest = sha256
    .create()
    .update(inputsBytes.subarray(0, head))
    .update(encodeUtf8(resultMember))
    .update(inputsBytes.subarray(head))
    .digest();
  return {
    inputDigest: bytesToHex(sha256(inputsBytes)),
    recordDigest: bytesToHex(recordDigest),
    recordText: start + resultMember + inputsText.slice(head),
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
