/**
 * The yearly figures a bureau reports on its random inspections, from the log's non-void draws,
 * the results entered and the target directory, each against its requirement (Xingtai 2025:
 * joint inspections ≥ 60 % of inspections and ≥ 50 % of households, credit-risk classes ≥ 90 %;
 * Chengde 2022 / Urumqi: ≥ 5 % of targets a year, results 100 % published).
 *
 * Integer arithmetic only: shares are basis points rounded down, and "met" compares
 * `part × 10000 ≥ threshold × whole` in integers, so 59.99 % never shows or counts as 60 %.
 */
import type { ResultEntry } from '../draw';
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

/** The requirements, in basis points (or a count for the annual cap). */
export const FIGURE_THRESHOLDS = {
  jointInspections: 6000,
  jointHouseholds: 5000,
  creditClasses: 9000,
  coverage: 500,
  resultsEntered: 10_000,
  overAnnualCap: 0,
} as const;

/** Where each requirement comes from (the seeds in ../shared/seeds), printed under the figures. */
export const FIGURE_SOURCES: readonly string[] = [
  '联合抽查次数占随机抽查总次数不低于 60%、联合抽查户数占随机抽查总户数不低于 50%：《2025年邢台市医疗保障局“双随机、一公开”监管工作实施方案》二（二）。',
  '运用信用风险分级分类开展的抽查次数占抽查总次数不低于 90%：同上，二（三）。',
  '年度随机抽查占比不低于 5%、抽查检查结果 100% 公示：《2022年承德县医疗保障局“双随机、一公开”监管工作实施方案》（承县医保字〔2022〕4号）一（三）；乌鲁木齐县医疗保障局实施方案“每年抽查数量不低于随机抽查市场主体5%”。',
  '年度上限：抽取时设定的“每年最多检查次数”（记在抽取记录的抽取设置中，未记载时按 1 次）；依据“对一定时期内已被抽查过的检查对象，应避免重复抽查”（《偃师区医疗保障局“双随机、一公开”监管工作细则》第十七条）。',
  '统计口径：按抽取记录中未作废的抽取、以抽取时间的年份统计（涉密抽取计入统计、不公示）；每个抽中的检查对象计 1 次检查；检查组成员来自两个及以上部门的为联合抽查；抽查比例按信用等级分档的抽取为运用信用风险分级分类；名录库户数为本工作簿检查对象名录库的行数。',
];

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

/**
 * Whether the team spans two or more departments (部门联合抽查). The members' departments are
 * those they were drawn for; a record without them falls back to the task's departments.
 */
