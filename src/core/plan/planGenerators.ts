/**
 * Helps staff fill the annual plan table right the first time: names and numbers composed by the
 * rules of the table's 备注, the next free 序号, a new plan table in the standard (Xingtai) layout
 * with dropdowns and input messages, and new rows appended without touching others.
 */
import type { Grid } from '../grid';
import type { PlanTask } from '../prepare/planTask';
import type { CellInput, WorkbookOp } from '../workbookOps';
import { formatBasisPoints, parseRatio } from '../rules';
import type { Ratio } from '../rules';
import { SETTINGS_SHEET } from '../settingsSheet';

export type BureauSettings = {
  year: number;
  /** 行政区划: 邢台市, 承德县 … */
  division: string;
  /** 部门: 医疗保障局, or a 分局 such as 医疗保障局桥东分局. */
  department: string;
  teamSize: number;
  jointDepartments: string[];
  /** Credit classes in use with their default ratios (basis points). */
  creditClasses: { label: string; cls: string; basisPoints: number }[];
  /**
   * 每组至少局部门工作人员 (偃师 2024 第二十条: two): frozen into each draw; absent = the draw default
   * (DRAW_RULE_DEFAULTS.minStaff, 1: ssj-draw/1).
   */
  minStaff?: number;
  /**
   * The bureau's yearly requirements in basis points, each absent when the bureau keeps the default
   * (FIGURE_THRESHOLDS in src/core/results, from the seeds: joint 60 % / 50 %, credit classes 90 %,
   * coverage 5 %).
   */
  requirements?: YearlyRequirements;
  /** The bureau's own document the requirements come from (本局实施方案), cited on 年度统计. */
  requirementsBasis?: string;
  /** Hours after the on-site check within which results are reported (乌鲁木齐: 24); absent = not checked. */
  reportHours?: number;
  /**
   * 抽查比例 for targets found with problems before (偃师 第十七条 “可增加抽查比例”), in basis points;
   * absent = no separate stratum.
   */
  problemRatioBasisPoints?: number;
};

/** Yearly requirements a bureau may set (basis points of the whole), each optional. */
export type YearlyRequirements = {
  jointInspections?: number;
  jointHouseholds?: number;
  creditClasses?: number;
  coverage?: number;
};

/** The settings sheet's keys of the optional settings, in the order they are written. */
const OPTIONAL_KEYS = {
  minStaff: '每组至少局部门工作人员',
  jointInspections: '联合抽查次数占比不低于',
  jointHouseholds: '联合抽查户数占比不低于',
  creditClasses: '信用分级分类抽查占比不低于',
  coverage: '名录库覆盖率不低于',
  requirementsBasis: '年度要求依据',
  reportHours: '检查结果上报时限（小时）',
  problemRatio: '既往发现问题对象抽查比例',
} as const;

const REQUIREMENT_KEYS = ['jointInspections', 'jointHouseholds', 'creditClasses', 'coverage'] as const;

/** Rows of the settings' key/value block when every setting is written: header, six base rows, the optional ones. */
const SETTINGS_KEY_ROWS = 1 + 6 + Object.keys(OPTIONAL_KEYS).length;

export const PLAN_COLUMNS = [
  '抽查计划编号',
  '抽查计划名称',
  '抽查任务编号',
  '抽查任务名称',
  '抽查类型',
  '抽查比例',
  '抽查事项',
  '抽查对象范围',
  '发起科室',
  '联合科室',
  '抽查时间',
  '实施检查层级',
  '备注',
] as const;

export const TASK_TYPES = ['定向抽查', '不定向抽查'] as const;
export const LEVELS = ['省级', '市本级', '县级', '乡镇'] as const;

/**
 * 抽查计划名称 = 年度 + 行政区划 + 部门 + 随机抽查 + 序号.
 * @example composePlanName({ year: 2025, division: '邢台市', department: '医疗保障局' }, 1) // '2025年邢台市医疗保障局随机抽查001'
 */
export function composePlanName(s: Pick<BureauSettings, 'year' | 'division' | 'department'>, seq: number): string {
  return `${s.year}年${s.division}${s.department}随机抽查${String(seq).padStart(3, '0')}`;
}

