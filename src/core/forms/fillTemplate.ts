/**
 * Filling a bureau's own record form (a template sheet) instead of ours. Two ways, both pure:
 * `{{名称}}`-style placeholders anywhere in a cell's text, and label cells (名称, 地址, 姓名 …)
 * whose value cell is found next to them. Copying the template sheet once per target and applying
 * the writes is the adapters' job.
 */
import type { DrawContext } from '../log/drawContext';
import type { DrawRecord, ResultEntry } from '../draw/types';
import type { Grid, MergedArea } from '../grid';
import { cellAddress } from '../grid';
import { buildRecordFormModel } from './buildRecordFormModel';
import { normalizeLabel } from './_lib/normalizeLabel';
import { isSameSection, isSameUnit } from '../rules';

/** One cell to write into the copied template. `address` is A1 in sheet coordinates. */
export type TemplateCellWrite = {
  readonly address: string;
  readonly value: string;
};

/** Values for a template, by key (`名称`, `检查人员1姓名` …). */
export type TemplateValues = Readonly<Record<string, string>>;

/** Labels that name one value: normalized label → key in the values map. */
const SCALAR_LABELS: Readonly<Record<string, string>> = {
  名称: '名称',
  检查对象名称: '名称',
  被检查对象名称: '名称',
  对象名称: '名称',
  统一社会信用代码: '统一社会信用代码',
  '统一社会信用代码/注册号': '统一社会信用代码',
  '统一社会信用代码(注册号)': '统一社会信用代码',
  社会信用代码: '统一社会信用代码',
  信用代码: '统一社会信用代码',
  注册号: '注册号',
  地址: '地址',
  住所: '地址',
  经营地址: '地址',
  经营场所: '地址',
  '住所(经营场所)': '地址',
  '地址(经营场所)': '地址',
  法定代表人: '法定代表人',
  负责人: '负责人',
  '法定代表人/负责人': '法定代表人',
  '法定代表人(负责人)': '法定代表人',
  法人代表: '法定代表人',
  抽查计划编号: '抽查计划编号',
  计划编号: '抽查计划编号',
  抽查计划名称: '抽查计划名称',
  计划名称: '抽查计划名称',
  抽查任务编号: '抽查任务编号',
  任务编号: '抽查任务编号',
  抽查任务名称: '抽查任务名称',
  任务名称: '抽查任务名称',
  抽查时间: '抽查时间',
};

/**
 * Lists: the k-th item is `<prefix><k><field>`; `unitField` and `departmentField` are the keys that
 * tie an item to a row's 单位 cell (its 所属单位, or the department it was drawn for).
 */
type ListSpec = {
  readonly prefix: string;
  readonly field: string;
  readonly unitField: string;
  readonly departmentField: string;
  readonly unitHeaders: readonly string[];
};

const INSPECTOR_UNIT_HEADERS = ['单位', '所属单位', '执法单位', '检查单位'];
const CHECK_UNIT_HEADERS = ['检查单位', '单位'];
const names: ListSpec = {
  prefix: '检查人员',
  field: '姓名',
  unitField: '单位',
  departmentField: '部门',
  unitHeaders: INSPECTOR_UNIT_HEADERS,
};
const idNumbers: ListSpec = { ...names, field: '执法证号' };
const units: ListSpec = { ...names, field: '单位', unitHeaders: [] };
const matters: ListSpec = {
  prefix: '检查事项',
  field: '',
  unitField: '检查单位',
  departmentField: '检查部门',
  unitHeaders: CHECK_UNIT_HEADERS,
};

const LIST_LABELS: Readonly<Record<string, ListSpec>> = {
  姓名: names,
  检查人员姓名: names,
  执法人员姓名: names,
  执法证号: idNumbers,
  身份证号: idNumbers,
  '执法证号/身份证号': idNumbers,
  '执法证号(身份证号)': idNumbers,
  执法证件号码: idNumbers,
  执法证编号: idNumbers,
  证件号码: idNumbers,
  单位: units,
  所属单位: units,
  执法单位: units,
  检查事项: matters,
};

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

function itemKey(spec: ListSpec, k: number, field: string): string {
  // 检查事项1 / 检查单位1 have no field part; 检查人员1姓名 has.
  return spec.prefix === '检查事项' ? `${field || spec.prefix}${k}` : `${spec.prefix}${k}${field}`;
}

/**
 * Whether a template's 单位 cell (`医疗\n保障局`) names an item: its 所属单位 with or without the
 * 行政区划 (舞钢市医疗保障局 = 医疗保障局), or the department it was drawn for (a 单位, or a 科室 as written).
 */
