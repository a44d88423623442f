/**
 * An in-memory `WorkbookPort` for core-level and UI tests. Batches go through the same check as
 * the Office and xlsx adapters (`checkBatch`: case-insensitive names, a protected sheet refuses
 * writes, at least one sheet stays visible, the same Chinese `WorkbookError`s and codes), and it
 * stores styles, validation and page setup as plain data for tests to inspect.
 * `apply` works on a copy and commits only when every op succeeded.
 */
import { formatCellText } from '../_lib/displayText';
import { cancelledError, conflictError, quoteSheet, sheetNotFound } from '../_lib/batchErrors';
import { checkBatch, requireBox } from '../checkBatch';
import type { CheckedOp } from '../checkBatch';
import type { CellValue, Grid, MergedArea } from '../../core/grid';
import { emptyGrid } from '../../core/grid';
import { WorkbookError } from '../port';
import type {
  ApplyOptions,
  PageSetup,
  RangeStyle,
  SheetInfo,
  SheetVisibility,
  WorkbookOp,
  WorkbookPort,
} from '../port';
import { parseRangeAddress } from '../rangeAddress';
import type { RangeBox } from '../rangeAddress';

export type MemoryWorkbookOptions = {
  /** The workbook's structure is protected (no sheet may be added, deleted, hidden or shown). */
  isStructureProtected?: boolean;
};

export type MemoryCell = { value: CellValue; text?: string; format?: string };

/** A sheet's full seed; a bare `CellValue[][]` is shorthand for `{ values }`. */
export type MemorySheetSeed = {
  values: CellValue[][];
  /** Display text where it differs from `String(value)` (e.g. `5%` for 0.05). */
  text?: (string | undefined)[][];
  formats?: (string | undefined)[][];
  /** Top-left cell of `values` (default A1). */
  at?: string;
  merges?: string[];
  visibility?: SheetVisibility;
  isProtected?: boolean;
  password?: string;
};

export type MemorySheet = {
  name: string;
  /** Keyed by `row * 16384 + col`. */
  cells: Map<number, MemoryCell>;
  merges: MergedArea[];
  visibility: SheetVisibility;
  isProtected: boolean;
  password?: string;
  styles: { address: string; style: RangeStyle }[];
  validations: { address: string; items: string[]; prompt?: string }[];
  /** Date validations (`dateValidation` ops), bounds as ISO dates. */
  dateValidations: { address: string; min?: string; max?: string; prompt?: string }[];
  pageSetup?: PageSetup;
  /** Characters, by 0-based column. */
  columnWidths: Map<number, number>;
  /** Points, by 1-based row. */
  rowHeights: Map<number, number>;
};

/** The port plus what tests inspect. */
export type MemoryWorkbook = WorkbookPort & {
  /** The live sheet (not a copy), or undefined. */
  sheet(name: string): MemorySheet | undefined;
  /** A cell by A1 address. */
  cell(sheet: string, address: string): MemoryCell | undefined;
  /** The last `select` / `activate`. */
  readonly selection: { sheet: string; address?: string } | null;
};

const COLS = 16_384;
const key = (r: number, c: number): number => r * COLS + c;

type State = { sheets: MemorySheet[]; selection: { sheet: string; address?: string } | null };

function seedSheet(name: string, seed: CellValue[][] | MemorySheetSeed): MemorySheet {
  const s: MemorySheetSeed = Array.isArray(seed) ? { values: seed } : seed;
  const sheet = newSheet(name);
  const at = s.at ? requireBox(s.at) : { top: 0, left: 0 };
  s.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const text = s.text?.[r]?.[c];
      const format = s.formats?.[r]?.[c];
      if (value === null && format === undefined) return;
      const cell: MemoryCell = { value };
      if (text !== undefined) cell.text = text;
      if (format !== undefined) cell.format = format;
      sheet.cells.set(key(at.top + r, at.left + c), cell);
    }),
  );
  sheet.merges = (s.merges ?? []).map(requireBox);
  sheet.visibility = s.visibility ?? 'visible';
  sheet.isProtected = s.isProtected ?? false;
  if (s.password !== undefined) sheet.password = s.password;
  return sheet;
}

function newSheet(name: string): MemorySheet {
  return {
    name,
    cells: new Map(),
    merges: [],
    visibility: 'visible',
    isProtected: false,
    styles: [],
    validations: [],
    dateValidations: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
  };
}

function displayText(cell: MemoryCell | undefined): string {
  if (!cell || cell.value === null) return '';
  return cell.text ?? formatCellText(cell.value, cell.format);
}

