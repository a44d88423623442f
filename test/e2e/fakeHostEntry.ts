/**
 * Test-only: a fake Office host for taskpane.html, bundled by buildOnce.ts and injected with
 * page.addInitScript before the page loads. `window.__SSJ_FAKE_BOOK__` (set just before this
 * script) holds the sheets to seed; `Excel.run` is test/workbook/fakeExcel.ts's, so the real Office
 * adapter (createOfficeWorkbook) runs against Office's batching rules in the browser.
 */
import type { CellValue } from '../../src/core/grid';
import { FakeExcel } from '../workbook/fakeExcel';

export type FakeBookSeed = {
  excelApiMinor: number;
  sheets: { name: string; rows: CellValue[][]; at: string; formats?: string[][]; merges: string[]; visibility?: 'visible' | 'hidden' | 'veryHidden' }[];
};

// Office and Excel are typed by @types/office-js; the fake only has the slice the pane uses.
type HostWindow = {
  __SSJ_FAKE_BOOK__?: FakeBookSeed;
  __SSJ_FAKE__?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
};

const host = globalThis as unknown as HostWindow;
const seed = host.__SSJ_FAKE_BOOK__ ?? { excelApiMinor: 13, sheets: [] };
const fake = new FakeExcel({ excelApiMinor: seed.excelApiMinor });
for (const s of seed.sheets) {
  fake.seed(s.name, s.rows, { at: s.at, merges: s.merges, ...(s.formats ? { formats: s.formats } : {}), ...(s.visibility ? { visibility: s.visibility } : {}) });
}
const info = { host: 'Excel', platform: 'PC' };
host.Office = {
  onReady: (callback?: (i: typeof info) => void) => {
    callback?.(info);
    return Promise.resolve(info);
  },
  HostType: { Excel: 'Excel' },
  context: { requirements: fake.requirements },
};
host.Excel = { run: fake.run };
host.__SSJ_FAKE__ = fake;
