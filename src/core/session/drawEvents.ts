/**
 * The steps after validation, as pure functions shared by the CLI, the task pane and the page:
 * each turns a decision (draw this task with this seed, log this failure, commit to a public
 * number) into a log entry plus the workbook operations that record it.
 */
import { runDraw } from '../draw/runDraw';
import { computeCommitment } from '../draw/publicSeed';
import type { DrawFailure, DrawRecord, DrawSeed, ResultEntry } from '../draw/types';
import type { Directories } from '../directories';
import type { DrawContext } from '../log/drawContext';
import type { LogData, LogEntry } from '../log/drawLog';
import { appendLogEntry, serializeLogData } from '../log/drawLog';
import type { LogState } from '../log/logSheet';
import { appendLogOps } from '../log/logSheet';
import { DRAW_RULE_DEFAULTS, type DrawPreparation, type DrawSettings } from '../prepare/prepareDraw';
import type { PlanTask } from '../prepare/planTask';
import type { WorkbookOp } from '../workbookOps';

export type EventMeta = { time: string; operator: string; password?: string };

type PreparedOk = Extract<DrawPreparation, { ok: true }>;

/**
 * Splits the task's 检查事项 among its departments: one per department when the counts agree,
 * otherwise everything to the lead department and 配合检查 for the others.
 * @example splitMatters('甲；乙', ['基金监管科', '市场监督管理局']) // [{department:'基金监管科',matter:'甲'}, …]
 */
export function splitMatters(matters: string, departments: readonly string[]): { department: string; matter: string }[] {
  const parts = matters
    .split(/[；;\n]|(?=\(\d+\))|(?=（\d+）)/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length === departments.length) return departments.map((d, i) => ({ department: d, matter: parts[i]! }));
  return departments.map((d, i) => ({ department: d, matter: i === 0 ? parts.join('；') || '按实施方案' : '配合检查' }));
}

/**
 * The frozen context of a draw: who and what the ids are, and why others were left out.
 * @example buildDrawContext(task, dirs, prep, settings).targets['91130…'].name
 */
export function buildDrawContext(task: PlanTask, dirs: Directories, prep: PreparedOk, settings: DrawSettings): DrawContext {
  const inRecord = new Set(prep.inputs.strata.flatMap((s) => s.candidates));
  const deptOf = new Map(prep.inputs.team.inspectors.map((p) => [p.id, p.department]));
  const targets: DrawContext['targets'] = {};
  for (const t of dirs.targets) {
    if (!inRecord.has(t.id)) continue;
    targets[t.id] = { name: t.name, uscc: t.uscc, type: t.type, creditClass: t.creditClass, address: t.address, legalRep: t.legalRep };
  }
  const inspectors: DrawContext['inspectors'] = {};
  for (const p of dirs.inspectors) {
    const d = deptOf.get(p.id);
    if (d === undefined) continue;
    inspectors[p.id] = { name: p.name, badgeNo: p.badgeNo, residentId: p.residentId, unit: p.department, section: p.section, teamDepartment: d };
  }
  return {
    planName: task.planName,
    taskName: task.taskName,
    periodText: task.periodText,
    scope: task.scope,
    isSecret: task.isSecret ? 1 : 0,
    matters: splitMatters(task.matters, prep.inputs.team.departments.map((d) => d.name)),
    targets,
    inspectors,
    excludedTargets: prep.excludedTargets,
    excludedInspectors: prep.excludedInspectors,
    pairExclusions: prep.pairExclusions,
    notes: prep.notes,
    settings: {
      recentWindowDays: settings.recentWindowDays ?? DRAW_RULE_DEFAULTS.recentWindowDays,
      annualCap: settings.annualCap ?? DRAW_RULE_DEFAULTS.annualCap,
      teamSize: prep.inputs.team.size,
      maxPerInspector: prep.inputs.team.maxPerInspector,
      drawDate: settings.drawDate,
    },
  };
}

/** The result sheet's name; a re-draw of the same task gets its log number appended. */
export function resultSheetName(planNo: string, taskNo: string, seq: number, existing: readonly string[]): string {
  const base = `抽取结果-${planNo}-${taskNo}`.slice(0, 31);
  return existing.includes(base) ? `${base}-${seq}`.slice(0, 31) : base;
}

