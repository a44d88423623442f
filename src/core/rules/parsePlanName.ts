import { hasSpaces, stripSpaces, toHalfWidth } from '../text';
import { lastDepartmentEnd, leadingDivision, splitDivisionDepartment } from './_lib/planNameParts';
import { toRuleResult, type RuleFinding, type RuleResult } from './ruleFinding';

/** The parts of 抽查计划名称 = 年度 + 行政区划 + 部门 + 随机抽查 + 序号. */
export type PlanNameParts = {
  year: number;
  /** 行政区划, e.g. `承德县`, `邢台市`. */
  division: string;
  /** 部门, e.g. `医疗保障局`, `医疗保障局桥东分局`. */
  department: string;
  /** 序号, three digits: `001`. */
  seq: string;
};

/**
 * What the name should agree with, when known: the plan number (`2025001` gives year and 序号),
 * or the parts themselves (from the sheet's 单位名称, for instance). Also used to fill in a
 * suggestion when a part is missing from the name.
 */
export type PlanNameContext = {
  year?: number;
  division?: string;
  department?: string;
  seq?: string;
  planNo?: string | number;
  /** Where `year` comes from, for the message (`本计划表及本局设置`); default: the plan number. */
  yearSource?: string;
  /** Where `division` and `department` come from (`本局设置`, `表头的单位“…”`); default `本单位`. */
  unitSource?: string;
};

const KEYWORD = '随机抽查';
const FORMULA = '“年度+行政区划+部门+随机抽查+序号”';
const EXAMPLE = '如“2022年承德县医疗保障局随机抽查001”';

function finding(severity: RuleFinding['severity'], code: string, message: string): RuleFinding {
  return { severity, code, message };
}

/** Year and 序号 expected from the context, the plan number filling what is not given directly. */
function expectedFrom(context: PlanNameContext): { year?: number; seq?: string } {
  const no = context.planNo === undefined ? '' : stripSpaces(toHalfWidth(String(context.planNo)));
  const m = /^(\d{4})(\d{3})$/.exec(no);
  return {
    year: context.year ?? (m ? Number(m[1]) : undefined),
    seq: context.seq ?? (m ? m[2] : undefined),
  };
}

function seqSource(context: PlanNameContext): string {
  return context.planNo !== undefined ? `抽查计划编号“${String(context.planNo).trim()}”` : '计划';
}

/**
 * Reads a 抽查计划名称 into its parts and reports exactly what is missing, extra or out of
 * order, with the corrected name as a suggestion. Spaces and full-width digits are tolerated
 * (warnings). The Xingtai example `2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001` gives
 * two `PLAN_NAME_EXTRA_TEXT` errors and the suggestion `2025年邢台市医疗保障局随机抽查001`.
 *
 * The name is read left to right, one part per step: 年度 ({@link readYear}), the 随机抽查 keyword
 * and the 序号 digits around it ({@link splitAtKeyword}), 行政区划 + 部门 ({@link readUnit}), the
 * 序号 itself ({@link readSeq}); then the parts are compared with the context ({@link checkAgreement})
 * and one corrected name is built ({@link suggestName}).
 *
 * @param name - the cell text
 * @param context - what the name should agree with (plan number, year, division, department, 序号)
 * @returns the parts with warnings, or the findings (codes `PLAN_NAME_…`) and the parts that could be read
 * @example parsePlanName('2022年承德县医疗保障局随机抽查001')
 * // { ok: true, value: { year: 2022, division: '承德县', department: '医疗保障局', seq: '001' }, findings: [] }
 */
