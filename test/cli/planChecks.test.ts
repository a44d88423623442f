/**
 * The plan checks of issue 18 as a clerk meets them on the command line: 舞钢's matters list drawn
 * as the plan, a book without a plan table, a task whose number is duplicated, a 科室 matched exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { createFakeIo } from './fakeIo';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name)));

type DrawDoc = {
  record: {
    protocol: string;
    task: { planNo: string; taskNo: string };
    team: { departments: { name: string }[]; inspectors: { id: string; department: string }[] };
    result: { target: string; members: string[] }[];
  };
};

describe('shuangsuiji validate and draw on 舞钢 2024 (a matters list as the plan)', () => {
  it('validates 附件1 as the plan and lists its tasks, with or without --table', async () => {
    const io = createFakeIo({ '/work/w.xlsx': fixture('wugang-2024-matters.xlsx') });
    expect(await runCli(['validate', 'w.xlsx'], io)).toBe(0);
    expect(io.out).toContain('2024001/001、2024001/002、2024002/001、2024002/002');
    const chosen = createFakeIo({ '/work/w.xlsx': fixture('wugang-2024-matters.xlsx') });
    expect(await runCli(['validate', 'w.xlsx', '--table', '附件1:plan:3'], chosen)).toBe(0);
    expect(chosen.out).toContain('附件1：随机抽查事项清单，表头在第 3 行，2 行数据（按指定）');
  });

  it('draws a task of it with both bureaus on the team', async () => {
    const io = createFakeIo({ '/work/w.xlsx': fixture('wugang-2024-matters.xlsx') });
    expect(await runCli(['draw', 'w.xlsx', '--task', '2024001/001', '--json', '-o', 'd.xlsx'], io)).toBe(0);
    const doc = JSON.parse(io.out) as DrawDoc;
    expect(doc.record.task).toMatchObject({ planNo: '2024001', taskNo: '001' });
    expect(doc.record.team.departments.map((d) => d.name)).toEqual(['舞钢市医疗保障局', '舞钢市市场监督管理局']);
    // 20 % of the two 定点医疗机构: one target, led by 王建国 or 李海燕 (张志强 is on leave).
    expect(doc.record.result).toHaveLength(1);
    expect(['41048120001', '41048120002']).toContain(doc.record.result[0]!.members[0]);
    expect(['41048130001', '41048130002']).toContain(doc.record.result[0]!.members[1]);
  });
});

describe('shuangsuiji validate on a book without a plan table', () => {
  it('exits 2 and says what is missing and what it read instead', async () => {
    const io = createFakeIo({ '/work/s.xlsx': fixture('salary-only.xlsx') });
    expect(await runCli(['validate', 's.xlsx'], io)).toBe(2);
    expect(io.err).toContain('未找到抽查计划表');
    expect(io.err).toContain('工作表“2025年3月工资表”第 2 行起的执法检查人员名录库（姓名、部门）');
    expect(io.out).not.toContain('未发现问题');
  });
});

describe('shuangsuiji draw on xingtai-2025-checks.xlsx', () => {
  it('refuses a task whose number is duplicated in the plan, naming the rows', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025004/001', '-o', 'd.xlsx'], io)).not.toBe(0);
    expect(io.err + io.out).toContain('任务 2025004/001 在计划表中出现了 2 次（C7、C8）');
  });

  it('draws 基金监管科 staff only: 医疗保险基金监管科 is another 科室', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025001/001', '--json', '-o', 'd.xlsx'], io)).toBe(0);
    const doc = JSON.parse(io.out) as DrawDoc;
    expect(doc.record.team.inspectors.map((p) => p.id)).toEqual(['13050001', '13050002', '13050003']);
  });
});
