/**
 * The sample bureau workbook: a city 医疗保障局 (邢台市, 2025) as its staff keep it, shaped like the
 * seed notices — plan table with title rows, merged cells and notes (Xingtai 附件2, including the
 * notice's own non-conforming plan name), a matters list (Wugang 附件1), the target directory
 * (designated institutions, pharmacies, village clinics), the inspector directory (医疗保障局 and
 * 市场监督管理局, staff and non-staff) and an inspection history.
 * Built as workbook operations so tests can vary it and any adapter can write it.
 */
import type { CellInput, WorkbookOp } from '../workbookOps';
import { cellAddress } from '../grid';
import { createSampleRandom, type SampleRandom } from './sampleRandom';
import { PLAN_COLUMNS } from '../plan/planGenerators';
import { computeOrgCodeCheckChar, computeResidentIdCheckChar, computeUsccCheckChar } from '../ids';

export type SampleOptions = {
  /** Number of target rows (default 300). */
  targets?: number;
  /** Seed of the sample data (default 2025). */
  seed?: number;
  /** Keep the Xingtai notice's own non-conforming plan name in the first row (default true). */
  withXingtaiExample?: boolean;
};

export type SampleTarget = {
  name: string;
  uscc: string;
  type: '定点医疗机构' | '定点零售药店' | '村卫生室';
  region: string;
  address: string;
  legalRep: string;
  creditClass: string;
  status: string;
  tags: string;
};

export type SampleInspector = {
  name: string;
  badgeNo: string;
  residentId: string;
  department: string;
  section: string;
  staff: boolean;
  onDuty: boolean;
  recuse: string;
};

export type SampleBook = { ops: WorkbookOp[]; targets: SampleTarget[]; inspectors: SampleInspector[] };

export const SAMPLE_SHEETS = {
  plan: '年度抽查计划',
  matters: '抽查事项清单',
  targets: '检查对象名录库',
  inspectors: '执法检查人员名录库',
  history: '检查历史',
} as const;

function uscc(prefix8: string, body8: string): string {
  const first17 = prefix8 + body8 + computeOrgCodeCheckChar(body8);
  return first17 + computeUsccCheckChar(first17);
}

function residentId(first17: string): string {
  return first17 + computeResidentIdCheckChar(first17);
}

