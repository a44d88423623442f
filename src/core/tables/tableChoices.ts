/**
 * The user's corrections of guessed tables ("this sheet's table is a 检查对象名录库 with its header on
 * row 5", "this sheet holds no table"), kept in the very hidden settings sheet so that the add-in,
 * the page and the CLI read the workbook alike. They sit in columns D:F, beside the key/value
 * settings in A:B, which they never touch.
 */
import type { Grid } from '../grid';
import { SETTINGS_SHEET } from '../settingsSheet';
import type { CellInput, WorkbookOp } from '../workbookOps';
import type { TableChoice } from './findTables';
import type { TableKind } from './tableSchemas';
import { TABLE_SCHEMAS } from './tableSchemas';

/** The header of the choices block (D1:F1 of the settings sheet). */
export const TABLE_CHOICES_HEADER = ['工作表', '表格', '表头行'] as const;
/** How a `none` choice is written in the 表格 column. */
export const NO_TABLE_TITLE = '不是表格';
/** 0-based column of 工作表 (D). */
const FIRST_COL = 3;
/**
 * Rows blanked below the list on every save, so that a shorter list leaves no stale entries to
 * read. Reading also stops at the first row without a sheet name, so even a list longer than
 * this is never half-read.
 */
const BLANK_ROWS = 50;

/**
 * The kind a 表格 cell names: the table's Chinese title (`检查对象名录库`), `不是表格`, or the
 * English kind (`targets`, `none`) as the CLI's `--table` takes it.
 * @param s the cell text
 * @returns the kind, or null when the text names none
 * @example tableKindOf('执法检查人员名录库') // 'inspectors'
 */
export function tableKindOf(s: string): TableKind | 'none' | null {
  const t = s.replace(/\s+/g, '');
  if (t === NO_TABLE_TITLE || t === 'none') return 'none';
  const schema = TABLE_SCHEMAS.find((x) => x.title === t || x.kind === t);
  return schema ? schema.kind : null;
}

/**
 * How a kind is written in the 表格 column: its Chinese title, or `不是表格`.
 * @param kind a table kind, or `none`
 * @returns the text stored and shown
 * @example tableKindTitle('plan') // '年度随机抽查工作计划'
 */
export function tableKindTitle(kind: TableKind | 'none'): string {
  return kind === 'none' ? NO_TABLE_TITLE : (TABLE_SCHEMAS.find((x) => x.kind === kind)?.title ?? kind);
}

/** The last choice of each sheet, in the order sheets were first named. */
function lastPerSheet(choices: readonly TableChoice[]): TableChoice[] {
  const bySheet = new Map<string, TableChoice>();
  for (const c of choices) bySheet.set(c.sheet, c);
  return [...bySheet.values()];
}

/**
 * The table choices stored in the settings sheet (columns D:F under 工作表/表格/表头行).
 * Rows that cannot be read (an unknown 表格, a header row that is not a positive whole number)
 * are skipped; the list ends at the first row without a sheet name.
 * @param grid the settings sheet's used range, or undefined when the workbook has none
 * @returns the choices, one per sheet (a later row for the same sheet wins)
 * @example readTableChoices(settingsGrid) // [{ sheet: '计划', kind: 'plan', headerRow: 7 }]
 */
export function readTableChoices(grid: Grid | undefined): TableChoice[] {
  if (!grid) return [];
  const col = FIRST_COL - grid.origin.col;
  if (col < 0) return [];
  const cell = (r: number, c: number): string => (grid.text[r]?.[col + c] ?? '').trim();
  const headerAt = grid.text.findIndex(
    (_, r) => cell(r, 0) === TABLE_CHOICES_HEADER[0] && cell(r, 1) === TABLE_CHOICES_HEADER[1],
  );
  if (headerAt < 0) return [];
  const out: TableChoice[] = [];
  for (let r = headerAt + 1; r < grid.text.length; r++) {
    // The stored name is kept as written: sheet names may begin or end with a space.
    const sheet = grid.text[r]?.[col] ?? '';
    if (sheet === '') break;
    const kind = tableKindOf(cell(r, 1));
    if (!kind) continue;
    const row = Number(cell(r, 2));
    if (kind === 'none') out.push({ sheet, kind, headerRow: Number.isInteger(row) && row > 0 ? row : 0 });
    else if (Number.isInteger(row) && row > 0) out.push({ sheet, kind, headerRow: row });
  }
  return lastPerSheet(out);
}

/**
 * Operations that store the table choices in the settings sheet's columns D:F, replacing the
 * choices stored before and leaving the settings in A:B as they are. An empty list clears the
 * stored choices (and adds nothing to a workbook without a settings sheet).
 * @param choices the choices to keep, one per sheet (a later one for the same sheet wins)
 * @param settingsSheetExists whether `_ssj_settings` is already in the workbook (else it is added, very hidden)
 * @returns the operations
 * @example saveTableChoicesOps([{ sheet: '说明', kind: 'none', headerRow: 0 }], true)
 * // [{ kind: 'write', sheet: '_ssj_settings', address: 'D1', rows: [['工作表','表格','表头行'], ['说明','不是表格',null], [null,null,null], …] }]
 */
export function saveTableChoicesOps(
  choices: readonly TableChoice[],
  settingsSheetExists: boolean,
): WorkbookOp[] {
  const list = lastPerSheet(choices);
  if (list.length === 0 && !settingsSheetExists) return [];
  // null, not '': every adapter clears a cell written as null (Office.js is given '' for it),
  // whereas ExcelJS would keep '' as an empty text cell.
  const rows: CellInput[][] = [
    [...TABLE_CHOICES_HEADER],
    ...list.map((c): CellInput[] => [
      c.sheet,
      tableKindTitle(c.kind),
      c.kind === 'none' ? null : c.headerRow,
    ]),
    ...Array.from({ length: BLANK_ROWS }, (): CellInput[] => [null, null, null]),
  ];
  return [
    ...(settingsSheetExists
      ? []
      : ([{ kind: 'addSheet', sheet: SETTINGS_SHEET, visibility: 'veryHidden' }] as WorkbookOp[])),
    { kind: 'write', sheet: SETTINGS_SHEET, address: 'D1', rows, textColumns: [0] },
  ];
}