function namesItem(cellText: string, unit: string, department: string): boolean {
  return isSameUnit(unit, cellText) || isSameUnit(department, cellText) || isSameSection(department, cellText);
}

/**
 * The values of one target's form for a bureau's template: target fields, plan and task, and per
 * inspector `检查人员<k>姓名` / `检查人员<k>执法证号` / `检查人员<k>单位` (k from 1, departments in
 * record order), per department `检查单位<k>` / `检查事项<k>`.
 * @param record the draw record
 * @param context its frozen context
 * @param entry the drawn target and its team
 * @returns a new map of key → text ('' where unknown, e.g. the code of a 村卫生室)
 * @example
 * templateValuesFor(record, context, record.result[0]);
 * // { 名称: '舞钢市人民医院', 统一社会信用代码: '12410481…', 注册号: '12410481…', 地址: '…', 法定代表人: '张三', 负责人: '张三',
 * //   检查人员1姓名: '王建国', 检查人员1执法证号: 'YB001', 检查人员1单位: '舞钢市医疗保障局', 组长: '王建国', 抽查计划编号: '2024001', … }
 */
export function templateValuesFor(
  record: DrawRecord,
  context: DrawContext,
  entry: ResultEntry,
): Record<string, string> {
  const form = buildRecordFormModel(record, context, entry);
  const t = form.target;
  const out: Record<string, string> = {
    名称: t.name,
    检查对象名称: t.name,
    统一社会信用代码: t.uscc,
    注册号: t.uscc,
    '统一社会信用代码/注册号': t.uscc,
    地址: t.address,
    法定代表人: t.legalRep,
    负责人: t.legalRep,
    '法定代表人/负责人': t.legalRep,
    抽查计划编号: record.task.planNo,
    抽查计划名称: context.planName || record.task.planName,
    抽查任务编号: record.task.taskNo,
    抽查任务名称: context.taskName || record.task.taskName,
    抽查时间: context.periodText,
    抽查对象范围: context.scope,
    序号: form.serial > 0 ? String(form.serial) : '',
    总户数: String(form.total),
    说明: form.notes,
  };
  // Each person's own 所属单位 (the group's shared one when the context has none), and the department drawn for.
  const people = form.inspectorGroups.flatMap((g) =>
    g.inspectors.map((p) => {
      const info = Object.hasOwn(context.inspectors, p.id) ? context.inspectors[p.id] : undefined;
      return { ...p, unit: info?.unit || g.unit, department: info?.teamDepartment || g.department, section: info?.section ?? '' };
    }),
  );
  people.forEach((p, i) => {
    const k = i + 1;
    out[`检查人员${k}姓名`] = p.name;
    out[`检查人员${k}执法证号`] = p.idNumber;
    out[`检查人员${k}单位`] = p.unit;
    out[`检查人员${k}部门`] = p.department;
    out[`检查人员${k}科室`] = p.section;
  });
  const leader = people.find((p) => p.isLeader);
  out['组长'] = leader?.name ?? '';
  out['检查人员'] = people.map((p) => p.name).join('、');
  form.checks.forEach((c, i) => {
    out[`检查单位${i + 1}`] = c.unit;
    out[`检查部门${i + 1}`] = c.department;
    out[`检查事项${i + 1}`] = c.matter;
  });
  out['检查事项'] = form.checks
    .map((c) => c.matter)
    .filter((m) => m !== '')
    .join('；');
  return out;
}

type Cell = { r: number; c: number };

/** What {@link fillTemplate} wrote, and who of the team found no place on the form. */
export type TemplateFill = {
  readonly writes: readonly TemplateCellWrite[];
  /** The names of drawn inspectors that no cell of the template shows (no row of their 单位, or too few rows). */
  readonly unplaced: readonly string[];
  /** A Chinese error naming them; '' when everyone is on the form. */
  readonly message: string;
};