const REGIONS = ['襄都区', '信都区', '任泽区', '南和区', '经开区', '高新区'];
const STREETS = ['中兴大街', '新华路', '钢铁路', '团结大街', '守敬路', '邢州大道', '泉北大街', '龙岗大街'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const GIVEN = ['建国', '海燕', '志强', '丽娜', '伟', '静', '磊', '敏', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '晓东', '雪梅'];
const HOSPITAL_KINDS = ['人民医院', '中医院', '骨科医院', '妇幼保健院', '口腔医院', '眼科医院', '康复医院', '社区卫生服务中心', '诊所', '门诊部'];
const PHARMACY_BRANDS = ['仁济堂', '百姓', '康泰', '益民', '同仁', '老百姓', '惠民', '华康', '德仁堂', '济生'];
const VILLAGES = ['东关', '西郭', '南石', '北孟', '柳林', '王快', '大贾', '小吴'];

function personName(rnd: SampleRandom): string {
  return rnd.pick(SURNAMES) + rnd.pick(GIVEN);
}

function makeTargets(n: number, rnd: SampleRandom): SampleTarget[] {
  const out: SampleTarget[] = [];
  const seen = new Set<string>();
  const nClinics = Math.max(2, Math.floor(n / 15));
  const nHospitals = Math.floor((n - nClinics) * 0.4);
  for (let i = 0; i < n; i++) {
    const region = rnd.pick(REGIONS);
    const address = `邢台市${region}${rnd.pick(STREETS)}${1 + rnd.int(399)}号`;
    const creditClass = ['A', 'A', 'B', 'B', 'B', 'C', 'D'][rnd.int(7)]!;
    let t: SampleTarget;
    const body = String(10000000 + i * 7919 + rnd.int(7000)).slice(-8);
    if (i < nHospitals) {
      const kind = rnd.pick(HOSPITAL_KINDS);
      const owner = kind.endsWith('诊所') || kind.endsWith('门诊部') ? personName(rnd) : region.replace('区', '');
      const isPublic = kind === '人民医院' || kind === '妇幼保健院' || kind === '社区卫生服务中心';
      t = {
        name: `邢台${owner}${kind}`,
        uscc: uscc(isPublic ? '12130500' : '52130500', body),
        type: '定点医疗机构',
        region,
        address,
        legalRep: personName(rnd),
        creditClass,
        status: '存续',
        tags: isPublic ? '公立;市本级' : '民营;市本级',
      };
    } else if (i < n - nClinics) {
      const brand = rnd.pick(PHARMACY_BRANDS);
      t = {
        name: `邢台${brand}大药房连锁有限公司${region.replace('区', '')}第${i - nHospitals + 1}分店`,
        uscc: uscc('91130500', body),
        type: '定点零售药店',
        region,
        address,
        legalRep: personName(rnd),
        creditClass,
        status: i % 97 === 13 ? '注销' : '存续',
        tags: '零售药店;市本级',
      };
    } else {
      const v = VILLAGES[i % VILLAGES.length]!;
      t = {
        name: `${region}${v}村卫生室`,
        uscc: '', // not a market entity: no code (附件2 说明（3）)
        type: '村卫生室',
        region,
        address: `邢台市${region}${v}村`,
        legalRep: personName(rnd),
        creditClass: 'B',
        status: '存续',
        tags: '村卫生室',
      };
    }
    if (seen.has(t.name)) t = { ...t, name: `${t.name}（${i}）` };
    seen.add(t.name);
    out.push(t);
  }
  return out;
}

type InspectorSeed = { department: string; section: string; staff: boolean; count: number };

const INSPECTOR_SEEDS: InspectorSeed[] = [
  { department: '邢台市医疗保障局', section: '基金监管科', staff: true, count: 5 },
  { department: '邢台市医疗保障局', section: '基金管理科', staff: true, count: 4 },
  { department: '邢台市医疗保障局', section: '医疗保险基金监管科', staff: true, count: 4 },
  { department: '邢台市医疗保障局', section: '医药服务管理科', staff: true, count: 2 },
  { department: '邢台市医疗保障局', section: '基金监管科', staff: false, count: 3 },
  { department: '邢台市市场监督管理局', section: '药品流通监管科', staff: true, count: 4 },
  { department: '邢台市市场监督管理局', section: '执法稽查支队', staff: false, count: 2 },
];

function makeInspectors(rnd: SampleRandom, targets: SampleTarget[]): SampleInspector[] {
  const out: SampleInspector[] = [];
  let seq = 1;
  const names = new Set<string>();
  for (const s of INSPECTOR_SEEDS) {
    for (let i = 0; i < s.count; i++) {
      let name = personName(rnd);
      while (names.has(name)) name = personName(rnd);
      names.add(name);
      const isYb = s.department.includes('医疗保障');
      const birth = `19${70 + rnd.int(25)}${String(1 + rnd.int(12)).padStart(2, '0')}${String(1 + rnd.int(28)).padStart(2, '0')}`;
      out.push({
        name,
        badgeNo: `${isYb ? '1305' : '1306'}0220${String(seq).padStart(5, '0')}`,
        residentId: residentId(`130502${birth}${String(100 + rnd.int(899))}`),
        department: s.department,
        section: s.section,
        staff: s.staff,
        onDuty: !(seq === 7),
        recuse: seq === 3 || seq === 20 ? targets[(seq * 5) % targets.length]!.name : '',
      });
      seq++;
    }
  }
  return out;
}

const PLAN_HEADER = [...PLAN_COLUMNS];

const MATTERS_YB = '对定点医药机构医疗保障基金使用情况进行监督检查';
const MATTERS_LAW = '对用人单位和个人遵守医疗保障法律、法规情况进行监督检查';
const MATTERS_DAILY = '对定点医疗机构日常监督';
const MATTERS_SJ = '药品质量安全的监督检查';

function planSheet(withXingtaiExample: boolean): WorkbookOp[] {
  const sheet = SAMPLE_SHEETS.plan;
  const last = cellAddress(0, PLAN_HEADER.length - 1).replace(/\d+$/, '');
  const rows: CellInput[][] = [
    [
      withXingtaiExample ? '2025001' : '2025001',
      withXingtaiExample ? '2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001' : '2025年邢台市医疗保障局随机抽查001',
      '001号',
      '2025年邢台市医疗保障局定点医疗机构“双随机”抽查',
      '定向抽查',
      { value: 0.1, format: '0%' },
      `${MATTERS_LAW}；${MATTERS_DAILY}`,
      '定点医疗机构',
      '基金管理科',
      '医疗保险基金监管科',
      '2025年3月至10月',
      '市本级',
      '',
    ],
    [
      '2025002',
      '2025年邢台市医疗保障局随机抽查002',
      '001号',
      '2025年邢台市医疗保障局、市场监督管理局定点零售药店第一批部门联合“双随机”抽查',
      '定向抽查',
      '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)',
      `${MATTERS_YB}；${MATTERS_SJ}`,
      '定点零售药店',
      '基金监管科',
      '市场监督管理局',
      '2025年4月-6月',
      '市本级',
      '部门联合抽查',
    ],
    [
      '2025002',
      '2025年邢台市医疗保障局随机抽查002',
      '002号',
      '2025年邢台市医疗保障局、市场监督管理局定点零售药店第二批部门联合“双随机”抽查',
      '定向抽查',
      '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)',
      `${MATTERS_YB}；${MATTERS_SJ}`,
      '定点零售药店',
      '基金监管科',
      '市场监督管理局',
      '2025年9-11月',
      '市本级',
      '部门联合抽查',
    ],
  ];
  const firstData = 4; // 1-based: title, 单位/制表时间, header, then data
  const lastData = firstData + rows.length - 1;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [['邢台市医疗保障局2025年度随机抽查工作计划']] },
    { kind: 'merge', sheet, address: `A1:${last}1` },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 16, horizontal: 'center', fontName: '宋体' } },
    { kind: 'write', sheet, address: 'A2', rows: [['单位（盖章）：邢台市医疗保障局']] },
    { kind: 'merge', sheet, address: 'A2:F2' },
    { kind: 'write', sheet, address: 'G2', rows: [['制表时间：2024年12月31日']] },
    { kind: 'merge', sheet, address: `G2:${last}2` },
    { kind: 'write', sheet, address: 'A3', rows: [PLAN_HEADER] },
    { kind: 'style', sheet, address: `A3:${last}3`, style: { bold: true, wrap: true, horizontal: 'center', vertical: 'middle', border: true, fill: '#DDEBF7' } },
    { kind: 'write', sheet, address: `A${firstData}`, rows, textColumns: [0, 2] },
    // One plan, two tasks: the bureau merges the plan's number and name over both rows.
    { kind: 'merge', sheet, address: `A${firstData + 1}:A${firstData + 2}` },
    { kind: 'merge', sheet, address: `B${firstData + 1}:B${firstData + 2}` },
    { kind: 'style', sheet, address: `A${firstData}:${last}${lastData}`, style: { wrap: true, vertical: 'middle', border: true } },
    {
      kind: 'write',
      sheet,
      address: `A${lastData + 2}`,
      rows: [
        ['备注：1.抽查计划名称为：年度+行政区划+部门+随机抽查+序号，抽查任务名称以实施方案名称为准。'],
        ['2.抽查时间必须填到月份。'],
        ['联系人：李乾    电话：0319-3690858'],
      ],
    },
    { kind: 'merge', sheet, address: `A${lastData + 2}:${last}${lastData + 2}` },
    { kind: 'merge', sheet, address: `A${lastData + 3}:${last}${lastData + 3}` },
    { kind: 'columnWidths', sheet, widths: [11, 30, 9, 30, 9, 20, 36, 14, 12, 14, 16, 10, 12] },
    { kind: 'pageSetup', sheet, setup: { orientation: 'landscape', paper: 'A4', fitToOnePageWide: true, printTitleRows: '3:3' } },
  ];
}

