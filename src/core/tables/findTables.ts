/**
 * Finds the bureau's tables in plain grids by their header rows, wherever they sit: below title
 * rows (单位（盖章）, 制表时间), in one or two header rows with merged cells, above notes
 * (备注：…, 以上为示例…). Nothing is read by position.
 */
import type { CellValue, Grid } from '../grid';
import { cellAddress } from '../grid';
import type { FieldSpec, TableKind, TableSchema } from './tableSchemas';
import { TABLE_SCHEMAS } from './tableSchemas';

/** How many rows from the top a header may start at. */
export const HEADER_SEARCH_ROWS = 30;

export type TableCell = {
  text: string;
  value: CellValue;
  /** For a cell inside a merged area: the area's top-left (0-based sheet row/col), where the value lives. */
  mergedFrom?: { row: number; col: number };
};

export type TableRow = {
  /** 0-based sheet row. */
  row: number;
  /** Cells by field name; a field's cell is absent when its column is not in the table. */
  cells: Record<string, TableCell>;
};

export type FoundTable = {
  kind: TableKind;
  sheet: string;
  /** 1-based sheet row of the first and last header row. */
  headerRow: number;
  headerRows: number;
  /** 0-based sheet column of each field found. */
  columns: Record<string, number>;
  /** Header text of each field found, as the user wrote it. */
  headers: Record<string, string>;
  rows: TableRow[];
  /** Text of the note rows below the table (备注、以上为示例 …). */
  notes: string[];
  /** How many known headers matched; higher is surer. */
  score: number;
};

/**
 * A header as compared: NFKC (full-width → half-width), no white space or line breaks, no marks
 * such as `*` or a trailing colon.
 * @example normalizeHeader('统一社会\n信用代码 *') // '统一社会信用代码'
 */
export function normalizeHeader(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000\u200b\ufeff]+/g, '')
    .replace(/[*＊:：]/g, '')
    .replace(/\((必填|选填)\)$/, '');
}

const NOTE_START = /^(备注|说明|注[:：]|注\d|以上为示例|以上|联系人|联系电话|电话|制表|填表|审核|单位\(盖章\)|上报日期)/;

/** Fills every cell of a merged area with its top-left cell, so rows sharing a merged plan cell read alike. */
function filledGrid(grid: Grid): { text: string[][]; values: CellValue[][]; origins: Map<number, { row: number; col: number }> } {
  const text = grid.text.map((r) => [...r]);
  const values = grid.values.map((r) => [...r]);
  const origins = new Map<number, { row: number; col: number }>();
  const { row: r0, col: c0 } = grid.origin;
  const width = text[0]?.length ?? 0;
  for (const m of grid.merges) {
    const tr = m.top - r0;
    const tc = m.left - c0;
    const t = text[tr]?.[tc];
    if (t === undefined) continue;
    const v = values[tr]?.[tc] ?? null;
    for (let r = Math.max(m.top - r0, 0); r <= m.bottom - r0 && r < text.length; r++) {
      for (let c = Math.max(m.left - c0, 0); c <= m.right - c0; c++) {
        if (text[r] && c < text[r]!.length) {
          text[r]![c] = t;
          values[r]![c] = v;
          if (r !== tr || c !== tc) origins.set(r * width + c, { row: m.top, col: m.left });
        }
      }
    }
  }
  return { text, values, origins };
}

function matchField(header: string, fields: readonly FieldSpec[]): { field: string; exact: boolean; len: number } | null {
  let best: { field: string; exact: boolean; len: number } | null = null;
  if (!header) return null;
  for (const f of fields) {
    for (const syn of f.synonyms) {
      const exact = header === syn;
      if (!exact && !header.includes(syn)) continue;
      const cand = { field: f.field, exact, len: syn.length };
      if (!best || (cand.exact && !best.exact) || (cand.exact === best.exact && cand.len > best.len)) best = cand;
    }
  }
  return best;
}

type HeaderMatch = { columns: Record<string, number>; headers: Record<string, string>; score: number };

function matchHeaders(labels: string[], originCol: number, schema: TableSchema): HeaderMatch {
  // Exact matches claim their field first, then containment matches by length.
  const cands: { col: number; field: string; exact: boolean; len: number; label: string }[] = [];
  labels.forEach((label, c) => {
    const m = matchField(normalizeHeader(label), schema.fields);
    if (m) cands.push({ col: c, ...m, label });
  });
  cands.sort((a, b) => Number(b.exact) - Number(a.exact) || b.len - a.len || a.col - b.col);
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const usedCols = new Set<number>();
  for (const c of cands) {
    if (c.field in columns || usedCols.has(c.col)) continue;
    columns[c.field] = originCol + c.col;
    headers[c.field] = c.label.replace(/\s+/g, ' ').trim();
    usedCols.add(c.col);
  }
  return { columns, headers, score: Object.keys(columns).length };
}

