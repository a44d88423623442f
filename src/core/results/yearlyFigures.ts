/**
 * The yearly figures a bureau reports on its random inspections, from the log's non-void draws,
 * the results entered and the target directory, each against the bureau's own requirement (its
 * settings; the defaults come from the seed notices: joint inspections ≥ 60 % of 抽查次数 and ≥ 50 %
 * of 户数, credit-risk classes ≥ 90 % of 抽查次数, ≥ 5 % of targets a year, results 100 % published).
 * A figure belongs to the plan's year (抽查计划编号), not the year the draw happened to be made.
 *
 * Integer arithmetic only: shares are basis points rounded down, and "met" compares
 * `part × 10000 ≥ threshold × whole` in integers, so 59.99 % never shows or counts as 60 %.
 */
import type { ResultEntry } from '../draw';
import type { BureauSettings } from '../plan/planGenerators';
import { unitKey } from '../rules';
import type { WorkbookOp } from '../workbookOps';
import type { DrawItem } from './describeDraw';
import type { ResultsReading } from './readResults';
import { wrappedRowHeight } from './_lib/rowHeights';

export type FigureKey =
  | 'inspections'
  | 'households'
  | 'jointInspections'
  | 'jointHouseholds'
  | 'creditClasses'
  | 'coverage'
  | 'overAnnualCap'
  | 'resultsEntered';

/** A requirement: a minimum share (basis points of the whole) or a maximum count. */
export type Threshold = { kind: 'minShare'; basisPoints: number } | { kind: 'maxCount'; count: number };

export type Figure = {
  key: FigureKey;
  /** 检查次数, 联合抽查次数占比 … */
  label: string;
  /** The count, or the part of a share. */
  value: number;
  /** The whole of a share; null for a count. */
  of: number | null;
  /** The share in basis points, rounded down; null for a count or when the whole is 0. */
  basisPoints: number | null;
  /** As shown: `13`, `61.5%（8/13）`, `—`. */
  shown: string;
  threshold: Threshold | null;
  /** `≥ 60%`, `0`, or `—`. */
  thresholdText: string;
  /** Whether the requirement is met; null without one, or when it cannot be computed. */
  met: boolean | null;
  /** One Chinese sentence saying what the figure is and, when short of the requirement, by how much. */
  sentence: string;
};

export type YearFigures = { year: string; draws: number; figures: Figure[] };

/**
 * The default requirements, in basis points (or a count for the annual cap), used where the bureau's
 * settings set none. They come from the seed notices (a 2025 city plan: joint 60 % / 50 %, credit
 * classes 90 %; county plans of 2022 and 2023: 5 % of targets a year, results 100 % published); a
 * bureau with other numbers sets its own (BureauSettings.requirements), and 年度统计 cites its settings.
 */
export const FIGURE_THRESHOLDS = {
  jointInspections: 6000,
  jointHouseholds: 5000,
  creditClasses: 9000,
  coverage: 500,
  resultsEntered: 10_000,
  overAnnualCap: 0,
} as const;

/** The requirements one computation uses: the bureau's settings over the defaults. */
export type FigureThresholds = { -readonly [K in keyof typeof FIGURE_THRESHOLDS]: number };

/**
 * The requirements of a bureau: its settings where set, the defaults elsewhere.
 * @param settings the bureau's settings, or null
 * @returns every threshold
 * @example thresholdsOf({ ...settings, requirements: { jointInspections: 5000 } }).jointInspections // 5000
 */
export function thresholdsOf(settings: Pick<BureauSettings, 'requirements'> | null | undefined): FigureThresholds {
  return { ...FIGURE_THRESHOLDS, ...(settings?.requirements ?? {}) };
}

/** A requirement as written: `60%` for a whole percent, else as {@link formatBasisPoints} shows it. */
const pct = (bp: number): string => (bp % 100 === 0 ? `${bp / 100}%` : formatBasisPoints(bp));

/**
 * Where the requirements come from and how the figures are counted, printed under the figures: this
 * bureau's settings and the document it names, never another bureau's notice.
 * @param settings the bureau's settings, or null
 * @returns one line per note
 * @example describeFigureBasis(null)[0] // '要求：联合抽查次数占比不低于 60%、…（本局设置未修改这些要求，为本工具的默认值）。'
 */
