/**
 * From a plan task and the directories to the frozen inputs of an ssj-draw/1 record. Everything
 * that is not random is decided here and listed with its reason: which targets are in scope, which
 * are left out by policy (注销, recently inspected, at the annual cap, no credit class), who may
 * inspect (on duty, in a department of the task), and which target–inspector pairs must not meet
 * (回避, 连续三次). The draw itself only adds the random part.
 */
import type { Directories, HistoryEntry, InspectorEntry, TargetEntry } from '../directories';
import { compareCodePoints } from '../draw/compareCodePoints';
import type { DrawProtocol, DrawInputs as ProtocolInputs } from '../draw/types';
import type { PlanTask } from './planTask';
import { classKey, formatBasisPoints, isProblemResult, isSameSection, isSameUnit, normalizeUnitName, unitKey } from '../rules';

export type DrawSettings = {
  /** Excel serial of the draw date (policy windows count back from it). */
  drawDate: number;
  /** Targets inspected within this many days are not drawn again (避免重复抽查). Default 180. */
  recentWindowDays?: number;
  /** A target inspected this many times in the draw's year is not drawn again. Default 2; 0 = no cap. */
  annualCap?: number;
  /** Team size; at least 2 and at least the sum of department minimums. Default 2. */
  teamSize?: number;
  /** At most this many teams per inspector in one draw; 0 = no cap. Default 0. */
  maxPerInspector?: number;
  /** The bureau's own department (e.g. `医疗保障局`) when the plan names no 发起科室. */
  bureauDepartment?: string;
  /**
   * 每组至少局部门工作人员: at least this many staff (局部门工作人员) on every team, leader included
   * (偃师 2024 第二十条 asks 2). 1 (the default) is ssj-draw/1, where only the leader must be staff;
   * more is ssj-draw/2 with `team.minStaff` frozen into the record. At most the team size.
   */
  minStaff?: number;
  /**
   * 抽查比例 (basis points) for targets found with problems before (the history's 检查结果 is a
   * problem code): they form their own stratum, {@link PROBLEM_STRATUM}, drawn first (偃师 2024 第十七条
   * "对以往检查中发现问题的检查对象可增加抽查比例"). Absent: no such stratum.
   */
  problemRatioBasisPoints?: number;
};

/** The record's name of the stratum of targets with past problems. */
export const PROBLEM_STRATUM = '既往发现问题';

/**
 * The draw rules when the caller sets none (also what the pane's rule fields start from). minStaff 1
 * keeps ssj-draw/1: the notices of 承德, 舞钢 and 乌鲁木齐 ask two inspectors and a staff leader only.
 */
export const DRAW_RULE_DEFAULTS = { recentWindowDays: 180, annualCap: 2, teamSize: 2, maxPerInspector: 0, minStaff: 1 } as const;

/**
 * The protocol a staff minimum maps to: 1 → ssj-draw/1 (the leader is the one staff member it
 * requires; a `/2` record with minStaff 1 would draw the same teams under other digests), more →
 * ssj-draw/2 with `team.minStaff`.
 * @example protocolForMinStaff(2) // 'ssj-draw/2'
 */
export function protocolForMinStaff(minStaff: number): DrawProtocol {
  return minStaff > 1 ? 'ssj-draw/2' : 'ssj-draw/1';
}

export type Excluded = { id: string; name: string; reason: string };
export type PairExclusion = { target: string; inspector: string; reason: string };

/** The record's inputs without the seed: the caller adds the seed when it is known. */
export type DrawInputs = {
  protocol: DrawProtocol;
  task: ProtocolInputs['task'];
  strata: { name: string; basisPoints: number; candidates: string[] }[];
  team: {
    size: number;
    departments: { name: string; min: number }[];
    maxPerInspector: number;
    inspectors: { id: string; department: string; staff: boolean }[];
    exclusions: { target: string; inspector: string }[];
    /** Only under ssj-draw/2 (see {@link protocolForMinStaff}). */
    minStaff?: number;
  };
};