function mattersSheet(): WorkbookOp[] {
  const sheet = SAMPLE_SHEETS.matters;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [['2025年度“双随机、一公开”抽查事项清单']] },
    { kind: 'merge', sheet, address: 'A1:I1' },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14, horizontal: 'center' } },
    {
      kind: 'write',
      sheet,
      address: 'A2',
      rows: [
        ['序号', '抽查事项名称', '抽查依据', '抽查方式', '抽查主体', '抽查对象', '抽查比例', '抽查频次', '备注'],
        // The plan's tasks take their 抽查事项 from here, as often a year as 抽查频次 says (偃师 第七条、第九条).
        [1, MATTERS_LAW, '《医疗保障基金使用监督管理条例》', '现场检查', '邢台市医疗保障局', '定点医疗机构', { value: 0.1, format: '0%' }, '每年1次', ''],
        [2, MATTERS_DAILY, '定点医疗机构服务协议', '现场检查', '邢台市医疗保障局', '定点医疗机构', { value: 0.1, format: '0%' }, '每年1次', ''],
        [
          3,
          MATTERS_YB,
          '邢台市城镇职工基本医疗保险\n定点零售药店服务协议',
          '现场检查',
          '邢台市医疗保障局和市市场监督管理局',
          '定点零售药店',
          '低(A、1%)、中(B、3%)、中高(C、10%)、高(D、20%)',
          '上半年、下半年各一次',
          '',
        ],
        [4, MATTERS_SJ, '《药品管理法》', '现场检查', '邢台市市场监督管理局', '定点零售药店', { value: 0.05, format: '0%' }, '上半年、下半年各一次', ''],
      ],
    },
    { kind: 'style', sheet, address: 'A2:I6', style: { wrap: true, border: true, vertical: 'middle' } },
    { kind: 'columnWidths', sheet, widths: [6, 34, 26, 10, 22, 14, 24, 14, 8] },
  ];
}