export const RESULT_HEADER = ['序号', '检查对象名称', '统一社会信用代码', '类型/等级', '组长', '组员（单位）'] as const;
export const RESULT_FIRST_ROW = 5;

/** One result row as the sheet shows it. */
export function resultRowCells(i: number, e: ResultEntry, context: DrawContext): string[] {
  const t = context.targets[e.target];
  const p = (id: string) => context.inspectors[id];
  const who = (id: string) => `${p(id)?.name ?? id}（${p(id)?.teamDepartment ?? ''}）`;
  return [
    String(i + 1),
    t?.name ?? e.target,
    t?.uscc ?? '',
    [t?.type, t?.creditClass ? `${t.creditClass}级` : ''].filter(Boolean).join(' / '),
    p(e.leader)?.name ?? e.leader,
    e.members.filter((m) => m !== e.leader).map(who).join('、'),
  ];
}

/**
 * Operations writing the readable result sheet of a draw (protected; for 公示 unless secret).
 * @example resultSheetOps('抽取结果-2025002-001', record, context, entry).length > 0
 */
export function resultSheetOps(sheet: string, record: DrawRecord, context: DrawContext, entry: LogEntry, password?: string): WorkbookOp[] {
  const rows = record.result.map((e, i) => resultRowCells(i, e, context));
  const last = RESULT_FIRST_ROW + rows.length - 1;
  const title = `${context.planName || record.task.planNo} · ${context.taskName || record.task.taskNo} 抽取结果`;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[title]] },
    { kind: 'merge', sheet, address: 'A1:F1' },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14, fontName: '宋体' } },
    {
      kind: 'write',
      sheet,
      address: 'A2',
      rows: [
        [`抽取时间：${entry.time}    记录序号：${entry.seq}    随机源：${entry.seedSource}    ${context.isSecret ? '涉密任务，不公示' : '可公示'}`],
        [`recordDigest：${entry.recordDigest}`],
      ],
    },
    { kind: 'merge', sheet, address: 'A2:F2' },
    { kind: 'merge', sheet, address: 'A3:F3' },
    { kind: 'write', sheet, address: `A${RESULT_FIRST_ROW - 1}`, rows: [[...RESULT_HEADER]] },
    { kind: 'style', sheet, address: `A${RESULT_FIRST_ROW - 1}:F${RESULT_FIRST_ROW - 1}`, style: { bold: true, border: true, fill: '#E2EFDA' } },
    ...(rows.length
      ? ([
          { kind: 'write', sheet, address: `A${RESULT_FIRST_ROW}`, rows, textColumns: [1, 2, 3, 4, 5] },
          { kind: 'style', sheet, address: `A${RESULT_FIRST_ROW}:F${last}`, style: { border: true, wrap: true, vertical: 'middle' } },
        ] as WorkbookOp[])
      : []),
    { kind: 'columnWidths', sheet, widths: [6, 40, 22, 18, 10, 40] },
    { kind: 'pageSetup', sheet, setup: { orientation: 'landscape', paper: 'A4', fitToOnePageWide: true, printTitleRows: `${RESULT_FIRST_ROW - 1}:${RESULT_FIRST_ROW - 1}` } },
    { kind: 'protect', sheet, ...(password ? { password } : {}) },
  ];
}

export type DrawEventOutcome =
  | { ok: true; entry: LogEntry; record: DrawRecord; context: DrawContext; resultSheet: string; ops: WorkbookOp[] }
  | { ok: false; entry: LogEntry; failure: DrawFailure; ops: WorkbookOp[] };

function seedLabel(seed: DrawSeed): string {
  return seed.source === 'local' ? '本地随机' : `公开随机数：${seed.text}`;
}

function logEvent(state: LogState, meta: EventMeta, fields: Omit<LogEntry, 'seq' | 'prevHash' | 'hash' | 'dataDigest' | 'time' | 'operator'>, data: LogData) {
  const { text, digest } = serializeLogData(data);
  const prev = state.rows.length ? state.rows[state.rows.length - 1]!.entry : null;
  const entry = appendLogEntry(prev, { ...fields, time: meta.time, operator: meta.operator }, digest);
  return { entry, ops: appendLogOps(state, entry, text, meta.password) };
}

