/**
 * The print layout of the record form (部门联合抽查检查情况记录表, 一户一表): the form model
 * (buildRecordFormModel.ts) laid out like Wugang's 附件2 and sized so that each form prints on exactly
 * one A4 page.
 *
 * Layout decision (see docs/forms.md): by default all forms go on ONE sheet
 * `记录表-<计划编号>-<任务编号>`, one form below the other, with a manual page break after each.
 * - It prints in one go (one print job, one PDF, pages in draw order) and scales to hundreds of
 *   targets, where one sheet per target would mean hundreds of tabs nobody can navigate and a
 *   workbook that Excel opens slowly.
 * - Every form has the same columns, so one set of column widths fits all; form n starts at a row
 *   the pane can jump to.
 * - `sheet-per-target` stays available for small draws (≤ {@link MAX_SHEETS_PER_TARGET}): a sheet
 *   per household is what some staff expect when they e-mail one form at a time.
 * Row heights are fixed (a set height never grows with wrapped text), so every text cell's height
 * is estimated from its length, and the 备注 and signature rows take whatever is left of the page.
 */
import type { DrawContext } from '../log/drawContext';
import type { DrawRecord } from '../draw/types';
import type { CellInput, RangeStyle, WorkbookOp } from '../workbookOps';
import { cellAddress, columnName } from '../grid';
import { estimateLines, heightForLines } from './_lib/textMetrics';
import { cleanSheetNamePart, fitSheetName } from '../sheetNames';
import { buildRecordFormModel } from './buildRecordFormModel';
import { formatResultCodePrompt, RESULT_CODES, splitUnitName } from '../rules';
import type { RecordFormModel, RecordFormModelOptions } from './buildRecordFormModel';

/** The most targets for which `sheet-per-target` is allowed. */
export const MAX_SHEETS_PER_TARGET = 30;

export type RecordFormsLayout = 'one-sheet' | 'sheet-per-target';

export type RecordFormsOptions = RecordFormModelOptions & {
  /** Name of the sheet for `one-sheet` (default `记录表-<计划编号>-<任务编号>`). */
  sheetName?: string;
  /** Default `one-sheet`. */
  layout?: RecordFormsLayout;
  /** 0-based index of the first target of this batch (default 0). */
  startIndex?: number;
  /** Number of forms in this batch (default: all from startIndex). */
  count?: number;
  /** Append （组长） to the leader's name (default true). */
  markLeader?: boolean;
};

// ---------------------------------------------------------------------------------------------
// Drawing one form

/**
 * Columns A–F in characters (≈ 7 px each in Excel's default font). Sum 98 ≈ 686 px ≈ 7.15 in: A4
 * portrait minus 0.5 in margins at 100 %. A renderer with a wider default font (LibreOffice
 * without Carlito) scales the page down through fit-to-width instead of cutting column F.
 */
const COLUMN_WIDTHS = [11, 16, 13, 15, 18, 25] as const;
const LAST_COL = 'F';
const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const BODY_PT = 11;
const NOTE_PT = 10;
const REF_PT = 9;
const TITLE_PT = 18;
/** Points of one form: A4 (842 pt) minus 0.5 in margins (72 pt) minus a safety allowance for renderers. */
const FORM_HEIGHT_PT = 730;
const MARGINS = { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 };

const ROW_PT = { title: 40, reference: 18, header: 26, inspector: 26, target: 34, checkMin: 40, date: 28 };
const FLEX_MIN = { remarks: 48, sign: 28 };

const widthOf = (from: number, to: number): number =>
  COLUMN_WIDTHS.slice(from, to + 1).reduce((a, b) => a + b, 0);

/** `舞钢市市场监督管理局` → `舞钢市\n市场监督管理局`: the narrow 单位 cell breaks where 附件2 would, not mid-word. */
function breakUnit(unit: string): string {
  const { division, department } = splitUnitName(unit);
  return division !== '' && department !== '' ? `${division}\n${department}` : unit;
}

/** Rows the form of an entry takes; depends on the team only, so that batches can place forms. */
function formRowCount(model: RecordFormModel): number {
  const inspectorRows = model.inspectorGroups.reduce((a, g) => a + g.rows, 0);
  // title, reference, header, inspectors, 2 target rows, check header, checks, 备注, 2 sign rows, date, 说明
  return 3 + inspectorRows + 2 + 1 + model.checks.length + 1 + 3 + 1;
}

type FormOps = { ops: WorkbookOp[]; rows: number };