/**
 * Fills a bureau's template with values. A cell holding `{{key}}` placeholders gets them replaced
 * (unknown keys stay as they are). Otherwise a label cell (名称, 统一社会信用代码, 地址, 法定代表人,
 * 负责人, 姓名, 执法证号 … compared without spaces, line breaks, full-width forms or a trailing
 * colon) fills the nearest empty cell to its right, past its own merged area; if the cell to the
 * right is not empty, the cells below. List labels (姓名, 执法证号, 单位, 检查事项) fill downwards one
 * item per empty cell, choosing, where the row names a 单位, the next person of that 单位. Cells
 * not written keep what they hold.
 *
 * It also says who is missing: a drawn inspector whose name no cell shows (the template has no row
 * of their 单位, or fewer rows than people) is listed, so that the caller refuses to print a form
 * that silently leaves a team member off. A name shown by a placeholder (`{{检查人员2姓名}}`,
 * `{{检查人员}}`, `{{组长}}` for the leader) counts as shown.
 * @param templateGrid the template sheet as read by an adapter
 * @param values the map from {@link templateValuesFor} (or any key → text)
 * @returns the cell writes in reading order (the grid is not changed), the unplaced names and a message
 * @example
 * fillTemplate(grid, { 名称: '舞钢市人民医院' }).writes;
 * // grid row 0: ['名  称：', '', '{{名称}}（盖章）'] → [{ address: 'B1', value: '舞钢市人民医院' }, { address: 'C1', value: '舞钢市人民医院（盖章）' }]
 * @example
 * fillTemplate(wugangForm, values).message
 * // '模板“附件2”中没有以下检查人员的位置：陈伟（舞钢市市场监督管理局）。请在模板中为其单位增加一行，或核对模板中“单位”栏的写法。'
 */
