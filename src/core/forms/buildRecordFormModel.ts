/**
 * The record form (部门联合抽查检查情况记录表, 一户一表) as plain data: one filled form per drawn
 * target, with the parts of Wugang's 附件2 — the inspectors by department, the target, per department
 * its 检查事项 and 检查结果, signatures and the 说明. How it is printed is buildRecordForms.ts; how it
 * fills a bureau's own template is fillTemplate.ts.
 */
import type { DrawContext, InspectorInfo, TargetInfo } from '../log/drawContext';
import type { DrawRecord, ResultEntry } from '../draw/types';
import { RESULT_CODES } from '../rules';

/** The form's title, as printed on 附件2. */
export const RECORD_FORM_TITLE = '部门联合抽查检查情况记录表';

/** The 说明 under the form, verbatim from 附件2 (codes built from the rules' RESULT_CODES). */
export const RECORD_FORM_NOTES =
  '说明：（1）检查结果栏填写相应编号：' +
  RESULT_CODES.map((c) => `${c.code}.${c.meaning}`).join('') +
  '。（2）备注栏可填写检查过程中责令停止违法与督促整改等相关情况。' +
  '（3）检查对象为非市场主体时，相关数据项可根据工作实际作相应调整。';

/** One inspector line of the form. */
export type RecordFormInspector = {
  readonly id: string;
  readonly name: string;
  /** 执法证号, or 身份证号 when the person has no badge; '' when neither is known. */
  readonly idNumber: string;
  readonly idKind: '执法证号' | '身份证号' | '';
  /** members[0] of the team: the 检查组组长. */
  readonly isLeader: boolean;
};

/** The inspectors a department sent, under its 单位 cell. */
export type RecordFormInspectorGroup = {
  /** The record's department name (`team.departments[].name`): a 单位, or a 科室 such as 基金监管科. */
  readonly department: string;
  /** Every record department in this 单位 row (two 科室 of one bureau share one row), first = `department`. */
  readonly departments: readonly string[];
  /** What the 单位 cell shows: the inspectors' common 所属单位 (邢台市医疗保障局), else the department. */
  readonly unit: string;
  readonly inspectors: readonly RecordFormInspector[];
  /** Lines the block shows: the inspectors, padded with blank lines to `minRowsPerDepartment` (附件2: 2). */
  readonly rows: number;
};

/** The 被检查对象 block. */
export type RecordFormTarget = {
  readonly id: string;
  readonly name: string;
  /** 统一社会信用代码/注册号; '' for a target that is not a market entity (村卫生室). */
  readonly uscc: string;
  readonly address: string;
  readonly legalRep: string;
};

/** One row of the 检查单位 · 检查事项 · 检查结果 table. */
export type RecordFormCheck = {
  readonly department: string;
  readonly unit: string;
  readonly matter: string;
  /** Filled by hand with a code of the rules' RESULT_CODES; always '' here. */
  readonly result: string;
};

/** A signature block with its date line. */
export type RecordFormSignature = {
  readonly label: string;
  readonly dateText: string;
};

/** One filled record form, as plain data. */
export type RecordFormModel = {
  readonly title: string;
  /** Small line under the title tying the paper to the draw: task, plan and task numbers, n of N. */
  readonly reference: string;
  /** 1-based position of the target in the draw result. */
  readonly serial: number;
  readonly total: number;
  readonly inspectorGroups: readonly RecordFormInspectorGroup[];
  readonly target: RecordFormTarget;
  readonly checks: readonly RecordFormCheck[];
  readonly remarks: string;
  readonly signatures: readonly [RecordFormSignature, RecordFormSignature];
  readonly notes: string;
};

export type RecordFormModelOptions = {
  /** Inspector rows shown per department even when fewer were drawn (附件2 has 2). Default 2. */
  minRowsPerDepartment?: number;
};

const DATE_TEXT = '年    月    日';
/** 附件2's layout keeps the form's own line breaks in its labels. */
const SIGN_TARGET = '被检查对象\n（签字/盖章）';
const SIGN_INSPECTORS = '执法检查人员\n（签字/盖章）';

type InspectorInfoWithResidentId = InspectorInfo & { residentId?: string };

function targetOf(context: DrawContext, id: string): TargetInfo | undefined {
  return Object.prototype.hasOwnProperty.call(context.targets, id) ? context.targets[id] : undefined;
}

function inspectorOf(context: DrawContext, id: string): InspectorInfoWithResidentId | undefined {
  return Object.prototype.hasOwnProperty.call(context.inspectors, id) ? context.inspectors[id] : undefined;
}

/**
 * The 单位 a department's row prints: its inspectors' 所属单位 when they share one (邢台市医疗保障局, also
 * for a task department that is a 科室 such as 基金监管科), else the department as the record names it.
 * 附件2's 单位 and 检查单位 cells ask for the 单位; a 科室 is printed only where a template asks for it.
 */
function unitLabel(department: string, infos: readonly (InspectorInfoWithResidentId | undefined)[]): string {
  const units = new Set(infos.map((i) => i?.unit ?? ''));
  const [u] = [...units];
  return units.size === 1 && u ? u : department;
}

/**
 * Groups that print the same 单位 become one: two 科室 of one bureau on a team are one 单位 row on
 * 附件2, with all their inspectors.
 */