function toGrid(sheet: MemorySheet): Grid {
  let box: RangeBox | null = null;
  for (const [k, cell] of sheet.cells) {
    if (cell.value === null || cell.value === '') continue;
    const r = Math.floor(k / COLS);
    const c = k % COLS;
    box = box
      ? {
          top: Math.min(box.top, r),
          left: Math.min(box.left, c),
          bottom: Math.max(box.bottom, r),
          right: Math.max(box.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
  }
  if (!box) return { ...emptyGrid(sheet.name), merges: sheet.merges.map((m) => ({ ...m })) };
  const text: string[][] = [];
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const t: string[] = [];
    const v: CellValue[] = [];
    const f: string[] = [];
    for (let c = box.left; c <= box.right; c++) {
      const cell = sheet.cells.get(key(r, c));
      t.push(displayText(cell));
      v.push(cell?.value ?? null);
      f.push(cell?.format ?? 'General');
    }
    text.push(t);
    values.push(v);
    formats.push(f);
  }
  return {
    sheet: sheet.name,
    origin: { row: box.top, col: box.left },
    text,
    values,
    formats,
    merges: sheet.merges.map((m) => ({ ...m })),
  };
}

function cloneState(state: State): State {
  return {
    selection: state.selection ? { ...state.selection } : null,
    sheets: state.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
      merges: s.merges.map((m) => ({ ...m })),
      styles: [...s.styles],
      validations: [...s.validations],
      dateValidations: [...s.dateValidations],
      columnWidths: new Map(s.columnWidths),
      rowHeights: new Map(s.rowHeights),
    })),
  };
}

function wrongPasswordError(sheet: string): WorkbookError {
  return new WorkbookError(`工作表${quoteSheet(sheet)}的保护密码不正确，未做任何修改。`, 'WRONG_PASSWORD');
}

/** A `write` op's cells: text columns and formula-like strings stay text, as the other adapters keep them. */
function writeCells(s: MemorySheet, at: RangeBox, op: Extract<WorkbookOp, { kind: 'write' }>): void {
  const textCols = new Set(op.textColumns ?? []);
  op.rows.forEach((row, r) =>
    row.forEach((input, c) => {
      const { value, format } = input !== null && typeof input === 'object' ? input : { value: input, format: undefined };
      const k = key(at.top + r, at.left + c);
      const cell: MemoryCell = { ...(s.cells.get(k) ?? { value: null }) };
      delete cell.text;
      if (textCols.has(c) && value !== null && value !== '') {
        cell.value = String(value);
        cell.format = '@';
      } else {
        cell.value = value === '' ? null : value;
        if (format !== undefined) cell.format = format;
      }
      s.cells.set(k, cell);
    }),
  );
}

function setFormat(s: MemorySheet, box: RangeBox, numberFormat: string): void {
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      const cell = s.cells.get(key(r, c)) ?? { value: null };
      s.cells.set(key(r, c), { ...cell, format: numberFormat });
    }
  }
}