/**
 * 抽查计划编号 = year + 3-digit 序号.
 * @example composePlanNo(2025, 2) // '2025002'
 */
export function composePlanNo(year: number, seq: number): string {
  return `${year}${String(seq).padStart(3, '0')}`;
}

/**
 * The next free plan 序号 of a year, after every plan number already in the table.
 * @example nextPlanSeq([{ planNo: '2025001' }, { planNo: '2025003' }], 2025) // 4
 */
export function nextPlanSeq(tasks: readonly Pick<PlanTask, 'planNo'>[], year: number): number {
  const used = tasks.map((t) => /^(\d{4})(\d{3})$/.exec(t.planNo)).filter((m) => m && Number(m[1]) === year).map((m) => Number(m![2]));
  return used.length ? Math.max(...used) + 1 : 1;
}

/**
 * The next free task number within a plan.
 * @example nextTaskNo([{ planNo: '2025002', taskNo: '001' }], '2025002') // '002'
 */
export function nextTaskNo(tasks: readonly Pick<PlanTask, 'planNo' | 'taskNo'>[], planNo: string): string {
  const used = tasks.filter((t) => t.planNo === planNo).map((t) => Number(t.taskNo)).filter(Number.isFinite);
  return String(used.length ? Math.max(...used) + 1 : 1).padStart(3, '0');
}

/**
 * A ratio as the table writes it: `5%`, or `低(A、1%)、中(B、3%)…`.
 * @example formatRatio({ kind: 'plain', basisPoints: 500 }) // '5%'
 */
export function formatRatio(r: Ratio): string {
  if (r.kind === 'plain') return formatBasisPoints(r.basisPoints);
  return r.classes.map((c) => `${c.label ?? ''}(${c.cls}、${formatBasisPoints(c.basisPoints)})`).join('、');
}

export type NewTask = {
  taskName: string;
  taskType: 'directed' | 'undirected';
  ratio: Ratio;
  matters: string;
  scope: string;
  leadDept: string;
  jointDepts: string[];
  startMonth: number;
  endMonth: number;
  level: string;
  note?: string;
};

/**
 * One plan-table row for a task, numbered by the rules.
 * @example planRow(settings, '2025002', 2, '001', task)[1] // '2025年邢台市医疗保障局随机抽查002'
 */
export function planRow(s: BureauSettings, planNo: string, planSeq: number, taskNo: string, t: NewTask): string[] {
  const months = t.startMonth === t.endMonth ? `${t.startMonth}月` : `${t.startMonth}-${t.endMonth}月`;
  return [
    planNo,
    composePlanName(s, planSeq),
    `${taskNo}号`,
    t.taskName,
    t.taskType === 'directed' ? '定向抽查' : '不定向抽查',
    formatRatio(t.ratio),
    t.matters,
    t.scope,
    t.leadDept,
    t.jointDepts.join('、'),
    `${s.year}年${months}`,
    t.level,
    t.note ?? '',
  ];
}

const LAST = 'M';

/**
 * A new plan table in the standard layout: title, 单位（盖章）/制表时间, the rules as notes ABOVE the
 * header (so rows can be appended below without moving anything), the header, dropdowns for
 * 抽查类型 and 实施检查层级, input messages with the naming and month rules, A4 landscape.
 * @param sheet the new sheet's name
 * @param s bureau settings
 * @param today `YYYY年M月D日` for 制表时间
 * @param rowsAhead how many rows get the dropdowns (default 200)
 * @example newPlanTableOps('2026年度抽查计划', settings, '2026年1月5日')
 */