function drawForm(sheet: string, top: number, model: RecordFormModel, markLeader: boolean): FormOps {
  const ops: WorkbookOp[] = [];
  const rows: CellInput[][] = [];
  const heights: number[] = [];
  const merges: string[] = [];
  const styles: { address: string; style: RangeStyle }[] = [];
  const addr = (r: number, c: number): string => cellAddress(top - 1 + r, c);
  const range = (r1: number, c1: number, r2: number, c2: number): string => `${addr(r1, c1)}:${addr(r2, c2)}`;
  const merge = (r1: number, c1: number, r2: number, c2: number): void => {
    if (r1 !== r2 || c1 !== c2) merges.push(range(r1, c1, r2, c2));
  };
  const push = (cells: CellInput[], height: number): number => {
    // '' is written as nothing, so that a blank stays a blank cell for whoever reads the sheet.
    const padded = cells.map((v) => (v === '' ? null : v));
    while (padded.length < 6) padded.push(null);
    rows.push(padded);
    heights.push(height);
    return rows.length - 1;
  };
  const textHeight = (text: string, widthChars: number, min: number, pt = BODY_PT): number =>
    Math.max(min, heightForLines(estimateLines(text, widthChars, pt), pt));

  const rTitle = push([model.title], ROW_PT.title);
  merge(rTitle, 0, rTitle, 5);
  const rRef = push([model.reference], ROW_PT.reference);
  merge(rRef, 0, rRef, 5);

  // 执法检查人员: 单位 · 姓名 · 执法证号/身份证号
  const rHead = push(['执法\n检查人员', '单  位', '姓  名', null, '执法证号/身份证号', null], ROW_PT.header);
  merge(rHead, 2, rHead, 3);
  merge(rHead, 4, rHead, 5);
  model.inspectorGroups.forEach((g) => {
    const n = Math.max(1, g.rows);
    const unitText = breakUnit(g.unit);
    const unitHeight = Math.ceil(textHeight(unitText, widthOf(1, 1), ROW_PT.inspector) / n);
    let first = -1;
    for (let k = 0; k < n; k++) {
      const p = g.inspectors[k];
      const name = p ? (markLeader && p.isLeader ? `${p.name}（组长）` : p.name) : null;
      const r = push(
        [null, k === 0 ? unitText : null, name, null, p ? p.idNumber : null, null],
        Math.max(ROW_PT.inspector, unitHeight),
      );
      if (first < 0) first = r;
      merge(r, 2, r, 3);
      merge(r, 4, r, 5);
    }
    merge(first, 1, first + n - 1, 1);
  });
  const rLastInspector = rows.length - 1;
  merge(rHead, 0, rLastInspector, 0);

  // 被检查对象: 名称 · 统一社会信用代码/注册号 · 地址 · 法定代表人/负责人
  const tgt = model.target;
  const rName = push(
    ['被检查\n对象', '名  称', tgt.name, null, '统一社会信用代码\n/注册号', tgt.uscc],
    Math.max(
      textHeight(tgt.name, widthOf(2, 3), ROW_PT.target),
      textHeight('统一社会信用代码\n/注册号', widthOf(4, 4), ROW_PT.target),
    ),
  );
  merge(rName, 2, rName, 3);
  const rAddr = push(
    [null, '地  址', tgt.address, null, '法定代表人\n/负责人', tgt.legalRep],
    Math.max(
      textHeight(tgt.address, widthOf(2, 3), ROW_PT.target),
      textHeight('法定代表人\n/负责人', widthOf(4, 4), ROW_PT.target),
      textHeight(tgt.legalRep, widthOf(5, 5), ROW_PT.target),
    ),
  );
  merge(rAddr, 2, rAddr, 3);
  merge(rName, 0, rAddr, 0);

  // 检查单位 · 检查事项 · 检查结果
  const rCheckHead = push(['检查单位', null, '检查事项', null, null, '检查结果'], ROW_PT.header);
  merge(rCheckHead, 0, rCheckHead, 1);
  merge(rCheckHead, 2, rCheckHead, 4);
  const checkRows: number[] = [];
  for (const c of model.checks) {
    const h = Math.max(
      textHeight(c.matter, widthOf(2, 4), ROW_PT.checkMin),
      textHeight(c.unit, widthOf(0, 1), ROW_PT.checkMin),
    );
    const r = push([c.unit, null, c.matter, null, null, c.result], h);
    merge(r, 0, r, 1);
    merge(r, 2, r, 4);
    checkRows.push(r);
  }

  // 备注, signatures, 说明: 备注 and the signing space take what is left of the page.
  const rRemarks = push(['备  注', model.remarks], FLEX_MIN.remarks);
  merge(rRemarks, 1, rRemarks, 5);
  const [signTarget, signInspectors] = model.signatures;
  const rSign = push([signTarget.label, null, null, signInspectors.label, null, null], FLEX_MIN.sign);
  push([], FLEX_MIN.sign);
  merge(rSign, 0, rSign + 1, 0);
  merge(rSign, 1, rSign + 1, 2);
  merge(rSign, 3, rSign + 1, 3);
  merge(rSign, 4, rSign + 1, 5);
  // Two ideographic spaces keep 日 off the right border, as on paper.
  const rDate = push(
    [`${signTarget.dateText}\u3000\u3000`, null, null, `${signInspectors.dateText}\u3000\u3000`, null, null],
    ROW_PT.date,
  );
  merge(rDate, 0, rDate, 2);
  merge(rDate, 3, rDate, 5);
  const rNotes = push([model.notes], textHeight(model.notes, widthOf(0, 5), 40, NOTE_PT));
  merge(rNotes, 0, rNotes, 5);

  const used = heights.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, FORM_HEIGHT_PT - used);
  const toRemarks = Math.floor(spare / 2);
  const toSign = Math.floor((spare - toRemarks) / 2);
  heights[rRemarks] = FLEX_MIN.remarks + toRemarks;
  heights[rSign] = FLEX_MIN.sign + toSign;
  heights[rSign + 1] = FLEX_MIN.sign + (spare - toRemarks - toSign);

  // Styles: body first, then the parts that differ.
  const body: RangeStyle = {
    fontName: BODY_FONT,
    fontSize: BODY_PT,
    wrap: true,
    horizontal: 'center',
    vertical: 'middle',
  };
  styles.push({ address: range(0, 0, rNotes, 5), style: body });
  styles.push({ address: range(rHead, 0, rDate, 5), style: { border: true } });
  styles.push({ address: addr(rTitle, 0), style: { fontName: TITLE_FONT, fontSize: TITLE_PT, bold: true } });
  styles.push({
    address: addr(rRef, 0),
    style: { fontSize: REF_PT, horizontal: 'right', vertical: 'bottom' },
  });
  styles.push({ address: range(rName, 2, rAddr, 2), style: { horizontal: 'left' } });
  for (const r of checkRows) styles.push({ address: addr(r, 2), style: { horizontal: 'left' } });
  styles.push({ address: addr(rRemarks, 1), style: { horizontal: 'left', vertical: 'top' } });
  styles.push({ address: range(rDate, 0, rDate, 5), style: { horizontal: 'right' } });
  styles.push({
    address: addr(rNotes, 0),
    style: { fontSize: NOTE_PT, horizontal: 'left', vertical: 'top' },
  });

  // Identifiers as text (`@`), so that a code retyped by hand keeps its leading zeros. Not the
  // 检查结果 cells: a typed 1 must stay the number the list validation compares with.
  styles.push({ address: range(rHead + 1, 4, rLastInspector, 4), style: { numberFormat: '@' } });
  styles.push({ address: addr(rName, 5), style: { numberFormat: '@' } });
  ops.push({ kind: 'write', sheet, address: `A${top}`, rows });
  for (const m of merges) ops.push({ kind: 'merge', sheet, address: m });
  for (const s of styles) ops.push({ kind: 'style', sheet, address: s.address, style: s.style });
  ops.push({ kind: 'rowHeights', sheet, fromRow: top, heights });
  for (const r of checkRows) {
    ops.push({
      kind: 'listValidation',
      sheet,
      address: addr(r, 5),
      items: RESULT_CODES.map((c) => c.code),
      prompt: formatResultCodePrompt(),
    });
  }
  return { ops, rows: rows.length };
}

