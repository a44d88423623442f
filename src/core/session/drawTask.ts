/**
 * The draw of one task, as one workflow for the CLI, the task pane and the page:
 *
 * 1. {@link planDraw}: what the draw will use — the bureau's settings from the book and the rules
 *    the clerk set, or, when a commitment (承诺) is pending, the inputs and context it froze; what
 *    blocks it (a broken log, a draw that stands); the strata and how many each gives.
 * 2. {@link commitDraw}: logs a commitment to a future public number (public-seed mode).
 * 3. {@link makeDraw}: draws with a local or public seed and returns the log row, the result sheet
 *    and the operations that write them (the log row last, so a failed write of the result sheet
 *    never leaves a logged draw behind).
 *
 * The rooms only gather input (task, rules, seed, operator) and show the outcome.
 */
import type { Directories } from '../directories';
import { computeCommitment, derivePublicSeedHex, runDraw } from '../draw';
import type { DrawFailure, DrawInputs, DrawRecord, DrawSeed } from '../draw';
import type { DrawContext, LogEntry, StoredCommitment } from '../log';
import {
  displayNamesOf,
  drawResultSheetName,
  drawResultSheetOps,
  pendingCommitment,
  revealedInputs,
  seedSourceLabel,
  taskDrawStatus,
} from '../log';
import type { Finding } from '../findings';
import { cellAddress } from '../grid';
import type { PlanTask } from '../prepare/planTask';
import { historyDateFindings } from '../validate/validateWorkbook';
import type { DrawSettings, Excluded, PairExclusion } from '../prepare/prepareDraw';
import { DRAW_RULE_DEFAULTS, prepareDraw, protocolForMinStaff } from '../prepare/prepareDraw';
import { checkStaffRule, type StaffRuleWarning } from '../prepare/checkStaffRule';
import { checkDrawDate, type RuleFinding } from '../rules';
import type { WorkbookOp } from '../workbookOps';
import { announcementProblem, publicTextProblem } from './announcement';
import type { AppendBlocker, EventMeta } from './appendEvent';
import { appendEvent, logBlocker } from './appendEvent';
import type { BookState, LogBook } from './bookState';
import { sheetNamesOf } from './bookState';

/** The department a draw uses when neither the plan nor the bureau settings name one. */
export const DEFAULT_BUREAU_DEPARTMENT = '医疗保障局';

/** The rules a clerk may set for one draw; unset ones come from the bureau settings, then the defaults. */
export type DrawOptions = {
  teamSize?: number;
  recentWindowDays?: number;
  annualCap?: number;
  maxPerInspector?: number;
  /** 每组至少局部门工作人员 for this draw (`draw --min-staff N`); unset: the bureau's, else 1. */
  minStaff?: number;
};

/** The record's inputs before the seed is known. */
export type UnseededInputs = Omit<DrawInputs, 'seed'>;

/** Everything decided before the random part, with the reasons for what was left out. */
export type DrawReady = {
  inputs: UnseededInputs;
  /** id → display name, for targets and inspectors in the record. */
  names: Record<string, string>;
  excludedTargets: Excluded[];
  excludedInspectors: Excluded[];
  pairExclusions: PairExclusion[];
  notes: string[];
  /** What the log stores beside the record (names, codes, exclusions, rules). */
  context: DrawContext;
};

/** One stratum as the draw step shows it: k = ceil(n × ratio), in integers (ssj-draw/1 §5). */
export type StratumPlan = {
  name: string;
  label: string;
  basisPoints: number;
  candidates: number;
  picks: number;
};

/** What stops any draw or commitment of the task now. */
export type DrawBlocker = AppendBlocker | { kind: 'drawn'; seq: number };

export type DrawPlan = {
  task: PlanTask;
  /** The rules in force: frozen by a pending commitment, else the options over the bureau settings. */
  settings: Required<Omit<DrawSettings, 'bureauDepartment' | 'problemRatioBasisPoints'>> & {
    bureauDepartment: string;
    /** The bureau's ratio for targets with past problems; absent: no such stratum. */
    problemRatioBasisPoints?: number;
  };
  /** Where minStaff comes from, for the draw step to say which rule applies. */
  minStaffSource: MinStaffSource;
  /** What the draw step shows before 抽取: the staff rule in force and what may go wrong. */
  checks: DrawChecks;
  /** The task's commitment no draw has used yet; when set, the draw uses what it froze. */
  pending: StoredCommitment | null;
  blocker: DrawBlocker | null;
  /** The prepared inputs, or null when the task cannot be drawn (see `problems`). */
  ready: DrawReady | null;
  problems: string[];
  strata: StratumPlan[];
  candidates: number;
  picks: number;
  /** The task's last 抽取 (0: none). */
  lastDraw: number;
  /** Seq of the voided draw a new draw replaces (0: none). */
  replaces: number;
  /** The sheet a successful draw adds. */
  resultSheet: string;
  /**
   * History dates that were not read as written, or fall after the draw date: the targets they
   * concern may not be left out as recently inspected. Shown (not refused) before the draw.
   */
  historyIssues: Finding[];
};

