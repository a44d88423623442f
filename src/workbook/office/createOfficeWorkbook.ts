/**
 * The `WorkbookPort` on top of Office.js (`Excel.run`).
 *
 * Office.js is a batching proxy API: every property read needs a `load()` and a round trip
 * (`context.sync()`), which costs 50–500 ms in Excel on the web. So this adapter queues as much as
 * it can and syncs a constant number of times per call — plus one per ~4 MB payload chunk, because
 * Excel on the web refuses requests and responses over 5 MB.
 */
import { emptyGrid } from '../../core/grid';
import { dateErrorText, isIsoDate } from '../_lib/validationText';
import type { CellValue, Grid, MergedArea } from '../../core/grid';
import { WorkbookError } from '../port';
import type {
  ApplyOptions,
  CellInput,
  PageSetup,
  RangeStyle,
  SheetInfo,
  SheetVisibility,
  WorkbookOp,
  WorkbookPort,
} from '../port';
import { detectCapabilities, FEATURE_REQUIREMENTS } from './detectCapabilities';
import type { Capabilities, OfficeFeature, RequirementChecker } from './detectCapabilities';
import {
  jsonBytes,
  MERGE_RESERVE_BYTES,
  PAYLOAD_BUDGET_BYTES,
  READ_BYTES_PER_CELL,
  SMALL_COMMAND_BYTES,
} from './payload';
import { boxAddress, columnAddress, parseAreasAddress, parseRangeAddress, rowAddress } from './rangeAddress';
import type { RangeBox } from './rangeAddress';

/** Options mainly for tests: a smaller budget makes chunking visible with small sheets. */
export type OfficeWorkbookOptions = {
  /** Estimated bytes one request may carry (default 4 MiB). */
  payloadBudgetBytes?: number;
  /** Estimated response bytes per cell read (default 128, see `payload.ts`). */
  readBytesPerCell?: number;
};

const PAYLOAD_ERROR_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
/** Even an empty cell costs its quotes and commas three times over (text, value, format). */
const MIN_READ_BYTES_PER_CELL = 16;
const MAX_READ_RETRIES = 4;

/** Excel's sheet-protection options: users may select cells and nothing else. */
const PROTECT_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

/**
 * Excel shows `####` for a text-formatted (`@`) cell holding more than 255 characters, and no
 * string that long is coerced into a number or date anyway, so long plain strings keep the
 * cell's format.
 */
const TEXT_FORMAT_MAX_LENGTH = 255;

function officeCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

