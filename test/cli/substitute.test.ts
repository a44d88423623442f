import { substitute } from '../../src/core/draw';
import type { DrawRecord, SubstitutionRecord } from '../../src/core/draw';
import { LOG_SHEET } from '../../src/core/log';
import type { DrawContext } from '../../src/core/log';
import { RESULT, TASK, run, rowText, sampleIo, sheetGrid } from './logFixture';

describe('shuangsuiji substitute', () => {
  it('substitutes a leader and a member by the protocol, logs both, updates the result sheet, and verifies', async () => {
    const io = await sampleIo();
    const drawn = await run(io, 'draw', 'b.xlsx', '--task', TASK, '--json', '-o', 'd.xlsx');
    expect(drawn.code).toBe(0);
    const record = (JSON.parse(drawn.out) as { record: DrawRecord }).record;
    const exported = await run(io, 'export-record', 'd.xlsx');
    expect(JSON.parse(exported.out)).toEqual(JSON.parse(JSON.stringify(record)));

    // 1. The leader of the first target, named by ids.
    const first = record.result[0]!;
    const s1 = await run(
      io,
      'substitute',
      'd.xlsx',
      '--draw',
      '1',
      '--target',
      first.target,
      '--out',
      first.leader,
      '--reason',
      '因病无法参加',
      '--json',
      '-o',
      's1.xlsx',
    );
    expect(s1.code).toBe(0);
    const got1 = JSON.parse(s1.out) as { seq: number; substitution: SubstitutionRecord };
    const want1 = substitute(record, { target: first.target, out: first.leader, reason: '因病无法参加' });
    expect(want1.ok).toBe(true);
    if (!want1.ok) return;
    expect(got1.seq).toBe(2);
    expect(got1.substitution).toEqual(want1.substitution);

    // 2. A member of the second target, the target named by its name (as the clerk sees it).
    const second = record.result[1]!;
    const member = second.members.find((m) => m !== second.leader)!;
    const logBefore = await sheetGrid(io.files.get('/work/s1.xlsx')!, RESULT);
    const targetName = rowText(logBefore, 6, 6)[1]!;
    const s2 = await run(
      io,
      'substitute',
      's1.xlsx',
      '--draw',
      '1',
      '--target',
      targetName,
      '--out',
      member,
      '--reason',
      '需回避',
      '-o',
      's2.xlsx',
    );
    expect(s2.code).toBe(0);
    expect(s2.out).toMatch(/经随机递补由 .+ 替换（第 1 条抽取）/);
    const want2 = substitute(record, { target: second.target, out: member, reason: '需回避' }, [
      want1.substitution,
    ]);
    expect(want2.ok).toBe(true);
    if (!want2.ok) return;
    const again = await run(
      io,
      'substitute',
      's1.xlsx',
      '--draw',
      '1',
      '--target',
      targetName,
      '--out',
      member,
      '--reason',
      '需回避',
      '--json',
      '-o',
      's2b.xlsx',
    );
    expect((JSON.parse(again.out) as { substitution: SubstitutionRecord }).substitution).toEqual(
      want2.substitution,
    );

    const bytes = io.files.get('/work/s2.xlsx')!;
    const log = await sheetGrid(bytes, LOG_SHEET);
    expect(rowText(log, 6)[2]).toBe('递补');
    expect(rowText(log, 7)[2]).toBe('递补');
    expect(rowText(log, 7)[7]).toBe('1');
    // The result sheet shows the new teams.
    const sheet = await sheetGrid(bytes, RESULT);
    const ctx = (JSON.parse(await exportContext(io, 's2.xlsx')) as { context: DrawContext }).context;
    expect(rowText(sheet, 5, 6)[4]).toBe(ctx.inspectors[want1.entry.leader]!.name);
    expect(rowText(sheet, 6, 6)[5]).toContain(ctx.inspectors[want2.substitution.replacement]!.name);

    const v = await run(io, 'verify', 's2.xlsx');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/验证通过：3 条记录/);
    // The input files were not touched.
    expect(io.files.has('/work/s2.substitute.xlsx')).toBe(false);
  });

  it('exits 2 for an unknown target, a non-draw entry or missing options, and writes nothing', async () => {
    const io = await sampleIo();
    expect((await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd.xlsx')).code).toBe(0);
    const before = [...io.files.keys()];
    const a = await run(
      io,
      'substitute',
      'd.xlsx',
      '--draw',
      '1',
      '--target',
      '不存在的药店',
      '--out',
      'x',
      '--reason',
      'r',
    );
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/没有检查对象“不存在的药店”/);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    const b = await run(
      io,
      'substitute',
      'd.xlsx',
      '--draw',
      '9',
      '--target',
      'x',
      '--out',
      'x',
      '--reason',
      'r',
    );
    expect(b.code).toBe(2);
    const c = await run(io, 'substitute', 'd.xlsx', '--draw', '1', '--target', 'x', '--out', 'x');
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/缺少 --reason/);
    expect([...io.files.keys()]).toEqual(before);
  });
});

/** The stored 抽取 data (record + context) of entry 1, read through the xlsx adapter. */
async function exportContext(io: Awaited<ReturnType<typeof sampleIo>>, book: string): Promise<string> {
  const g = await sheetGrid(io.files.get(`/work/${book}`)!, '_ssj_data');
  let text = '';
  for (let r = 2; r <= g.origin.row + g.text.length; r++) {
    const row = rowText(g, r, 4);
    if (row[0] === '1') text += g.values[r - 1 - g.origin.row]![3 - g.origin.col] as string;
  }
  return text;
}
