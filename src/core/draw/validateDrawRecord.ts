import { compareCodePoints } from './compareCodePoints';
import { publicTextHex } from './_lib/publicTextHex';
import { isPlainId, isWellFormedString, quote } from './_lib/text';
import type { DrawInputs, DrawRecordIssue, DrawRecordIssueCode } from './types';

/** Options of {@link validateDrawRecord}. */
export type ValidateDrawRecordOptions = {
  /** Accept a `result` field (a complete record); it is not checked and is left out of `inputs`. */
  readonly allowResult?: boolean;
};

/** Outcome of {@link validateDrawRecord}. */
export type DrawRecordValidation =
  | { readonly ok: true; readonly inputs: DrawInputs }
  | { readonly ok: false; readonly issues: readonly DrawRecordIssue[] };

/**
 * Checks a draw record's inputs against ssj-draw/1 §1 and §11 (and §12 for ssj-draw/2: `team.minStaff`
 * present, an integer from 1 to `team.size`; absent from a `/1` record): exact keys, clean strings (NFC,
 * trimmed, well formed), integers in range, ids without "/", unique names, lists sorted by code
 * point without duplicates, departments that exist, a public seed whose `hex` matches its `text`.
 * Problems come back as data with the field's path and a Chinese message; nothing is thrown.
 *
 * @param record - parsed JSON of a record (without `result`, unless `allowResult`)
 * @param options - see {@link ValidateDrawRecordOptions}
 * @returns `{ ok: true, inputs }` (the record without `result`, not copied deeper) or `{ ok: false, issues }`
 * @example
 * validateDrawRecord({ ...inputs, strata: [{ name: 'A', basisPoints: 500, candidates: ['b', 'a'] }] })
 * // { ok: false, issues: [{ path: 'strata[0].candidates', code: 'not-sorted',
 * //   message: 'strata[0].candidates 未按码点升序排列：第 1 项 "a" 应排在第 0 项 "b" 之前' }] }
 */
export function validateDrawRecord(
  record: unknown,
  options: ValidateDrawRecordOptions = {},
): DrawRecordValidation {
  const allowResult = options.allowResult ?? false;
  const issues = collectRecordIssues(record, { allowResult, seedMode: 'revealed' });
  if (issues.length > 0) return { ok: false, issues };
  const { protocol, task, seed, strata, team } = record as DrawInputs;
  return { ok: true, inputs: { protocol, task, seed, strata, team } };
}

/** The protocol name of a record without a staff minimum (ssj-draw/1). */
export const DRAW_PROTOCOL = 'ssj-draw/1';

/** The protocol name of a record whose teams hold at least `team.minStaff` staff (spec §12). */
export const DRAW_PROTOCOL_V2 = 'ssj-draw/2';

/** Every protocol name a record may carry; the name selects the rules. */
export const DRAW_PROTOCOLS: readonly string[] = [DRAW_PROTOCOL, DRAW_PROTOCOL_V2];

const MAX_ISSUES = 100;
const RESERVED_DEPARTMENT_NAMES = new Set(['leader', 'extra']);
const SEED_HEX = /^[0-9a-f]{64}$/;
/** Marks a list entry whose absence has been reported already. */
const ABSENT: unique symbol = Symbol('absent');

type CollectOptions = {
  readonly allowResult: boolean;
  /** `commitment`: the seed must be public and may lack `text` and `hex`. */
  readonly seedMode: 'revealed' | 'commitment';
};

type Collector = {
  readonly issues: DrawRecordIssue[];
  dropped: number;
};

type Fields = Record<string, unknown>;

/**
 * The issues of a record (private to the draw modules; see {@link validateDrawRecord}).
 * At most 100 are listed; a last `too-many-issues` entry counts the rest.
 *
 * @param record - parsed JSON of a record
 * @param options - whether `result` is allowed, and whether the seed may be a pending public one
 * @returns the issues, empty when the record is valid
 * @example
 * collectRecordIssues({ protocol: 'ssj-draw/1' }, { allowResult: false, seedMode: 'revealed' }) // [{ path: 'task', code: 'missing-field', … }, …]
 */
export function collectRecordIssues(record: unknown, options: CollectOptions): DrawRecordIssue[] {
  const c: Collector = { issues: [], dropped: 0 };
  checkRecord(c, record, options);
  if (c.dropped > 0) {
    c.issues.push({ path: '', code: 'too-many-issues', message: `另有 ${c.dropped} 处问题未列出` });
  }
  return c.issues;
}

