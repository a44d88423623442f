/**
 * The draw result sheet (抽取结果-<计划编号>-<任务编号>): the readable, protected list of one draw's
 * targets and teams, bound to its draw by the recordDigest in row 3. This module owns the sheet:
 * its name, its layout, the operations that write it and the check that reads it back — so what
 * verification expects is, cell for cell, what the draw wrote.
 */
import type { DrawRecord, ResultEntry } from '../draw/types';
import type { Finding } from '../findings';
import type { Grid } from '../grid';
import { cellAddress, cellAt } from '../grid';
import { fitSheetName } from '../sheetNames';
import type { WorkbookOp } from '../workbookOps';
import type { DrawContext } from './drawContext';
import type { LogEntry } from './drawLog';

export const DRAW_RESULT_SHEET_PREFIX = '抽取结果-';
export const DRAW_RESULT_HEADER = [
  '序号',
  '检查对象名称',
  '统一社会信用代码',
  '类型/等级',
  '组长',
  '组员（单位）',
] as const;
/** 1-based rows of the layout. */
export const DRAW_RESULT_LAYOUT = { title: 1, info: 2, digest: 3, header: 4, firstRow: 5 } as const;
/** The text in row 3 that binds the sheet to its draw. */
export const DRAW_RESULT_DIGEST_PREFIX = 'recordDigest：';
const WIDTH = DRAW_RESULT_HEADER.length;

/**
 * The result sheet's name; a re-draw of the same task gets its log number appended.
 * @example drawResultSheetName('2025002', '001', 4, ['抽取结果-2025002-001']) // '抽取结果-2025002-001-4'
 */
export function drawResultSheetName(
  planNo: string,
  taskNo: string,
  seq: number,
  existing: readonly string[],
): string {
  const base = fitSheetName(`${DRAW_RESULT_SHEET_PREFIX}${planNo}-${taskNo}`);
  return existing.includes(base) ? fitSheetName(`${base}-${seq}`) : base;
}

/** The sheet's title (row 1). */
export function drawResultTitle(
  record: Pick<DrawRecord, 'task'>,
  context: Pick<DrawContext, 'planName' | 'taskName'>,
): string {
  return `${context.planName || record.task.planNo} · ${context.taskName || record.task.taskNo} 抽取结果`;
}

/**
 * The first line under the title (row 2), as the draw writes it.
 * @example drawResultInfoLine(entry, { isSecret: 0 }) // '抽取时间：…    记录序号：1    随机源：本地随机    可公示'
 */
export function drawResultInfoLine(
  entry: Pick<LogEntry, 'time' | 'seq' | 'seedSource'>,
  context: Pick<DrawContext, 'isSecret'>,
): string {
  return `抽取时间：${entry.time}    记录序号：${entry.seq}    随机源：${entry.seedSource}    ${context.isSecret ? '涉密任务，不公示' : '可公示'}`;
}

/**
 * One result row as the sheet shows it.
 * @example drawResultRowCells(0, entry, context)[1] // '邢台惠民大药房…'
 */
export function drawResultRowCells(i: number, e: ResultEntry, context: DrawContext): string[] {
  const t = context.targets[e.target];
  const p = (id: string) => context.inspectors[id];
  const who = (id: string) => `${p(id)?.name ?? id}（${p(id)?.teamDepartment ?? ''}）`;
  return [
    String(i + 1),
    t?.name ?? e.target,
    t?.uscc ?? '',
    [t?.type, t?.creditClass ? `${t.creditClass}级` : ''].filter(Boolean).join(' / '),
    p(e.leader)?.name ?? e.leader,
    e.members
      .filter((m) => m !== e.leader)
      .map(who)
      .join('、'),
  ];
}

/**
 * Operations writing the readable result sheet of a draw (protected; for 公示 unless secret).
 * @example drawResultSheetOps('抽取结果-2025002-001', record, context, entry).at(-1)?.kind // 'protect'
 */
