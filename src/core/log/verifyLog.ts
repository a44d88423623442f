/**
 * Full verification of the draw log (ssj-draw/1 §9): the hash chain, every stored event's data and
 * digest, every draw recomputed, every substitution replayed, every commitment recomputed, and every
 * result sheet compared cell by cell with what its record says. Pure: it reads grids and the log
 * state, and returns findings that name the sheet and cell that fails.
 *
 * Each kind of row has its own small checker; they share one {@link Verification} that collects
 * findings and the draws met so far (a 递补 or 作废 refers to an earlier 抽取).
 */
import { canonicalJson, computeCommitment, replaySubstitutions, runDraw, sha256Hex } from '../draw';
import type { DrawInputs, DrawRecord, ResultEntry, SubstitutionRecord } from '../draw';
import type { Finding } from '../findings';
import { sortFindings } from '../findings';
import type { Grid } from '../grid';
import { cellAddress, cellAt } from '../grid';
import { checkChain } from './checkChain';
import type { DrawContext } from './drawContext';
import type { LogEntry } from './drawLog';
import { computeEntryHash, DATA_SHEET, LOG_COLUMNS, LOG_SHEET, seedSourceLabel } from './drawLog';
import {
  compareDrawResultSheet,
  DRAW_RESULT_DIGEST_PREFIX,
  DRAW_RESULT_LAYOUT,
  drawResultFindings,
  findDrawResultSheet,
  isDrawResultSheet,
} from './drawResultSheet';
import type { CommitmentData, DrawData, LogData, SubstitutionData, VoidData } from './logData';
import { parseLogData } from './logData';
import type { LogRow, LogState } from './logSheet';
import { chainHead, checkLogLayout } from './logSheet';

/** What verification needs besides the log: the other sheets and whether they are protected. */
export type VerifyLogOptions = {
  /** Grids of the book's sheets (result sheets are found among them; the log sheets are ignored). */
  resultGrids: readonly Grid[];
  /** Every sheet of the book, in tab order, with its protection. */
  sheetInfo: readonly { name: string; isProtected: boolean; visibility?: 'visible' | 'hidden' | 'veryHidden' }[];
  /** The `_ssj_data` grid, so that a changed chunk is named by its cell (optional). */
  dataGrid?: Grid | null;
};

/** Outcome of {@link verifyLog}: `ok` when there is no error (warnings allowed). */
export type LogVerification = {
  ok: boolean;
  /** Number of log rows. */
  entries: number;
  /** The chain head: the last row's hash (64 zeros for an empty log). */
  head: string;
  findings: Finding[];
};

type DrawState = {
  seq: number;
  row: number;
  entry: LogEntry;
  /** The recomputed record, when the stored one is intact and valid. */
  record: DrawRecord | null;
  context: DrawContext | null;
  /** recordDigest as recomputed (or as the row says when the data cannot be trusted). */
  digest: string;
  substitutions: SubstitutionRecord[];
  team: readonly ResultEntry[] | null;
  isReplayBroken: boolean;
  isVoided: boolean;
  isRowBroken: boolean;
};

/** The state shared by the checkers while the rows are read in order. */
type Verification = {
  findings: Finding[];
  draws: Map<number, DrawState>;
  commitments: { row: number; entry: LogEntry }[];
  /** Data-sheet rows (1-based) of each seq's chunks. */
  chunks: Map<number, number[]>;
};

/** One log row being checked, with where its problems are reported. */
type RowCheck = LogRow & { isRowBroken: boolean; v: Verification };

const colOf = (key: keyof LogEntry): number => LOG_COLUMNS.findIndex((c) => c.key === key);
const logCell = (row: number, key: keyof LogEntry): string => cellAddress(row - 1, colOf(key));

function error(code: string, sheet: string, cell: string, message: string): Finding {
  return { severity: 'error', code, sheet, cell, message };
}

function warning(code: string, sheet: string, cell: string, message: string): Finding {
  return { severity: 'warning', code, sheet, cell, message };
}

function textAt(grid: Grid, row1: number, col0: number): string {
  return cellAt(grid, row1, col0).text;
}

