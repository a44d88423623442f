/**
 * The one check of a batch of `WorkbookOp`s, shared by the Office, xlsx and memory adapters: every
 * op is checked against the workbook as it will be when that op runs (sheets the batch adds or
 * deletes, protection it removes or sets, visibility it changes), so that a batch that cannot
 * succeed is refused before anything changes — with the same Chinese message and code in Excel,
 * in the CLI and in tests. Each adapter then applies the checked ops its own way.
 *
 * What it cannot see is left to the adapters: cell contents (`expectValue`), passwords, and
 * whether the cells of a protected sheet are locked.
 */
import { sheetNameProblem } from '../core/sheetNames';
import type { SheetVisibility, WorkbookOp } from '../core/workbookOps';
import { WorkbookError } from './port';
import { MAX_ROW, parseRangeAddress } from './rangeAddress';
import type { RangeBox } from './rangeAddress';
import { isIsoDate } from './_lib/validationText';
import { quoteSheet, sheetNotFound } from './_lib/batchErrors';

/** A sheet as the check sees it. */
export type SheetState = { name: string; visibility: SheetVisibility; isProtected: boolean };

/** Host features an op may need (Office.js requirement sets). */
export type BatchFeature = 'sheetPassword' | 'listValidation' | 'pageSetup';

export type CheckBatchOptions = {
  /**
   * The features the host lacks, each with the Chinese sentence that says which Excel has it
   * (the Office adapter's `FEATURE_REQUIREMENTS`); the xlsx and memory adapters lack none.
   * Page setup is skipped rather than refused: it only matters when printing.
   */
  unavailable?: Partial<Record<BatchFeature, string>>;
  /** The workbook's structure is protected (审阅 → 保护工作簿): no sheet may be added, deleted, renamed, hidden or shown. */
  isStructureProtected?: boolean;
  /**
   * Whether a write may go to a protected sheet because every target cell is unlocked (Excel lets
   * values into unlocked cells of a protected sheet). Without it, protected sheets refuse all writes.
   */
  isUnlocked?: (sheet: string, box: RangeBox) => boolean;
};

/** An op after the check. */
export type CheckedOp = {
  op: WorkbookOp;
  /** The op is already true (protect a protected sheet, page setup the host lacks): do nothing. */
  skip: boolean;
  /** The op's range (write: its top-left cell), when it has one. */
  box: RangeBox | null;
  /** The op's sheet just before the op runs (null for a sheet the op creates). */
  before: SheetState | null;
  /** A write into unlocked cells of a protected sheet: values only, no formats. */
  intoUnlocked: boolean;
};

/** The result of a check: the ops in order, and the sheets as they will be after the batch. */
export type CheckedBatch = {
  ops: CheckedOp[];
  /** Names of the sheets the batch adds (and does not delete again), in the order added. */
  added: string[];
  /** The sheets after the batch, in no particular order. */
  after: SheetState[];
};

/** Excel's list source is one comma-separated string of at most 255 characters. */
const MAX_LIST_SOURCE = 255;

/** Ops that change cells, formats or layout of a sheet, and so are refused on a protected sheet. */
const MODIFYING_KINDS: ReadonlySet<WorkbookOp['kind']> = new Set([
  'write',
  'style',
  'merge',
  'columnWidths',
  'rowHeights',
  'listValidation',
  'dateValidation',
]);

/** Ops that change the workbook's structure, and so are refused when the structure is protected. */
const STRUCTURE_KINDS: ReadonlySet<WorkbookOp['kind']> = new Set(['addSheet', 'copySheet', 'deleteSheet', 'renameSheet', 'setVisibility']);

function refuse(message: string, code: string): never {
  throw new WorkbookError(message, code);
}

/**
 * A range address as a box, or a Chinese `BAD_ADDRESS` error.
 * @example requireBox('B3:F9') // { top: 2, left: 1, bottom: 8, right: 5 }
 */
export function requireBox(address: string): RangeBox {
  const box = parseRangeAddress(address);
  if (!box) refuse(`单元格地址“${address}”无效，未做任何修改。`, 'BAD_ADDRESS');
  return box;
}

/** Tracks the sheets while the batch is walked; names compare without case, as in Excel. */
class SheetTracker {
  private readonly sheets = new Map<string, SheetState & { copiedFrom?: string }>();
  readonly added: string[] = [];

  constructor(initial: readonly SheetState[]) {
    for (const s of initial) this.sheets.set(s.name.toLowerCase(), { ...s });
  }

  has(name: string): boolean {
    return this.sheets.has(name.toLowerCase());
  }

  get(name: string): SheetState & { copiedFrom?: string } {
    const s = this.sheets.get(name.toLowerCase());
    if (!s) throw sheetNotFound(name);
    return s;
  }

  add(state: SheetState & { copiedFrom?: string }): void {
    if (this.has(state.name)) refuse(`工作表${quoteSheet(state.name)}已存在，未做任何修改。`, 'SHEET_EXISTS');
    this.sheets.set(state.name.toLowerCase(), state);
    this.added.push(state.name);
  }

