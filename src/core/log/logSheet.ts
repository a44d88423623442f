/**
 * The log's two sheets as the workbook holds them: `抽取记录` (visible, protected: the rows people
 * read and the chain head) and `_ssj_data` (very hidden, protected: the stored event data in chunks).
 * Reading turns their grids into entries; appending turns one new event into workbook operations.
 */
import type { Grid } from '../grid';
import { cellAddress, cellAt, columnName, parseCellAddress } from '../grid';
import type { Finding } from '../findings';
import type { CellInput, WorkbookOp } from '../workbookOps';
import type { LogEntry, LogEvent } from './drawLog';
import { chunkText, DATA_SHEET, GENESIS_HASH, LOG_COLUMNS, LOG_LAYOUT, LOG_SHEET } from './drawLog';

export type LogRow = { entry: LogEntry; /** 1-based sheet row */ row: number };

export type LogState = {
  hasLog: boolean;
  /**
   * The workbook has a sheet named 抽取记录 that is not a log this tool wrote (no log header, no
   * chained rows): a user's own sheet. Nothing is appended to it.
   */
  isForeign: boolean;
  rows: LogRow[];
  /** The chain head as shown at the top of the log ('' when absent). */
  shownHead: string;
  /** Stored data text per seq, joined from its chunks; problems with chunks are in `dataProblems`. */
  data: Map<number, string>;
  dataProblems: { seq: number; row: number; message: string }[];
  /** Next free 1-based row of the data sheet. */
  nextDataRow: number;
  /** Whether the data sheet exists (without the log sheet it is an orphan of a failed first append). */
  hasDataSheet: boolean;
};

const HEAD_ADDRESS = 'B2';
const LOG_TITLE = '抽取记录（由双随机抽查助手逐条追加，工作表受保护，请勿修改；用“验证”检查是否被改动）';
const HEAD_ROW_LABELS = ['链头哈希', '', '', '条数', '', '请将链头哈希写入公示，作为本记录未被改动的凭证。'] as const;
const DATA_HEADER = ['序号', '块', '块数', '内容（canonical JSON）'] as const;
const LAST_COL = columnName(LOG_COLUMNS.length - 1);


function lastRow(grid: Grid): number {
  return grid.origin.row + grid.text.length;
}

/**
 * Reads the log and data sheets (either may be absent).
 * @example readLogState(logGrid, dataGrid).rows.length // 3
 */
export function readLogState(logGrid: Grid | null, dataGrid: Grid | null): LogState {
  const rows: LogRow[] = [];
  if (logGrid) {
    for (let r = LOG_LAYOUT.firstEntry; r <= lastRow(logGrid); r++) {
      const cells = LOG_COLUMNS.map((_, c) => cellAt(logGrid, r, c));
      if (cells.every((x) => x.text.trim() === '')) continue;
      const get = (key: keyof LogEntry) => cells[LOG_COLUMNS.findIndex((c) => c.key === key)]!;
      // Integers only; anything else (十三, 1.5, 1e300) is kept as NaN and reported by checkChain.
      const num = (key: keyof LogEntry) => {
        const v = get(key);
        const n = typeof v.value === 'number' ? v.value : /^-?\d{1,15}$/.test(v.text.trim()) ? Number(v.text) : NaN;
        return Number.isSafeInteger(n) ? n : NaN;
      };
      const event = get('event').text as LogEvent;
      rows.push({
        row: r,
        entry: {
          seq: num('seq'),
          time: get('time').text,
          // Kept as written, even if not a known event: verify reports an unknown one (LOG_EVENT).
          event,
          planNo: get('planNo').text,
          taskNo: get('taskNo').text,
          operator: get('operator').text,
          seedSource: get('seedSource').text,
          count: num('count'),
          summary: get('summary').text,
          inputDigest: get('inputDigest').text,
          recordDigest: get('recordDigest').text,
          dataDigest: get('dataDigest').text,
          prevHash: get('prevHash').text,
          hash: get('hash').text,
        },
      });
    }
  }
  const chunks = new Map<number, { index: number; count: number; text: string; row: number }[]>();
  let nextDataRow = 2;
  if (dataGrid) {
    nextDataRow = Math.max(2, lastRow(dataGrid) + 1);
    for (let r = 2; r <= lastRow(dataGrid); r++) {
      const seq = Number(cellAt(dataGrid, r, 0).text);
      if (!Number.isInteger(seq) || seq <= 0) continue;
      const list = chunks.get(seq) ?? [];
      list.push({
        index: Number(cellAt(dataGrid, r, 1).text),
        count: Number(cellAt(dataGrid, r, 2).text),
        text: String(cellAt(dataGrid, r, 3).value ?? ''),
        row: r,
      });
      chunks.set(seq, list);
    }
  }
  const data = new Map<number, string>();
  const dataProblems: LogState['dataProblems'] = [];
  for (const [seq, list] of chunks) {
    const sorted = [...list].sort((a, b) => a.index - b.index);
    const count = sorted[0]!.count;
    const complete = sorted.length === count && sorted.every((c, i) => c.index === i + 1 && c.count === count);
    if (!complete) dataProblems.push({ seq, row: sorted[0]!.row, message: `第 ${seq} 条记录的存储数据分块不完整或顺序错乱（应有 ${count} 块，实有 ${sorted.length} 块）` });
    data.set(seq, sorted.map((c) => c.text).join(''));
  }
  const header = logGrid ? LOG_COLUMNS.map((_, c) => cellAt(logGrid, LOG_LAYOUT.header, c).text) : [];
  const isOurHeader = header.every((t, c) => t === LOG_COLUMNS[c]!.title);
  const hasChainedRow = rows.some((r) => /^[0-9a-f]{64}$/.test(r.entry.hash));
  return {
    hasLog: logGrid !== null,
    isForeign: logGrid !== null && !isOurHeader && !hasChainedRow && (rows.length > 0 || cellAt(logGrid, 1, 0).text !== '' || header.some(Boolean)),
    rows,
    shownHead: logGrid ? cellAt(logGrid, LOG_LAYOUT.head, 1).text : '',
    data,
    dataProblems,
    nextDataRow,
    hasDataSheet: dataGrid !== null,
  };
}