function chunkRows(dataGrid: Grid | null | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (!dataGrid) return out;
  for (let r = 2; r <= dataGrid.origin.row + dataGrid.text.length; r++) {
    const seq = Number(textAt(dataGrid, r, 0));
    if (!Number.isInteger(seq) || seq <= 0) continue;
    out.set(seq, [...(out.get(seq) ?? []), r]);
  }
  return out;
}

/** A problem with a cell of the log row. */
function rowError(c: RowCheck, code: string, key: keyof LogEntry, message: string): void {
  c.v.findings.push(error(code, LOG_SHEET, logCell(c.row, key), message));
}

/** Where a row's stored data lives: its first chunk in `_ssj_data`, else the row's dataDigest. */
function dataPlace(c: RowCheck): { sheet: string; cell: string; where: string } {
  const rows = c.v.chunks.get(c.entry.seq);
  if (rows && rows.length) {
    const span = rows.length > 1 ? `第 ${rows[0]}–${rows[rows.length - 1]} 行` : `第 ${rows[0]} 行`;
    return { sheet: DATA_SHEET, cell: `D${rows[0]}`, where: `${DATA_SHEET} ${span}` };
  }
  return {
    sheet: LOG_SHEET,
    cell: logCell(c.row, 'dataDigest'),
    where: `${DATA_SHEET} 中序号 ${c.entry.seq} 的数据`,
  };
}

/** A problem with the row's stored data. */
function dataError(c: RowCheck, code: string, message: string): void {
  const p = dataPlace(c);
  c.v.findings.push(error(code, p.sheet, p.cell, message));
}

/** A 抽取 whose data cannot be used still occupies its seq: its result sheet is checked by header only. */
function addUnusableDraw(c: RowCheck): void {
  if (c.entry.event !== '抽取') return;
  c.v.draws.set(c.entry.seq, {
    seq: c.entry.seq,
    row: c.row,
    entry: c.entry,
    record: null,
    context: null,
    digest: c.entry.recordDigest,
    substitutions: [],
    team: null,
    isReplayBroken: true,
    isVoided: false,
    isRowBroken: c.isRowBroken,
  });
}

/** The row's stored data, read and bound to the row; null (after a finding) when it cannot be used. */
function readRowData(c: RowCheck, state: LogState): LogData | null {
  const { entry, row } = c;
  const text = state.data.get(entry.seq);
  if (text === undefined) {
    rowError(
      c,
      'LOG_DATA_MISSING',
      'dataDigest',
      `第 ${row} 行（序号 ${entry.seq}）在 ${DATA_SHEET} 中没有存储数据：数据被删除，无法重算。`,
    );
    return null;
  }
  if (sha256Hex(text) !== entry.dataDigest) {
    if (c.isRowBroken)
      rowError(
        c,
        'LOG_DATA_DIGEST',
        'dataDigest',
        `第 ${row} 行（序号 ${entry.seq}）的 dataDigest 与存储数据不符，且该行的 hash 也不符：dataDigest 单元格被改动过。`,
      );
    else
      dataError(
        c,
        'LOG_DATA_DIGEST',
        `序号 ${entry.seq} 的存储数据（${dataPlace(c).where}）与抽取记录第 ${row} 行的 dataDigest 不符：存储数据被改动过。`,
      );
    return null;
  }
  const parsed = parseLogData(text);
  if (!parsed.ok) {
    // An unknown event in the row is the row's problem, whatever the data says.
    if (!isKnownEvent(entry.event)) rowError(c, 'LOG_EVENT', 'event', unknownEventMessage(c));
    else dataError(c, 'LOG_DATA_PARSE', `序号 ${entry.seq} 的存储数据无法读取：${parsed.message}。`);
    return null;
  }
  if (parsed.data.event !== entry.event) {
    rowError(
      c,
      'LOG_EVENT',
      'event',
      `第 ${row} 行的事件为“${entry.event}”，存储数据记载的是“${parsed.data.event}”：事件单元格被改动过。`,
    );
    return null;
  }
  return parsed.data;
}