function toVisibility(v: string): SheetVisibility {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

function toExcelVisibility(v: SheetVisibility): 'Visible' | 'Hidden' | 'VeryHidden' {
  if (v === 'hidden') return 'Hidden';
  if (v === 'veryHidden') return 'VeryHidden';
  return 'Visible';
}

function quoteName(name: string): string {
  return `“${name}”`;
}

function unsupported(feature: OfficeFeature): WorkbookError {
  return new WorkbookError(FEATURE_REQUIREMENTS[feature].message, 'UNSUPPORTED_API');
}

function sheetNotFound(name: string): WorkbookError {
  return new WorkbookError(`找不到工作表${quoteName(name)}，未做任何修改。`, 'NO_SUCH_SHEET');
}

function conflictError(sheet: string, address: string): WorkbookError {
  return new WorkbookError(
    `工作表${quoteName(sheet)}的 ${address} 在读取之后被改动过（可能有他人同时操作），未做任何修改：请重新读取后再试。`,
    'CONFLICT',
  );
}

function cancelledError(): WorkbookError {
  return new WorkbookError('操作已取消，本次新建的工作表已删除。', 'CANCELLED');
}

/**
 * Column width in characters (as Excel's UI and ExcelJS use it) to points (as Office.js uses it):
 * Excel pads each column by 5 px on top of a 7 px digit width for the default 11 pt font,
 * and 1 px = 0.75 pt at 96 DPI.
 */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** `1:2` → `$1:$2`; Office wants absolute row references for print titles. */
function absoluteRows(rows: string): string {
  return rows
    .split(':')
    .map((r) => `$${r.replace(/\$/g, '')}`)
    .join(':');
}

function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[\\/?*[\]:]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

// ---------------------------------------------------------------------------------------------
// Writes

/** A rectangular `values`/`numberFormat` assignment, split into row chunks by `queueMatrix`. */
type MatrixJob = {
  sheet: string;
  top: number;
  left: number;
  width: number;
  rowCount: number;
  /** Row i of the values, or null when only formats are set. */
  values: ((i: number) => CellValue[]) | null;
  /** Row i of the number formats (`null` = leave the cell's format), or null when none is set. */
  formats: ((i: number) => (string | null)[]) | null;
};

function unwrapCell(input: CellInput | undefined): { value: CellValue; format: string | undefined } {
  if (input === undefined) return { value: null, format: undefined };
  if (input !== null && typeof input === 'object') return { value: input.value, format: input.format };
  return { value: input, format: undefined };
}

/**
 * Values and formats for one written row. In Office.js a `null` in a 2-D array leaves that cell
 * unchanged, so holes in ragged rows are `null`; an explicit empty cell is written as `''`, which
 * clears it. Strings get the text format `@` so Excel stores them as typed instead of turning
 * `=SUM(A1)` into a formula, `+8613…` / `-1` into numbers, `@x` into a function call, or an
 * 18-digit ID into 1.10101E+17.
 */
function buildWriteRow(
  row: CellInput[],
  width: number,
  textCols: ReadonlySet<number>,
): {
  values: CellValue[];
  formats: (string | null)[];
  hasFormat: boolean;
} {
  const values: CellValue[] = new Array<CellValue>(width).fill(null);
  const formats: (string | null)[] = new Array<string | null>(width).fill(null);
  let hasFormat = false;
  for (let c = 0; c < row.length; c++) {
    const { value, format } = unwrapCell(row[c]);
    let v: CellValue = value === null ? '' : value;
    let f: string | null = format ?? null;
    if (textCols.has(c) && v !== '') {
      v = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
      f = '@';
    } else if (typeof v === 'string' && v !== '') {
      // An explicit format on a string (`{ value: '2024-01-05', format: 'yyyy-mm-dd' }`) asks for
      // Excel's conversion, except where the string would become a formula.
      if (/^[=+\-@]/.test(v)) f = '@';
      else if (f === null && v.length <= TEXT_FORMAT_MAX_LENGTH) f = '@';
    }
    values[c] = v;
    formats[c] = f;
    if (f !== null) hasFormat = true;
  }
  return { values, formats, hasFormat };
}

function writeJob(op: Extract<WorkbookOp, { kind: 'write' }>, start: RangeBox): MatrixJob | null {
  const width = op.rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (op.rows.length === 0 || width === 0) return null;
  const textCols = new Set(op.textColumns ?? []);
  const built = op.rows.map((r) => buildWriteRow(r, width, textCols));
  const anyFormat = built.some((b) => b.hasFormat);
  return {
    sheet: op.sheet,
    top: start.top,
    left: start.left,
    width,
    rowCount: built.length,
    values: (i) => built[i]?.values ?? [],
    formats: anyFormat ? (i) => built[i]?.formats ?? [] : null,
  };
}

function formatJob(sheet: string, box: RangeBox, numberFormat: string): MatrixJob {
  const width = box.right - box.left + 1;
  const row = new Array<string>(width).fill(numberFormat);
  return {
    sheet,
    top: box.top,
    left: box.left,
    width,
    rowCount: box.bottom - box.top + 1,
    values: null,
    formats: () => row,
  };
}

// ---------------------------------------------------------------------------------------------
// Preconditions

type SheetState = { name: string; visibility: SheetVisibility; isProtected: boolean };

/** What `apply` will do for each op after the precondition check. */
type PlannedOp = { op: WorkbookOp; skip: boolean };

const MODIFYING_KINDS: ReadonlySet<WorkbookOp['kind']> = new Set([
  'write',
  'style',
  'merge',
  'columnWidths',
  'rowHeights',
  'listValidation',
  'dateValidation',
]);

function requireAddress(address: string): RangeBox {
  const box = parseRangeAddress(address);
  if (!box) throw new WorkbookError(`单元格地址“${address}”无效。`, 'BAD_ADDRESS');
  return box;
}

/**
 * Checks every op against the workbook as it will be when the op runs, so that a batch that
 * cannot succeed is refused before Excel changes anything.
 */
function planOps(ops: WorkbookOp[], initial: SheetState[], caps: Capabilities): PlannedOp[] {
  const state = new Map(initial.map((s) => [s.name.toLowerCase(), { ...s }]));
  const get = (name: string): SheetState => {
    const s = state.get(name.toLowerCase());
    if (!s) throw sheetNotFound(name);
    return s;
  };
  const visibleCount = (): number => [...state.values()].filter((s) => s.visibility === 'visible').length;
  const planned: PlannedOp[] = [];
  for (const op of ops) {
    let skip = false;
    switch (op.kind) {
      case 'addSheet': {
        if (!isValidSheetName(op.sheet)) {
          throw new WorkbookError(
            `工作表名称${quoteName(op.sheet)}无效：须为 1–31 个字符，不能含 \\ / ? * [ ] :，不能以单引号开头或结尾。`,
            'BAD_SHEET_NAME',
          );
        }
        if (state.has(op.sheet.toLowerCase())) {
          throw new WorkbookError(`工作表${quoteName(op.sheet)}已存在，未做任何修改。`, 'SHEET_EXISTS');
        }
        state.set(op.sheet.toLowerCase(), {
          name: op.sheet,
          visibility: op.visibility ?? 'visible',
          isProtected: false,
        });
        if (visibleCount() === 0)
          throw new WorkbookError('工作簿中至少要有一个可见的工作表。', 'LAST_VISIBLE_SHEET');
        break;
      }
      case 'copySheet': {
        get(op.source);
        if (!isValidSheetName(op.sheet)) {
          throw new WorkbookError(
            `工作表名称${quoteName(op.sheet)}无效：须为 1–31 个字符，不能含 \\ / ? * [ ] :，不能以单引号开头或结尾。`,
            'BAD_SHEET_NAME',
          );
        }
        if (state.has(op.sheet.toLowerCase())) {
          throw new WorkbookError(`工作表${quoteName(op.sheet)}已存在，未做任何修改。`, 'SHEET_EXISTS');
        }
        state.set(op.sheet.toLowerCase(), { name: op.sheet, visibility: 'visible', isProtected: false });
        break;
      }
      case 'renameSheet': {
        const s = get(op.sheet);
        if (!isValidSheetName(op.to)) {
          throw new WorkbookError(
            `工作表名称${quoteName(op.to)}无效：须为 1–31 个字符，不能含 \\ / ? * [ ] :，不能以单引号开头或结尾。`,
            'BAD_SHEET_NAME',
          );
        }
        if (op.to.toLowerCase() !== op.sheet.toLowerCase() && state.has(op.to.toLowerCase())) {
          throw new WorkbookError(`工作表${quoteName(op.to)}已存在，未做任何修改。`, 'SHEET_EXISTS');
        }
        state.delete(op.sheet.toLowerCase());
        state.set(op.to.toLowerCase(), { ...s, name: op.to });
        break;
      }
      case 'deleteSheet': {
        get(op.sheet);
        state.delete(op.sheet.toLowerCase());
        if (visibleCount() === 0) {
          throw new WorkbookError(
            `不能删除工作表${quoteName(op.sheet)}：工作簿中至少要有一个可见的工作表。`,
            'LAST_VISIBLE_SHEET',
          );
        }
        break;
      }
      case 'protect': {
        const s = get(op.sheet);
        if (op.password !== undefined && !caps.features.sheetPassword) throw unsupported('sheetPassword');
        // Excel's protect() fails on a protected sheet; already protected is what the caller wants.
        if (s.isProtected) skip = true;
        s.isProtected = true;
        break;
      }
      case 'unprotect': {
        const s = get(op.sheet);
        if (op.password !== undefined && !caps.features.sheetPassword) throw unsupported('sheetPassword');
        if (!s.isProtected) skip = true;
        s.isProtected = false;
        break;
      }
      case 'setVisibility': {
        const s = get(op.sheet);
        s.visibility = op.visibility;
        if (visibleCount() === 0) {
          throw new WorkbookError(
            `不能隐藏工作表${quoteName(op.sheet)}：工作簿中至少要有一个可见的工作表。`,
            'LAST_VISIBLE_SHEET',
          );
        }
        break;
      }
      case 'activate': {
        const s = get(op.sheet);
        if (s.visibility !== 'visible') {
          throw new WorkbookError(`工作表${quoteName(op.sheet)}已隐藏，不能激活。`, 'SHEET_HIDDEN');
        }
        if (op.address !== undefined) requireAddress(op.address);
        break;
      }
      case 'pageSetup': {
        get(op.sheet);
        // Page setup only matters when printing; an older Excel gets the sheet without it.
        if (!caps.features.pageSetup) skip = true;
        if (op.setup.printArea !== undefined) requireAddress(op.setup.printArea);
        break;
      }
      case 'listValidation': {
        if (!caps.features.listValidation) throw unsupported('listValidation');
        requireAddress(op.address);
        // Excel keeps a typed list source as one comma-separated string of at most 255 characters.
        if (op.items.some((i) => i.includes(','))) {
          throw new WorkbookError('下拉列表的选项不能包含英文逗号。', 'BAD_LIST');
        }
        if (op.items.join(',').length > 255) {
          throw new WorkbookError('下拉列表的选项合计不能超过 255 个字符。', 'BAD_LIST');
        }
        break;
      }
      case 'dateValidation': {
        // Same requirement set as drop-down lists (Range.dataValidation, ExcelApi 1.8).
        if (!caps.features.listValidation) throw unsupported('listValidation');
        requireAddress(op.address);
        for (const d of [op.min, op.max]) {
          if (d !== undefined && !isIsoDate(d)) throw new WorkbookError(`日期“${d}”应写作 YYYY-MM-DD。`, 'BAD_DATE');
        }
        break;
      }
      case 'write':
      case 'style':
      case 'merge':
        requireAddress(op.address);
        break;
      case 'expectValue':
        get(op.sheet);
        requireAddress(op.address);
        break;
      case 'columnWidths':
      case 'rowHeights':
        break;
    }
    if (MODIFYING_KINDS.has(op.kind) && 'sheet' in op) {
      const s = get(op.sheet);
      if (s.isProtected) {
        throw new WorkbookError(
          `工作表${quoteName(op.sheet)}受保护，不能修改。请先撤销工作表保护，未做任何修改。`,
          'SHEET_PROTECTED',
        );
      }
    }
    planned.push({ op, skip });
  }
  return planned;
}

// ---------------------------------------------------------------------------------------------
// The adapter

type ReadChunk = { sheetIndex: number; top: number; rows: number };
type QueuedRead = {
  chunk: ReadChunk;
  range: Excel.Range;
  merged: Excel.RangeAreas | null;
};
type SheetRead = {
  name: string;
  sheet: Excel.Worksheet;
  box: RangeBox | null;
  cols: number;
  nextRow: number;
  text: string[][];
  values: CellValue[][];
  formats: string[][];
  merges: Map<string, MergedArea>;
};

/**
 * Creates the Office.js workbook port.
 * @param run `Excel.run` (the default, looked up when a method is called so that this module can
 *   be imported where Office.js is absent, e.g. in Jest)
 * @param requirements `Office.context.requirements` by default
 * @param options payload budget overrides, for tests
 * @returns a `WorkbookPort` that talks to the open workbook
 * @example
 * const book = createOfficeWorkbook();
 * const [plan] = await book.readSheets(['抽查计划']);
 */
export function createOfficeWorkbook(
  run?: typeof Excel.run,
  requirements?: RequirementChecker,
  options: OfficeWorkbookOptions = {},
): WorkbookPort {
  const budget = options.payloadBudgetBytes ?? PAYLOAD_BUDGET_BYTES;
  const baseBytesPerCell = options.readBytesPerCell ?? READ_BYTES_PER_CELL;

  const getRun = (): typeof Excel.run => {
    if (run) return run;
    if (typeof Excel !== 'undefined') return Excel.run;
    throw new WorkbookError('未在 Excel 中运行：找不到 Office.js。', 'NO_HOST');
  };
  const getCapabilities = (): Capabilities => {
    let req = requirements;
    if (!req) {
      if (typeof Office === 'undefined')
        throw new WorkbookError('未在 Excel 中运行：找不到 Office.js。', 'NO_HOST');
      req = Office.context.requirements;
    }
    const caps = detectCapabilities(req);
    if (!caps.features.workbook) throw unsupported('workbook');
    return caps;
  };
  const withContext = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    getRun()(batch);

  async function listSheets(): Promise<SheetInfo[]> {
    getCapabilities();
    return withContext(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility,items/protection/protected');
      await context.sync();
      return sheets.items.map((ws) => ({
        name: ws.name,
        visibility: toVisibility(ws.visibility),
        isProtected: ws.protection.protected,
      }));
    });
  }

  async function readSheets(names: string[]): Promise<Grid[]> {
    if (names.length === 0) return [];
    const caps = getCapabilities();
    const unique = [...new Set(names)];
    const grids = await withContext(async (context) => {
      // Sync 1: the used range of every sheet. valuesOnly, so a formatted but empty tail of
      // thousands of rows is not read.
      const reads: SheetRead[] = unique.map((name) => {
        const sheet = context.workbook.worksheets.getItem(name);
        return {
          name,
          sheet,
          box: null,
          cols: 0,
          nextRow: 0,
          text: [],
          values: [],
          formats: [],
          merges: new Map(),
        };
      });
      const used = reads.map((r) => {
        const u = r.sheet.getUsedRangeOrNullObject(true);
        u.load('address,rowCount,columnCount');
        return u;
      });
      try {
        await context.sync();
      } catch (e) {
        if (officeCode(e) === 'ItemNotFound') throw await missingSheetError(unique);
        throw e;
      }
      used.forEach((u, i) => {
        const r = reads[i]!;
        if (u.isNullObject) return;
        const box = parseRangeAddress(u.address);
        if (!box) return;
        r.box = {
          top: box.top,
          left: box.left,
          bottom: box.top + u.rowCount - 1,
          right: box.left + u.columnCount - 1,
        };
        r.cols = u.columnCount;
      });

      // Then text, values and number formats in row chunks packed into requests of at most
      // `budget` estimated bytes: one sync per ~4 MB, however many sheets and rows.
      let bytesPerCell = baseBytesPerCell;
      let readMerges = caps.features.readMerges;
      let retries = 0;
      const remaining = (): boolean =>
        reads.some((r) => r.box !== null && r.nextRow < r.box.bottom - r.box.top + 1);
      while (remaining()) {
        const queued: QueuedRead[] = [];
        let bytes = 0;
        for (const [sheetIndex, r] of reads.entries()) {
          if (!r.box) continue;
          const total = r.box.bottom - r.box.top + 1;
          let next = r.nextRow;
          while (next < total) {
            const reserve = readMerges ? MERGE_RESERVE_BYTES : 0;
            let fit = Math.floor((budget - bytes - reserve) / (r.cols * bytesPerCell));
            if (fit < 1) {
              if (queued.length > 0) break;
              fit = 1; // one row larger than the budget: nothing smaller can be asked for
            }
            const rows = Math.min(fit, total - next);
            const top = r.box.top + next;
            const range = r.sheet.getRange(
              boxAddress({ top, left: r.box.left, bottom: top + rows - 1, right: r.box.right }),
            );
            range.load('text,values,numberFormat');
            let merged: Excel.RangeAreas | null = null;
            if (readMerges) {
              merged = range.getMergedAreasOrNullObject();
              merged.load('address');
            }
            queued.push({ chunk: { sheetIndex, top: next, rows }, range, merged });
            bytes += rows * r.cols * bytesPerCell + reserve;
            next += rows;
          }
          if (bytes >= budget) break;
        }
        try {
          await context.sync();
        } catch (e) {
          const code = officeCode(e);
          if (code !== undefined && PAYLOAD_ERROR_CODES.has(code) && retries < MAX_READ_RETRIES) {
            // Our estimate was low for this sheet: ask for half as many rows at a time.
            retries++;
            bytesPerCell *= 2;
            continue;
          }
          if (readMerges && queued.some((q) => q.merged !== null) && retries < MAX_READ_RETRIES) {
            // getMergedAreasOrNullObject fails when a range holds more than 512 merged areas;
            // read the cells without merges rather than not at all.
            retries++;
            readMerges = false;
            continue;
          }
          throw e;
        }
        let observed = 0;
        let cells = 0;
        for (const q of queued) {
          const r = reads[q.chunk.sheetIndex]!;
          r.text.push(...(q.range.text as string[][]));
          // Office reports an empty cell as ''; the other adapters (and core) use null.
          for (const row of q.range.values as CellValue[][])
            r.values.push(row.map((v) => (v === '' ? null : v)));
          r.formats.push(...(q.range.numberFormat as string[][]));
          r.nextRow = q.chunk.top + q.chunk.rows;
          observed += jsonBytes(q.range.text) + jsonBytes(q.range.values) + jsonBytes(q.range.numberFormat);
          cells += q.chunk.rows * r.cols;
          if (q.merged && !q.merged.isNullObject) {
            // A merge crossing a chunk boundary is reported by both chunks.
            for (const m of parseAreasAddress(q.merged.address))
              r.merges.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
          }
        }
        // Learn the sheet's real size per cell, with a 25 % margin: the first chunk is sized by a
        // cautious guess, the following ones fill the ~4 MB budget. After a payload rejection the
        // estimate only ever rises, so the same wall is not hit twice.
        if (cells > 0) {
          const learned = Math.max(MIN_READ_BYTES_PER_CELL, Math.ceil((observed / cells) * 1.25));
          bytesPerCell = retries > 0 ? Math.max(bytesPerCell, learned) : learned;
        }
      }
      return reads.map((r): Grid => {
        if (!r.box) return emptyGrid(r.name);
        return {
          sheet: r.name,
          origin: { row: r.box.top, col: r.box.left },
          text: r.text,
          values: r.values,
          formats: r.formats,
          merges: [...r.merges.values()].sort((a, b) => a.top - b.top || a.left - b.left),
        };
      });
    });
    const byName = new Map(grids.map((g) => [g.sheet, g]));
    return names.map((n) => byName.get(n) ?? emptyGrid(n));
  }

  /** One extra round trip, only on the error path, to name the missing sheets. */
  async function missingSheetError(names: string[], suffix = ''): Promise<WorkbookError> {
    const existing = await withContext(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return new Set(sheets.items.map((s) => s.name.toLowerCase()));
    });
    const missing = names.filter((n) => !existing.has(n.toLowerCase()));
    return new WorkbookError(
      `找不到工作表：${missing.map(quoteName).join('、')}${suffix}。`,
      'NO_SUCH_SHEET',
    );
  }

  async function apply(ops: WorkbookOp[], applyOptions: ApplyOptions = {}): Promise<void> {
    if (ops.length === 0) return;
    const caps = getCapabilities();
    const added: string[] = [];
    try {
      await withContext(async (context) => {
        // Sync 1: names, visibility and protection of every sheet, to refuse a batch that cannot
        // succeed before anything changes (Office.js has no transactions).
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/visibility,items/protection/protected');
        const expectations = ops.flatMap((op) => {
          if (op.kind !== 'expectValue') return [];
          requireAddress(op.address);
          const range = context.workbook.worksheets.getItem(op.sheet).getRange(op.address);
          range.load('text');
          return [{ op, range }];
        });
        try {
          await context.sync();
        } catch (e) {
          // Only the expectValue lookups can miss a sheet in this sync.
          if (officeCode(e) === 'ItemNotFound' && expectations.length > 0) {
            throw await missingSheetError(
              expectations.map((x) => x.op.sheet),
              '，未做任何修改',
            );
          }
          throw e;
        }
        for (const { op, range } of expectations) {
          if (range.text[0]?.[0] !== op.value) throw conflictError(op.sheet, op.address);
        }
        const proxies = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
        const planned = planOps(
          ops,
          sheets.items.map((ws) => ({
            name: ws.name,
            visibility: toVisibility(ws.visibility),
            isProtected: ws.protection.protected,
          })),
          caps,
        );
        const sheet = (name: string): Excel.Worksheet => {
          const ws = proxies.get(name.toLowerCase());
          if (!ws) throw sheetNotFound(name); // planOps already checked; a bug if reached
          return ws;
        };

        const jobs = new Map<WorkbookOp, MatrixJob[]>();
        let totalRows = 0;
        for (const { op, skip } of planned) {
          if (skip) continue;
          const list: MatrixJob[] = [];
          if (op.kind === 'write') {
            const job = writeJob(op, requireAddress(op.address));
            if (job) list.push(job);
          } else if (op.kind === 'style' && op.style.numberFormat !== undefined) {
            list.push(formatJob(op.sheet, requireAddress(op.address), op.style.numberFormat));
          }
          for (const j of list) totalRows += j.values ? j.rowCount : 0;
          jobs.set(op, list);
        }

        let pendingBytes = 0;
        let pendingCommands = 0;
        let pendingRows = 0;
        let doneRows = 0;
        const flush = async (isFinal: boolean): Promise<void> => {
          if (pendingCommands === 0) return;
          await context.sync();
          doneRows += pendingRows;
          pendingRows = 0;
          pendingBytes = 0;
          pendingCommands = 0;
          if (totalRows > 0) applyOptions.onProgress?.(doneRows, totalRows);
          if (!isFinal && applyOptions.isCancelled?.()) throw cancelledError();
        };
        /** Makes room for `bytes` in the current request, syncing first if it would not fit. */
        const reserve = async (bytes: number): Promise<void> => {
          if (pendingCommands > 0 && pendingBytes + bytes > budget) await flush(false);
          pendingBytes += bytes;
          pendingCommands++;
        };
        const queueMatrix = async (job: MatrixJob): Promise<void> => {
          const ws = sheet(job.sheet);
          let start = 0;
          let bytes = 0;
          const emit = async (end: number): Promise<void> => {
            if (end <= start) return;
            await reserve(bytes);
            const range = ws.getRange(
              boxAddress({
                top: job.top + start,
                left: job.left,
                bottom: job.top + end - 1,
                right: job.left + job.width - 1,
              }),
            );
            // numberFormat before values: a value lands in a text cell as text, whereas
            // formatting afterwards would leave Excel's conversion (1.10101E+17) in place.
            if (job.formats) {
              const formats: (string | null)[][] = [];
              for (let i = start; i < end; i++) formats.push(job.formats(i));
              range.numberFormat = formats;
            }
            if (job.values) {
              const values: CellValue[][] = [];
              for (let i = start; i < end; i++) values.push(job.values(i));
              range.values = values;
              pendingRows += end - start;
            }
            start = end;
            bytes = 0;
          };
          for (let i = 0; i < job.rowCount; i++) {
            const rowBytes =
              (job.values ? jsonBytes(job.values(i)) : 0) + (job.formats ? jsonBytes(job.formats(i)) : 0) + 8;
            if (pendingBytes + bytes + rowBytes > budget) {
              // This row would overflow the request: send what is queued and start a new one.
              if (bytes > 0) await emit(i);
              if (pendingCommands > 0) await flush(false);
            }
            bytes += rowBytes;
          }
          await emit(job.rowCount);
        };

        for (const { op, skip } of planned) {
          if (skip) continue;
          switch (op.kind) {
            case 'addSheet': {
              await reserve(SMALL_COMMAND_BYTES);
              const ws = sheets.add(op.sheet);
              added.push(op.sheet);
              proxies.set(op.sheet.toLowerCase(), ws);
              if (op.visibility !== undefined && op.visibility !== 'visible')
                ws.visibility = toExcelVisibility(op.visibility);
              break;
            }
            case 'copySheet': {
              await reserve(SMALL_COMMAND_BYTES);
              // Worksheet.copy (ExcelApi 1.7) keeps the bureau template's formatting exactly.
              const ws = sheet(op.source).copy('End' as Excel.WorksheetPositionType);
              ws.name = op.sheet;
              added.push(op.sheet);
              proxies.set(op.sheet.toLowerCase(), ws);
              break;
            }
            case 'renameSheet': {
              await reserve(SMALL_COMMAND_BYTES);
              const ws = sheet(op.sheet);
              ws.name = op.to;
              proxies.delete(op.sheet.toLowerCase());
              proxies.set(op.to.toLowerCase(), ws);
              const i = added.findIndex((n) => n.toLowerCase() === op.sheet.toLowerCase());
              if (i >= 0) added[i] = op.to;
              break;
            }
            case 'deleteSheet': {
              await reserve(SMALL_COMMAND_BYTES);
              sheet(op.sheet).delete();
              proxies.delete(op.sheet.toLowerCase());
              const i = added.findIndex((n) => n.toLowerCase() === op.sheet.toLowerCase());
              if (i >= 0) added.splice(i, 1);
              break;
            }
            case 'write':
              for (const job of jobs.get(op) ?? []) await queueMatrix(job);
              break;
            case 'style':
              await reserve(SMALL_COMMAND_BYTES);
              queueStyle(sheet(op.sheet).getRange(op.address), requireAddress(op.address), op.style);
              for (const job of jobs.get(op) ?? []) await queueMatrix(job);
              break;
            case 'merge':
              await reserve(SMALL_COMMAND_BYTES);
              sheet(op.sheet).getRange(op.address).merge(false);
              break;
            case 'columnWidths': {
              const ws = sheet(op.sheet);
              for (const [c, w] of op.widths.entries()) {
                await reserve(SMALL_COMMAND_BYTES);
                ws.getRange(columnAddress(c)).format.columnWidth = charsToPoints(w);
              }
              break;
            }
            case 'rowHeights': {
              const ws = sheet(op.sheet);
              for (const [i, h] of op.heights.entries()) {
                await reserve(SMALL_COMMAND_BYTES);
                ws.getRange(rowAddress(op.fromRow + i)).format.rowHeight = h;
              }
              break;
            }
            case 'listValidation': {
              await reserve(SMALL_COMMAND_BYTES + jsonBytes(op.items));
              const dv = sheet(op.sheet).getRange(op.address).dataValidation;
              dv.clear();
              dv.rule = { list: { inCellDropDown: true, source: op.items.join(',') } };
              if (op.prompt !== undefined) dv.prompt = { showPrompt: true, message: op.prompt, title: '' };
              break;
            }
            case 'dateValidation': {
              await reserve(SMALL_COMMAND_BYTES);
              const dv = sheet(op.sheet).getRange(op.address).dataValidation;
              dv.clear();
              dv.rule = { date: dateRule(op.min, op.max) };
              dv.errorAlert = { showAlert: true, style: 'Stop', title: '日期无效', message: dateErrorText(op.min, op.max) };
              if (op.prompt !== undefined) dv.prompt = { showPrompt: true, message: op.prompt, title: '' };
              break;
            }
            case 'pageSetup':
              await reserve(SMALL_COMMAND_BYTES);
              queuePageSetup(sheet(op.sheet), op.setup);
              break;
            case 'protect': {
              await reserve(SMALL_COMMAND_BYTES);
              const protection = sheet(op.sheet).protection;
              // The password argument exists from ExcelApi 1.7; planOps refused a password below it.
              if (op.password !== undefined) protection.protect(PROTECT_OPTIONS, op.password);
              else protection.protect(PROTECT_OPTIONS);
              break;
            }
            case 'unprotect': {
              await reserve(SMALL_COMMAND_BYTES);
              const protection = sheet(op.sheet).protection;
              if (op.password !== undefined) protection.unprotect(op.password);
              else protection.unprotect();
              break;
            }
            case 'setVisibility':
              await reserve(SMALL_COMMAND_BYTES);
              sheet(op.sheet).visibility = toExcelVisibility(op.visibility);
              break;
            case 'expectValue':
              break; // checked with the preconditions
            case 'activate': {
              await reserve(SMALL_COMMAND_BYTES);
              const ws = sheet(op.sheet);
              ws.activate();
              if (op.address !== undefined) ws.getRange(op.address).select();
              break;
            }
          }
        }
        await flush(true);
      });
    } catch (e) {
      if (added.length > 0) await rollback(added);
      throw e;
    }
  }

  /**
   * Deletes the sheets this batch added, in a fresh `Excel.run` (the failed one may have queued
   * commands that would fail again). Best-effort: the caller gets the original error, which is the
   * one the user can act on.
   */
  async function rollback(names: string[]): Promise<void> {
    try {
      await withContext(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const wanted = new Set(names.map((n) => n.toLowerCase()));
        const doomed = sheets.items.filter((ws) => wanted.has(ws.name.toLowerCase()));
        for (const ws of doomed) ws.delete();
        if (doomed.length > 0) await context.sync();
      });
    } catch {
      // Nothing more to do: the original error is rethrown by apply().
    }
  }

  async function select(sheetName: string, address: string): Promise<void> {
    getCapabilities();
    requireAddress(address);
    await withContext(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRange(address).select();
      try {
        await context.sync();
      } catch (e) {
        if (officeCode(e) === 'ItemNotFound')
          throw new WorkbookError(`找不到工作表${quoteName(sheetName)}。`, 'NO_SUCH_SHEET');
        throw e;
      }
    });
  }

  return { listSheets, readSheets, apply, select };
}