/** The head a new entry chains to: the last row's hash, or the genesis hash. */
export function chainHead(state: LogState): string {
  return state.rows.length ? state.rows[state.rows.length - 1]!.entry.hash : GENESIS_HASH;
}

function entryCells(e: LogEntry): CellInput[] {
  return LOG_COLUMNS.map((c) => e[c.key]);
}

/**
 * Operations that append one event: create the sheets on first use, check that the head is still
 * the one that was read (no fork when someone appended meanwhile), write the row, the head and the
 * data chunks, and protect both sheets again.
 * @param state the log as read before the event was built
 * @param entry the new row (from appendLogEntry)
 * @param dataText the stored event data (from serializeLogData)
 * @param password optional sheet protection password
 * @example appendLogOps(state, entry, text).some(op => op.kind === 'protect') // true
 */
export function appendLogOps(state: LogState, entry: LogEntry, dataText: string, password?: string): WorkbookOp[] {
  const ops: WorkbookOp[] = [];
  const pw = password ? { password } : {};
  if (!state.hasLog) {
    // Without its log the data sheet verifies nothing; left by a failed first append, it would
    // otherwise block every later one ("已存在").
    if (state.hasDataSheet) ops.push({ kind: 'deleteSheet', sheet: DATA_SHEET });
    ops.push(
      { kind: 'addSheet', sheet: LOG_SHEET },
      { kind: 'write', sheet: LOG_SHEET, address: 'A1', rows: [[LOG_TITLE]] },
      { kind: 'merge', sheet: LOG_SHEET, address: `A1:${LAST_COL}1` },
      { kind: 'style', sheet: LOG_SHEET, address: 'A1', style: { bold: true, fontSize: 13 } },
      { kind: 'write', sheet: LOG_SHEET, address: 'A2', rows: [[HEAD_ROW_LABELS[0], GENESIS_HASH, '', HEAD_ROW_LABELS[3], 0, HEAD_ROW_LABELS[5]]] },
      { kind: 'merge', sheet: LOG_SHEET, address: 'B2:C2' },
      { kind: 'write', sheet: LOG_SHEET, address: `A${LOG_LAYOUT.header}`, rows: [LOG_COLUMNS.map((c) => c.title)] },
      { kind: 'style', sheet: LOG_SHEET, address: `A${LOG_LAYOUT.header}:${LAST_COL}${LOG_LAYOUT.header}`, style: { bold: true, border: true, fill: '#DDEBF7' } },
      { kind: 'columnWidths', sheet: LOG_SHEET, widths: LOG_COLUMNS.map((c) => c.width) },
      { kind: 'addSheet', sheet: DATA_SHEET, visibility: 'veryHidden' },
      { kind: 'write', sheet: DATA_SHEET, address: 'A1', rows: [[...DATA_HEADER]] },
    );
  } else {
    ops.push(
      { kind: 'expectValue', sheet: LOG_SHEET, address: HEAD_ADDRESS, value: state.shownHead },
      { kind: 'unprotect', sheet: LOG_SHEET, ...pw },
      { kind: 'unprotect', sheet: DATA_SHEET, ...pw },
    );
  }
  const row = LOG_LAYOUT.firstEntry + state.rows.length;
  const chunks = chunkText(dataText);
  ops.push(
    { kind: 'write', sheet: LOG_SHEET, address: `A${row}`, rows: [entryCells(entry)], textColumns: [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13] },
    { kind: 'style', sheet: LOG_SHEET, address: `A${row}:${LAST_COL}${row}`, style: { border: true } },
    { kind: 'write', sheet: LOG_SHEET, address: HEAD_ADDRESS, rows: [[entry.hash]], textColumns: [0] },
    { kind: 'write', sheet: LOG_SHEET, address: 'E2', rows: [[entry.seq]] },
    {
      kind: 'write',
      sheet: DATA_SHEET,
      address: cellAddress(state.nextDataRow - 1, 0),
      rows: chunks.map((text, i) => [entry.seq, i + 1, chunks.length, text]),
      textColumns: [3],
    },
    { kind: 'protect', sheet: LOG_SHEET, ...pw },
    { kind: 'protect', sheet: DATA_SHEET, ...pw },
  );
  return ops;
}