const KNOWN_EVENTS = new Set(['承诺', '抽取', '失败', '递补', '作废']);
const isKnownEvent = (e: string) => KNOWN_EVENTS.has(e);
const unknownEventMessage = (c: RowCheck) =>
  `第 ${c.row} 行的事件“${String(c.entry.event)}”不是 承诺/抽取/失败/递补/作废 之一。`;

/** The row's plan and task numbers must be the ones its data (or its draw) names. */
function checkTask(c: RowCheck, planNo: string, taskNo: string): void {
  if (c.entry.planNo !== planNo)
    rowError(
      c,
      'LOG_TASK',
      'planNo',
      `第 ${c.row} 行的计划编号“${c.entry.planNo}”与存储数据的“${planNo}”不符：该单元格被改动过。`,
    );
  if (c.entry.taskNo !== taskNo)
    rowError(
      c,
      'LOG_TASK',
      'taskNo',
      `第 ${c.row} 行的任务编号“${c.entry.taskNo}”与存储数据的“${taskNo}”不符：该单元格被改动过。`,
    );
}

/** The earlier 抽取 a 递补 or 作废 refers to, with the row's digest and task checked against it. */
function referencedDraw(c: RowCheck, seq: number, what: string): DrawState | null {
  const d = c.v.draws.get(seq);
  if (!d) {
    dataError(c, 'LOG_DRAW_REFERENCE', `第 ${c.row} 行（${what}）引用的第 ${seq} 条不是此前的抽取记录。`);
    return null;
  }
  if (c.entry.recordDigest !== d.digest)
    rowError(
      c,
      'LOG_RECORD_DIGEST',
      'recordDigest',
      `第 ${c.row} 行的 recordDigest 与第 ${d.seq} 条抽取的不符：该单元格被改动过。`,
    );
  checkTask(c, d.entry.planNo, d.entry.taskNo);
  return d;
}

function checkDrawRow(c: RowCheck, data: DrawData): void {
  const { entry, row } = c;
  const d: DrawState = {
    seq: entry.seq,
    row,
    entry,
    record: null,
    context: data.context,
    digest: entry.recordDigest,
    substitutions: [],
    team: null,
    isReplayBroken: false,
    isVoided: false,
    isRowBroken: c.isRowBroken,
  };
  c.v.draws.set(entry.seq, d);
  const { result: stored, ...inputs } = data.record;
  const outcome = runDraw(inputs as DrawInputs);
  if (!outcome.ok) {
    dataError(
      c,
      'LOG_DRAW_INVALID',
      `第 ${row} 行（序号 ${entry.seq}）存储的抽取记录无法重算：${outcome.failure.message}`,
    );
    d.isReplayBroken = true;
    return;
  }
  d.record = outcome.record;
  d.digest = outcome.recordDigest;
  d.team = outcome.result;
  if (canonicalJson(stored) !== canonicalJson(outcome.result))
    dataError(
      c,
      'LOG_DRAW_RESULT',
      `第 ${row} 行（序号 ${entry.seq}）存储的抽取结果与按 ${outcome.record.protocol} 重算的结果不一致。`,
    );
  if (entry.recordDigest !== outcome.recordDigest)
    rowError(
      c,
      'LOG_RECORD_DIGEST',
      'recordDigest',
      `第 ${row} 行的 recordDigest 与重算的 ${outcome.recordDigest} 不符：该单元格被改动过。`,
    );
  if (entry.inputDigest !== outcome.inputDigest)
    rowError(
      c,
      'LOG_INPUT_DIGEST',
      'inputDigest',
      `第 ${row} 行的 inputDigest 与重算的 ${outcome.inputDigest} 不符：该单元格被改动过。`,
    );
  if (entry.count !== outcome.result.length)
    rowError(
      c,
      'LOG_COUNT',
      'count',
      `第 ${row} 行的抽中数量为 ${entry.count}，记录中实际抽中 ${outcome.result.length} 个：该单元格被改动过。`,
    );
  const label = seedSourceLabel(outcome.record.seed);
  if (entry.seedSource !== label)
    rowError(
      c,
      'LOG_SEED_SOURCE',
      'seedSource',
      `第 ${row} 行的随机源“${entry.seedSource}”与记录的“${label}”不符：该单元格被改动过。`,
    );
  checkTask(c, outcome.record.task.planNo, outcome.record.task.taskNo);
  checkRedraw(c, data.replaces);
  if (outcome.record.seed.source === 'public') checkAgainstCommitment(c, outcome.record);
}