/**
 * Splits the task's 检查事项 among its departments: one per department when the counts agree,
 * otherwise everything to the lead department and 配合检查 for the others.
 * @example splitMatters('甲；乙', ['基金监管科', '市场监督管理局']) // [{department:'基金监管科',matter:'甲'}, …]
 */
export function splitMatters(
  matters: string,
  departments: readonly string[],
): { department: string; matter: string }[] {
  const parts = matters
    .split(/[；;\n]|(?=\(\d+\))|(?=（\d+）)/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length === departments.length)
    return departments.map((d, i) => ({ department: d, matter: parts[i]! }));
  return departments.map((d, i) => ({
    department: d,
    matter: i === 0 ? parts.join('；') || '按实施方案' : '配合检查',
  }));
}

/** What the draw step says before 抽取 (the pane and the CLI alike). */
export type DrawChecks = {
  /** Which staff rule applies and where it comes from, in one Chinese sentence. */
  staffRule: string;
  /** ssj-draw/2 §12's warnings: targets or a department phase that may run short of staff. */
  staffWarnings: StaffRuleWarning[];
  /** The draw date is outside the task's 抽查时间, or null. */
  period: RuleFinding | null;
  /** The task row's error findings (a duplicate number, an unreadable period …), to show before 抽取. */
  taskErrors: Finding[];
};

/**
 * The draw step's warnings in the words the pane and the CLI show: the staff warnings, a draw date
 * outside 抽查时间, then each error on the task's row with its cell.
 * @param checks from {@link planDraw}
 * @returns one sentence each, empty when nothing needs a second look
 * @example listDrawWarnings(plan.checks) // ['今天（2025年4月）不在本任务的抽查时间“2025年6、9月”内：…', '计划表 附件2!B4：抽查计划名称中的年度2024…']
 */
export function listDrawWarnings(checks: DrawChecks): string[] {
  return [
    ...checks.staffWarnings.map((w) => w.message),
    ...(checks.period ? [checks.period.message] : []),
    ...checks.taskErrors.map((f) => `计划表 ${f.sheet}!${f.cell}：${f.message}`),
  ];
}

const MIN_STAFF_SOURCE_TEXT: Readonly<Record<MinStaffSource, string>> = {
  option: '本次抽取指定',
  settings: '本局设置“每组至少局部门工作人员”',
  default: '默认规则（本局设置未填“每组至少局部门工作人员”）',
  commitment: '承诺时冻结的抽取输入',
};

/**
 * The staff rule in one sentence: how many 局部门工作人员 every team holds, where that comes from,
 * and the protocol it maps to.
 * @example describeStaffRule(2, 'settings') // '每个检查组至少 2 名局部门工作人员，组长由局部门工作人员担任（依据：本局设置“每组至少局部门工作人员”；按 ssj-draw/2 抽取）。'
 */
export function describeStaffRule(minStaff: number, source: MinStaffSource): string {
  const rule =
    minStaff > 1
      ? `每个检查组至少 ${minStaff} 名局部门工作人员，组长由局部门工作人员担任`
      : '组长由局部门工作人员担任，其他组员不限人员类别';
  return `${rule}（依据：${MIN_STAFF_SOURCE_TEXT[source]}；按 ${protocolForMinStaff(minStaff)} 抽取）。`;
}

/**
 * The sentence saying a draw is a re-draw, before and after it is made; '' for a first draw.
 * @example describeReplacement(2) // '这是重新抽取：替代已作废的抽取记录第 2 条（作废原因见抽取记录，公示时一并列出）。'
 */
export function describeReplacement(replaces: number): string {
  return replaces > 0 ? `这是重新抽取：替代已作废的抽取记录第 ${replaces} 条（作废原因见抽取记录，公示时一并列出）。` : '';
}

