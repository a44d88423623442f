import type { Directories, HistoryEntry, InspectorEntry, TargetEntry } from '../../../src/core/directories';
import { listDrawProblems, prepareDraw } from '../../../src/core/prepare/prepareDraw';
import type { PlanTask } from '../../../src/core/prepare/planTask';

const D = 45717; // 2025-03-01

function target(i: number, over: Partial<TargetEntry> = {}): TargetEntry {
  return {
    id: `T${String(i).padStart(3, '0')}`,
    sheet: '名录',
    row: i,
    name: `对象${i}`,
    uscc: `T${String(i).padStart(3, '0')}`,
    address: '',
    legalRep: '',
    type: i % 2 ? '定点零售药店' : '定点医疗机构',
    region: '襄都区',
    creditClass: 'ABCD'[i % 4]!,
    status: '存续',
    tags: [],
    lastInspected: null,
    ...over,
  };
}

function person(id: string, over: Partial<InspectorEntry> = {}): InspectorEntry {
  return {
    id,
    sheet: '人员',
    row: 1,
    name: `人${id}`,
    badgeNo: id,
    residentId: '',
    department: '邢台市医疗保障局',
    section: '基金监管科',
    staff: true,
    onDuty: true,
    conflicts: [],
    tags: [],
    ...over,
  };
}

const TASK: PlanTask = {
  sheet: '计划',
  row: 3,
  planNo: '2025002',
  planName: '2025年邢台市医疗保障局随机抽查002',
  taskNo: '001',
  taskName: '第一批',
  taskType: 'directed',
  ratio: { kind: 'plain', basisPoints: 1000 },
  matters: '',
  scope: '定点零售药店',
  leadDept: '基金监管科',
  jointDepts: ['市场监督管理局'],
  periodText: '2025年4-6月',
  isSecret: false,
};

function dirs(over: Partial<Directories> = {}): Directories {
  return {
    targets: Array.from({ length: 20 }, (_, i) => target(i)),
    inspectors: [
      person('Y1'),
      person('Y2'),
      person('Y3', { staff: false }),
      person('S1', { department: '邢台市市场监督管理局', section: '药品流通监管科' }),
      person('S2', { department: '邢台市市场监督管理局', section: '药品流通监管科' }),
      person('X9', { department: '邢台市卫生健康委员会', section: '' }),
    ],
    history: [],
    ...over,
  };
}

function ok(p: ReturnType<typeof prepareDraw>) {
  if (!p.ok) throw new Error(p.problems.join('\n'));
  return p;
}