export type DrawPreparation =
  | {
      ok: true;
      /** The record without seed and result: the caller adds the seed. */
      inputs: DrawInputs;
      excludedTargets: Excluded[];
      excludedInspectors: Excluded[];
      pairExclusions: PairExclusion[];
      /** id → display name, for targets and inspectors in the record. */
      names: Record<string, string>;
      /** What the user should know but need not fix (e.g. no 人员类别 column). */
      notes: string[];
    }
  | { ok: false; problems: string[] };

const DEREGISTERED = /(注销|吊销|撤销|停业|歇业|解除|终止|关闭)/;

function byCodePoint<T>(items: T[], key: (x: T) => string): T[] {
  return [...items].sort((a, b) => compareCodePoints(key(a), key(b)));
}

/** The distinct types, regions and tags of a directory, in first-seen order (what a scope text may name). */
type Facets = { types: string[]; regions: string[]; tags: string[] };

function facetsOf(targets: readonly TargetEntry[]): Facets {
  const types = new Set<string>();
  const regions = new Set<string>();
  const tags = new Set<string>();
  for (const t of targets) {
    if (t.type) types.add(t.type);
    if (t.region) regions.add(t.region);
    for (const g of t.tags) tags.add(g);
  }
  return { types: [...types], regions: [...regions], tags: [...tags] };
}

/** Types, regions and tags of the directory named in the scope text (抽查对象范围). */
function scopeFilter(scope: string, facets: Facets): { filter: (t: TargetEntry) => boolean; named: string[] } | null {
  const s = scope.replace(/\s+/g, '');
  const types = facets.types.filter((x) => s.includes(x));
  const regions = facets.regions.filter((x) => s.includes(x));
  const tags = facets.tags.filter((x) => s.includes(x) && !types.includes(x));
  if (types.length === 0 && regions.length === 0 && tags.length === 0) return null;
  return {
    named: [...types, ...regions, ...tags],
    filter: (t) =>
      (types.length === 0 || types.includes(t.type)) &&
      (regions.length === 0 || regions.includes(t.region)) &&
      (tags.length === 0 || tags.some((g) => t.tags.includes(g))),
  };
}

/**
 * Whether an inspector belongs to a plan department: its 科室 exactly as written (医疗保险基金监管科 is
 * not 基金监管科), its 单位 with or without the 行政区划 prefix (邢台市市场监督管理局 = 市场监督管理局),
 * or 单位 and 科室 written together (邢台市医疗保障局基金监管科).
 */
export function inDepartment(p: Pick<InspectorEntry, 'department' | 'section'>, dept: string): boolean {
  const d = normalizeUnitName(dept);
  if (!d) return false;
  if (isSameSection(p.section, d) || isSameUnit(p.department, d)) return true;
  if (p.section === '' || p.department === '') return false;
  const section = normalizeUnitName(p.section);
  return isSameSection(`${p.department}${section}`, d) || isSameSection(`${unitKey(p.department)}${section}`, d);
}

type HistoryIndex = { byCode: Map<string, HistoryEntry[]>; byName: Map<string, HistoryEntry[]> };

/** Dated history entries by 统一社会信用代码 and by name, each list oldest first (one pass, not one per target). */
function indexHistory(history: readonly HistoryEntry[]): HistoryIndex {
  const byCode = new Map<string, HistoryEntry[]>();
  const byName = new Map<string, HistoryEntry[]>();
  const dated = [...history].filter((h) => h.date !== null).sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  for (const h of dated) {
    if (h.uscc) byCode.set(h.uscc, [...(byCode.get(h.uscc) ?? []), h]);
    if (h.targetName) byName.set(h.targetName, [...(byName.get(h.targetName) ?? []), h]);
  }
  return { byCode, byName };
}

function historyOf(target: TargetEntry, index: HistoryIndex): HistoryEntry[] {
  const a = target.uscc ? (index.byCode.get(target.uscc) ?? []) : [];
  const b = index.byName.get(target.name) ?? [];
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])].sort((x, y) => (x.date ?? 0) - (y.date ?? 0));
}

function wasOn(h: HistoryEntry, p: InspectorEntry): boolean {
  return (p.badgeNo !== '' && h.badgeNos.includes(p.badgeNo)) || h.inspectorNames.includes(p.name);
}

function yearOf(serial: number): number {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).getUTCFullYear();
}