/**
 * Checks that the log sheets hold only what the tool wrote: the title, the head row's labels and
 * count, the header, the entries in their columns, and nothing anywhere else (text added beside
 * the entries or below them, or in the data sheet outside its four columns, is reported).
 * @param state the log as read
 * @param logGrid the 抽取记录 grid
 * @param dataGrid the `_ssj_data` grid
 * @returns one finding per cell that is not as written
 * @example checkLogLayout(state, logGrid, dataGrid) // []
 */
export function checkLogLayout(state: LogState, logGrid: Grid | null, dataGrid: Grid | null): Finding[] {
  const out: Finding[] = [];
  const err = (sheet: string, row1: number, col0: number, code: string, message: string) =>
    out.push({ severity: 'error', code, sheet, cell: cellAddress(row1 - 1, col0), message });
  if (logGrid) {
    const want = new Map<string, string>();
    want.set('A1', LOG_TITLE);
    HEAD_ROW_LABELS.forEach((t, c) => {
      if (t) want.set(cellAddress(LOG_LAYOUT.head - 1, c), t);
    });
    want.set('E2', String(state.rows.length));
    LOG_COLUMNS.forEach((col, c) => want.set(cellAddress(LOG_LAYOUT.header - 1, c), col.title));
    for (const [cell, text] of want) {
      const at = parseCellAddress(cell)!;
      const shown = cellAt(logGrid, at.row + 1, at.col).text;
      if (shown !== text) err(LOG_SHEET, at.row + 1, at.col, cell === 'E2' ? 'LOG_COUNT_CELL' : 'LOG_LAYOUT', `${cell} 应为“${text}”，实为“${shown}”：抽取记录的表头或说明被改动过。`);
    }
    const entryRows = new Set(state.rows.map((r) => r.row));
    const lastEntry = LOG_LAYOUT.firstEntry + state.rows.length - 1;
    logGrid.text.forEach((cells, r) => {
      const row = logGrid.origin.row + r + 1;
      cells.forEach((text, c) => {
        const col = logGrid.origin.col + c;
        if (text.trim() === '') return;
        const cell = cellAddress(row - 1, col);
        if (want.has(cell) || cell === HEAD_ADDRESS) return;
        if (entryRows.has(row) && col < LOG_COLUMNS.length) return;
        const where = row > lastEntry && col < LOG_COLUMNS.length ? '记录之后' : '记录的列之外';
        err(LOG_SHEET, row, col, 'LOG_CELL_EXTRA', `单元格 ${cell} 应为空，实为“${text}”：有内容被加在抽取记录${where}。`);
      });
    });
    for (const { entry, row } of state.rows) {
      if (!Number.isSafeInteger(entry.seq)) err(LOG_SHEET, row, 0, 'LOG_CELL_NUMBER', `第 ${row} 行的序号“${cellAt(logGrid, row, 0).text}”不是整数：该单元格被改动过。`);
      if (!Number.isSafeInteger(entry.count)) err(LOG_SHEET, row, 7, 'LOG_CELL_NUMBER', `第 ${row} 行的抽中数量“${cellAt(logGrid, row, 7).text}”不是整数：该单元格被改动过。`);
    }
  }
  if (dataGrid) {
    DATA_HEADER.forEach((t, c) => {
      const shown = cellAt(dataGrid, 1, c).text;
      if (shown !== t) err(DATA_SHEET, 1, c, 'LOG_LAYOUT', `${cellAddress(0, c)} 应为“${t}”，实为“${shown}”：存储数据表的表头被改动过。`);
    });
    dataGrid.text.forEach((cells, r) => {
      const row = dataGrid.origin.row + r + 1;
      cells.forEach((text, c) => {
        const col = dataGrid.origin.col + c;
        if (col >= DATA_HEADER.length && text.trim() !== '') err(DATA_SHEET, row, col, 'LOG_CELL_EXTRA', `单元格 ${cellAddress(row - 1, col)} 应为空，实为“${text.slice(0, 40)}”：存储数据表中被加了内容。`);
      });
    });
  }
  return out;
}