describe('prepareDraw', () => {
  it('narrows a directed task to the scope named in 抽查对象范围', () => {
    const p = ok(prepareDraw(TASK, dirs(), { drawDate: D }));
    expect(p.inputs.strata).toHaveLength(1);
    expect(p.inputs.strata[0]!.candidates).toEqual(['T001', 'T003', 'T005', 'T007', 'T009', 'T011', 'T013', 'T015', 'T017', 'T019']);
    expect(p.inputs.strata[0]!.basisPoints).toBe(1000);
  });

  it('takes the whole directory for an undirected task', () => {
    const p = ok(prepareDraw({ ...TASK, taskType: 'undirected' }, dirs(), { drawDate: D }));
    expect(p.inputs.strata[0]!.candidates).toHaveLength(20);
  });

  it('makes one stratum per credit class for the class form, and lists targets without a class', () => {
    const targets = [...dirs().targets, target(99, { creditClass: '' }), target(97, { creditClass: 'E' })];
    const task: PlanTask = {
      ...TASK,
      ratio: {
        kind: 'byClass',
        classes: [
          { label: '低', cls: 'A', basisPoints: 100 },
          { label: '中', cls: 'B', basisPoints: 300 },
          { label: '中高', cls: 'C', basisPoints: 1000 },
          { label: '高', cls: 'D', basisPoints: 2000 },
        ],
      },
    };
    const p = ok(prepareDraw(task, dirs({ targets }), { drawDate: D }));
    expect(p.inputs.strata.map((s) => [s.name, s.basisPoints, s.candidates.length])).toEqual([
      ['A', 100, 0],
      ['B', 300, 5],
      ['C', 1000, 0],
      ['D', 2000, 5],
    ]);
    expect(p.excludedTargets).toEqual([
      { id: 'T099', name: '对象99', reason: '名录库中未标注信用等级' },
      { id: 'T097', name: '对象97', reason: '信用等级“E”不在本任务的抽查比例中' },
    ]);
  });

  it('puts a target whose class is written as a label variant (低风险, 高风险等级, b级) in its class', () => {
    const targets = [
      target(1, { creditClass: '低风险' }),
      target(3, { creditClass: '高风险等级' }),
      target(5, { creditClass: 'b级' }),
      target(7, { creditClass: '中高' }),
    ];
    const task: PlanTask = {
      ...TASK,
      ratio: {
        kind: 'byClass',
        classes: [
          { label: '低', cls: 'A', basisPoints: 100 },
          { label: '中', cls: 'B', basisPoints: 300 },
          { label: '中高', cls: 'C', basisPoints: 1000 },
          { label: '高', cls: 'D', basisPoints: 2000 },
        ],
      },
    };
    const p = ok(prepareDraw(task, dirs({ targets }), { drawDate: D }));
    expect(p.inputs.strata.map((s) => [s.name, s.candidates])).toEqual([
      ['A', ['T001']],
      ['B', ['T005']],
      ['C', ['T007']],
      ['D', ['T003']],
    ]);
    expect(p.excludedTargets).toEqual([]);
  });

  it('leaves out deregistered, recently inspected and capped targets, saying why', () => {
    const targets = [target(1, { status: '注销' }), target(3, { lastInspected: D - 30 }), target(5), target(7)];
    const hist = (date: number, uscc: string): HistoryEntry => ({ sheet: 'h', row: 0, date, targetName: '', uscc, inspectorNames: [], badgeNos: [], planNo: '' });
    // T005 was inspected on 2025-03-11: 190 days before the draw, outside the window, but once this year.
    const history = [hist(D + 10, 'T005')];
    const p = ok(prepareDraw(TASK, dirs({ targets, history }), { drawDate: D + 200, recentWindowDays: 100, annualCap: 1 }));
    expect(p.excludedTargets.map((x) => [x.id, x.reason])).toEqual([
      ['T001', '状态为“注销”'],
      ['T005', '2025 年已检查 1 次，达到年度上限 1 次'],
    ]);
    const p2 = ok(prepareDraw(TASK, dirs({ targets }), { drawDate: D }));
    expect(p2.excludedTargets.find((x) => x.id === 'T003')!.reason).toBe('30 天前刚检查过（180 天内不重复抽查）');
  });

  it('builds the team from the lead and joint departments; others and off-duty people are out', () => {
    const inspectors = [...dirs().inspectors, person('Y4', { onDuty: false })];
    const p = ok(prepareDraw(TASK, dirs({ inspectors }), { drawDate: D }));
    expect(p.inputs.team.departments).toEqual([
      { name: '基金监管科', min: 1 },
      { name: '市场监督管理局', min: 1 },
    ]);
    expect(p.inputs.team.inspectors).toEqual([
      { id: 'S1', department: '市场监督管理局', staff: true },
      { id: 'S2', department: '市场监督管理局', staff: true },
      { id: 'Y1', department: '基金监管科', staff: true },
      { id: 'Y2', department: '基金监管科', staff: true },
      { id: 'Y3', department: '基金监管科', staff: false },
    ]);
    expect(p.excludedInspectors).toEqual([{ id: 'Y4', name: '人Y4', reason: '不在岗' }]);
    expect(p.inputs.team.size).toBe(2);
  });

  it('records 回避 and 连续三次 as exclusions, sorted by target then inspector', () => {
    const inspectors = [person('Y1', { conflicts: ['对象3'] }), person('Y2'), person('S1', { department: '市场监督管理局', section: '' })];
    const h = (date: number): HistoryEntry => ({ sheet: 'h', row: 0, date, targetName: '对象1', uscc: '', inspectorNames: ['人Y2'], badgeNos: ['S1'], planNo: '' });
    const p = ok(prepareDraw(TASK, dirs({ inspectors, history: [h(D - 700), h(D - 400)] }), { drawDate: D }));
    expect(p.pairExclusions).toEqual([
      { target: 'T001', inspector: 'S1', reason: '人S1 已连续两次检查该对象（不得连续三次）' },
      { target: 'T001', inspector: 'Y2', reason: '人Y2 已连续两次检查该对象（不得连续三次）' },
      { target: 'T003', inspector: 'Y1', reason: '人Y1 申报回避' },
    ]);
    expect(p.inputs.team.exclusions).toEqual([
      { target: 'T001', inspector: 'S1' },
      { target: 'T001', inspector: 'Y2' },
      { target: 'T003', inspector: 'Y1' },
    ]);
  });

  it('stops with a Chinese reason when the scope names nothing in the directory', () => {
    const p = prepareDraw({ ...TASK, scope: '养老机构' }, dirs(), { drawDate: D });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems[0]).toMatch(/抽查对象范围“养老机构”对应不到.*定点零售药店/);
  });

  it('stops when a department of the task has nobody on duty', () => {
    const p = prepareDraw({ ...TASK, jointDepts: ['卫生健康委员会', '税务局'] }, dirs(), { drawDate: D });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.problems).toEqual([expect.stringMatching(/没有属于“税务局”的在岗人员/)]);
  });

  it('does not change the directories it is given', () => {
    const d = dirs();
    const copy = JSON.parse(JSON.stringify(d)) as Directories;
    prepareDraw(TASK, d, { drawDate: D });
    expect(d).toEqual(copy);
  });

  it('matches a 科室 exactly: 医疗保险基金监管科 staff are not pooled with 基金监管科', () => {
    const d = dirs({
      inspectors: [
        person('Y1'),
        person('Y2', { section: '医疗保险基金监管科' }),
        person('Y3', { section: ' 基金监管科\u3000' }),
        person('S1', { department: '邢台市市场监督管理局', section: '药品流通监管科' }),
      ],
    });
    const p = ok(prepareDraw(TASK, d, { drawDate: D }));
    expect(p.inputs.team.inspectors.map((x) => [x.id, x.department])).toEqual([
      ['S1', '市场监督管理局'],
      ['Y1', '基金监管科'],
      ['Y3', '基金监管科'],
    ]);
  });

  it('matches a 单位 with or without its 行政区划 prefix, and only that bureau', () => {
    const d = dirs({
      inspectors: [
        person('Y1'),
        person('S1', { department: '邢台市市场监督管理局', section: '' }),
        person('S2', { department: '市场监督管理局', section: '' }),
        person('S3', { department: '承德县市场监督管理局', section: '' }),
      ],
    });
    const p = ok(prepareDraw({ ...TASK, jointDepts: ['邢台市市场监督管理局'] }, d, { drawDate: D }));
    expect(p.inputs.team.inspectors.map((x) => x.id)).toEqual(['S1', 'S2', 'Y1']);
  });

  it('keeps ssj-draw/1 for minStaff 1 and freezes minStaff into an ssj-draw/2 record above it', () => {
    const v1 = ok(prepareDraw(TASK, dirs(), { drawDate: D }));
    expect(v1.inputs.protocol).toBe('ssj-draw/1');
    expect(v1.inputs.team).not.toHaveProperty('minStaff');
    const v2 = ok(prepareDraw({ ...TASK, jointDepts: [] }, dirs(), { drawDate: D, minStaff: 2 }));
    expect(v2.inputs.protocol).toBe('ssj-draw/2');
    expect(v2.inputs.team.minStaff).toBe(2);
  });

  it('stops when minStaff is more than the team size', () => {
    const p = prepareDraw(TASK, dirs(), { drawDate: D, minStaff: 3 });
    expect(!p.ok && p.problems).toEqual([
      '每组至少局部门工作人员设为 3 人，但检查组只有 2 人：请设为 1 到 2 之间的整数，或增加每组人数。',
    ]);
  });

  it('puts targets with past problems in their own stratum at the bureau’s higher ratio, first (偃师 第十七条)', () => {
    const past = (uscc: string, result: string): HistoryEntry => ({ sheet: 'h', row: 0, date: D - 400, targetName: '', uscc, inspectorNames: [], badgeNos: [], planNo: '', result });
    const history = [past('T001', '5.发现问题已责令整改'), past('T003', '1'), past('T005', '不合格')];
    const plain = ok(prepareDraw(TASK, dirs({ history }), { drawDate: D }));
    expect(plain.inputs.strata.map((x) => x.name)).toEqual(['定点零售药店']);
    const p = ok(prepareDraw(TASK, dirs({ history }), { drawDate: D, problemRatioBasisPoints: 5000 }));
    expect(p.inputs.strata.map((x) => [x.name, x.basisPoints, x.candidates.length])).toEqual([
      ['既往发现问题', 5000, 2],
      ['定点零售药店', 1000, 8],
    ]);
    expect(p.inputs.strata[0]!.candidates).toEqual(['T001', 'T005']);
    expect(p.notes).toContain('2 个检查对象以往检查发现过问题，单独成层“既往发现问题”，按 50% 抽取（本局设置）；其余对象按本任务的抽查比例抽取。');
  });
});

