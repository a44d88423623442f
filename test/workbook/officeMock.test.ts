/**
 * The Office adapter's read path against Microsoft's office-addin-mock: a second fake, written by
 * others, for Office.js's load/sync rules. Where a property is read without `load()` or before
 * `sync()`, the mock hands back an error string instead of the value, so a forgotten load shows
 * up as wrong text in the grid.
 *
 * Two things the mock does not do are handled here (docs/decisions.md): it counts nothing, so
 * `sync()` calls are counted by the wrapper; and an object keeps its loaded state for as long as it
 * lives, so every `Excel.run` gets a mock built afresh — otherwise a load made in one run would
 * hide a load missing in the next.
 */
import { OfficeMockObject } from 'office-addin-mock';
// The mock needs only the OfficeApp names from office-addin-manifest, whose full entry pulls in
// ESM-only packages that Jest here does not load; the enum's own module has no dependencies.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));
import type { CellValue } from '../../src/core/grid';
import { createOfficeWorkbook } from '../../src/workbook/office';
import { boxAddress, parseRangeAddress } from '../../src/workbook/rangeAddress';
import type { RangeBox } from '../../src/workbook/rangeAddress';

type MockSheet = { name: string; rows: CellValue[][]; formats?: string[][]; merges?: string[] };

/** What Excel shows for a value in these tests (General and percentages). */
function shown(v: CellValue, format: string): string {
  if (v === null) return '';
  if (typeof v === 'number' && format === '0%') return `${Math.round(v * 100)}%`;
  return String(v);
}

/** A property that Office.js sets on every *OrNullObject proxy at sync, loaded or not. */
function withNullFlag(mock: OfficeMockObject, isNull: boolean): OfficeMockObject {
  Object.defineProperty(mock, 'isNullObject', { value: isNull });
  return mock;
}

/**
 * `Excel.run` over office-addin-mock: a fresh mock workbook per run, whose `context.sync()` syncs
 * every proxy handed out in that run and is counted.
 */
function mockExcel(sheets: MockSheet[]) {
  let syncs = 0;
  const run = async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
    const proxies: OfficeMockObject[] = [];
    const made = (mock: OfficeMockObject) => (proxies.push(mock), mock);
    const rangeOf = (sheet: MockSheet, box: RangeBox) => {
      const grid = <T>(f: (v: CellValue, format: string) => T): T[][] => {
        const out: T[][] = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const row: T[] = [];
          for (let c = box.left; c <= box.right; c++) row.push(f(sheet.rows[r]?.[c] ?? null, sheet.formats?.[r]?.[c] ?? 'General'));
          out.push(row);
        }
        return out;
      };
      const merges = (sheet.merges ?? []).map((m) => parseRangeAddress(m)!).filter((m) => m.top <= box.bottom && m.bottom >= box.top);
      return made(
        new OfficeMockObject({
          address: `${sheet.name}!${boxAddress(box)}`,
          text: grid(shown),
          values: grid((v) => (v === null ? '' : v)),
          numberFormat: grid((_v, f) => f),
          getMergedAreasOrNullObject: () =>
            withNullFlag(made(new OfficeMockObject({ address: merges.map((m) => `${sheet.name}!${boxAddress(m)}`).join(', ') })), merges.length === 0),
        }),
      );
    };
    const worksheetOf = (name: string) => {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw Object.assign(new Error(`no sheet ${name}`), { code: 'ItemNotFound' });
      const height = sheet.rows.length;
      const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 0);
      return made(
        new OfficeMockObject({
          name,
          getRange: (address: string) => rangeOf(sheet, parseRangeAddress(address)!),
          getUsedRangeOrNullObject: () =>
            withNullFlag(
              made(
                new OfficeMockObject({
                  address: height > 0 ? `${name}!${boxAddress({ top: 0, left: 0, bottom: height - 1, right: width - 1 })}` : '',
                  rowCount: height,
                  columnCount: width,
                }),
              ),
              height === 0,
            ),
        }),
      );
    };
    const context = new OfficeMockObject({
      workbook: { worksheets: { getItem: worksheetOf } },
      sync: async () => {
        syncs++;
        for (const p of proxies) await p.sync();
      },
    });
    return batch(context);
  };
  return { run: run as unknown as typeof Excel.run, syncCount: () => syncs };
}

const allApiSets = { isSetSupported: () => true };

describe('the Office adapter on office-addin-mock', () => {
  const sheets: MockSheet[] = [
    {
      name: '计划',
      rows: [
        ['抽查计划', null],
        ['比例', 0.05],
      ],
      formats: [
        ['General', 'General'],
        ['General', '0%'],
      ],
      merges: ['A1:B1'],
    },
    { name: '名录', rows: [['名称', '统一社会信用代码'], ['邢台仁济堂大药房', '91130500MA0XXXXX1X']] },
    { name: '空表', rows: [] },
  ];

  it('reads text, values, formats and merges with every property loaded and synced before use', async () => {
    const excel = mockExcel(sheets);
    const book = createOfficeWorkbook(excel.run, allApiSets);
    const [plan, dir, empty] = await book.readSheets(['计划', '名录', '空表']);
    expect(plan).toEqual({
      sheet: '计划',
      origin: { row: 0, col: 0 },
      text: [
        ['抽查计划', ''],
        ['比例', '5%'],
      ],
      values: [
        ['抽查计划', null],
        ['比例', 0.05],
      ],
      formats: [
        ['General', 'General'],
        ['General', '0%'],
      ],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    });
    expect(dir?.text[1]).toEqual(['邢台仁济堂大药房', '91130500MA0XXXXX1X']);
    expect(empty?.text).toEqual([]);
    // The used ranges, then one chunk for all three sheets.
    expect(excel.syncCount()).toBe(2);
  });

  it('reads the same grids in a second Excel.run, on a fresh mock', async () => {
    const excel = mockExcel(sheets);
    const book = createOfficeWorkbook(excel.run, allApiSets);
    const first = await book.readSheets(['名录']);
    const second = await book.readSheets(['名录']);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).not.toContain('Error,');
  });

  it('shows why each run needs its own mock: a mock keeps what an earlier run loaded', async () => {
    const range = new OfficeMockObject({ text: [['甲']] });
    range.load('text');
    await range.sync();
    // A later run that forgot load() would still see the value on the same mock…
    expect(range.text).toEqual([['甲']]);
    // …whereas a fresh mock reports the missing load.
    expect(new OfficeMockObject({ text: [['甲']] }).text).toBe('Error, property was not loaded');
  });
});
