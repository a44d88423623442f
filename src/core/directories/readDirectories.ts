/**
 * Turns the found directory tables (targets, inspectors, history) into plain records with the ids
 * a draw uses. Ids (docs/draw.md):
 * - a target: its 统一社会信用代码 when the code is valid; otherwise `名称:<name>` (a 村卫生室 has no code);
 * - an inspector: the 执法证号; otherwise `姓名:<name>@<单位>`.
 * A `/` in a name becomes `／` so ids never hold the character ssj-draw/1 reserves.
 */
import type { CellValue } from '../grid';
import type { RecordDate } from './parseRecordDate';
import { parseRecordDate } from './parseRecordDate';
import { isValidUscc, normalizeCode } from '../ids';
import type { FoundTable, TableRow } from '../tables';
import { collapseSpaces } from '../text';

export type TargetEntry = {
  id: string;
  /** 0-based sheet row and the sheet. */
  sheet: string;
  row: number;
  name: string;
  uscc: string;
  address: string;
  legalRep: string;
  type: string;
  region: string;
  creditClass: string;
  status: string;
  tags: string[];
  /** Excel serial of 上次检查日期, when the directory keeps one. */
  lastInspected: number | null;
};

export type InspectorEntry = {
  id: string;
  sheet: string;
  row: number;
  name: string;
  badgeNo: string;
  residentId: string;
  department: string;
  section: string;
  staff: boolean;
  onDuty: boolean;
  /** Target names or codes this person must not inspect (回避). */
  conflicts: string[];
  tags: string[];
};

export type HistoryEntry = {
  sheet: string;
  row: number;
  /** Excel serial day, null when the cell is empty or not a usable date (see `dateIssue`). */
  date: number | null;
  /** Why the date was not read as written (a finding shown before the draw), or null. */
  dateIssue?: RecordDate["issue"];
  /** 0-based sheet column of the date cell (-1 when the table has none). */
  dateColumn?: number;
  targetName: string;
  uscc: string;
  inspectorNames: string[];
  badgeNos: string[];
  planNo: string;
  /** 检查结果 as written ('' or absent when the history has no such column). */
  result?: string;
};

export type Directories = { targets: TargetEntry[]; inspectors: InspectorEntry[]; history: HistoryEntry[] };

const text = (row: TableRow, field: string): string => collapseSpaces(row.cells[field]?.text ?? '').trim();
const raw = (row: TableRow, field: string): CellValue => row.cells[field]?.value ?? null;
const list = (s: string): string[] => {
  const out: string[] = [];
  if (s === '') return out;
  for (const part of s.split(/[、,，;；\n\s]+/)) {
    const x = part.trim();
    if (x) out.push(x);
  }
  return out;
};
const safeId = (s: string): string => s.replace(/\//g, '／');

const NOT_STAFF = /(事业|聘用|协管|协助|辅助|临时|编外|第三方|专家|否)/;
const OFF_DUTY = /(休假|病假|产假|离岗|停职|借调|调离|退休|不在岗|否|挂职|学习)/;

/**
 * Excel serial of a date cell, or of a date written as text (`2024/3/5`, `2024-03-05`, `2024年3月5日`).
 * @example dateSerialOf(45717, '') // 45717
 * @example dateSerialOf('2025年3月1日', '2025年3月1日') // 45717
 */
export function dateSerialOf(value: CellValue, shown: string): number | null {
  return parseRecordDate(value, shown, Number.POSITIVE_INFINITY).serial;
}

/**
 * Target directory rows as records; duplicate ids keep the first row (the validator reports the rest).
 * @example readTargets(table)[0].id // '914403001922038216'
 */
export function readTargets(table: FoundTable): TargetEntry[] {
  const out: TargetEntry[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const name = text(row, 'name');
    if (!name) continue;
    const code = normalizeCode(text(row, 'uscc'));
    const valid = code !== '' && isValidUscc(code);
    const id = valid ? code : `名称:${safeId(name)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      sheet: table.sheet,
      row: row.row,
      name,
      uscc: code,
      address: text(row, 'address'),
      legalRep: text(row, 'legalRep'),
      type: text(row, 'type'),
      region: text(row, 'region'),
      creditClass: normalizeCode(text(row, 'creditClass')).replace(/[级类]$/, ''),
      status: text(row, 'status'),
      tags: list(text(row, 'tags')),
      lastInspected: dateSerialOf(raw(row, 'lastInspected'), text(row, 'lastInspected')),
    });
  }
  return out;
}

/**
 * Inspector directory rows as records.
 * @example readInspectors(table)[0].staff // true for 局部门工作人员
 */
export function readInspectors(table: FoundTable): InspectorEntry[] {
  const out: InspectorEntry[] = [];
  const seen = new Set<string>();
  const hasStaff = 'staff' in table.columns;
  for (const row of table.rows) {
    const name = text(row, 'name');
    if (!name) continue;
    const badgeNo = normalizeCode(text(row, 'badgeNo'));
    const department = text(row, 'department');
    const id = badgeNo ? safeId(badgeNo) : `姓名:${safeId(name)}@${safeId(department)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const staffText = text(row, 'staff');
    out.push({
      id,
      sheet: table.sheet,
      row: row.row,
      name,
      badgeNo,
      residentId: normalizeCode(text(row, 'residentId')),
      department,
      section: text(row, 'section'),
      // Without a column saying who is staff, everyone may lead; the pane says so.
      staff: hasStaff ? staffText !== '' && !NOT_STAFF.test(staffText) : true,
      onDuty: !OFF_DUTY.test(text(row, 'onDuty')),
      conflicts: list(text(row, 'conflicts')),
      tags: list(text(row, 'tags')),
    });
  }
  return out;
}

/**
 * Inspection history rows as records. Dates are read by {@link parseRecordDate}; `today` (Excel
 * serial) refuses future dates.
 * @example readHistory(table, 46000)[0].inspectorNames // ['王建国', '李海燕']
 */
export function readHistory(table: FoundTable, today = Number.POSITIVE_INFINITY): HistoryEntry[] {
  return table.rows.map((row) => {
    const date = parseRecordDate(raw(row, 'date'), text(row, 'date'), today);
    return {
      sheet: table.sheet,
      row: row.row,
      date: date.serial,
      dateIssue: date.issue,
      dateColumn: table.columns.date ?? -1,
      targetName: text(row, 'target'),
      uscc: normalizeCode(text(row, 'uscc')),
      inspectorNames: list(text(row, 'inspectors')),
      badgeNos: list(text(row, 'badgeNos')).map(normalizeCode),
      planNo: text(row, 'planNo'),
      result: text(row, 'result'),
    };
  });
}

/**
 * All directories of a workbook from its found tables (the first table of each kind).
 * @example readDirectories(found).targets.length // 300
 */
export function readDirectories(tables: readonly FoundTable[], today = Number.POSITIVE_INFINITY): Directories {
  const first = (kind: FoundTable['kind']): FoundTable | undefined => tables.find((t) => t.kind === kind);
  const t = first('targets');
  const i = first('inspectors');
  const h = first('history');
  return { targets: t ? readTargets(t) : [], inspectors: i ? readInspectors(i) : [], history: h ? readHistory(h, today) : [] };
}
