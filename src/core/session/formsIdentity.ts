/**
 * Which draw a record-form sheet belongs to. Every sheet of forms carries, in row 1 beside the
 * printed area, one line naming its draw (log number and the start of its recordDigest); later
 * steps find a draw's forms by it, to regenerate them in place or to mark them out of date after
 * a 递补. The line is outside the print area, so it never reaches paper.
 */
import type { StoredDraw } from '../log';
import type { Grid } from '../grid';
import { cellAddress } from '../grid';
import type { WorkbookOp } from '../workbookOps';
import type { LogBook } from './bookState';

const PREFIX = '双随机抽查助手·记录表：';
const PATTERN = /^双随机抽查助手·记录表：第 (\d+) 条抽取 · ([0-9a-f]{12})/;

/** The identity line of a draw's forms. */
export function formsIdentityText(draw: Pick<StoredDraw, 'seq' | 'entry'>): string {
  return `${PREFIX}第 ${draw.seq} 条抽取 · ${draw.entry.recordDigest.slice(0, 12)}（此行不打印，请勿删除）`;
}

/** Where the identity line of a forms sheet goes: row 1, two columns right of the form. */
export function formsIdentityOps(
  sheet: string,
  formWidth: number,
  draw: Pick<StoredDraw, 'seq' | 'entry'>,
): WorkbookOp[] {
  const address = cellAddress(0, formWidth + 1);
  return [
    { kind: 'write', sheet, address, rows: [[formsIdentityText(draw)]] },
    { kind: 'style', sheet, address, style: { fontSize: 9 } },
  ];
}

/** A forms sheet of the book: its name, its draw and the cell of its identity line. */
export type FormsSheet = { sheet: string; seq: number; digestStart: string; row: number; col: number };

function identityIn(grid: Grid): FormsSheet | null {
  if (grid.origin.row > 0) return null;
  const cells = grid.text[0] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const m = PATTERN.exec(cells[c] ?? '');
    if (m)
      return { sheet: grid.sheet, seq: Number(m[1]), digestStart: m[2]!, row: 0, col: grid.origin.col + c };
  }
  return null;
}

/**
 * The forms sheets of a draw, found by their identity line.
 * @example formsSheetsOf(book, draw).map((f) => f.sheet) // ['记录表-2025002-001']
 */
export function formsSheetsOf(
  book: Pick<LogBook, 'grids'>,
  draw: Pick<StoredDraw, 'seq' | 'entry'>,
): FormsSheet[] {
  const start = draw.entry.recordDigest.slice(0, 12);
  return book.grids.flatMap((g) => {
    const id = identityIn(g);
    return id && id.seq === draw.seq && id.digestStart === start ? [id] : [];
  });
}

/**
 * Operations marking a draw's forms out of date after a 递补 (on screen, beside the form: the
 * printed area is left as it is until the forms are generated again).
 * @example staleFormsOps(book, draw, 5, '张伟 → 李娜').sheets // ['记录表-2025002-001']
 */
export function staleFormsOps(
  book: Pick<LogBook, 'grids'>,
  draw: Pick<StoredDraw, 'seq' | 'entry'>,
  bySeq: number,
  why: string,
): { sheets: string[]; ops: WorkbookOp[] } {
  const found = formsSheetsOf(book, draw);
  const ops = found.flatMap((f): WorkbookOp[] => {
    const address = cellAddress(f.row + 1, f.col);
    return [
      {
        kind: 'write',
        sheet: f.sheet,
        address,
        rows: [
          [`本表已过时：抽取记录第 ${bySeq} 条递补更换了检查人员（${why}）。请重新生成记录表后再打印。`],
        ],
      },
      { kind: 'style', sheet: f.sheet, address, style: { bold: true, fill: '#FFC7CE', wrap: false } },
    ];
  });
  return { sheets: found.map((f) => f.sheet), ops };
}
