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

describe('shuangsuiji draw --min-staff (每组至少局部门工作人员)', () => {
  it('draws an ssj-draw/2 record with minStaff frozen in, two staff on every team, and says which rule applies', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025001/001', '--min-staff', '2', '--json', '-o', 'd.xlsx'], io)).toBe(0);
    const doc = JSON.parse(io.out) as DrawDoc & { record: { team: { minStaff?: number } }; checks: string[] };
    expect(doc.record.protocol).toBe('ssj-draw/2');
    expect(doc.record.team.minStaff).toBe(2);
    // 郭海燕 (13050003) is 事业单位人员: never on a team of two that needs two staff.
    for (const e of doc.record.result) expect(e.members.every((m) => m !== '13050003')).toBe(true);
    expect(doc.checks[0]).toBe('人员规则：每个检查组至少 2 名局部门工作人员，组长由局部门工作人员担任（依据：本次抽取指定；按 ssj-draw/2 抽取）。');
  });

  it('keeps ssj-draw/1 by default and says the rule comes from the default', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025001/001', '-o', 'd.xlsx'], io)).toBe(0);
    expect(io.out).toContain('人员规则：组长由局部门工作人员担任，其他组员不限人员类别（依据：默认规则（本局设置未填“每组至少局部门工作人员”）；按 ssj-draw/1 抽取）。');
  });

  it('refuses a minimum the team cannot hold, and a value that is not a number', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025001/001', '--min-staff', '3', '-o', 'd.xlsx'], io)).toBe(1);
    expect(io.err).toContain('每组至少局部门工作人员设为 3 人，但检查组只有 2 人');
    const bad = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025001/001', '--min-staff', '两'], bad)).toBe(2);
    expect(bad.err).toContain('--min-staff 应为 1 到 20 之间的整数');
  });
});

describe('shuangsuiji forms --template on 舞钢’s own 附件2', () => {
  it('fills the 医疗保障局 row with the leader and the 市场监督管理局 row with the other member', async () => {
    const io = createFakeIo({ '/work/w.xlsx': fixture('wugang-2024-matters.xlsx') });
    expect(await runCli(['draw', 'w.xlsx', '--task', '2024001/001', '--json', '-o', 'd.xlsx'], io)).toBe(0);
    const doc = JSON.parse(io.out) as DrawDoc;
    const forms = createFakeIo(Object.fromEntries(io.files));
    expect(await runCli(['forms', 'd.xlsx', '--template', '附件2', '-o', 'f.xlsx'], forms)).toBe(0);
    const { openXlsxWorkbook } = await import('../../src/workbook/xlsx');
    const book = await openXlsxWorkbook(forms.files.get('/work/f.xlsx')!, 'f.xlsx');
    const sheets = (await book.listSheets()).map((s) => s.name).filter((n) => n !== '附件2' && n.includes('舞钢'));
    const [grid] = await book.readSheets([sheets[0]!]);
    const names = { '41048120001': '王建国', '41048120002': '李海燕', '41048130001': '刘丽娜', '41048130002': '陈伟' } as Record<string, string>;
    const [leader, member] = doc.record.result[0]!.members;
    expect(grid!.text[3]![2]).toBe(names[leader!]);
    expect(grid!.text[5]![2]).toBe(names[member!]);
  });
});