/**
 * Makes a draw and records it: on success the 抽取 row, the stored record and the result sheet;
 * on failure the 失败 row with the reason (failures are logged too) and nothing else.
 * @param task the plan task
 * @param prep the prepared inputs (ok)
 * @param context the frozen context
 * @param seed local or public seed
 * @param state the log as read
 * @param meta time, operator, password
 * @param sheetNames the workbook's sheet names (to name the result sheet)
 * @param replaces log number of a draw this one replaces (0: none)
 * @example recordDraw(task, prep, ctx, { source: 'local', hex }, state, meta, names, 0).ok
 */
export function recordDraw(
  task: PlanTask,
  prep: PreparedOk,
  context: DrawContext,
  seed: DrawSeed,
  state: LogState,
  meta: EventMeta,
  sheetNames: readonly string[],
  replaces = 0,
): DrawEventOutcome {
  const inputs = { ...prep.inputs, seed };
  const outcome = runDraw(inputs, { names: prep.names });
  const base = { planNo: task.planNo, taskNo: task.taskNo, seedSource: seedLabel(seed) };
  if (!outcome.ok) {
    const { entry, ops } = logEvent(
      state,
      meta,
      { ...base, event: '失败', count: 0, summary: outcome.failure.message.slice(0, 500), inputDigest: '', recordDigest: '' },
      { format: 'ssj-log-data/1', event: '失败', inputs: JSON.parse(JSON.stringify(inputs)) as unknown, message: outcome.failure.message },
    );
    return { ok: false, entry, failure: outcome.failure, ops };
  }
  // Only the drawn targets' details are kept: the record already holds every candidate's id, and
  // details of 10^5 undrawn candidates would make the log append exceed one request.
  const drawnIds = new Set(outcome.result.map((e) => e.target));
  const logged: DrawContext = { ...context, targets: Object.fromEntries(Object.entries(context.targets).filter(([id]) => drawnIds.has(id))) };
  const summary = `${logged.taskName || task.taskNo}：从 ${prep.inputs.strata.reduce((n, s) => n + s.candidates.length, 0)} 个对象中抽取 ${outcome.result.length} 个${replaces ? `（重新抽取，替代第 ${replaces} 条）` : ''}`;
  const { entry, ops } = logEvent(
    state,
    meta,
    { ...base, event: '抽取', count: outcome.result.length, summary, inputDigest: outcome.inputDigest, recordDigest: outcome.recordDigest },
    { format: 'ssj-log-data/1', event: '抽取', record: outcome.record, context: logged, replaces },
  );
  const sheet = resultSheetName(task.planNo, task.taskNo, entry.seq, sheetNames);
  return { ok: true, entry, record: outcome.record, context: logged, resultSheet: sheet, ops: [...ops, ...resultSheetOps(sheet, outcome.record, logged, entry, meta.password)] };
}

/**
 * Records the commitment (承诺) of a public-seed draw before the number exists.
 * @returns the 承诺 row and its commitment, or the problems of the inputs
 * @example recordCommitment(task, prep, ctx, '2025-04-01 福彩3D 第2025086期 开奖号码：d d d', state, meta).commitment
 */
export function recordCommitment(
  task: PlanTask,
  prep: PreparedOk,
  context: DrawContext,
  announcement: string,
  state: LogState,
  meta: EventMeta,
): { ok: true; entry: LogEntry; commitment: string; ops: WorkbookOp[] } | { ok: false; message: string } {
  const pending = { ...prep.inputs, seed: { source: 'public' as const, announcement } };
  const c = computeCommitment(pending);
  if (!c.ok) return { ok: false, message: c.issues.map((i) => i.message).join('；') };
  const { entry, ops } = logEvent(
    state,
    meta,
    { planNo: task.planNo, taskNo: task.taskNo, event: '承诺', seedSource: '公开随机数（待公布）', count: 0, summary: `承诺：将以“${announcement}”决定抽取结果`, inputDigest: c.commitment, recordDigest: '' },
    { format: 'ssj-log-data/1', event: '承诺', commitment: c.commitment, announcement, inputs: JSON.parse(JSON.stringify(pending)) as unknown, context },
  );
  return { ok: true, entry, commitment: c.commitment, ops };
}