export function parsePlanName(name: string, context: PlanNameContext = {}): RuleResult<PlanNameParts> {
  const compact = stripSpaces(toHalfWidth(name));
  if (compact === '') {
    return toRuleResult<PlanNameParts>(undefined, [
      finding('error', 'PLAN_NAME_MISSING', `抽查计划名称为空；请按${FORMULA}填写，${EXAMPLE}`),
    ]);
  }
  const expected = expectedFrom(context);
  const year = readYear(compact, expected);
  const pieces = splitAtKeyword(year.rest);
  const unit = readUnit(pieces.head, context);
  const seq = readSeq(pieces.seqDigits, year.year, expected, context);
  const findings = [
    ...formFindings(name),
    ...year.findings,
    ...missingUnitFindings(unit, context),
    ...extraTextFindings(pieces, unit),
    ...seq.findings,
  ];
  const parts: Partial<PlanNameParts> = {
    ...(year.year !== undefined ? { year: year.year } : {}),
    ...(unit.division !== '' ? { division: unit.division } : {}),
    ...(unit.department !== '' ? { department: unit.department } : {}),
    ...(seq.seq !== undefined ? { seq: seq.seq } : {}),
  };
  findings.push(...checkAgreement(parts, expected, context));
  const suggestion = suggestName(parts, expected, context);
  const withSuggestion =
    suggestion !== undefined && suggestion !== name ? findings.map((f) => ({ ...f, suggestion })) : findings;
  const complete =
    parts.year !== undefined && parts.division && parts.department && parts.seq
      ? { year: parts.year, division: parts.division, department: parts.department, seq: parts.seq }
      : undefined;
  return toRuleResult(complete, withSuggestion, parts);
}

/** Spaces and full-width characters: understood, but not the standard form. */
function formFindings(name: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (hasSpaces(name.trim())) {
    findings.push(finding('warning', 'PLAN_NAME_SPACES', '抽查计划名称中有空格；名称应连续书写，请删去空格'));
  }
  if (/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(name)) {
    findings.push(finding('warning', 'PLAN_NAME_FULL_WIDTH', '抽查计划名称中有全角数字或字母；请改为半角'));
  }
  return findings;
}

type YearReading = { year?: number; rest: string; findings: RuleFinding[] };

/** 年度 at the start (`2025年`), or somewhere else (moved), or nowhere; returns the name without it. */
function readYear(compact: string, expected: { year?: number }): YearReading {
  const lead = /^(\d{4})(年度|年)?/.exec(compact);
  if (lead) {
    const year = Number(lead[1]);
    const rest = compact.slice(lead[0].length);
    if (lead[2] === '年度') {
      const message = `抽查计划名称的年度请写作“${year}年”，不写“${year}年度”`;
      return { year, rest, findings: [finding('warning', 'PLAN_NAME_YEAR_FORMAT', message)] };
    }
    if (!lead[2]) {
      const message = `抽查计划名称的年度后缺少“年”字，请写作“${year}年”`;
      return { year, rest, findings: [finding('error', 'PLAN_NAME_YEAR_UNIT_MISSING', message)] };
    }
    return { year, rest, findings: [] };
  }
  const inner = /(\d{4})年度?/.exec(compact);
  if (inner) {
    const rest = compact.slice(0, inner.index) + compact.slice(inner.index + inner[0].length);
    const message = `抽查计划名称应以年度开头：请把“${inner[0]}”移到名称最前面`;
    return { year: Number(inner[1]), rest, findings: [finding('error', 'PLAN_NAME_YEAR_POSITION', message)] };
  }
  const message = `抽查计划名称缺少开头的年度（如“${expected.year ?? 2025}年”）；名称应为${FORMULA}`;
  return { rest: compact, findings: [finding('error', 'PLAN_NAME_YEAR_MISSING', message)] };
}

type KeywordPieces = {
  readonly hasKeyword: boolean;
  /** Before 随机抽查 (行政区划 + 部门 + anything extra); without the keyword, before the last digits. */
  readonly head: string;
  readonly extraBeforeSeq: string;
  readonly seqDigits: string;
  readonly extraAfterSeq: string;
};