export function newPlanTableOps(sheet: string, s: BureauSettings, today: string, rowsAhead = 200): WorkbookOp[] {
  const header = PLAN_HEADER_ROW;
  const first = header + 1;
  const last = header + rowsAhead;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[`${s.division}${s.department}${s.year}年度随机抽查工作计划`]] },
    { kind: 'merge', sheet, address: `A1:${LAST}1` },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 16, horizontal: 'center', fontName: '宋体' } },
    { kind: 'write', sheet, address: 'A2', rows: [[`单位（盖章）：${s.division}${s.department}`]] },
    { kind: 'merge', sheet, address: 'A2:F2' },
    { kind: 'write', sheet, address: 'G2', rows: [[`制表时间：${today}`]] },
    { kind: 'merge', sheet, address: `G2:${LAST}2` },
    {
      kind: 'write',
      sheet,
      address: 'A3',
      rows: [['备注：1.抽查计划名称为：年度+行政区划+部门+随机抽查+序号，抽查任务名称以实施方案名称为准。2.抽查时间必须填到月份。']],
    },
    { kind: 'merge', sheet, address: `A3:${LAST}3` },
    { kind: 'style', sheet, address: 'A3', style: { wrap: true, fontSize: 9 } },
    { kind: 'write', sheet, address: `A${header}`, rows: [[...PLAN_COLUMNS]] },
    { kind: 'style', sheet, address: `A${header}:${LAST}${header}`, style: { bold: true, wrap: true, horizontal: 'center', vertical: 'middle', border: true, fill: '#DDEBF7' } },
    { kind: 'style', sheet, address: `A${first}:${LAST}${last}`, style: { wrap: true, vertical: 'middle', border: true } },
    { kind: 'style', sheet, address: `A${first}:C${last}`, style: { numberFormat: '@' } },
    { kind: 'listValidation', sheet, address: `E${first}:E${last}`, items: [...TASK_TYPES], prompt: '市以下均为定向抽查。' },
    { kind: 'listValidation', sheet, address: `L${first}:L${last}`, items: [...LEVELS] },
    { kind: 'columnWidths', sheet, widths: [11, 30, 9, 30, 10, 22, 34, 14, 12, 14, 16, 10, 12] },
    // Tall enough for two or three wrapped lines: Excel does not grow rows for text written by code.
    { kind: 'rowHeights', sheet, fromRow: 3, heights: [30, 30, ...new Array<number>(rowsAhead).fill(45)] },
    { kind: 'pageSetup', sheet, setup: { orientation: 'landscape', paper: 'A4', fitToOnePageWide: true, printTitleRows: `${header}:${header}`, margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 } } },
  ];
}

/** The header row of a plan table made by newPlanTableOps (1-based). */
export const PLAN_HEADER_ROW = 4;

/** The settings sheet: very hidden, key/value rows, so the CLI, the page and the add-in see the same. */
export { SETTINGS_SHEET };

/**
 * Operations that store the settings (replacing the sheet's content).
 * @example saveSettingsOps(settings, false)
 */
export function saveSettingsOps(s: BureauSettings, exists: boolean): WorkbookOp[] {
  const rows: CellInput[][] = [
    ['键', '值'],
    ['年度', String(s.year)],
    ['行政区划', s.division],
    ['部门', s.department],
    ['默认检查组人数', String(s.teamSize)],
    ['联合部门', s.jointDepartments.join('、')],
    ['信用等级', s.creditClasses.map((c) => `${c.label}(${c.cls}、${formatBasisPoints(c.basisPoints)})`).join('、')],
    ...optionalRows(s),
  ];
  // A rule the bureau cleared writes no row, so the rows below move up: blank the rest of the
  // key/value block, or the last old row would stay and keep that rule in force. (null clears a
  // cell in every adapter, as in saveTableChoicesOps.)
  while (rows.length < SETTINGS_KEY_ROWS) rows.push([null, null]);
  return [
    ...(exists ? [] : ([{ kind: 'addSheet', sheet: SETTINGS_SHEET, visibility: 'veryHidden' }] as WorkbookOp[])),
    { kind: 'write', sheet: SETTINGS_SHEET, address: 'A1', rows, textColumns: [1] },
  ];
}

/** Rows for the optional settings that are set; an unset one writes no row (the default applies). */
function optionalRows(s: BureauSettings): CellInput[][] {
  const rows: CellInput[][] = [];
  if (s.minStaff !== undefined) rows.push([OPTIONAL_KEYS.minStaff, String(s.minStaff)]);
  for (const key of REQUIREMENT_KEYS) {
    const bp = s.requirements?.[key];
    if (bp !== undefined) rows.push([OPTIONAL_KEYS[key], formatBasisPoints(bp)]);
  }
  if (s.requirementsBasis) rows.push([OPTIONAL_KEYS.requirementsBasis, s.requirementsBasis]);
  if (s.reportHours !== undefined) rows.push([OPTIONAL_KEYS.reportHours, String(s.reportHours)]);
  if (s.problemRatioBasisPoints !== undefined) rows.push([OPTIONAL_KEYS.problemRatio, formatBasisPoints(s.problemRatioBasisPoints)]);
  return rows;
}