// ---------------------------------------------------------------------------------------------
// All forms

function sheetSetupOps(sheet: string, lastRow: number, rowBreaks: number[]): WorkbookOp[] {
  return [
    {
      kind: 'pageSetup',
      sheet,
      setup: {
        orientation: 'portrait',
        paper: 'A4',
        // Scales only if a renderer's fonts run wider than ours; rows are already one page tall,
        // and with the height left open ("0") Excel keeps the manual breaks.
        fitToOnePageWide: true,
        printArea: `A1:${LAST_COL}${lastRow}`,
        margins: MARGINS,
        ...(rowBreaks.length > 0 ? { rowBreaks } : {}),
      },
    },
  ];
}

/**
 * The default sheet name of the one-sheet layout: `记录表-<计划编号>-<任务编号>`, cleaned and cut to 31 characters.
 * @param record the draw record
 * @returns a valid sheet name
 * @example recordFormsSheetName(record) // '记录表-2024001-001'
 */
export function recordFormsSheetName(record: DrawRecord): string {
  const parts = ['记录表', record.task.planNo, record.task.taskNo]
    .map(cleanSheetNamePart)
    .filter((p) => p !== '');
  return fitSheetName(parts.join('-'));
}

/**
 * The sheet name of form `serial` in the sheet-per-target layout: `记录表-<序号>-<短名称>` (≤ 31 characters).
 * @param serial 1-based position in the draw result
 * @param targetName the target's name
 * @returns a valid, unique-per-serial sheet name
 * @example targetSheetName(3, '舞钢市人民医院') // '记录表-003-舞钢市人民医院'
 */
