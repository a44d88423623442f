import { runCli } from '../../src/cli';
import type { Grid } from '../../src/core/grid';
import { buildSampleBook } from '../../src/core/sample';
import type { CellInput, WorkbookOp } from '../../src/core/workbookOps';
import { createXlsxWorkbook, openXlsxWorkbook } from '../../src/workbook/xlsx';
import type { FakeIo } from './fakeIo';
import { createFakeIo } from './fakeIo';

export const TASK = '2025002/001';
export const RESULT = '抽取结果-2025002-001';

/** A new .xlsx book made of `ops`, as bytes. */
export async function bookBytes(ops: WorkbookOp[]): Promise<Uint8Array> {
  const book = createXlsxWorkbook();
  await book.apply(ops);
  return book.save();
}

let sample: Uint8Array | null = null;

/** The sample bureau book as .xlsx bytes (built once). */
export async function sampleBytes(): Promise<Uint8Array> {
  sample ??= await bookBytes(buildSampleBook().ops);
  return sample;
}

/** Runs one command line on the fake io and returns its exit code with what it printed. */
export async function run(
  io: FakeIo,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  io.out = '';
  io.err = '';
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err };
}

/** A fake io holding the sample book at /work/b.xlsx. */
export async function sampleIo(randomFill = 7): Promise<FakeIo> {
  return createFakeIo({ '/work/b.xlsx': Uint8Array.from(await sampleBytes()) }, randomFill);
}

/** One sheet's grid of a saved book. */
export async function sheetGrid(bytes: Uint8Array, sheet: string): Promise<Grid> {
  const book = await openXlsxWorkbook(bytes, 'x.xlsx');
  const [grid] = await book.readSheets([sheet]);
  return grid!;
}

/** Text of a 1-based row of a grid (columns from A). */
export function rowText(grid: Grid, row1: number, width = 14): string[] {
  const r = grid.text[row1 - 1 - grid.origin.row] ?? [];
  return Array.from({ length: width }, (_, c) => r[c - grid.origin.col] ?? '');
}

/**
 * Edits a saved book the way a person would by hand: unprotect the sheet, write, protect again
 * (unless `keepUnprotected`). `edit` gets the sheet's grid and returns the writes.
 */
export async function tamper(
  bytes: Uint8Array,
  sheet: string,
  edit: (grid: Grid) => { address: string; rows: CellInput[][] }[],
  keepUnprotected = false,
): Promise<Uint8Array> {
  const book = await openXlsxWorkbook(bytes, 'x.xlsx');
  const [grid] = await book.readSheets([sheet]);
  const ops: WorkbookOp[] = [
    { kind: 'unprotect', sheet },
    ...edit(grid!).map((w): WorkbookOp => ({ kind: 'write', sheet, address: w.address, rows: w.rows })),
    ...(keepUnprotected ? [] : [{ kind: 'protect', sheet } as WorkbookOp]),
  ];
  await book.apply(ops);
  return book.save();
}