  rename(from: string, to: string): void {
    const s = this.get(from);
    if (to.toLowerCase() !== from.toLowerCase() && this.has(to)) refuse(`工作表${quoteSheet(to)}已存在，未做任何修改。`, 'SHEET_EXISTS');
    this.sheets.delete(from.toLowerCase());
    this.sheets.set(to.toLowerCase(), { ...s, name: to });
    const i = this.added.findIndex((n) => n.toLowerCase() === from.toLowerCase());
    if (i >= 0) this.added[i] = to;
  }

  delete(name: string): void {
    this.get(name);
    this.sheets.delete(name.toLowerCase());
    const i = this.added.findIndex((n) => n.toLowerCase() === name.toLowerCase());
    if (i >= 0) this.added.splice(i, 1);
  }

  /** Excel keeps at least one sheet visible whenever it has sheets. */
  requireVisible(message: string): void {
    if (this.sheets.size > 0 && ![...this.sheets.values()].some((s) => s.visibility === 'visible'))
      refuse(message, 'LAST_VISIBLE_SHEET');
  }

  all(): SheetState[] {
    return [...this.sheets.values()].map(({ name, visibility, isProtected }) => ({ name, visibility, isProtected }));
  }
}

function requireSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) refuse(`${problem.replace(/。$/, '')}，未做任何修改。`, 'BAD_SHEET_NAME');
}

function requireFeature(options: CheckBatchOptions, feature: BatchFeature): void {
  const message = options.unavailable?.[feature];
  if (message !== undefined) refuse(message, 'UNSUPPORTED_API');
}

function requireList(items: readonly string[]): void {
  if (items.length === 0) refuse('下拉列表至少要有一个选项。', 'BAD_LIST');
  if (items.some((i) => i.includes(','))) refuse('下拉列表的选项不能包含英文逗号。', 'BAD_LIST');
  if (items.join(',').length > MAX_LIST_SOURCE) refuse('下拉列表的选项合计不能超过 255 个字符。', 'BAD_LIST');
}

function requireDates(min: string | undefined, max: string | undefined): void {
  for (const d of [min, max]) {
    if (d !== undefined && !isIsoDate(d)) refuse(`日期“${d}”应写作 YYYY-MM-DD。`, 'BAD_DATE');
  }
  if (min !== undefined && max !== undefined && min > max) refuse(`日期范围无效：${min} 晚于 ${max}。`, 'BAD_DATE');
}

function requirePageSetup(op: Extract<WorkbookOp, { kind: 'pageSetup' }>): void {
  const { printArea, printTitleRows, rowBreaks } = op.setup;
  if (printArea !== undefined) requireBox(printArea);
  if (printTitleRows !== undefined && !/^\$?\d{1,7}:\$?\d{1,7}$/.test(printTitleRows)) {
    refuse(`打印标题行“${printTitleRows}”无效，应写作“1:2”。`, 'BAD_ADDRESS');
  }
  if (printTitleRows !== undefined) requireBox(printTitleRows);
  for (const r of rowBreaks ?? []) {
    if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) refuse(`分页位置“${r}”不是有效的行号。`, 'BAD_ADDRESS');
  }
}

function protectedMessage(sheet: SheetState & { copiedFrom?: string }): string {
  if (sheet.copiedFrom !== undefined) {
    return (
      `工作表${quoteSheet(sheet.name)}复制自受保护的${quoteSheet(sheet.copiedFrom)}，Excel 复制时保留了工作表保护，不能填写。` +
      `请先撤销${quoteSheet(sheet.copiedFrom)}的工作表保护（审阅 → 撤销工作表保护），未做任何修改。`
    );
  }
  return `工作表${quoteSheet(sheet.name)}受保护，不能修改。请先撤销工作表保护，未做任何修改。`;
}

/**
 * The cells a `write` op covers, from its top-left cell and its widest row.
 * @example writtenBox({ kind: 'write', sheet: 'S', address: 'B2', rows: [['a', 'b'], ['c']] }, box) // B2:C3
 */
export function writtenBox(op: Extract<WorkbookOp, { kind: 'write' }>, start: RangeBox): RangeBox {
  const width = op.rows.reduce((m, r) => Math.max(m, r.length), 0);
  return { top: start.top, left: start.left, bottom: start.top + Math.max(op.rows.length, 1) - 1, right: start.left + Math.max(width, 1) - 1 };
}

/**
 * Checks a batch against the workbook's sheets before anything is changed.
 * @param ops the batch, in order
 * @param sheets the workbook's sheets as they are now
 * @param options what the host lacks, structure protection, unlocked cells
 * @returns the ops with what to skip and their ranges, the sheets added, the sheets afterwards
 * @throws WorkbookError (Chinese message, stable code) for the first op that cannot succeed
 * @example
 * checkBatch([{ kind: 'addSheet', sheet: '结果' }], [{ name: '计划', visibility: 'visible', isProtected: false }]).added
 * // ['结果']
 */