/** Re-draws: only as a new attempt referencing a voided draw of the same task. */
function checkRedraw(c: RowCheck, replaces: number): void {
  const { entry, row } = c;
  const same = [...c.v.draws.values()].filter(
    (x) => x.seq < entry.seq && x.entry.planNo === entry.planNo && x.entry.taskNo === entry.taskNo,
  );
  const live = same.filter((x) => !x.isVoided);
  if (live.length)
    rowError(
      c,
      'LOG_REDRAW',
      'event',
      `第 ${row} 行重新抽取了任务 ${entry.planNo}/${entry.taskNo}，但第 ${live.map((x) => x.seq).join('、')} 条抽取未作废：重新抽取必须先作废原抽取。`,
    );
  if (replaces !== 0 && !same.some((x) => x.seq === replaces && x.isVoided))
    dataError(c, 'LOG_REPLACES', `第 ${row} 行记载替代第 ${replaces} 条，但那不是本任务已作废的抽取。`);
}

function checkAgainstCommitment(c: RowCheck, record: DrawRecord): void {
  const { entry, row } = c;
  const commitment = [...c.v.commitments]
    .reverse()
    .find((x) => x.entry.planNo === entry.planNo && x.entry.taskNo === entry.taskNo);
  if (!commitment) {
    c.v.findings.push(
      warning(
        'LOG_NO_COMMITMENT',
        LOG_SHEET,
        logCell(row, 'seedSource'),
        `第 ${row} 行使用公开随机数，但此前没有该任务的承诺记录：无法证明输入在开奖前已固定。`,
      ),
    );
    return;
  }
  const recomputed = computeCommitment(record);
  const value = recomputed.ok ? recomputed.commitment : '';
  if (value !== commitment.entry.inputDigest)
    c.v.findings.push(
      error(
        'LOG_COMMITMENT',
        LOG_SHEET,
        logCell(commitment.row, 'inputDigest'),
        `第 ${commitment.row} 行记录的承诺值与第 ${row} 行抽取重算的承诺值 ${value || '（无法计算）'} 不符：承诺被改动，或抽取所用输入与承诺时不同。`,
      ),
    );
}

function checkCommitmentRow(c: RowCheck, data: CommitmentData): void {
  c.v.commitments.push({ row: c.row, entry: c.entry });
  if (data.commitment !== c.entry.inputDigest)
    rowError(
      c,
      'LOG_COMMITMENT_DATA',
      'inputDigest',
      `第 ${c.row} 行的承诺值与存储数据的承诺值不符：该单元格被改动过。`,
    );
  const recomputed = computeCommitment(data.inputs);
  if (!recomputed.ok || recomputed.commitment !== data.commitment)
    dataError(c, 'LOG_COMMITMENT_DATA', `序号 ${c.entry.seq} 的存储数据中，承诺值不是其输入的摘要。`);
}

function checkSubstitutionRow(c: RowCheck, data: SubstitutionData): void {
  const d = referencedDraw(c, data.drawSeq, '递补');
  if (c.entry.count !== 1)
    rowError(
      c,
      'LOG_COUNT',
      'count',
      `第 ${c.row} 行（递补）的数量应为 1，实为 ${c.entry.count}：该单元格被改动过。`,
    );
  if (!d) return;
  if (d.isVoided) dataError(c, 'LOG_SUBSTITUTION', `第 ${c.row} 行递补的第 ${d.seq} 条抽取已作废。`);
  if (!d.record || d.isReplayBroken) return;
  const chain = [...d.substitutions, data.substitution];
  const replay = replaySubstitutions(d.record, chain);
  if (!replay.ok) {
    dataError(
      c,
      'LOG_SUBSTITUTION',
      `第 ${c.row} 行（序号 ${c.entry.seq}）的递补无法按 ${d.record.protocol} §7 重放：${replay.failure.message}`,
    );
    d.isReplayBroken = true;
    return;
  }
  d.substitutions = chain;
  d.team = replay.result;
}