function mergeSameUnit(groups: readonly RecordFormInspectorGroup[], minRows: number): RecordFormInspectorGroup[] {
  const out: RecordFormInspectorGroup[] = [];
  for (const g of groups) {
    const same = out.findIndex((o) => o.unit === g.unit && o.unit !== o.department);
    if (same < 0 || g.unit === g.department) {
      out.push(g);
      continue;
    }
    const first = out[same]!;
    const inspectors = [...first.inspectors, ...g.inspectors];
    out[same] = { ...first, departments: [...first.departments, ...g.departments], inspectors, rows: Math.max(minRows, inspectors.length) };
  }
  return out;
}

/** The departments in record order, then any department an inspector was drawn for that the record does not list. */
function departmentOrder(record: DrawRecord, context: DrawContext, members: readonly string[]): string[] {
  const order = record.team.departments.map((d) => d.name);
  for (const m of members) {
    const d = inspectorOf(context, m)?.teamDepartment ?? '';
    if (!order.includes(d)) order.push(d);
  }
  return order;
}

/**
 * Builds the plain model of one filled record form (一户一表) from a draw and its frozen context.
 * Missing context entries show the id instead of a name; a target without 统一社会信用代码
 * (村卫生室) gets a blank code.
 * @param record the ssj-draw/1 record (its department order is the form's)
 * @param context names, codes and matters frozen at draw time
 * @param entry the drawn target and its team (`members[0]` is the leader)
 * @param options `minRowsPerDepartment` (default 2, as on 附件2)
 * @returns the form as data: title, inspectors by department, target, checks, signatures, 说明
 * @example
 * const form = buildRecordFormModel(record, context, record.result[0]);
 * form.inspectorGroups[0]; // { department: '医疗保障局', unit: '舞钢市医疗保障局', inspectors: [{ name: '王建国', idNumber: 'YB001', idKind: '执法证号', isLeader: true, … }] }
 * form.checks[0]; // { department: '医疗保障局', unit: '舞钢市医疗保障局', matter: '医疗保障基金使用情况进行监督检查', result: '' }
 */
export function buildRecordFormModel(
  record: DrawRecord,
  context: DrawContext,
  entry: ResultEntry,
  options: RecordFormModelOptions = {},
): RecordFormModel {
  const minRows = Math.max(1, Math.floor(options.minRowsPerDepartment ?? 2));
  const members = entry.members.length > 0 ? entry.members : [entry.leader];
  const departments = departmentOrder(record, context, members);
  const byDepartment: RecordFormInspectorGroup[] = departments
    .map((department) => {
      const ids = members.filter((m) => (inspectorOf(context, m)?.teamDepartment ?? '') === department);
      const infos = ids.map((id) => inspectorOf(context, id));
      const inspectors = ids.map((id, i): RecordFormInspector => {
        const info = infos[i];
        const badge = info?.badgeNo ?? '';
        const resident = info?.residentId ?? '';
        return {
          id,
          name: info?.name || id,
          idNumber: badge || resident,
          idKind: badge ? '执法证号' : resident ? '身份证号' : '',
          isLeader: id === entry.leader,
        };
      });
      return {
        department,
        departments: [department],
        unit: unitLabel(department, infos),
        inspectors,
        rows: Math.max(minRows, inspectors.length),
      };
    })
    // A department the record does not list shows only if someone was drawn for it.
    .filter((g, i) => i < record.team.departments.length || g.inspectors.length > 0);
  const groups = mergeSameUnit(byDepartment, minRows);

  const t = targetOf(context, entry.target);
  const target: RecordFormTarget = {
    id: entry.target,
    name: t?.name || entry.target,
    uscc: t?.uscc ?? '',
    address: t?.address ?? '',
    legalRep: t?.legalRep ?? '',
  };
  // Someone missing from the context has no department: listed as an inspector, not as a 检查单位.
  const checks: RecordFormCheck[] = groups
    .filter((g) => g.department !== '')
    .map((g) => ({
      department: g.department,
      unit: g.unit,
      matter: context.matters
        .filter((m) => g.departments.includes(m.department))
        .map((m) => m.matter.trim())
        .filter((m) => m !== '')
        .join('；'),
      result: '',
    }));
  const index = record.result.indexOf(entry);
  const found = index >= 0 ? index : record.result.findIndex((e) => e.target === entry.target);
  const serial = found + 1;
  const total = record.result.length;
  const task = context.taskName || record.task.taskName;
  const numbers = [record.task.planNo, record.task.taskNo].filter((s) => s !== '').join('-');
  const head = [task, numbers ? `（${numbers}）` : ''].join('');
  const reference = [head ? `抽查任务：${head}` : '', serial > 0 ? `第 ${serial} 户／共 ${total} 户` : '']
    .filter((s) => s !== '')
    .join('    ');
  return {
    title: RECORD_FORM_TITLE,
    reference,
    serial,
    total,
    inspectorGroups: groups,
    target,
    checks,
    remarks: '',
    signatures: [
      { label: SIGN_TARGET, dateText: DATE_TEXT },
      { label: SIGN_INSPECTORS, dateText: DATE_TEXT },
    ],
    notes: RECORD_FORM_NOTES,
  };
}
