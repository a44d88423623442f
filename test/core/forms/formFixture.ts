/**
 * A small joint draw (Wugang 2024: 医疗保障局 + 市场监督管理局) with its frozen context, for the
 * record form tests. Plain data; the draw itself is not recomputed here.
 */
import type { DrawRecord, ResultEntry } from '../../../src/core/draw/types';
import type { DrawContext } from '../../../src/core/log/drawContext';

export const YB = '医疗保障局';
export const SJ = '市场监督管理局';
export const MATTER_YB = '对遵守《医疗保障基金使用监督管理条例》的情况进行监督检查';
export const MATTER_SJ = '药品质量安全的监督检查';

const inspectors: DrawContext['inspectors'] = {
  YB001: {
    name: '王建国',
    badgeNo: 'YB001',
    unit: '舞钢市医疗保障局',
    section: '基金监管股',
    teamDepartment: YB,
  },
  YB002: {
    name: '李海燕',
    badgeNo: 'YB002',
    unit: '舞钢市医疗保障局',
    section: '基金监管股',
    teamDepartment: YB,
  },
  YB003: {
    name: '张志强',
    badgeNo: 'YB003',
    unit: '舞钢市医疗保障局',
    section: '医药服务股',
    teamDepartment: YB,
  },
  SJ001: {
    name: '刘丽娜',
    badgeNo: 'SJ001',
    unit: '舞钢市市场监督管理局',
    section: '药品股',
    teamDepartment: SJ,
  },
  SJ002: {
    name: '陈伟',
    badgeNo: 'SJ002',
    unit: '舞钢市市场监督管理局',
    section: '执法大队',
    teamDepartment: SJ,
  },
  '姓名:杨静@市场监督管理局': {
    name: '杨静',
    badgeNo: '',
    unit: '舞钢市市场监督管理局',
    section: '执法大队',
    teamDepartment: SJ,
  },
};

const targets: DrawContext['targets'] = {
  T1: {
    name: '舞钢市人民医院',
    uscc: '12410481417551234X',
    type: '定点医疗机构',
    creditClass: 'A',
    address: '舞钢市垭口街道寺坡路中段88号',
    legalRep: '赵明',
  },
  T2: {
    name: '舞钢市仁济堂大药房连锁有限公司朱兰街道第十二分店',
    uscc: '91410481MA9G1234XY',
    type: '定点零售药店',
    creditClass: 'C',
    address: '河南省平顶山市舞钢市朱兰街道建设路与湖滨大道交叉口东南角商住楼一层门面房',
    legalRep: '周海',
  },
  T3: {
    name: '尚店镇王庄村卫生室',
    uscc: '',
    type: '村卫生室',
    creditClass: '',
    address: '舞钢市尚店镇王庄村',
    legalRep: '孙平',
  },
};

export function makeRecord(result?: readonly ResultEntry[]): DrawRecord {
  return {
    protocol: 'ssj-draw/1',
    task: {
      planNo: '2024001',
      taskNo: '001',
      planName: '2024年舞钢市医疗保障局随机抽查001',
      taskName: '2024年舞钢市第一批“双随机”联合抽查',
    },
    seed: { source: 'local', hex: '0'.repeat(64) },
    strata: [{ name: '全部', basisPoints: 2000, candidates: ['T1', 'T2', 'T3'] }],
    team: {
      size: 4,
      departments: [
        { name: YB, min: 1 },
        { name: SJ, min: 1 },
      ],
      maxPerInspector: 0,
      inspectors: Object.keys(inspectors)
        .sort()
        .map((id) => ({ id, department: inspectors[id]!.teamDepartment, staff: true })),
      exclusions: [],
    },
    result: result ?? [
      { target: 'T1', stratum: '全部', leader: 'YB001', members: ['YB001', 'SJ001', 'YB002', 'SJ002'] },
      { target: 'T2', stratum: '全部', leader: 'YB003', members: ['YB003', '姓名:杨静@市场监督管理局'] },
      { target: 'T3', stratum: '全部', leader: 'YB002', members: ['YB002', 'SJ002', 'YB003'] },
    ],
  };
}

export function makeContext(overrides: Partial<DrawContext> = {}): DrawContext {
  return {
    planName: '2024年舞钢市医疗保障局随机抽查001',
    taskName: '2024年舞钢市第一批“双随机”联合抽查',
    periodText: '2024年6-11月',
    scope: '定点医疗机构、定点零售药店',
    isSecret: 0,
    matters: [
      { department: YB, matter: MATTER_YB },
      { department: SJ, matter: MATTER_SJ },
    ],
    targets,
    inspectors,
    excludedTargets: [],
    excludedInspectors: [],
    pairExclusions: [],
    notes: [],
    settings: { recentWindowDays: 365, annualCap: 0, teamSize: 4, maxPerInspector: 0, drawDate: 20240601 },
    ...overrides,
  };
}

/** Every inspector name on a form of the fixture, by target. */
export function inspectorNames(record: DrawRecord, context: DrawContext, target: string): string[] {
  const entry = record.result.find((e) => e.target === target);
  return (entry?.members ?? []).map((m) => context.inspectors[m]?.name ?? m);
}
