/**
 * Full verification of the draw log (ssj-draw/1 §9): the hash chain, every stored event's data and
 * digest, every draw recomputed, every substitution replayed, every commitment recomputed, and every
 * result sheet compared cell by cell with what its record says. Pure: it reads grids and the log
 * state, and returns findings that name the sheet and cell that fails.
 */
import { canonicalJson, computeCommitment, replaySubstitutions, runDraw, sha256Hex } from '../draw';
import type { DrawInputs, DrawRecord, DrawSeed, ResultEntry, SubstitutionRecord } from '../draw';
import type { Finding } from '../findings';
import { sortFindings } from '../findings';
import type { Grid } from '../grid';
import { cellAddress, columnName } from '../grid';
import { RESULT_FIRST_ROW, RESULT_HEADER, resultRowCells } from '../session/drawEvents';
import { checkChain } from './checkChain';
import type { DrawContext } from './drawContext';
import type { LogEntry } from './drawLog';
import { computeEntryHash, DATA_SHEET, LOG_COLUMNS, LOG_SHEET } from './drawLog';
import type { LogState } from './logSheet';
import { chainHead } from './logSheet';

/** What verification needs besides the log: the other sheets and whether they are protected. */
export type VerifyLogOptions = {
  /** Grids of the book's sheets (result sheets are found among them; the log sheets are ignored). */
  resultGrids: readonly Grid[];
  /** Every sheet of the book, in tab order, with its protection. */
  sheetInfo: readonly { name: string; isProtected: boolean }[];
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

/** The text in row 3 of a result sheet that binds it to its draw. */
export const RESULT_DIGEST_PREFIX = 'recordDigest：';

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

const colOf = (key: keyof LogEntry): number => LOG_COLUMNS.findIndex((c) => c.key === key);
const logCell = (row: number, key: keyof LogEntry): string => cellAddress(row - 1, colOf(key));

function error(code: string, sheet: string, cell: string, message: string): Finding {
  return { severity: 'error', code, sheet, cell, message };
}

function warning(code: string, sheet: string, cell: string, message: string): Finding {
  return { severity: 'warning', code, sheet, cell, message };
}

function textAt(grid: Grid, row1: number, col0: number): string {
  return grid.text[row1 - 1 - grid.origin.row]?.[col0 - grid.origin.col] ?? '';
}

function lastRowOf(grid: Grid): number {
  return grid.origin.row + grid.text.length;
}

/** Data-sheet rows (1-based) of each seq's chunks, in chunk order as stored. */
function chunkRows(dataGrid: Grid | null | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (!dataGrid) return out;
  for (let r = 2; r <= lastRowOf(dataGrid); r++) {
    const seq = Number(textAt(dataGrid, r, 0));
    if (!Number.isInteger(seq) || seq <= 0) continue;
    out.set(seq, [...(out.get(seq) ?? []), r]);
  }
  return out;
}

/** The label the log writes in 随机源 for a seed. */
export function seedSourceLabel(seed: DrawSeed): string {
  return seed.source === 'local' ? '本地随机' : `公开随机数：${seed.text}`;
}

/** The first line under a result sheet's title, as the draw writes it. */
export function resultInfoLine(
  entry: Pick<LogEntry, 'time' | 'seq' | 'seedSource'>,
  context: Pick<DrawContext, 'isSecret'>,
): string {
  return `抽取时间：${entry.time}    记录序号：${entry.seq}    随机源：${entry.seedSource}    ${context.isSecret ? '涉密任务，不公示' : '可公示'}`;
}

/**
 * The result sheet of a draw: the sheet whose row 3 carries its recordDigest, else (when that
 * cell was changed) the sheet named as the draw names it (`抽取结果-计划-任务`, or with `-序号`).
 * @param grids the book's sheets
 * @param digest the draw's recordDigest
 * @param entry the draw's log row (plan, task, seq)
 * @param taken sheets already matched to other draws
 * @returns the grid, or null when there is none
 * @example findResultSheet(grids, d, entry)?.sheet // '抽取结果-2025002-001'
 */
export function findResultSheet(
  grids: readonly Grid[],
  digest: string,
  entry: Pick<LogEntry, 'planNo' | 'taskNo' | 'seq'>,
  taken: ReadonlySet<string> = new Set(),
): Grid | null {
  const free = grids.filter((g) => !taken.has(g.sheet) && g.sheet !== LOG_SHEET && g.sheet !== DATA_SHEET);
  const byDigest = free.find((g) => textAt(g, 3, 0).trim() === `${RESULT_DIGEST_PREFIX}${digest}`);
  if (byDigest) return byDigest;
  const base = `抽取结果-${entry.planNo}-${entry.taskNo}`.slice(0, 31);
  const names = [`${base}-${entry.seq}`.slice(0, 31), base];
  for (const n of names) {
    const g = free.find((x) => x.sheet === n);
    if (g) return g;
  }
  return null;
}

type ParsedData = { ok: true; data: Record<string, unknown> } | { ok: false; message: string };

function parseData(text: string): ParsedData {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return { ok: false, message: '不是 JSON 对象' };
    const o = v as Record<string, unknown>;
    if (o.format !== 'ssj-log-data/1')
      return { ok: false, message: `format 应为 ssj-log-data/1，实为 ${JSON.stringify(o.format)}` };
    return { ok: true, data: o };
  } catch (e) {
    return { ok: false, message: `不是有效的 JSON（${(e as Error).message}）` };
  }
}

const isRecordObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Verifies the whole log: chain, stored data, draws, substitutions, commitments, voids and result sheets.
 * @param state the log as read (readLogState)
 * @param options the book's other sheets and their protection
 * @returns ok, the number of entries, the chain head and the findings (sorted by sheet and cell)
 * @example verifyLog(readLogState(logGrid, dataGrid), { resultGrids: grids, sheetInfo }).ok // true
 */
export function verifyLog(state: LogState, options: VerifyLogOptions): LogVerification {
  const findings: Finding[] = [...checkChain(state)];
  const chunks = chunkRows(options.dataGrid);
  const dataCell = (seq: number, row: number): { sheet: string; cell: string; where: string } => {
    const rows = chunks.get(seq);
    if (rows && rows.length) {
      const span = rows.length > 1 ? `第 ${rows[0]}–${rows[rows.length - 1]} 行` : `第 ${rows[0]} 行`;
      return { sheet: DATA_SHEET, cell: `D${rows[0]}`, where: `${DATA_SHEET} ${span}` };
    }
    return {
      sheet: LOG_SHEET,
      cell: logCell(row, 'dataDigest'),
      where: `${DATA_SHEET} 中序号 ${seq} 的数据`,
    };
  };

  for (const p of state.dataProblems) {
    findings.push(error('LOG_DATA_CHUNKS', DATA_SHEET, `A${p.row}`, `${p.message}：存储数据被删改过。`));
  }
  const seqs = new Set(state.rows.map((r) => r.entry.seq));
  for (const seq of state.data.keys()) {
    if (seqs.has(seq)) continue;
    const r = chunks.get(seq)?.[0];
    findings.push(
      error(
        'LOG_ROW_MISSING',
        r ? DATA_SHEET : LOG_SHEET,
        r ? `A${r}` : '',
        `存储数据中有序号 ${seq} 的记录，但抽取记录中没有这一行：该行被删除或序号被改动。`,
      ),
    );
  }

  const draws = new Map<number, DrawState>();
  const commitments: { row: number; entry: LogEntry }[] = [];

  for (const { entry, row } of state.rows) {
    const isRowBroken = computeEntryHash(entry) !== entry.hash;
    const at = (key: keyof LogEntry) => ({ sheet: LOG_SHEET, cell: logCell(row, key) });
    const rowErr = (code: string, key: keyof LogEntry, message: string) =>
      findings.push({ severity: 'error', code, ...at(key), message });
    const text = state.data.get(entry.seq);
    const where = dataCell(entry.seq, row);
    const dataErr = (code: string, message: string) =>
      findings.push(error(code, where.sheet, where.cell, message));
    const placeholder = (): void => {
      if (entry.event === '抽取') {
        draws.set(entry.seq, {
          seq: entry.seq,
          row,
          entry,
          record: null,
          context: null,
          digest: entry.recordDigest,
          substitutions: [],
          team: null,
          isReplayBroken: true,
          isVoided: false,
          isRowBroken,
        });
      }
    };
    if (text === undefined) {
      rowErr(
        'LOG_DATA_MISSING',
        'dataDigest',
        `第 ${row} 行（序号 ${entry.seq}）在 ${DATA_SHEET} 中没有存储数据：数据被删除，无法重算。`,
      );
      placeholder();
      continue;
    }
    if (sha256Hex(text) !== entry.dataDigest) {
      if (isRowBroken)
        rowErr(
          'LOG_DATA_DIGEST',
          'dataDigest',
          `第 ${row} 行（序号 ${entry.seq}）的 dataDigest 与存储数据不符，且该行的 hash 也不符：dataDigest 单元格被改动过。`,
        );
      else
        dataErr(
          'LOG_DATA_DIGEST',
          `序号 ${entry.seq} 的存储数据（${where.where}）与抽取记录第 ${row} 行的 dataDigest 不符：存储数据被改动过。`,
        );
      placeholder();
      continue;
    }
    const parsed = parseData(text);
    if (!parsed.ok) {
      dataErr('LOG_DATA_PARSE', `序号 ${entry.seq} 的存储数据无法读取：${parsed.message}。`);
      placeholder();
      continue;
    }
    const data = parsed.data;
    if (data.event !== entry.event) {
      rowErr(
        'LOG_EVENT',
        'event',
        `第 ${row} 行的事件为“${entry.event}”，存储数据记载的是“${String(data.event)}”：事件单元格被改动过。`,
      );
      placeholder();
      continue;
    }
    const checkTask = (planNo: string, taskNo: string) => {
      if (entry.planNo !== planNo)
        rowErr(
          'LOG_TASK',
          'planNo',
          `第 ${row} 行的计划编号“${entry.planNo}”与存储数据的“${planNo}”不符：该单元格被改动过。`,
        );
      if (entry.taskNo !== taskNo)
        rowErr(
          'LOG_TASK',
          'taskNo',
          `第 ${row} 行的任务编号“${entry.taskNo}”与存储数据的“${taskNo}”不符：该单元格被改动过。`,
        );
    };
    const drawOf = (seq: unknown, what: string): DrawState | null => {
      const d = typeof seq === 'number' ? draws.get(seq) : undefined;
      if (!d) {
        dataErr(
          'LOG_DRAW_REFERENCE',
          `第 ${row} 行（${what}）引用的第 ${String(seq)} 条不是此前的抽取记录。`,
        );
        return null;
      }
      if (entry.recordDigest !== d.digest)
        rowErr(
          'LOG_RECORD_DIGEST',
          'recordDigest',
          `第 ${row} 行的 recordDigest 与第 ${d.seq} 条抽取的不符：该单元格被改动过。`,
        );
      checkTask(d.entry.planNo, d.entry.taskNo);
      return d;
    };

    switch (entry.event) {
      case '抽取': {
        const record = data.record as DrawRecord | undefined;
        const context = data.context as DrawContext | undefined;
        const d: DrawState = {
          seq: entry.seq,
          row,
          entry,
          record: null,
          context: isRecordObject(context) ? context : null,
          digest: entry.recordDigest,
          substitutions: [],
          team: null,
          isReplayBroken: false,
          isVoided: false,
          isRowBroken,
        };
        draws.set(entry.seq, d);
        if (!isRecordObject(record) || !isRecordObject(context)) {
          dataErr(
            'LOG_DATA_PARSE',
            `序号 ${entry.seq} 的存储数据缺少抽取记录（record）或上下文（context）。`,
          );
          d.isReplayBroken = true;
          break;
        }
        const { result: stored, ...inputs } = record as DrawRecord;
        const outcome = runDraw(inputs as DrawInputs);
        if (!outcome.ok) {
          dataErr(
            'LOG_DRAW_INVALID',
            `第 ${row} 行（序号 ${entry.seq}）存储的抽取记录无法重算：${outcome.failure.message}`,
          );
          d.isReplayBroken = true;
          break;
        }
        d.record = outcome.record;
        d.digest = outcome.recordDigest;
        d.team = outcome.result;
        let storedText = '';
        try {
          storedText = canonicalJson(stored);
        } catch {
          storedText = '';
        }
        if (storedText !== canonicalJson(outcome.result)) {
          dataErr(
            'LOG_DRAW_RESULT',
            `第 ${row} 行（序号 ${entry.seq}）存储的抽取结果与按 ssj-draw/1 重算的结果不一致。`,
          );
        }
        if (entry.recordDigest !== outcome.recordDigest)
          rowErr(
            'LOG_RECORD_DIGEST',
            'recordDigest',
            `第 ${row} 行的 recordDigest 与重算的 ${outcome.recordDigest} 不符：该单元格被改动过。`,
          );
        if (entry.inputDigest !== outcome.inputDigest)
          rowErr(
            'LOG_INPUT_DIGEST',
            'inputDigest',
            `第 ${row} 行的 inputDigest 与重算的 ${outcome.inputDigest} 不符：该单元格被改动过。`,
          );
        if (entry.count !== outcome.result.length)
          rowErr(
            'LOG_COUNT',
            'count',
            `第 ${row} 行的抽中数量为 ${entry.count}，记录中实际抽中 ${outcome.result.length} 个：该单元格被改动过。`,
          );
        if (entry.seedSource !== seedSourceLabel(outcome.record.seed))
          rowErr(
            'LOG_SEED_SOURCE',
            'seedSource',
            `第 ${row} 行的随机源“${entry.seedSource}”与记录的“${seedSourceLabel(outcome.record.seed)}”不符：该单元格被改动过。`,
          );
        checkTask(outcome.record.task.planNo, outcome.record.task.taskNo);
        // Re-draws: only as a new attempt referencing a voided draw of the same task.
        const same = [...draws.values()].filter(
          (x) => x.seq < entry.seq && x.entry.planNo === entry.planNo && x.entry.taskNo === entry.taskNo,
        );
        const live = same.filter((x) => !x.isVoided);
        const replaces = typeof data.replaces === 'number' ? data.replaces : 0;
        if (live.length) {
          rowErr(
            'LOG_REDRAW',
            'event',
            `第 ${row} 行重新抽取了任务 ${entry.planNo}/${entry.taskNo}，但第 ${live.map((x) => x.seq).join('、')} 条抽取未作废：重新抽取必须先作废原抽取。`,
          );
        }
        if (replaces !== 0 && !same.some((x) => x.seq === replaces && x.isVoided)) {
          dataErr('LOG_REPLACES', `第 ${row} 行记载替代第 ${replaces} 条，但那不是本任务已作废的抽取。`);
        }
        if (outcome.record.seed.source === 'public') {
          const c = [...commitments]
            .reverse()
            .find((x) => x.entry.planNo === entry.planNo && x.entry.taskNo === entry.taskNo);
          if (!c) {
            findings.push(
              warning(
                'LOG_NO_COMMITMENT',
                LOG_SHEET,
                logCell(row, 'seedSource'),
                `第 ${row} 行使用公开随机数，但此前没有该任务的承诺记录：无法证明输入在开奖前已固定。`,
              ),
            );
          } else {
            const recomputed = computeCommitment(outcome.record);
            const value = recomputed.ok ? recomputed.commitment : '';
            if (value !== c.entry.inputDigest) {
              findings.push(
                error(
                  'LOG_COMMITMENT',
                  LOG_SHEET,
                  logCell(c.row, 'inputDigest'),
                  `第 ${c.row} 行记录的承诺值与第 ${row} 行抽取重算的承诺值 ${value || '（无法计算）'} 不符：承诺被改动，或抽取所用输入与承诺时不同。`,
                ),
              );
            }
          }
        }
        break;
      }
      case '承诺': {
        commitments.push({ row, entry });
        if (typeof data.commitment !== 'string' || data.commitment !== entry.inputDigest) {
          rowErr(
            'LOG_COMMITMENT_DATA',
            'inputDigest',
            `第 ${row} 行的承诺值与存储数据的承诺值不符：该单元格被改动过。`,
          );
        }
        const c = isRecordObject(data.inputs)
          ? computeCommitment(data.inputs as unknown as DrawInputs)
          : null;
        if (!c || !c.ok || c.commitment !== data.commitment) {
          dataErr('LOG_COMMITMENT_DATA', `序号 ${entry.seq} 的存储数据中，承诺值不是其输入的摘要。`);
        }
        break;
      }
      case '失败': {
        if (typeof data.message !== 'string')
          dataErr('LOG_DATA_PARSE', `序号 ${entry.seq} 的存储数据缺少失败原因（message）。`);
        break;
      }
      case '递补': {
        const d = drawOf(data.drawSeq, '递补');
        const s = data.substitution as SubstitutionRecord | undefined;
        if (entry.count !== 1)
          rowErr(
            'LOG_COUNT',
            'count',
            `第 ${row} 行（递补）的数量应为 1，实为 ${entry.count}：该单元格被改动过。`,
          );
        if (!d) break;
        if (d.isVoided) dataErr('LOG_SUBSTITUTION', `第 ${row} 行递补的第 ${d.seq} 条抽取已作废。`);
        if (!isRecordObject(s)) {
          dataErr('LOG_DATA_PARSE', `序号 ${entry.seq} 的存储数据缺少递补记录（substitution）。`);
          d.isReplayBroken = true;
          break;
        }
        if (!d.record || d.isReplayBroken) break;
        const chain = [...d.substitutions, s];
        const replay = replaySubstitutions(d.record, chain);
        if (!replay.ok) {
          dataErr(
            'LOG_SUBSTITUTION',
            `第 ${row} 行（序号 ${entry.seq}）的递补无法按 ssj-draw/1 §7 重放：${replay.failure.message}`,
          );
          d.isReplayBroken = true;
          break;
        }
        d.substitutions = chain;
        d.team = replay.result;
        break;
      }
      case '作废': {
        const d = drawOf(data.drawSeq, '作废');
        if (typeof data.reason !== 'string' || data.reason.trim() === '')
          dataErr('LOG_DATA_PARSE', `序号 ${entry.seq} 的存储数据缺少作废原因（reason）。`);
        if (!d) break;
        if (d.isVoided) dataErr('LOG_VOID', `第 ${row} 行作废的第 ${d.seq} 条抽取此前已作废。`);
        d.isVoided = true;
        break;
      }
      default:
        rowErr(
          'LOG_EVENT',
          'event',
          `第 ${row} 行的事件“${String(entry.event)}”不是 承诺/抽取/失败/递补/作废 之一。`,
        );
    }
  }

  findings.push(...checkResultSheets([...draws.values()], options));

  const info = new Map(options.sheetInfo.map((s) => [s.name, s]));
  if (info.get(LOG_SHEET)?.isProtected === false)
    findings.push(warning('LOG_UNPROTECTED', LOG_SHEET, '', '抽取记录工作表未受保护：可能被手工改动过。'));
  if (info.get(DATA_SHEET)?.isProtected === false)
    findings.push(
      warning('LOG_UNPROTECTED', DATA_SHEET, '', `${DATA_SHEET} 工作表未受保护：存储数据可能被手工改动过。`),
    );

  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const k = `${f.code}|${f.sheet}|${f.cell}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return {
    ok: !unique.some((f) => f.severity === 'error'),
    entries: state.rows.length,
    head: chainHead(state),
    findings: sortFindings(
      unique,
      options.sheetInfo.map((s) => s.name),
    ),
  };
}

function checkResultSheets(draws: readonly DrawState[], options: VerifyLogOptions): Finding[] {
  const out: Finding[] = [];
  const grids = options.resultGrids.filter((g) => g.sheet !== LOG_SHEET && g.sheet !== DATA_SHEET);
  const taken = new Set<string>();
  const protectedOf = new Map(options.sheetInfo.map((s) => [s.name, s.isProtected]));
  for (const d of draws) {
    const grid = findResultSheet(grids, d.digest, d.entry, taken);
    if (!grid) {
      out.push(
        error(
          'RESULT_SHEET_MISSING',
          LOG_SHEET,
          logCell(d.row, 'recordDigest'),
          `找不到第 ${d.seq} 条抽取（任务 ${d.entry.planNo}/${d.entry.taskNo}）的结果工作表：应有一张第 3 行为“${RESULT_DIGEST_PREFIX}${d.digest}”的工作表。`,
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
    const sheet = grid.sheet;
    const ctx = d.context;
    const title = `${ctx.planName || d.record.task.planNo} · ${ctx.taskName || d.record.task.taskNo} 抽取结果`;
    if (textAt(grid, 1, 0) !== title)
      out.push(
        error(
          'RESULT_HEADER',
          sheet,
          'A1',
          `标题应为“${title}”，实为“${textAt(grid, 1, 0)}”：结果工作表被改动过。`,
        ),
      );
    const info = resultInfoLine(d.entry, ctx);
    const shown = textAt(grid, 2, 0);
    if (shown !== info) {
      const m = /^抽取时间：(.*?)\s{2,}记录序号：(.*?)\s{2,}随机源：(.*?)\s{2,}/.exec(shown);
      const blamed: Finding[] = [];
      if (d.isRowBroken && m) {
        const pairs: [keyof LogEntry, string, string][] = [
          ['time', '时间', m[1]!],
          ['seq', '序号', m[2]!],
          ['seedSource', '随机源', m[3]!],
        ];
        for (const [key, title2, value] of pairs) {
          if (String(d.entry[key]) !== value) {
            blamed.push(
              error(
                'LOG_CELL_CHANGED',
                LOG_SHEET,
                logCell(d.row, key),
                `第 ${d.row} 行的${title2}“${String(d.entry[key])}”与结果工作表“${sheet}”记载的“${value}”不符，且该行 hash 不符：此单元格被改动过。`,
              ),
            );
          }
        }
      }
      if (blamed.length) out.push(...blamed);
      else
        out.push(error('RESULT_HEADER', sheet, 'A2', `应为“${info}”，实为“${shown}”：结果工作表被改动过。`));
    }
    const digestLine = `${RESULT_DIGEST_PREFIX}${d.digest}`;
    if (textAt(grid, 3, 0).trim() !== digestLine)
      out.push(
        error(
          'RESULT_HEADER',
          sheet,
          'A3',
          `应为“${digestLine}”，实为“${textAt(grid, 3, 0)}”：结果工作表被改动过。`,
        ),
      );
    const headerRow = RESULT_FIRST_ROW - 1;
    const badHeader = RESULT_HEADER.findIndex((h, c) => textAt(grid, headerRow, c) !== h);
    if (badHeader >= 0)
      out.push(
        error(
          'RESULT_HEADER',
          sheet,
          cellAddress(headerRow - 1, badHeader),
          `表头应为“${RESULT_HEADER[badHeader]}”，实为“${textAt(grid, headerRow, badHeader)}”。`,
        ),
      );
    const team = d.isReplayBroken ? null : (d.team ?? d.record.result);
    if (!team) continue;
    const width = RESULT_HEADER.length;
    team.forEach((e, i) => {
      const r = RESULT_FIRST_ROW + i;
      const expected = resultRowCells(i, e, ctx);
      const actual = expected.map((_, c) => textAt(grid, r, c));
      if (actual.every((x) => x.trim() === '')) {
        out.push(
          error(
            'RESULT_ROW_MISSING',
            sheet,
            `A${r}`,
            `第 ${r} 行应为第 ${i + 1} 个检查对象“${expected[1]}”，该行为空：结果行被删除。`,
          ),
        );
        return;
      }
      const c = expected.findIndex((x, k) => actual[k] !== x);
      if (c >= 0) {
        out.push(
          error(
            'RESULT_CELL',
            sheet,
            cellAddress(r - 1, c),
            `${RESULT_HEADER[c]}应为“${expected[c]}”，实为“${actual[c]}”：与第 ${d.seq} 条抽取记录${d.substitutions.length ? '（含递补）' : ''}不符。`,
          ),
        );
      }
    });
    for (let r = RESULT_FIRST_ROW + team.length; r <= lastRowOf(grid); r++) {
      const cells = Array.from({ length: width }, (_, c) => textAt(grid, r, c));
      if (cells.some((x) => x.trim() !== '')) {
        const c = cells.findIndex((x) => x.trim() !== '');
        out.push(
          error(
            'RESULT_ROW_EXTRA',
            sheet,
            `${columnName(c)}${r}`,
            `第 ${r} 行不属于第 ${d.seq} 条抽取的结果（记录只有 ${team.length} 个检查对象）：结果工作表被添加了内容。`,
          ),
        );
      }
    }
  }
  for (const g of grids) {
    if (taken.has(g.sheet) || !textAt(g, 3, 0).startsWith(RESULT_DIGEST_PREFIX)) continue;
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