export function describeFigureBasis(settings: Pick<BureauSettings, 'requirements' | 'requirementsBasis'> | null | undefined): string[] {
  const T = thresholdsOf(settings);
  const isDefault = Object.keys(settings?.requirements ?? {}).length === 0;
  return [
    `要求：联合抽查次数占比不低于 ${pct(T.jointInspections)}、联合抽查户数占比不低于 ${pct(T.jointHouseholds)}、信用分级分类抽查占比不低于 ${pct(T.creditClasses)}、名录库覆盖率不低于 ${pct(T.coverage)}、检查结果 100% 录入后公示` +
      `（${isDefault ? '本局设置未修改这些要求，为本工具的默认值' : '本局设置'}）。`,
    settings?.requirementsBasis
      ? `依据：${settings.requirementsBasis}。`
      : '依据：本局设置中未填写依据文件；请在“编制计划”步骤的本局设置中填写本局实施方案的名称，并按其核对上述要求。',
    '年度上限：抽取时设定的“每年最多检查次数”（记在抽取记录的抽取设置中，未记载时按 1 次），对一定时期内已被抽查过的检查对象避免重复抽查。',
    '统计口径：按抽取记录中未作废的抽取统计，年度为抽查计划编号的年度（计划编号不是“年度+三位序号”时为抽查时间、计划名称或抽取时间的年度）；' +
      '抽查次数按抽取计（一次抽取即一次抽查任务），户数按不同的检查对象计；检查组成员来自两个及以上单位（部门）的为部门联合抽查，同一单位的不同科室不算联合；' +
      '抽查比例按信用等级分档的抽取为运用信用风险分级分类；涉密抽取计入统计、不公示；名录库户数为本工作簿检查对象名录库的行数；检查结果按抽中的检查对象逐个计。',
  ];
}

/**
 * A share as a clerk reads it, rounded down to 0.1 % (never shows a share as reaching a threshold it misses).
 * @example formatBasisPoints(6153) // '61.5%'
 */
export function formatBasisPoints(bp: number): string {
  return `${Math.floor(bp / 100)}.${Math.floor((bp % 100) / 10)}%`;
}

/**
 * part / whole in basis points, rounded down, in integers; null when whole is 0.
 * @example shareBasisPoints(8, 13) // 6153
 */
export function shareBasisPoints(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const scaled = part * 10_000;
  return (scaled - (scaled % whole)) / whole;
}

/** ⌈a / b⌉ for non-negative integers a and positive b. */
function ceilDiv(a: number, b: number): number {
  return (a - (a % b)) / b + (a % b === 0 ? 0 : 1);
}

/** Department names that are a 单位 of their own (a bureau, a court), not a 科室 of one. */
const UNIT_ENDING = /(?:局|委员会|委|厅|办公室|中心|法院|检察院)$/;

/** The 单位 an inspector belongs to, without its 行政区划; '' when the context does not say. */
function unitOf(draw: Pick<DrawItem, 'context'>, id: string): string {
  const info = draw.context.inspectors[id];
  if (!info) return '';
  if (info.unit) return unitKey(info.unit);
  return UNIT_ENDING.test(info.teamDepartment) ? unitKey(info.teamDepartment) : '';
}

/**
 * Whether the team is a 部门联合抽查: its members come from two or more 单位 (医疗保障局 and 市场监督管理局),
 * by their 所属单位 with or without the 行政区划. Two 科室 of one bureau (基金管理科 and 医疗保险基金监管科)
 * are one 单位: not joint. When no member's 单位 is known, the task's departments decide, counting only
 * those named as a 单位.
 */
export function isJointTeam(entry: ResultEntry, draw: Pick<DrawItem, 'record' | 'context'>): boolean {
  const units = new Set(entry.members.map((m) => unitOf(draw, m)).filter(Boolean));
  if (units.size > 0) return units.size > 1;
  const named = draw.record.team.departments.map((d) => d.name).filter((d) => UNIT_ENDING.test(d));
  return new Set(named.map(unitKey)).size > 1;
}

/**
 * The year a draw's figures belong to: its plan's (抽查计划编号 `2025001` → 2025), else the year of the
 * task's 抽查时间 or plan name, else the draw time's. A 2025 plan drawn in January 2026 is 2025's.
 * @example planYearOf(draw) // '2025'
 */
export function planYearOf(draw: Pick<DrawItem, 'record' | 'context' | 'entry'>): string {
  const fromPlanNo = /^(\d{4})\d{3}$/.exec(draw.record.task.planNo)?.[1];
  if (fromPlanNo) return fromPlanNo;
  for (const text of [draw.context.periodText, draw.context.planName, draw.record.task.planName]) {
    const m = /((?:19|20)\d{2})\s*年/.exec(text ?? '');
    if (m?.[1]) return m[1];
  }
  return /^(\d{4})/.exec(draw.entry.time)?.[1] ?? '未知年份';
}

