import { canonicalJson } from '../../src/core/draw';
import { TASK, run, sampleIo } from './logFixture';

const enc = (s: string) => new TextEncoder().encode(s);

describe('shuangsuiji export-record and replay', () => {
  it('export-record prints the record exactly as digested; replay gives exit 0 and the same text', async () => {
    const io = await sampleIo();
    const drawn = await run(io, 'draw', 'b.xlsx', '--task', TASK, '--json', '-o', 'd.xlsx');
    const record = (JSON.parse(drawn.out) as { record: unknown }).record;
    const ex = await run(io, 'export-record', 'd.xlsx');
    expect(ex.code).toBe(0);
    expect(ex.err).toBe('');
    expect(ex.out.endsWith('\n')).toBe(true);
    expect(ex.out).toBe(`${canonicalJson(record)}\n`);
    const byNumber = await run(io, 'export-record', 'd.xlsx', '--draw', '1');
    expect(byNumber.out).toBe(ex.out);

    io.files.set('/work/rec.json', enc(ex.out));
    const rp = await run(io, 'replay', 'rec.json');
    expect(rp.code).toBe(0);
    expect(rp.out).toBe(ex.out);

    // Without result: the result is recomputed.
    const { result: _drop, ...inputs } = JSON.parse(ex.out) as { result: unknown };
    io.files.set('/work/inputs.json', enc(JSON.stringify(inputs, null, 2)));
    const fromInputs = await run(io, 'replay', 'inputs.json');
    expect(fromInputs.code).toBe(0);
    expect(fromInputs.out).toBe(ex.out);
  });

  it('replay exits 1 when the file has a different result', async () => {
    const io = await sampleIo();
    await run(io, 'draw', 'b.xlsx', '--task', TASK, '-o', 'd.xlsx');
    const ex = await run(io, 'export-record', 'd.xlsx');
    const rec = JSON.parse(ex.out) as { result: { leader: string; members: string[] }[] };
    // Two teams with different leaders (a random seed may give the first two the same one).
    const a = rec.result[0]!;
    const b = rec.result.find((e) => e.leader !== a.leader)!;
    [a.leader, b.leader] = [b.leader, a.leader];
    io.files.set('/work/bad.json', enc(JSON.stringify(rec)));
    const r = await run(io, 'replay', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.out).toBe(ex.out);
    expect(r.err).toMatch(/result 与按 ssj-draw\/1 重算的结果不一致/);
  });

  it('replay exits 2 with one Chinese line for bad JSON, an invalid record or a missing file', async () => {
    const io = await sampleIo();
    io.files.set('/work/x.json', enc('{ "protocol": '));
    const a = await run(io, 'replay', 'x.json');
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/^x\.json 不是有效的 JSON/);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    io.files.set('/work/y.json', enc('{"protocol":"ssj-draw/2"}'));
    const b = await run(io, 'replay', 'y.json');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/^抽取记录无效/);
    expect(b.err.trim().split('\n')).toHaveLength(1);
    expect((await run(io, 'replay', 'none.json')).code).toBe(2);
    expect(a.out + b.out).toBe('');
  });

  it('export-record exits 2 when SEQ is not a draw', async () => {
    const io = await sampleIo();
    await run(
      io,
      'draw',
      'b.xlsx',
      '--task',
      TASK,
      '--commit',
      '2025-03-06 福彩3D 第2025060期 开奖号码：d d d',
      '-o',
      'c.xlsx',
    );
    const r = await run(io, 'export-record', 'c.xlsx', '--draw', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/第 1 条是“承诺”，不是抽取/);
    expect((await run(io, 'export-record', 'c.xlsx')).code).toBe(2);
    expect((await run(io, 'export-record', 'c.xlsx', '--draw', 'abc')).code).toBe(2);
  });
});