/** Where the draw's minStaff comes from: this draw's option, the bureau's settings, or the default. */
export type MinStaffSource = 'option' | 'settings' | 'default' | 'commitment';

/**
 * Where minStaff comes from, for the draw step's sentence.
 * @example minStaffSourceOf({ minStaff: 2 }, {}) // 'settings'
 */
export function minStaffSourceOf(bureau: { minStaff?: number } | null, options: DrawOptions): MinStaffSource {
  if (options.minStaff !== undefined) return 'option';
  return bureau?.minStaff !== undefined ? 'settings' : 'default';
}

/**
 * The draw's rules: the caller's options over the bureau settings over the defaults.
 * @example drawSettingsFor({ teamSize: 3, department: '医疗保障局' }, {}, 45717).teamSize // 3
 */
export function drawSettingsFor(
  bureau: { teamSize?: number; department?: string; minStaff?: number; problemRatioBasisPoints?: number } | null,
  options: DrawOptions,
  drawDate: number,
): DrawPlan['settings'] {
  return {
    minStaff: options.minStaff ?? bureau?.minStaff ?? DRAW_RULE_DEFAULTS.minStaff,
    ...(bureau?.problemRatioBasisPoints !== undefined ? { problemRatioBasisPoints: bureau.problemRatioBasisPoints } : {}),
    drawDate,
    teamSize:
      options.teamSize ??
      (bureau?.teamSize && bureau.teamSize >= 2 ? bureau.teamSize : DRAW_RULE_DEFAULTS.teamSize),
    recentWindowDays: options.recentWindowDays ?? DRAW_RULE_DEFAULTS.recentWindowDays,
    annualCap: options.annualCap ?? DRAW_RULE_DEFAULTS.annualCap,
    maxPerInspector: options.maxPerInspector ?? DRAW_RULE_DEFAULTS.maxPerInspector,
    bureauDepartment: bureau?.department?.trim() || DEFAULT_BUREAU_DEPARTMENT,
  };
}

function buildContext(
  task: PlanTask,
  dirs: Directories,
  ready: Omit<DrawReady, 'context'>,
  settings: DrawPlan['settings'],
): DrawContext {
  const inRecord = new Set(ready.inputs.strata.flatMap((s) => s.candidates));
  const deptOf = new Map(ready.inputs.team.inspectors.map((p) => [p.id, p.department]));
  const targets: DrawContext['targets'] = {};
  for (const t of dirs.targets) {
    if (!inRecord.has(t.id)) continue;
    targets[t.id] = {
      name: t.name,
      uscc: t.uscc,
      type: t.type,
      creditClass: t.creditClass,
      address: t.address,
      legalRep: t.legalRep,
    };
  }
  const inspectors: DrawContext['inspectors'] = {};
  for (const p of dirs.inspectors) {
    const d = deptOf.get(p.id);
    if (d === undefined) continue;
    inspectors[p.id] = {
      name: p.name,
      badgeNo: p.badgeNo,
      residentId: p.residentId,
      unit: p.department,
      section: p.section,
      teamDepartment: d,
    };
  }
  return {
    planName: task.planName,
    taskName: task.taskName,
    periodText: task.periodText,
    scope: task.scope,
    isSecret: task.isSecret ? 1 : 0,
    matters: splitMatters(
      task.matters,
      ready.inputs.team.departments.map((d) => d.name),
    ),
    targets,
    inspectors,
    excludedTargets: ready.excludedTargets,
    excludedInspectors: ready.excludedInspectors,
    pairExclusions: ready.pairExclusions,
    notes: ready.notes,
    settings: {
      recentWindowDays: settings.recentWindowDays,
      annualCap: settings.annualCap,
      teamSize: ready.inputs.team.size,
      maxPerInspector: ready.inputs.team.maxPerInspector,
      drawDate: settings.drawDate,
    },
  };
}

/** The prepared inputs a pending commitment froze, as the draw step shows them. */
function frozenReady(pending: StoredCommitment): DrawReady {
  const { seed: _pending, ...inputs } = pending.inputs;
  const ctx = pending.context;
  return {
    inputs,
    names: displayNamesOf(ctx),
    excludedTargets: ctx.excludedTargets,
    excludedInspectors: ctx.excludedInspectors,
    pairExclusions: ctx.pairExclusions,
    notes: ctx.notes,
    context: ctx,
  };
}