/**
 * Whether the draw used credit-risk classes (a by-class 抽查比例). The record keeps the strata, not
 * the ratio text: a plain ratio always gives ONE stratum (the scope), a by-class ratio one per class;
 * a single stratum counts as a class when every target drawn from it carries that 信用等级.
 */
export function usesCreditClasses(draw: Pick<DrawItem, 'record' | 'context'>): boolean {
  const strata = draw.record.strata;
  if (strata.length > 1) return true;
  const only = strata[0];
  if (!only) return false;
  const drawn = draw.record.result.filter((e) => e.stratum === only.name);
  return drawn.length > 0 && drawn.every((e) => (draw.context.targets[e.target]?.creditClass ?? '') === only.name);
}

/** The annual cap the draw was made with: 0 = none; absent from older logs = 1. */
function annualCapOf(draw: Pick<DrawItem, 'context'>): number {
  const cap = draw.context.settings?.annualCap;
  return typeof cap === 'number' && Number.isInteger(cap) && cap >= 0 ? cap : 1;
}

function shareFigure(
  key: FigureKey,
  label: string,
  part: number,
  whole: number,
  minBp: number | null,
  describe: (shown: string) => string,
  shortfall: (() => string) | null,
): Figure {
  const bp = shareBasisPoints(part, whole);
  const threshold: Threshold | null = minBp === null ? null : { kind: 'minShare', basisPoints: minBp };
  const minText = minBp === null ? '' : pct(minBp);
  // 100 % is "all of them", not a floor: shown as `100%` and said as such.
  const thresholdText = minBp === null ? '—' : minBp >= 10_000 ? '100%' : `≥ ${minText}`;
  const requirement = minBp !== null && minBp >= 10_000 ? '100%' : `不低于 ${minText}`;
  if (bp === null) {
    return { key, label, value: part, of: whole, basisPoints: null, shown: '—', threshold, thresholdText, met: null, sentence: describe('—') };
  }
  const met = minBp === null ? null : part * 10_000 >= minBp * whole;
  const shown = `${formatBasisPoints(bp)}（${part}/${whole}）`;
  const verdict = met === null ? '' : met ? `，达到“${requirement}”的要求。` : `，未达到“${requirement}”的要求${shortfall ? `：${shortfall()}` : ''}。`;
  return { key, label, value: part, of: whole, basisPoints: bp, shown, threshold, thresholdText, met, sentence: `${describe(formatBasisPoints(bp))}${verdict || '。'}` };
}

/** How many more of the whole must have the property (added to both part and whole) to reach minBp. */
function moreNeeded(part: number, whole: number, minBp: number): number {
  if (minBp >= 10_000) return whole - part;
  return Math.max(0, ceilDiv(Math.max(0, minBp * whole - 10_000 * part), 10_000 - minBp));
}

/** Options of {@link computeYearlyFigures}. */
export type YearlyFigureOptions = {
  /** Rows of the target directory (for coverage; 0 when unknown). */
  directorySize: number;
  /** The bureau's settings: its requirements replace the defaults. */
  settings?: Pick<BureauSettings, 'requirements'> | null;
};

/**
 * The figures per plan year, oldest first. 抽查次数 counts draws (one draw is one 抽查 task), 户数 counts
 * distinct targets; the joint and credit-class shares of 次数 are shares of draws, the joint share of
 * 户数 a share of distinct targets; results are counted per drawn target.
 * @param draws the log's draws (readLogEvents(log).draws); voided ones are left out
 * @param results what readResults read (entered vs pending)
 * @param options `directorySize` (for coverage) and the bureau's `settings` (its requirements)
 * @returns one entry per year with its eight figures
 * @example computeYearlyFigures(draws, results, { directorySize: 300 })[0]?.figures.find((f) => f.key === 'jointInspections')?.met // true
 */
export function computeYearlyFigures(draws: readonly DrawItem[], results: ResultsReading | null, options: YearlyFigureOptions): YearFigures[] {
  const entered = new Map((results?.draws ?? []).map((r) => [r.seq, r]));
  const years = new Map<string, DrawItem[]>();
  for (const d of draws) {
    if (d.voided) continue;
    const year = planYearOf(d);
    years.set(year, [...(years.get(year) ?? []), d]);
  }
  const T = thresholdsOf(options.settings);
  return [...years.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, list]) => ({ year, draws: list.length, figures: yearFigures(year, list, entered, T, options.directorySize) }));
}