function targetsSheet(targets: SampleTarget[]): WorkbookOp[] {
  const sheet = SAMPLE_SHEETS.targets;
  const header = ['序号', '检查对象名称', '统一社会信用代码', '对象类型', '所属区域', '地址', '法定代表人/负责人', '信用等级', '经营状态', '分类标注'];
  const rows: CellInput[][] = targets.map((t, i) => [i + 1, t.name, t.uscc, t.type, t.region, t.address, t.legalRep, t.creditClass, t.status, t.tags]);
  const n = rows.length + 2;
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [['邢台市定点医药机构名录（检查对象名录库）  更新日期：2025年2月']] },
    { kind: 'merge', sheet, address: 'A1:J1' },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14 } },
    // Line breaks inside headers, as people type them with Alt+Enter.
    { kind: 'write', sheet, address: 'A2', rows: [header.map((h) => (h === '统一社会信用代码' ? '统一社会\n信用代码' : h))] },
    { kind: 'style', sheet, address: 'A2:J2', style: { bold: true, wrap: true, border: true, fill: '#E2EFDA' } },
    { kind: 'write', sheet, address: 'A3', rows, textColumns: [2] },
    { kind: 'style', sheet, address: `A3:J${n}`, style: { border: true } },
    { kind: 'columnWidths', sheet, widths: [6, 44, 22, 14, 10, 34, 12, 8, 8, 16] },
  ];
}

