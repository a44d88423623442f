/**
 * Reads sheets' used ranges as grids: one sync for the used-range sizes, then text, values, number
 * formats and merged areas in row chunks packed into requests of at most the payload budget — one
 * sync per ~4 MB however many sheets and rows. A rejected chunk is asked for again in halves.
 */
import { emptyGrid } from '../../core/grid';
import type { CellValue, Grid, MergedArea } from '../../core/grid';
import { quoteSheet } from '../_lib/batchErrors';
import { WorkbookError } from '../port';
import { boxAddress, parseAreasAddress, parseRangeAddress } from '../rangeAddress';
import type { RangeBox } from '../rangeAddress';
import type { OfficeHost } from './officeHost';
import { officeCode } from './officeHost';
import { jsonBytes, MERGE_RESERVE_BYTES, PAYLOAD_ERROR_CODES } from './payload';

export type ReadOptions = {
  /** Estimated bytes one request may carry. */
  budget: number;
  /** First guess of response bytes per cell, before a chunk has been seen. */
  bytesPerCell: number;
};

/** Even an empty cell costs its quotes and commas three times over (text, value, format). */
const MIN_READ_BYTES_PER_CELL = 16;
const MAX_READ_RETRIES = 4;

/**
 * The most one sheet may hold to be read in Excel: bureau tables are well inside (100,000 rows of
 * 20 columns is 2,000,000 cells), while a stray value at row 1,048,576 or column XFD would make
 * the read run for minutes and the grid take gigabytes.
 */
export const READ_LIMITS = { rows: 300_000, columns: 1_000, cells: 5_000_000 } as const;

function tooLargeError(sheet: string, box: RangeBox): WorkbookError {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  const n = (x: number) => x.toLocaleString('en-US');
  return new WorkbookError(
    `工作表${quoteSheet(sheet)}的已用区域是 ${boxAddress(box)}（${n(rows)} 行 × ${n(cols)} 列），超出本助手在 Excel 中能读取的范围` +
      `（每张表最多 ${n(READ_LIMITS.rows)} 行、${n(READ_LIMITS.columns)} 列、${n(READ_LIMITS.cells)} 个单元格）。` +
      `这通常是远处某个单元格误填了内容：请在该表中按 Ctrl+End 跳到最后一个已用单元格，删除多余的行或列后重新读取。` +
      `如果表格确实这么大，请改用命令行 shuangsuiji。`,
    'SHEET_TOO_LARGE',
  );
}

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

type QueuedRead = { read: SheetRead; top: number; rows: number; range: Excel.Range; merged: Excel.RangeAreas | null };

/**
 * The used ranges of the named sheets, in the order asked (a name asked twice is read once).
 * @param host Excel.run and the capabilities
 * @param names sheet names
 * @param options payload budget and first per-cell estimate
 * @returns one grid per name
 * @example const [plan] = await readUsedRanges(host, ['抽查计划'], { budget: 4 << 20, bytesPerCell: 128 });
 */
export async function readUsedRanges(host: OfficeHost, names: string[], options: ReadOptions): Promise<Grid[]> {
  if (names.length === 0) return [];
  const caps = host.capabilities();
  const unique = [...new Set(names)];
  const grids = await host.withContext(async (context) => {
    const reads = await loadUsedBoxes(host, context, unique);
    await readChunks(context, reads, options, caps.features.readMerges);
    return reads.map(toGrid);
  });
  const byName = new Map(grids.map((g) => [g.sheet, g]));
  return names.map((n) => byName.get(n) ?? emptyGrid(n));
}

/** Sync 1: the used range of every sheet. valuesOnly, so a formatted but empty tail is not read. */
async function loadUsedBoxes(host: OfficeHost, context: Excel.RequestContext, names: string[]): Promise<SheetRead[]> {
  const reads: SheetRead[] = names.map((name) => ({
    name,
    sheet: context.workbook.worksheets.getItem(name),
    box: null,
    cols: 0,
    nextRow: 0,
    text: [],
    values: [],
    formats: [],
    merges: new Map(),
  }));
  const used = reads.map((r) => r.sheet.getUsedRangeOrNullObject(true).load('address,rowCount,columnCount'));
  try {
    await context.sync();
  } catch (e) {
    if (officeCode(e) === 'ItemNotFound') throw await missingSheetError(host, names);
    throw e;
  }
  used.forEach((u, i) => {
    const r = reads[i]!;
    if (u.isNullObject) return;
    const box = parseRangeAddress(u.address);
    if (!box) return;
    r.box = { top: box.top, left: box.left, bottom: box.top + u.rowCount - 1, right: box.left + u.columnCount - 1 };
    r.cols = u.columnCount;
    if (u.rowCount > READ_LIMITS.rows || u.columnCount > READ_LIMITS.columns || u.rowCount * u.columnCount > READ_LIMITS.cells) {
      throw tooLargeError(r.name, r.box);
    }
  });
  return reads;
}

