/**
 * The ExcelJS adapter: a WorkbookPort over an .xlsx held in memory, for the CLI and the browser page.
 * `openXlsxWorkbook` reads bytes, `save()` gives the bytes back; the caller decides where they go
 * (the CLI writes a new file atomically, the page offers a download).
 */
import ExcelJS from 'exceljs';
import type { CellValue, Grid, MergedArea } from '../../core/grid';
import { parseCellAddress } from '../../core/grid';
import type { CellInput, RangeStyle, SheetVisibility, WorkbookOp } from '../../core/workbookOps';
import type { ApplyOptions, SheetInfo, WorkbookPort } from '../port';
import { WorkbookError } from '../port';
import { dateToSerial, formatCellText } from '../_lib/displayText';
import { dateErrorText, isIsoDate } from '../_lib/validationText';
import { isSheetPasswordCorrect } from './sheetPassword';
import { assertLooksLikeXlsx } from './sniffXlsx';

export type XlsxWorkbook = WorkbookPort & {
  /** The workbook as .xlsx bytes. */
  save(): Promise<Uint8Array>;
  /** The ExcelJS workbook, for adapters' own tests only. */
  readonly raw: ExcelJS.Workbook;
};

/** Excel's limits that matter to us. */
const MAX_SHEET_NAME = 31;
const FORMULA_LIKE = /^[=+\-@]/;
/** Lower than ExcelJS's default 100 000: protection is a speed bump, the hash chain is the evidence. */
const PROTECT_SPIN_COUNT = 1000;

type ExcelCell = ExcelJS.Cell;

function rawOf(cell: ExcelCell): { value: CellValue; text: string | null } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null, text: '' };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, text: null };
  if (typeof v === 'string') return { value: v, text: v };
  if (v instanceof Date) return { value: dateToSerial(v), text: null };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const t = (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
      return { value: t, text: t };
    }
    if (typeof o.error === 'string') return { value: o.error, text: o.error };
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result as unknown;
      if (r === undefined || r === null) return { value: null, text: '' };
      if (r instanceof Date) return { value: dateToSerial(r), text: null };
      if (typeof r === 'object' && r !== null && typeof (r as { error?: unknown }).error === 'string') {
        const e = (r as { error: string }).error;
        return { value: e, text: e };
      }
      if (typeof r === 'number' || typeof r === 'boolean') return { value: r, text: null };
      return { value: String(r), text: String(r) };
    }
    if (typeof o.text === 'string') return { value: o.text, text: o.text }; // hyperlink
  }
  return { value: String(v), text: String(v) };
}

function readGrid(ws: ExcelJS.Worksheet): Grid {
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  const cells: { r: number; c: number; value: CellValue; text: string; fmt: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Office.js reports only the top-left cell of a merged area; ExcelJS echoes the master's
      // value in every cell of it.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const { value, text } = rawOf(cell);
      if (value === null) return;
      const fmt = cell.numFmt || 'General';
      const r = rowNumber - 1;
      const c = colNumber - 1;
      cells.push({ r, c, value, text: text ?? formatCellText(value, fmt), fmt });
      if (r < minRow) minRow = r;
      if (r > maxRow) maxRow = r;
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    });
  });
  const merges: MergedArea[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const [a, b] = ref.split(':');
    const p = a ? parseCellAddress(a) : null;
    const q = b ? parseCellAddress(b) : p;
    if (p && q) merges.push({ top: p.row, left: p.col, bottom: q.row, right: q.col });
  }
  if (cells.length === 0) return { sheet: ws.name, origin: { row: 0, col: 0 }, text: [], values: [], formats: [], merges };
  for (const m of merges) {
    minRow = Math.min(minRow, m.top);
    maxRow = Math.max(maxRow, m.bottom);
    minCol = Math.min(minCol, m.left);
    maxCol = Math.max(maxCol, m.right);
  }
  const rows = maxRow - minRow + 1;
  const cols = maxCol - minCol + 1;
  const text: string[][] = [];
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    text.push(new Array<string>(cols).fill(''));
    values.push(new Array<CellValue>(cols).fill(null));
    formats.push(new Array<string>(cols).fill('General'));
  }
  for (const cell of cells) {
    const r = cell.r - minRow;
    const c = cell.c - minCol;
    text[r]![c] = cell.text;
    values[r]![c] = cell.value;
    formats[r]![c] = cell.fmt;
  }
  return { sheet: ws.name, origin: { row: minRow, col: minCol }, text, values, formats, merges };
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === 'hidden' ? 'hidden' : ws.state === 'veryHidden' ? 'veryHidden' : 'visible';
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } | null }).sheetProtection;
  // ExcelJS reads only sheet="1"; LibreOffice writes sheet="true". A stored password hash means
  // protected either way.
  return Boolean(p && (p.sheet || p.hashValue));
}

