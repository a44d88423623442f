/** The demo book (buildSampleBook) as the fake host's seed and as .xlsx bytes, for the browser tests. */
import { cellAddress } from '../../src/core/grid';
import { buildSampleBook } from '../../src/core/sample';
import { createMemoryWorkbook } from '../../src/workbook';
import { createXlsxWorkbook } from '../../src/workbook/xlsx';
import type { FakeBookSeed } from './fakeHostEntry';

/** The demo book's sheets as plain values, formats and merges for `window.__SSJ_FAKE_BOOK__`. */
export async function sampleFakeBookSeed(excelApiMinor: number): Promise<FakeBookSeed> {
  const book = createMemoryWorkbook();
  await book.apply(buildSampleBook().ops);
  const infos = await book.listSheets();
  const grids = await book.readSheets(infos.map((s) => s.name));
  return {
    excelApiMinor,
    sheets: grids.map((g, i) => ({
      name: g.sheet,
      rows: g.values,
      at: cellAddress(g.origin.row, g.origin.col),
      ...(g.formats ? { formats: g.formats.map((r) => r.map((f) => f || 'General')) } : {}),
      merges: g.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`),
      visibility: infos[i]?.visibility ?? 'visible',
    })),
  };
}

/** The demo book as .xlsx bytes (ExcelJS), as a bureau would open it. */
export async function sampleXlsxBytes(): Promise<Uint8Array> {
  const book = createXlsxWorkbook();
  await book.apply(buildSampleBook().ops);
  return book.save();
}
