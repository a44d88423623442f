/**
 * Finds the bureau's tables in plain grids by their header rows, wherever they sit: below title
 * rows (单位（盖章）, 制表时间), in one or two header rows with merged cells, above notes
 * (备注：…, 以上为示例…). Nothing is read by position.
 */
import type { CellValue, Grid } from '../grid';
import { cellAddress } from '../grid';
import type { FieldSpec, TableKind, TableSchema } from './tableSchemas';
import { TABLE_SCHEMAS, schemaOf } from './tableSchemas';

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
  /** Text of the rows above the header (title, 单位（盖章）, 制表时间 …), one line per row, top first. */
  titles: string[];
  /** How many known headers matched; higher is surer. */
  score: number;
  /** True when the user said where this table is (a {@link TableChoice}); absent or false when guessed. */
  chosen?: boolean;
  /**
   * A matters list (抽查事项清单) the user named as the plan table (a `plan` choice on a matters
   * header, as 舞钢 2024's 附件1): its rows become the plan's tasks.
   */
  asPlan?: boolean;
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

/** The grid's width: its longest row (rows may be ragged, see Grid). */
function widthOf(text: readonly (readonly string[])[]): number {
  let w = 0;
  for (const row of text) if (row.length > w) w = row.length;
  return w;
}

const filledCache = new WeakMap<Grid, Filled>();

/**
 * Fills every cell of a merged area with its top-left cell, so rows sharing a merged plan cell read
 * alike. Rows without a merged cell are the grid's own (never written to): a 50,000-row directory is
 * not copied, and each grid is filled once however often it is searched.
 */
