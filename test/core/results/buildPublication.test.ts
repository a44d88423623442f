import { buildPublicationRows, readResults, toCsv } from '../../../src/core/results';
import { nextFreeSheetName } from '../../../src/core/sheetNames';
import { addResultsSheet, dateCell, drawnBook, enter, makeDraw, TODAY } from './resultsFixture';

describe('toCsv', () => {
  it('prefixes cells starting with = + - @ with a single quote so spreadsheets do not run them', () => {
    const csv = toCsv([['=1+1', '+86', '-x', '@SUM(A1)', '正常']], ['a', 'b', 'c', 'd', 'e']);
    expect(csv).toBe("\uFEFFa,b,c,d,e\r\n'=1+1,'+86,'-x,'@SUM(A1),正常\r\n");
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(toCsv([['甲,乙', '说"明"', '一\n二']], ['x', 'y', 'z'])).toBe('\uFEFFx,y,z\r\n"甲,乙","说""明""","一\n二"\r\n');
  });
});

describe('nextFreeSheetName', () => {
  it('returns the name when it is free and numbers it when taken, ignoring case', () => {
    expect(nextFreeSheetName('校验结果', [])).toBe('校验结果');
    expect(nextFreeSheetName('Results', ['results', 'Results (2)'])).toBe('Results (3)');
  });

  it('keeps numbered names within 31 characters', () => {
    const long = 'x'.repeat(31);
    expect(nextFreeSheetName(long, [long])).toHaveLength(31);
  });
});

describe('buildPublicationRows', () => {
  it('fills 检查结果 with the meaning and 检查日期 from the results sheet; targets without a result stay blank', async () => {
    const { book, draws } = await drawnBook();
    const sheet = await addResultsSheet(book, draws[0]!);
    await enter(book, sheet, 0, [1, dateCell('2025-06-03'), '无需后续处置']);
    await enter(book, sheet, 1, [5, dateCell('2025-06-04'), '责令改正']);
    await enter(book, sheet, 2, [12, dateCell('2025-06-04')]);
    const grids = await book.readSheets((await book.listSheets()).map((s) => s.name));
    const rows = buildPublicationRows(draws, readResults(grids, draws, { today: TODAY }));
    expect(rows).toHaveLength(draws[0]!.teams.length);
    expect(rows[0]!.slice(0, 2)).toEqual(['2025年邢台市医疗保障局随机抽查002', '2025年邢台市医疗保障局、市场监督管理局定点零售药店第一批部门联合“双随机”抽查']);
    expect(rows[0]!.slice(4, 6)).toEqual(['未发现问题', '2025-06-03']);
    expect(rows[0]![7]).toBe('无需后续处置');
    expect(rows[1]!.slice(4, 6)).toEqual(['发现问题已责令整改', '2025-06-04']);
    // An invalid code is not published.
    expect(rows[2]!.slice(4, 6)).toEqual(['', '']);
    expect(rows[3]!.slice(4, 8)).toEqual(['', '', expect.stringMatching(/医疗保障局/), '']);
    expect(buildPublicationRows(draws).every((r) => r[4] === '' && r[5] === '')).toBe(true);
  });

  it('leaves out secret (涉密) and voided draws', () => {
    const draws = [
      makeDraw(1, '2025-04-01', [{ target: 'A', depts: ['医保'] }]),
      makeDraw(2, '2025-04-02', [{ target: 'B', depts: ['医保'] }], { isSecret: true }),
      makeDraw(3, '2025-04-03', [{ target: 'C', depts: ['医保'] }], { voided: true }),
    ];
    expect(buildPublicationRows(draws).map((r) => r[2])).toEqual(['对象A']);
  });

  it('becomes a CSV whose formula-like names are neutralised', () => {
    const draws = [makeDraw(1, '2025-04-01', [{ target: 'X', depts: ['医保'] }])];
    const rows = buildPublicationRows(draws).map((r): typeof r => ['=HYPERLINK("x")', ...r.slice(1)] as typeof r);
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF抽查计划,任务,检查对象,统一社会信用代码,检查结果,检查日期,检查机关,后续处置\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