type Household = { name: string; times: number; joint: boolean; cap: number };

/** What one year's draws add up to. */
function tally(list: readonly DrawItem[], entered: ReadonlyMap<number, ResultsReading['draws'][number]>) {
  let jointDraws = 0;
  let classDraws = 0;
  let visits = 0;
  let done = 0;
  const households = new Map<string, Household>();
  for (const d of list) {
    const cap = annualCapOf(d);
    const r = entered.get(d.seq);
    let isJointDraw = false;
    d.teams.forEach((e, i) => {
      visits += 1;
      const isJoint = isJointTeam(e, d);
      isJointDraw ||= isJoint;
      const t = r?.targets[i];
      if (t && t.target === e.target && t.code) done += 1;
      const h = households.get(e.target) ?? { name: d.context.targets[e.target]?.name ?? e.target, times: 0, joint: false, cap: 0 };
      h.times += 1;
      h.joint ||= isJoint;
      if (cap > 0) h.cap = h.cap === 0 ? cap : Math.min(h.cap, cap);
      households.set(e.target, h);
    });
    if (isJointDraw) jointDraws += 1;
    if (usesCreditClasses(d)) classDraws += 1;
  }
  return { jointDraws, classDraws, visits, done, households };
}

function countFigure(key: FigureKey, label: string, value: number, sentence: string): Figure {
  return { key, label, value, of: null, basisPoints: null, shown: String(value), threshold: null, thresholdText: '—', met: null, sentence };
}

function yearFigures(
  year: string,
  list: readonly DrawItem[],
  entered: ReadonlyMap<number, ResultsReading['draws'][number]>,
  T: FigureThresholds,
  directorySize: number,
): Figure[] {
  const { jointDraws, classDraws, visits, done, households } = tally(list, entered);
  const inspections = list.length;
  const distinct = households.size;
  const jointHouseholds = [...households.values()].filter((h) => h.joint).length;
  const over = [...households.values()].filter((h) => h.cap > 0 && h.times > h.cap);
  return [
    countFigure('inspections', '抽查次数', inspections, `${year} 年度随机抽查 ${inspections} 次（每次抽取为一次抽查任务），共抽中检查对象 ${visits} 个。`),
    countFigure('households', '检查户数', distinct, `涉及检查对象 ${distinct} 户（同一对象多次抽中只计 1 户）。`),
    shareFigure('jointInspections', '联合抽查次数占比', jointDraws, inspections, T.jointInspections, (p) => `部门联合抽查 ${jointDraws} 次，占抽查次数 ${inspections} 次的 ${p}`, () => `还需 ${moreNeeded(jointDraws, inspections, T.jointInspections)} 次部门联合抽查（与其他单位联合；本单位不同科室联合不计）`),
    shareFigure('jointHouseholds', '联合抽查户数占比', jointHouseholds, distinct, T.jointHouseholds, (p) => `部门联合抽查 ${jointHouseholds} 户，占检查户数 ${distinct} 户的 ${p}`, () => `还需联合抽查 ${moreNeeded(jointHouseholds, distinct, T.jointHouseholds)} 户`),
    shareFigure('creditClasses', '信用分级分类抽查占比', classDraws, inspections, T.creditClasses, (p) => `按信用风险分级分类开展的抽查 ${classDraws} 次，占抽查次数 ${inspections} 次的 ${p}`, () => `还需 ${moreNeeded(classDraws, inspections, T.creditClasses)} 次按信用等级分档抽取的抽查（在计划表的抽查比例中按等级填写，如“低(A、1%)、中(B、3%)”）`),
    directorySize > 0
      ? shareFigure('coverage', '名录库覆盖率', distinct, directorySize, T.coverage, (p) => `抽中 ${distinct} 户，占检查对象名录库 ${directorySize} 户的 ${p}`, () => `还需再抽查 ${Math.max(0, ceilDiv(T.coverage * directorySize, 10_000) - distinct)} 户`)
      : { ...shareFigure('coverage', '名录库覆盖率', distinct, 0, T.coverage, () => '', null), sentence: '没有读到检查对象名录库，无法计算覆盖率：请读取含检查对象名录库的工作簿。' },
    {
      key: 'overAnnualCap',
      label: '超过年度上限的对象',
      value: over.length,
      of: null,
      basisPoints: null,
      shown: String(over.length),
      threshold: { kind: 'maxCount', count: T.overAnnualCap },
      thresholdText: String(T.overAnnualCap),
      met: over.length <= T.overAnnualCap,
      sentence: over.length
        ? `${over.length} 户检查对象在 ${year} 年度被抽中的次数超过年度上限：${over
            .slice(0, 5)
            .map((h) => `${h.name}（${h.times} 次，上限 ${h.cap} 次）`)
            .join('、')}${over.length > 5 ? ' 等' : ''}。请核对抽取设置，避免重复抽查。`
        : '没有检查对象的抽中次数超过抽取时设定的年度上限。',
    },
    shareFigure('resultsEntered', '检查结果录入', done, visits, T.resultsEntered, (p) => `已录入检查结果 ${done} 个、待录入 ${visits - done} 个，录入率 ${p}`, () => `请在检查结果登记表中补录 ${visits - done} 个结果后再公示`),
  ];
}