/** What every task of one book shares: computed once when validation checks all its tasks. */
type DirectoryIndex = { facets: () => Facets; history: HistoryIndex; isDeregistered: (status: string) => boolean };

function indexDirectories(dirs: Directories): DirectoryIndex {
  let facets: Facets | undefined;
  // A directory writes a handful of states: each is tested once, not once per target and task.
  const deregistered = new Map<string, boolean>();
  const isDeregistered = (status: string): boolean => {
    let yes = deregistered.get(status);
    if (yes === undefined) deregistered.set(status, (yes = DEREGISTERED.test(status)));
    return yes;
  };
  // Only a directed task's scope needs the facets.
  return { facets: () => (facets ??= facetsOf(dirs.targets)), history: indexHistory(dirs.history), isDeregistered };
}

/**
 * Builds the draw's frozen inputs from a plan task and the directories.
 * @param task the plan task (parsed)
 * @param dirs the directories
 * @param settings policy windows, team size, draw date
 * @returns the inputs with every exclusion listed, or the problems that stop the draw
 * @example prepareDraw(task, dirs, { drawDate: 45717 }).ok // true
 */
export function prepareDraw(task: PlanTask, dirs: Directories, settings: DrawSettings): DrawPreparation {
  const prep = prepare(task, dirs, settings, indexDirectories(dirs));
  return prep.problems.length ? { ok: false, problems: prep.problems } : finishPreparation(task, settings, prep);
}

/**
 * What stops each task's draw, exactly as {@link prepareDraw} says it, without building the draw's
 * inputs (no sorted candidate lists, no exclusion pairs): validation asks this of every task of a
 * book, and the directories' facets and history index are built once for all of them.
 * @param tasks the plan's tasks
 * @param dirs the directories
 * @param settings as for prepareDraw
 * @returns per task (same order) its problems; empty when it can be drawn
 * @example listDrawProblems([task], dirs, { drawDate: 45717 }) // [[]]
 */
export function listDrawProblems(tasks: readonly PlanTask[], dirs: Directories, settings: DrawSettings): string[][] {
  const index = indexDirectories(dirs);
  return tasks.map((task) => prepare(task, dirs, settings, index).problems);
}

/** The part of a preparation that decides whether the task can be drawn. */
type Prepared = {
  problems: string[];
  notes: string[];
  history: HistoryIndex;
  eligible: TargetEntry[];
  excludedTargets: Excluded[];
  strata: DrawInputs['strata'];
  departments: DrawInputs['team']['departments'];
  size: number;
  minStaff: number;
  members: { p: InspectorEntry; department: string }[];
  excludedInspectors: Excluded[];
};