function add(c: Collector, path: string, code: DrawRecordIssueCode, message: string): void {
  if (c.issues.length >= MAX_ISSUES) c.dropped += 1;
  else c.issues.push({ path, code, message });
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Checks that `value` is an object with exactly the given keys; returns it or undefined. */
function checkObject(
  c: Collector,
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Fields | undefined {
  if (!isFields(value)) {
    add(
      c,
      path,
      path === '' ? 'not-object' : 'wrong-type',
      `${path === '' ? '抽取记录' : path} 应为 JSON 对象`,
    );
    return undefined;
  }
  for (const key of required) {
    if (!Object.hasOwn(value, key)) add(c, join(path, key), 'missing-field', `缺少字段 ${join(path, key)}`);
  }
  for (const key of Object.keys(value)) {
    if (!required.includes(key) && !optional.includes(key)) {
      add(c, join(path, key), 'unknown-field', `${join(path, key)} 是未知字段`);
    }
  }
  return value;
}

type StringRule = {
  /** Empty allowed (task values). */
  readonly allowEmpty?: boolean;
  /** An id or name used in stream labels: no "/". */
  readonly isLabelPart?: boolean;
};

/** Checks a string field; returns true when it is a string (even with other problems). */
function checkString(c: Collector, value: unknown, path: string, rule: StringRule = {}): value is string {
  if (typeof value !== 'string') {
    add(c, path, 'wrong-type', `${path} 应为字符串`);
    return false;
  }
  if (isPlainId(value)) return true;
  if (value === '') {
    if (rule.allowEmpty !== true) add(c, path, 'empty', `${path} 不能为空`);
    return true;
  }
  if (!isWellFormedString(value)) {
    add(c, path, 'ill-formed-string', `${path} 含孤立的代理项，不是合法的 Unicode 文本`);
    return true;
  }
  if (value.trim() !== value) add(c, path, 'untrimmed', `${path} 首尾有空白：${quote(value)}`);
  if (value.normalize('NFC') !== value)
    add(c, path, 'not-nfc', `${path} 不是 Unicode NFC 规范形式：${quote(value)}`);
  if (rule.isLabelPart === true && value.includes('/')) {
    add(c, path, 'contains-slash', `${path} 不能含 "/"：${quote(value)}`);
  }
  return true;
}

/** Checks an integer field in [min, max]; returns the value when it is an integer. */
function checkInteger(
  c: Collector,
  value: unknown,
  path: string,
  min: number,
  max: number,
): number | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    add(c, path, 'not-integer', `${path} 应为整数`);
    return undefined;
  }
  if (value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `在 ${min} 到 ${max} 之间`;
    add(c, path, 'out-of-range', `${path} 应${range}，实为 ${value}`);
    return undefined;
  }
  return value;
}

function checkArray(c: Collector, value: unknown, path: string): readonly unknown[] | undefined {
  if (!Array.isArray(value)) {
    add(c, path, 'wrong-type', `${path} 应为数组`);
    return undefined;
  }
  return value;
}

function checkRecord(c: Collector, record: unknown, options: CollectOptions): void {
  const required = ['protocol', 'task', 'seed', 'strata', 'team'];
  if (isFields(record) && Object.hasOwn(record, 'result') && !options.allowResult) {
    add(c, 'result', 'result-present', 'result 不应出现在抽取输入中：结果由抽取产生');
  }
  const top = checkObject(c, record, '', required, ['result']);
  if (top === undefined) return;
  const isKnownProtocol = typeof top.protocol === 'string' && DRAW_PROTOCOLS.includes(top.protocol);
  if (Object.hasOwn(top, 'protocol') && !isKnownProtocol) {
    add(c, 'protocol', 'wrong-protocol', `protocol 应为 "${DRAW_PROTOCOL}" 或 "${DRAW_PROTOCOL_V2}"`);
  }
  if (Object.hasOwn(top, 'task')) checkTask(c, top.task);
  if (Object.hasOwn(top, 'seed')) checkSeed(c, top.seed, options.seedMode);
  if (Object.hasOwn(top, 'strata')) checkStrata(c, top.strata);
  // An unknown protocol is reported once; the team is then read by /1's keys.
  if (Object.hasOwn(top, 'team')) checkTeam(c, top.team, top.protocol === DRAW_PROTOCOL_V2);
}

function checkTask(c: Collector, value: unknown): void {
  const keys = ['planNo', 'taskNo', 'planName', 'taskName'];
  const task = checkObject(c, value, 'task', keys);
  if (task === undefined) return;
  for (const key of keys) {
    if (Object.hasOwn(task, key)) checkString(c, task[key], `task.${key}`, { allowEmpty: true });
  }
}

