/**
 * 偃师 2024 细则 on the command line (seed 001, fixture yanshi-2024-staff.xlsx): 第二十条 "检查组应至少有两名
 * 局部门工作人员，检查组组长应由局部门工作人员担任" as the bureau's setting 每组至少局部门工作人员 = 2, drawn
 * with ssj-draw/2, verified and replayed; the same rule given as `draw --min-staff 2` to a book
 * without the setting; and 第十七条's 既往发现问题 stratum at the bureau's ratio.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../src/core/draw';
import type { DrawRecord } from '../../src/core/draw';
import { saveSettingsOps } from '../../src/core/plan';
import { openXlsxWorkbook } from '../../src/workbook/xlsx';
import { YANSHI_SETTINGS } from '../fixtures/buildFixtureBooks';
import type { FakeIo } from './fakeIo';
import { createFakeIo } from './fakeIo';
import { run } from './logFixture';

const BOOK = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'yanshi-2024-staff.xlsx')));
const TASK = '2024001/001';
/** Inside the task's 抽查时间 (2024年7-11月). */
const DRAW_DAY = new Date('2024-08-01T09:30:00+08:00');
/** Random bytes for which ssj-draw/1 puts a team with one staff member together (see the last test). */
const FILL = 1;

function yanshiIo(bytes: Uint8Array = BOOK): FakeIo {
  const io = createFakeIo({ '/work/y.xlsx': bytes }, FILL);
  io.now = () => DRAW_DAY;
  return io;
}

/** The book with its settings saved again without 每组至少局部门工作人员 (all else kept). */
async function withoutStaffSetting(): Promise<Uint8Array> {
  const book = await openXlsxWorkbook(BOOK, 'y.xlsx');
  const { minStaff: _dropped, ...rest } = YANSHI_SETTINGS;
  await book.apply(saveSettingsOps(rest, true));
  return book.save();
}

async function drawJson(io: FakeIo, ...options: string[]): Promise<{ record: DrawRecord; checks: string[] }> {
  const r = await run(io, 'draw', 'y.xlsx', '--task', TASK, '--json', '-o', 'd.xlsx', ...options);
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  return JSON.parse(r.out) as { record: DrawRecord; checks: string[] };
}

/** Per team: how many of its members are 局部门工作人员, and whether its leader is one. */
function staffPerTeam(record: DrawRecord): { staff: number; isLeaderStaff: boolean }[] {
  const isStaff = new Map(record.team.inspectors.map((p) => [p.id, p.staff]));
  return record.result.map((e) => ({
    staff: e.members.filter((m) => isStaff.get(m)).length,
    isLeaderStaff: isStaff.get(e.leader) === true,
  }));
}

async function expectVerifiedAndReplayed(io: FakeIo): Promise<void> {
  const verified = await run(io, 'verify', 'd.xlsx');
  expect(verified.code).toBe(0);
  const exported = await run(io, 'export-record', 'd.xlsx', '--draw', '1');
  expect(exported.code).toBe(0);
  io.files.set('/work/rec.json', new TextEncoder().encode(exported.out));
  const replayed = await run(io, 'replay', 'rec.json');
  expect(replayed.code).toBe(0);
  expect(replayed.out).toBe(exported.out);
}

describe('shuangsuiji draw on 偃师 2024 (每组至少局部门工作人员 = 2 in the bureau settings)', () => {
  it('draws with ssj-draw/2: every team of three has at least two 局部门工作人员 and a staff leader; verify and replay accept it', async () => {
    const io = yanshiIo();
    const { record, checks } = await drawJson(io);
    expect(record.protocol).toBe('ssj-draw/2');
    expect(record.team).toMatchObject({ size: 3, minStaff: 2 });
    expect(record.result).toHaveLength(3);
    for (const team of staffPerTeam(record)) {
      expect(team.staff).toBeGreaterThanOrEqual(2);
      expect(team.isLeaderStaff).toBe(true);
    }
    expect(checks[0]).toBe(
      '人员规则：每个检查组至少 2 名局部门工作人员，组长由局部门工作人员担任（依据：本局设置“每组至少局部门工作人员”；按 ssj-draw/2 抽取）。',
    );
    await expectVerifiedAndReplayed(io);
  });

  it('draws the pharmacies found with problems (检查结果 5 and 8) as their own stratum at the bureau’s 50% (第十七条)', async () => {
    const { record } = await drawJson(yanshiIo());
    const [problems, regular] = record.strata;
    expect(problems).toMatchObject({ name: '既往发现问题', basisPoints: 5000 });
    // 百信 (5.发现问题已责令整改) and 福寿 (8); 安泰's 1.未发现问题 keeps it with the others.
    expect(problems!.candidates).toHaveLength(2);
    expect(regular).toMatchObject({ name: '定点零售药店', basisPoints: 2000 });
    expect(regular!.candidates).toHaveLength(8);
    expect(record.result.map((e) => e.stratum)).toEqual(['既往发现问题', '定点零售药店', '定点零售药店']);
  });

  it('draw --min-staff 2 on the book without the setting draws the same ssj-draw/2 record, saying the rule was given for this draw', async () => {
    const io = yanshiIo(await withoutStaffSetting());
    const { record, checks } = await drawJson(io, '--min-staff', '2');
    const withSetting = await drawJson(yanshiIo());
    expect(canonicalJson(record)).toBe(canonicalJson(withSetting.record));
    for (const team of staffPerTeam(record)) {
      expect(team.staff).toBeGreaterThanOrEqual(2);
      expect(team.isLeaderStaff).toBe(true);
    }
    expect(checks[0]).toBe(
      '人员规则：每个检查组至少 2 名局部门工作人员，组长由局部门工作人员担任（依据：本次抽取指定；按 ssj-draw/2 抽取）。',
    );
    await expectVerifiedAndReplayed(io);
  });

  it('warns first when the 科室 cannot staff the teams (5 staff asked of its 4), then logs the failed draw', async () => {
    const io = yanshiIo();
    const r = await run(io, 'draw', 'y.xlsx', '--task', TASK, '--size', '5', '--min-staff', '5', '-o', 'd.xlsx');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[1]).toMatch(
      /^注意：每个检查组至少要有 5 名局部门工作人员，但以下检查对象排除回避等人员后可用的局部门工作人员不足：偃师区百信药店（4 名）、.* 等 10 个。若抽中这些对象，抽取将失败/,
    );
    expect(lines[2]).toMatch(/^抽取失败（已记入抽取记录第 1 条）：检查对象 .+：每个检查组至少要有 5 名局部门工作人员/);
    expect((await run(io, 'verify', 'd.xlsx')).code).toBe(0);
  });

  it('without the setting or the option draws ssj-draw/1, where a team may hold one staff member (the leader)', async () => {
    const io = yanshiIo(await withoutStaffSetting());
    const { record, checks } = await drawJson(io);
    expect(record.protocol).toBe('ssj-draw/1');
    expect(record.team).not.toHaveProperty('minStaff');
    expect(staffPerTeam(record).map((t) => t.staff)).toContain(1);
    expect(checks[0]).toContain('依据：默认规则（本局设置未填“每组至少局部门工作人员”）');
  });
});
