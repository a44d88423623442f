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
 * @param name - the cell text
 * @param context - what the name should agree with (plan number, year, division, department, 序号)
 * @returns the parts with warnings, or the findings (codes `PLAN_NAME_…`) and the parts that could be read
 * @example parsePlanName('2022年承德县医疗保障局随机抽查001')
 * // { ok: true, value: { year: 2022, division: '承德县', department: '医疗保障局', seq: '001' }, findings: [] }
 */
export function parsePlanName(name: string, context: PlanNameContext = {}): RuleResult<PlanNameParts> {
  const findings: RuleFinding[] = [];
  const half = toHalfWidth(name);
  const compact = stripSpaces(half);
  if (compact === '') {
    return toRuleResult<PlanNameParts>(undefined, [
      finding('error', 'PLAN_NAME_MISSING', `抽查计划名称为空；请按${FORMULA}填写，${EXAMPLE}`),
    ]);
  }
  if (hasSpaces(name.trim())) {
    findings.push(finding('warning', 'PLAN_NAME_SPACES', '抽查计划名称中有空格；名称应连续书写，请删去空格'));
  }
  if (/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/.test(name)) {
    findings.push(finding('warning', 'PLAN_NAME_FULL_WIDTH', '抽查计划名称中有全角数字或字母；请改为半角'));
  }
  const expected = expectedFrom(context);

  // 年度
  let rest = compact;
  let year: number | undefined;
  const lead = /^(\d{4})(年度|年)?/.exec(rest);
  if (lead) {
    year = Number(lead[1]);
    rest = rest.slice(lead[0].length);
    if (lead[2] === '年度') {
      findings.push(
        finding('warning', 'PLAN_NAME_YEAR_FORMAT', `抽查计划名称的年度请写作“${year}年”，不写“${year}年度”`),
      );
    } else if (!lead[2]) {
      findings.push(
        finding('error', 'PLAN_NAME_YEAR_UNIT_MISSING', `抽查计划名称的年度后缺少“年”字，请写作“${year}年”`),
      );
    }
  } else {
    const inner = /(\d{4})年度?/.exec(rest);
    if (inner) {
      year = Number(inner[1]);
      rest = rest.slice(0, inner.index) + rest.slice(inner.index + inner[0].length);
      findings.push(
        finding(
          'error',
          'PLAN_NAME_YEAR_POSITION',
          `抽查计划名称应以年度开头：请把“${inner[0]}”移到名称最前面`,
        ),
      );
    } else {
      findings.push(
        finding(
          'error',
          'PLAN_NAME_YEAR_MISSING',
          `抽查计划名称缺少开头的年度（如“${expected.year ?? 2025}年”）；名称应为${FORMULA}`,
        ),
      );
    }
  }

  // 随机抽查 and what follows it
  const k = rest.lastIndexOf(KEYWORD);
  const head = k >= 0 ? rest.slice(0, k) : rest;
  const afterKeyword = k >= 0 ? rest.slice(k + KEYWORD.length) : '';
  let tail = afterKeyword;
  let headBody = head;
  if (k < 0) {
    // Without the keyword the 序号 is whatever digits end the name.
    const m = /^(.*?)(\d+)$/.exec(head);
    headBody = m ? (m[1] ?? '') : head;
    tail = m ? (m[2] ?? '') : '';
  }
  const tailMatch = /^(.*?)(\d+)([^\d]*)$/.exec(tail);
  const extraBeforeSeq = tailMatch ? (tailMatch[1] ?? '') : tail;
  const seqDigits = tailMatch ? (tailMatch[2] ?? '') : '';
  const extraAfterSeq = tailMatch ? (tailMatch[3] ?? '') : '';

  // 行政区划 + 部门 + anything extra before 随机抽查
  const deptEnd = lastDepartmentEnd(headBody);
  const divisionOnly = deptEnd < 0 ? leadingDivision(headBody, context.division) : '';
  const extraBeforeKeyword = deptEnd >= 0 ? headBody.slice(deptEnd) : headBody.slice(divisionOnly.length);
  const split =
    deptEnd >= 0
      ? splitDivisionDepartment(headBody.slice(0, deptEnd), context.division)
      : { division: divisionOnly, department: '' };
  const division = split.division;
  const department = split.department;

  if (division === '') {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DIVISION_MISSING',
        `抽查计划名称缺少行政区划（如“承德县”“邢台市”），应写在年度之后、部门之前${context.division ? `：“${context.division}”` : ''}`,
      ),
    );
  }
  if (department === '') {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DEPARTMENT_MISSING',
        `抽查计划名称缺少部门（如“医疗保障局”），应写在行政区划之后、“随机抽查”之前${context.department ? `：“${context.department}”` : ''}`,
      ),
    );
  }
  if (k < 0) {
    const instead = extraBeforeKeyword !== '' ? `（此处现为：${extraBeforeKeyword}）` : '';
    findings.push(
      finding(
        'error',
        'PLAN_NAME_KEYWORD_MISSING',
        `抽查计划名称缺少“随机抽查”四字，应写在部门之后、序号之前${instead}`,
      ),
    );
  } else if (extraBeforeKeyword !== '') {
    const where = department !== '' ? `部门“${department}”与“随机抽查”之间` : '“随机抽查”之前';
    findings.push(
      finding(
        'error',
        'PLAN_NAME_EXTRA_TEXT',
        `抽查计划名称在${where}多了“${extraBeforeKeyword}”；名称应为${FORMULA}，请删去`,
      ),
    );
  }
  if (extraBeforeSeq !== '') {
    const where = seqDigits !== '' ? '“随机抽查”与序号之间' : '“随机抽查”之后';
    findings.push(
      finding(
        'error',
        'PLAN_NAME_EXTRA_TEXT',
        `抽查计划名称在${where}多了“${extraBeforeSeq}”；名称应为${FORMULA}，请删去`,
      ),
    );
  }
  if (extraAfterSeq !== '') {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_EXTRA_TEXT',
        `抽查计划名称在序号之后多了“${extraAfterSeq}”；名称应以三位序号结尾，请删去`,
      ),
    );
  }

  // 序号
  let seq: string | undefined;
  if (seqDigits === '') {
    const from = expected.seq ? `；按${seqSource(context)}应为“${expected.seq}”` : '';
    findings.push(
      finding('error', 'PLAN_NAME_SEQ_MISSING', `抽查计划名称缺少末尾的三位序号（如“001”）${from}`),
    );
  } else if (seqDigits.length === 3) {
    seq = seqDigits;
  } else if (Number(seqDigits) >= 1 && Number(seqDigits) <= 999) {
    seq = String(Number(seqDigits)).padStart(3, '0');
    findings.push(
      finding(
        'error',
        'PLAN_NAME_SEQ_FORMAT',
        `抽查计划名称的序号“${seqDigits}”应为三位数字，请写作“${seq}”`,
      ),
    );
  } else if (year !== undefined && seqDigits.length === 7 && seqDigits.startsWith(String(year))) {
    seq = seqDigits.slice(4);
    findings.push(
      finding(
        'error',
        'PLAN_NAME_SEQ_FORMAT',
        `抽查计划名称末尾写的是计划编号“${seqDigits}”，序号只写后三位“${seq}”`,
      ),
    );
  } else {
    findings.push(
      finding('error', 'PLAN_NAME_SEQ_FORMAT', `抽查计划名称的序号“${seqDigits}”应为三位数字（001-999）`),
    );
  }

  // Agreement with the plan number and the unit
  const src = seqSource(context);
  if (year !== undefined && expected.year !== undefined && year !== expected.year) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_YEAR_MISMATCH',
        `抽查计划名称中的年度${year}与${src}的年度${expected.year}不一致，请核对后改成一致`,
      ),
    );
  }
  if (seq !== undefined && expected.seq !== undefined && seq !== expected.seq) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_SEQ_MISMATCH',
        `抽查计划名称中的序号“${seq}”与${src}的序号“${expected.seq}”不一致，请核对后改成一致`,
      ),
    );
  }
  if (division !== '' && context.division && division !== context.division) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DIVISION_MISMATCH',
        `抽查计划名称中的行政区划“${division}”与本单位的“${context.division}”不一致，请核对`,
      ),
    );
  }
  if (department !== '' && context.department && department !== context.department) {
    findings.push(
      finding(
        'error',
        'PLAN_NAME_DEPARTMENT_MISMATCH',
        `抽查计划名称中的部门“${department}”与本单位的“${context.department}”不一致，请核对`,
      ),
    );
  }

  const parts: Partial<PlanNameParts> = {
    ...(year !== undefined ? { year } : {}),
    ...(division !== '' ? { division } : {}),
    ...(department !== '' ? { department } : {}),
    ...(seq !== undefined ? { seq } : {}),
  };
  const sYear = expected.year ?? year;
  const sDivision = context.division ?? parts.division;
  const sDepartment = context.department ?? parts.department;
  const sSeq = expected.seq ?? seq;
  const suggestion =
    sYear !== undefined && sDivision && sDepartment && sSeq
      ? `${sYear}年${sDivision}${sDepartment}${KEYWORD}${sSeq}`
      : undefined;
  const withSuggestion =
    suggestion !== undefined && suggestion !== name ? findings.map((f) => ({ ...f, suggestion })) : findings;
  const complete =
    parts.year !== undefined && parts.division && parts.department && parts.seq
      ? { year: parts.year, division: parts.division, department: parts.department, seq: parts.seq }
      : undefined;
  return toRuleResult(complete, withSuggestion, parts);
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