function checkVoidRow(c: RowCheck, data: VoidData): void {
  const d = referencedDraw(c, data.drawSeq, '作废');
  if (!d) return;
  if (d.isVoided) dataError(c, 'LOG_VOID', `第 ${c.row} 行作废的第 ${d.seq} 条抽取此前已作废。`);
  d.isVoided = true;
}

/** Stored data that belongs to no row, and chunks that do not join up. */
function checkDataSheet(state: LogState, chunks: Map<number, number[]>): Finding[] {
  const out = state.dataProblems.map((p) =>
    error('LOG_DATA_CHUNKS', DATA_SHEET, `A${p.row}`, `${p.message}：存储数据被删改过。`),
  );
  const seqs = new Set(state.rows.map((r) => r.entry.seq));
  for (const seq of state.data.keys()) {
    if (seqs.has(seq)) continue;
    const r = chunks.get(seq)?.[0];
    out.push(
      error(
        'LOG_ROW_MISSING',
        r ? DATA_SHEET : LOG_SHEET,
        r ? `A${r}` : '',
        `存储数据中有序号 ${seq} 的记录，但抽取记录中没有这一行：该行被删除或序号被改动。`,
      ),
    );
  }
  return out;
}

/** When the info line disagrees and the log row's own hash is broken, the log cell is to blame. */
function blameLogCells(d: DrawState, shown: string, sheet: string): Finding[] {
  const m = /^抽取时间：(.*?)\s{2,}记录序号：(.*?)\s{2,}随机源：(.*?)\s{2,}/.exec(shown);
  if (!d.isRowBroken || !m) return [];
  const pairs: [keyof LogEntry, string, string][] = [
    ['time', '时间', m[1]!],
    ['seq', '序号', m[2]!],
    ['seedSource', '随机源', m[3]!],
  ];
  return pairs
    .filter(([key, , value]) => String(d.entry[key]) !== value)
    .map(([key, title, value]) =>
      error(
        'LOG_CELL_CHANGED',
        LOG_SHEET,
        logCell(d.row, key),
        `第 ${d.row} 行的${title}“${String(d.entry[key])}”与结果工作表“${sheet}”记载的“${value}”不符，且该行 hash 不符：此单元格被改动过。`,
      ),
    );
}

function checkResultSheets(draws: readonly DrawState[], options: VerifyLogOptions): Finding[] {
  const out: Finding[] = [];
  const grids = options.resultGrids.filter((g) => g.sheet !== LOG_SHEET && g.sheet !== DATA_SHEET);
  const taken = new Set<string>();
  const protectedOf = new Map(options.sheetInfo.map((s) => [s.name, s.isProtected]));
  for (const d of draws) {
    const grid = findDrawResultSheet(grids, d.digest, d.entry, taken);
    if (!grid) {
      out.push(
        error(
          'RESULT_SHEET_MISSING',
          LOG_SHEET,
          logCell(d.row, 'recordDigest'),
          `找不到第 ${d.seq} 条抽取（任务 ${d.entry.planNo}/${d.entry.taskNo}）的结果工作表：应有一张第 3 行为“${DRAW_RESULT_DIGEST_PREFIX}${d.digest}”的工作表。`,
        ),
      );
      continue;
    }
    taken.add(grid.sheet);
    if (protectedOf.get(grid.sheet) === false)
      out.push(
        warning(
          'RESULT_UNPROTECTED',
          grid.sheet,
          '',
          `结果工作表“${grid.sheet}”未受保护：可能被手工改动过。`,
        ),
      );
    if (!d.record || !d.context) continue;
    const mismatches = compareDrawResultSheet(grid, {
      seq: d.seq,
      entry: d.entry,
      record: d.record,
      digest: d.digest,
      context: d.context,
      teams: d.isReplayBroken ? null : (d.team ?? d.record.result),
      hasSubstitutions: d.substitutions.length > 0,
    });
    const infoRow = DRAW_RESULT_LAYOUT.info;
    const info = mismatches.find((m) => m.row === infoRow && m.col === 0);
    const blamed = info ? blameLogCells(d, info.actual, grid.sheet) : [];
    out.push(
      ...blamed,
      ...drawResultFindings(grid.sheet, blamed.length ? mismatches.filter((m) => m !== info) : mismatches),
    );
  }
  for (const g of grids) {
    if (taken.has(g.sheet) || !isDrawResultSheet(g)) continue;
    out.push(
      error(
        'RESULT_SHEET_UNLOGGED',
        g.sheet,
        'A3',
        `结果工作表“${g.sheet}”的 recordDigest 不属于抽取记录中的任何抽取：对应的记录行被删除或改动。`,
      ),
    );
  }
  return out;
}

