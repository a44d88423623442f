/**
 * 乌鲁木齐县 2023 (seed 002, 四（二）抽查留痕): "在现场随机抽查结束后的24小时内将抽查情况报乌鲁木齐县医疗保障局".
 * On the fixture urumqi-2023-reports.xlsx, whose bureau settings hold 检查结果上报时限（小时） 24, a clerk draws,
 * adds the 检查结果登记表, types the results with their 上报时间 and runs `publish`, which lists the late
 * and missing reports; without the setting nothing is checked against a limit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { saveSettingsOps } from '../../src/core/plan';
import type { CellInput } from '../../src/core/workbookOps';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { URUMQI_SETTINGS } from '../fixtures/buildFixtureBooks';
import type { FakeIo } from './fakeIo';
import { createFakeIo } from './fakeIo';
import { run } from './logFixture';

const BOOK = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'urumqi-2023-reports.xlsx')));
const REGISTER = '检查结果-2023001-001-1';

/** A date-time cell as Excel keeps it: days since 1899-12-30 plus the fraction of the day. */
const at = (serialDay: number, hour: number, minute = 0): CellInput => ({
  value: serialDay + (hour * 60 + minute) / 1440,
  format: 'yyyy-mm-dd hh:mm',
});
/** 2023-05-10 … 2023-05-12 as date cells. */
const MAY_10 = 45056;
const day = (serialDay: number): CellInput => ({ value: serialDay, format: 'yyyy-mm-dd' });

/** 检查结果, 检查日期, 上报时间, 后续处置 of the five drawn pharmacies, one way of reporting each. */
const RESULTS: CellInput[][] = [
  [1, day(MAY_10), at(MAY_10, 18), '无需后续处置'], // the same evening: in time
  [1, day(MAY_10), at(MAY_10 + 2, 9), '无需后续处置'], // two days on: late
  [5, day(MAY_10 + 1), null, '责令改正'], // no 上报时间
  [1, day(MAY_10 + 2), '2023-05-11 10:00', '无需后续处置'], // the day before the check
  [1, day(MAY_10 + 2), '下午', '无需后续处置'], // not a time
];

/** Draws task 2023001/001 (5 of the 10 pharmacies), adds its 检查结果登记表 and types RESULTS into it. */
async function reportedBook(): Promise<FakeIo> {
  const io = createFakeIo({ '/work/u.xlsx': BOOK });
  io.now = () => new Date('2023-05-08T10:00:00+08:00');
  expect((await run(io, 'draw', 'u.xlsx', '--task', '2023001/001', '-o', 'd.xlsx')).code).toBe(0);
  expect((await run(io, 'results', 'd.xlsx', '-o', 'r.xlsx')).code).toBe(0);
  const book = await openXlsxWorkbook(io.files.get('/work/r.xlsx')!, 'r.xlsx');
  await book.apply([{ kind: 'write', sheet: REGISTER, address: 'D5', rows: RESULTS }]);
  io.files.set('/work/f.xlsx', await book.save());
  io.now = () => new Date('2023-05-20T10:00:00+08:00');
  return io;
}

type PublishDoc = { findings: { code: string; severity: string; sheet: string; cell: string; message: string }[] };

describe('shuangsuiji publish on 乌鲁木齐 2023 (results reported within 24 hours)', () => {
  it('lists each late, missing, early and unreadable 上报时间 at its cell', async () => {
    const io = await reportedBook();
    const p = await run(io, 'publish', 'f.xlsx', '--json');
    expect(p.code).toBe(1);
    const { findings } = JSON.parse(p.out) as PublishDoc;
    expect(findings.map((f) => `${f.severity} ${f.code}@${f.sheet}!${f.cell}`)).toEqual([
      `warning RESULTS_REPORT_LATE@${REGISTER}!F6`,
      `warning RESULTS_REPORT_MISSING@${REGISTER}!F7`,
      `error RESULTS_REPORT_BEFORE_CHECK@${REGISTER}!F8`,
      `error RESULTS_REPORT_TIME_INVALID@${REGISTER}!F9`,
    ]);
    expect(findings[0]!.message).toMatch(/于 2023-05-10 检查，2023-05-12 09:00 才上报，超过本局要求的检查后 24 小时/);
    expect(findings[1]!.message).toMatch(/已有检查结果（检查日期 2023-05-11），但上报时间为空：本局要求检查后 24 小时内上报/);
    expect(findings[2]!.message).toMatch(/上报时间 2023-05-11 10:00 早于检查日期 2023-05-12/);
    expect(findings[3]!.message).toMatch(/上报时间“下午”不是有效时间/);
  });

  it('says how many reports were late or missing, against the bureau’s limit', async () => {
    const io = await reportedBook();
    const p = await run(io, 'publish', 'f.xlsx');
    expect(p.out).toContain('上报时间（本局要求检查后 24 小时内上报）：逾期 1 个，未填 1 个。');
    expect(p.out).toContain(`[警告] ${REGISTER}!F6`);
  });

  it('checks no limit when the bureau has none: only the unreadable time remains', async () => {
    const io = await reportedBook();
    const book = await openXlsxWorkbook(io.files.get('/work/f.xlsx')!, 'f.xlsx');
    const { reportHours: _none, ...withoutLimit } = URUMQI_SETTINGS;
    await book.apply(saveSettingsOps(withoutLimit, true));
    io.files.set('/work/g.xlsx', await book.save());
    const p = await run(io, 'publish', 'g.xlsx', '--json');
    const { findings } = JSON.parse(p.out) as PublishDoc;
    expect(findings.map((f) => f.code)).toEqual(['RESULTS_REPORT_TIME_INVALID']);
    const text = await run(io, 'publish', 'g.xlsx', '-o', 'g2.xlsx');
    expect(text.out).not.toContain('上报时间（本局要求');
  });
});