/** 0-based row of an A1 address, or -1. */
function rowOf(cell: string): number {
  const m = /^[A-Z]+(\d+)$/.exec(cell);
  return m ? Number(m[1]) - 1 : -1;
}

function strataOf(task: PlanTask, ready: DrawReady | null): StratumPlan[] {
  if (!ready) return [];
  const labels = new Map(
    task.ratio.kind === 'byClass' ? task.ratio.classes.map((c) => [c.cls, c.label ?? '']) : [],
  );
  return ready.inputs.strata.map((s) => ({
    name: s.name,
    label: labels.get(s.name) ? `${s.name}（${labels.get(s.name)}）` : s.name,
    basisPoints: s.basisPoints,
    candidates: s.candidates.length,
    picks: Math.floor((s.candidates.length * s.basisPoints + 9999) / 10000),
  }));
}

/**
 * Everything known before the draw of a task: the rules in force, what blocks it, the prepared
 * inputs (frozen by a pending commitment when there is one) and the strata with their counts.
 * @param book the book as read
 * @param task the plan task
 * @param options rules the clerk set (ignored while a commitment is pending: its inputs are frozen)
 * @param drawDate Excel serial day of the draw (policy windows count back from it)
 * @example planDraw(book, task, { teamSize: 3 }, 45717).picks // 13
 */
export function planDraw(book: BookState, task: PlanTask, options: DrawOptions, drawDate: number): DrawPlan {
  const pending = pendingCommitment(book.events, task.planNo, task.taskNo);
  const status = taskDrawStatus(book.log, book.events, task.planNo, task.taskNo);
  const blocker: DrawBlocker | null =
    logBlocker(book) ?? (status.lastDraw && !status.isVoided ? { kind: 'drawn', seq: status.lastDraw } : null);
  let settings = drawSettingsFor(book.report.settings, options, drawDate);
  let minStaffSource = minStaffSourceOf(book.report.settings, options);
  let ready: DrawReady | null = null;
  let problems: string[] = [];
  if (pending) {
    ready = frozenReady(pending);
    const frozen = pending.context.settings;
    settings = {
      ...settings,
      ...frozen,
      teamSize: ready.inputs.team.size,
      maxPerInspector: ready.inputs.team.maxPerInspector,
      minStaff: ready.inputs.team.minStaff ?? 1,
    };
    minStaffSource = 'commitment';
  } else {
    const prep = prepareDraw(task, book.dirs, settings);
    if (prep.ok) {
      const base = {
        inputs: prep.inputs,
        names: prep.names,
        excludedTargets: prep.excludedTargets,
        excludedInspectors: prep.excludedInspectors,
        pairExclusions: prep.pairExclusions,
        notes: prep.notes,
      };
      ready = { ...base, context: buildContext(task, book.dirs, base, settings) };
    } else problems = prep.problems;
  }
  const strata = strataOf(task, ready);
  const year = /^(\d{4})\d{3}$/.exec(task.planNo)?.[1];
  const checks: DrawChecks = {
    staffRule: describeStaffRule(settings.minStaff, minStaffSource),
    staffWarnings: ready ? checkStaffRule(ready.inputs, ready.names) : [],
    period: checkDrawDate(task.periodText, drawDate, year === undefined ? undefined : Number(year), task.periodValue),
    // TASK_NOT_DRAWABLE repeats what `problems` says.
    taskErrors: book.report.findings.filter(
      (f) => f.severity === 'error' && f.code !== 'TASK_NOT_DRAWABLE' && f.sheet === task.sheet && rowOf(f.cell) === task.row,
    ),
  };
  return {
    task,
    settings,
    minStaffSource,
    checks,
    pending,
    blocker,
    ready,
    problems,
    strata,
    candidates: strata.reduce((n, s) => n + s.candidates, 0),
    picks: strata.reduce((n, s) => n + s.picks, 0),
    lastDraw: status.lastDraw,
    replaces: status.isVoided ? status.lastDraw : 0,
    resultSheet: drawResultSheetName(task.planNo, task.taskNo, book.log.rows.length + 1, sheetNamesOf(book)),
    historyIssues: historyIssuesFor(book, drawDate),
  };
}

