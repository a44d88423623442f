/**
 * The tables bureaus keep and the header words they use for each column. Headers are matched after
 * `normalizeHeader` (no spaces or line breaks, half-width punctuation); a synonym matches when the
 * header equals it or contains it, the longest synonym winning.
 */
export type TableKind = 'plan' | 'matters' | 'targets' | 'inspectors' | 'history';

export type FieldSpec = {
  field: string;
  /** The standard Chinese header, used in messages. */
  label: string;
  synonyms: string[];
};

export type TableSchema = {
  kind: TableKind;
  /** Chinese name of the table for messages. */
  title: string;
  fields: FieldSpec[];
  /** Each inner list: at least one of these fields must be found for the table to count. */
  requires: string[][];
  /** Fields whose presence means it is NOT this kind (a plan table is not a matters list). */
  excludes?: string[];
};

const f = (field: string, label: string, ...synonyms: string[]): FieldSpec => ({ field, label, synonyms: [label, ...synonyms] });

export const TABLE_SCHEMAS: readonly TableSchema[] = [
  {
    kind: 'plan',
    title: '年度随机抽查工作计划',
    fields: [
      f('planNo', '抽查计划编号', '计划编号'),
      f('planName', '抽查计划名称', '计划名称'),
      f('taskNo', '抽查任务编号', '任务编号'),
      f('taskName', '抽查任务名称', '任务名称'),
      f('taskType', '抽查类型'),
      f('ratio', '抽查比例', '比例'),
      f('matters', '抽查事项', '检查事项', '抽查内容'),
      f('scope', '抽查对象范围', '抽查范围', '对象范围', '抽查对象'),
      f('leadDept', '发起科室', '发起部门', '牵头科室', '牵头部门', '发起单位'),
      f('jointDepts', '联合科室', '联合部门', '配合部门', '联合单位'),
      f('period', '抽查时间', '检查时间', '实施时间'),
      f('level', '实施检查层级', '检查层级'),
      f('secret', '是否涉密', '涉密'),
      f('note', '备注'),
    ],
    requires: [['planName', 'planNo'], ['taskNo', 'taskName', 'period', 'ratio']],
  },
  {
    kind: 'matters',
    title: '随机抽查事项清单',
    fields: [
      f('seq', '序号'),
      f('matterName', '抽查事项名称', '抽查事项', '事项名称'),
      f('basis', '抽查依据', '检查依据'),
      f('method', '抽查方式', '检查方式'),
      f('subject', '抽查主体', '检查主体'),
      f('object', '抽查对象', '检查对象'),
      f('ratio', '抽查比例', '比例'),
      f('frequency', '抽查频次', '频次'),
      f('note', '备注'),
    ],
    requires: [['matterName'], ['ratio', 'frequency', 'basis']],
    excludes: ['planName', 'planNo'],
  },
  {
    kind: 'targets',
    title: '检查对象名录库',
    fields: [
      f('name', '检查对象名称', '单位名称', '机构名称', '企业名称', '药店名称', '名称', '检查对象'),
      f('uscc', '统一社会信用代码', '社会信用代码', '信用代码', '注册号', '医保编码', '机构编码'),
      f('address', '地址', '住所', '经营场所', '经营地址', '注册地址'),
      f('legalRep', '法定代表人', '负责人', '法人'),
      f('type', '对象类型', '机构类型', '类型', '类别'),
      f('region', '所属区域', '行政区划', '区域', '乡镇', '所在地'),
      f('creditClass', '信用等级', '信用风险等级', '风险等级', '信用分类', '信用风险分类'),
      f('tags', '分类标注', '标签', '分类标签'),
      f('status', '经营状态', '状态', '登记状态'),
      f('lastInspected', '上次检查日期', '最近检查日期'),
      f('phone', '联系电话', '电话'),
      f('note', '备注'),
    ],
    requires: [['name'], ['uscc', 'creditClass', 'type', 'legalRep']],
    excludes: ['badgeNo'],
  },
  {
    kind: 'inspectors',
    title: '执法检查人员名录库',
    fields: [
      f('name', '姓名'),
      f('badgeNo', '执法证号', '执法证件号码', '执法证编号', '执法证件号', '证件号'),
      f('residentId', '身份证号', '身份证号码', '公民身份号码'),
      f('department', '所属单位', '单位', '部门', '所属部门', '工作单位'),
      f('section', '科室', '股室', '所属科室'),
      f('staff', '人员类别', '是否局部门工作人员', '人员性质', '身份'),
      f('onDuty', '在岗状态', '是否在岗', '状态'),
      f('conflicts', '回避对象', '利害关系', '回避'),
      f('tags', '分类标注', '标签', '专业'),
      f('phone', '联系电话', '电话'),
      f('note', '备注'),
    ],
    requires: [['name'], ['badgeNo', 'department']],
  },
  {
    kind: 'history',
    title: '检查历史',
    fields: [
      f('target', '检查对象名称', '检查对象', '被检查对象', '单位名称', '名称'),
      f('uscc', '统一社会信用代码', '社会信用代码', '信用代码', '注册号'),
      f('date', '检查日期', '抽查日期', '检查时间'),
      f('inspectors', '检查人员', '执法检查人员', '执法人员', '检查组成员'),
      f('badgeNos', '执法证号', '检查人员执法证号'),
      f('planNo', '抽查计划编号', '计划编号'),
      f('taskNo', '抽查任务编号', '任务编号'),
      f('result', '检查结果'),
      f('note', '备注'),
    ],
    requires: [['date'], ['target', 'uscc'], ['inspectors', 'badgeNos']],
  },
];

/** The schema of a kind. */
export function schemaOf(kind: TableKind): TableSchema {
  const s = TABLE_SCHEMAS.find((x) => x.kind === kind);
  if (!s) throw new Error(`unknown table kind ${kind}`);
  return s;
}