export function targetSheetName(serial: number, targetName: string): string {
  const name = cleanSheetNamePart(targetName);
  const base = `记录表-${String(serial).padStart(3, '0')}`;
  return fitSheetName(name ? `${base}-${name}` : base);
}

/**
 * Writes filled record forms (一户一表) for the targets of a draw as workbook operations.
 * `one-sheet` (default): every form on one sheet, one A4 page each, separated by page breaks.
 * `sheet-per-target`: one sheet per target (at most {@link MAX_SHEETS_PER_TARGET} targets).
 * `startIndex`/`count` make batches: concatenating the ops of consecutive batches gives exactly
 * the ops of one call for all targets (the sheet is added by the first batch, the page setup by the last).
 * @param record the ssj-draw/1 record
 * @param context its frozen context (names, codes, matters)
 * @param options sheet name, layout, batch window, leader mark
 * @returns the operations, in the order they must be applied
 * @example
 * buildRecordFormsOps(record, context).slice(0, 2);
 * // [{ kind: 'addSheet', sheet: '记录表-2024001-001' }, { kind: 'columnWidths', sheet: '记录表-2024001-001', widths: [11, 16, 13, 15, 18, 25] }]
 */
export function buildRecordFormsOps(
  record: DrawRecord,
  context: DrawContext,
  options: RecordFormsOptions = {},
): WorkbookOp[] {
  const layout = options.layout ?? 'one-sheet';
  const minRows = Math.max(1, Math.floor(options.minRowsPerDepartment ?? 2));
  const markLeader = options.markLeader ?? true;
  const total = record.result.length;
  const start = Math.min(total, Math.max(0, Math.floor(options.startIndex ?? 0)));
  const end =
    options.count === undefined ? total : Math.min(total, start + Math.max(0, Math.floor(options.count)));
  const models = record.result.map((e) =>
    buildRecordFormModel(record, context, e, { minRowsPerDepartment: minRows }),
  );
  const widths = [...COLUMN_WIDTHS];
  const ops: WorkbookOp[] = [];
  if (total === 0 || start >= end) return ops;

  if (layout === 'sheet-per-target') {
    if (total > MAX_SHEETS_PER_TARGET) {
      throw new RangeError(
        `每户一个工作表最多支持 ${MAX_SHEETS_PER_TARGET} 户，本次抽取 ${total} 户：请使用单工作表分页布局。`,
      );
    }
    for (let i = start; i < end; i++) {
      const model = models[i]!;
      const sheet = targetSheetName(i + 1, model.target.name);
      const form = drawForm(sheet, 1, model, markLeader);
      ops.push(
        { kind: 'addSheet', sheet },
        { kind: 'columnWidths', sheet, widths },
        ...form.ops,
        ...sheetSetupOps(sheet, form.rows, []),
      );
    }
    if (end === total)
      ops.push({ kind: 'activate', sheet: targetSheetName(1, models[0]!.target.name), address: 'A1' });
    return ops;
  }

  const sheet = options.sheetName ?? recordFormsSheetName(record);
  const tops: number[] = [];
  let next = 1;
  for (const m of models) {
    tops.push(next);
    next += formRowCount(m);
  }
  const lastRow = Math.max(1, next - 1);
  if (start === 0) ops.push({ kind: 'addSheet', sheet }, { kind: 'columnWidths', sheet, widths });
  for (let i = start; i < end; i++) ops.push(...drawForm(sheet, tops[i]!, models[i]!, markLeader).ops);
  if (end === total) {
    // A break after every form but the last: row n ends a page.
    const breaks = tops.slice(1).map((t) => t - 1);
    ops.push(...sheetSetupOps(sheet, lastRow, breaks), { kind: 'activate', sheet, address: 'A1' });
  }
  return ops;
}

/**
 * Where each form starts on the one-sheet layout (1-based rows), for a pane that jumps to form n.
 * @param record the draw record
 * @param context its frozen context
 * @param options `minRowsPerDepartment` as given to {@link buildRecordFormsOps}
 * @returns the first row of each form, in draw order
 * @example recordFormStartRows(record, context) // [1, 18, 35] (17 rows per form for teams of up to 2 + 2)
 */
export function recordFormStartRows(
  record: DrawRecord,
  context: DrawContext,
  options: RecordFormModelOptions = {},
): number[] {
  const tops: number[] = [];
  let next = 1;
  for (const e of record.result) {
    tops.push(next);
    next += formRowCount(buildRecordFormModel(record, context, e, options));
  }
  return tops;
}

/** Column letter of the 检查结果 column (for callers that read results back). */
export const RECORD_FORM_RESULT_COLUMN = columnName(5);
