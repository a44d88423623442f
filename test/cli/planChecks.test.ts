/**
 * The plan checks of issue 18 as a clerk meets them on the command line: every check of the
 * Xingtai-shaped book by `validate --json`, at its cell; what `draw` says before it draws (a date
 * outside 抽查时间, errors on the task's row, the staff rule); 舞钢's matters list drawn as the plan,
 * and refused without a year; a book without a plan table; a task whose number is duplicated; a 科室
 * matched exactly.
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

type Finding = { severity: string; code: string; sheet: string; cell: string; message: string; suggestion?: string };

describe('shuangsuiji validate --json on xingtai-2025-checks.xlsx (seed 004’s layout)', () => {
  it('reports every plan check of issue 18 at its cell, and exits 1 for the errors', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['validate', 'x.xlsx', '--json'], io)).toBe(1);
    const { findings } = JSON.parse(io.out) as { findings: Finding[] };
    expect(findings.map((f) => `${f.severity} ${f.code}@${f.sheet}!${f.cell}`)).toEqual([
      'error PLAN_NAME_YEAR_MISMATCH@附件2!B4',
      'error PLAN_NO_YEAR_MISMATCH@附件2!A5',
      'error PLAN_NAME_DIVISION_MISMATCH@附件2!B6',
      'error TASK_NOT_DRAWABLE@附件2!C6',
      'error TASK_NAME_EMPTY@附件2!D6',
      'error MATTERS_EMPTY@附件2!G6',
      'error SCOPE_EMPTY@附件2!H6',
      'error PERIOD_AMBIGUOUS_NUMBER@附件2!K6',
      'error PLAN_NAME_DEPARTMENT_MISMATCH@附件2!B7',
      'error MATTER_NOT_IN_LIST@附件2!G7',
      'error PLAN_NAME_DEPARTMENT_MISMATCH@附件2!B8',
      'error TASK_NO_DUPLICATE@附件2!C8',
      'warning SCOPE_EMPTY_UNDIRECTED@附件2!H9',
      'warning PERIOD_NUMBER_CELL@附件2!K10',
      'warning MATTER_FREQUENCY_MISMATCH@抽查事项清单!H3',
      'warning INSPECTOR_DEPT_NOT_IN_PLAN@执法检查人员名录库!C5',
      'warning INSPECTOR_DEPT_NOT_IN_PLAN@执法检查人员名录库!C6',
    ]);
    const at = (cell: string) => findings.find((f) => f.sheet === '附件2' && f.cell === cell)!;
    // 2025.1 may be January or a typed 2025.10: no suggestion, never read as January.
    expect(at('K6').message).toContain('看不出是1月还是10月');
    expect(at('K6').suggestion).toBeUndefined();
    // 2025.6 is June, but the next edit may lose a month the same way: written out as text.
    expect(at('K10').suggestion).toBe('2025年6月');
    expect(at('H9').message).toBe('抽查对象范围为空：不定向抽查将从名录库的全部检查对象中抽取；请写明范围，如“全市定点医药机构”。');
  });
});

describe('shuangsuiji draw says before the draw what applies to the task', () => {
  const drawn = async (task: string, now?: string) => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    if (now) io.now = () => new Date(now);
    const code = await runCli(['draw', 'x.xlsx', '--task', task, '-o', 'd.xlsx'], io);
    return { code, lines: io.out.split('\n'), err: io.err, io };
  };

  it('warns when the draw date is outside the task’s 抽查时间 (2025年6、9月 drawn in March), and not inside it', async () => {
    const march = await drawn('2025001/001');
    expect(march.code).toBe(0);
    expect(march.lines[1]).toBe(
      '注意：今天（2025年3月）不在本任务的抽查时间“2025年6、9月”内：仍可抽取，但请先确认计划是否已调整：调整年度抽查计划应按程序报批，并及时重新公开。',
    );
    const september = await drawn('2025001/001', '2025-09-10T09:00:00+08:00');
    expect(september.code).toBe(0);
    expect(september.io.out).not.toContain('不在本任务的抽查时间');
  });

  it('reads 抽查时间 typed as the number 2025.6 as June: no warning in June, a warning in July', async () => {
    expect((await drawn('2025006/001', '2025-06-10T09:00:00+08:00')).io.out).not.toContain('不在本任务的抽查时间');
    expect((await drawn('2025006/001', '2025-07-01T09:00:00+08:00')).lines[1]).toMatch(/^注意：今天（2025年7月）不在本任务的抽查时间“2025年6月”内/);
  });

  it('says so with the commitment too, before the public number decides the draw', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    const announcement = '2025-03-06 福彩3D 第2025060期 开奖号码：d d d';
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025001/001', '--commit', announcement, '-o', 'c.xlsx'], io)).toBe(0);
    expect(io.out.indexOf('不在本任务的抽查时间“2025年6、9月”内')).toBeLessThan(io.out.indexOf('已记录承诺'));
    expect(io.out).toContain('不在本任务的抽查时间');
  });

  it('lists the errors on the task’s row of the plan table before drawing it', async () => {
    const wrongYear = await drawn('2024002/001', '2025-05-10T09:00:00+08:00');
    expect(wrongYear.code).toBe(0);
    expect(wrongYear.lines.slice(0, 2)).toEqual([
      '人员规则：组长由局部门工作人员担任，其他组员不限人员类别（依据：默认规则（本局设置未填“每组至少局部门工作人员”）；按 ssj-draw/1 抽取）。',
      '注意：计划表 附件2!A5：抽查计划编号的年度2024与本计划表其他单元格的年度2025不一致，请核对后改成一致',
    ]);
  });

  it('lists every error on the row of a task it cannot draw, beside the reason it cannot', async () => {
    const refused = await drawn('2025003/001');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^任务 2025003\/001 无法抽取：定向抽查的抽查对象范围“（空）”对应不到名录库中的对象类型/);
    expect(refused.lines.filter((l) => l.startsWith('注意：计划表'))).toEqual([
      expect.stringMatching(/^注意：计划表 附件2!B6：抽查计划名称中的行政区划“承德县”/),
      expect.stringMatching(/^注意：计划表 附件2!D6：抽查任务名称为空/),
      expect.stringMatching(/^注意：计划表 附件2!G6：抽查事项为空/),
      expect.stringMatching(/^注意：计划表 附件2!H6：定向抽查的抽查对象范围为空/),
      expect.stringMatching(/^注意：计划表 附件2!K6：抽查时间“2025\.1”是数字单元格/),
    ]);
    // 2025.1 is not read as January for the date check either.
    expect(refused.io.out).not.toContain('不在本任务的抽查时间');
    expect(refused.io.files.has('/work/d.xlsx')).toBe(false);
  });

  it('draws a 不定向 task without 抽查对象范围 from the whole directory, as its warning says', async () => {
    const io = createFakeIo({ '/work/x.xlsx': fixture('xingtai-2025-checks.xlsx') });
    expect(await runCli(['draw', 'x.xlsx', '--task', '2025005/001', '--json', '-o', 'd.xlsx'], io)).toBe(0);
    const { record } = JSON.parse(io.out) as { record: { strata: { name: string; candidates: string[] }[] } };
    expect(record.strata).toEqual([{ name: '全部对象', basisPoints: 2500, candidates: expect.any(Array) }]);
    expect(record.strata[0]!.candidates).toHaveLength(4);
  });
});

describe('shuangsuiji on 舞钢’s matters list without a year (wugang-matters-no-year.xlsx)', () => {
  it('validate reports MATTERS_PLAN_YEAR_MISSING and exits 1', async () => {
    const io = createFakeIo({ '/work/w.xlsx': fixture('wugang-matters-no-year.xlsx') });
    expect(await runCli(['validate', 'w.xlsx', '--json'], io)).toBe(1);
    const { findings } = JSON.parse(io.out) as { findings: Finding[] };
    expect(findings.map((f) => `${f.severity} ${f.code}@${f.sheet}!${f.cell}`)).toEqual([
      'warning MATTERS_USED_AS_PLAN@附件1!B3',
      'error MATTERS_PLAN_YEAR_MISSING@附件1!B4',
    ]);
  });

  it('draw says why there is no task to draw, not just that the task is unknown', async () => {
    const io = createFakeIo({ '/work/w.xlsx': fixture('wugang-matters-no-year.xlsx') });
    expect(await runCli(['draw', 'w.xlsx', '--task', '2024001/001'], io)).toBe(2);
    expect(io.err).toBe(
      'w.xlsx 中没有可抽取的任务：附件1!B4 工作表“附件1”的抽查事项清单用作抽查计划，但看不出年度：请在表头上方的标题中写明年度（如“2024年度抽查工作计划”），或在编制计划步骤保存本局设置的年度。' +
        '请改正后再抽取（shuangsuiji validate w.xlsx 列出全部问题）。\n',
    );
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