function inspectorsSheet(inspectors: SampleInspector[]): WorkbookOp[] {
  const sheet = SAMPLE_SHEETS.inspectors;
  const header = ['序号', '姓名', '执法证号', '身份证号', '所属单位', '科室', '人员类别', '在岗状态', '回避对象'];
  const rows: CellInput[][] = inspectors.map((p, i) => [
    i + 1,
    p.name,
    p.badgeNo,
    p.residentId,
    p.department,
    p.section,
    p.staff ? '局部门工作人员' : '事业单位人员',
    p.onDuty ? '在岗' : '休假',
    p.recuse,
  ]);
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [['执法检查人员名录库']] },
    { kind: 'merge', sheet, address: 'A1:I1' },
    { kind: 'style', sheet, address: 'A1', style: { bold: true, fontSize: 14 } },
    { kind: 'write', sheet, address: 'A2', rows: [header] },
    { kind: 'style', sheet, address: 'A2:I2', style: { bold: true, border: true, fill: '#FFF2CC' } },
    { kind: 'write', sheet, address: 'A3', rows, textColumns: [2, 3] },
    { kind: 'style', sheet, address: `A3:I${rows.length + 2}`, style: { border: true } },
    { kind: 'columnWidths', sheet, widths: [6, 10, 18, 22, 22, 20, 16, 10, 40] },
  ];
}

function historySheet(targets: SampleTarget[], inspectors: SampleInspector[], rnd: SampleRandom): WorkbookOp[] {
  const sheet = SAMPLE_SHEETS.history;
  const header = ['检查日期', '检查对象名称', '统一社会信用代码', '抽查计划编号', '检查人员', '执法证号', '检查结果'];
  const yb = inspectors.filter((p) => p.department.includes('医疗保障') && p.staff);
  const rows: CellInput[][] = [];
  // Two earlier inspections of the same pharmacy by the same two people: they may not go a third time.
  const repeat = targets.find((t) => t.type === '定点零售药店' && t.creditClass === 'D') ?? targets[0]!;
  const pair = [yb[0]!, yb[1]!];
  for (const date of [45310, 45600]) {
    rows.push([
      { value: date, format: 'yyyy/m/d' },
      repeat.name,
      repeat.uscc,
      date < 45500 ? '2024001' : '2024002',
      pair.map((p) => p.name).join('、'),
      pair.map((p) => p.badgeNo).join('、'),
      '1',
    ]);
  }
  for (let i = 0; i < 24; i++) {
    const t = targets[(i * 11 + 5) % targets.length]!;
    const a = yb[rnd.int(yb.length)]!;
    let b = yb[rnd.int(yb.length)]!;
    while (b === a) b = yb[rnd.int(yb.length)]!;
    rows.push([
      { value: 45300 + i * 17, format: 'yyyy/m/d' },
      t.name,
      t.uscc,
      i < 12 ? '2024001' : '2024002',
      `${a.name}、${b.name}`,
      `${a.badgeNo}、${b.badgeNo}`,
      String([1, 1, 1, 5, 9, 1, 8][i % 7]),
    ]);
  }
  return [
    { kind: 'addSheet', sheet },
    { kind: 'write', sheet, address: 'A1', rows: [header] },
    { kind: 'style', sheet, address: 'A1:G1', style: { bold: true, border: true } },
    { kind: 'write', sheet, address: 'A2', rows, textColumns: [2, 3, 5] },
    { kind: 'columnWidths', sheet, widths: [12, 44, 22, 12, 16, 34, 10] },
  ];
}

/**
 * Builds the sample bureau workbook as operations on an empty workbook.
 * @param options size and seed
 * @returns the operations plus the generated directory entries (for tests)
 * @example const { ops } = buildSampleBook({ targets: 50 }); await book.apply(ops);
 */
export function buildSampleBook(options: SampleOptions = {}): SampleBook {
  const rnd = createSampleRandom(options.seed ?? 2025);
  const targets = makeTargets(options.targets ?? 300, rnd);
  const inspectors = makeInspectors(rnd, targets);
  const ops = [
    ...planSheet(options.withXingtaiExample ?? true),
    ...mattersSheet(),
    ...targetsSheet(targets),
    ...inspectorsSheet(inspectors),
    ...historySheet(targets, inspectors, rnd),
  ];
  return { ops, targets, inspectors };
}