/** What verify and the appending steps say about a user's own sheet named 抽取记录. */
export const FOREIGN_SHEET_MESSAGE = `工作簿中已有一张名为“${LOG_SHEET}”的工作表，但它不是本工具的抽取记录（没有记录表头，也没有链接的记录行）：请将它改名（如“${LOG_SHEET}（本局）”）后再抽取。`;

function checkProtection(options: VerifyLogOptions): Finding[] {
  const info = new Map(options.sheetInfo.map((s) => [s.name, s]));
  const out: Finding[] = [];
  // LibreOffice keeps protection but saves "very hidden" as "hidden": say so, it is not a tamper.
  if (info.get(DATA_SHEET)?.visibility === 'hidden')
    out.push(
      warning(
        'LOG_DATA_VISIBLE',
        DATA_SHEET,
        '',
        `${DATA_SHEET} 工作表是“隐藏”而不是“深度隐藏”：LibreOffice、WPS 另存时会这样改动，这本身不是篡改（数据是否被改动以上面的检查为准）。`,
      ),
    );
  if (info.get(LOG_SHEET)?.isProtected === false)
    out.push(warning('LOG_UNPROTECTED', LOG_SHEET, '', '抽取记录工作表未受保护：可能被手工改动过。'));
  if (info.get(DATA_SHEET)?.isProtected === false)
    out.push(
      warning('LOG_UNPROTECTED', DATA_SHEET, '', `${DATA_SHEET} 工作表未受保护：存储数据可能被手工改动过。`),
    );
  return out;
}

function unique(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.code}|${f.sheet}|${f.cell}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Verifies the whole log: chain, stored data, draws, substitutions, commitments, voids and result sheets.
 * @param state the log as read (readLogState)
 * @param options the book's other sheets and their protection
 * @returns ok, the number of entries, the chain head and the findings (sorted by sheet and cell)
 * @example verifyLog(readLogState(logGrid, dataGrid), { resultGrids: grids, sheetInfo }).ok // true
 */
export function verifyLog(state: LogState, options: VerifyLogOptions): LogVerification {
  if (state.isForeign) {
    const f = error('LOG_FOREIGN_SHEET', LOG_SHEET, 'A4', FOREIGN_SHEET_MESSAGE);
    return { ok: false, entries: 0, head: chainHead(state), findings: [f] };
  }
  const chunks = chunkRows(options.dataGrid);
  const logGrid = options.resultGrids.find((g) => g.sheet === LOG_SHEET) ?? null;
  const v: Verification = {
    findings: [...checkChain(state), ...checkLogLayout(state, logGrid, options.dataGrid ?? null), ...checkDataSheet(state, chunks)],
    draws: new Map(),
    commitments: [],
    chunks,
  };
  for (const logRow of state.rows) {
    const c: RowCheck = { ...logRow, isRowBroken: computeEntryHash(logRow.entry) !== logRow.entry.hash, v };
    const data = readRowData(c, state);
    if (!data) {
      addUnusableDraw(c);
      continue;
    }
    if (data.event === '抽取') checkDrawRow(c, data);
    else if (data.event === '承诺') checkCommitmentRow(c, data);
    else if (data.event === '递补') checkSubstitutionRow(c, data);
    else if (data.event === '作废') checkVoidRow(c, data);
  }
  const findings = unique([
    ...v.findings,
    ...checkResultSheets([...v.draws.values()], options),
    ...checkProtection(options),
  ]);
  return {
    ok: !findings.some((f) => f.severity === 'error'),
    entries: state.rows.length,
    head: chainHead(state),
    findings: sortFindings(
      findings,
      options.sheetInfo.map((s) => s.name),
    ),
  };
}