function checkSeed(c: Collector, value: unknown, mode: CollectOptions['seedMode']): void {
  if (!isFields(value)) {
    add(c, 'seed', 'wrong-type', 'seed 应为 JSON 对象');
    return;
  }
  const source = value.source;
  if (mode === 'commitment' && source !== 'public') {
    add(c, 'seed.source', 'wrong-type', 'seed.source 应为 "public"：只有公开种子需要承诺');
    return;
  }
  if (source === 'local') {
    const seed = checkObject(c, value, 'seed', ['source', 'hex']);
    if (seed !== undefined && Object.hasOwn(seed, 'hex')) checkSeedHex(c, seed.hex);
    return;
  }
  if (source !== 'public') {
    add(c, 'seed.source', 'wrong-type', 'seed.source 应为 "local" 或 "public"');
    return;
  }
  const seed =
    mode === 'commitment'
      ? checkObject(c, value, 'seed', ['source'], ['announcement', 'text', 'hex'])
      : checkObject(c, value, 'seed', ['source', 'text', 'hex'], ['announcement']);
  if (seed === undefined) return;
  if (Object.hasOwn(seed, 'announcement')) checkString(c, seed.announcement, 'seed.announcement');
  const hasText = Object.hasOwn(seed, 'text') && checkString(c, seed.text, 'seed.text');
  const hasHex = Object.hasOwn(seed, 'hex') && checkSeedHex(c, seed.hex);
  if (mode === 'commitment' && Object.hasOwn(seed, 'text') !== Object.hasOwn(seed, 'hex')) {
    add(c, 'seed', 'missing-field', 'seed.text 与 seed.hex 应同时给出或同时省略');
  }
  if (hasText && hasHex && publicTextHex(seed.text as string) !== seed.hex) {
    add(
      c,
      'seed.hex',
      'seed-mismatch',
      'seed.hex 与 seed.text 推算出的值不一致（应为 SHA-256(NFC 规范化并去除首尾空白后的 text)）',
    );
  }
}

function checkSeedHex(c: Collector, hex: unknown): boolean {
  if (typeof hex !== 'string' || !SEED_HEX.test(hex)) {
    add(c, 'seed.hex', 'bad-seed-hex', 'seed.hex 应为 64 个小写十六进制字符（32 字节）');
    return false;
  }
  return true;
}

function checkStrata(c: Collector, value: unknown): void {
  const strata = checkArray(c, value, 'strata');
  if (strata === undefined) return;
  if (strata.length === 0) add(c, 'strata', 'empty', 'strata 不能为空：至少要有一个层');
  const names = new Map<string, number>();
  const lists: (readonly unknown[] | undefined)[] = [];
  strata.forEach((item, i) => {
    const path = `strata[${i}]`;
    const stratum = checkObject(c, item, path, ['name', 'basisPoints', 'candidates']);
    lists.push(undefined);
    if (stratum === undefined) return;
    if (
      Object.hasOwn(stratum, 'name') &&
      checkString(c, stratum.name, `${path}.name`, { isLabelPart: true })
    ) {
      const first = names.get(stratum.name);
      if (first === undefined) names.set(stratum.name, i);
      else
        add(
          c,
          `${path}.name`,
          'duplicate',
          `${path}.name ${quote(stratum.name)} 与 strata[${first}].name 重复`,
        );
    }
    if (Object.hasOwn(stratum, 'basisPoints'))
      checkInteger(c, stratum.basisPoints, `${path}.basisPoints`, 0, 10000);
    if (Object.hasOwn(stratum, 'candidates')) {
      const candidates = checkArray(c, stratum.candidates, `${path}.candidates`);
      if (candidates !== undefined) {
        checkSortedIds(c, candidates, `${path}.candidates`);
        lists[i] = candidates;
      }
    }
  });
  checkDisjoint(c, lists);
}

/**
 * Checks each id and that the list is strictly ascending by code point. `suffix` names the id
 * inside an entry (`.id` for inspectors); entries that are ABSENT are skipped. Plain ASCII ids
 * (nearly all) skip the string checks, and two of them compare natively, where UTF-16 order and
 * code-point order agree: this loop runs over every candidate.
 */