function historyIssuesFor(book: BookState, drawDate: number): Finding[] {
  const late = book.dirs.history.filter((h) => !h.dateIssue && h.date !== null && h.date > drawDate);
  return [
    ...historyDateFindings(book.dirs.history),
    ...late.map(
      (h): Finding => ({
        severity: 'warning',
        code: 'HISTORY_DATE',
        sheet: h.sheet,
        cell: cellAddress(h.row, h.dateColumn ?? 0),
        message: '检查日期在抽取日期之后：请核对（这次检查不计入“近期已检查”的排除）。',
      }),
    ),
  ];
}

/** Why a plan cannot be used now, or null. */
export type PlanRefusal =
  | { kind: 'blocked'; blocker: DrawBlocker }
  | { kind: 'unprepared'; problems: string[] }
  | { kind: 'pending'; commitment: StoredCommitment }
  /** The announcement or the revealed number does not fit the committed text form (§11). */
  | { kind: 'publicText'; message: string };

function refusalOf(plan: DrawPlan): PlanRefusal | null {
  if (plan.blocker) return { kind: 'blocked', blocker: plan.blocker };
  if (!plan.ready) return { kind: 'unprepared', problems: plan.problems };
  return null;
}

/** Outcome of {@link commitDraw}. */
export type CommitOutcome =
  | { ok: true; entry: LogEntry; commitment: string; announcement: string; ops: WorkbookOp[] }
  | { ok: false; refusal: PlanRefusal }
  | { ok: false; refusal: null; message: string };

/**
 * Records the commitment (承诺) of a public-seed draw before the number exists: the inputs and
 * context are frozen into the log, and the commitment value is what the bureau publishes.
 * A task has at most one pending commitment.
 * @example commitDraw(book, plan, '2025-04-01 福彩3D 第2025086期 开奖号码：d d d', meta).ok
 */
export function commitDraw(
  book: LogBook,
  plan: DrawPlan,
  announcement: string,
  meta: EventMeta,
): CommitOutcome {
  const refusal = refusalOf(plan);
  if (refusal) return { ok: false, refusal };
  if (plan.pending) return { ok: false, refusal: { kind: 'pending', commitment: plan.pending } };
  const ready = plan.ready!;
  const text = announcement.normalize('NFC').trim();
  const problem = announcementProblem(text);
  if (problem) return { ok: false, refusal: { kind: 'publicText', message: problem } };
  const inputs = { ...ready.inputs, seed: { source: 'public' as const, announcement: text } };
  const c = computeCommitment(inputs);
  if (!c.ok) return { ok: false, refusal: null, message: c.issues.map((i) => i.message).join('；') };
  const { task } = plan;
  const { entry, ops } = appendEvent(
    book.log,
    meta,
    {
      planNo: task.planNo,
      taskNo: task.taskNo,
      event: '承诺',
      seedSource: '公开随机数（待公布）',
      count: 0,
      summary: `承诺：将以“${text}”决定抽取结果`,
      inputDigest: c.commitment,
      recordDigest: '',
    },
    {
      format: 'ssj-log-data/1',
      event: '承诺',
      commitment: c.commitment,
      announcement: text,
      inputs,
      context: ready.context,
    },
  );
  return { ok: true, entry, commitment: c.commitment, announcement: text, ops };
}

/** The seed the clerk chose: local bytes, or the public number as published. */
export type SeedChoice = { source: 'local'; hex: string } | { source: 'public'; text: string };

/** Outcome of {@link makeDraw}. */
export type DrawOutcome =
  | {
      ok: true;
      entry: LogEntry;
      record: DrawRecord;
      /** The context as logged (only the drawn targets' details are kept). */
      context: DrawContext;
      resultSheet: string;
      ops: WorkbookOp[];
      /** A public seed used without a commitment: nothing proves the inputs were fixed before the number. */
      isUncommitted: boolean;
    }
  | { ok: false; refusal: PlanRefusal }
  /** The draw could not be made (§8): logged as a 失败 row; apply `ops`. */
  | { ok: false; refusal: null; entry: LogEntry; failure: DrawFailure; ops: WorkbookOp[] };

function seedOf(
  choice: SeedChoice,
  plan: DrawPlan,
): { inputs: DrawInputs; context: DrawContext; isUncommitted: boolean } {
  const ready = plan.ready!;
  if (choice.source === 'local')
    return {
      inputs: { ...ready.inputs, seed: { source: 'local', hex: choice.hex } },
      context: ready.context,
      isUncommitted: false,
    };
  const text = choice.text.normalize('NFC').trim();
  const hex = derivePublicSeedHex(text);
  if (plan.pending)
    return {
      inputs: revealedInputs(plan.pending.inputs, text, hex),
      context: plan.pending.context,
      isUncommitted: false,
    };
  const seed: DrawSeed = { source: 'public', text, hex };
  return { inputs: { ...ready.inputs, seed }, context: ready.context, isUncommitted: true };
}