describe('listDrawProblems', () => {
  const BY_CLASS: PlanTask['ratio'] = { kind: 'byClass', classes: [{ label: '低', cls: 'A', basisPoints: 100 }, { label: '高', cls: 'D', basisPoints: 2000 }] };
  const recent: HistoryEntry = { sheet: 'h', row: 0, date: D - 10, targetName: '', uscc: 'T001', inspectorNames: [], badgeNos: [], planNo: '', result: '' };
  const cases: [string, PlanTask, Directories, Parameters<typeof prepareDraw>[2]][] = [
    ['a drawable directed task', TASK, dirs(), { drawDate: D }],
    ['an undirected task', { ...TASK, taskType: 'undirected' }, dirs(), { drawDate: D }],
    ['a scope naming nothing', { ...TASK, scope: '养老机构' }, dirs(), { drawDate: D }],
    ['an empty scope and no type column', { ...TASK, scope: '' }, dirs({ targets: dirs().targets.map((t) => ({ ...t, type: '', region: '' })) }), { drawDate: D }],
    ['no directory at all', TASK, dirs({ targets: [] }), { drawDate: D }],
    ['a department with nobody on duty', { ...TASK, jointDepts: ['卫生健康委员会', '税务局'] }, dirs(), { drawDate: D }],
    ['no lead department', { ...TASK, leadDept: '' }, dirs(), { drawDate: D }],
    ['every target deregistered', TASK, dirs({ targets: dirs().targets.map((t) => ({ ...t, status: '注销' })) }), { drawDate: D }],
    ['classes the directory does not hold', { ...TASK, ratio: { kind: 'byClass', classes: [{ label: '', cls: 'E', basisPoints: 100 }] } }, dirs(), { drawDate: D }],
    ['a class ratio that resolves', { ...TASK, ratio: BY_CLASS }, dirs(), { drawDate: D }],
    ['the only candidate inspected ten days ago', { ...TASK, scope: '对象1' }, dirs({ targets: [target(1, { tags: ['对象1'] })], history: [recent] }), { drawDate: D }],
    ['the same, without a window or cap', { ...TASK, scope: '对象1' }, dirs({ targets: [target(1, { tags: ['对象1'] })], history: [recent] }), { drawDate: D, recentWindowDays: 0, annualCap: 0 }],
    ['minStaff above the team size', TASK, dirs(), { drawDate: D, minStaff: 3 }],
    ['a task that carries blockers', { ...TASK, blockers: ['抽查比例无法识别'] }, dirs(), { drawDate: D }],
  ];

  it.each(cases)('says what prepareDraw says for %s', (_what, task, d, settings) => {
    const prep = prepareDraw(task, d, settings);
    expect(listDrawProblems([task], d, settings)).toEqual([prep.ok ? [] : prep.problems]);
  });

  it('answers each task of a list, in order', () => {
    const tasks = cases.map(([, task]) => task);
    const d = dirs();
    expect(listDrawProblems(tasks, d, { drawDate: D })).toEqual(
      tasks.map((task) => {
        const prep = prepareDraw(task, d, { drawDate: D });
        return prep.ok ? [] : prep.problems;
      }),
    );
  });

  it('finds problems in the cases above, so that the comparison means something', () => {
    const stopped = cases.filter(([, task, d, settings]) => listDrawProblems([task], d, settings)[0]!.length > 0).map(([what]) => what);
    expect(stopped).toEqual([
      'a scope naming nothing',
      'an empty scope and no type column',
      'no directory at all',
      'a department with nobody on duty',
      'no lead department',
      'every target deregistered',
      'classes the directory does not hold',
      'the only candidate inspected ten days ago',
      'minStaff above the team size',
      'a task that carries blockers',
    ]);
  });
});