export function fillTemplate(templateGrid: Grid, values: TemplateValues): TemplateFill {
  const g = templateGrid;
  const rows = g.text.length;
  const cols = rows > 0 ? Math.max(...g.text.map((row) => row.length)) : 0;
  const lookup = new Map<string, string>();
  for (const [k, v] of Object.entries(values)) {
    const nk = normalizeLabel(k);
    if (!lookup.has(nk)) lookup.set(nk, v);
  }
  const get = (key: string): string | undefined => lookup.get(normalizeLabel(key));

  const textAt = (r: number, c: number): string => g.text[r]?.[c] ?? '';
  const mergeAt = (r: number, c: number): MergedArea | undefined => {
    const sr = g.origin.row + r;
    const sc = g.origin.col + c;
    return g.merges.find((m) => sr >= m.top && sr <= m.bottom && sc >= m.left && sc <= m.right);
  };
  /** The top-left cell of the merged area holding (r, c), in grid coordinates. */
  const masterOf = (r: number, c: number): Cell => {
    const m = mergeAt(r, c);
    return m ? { r: m.top - g.origin.row, c: m.left - g.origin.col } : { r, c };
  };
  const isMaster = (r: number, c: number): boolean => {
    const m = masterOf(r, c);
    return m.r === r && m.c === c;
  };
  const isEmpty = (cell: Cell): boolean => textAt(cell.r, cell.c).trim() === '';
  const key = (cell: Cell): string => `${cell.r},${cell.c}`;

  const writes = new Map<string, { cell: Cell; value: string }>();
  const taken = new Set<string>();
  const used = new Map<string, Set<number>>();
  const take = (cell: Cell, value: string): void => {
    taken.add(key(cell));
    if (value !== '') writes.set(key(cell), { cell, value });
  };
  const isFree = (cell: Cell): boolean => isEmpty(cell) && !taken.has(key(cell));

  /** The cell right of the label (past its merged area), or null when that one holds something. */
  const rightOf = (label: Cell): Cell | null => {
    const m = mergeAt(label.r, label.c);
    let c = m ? m.right - g.origin.col + 1 : label.c + 1;
    for (; c < cols; c++) {
      const cell = masterOf(label.r, c);
      if (cell.r === label.r && cell.c === label.c) continue;
      return isFree(cell) ? cell : null;
    }
    return null;
  };
  /** Cells below the label (past its merged area) down to the first that holds something. */
  const belowOf = (label: Cell): Cell[] => {
    const m = mergeAt(label.r, label.c);
    const out: Cell[] = [];
    for (let r = m ? m.bottom - g.origin.row + 1 : label.r + 1; r < rows; r++) {
      const cell = masterOf(r, label.c);
      if (cell.r === label.r && cell.c === label.c) continue;
      if (out.some((x) => x.r === cell.r && x.c === cell.c)) continue;
      if (!isEmpty(cell)) break;
      if (!taken.has(key(cell))) out.push(cell);
    }
    return out;
  };

  const listCount = (spec: ListSpec, field: string): number => {
    let k = 1;
    while (get(itemKey(spec, k, field)) !== undefined) k++;
    return k - 1;
  };
  const usedOf = (spec: ListSpec): Set<number> => {
    const id = `${spec.prefix}|${spec.field}`;
    let s = used.get(id);
    if (!s) {
      s = new Set<number>();
      used.set(id, s);
    }
    return s;
  };
  const hasAnyUnit = (spec: ListSpec, n: number): boolean => {
    // When a row's 单位 matches nobody, take from anyone only if no item has a 单位 at all.
    for (let k = 1; k <= n; k++) if ((get(itemKey(spec, k, spec.unitField)) ?? '') !== '') return true;
    return false;
  };
  /** The next unused item, of the given 单位 when the row names one that some item has. */
  const nextItem = (spec: ListSpec, unitText: string): number | null => {
    const n = listCount(spec, spec.field);
    const u = usedOf(spec);
    const unitOf = (k: number): string => get(itemKey(spec, k, spec.unitField)) ?? '';
    const departmentOf = (k: number): string => get(itemKey(spec, k, spec.departmentField)) ?? '';
    const ofUnit = unitText
      ? Array.from({ length: n }, (_, i) => i + 1).filter((k) => namesItem(unitText, unitOf(k), departmentOf(k)))
      : [];
    const pool =
      ofUnit.length > 0
        ? ofUnit
        : unitText && hasAnyUnit(spec, n)
          ? []
          : Array.from({ length: n }, (_, i) => i + 1);
    const k = pool.find((x) => !u.has(x));
    if (k === undefined) return null;
    u.add(k);
    return k;
  };
  /** The 单位 a row names, read in the column headed 单位 on the label's row. */
  const unitColumn = (label: Cell, spec: ListSpec): number | null => {
    for (let c = 0; c < cols; c++) {
      if (c === label.c || !isMaster(label.r, c)) continue;
      if (spec.unitHeaders.includes(normalizeLabel(textAt(label.r, c)))) return c;
    }
    return null;
  };

  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!isMaster(r, c)) continue;
      const text = textAt(r, c);
      if (text.trim() === '') continue;
      if (text.includes('{{')) {
        const replaced = text.replace(PLACEHOLDER, (whole, name: string) => get(name) ?? whole);
        if (replaced !== text) writes.set(key({ r, c }), { cell: { r, c }, value: replaced });
        continue;
      }
      const label = normalizeLabel(text);
      const scalar = SCALAR_LABELS[label];
      if (scalar !== undefined) {
        const value = get(scalar);
        if (value === undefined) continue;
        const target = rightOf({ r, c }) ?? belowOf({ r, c })[0];
        if (target) take(target, value);
        continue;
      }
      const spec = LIST_LABELS[label];
      if (spec === undefined || listCount(spec, spec.field) === 0) continue;
      const right = rightOf({ r, c });
      if (right) {
        const k = nextItem(spec, '');
        if (k !== null) take(right, get(itemKey(spec, k, spec.field)) ?? '');
        continue;
      }
      const unitCol = unitColumn({ r, c }, spec);
      for (const cell of belowOf({ r, c })) {
        const unitCell = unitCol === null ? null : masterOf(cell.r, unitCol);
        const k = nextItem(spec, unitCell ? textAt(unitCell.r, unitCell.c).trim() : '');
        if (k === null) continue;
        take(cell, get(itemKey(spec, k, spec.field)) ?? '');
      }
    }
  }
  const sorted = [...writes.values()]
    .sort((a, b) => a.cell.r - b.cell.r || a.cell.c - b.cell.c)
    .map((w) => ({ address: cellAddress(g.origin.row + w.cell.r, g.origin.col + w.cell.c), value: w.value }));
  const unplaced = unplacedPeople(g, get, usedOf(names), listCount(names, names.field));
  const message = unplaced.length
    ? `模板“${g.sheet}”中没有以下检查人员的位置：${unplaced.join('、')}。请在模板中为其单位增加一行，或核对模板中“单位”栏的写法。`
    : '';
  return { writes: sorted, unplaced, message };
}

/**
 * The team members no cell shows: neither filled into a 姓名 row nor named by a placeholder. A
 * template without any inspector field at all leaves the whole team off, which is said too.
 */
function unplacedPeople(g: Grid, get: (key: string) => string | undefined, filled: ReadonlySet<number>, n: number): string[] {
  const placeholders = new Set<string>();
  for (const row of g.text) for (const text of row) for (const m of text.matchAll(PLACEHOLDER)) placeholders.add(normalizeLabel(m[1] ?? ''));
  if (placeholders.has(normalizeLabel('检查人员'))) return [];
  const out: string[] = [];
  for (let k = 1; k <= n; k++) {
    if (filled.has(k) || placeholders.has(normalizeLabel(itemKey(names, k, names.field)))) continue;
    const name = get(itemKey(names, k, names.field)) ?? '';
    if (placeholders.has(normalizeLabel('组长')) && name !== '' && name === get('组长')) continue;
    const unit = get(itemKey(names, k, names.unitField)) ?? '';
    out.push(unit ? `${name}（${unit}）` : name);
  }
  return out;
}