/** A whole number in [min, max] written in a settings cell, or undefined. */
function readInteger(text: string | undefined, min: number, max: number): number | undefined {
  const t = (text ?? '').trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= min && n <= max ? n : undefined;
}

/** A percentage written in a settings cell (`60%`) in basis points, or undefined. */
function readPercent(text: string | undefined): number | undefined {
  const parsed = parseRatio((text ?? '').trim());
  return parsed.ok && parsed.value.kind === 'plain' ? parsed.value.basisPoints : undefined;
}

/** The optional settings present in the sheet's key/value rows. */
function readOptional(kv: ReadonlyMap<string, string>): Partial<BureauSettings> {
  const out: Partial<BureauSettings> = {};
  const minStaff = readInteger(kv.get(OPTIONAL_KEYS.minStaff), 1, 20);
  if (minStaff !== undefined) out.minStaff = minStaff;
  const requirements: YearlyRequirements = {};
  for (const key of REQUIREMENT_KEYS) {
    const bp = readPercent(kv.get(OPTIONAL_KEYS[key]));
    if (bp !== undefined) requirements[key] = bp;
  }
  if (Object.keys(requirements).length > 0) out.requirements = requirements;
  const basis = (kv.get(OPTIONAL_KEYS.requirementsBasis) ?? '').trim();
  if (basis) out.requirementsBasis = basis;
  const hours = readInteger(kv.get(OPTIONAL_KEYS.reportHours), 1, 24 * 365);
  if (hours !== undefined) out.reportHours = hours;
  const problemRatio = readPercent(kv.get(OPTIONAL_KEYS.problemRatio));
  if (problemRatio !== undefined) out.problemRatioBasisPoints = problemRatio;
  return out;
}

/**
 * Settings read back from the settings sheet, or null when there is none.
 * @example readSettings(grid)?.division // '邢台市'
 */
export function readSettings(grid: Grid | undefined): BureauSettings | null {
  if (!grid) return null;
  const kv = new Map(grid.text.map((r) => [r[0] ?? '', r[1] ?? '']));
  const year = Number(kv.get('年度'));
  if (!Number.isInteger(year)) return null;
  const classes = [...(kv.get('信用等级') ?? '').matchAll(/([^、(（]*)[(（]([A-Za-z\u4e00-\u9fff]+)、(\d+(?:\.\d+)?)%[)）]/g)].map((m) => ({
    label: m[1]!.trim(),
    cls: m[2]!,
    basisPoints: Math.round(Number(m[3]) * 100),
  }));
  return {
    year,
    division: kv.get('行政区划') ?? '',
    department: kv.get('部门') ?? '',
    teamSize: Number(kv.get('默认检查组人数')) || 2,
    jointDepartments: (kv.get('联合部门') ?? '').split('、').filter(Boolean),
    creditClasses: classes,
    ...readOptional(kv),
  };
}

/**
 * Proposes settings from what the workbook already holds: the plan names' year, division and
 * department, the directory's credit classes.
 * @example proposeSettings(tasks, ['A','B'], 2026).division // '邢台市'
 */
export function proposeSettings(
  parts: readonly { year?: number; division?: string; department?: string }[],
  classes: readonly string[],
  fallbackYear: number,
): BureauSettings {
  const most = <T>(xs: (T | undefined)[]): T | undefined => {
    const counts = new Map<T, number>();
    for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const defaults: Record<string, number> = { A: 100, B: 300, C: 1000, D: 2000, E: 3000 };
  const labels: Record<string, string> = { A: '低', B: '中', C: '中高', D: '高', E: '很高' };
  return {
    year: most(parts.map((p) => p.year)) ?? fallbackYear,
    division: most(parts.map((p) => p.division)) ?? '',
    department: most(parts.map((p) => p.department)) ?? '医疗保障局',
    teamSize: 2,
    jointDepartments: [],
    creditClasses: [...classes].sort().map((c) => ({ label: labels[c] ?? c, cls: c, basisPoints: defaults[c] ?? 500 })),
  };
}