export function isJointTeam(entry: ResultEntry, draw: Pick<DrawItem, 'record' | 'context'>): boolean {
  const depts = entry.members.map((m) => draw.context.inspectors[m]?.teamDepartment ?? '');
  if (depts.some((d) => d === '')) return draw.record.team.departments.length > 1;
  return new Set(depts).size > 1;
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
  const pct = minBp === null ? '' : minBp % 100 === 0 ? `${minBp / 100}%` : formatBasisPoints(minBp);
  // 100 % is "all of them", not a floor: shown as `100%` and said as such.
  const thresholdText = minBp === null ? '—' : minBp >= 10_000 ? '100%' : `≥ ${pct}`;
  const requirement = minBp !== null && minBp >= 10_000 ? '100%' : `不低于 ${pct}`;
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

/**
 * The figures per calendar year of the draw time, oldest year first.
 * @param draws the log's draws (readLogEvents(log).draws); voided ones are left out
 * @param results what readResults read (entered vs pending)
 * @param options `directorySize`: rows of the target directory (for coverage; 0 when unknown)
 * @returns one entry per year with its eight figures
 * @example computeYearlyFigures(draws, results, { directorySize: 300 })[0]?.figures.find((f) => f.key === 'jointInspections')?.met // true
 */
export function computeYearlyFigures(draws: readonly DrawItem[], results: ResultsReading | null, options: { directorySize: number }): YearFigures[] {
  const entered = new Map((results?.draws ?? []).map((r) => [r.seq, r]));
  const years = new Map<string, DrawItem[]>();
  for (const d of draws) {
    if (d.voided) continue;
    const year = /^(\d{4})/.exec(d.entry.time)?.[1] ?? '未知年份';
    years.set(year, [...(years.get(year) ?? []), d]);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, list]) => {
      let inspections = 0;
      let joint = 0;
      let byClass = 0;
      let done = 0;
      const households = new Map<string, { name: string; times: number; joint: boolean; cap: number }>();
      for (const d of list) {
        const isClass = usesCreditClasses(d);
        const cap = annualCapOf(d);
        const r = entered.get(d.seq);
        d.teams.forEach((e, i) => {
          inspections += 1;
          const isJoint = isJointTeam(e, d);
          if (isJoint) joint += 1;
          if (isClass) byClass += 1;
          const t = r?.targets[i];
          if (t && t.target === e.target && t.code) done += 1;
          const h = households.get(e.target) ?? { name: d.context.targets[e.target]?.name ?? e.target, times: 0, joint: false, cap: 0 };
          h.times += 1;
          h.joint ||= isJoint;
          if (cap > 0) h.cap = h.cap === 0 ? cap : Math.min(h.cap, cap);
          households.set(e.target, h);
        });
      }
      const distinct = households.size;
      const jointHouseholds = [...households.values()].filter((h) => h.joint).length;
      const over = [...households.values()].filter((h) => h.cap > 0 && h.times > h.cap);
      const T = FIGURE_THRESHOLDS;
      const figures: Figure[] = [
        {
          key: 'inspections',
          label: '检查次数',
          value: inspections,
          of: null,
          basisPoints: null,
          shown: String(inspections),
          threshold: null,
          thresholdText: '—',
          met: null,
          sentence: `${year} 年随机抽查 ${inspections} 次（${list.length} 次抽取，每个抽中的检查对象计 1 次检查）。`,
        },
        {
          key: 'households',
          label: '检查户数',
          value: distinct,
          of: null,
          basisPoints: null,
          shown: String(distinct),
          threshold: null,
          thresholdText: '—',
          met: null,
          sentence: `涉及检查对象 ${distinct} 户（同一对象多次抽中只计 1 户）。`,
        },
        shareFigure('jointInspections', '联合抽查次数占比', joint, inspections, T.jointInspections, (p) => `部门联合抽查 ${joint} 次，占检查次数 ${inspections} 次的 ${p}`, () => `还需 ${moreNeeded(joint, inspections, T.jointInspections)} 次部门联合抽查`),
        shareFigure('jointHouseholds', '联合抽查户数占比', jointHouseholds, distinct, T.jointHouseholds, (p) => `部门联合抽查 ${jointHouseholds} 户，占检查户数 ${distinct} 户的 ${p}`, () => `还需联合抽查 ${moreNeeded(jointHouseholds, distinct, T.jointHouseholds)} 户`),
        shareFigure('creditClasses', '信用分级分类抽查占比', byClass, inspections, T.creditClasses, (p) => `按信用风险分级分类抽取的检查 ${byClass} 次，占检查次数 ${inspections} 次的 ${p}`, () => `还需 ${moreNeeded(byClass, inspections, T.creditClasses)} 次按信用等级分档抽取的检查（在计划表的抽查比例中按等级填写，如“低(A、1%)、中(B、3%)”）`),
        options.directorySize > 0
          ? shareFigure('coverage', '名录库覆盖率', distinct, options.directorySize, T.coverage, (p) => `抽中 ${distinct} 户，占检查对象名录库 ${options.directorySize} 户的 ${p}`, () => `还需再抽查 ${Math.max(0, ceilDiv(T.coverage * options.directorySize, 10_000) - distinct)} 户`)
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
            ? `${over.length} 户检查对象在 ${year} 年被抽中的次数超过年度上限：${over
                .slice(0, 5)
                .map((h) => `${h.name}（${h.times} 次，上限 ${h.cap} 次）`)
                .join('、')}${over.length > 5 ? ' 等' : ''}。请核对抽取设置，避免重复抽查。`
            : '没有检查对象的抽中次数超过抽取时设定的年度上限。',
        },
        shareFigure('resultsEntered', '检查结果录入', done, inspections, T.resultsEntered, (p) => `已录入检查结果 ${done} 个、待录入 ${inspections - done} 个，录入率 ${p}`, () => `请在检查结果登记表中补录 ${inspections - done} 个结果后再公示`),
      ];
      return { year, draws: list.length, figures };
    });
}

export const FIGURES_SHEET = '年度统计';
const FIGURES_HEADER = ['年度', '指标', '数值', '要求', '是否达标', '说明'] as const;
const FIGURES_WIDTHS = [8, 20, 16, 10, 10, 60] as const;
const NOTES_WIDTH = 148;

/**
 * Operations that add the 年度统计 sheet: one block of rows per year, then the requirements' sources.
 * @param sheet the new sheet's name (unique: nextFreeSheetName(FIGURES_SHEET, names))
 * @param years computeYearlyFigures' output
 * @param title the title row
 * @returns the operations
 * @example figuresSheetOps('年度统计', years, '“双随机、一公开”年度统计')[0] // { kind: 'addSheet', sheet: '年度统计' }
 */
export function figuresSheetOps(sheet: string, years: readonly YearFigures[], title: string): WorkbookOp[] {
  const rows = years.flatMap((y) =>
    y.figures.map((f) => [y.year, f.label, f.shown, f.thresholdText, f.met === null ? '—' : f.met ? '达标' : '未达标', f.sentence]),
  );
  const first = 3;
  const last = first + rows.length - 1;
  const notesRow = last + 2;
  const notes = ['要求来源与统计口径：', ...FIGURE_SOURCES.map((s, i) => `${i + 1}. ${s}`)];
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