/** Splits the rest of the name at the last 随机抽查: what comes before, and 序号 with anything around it. */
function splitAtKeyword(rest: string): KeywordPieces {
  const k = rest.lastIndexOf(KEYWORD);
  let head = k >= 0 ? rest.slice(0, k) : rest;
  let tail = k >= 0 ? rest.slice(k + KEYWORD.length) : '';
  if (k < 0) {
    // Without the keyword the 序号 is whatever digits end the name.
    const m = /^(.*?)(\d+)$/.exec(head);
    tail = m ? (m[2] ?? '') : '';
    head = m ? (m[1] ?? '') : head;
  }
  const m = /^(.*?)(\d+)([^\d]*)$/.exec(tail);
  return {
    hasKeyword: k >= 0,
    head,
    extraBeforeSeq: m ? (m[1] ?? '') : tail,
    seqDigits: m ? (m[2] ?? '') : '',
    extraAfterSeq: m ? (m[3] ?? '') : '',
  };
}

type UnitReading = { division: string; department: string; extraBeforeKeyword: string };

/** 行政区划 + 部门 at the start of `head`, and whatever follows the department (extra text). */
function readUnit(head: string, context: PlanNameContext): UnitReading {
  const deptEnd = lastDepartmentEnd(head);
  if (deptEnd < 0) {
    const division = leadingDivision(head, context.division);
    return { division, department: '', extraBeforeKeyword: head.slice(division.length) };
  }
  const split = splitDivisionDepartment(head.slice(0, deptEnd), context.division);
  return { ...split, extraBeforeKeyword: head.slice(deptEnd) };
}

function missingUnitFindings(unit: UnitReading, context: PlanNameContext): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (unit.division === '') {
    const expected = context.division ? `：“${context.division}”` : '';
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DIVISION_MISSING',
        `抽查计划名称缺少行政区划（如“承德县”“邢台市”），应写在年度之后、部门之前${expected}`,
      ),
    );
  }
  if (unit.department === '') {
    const expected = context.department ? `：“${context.department}”` : '';
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DEPARTMENT_MISSING',
        `抽查计划名称缺少部门（如“医疗保障局”），应写在行政区划之后、“随机抽查”之前${expected}`,
      ),
    );
  }
  return findings;
}

/** The missing keyword, and every piece of text that belongs to no part, one finding per place. */
function extraTextFindings(pieces: KeywordPieces, unit: UnitReading): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const extra = (where: string, text: string): RuleFinding =>
    finding('error', 'PLAN_NAME_EXTRA_TEXT', `抽查计划名称在${where}多了“${text}”；名称应为${FORMULA}，请删去`);
  if (!pieces.hasKeyword) {
    const instead = unit.extraBeforeKeyword !== '' ? `（此处现为：${unit.extraBeforeKeyword}）` : '';
    findings.push(
      finding('error', 'PLAN_NAME_KEYWORD_MISSING', `抽查计划名称缺少“随机抽查”四字，应写在部门之后、序号之前${instead}`),
    );
  } else if (unit.extraBeforeKeyword !== '') {
    const where = unit.department !== '' ? `部门“${unit.department}”与“随机抽查”之间` : '“随机抽查”之前';
    findings.push(extra(where, unit.extraBeforeKeyword));
  }
  if (pieces.extraBeforeSeq !== '') {
    findings.push(extra(pieces.seqDigits !== '' ? '“随机抽查”与序号之间' : '“随机抽查”之后', pieces.extraBeforeSeq));
  }
  if (pieces.extraAfterSeq !== '') {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_EXTRA_TEXT',
        `抽查计划名称在序号之后多了“${pieces.extraAfterSeq}”；名称应以三位序号结尾，请删去`,
      ),
    );
  }
  return findings;
}