function checkSortedIds(c: Collector, ids: readonly unknown[], path: string, suffix = ''): void {
  let previous: string | undefined;
  let isPreviousPlain = false;
  let previousIndex = -1;
  let reportedOrder = false;
  let reportedDuplicate = false;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id === ABSENT) continue;
    const isPlain = typeof id === 'string' && isPlainId(id);
    if (!isPlain && !checkString(c, id, `${path}[${i}]${suffix}`, { isLabelPart: true })) continue;
    const current = id as string;
    if (previous !== undefined) {
      const order =
        isPlain && isPreviousPlain
          ? compareNatively(previous, current)
          : compareCodePoints(previous, current);
      if (order === 0 && !reportedDuplicate) {
        reportedDuplicate = true;
        add(
          c,
          path,
          'duplicate',
          `${path} 有重复的 id ${quote(current)}（第 ${previousIndex} 项与第 ${i} 项）`,
        );
      } else if (order > 0 && !reportedOrder) {
        reportedOrder = true;
        add(
          c,
          path,
          'not-sorted',
          `${path} 未按码点升序排列：第 ${i} 项 ${quote(current)} 应排在第 ${previousIndex} 项 ${quote(previous)} 之前`,
        );
      }
    }
    previous = current;
    isPreviousPlain = isPlain;
    previousIndex = i;
  }
}