export const FIGURES_SHEET = '年度统计';
const FIGURES_HEADER = ['年度', '指标', '数值', '要求', '是否达标', '说明'] as const;
const FIGURES_WIDTHS = [8, 20, 16, 10, 10, 60] as const;
const NOTES_WIDTH = 148;

/**
 * Operations that add the 年度统计 sheet: one block of rows per year, then where the requirements come
 * from (this bureau's settings) and how the figures are counted.
 * @param sheet the new sheet's name (unique: nextFreeSheetName(FIGURES_SHEET, names))
 * @param years computeYearlyFigures' output (computed with the same settings)
 * @param title the title row
 * @param settings the bureau's settings: its requirements and the document it names
 * @returns the operations
 * @example figuresSheetOps('年度统计', years, '“双随机、一公开”年度统计')[0] // { kind: 'addSheet', sheet: '年度统计' }
 */
export function figuresSheetOps(
  sheet: string,
  years: readonly YearFigures[],
  title: string,
  settings: Pick<BureauSettings, 'requirements' | 'requirementsBasis'> | null = null,
): WorkbookOp[] {
  const rows = years.flatMap((y) =>
    y.figures.map((f) => [y.year, f.label, f.shown, f.thresholdText, f.met === null ? '—' : f.met ? '达标' : '未达标', f.sentence]),
  );
  const first = 3;
  const last = first + rows.length - 1;
  const notesRow = last + 2;
  const notes = ['要求来源与统计口径：', ...describeFigureBasis(settings).map((s, i) => `${i + 1}. ${s}`)];
  const ops: WorkbookOp[] = [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[title]], textColumns: [0] },
    { kind: 'merge', sheet, address: 'A1:F1' },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14, horizontal: 'center' } },
    { kind: 'write', sheet, address: 'A2', rows: [[...FIGURES_HEADER]] },
    { kind: 'style', sheet, address: 'A2:F2', style: { bold: true, border: true, fill: '#E2EFDA', horizontal: 'center' } },
  ];
  if (rows.length) {
    ops.push(
      { kind: 'write', sheet, address: `A${first}`, rows, textColumns: [0, 1, 2, 3, 4, 5] },
      { kind: 'style', sheet, address: `A${first}:F${last}`, style: { border: true, wrap: true, vertical: 'middle' } },
      { kind: 'style', sheet, address: `C${first}:E${last}`, style: { horizontal: 'center' } },
      { kind: 'rowHeights', sheet, fromRow: first, heights: rows.map((r) => wrappedRowHeight(r.map((text, i) => [text, FIGURES_WIDTHS[i]!] as const), 20)) },
    );
  }
  ops.push(
    { kind: 'write', sheet, address: `A${notesRow}`, rows: notes.map((n) => [n]), textColumns: [0] },
    ...notes.map((_, i): WorkbookOp => ({ kind: 'merge', sheet, address: `A${notesRow + i}:F${notesRow + i}` })),
    { kind: 'style', sheet, address: `A${notesRow}:A${notesRow + notes.length - 1}`, style: { fontSize: 9, wrap: true, vertical: 'top' } },
    // 9 pt notes across the merged A:F: about 1.2 times the characters of 11 pt text per line.
    { kind: 'rowHeights', sheet, fromRow: notesRow, heights: notes.map((n) => wrappedRowHeight([[n, NOTES_WIDTH]], 16, 13)) },
    { kind: 'columnWidths', sheet, widths: [...FIGURES_WIDTHS] },
    { kind: 'pageSetup', sheet, setup: { orientation: 'landscape', paper: 'A4', fitToOnePageWide: true, printTitleRows: '2:2', printArea: `A1:F${notesRow + notes.length - 1}` } },
    { kind: 'activate', sheet, address: 'A1' },
  );
  return ops;
}