/** The 序号: three digits, or a number to pad, or the whole plan number written instead. */
function readSeq(
  digits: string,
  year: number | undefined,
  expected: { seq?: string },
  context: PlanNameContext,
): { seq?: string; findings: RuleFinding[] } {
  if (digits === '') {
    const from = expected.seq ? `；按${seqSource(context)}应为“${expected.seq}”` : '';
    const message = `抽查计划名称缺少末尾的三位序号（如“001”）${from}`;
    return { findings: [finding('error', 'PLAN_NAME_SEQ_MISSING', message)] };
  }
  if (digits.length === 3) return { seq: digits, findings: [] };
  if (Number(digits) >= 1 && Number(digits) <= 999) {
    const seq = String(Number(digits)).padStart(3, '0');
    const message = `抽查计划名称的序号“${digits}”应为三位数字，请写作“${seq}”`;
    return { seq, findings: [finding('error', 'PLAN_NAME_SEQ_FORMAT', message)] };
  }
  if (year !== undefined && digits.length === 7 && digits.startsWith(String(year))) {
    const seq = digits.slice(4);
    const message = `抽查计划名称末尾写的是计划编号“${digits}”，序号只写后三位“${seq}”`;
    return { seq, findings: [finding('error', 'PLAN_NAME_SEQ_FORMAT', message)] };
  }
  const message = `抽查计划名称的序号“${digits}”应为三位数字（001-999）`;
  return { findings: [finding('error', 'PLAN_NAME_SEQ_FORMAT', message)] };
}

/** Year and 序号 against the plan number (or the agreed year), division and department against the unit. */
function checkAgreement(
  parts: Partial<PlanNameParts>,
  expected: { year?: number; seq?: string },
  context: PlanNameContext,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const src = seqSource(context);
  if (parts.year !== undefined && expected.year !== undefined && parts.year !== expected.year) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_YEAR_MISMATCH',
        `抽查计划名称中的年度${parts.year}与${context.yearSource ?? src}的年度${expected.year}不一致，请核对后改成一致`,
      ),
    );
  }
  if (parts.seq !== undefined && expected.seq !== undefined && parts.seq !== expected.seq) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_SEQ_MISMATCH',
        `抽查计划名称中的序号“${parts.seq}”与${src}的序号“${expected.seq}”不一致，请核对后改成一致`,
      ),
    );
  }
  const unitSource = context.unitSource ?? '本单位';
  if (parts.division !== undefined && context.division && parts.division !== context.division) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DIVISION_MISMATCH',
        `抽查计划名称中的行政区划“${parts.division}”与${unitSource}的“${context.division}”不一致，请核对`,
      ),
    );
  }
  if (parts.department !== undefined && context.department && parts.department !== context.department) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DEPARTMENT_MISMATCH',
        `抽查计划名称中的部门“${parts.department}”与${unitSource}的“${context.department}”不一致，请核对`,
      ),
    );
  }
  return findings;
}

/** One corrected name: the expected values where known, else what the name itself says. */
function suggestName(
  parts: Partial<PlanNameParts>,
  expected: { year?: number; seq?: string },
  context: PlanNameContext,
): string | undefined {
  const year = expected.year ?? parts.year;
  const division = context.division ?? parts.division;
  const department = context.department ?? parts.department;
  const seq = expected.seq ?? parts.seq;
  return year !== undefined && division && department && seq
    ? `${year}年${division}${department}${KEYWORD}${seq}`
    : undefined;
}

/**
 * Checks a 抽查计划名称 against the rule 年度 + 行政区划 + 部门 + 随机抽查 + 序号 and against
 * what it should agree with. See {@link parsePlanName}.
 *
 * @param name - the cell text
 * @param expected - plan number, year, division, department or 序号 the name must agree with
 * @returns the findings (codes `PLAN_NAME_…`), empty when the name is right
 * @example checkPlanName('2025年邢台市医疗保障局定点医疗机构随机抽查工作方案001')[0]?.suggestion
 * // '2025年邢台市医疗保障局随机抽查001'
 */
export function checkPlanName(name: string, expected: PlanNameContext = {}): RuleFinding[] {
  return parsePlanName(name, expected).findings;
}