function rangeBounds(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = address.split(':');
  const p = a ? parseCellAddress(a) : null;
  const q = b ? parseCellAddress(b) : p;
  if (!p || !q) throw new WorkbookError(`内部错误：无效的单元格地址 ${address}`, 'BAD_ADDRESS');
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function eachCell(ws: ExcelJS.Worksheet, address: string, fn: (cell: ExcelCell) => void): void {
  const b = rangeBounds(address);
  for (let r = b.top; r <= b.bottom; r++) {
    const row = ws.getRow(r + 1);
    for (let c = b.left; c <= b.right; c++) fn(row.getCell(c + 1));
  }
}

function applyStyle(cell: ExcelCell, style: RangeStyle): void {
  if (style.bold !== undefined || style.fontName || style.fontSize) {
    cell.font = {
      ...cell.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.fontName ? { name: style.fontName } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
    };
  }
  if (style.wrap !== undefined || style.horizontal || style.vertical) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
      ...(style.horizontal ? { horizontal: style.horizontal } : {}),
      ...(style.vertical ? { vertical: style.vertical } : {}),
    };
  }
  if (style.border) {
    const thin = { style: 'thin' as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (style.fill) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${style.fill.replace('#', '').toUpperCase()}` } };
  }
  if (style.numberFormat) cell.numFmt = style.numberFormat;
}

function writeCell(cell: ExcelCell, input: CellInput, asText: boolean): void {
  const isObj = input !== null && typeof input === 'object';
  const value = isObj ? input.value : input;
  const format = isObj ? input.format : undefined;
  if (format) cell.numFmt = format;
  if (typeof value === 'string' && (asText || FORMULA_LIKE.test(value))) cell.numFmt = '@';
  else if (asText && value !== null) cell.numFmt = '@';
  // ExcelJS writes a string as a string, never as a formula: `=SUM(A1)` stays text.
  cell.value = asText && typeof value === 'number' ? String(value) : value;
}

function checkSheetName(name: string): void {
  if (!name || name.length > MAX_SHEET_NAME || /[\\/?*[\]:]/.test(name)) {
    throw new WorkbookError(`工作表名称“${name}”无效：不超过 31 个字符，且不能含 \\ / ? * [ ] :`, 'BAD_SHEET_NAME');
  }
}

async function applyOne(wb: ExcelJS.Workbook, op: WorkbookOp): Promise<void> {
  const need = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new WorkbookError(`工作表“${name}”不存在。`, 'NO_SUCH_SHEET');
    return ws;
  };
  switch (op.kind) {
    case 'addSheet': {
      checkSheetName(op.sheet);
      const ws = wb.addWorksheet(op.sheet);
      if (op.visibility && op.visibility !== 'visible') ws.state = op.visibility;
      return;
    }
    case 'renameSheet': {
      checkSheetName(op.to);
      need(op.sheet).name = op.to;
      return;
    }
    case 'deleteSheet': {
      // The active tab is an index: keep it on the same sheet when an earlier one goes.
      const index = wb.worksheets.indexOf(need(op.sheet));
      const active = wb.views?.[0]?.activeTab ?? 0;
      wb.removeWorksheet(need(op.sheet).id);
      if (index < active) wb.views = [{ ...wb.views[0], activeTab: active - 1 } as ExcelJS.WorkbookView];
      return;
    }
    case 'copySheet': {
      checkSheetName(op.sheet);
      const src = need(op.source);
      const ws = wb.addWorksheet(op.sheet);
      src.columns?.forEach((col, i) => {
        if (col.width) ws.getColumn(i + 1).width = col.width;
      });
      src.eachRow({ includeEmpty: true }, (row, r) => {
        const target = ws.getRow(r);
        if (row.height) target.height = row.height;
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const t = target.getCell(c);
          if (cell.type !== ExcelJS.ValueType.Merge) t.value = cell.value;
          t.style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
          if (cell.dataValidation) t.dataValidation = cell.dataValidation;
        });
      });
      for (const ref of (src.model as { merges?: string[] }).merges ?? []) ws.mergeCells(ref);
      ws.pageSetup = { ...src.pageSetup, printArea: undefined };
      return;
    }
    case 'write': {
      const ws = need(op.sheet);
      const start = parseCellAddress(op.address);
      if (!start) throw new WorkbookError(`内部错误：无效的单元格地址 ${op.address}`, 'BAD_ADDRESS');
      const textCols = new Set(op.textColumns ?? []);
      op.rows.forEach((rowValues, i) => {
        const row = ws.getRow(start.row + i + 1);
        rowValues.forEach((v, j) => writeCell(row.getCell(start.col + j + 1), v, textCols.has(j)));
      });
      return;
    }
    case 'style': {
      const ws = need(op.sheet);
      eachCell(ws, op.address, (cell) => applyStyle(cell, op.style));
      return;
    }
    case 'merge':
      need(op.sheet).mergeCells(op.address);
      return;
    case 'columnWidths': {
      const ws = need(op.sheet);
      op.widths.forEach((w, i) => {
        ws.getColumn(i + 1).width = w;
      });
      return;
    }
    case 'rowHeights': {
      const ws = need(op.sheet);
      op.heights.forEach((h, i) => {
        ws.getRow(op.fromRow + i).height = h;
      });
      return;
    }
    case 'listValidation': {
      const ws = need(op.sheet);
      const list = op.items.join(',');
      eachCell(ws, op.address, (cell) => {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${list}"`],
          showErrorMessage: true,
          errorTitle: '输入无效',
          error: `请从下拉列表中选择：${list}`,
          ...(op.prompt ? { showInputMessage: true, prompt: op.prompt } : {}),
        };
      });
      return;
    }
    case 'dateValidation': {
      const ws = need(op.sheet);
      for (const d of [op.min, op.max]) {
        if (d !== undefined && !isIsoDate(d)) throw new WorkbookError(`日期“${d}”应写作 YYYY-MM-DD。`, 'BAD_DATE');
      }
      const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
      const bounds =
        op.min !== undefined && op.max !== undefined
          ? { operator: 'between' as const, formulae: [asDate(op.min), asDate(op.max)] }
          : op.max !== undefined
            ? { operator: 'lessThanOrEqual' as const, formulae: [asDate(op.max)] }
            : { operator: 'greaterThanOrEqual' as const, formulae: [asDate(op.min ?? '1900-01-01')] };
      eachCell(ws, op.address, (cell) => {
        cell.dataValidation = {
          type: 'date',
          allowBlank: true,
          ...bounds,
          showErrorMessage: true,
          errorTitle: '日期无效',
          error: dateErrorText(op.min, op.max),
          ...(op.prompt ? { showInputMessage: true, prompt: op.prompt } : {}),
        };
      });
      return;
    }
    case 'pageSetup': {
      const ws = need(op.sheet);
      const s = op.setup;
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9, // A4
        orientation: s.orientation,
        ...(s.fitToOnePageWide ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        ...(s.printArea ? { printArea: s.printArea } : {}),
        ...(s.printTitleRows ? { printTitlesRow: s.printTitleRows } : {}),
        ...(s.margins ? { margins: { ...s.margins, header: 0.3, footer: 0.3 } } : {}),
      };
      for (const r of s.rowBreaks ?? []) ws.getRow(r).addPageBreak();
      return;
    }
    case 'protect': {
      const ws = need(op.sheet);
      if (isProtected(ws)) return;
      await ws.protect(op.password ?? '', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: false,
        formatRows: false,
        spinCount: PROTECT_SPIN_COUNT,
      });
      return;
    }
    case 'unprotect': {
      const ws = need(op.sheet);
      const p = (ws as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection;
      if (!p || !isProtected(ws)) return;
      if (typeof p.hashValue === 'string' && typeof p.saltValue === 'string') {
        const ok = isSheetPasswordCorrect(op.password ?? '', p.saltValue, p.hashValue, Number(p.spinCount ?? 100000));
        if (!ok) throw new WorkbookError(`工作表“${op.sheet}”的保护密码不正确。`, 'WRONG_PASSWORD');
      }
      ws.unprotect();
      return;
    }
    case 'setVisibility':
      need(op.sheet).state = op.visibility;
      return;
    case 'expectValue':
      return; // checked before the batch starts
    case 'activate': {
      const ws = need(op.sheet);
      wb.views = [{ ...(wb.views?.[0] ?? {}), activeTab: wb.worksheets.indexOf(ws) } as ExcelJS.WorkbookView];
      return;
    }
  }
}