export function checkBatch(ops: readonly WorkbookOp[], sheets: readonly SheetState[], options: CheckBatchOptions = {}): CheckedBatch {
  const tracker = new SheetTracker(sheets);
  const checked: CheckedOp[] = [];
  for (const op of ops) {
    let skip = false;
    let box: RangeBox | null = null;
    let intoUnlocked = false;
    const named = 'sheet' in op && op.kind !== 'addSheet' && op.kind !== 'copySheet' && tracker.has(op.sheet) ? tracker.get(op.sheet) : null;
    const before: SheetState | null = named ? { name: named.name, visibility: named.visibility, isProtected: named.isProtected } : null;
    if (options.isStructureProtected && STRUCTURE_KINDS.has(op.kind)) {
      refuse(
        '工作簿结构受保护，不能新建、删除、重命名、隐藏或显示工作表，未做任何修改。请先在 Excel 的“审阅 → 保护工作簿”中撤销工作簿保护，然后重试。',
        'WORKBOOK_PROTECTED',
      );
    }
    switch (op.kind) {
      case 'addSheet':
        requireSheetName(op.sheet);
        // No visibility check here: in Excel another sheet is always visible, and a new .xlsx that
        // starts with a very hidden settings sheet gets its visible sheets later.
        tracker.add({ name: op.sheet, visibility: op.visibility ?? 'visible', isProtected: false });
        break;
      case 'copySheet': {
        const source = tracker.get(op.source);
        requireSheetName(op.sheet);
        // Worksheet.copy keeps the source's protection (and its password) in the copy.
        tracker.add({
          name: op.sheet,
          visibility: 'visible',
          isProtected: source.isProtected,
          ...(source.isProtected ? { copiedFrom: source.name } : {}),
        });
        break;
      }
      case 'renameSheet':
        tracker.get(op.sheet);
        requireSheetName(op.to);
        tracker.rename(op.sheet, op.to);
        break;
      case 'deleteSheet':
        tracker.delete(op.sheet);
        tracker.requireVisible(`不能删除工作表${quoteSheet(op.sheet)}：工作簿中至少要有一个可见的工作表，未做任何修改。`);
        break;
      case 'protect': {
        const s = tracker.get(op.sheet);
        if (op.password !== undefined) requireFeature(options, 'sheetPassword');
        // Excel's protect() fails on a protected sheet; already protected is what the caller wants.
        skip = s.isProtected;
        s.isProtected = true;
        delete s.copiedFrom;
        break;
      }
      case 'unprotect': {
        const s = tracker.get(op.sheet);
        if (op.password !== undefined) requireFeature(options, 'sheetPassword');
        skip = !s.isProtected;
        s.isProtected = false;
        delete s.copiedFrom;
        break;
      }
      case 'setVisibility': {
        const s = tracker.get(op.sheet);
        s.visibility = op.visibility;
        tracker.requireVisible(`不能隐藏工作表${quoteSheet(op.sheet)}：工作簿中至少要有一个可见的工作表，未做任何修改。`);
        break;
      }
      case 'activate': {
        const s = tracker.get(op.sheet);
        if (s.visibility !== 'visible') refuse(`工作表${quoteSheet(op.sheet)}已隐藏，不能激活，未做任何修改。`, 'SHEET_HIDDEN');
        if (op.address !== undefined) box = requireBox(op.address);
        break;
      }
      case 'pageSetup':
        tracker.get(op.sheet);
        requirePageSetup(op);
        // Page setup only matters when printing; an older Excel gets the sheet without it.
        skip = options.unavailable?.pageSetup !== undefined;
        break;
      case 'listValidation':
        tracker.get(op.sheet);
        requireFeature(options, 'listValidation');
        box = requireBox(op.address);
        requireList(op.items);
        break;
      case 'dateValidation':
        tracker.get(op.sheet);
        requireFeature(options, 'listValidation');
        box = requireBox(op.address);
        requireDates(op.min, op.max);
        break;
      case 'write':
      case 'style':
      case 'merge':
      case 'expectValue':
        tracker.get(op.sheet);
        box = requireBox(op.address);
        break;
      case 'rowHeights':
        tracker.get(op.sheet);
        if (!Number.isInteger(op.fromRow) || op.fromRow < 1 || op.fromRow + op.heights.length - 1 > MAX_ROW + 1) {
          refuse(`行号“${op.fromRow}”无效。`, 'BAD_ADDRESS');
        }
        break;
      case 'columnWidths':
        tracker.get(op.sheet);
        break;
    }
    if (MODIFYING_KINDS.has(op.kind) && 'sheet' in op) {
      const s = tracker.get(op.sheet);
      if (s.isProtected) {
        intoUnlocked = op.kind === 'write' && box !== null && options.isUnlocked?.(s.name, writtenBox(op, box)) === true;
        if (!intoUnlocked) refuse(protectedMessage(s), 'SHEET_PROTECTED');
      }
    }
    checked.push({ op, skip, box, before, intoUnlocked });
  }
  return { ops: checked, added: [...tracker.added], after: tracker.all() };
}