export function drawResultSheetOps(
  sheet: string,
  record: DrawRecord,
  context: DrawContext,
  entry: LogEntry,
  password?: string,
): WorkbookOp[] {
  const { info, digest, header, firstRow } = DRAW_RESULT_LAYOUT;
  const rows = record.result.map((e, i) => drawResultRowCells(i, e, context));
  const last = firstRow + rows.length - 1;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [[drawResultTitle(record, context)]] },
    { kind: 'merge', sheet, address: 'A1:F1' },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14, fontName: '宋体' } },
    {
      kind: 'write',
      sheet,
      address: `A${info}`,
      rows: [[drawResultInfoLine(entry, context)], [`${DRAW_RESULT_DIGEST_PREFIX}${entry.recordDigest}`]],
    },
    { kind: 'merge', sheet, address: `A${info}:F${info}` },
    { kind: 'merge', sheet, address: `A${digest}:F${digest}` },
    { kind: 'write', sheet, address: `A${header}`, rows: [[...DRAW_RESULT_HEADER]] },
    {
      kind: 'style',
      sheet,
      address: `A${header}:F${header}`,
      style: { bold: true, border: true, fill: '#E2EFDA' },
    },
    ...(rows.length
      ? ([
          { kind: 'write', sheet, address: `A${firstRow}`, rows, textColumns: [1, 2, 3, 4, 5] },
          {
            kind: 'style',
            sheet,
            address: `A${firstRow}:F${last}`,
            style: { border: true, wrap: true, vertical: 'middle' },
          },
        ] as WorkbookOp[])
      : []),
    { kind: 'columnWidths', sheet, widths: [6, 40, 22, 18, 10, 40] },
    {
      kind: 'pageSetup',
      sheet,
      setup: {
        orientation: 'landscape',
        paper: 'A4',
        fitToOnePageWide: true,
        printTitleRows: `${header}:${header}`,
      },
    },
    { kind: 'protect', sheet, ...(password ? { password } : {}) },
  ];
}

/**
 * Operations rewriting one target's row after a 递补 (the sheet is unprotected and protected again).
 * @example drawResultRowOps(sheet, 2, team, context)[1].kind // 'write'
 */
export function drawResultRowOps(
  sheet: string,
  index: number,
  team: ResultEntry,
  context: DrawContext,
  password?: string,
): WorkbookOp[] {
  const pw = password ? { password } : {};
  return [
    { kind: 'unprotect', sheet, ...pw },
    {
      kind: 'write',
      sheet,
      address: `A${DRAW_RESULT_LAYOUT.firstRow + index}`,
      rows: [drawResultRowCells(index, team, context)],
      textColumns: [1, 2, 3, 4, 5],
    },
    { kind: 'protect', sheet, ...pw },
  ];
}

function textAt(grid: Grid, row1: number, col0: number): string {
  return cellAt(grid, row1, col0).text;
}

/** Whether the grid's row 3 binds it to some draw (it is one of our result sheets). */
export function isDrawResultSheet(grid: Grid): boolean {
  return textAt(grid, DRAW_RESULT_LAYOUT.digest, 0).trim().startsWith(DRAW_RESULT_DIGEST_PREFIX);
}

/**
 * The result sheet of a draw: the sheet whose row 3 carries its recordDigest, else (when that
 * cell was changed) the sheet named as the draw names it (`抽取结果-计划-任务`, or with `-序号`).
 * @param grids the book's sheets
 * @param digest the draw's recordDigest
 * @param entry the draw's log row (plan, task, seq)
 * @param taken sheets already matched to other draws
 * @returns the grid, or null when there is none
 * @example findDrawResultSheet(grids, d, entry)?.sheet // '抽取结果-2025002-001'
 */
export function findDrawResultSheet(
  grids: readonly Grid[],
  digest: string,
  entry: Pick<LogEntry, 'planNo' | 'taskNo' | 'seq'>,
  taken: ReadonlySet<string> = new Set(),
): Grid | null {
  const free = grids.filter((g) => !taken.has(g.sheet));
  const byDigest = free.find(
    (g) => textAt(g, DRAW_RESULT_LAYOUT.digest, 0).trim() === `${DRAW_RESULT_DIGEST_PREFIX}${digest}`,
  );
  if (byDigest) return byDigest;
  const base = fitSheetName(`${DRAW_RESULT_SHEET_PREFIX}${entry.planNo}-${entry.taskNo}`);
  for (const n of [fitSheetName(`${base}-${entry.seq}`), base]) {
    const g = free.find((x) => x.sheet === n);
    if (g) return g;
  }
  return null;
}

/** What a draw's result sheet must show: the draw, its frozen context and its current teams. */
export type ExpectedDrawResult = {
  seq: number;
  entry: Pick<LogEntry, 'time' | 'seq' | 'seedSource'>;
  record: Pick<DrawRecord, 'task'>;
  digest: string;
  context: DrawContext;
  /** The teams after substitutions; null when they cannot be recomputed (only the header is checked). */
  teams: readonly ResultEntry[] | null;
  hasSubstitutions: boolean;
};

/** A cell of the result sheet that does not show what the draw wrote. */
export type DrawResultMismatch = {
  cell: string;
  row: number;
  col: number;
  code: string;
  expected: string;
  actual: string;
  message: string;
};

function error(sheet: string, m: DrawResultMismatch): Finding {
  return { severity: 'error', code: m.code, sheet, cell: m.cell, message: m.message };
}

