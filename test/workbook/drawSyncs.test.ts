import { readBookState } from '../../src/workbook';
import { buildSampleBook } from '../../src/core/sample';
import { makeDraw, planDraw } from '../../src/core/session';
import { officeOnFake } from './officeOnFake';

/**
 * Reads a sample book of `targets` rows through the Office adapter, draws 5 % of a task
 * and logs it (`draws` times, one task after another); counts the syncs of the last draw.
 */
async function drawAndLog(targets: number, draws = 1) {
  const { fake, book: port } = officeOnFake();
  await port.apply(buildSampleBook({ targets }).ops);
  let out = { readSyncs: 0, writeSyncs: 0, drawn: 0, maxRequest: 0 };
  for (let i = 0; i < draws; i++) {
    fake.resetSyncs();
    const state = await readBookState(port);
    const readSyncs = fake.syncCount;
    const task = { ...state.report.tasks[i]!, taskType: 'undirected' as const, ratio: { kind: 'plain' as const, basisPoints: 500 } };
    const seed = { source: 'local' as const, hex: String(11 + i).repeat(32) };
    const drawn = makeDraw(state, planDraw(state, task, {}, 46000), seed, { time: '2025-12-09T10:00:00+08:00', operator: '测试' });
    if (!drawn.ok) throw new Error(drawn.refusal ? JSON.stringify(drawn.refusal) : drawn.failure.message);
    fake.resetSyncs();
    await port.apply(drawn.ops);
    out = { readSyncs, writeSyncs: fake.syncCount, drawn: drawn.record.result.length, maxRequest: Math.max(...fake.syncs.map((s) => s.requestBytes)) };
  }
  return out;
}

describe('a draw logged through the Office adapter', () => {
  it('takes the same number of sync() calls for ~1,000 targets from 20,000 rows as for 5 from 100', async () => {
    const small = await drawAndLog(100);
    const large = await drawAndLog(20_000);
    expect(small.drawn).toBe(5);
    // 5 % of the 20,000 less the few left out by policy (注销, recently inspected).
    expect(large.drawn).toBeGreaterThan(990);
    expect(large.writeSyncs).toBe(small.writeSyncs);
    expect(large.maxRequest).toBeLessThan(5_000_000);
    // Reading 20,000 rows may add payload chunks, never one sync per row.
    expect(large.readSyncs).toBeLessThan(small.readSyncs + 10);
  });

  it('appends a later draw to the protected log in the same few syncs for 20,000 rows as for 100', async () => {
    const small = await drawAndLog(100, 2);
    const large = await drawAndLog(20_000, 2);
    expect(large.writeSyncs).toBe(small.writeSyncs);
    // Preconditions (with the cells it overwrites), unprotect, writes, the chain head read again.
    expect(small.writeSyncs).toBe(4);
    expect(large.maxRequest).toBeLessThan(5_000_000);
  });
});