/**
 * Makes the draw and records it: on success the result sheet and then the 抽取 row with the stored
 * record; on failure (§8) the 失败 row with the reason, and nothing else.
 * @param book the book as read (its log and sheet names)
 * @param plan from {@link planDraw}
 * @param choice the seed
 * @param meta time, operator, password
 * @example makeDraw(book, plan, { source: 'local', hex }, meta).ok
 */
export function makeDraw(book: LogBook, plan: DrawPlan, choice: SeedChoice, meta: EventMeta): DrawOutcome {
  const refusal = refusalOf(plan);
  if (refusal) return { ok: false, refusal };
  if (choice.source === 'public' && plan.pending) {
    const problem = publicTextProblem(plan.pending.announcement, choice.text);
    if (problem) return { ok: false, refusal: { kind: 'publicText', message: problem } };
  }
  const { task } = plan;
  const { inputs, context, isUncommitted } = seedOf(choice, plan);
  const outcome = runDraw(inputs, { names: plan.ready!.names });
  const base = { planNo: task.planNo, taskNo: task.taskNo, seedSource: seedSourceLabel(inputs.seed) };
  if (!outcome.ok) {
    const { entry, ops } = appendEvent(
      book.log,
      meta,
      {
        ...base,
        event: '失败',
        count: 0,
        summary: outcome.failure.message.slice(0, 500),
        inputDigest: '',
        recordDigest: '',
      },
      { format: 'ssj-log-data/1', event: '失败', inputs, message: outcome.failure.message },
    );
    return { ok: false, refusal: null, entry, failure: outcome.failure, ops };
  }
  // Only the drawn targets' details are kept: the record already holds every candidate's id, and
  // details of 10^5 undrawn candidates would make the log append exceed one request.
  const drawnIds = new Set(outcome.result.map((e) => e.target));
  const logged: DrawContext = {
    ...context,
    targets: Object.fromEntries(Object.entries(context.targets).filter(([id]) => drawnIds.has(id))),
  };
  const candidates = inputs.strata.reduce((n, s) => n + s.candidates.length, 0);
  const summary = `${logged.taskName || task.taskNo}：从 ${candidates} 个对象中抽取 ${outcome.result.length} 个${plan.replaces ? `（重新抽取，替代第 ${plan.replaces} 条）` : ''}`;
  const { entry, ops } = appendEvent(
    book.log,
    meta,
    {
      ...base,
      event: '抽取',
      count: outcome.result.length,
      summary,
      inputDigest: outcome.inputDigest,
      recordDigest: outcome.recordDigest,
    },
    {
      format: 'ssj-log-data/1',
      event: '抽取',
      record: outcome.record,
      context: logged,
      replaces: plan.replaces,
    },
  );
  const sheet = plan.resultSheet;
  return {
    ok: true,
    entry,
    record: outcome.record,
    context: logged,
    resultSheet: sheet,
    // The log row last: if writing the result sheet fails, no draw is logged.
    ops: [...drawResultSheetOps(sheet, outcome.record, logged, entry, meta.password), ...ops],
    isUncommitted,
  };
}

/**
 * The task named by `PLANNO/TASKNO` (`2025002/001`, `2025002/001号`, `2025002-1`), or why not.
 * @example findTask(tasks, '2025002/1') // { ok: true, task: … }
 */
export function findTask(
  tasks: readonly PlanTask[],
  spec: string,
): { ok: true; task: PlanTask } | { ok: false; message: string } {
  const list = tasks.map((t) => `${t.planNo}/${t.taskNo}`).join('、') || '（无可用任务）';
  const m = /^\s*(\S+?)\s*[/\-\s]\s*(\d{1,3})\s*号?\s*$/.exec(spec.normalize('NFKC'));
  if (!m)
    return { ok: false, message: `任务的格式应为 计划编号/任务编号，如 2025001/001（收到“${spec}”）。` };
  const taskNo = m[2]!.padStart(3, '0');
  const task = tasks.find((t) => t.planNo === m[1] && t.taskNo === taskNo);
  return task
    ? { ok: true, task }
    : { ok: false, message: `计划表中没有任务 ${m[1]}/${taskNo}。可选：${list}` };
}