function prepare(task: PlanTask, dirs: Directories, settings: DrawSettings, index: DirectoryIndex): Prepared {
  const problems: string[] = [];
  const notes: string[] = [];
  const window = settings.recentWindowDays ?? DRAW_RULE_DEFAULTS.recentWindowDays;
  const cap = settings.annualCap ?? DRAW_RULE_DEFAULTS.annualCap;
  problems.push(...(task.blockers ?? []));

  // Targets: scope, then policy.
  if (dirs.targets.length === 0) problems.push('未找到检查对象名录库（需要含“检查对象名称”“统一社会信用代码”等表头的工作表）。');
  let scoped = dirs.targets;
  if (task.taskType === 'directed') {
    const f = scopeFilter(task.scope, index.facets());
    if (!f) {
      const types = index.facets().types;
      problems.push(
        `定向抽查的抽查对象范围“${task.scope || '（空）'}”对应不到名录库中的对象类型、区域或分类标注${types.length ? `（名录库中的类型有：${types.join('、')}）` : '（名录库没有“对象类型”列）'}：请在计划表中写明范围，如“${types[0] ?? '定点医疗机构'}”。`,
      );
    } else scoped = dirs.targets.filter(f.filter);
  }
  const excludedTargets: Excluded[] = [];
  const history = index.history;
  const year = yearOf(settings.drawDate);
  const eligible: TargetEntry[] = [];
  for (const t of scoped) {
    let reason = '';
    if (index.isDeregistered(t.status)) reason = `状态为“${t.status}”`;
    else if (window > 0 || cap > 0) {
      // The history is looked up only when a window or cap asks for it (validation sets neither).
      const past = historyOf(t, history);
      const last = Math.max(t.lastInspected ?? -Infinity, past.length ? past[past.length - 1]!.date! : -Infinity);
      const thisYear = past.filter((h) => yearOf(h.date!) === year).length;
      if (window > 0 && Number.isFinite(last) && settings.drawDate - last < window && settings.drawDate >= last)
        reason = `${settings.drawDate - last} 天前刚检查过（${window} 天内不重复抽查）`;
      else if (cap > 0 && thisYear >= cap) reason = `${year} 年已检查 ${thisYear} 次，达到年度上限 ${cap} 次`;
    }
    if (reason) excludedTargets.push({ id: t.id, name: t.name, reason });
    else eligible.push(t);
  }

  // Strata: first the targets with past problems when the bureau draws them at a higher ratio.
  const strata: DrawInputs['strata'] = [];
  const problemBp = settings.problemRatioBasisPoints;
  const withProblems = problemBp === undefined ? [] : eligible.filter((t) => historyOf(t, history).some((h) => isProblemResult(h.result ?? '')));
  const problemIds = new Set(withProblems.map((t) => t.id));
  if (problemBp !== undefined && withProblems.length > 0) {
    strata.push({ name: PROBLEM_STRATUM, basisPoints: problemBp, candidates: withProblems.map((t) => t.id) });
    notes.push(
      `${withProblems.length} 个检查对象以往检查发现过问题，单独成层“${PROBLEM_STRATUM}”，按 ${formatBasisPoints(problemBp)} 抽取（本局设置）；其余对象按本任务的抽查比例抽取。`,
    );
  }
  const regular = problemIds.size === 0 ? eligible : eligible.filter((t) => !problemIds.has(t.id));
  if (task.ratio.kind === 'plain') {
    strata.push({ name: task.scope.replace(/\//g, '／').trim() || '全部对象', basisPoints: task.ratio.basisPoints, candidates: regular.map((t) => t.id) });
  } else {
    const classes = task.ratio.classes;
    const byClass = new Map<string, string[]>(classes.map((c) => [c.cls, []]));
    // A directory may write the class as the ratio's label (`低`) or a variant (`低风险`, `A级`).
    const byKey = new Map<string, string>();
    for (const c of classes) {
      if (c.label) byKey.set(classKey(c.label), c.cls);
      byKey.set(classKey(c.cls), c.cls);
    }
    // A directory holds a handful of distinct classes: each is brought to its key once.
    const keyOf = new Map<string, string>();
    for (const t of regular) {
      let key = keyOf.get(t.creditClass);
      if (key === undefined && t.creditClass) keyOf.set(t.creditClass, (key = classKey(t.creditClass)));
      const cls = t.creditClass ? byKey.get(key!) : undefined;
      if (cls) byClass.get(cls)!.push(t.id);
      else
        excludedTargets.push({
          id: t.id,
          name: t.name,
          reason: t.creditClass ? `信用等级“${t.creditClass}”不在本任务的抽查比例中` : '名录库中未标注信用等级',
        });
    }
    for (const c of classes) strata.push({ name: c.cls, basisPoints: c.basisPoints, candidates: byClass.get(c.cls)! });
  }
  if (strata.every((s) => s.candidates.length === 0) && problems.length === 0) {
    problems.push(`任务 ${task.planNo}/${task.taskNo} 没有可抽取的检查对象：范围内 ${scoped.length} 个，均被排除（${excludedTargets.length} 个，原因见排除清单）。`);
  }

  // Team.
  const lead = task.leadDept || settings.bureauDepartment || '';
  if (!lead) problems.push('计划表没有“发起科室”，也未设置本局部门名称：无法确定检查组的牵头部门。');
  const deptNames = [lead, ...task.jointDepts.filter((d) => d && d !== lead)];
  const departments = deptNames.map((name) => ({ name: name.replace(/\//g, '／'), min: 1 }));
  const size = Math.max(settings.teamSize ?? DRAW_RULE_DEFAULTS.teamSize, 2, departments.length);
  const minStaff = settings.minStaff ?? DRAW_RULE_DEFAULTS.minStaff;
  if (!Number.isInteger(minStaff) || minStaff < 1 || minStaff > size) {
    problems.push(
      `每组至少局部门工作人员设为 ${minStaff} 人，但检查组只有 ${size} 人：请设为 1 到 ${size} 之间的整数，或增加每组人数。`,
    );
  }
  const excludedInspectors: Excluded[] = [];
  const members: { p: InspectorEntry; department: string }[] = [];
  for (const p of dirs.inspectors) {
    const d = departments.find((x) => inDepartment(p, x.name));
    if (!d) continue;
    if (!p.onDuty) {
      excludedInspectors.push({ id: p.id, name: p.name, reason: '不在岗' });
      continue;
    }
    members.push({ p, department: d.name });
  }
  for (const d of departments) {
    const n = members.filter((m) => m.department === d.name).length;
    if (n === 0)
      problems.push(`执法检查人员名录库中没有属于“${d.name}”的在岗人员：请检查“所属单位”“科室”列，或计划表的发起/联合科室写法。`);
  }
  if (!dirs.inspectors.some((p) => p.staff) || dirs.inspectors.every((p) => p.staff)) {
    if (dirs.inspectors.length > 0 && dirs.inspectors.every((p) => p.staff))
      notes.push('人员名录没有“人员类别”列或全部为局部门工作人员：所有人都可任组长。');
  }
  return { problems, notes, history, eligible, excludedTargets, strata, departments, size, minStaff, members, excludedInspectors };
}

/** The rest of a preparation without problems: candidates in code-point order, names, pairs that must not meet. */
function finishPreparation(task: PlanTask, settings: DrawSettings, prep: Prepared): DrawPreparation {
  const { strata, eligible, members, history, minStaff } = prep;
  for (const s of strata) s.candidates = [...s.candidates].sort(compareCodePoints);
  const names: Record<string, string> = {};
  for (const t of eligible) names[t.id] = t.name;
  for (const { p } of members) names[p.id] = p.name;

  // Pairs that must not meet.
  const pairs: PairExclusion[] = [];
  const candidates = new Map(eligible.map((t) => [t.id, t]));
  for (const { p } of members) {
    for (const c of p.conflicts) {
      const hit = eligible.filter((t) => t.name === c || (t.uscc !== '' && t.uscc === c));
      for (const t of hit) pairs.push({ target: t.id, inspector: p.id, reason: `${p.name} 申报回避` });
    }
  }
  for (const t of candidates.values()) {
    const past = historyOf(t, history);
    const lastTwo = past.slice(-2);
    if (lastTwo.length < 2) continue;
    for (const { p } of members) {
      if (lastTwo.every((h) => wasOn(h, p))) pairs.push({ target: t.id, inspector: p.id, reason: `${p.name} 已连续两次检查该对象（不得连续三次）` });
    }
  }
  const seenPair = new Set<string>();
  const uniquePairs = byCodePoint(
    byCodePoint(pairs, (x) => x.inspector),
    (x) => x.target,
  ).filter((x) => {
    const k = `${x.target}\u0000${x.inspector}`;
    if (seenPair.has(k)) return false;
    seenPair.add(k);
    return true;
  });

  const inspectors = byCodePoint(
    members.map((m) => ({ id: m.p.id, department: m.department, staff: m.p.staff })),
    (x) => x.id,
  );
  const protocol = protocolForMinStaff(minStaff);
  return {
    ok: true,
    inputs: {
      protocol,
      task: { planNo: task.planNo, taskNo: task.taskNo, planName: task.planName, taskName: task.taskName },
      strata,
      team: {
        size: prep.size,
        departments: prep.departments,
        maxPerInspector: settings.maxPerInspector ?? DRAW_RULE_DEFAULTS.maxPerInspector,
        inspectors,
        exclusions: uniquePairs.map((x) => ({ target: x.target, inspector: x.inspector })),
        ...(protocol === 'ssj-draw/2' ? { minStaff } : {}),
      },
    },
    excludedTargets: prep.excludedTargets,
    excludedInspectors: prep.excludedInspectors,
    pairExclusions: uniquePairs,
    names,
    notes: prep.notes,
  };
}