function wrap(wb: ExcelJS.Workbook): XlsxWorkbook {
  return {
    raw: wb,
    async listSheets(): Promise<SheetInfo[]> {
      return wb.worksheets.map((ws) => ({ name: ws.name, visibility: visibilityOf(ws), isProtected: isProtected(ws) }));
    },
    async readSheets(names: string[]): Promise<Grid[]> {
      return names.map((n) => {
        const ws = wb.getWorksheet(n);
        if (!ws) throw new WorkbookError(`工作表“${n}”不存在。`, 'NO_SUCH_SHEET');
        return readGrid(ws);
      });
    },
    async apply(ops: WorkbookOp[], options?: ApplyOptions): Promise<void> {
      // Preconditions first, so that a refused batch changes nothing.
      const existing = new Set(wb.worksheets.map((w) => w.name));
      for (const op of ops) {
        if (op.kind === 'addSheet' || op.kind === 'copySheet') {
          if (existing.has(op.sheet)) throw new WorkbookError(`工作表“${op.sheet}”已存在，未做任何修改。`, 'SHEET_EXISTS');
          if (op.kind === 'copySheet' && !existing.has(op.source)) throw new WorkbookError(`工作表“${op.source}”不存在，未做任何修改。`, 'NO_SUCH_SHEET');
          checkSheetName(op.sheet);
          existing.add(op.sheet);
        } else if (op.kind === 'deleteSheet') existing.delete(op.sheet);
        else if (op.kind === 'renameSheet') {
          if (!existing.has(op.sheet)) throw new WorkbookError(`工作表“${op.sheet}”不存在，未做任何修改。`, 'NO_SUCH_SHEET');
          if (op.to !== op.sheet && existing.has(op.to)) throw new WorkbookError(`工作表“${op.to}”已存在，未做任何修改。`, 'SHEET_EXISTS');
          checkSheetName(op.to);
          existing.delete(op.sheet);
          existing.add(op.to);
        }
        else if (!existing.has(op.sheet)) throw new WorkbookError(`工作表“${op.sheet}”不存在，未做任何修改。`, 'NO_SUCH_SHEET');
        if (op.kind === 'expectValue') {
          const ws = wb.getWorksheet(op.sheet);
          const cell = ws ? ws.getCell(op.address) : null;
          const shown = cell ? (rawOf(cell).text ?? formatCellText(rawOf(cell).value, cell.numFmt)) : '';
          if (shown !== op.value) {
            throw new WorkbookError(
              `工作表“${op.sheet}”的 ${op.address} 在读取之后被改动过（可能有他人同时操作），未做任何修改：请重新读取后再试。`,
              'CONFLICT',
            );
          }
        }
      }
      const added: string[] = [];
      try {
        for (let i = 0; i < ops.length; i++) {
          if (options?.isCancelled?.()) throw new WorkbookError('操作已取消，工作簿未改动。', 'CANCELLED');
          const op = ops[i]!;
          await applyOne(wb, op);
          if (op.kind === 'addSheet' || op.kind === 'copySheet') added.push(op.sheet);
          if (op.kind === 'renameSheet' && added.includes(op.sheet)) added[added.indexOf(op.sheet)] = op.to;
          options?.onProgress?.(i + 1, ops.length);
        }
      } catch (e) {
        for (const name of added) {
          const ws = wb.getWorksheet(name);
          if (ws) wb.removeWorksheet(ws.id);
        }
        throw e;
      }
    },
    async select(): Promise<void> {
      // No UI behind a file.
    },
    async save(): Promise<Uint8Array> {
      settleActiveTab(wb);
      // Deflate level 3: a large book saves ~2× faster than at JSZip's default 6, for a few % more bytes.
      const buf = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 3 } } } as ExcelJS.XlsxWriteOptions);
      return new Uint8Array(buf as ArrayBuffer);
    },
  };
}