function qualifies(m: HeaderMatch, schema: TableSchema): boolean {
  if (m.score < 2) return false;
  if (schema.excludes?.some((f) => f in m.columns)) return false;
  return schema.requires.every((group) => group.some((f) => f in m.columns));
}

type Candidate = { schema: TableSchema; match: HeaderMatch; top: number; rows: 1 | 2 };

/** The labels of a one- or two-row header: a lower cell refines a merged group heading above it. */
function headerLabels(text: string[][], r: number, two: boolean): string[] | null {
  const upper = text[r] ?? [];
  if (!two) return upper;
  const lower = text[r + 1] ?? [];
  let fromUpper = 0;
  let fromLower = 0;
  const labels = upper.map((u, c) => {
    const l = lower[c] ?? '';
    if (l && l !== u) {
      fromLower++;
      return l;
    }
    if (u) fromUpper++;
    return u;
  });
  // Two rows only when each contributes: otherwise it is a title above, or data below, one header row.
  return fromUpper > 0 && fromLower > 0 ? labels : null;
}

function isNoteRow(cells: string[]): boolean {
  const nonEmpty = cells.map((t) => t.trim()).filter(Boolean);
  if (nonEmpty.length === 0) return false;
  const first = normalizeHeader(nonEmpty[0]!);
  if (NOTE_START.test(first)) return true;
  // A note typed into one wide merged cell reads the same across every column.
  return nonEmpty.length >= 3 && nonEmpty.every((t) => t === nonEmpty[0]) && nonEmpty[0]!.length > 20;
}

/**
 * Finds the best table of each sheet.
 * @param grid a sheet's used range
 * @returns the table found, or null when no known header row is in the first 30 rows
 * @example findTable(planGrid)?.kind // 'plan'
 */
export function findTable(grid: Grid): FoundTable | null {
  const { text, values, origins } = filledGrid(grid);
  const width = text[0]?.length ?? 0;
  const limit = Math.min(text.length, HEADER_SEARCH_ROWS);
  let best: Candidate | null = null;
  for (let r = 0; r < limit; r++) {
    for (const two of [false, true]) {
      if (two && r + 1 >= text.length) continue;
      const labels = headerLabels(text, r, two);
      if (!labels) continue;
      for (const schema of TABLE_SCHEMAS) {
        const match = matchHeaders(labels, grid.origin.col, schema);
        if (!qualifies(match, schema)) continue;
        // A two-row header must earn its second row.
        if (two && best && best.top === r && best.schema === schema && match.score <= best.match.score) continue;
        if (!best || match.score > best.match.score) best = { schema, match, top: r, rows: two ? 2 : 1 };
      }
    }
  }
  if (!best) return null;
  const first = best.top + best.rows;
  const rows: TableRow[] = [];
  const notes: string[] = [];
  const fieldCols = Object.entries(best.match.columns);
  let inNotes = false;
  for (let r = first; r < text.length; r++) {
    const rowText = text[r] ?? [];
    if (inNotes || isNoteRow(rowText)) {
      inNotes = true;
      const line = [...new Set(rowText.map((t) => t.trim()).filter(Boolean))].join(' ');
      if (line) notes.push(line);
      continue;
    }
    const cells: Record<string, TableCell> = {};
    let any = false;
    for (const [field, col] of fieldCols) {
      const c = col - grid.origin.col;
      const t = rowText[c] ?? '';
      const v = values[r]?.[c] ?? null;
      const from = origins.get(r * width + c);
      cells[field] = from ? { text: t, value: v, mergedFrom: from } : { text: t, value: v };
      if (t.trim() !== '') any = true;
    }
    if (any) rows.push({ row: grid.origin.row + r, cells });
  }
  return {
    kind: best.schema.kind,
    sheet: grid.sheet,
    headerRow: grid.origin.row + best.top + 1,
    headerRows: best.rows,
    columns: best.match.columns,
    headers: best.match.headers,
    rows,
    notes,
    score: best.match.score,
  };
}

/**
 * Finds the tables of a workbook, one per sheet at most, in sheet order.
 * @param grids the sheets' used ranges
 * @returns the tables found
 * @example findTables(grids).map(t => t.kind) // ['plan', 'targets', 'inspectors']
 */
export function findTables(grids: readonly Grid[]): FoundTable[] {
  const out: FoundTable[] = [];
  for (const g of grids) {
    const t = findTable(g);
    if (t) out.push(t);
  }
  return out;
}

/**
 * The A1 address of a field's cell in a table row (the top-left of its merged area, where the value is edited).
 * @example fieldAddress(table, row, 'planName') // 'B4'
 */
export function fieldAddress(table: FoundTable, row: TableRow, field: string): string {
  const from = row.cells[field]?.mergedFrom;
  if (from) return cellAddress(from.row, from.col);
  const col = table.columns[field];
  return col === undefined ? '' : cellAddress(row.row, col);
}