function compareNatively(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A target id may appear in one stratum only. The largest list is only looked up, never indexed. */
function checkDisjoint(c: Collector, lists: readonly (readonly unknown[] | undefined)[]): void {
  if (lists.filter((list) => list !== undefined).length < 2) return;
  let largest = -1;
  lists.forEach((list, i) => {
    if (list !== undefined && (largest < 0 || list.length > (lists[largest]?.length ?? 0))) largest = i;
  });
  const seen = new Map<string, { readonly stratum: number; readonly index: number }>();
  const report = (later: number, index: number, earlier: number, id: string): void => {
    const path = `strata[${later}].candidates[${index}]`;
    add(
      c,
      path,
      'duplicate',
      `${path} ${quote(id)} 已在 strata[${earlier}] 中出现：一个检查对象只能属于一个层`,
    );
  };
  const visit = (i: number, isIndexed: boolean): void => {
    const list = lists[i];
    if (list === undefined) return;
    for (let j = 0; j < list.length; j++) {
      const id = list[j];
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      if (first === undefined) {
        if (isIndexed) seen.set(id, { stratum: i, index: j });
      } else if (first.stratum < i) {
        report(i, j, first.stratum, id);
      } else if (first.stratum > i) {
        report(first.stratum, first.index, i, id);
      }
    }
  };
  lists.forEach((_, i) => {
    if (i !== largest) visit(i, true);
  });
  visit(largest, false);
}

const TEAM_KEYS = ['size', 'departments', 'maxPerInspector', 'inspectors', 'exclusions'];

/** `hasMinStaff`: the record is ssj-draw/2, whose team must have `minStaff` (and a /1 team must not). */
function checkTeam(c: Collector, value: unknown, hasMinStaff: boolean): void {
  const team = hasMinStaff
    ? checkObject(c, value, 'team', [...TEAM_KEYS, 'minStaff'])
    : checkObject(c, value, 'team', TEAM_KEYS, ['minStaff']);
  if (team === undefined) return;
  if (!hasMinStaff && Object.hasOwn(team, 'minStaff')) {
    add(
      c,
      'team.minStaff',
      'unknown-field',
      `team.minStaff 只能出现在 "${DRAW_PROTOCOL_V2}" 记录中（"${DRAW_PROTOCOL}" 记录不得有此字段）`,
    );
  }
  const departments = Object.hasOwn(team, 'departments') ? checkDepartments(c, team.departments) : undefined;
  let size: number | undefined;
  if (Object.hasOwn(team, 'size')) {
    size = checkInteger(c, team.size, 'team.size', 1, Number.MAX_SAFE_INTEGER);
    if (size !== undefined && departments !== undefined && size < departments.minSum) {
      add(
        c,
        'team.size',
        'out-of-range',
        `team.size（${size}）小于各部门最少人数之和（${departments.minSum}）`,
      );
    }
  }
  if (hasMinStaff && Object.hasOwn(team, 'minStaff')) {
    // §12: 1 ≤ minStaff ≤ size; the upper bound is only known when size is valid.
    checkInteger(c, team.minStaff, 'team.minStaff', 1, size ?? Number.MAX_SAFE_INTEGER);
  }
  if (Object.hasOwn(team, 'maxPerInspector')) {
    checkInteger(c, team.maxPerInspector, 'team.maxPerInspector', 0, Number.MAX_SAFE_INTEGER);
  }
  if (Object.hasOwn(team, 'inspectors')) checkInspectors(c, team.inspectors, departments?.names);
  if (Object.hasOwn(team, 'exclusions')) checkExclusions(c, team.exclusions);
}

/** Returns the department names and the sum of the minimums (when all are valid). */
function checkDepartments(c: Collector, value: unknown): { names: Set<string>; minSum: number } | undefined {
  const list = checkArray(c, value, 'team.departments');
  if (list === undefined) return undefined;
  if (list.length === 0) add(c, 'team.departments', 'empty', 'team.departments 不能为空：至少要有牵头单位');
  const names = new Set<string>();
  let minSum = 0;
  let isComplete = true;
  list.forEach((item, i) => {
    const path = `team.departments[${i}]`;
    const department = checkObject(c, item, path, ['name', 'min']);
    if (department === undefined) {
      isComplete = false;
      return;
    }
    const name = department.name;
    if (Object.hasOwn(department, 'name') && checkString(c, name, `${path}.name`, { isLabelPart: true })) {
      if (RESERVED_DEPARTMENT_NAMES.has(name)) {
        add(
          c,
          `${path}.name`,
          'reserved-name',
          `${path}.name 不能是 "leader" 或 "extra"（随机流名称会冲突）`,
        );
      }
      if (names.has(name)) add(c, `${path}.name`, 'duplicate', `${path}.name ${quote(name)} 重复`);
      names.add(name);
    }
    const min = Object.hasOwn(department, 'min')
      ? checkInteger(c, department.min, `${path}.min`, i === 0 ? 1 : 0, Number.MAX_SAFE_INTEGER)
      : undefined;
    if (min === undefined) isComplete = false;
    else minSum += min;
  });
  return isComplete ? { names, minSum } : { names, minSum: 0 };
}

function checkInspectors(c: Collector, value: unknown, departments: ReadonlySet<string> | undefined): void {
  const list = checkArray(c, value, 'team.inspectors');
  if (list === undefined) return;
  const ids: unknown[] = [];
  list.forEach((item, i) => {
    const path = `team.inspectors[${i}]`;
    const inspector = checkObject(c, item, path, ['id', 'department', 'staff']);
    ids.push(inspector !== undefined && Object.hasOwn(inspector, 'id') ? inspector.id : ABSENT);
    if (inspector === undefined) return;
    const department = inspector.department;
    if (
      Object.hasOwn(inspector, 'department') &&
      checkString(c, department, `${path}.department`, { isLabelPart: true })
    ) {
      if (departments !== undefined && !departments.has(department)) {
        add(
          c,
          `${path}.department`,
          'unknown-department',
          `${path}.department ${quote(department)} 不在 team.departments 中`,
        );
      }
    }
    if (Object.hasOwn(inspector, 'staff') && typeof inspector.staff !== 'boolean') {
      add(c, `${path}.staff`, 'wrong-type', `${path}.staff 应为 true 或 false`);
    }
  });
  checkSortedIds(c, ids, 'team.inspectors', '.id');
}

function checkExclusions(c: Collector, value: unknown): void {
  const list = checkArray(c, value, 'team.exclusions');
  if (list === undefined) return;
  let previous: { target: string; inspector: string; index: number } | undefined;
  let reportedOrder = false;
  let reportedDuplicate = false;
  list.forEach((item, i) => {
    const path = `team.exclusions[${i}]`;
    const exclusion = checkObject(c, item, path, ['target', 'inspector']);
    if (exclusion === undefined) return;
    const { target, inspector } = exclusion;
    const isTarget =
      Object.hasOwn(exclusion, 'target') && checkString(c, target, `${path}.target`, { isLabelPart: true });
    const isInspector =
      Object.hasOwn(exclusion, 'inspector') &&
      checkString(c, inspector, `${path}.inspector`, { isLabelPart: true });
    if (!isTarget || !isInspector) return;
    if (previous !== undefined) {
      const order =
        compareCodePoints(previous.target, target) || compareCodePoints(previous.inspector, inspector);
      if (order === 0 && !reportedDuplicate) {
        reportedDuplicate = true;
        add(
          c,
          'team.exclusions',
          'duplicate',
          `team.exclusions 第 ${previous.index} 项与第 ${i} 项重复（${target} / ${inspector}）`,
        );
      } else if (order > 0 && !reportedOrder) {
        reportedOrder = true;
        add(
          c,
          'team.exclusions',
          'not-sorted',
          `team.exclusions 未按检查对象、再按人员的码点升序排列：第 ${i} 项应排在第 ${previous.index} 项之前`,
        );
      }
    }
    previous = { target, inspector, index: i };
  });
}