/**
 * Points the workbook's active tab at a visible sheet. A hidden active tab (or one past the end)
 * makes Excel repair the file and LibreOffice show, and print, the very hidden sheet.
 */
function settleActiveTab(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const active = wb.views?.[0]?.activeTab ?? 0;
  if (sheets[active]?.state === 'visible') return;
  const visible = sheets.findIndex((ws) => ws.state === 'visible');
  if (visible >= 0) wb.views = [{ ...(wb.views?.[0] ?? {}), activeTab: visible } as ExcelJS.WorkbookView];
}

/**
 * Opens .xlsx bytes. Throws a Chinese `WorkbookError` for .xls, encrypted, CSV or broken files.
 * @param bytes file content
 * @param fileName for messages
 * @returns the workbook behind the port, with `save()`
 * @example const book = await openXlsxWorkbook(bytes, '计划表.xlsx'); await book.listSheets();
 */
export async function openXlsxWorkbook(bytes: Uint8Array, fileName = '工作簿'): Promise<XlsxWorkbook> {
  assertLooksLikeXlsx(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new WorkbookError(`文件 ${fileName} 已损坏或不是有效的 .xlsx 工作簿，无法读取（${why}）。请在 Excel 中打开并另存后再试。`, 'CORRUPT');
  }
  return wrap(wb);
}

/**
 * A new, empty workbook.
 * @example const book = createXlsxWorkbook(); await book.apply([{ kind: 'addSheet', sheet: '计划表' }]);
 */
export function createXlsxWorkbook(): XlsxWorkbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '双随机抽查助手';
  return wrap(wb);
}