/** The chunks of the next request: as many rows of as many sheets as fit the budget. */
function queueChunks(reads: SheetRead[], budget: number, bytesPerCell: number, readMerges: boolean): QueuedRead[] {
  const queued: QueuedRead[] = [];
  let bytes = 0;
  for (const r of reads) {
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
      const range = r.sheet.getRange(boxAddress({ top, left: r.box.left, bottom: top + rows - 1, right: r.box.right }));
      range.load('text,values,numberFormat');
      queued.push({ read: r, top: next, rows, range, merged: readMerges ? loadMerges(range) : null });
      bytes += rows * r.cols * bytesPerCell + reserve;
      next += rows;
    }
    if (bytes >= budget) break;
  }
  return queued;
}

function loadMerges(range: Excel.Range): Excel.RangeAreas {
  const merged = range.getMergedAreasOrNullObject();
  merged.load('address');
  return merged;
}

/**
 * Then text, values and number formats in row chunks, learning each sheet's real size per cell:
 * the first chunk is sized by a cautious guess, the following ones fill the budget.
 */
async function readChunks(context: Excel.RequestContext, reads: SheetRead[], options: ReadOptions, canReadMerges: boolean): Promise<void> {
  let bytesPerCell = options.bytesPerCell;
  let readMerges = canReadMerges;
  let retries = 0;
  const remaining = (): boolean => reads.some((r) => r.box !== null && r.nextRow < r.box.bottom - r.box.top + 1);
  while (remaining()) {
    const queued = queueChunks(reads, options.budget, bytesPerCell, readMerges);
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
      const r = q.read;
      r.text.push(...(q.range.text as string[][]));
      // Office reports an empty cell as ''; the other adapters (and core) use null.
      for (const row of q.range.values as CellValue[][]) r.values.push(row.map((v) => (v === '' ? null : v)));
      r.formats.push(...(q.range.numberFormat as string[][]));
      r.nextRow = q.top + q.rows;
      observed += jsonBytes(q.range.text) + jsonBytes(q.range.values) + jsonBytes(q.range.numberFormat);
      cells += q.rows * r.cols;
      if (q.merged && !q.merged.isNullObject) {
        // A merge crossing a chunk boundary is reported by both chunks.
        for (const m of parseAreasAddress(q.merged.address)) r.merges.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
      }
    }
    // With a 25 % margin. After a payload rejection the estimate only ever rises, so the same wall
    // is not hit twice.
    if (cells > 0) {
      const learned = Math.max(MIN_READ_BYTES_PER_CELL, Math.ceil((observed / cells) * 1.25));
      bytesPerCell = retries > 0 ? Math.max(bytesPerCell, learned) : learned;
    }
  }
}

function toGrid(r: SheetRead): Grid {
  if (!r.box) return emptyGrid(r.name);
  return {
    sheet: r.name,
    origin: { row: r.box.top, col: r.box.left },
    text: r.text,
    values: r.values,
    formats: r.formats,
    merges: [...r.merges.values()].sort((a, b) => a.top - b.top || a.left - b.left),
  };
}

/**
 * The sheets of `names` that do not exist, as one Chinese error. One extra round trip, only on the
 * error path.
 */
export async function missingSheetError(host: OfficeHost, names: string[], suffix = ''): Promise<WorkbookError> {
  const existing = await host.withContext(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    return new Set(sheets.items.map((s) => s.name.toLowerCase()));
  });
  const missing = names.filter((n) => !existing.has(n.toLowerCase()));
  return new WorkbookError(`找不到工作表：${missing.map(quoteSheet).join('、')}${suffix}。`, 'NO_SUCH_SHEET');
}