function filledGrid(grid: Grid): { text: string[][]; values: CellValue[][]; origins: Map<number, { row: number; col: number }> } {
  const cached = filledCache.get(grid);
  if (cached) return cached;
  const text = [...grid.text];
  const values = [...grid.values];
  const origins = new Map<number, { row: number; col: number }>();
  const { row: r0, col: c0 } = grid.origin;
  const width = widthOf(text);
  const copied = new Set<number>();
  for (const m of grid.merges) {
    const tr = m.top - r0;
    const tc = m.left - c0;
    const t = text[tr]?.[tc];
    if (t === undefined) continue;
    const v = values[tr]?.[tc] ?? null;
    // Only cells the grid has are filled: a merged area may reach far beyond the data (A1:XFD1048576).
    for (let r = Math.max(m.top - r0, 0); r <= m.bottom - r0 && r < text.length; r++) {
      if (!text[r]) continue;
      const last = Math.min(m.right - c0, text[r]!.length - 1);
      const from = Math.max(m.left - c0, 0);
      if (from > last) continue;
      if (!copied.has(r)) {
        text[r] = [...text[r]!];
        values[r] = [...(values[r] ?? [])];
        copied.add(r);
      }
      for (let c = from; c <= last; c++) {
        text[r]![c] = t;
        values[r]![c] = v;
        if (r !== tr || c !== tc) origins.set(r * width + c, { row: m.top, col: m.left });
      }
    }
  }
  const filled = { text, values, origins };
  filledCache.set(grid, filled);
  return filled;
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

function matchHeaders(labels: string[], originCol: number, schema: TableSchema, normalized = labels.map(normalizeHeader)): HeaderMatch {
  // Exact matches claim their field first, then containment matches by length.
  const cands: { col: number; field: string; exact: boolean; len: number; label: string }[] = [];
  labels.forEach((label, c) => {
    const m = matchField(normalized[c]!, schema.fields);
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

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function isNoteRow(cells: readonly string[]): boolean {
  // One pass, no arrays: this runs for every data row of a 50,000-row directory.
  let first = '';
  let count = 0;
  let allSame = true;
  for (const cell of cells) {
    const t = cell.trim();
    if (!t) continue;
    if (count === 0) first = t;
    else if (t !== first) allSame = false;
    count++;
  }
  if (count === 0) return false;
  // Every note start is Chinese, and ASCII stays ASCII when normalised: a 序号 or a code is no note.
  if (!isAscii(first) && NOTE_START.test(normalizeHeader(first))) return true;
  // A note typed into one wide merged cell reads the same across every column.
  return count >= 3 && allSame && first.length > 20;
}

type Filled = ReturnType<typeof filledGrid>;

/** One header reading: one row, or two rows where the lower refines the upper. */
function readingAt(filled: Filled, grid: Grid, r: number, two: boolean, schema: TableSchema): Candidate | null {
  if (two && r + 1 >= filled.text.length) return null;
  const labels = headerLabels(filled.text, r, two);
  return labels ? { schema, match: matchHeaders(labels, grid.origin.col, schema), top: r, rows: two ? 2 : 1 } : null;
}

/** The better reading of one row for one schema: one row, or two when the second row earns its place. */
function matchAt(filled: Filled, grid: Grid, r: number, schema: TableSchema, check: (m: HeaderMatch) => boolean): Candidate | null {
  let best: Candidate | null = null;
  for (const two of [false, true]) {
    const c = readingAt(filled, grid, r, two, schema);
    if (c && check(c.match) && (!best || c.match.score > best.match.score)) best = c;
  }
  return best;
}

/** All qualifying readings in the first HEADER_SEARCH_ROWS rows, in reading order (row, one/two rows, schema). */
function scanHeaders(filled: Filled, grid: Grid): Candidate[] {
  const out: Candidate[] = [];
  const limit = Math.min(filled.text.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    for (const two of [false, true]) {
      // As readingAt, with the labels normalised once for all schemas.
      if (two && r + 1 >= filled.text.length) continue;
      const labels = headerLabels(filled.text, r, two);
      if (!labels) continue;
      const normalized = labels.map(normalizeHeader);
      for (const schema of TABLE_SCHEMAS) {
        const match = matchHeaders(labels, grid.origin.col, schema, normalized);
        if (qualifies(match, schema)) out.push({ schema, match, top: r, rows: two ? 2 : 1 });
      }
    }
  }
  return out;
}

/** The first of the highest score: on a tie the upper row, then the schema listed first. */
function bestOf(cands: readonly Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  for (const c of cands) if (!best || c.match.score > best.match.score) best = c;
  return best;
}

/** Reads the data rows under a header, up to the notes. */
const BLANK_CELL: TableCell = Object.freeze({ text: '', value: null });

function readTable(grid: Grid, filled: Filled, best: Candidate): FoundTable {
  const { text, values, origins } = filled;
  const width = widthOf(text);
  const first = best.top + best.rows;
  const rows: TableRow[] = [];
  const notes: string[] = [];
  // Fields and their grid columns as two arrays: this loop runs for every cell of a 50,000-row directory.
  const fields = Object.keys(best.match.columns);
  const cols = fields.map((f) => best.match.columns[f]! - grid.origin.col);
  // Each row's cells start as a copy of one object holding every field: one allocation of the right
  // shape per row, instead of the object growing field by field.
  const blank: Record<string, TableCell> = {};
  for (const f of fields) blank[f] = BLANK_CELL;
  let inNotes = false;
  for (let r = first; r < text.length; r++) {
    const rowText = text[r] ?? [];
    if (inNotes || isNoteRow(rowText)) {
      inNotes = true;
      const line = [...new Set(rowText.map((t) => t.trim()).filter(Boolean))].join(' ');
      if (line) notes.push(line);
      continue;
    }
    const cells: Record<string, TableCell> = { ...blank };
    let any = false;
    const rowValues = values[r];
    for (let k = 0; k < fields.length; k++) {
      const c = cols[k]!;
      const t = rowText[c] ?? '';
      const v = rowValues?.[c] ?? null;
      const from = origins.size ? origins.get(r * width + c) : undefined;
      cells[fields[k]!] = from ? { text: t, value: v, mergedFrom: from } : { text: t, value: v };
      if (!any && t.trim() !== '') any = true;
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
    titles: lineTexts(text.slice(0, best.top)),
    score: best.match.score,
  };
}

/** One line per non-empty row: its distinct cell texts (a merged title repeats across its area). */
function lineTexts(rows: readonly string[][]): string[] {
  return rows.map((cells) => [...new Set(cells.map((t) => t.trim()).filter(Boolean))].join(' ')).filter(Boolean);
}

/**
 * Finds the best table of each sheet.
 * @param grid a sheet's used range
 * @returns the table found, or null when no known header row is in the first 30 rows
 * @example findTable(planGrid)?.kind // 'plan'
 */
export function findTable(grid: Grid): FoundTable | null {
  const filled = filledGrid(grid);
  const best = bestOf(scanHeaders(filled, grid));
  if (!best || isUnderFormTitle(filled, best.top)) return null;
  return readTable(grid, filled, best);
}

/**
 * Whether a title above the header names a form (`部门联合抽查检查情况记录表`): its 单位/姓名/执法证号
 * labels look like an inspector directory's header, but its cells are labels, not people. A form is
 * never guessed as a table; the user can still name it one (findTableAt).
 */
function isUnderFormTitle(filled: Filled, top: number): boolean {
  for (let r = 0; r < top; r++) {
    if ((filled.text[r] ?? []).some((t) => /记录表$/.test(normalizeHeader(t)))) return true;
  }
  return false;
}

/** One reading of a sheet's header rows, for a picker: which kind of table, where, how sure. */
export type HeaderCandidate = {
  kind: TableKind;
  /** 1-based sheet row of the (first) header row. */
  headerRow: number;
  /** How many known headers matched, as {@link FoundTable.score}. */
  score: number;
  /** How many columns of the header row(s) hold text as typed (a merged heading counts once): the table's width. */
  columns: number;
};

/**
 * The best-scoring header readings of a sheet, best first, so that a user can correct a wrong
 * guess. The first is what {@link findTable} reads. One entry per (kind, row).
 * @param grid a sheet's used range
 * @param limit how many to return
 * @returns up to `limit` readings from the first {@link HEADER_SEARCH_ROWS} rows
 * @example headerCandidates(planGrid)[0] // { kind: 'plan', headerRow: 4, score: 9, columns: 9 }
 */
export function headerCandidates(grid: Grid, limit = 5): HeaderCandidate[] {
  const filled = filledGrid(grid);
  const cands = scanHeaders(filled, grid).map((c, i) => ({ c, i }));
  // Stable: ties keep reading order, so the first is findTable's choice; one entry per (kind, row).
  cands.sort((a, b) => b.c.match.score - a.c.match.score || a.i - b.i);
  const seen = new Set<string>();
  const out: HeaderCandidate[] = [];
  for (const { c } of cands) {
    const key = `${c.schema.kind}@${c.top}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (out.length >= limit) break;
    // Counted on the sheet as typed, so that a merged heading counts once.
    const upper = grid.text[c.top] ?? [];
    const lower = c.rows === 2 ? (grid.text[c.top + 1] ?? []) : [];
    const columns = upper.filter((t, i) => t.trim() !== '' || (lower[i] ?? '').trim() !== '').length;
    out.push({ kind: c.schema.kind, headerRow: grid.origin.row + c.top + 1, score: c.match.score, columns });
  }
  return out;
}

/**
 * The columns a kind needs that a header row lacks, as Chinese text for messages (each entry one
 * group of alternatives): why {@link findTableAt} refused the row.
 * @param grid a sheet's used range
 * @param kind what the user says the table is
 * @param headerRow 1-based sheet row of the (first) header row
 * @returns one text per missing group, empty when none is missing
 * @example missingRequiredColumns(planGrid, 'inspectors', 4) // ['姓名', '执法证号或所属单位']
 */
export function missingRequiredColumns(grid: Grid, kind: TableKind, headerRow: number): string[] {
  const schema = schemaOf(kind);
  const filled = filledGrid(grid);
  const r = headerRow - 1 - grid.origin.row;
  const found = r >= 0 && r < filled.text.length ? matchAt(filled, grid, r, schema, () => true)?.match.columns ?? {} : {};
  const label = (field: string) => schema.fields.find((x) => x.field === field)?.label ?? field;
  return schema.requires.filter((group) => !group.some((f) => f in found)).map((group) => group.map(label).join('或'));
}

/**
 * Reads the table of a kind whose header starts on a given row: the user's correction of a guess.
 * Any row of the sheet may be named, also below row 30; the columns the kind cannot do without
 * (its `requires`) must be on that row, or on it and the row below for a two-row header.
 * @param grid a sheet's used range
 * @param kind what the table is
 * @param headerRow 1-based sheet row of the (first) header row
 * @returns the table, or null when the row is outside the sheet or lacks a required column
 * @example findTableAt(grid, 'plan', 7)?.rows.length // 2
 */
export function findTableAt(grid: Grid, kind: TableKind, headerRow: number): FoundTable | null {
  const schema = schemaOf(kind);
  const filled = filledGrid(grid);
  const r = headerRow - 1 - grid.origin.row;
  if (!Number.isInteger(r) || r < 0 || r >= filled.text.length) return null;
  const hasRequired = (m: HeaderMatch) => schema.requires.every((group) => group.some((f) => f in m.columns));
  const best = matchAt(filled, grid, r, schema, hasRequired);
  return best ? { ...readTable(grid, filled, best), chosen: true } : null;
}

/** A `plan` choice whose row is a matters list's header: the matters list is the plan (舞钢 2024 附件1). */
function findMattersAsPlan(grid: Grid, choice: TableChoice): FoundTable | null {
  if (choice.kind !== 'plan') return null;
  const matters = findTableAt(grid, 'matters', choice.headerRow);
  return matters ? { ...matters, asPlan: true } : null;
}

/** A user's correction of a guessed table: the sheet holds a table of `kind` with its header on `headerRow` (1-based), or none. */
export type TableChoice = { sheet: string; kind: TableKind | 'none'; headerRow: number };

/** What {@link resolveTables} read, and the choices it could not honour. */
export type ResolvedTables = {
  tables: FoundTable[];
  /** Choices whose row lacks the kind's required columns; the sheet was guessed instead (`fallback`, or null when nothing was found). */
  invalid: { choice: TableChoice; fallback: FoundTable | null }[];
};

/**
 * Finds the tables of a workbook, honouring the user's choices per sheet (the last choice of a
 * sheet counts). A sheet chosen as `none` is skipped; an invalid choice falls back to the guess
 * and is listed in `invalid`, so that the caller can say so.
 * @param grids the sheets' used ranges
 * @param choices corrections by sheet name
 * @returns the tables, in sheet order, and the choices that could not be honoured
 * @example resolveTables(grids, [{ sheet: '说明', kind: 'none', headerRow: 0 }]).tables.map(t => t.sheet) // ['计划']
 */
export function resolveTables(grids: readonly Grid[], choices: readonly TableChoice[] = []): ResolvedTables {
  const bySheet = new Map(choices.map((c) => [c.sheet, c]));
  const tables: FoundTable[] = [];
  const invalid: ResolvedTables['invalid'] = [];
  for (const g of grids) {
    const choice = bySheet.get(g.sheet);
    if (choice?.kind === 'none') continue;
    const chosen = choice ? (findTableAt(g, choice.kind, choice.headerRow) ?? findMattersAsPlan(g, choice)) : null;
    const t = chosen ?? findTable(g);
    if (choice && !chosen) invalid.push({ choice, fallback: t });
    if (t) tables.push(t);
  }
  return { tables, invalid };
}

/**
 * Finds the tables of a workbook, one per sheet at most, in sheet order.
 * @param grids the sheets' used ranges
 * @param choices the user's corrections by sheet (see {@link resolveTables}); without them every sheet is guessed
 * @returns the tables found
 * @example findTables(grids).map(t => t.kind) // ['plan', 'targets', 'inspectors']
 */
export function findTables(grids: readonly Grid[], choices: readonly TableChoice[] = []): FoundTable[] {
  return resolveTables(grids, choices).tables;
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