function overlaps(a: RangeBox, b: RangeBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * Creates an in-memory workbook.
 * @param seed sheets in tab order: `{ 名录库: [['名称', '代码'], ['甲公司', '9144…']] }`
 * @returns a `WorkbookPort` plus accessors for tests
 * @example
 * const book = createMemoryWorkbook({ Sheet1: [['a', 1]] });
 * (await book.readSheets(['Sheet1']))[0]?.text // [['a', '1']]
 */
export function createMemoryWorkbook(
  seed: Record<string, CellValue[][] | MemorySheetSeed> = {},
  options: MemoryWorkbookOptions = {},
): MemoryWorkbook {
  let state: State = {
    sheets: Object.entries(seed).map(([name, s]) => seedSheet(name, s)),
    selection: null,
  };

  const find = (st: State, name: string): MemorySheet | undefined =>
    st.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const get = (st: State, name: string): MemorySheet => {
    const s = find(st, name);
    if (!s) throw sheetNotFound(name);
    return s;
  };
  /** Applies one op that `checkBatch` accepted; returns the rows it wrote (for progress). */
  function applyOp(st: State, { op, skip, box }: CheckedOp): number {
    if (skip) return 0;
    switch (op.kind) {
      case 'addSheet': {
        const s = newSheet(op.sheet);
        s.visibility = op.visibility ?? 'visible';
        st.sheets.push(s);
        return 0;
      }
      case 'copySheet':
        // Like Worksheet.copy: the copy keeps the source's protection and password.
        st.sheets.push({ ...structuredClone(get(st, op.source)), name: op.sheet, visibility: 'visible' });
        return 0;
      case 'renameSheet':
        get(st, op.sheet).name = op.to;
        return 0;
      case 'deleteSheet':
        st.sheets.splice(st.sheets.indexOf(get(st, op.sheet)), 1);
        return 0;
      case 'write':
        writeCells(get(st, op.sheet), box!, op);
        return op.rows.length;
      case 'style': {
        const s = get(st, op.sheet);
        s.styles.push({ address: op.address, style: { ...op.style } });
        if (op.style.numberFormat !== undefined) setFormat(s, box!, op.style.numberFormat);
        return 0;
      }
      case 'merge': {
        const s = get(st, op.sheet);
        // Excel keeps only the upper-left value of a merged range; the others are discarded.
        for (let r = box!.top; r <= box!.bottom; r++) {
          for (let c = box!.left; c <= box!.right; c++) {
            const cell = s.cells.get(key(r, c));
            if ((r !== box!.top || c !== box!.left) && cell) s.cells.set(key(r, c), { ...cell, value: null });
          }
        }
        s.merges = s.merges.filter((m) => !overlaps(m, box!));
        s.merges.push(box!);
        return 0;
      }
      case 'columnWidths': {
        const s = get(st, op.sheet);
        op.widths.forEach((w, c) => s.columnWidths.set(c, w));
        return 0;
      }
      case 'rowHeights': {
        const s = get(st, op.sheet);
        op.heights.forEach((h, i) => s.rowHeights.set(op.fromRow + i, h));
        return 0;
      }
      case 'listValidation': {
        const s = get(st, op.sheet);
        s.validations = s.validations.filter((v) => v.address !== op.address);
        s.validations.push({ address: op.address, items: [...op.items], ...(op.prompt !== undefined ? { prompt: op.prompt } : {}) });
        return 0;
      }
      case 'dateValidation': {
        const s = get(st, op.sheet);
        s.dateValidations = s.dateValidations.filter((v) => v.address !== op.address);
        s.dateValidations.push({
          address: op.address,
          ...(op.min !== undefined ? { min: op.min } : {}),
          ...(op.max !== undefined ? { max: op.max } : {}),
          ...(op.prompt !== undefined ? { prompt: op.prompt } : {}),
        });
        return 0;
      }
      case 'pageSetup':
        get(st, op.sheet).pageSetup = structuredClone(op.setup);
        return 0;
      case 'protect': {
        const s = get(st, op.sheet);
        s.isProtected = true;
        if (op.password !== undefined) s.password = op.password;
        else delete s.password;
        return 0;
      }
      case 'unprotect': {
        const s = get(st, op.sheet);
        if (s.password !== undefined && s.password !== op.password) throw wrongPasswordError(s.name);
        s.isProtected = false;
        delete s.password;
        return 0;
      }
      case 'setVisibility':
        get(st, op.sheet).visibility = op.visibility;
        return 0;
      case 'expectValue':
        return 0; // checked against the workbook before the batch, in apply()
      case 'activate': {
        const s = get(st, op.sheet);
        st.selection = op.address !== undefined ? { sheet: s.name, address: op.address } : { sheet: s.name };
        return 0;
      }
    }
  }

  return {
    async listSheets(): Promise<SheetInfo[]> {
      return state.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        isProtected: s.isProtected,
      }));
    },
    async readSheets(names: string[]): Promise<Grid[]> {
      return names.map((n) => toGrid(get(state, n)));
    },
    async apply(ops: WorkbookOp[], applyOptions: ApplyOptions = {}): Promise<void> {
      // Preconditions see the workbook as it was read, before any op of this batch.
      for (const op of ops) {
        if (op.kind !== 'expectValue') continue;
        const box = requireBox(op.address);
        if (displayText(get(state, op.sheet).cells.get(key(box.top, box.left))) !== op.value)
          throw conflictError(op.sheet, op.address);
      }
      const checked = checkBatch(ops, state.sheets, options);
      const draft = cloneState(state);
      const total = ops.reduce((n, op) => n + (op.kind === 'write' ? op.rows.length : 0), 0);
      let done = 0;
      for (const [i, op] of checked.ops.entries()) {
        const rows = applyOp(draft, op);
        if (rows > 0) {
          done += rows;
          applyOptions.onProgress?.(done, total);
        }
        if (i < ops.length - 1 && applyOptions.isCancelled?.()) throw cancelledError();
      }
      state = draft;
    },
    async select(sheet: string, address: string): Promise<void> {
      const s = get(state, sheet);
      requireBox(address);
      state = { ...state, selection: { sheet: s.name, address } };
    },
    sheet: (name) => find(state, name),
    cell: (sheet, address) => {
      const s = find(state, sheet);
      const box = parseRangeAddress(address);
      return s && box ? s.cells.get(key(box.top, box.left)) : undefined;
    },
    get selection() {
      return state.selection;
    },
  };
}