/**
 * The date rule of a `dateValidation` op. Office takes ISO 8601 dates as formula text; with no
 * bound at all, any date from 1900 on is accepted (Excel needs an operator and an operand).
 */
function dateRule(min: string | undefined, max: string | undefined): Excel.DateTimeDataValidation {
  if (min !== undefined && max !== undefined) return { formula1: min, formula2: max, operator: 'Between' };
  if (max !== undefined) return { formula1: max, operator: 'LessThanOrEqualTo' };
  return { formula1: min ?? '1900-01-01', operator: 'GreaterThanOrEqualTo' };
}

/** String literals, not `Excel.BorderIndex`: the `Excel` namespace does not exist outside Office. */
type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

function queueStyle(range: Excel.Range, box: RangeBox, style: RangeStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.fontName !== undefined) f.font.name = style.fontName;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontal !== undefined) {
    f.horizontalAlignment =
      style.horizontal === 'left' ? 'Left' : style.horizontal === 'center' ? 'Center' : 'Right';
  }
  if (style.vertical !== undefined) {
    f.verticalAlignment =
      style.vertical === 'top' ? 'Top' : style.vertical === 'middle' ? 'Center' : 'Bottom';
  }
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.border !== undefined) {
    const edges: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    // Inside borders only exist when the range has more than one row / column.
    if (box.bottom > box.top) edges.push('InsideHorizontal');
    if (box.right > box.left) edges.push('InsideVertical');
    for (const edge of edges) f.borders.getItem(edge).style = style.border ? 'Continuous' : 'None';
  }
}

function queuePageSetup(ws: Excel.Worksheet, setup: PageSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = setup.paper;
  // verticalFitToPages 0 = "automatic" (OOXML fitToHeight="0"): one page wide, as many tall as needed.
  if (setup.fitToOnePageWide) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (setup.printArea !== undefined) layout.setPrintArea(setup.printArea);
  if (setup.printTitleRows !== undefined) layout.setPrintTitleRows(absoluteRows(setup.printTitleRows));
  // A page break is added *before* the given cell, so "after row n" is a break at row n + 1.
  for (const row of setup.rowBreaks ?? []) ws.horizontalPageBreaks.add(`A${row + 1}`);
  if (setup.margins) {
    layout.topMargin = setup.margins.top * 72;
    layout.bottomMargin = setup.margins.bottom * 72;
    layout.leftMargin = setup.margins.left * 72;
    layout.rightMargin = setup.margins.right * 72;
  }
}
