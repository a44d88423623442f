import type { CellValue } from '../grid';
import { hasSpaces, stripSpaces, toHalfWidth } from '../text';
import { toRuleResult, type RuleFinding, type RuleResult } from './ruleFinding';

/** 抽查计划编号 read: `2025001` is year 2025, 序号 `001`. */
export type PlanNo = { planNo: string; year: number; seq: string };

/**
 * Reads a 抽查计划编号: a four-digit year and a three-digit 序号 (`2025001`). A number cell
 * (2025001 stored as a number) is fine; spaces and full-width digits are tolerated with a warning.
 *
 * @param planNo - the raw cell value or its text
 * @returns the number split into year and 序号, or findings with codes `PLAN_NO_…`
 * @example parsePlanNo(2025001) // { ok: true, value: { planNo: '2025001', year: 2025, seq: '001' }, findings: [] }
 */
export function parsePlanNo(planNo: CellValue | undefined): RuleResult<PlanNo> {
  if (planNo === null || planNo === undefined || (typeof planNo === 'string' && stripSpaces(planNo) === '')) {
    return toRuleResult<PlanNo>(undefined, [
      {
        severity: 'error',
        code: 'PLAN_NO_MISSING',
        message: '抽查计划编号为空；请填写“年度+三位序号”，如“2025001”',
      },
    ]);
  }
  const findings: RuleFinding[] = [];
  const text = String(planNo);
  const compact = stripSpaces(toHalfWidth(text));
  if (typeof planNo === 'string' && (hasSpaces(planNo.trim()) || compact !== stripSpaces(planNo))) {
    findings.push({
      severity: 'warning',
      code: 'PLAN_NO_SPACES',
      message: `抽查计划编号中有空格或全角字符，请写作“${compact}”`,
      suggestion: compact,
    });
  }
  const m = /^(\d{4})(\d{3})$/.exec(compact);
  if (!m) {
    const yearSeq = /^(\d{4})\D*(\d{1,3})$/.exec(compact);
    const suggestion = yearSeq ? `${yearSeq[1]}${(yearSeq[2] ?? '').padStart(3, '0')}` : undefined;
    return toRuleResult<PlanNo>(undefined, [
      ...findings,
      {
        severity: 'error',
        code: 'PLAN_NO_FORMAT',
        message: `抽查计划编号“${text.trim()}”格式不对：应为四位年度加三位序号，共7位数字，如“2025001”${suggestion ? `；这里可能应为“${suggestion}”` : ''}`,
        ...(suggestion ? { suggestion } : {}),
      },
    ]);
  }
  return toRuleResult({ planNo: compact, year: Number(m[1]), seq: m[2] ?? '' }, findings);
}

/**
 * Checks a 抽查计划编号 and that it agrees with the plan name's year and 序号.
 *
 * @param planNo - the raw cell value or its text (`2025001` or the number 2025001)
 * @param expected - the year and 序号 read from the 抽查计划名称, when known; `yearSource` names where
 *   the year comes from when it is not the name (the year the plan table and the settings agree on)
 * @returns the findings (codes `PLAN_NO_…`), empty when the number is right
 * @example checkPlanNo('2025001', { year: 2025, seq: '001' }) // []
 * @example checkPlanNo('2024001', { year: 2025 })[0]?.code // 'PLAN_NO_YEAR_MISMATCH'
 */
export function checkPlanNo(
  planNo: CellValue | undefined,
  expected: { year?: number; seq?: string; yearSource?: string } = {},
): RuleFinding[] {
  const parsed = parsePlanNo(planNo);
  if (!parsed.ok) return parsed.findings;
  const { year, seq } = parsed.value;
  const findings = [...parsed.findings];
  const wantYear = expected.year ?? year;
  const wantSeq = expected.seq ?? seq;
  const suggestion = `${wantYear}${wantSeq}`;
  if (expected.year !== undefined && expected.year !== year) {
    findings.push({
      severity: 'error',
      code: 'PLAN_NO_YEAR_MISMATCH',
      message: `抽查计划编号的年度${year}与${expected.yearSource ?? '抽查计划名称'}的年度${expected.year}不一致，请核对后改成一致`,
      suggestion,
    });
  }
  if (expected.seq !== undefined && expected.seq !== seq) {
    findings.push({
      severity: 'error',
      code: 'PLAN_NO_SEQ_MISMATCH',
      message: `抽查计划编号的序号“${seq}”与抽查计划名称的序号“${expected.seq}”不一致，请核对后改成一致`,
      suggestion,
    });
  }
  return findings;
}