/**
 * Compares a result sheet with what its draw wrote, cell by cell: title, info and digest lines,
 * header, every team row, and any text outside what the draw wrote (nothing may be added to it).
 * @param grid the result sheet as read
 * @param expected the draw as verification recomputed it
 * @returns one mismatch per wrong cell (the info line's mismatch comes back for the caller to blame)
 * @example compareDrawResultSheet(grid, expected) // []
 */
export function compareDrawResultSheet(grid: Grid, expected: ExpectedDrawResult): DrawResultMismatch[] {
  const out: DrawResultMismatch[] = [];
  const want = new Map<string, { row: number; col: number; text: string; code: string; label: string }>();
  const put = (row: number, col: number, text: string, code: string, label: string) =>
    want.set(cellAddress(row - 1, col), { row, col, text, code, label });
  const { title, info, digest, header, firstRow } = DRAW_RESULT_LAYOUT;
  put(title, 0, drawResultTitle(expected.record, expected.context), 'RESULT_HEADER', '标题');
  put(info, 0, drawResultInfoLine(expected.entry, expected.context), 'RESULT_HEADER', '抽取信息');
  put(digest, 0, `${DRAW_RESULT_DIGEST_PREFIX}${expected.digest}`, 'RESULT_HEADER', '记录摘要');
  DRAW_RESULT_HEADER.forEach((h, c) => put(header, c, h, 'RESULT_HEADER', '表头'));
  const teams = expected.teams;
  if (teams) {
    teams.forEach((e, i) => {
      const cells = drawResultRowCells(i, e, expected.context);
      const row = firstRow + i;
      const actual = cells.map((_, c) => textAt(grid, row, c));
      if (actual.every((x) => x.trim() === '')) {
        out.push({
          cell: `A${row}`,
          row,
          col: 0,
          code: 'RESULT_ROW_MISSING',
          expected: cells[1]!,
          actual: '',
          message: `第 ${row} 行应为第 ${i + 1} 个检查对象“${cells[1]}”，该行为空：结果行被删除。`,
        });
        cells.forEach((_, c) => want.delete(cellAddress(row - 1, c)));
        return;
      }
      cells.forEach((text, c) => put(row, c, text, 'RESULT_CELL', DRAW_RESULT_HEADER[c]!));
    });
  }
  for (const [cell, w] of want) {
    const actual = textAt(grid, w.row, w.col);
    const same = w.row === digest ? actual.trim() === w.text : actual === w.text;
    if (same) continue;
    const message =
      w.code === 'RESULT_CELL'
        ? `${w.label}应为“${w.text}”，实为“${actual}”：与第 ${expected.seq} 条抽取记录${expected.hasSubstitutions ? '（含递补）' : ''}不符。`
        : `${w.label}应为“${w.text}”，实为“${actual}”：结果工作表被改动过。`;
    out.push({ cell, row: w.row, col: w.col, code: w.code, expected: w.text, actual, message });
  }
  // Anything written where the draw wrote nothing: rows below the teams, columns beside them, the
  // blank cells of the header block. Merged areas show only their top-left cell.
  const top = grid.origin.row;
  const teamsEnd = teams ? firstRow + teams.length - 1 : Number.POSITIVE_INFINITY;
  const extraRows = new Set<number>();
  grid.text.forEach((cells, r) => {
    const row = top + r + 1;
    cells.forEach((text, c) => {
      const col = grid.origin.col + c;
      if (text.trim() === '') return;
      const cell = cellAddress(row - 1, col);
      if (want.has(cell)) return;
      if (!teams && row >= firstRow && col < WIDTH) return; // rows not checked when teams are unknown
      if (row >= firstRow && row <= teamsEnd && col < WIDTH) return; // a deleted row, already reported
      const isExtraRow = row > teamsEnd && col < WIDTH;
      // A row added below the teams is one finding, at its first filled cell.
      if (isExtraRow && extraRows.has(row)) return;
      if (isExtraRow) extraRows.add(row);
      out.push({
        cell,
        row,
        col,
        code: isExtraRow ? 'RESULT_ROW_EXTRA' : 'RESULT_CELL_EXTRA',
        expected: '',
        actual: text,
        message: isExtraRow
          ? `第 ${row} 行不属于第 ${expected.seq} 条抽取的结果（记录只有 ${teams?.length ?? 0} 个检查对象）：结果工作表被添加了内容。`
          : `单元格 ${cell} 应为空，实为“${text}”：结果工作表中添加了抽取时没有写的内容。`,
      });
    });
  });
  return out;
}

/** The mismatches of {@link compareDrawResultSheet} as findings on the sheet. */
export function drawResultFindings(sheet: string, mismatches: readonly DrawResultMismatch[]): Finding[] {
  return mismatches.map((m) => error(sheet, m));
}
